"""Chapter 6's exercises (registered on import).

The chapter trains; the checks never do. They take the student's run results
(Result objects, accuracies, the prepared data) and compare the prediction with them.
"""

from __future__ import annotations

import numpy as np

from .. import stats
from ..models import count_params
from ..stats import learned, majority_margin
from ..training import Trainer
from ._shared import (
    HIGHER,
    LOWER,
    RELATION,
    SIMILAR,
    OneOf,
    particle,
    pct,
    pp_diff,
    relation,
    reply,
    stub,
    yardstick,
)
from .core import Choice, Exercise, Number, not_yet, register, right

# ------------------------------------------------------------------ 19. ch6-ex1
FORGET_ONLY, BOTH = "망각 편향만", "망각+입력 편향"


def input_gate_bias(model) -> float:
    """Return the mean input-gate bias (bias_ih + bias_hh) of an LSTM classifier."""
    rnn = model.rnn
    hid = rnn.hidden_size
    bias = (rnn.bias_ih_l0 + rnn.bias_hh_l0)[:hid]
    return float(bias.detach().cpu().mean())


def _check_forget(pred, *, runs, prep):
    if runs is Ellipsis:
        return stub("ex1", f'{{"{FORGET_ONLY}": ..., "{BOTH}": ...}} 두 학습 결과')
    if not isinstance(runs, dict) or set(runs) != {FORGET_ONLY, BOTH}:
        return not_yet(f'ex1은 {{"{FORGET_ONLY}": Result, "{BOTH}": Result}} 모양의 dict '
                       "여야 합니다.")
    b_only, b_both = (input_gate_bias(runs[k].model) for k in (FORGET_ONLY, BOTH))
    if not b_both < -1.5 < b_only:
        return not_yet(f"입력 게이트 편향의 평균이 '{FORGET_ONLY}' {b_only:.2f}, '{BOTH}' "
                       f"{b_both:.2f}입니다. '{FORGET_ONLY}'은 lstm_input_bias=0.0, "
                       f"'{BOTH}'은 pp.with_gate_fix(cfg)로 학습했는지 확인하세요.")
    labels = np.asarray(prep.labels["test"])
    n_test = len(labels)
    a_only, a_both = runs[FORGET_ONLY].test_acc, runs[BOTH].test_acc
    c = stats.compare(a_only, a_both, n_test, stats.hits(runs[FORGET_ONLY], labels),
                      stats.hits(runs[BOTH], labels))
    seen = relation(c)
    majority = float(np.bincount(labels).max() / n_test)
    neither = not any(learned(a, majority, n_test) for a in (a_only, a_both))
    why = {
        LOWER: "입력 게이트를 닫지 않은 쪽이 낮았습니다. 그럴듯한 설명은 내부 상태 "
               "표류입니다. 입력 게이트가 약 0.5로 열려 있으면 패딩 칸마다 i⊙g가 셀 "
               "상태에 더해져 |c|가 자라고, tanh(c)가 포화한 성분에서는 ∂h/∂c가 0에 "
               "가까워 기울기가 셀 상태로 잘 들어가지 못합니다. 다만 이 확인은 학습한 "
               "모델의 포화를 직접 재지 않으므로, 첫 에포크의 검증 정확도(학습 속도)와 "
               "2장 4절의 표를 함께 보세요.",
        SIMILAR: ("두 모델 모두 다수 클래스 비율을 뚜렷이 넘지 못해, 이 예산에서는 "
                  "초기화의 차이를 잴 수 없었습니다." if neither else
                  "표류는 기울기를 약하게 할 뿐 막지는 않으므로, 이 예산에서는 테스트 "
                  "데이터의 우연과 가릴 만큼의 차이가 나지 않았습니다.")
                 + " 첫 에포크의 검증 정확도(학습 속도)도 비교해 보세요.",
        HIGHER: "이번 실행에서는 입력 게이트를 닫지 않은 쪽이 나았습니다. 입력 게이트 "
                "편향 −3은 메시지 토큰의 쓰기도 줄이므로, 짧은 학습에서는 표류를 막는 "
                "이득보다 늦게 배우는 손해가 클 수 있습니다.",
    }[seen]
    first = (f" 첫 에포크 검증 정확도: {pct(runs[FORGET_ONLY].history.val_acc[0])} 대 "
             f"{pct(runs[BOTH].history.val_acc[0])}."
             if hasattr(runs[FORGET_ONLY], "history") else "")
    text = (f"이번 실행: 테스트 정확도 '{FORGET_ONLY}' {pct(a_only)}, '{BOTH}' "
            f"{pct(a_both)} ({yardstick(c)}) → '{seen}'.{first} ")
    if pred == seen:
        return right(text + f"예측 {particle(repr(pred), '이')} 맞습니다. {why}")
    return not_yet(text + f"예측은 '{pred}'였습니다. {why}")


register(Exercise(
    "ch6-ex1", "망각 게이트만 올리면?", "predict", 15, _check_forget,
    hint=("패딩 칸에서는 입력이 0이어도 $c_t = f c_{t-1} + i g$에 i·g가 매 칸 "
          "더해집니다. f ≈ 0.99, i ≈ 0.5이면 |c|는 몇 칸에 걸쳐 얼마나 자라고, tanh(c)가 "
          "포화하면 기울기 ∂h/∂c는 어떻게 될까요? "
          "예측은 게이트 편향을 모두 준 LSTM과 비교한 테스트 정확도로, "
          '"높아진다" / "비슷하다" / "낮아진다" 가운데 하나입니다.'),
    solution=("입력이 없어도 i⊙g가 매 칸 더해져 |c|가 약 1/(1−f)칸에 걸쳐 자라고 "
              "tanh(c)가 포화할 수 있습니다(내부 상태 표류). 메시지의 차이는 남지만 포화한 "
              "성분에서는 기울기가 셀 상태로 잘 들어가지 못하므로, 차이가 난다면 학습 "
              "속도와 같은 예산에서의 정확도에서 납니다. 얼마나 나는지는 예산과 시드가 "
              "정합니다."),
    code=('pp.exercise("ch6-ex1").predict("낮아진다")\n'
          "forget_only = pp.with_gate_fix(cfg, lstm_input_bias=0.0)\n"
          'ex1 = {name: pp.run_condition(prep, "lstm", cfg=c, progress=False)\n'
          '       for name, c in (("망각 편향만", forget_only),\n'
          '                       ("망각+입력 편향", fix_cfg))}'),
    form=RELATION, answer_name="예측"))

# ------------------------------------------------------------------ 20. ch6-ex2
PRE_FIXED = "GRU_사전훈련+게이트 편향"


def _param_diagnosis(diff: int, model) -> str:
    """Return a guess at what a wrong parameter count left out or added."""
    emb = model.embed.weight.numel()
    hid = model.rnn.hidden_size
    linear = count_params(model.classifier)
    known = {emb: " 임베딩 층(V×E)까지 셌나요? 고정한 층은 학습되지 않습니다.",
             -linear: " 선형층을 빼먹었나요?",
             -3 * hid: " 편향 벡터 하나(3H)를 빼먹었나요?",
             -6 * hid: " 순환층의 편향 두 벡터(2 × 3H)를 빼먹었나요?",
             -count_params(model.rnn): " 순환층을 빼먹었나요?"}
    return known.get(diff, "")


def _check_frozen(pred, *, model, acc, fixed, prep):
    if model is Ellipsis or acc is Ellipsis:
        return stub("frozen, frozen_acc", "임베딩을 고정한 GRU와 그 테스트 정확도")
    if model.embed.weight.requires_grad:
        return not_yet("model의 임베딩이 고정되지 않았습니다(requires_grad=True). "
                       "freeze=True로 만드세요.")
    parts = []
    trainable = count_params(model, trainable_only=True)
    said = pred["학습 파라미터"]
    if said == trainable:
        parts.append((True, f"학습되는 파라미터 {trainable:,}개."))
    else:
        parts.append((False, f"학습되는 파라미터: 예측 {said:,}, 실제 {trainable:,} "
                             f"(차이 {said - trainable:+,})."
                             + _param_diagnosis(said - trainable, model)))
    labels = np.asarray(prep.labels["test"])
    n_test = len(labels)
    ref_hits = stats.hits(fixed[PRE_FIXED], labels)
    hits = None
    if ref_hits is not None and hasattr(prep, "batches"):
        device = next(model.parameters()).device  # 같은 테스트 메시지에서 짝짓기
        hits = Trainer(model, None, device=device).predict(
            prep.batches("test", device=device)) == labels
        if abs(float(hits.mean()) - acc) > 0.5 / n_test:
            return not_yet(f"acc {pct(acc)}가 model의 테스트 정확도 "
                           f"{pct(float(hits.mean()))}와 다릅니다. 고정한 모델을 테스트 "
                           "데이터로 평가한 값을 넘겼는지 보세요.")
    ref = fixed[PRE_FIXED].test_acc
    c = stats.compare(acc, ref, n_test, hits, ref_hits if hits is not None else None)
    seen = relation(c)
    line = (f"테스트 정확도: 고정 {pct(acc)}, 고정하지 않음 {pct(ref)} "
            f"({yardstick(c)}) → '{seen}'")
    majority = float(np.bincount(labels).max() / n_test)
    ok_frozen, ok_ref = (learned(a, majority, n_test) for a in (acc, ref))
    why = {LOWER: ("고정한 쪽은 다수 클래스 비율을 뚜렷이 넘지 못했습니다. "
                   if ok_ref and not ok_frozen else "")
                  + "고정하면 분류에 중요한 단어의 벡터를 과제에 맞게 고칠 수 없고, "
                  "이번 실행에서는 그것이 손해였습니다.",
           SIMILAR: ("고정한 FastText 벡터만으로도 이 과제에 필요한 구별이 "
                     "충분했습니다." if ok_frozen and ok_ref else
                     "두 모델 모두 다수 클래스 비율을 뚜렷이 넘지 못했으므로, 이 "
                     "비교로는 고정의 효과를 말할 수 없습니다." if not (ok_frozen or ok_ref)
                     else "한쪽만 다수 클래스 비율을 넘었지만 두 정확도의 차이는 "
                     "우연과 가려지지 않습니다."),
           HIGHER: "학습할 파라미터가 줄어 작은 데이터에서 과적합이 줄었을 수 있습니다."}
    if pred["정확도"] == seen:
        parts.append((True, f"{line}. {why[seen]}"))
    else:
        parts.append((False, f"{line}, 예측은 '{pred['정확도']}'. {why[seen]}"))
    return reply(parts)


register(Exercise(
    "ch6-ex2", "사전훈련 임베딩 고정하기", "predict", 15, _check_frozen,
    hint=("고정한 층의 파라미터는 학습되지 않으므로 세지 않습니다. 3절의 표에서 GRU "
          "분류기의 파라미터가 어느 층에 얼마씩 있는지 보고, 학습에 남는 층만 "
          "더하세요. 예측은 "
          '{"학습 파라미터": 정수, "정확도": "높아진다" / "비슷하다" / "낮아진다"}로 '
          "씁니다(고정하지 않은 사전훈련 GRU와 비교)."),
    solution=("학습되는 파라미터는 전체에서 V×E를 뺀 순환층과 선형층뿐입니다. 정확도는 "
              "단어 벡터를 과제에 맞게 고칠 수 없어 달라질 수 있습니다. 얼마나 달라지는지는 "
              "이번 실행의 결과가 답합니다."),
    code=('pp.exercise("ch6-ex2").predict({\n'
          '    "학습 파라미터": 3 * (E * H + H * H + 2 * H) + H * prep.num_classes\n'
          '    + prep.num_classes, "정확도": "낮아진다"})'),
    form={"학습 파라미터": Number(integer=True), "정확도": RELATION},
    answer_name="예측"))

# ------------------------------------------------------------------ 21. ch6-ex3
NEAR, ABOVE = "다수 클래스 비율 근처", "다수 클래스 비율보다 높다"
C_VALUES = (0.01, 1.0, 100.0)


def _check_c(pred, *, accs, majority, n_test=None):
    if accs is Ellipsis:
        return stub("ex3", "C 값마다의 테스트 정확도 dict")
    if not isinstance(accs, dict) or set(accs) != set(C_VALUES):
        return not_yet(f"ex3은 {{0.01: 정확도, 1.0: 정확도, 100.0: 정확도}} 모양의 dict "
                       f"여야 합니다. 받은 키: {sorted(accs) if isinstance(accs, dict) else accs!r}")
    table = ", ".join(f"C={c:g}: {pct(a)}" for c, a in accs.items())
    low = min(accs.values())
    lowest = {c for c, a in accs.items() if a == low}
    parts = []
    if pred["가장 낮은 C"] in lowest:
        parts.append((True, f"가장 낮은 정확도는 C={pred['가장 낮은 C']:g}."))
    else:
        parts.append((False, (f"가장 낮은 정확도: 예측 C={pred['가장 낮은 C']:g}, 실제 "
                             f"C={min(lowest):g}. C가 작을수록 규제가 강해 가중치가 0 "
                             "쪽으로 눌립니다.")))
    seen = ABOVE if learned(accs[0.01], majority, n_test) else NEAR
    if pred["C=0.01"] == seen:
        parts.append((True, (f"C=0.01은 {seen}({pct(accs[0.01])}, 다수 클래스 비율 "
                            f"{pct(majority)}).")))
    else:
        why = ("규제가 너무 강하면 가중치가 거의 0이 되어 절편, 즉 많은 쪽 클래스만 남습니다"
               if seen == NEAR else
               "이번 데이터에서는 규제가 강해도 스팸 단서의 가중치가 살아남았습니다")
        parts.append((False, (f"C=0.01: 예측 '{pred['C=0.01']}', 실제 {pct(accs[0.01])}로 "
                             f"'{seen}'(다수 클래스 비율 {pct(majority)}보다 "
                             f"{pp_diff(majority_margin(majority, n_test), False)} "
                             f"넘게 높아야 '높다'). {why}.")))
    return reply(parts, f"이번 실행: {table}.")


register(Exercise(
    "ch6-ex3", "기준 모델을 더 강하게, 또는 더 약하게", "predict", 10, _check_c,
    hint=("로지스틱 회귀의 C는 규제의 역수입니다. C가 아주 작으면 가중치가 0 쪽으로 "
          "눌려 절편만 남습니다. 절편만 있는 모델은 무엇이라고 답할까요? 예측은 "
          f'{{"가장 낮은 C": 0.01 / 1 / 100, "C=0.01": "{NEAR}" 또는 "{ABOVE}"}}로 씁니다.'),
    solution=("규제가 너무 강하면(C가 작으면) 모델이 거의 다수 클래스만 고르고, 적당히 "
              "약하면 중요한 단어의 가중치가 커져 정확도가 오릅니다. 100처럼 아주 약하면 "
              "과적합으로 조금 내려갈 수도 있습니다."),
    code=(f'pp.exercise("ch6-ex3").predict({{"가장 낮은 C": 0.01, "C=0.01": "{NEAR}"}})\n'
          "ex3 = {c: pp.tfidf_baseline(prep, C=c).test_acc for c in (0.01, 1.0, 100.0)}"),
    form={"가장 낮은 C": OneOf(*C_VALUES), "C=0.01": Choice(NEAR, ABOVE)},
    answer_name="예측"))
