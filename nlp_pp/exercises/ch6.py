"""Chapter 6's exercises (registered on import).

The chapter trains; the checks never do. They take the student's run results
(Result objects, accuracies, the prepared data) and compare the prediction with them.
"""

from __future__ import annotations

import numpy as np

from .. import stats
from ..korean import particle, pct, pp_diff
from ..models import count_params
from ..prepare import majority_rate
from ..stats import learned, majority_margin
from ..training import Trainer
from ._shared import HIGHER, LOWER, RELATION, SIMILAR, relation, yardstick
from .core import Prediction, register
from .feedback import not_yet, reply, right
from .forms import Choice, Number

# ------------------------------------------------------------------ ch6-ex-forget
FORGET_ONLY, BOTH = "망각 편향만", "망각+입력 편향"


def input_gate_bias(model) -> float:
    """Return the mean input-gate bias (bias_ih + bias_hh) of an LSTM classifier."""
    rnn = model.rnn
    hid = rnn.hidden_size
    bias = (rnn.bias_ih_l0 + rnn.bias_hh_l0)[:hid]
    return float(bias.detach().cpu().mean())


@register
class Forget(Prediction):
    label = "ch6-ex-forget"
    minutes = 15
    form = RELATION
    stubs = {"runs": ("ex1", f'{{"{FORGET_ONLY}": ..., "{BOTH}": ...}} 두 학습 결과')}

    def judge(self, pred, *, runs, prep):
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
        majority = majority_rate(prep)
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


# ------------------------------------------------------------------ ch6-ex-frozen
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


@register
class Frozen(Prediction):
    label = "ch6-ex-frozen"
    minutes = 15
    form = {"학습 파라미터": Number(integer=True), "정확도": RELATION}
    stubs = {"model": ("frozen", "임베딩을 고정한 GRU"),
             "acc": ("frozen_acc", "그 모델의 테스트 정확도")}

    def judge(self, pred, *, model, acc, fixed, prep):
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
        majority = majority_rate(prep)
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


# ------------------------------------------------------------------ ch6-ex-regularize
NEAR, ABOVE = "다수 클래스 비율 근처", "다수 클래스 비율보다 높다"
C_VALUES = (0.01, 1.0, 100.0)


@register
class Regularize(Prediction):
    label = "ch6-ex-regularize"
    minutes = 10
    form = {"가장 낮은 C": Choice(*C_VALUES), "C=0.01": Choice(NEAR, ABOVE)}
    stubs = {"accs": ("ex3", "C 값마다의 테스트 정확도 dict")}

    def judge(self, pred, *, accs, majority, n_test=None):
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

