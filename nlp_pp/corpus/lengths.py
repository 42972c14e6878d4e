"""The length model: how many tokens a message of a kind should have."""

from __future__ import annotations

import random
import re
from functools import lru_cache

from .kinds import KINDS, Kind

__all__ = ["LENGTH_MU", "LENGTH_SIGMA", "MAX_TOKENS", "MIN_TOKENS",
           "estimate_tokens", "target_tokens"]

LENGTH_MU, LENGTH_SIGMA = 3.77, 1.30  # log-length of a message of scale 1
MIN_TOKENS, MAX_TOKENS = 3, 900
_RUN = re.compile(r"[A-Za-z]+|[0-9]+")


def estimate_tokens(text: str) -> float:
    """Return a quick estimate of the token count after the course pipeline."""
    hangul = sum("가" <= c <= "힣" for c in text)
    return 0.42 * hangul + 1.2 * len(_RUN.findall(text))


@lru_cache(maxsize=2)
def _class_scale(label: str) -> float:
    """Return the weighted mean scale of one class's kinds (for normalising)."""
    kinds = [k for k in KINDS.values() if k.label == label]
    return sum(k.weight * k.scale for k in kinds) / sum(k.weight for k in kinds)


def target_tokens(kind: Kind, rng: random.Random) -> float:
    """Return a target token count: normalised kind scale x lognormal, cut."""
    # 클래스마다 평균 척도로 나눠서 두 클래스의 평균 길이를 맞춥니다
    scale = kind.scale / _class_scale(kind.label)
    while True:
        target = scale * rng.lognormvariate(LENGTH_MU, LENGTH_SIGMA)
        if target <= MAX_TOKENS:
            return max(target, MIN_TOKENS)
