"""Chapter 5's exercises (registered on import)."""

from __future__ import annotations

import string

import numpy as np

from ..embedding import SPECIALS, embedding_coverage, train_fasttext
from ..errors import NlpPPError
from ..hangul import decompose_token
from .core import Function, Prediction, call_student, register
from .feedback import not_yet, part, reply, right
from .forms import Flag, Number, Subset

FLAG = Flag()

# ------------------------------------------------------------------ ch5-ex-workers
WORKERS = (-1, 0, 1, 2)


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


@register
class Workers(Prediction):
    label = "ch5-ex-workers"
    minutes = 10
    form = {"moved": {w: FLAG for w in WORKERS}, "오류": Subset(*WORKERS)}
    stubs = {"moved": ("moved", "workers 값마다 잰 pp.vectors_moved의 결과(dict)")}

    def judge(self, pred, *, moved):
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
        parts.append(part(said == refused, f"pp.train_fasttext가 거부하는 값: 예측 "
                          f"{sorted(said)}, 실제 {sorted(refused)}.", (
                              " 학습 스레드가 없는 값(1보다 작은 값)을 조용히 넘기지 않고 "
                              "NlpPPError로 알립니다.")))
        return reply(parts)


# ------------------------------------------------------------------ ch5-ex-ngrams
FORMS = ((3, 6), (3, 6), (1, 4), (2, 2), (4, 3))


def _ngrams(s: str, min_n: int, max_n: int) -> list[str]:
    w = f"<{s}>"
    return [w[k:k + n] for n in range(min_n, max_n + 1) for k in range(len(w) - n + 1)]


@register
class Ngrams(Function):
    label = "ch5-ex-ngrams"
    minutes = 10
    stubs = {"counts": ("counts", '{"스팸문자": (음절 개수, 자모 개수), ...} dict')}

    def judge(self, fn, *, counts):
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
        return reply(parts, "함수는 새 입력에서 맞습니다. 짧은 단어일수록 자모 분해로 조각이 "
                            "늘어나는 배율이 큽니다.")


# ------------------------------------------------------------------ ch5-ex-no-ngrams
QUERY = "무료대출상담"


@register
class NoNgrams(Prediction):
    label = "ch5-ex-no-ngrams"
    minutes = 10
    form = {"in": FLAG, "ngram_only": Number(), "none": Number()}
    stubs = {"ft0": ("ft0", "n-gram을 끈(max_n=0) FastText 모델")}

    def judge(self, pred, *, ft0, ft, word_to_idx):
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
            parts.append(part(
                abs(pred[key] - after[key]) <= 0.005,
                f"{key}: 예측 {pred[key]:.3f}, 실제 {after[key]:.3f}",
                f" (n-gram을 켠 ft에서는 {before[key]:.3f}). 조각이 없으면 ngram_only였던 "
                "단어가 모두 none으로 옮겨 갑니다."))
        return reply(parts)


# ------------------------------------------------------------------ ch5-ex-lecture


def lecture_matrix(word_to_idx: dict, wv) -> np.ndarray:
    """Return the matrix of the lecture notes' logic (``in wv`` tested first)."""
    matrix = np.zeros((len(word_to_idx), wv.vector_size), dtype=np.float32)
    for word, idx in word_to_idx.items():
        if word in wv:
            matrix[idx] = wv[word]
    return matrix


@register
class Lecture(Function):
    label = "ch5-ex-lecture"
    minutes = 15
    stubs = {"n_differ": ("n_differ", "두 행렬에서 다른 행의 수")}

    def judge(self, fn, *, n_differ, wv, word_to_idx, emb_matrix):
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

