"""From-scratch RNN / LSTM / GRU cells, written as the equations, in PyTorch's gate order.

Each cell takes one time step ``x`` (B, E), the previous state and the weights of the
matching ``nn.RNN`` / ``nn.LSTM`` / ``nn.GRU`` layer, and returns the next state.
``run_rnn`` / ``run_lstm`` / ``run_gru`` unroll a cell over a whole sequence with the
weights of a PyTorch module and return what the module itself returns.
"""

from __future__ import annotations

import torch
from torch import nn

from .errors import NlpPPError

__all__ = ["gru_cell", "lstm_cell", "rnn_cell", "run_gru", "run_lstm", "run_rnn"]


def rnn_cell(x, h, w_ih, w_hh, b_ih, b_hh):
    """Return the next hidden state h_t (B, H) of a tanh RNN."""
    return torch.tanh(x @ w_ih.T + b_ih + h @ w_hh.T + b_hh)


def lstm_cell(x, state, w_ih, w_hh, b_ih, b_hh):
    """Return the next (h_t, c_t) of an LSTM; weights stacked as i, f, g, o."""
    h, c = state  # 둘 다 (B, H)
    gates = x @ w_ih.T + b_ih + h @ w_hh.T + b_hh  # (B, 4H)
    i, f, g, o = gates.chunk(4, dim=1)  # PyTorch 순서: 입력, 망각, 후보, 출력
    # 세 게이트는 0~1 사이의 "밸브"입니다
    i, f, o = torch.sigmoid(i), torch.sigmoid(f), torch.sigmoid(o)
    g = torch.tanh(g)  # 새로 써 넣을 후보 값 (-1~1)
    c = f * c + i * g  # 셀 상태: 곱하고 더하기만, tanh를 거치지 않습니다
    h = o * torch.tanh(c)  # 은닉 상태: 셀 상태를 얼마나 내보낼지 o가 정합니다
    return h, c


def gru_cell(x, h, w_ih, w_hh, b_ih, b_hh):
    """Return the next hidden state h_t (B, H) of a GRU; weights as r, z, n."""
    x_r, x_z, x_n = (x @ w_ih.T + b_ih).chunk(3, dim=1)  # 입력 쪽: (B, H) × 3
    h_r, h_z, h_n = (h @ w_hh.T + b_hh).chunk(3, dim=1)  # 은닉 쪽: (B, H) × 3
    r = torch.sigmoid(x_r + h_r)  # 리셋: 후보에 과거를 얼마나 쓸지
    z = torch.sigmoid(x_z + h_z)  # 업데이트: 과거를 얼마나 그대로 둘지
    # 후보 상태: PyTorch는 r을 (W_hn h + b_hn) 뒤에 곱합니다
    n = torch.tanh(x_n + r * h_n)
    return (1 - z) * n + z * h  # 재귀 필터처럼 후보와 과거를 섞습니다


def _check_module(module: nn.Module, kind: type) -> None:
    """Raise a bilingual error unless `module` is a one-direction `kind` layer."""
    if not isinstance(module, kind):
        raise NlpPPError(
            f"{kind.__name__} 모듈이 필요합니다 (받은 것: {type(module).__name__}).",
            f"Expected an nn.{kind.__name__}, got {type(module).__name__}.",
        )
    if module.bidirectional or getattr(module, "proj_size", 0):
        raise NlpPPError(
            "양방향(bidirectional)이나 proj_size가 있는 층은 지원하지 않습니다.",
            "Bidirectional layers and proj_size are not supported.",
        )


def _weights(module: nn.Module, layer: int):
    """Return (w_ih, w_hh, b_ih, b_hh) of one layer; zero biases when bias=False."""
    w_ih = getattr(module, f"weight_ih_l{layer}")
    w_hh = getattr(module, f"weight_hh_l{layer}")
    if module.bias:
        return w_ih, w_hh, getattr(module, f"bias_ih_l{layer}"), getattr(
            module, f"bias_hh_l{layer}"
        )
    zero = w_ih.new_zeros(w_ih.shape[0])
    return w_ih, w_hh, zero, zero


def _unroll(cell, x, module, states):
    """Run `cell` over time and layers; return (output (B, T, H), final states)."""
    if not module.batch_first:
        x = x.transpose(0, 1)  # (T, B, E) -> (B, T, E)
    finals = []
    for layer, state in enumerate(states):
        weights = _weights(module, layer)
        outputs = []
        for t in range(x.shape[1]):
            state = cell(x[:, t], state, *weights)
            outputs.append(state[0] if isinstance(state, tuple) else state)
        x = torch.stack(outputs, dim=1)  # (B, T, H): 다음 층의 입력
        finals.append(state)
    out = x if module.batch_first else x.transpose(0, 1)
    return out, finals


def _initial(x, module, h0):
    """Return a list with one (B, H) initial state per layer (zeros when h0 is None)."""
    batch = x.shape[0] if module.batch_first else x.shape[1]
    if h0 is None:
        h0 = x.new_zeros(module.num_layers, batch, module.hidden_size)
    return list(h0.unbind(0))


def run_rnn(x, rnn: nn.RNN, h0=None):
    """Return (output, h_n) like nn.RNN, computed with rnn_cell and rnn's weights."""
    _check_module(rnn, nn.RNN)
    if rnn.nonlinearity != "tanh":
        raise NlpPPError("tanh RNN만 지원합니다.", "Only the tanh RNN is supported.")
    out, finals = _unroll(rnn_cell, x, rnn, _initial(x, rnn, h0))
    return out, torch.stack(finals)  # h_n: (num_layers, B, H)


def run_lstm(x, lstm: nn.LSTM, state=None):
    """Return (output, (h_n, c_n)) like nn.LSTM, computed with lstm_cell."""
    _check_module(lstm, nn.LSTM)
    h0, c0 = state if state is not None else (None, None)
    hs, cs = _initial(x, lstm, h0), _initial(x, lstm, c0)
    out, finals = _unroll(lstm_cell, x, lstm, list(zip(hs, cs)))
    h_n = torch.stack([h for h, _ in finals])  # (num_layers, B, H)
    c_n = torch.stack([c for _, c in finals])  # (num_layers, B, H)
    return out, (h_n, c_n)


def run_gru(x, gru: nn.GRU, h0=None):
    """Return (output, h_n) like nn.GRU, computed with gru_cell and gru's weights."""
    _check_module(gru, nn.GRU)
    out, finals = _unroll(gru_cell, x, gru, _initial(x, gru, h0))
    return out, torch.stack(finals)  # h_n: (num_layers, B, H)
