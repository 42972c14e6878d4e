"""Jamo decomposition and recomposition of tokens, built on the `jamo` package.

A token made only of Hangul syllables (가-힣) becomes three compatibility jamo per
syllable, with ``_`` for an empty final consonant (``'학교' -> 'ㅎㅏㄱㄱㅛ_'``), exactly
as the lecture's ``word_to_jamo`` does; every other token passes through unchanged.
Every syllable is then exactly three characters long, so FastText's 3–6 character
n-grams line up with syllables. `compose_token` inverts it for every token of the
cleaned alphabet (가-힣, a-z, A-Z, 0-9), which is all the pipeline ever produces.
"""

from __future__ import annotations

import re
from functools import lru_cache

from jamo import h2j, j2hcj

__all__ = [
    "EMPTY_FINAL",
    "compose_jamo",
    "compose_token",
    "decompose_jamo",
    "decompose_token",
]

EMPTY_FINAL = "_"  # 받침이 없는 음절의 세 번째 자리
_SYLLABLES = re.compile(r"[가-힣]+")
_FIRST, _LAST = 0xAC00, 0xD7A3


def _syllable_jamo(code: int) -> str:
    """Return the three compatibility jamo of one syllable (``_`` if no final)."""
    jamo = j2hcj(h2j(chr(code)))  # h2j: 첫가끝 자모로, j2hcj: 호환 자모(ㄱ, ㅏ)로
    return jamo if len(jamo) == 3 else jamo + EMPTY_FINAL


# 음절 11,172개의 분해 결과를 한 번만 계산해 두고 str.translate로 한꺼번에 바꿉니다.
_TO_JAMO = {code: _syllable_jamo(code) for code in range(_FIRST, _LAST + 1)}
_FROM_JAMO = {jamo: chr(code) for code, jamo in _TO_JAMO.items()}

CACHE_SIZE = 1 << 18


@lru_cache(maxsize=CACHE_SIZE)
def decompose_token(tok: str) -> str:
    """Return 3 jamo per syllable ('_': no final) if `tok` is all syllables."""
    if _SYLLABLES.fullmatch(tok):
        return tok.translate(_TO_JAMO)
    return tok  # 영문·숫자가 섞인 토큰은 강의처럼 그대로 둡니다


@lru_cache(maxsize=CACHE_SIZE)
def compose_token(jamo_str: str) -> str:
    """Return the syllables spelled by `jamo_str` in triples, else `jamo_str`."""
    if not jamo_str or len(jamo_str) % 3:
        return jamo_str
    triples = [jamo_str[i:i + 3] for i in range(0, len(jamo_str), 3)]
    if not all(t in _FROM_JAMO for t in triples):
        return jamo_str
    return "".join(map(_FROM_JAMO.__getitem__, triples))


def decompose_jamo(token_lists) -> list[list[str]]:
    """Return every token of every document decomposed into jamo (cached per token)."""
    return [list(map(decompose_token, doc)) for doc in token_lists]


def compose_jamo(token_lists) -> list[list[str]]:
    """Return every jamo token of every document composed back into syllables."""
    return [list(map(compose_token, doc)) for doc in token_lists]
