"""Chapter 1's exercises (registered on import): scale W_hh, levels, pre-padding."""

from __future__ import annotations

import copy
import math

import numpy as np
import torch

from ..errors import NlpPPError
from ..korean import fmt, particle, pct
from .core import Function, Prediction, call_student, register
from .feedback import not_yet, reply, right
from .forms import Choice, Number, as_array, is_number

LEVEL = 0.01  # "거의 다 잊었다": 상대 거리(또는 기울기 비율) 1 %


def first_below(curve: np.ndarray, level: float = LEVEL) -> int | None:
    """Return the first k with curve[k] < level (None if it never does)."""
    below = np.flatnonzero(np.asarray(curve) < level)
    return int(below[0]) if below.size else None


# ---------------------------------------------------------------- ch1-ex-scale
K_WORDS = ("늘어난다", "줄어든다", "그대로다", "1 % 아래로 내려가지 않는다")
SCALE_FORM = {"반지름_2배": Number(), "k_1.5배": Choice(*K_WORDS),
              "k_2배": Choice(*K_WORDS)}


def _scaled(layers, seeds, relative_distance, scale):
    """Return (mean spectral radius, mean relative-distance curve) of scaled copies."""
    copies = [copy.deepcopy(layer) for layer in layers]  # 학생의 층은 그대로 둡니다
    with torch.no_grad():
        for layer in copies:
            layer.weight_hh_l0.mul_(scale)
    radius = float(np.mean([
        torch.linalg.eigvals(layer.weight_hh_l0.detach().cpu().double()).abs().max()
        for layer in copies]))
    curve = np.mean([as_array(relative_distance(layer, seed=s))
                     for layer, s in zip(copies, seeds)], axis=0)
    return radius, curve


def _k_word(k: int | None, k0: int | None) -> str:
    if k is None:
        return K_WORDS[3]
    if k0 is None or k > k0:
        return K_WORDS[0]
    return K_WORDS[1] if k < k0 else K_WORDS[2]


@register
class Scale(Prediction):
    label = "ch1-ex-scale"
    minutes = 15
    form = SCALE_FORM

    def judge(self, answer, *, layers, seeds, relative_distance):
        layers, seeds = list(layers), list(seeds)
        if len(layers) != len(seeds) or not layers:
            raise NlpPPError("layers와 seeds는 같은 길이여야 합니다(층마다 시드 하나)",
                             "layers and seeds must have the same length")
        runs = {s: _scaled(layers, seeds, relative_distance, s) for s in (1.0, 1.5, 2.0)}
        rho1, curve1 = runs[1.0]
        k1 = first_below(curve1)
        parts = []
        rho2, guess = runs[2.0][0], answer["반지름_2배"]
        line = (f"반지름(2배): 예측 {fmt(guess)}, 이번 실행 {fmt(rho2)}"
                f"(원래 층 {fmt(rho1)}의 {fmt(rho2 / rho1)}배)")
        if abs(guess - rho2) <= 0.05 * rho2:
            parts.append((True, line))
        elif abs(guess - 4 * rho1) <= 0.05 * 4 * rho1:
            parts.append((False, line + ". 배수의 제곱이 아니라 배수만큼 커집니다: W의 고윳값 λ는 "
                       "2W에서 2λ가 됩니다."))
        else:
            parts.append((False, line + f". 차이 {fmt(guess - rho2)}. 행렬에 2를 곱하면 고윳값이 모두 "
                       "2배가 되므로 스펙트럼 반지름도 정확히 2배입니다."))
        for key, scale in (("k_1.5배", 1.5), ("k_2배", 2.0)):
            radius, curve = runs[scale]
            k = first_below(curve)
            measured = _k_word(k, k1)
            if k is None:
                seen = (f"{len(curve) - 1}걸음 안에 1 % 아래로 내려가지 않습니다(끝의 상대 "
                        f"거리 {fmt(curve[-1])})")
            else:
                seen = f"1 %까지 {k}걸음(원래 층 {k1}걸음)"
            line = (f"k({scale:g}배): 예측 \"{answer[key]}\", 이번 실행은 반지름 "
                    f"{fmt(radius)}에서 {seen}")
            if answer[key] == measured:
                parts.append((True, line))
                continue
            if radius >= 1:
                why = ("반지름이 1을 넘으면 원점 근처의 고정점이 불안정해져, 상태는 ±1이 아니라 "
                       "원점에서 조금 떨어진 크지 않은 끌개에 자리 잡습니다. 그때 두 메시지의 "
                       "차이가 1 % 아래로 줄어드는지는 ρ만으로 정해지지 않고 끌개 위의 움직임에 "
                       "달렸으므로, 이번 실행이 잰 값을 보세요")
            else:
                why = ("반지름이 1보다 작으면 여전히 지수적으로 잊지만, 한 걸음당 비율 "
                       "ρ가 1에 가까울수록 1 %까지 걸리는 걸음 ln(0.01)/ln ρ가 길어집니다")
            parts.append((False, f"{line}: \"{measured}\"에 해당합니다. {why}."))
        return reply(parts)


# ---------------------------------------------------------------- ch1-ex-level
def _steps(rate: float, level: float) -> float:
    return math.log(level) / math.log(rate)


@register
class Level(Function):
    label = "ch1-ex-level"
    minutes = 10

    def judge(self, answer, *, rate, curve):
        cases = [(0.5, 0.1), (0.9, 0.01), (0.99, 0.5), (float(rate), 0.1),
                 (float(rate), 0.001)]
        rounded = set()  # 정수로 답한 방식: 올림, 내림, 반올림
        for r, level in cases:
            got = call_student(answer, r, level)
            want = _steps(r, level)
            if not is_number(got):
                return not_yet(f"답(rate={fmt(r)}, level={fmt(level)})이 숫자가 아니라 "
                               f"{type(got).__name__} 값 {particle(repr(got), '을')} "
                               "돌려줍니다.")
            if abs(got - want) <= 1e-6 * max(1.0, want):
                continue
            if got in (math.floor(want), math.ceil(want)):  # 반올림은 둘 중 하나입니다
                rounded.add("올림" if got == math.ceil(want) else "내림")
                continue
            where = f"답(rate={fmt(r)}, level={fmt(level)}) = {fmt(got)}, 기대 {fmt(want)}"
            if want and abs(got * want - 1) < 1e-6:
                return not_yet(f"{where}: 역수입니다. r^k = level에서 k = ln(level) / ln(r)"
                               "입니다(분자와 분모가 바뀌었습니다).")
            if got < 0:
                return not_yet(f"{where}: 걸음 수가 음수입니다. ln(level)과 ln(r)은 둘 다 "
                               "음수이므로 k = ln(level) / ln(r)은 양수입니다.")
            return not_yet(f"{where} (차이 {fmt(got - want)}). r^k = level을 k에 대해 "
                           "풀어 보세요.")
        curve = as_array(curve)
        rows = []
        for level in (0.1, 0.01, 0.001):
            k = first_below(curve, level)
            seen = f"{k}걸음" if k is not None else "곡선 끝까지 내려가지 않음"
            rows.append(f"{pct(level)}: 감소율로 {fmt(_steps(rate, level))}걸음, 곡선에서 {seen}")
        whole = ("" if not rounded else
                 f" 걸음 수를 정수로({'·'.join(sorted(rounded))}) 답했습니다. 올림은 처음으로 "
                 "기준 아래로 내려간 걸음(곡선에서 세는 방식)이고, 내림은 아직 기준 위에 "
                 "있는 마지막 걸음입니다. 둘 다 k = ln(level) / ln(r)에서 나온 답입니다.")
        return right(f"새 입력 {len(cases)}개에서 모두 맞습니다.{whole} 이번 실행"
                     f"(r = {fmt(rate)}):"
                     + "\n\n" + "\n".join(f"- {row}" for row in rows) + "\n\n곡선이 계산보다 조금 빠르다면, 메시지가 끝난 "
                     "직후의 처음 몇 걸음에서 차이가 감소율보다 더 빨리 줄기 때문입니다.")


# ---------------------------------------------------------------- ch1-ex-pre
def _seen(g: np.ndarray, level: float = LEVEL) -> int:
    return int(np.flatnonzero(g >= level * g[0]).max()) + 1


@register
class Pre(Function):
    label = "ch1-ex-pre"
    minutes = 10

    def judge(self, answer, *, grads, msg_len=None):
        run = as_array(grads["RNN"] if isinstance(grads, dict) else grads)
        ks = np.arange(60)
        cases = [("0.5^(k-1)", 0.5 ** ks), ("3 × 0.9^(k-1)", 3 * 0.9 ** ks),
                 ("모두 같은 값", np.ones(20)), ("이번 실행의 grads[\"RNN\"]", run)]
        for name, g in cases:
            got = call_student(answer, g.copy())
            want = _seen(g)
            if not is_number(got) or float(got) != int(got):
                return not_yet(f"g = {name}에서 정수가 아니라 {particle(repr(got), '을')} "
                               "돌려줍니다.")
            got = int(got)
            if got == want:
                continue
            where = f"g = {name}: 기대 {want}, 받은 {got}"
            if got == want - 1:
                return not_yet(f"{where}. 하나 모자랍니다. `g[k - 1]`이 끝에서 k번째 입력이므로 "
                               "조건을 만족하는 마지막 인덱스에 1을 더해야 개수가 됩니다.")
            if got == want + 1:
                return not_yet(f"{where}. 하나 많습니다. 1 % 아래로 처음 내려간 입력은 세지 "
                               "않습니다.")
            return not_yet(f"{where}. 기준은 마지막 입력의 기울기 `g[0]`의 1 %입니다"
                           "(`g >= 0.01 * g[0]`).")
        k = _seen(run)
        share = f", 평균 길이 {msg_len}토큰 메시지의 {k / msg_len:.0%}" if msg_len else ""
        return right(f"새 입력 {len(cases)}개에서 모두 맞습니다. 이번 실행에서 학습 전 RNN이 "
                     f"의미 있게 보는 것은 메시지의 마지막 {k}개 토큰{share}입니다.")

