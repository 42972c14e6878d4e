"""Exercises that answer back: ``q.predict``, ``q.check``, ``q.hint``, ``q.solution``.

Modelled on Kaggle's learntools, without a server: every check runs in the notebook and
compares the student's answer with a reference computed from the student's OWN run
objects (layers, curves, tables, config) passed to ``check``, so it holds in quick and
full mode, on CPU and GPU, with any seed. The answers are readable in this package:
the checks teach, they do not grade.

A chapter module defines its exercises with :class:`Exercise` and :func:`register`.
A check function takes the answer first and the run objects as keyword arguments, and
returns :func:`right` or :func:`not_yet`; it may raise :class:`NotAnswered` (via
:func:`call_student` or :func:`require_answered`) and never trains or loads data.
"""

from __future__ import annotations

import inspect
import math
import numbers
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..errors import NlpPPError
from ..verdicts import particle

# 책에 나오는 순서 그대로의 연습 문제 라벨 (번호 = 위치 + 1).
# tests/test_exercises.py가 chapters/*.md의 {exercise} :label: 순서와 같은지 확인합니다.
ORDER: tuple[str, ...] = (
    "ch1-ex-scale", "ch1-ex-level", "ch1-ex-pre",
    "ch2-ex-bias", "ch2-ex-one", "ch2-ex-layers", "ch2-ex-gates",
    "ch3-ex-alpha", "ch3-ex-convention", "ch3-ex-params", "ch3-ex-reset",
    "ch4-ex1", "ch4-ex2", "ch4-ex3",
    "ch5-ex1", "ch5-ex2", "ch5-ex3", "ch5-ex4",
    "ch6-ex1", "ch6-ex2", "ch6-ex3",
    "ch7-ex1", "ch7-ex2", "ch7-ex3", "ch7-ex4", "ch7-ex5",
)
KINDS = {"predict": "예측", "code": "코드", "discuss": "토론"}
UNANSWERED = "아직 답을 쓰지 않았습니다"
_MISSING = object()


class NotAnswered(Exception):
    """The answer, a part of it, or what the student's function returned is ``...``."""


class StudentError(Exception):
    """The student's function raised; the check turns this into a "not yet" reply."""


@dataclass(frozen=True)
class Feedback:
    """One reply: ``ok`` True (right), False (not yet), None (no verdict).

    ``kind`` says what replied: "check" (ok True/False), "unanswered" (ok None: the
    answer is still ``...``), "recorded" (a prediction was stored, ok True; a
    prediction in a form the exercise does not take is kind "check", ok False),
    "hint" and "solution" (ok None). ``code`` holds the solution's code, if any.
    """

    ok: bool | None
    message: str
    kind: str = "check"
    number: int | None = None
    code: str = ""

    def headline(self) -> str:
        """Return the short Korean verdict that starts the reply."""
        if self.kind == "unanswered":
            return "✍️ " + UNANSWERED
        if self.kind == "recorded":
            return "📝 예측을 기록했습니다"
        if self.kind == "hint":
            return "💡 힌트"
        if self.kind == "solution":
            return "📖 풀이"
        return "✅ 맞았습니다" if self.ok else "❌ 아직입니다"

    def _offer(self) -> str:
        if self.number is None or self.kind not in {"check", "unanswered"} or self.ok:
            return ""
        q = f"pp.exercise({self.number})"
        if self.kind == "unanswered":
            return f"막히면 `{q}.hint()`"
        return f"막히면 `{q}.hint()`, 풀이는 `{q}.solution()`"

    def _body(self) -> str:
        body = self.message
        if self.kind == "unanswered" and body.startswith(UNANSWERED):
            body = body[len(UNANSWERED):].lstrip(" .")
        return body

    def _repr_markdown_(self) -> str:
        text = f"**{self.headline()}** — {self._body()}"
        if self.code:
            text += f"\n\n```python\n{self.code.strip()}\n```"
        offer = self._offer()
        return text + (f"\n\n{offer}" if offer else "")

    def __str__(self) -> str:
        text = f"{self.headline()} — {self._body()}"
        if self.code:
            text += "\n\n" + self.code.strip()
        offer = self._offer()
        return text + (f"\n({offer.replace('`', '')})" if offer else "")

    __repr__ = __str__


def right(message: str) -> Feedback:
    """Return a "right" reply (for check functions)."""
    return Feedback(True, message)


def not_yet(message: str) -> Feedback:
    """Return a "not yet" reply (for check functions): say which quantity, how far."""
    return Feedback(False, message)


def unanswered(message: str = "") -> Feedback:
    """Return the "not answered" reply; ``message`` says what to write where."""
    text = UNANSWERED + ". " + (message or "`...` 자리에 답을 쓰고 셀을 다시 실행하세요.")
    return Feedback(None, text, kind="unanswered")


def is_unanswered(value: Any) -> bool:
    """Return True when ``value`` is ``...`` or a dict, list or tuple holding one."""
    if value is Ellipsis:
        return True
    if isinstance(value, dict):
        return any(is_unanswered(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return any(is_unanswered(v) for v in value)
    return False


def require_answered(value: Any) -> Any:
    """Return ``value``; raise :class:`NotAnswered` if it is (or holds) ``...``."""
    if is_unanswered(value):
        raise NotAnswered
    return value


def call_student(fn: Any, *args: Any, **kwargs: Any) -> Any:
    """Call the student's function: ``...`` -> NotAnswered, raise -> StudentError.

    Not a function at all (the stub ``답 = ...``) also counts as not answered.
    """
    if fn is Ellipsis:
        raise NotAnswered
    if not callable(fn):
        raise StudentError(f"함수가 아니라 {type(fn).__name__} 값입니다. `def 답(...)`로 "
                           "함수를 정의하세요")
    try:
        result = fn(*args, **kwargs)
    except NotAnswered:
        raise
    except Exception as exc:  # 학생 코드는 무엇이든 던질 수 있습니다
        raise StudentError(
            f"작성한 함수가 오류를 냈습니다: {type(exc).__name__}: {exc}") from exc
    if is_unanswered(result):
        raise NotAnswered
    return result


def as_array(value: Any) -> np.ndarray:
    """Return ``value`` (a tensor on any device, a list, a number) as a float array."""
    if hasattr(value, "detach"):
        value = value.detach().cpu().numpy()
    return np.asarray(value, dtype=float)


def fmt(x: Any) -> str:
    """Return a short Korean-friendly text for a number (3 significant digits)."""
    if isinstance(x, (bool, np.bool_)):
        return str(bool(x))
    if isinstance(x, numbers.Integral):
        return f"{int(x):,}"
    if isinstance(x, numbers.Real):
        x = float(x)
        if not math.isfinite(x):
            return str(x)
        if x != 0 and (abs(x) >= 1e5 or abs(x) < 1e-3):
            return f"{x:.2e}"
        return f"{x:.3g}"
    return repr(x)


def is_number(value: Any) -> bool:
    """Return True for a finite int or float (NumPy scalars too), not a bool."""
    return (isinstance(value, numbers.Real) and not isinstance(value, (bool, np.bool_))
            and math.isfinite(float(value)))


# ---------------------------------------------------------------- prediction forms
class Choice:
    """A prediction that is one of a few Korean phrases (``Choice("커진다", "작아진다")``)."""

    def __init__(self, *options: str):
        self.options = tuple(options)

    def describe(self) -> str:
        return " / ".join(f'"{o}"' for o in self.options) + " 중 하나"

    def parse(self, value: Any) -> str:
        text = " ".join(str(value).split()) if isinstance(value, str) else None
        if text not in set(self.options):
            raise ValueError(self.describe())
        return text


class Number:
    """A prediction that is a number (``integer=True``: a whole number)."""

    def __init__(self, integer: bool = False, unit: str = ""):
        self.integer, self.unit = integer, unit

    def describe(self) -> str:
        unit = f"({self.unit})" if self.unit else ""
        return ("정수" if self.integer else "숫자") + unit

    def parse(self, value: Any) -> float | int:
        if not is_number(value) or (self.integer and float(value) != int(value)):
            raise ValueError(self.describe())
        return int(value) if self.integer else float(value)


class Shape:
    """A tensor shape: a tuple (or list) of whole numbers, ``(B, T, H)``."""

    def describe(self) -> str:
        return "정수의 튜플(예: (64, 330, 128))"

    def parse(self, value: Any) -> tuple[int, ...]:
        if hasattr(value, "shape") and not isinstance(value, (tuple, list)):
            value = tuple(value.shape)  # torch.Size, 배열
        if not isinstance(value, (tuple, list)) or not all(
                is_number(v) and float(v) == int(v) for v in value):
            raise ValueError(self.describe())
        return tuple(int(v) for v in value)


def _parse_form(form: Any, value: Any) -> Any:
    """Return `value` parsed into `form`; ValueError says, in Korean, what is off."""
    if isinstance(form, dict):
        if not isinstance(value, dict):
            raise ValueError(f"dict가 아니라 {type(value).__name__} 값입니다")
        missing = [k for k in form if k not in value]
        extra = [k for k in value if k not in form]
        if missing or extra:
            said = ([f"빠진 키 {', '.join(map(repr, missing))}"] if missing else []) + (
                [f"모르는 키 {', '.join(map(repr, extra))}"] if extra else [])
            raise ValueError(", ".join(said))
        parsed = {}
        for k, f in form.items():
            try:
                parsed[k] = _parse_form(f, value[k])
            except ValueError:
                raise ValueError(f"{k!r}의 값 {value[k]!r}: {describe_form(f)}만 "
                                 "받습니다") from None
        return parsed
    return form.parse(value)


def _why(exc: ValueError, form: Any) -> str:
    """Return ': <what is off>' unless it only repeats the form's description."""
    text = str(exc)
    return "" if not text or text == describe_form(form) else f": {text}"


def describe_form(form: Any) -> str:
    """Return the accepted form of a prediction in Korean."""
    if isinstance(form, dict):
        items = ", ".join(f'"{k}": {f.describe()}' for k, f in form.items())
        return "{" + items + "} 모양의 dict"
    return form.describe()


# ---------------------------------------------------------------- the exercise
CheckFn = Callable[..., Feedback]


class Exercise:
    """One exercise of the book: ``predict`` (prediction kind), ``check``, ``hint``,
    ``solution``. Every method returns a :class:`Feedback` and prints nothing.

    ``check_fn(answer, **run_objects)`` returns :func:`right` / :func:`not_yet`;
    ``form`` (required for the prediction kind, optional otherwise) is a
    :class:`Choice`, :class:`Number`, :class:`Shape` or a dict of them: the answer is
    parsed into it before ``check_fn`` sees it; ``answer_name`` is the name the student
    assigns (``예측`` or ``답``).
    """

    def __init__(self, label: str, title: str, kind: str, minutes: int,
                 check_fn: CheckFn, hint: str, solution: str, code: str = "",
                 form: Any = None, answer_name: str = "답"):
        if kind not in KINDS:
            raise NlpPPError(f"kind는 {sorted(KINDS)} 중 하나여야 합니다: {kind!r}",
                             f"kind must be one of {sorted(KINDS)}: {kind!r}")
        if kind == "predict" and form is None:
            raise NlpPPError("예측 문제에는 form(답의 꼴)이 필요합니다",
                             "a prediction exercise needs a form")
        self.label, self.title, self.kind, self.minutes = label, title, kind, minutes
        self.number: int | None = None
        self.form, self.answer_name = form, answer_name
        self._check_fn, self._hint, self._solution, self._code = (
            check_fn, hint, solution, code)
        self.prediction: Any = None  # the last valid prediction, parsed
        self._refused: Any = _MISSING  # what predict() last refused: ``...`` or a value
        params = inspect.signature(check_fn).parameters
        self.run_objects = tuple(  # the run objects check() must be given
            n for n, p in params.items()
            if p.kind is inspect.Parameter.KEYWORD_ONLY and p.default is p.empty)

    def __repr__(self) -> str:
        return (f"Exercise({self.number}, {self.label!r}, {self.title!r}, "
                f"kind={self.kind!r}, minutes={self.minutes})")

    def _reply(self, fb: Feedback) -> Feedback:
        return Feedback(fb.ok, fb.message, fb.kind, self.number, fb.code)

    def reset(self) -> None:
        """Forget the recorded prediction."""
        self.prediction = None
        self._refused = _MISSING

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
        self.prediction, self._refused = None, _MISSING
        if is_unanswered(value):
            self._refused = Ellipsis
            return self._reply(unanswered(
                f"`...` 자리를 예측으로 바꾸세요: {describe_form(self.form)}."))
        try:
            self.prediction = _parse_form(self.form, value)
        except ValueError as exc:
            self._refused = value
            dropped = " 앞서 기록한 예측도 지웠습니다." if had else ""
            return self._reply(not_yet(
                f"예측을 기록하지 않았습니다{_why(exc, self.form)}. 예측은 "
                f"{particle(describe_form(self.form), '로')} 써 주세요. 받은 값: "
                f"{value!r}.{dropped}"))
        return self._reply(Feedback(True, (
            f"{self.prediction!r}. 이제 실험 셀을 실행한 뒤 확인 셀"
            f"(`pp.exercise({self.number}).check(...)`)을 실행하세요."), "recorded"))

    def _stored_prediction(self) -> Any:
        """Return the recorded prediction, or the reply saying why there is none."""
        name = self.answer_name
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
            return unanswered(f"먼저 `pp.exercise({self.number}).predict({name})`로 "
                              "예측을 기록하세요.")
        return self.prediction

    def check(self, answer: Any = _MISSING, **run_objects: Any) -> Feedback:
        """Compare ``answer`` (prediction kind: else the recorded prediction) with a
        reference computed from ``run_objects``."""
        missing = [n for n in self.run_objects if n not in run_objects]
        if missing:
            names = ", ".join(missing)
            raise NlpPPError(f"연습 {self.number}의 확인에는 {names}도 넘겨야 합니다",
                             f"exercise {self.number}'s check needs {names} as well")
        if answer is _MISSING:
            if self.kind != "predict":
                return self._reply(unanswered(
                    f"{particle(f'`{self.answer_name}`', '을')} `check`에 넘기세요."))
            answer = self._stored_prediction()
            if isinstance(answer, Feedback):
                return self._reply(answer)
        if is_unanswered(answer):
            return self._reply(unanswered(f"`{self.answer_name} = ...`의 `...` 자리에 "
                                          "답을 쓰고 셀을 다시 실행하세요."))
        if self.form is not None:
            try:
                answer = _parse_form(self.form, answer)
            except ValueError as exc:
                what = "예측" if self.kind == "predict" else "답"
                return self._reply(not_yet(
                    f"{what}의 꼴이 다릅니다{_why(exc, self.form)}. {what}은 "
                    f"{particle(describe_form(self.form), '로')} 써 주세요. 받은 값: "
                    f"{answer!r}"))
        try:
            fb = self._check_fn(answer, **run_objects)
        except NotAnswered:
            fb = unanswered("함수 본문의 `return ...`을 채우고 셀을 다시 실행하세요.")
        except StudentError as exc:
            fb = not_yet(str(exc))
        return self._reply(fb)

    def hint(self) -> Feedback:
        """Return the Korean hint."""
        return Feedback(None, self._hint, "hint", self.number)

    def solution(self) -> Feedback:
        """Return the worked answer in Korean, with its code."""
        return Feedback(None, self._solution, "solution", self.number, self._code)


# ---------------------------------------------------------------- the registry
_REGISTRY: dict[str, Exercise] = {}


def register(ex: Exercise) -> Exercise:
    """Add ``ex`` under its label; its number is its place in :data:`ORDER`."""
    if ex.label not in ORDER:
        raise NlpPPError(f"ORDER에 없는 라벨입니다: {ex.label!r}",
                         f"label not in ORDER: {ex.label!r}")
    if ex.label in _REGISTRY:
        raise NlpPPError(f"이미 등록된 라벨입니다: {ex.label!r}",
                         f"label registered twice: {ex.label!r}")
    ex.number = ORDER.index(ex.label) + 1
    _REGISTRY[ex.label] = ex
    return ex


def exercise(key: int | str) -> Exercise:
    """Return the exercise by its book number (1–26) or label (``"ch1-ex-scale"``)."""
    if isinstance(key, numbers.Integral) and not isinstance(key, bool):
        if not 1 <= int(key) <= len(ORDER):
            raise NlpPPError(f"연습 번호는 1–{len(ORDER)}입니다: {key}",
                             f"exercise numbers are 1-{len(ORDER)}: {key}")
        label = ORDER[int(key) - 1]
    elif isinstance(key, str) and key.strip() in set(ORDER):
        label = key.strip()
    else:
        raise NlpPPError(f"그런 연습 문제가 없습니다: {key!r} (번호 1–{len(ORDER)} 또는 "
                         f"라벨, 예: {ORDER[0]!r})",
                         f"no such exercise: {key!r} (number 1-{len(ORDER)} or label)")
    if label not in _REGISTRY:
        raise NlpPPError(f"연습 {label}의 확인은 아직 만들어지지 않았습니다",
                         f"exercise {label} has no check yet")
    return _REGISTRY[label]


def exercises() -> tuple[Exercise, ...]:
    """Return every registered exercise in book order (for the teacher's page)."""
    return tuple(_REGISTRY[label] for label in ORDER if label in _REGISTRY)
