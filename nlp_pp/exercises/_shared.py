"""Small pieces the checks of chapters 4–7 share: prediction forms and comparisons."""

from __future__ import annotations

import math
from typing import Any

from .core import Choice, Feedback, not_yet, right, unanswered

UP, SAME, DOWN = "늘어난다", "그대로", "줄어든다"
DIRECTION = Choice(UP, SAME, DOWN)
HIGHER, SIMILAR, LOWER = "높아진다", "비슷하다", "낮아진다"
RELATION = Choice(HIGHER, SIMILAR, LOWER)


class Flag:
    """A prediction that is ``True`` or ``False``."""

    def describe(self) -> str:
        return "True 또는 False"

    def parse(self, value: Any) -> bool:
        if not isinstance(value, bool):
            raise ValueError(self.describe())  # noqa: TRY004 - core catches ValueError
        return value


class Subset:
    """A prediction that is a set of some of the listed options (``{-1, 0}``)."""

    def __init__(self, *options: Any):
        self.options = tuple(options)

    def describe(self) -> str:
        return "{" + ", ".join(map(repr, self.options)) + "} 가운데 고른 집합"

    def parse(self, value: Any) -> frozenset:
        if not isinstance(value, (set, frozenset, list, tuple)):
            raise ValueError(self.describe())  # noqa: TRY004 - core catches ValueError
        chosen = frozenset(value)
        if not chosen <= set(self.options):
            raise ValueError(self.describe())
        return chosen


def direction(before: float, after: float, tol: float = 0.0) -> str:
    """Return UP, SAME or DOWN for the change from `before` to `after`."""
    if after > before + tol:
        return UP
    if after < before - tol:
        return DOWN
    return SAME


def relation(acc: float, ref: float, tol: float) -> str:
    """Return HIGHER, SIMILAR or LOWER for `acc` against `ref` (within `tol`)."""
    return {UP: HIGHER, SAME: SIMILAR, DOWN: LOWER}[direction(ref, acc, tol)]


def acc_tolerance(acc: float, ref: float, n_test: int) -> float:
    """Return one standard error of a test accuracy (at least one message)."""
    p = min(max((acc + ref) / 2, 0.0), 1.0)
    return max(math.sqrt(p * (1 - p) / max(n_test, 1)), 1 / max(n_test, 1))


def pct(x: float) -> str:
    """Return a share as '97.3%'."""
    return f"{x:.1%}"


def pp_diff(x: float) -> str:
    """Return a difference of shares in percent points, signed ('+1.2%p')."""
    return f"{x * 100:+.1f}%p"


def stub(name: str, what: str):
    """Return the not-answered reply for a run object still ``...``."""
    return unanswered(f"`{name} = ...`의 `...` 자리에 {what}을(를) 넣고 셀을 실행한 뒤, "
                      "이 셀을 다시 실행하세요.")


def part_lines(parts: list) -> tuple[bool, str]:
    """Join (ok, text) parts into (all ok, one message with ✓/✗ marks)."""
    ok = all(p for p, _ in parts)
    return ok, " ".join(f"{'✓' if p else '✗'} {t}" for p, t in parts)


def reply(parts: list, lead: str = "") -> Feedback:
    """Return "right" if every (ok, text) part is right, else "not yet", with all parts.

    `lead` (what this run measured) goes before the parts.
    """
    ok, text = part_lines(parts)
    text = f"{lead} {text}" if lead else text
    return right(text) if ok else not_yet(text)


class OneOf:
    """A prediction that is one of a few listed numbers (``OneOf(0.01, 1.0, 100.0)``)."""

    def __init__(self, *options: float):
        self.options = tuple(options)

    def describe(self) -> str:
        return " / ".join(f"{o:g}" for o in self.options) + " 중 하나"

    def parse(self, value: Any) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError(self.describe())  # noqa: TRY004 - core catches ValueError
        for o in self.options:
            if math.isclose(float(value), o):
                return o
        raise ValueError(self.describe())
