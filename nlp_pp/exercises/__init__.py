"""The book's exercises, each answering back: ``pp.exercise(1).check(...)``.

``core`` is how one is declared (see its docstring) and checked, ``feedback`` the one
reply shape, ``forms`` the answer forms, ``registry`` the book's numbers and texts.
The chapter modules (``ch1`` … ``ch7``, ``ch3_convention``, ``ch6_evidence``,
``ch7_data``) only declare exercises; importing them fills the registry.
"""

from . import (  # noqa: F401 - importing a chapter module registers its exercises
    ch1,
    ch2,
    ch3,
    ch3_convention,
    ch4,
    ch5,
    ch6,
    ch6_evidence,
    ch7,
    ch7_data,
)
from .core import (
    KINDS,
    ORDER,
    Discussion,
    Exercise,
    Function,
    Prediction,
    exercise,
    exercises,
    register,
)
from .feedback import UNANSWERED, Feedback

__all__ = ["KINDS", "ORDER", "UNANSWERED", "Discussion", "Exercise", "Feedback",
           "Function", "Prediction", "exercise", "exercises", "register"]
