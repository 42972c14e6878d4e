"""Chapter 6, section 10: which tokens did the trained LSTM rely on (registered on import).

The student predicts the tokens, then computes occlusion by hand; the check computes
the same occlusion from the same model (``nlp_pp.attribution``) and compares.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .. import attribution as at
from ..hangul import compose_token
from ..vocab import PAD_IDX
from .core import Prediction, register
from .feedback import not_yet, right
from .forms import as_array

TOP = 3  # 예측과 견주는 상위 토큰 수


class Words:
    """A list of one to five tokens written in syllables (``["무료", "당첨"]``)."""

    def describe(self) -> str:
        return '음절로 쓴 토큰 1~5개의 리스트(예: ["무료", "당첨"])'

    def parse(self, value: Any) -> tuple[str, ...]:
        if not isinstance(value, (list, tuple)) or not 1 <= len(value) <= 5 \
                or not all(isinstance(w, str) and w.strip() for w in value):
            raise ValueError(self.describe())
        return tuple(w.strip() for w in value)


def _spam_index(prep) -> int:
    """Return the index of the spam class (the last class if none is named so)."""
    return next((k for k, c in enumerate(prep.classes) if "스팸" in c),
                len(prep.classes) - 1)


def _masked(predict, seq: list, target: int) -> np.ndarray:
    """Return occlusion done by writing <PAD> in place instead of deleting the token."""
    variants = [seq] + [seq[:j] + [PAD_IDX] + seq[j + 1:] for j in range(len(seq))]
    p = predict(variants)[:, target]
    return p[0] - p[1:]


def _close(a: np.ndarray, b: np.ndarray) -> bool:
    return a.shape == b.shape and np.allclose(a, b, rtol=1e-3, atol=1e-5)


@register
class Evidence(Prediction):
    label = "ch6-ex-evidence"
    minutes = 15
    form = Words()
    stubs = {"occlusion": ("가림", "토큰마다의 확률 변화 배열")}
    hint_text = ("토큰 j를 지운 메시지는 `seq[:j] + seq[j + 1:]`입니다. 원문과 지운 메시지 "
                 "모두 `pp.pad_seq_x(..., cfg.context_length)`로 패딩해 한 배치로 모델에 "
                 "넣고, `softmax`의 스팸 열을 읽으세요. 가림은 (원문의 스팸 확률) − (지운 "
                 "메시지의 스팸 확률)이고, 배열의 길이는 패딩을 뺀 토큰 수입니다.")
    solution_text = ("토큰 수만큼 지운 메시지를 만들고, 원문과 함께 패딩해 한 번에 확률을 "
                     "구합니다. 가림이 양수인 토큰은 지우면 스팸 확률이 떨어지는, 곧 스팸 쪽으로 "
                     "민 토큰입니다. 확인은 같은 모델로 `pp.attribution.occlusion`을 계산해 "
                     "비교하고, 상위 토큰을 예측 및 기울기 × 입력의 상위 토큰과 견줍니다.")

    def judge(self, pred, *, occlusion: Any, model, message, prep):
        seq = [int(t) for t in message if int(t) != PAD_IDX]
        got = as_array(occlusion).ravel()
        n, length = len(seq), prep.cfg.context_length
        if got.size != n:
            pads = (" 패딩 칸까지 센 것 같습니다. 패딩은 토큰이 아니므로 지울 대상이 "
                    "아닙니다." if got.size == length else "")
            return not_yet(f"`가림`의 길이가 {got.size}인데 메시지의 토큰은 {n}개입니다."
                           f"{pads} 토큰마다 값 하나씩이어야 합니다.")
        spam = _spam_index(prep)
        predict = at.model_proba(model, length)
        want = at.occlusion(predict, seq, spam)
        if not _close(got, want):
            if _close(got, -want):
                return not_yet("부호가 반대입니다. 가림은 (원문의 스팸 확률) − (토큰을 지운 "
                               "메시지의 스팸 확률)이라, 지우면 스팸 확률이 떨어지는 토큰이 "
                               "양수입니다. 뺄셈의 순서나, 일상대화 확률을 읽지 않았는지 "
                               "확인하세요.")
            if _close(got, _masked(predict, seq, spam)):
                return not_yet("토큰을 지우지 않고 그 자리에 `<PAD>`를 써넣었습니다. 그러면 "
                               "메시지 가운데에 패딩이 끼어 뒤의 토큰이 당겨지지 않습니다. "
                               "`seq[:j] + seq[j + 1:]`처럼 빼고 다시 패딩하세요.")
            j = int(np.argmax(np.abs(got - want)))
            return not_yet(f"{j}번째 토큰의 값이 {got[j]:+.4f}인데, 같은 모델로 계산한 "
                           f"가림은 {want[j]:+.4f}입니다(가장 큰 차이). 지운 메시지를 "
                           "`pp.pad_seq_x`로 뒤쪽 패딩했는지, 모델을 평가 모드로 돌렸는지 "
                           "확인하세요.")
        jamo = [prep.idx_to_word[t] for t in seq]
        words = [compose_token(w) for w in jamo]
        top_occ = at.top_tokens(jamo, want, TOP)
        gxi = at.grad_x_input(model, np.asarray([seq]), spam)[0]
        top_gxi = at.top_tokens(jamo, gxi, TOP)
        foreign = [w for w in pred if w not in words]
        hits = [w for w in pred if w in top_occ]
        said = (f"예측한 토큰 가운데 LSTM이 읽는 이 메시지의 토큰에 없는 것: "
                f"{', '.join(foreign)} (드문 단어는 `<UNK>`로 읽습니다). "
                if foreign else "")
        return right(
            f"가림이 같은 모델의 계산과 맞습니다. 가림의 상위 {TOP}개: "
            f"{', '.join(top_occ)}. 예측 {len(pred)}개 가운데 {len(hits)}개가 여기에 "
            f"들어 있습니다. {said}10.2의 기울기 × 입력의 상위 {TOP}개: "
            f"{', '.join(top_gxi)} (가림과 {len(set(top_occ) & set(top_gxi))}개가 "
            "겹칩니다). 두 방법이 다르게 고른 토큰이 있다면, 기울기는 '아주 조금 바꾸면'을, "
            "가림은 '지우면'을 잰다는 차이를 떠올려 보세요.")
