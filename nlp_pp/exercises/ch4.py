"""Chapter 4's exercises (registered on import)."""

from __future__ import annotations

import re

import numpy as np

from ..korean import particle, pct, pp_diff
from ..text import P1, P3
from ..vocab import SPECIAL_TOKENS, build_vocab, set_word_to_idx
from ._shared import DIRECTION, SAME, UP, direction
from .core import Function, Prediction, call_student, register
from .feedback import choice_part, not_yet, reply, right
from .forms import Choice, Number

# ------------------------------------------------------------------ ch4-ex-rare
THRESHOLDS = (1, 3, 10)
ZERO, ABOVE = "0", "0보다 크다"


def vocab_table(word_counts, x_test) -> tuple[dict, dict]:
    """Return {rare_th: vocabulary size} and {rare_th: test <UNK> share}."""
    sizes, unks = {}, {}
    tokens = [w for doc in x_test for w in doc]
    for th in THRESHOLDS:
        w2i, _ = set_word_to_idx(SPECIAL_TOKENS, build_vocab(word_counts, th))
        sizes[th] = len(w2i)
        unks[th] = float(np.mean([w not in w2i for w in tokens])) if tokens else 0.0
    return sizes, unks


@register
class Rare(Prediction):
    label = "ch4-ex-rare"
    minutes = 10
    form = {"단어장 크기": DIRECTION, "<UNK> 비율": DIRECTION,
            "rare_th=1의 <UNK>": Choice(ZERO, ABOVE)}

    def judge(self, pred, *, word_counts, x_test):
        sizes, unks = vocab_table(word_counts, x_test)
        seen = {"단어장 크기": direction(sizes[1], sizes[10]),
                "<UNK> 비율": direction(unks[1], unks[10]),
                "rare_th=1의 <UNK>": ZERO if unks[1] == 0 else ABOVE}
        why = {
            "단어장 크기": "rare_th는 단어장에 들어갈 최소 등장 횟수라서, 올리면 기준을 넘는 "
                       "토큰이 줄어 단어장이 작아집니다.",
            "<UNK> 비율": "단어장에서 빠진 토큰은 <UNK>가 되므로 <UNK> 비율은 단어장 크기와 "
                        "반대로 움직입니다. 희소 토큰은 등장 횟수로는 적어서 크기 변화보다 "
                        "훨씬 조금 움직입니다.",
            "rare_th=1의 <UNK>": (
                "rare_th=1이어도 테스트 데이터에는 훈련·검증 데이터에 한 번도 나오지 않은 "
                "토큰이 있어 <UNK>가 0이 되지 않습니다." if unks[1] else
                "이번 데이터에서는 테스트의 모든 토큰이 훈련·검증 데이터에 나왔습니다."),
        }
        table = ", ".join(f"rare_th={th}: 단어장 {sizes[th]:,}개·<UNK> {unks[th]:.2%}"
                          for th in THRESHOLDS)
        parts = []
        for key, measured in seen.items():
            parts.append(choice_part(key, pred[key], measured, why=why[key]))
        gap = pp_diff(unks[10] - unks[1])
        return reply(parts, f"이번 실행 — {table}. 단어장은 {sizes[1] - sizes[10]:,}개 차이인데 "
                            f"<UNK> 비율은 {gap}만 움직였습니다.")


# ------------------------------------------------------------------ ch4-ex-context
SHORT = 128


def pad_stats(seqs, length: int) -> tuple[float, float, float]:
    """Return (share not truncated, mean length, share of <PAD> cells) at `length`."""
    n = np.array([len(s) for s in seqs])
    within = float(np.mean(n <= length))
    pad_share = float(1 - np.minimum(n, length).sum() / (len(n) * length))
    return within, float(n.mean()), pad_share


@register
class Context(Prediction):
    label = "ch4-ex-context"
    minutes = 10
    form = {"잘리지 않는 비율": DIRECTION, "평균 길이 메시지의 <PAD>": Number(unit="칸"),
            "전체 <PAD> 비율": DIRECTION}

    def judge(self, pred, *, e_x_train, cfg):
        long = cfg.context_length
        w_long, mean_len, p_long = pad_stats(e_x_train, long)
        w_short, _, p_short = pad_stats(e_x_train, SHORT)
        ref_pad = max(0.0, SHORT - mean_len)
        parts = []
        seen = direction(w_long, w_short)
        why = ("128보다 긴 메시지가 잘리므로 비율은 같거나 줄어듭니다."
               if pred["잘리지 않는 비율"] == UP else
               "이번 데이터에는 128토큰보다 긴 메시지가 있어 그만큼 줄었습니다."
               if seen != SAME else "이번 데이터에는 128토큰보다 긴 메시지가 없습니다.")
        parts.append(choice_part("잘리지 않는 비율", pred["잘리지 않는 비율"], seen,
                                 f"{pct(w_long)} → {pct(w_short)}", why))
        guess = pred["평균 길이 메시지의 <PAD>"]
        if abs(guess - ref_pad) <= 2:
            parts.append((True, (f"평균 길이({mean_len:.1f}토큰) 메시지의 <PAD> 약 "
                                f"{ref_pad:.0f}칸: 맞습니다.")))
        else:
            extra = (f" {long} 기준으로 계산했나요? 그때는 {long - mean_len:.0f}칸입니다."
                     if abs(guess - (long - mean_len)) <= 2 else "")
            parts.append((False, f"평균 길이 메시지의 <PAD>: 예측 {guess:.0f}칸, 평균 길이 "
                                 f"{mean_len:.1f}토큰이면 {SHORT} − {mean_len:.1f} ≈ "
                                 f"{ref_pad:.0f}칸입니다(차이 {guess - ref_pad:+.0f}칸)."
                                 + extra))
        seen_pad = direction(p_long, p_short)
        parts.append(choice_part("전체 <PAD> 비율", pred["전체 <PAD> 비율"], seen_pad,
                                 f"{pct(p_long)} → {pct(p_short)}",
                                 "칸 수가 줄어드는 만큼 패딩이 먼저 줄어듭니다."))
        return reply(parts)


# ------------------------------------------------------------------ ch4-ex-jamo
KEEP_JAMO = re.compile(r"[^가-힣ㄱ-ㅎㅏ-ㅣa-zA-Z0-9\s]")
JAMO = re.compile(r"[ㄱ-ㅎㅏ-ㅣ]")
FIXED_CASES = ("웃겨ㅋㅋㅋ 진짜ㅠㅠ", "ㅎㅎ 좋아요!!! 😀", "무료\n\n상담 ☎ 010-1234",
               "OK ㅇㅋ~ 3만원", "대박ㅋㅋ...   ㅜㅜ 왜?!")
PIECES = ("ㅋㅋ", "ㅠㅠ", "ㅎ", "ㅏ", "가나", "스팸", "ab", "Z9", " ", "  ", "\n", "!",
          "~", "♡", "😀", ".", ",", "ㄱ")


def reference_clean(s: str) -> str:
    """Return s cleaned like P1 and P3, keeping standalone jamo."""
    return P3.sub(" ", KEEP_JAMO.sub(" ", s))


def _fresh_cases(rng) -> list[str]:
    made = ["".join(rng.choice(PIECES, size=int(rng.integers(3, 9))))
            for _ in range(12)]
    return list(FIXED_CASES) + made


@register
class Jamo(Function):
    label = "ch4-ex-jamo"
    minutes = 15

    def judge(self, fn, *, word_tokenizer=None):
        rng = np.random.default_rng()
        for s in _fresh_cases(rng):
            out = call_student(fn, s)
            ref = reference_clean(s)
            if not isinstance(out, str):
                return not_yet(f"문자열을 돌려줘야 하는데 "
                               f"{particle(type(out).__name__, '을')} 돌려주었습니다 "
                               f"(입력 {s!r}).")
            if out.strip() == ref.strip():
                continue
            if JAMO.search(ref) and not JAMO.search(out):
                why = ("홀로 쓴 자모가 지워졌습니다. 허용 범위에 호환 자모 `ㄱ-ㅎㅏ-ㅣ`를 "
                       "넣었나요? (P1은 자모를 허용하지 않습니다)")
            elif " ".join(out.split()) == " ".join(ref.split()):
                why = "공백 덩어리가 하나로 줄지 않았습니다. P3를 적용했나요?"
            elif P1.sub(" ", s).strip() == out.strip():
                why = "P1 그대로입니다. 자모를 남기도록 허용 범위를 바꾸세요."
            else:
                why = "남겨야 할 글자(한글 음절·자모, 영문, 숫자, 공백)와 지울 글자를 확인하세요."
            return not_yet(f"입력 {s!r}에서 기대 {ref!r}, 받은 {out!r}. {why}")
        text = "새로 만든 입력 17개에서 기준 정제와 같은 결과입니다."
        if word_tokenizer is not None:
            tokens = word_tokenizer.morphs(call_student(fn, FIXED_CASES[0]))
            text += (f" MeCab은 {particle(repr(FIXED_CASES[0]), '을')} "
                     f"{particle(str(tokens), '로')} 나눕니다.")
        return right(text + " 자모만으로 된 토큰이 클래스마다 얼마나 남는지 풀이의 표와 "
                     "비교해 보세요.")

