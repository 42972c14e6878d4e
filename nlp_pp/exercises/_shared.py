"""Small pieces the checks of chapters 4–7 share: prediction forms and comparisons."""

from __future__ import annotations

import math
from typing import Any

from .. import stats
from ..verdicts import particle, pct, pp_diff  # noqa: F401 - the book's one format
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


RELATION_WORDS = {stats.HIGHER: HIGHER, stats.SIMILAR: SIMILAR, stats.LOWER: LOWER}


def relation(comparison: stats.Comparison) -> str:
    """Return HIGHER, SIMILAR or LOWER (Korean) for accuracy A against B."""
    return RELATION_WORDS[comparison.verdict]


def yardstick(c: stats.Comparison) -> str:
    """Return the gap and the yardstick it was judged by, for a reply."""
    if c.kind == "paired":
        how = (f"같은 테스트 메시지에서 짝지은 비교: 한쪽만 맞힌 메시지 {c.only_a}통 대 "
               f"{c.only_b}통, 잣대는 표준오차의 두 배 약 {c.noise_msgs:.1f}통")
    else:
        how = (f"두 정확도를 독립으로 본 잣대 2·√2·SE 약 {pp_diff(c.noise, False)}"
               f"(테스트 메시지 {c.noise_msgs:.1f}통)")
    return f"차이 {pp_diff(c.gap)}, 테스트 메시지 {c.gap_msgs}통; {how}"


def stub(name: str, what: str):
    """Return the not-answered reply for a run object still ``...``."""
    return unanswered(f"`{name} = ...`의 `...` 자리에 {particle(what, '을')} 넣고 셀을 "
                      "실행한 뒤, 이 셀을 다시 실행하세요.")


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
