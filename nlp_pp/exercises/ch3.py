"""Chapter 3's exercises (registered on import): α, convention, sizes, reset gate."""

from __future__ import annotations

import copy

import numpy as np
import torch
from torch import nn

from ..cells import gru_cell
from ..korean import fmt, pct, pp_diff
from .core import Discussion, Prediction, register
from .feedback import part, reply
from .forms import Choice, Number, as_array

# ---------------------------------------------------------------- ch3-ex-alpha
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


@register
class Alpha(Prediction):
    label = "ch3-ex-alpha"
    minutes = 10
    form = ALPHA_FORM

    def judge(self, answer, *, filter_both, smoothing_table, signal, clean):
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
        parts = []
        for key, word in measured.items():
            line = f"{key}: 예측 \"{answer[key]}\", 이번 실행(α 0.95 → 0.99) {seen[key]}"
            parts.append(part(answer[key] == word, line, f": \"{word}\"입니다. {why[key]}"))
        return reply(parts)


# ---------------------------------------------------------------- ch3-ex-params
EXISTS = ("있다", "없다")
FIXES = ("GRU의 은닉 크기를 LSTM보다 작게 잡는다", "단어장을 더 크게 잡는다",
         "임베딩 차원을 더 크게 잡는다")


@register
class Params(Discussion):
    label = "ch3-ex-params"
    minutes = 15
    form = {"V=0의 절감": Number(), "30 %가 되는 V": Choice(*EXISTS),
            "노트의 숫자가 나오려면": Choice(*FIXES)}

    def judge(self, answer, *, emb_dim, hid_dim, num_classes):
        block = sum(p.numel() for p in nn.GRU(emb_dim, hid_dim).parameters()) // 3
        head = hid_dim * num_classes + num_classes

        def saving(vocab: int) -> float:
            return block / (vocab * emb_dim + 4 * block + head)

        best = saving(0)
        guess = answer["V=0의 절감"]
        guess = guess / 100 if 1 < guess <= 100 else guess  # 24.9처럼 %로 쓴 답
        parts = []
        line = (f"V=0의 절감: 답 {pct(guess)}, 이번 실행의 크기(E = {emb_dim}, H = {hid_dim}, "
                f"클래스 {num_classes})로 계산하면 {pct(best)}")
        if abs(guess - best) <= 0.003:
            parts.append((True, line))
        elif abs(guess - 0.25) <= 0.003 or abs(guess - 1 / 3) <= 0.003:
            parts.append((False, line + ". 한 덩어리를 아끼므로 순환층만 보면 (4 − 3)/4 = 25 %이고, "
                       "분모에 선형층 C가 더해져 그보다 조금 작습니다."))
        else:
            parts.append((False, line + f" (차이 {pp_diff(guess - best)}). 아끼는 비율은 "
                       "B / (V E + 4B + C)이고, V = 0일 때 가장 큽니다."))
        line = (f"30 %가 되는 V: 답 \"{answer['30 %가 되는 V']}\", V=0에서도 {pct(best)}이고 "
                f"V가 커질수록 줄어듭니다(V = 10,000: {pct(saving(10_000))})")
        parts.append((answer["30 %가 되는 V"] == EXISTS[1], line))
        lstm = 4 * block
        sizes = [h for h in range(1, hid_dim + 1)
                 if 0.30 <= 1 - 3 * (h * (emb_dim + h) + 2 * h) / lstm <= 0.40]
        span = f"{min(sizes)}–{max(sizes)}" if sizes else "없음"
        line = (f"노트의 숫자가 나오려면: 답 \"{answer['노트의 숫자가 나오려면']}\". 순환층이 "
                f"30–40 % 적어지는 GRU의 은닉 크기는 {span}입니다(LSTM H = {hid_dim})")
        parts.append(part(answer["노트의 숫자가 나오려면"] == FIXES[0], line, (
            ". 단어장이나 임베딩을 키우면 두 모델에 같은 양이 더해져 "
            "비율은 오히려 줄어듭니다. 크기가 다른 모델을 비교해야 합니다.")))
        return reply(parts)


# ---------------------------------------------------------------- ch3-ex-reset
DEPENDS = ("현재 입력에만", "과거 상태에만", "입력과 과거 모두에")
MEMORY = ("업데이트 게이트 z가 과거 h를 섞어 준다", "리셋 게이트가 과거를 저장한다",
          "후보 n이 과거를 담는다")


@register
class Reset(Discussion):
    label = "ch3-ex-reset"
    minutes = 10
    form = {"후보": Choice(*DEPENDS), "남는 비율": Number(), "기억하는 길": Choice(*MEMORY)}

    def judge(self, answer, *, gru):
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
        parts = []
        line = f"후보: 답 \"{answer['후보']}\""
        parts.append(part(answer["후보"] == DEPENDS[0] and cand_gap < 1e-9, line, (
            ". r = 0이면 n = tanh(W_in x + b_in + 0 · (W_hn h + b_hn))이라 "
            "과거 h가 사라지고 현재 입력만 남습니다.")))
        guess = answer["남는 비율"]
        line = (f"남는 비율: 답 {fmt(guess)}, 이번 실행에서 한 걸음 뒤 두 과거의 차이는 처음의 "
                f"{fmt(keep)}배(업데이트 게이트 평균 {fmt(z.mean().item())})")
        parts.append(part(abs(guess - keep) <= 0.1, line, (
            f" (차이 {fmt(guess - keep)}). 후보는 두 과거에 같으므로 남는 "
            "것은 z ⊙ h 항뿐이고, 그 크기는 업데이트 게이트의 평균 근처입니다.")))
        line = f"기억하는 길: 답 \"{answer['기억하는 길']}\""
        parts.append(part(answer["기억하는 길"] == MEMORY[0], line, (
            ". h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}의 두 번째 항이 과거를 그대로 "
            "섞어 줍니다. 리셋 게이트는 후보를 만들 때 과거를 쓸지만 정합니다.")))
        return reply(parts)
