"""Chapter 3's exercises (registered on import): α, convention, sizes, reset gate."""

from __future__ import annotations

import copy

import numpy as np
import torch
from torch import nn

from ..cells import gru_cell
from ..verdicts import pp_diff
from .core import (
    Choice,
    Exercise,
    Number,
    StudentError,
    as_array,
    call_student,
    fmt,
    not_yet,
    register,
    right,
)


def _lines(items: list[str]) -> str:
    return "\n\n" + "\n".join(f"- {item}" for item in items)


def _verdict(good: list[str], bad: list[str], all_right: str):
    if not bad:
        return right(all_right + _lines(good))
    return not_yet("이번 실행과 다른 곳이 있습니다." + _lines(bad)
                   + ("\n\n맞은 곳:" + _lines(good) if good else ""))


# ---------------------------------------------------------------- 8. ch3-ex-alpha
OLD_ALPHAS, NEW_ALPHAS = (0.5, 0.8, 0.95), (0.5, 0.9, 0.99)
SMOOTH = ("더 매끄럽다", "비슷하다", "더 거칠다")
LATE = ("더 늦다", "비슷하다", "더 빠르다")
SIZE = ("더 작다", "비슷하다", "더 크다")
GAP = ("반올림 오차 수준이다", "눈에 띄게 커진다")
ALPHA_FORM = {"매끄러움": Choice(*SMOOTH), "지연": Choice(*LATE), "크기": Choice(*SIZE),
              "차이": Choice(*GAP)}


def _gain(output: np.ndarray, target: np.ndarray, lag: int, start: int = 100) -> float:
    """Return the slope of `output` on the lag-aligned `target` (after `start`)."""
    t = target[start - lag:len(target) - lag]
    return float(np.cov(output[start:], t)[0, 1] / np.var(t, ddof=1))


def _word(new: float, old: float, words: tuple[str, str, str], rel: float = 0.1) -> str:
    """Return words[0] if new < old by more than `rel`, words[2] if above, else [1]."""
    if new < old * (1 - rel):
        return words[0]
    return words[2] if new > old * (1 + rel) else words[1]


def check_alpha(answer, *, filter_both, smoothing_table, signal, clean):
    target = as_array(torch.tanh(torch.as_tensor(clean)))
    runs = {}
    for alphas in (OLD_ALPHAS, NEW_ALPHAS):
        out, ema = filter_both(torch.tensor(alphas), signal)
        row = smoothing_table(torch.tensor(alphas), out).iloc[-1]
        lag = int(row["지연(걸음)"])
        runs[alphas[-1]] = {"rough": float(row["거칠기"]), "lag": lag,
                            "gain": _gain(as_array(out)[:, -1], target, lag),
                            "diff": float((out - ema).abs().max())}
    old, new = runs[0.95], runs[0.99]
    measured = {
        "매끄러움": _word(new["rough"], old["rough"], SMOOTH),
        "지연": (LATE[0] if new["lag"] >= old["lag"] + 2 else
                 LATE[2] if new["lag"] <= old["lag"] - 2 else LATE[1]),
        "크기": _word(new["gain"], old["gain"], SIZE),
        "차이": GAP[0] if new["diff"] < 1e-5 else GAP[1],  # float32 반올림 수준
    }
    seen = {
        "매끄러움": f"거칠기 {fmt(old['rough'])} → {fmt(new['rough'])}",
        "지연": f"지연 {old['lag']}걸음 → {new['lag']}걸음",
        "크기": f"사인파를 따라가는 크기(회귀 계수) {fmt(old['gain'])} → {fmt(new['gain'])}",
        "차이": f"GRU와 필터의 최대 차이 {fmt(new['diff'])}",
    }
    why = {
        "매끄러움": "α가 클수록 옛 값을 더 많이 남기므로 한 걸음 사이 변화가 작아집니다.",
        "지연": "시간 상수 1/(1−α)가 20걸음에서 100걸음으로 늘어 신호를 더 늦게 따라갑니다.",
        "크기": ("시간 상수(약 100걸음)가 사인파의 주기(100걸음)만큼 길어, 오르내림을 다 "
                 "따라가기 전에 방향이 바뀝니다."),
        "차이": "α만 바뀌었을 뿐 GRU와 필터는 같은 계산입니다.",
    }
    good, bad = [], []
    for key, word in measured.items():
        line = f"{key}: 예측 \"{answer[key]}\", 이번 실행(α 0.95 → 0.99) {seen[key]}"
        if answer[key] == word:
            good.append(line)
        else:
            bad.append(f"{line}: \"{word}\"입니다. {why[key]}")
    return _verdict(good, bad, "예측이 이번 실행과 모두 맞습니다.")


register(Exercise(
    "ch3-ex-alpha", "α를 0.99로 바꾸면", "predict", 10, check_alpha,
    form=ALPHA_FORM, answer_name="예측",
    hint=("필터의 시간 상수 1/(1−α)를 α = 0.95와 0.99에서 계산하고, 사인파의 주기 "
          "100걸음과 비교해 보세요. GRU와 필터가 같은 계산인 이유는 α와 상관이 있을까요?"),
    solution=("α = 0.99이면 시간 상수가 약 100걸음이라 곡선은 더 매끄럽고, 더 늦게, 더 "
              "작게 사인파를 따라갑니다. 계산 자체는 같으므로 GRU와 필터의 최대 차이는 "
              "여전히 반올림 오차 수준입니다."),
    code=('예측 = {"매끄러움": "더 매끄럽다", "지연": "더 늦다", "크기": "더 작다",\n'
          '      "차이": "반올림 오차 수준이다"}\n'
          'pp.exercise("ch3-ex-alpha").predict(예측)'),
))


# ---------------------------------------------------------------- 9. ch3-ex-convention
NAMES = ("weight_ih", "weight_hh", "bias_ih", "bias_hh")
BLOCK_NAMES = ("r", "z", "n")


def _params(layer: nn.GRU) -> list[torch.Tensor]:
    return [getattr(layer, f"{n}_l0").detach().clone() for n in NAMES]


def _textbook_run(weights, x: torch.Tensor) -> torch.Tensor:
    """Run h_t = z' n + (1 - z') h with `weights`; return the last state."""
    w_ih, w_hh, b_ih, b_hh = weights
    h = x.new_zeros(x.shape[0], w_hh.shape[1])
    for t in range(x.shape[1]):
        x_r, x_z, x_n = (x[:, t] @ w_ih.T + b_ih).chunk(3, dim=1)
        h_r, h_z, h_n = (h @ w_hh.T + b_hh).chunk(3, dim=1)
        r, z_prime = torch.sigmoid(x_r + h_r), torch.sigmoid(x_z + h_z)
        n = torch.tanh(x_n + r * h_n)
        h = z_prime * n + (1 - z_prime) * h
    return h


def _where_off(got, want, hid: int) -> str:
    """Say which parameter and which block (r, z, n) differ from the reference."""
    parts = []
    for name, g, w in zip(NAMES, got, want):
        for b, block in enumerate(BLOCK_NAMES):
            rows = slice(b * hid, (b + 1) * hid)
            gap = (g[rows] - w[rows]).abs().max().item()
            if gap > 1e-6:
                parts.append(f"{name}의 {block} 구간(최대 차이 {fmt(gap)})")
    return ", ".join(parts)


def check_convention(answer, *, gru):
    torch.manual_seed(0)
    layers = [("nn.GRU(3, 4)", nn.GRU(3, 4, batch_first=True)),
              ("nn.GRU(5, 2)", nn.GRU(5, 2, batch_first=True)),
              ("3절의 gru", copy.deepcopy(gru).cpu().float())]
    g = torch.Generator().manual_seed(0)
    for name, layer in layers:
        before = _params(layer)
        got = call_student(answer, layer)
        if any(not torch.equal(b, a) for b, a in zip(before, _params(layer))):
            return not_yet(f"{name}: 함수가 원래 층의 가중치를 바꿨습니다. "
                           "`p.detach().clone()`으로 복사한 뒤 고치세요.")
        if not isinstance(got, (tuple, list)) or len(got) != 4:
            return not_yet(f"{name}: (w_ih, w_hh, b_ih, b_hh) 네 텐서를 돌려줘야 합니다.")
        got = [torch.as_tensor(t).detach().cpu().float() for t in got]
        if [tuple(t.shape) for t in got] != [tuple(t.shape) for t in before]:
            return not_yet(f"{name}: 돌려준 모양과 층의 모양이 다릅니다. 돌려준 모양 "
                           f"{[tuple(t.shape) for t in got]}, 층의 모양 "
                           f"{[tuple(t.shape) for t in before]}.")
        hid = layer.hidden_size
        want = [p.clone() for p in before]
        for p in want:
            p[hid:2 * hid] *= -1  # z' = σ(-a) = 1 - z
        x = torch.randn(3, 6, layer.input_size, generator=g)
        with torch.no_grad():
            _, h_ref = layer(x)
            try:
                h = _textbook_run(got, x)
            except RuntimeError as exc:
                raise StudentError(f"{name}: 돌려준 가중치로 교재식 셀을 돌리지 못했습니다: "
                                   f"{exc}") from exc
        gap = (h - h_ref[0]).abs().max().item()
        if gap > 1e-5:
            off = _where_off(got, want, hid)
            return not_yet(f"{name}: 교재식 셀과 nn.GRU의 마지막 은닉 상태가 최대 "
                           f"{fmt(gap)} 다릅니다. 기대와 다른 곳: {off or '없음'}. 업데이트 "
                           "게이트는 두 번째 덩어리(hid_dim:2*hid_dim행)이고, 가중치 둘과 "
                           "편향 둘의 그 구간에 모두 −1을 곱해야 z' = σ(−a) = 1 − z입니다.")
    return right(f"새 층 {len(layers) - 1}개와 3절의 gru에서 교재식 셀이 nn.GRU와 "
                 "1e-5 안에서 같습니다.")


register(Exercise(
    "ch3-ex-convention", "규약 바꾸기", "code", 15, check_convention,
    hint=("z = σ(a)에서 a = W_iz x + b_iz + W_hz h + b_hz입니다. σ(−a) = 1 − σ(a)이므로 "
          "a의 부호를 바꾸려면 a를 이루는 네 항이 모두 바뀌어야 합니다. 업데이트 게이트는 "
          "세 덩어리 r, z, n 중 두 번째입니다."),
    solution=("업데이트 게이트 구간(`hid_dim:2*hid_dim`행)의 weight_ih, weight_hh, bias_ih, "
              "bias_hh에 모두 −1을 곱하면 z' = σ(−a) = 1 − z가 됩니다. 원래 층은 그대로 두고 "
              "복사본을 고칩니다."),
    code=("def 답(gru):\n"
          '    """Return (w_ih, w_hh, b_ih, b_hh) for h = z\' n + (1 - z\') h."""\n'
          "    hid = gru.hidden_size\n"
          "    flipped = [p.detach().clone() for p in (\n"
          "        gru.weight_ih_l0, gru.weight_hh_l0,\n"
          "        gru.bias_ih_l0, gru.bias_hh_l0)]\n"
          "    for p in flipped:\n"
          "        p[hid:2 * hid] *= -1  # z' = σ(-a) = 1 - z\n"
          "    return tuple(flipped)"),
))


# ---------------------------------------------------------------- 10. ch3-ex-params
EXISTS = ("있다", "없다")
FIXES = ("GRU의 은닉 크기를 LSTM보다 작게 잡는다", "단어장을 더 크게 잡는다",
         "임베딩 차원을 더 크게 잡는다")


def check_params(answer, *, emb_dim, hid_dim, num_classes):
    block = sum(p.numel() for p in nn.GRU(emb_dim, hid_dim).parameters()) // 3
    head = hid_dim * num_classes + num_classes

    def saving(vocab: int) -> float:
        return block / (vocab * emb_dim + 4 * block + head)

    best = saving(0)
    guess = answer["V=0의 절감"]
    guess = guess / 100 if 1 < guess <= 100 else guess  # 24.9처럼 %로 쓴 답
    good, bad = [], []
    line = (f"V=0의 절감: 답 {guess:.1%}, 이번 실행의 크기(E = {emb_dim}, H = {hid_dim}, "
            f"클래스 {num_classes})로 계산하면 {best:.1%}")
    if abs(guess - best) <= 0.003:
        good.append(line)
    elif abs(guess - 0.25) <= 0.003 or abs(guess - 1 / 3) <= 0.003:
        bad.append(line + ". 한 덩어리를 아끼므로 순환층만 보면 (4 − 3)/4 = 25 %이고, "
                   "분모에 선형층 C가 더해져 그보다 조금 작습니다.")
    else:
        bad.append(line + f" (차이 {pp_diff(guess - best)}). 아끼는 비율은 "
                   "B / (V E + 4B + C)이고, V = 0일 때 가장 큽니다.")
    line = (f"30 %가 되는 V: 답 \"{answer['30 %가 되는 V']}\", V=0에서도 {best:.1%}이고 "
            f"V가 커질수록 줄어듭니다(V = 10,000: {saving(10_000):.1%})")
    (good if answer["30 %가 되는 V"] == EXISTS[1] else bad).append(line)
    lstm = 4 * block
    sizes = [h for h in range(1, hid_dim + 1)
             if 0.30 <= 1 - 3 * (h * (emb_dim + h) + 2 * h) / lstm <= 0.40]
    span = f"{min(sizes)}–{max(sizes)}" if sizes else "없음"
    line = (f"노트의 숫자가 나오려면: 답 \"{answer['노트의 숫자가 나오려면']}\". 순환층이 "
            f"30–40 % 적어지는 GRU의 은닉 크기는 {span}입니다(LSTM H = {hid_dim})")
    if answer["노트의 숫자가 나오려면"] == FIXES[0]:
        good.append(line)
    else:
        bad.append(line + ". 단어장이나 임베딩을 키우면 두 모델에 같은 양이 더해져 "
                   "비율은 오히려 줄어듭니다. 크기가 다른 모델을 비교해야 합니다.")
    return _verdict(good, bad, "모두 맞습니다.")


register(Exercise(
    "ch3-ex-params", "\"30–40 % 적다\"가 되려면", "discuss", 15, check_params,
    form={"V=0의 절감": Number(), "30 %가 되는 V": Choice(*EXISTS),
          "노트의 숫자가 나오려면": Choice(*FIXES)},
    hint=("전체 모델의 파라미터는 V E + k B + C입니다(k = 4: LSTM, 3: GRU). GRU가 아끼는 "
          "비율 B / (V E + 4B + C)는 V에 따라 어떻게 움직일까요? `block_params`와 "
          "5절의 `num_classes`로 계산해 보세요."),
    solution=("아끼는 비율 B / (V E + 4B + C)는 V = 0에서 가장 크고(25 %보다 조금 작음), V가 "
              "커질수록 줄어듭니다. 그러니 어떤 단어장 크기로도 30 %는 나오지 않습니다. "
              "노트의 숫자는 GRU의 은닉 크기를 LSTM보다 작게 잡는 식으로 크기가 다른 모델을 "
              "비교할 때 나옵니다."),
    code=("B = block_params(emb_dim, hid_dim)  # 한 덩어리\n"
          "C = hid_dim * num_classes + num_classes  # 선형층\n"
          '답 = {"V=0의 절감": B / (4 * B + C), "30 %가 되는 V": "없다",\n'
          '     "노트의 숫자가 나오려면": "GRU의 은닉 크기를 LSTM보다 작게 잡는다"}'),
))


# ---------------------------------------------------------------- 11. ch3-ex-reset
DEPENDS = ("현재 입력에만", "과거 상태에만", "입력과 과거 모두에")
MEMORY = ("업데이트 게이트 z가 과거 h를 섞어 준다", "리셋 게이트가 과거를 저장한다",
          "후보 n이 과거를 담는다")


def check_reset(answer, *, gru):
    closed = copy.deepcopy(gru).cpu().double()
    hid = closed.hidden_size
    with torch.no_grad():
        closed.bias_ih_l0[:hid] = -30.0  # r 구간: σ(-30) ≈ 0
        closed.bias_hh_l0[:hid] = 0.0
    w = [p.detach() for p in (closed.weight_ih_l0, closed.weight_hh_l0,
                              closed.bias_ih_l0, closed.bias_hh_l0)]
    g = torch.Generator().manual_seed(1)
    x = torch.randn(8, closed.input_size, generator=g, dtype=torch.float64)
    h_a, h_b = torch.rand(2, 8, hid, generator=g, dtype=torch.float64) * 2 - 1
    with torch.no_grad():
        x_r, x_z, x_n = (x @ w[0].T + w[2]).chunk(3, dim=1)
        gates = {}
        for key, h in (("a", h_a), ("b", h_b)):
            h_r, h_z, h_n = (h @ w[1].T + w[3]).chunk(3, dim=1)
            r = torch.sigmoid(x_r + h_r)
            gates[key] = (torch.sigmoid(x_z + h_z), torch.tanh(x_n + r * h_n))
        step_a, step_b = gru_cell(x, h_a, *w), gru_cell(x, h_b, *w)
    keep = ((step_a - step_b).norm(dim=1) / (h_a - h_b).norm(dim=1)).mean().item()
    z = torch.cat([gates["a"][0], gates["b"][0]])
    cand_gap = (gates["a"][1] - gates["b"][1]).abs().max().item()
    good, bad = [], []
    line = f"후보: 답 \"{answer['후보']}\""
    if answer["후보"] == DEPENDS[0] and cand_gap < 1e-9:
        good.append(line)
    else:
        bad.append(line + ". r = 0이면 n = tanh(W_in x + b_in + 0 · (W_hn h + b_hn))이라 "
                   "과거 h가 사라지고 현재 입력만 남습니다.")
    guess = answer["남는 비율"]
    line = (f"남는 비율: 답 {fmt(guess)}, 이번 실행에서 한 걸음 뒤 두 과거의 차이는 처음의 "
            f"{fmt(keep)}배(업데이트 게이트 평균 {fmt(z.mean().item())})")
    if abs(guess - keep) <= 0.1:
        good.append(line)
    else:
        bad.append(f"{line} (차이 {fmt(guess - keep)}). 후보는 두 과거에 같으므로 남는 "
                   "것은 z ⊙ h 항뿐이고, 그 크기는 업데이트 게이트의 평균 근처입니다.")
    line = f"기억하는 길: 답 \"{answer['기억하는 길']}\""
    if answer["기억하는 길"] == MEMORY[0]:
        good.append(line)
    else:
        bad.append(line + ". h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}의 두 번째 항이 과거를 그대로 "
                   "섞어 줍니다. 리셋 게이트는 후보를 만들 때 과거를 쓸지만 정합니다.")
    return _verdict(good, bad, "모두 맞습니다.")


register(Exercise(
    "ch3-ex-reset", "리셋 게이트를 닫으면", "discuss", 10, check_reset,
    form={"후보": Choice(*DEPENDS), "남는 비율": Number(), "기억하는 길": Choice(*MEMORY)},
    hint=("n_t = tanh(W_in x_t + b_in + r_t ⊙ (W_hn h_{t−1} + b_hn))에 r_t = 0을 넣어 "
          "보세요. 그다음 h_t = (1 − z_t) ⊙ n_t + z_t ⊙ h_{t−1}에서 두 과거 h_a, h_b의 "
          "차이가 어느 항으로 남는지 보세요. 4절에서 잰 z의 평균이 도움이 됩니다."),
    solution=("r ≈ 0이면 후보 n_t = tanh(W_in x_t + b_in)은 현재 입력에만 의존합니다. "
              "그래도 z_t ⊙ h_{t−1} 항이 남아, 서로 다른 두 과거의 차이는 한 걸음 뒤에 "
              "업데이트 게이트의 평균(약 0.5)쯤 남습니다. 기억의 길이는 업데이트 게이트가 "
              "정합니다."),
    code=('답 = {"후보": "현재 입력에만", "남는 비율": z_default,\n'
          '     "기억하는 길": "업데이트 게이트 z가 과거 h를 섞어 준다"}'),
))
