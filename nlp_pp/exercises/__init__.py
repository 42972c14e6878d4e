"""The book's 26 exercises, each answering back: ``pp.exercise(1).check(...)``.

``core`` holds the framework; ``ch1`` … ``ch7`` define and register each chapter's
exercises (importing them fills the registry).
"""

from . import ch1, ch2, ch3, ch4, ch5, ch6, ch7  # noqa: F401 - registers the exercises
from .core import (
    KINDS,
    ORDER,
    UNANSWERED,
    Choice,
    Exercise,
    Feedback,
    Number,
    Shape,
    exercise,
    exercises,
)

__all__ = ["KINDS", "ORDER", "UNANSWERED", "Choice", "Exercise", "Feedback", "Number",
           "Shape", "exercise", "exercises"]
