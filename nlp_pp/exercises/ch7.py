"""Chapter 7's exercises (registered on import).

Like chapter 6 the checks never train: they read the student's run results.
"""

from __future__ import annotations

import math

import numpy as np
import torch

from .. import stats
from ..korean import particle, pct, pp_diff
from ..stats import learned, majority_margin
from .core import Prediction, register
from .feedback import not_yet, reply, right
from .forms import Choice

# ------------------------------------------------------------------ ch7-ex-bucket
PASS, FAIL = "넘는다", "넘지 못한다"
CELLS = ("LSTM", "GRU")


def _lecture_note(acc: float, majority: float, n_test, lecture) -> str:
    """Return what the LSTM's bucketing run says next to 3.2's lecture-setup runs."""
    if lecture is None:
        return ""
    accs = [float(a) for a in lecture]
    k, n = sum(learned(a, majority, n_test) for a in accs), len(accs)
    if not learned(acc, majority, n_test):
        return ""
    if k == 0:
        return (f" 3.2에서 같은 기본 초기화로 뒤쪽 패딩을 쓴 LSTM은 시드 {n}개 모두 넘지 "
                "못했습니다. 셀과 초기화는 같고 입력만 다르므로, 3.2의 실패는 셀이 "
                "아니라 긴 패딩 구간 탓으로 볼 수 있습니다.")
    return (f" 3.2의 강의 설정(뒤쪽 패딩) LSTM도 시드 {n}개 가운데 {k}개에서 넘었으므로, "
            "길이 버킷팅이 있어야만 학습한다고는 말할 수 없습니다.")


@register
class Bucket(Prediction):
    label = "ch7-ex-bucket"
    minutes = 15
    form = {name: Choice(PASS, FAIL) for name in CELLS}
    stubs = {"accs": ("plain_bucket", ("기본 초기화 + 길이 버킷팅으로 학습한 LSTM·GRU의 "
                                      "테스트 정확도 dict"))}

    def judge(self, pred, *, accs, majority, pad_bucket=None, n_test=None,
                            lecture=None):
        if not isinstance(accs, dict) or set(accs) != set(CELLS):
            return not_yet('plain_bucket은 {"LSTM": 정확도, "GRU": 정확도} 모양의 dict여야 '
                           "합니다.")
        pad = f"길이 버킷팅의 패딩 비율은 {pct(pad_bucket)}뿐이라 " if pad_bucket else ""
        margin = pp_diff(majority_margin(majority, n_test), sign=False)
        parts = []
        for name in CELLS:
            seen = PASS if learned(accs[name], majority, n_test) else FAIL
            line = (f"{name} {pct(accs[name])} (다수 클래스 비율 {pct(majority)}보다 "
                    f"{margin} 넘게 높아야 '{PASS}')")
            note = _lecture_note(accs[name], majority, n_test, lecture) \
                if name == "LSTM" else ""
            if pred[name] == seen:
                parts.append((True, f"{line}: '{seen}'.{note}"))
            elif seen == PASS:
                parts.append((False, (f"{line}: 예측은 '{pred[name]}'였지만 넘었습니다. {pad}"
                                     "기본 초기화로도 메시지의 기억과 기울기가 마지막 은닉 "
                                     f"상태까지 전해졌습니다.{note}")))
            else:
                parts.append((False, (f"{line}: 예측은 '{pred[name]}'였지만 넘지 못했습니다. "
                                     "이 예산에서는 패딩을 줄인 것만으로는 부족했습니다. "
                                     "3.1에서 게이트 편향 처방을 함께 쓴 결과와 비교해 "
                                     "보세요.")))
        return reply(parts)


# ------------------------------------------------------------------ ch7-ex-pre-post
DROPS, STAYS = "다수 클래스 비율 근처로 떨어진다", "다수 클래스 비율보다 높게 남는다"
BELOW = "다수 클래스 비율보다 낮아진다"
PRE = "앞쪽 패딩"


def spectral_radius(model) -> float:
    """Return the largest |eigenvalue| of the RNN's recurrent matrix W_hh."""
    w_hh = model.rnn.weight_hh_l0.detach().cpu().double()
    return float(torch.linalg.eigvals(w_hh).abs().max())


def spectral_norm(model) -> float:
    """Return ‖W_hh‖₂, the most one step can stretch a difference of states."""
    w_hh = model.rnn.weight_hh_l0.detach().cpu().double()
    return float(torch.linalg.matrix_norm(w_hh, 2))


def _standing(acc: float, majority: float, n_test) -> str:
    """Return STAYS, DROPS or BELOW for an accuracy against the majority rate."""
    return {"above": STAYS, "near": DROPS, "below": BELOW}[
        stats.standing(acc, majority, n_test)]


@register
class PrePost(Prediction):
    label = "ch7-ex-pre-post"
    minutes = 15
    form = Choice(STAYS, DROPS, BELOW)
    stubs = {"acc_post": ("acc_post", "앞쪽 패딩 모델을 뒤쪽 패딩 테스트 데이터로 잰 정확도"),
             "acc_pre": ("acc_pre", "앞쪽 패딩 모델을 앞쪽 패딩 테스트 데이터로 잰 정확도")}

    def judge(self, pred, *, acc_post, rnn_runs, majority, acc_pre=None,
                        n_test=None):
        post_key = next((k for k in rnn_runs if k.startswith("뒤쪽")), None)
        if PRE not in rnn_runs or post_key is None:
            return not_yet("rnn_runs에 1절의 '앞쪽 패딩'과 '뒤쪽 패딩 (강의)' 결과가 있어야 "
                           "합니다.")
        notes = []
        if acc_pre is not None:
            gap = abs(acc_pre - rnn_runs[PRE].test_acc)
            if gap > 0.005:
                return not_yet(f"acc_pre {pct(acc_pre)}가 1절의 앞쪽 패딩 테스트 정확도 "
                               f"{pct(rnn_runs[PRE].test_acc)}와 다릅니다. 앞쪽 패딩 테스트 "
                               "데이터(`padded=pre_padded[\"test\"]`)로 평가했는지 보세요.")
            notes.append(f"앞쪽 패딩으로 평가하면 {pct(acc_pre)}")
        rho_pre = spectral_radius(rnn_runs[PRE].model)
        rho_post = spectral_radius(rnn_runs[post_key].model)
        norm_pre = spectral_norm(rnn_runs[PRE].model)
        seen = _standing(acc_post, majority, n_test)
        notes.append(f"뒤쪽 패딩으로 평가하면 {pct(acc_post)}(다수 클래스 비율 "
                     f"{pct(majority)}) → '{seen}'")
        why = {
            STAYS: "메시지를 읽은 뒤의 상태가 수백 칸의 0 입력을 지나고도 클래스를 가를 만큼 "
                   "서로 달랐습니다. 입력 없는 반복 h ↦ tanh(W_hh h + b)가 메시지마다 다른 "
                   "상태를 한 점으로 모으지 않았다는 뜻입니다.",
            DROPS: "정확도가 다수 클래스 비율 근처라는 것은, 메시지를 가르는 정보가 패딩을 "
                   "지나는 동안 거의 사라졌다는 뜻입니다. 입력 없는 반복 "
                   "h ↦ tanh(W_hh h + b)가 메시지마다 다른 상태를 거의 한 곳으로 모았습니다.",
            BELOW: "정확도가 다수 클래스 비율보다도 뚜렷이 낮습니다. 메시지의 정보가 "
                   "사라졌을 뿐 아니라, 패딩을 지난 상태가 틀린 쪽(예: 소수 클래스)으로 "
                   "치우쳤다는 뜻입니다. 다수 클래스 비율 '근처'로 떨어진 것과는 다릅니다.",
        }[seen]
        rho = (f"W_hh의 스펙트럼 반지름 ρ는 앞쪽 패딩으로 학습 {rho_pre:.2f}, 뒤쪽 패딩으로 "
               f"학습 {rho_post:.2f}이고, 앞쪽 패딩 모델의 ‖W_hh‖₂는 {norm_pre:.2f}입니다. "
               "ρ는 실마리일 뿐 결과를 정하지 않습니다. 1장에서 보았듯 ρ < 1이어도 "
               "‖W_hh‖₂ > 1이면 한 걸음은 상태의 차이를 늘일 수 있고, W_hh가 정규 행렬이 "
               "아니면 tanh′(대각 행렬 D)를 곱한 야코비안 DW_hh의 반지름이 1을 넘을 수도 "
               "있습니다. 어느 쪽인지는 위처럼 재 봐야 압니다.")
        text = ", ".join(notes) + ". " + why + " " + rho + " 어느 쪽이든 학습과 추론의 " \
            "전처리는 같아야 합니다."
        if pred == seen:
            return right(f"예측 {particle(repr(pred), '이')} 맞습니다. " + text)
        return not_yet(f"예측은 '{pred}'였습니다. " + text)


# ------------------------------------------------------------------ ch7-ex-seeds
STD, SEM = "표준편차", "평균의 표준오차"
RUN, TEST, MEAN = ("학습 한 번의 흔들림(초깃값과 배치 순서)",
                   "테스트 데이터가 작아서 생기는 불확실성",
                   "평균 정확도의 불확실성")


@register
class Seeds(Prediction):
    label = "ch7-ex-seeds"
    minutes = 15
    form = {"줄어드는 것": Choice(STD, SEM), "줄지 않는 불확실성": Choice(RUN, TEST, MEAN)}
    stubs = {"after": ("lstm_all", "시드를 두 배로 늘린 LSTM 테스트 정확도")}

    def judge(self, pred, *, before, after, n_test):
        before, after = list(before), list(after)
        if len(after) <= len(before):
            return not_yet(f"lstm_all의 시드가 {len(after)}개로, 3.1의 {len(before)}개보다 "
                           "많지 않습니다. 새 시드의 결과를 3.1의 결과에 이어 붙였나요?")
        std0, se0 = stats.seed_spread(before)
        std1, se1 = stats.seed_spread(after)
        se_one = stats.accuracy_se(float(np.mean(after)), n_test)
        shrink = math.sqrt(len(before) / len(after))
        def points(x):
            return pp_diff(x, sign=False, digits=2)

        measured = (f"표준편차 {points(std0)} → {points(std1)}, 평균의 표준오차 "
                    f"{points(se0)} → {points(se1)}")
        rule = (f"평균의 표준오차는 표준편차/√n이라, 표준편차가 같다면 시드를 "
                f"{len(before)}개에서 {len(after)}개로 늘릴 때 {shrink:.2f}배가 됩니다. "
                "표준편차는 학습 한 번의 흔들림을 시드 몇 개로 어림한 값이라, 시드 수와 "
                "상관없이 대체로 그대로이되 시드가 적을 때는 어림 자체가 흔들립니다.")
        if se1 < se0:
            rule += f" 이번 실행에서도 평균의 표준오차가 {se1 / se0:.2f}배로 줄었습니다."
        else:
            rule += (f" 이번 실행에서는 표준편차의 어림이 {points(std0)}에서 "
                     f"{points(std1)}로 커져서, 평균의 표준오차도 줄지 않았습니다. "
                     "시드를 더 늘리면 표준편차의 어림이 안정되고 표준오차는 1/√n로 "
                     "줄어듭니다.")
        parts = []
        if pred["줄어드는 것"] == SEM:
            parts.append((True, f"줄어드는 쪽은 {SEM}. {rule}"))
        else:
            parts.append((False, f"줄어드는 것: 예측 '{pred['줄어드는 것']}'. {rule}"))
        test = (f"시드를 바꿔도 테스트 메시지 {n_test}통은 그대로이므로, 그 메시지들에서 "
                f"오는 불확실성(정확도 하나의 표준오차 약 {points(se_one)})은 평균을 내도 "
                "줄지 않습니다")
        said = pred["줄지 않는 불확실성"]
        if said == TEST:
            parts.append((True, (f"{test}. 지금 평균의 표준오차 {points(se1)}(시드에서 "
                                "오는 몫)와 비교해 보세요.")))
        else:
            why = {RUN: "학습 한 번의 흔들림 자체(표준편차)는 시드를 늘려도 대체로 그대로지만, "
                        "평균 정확도에 남는 그 몫(평균의 표준오차)은 1/√n로 줄어듭니다",
                   MEAN: "평균 정확도의 불확실성 가운데 시드에서 오는 몫(평균의 표준오차)은 "
                         "1/√n로 줄어듭니다"}[said]
            parts.append((False, (f"줄지 않는 불확실성: 예측 '{said}'. {why}. 줄지 않는 "
                                 f"것은 다른 몫입니다. {test}.")))
        return reply(parts, f"이번 실행: {measured}.")
