"""Exercises that answer back: ``q.predict``, ``q.check``, ``q.hint``, ``q.solution``.

Modelled on Kaggle's learntools, without a server: every check runs in the notebook and
compares the student's answer with a reference computed from the student's OWN run
objects (layers, curves, tables, config) passed to ``check``, so it holds in quick and
full mode, on CPU and GPU, with any seed. The checks teach, they do not grade.

A chapter module only declares its exercises; this module does the rest (finds ``...``
in the answer and in the run objects, parses the form, renders the reply)::

    @register
    class Scale(Prediction):              # or Function, Discussion
        label = "ch1-ex-scale"            # number, title, code: resources/exercises.json
        minutes = 15                      # hint, solution: resources/exercise_texts.md
        form = {"반지름_2배": Number(), "k": Choice("늘어난다", "줄어든다")}
        stubs = {"runs": ("ex1", "두 학습 결과")}  # run object -> (student's name, what)

        def judge(self, answer, *, layers, seeds):  # keyword-only: the run objects
            seen = ...  # the expected value, computed from the run objects
            parts = [choice_part("k", answer["k"], seen, why="...의 이유")]
            return reply(parts, lead="이번 실행: ...")  # or right(...) / not_yet(...)

``judge`` gets the answer already parsed into ``form`` and run objects that are not
``...``; it never trains or loads data. For a function answer, call it through
:func:`call_student`. Parts come from ``feedback.part`` / ``feedback.choice_part``
(what was said and measured, and the reason when they differ). The name the student
assigns (``answer_name``) is the one the book's answer code defines; a prediction's is
``예측``. Hint and solution may also be class attributes (``hint_text``,
``solution_text``) instead of text in ``exercise_texts.md``.
"""

from __future__ import annotations

import inspect
import re
from typing import Any

from ..errors import NlpPPError
from ..korean import particle
from .feedback import Feedback, not_yet, unanswered
from .forms import (  # noqa: F401 - call_student: for the chapter modules
    NotAnswered,
    StudentError,
    call_student,
    describe_form,
    is_unanswered,
    parse_form,
    what_is_off,
)
from .registry import (  # noqa: F401 - chapter modules import register from here
    _REGISTRY,
    BOOK,
    ORDER,
    TEXTS,
    exercise,
    exercises,
    register,
)

KINDS = {"predict": "예측", "code": "코드", "discuss": "토론"}
_MISSING = object()


def answer_name(code: str) -> str:
    """Return the name the answer code defines first: a function, else a variable."""
    found = (re.search(r"^def (\w+)\(", code, re.MULTILINE)
             or re.search(r"^(\w+) = ", code, re.MULTILINE))
    return found[1] if found else "답"


class Exercise:
    """One exercise of the book; subclass :class:`Prediction`, :class:`Function` or
    :class:`Discussion` and declare it (see the module docstring)."""

    label: str = ""
    kind: str = "discuss"
    minutes: int = 10
    form: Any = None
    answer_name: str = ""  # "" -> the name the book's answer code defines
    stubs: dict[str, tuple[str, str]] = {}
    hint_text: str = ""  # "" -> the text under its label in exercise_texts.md
    solution_text: str = ""

    def __init__(self) -> None:
        entry = BOOK.get(self.label, {})
        for attr, text in TEXTS.get(self.label, {}).items():
            setattr(self, attr, getattr(self, attr) or text)
        self.number: int | None = entry.get("number")
        self.title: str = entry.get("title", self.label)
        self.code: str = entry.get("code", "")
        self.answer_name = self.answer_name or answer_name(self.code)
        self.prediction: Any = None  # the last valid prediction, parsed
        self._refused: Any = _MISSING  # what predict() last refused: ``...`` or a value
        params = inspect.signature(self.judge).parameters.values()
        self.run_objects = tuple(p.name for p in params  # what check() must be given
                                 if p.kind is p.KEYWORD_ONLY and p.default is p.empty)

    def __repr__(self) -> str:
        return (f"Exercise({self.number}, {self.label!r}, {self.title!r}, "
                f"kind={self.kind!r}, minutes={self.minutes})")

    def judge(self, answer: Any, **run: Any) -> Feedback:
        """Return the reply for a parsed answer and this run's objects."""
        raise NotImplementedError

    def _reply(self, fb: Feedback) -> Feedback:
        return Feedback(fb.ok, fb.message, fb.kind, self.number, fb.code)

    def reset(self) -> None:
        """Forget the recorded prediction."""
        self.prediction, self._refused = None, _MISSING

    def predict(self, value: Any) -> Feedback:
        """Record the student's prediction (before the run); check it later.

        Every call replaces what an earlier call recorded: a prediction still ``...``
        or in a form the exercise does not take is not recorded, and the check then
        says so instead of grading an older prediction the student no longer sees.
        """
        if self.kind != "predict":
            return self._reply(not_yet(
                f"{particle(f'연습 {self.number}', '은')} 예측 문제가 아닙니다. 답을 "
                "`check`에 넘기세요."))
        had = self.prediction is not None
        self.reset()
        if is_unanswered(value):
            self._refused = Ellipsis
            return self._reply(unanswered(
                f"`...` 자리를 예측으로 바꾸세요: {describe_form(self.form)}."))
        try:
            self.prediction = parse_form(self.form, value)
        except ValueError as exc:
            self._refused = value
            dropped = " 앞서 기록한 예측도 지웠습니다." if had else ""
            return self._reply(not_yet(
                f"예측을 기록하지 않았습니다{what_is_off(exc, self.form)}. 예측은 "
                f"{particle(describe_form(self.form), '로')} 써 주세요. 받은 값: "
                f"{value!r}.{dropped}"))
        return self._reply(Feedback(True, (
            f"{self.prediction!r}. 이제 실험 셀을 실행한 뒤 확인 셀"
            f"(`pp.exercise({self.number}).check(...)`)을 실행하세요."), "recorded"))

    def _stored_prediction(self) -> Any:
        """Return the recorded prediction, or the reply saying why there is none."""
        if self._refused is Ellipsis:
            return unanswered("예측 셀의 `...` 자리를 예측으로 바꾸고, 예측 셀과 이 셀을 "
                              "차례로 다시 실행하세요.")
        if self._refused is not _MISSING:
            return not_yet(
                f"마지막으로 predict에 넘긴 {particle(repr(self._refused), '은')} "
                "받는 꼴이 아니라서 기록되지 않았습니다. 예측은 "
                f"{particle(describe_form(self.form), '로')} 써서 예측 셀을 다시 "
                "실행한 뒤 이 셀을 실행하세요.")
        if self.prediction is None:
            return unanswered(f"먼저 `pp.exercise({self.number}).predict"
                              f"({self.answer_name})`로 예측을 기록하세요.")
        return self.prediction

    def _answer(self, answer: Any) -> Any:
        """Return the parsed answer, or the reply that stops the check."""
        if answer is _MISSING and self.kind != "predict":
            return unanswered(f"{particle(f'`{self.answer_name}`', '을')} `check`에 "
                              "넘기세요.")
        if answer is _MISSING:
            return self._stored_prediction()
        if is_unanswered(answer):
            return unanswered(f"`{self.answer_name} = ...`의 `...` 자리에 답을 쓰고 셀을 "
                              "다시 실행하세요.")
        if self.form is None:
            return answer
        try:
            return parse_form(self.form, answer)
        except ValueError as exc:
            what = "예측" if self.kind == "predict" else "답"
            return not_yet(f"{what}의 꼴이 다릅니다{what_is_off(exc, self.form)}. {what}은 "
                           f"{particle(describe_form(self.form), '로')} 써 주세요. "
                           f"받은 값: {answer!r}")

    def _stub(self, run: dict) -> Feedback | None:
        """Return the not-answered reply for the first run object still ``...``."""
        for key, value in run.items():
            if is_unanswered(value):
                name, what = self.stubs.get(key, (key, "값"))
                return unanswered(f"`{name} = ...`의 `...` 자리에 "
                                  f"{particle(what, '을')} 넣고 셀을 실행한 뒤, 이 셀을 "
                                  "다시 실행하세요.")
        return None

    def check(self, answer: Any = _MISSING, **run: Any) -> Feedback:
        """Compare ``answer`` (a prediction: else the recorded one) with a reference
        computed from the run objects."""
        missing = [n for n in self.run_objects if n not in run]
        if missing:
            names = ", ".join(missing)
            raise NlpPPError(f"연습 {self.number}의 확인에는 {names}도 넘겨야 합니다",
                             f"exercise {self.number}'s check needs {names} as well")
        answer = self._answer(answer)
        fb = answer if isinstance(answer, Feedback) else self._stub(run)
        if fb is None:
            try:
                fb = self.judge(answer, **run)
            except NotAnswered:
                fb = unanswered("함수 본문의 `return ...`을 채우고 셀을 다시 실행하세요.")
            except StudentError as exc:
                fb = not_yet(str(exc))
        return self._reply(fb)

    def hint(self) -> Feedback:
        """Return the Korean hint."""
        return Feedback(None, self.hint_text, "hint", self.number)

    def solution(self) -> Feedback:
        """Return the worked answer in Korean, with the book's answer code."""
        return Feedback(None, self.solution_text, "solution", self.number, self.code)


class Prediction(Exercise):
    """Predict before the run (``q.predict(예측)``), check after it (``q.check(...)``)."""

    kind = "predict"
    answer_name = "예측"


class Function(Exercise):
    """Write a function; the check calls it on fresh inputs (via call_student)."""

    kind = "code"


class Discussion(Exercise):
    """Answer a question in a declared form; the check measures the run."""

    kind = "discuss"
