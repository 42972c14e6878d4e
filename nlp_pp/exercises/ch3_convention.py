"""Chapter 3's code exercise (registered on import): the textbook update convention."""

from __future__ import annotations

import copy

import torch
from torch import nn

from ..korean import fmt
from .core import Function, StudentError, call_student, register
from .feedback import not_yet, right

# ---------------------------------------------------------------- ch3-ex-convention
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


@register
class Convention(Function):
    label = "ch3-ex-convention"
    minutes = 15

    def judge(self, answer, *, gru):
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
