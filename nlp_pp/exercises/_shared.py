"""Words the checks of chapters 4–7 share: directions, relations, the yardstick."""

from __future__ import annotations

from .. import stats
from ..korean import pp_diff
from .forms import Choice

UP, SAME, DOWN = "늘어난다", "그대로", "줄어든다"
DIRECTION = Choice(UP, SAME, DOWN)
HIGHER, SIMILAR, LOWER = "높아진다", "비슷하다", "낮아진다"
RELATION = Choice(HIGHER, SIMILAR, LOWER)
RELATION_WORDS = {stats.HIGHER: HIGHER, stats.SIMILAR: SIMILAR, stats.LOWER: LOWER}


def direction(before: float, after: float, tol: float = 0.0) -> str:
    """Return UP, SAME or DOWN for the change from `before` to `after`."""
    if after > before + tol:
        return UP
    if after < before - tol:
        return DOWN
    return SAME


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
