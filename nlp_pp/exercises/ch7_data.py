"""Chapter 7's exercises on the data (registered on import): leakage, pool size."""

from __future__ import annotations

import math

import numpy as np
import torch

from ..korean import particle
from ..vocab import TensorBatches
from ._shared import DIRECTION, SAME, direction
from .core import Discussion, Prediction, register
from .feedback import choice_part, part, reply
from .forms import Choice, Number, Subset, is_number

# ------------------------------------------------------------------ ch7-ex-leak
LEAKS = frozenset({"가", "다", "라"})
WHY = {
    "가": "불용어 목록을 전체 데이터(테스트 포함)의 흔한 단어로 정하면 테스트 메시지의 "
          "내용이 전처리 설정에 들어갑니다.",
    "나": "검증 데이터는 바로 이런 선택을 위해 떼어 둔 것이라 누수가 아닙니다.",
    "다": "테스트 정확도로 모델을 고르면 그 정확도는 더 이상 새 데이터에서의 추정이 "
          "아닙니다. 가장 나쁜 경우입니다.",
    "라": "테스트 메시지의 길이가 설정에 들어갑니다. 길이 분포는 훈련 데이터에서 보세요.",
}


def _min_length(lengths: np.ndarray, share: float = 0.95) -> int:
    k = math.ceil(share * len(lengths))
    return int(np.sort(lengths)[k - 1])


@register
class Leak(Discussion):
    label = "ch7-ex-leak"
    minutes = 10
    form = Subset(*sorted(WHY))
    stubs = {"length_95": ("length_95", "훈련 메시지의 95 %를 덮는 길이(정수)")}

    def judge(self, answer, *, length_95, prep):
        chosen = answer
        off = [f"({k}) {'골랐지만 누수가 아닙니다' if k in chosen else '누수인데 빠졌습니다'}: "
               f"{WHY[k]}" for k in sorted(WHY) if (k in chosen) != (k in LEAKS)]
        said = ", ".join(f"({k})" for k in sorted(chosen)) or "없음"
        parts = [part(not off, f"고른 누수: {said}.", " " + " ".join(off))]
        if not is_number(length_95) or float(length_95) != int(length_95):
            parts.append((False, (f"length_95는 토큰 수(정수)여야 합니다. 받은 값: "
                                 f"{length_95!r}")))
            return reply(parts)
        length_95 = int(length_95)
        train = np.array([len(s) for s in prep.seqs["train"]])
        test = np.array([len(s) for s in prep.seqs["test"]])
        ref, from_test = _min_length(train), _min_length(test)
        cover = float(np.mean(train <= length_95))
        got = f"length_95: {particle(str(length_95), '은')} 훈련 메시지의 {cover:.1%}를 덮습니다"
        leak = (f" 다만 테스트 데이터의 길이로 구하면 바로 {particle(str(from_test), '이')} "
                "나옵니다. 훈련 "
                "데이터(prep.seqs[\"train\"])로 구했는지 확인하세요. 테스트 데이터로 "
                "구했다면 그것이 (라)의 누수입니다."
                if length_95 == from_test and from_test != ref else "")
        if cover >= 0.95:
            best = ("" if length_95 == ref else
                    f" 95%를 덮는 가장 짧은 길이는 {ref}이고, 더 긴 길이는 패딩만 늘립니다.")
            parts.append((True, f"{got}.{best}{leak}"))
        else:
            extra = leak or (" 정렬한 길이에서 ceil(0.95·n)번째 값을 쓰면 95%를 덮습니다 "
                             "(np.percentile은 사이 값을 보간합니다)."
                             if abs(length_95 - ref) <= 2 else "")
            parts.append((False, (f"{got}. 95%를 덮는 가장 짧은 길이는 {ref}입니다(차이 "
                                 f"{length_95 - ref:+}).{extra}")))
        return reply(parts)


# ------------------------------------------------------------------ ch7-ex-pool
MORE, EVEN, LESS = "커진다", "그대로", "작아진다"


def pool_stats(prep, pool: int) -> tuple[int, float]:
    """Return (sequential steps, std of the per-batch class-1 share) for one pool."""
    cfg = prep.cfg
    tb = TensorBatches(prep.padded["train"], prep.labels["train"], cfg.batch_size,
                       shuffle=True, seed=cfg.seed, lengths=prep.lengths("train"),
                       device="cpu", bucket=True, pool=pool)
    steps = tb.steps()
    y = torch.as_tensor(prep.labels["train"])
    share = [float((y[idx] == 1).float().mean()) for idx in tb._batches()]
    return steps, float(np.std(share))


@register
class Pool(Prediction):
    label = "ch7-ex-pool"
    minutes = 10
    form = {"pool=1의 순차 단계": Number(integer=True), "풀을 키우면 단계": DIRECTION,
            "풀을 키우면 클래스 비율의 흔들림": Choice(MORE, EVEN, LESS)}

    def judge(self, pred, *, prep):
        n_batches = math.ceil(len(prep.labels["train"]) / prep.cfg.batch_size)
        packed = prep.batches("train", with_lengths=True, device="cpu").steps()
        post = n_batches * prep.cfg.context_length
        steps1, std1 = pool_stats(prep, 1)
        steps_big, std_big = pool_stats(prep, n_batches)
        parts = []
        guess = pred["pool=1의 순차 단계"]
        if guess == steps1:
            parts.append((True, f"pool=1이면 {steps1:,}단계로 패킹({packed:,})과 같습니다."))
        else:
            why = (" 뒤쪽 패딩의 단계(배치 수 × context_length)입니다. 길이 버킷팅은 pool=1"
                   "이어도 배치를 가장 긴 메시지까지 자릅니다." if guess == post else
                   " 배치 하나 안에서만 정렬하면 배치 구성은 무작위 배치와 같으므로, 단계는 "
                   "패킹처럼 배치마다 가장 긴 메시지 길이의 합입니다.")
            parts.append((False, (f"pool=1의 순차 단계: 예측 {guess:,}, 실제 {steps1:,}"
                                 f"(차이 {guess - steps1:+,}).{why}")))
        seen = direction(steps1, steps_big)
        parts.append(choice_part(
            "풀을 키우면 단계", pred["풀을 키우면 단계"], seen,
            f"(풀을 배치 수 {n_batches}까지) {steps1:,} → {steps_big:,}",
            "풀이 클수록 길이가 비슷한 메시지끼리 모여 배치 폭이 좁아집니다."))
        seen_std = {"늘어난다": MORE, SAME: EVEN, "줄어든다": LESS}[
            direction(std1, std_big, tol=0.1 * std1 + 1e-3)]
        said = pred["풀을 키우면 클래스 비율의 흔들림"]
        line = f"배치별 클래스 1 비율의 표준편차 {std1:.3f} → {std_big:.3f}('{seen_std}')"
        if said == seen_std:
            parts.append((True, line + ". 길이가 클래스와 관련이 있으면 배치가 덜 "
                                       "무작위가 되어 기울기가 들쭉날쭉해질 수 있습니다."))
        else:
            why = ("스팸과 일상대화의 길이 분포가 달라, 길이순으로 모으면 한 배치에 한 "
                   "클래스가 몰립니다." if seen_std == MORE else
                   "이번 데이터에서는 길이와 클래스의 관련이 약해 배치 구성이 크게 "
                   "치우치지 않았습니다.")
            parts.append((False, f"{line}, 예측은 '{said}'. {why}"))
        return reply(parts)
