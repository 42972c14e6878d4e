"""Chapter 5's exercises (registered on import)."""

from __future__ import annotations

import string

import numpy as np

from ..embedding import SPECIALS, embedding_coverage, train_fasttext
from ..errors import NlpPPError
from ..hangul import decompose_token
from ._shared import Flag, Subset, part_lines, reply, stub
from .core import (
    Exercise,
    Number,
    call_student,
    not_yet,
    register,
    require_answered,
    right,
)

FLAG = Flag()

# ------------------------------------------------------------------ 15. ch5-ex1
WORKERS = (-1, 0, 1, 2)


class FlagMap:
    """A prediction that maps each listed key to True or False."""

    def __init__(self, *keys):
        self.keys = tuple(keys)

    def describe(self) -> str:
        return "{" + ", ".join(f"{k}: True/False" for k in self.keys) + "}"

    def parse(self, value):
        if not isinstance(value, dict) or set(value) != set(self.keys) or not all(
                isinstance(v, bool) for v in value.values()):
            raise ValueError(self.describe())
        return dict(value)


def refused_workers(values=WORKERS) -> frozenset:
    """Return the workers values pp.train_fasttext refuses (it checks before training)."""
    refused = set()
    for w in values:
        try:
            train_fasttext([], workers=w, check=False)
        except NlpPPError as err:
            if f"workers={w}" in str(err):
                refused.add(w)
        except Exception:  # noqa: BLE001, S110 - gensim's own complaint about no data
            pass
    return frozenset(refused)


def _check_workers(pred, *, moved):
    if moved is Ellipsis:
        return stub("moved", "workers 값마다 잰 pp.vectors_moved의 결과(dict)")
    if not isinstance(moved, dict) or set(moved) != set(WORKERS):
        return not_yet(f"moved는 {{-1: ..., 0: ..., 1: ..., 2: ...}} 모양의 dict여야 "
                       f"합니다. 받은 값: {moved!r}")
    parts = []
    for w in WORKERS:
        got, said = bool(moved[w]), pred["moved"][w]
        if got == said:
            parts.append((True, f"workers={w}: {got}."))
        else:
            why = ("range(workers)가 비어 학습 스레드가 하나도 생기지 않습니다"
                   if not got else "학습 스레드가 하나 이상 있어 벡터가 움직였습니다")
            parts.append((False, f"workers={w}: 예측 {said}, 측정 {got} — {why}."))
    refused = refused_workers()
    said = pred["오류"]
    if said == refused:
        parts.append((True, f"pp.train_fasttext가 거부하는 값 {sorted(refused)}."))
    else:
        parts.append((False, (f"pp.train_fasttext가 거부하는 값: 예측 {sorted(said)}, "
                             f"실제 {sorted(refused)}. 학습 스레드가 없는 값(1보다 작은 "
                             "값)을 조용히 넘기지 않고 NlpPPError로 알립니다.")))
    return reply(parts)


register(Exercise(
    "ch5-ex1", "workers 값 바꾸기: 먼저 예측하기", "predict", 10, _check_workers,
    hint=("gensim은 에포크마다 `for _ in range(self.workers)`로 학습 스레드를 만듭니다. "
          "`list(range(-1))`과 `list(range(0))`은 무엇일까요? 예측은 "
          '{"moved": {-1: True/False, 0: ..., 1: ..., 2: ...}, "오류": {거부될 값들}} '
          "모양으로 씁니다."),
    solution=("range(-1)과 range(0)은 비어 있어 -1과 0에서는 학습 스레드가 없으므로 "
              "vectors_moved가 False, 1과 2에서는 True입니다. pp.train_fasttext는 1보다 "
              "작은 값(-1, 0)을 NlpPPError로 거부합니다."),
    code=('pp.exercise("ch5-ex1").predict({"moved": {-1: False, 0: False, 1: True, '
          '2: True},\n                             "오류": {-1, 0}})\n'
          "moved = {w: pp.vectors_moved(FastText(sentences=small, vector_size=16,\n"
          "                                      min_count=2, workers=w), small)\n"
          "         for w in (-1, 0, 1, 2)}"),
    form={"moved": FlagMap(*WORKERS), "오류": Subset(*WORKERS)},
    answer_name="예측"))

# ------------------------------------------------------------------ 16. ch5-ex2
FORMS = ((3, 6), (3, 6), (1, 4), (2, 2), (4, 3))


def _ngrams(s: str, min_n: int, max_n: int) -> list[str]:
    w = f"<{s}>"
    return [w[k:k + n] for n in range(min_n, max_n + 1) for k in range(len(w) - n + 1)]


def _check_count(fn, *, counts):
    rng = np.random.default_rng()
    for min_n, max_n in FORMS:
        length = int(rng.integers(0, 16))
        s = "".join(rng.choice(list(string.ascii_lowercase), size=length))
        ref = len(_ngrams(s, min_n, max_n))
        got = call_student(fn, length, min_n, max_n)
        if got != ref:
            no_marks = sum(max(0, length + 1 - n) for n in range(min_n, max_n + 1))
            why = (" 경계 표시 `<`, `>`를 빼고 센 값입니다: 길이가 L+2가 됩니다."
                   if got == no_marks else
                   " 길이 n 조각은 L+3−n개이고, 0보다 작으면 0입니다.")
            return not_yet(f"n_ngrams({length}, {min_n}, {max_n})가 {got!r}인데 실제 "
                           f"조각은 {ref}개입니다(차이 {got - ref:+}).{why}"
                           if isinstance(got, (int, np.integer)) else
                           f"n_ngrams({length}, {min_n}, {max_n})가 정수가 아니라 "
                           f"{got!r}입니다.")
    counts = require_answered(counts)
    if not isinstance(counts, dict) or "스팸문자" not in counts:
        return not_yet('counts는 {"스팸문자": (음절 개수, 자모 개수), ...} 모양의 dict여야 '
                       "합니다.")
    parts = []
    for word, pair in counts.items():
        ref = (len(_ngrams(word, 3, 6)), len(_ngrams(decompose_token(word), 3, 6)))
        if tuple(pair) == ref:
            parts.append((True, f"{word}: 음절 {ref[0]}개, 자모 {ref[1]}개."))
        else:
            parts.append((False, (f"{word}: 받은 {tuple(pair)}, 실제 (음절, 자모) = {ref} "
                                 f"(자모는 음절마다 세 글자라 길이가 {3 * len(word)}).")))
    ok, text = part_lines(parts)
    text = "함수는 새 입력에서 맞습니다. " + text
    return right(text + " 짧은 단어일수록 자모 분해로 조각이 늘어나는 배율이 큽니다.") \
        if ok else not_yet(text)


register(Exercise(
    "ch5-ex2", "음절 n-gram과 자모 n-gram 세기", "code", 10, _check_count,
    hint=("`<`와 `>`를 붙이면 길이 L인 단어가 길이 L+2가 됩니다. 길이 L+2인 문자열에서 "
          "길이 n인 조각은 몇 개일까요? 자모는 음절마다 세 글자입니다."),
    solution=("길이 n 조각은 L+3−n개(음수면 0)이므로 3~6이면 (L+0)+(L−1)+(L−2)+(L−3)+… "
              "= Σ max(0, L+3−n)입니다. “스팸문자”는 음절 L=4로 10개, 자모 L=12로 42개, "
              "“대출”은 3개와 18개입니다."),
    code=("def n_ngrams(length: int, min_n: int = 3, max_n: int = 6) -> int:\n"
          "    \"\"\"Return how many n-grams '<' + a string of `length` + '>' has.\"\"\"\n"
          "    return sum(max(0, length + 3 - n) for n in range(min_n, max_n + 1))\n\n\n"
          'counts = {"대출": (3, 18), "스팸문자": (10, 42)}'),
    answer_name="n_ngrams"))

# ------------------------------------------------------------------ 17. ch5-ex3
QUERY = "무료대출상담"


def _check_no_ngrams(pred, *, ft0, ft, word_to_idx):
    if ft0 is Ellipsis:
        return stub("ft0", "n-gram을 끈(max_n=0) FastText 모델")
    wv0 = ft0.wv
    if getattr(wv0, "bucket", 0) and wv0.max_n >= wv0.min_n:
        return not_yet(f"ft0은 n-gram을 쓰는 모델입니다(min_n={wv0.min_n}, "
                       f"max_n={wv0.max_n}). `max_n=0`으로 학습하세요.")
    query = decompose_token(QUERY)
    is_in = query in wv0
    before = embedding_coverage(word_to_idx, ft.wv)
    after = embedding_coverage(word_to_idx, wv0)
    parts = []
    if pred["in"] == is_in:
        parts.append((True, f"{query!r} in ft0.wv는 {is_in}."))
    else:
        parts.append((False, (f"{query!r} in ft0.wv: 예측 {pred['in']}, 실제 {is_in}. "
                             "조각이 없으면 in은 단어장에 있는 단어에만 True입니다.")))
    for key in ("ngram_only", "none"):
        if abs(pred[key] - after[key]) <= 0.005:
            parts.append((True, f"{key} = {after[key]:.3f}."))
        else:
            parts.append((False, (f"{key}: 예측 {pred[key]:.3f}, 실제 {after[key]:.3f} "
                                 f"(n-gram을 켠 ft에서는 {before[key]:.3f}). 조각이 "
                                 "없으면 ngram_only였던 단어가 모두 none으로 옮겨 갑니다.")))
    return reply(parts)


register(Exercise(
    "ch5-ex3", "n-gram을 끄면?", "predict", 10, _check_no_ngrams,
    hint=("7절의 coverage를 다시 보세요. 조각 벡터가 없으면 ‘자기 벡터는 없지만 조각으로 "
          "만들 수 있던’ 단어(ngram_only)는 어디로 갈까요? 예측은 "
          '{"in": True/False, "ngram_only": 숫자, "none": 숫자}로 씁니다.'),
    solution=("조각이 없으면 in은 단어장에만 True라서 말뭉치에 없는 단어는 False입니다. "
              "ngram_only는 0이 되고 그 비율이 none으로 옮겨 갑니다. 이 장의 설정에서는 "
              "ngram_only가 처음부터 0이라 none도 그대로입니다."),
    code=('pp.exercise("ch5-ex3").predict({\n    "in": False, "ngram_only": 0.0,\n'
          '    "none": coverage["none"] + coverage["ngram_only"]})'),
    form={"in": FLAG, "ngram_only": Number(), "none": Number()},
    answer_name="예측"))

# ------------------------------------------------------------------ 18. ch5-ex4


def lecture_matrix(word_to_idx: dict, wv) -> np.ndarray:
    """Return the matrix of the lecture notes' logic (``in wv`` tested first)."""
    matrix = np.zeros((len(word_to_idx), wv.vector_size), dtype=np.float32)
    for word, idx in word_to_idx.items():
        if word in wv:
            matrix[idx] = wv[word]
    return matrix


def _check_lecture(fn, *, n_differ, wv, word_to_idx, emb_matrix):
    rng = np.random.default_rng()
    words = [w for w in word_to_idx if w not in SPECIALS]
    picked = rng.choice(words, size=min(20, len(words)), replace=False).tolist()
    small = {w: i for i, w in enumerate(["<PAD>", "<UNK>", *picked])}
    ref = lecture_matrix(small, wv)
    got = call_student(fn, small, wv)
    got = np.asarray(got, dtype=float) if not hasattr(got, "detach") else \
        got.detach().cpu().numpy()
    if got.shape != ref.shape:
        return not_yet(f"행렬 모양이 {got.shape}인데 {ref.shape}(단어 수, "
                       "wv.vector_size)여야 합니다.")
    bad = [w for w, i in small.items() if not np.allclose(got[i], ref[i], atol=1e-6)]
    if bad:
        why = (" <PAD> 행이 0입니다: 그것은 pp.build_my_embed의 의도이고, 강의 노트의 "
               "논리에서는 `if word in wv:`가 먼저라 <PAD>도 조각 벡터를 받습니다."
               if "<PAD>" in bad and not got[0].any() else "")
        return not_yet(f"새로 고른 단어 {len(small)}개 가운데 {len(bad)}개의 행이 강의 "
                       f"노트의 논리와 다릅니다(예: {bad[:3]}).{why}")
    n_differ = require_answered(n_differ)
    full = lecture_matrix(word_to_idx, wv)
    differ = [w for w, i in word_to_idx.items()
              if not np.allclose(full[i], emb_matrix[i])]
    if n_differ != len(differ):
        return not_yet(f"함수는 맞습니다. 다른 행의 수: 예측 {n_differ}, 이번 행렬에서는 "
                       f"{len(differ)}개({differ[:5]})입니다(차이 "
                       f"{n_differ - len(differ):+}). <PAD>와 <UNK> 모두 `in`이 True라 "
                       "조각 벡터를 받고, 나머지 단어는 두 함수 모두 wv[word]입니다.")
    return right(f"함수는 새로 고른 단어에서 강의 노트의 논리와 같고, emb_matrix와 다른 "
                 f"행은 {differ} {len(differ)}개입니다.")


register(Exercise(
    "ch5-ex4", "강의 노트의 행렬 다시 만들기", "code", 15, _check_lecture,
    hint=("`\"<PAD>\" in ft.wv`가 무엇을 돌려주는지 8절에서 보았습니다. 강의 노트의 "
          "함수에서 `elif` 가지는 언제 실행될까요? 함수는 word_to_idx 순서대로 "
          "(단어 수, wv.vector_size) 행렬을 돌려줘야 합니다."),
    solution=("`in`이 모든 토큰에 True이므로 <PAD>와 <UNK> 행 모두 조각 벡터를 받고, "
              "나머지 단어는 두 함수 모두 wv[word]라 같습니다. 다른 행은 2개입니다."),
    code=("def lecture_style_matrix(word_to_idx, wv):\n"
          "    matrix = np.zeros((len(word_to_idx), wv.vector_size), dtype=np.float32)\n"
          "    for word, idx in word_to_idx.items():\n"
          "        if word in wv:\n"
          "            matrix[idx] = wv[word]\n"
          '        elif word == "<PAD>":\n'
          "            matrix[idx] = 0.0\n"
          "        else:\n"
          "            matrix[idx] = np.random.normal(size=wv.vector_size)\n"
          "    return matrix\n\n\n"
          "n_differ = 2"),
    answer_name="lecture_style_matrix"))
