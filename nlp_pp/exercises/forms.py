"""The student's answer: is it there yet, what form it takes, calling a function.

A form has ``describe()`` (what it takes, in Korean) and ``parse(value)`` (the value
in that form, or ValueError). A dict of forms is a dict answer, key by key.
"""

from __future__ import annotations

import math
import numbers
from typing import Any

import numpy as np


def is_number(value: Any) -> bool:
    """Return True for a finite int or float (NumPy scalars too), not a bool."""
    return (isinstance(value, numbers.Real) and not isinstance(value, (bool, np.bool_))
            and math.isfinite(float(value)))


def as_array(value: Any) -> np.ndarray:
    """Return ``value`` (a tensor on any device, a list, a number) as a float array."""
    if hasattr(value, "detach"):
        value = value.detach().cpu().numpy()
    return np.asarray(value, dtype=float)


class NotAnswered(Exception):
    """What the student's function returned is (or holds) ``...``."""


class StudentError(Exception):
    """The student's function raised or returned no function; a "not yet" reply."""


def is_unanswered(value: Any) -> bool:
    """Return True when ``value`` is ``...`` or a dict, list or tuple holding one."""
    if value is Ellipsis:
        return True
    if isinstance(value, dict):
        return any(is_unanswered(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return any(is_unanswered(v) for v in value)
    return False


def call_student(fn: Any, *args: Any, **kwargs: Any) -> Any:
    """Call the student's function: ``...`` -> NotAnswered, raise -> StudentError."""
    if fn is Ellipsis:
        raise NotAnswered
    if not callable(fn):
        raise StudentError(f"함수가 아니라 {type(fn).__name__} 값입니다. `def 답(...)`로 "
                           "함수를 정의하세요")
    try:
        result = fn(*args, **kwargs)
    except Exception as exc:  # 학생 코드는 무엇이든 던질 수 있습니다
        raise StudentError(
            f"작성한 함수가 오류를 냈습니다: {type(exc).__name__}: {exc}") from exc
    if is_unanswered(result):
        raise NotAnswered
    return result


class Choice:
    """One of a few options (``Choice("커진다", "작아진다")``, ``Choice(0.01, 1.0)``).

    Text options ignore extra spaces; number options match a close number.
    """

    def __init__(self, *options: Any):
        self.options = tuple(options)

    def describe(self) -> str:
        said = (f'"{o}"' if isinstance(o, str) else f"{o:g}" for o in self.options)
        return " / ".join(said) + " 중 하나"

    def parse(self, value: Any) -> Any:
        if isinstance(value, str):
            value = " ".join(value.split())
        for o in self.options:
            if (value == o if isinstance(o, str) else is_number(value)
                    and math.isclose(float(value), o)):
                return o
        raise ValueError(self.describe())


class Number:
    """A number (``integer=True``: a whole number)."""

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


class Flag:
    """``True`` or ``False``."""

    def describe(self) -> str:
        return "True 또는 False"

    def parse(self, value: Any) -> bool:
        if not isinstance(value, bool):
            raise ValueError(self.describe())  # noqa: TRY004 - ValueError is the protocol
        return value


class Subset:
    """A set of some of the listed options (``{-1, 0}``)."""

    def __init__(self, *options: Any):
        self.options = tuple(options)

    def describe(self) -> str:
        return "{" + ", ".join(map(repr, self.options)) + "} 가운데 고른 집합"

    def parse(self, value: Any) -> frozenset:
        if not isinstance(value, (set, frozenset, list, tuple)) or not set(
                value) <= set(self.options):
            raise ValueError(self.describe())
        return frozenset(value)


def _key(k: Any) -> str:
    return f'"{k}"' if isinstance(k, str) else repr(k)


def describe_form(form: Any) -> str:
    """Return the accepted form of an answer in Korean."""
    if isinstance(form, dict):
        items = ", ".join(f'{_key(k)}: {describe_form(f)}' for k, f in form.items())
        return "{" + items + "} 모양의 dict"
    return form.describe()


def _keys_off(form: dict, value: dict) -> str:
    """Return which keys are missing or unknown ('' when they match)."""
    missing = [k for k in form if k not in value]
    extra = [k for k in value if k not in form]
    said = ([f"빠진 키 {', '.join(map(repr, missing))}"] if missing else []) + (
        [f"모르는 키 {', '.join(map(repr, extra))}"] if extra else [])
    return ", ".join(said)


def parse_form(form: Any, value: Any) -> Any:
    """Return `value` parsed into `form`; ValueError says, in Korean, what is off."""
    if not isinstance(form, dict):
        return form.parse(value)
    if not isinstance(value, dict):
        raise ValueError(f"dict가 아니라 {type(value).__name__} 값입니다")  # noqa: TRY004
    off = _keys_off(form, value)
    if off:
        raise ValueError(off)
    parsed = {}
    for k, f in form.items():
        try:
            parsed[k] = parse_form(f, value[k])
        except ValueError:
            raise ValueError(f"{k!r}의 값 {value[k]!r}: {describe_form(f)}만 "
                             "받습니다") from None
    return parsed


def what_is_off(exc: ValueError, form: Any) -> str:
    """Return ': <what is off>' unless it only repeats the form's description."""
    text = str(exc)
    return "" if not text or text == describe_form(form) else f": {text}"
