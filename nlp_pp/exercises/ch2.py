"""Chapter 2's exercises (registered on import): forget bias, f = 1, layers, gates."""

from __future__ import annotations

import torch
from torch import nn

from ..cells import lstm_cell
from ..korean import fmt, pct, pp_diff
from .core import Discussion, Prediction, register
from .feedback import not_yet, part, reply
from .forms import Choice, Number, Shape, as_array

# ---------------------------------------------------------------- ch2-ex-bias
PACE = ("편향 3보다 빠르다", "편향 3과 비슷하다", "편향 3보다 느리다")
MARGIN = 0.02  # 세 에포크 평균 정확도가 2 %p 넘게 다르면 "빠르다/느리다"


def _val_acc(run) -> list[float]:
    """Return the validation accuracies of a History, a (model, History) or a list."""
    if isinstance(run, tuple):
        run = run[-1]
    accs = getattr(run, "val_acc", run)
    return [float(a) for a in accs]


def _pace(gap: float) -> str:
    if gap > MARGIN:
        return PACE[0]
    return PACE[2] if gap < -MARGIN else PACE[1]


@register
class Bias(Prediction):
    label = "ch2-ex-bias"
    minutes = 20
    form = {"편향 2": Choice(*PACE), "편향 5": Choice(*PACE)}
    stubs = {"more_runs": ("more_runs", "편향 2와 5로 학습한 결과")}

    def judge(self, answer, *, histories, more_runs):
        base = _val_acc(histories["망각 편향 3"])
        base_mean = sum(base) / len(base)
        parts = []
        for key, bias in (("편향 2", 2.0), ("편향 5", 5.0)):
            if bias not in more_runs:
                return not_yet(f"more_runs에 편향 {bias:g}의 결과가 없습니다. "
                               f"`more_runs = {{2.0: train_toy(2.0), 5.0: train_toy(5.0)}}`"
                               "처럼 편향을 키로 담으세요.")
            accs = _val_acc(more_runs[bias])
            gap = sum(accs) / len(accs) - base_mean
            measured = _pace(gap)
            line = (f"{key}: 예측 \"{answer[key]}\", 이번 실행은 에포크별 정확도 "
                    + ", ".join(pct(a) for a in accs)
                    + f"(세 에포크 평균이 편향 3보다 {pp_diff(gap)})")
            if answer[key] == measured:
                parts.append((True, line))
            elif bias < 3:
                small = ("σ(2) ≈ 0.88은 σ(3) ≈ 0.95보다 작아, 패딩 200여 칸을 지나는 곱이 "
                         "자릿수로 훨씬 작습니다(0.88^k 대 0.95^k)")
                why = {PACE[2]: f"편향 2의 망각 게이트 {small}. 5절의 기울기 표와 같은 "
                                "이유로 학습 신호가 메시지에 덜 닿았을 것입니다.",
                       PACE[1]: f"편향 2의 망각 게이트 {small}. 그래도 이번 실행에서는 그 "
                                "차이가 세 에포크의 학습 속도를 가를 만큼 크지 않았습니다.",
                       PACE[0]: f"편향 2의 망각 게이트 {small}. 그런데도 이번 실행에서는 더 "
                                "빨랐습니다. 곱이 작다는 것만으로 학습 속도가 정해지지는 "
                                "않습니다. 예를 들어 σ′(2) ≈ 0.105가 σ′(3) ≈ 0.045보다 커서 "
                                "게이트 자체는 더 쉽게 움직입니다."}[measured]
                parts.append((False, f"{line}: \"{measured}\"입니다. {why}"))
            else:
                parts.append((False, (f"{line}: \"{measured}\"입니다. σ(5) ≈ 0.993이면 신호는 잘 "
                           "통하지만 쓸모없는 공유 단어까지 오래 남고, σ′(5) ≈ 0.007로 게이트 "
                           "자체가 잘 움직이지 않습니다. 둘 중 어느 쪽이 이기는지는 실행이 "
                           "정합니다.")))
        return reply(parts)


# ---------------------------------------------------------------- ch2-ex-one
C_WORDS = ("메시지 끝의 c와 같다", "0에 가까워진다", "메시지 끝의 c보다 커진다")
DOWNSIDES = ("한 번 들어간 정보를 지울 수 없다", "기울기가 사라진다", "파라미터가 늘어난다")


def _keeper_run(lstm_layer, pad_steps: int, n_docs: int = 4):
    """Return (max |c_T - c|, J v · v / v · v, max |J v - v|) over the pad steps."""
    keeper = lstm_layer(50.0)  # 망각 게이트 f = σ(50 + ...) ≈ 1
    hid = keeper.hidden_size
    with torch.no_grad():
        keeper.bias_ih_l0[:hid] = -50.0  # 입력 게이트 i = σ(-50 + ...) ≈ 0
        keeper.bias_hh_l0[:hid] = 0.0
    weights = [p.detach().cpu().double() for p in (
        keeper.weight_ih_l0, keeper.weight_hh_l0, keeper.bias_ih_l0, keeper.bias_hh_l0)]
    g = torch.Generator().manual_seed(0)
    h = torch.rand(n_docs, hid, generator=g, dtype=torch.float64) * 2 - 1
    c0 = torch.randn(n_docs, hid, generator=g, dtype=torch.float64).requires_grad_(True)
    x = torch.zeros(n_docs, keeper.input_size, dtype=torch.float64)  # <PAD>
    c = c0
    for _ in range(int(pad_steps)):
        h, c = lstm_cell(x, (h, c), *weights)
    v = torch.randn(c.shape, generator=g, dtype=torch.float64)
    (jv,) = torch.autograd.grad((c * v).sum(), c0)
    gain = float((jv * v).sum() / (v * v).sum())
    return (c - c0).abs().max().item(), gain, (jv - v).abs().max().item()


@register
class One(Discussion):
    label = "ch2-ex-one"
    minutes = 10
    form = {"c_T": Choice(*C_WORDS), "기울기": Number(), "단점": Choice(*DOWNSIDES)}

    def judge(self, answer, *, lstm_layer, pad_steps):
        c_diff, gain, dev = _keeper_run(lstm_layer, pad_steps)
        parts = [part(
            answer["c_T"] == C_WORDS[0] and c_diff < 1e-9,
            f"c_T: 답 \"{answer['c_T']}\", 이번 실행에서 f ≈ 1, i ≈ 0인 층으로 패딩 "
            f"{pad_steps}칸을 지난 c_T와 처음 c의 최대 차이는 {fmt(c_diff)}",
            ": 같습니다. c_t = 1 · c_{t-1} + 0 · g_t = c_{t-1}이므로 매 칸 그대로 "
            "넘어갑니다.")]
        guess = answer["기울기"]
        line = (f"기울기: 답 {fmt(guess)}, 이번 실행에서 ∂c_T/∂c를 랜덤 벡터 v에 곱하면 "
                f"v의 {fmt(gain)}배(성분 최대 편차 {fmt(dev)})")
        if abs(guess - gain) <= 0.01:
            parts.append((True, line))
        elif abs(guess) < 0.01:
            parts.append((False, line + ". 0에 가까운 것은 f ≈ 0.5인 기본 초기화(0.5^k)의 경우입니다. "
                       "f = 1이면 ∏ diag(f_s) = I, 곧 1배입니다."))
        else:
            parts.append((False, line + f" (차이 {fmt(guess - gain)}). f = 1이면 곧장 흐르는 부분은 "
                       "∏ diag(f_s) = I(단위 행렬)입니다."))
        line = f"단점: 답 \"{answer['단점']}\""
        parts.append(part(answer["단점"] == DOWNSIDES[0], line, (
            f". 위에서 잰 대로 기울기는 사라지지 않고({fmt(gain)}배) "
            "파라미터 수도 그대로입니다. 문제는 f가 늘 1이면 한 번 쓴 정보를 지울 수 "
            "없어 셀 상태가 끝없이 커질 수 있다는 것이고, 그래서 망각 게이트가 "
            "더해졌습니다(Gers et al. 2000).")))
        return reply(parts)


# ---------------------------------------------------------------- ch2-ex-layers
HEADS = ("hidden[-1]", "hidden[0]", "cell[-1]", "lstm_out[:, 0]")
LAYERS_FORM = {"lstm_out": Shape(), "hidden": Shape(), "cell": Shape(),
               "분류기": Choice(*HEADS), "파라미터": Number(integer=True)}


def _lstm_count(emb: int, hid: int) -> int:
    return sum(p.numel() for p in nn.LSTM(emb, hid).parameters())


def _param_reason(got: int, want: int, emb: int, hid: int) -> str:
    one = _lstm_count(emb, hid)
    if got == 2 * one:
        return (f"첫 층을 두 번 셌습니다. 두 번째 층은 E = {emb}차원이 아니라 첫 층의 "
                f"출력 H = {hid}차원을 받으므로 4H(E + H) 대신 4H(H + H)입니다.")
    if got == one:
        return "첫 층만 셌습니다. num_layers=2이면 두 번째 층(입력 크기 H)이 더해집니다."
    if got == want - 16 * hid:
        return ("편향을 빼먹었습니다. 층마다 bias_ih와 bias_hh가 4H개씩, 두 층이면 "
                "16H개입니다.")
    if got == want - 8 * hid:
        return "편향을 한 벌만 셌습니다. 층마다 bias_ih와 bias_hh 두 벡터(각 4H)가 있습니다."
    return "식 (eq-lstm-params)을 층마다 따로 적용하세요: 첫 층은 (E, H), 둘째 층은 (H, H)."


@register
class Layers(Prediction):
    label = "ch2-ex-layers"
    minutes = 10
    form = LAYERS_FORM

    def judge(self, answer, *, emb, hid_dim):
        x = emb.detach().cpu()
        E = x.shape[-1]
        lstm2 = nn.LSTM(E, hid_dim, num_layers=2, batch_first=True).to(x.dtype)
        with torch.no_grad():
            out, (h, c) = lstm2(x)
        want = {"lstm_out": tuple(out.shape), "hidden": tuple(h.shape),
                "cell": tuple(c.shape)}
        parts = []
        for key, shape in want.items():
            line = f"{key}: 예측 {answer[key]}, 이번 실행 {shape}"
            if answer[key] == shape:
                parts.append((True, line))
            elif key == "lstm_out":
                parts.append((False, line + ". lstm_out에는 마지막 층의 모든 시점 h_t만 들어 있습니다: "
                           "(B, T, H)."))
            else:
                parts.append((False, line + ". hidden과 cell은 층마다 하나씩, batch_first와 상관없이 "
                           "(num_layers, B, H)입니다."))
        line = f"분류기: 예측 \"{answer['분류기']}\""
        parts.append(part(answer["분류기"] == HEADS[0], line, (
            ". 분류기는 마지막 층의 마지막 시점 은닉 상태 hidden[-1] "
            "(모양 (B, H))을 씁니다. hidden[0]은 첫 층, cell은 셀 상태입니다.")))
        count = sum(p.numel() for p in lstm2.parameters())
        got = answer["파라미터"]
        line = f"파라미터: 예측 {fmt(got)}, 이번 실행 {fmt(count)}"
        parts.append(part(got == count, line, (
            f" (차이 {fmt(got - count)}). "
            + _param_reason(got, count, E, hid_dim))))
        return reply(parts)


# ---------------------------------------------------------------- ch2-ex-gates
STAY = ("i와 o는 거의 그대로다", "i와 o도 1에 가까워진다", "i와 o는 0에 가까워진다")
GATE_BLOCKS = {"i": 0, "o": 3}  # 가중치 덩어리: i, f, g, o


@register
class Gates(Prediction):
    label = "ch2-ex-gates"
    minutes = 15
    form = {"i": Number(), "o": Number(), "편향 3에서": Choice(*STAY)}

    def judge(self, answer, *, lstm_layer, gate_on_pads):
        means = {(gate, bias): float(as_array(gate_on_pads(lstm_layer(bias), block)).mean())
                 for gate, block in GATE_BLOCKS.items() for bias in (0.0, 3.0)}
        parts = []
        for gate in GATE_BLOCKS:
            got, want = answer[gate], means[gate, 0.0]
            line = f"{gate} 평균(기본 초기화): 예측 {fmt(got)}, 이번 실행 {fmt(want)}"
            parts.append(part(abs(got - want) <= 0.1, line, (
                f" (차이 {fmt(got - want)}). 패딩에서는 입력 항이 없어 "
                "게이트는 σ(W h + b)입니다. 기본 초기화의 W와 b는 0을 중심으로 "
                "대칭으로 뽑히므로 W h + b는 단위마다 0의 양쪽에 흩어지고, "
                "평균은 σ(0) = 0.5 근처입니다.")))
        shift = max(abs(means[g, 3.0] - means[g, 0.0]) for g in GATE_BLOCKS)
        up = sum(means[g, 3.0] - means[g, 0.0] for g in GATE_BLOCKS) > 0
        measured = STAY[0] if shift < 0.15 else (STAY[1] if up else STAY[2])
        moved = ", ".join(f"{g} {fmt(means[g, 0.0])} → {fmt(means[g, 3.0])}"
                          for g in GATE_BLOCKS)
        line = f"편향 3에서: 예측 \"{answer['편향 3에서']}\", 이번 실행 {moved}"
        parts.append(part(answer["편향 3에서"] == measured, line, (
            f": \"{measured}\"에 해당합니다. pp.set_gate_bias는 망각 게이트 "
            "구간(두 번째 덩어리)의 편향만 바꿉니다. i와 o가 움직인다면 직전 은닉 "
            "상태 h를 거친 W h 항 때문입니다.")))
        return reply(parts)

