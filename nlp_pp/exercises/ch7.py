"""Chapter 7's exercises (registered on import).

Like chapter 6 the checks never train: they read the student's run results.
"""

from __future__ import annotations

import math

import numpy as np
import torch

from .. import stats
from ..stats import learned, majority_margin
from ..training import TensorBatches
from ._shared import DIRECTION, SAME, direction, particle, pct, pp_diff, reply, stub
from .core import (
    Choice,
    Exercise,
    Number,
    is_number,
    not_yet,
    register,
    require_answered,
    right,
)

# ------------------------------------------------------------------ 22. ch7-ex1
PASS, FAIL = "넘는다", "넘지 못한다"
CELLS = ("LSTM", "GRU")


def _lecture_note(acc: float, majority: float, n_test, lecture) -> str:
    """Return what the LSTM's bucketing run says next to 3.2's lecture-setup runs."""
    if lecture is None or lecture is Ellipsis:
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


def _check_plain_bucket(pred, *, accs, majority, pad_bucket=None, n_test=None,
                        lecture=None):
    if accs is Ellipsis:
        return stub("plain_bucket", "기본 초기화 + 길이 버킷팅으로 학습한 LSTM·GRU의 "
                    "테스트 정확도 dict")
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


register(Exercise(
    "ch7-ex1", "길이 버킷팅이라면 게이트 편향이 필요할까?", "predict", 15,
    _check_plain_bucket,
    hint=("게이트 편향 처방은 상태가 수백 칸의 패딩을 ‘건너도록’ 하는 처방입니다. 길이 "
          "버킷팅에서는 건너야 할 패딩이 몇 칸일까요(1절의 패딩 비율)? 예측은 "
          f'{{"LSTM": "{PASS}" 또는 "{FAIL}", "GRU": ...}}로 씁니다.'),
    solution=("길이 버킷팅은 건너야 할 패딩 자체를 몇 칸으로 줄이므로 기본 초기화로도 "
              "다수 클래스 비율을 넘을 가능성이 큽니다. 넘었는데 3.2의 강의 설정 LSTM이 "
              "넘지 못했다면, 셀과 초기화가 같으니 그 실패는 긴 패딩 구간 탓으로 볼 수 "
              "있습니다. 넘지 못했다면 이 예산에서는 패딩을 줄이는 것만으로는 "
              "부족했다는 뜻입니다. 3.2는 LSTM만 학습했으므로 GRU는 3.2와 비교할 수 "
              "없습니다."),
    code=(f'pp.exercise("ch7-ex1").predict({{"LSTM": "{PASS}", "GRU": "{PASS}"}})\n'
          "plain_bucket = {\n"
          "    name: pp.run_condition(prep, pp.MODELS[name], bucket=True,\n"
          "                           device=device, progress=False).test_acc\n"
          '    for name in ("LSTM", "GRU")}'),
    form={name: Choice(PASS, FAIL) for name in CELLS}, answer_name="예측"))

# ------------------------------------------------------------------ 23. ch7-ex2
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


def _check_pre_post(pred, *, acc_post, rnn_runs, majority, acc_pre=None,
                    n_test=None):
    if acc_post is Ellipsis:
        return stub("acc_post", "앞쪽 패딩 모델을 뒤쪽 패딩 테스트 데이터로 잰 정확도")
    post_key = next((k for k in rnn_runs if k.startswith("뒤쪽")), None)
    if PRE not in rnn_runs or post_key is None:
        return not_yet("rnn_runs에 1절의 '앞쪽 패딩'과 '뒤쪽 패딩 (강의)' 결과가 있어야 "
                       "합니다.")
    notes = []
    if acc_pre is not None and acc_pre is not Ellipsis:
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


register(Exercise(
    "ch7-ex2", "앞쪽 패딩으로 배우고 뒤쪽 패딩으로 평가하면?", "predict", 15,
    _check_pre_post,
    hint=("뒤쪽 패딩 평가에서 모델은 메시지를 읽은 뒤 수백 칸의 0 입력을 지나며 "
          "h ↦ tanh(W_hh h + b)를 되풀이합니다. 이 반복이 메시지마다 다른 상태를 한 "
          "곳으로 모은다면 정확도는 어디로 갈까요? 모으지 않는다면? 예측은 "
          f'"{STAYS}" / "{DROPS}" / "{BELOW}" 가운데 하나입니다.'),
    solution=("결과는 학습한 W_hh와 b가 만드는 반복 h ↦ tanh(W_hh h + b)에 달려 "
              "있습니다. 이 반복이 메시지마다 다른 상태를 한 곳으로 모으면 메시지를 잊어 "
              "정확도가 다수 클래스 비율 근처로 떨어지고(그 한 곳이 틀린 클래스 쪽이면 "
              "그보다 낮아지고), 모으지 않으면(안정점이 여러 개인 경우 등) 메시지를 읽은 "
              "뒤의 상태가 자기 클래스 쪽에 머물 수 있습니다. 스펙트럼 반지름 ρ는 "
              "실마리일 뿐입니다. ρ < 1이어도 한 걸음은 차이를 늘일 수 있으므로(1장), "
              "어느 쪽인지는 재 봐야 압니다. 앞쪽 패딩으로 학습한 RNN은 메시지를 "
              "구별하도록 배우면서 W_hh가 커질 수 있습니다."),
    code=(f'pp.exercise("ch7-ex2").predict("{DROPS}")\n'
          'pre_model = rnn_runs["앞쪽 패딩"].model\n'
          "trainer = pp.Trainer(pre_model, torch.optim.Adam(pre_model.parameters()),\n"
          "                     device=device)\n"
          'acc_pre = trainer.evaluate(prep.batches("test",\n'
          '                                        padded=pre_padded["test"]))[1]\n'
          'acc_post = trainer.evaluate(prep.batches("test"))[1]'),
    form=Choice(STAYS, DROPS, BELOW), answer_name="예측"))

# ------------------------------------------------------------------ 24. ch7-ex3
STD, SEM = "표준편차", "평균의 표준오차"
RUN, TEST, MEAN = ("학습 한 번의 흔들림(초깃값과 배치 순서)",
                   "테스트 데이터가 작아서 생기는 불확실성",
                   "평균 정확도의 불확실성")


def _spread(accs) -> tuple[float, float]:
    a = np.asarray(list(accs), dtype=float)
    std = float(a.std(ddof=1)) if len(a) > 1 else 0.0
    return std, std / math.sqrt(len(a))


def _check_seeds(pred, *, before, after, n_test):
    if after is Ellipsis:
        return stub("lstm_all", "시드를 두 배로 늘린 LSTM 테스트 정확도")
    before, after = list(before), list(after)
    if len(after) <= len(before):
        return not_yet(f"lstm_all의 시드가 {len(after)}개로, 3.1의 {len(before)}개보다 "
                       "많지 않습니다. 새 시드의 결과를 3.1의 결과에 이어 붙였나요?")
    std0, se0 = _spread(before)
    std1, se1 = _spread(after)
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
        parts.append((True, f"{test}. 지금 평균의 표준오차 {points(se1)}(시드에서 "
                            "오는 몫)와 비교해 보세요."))
    else:
        why = {RUN: "학습 한 번의 흔들림 자체(표준편차)는 시드를 늘려도 대체로 그대로지만, "
                    "평균 정확도에 남는 그 몫(평균의 표준오차)은 1/√n로 줄어듭니다",
               MEAN: "평균 정확도의 불확실성 가운데 시드에서 오는 몫(평균의 표준오차)은 "
                     "1/√n로 줄어듭니다"}[said]
        parts.append((False, f"줄지 않는 불확실성: 예측 '{said}'. {why}. 줄지 않는 "
                             f"것은 다른 몫입니다. {test}."))
    return reply(parts, f"이번 실행: {measured}.")


register(Exercise(
    "ch7-ex3", "시드를 늘리면 무엇이 줄어드나", "predict", 15, _check_seeds,
    hint=("표준편차는 ‘학습 한 번이 얼마나 흔들리나’, 평균의 표준오차는 ‘n번의 평균이 "
          "얼마나 흔들리나’입니다. 시드를 바꾸면 테스트 메시지도 바뀌나요? 예측은 "
          f'{{"줄어드는 것": "{STD}" / "{SEM}", "줄지 않는 불확실성": "{RUN}" / '
          f'"{TEST}" / "{MEAN}"}}으로 씁니다.'),
    solution=("표준편차는 시드 수와 상관없이 대체로 그대로이고, 평균의 표준오차는 1/√n으로 "
              "줄어 약 0.71배가 됩니다. 시드를 아무리 늘려도 테스트 데이터가 작아서 생기는 "
              "불확실성(정확도 하나의 표준오차)은 줄지 않습니다."),
    code=(f'pp.exercise("ch7-ex3").predict({{"줄어드는 것": "{SEM}",\n'
          f'                             "줄지 않는 불확실성": "{TEST}"}})'),
    form={"줄어드는 것": Choice(STD, SEM), "줄지 않는 불확실성": Choice(RUN, TEST, MEAN)},
    answer_name="예측"))

# ------------------------------------------------------------------ 25. ch7-ex4
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


def _check_leak(answer, *, length_95, prep):
    chosen = answer
    if not isinstance(chosen, (set, frozenset, list, tuple)) or \
            not set(chosen) <= set(WHY):
        return not_yet('답은 {"가", "나", "다", "라"} 가운데 고른 집합으로 써 주세요. '
                       f"받은 값: {chosen!r}")
    chosen = frozenset(chosen)
    parts = []
    for key in sorted(WHY):
        if (key in chosen) == (key in LEAKS):
            parts.append((True, f"({key})"))
        else:
            said = "골랐지만 누수가 아닙니다" if key in chosen else "누수인데 빠졌습니다"
            parts.append((False, f"({key}) {said}: {WHY[key]}"))
    length_95 = require_answered(length_95)
    if not is_number(length_95) or float(length_95) != int(length_95):
        parts.append((False, f"length_95는 토큰 수(정수)여야 합니다. 받은 값: "
                             f"{length_95!r}"))
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
        parts.append((False, f"{got}. 95%를 덮는 가장 짧은 길이는 {ref}입니다(차이 "
                             f"{length_95 - ref:+}).{extra}"))
    return reply(parts)


register(Exercise(
    "ch7-ex4", "어디까지가 누수인가", "discuss", 10, _check_leak,
    hint=("물어볼 것은 하나입니다. ‘이 결정을 내릴 때 테스트 데이터를 보았나?’ 레이블을 "
          "보지 않았어도 테스트 메시지의 내용이나 길이를 보았다면 누수입니다. 답은 "
          '{"가", ...}처럼 고른 글자의 집합으로, length_95는 훈련 데이터(prep.seqs'
          '["train"])에서 구합니다.'),
    solution=("(가), (다), (라)가 테스트 데이터의 정보를 씁니다. (나)는 검증 데이터를 쓰므로 "
              "괜찮습니다. (라)를 고치려면 길이 분포를 훈련 데이터에서만 봅니다."),
    code=('누수 = {"가", "다", "라"}\n'
          'train_len = np.array([len(s) for s in prep.seqs["train"]])\n'
          "k = int(np.ceil(0.95 * len(train_len)))\n"
          "length_95 = int(np.sort(train_len)[k - 1])"),
    answer_name="누수"))

# ------------------------------------------------------------------ 26. ch7-ex5
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


def _check_pool(pred, *, prep):
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
    if pred["풀을 키우면 단계"] == seen:
        parts.append((True, (f"풀을 배치 수({n_batches})까지 키우면 단계 {steps1:,} → "
                            f"{steps_big:,}.")))
    else:
        parts.append((False, (f"풀을 키우면 단계: 예측 '{pred['풀을 키우면 단계']}', 실제 "
                             f"{steps1:,} → {steps_big:,}('{seen}'). 풀이 클수록 길이가 "
                             "비슷한 메시지끼리 모여 배치 폭이 좁아집니다.")))
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


register(Exercise(
    "ch7-ex5", "길이 버킷팅의 풀 크기", "predict", 10, _check_pool,
    hint=("pool=1이면 배치 하나 분량의 메시지만 정렬합니다. 그 배치의 메시지 구성은 "
          "무작위 배치와 같을까요? 그렇다면 순차 단계는 2절 표의 어느 방법과 같을까요? "
          '예측은 {"pool=1의 순차 단계": 정수, "풀을 키우면 단계": "늘어난다" / '
          '"그대로" / "줄어든다", "풀을 키우면 클래스 비율의 흔들림": "커진다" / '
          '"그대로" / "작아진다"}로 씁니다.'),
    solution=("pool=1이면 배치 구성이 무작위 배치와 같아 단계가 패킹과 같습니다. 풀을 "
              "키우면 단계는 줄지만, 길이가 클래스와 관련이 있으면 배치마다 클래스 비율이 "
              "크게 달라져 기울기가 더 들쭉날쭉해질 수 있습니다."),
    code=('pp.exercise("ch7-ex5").predict({"pool=1의 순차 단계": steps["패킹"],\n'
          '                             "풀을 키우면 단계": "줄어든다",\n'
          '                             "풀을 키우면 클래스 비율의 흔들림": "커진다"})'),
    form={"pool=1의 순차 단계": Number(integer=True), "풀을 키우면 단계": DIRECTION,
          "풀을 키우면 클래스 비율의 흔들림": Choice(MORE, EVEN, LESS)},
    answer_name="예측"))
