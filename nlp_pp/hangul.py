"""Jamo decomposition and recomposition of tokens, built on the `jamo` package.

A token made only of Hangul syllables (가-힣) becomes its compatibility jamo
('학교' -> 'ㅎㅏㄱㄱㅛ'); every other token passes through unchanged. The mapping
is one-to-one, so `compose_token(decompose_token(t)) == t` for every string `t`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from jamo import h2j, hcj_to_jamo, j2hcj, jamo_to_hangul

__all__ = [
    "JAMO_ESCAPE",
    "compose_jamo",
    "compose_token",
    "decompose_jamo",
    "decompose_token",
]

# 한글 음절(가-힣)로만 이루어진 토큰만 자모로 분해합니다.
_SYLLABLES = re.compile(r"[가-힣]+")
# 호환 자모(ㄱ-ㅎ 자음, ㅏ-ㅣ 모음)로만 이루어진 문자열
_COMPAT_JAMO = re.compile(r"[ㄱ-ㅎㅏ-ㅣ]+")
_VOWELS = frozenset(chr(c) for c in range(ord("ㅏ"), ord("ㅣ") + 1))
_LEADS = frozenset("ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ")
_TAILS = frozenset("ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ")

# 분해하지 않고 통과시킨 토큰이 어떤 음절 토큰의 분해 결과와 똑같아 보이면
# (예: 자모 그대로인 토큰 'ㄱㅏ'는 '가'의 분해 결과와 같습니다) 앞에 이 표시를 붙여
# 두 토큰이 서로 다른 문자열로 남게 합니다. 정제한 텍스트에서는 생기지 않습니다.
JAMO_ESCAPE = "§"

CACHE_SIZE = 1 << 18


def _compose_syllables(jamo_str: str) -> str | None:
    """Return the syllables spelled by compatibility jamo, or None if none fit."""
    out, i, n = [], 0, len(jamo_str)
    while i < n:
        if i + 1 >= n or jamo_str[i] not in _LEADS or jamo_str[i + 1] not in _VOWELS:
            return None
        lead, vowel, tail = jamo_str[i], jamo_str[i + 1], ""
        i += 2
        # 다음 글자가 자음이고 그 뒤에 모음이 오지 않으면 받침입니다.
        if i < n and (i + 1 >= n or jamo_str[i + 1] not in _VOWELS):
            if jamo_str[i] not in _TAILS:
                return None
            tail = jamo_str[i]
            i += 1
        out.append(
            jamo_to_hangul(
                hcj_to_jamo(lead, "lead"),
                hcj_to_jamo(vowel, "vowel"),
                hcj_to_jamo(tail, "tail") if tail else "",
            )
        )
    return "".join(out)


def _needs_escape(tok: str) -> bool:
    """Return True if a passed-through token could be read as decomposed jamo."""
    if tok.startswith(JAMO_ESCAPE):
        return True
    return _COMPAT_JAMO.fullmatch(tok) is not None and (
        _compose_syllables(tok) is not None
    )


@lru_cache(maxsize=CACHE_SIZE)
def decompose_token(tok: str) -> str:
    """Return the compatibility-jamo spelling of an all-syllable token, else `tok`."""
    if _SYLLABLES.fullmatch(tok):
        # h2j: 음절 -> 첫가끝 자모, j2hcj: 첫가끝 자모 -> 호환 자모(ㄱ, ㅏ, ...)
        return j2hcj(h2j(tok))
    return JAMO_ESCAPE + tok if _needs_escape(tok) else tok


@lru_cache(maxsize=CACHE_SIZE)
def compose_token(jamo_str: str) -> str:
    """Return the token whose decomposition is `jamo_str` (inverse of decompose)."""
    if jamo_str.startswith(JAMO_ESCAPE):
        return jamo_str[len(JAMO_ESCAPE):]
    if _COMPAT_JAMO.fullmatch(jamo_str):
        composed = _compose_syllables(jamo_str)
        if composed is not None:
            return composed
    return jamo_str


def decompose_jamo(token_lists) -> list[list[str]]:
    """Return every token of every document decomposed into jamo (cached per token)."""
    return [list(map(decompose_token, doc)) for doc in token_lists]


def compose_jamo(token_lists) -> list[list[str]]:
    """Return every jamo token of every document composed back into syllables."""
    return [list(map(compose_token, doc)) for doc in token_lists]
