"""Chapter 4's exercises (registered on import)."""

from __future__ import annotations

import re

import numpy as np

from ..text import P1, P3
from ..vocab import SPECIAL_TOKENS, build_vocab, set_word_to_idx
from ._shared import DIRECTION, SAME, UP, direction, particle, pct, pp_diff, reply
from .core import Choice, Exercise, Number, call_student, not_yet, register, right

# ------------------------------------------------------------------ 12. ch4-ex1
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


def _check_rare(pred, *, word_counts, x_test):
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
        if pred[key] == measured:
            parts.append((True, f"{key}: 예측 {particle(repr(pred[key]), '이')} "
                                "맞습니다."))
        else:
            parts.append((False, (f"{key}: 예측은 '{pred[key]}', 이번 실행은 "
                                 f"'{measured}'입니다. {why[key]}")))
    gap = pp_diff(unks[10] - unks[1])
    return reply(parts, f"이번 실행 — {table}. 단어장은 {sizes[1] - sizes[10]:,}개 차이인데 "
                        f"<UNK> 비율은 {gap}만 움직였습니다.")


register(Exercise(
    "ch4-ex1", "희소 단어 기준을 바꾸면?", "predict", 10, _check_rare,
    hint=("rare_th는 ‘훈련+검증에서 이만큼 이상 나온 토큰만 단어장에 넣는다’는 "
          "기준입니다. 기준을 올리면 단어장에서 빠지는 토큰이 <UNK>가 됩니다. 테스트 "
          "데이터에만 나오는 토큰은 기준이 1이어도 단어장에 있을까요? 예측은 "
          '"늘어난다" / "그대로" / "줄어든다"(rare_th를 1 → 3 → 10으로 올릴 때)와 '
          '"0" / "0보다 크다"로 씁니다.'),
    solution=("rare_th를 올리면 단어장은 줄어들고 테스트 <UNK> 비율은 늘어납니다. 희소 "
              "토큰은 등장 횟수로는 적어서 <UNK> 비율은 조금만 움직입니다. rare_th=1이어도 "
              "테스트에만 나오는 토큰 때문에 <UNK>는 0보다 큽니다."),
    code=('pp.exercise("ch4-ex1").predict({"단어장 크기": "줄어든다", '
          '"<UNK> 비율": "늘어난다",\n                             '
          '"rare_th=1의 <UNK>": "0보다 크다"})'),
    form={"단어장 크기": DIRECTION, "<UNK> 비율": DIRECTION,
          "rare_th=1의 <UNK>": Choice(ZERO, ABOVE)},
    answer_name="예측"))

# ------------------------------------------------------------------ 13. ch4-ex2
SHORT = 128


def pad_stats(seqs, length: int) -> tuple[float, float, float]:
    """Return (share not truncated, mean length, share of <PAD> cells) at `length`."""
    n = np.array([len(s) for s in seqs])
    within = float(np.mean(n <= length))
    pad_share = float(1 - np.minimum(n, length).sum() / (len(n) * length))
    return within, float(n.mean()), pad_share


def _check_context(pred, *, e_x_train, cfg):
    long = cfg.context_length
    w_long, mean_len, p_long = pad_stats(e_x_train, long)
    w_short, _, p_short = pad_stats(e_x_train, SHORT)
    ref_pad = max(0.0, SHORT - mean_len)
    parts = []
    seen = direction(w_long, w_short)
    if pred["잘리지 않는 비율"] == seen:
        parts.append((True, (f"잘리지 않는 비율 {pct(w_long)} → {pct(w_short)}: "
                            f"{particle(repr(seen), '이')} 맞습니다.")))
    else:
        why = ("128보다 긴 메시지가 잘리므로 비율은 같거나 줄어듭니다"
               if pred["잘리지 않는 비율"] == UP else
               "이번 데이터에는 128토큰보다 긴 메시지가 있어 그만큼 줄었습니다"
               if seen != SAME else "이번 데이터에는 128토큰보다 긴 메시지가 없습니다")
        parts.append((False, (f"잘리지 않는 비율: 예측 '{pred['잘리지 않는 비율']}', "
                             f"이번 실행 {pct(w_long)} → {pct(w_short)} ('{seen}'). "
                             f"{why}.")))
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
    if pred["전체 <PAD> 비율"] == seen_pad:
        parts.append((True, (f"전체 <PAD> 비율 {pct(p_long)} → {pct(p_short)}: "
                            f"{particle(repr(seen_pad), '이')} 맞습니다.")))
    else:
        parts.append((False, (f"전체 <PAD> 비율: 예측 '{pred['전체 <PAD> 비율']}', "
                             f"이번 실행 {pct(p_long)} → {pct(p_short)} ('{seen_pad}'). "
                             "칸 수가 줄어드는 만큼 패딩이 먼저 줄어듭니다.")))
    return reply(parts)


register(Exercise(
    "ch4-ex2", "context_length를 줄이면?", "predict", 10, _check_context,
    hint=("4장의 길이 히스토그램과 요약의 평균 길이를 보세요. 128보다 긴 메시지는 "
          "잘리고, 짧은 메시지는 128칸까지 <PAD>로 채워집니다. 평균 길이의 메시지 뒤에는 "
          "몇 칸이 채워질까요? 방향은 \"늘어난다\" / \"그대로\" / \"줄어든다\", "
          "<PAD> 칸 수는 숫자로 씁니다."),
    solution=("잘리지 않는 비율은 같거나 줄어들고(128보다 긴 메시지만큼), 평균 길이 "
              "메시지의 <PAD>는 128 − 평균 길이 칸으로, 전체 <PAD> 비율도 줄어듭니다. "
              "대신 긴 메시지의 뒷부분이 잘립니다."),
    code=('pp.exercise("ch4-ex2").predict({\n'
          '    "잘리지 않는 비율": "줄어든다",\n'
          '    "평균 길이 메시지의 <PAD>": 128 - pp.set_sent_pad(e_x_train, 128)["mean"],\n'
          '    "전체 <PAD> 비율": "줄어든다"})'),
    form={"잘리지 않는 비율": DIRECTION, "평균 길이 메시지의 <PAD>": Number(unit="칸"),
          "전체 <PAD> 비율": DIRECTION},
    answer_name="예측"))

# ------------------------------------------------------------------ 14. ch4-ex3
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


def _check_clean(fn, *, word_tokenizer=None):
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


register(Exercise(
    "ch4-ex3", "ㅋㅋ를 지우지 않는 정제", "code", 15, _check_clean,
    hint=("P1은 `[^가-힣a-zA-Z0-9\\s]`(이것 말고는 공백으로)입니다. 대괄호 안에 호환 "
          "자모 `ㄱ-ㅎㅏ-ㅣ`를 더한 패턴을 만들고, 그 결과에 `pp.P3.sub(\" \", ...)`로 "
          "공백 덩어리를 하나로 줄이세요."),
    solution=("P1의 허용 범위에 `ㄱ-ㅎㅏ-ㅣ`를 더하고 P3로 공백을 정리합니다. MeCab은 "
              "`ㅋㅋㅋ`, `ㅠㅠ`를 각각 하나의 토큰으로 떼어 내므로 원문의 자모 비율이 "
              "토큰에 거의 그대로 남습니다."),
    code=('keep_jamo = re.compile(r"[^가-힣ㄱ-ㅎㅏ-ㅣa-zA-Z0-9\\s]")\n\n\n'
          "def clean_keep_jamo(s: str) -> str:\n"
          '    """Return s cleaned like P1 and P3, but keeping standalone jamo."""\n'
          '    return pp.P3.sub(" ", keep_jamo.sub(" ", s))'),
    answer_name="clean_keep_jamo"))
