"""Korean particles that fit the word before them, and filling template slots."""

from __future__ import annotations

import random
import re

from .banks import slot_value

__all__ = ["SLOT", "fill", "final_consonant", "josa"]

SLOT = re.compile(r"\{(\w+)(?:\|(\w+))?\}")  # {이름} 또는 {이름|조사}
_FINAL_DIGITS = frozenset("013678")  # 영 일 삼 육 칠 팔: 받침이 있는 숫자
_RIEUL_DIGITS = frozenset("178")  # 일 칠 팔: ㄹ 받침


def final_consonant(word: str) -> tuple[bool, bool]:
    """Return (ends in a final consonant, that consonant is ㄹ) for the last char."""
    c = word[-1]
    if "가" <= c <= "힣":
        jong = (ord(c) - 0xAC00) % 28
        return jong != 0, jong == 8
    return c in _FINAL_DIGITS, c in _RIEUL_DIGITS


def josa(word: str, key: str) -> str:
    """Return the particle `key` (its after-consonant form) that fits `word`."""
    final, rieul = final_consonant(word)
    if key == "으로":
        return "으로" if final and not rieul else "로"
    if key == "이에요":
        return "이에요" if final else "예요"
    if final:
        return key
    vowel_form = {"을": "를", "은": "는", "아": "야", "과": "와", "이": "가"}
    return vowel_form.get(key, key[1:])  # 이야 -> 야, 이랑 -> 랑, 이래 -> 래


def fill(template: str, rng: random.Random) -> str:
    """Return `template` with every {slot} and {slot|particle} filled in."""

    def value(match: re.Match) -> str:
        name, key = match.groups()
        text = slot_value(name, rng)
        return text + josa(text, key) if key else text

    return SLOT.sub(value, template)
