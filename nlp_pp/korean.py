"""How the book writes Korean: particles after a word, shares and gaps as numbers.

The verdicts of the book and the replies of the exercises attach particles ('LSTM이',
'GRU는') and write numbers ('97.3%', '+5.2 %p', '0.123') with these functions, so both
read and print the same way.
"""

from __future__ import annotations

import math
import numbers

import numpy as np

# 조사 쌍: (받침 있을 때, 받침 없을 때). 어느 쪽으로 불러도 됩니다.
_PAIRS = (("은", "는"), ("이", "가"), ("을", "를"), ("과", "와"), ("으로", "로"),
          ("이다", "다"), ("이나", "나"))
_PARTICLES = {p: pair for pair in _PAIRS for p in pair}
# 영문 글자는 읽는 이름의 끝소리로 정합니다 (L 엘, M 엠, N 엔, R 알; 나머지는 받침 없음).
_LATIN_FINAL = {"l": "ㄹ", "m": "ㅁ", "n": "ㄴ", "r": "ㄹ"}
# 숫자: 0 영, 1 일, 3 삼, 6 육, 7 칠, 8 팔 (10 십, 100 백, 1000 천도 받침이 있습니다)
_DIGIT_FINAL = {"0": "ㅇ", "1": "ㄹ", "3": "ㅁ", "6": "ㄱ", "7": "ㄹ", "8": "ㄹ"}


# 읽지 않는 닫는 글자: 따옴표, 백틱, 대괄호, 중괄호 ("'줄어든다'" → 줄어든다, "[1, 2]" → 2)
_SILENT_CLOSERS = "'\"`’”」』]}"


def _strip_closers(text: str) -> str:
    """Return `text` without silent closing marks and parenthesised tails at its end."""
    while text:
        stripped = text.rstrip().rstrip(_SILENT_CLOSERS).rstrip()
        if stripped != text:
            text = stripped
            continue
        if not text.endswith(")"):
            break
        depth, i = 0, len(text)  # 'LSTM(97.0%)' → 'LSTM': 괄호 안은 읽지 않습니다
        while i:
            i -= 1
            depth += {")": 1, "(": -1}.get(text[i], 0)
            if depth == 0:
                break
        if depth or not text[:i].strip():
            return text[:-1]  # 짝이 없거나 괄호뿐이면('(3, 4)') 괄호 안을 읽습니다
        text = text[:i].rstrip()
    return text


def _final(word: str) -> str:
    """Return the final consonant heard at the end of `word` ('' if none, 'ㄹ' ...)."""
    text = _strip_closers(str(word).rstrip()) or str(word).rstrip()
    last = text[-1:]
    if not last:
        raise ValueError(f"조사를 붙일 단어가 비었습니다 / empty word: {word!r}")
    if "가" <= last <= "힣":
        index = (ord(last) - 0xAC00) % 28
        return "" if index == 0 else ("ㄹ" if index == 8 else "ㅁ")  # ㅁ: 그 밖의 받침
    if last.isdigit():
        return _DIGIT_FINAL.get(last, "")
    return _LATIN_FINAL.get(last.lower(), "")


def particle(word: str, kind: str) -> str:
    """Return `word` with the right form of a particle: particle('LSTM', '가') == 'LSTM이'.

    `kind` names either form of 은/는, 이/가, 을/를, 과/와, (으)로, (이)다, (이)나. Latin
    letters read by their names (L 엘, M 엠, N 엔, R 알), digits by their Korean
    reading (2 이, 10 십: '2는', '10은'), a closing parenthesis is skipped with what
    it holds ('GRU(90.0%)' takes GRU's particle), and closing quotes, backticks and
    brackets are not read ("'줄어든다'" takes 줄어든다's, "`답`" takes 답's).
    """
    if kind not in _PARTICLES:
        raise ValueError(f"모르는 조사입니다 / unknown particle: {kind!r}")
    with_final, without = _PARTICLES[kind]
    final = _final(word)
    if with_final == "으로":
        return word + ("으로" if final and final != "ㄹ" else "로")
    return word + (with_final if final else without)


def topic(word: str) -> str:
    """Return `word` with the right topic particle: 'RNN은', 'GRU는', '모델은'."""
    return particle(word, "은")


def pct(x: float) -> str:
    """Return a share as a percent string with one decimal ('97.3%')."""
    return f"{x:.1%}"


def pp_diff(x: float, sign: bool = True, digits: int = 1) -> str:
    """Return a difference (or spread) of shares in percentage points ('+5.2 %p')."""
    return f"{x * 100:{'+' if sign else ''}.{digits}f} %p"


def fmt(x: object) -> str:
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
