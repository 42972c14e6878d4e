"""Gate traces: step a trained nn.LSTM / nn.GRU by its own equations, then summarise.

``nn.LSTM`` and ``nn.GRU`` return no gate values, so ``step_cell`` recomputes them
from the layer's trained weights (PyTorch's gate order: LSTM i, f, g, o; GRU r, z,
n). The rest reads those traces: means at tokens and at pads, one message's strip,
the messages to show, and a sentence comparing a gate between tokens and pads.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import torch
from torch import nn

from ..errors import NlpPPError
from ..hangul import compose_token
from ..vocab import PAD_IDX

# PyTorch가 가중치 행렬에 쌓은 게이트 순서
GATES = {"lstm": ("i", "f", "g", "o"), "gru": ("r", "z", "n")}


def _gated_layer(model) -> tuple[nn.Module, str]:
    """Return (one-layer nn.LSTM / nn.GRU, "lstm" / "gru") of a model or a layer."""
    rnn = getattr(model, "rnn", model)
    cell = "lstm" if isinstance(rnn, nn.LSTM) else "gru" if isinstance(rnn, nn.GRU) \
        else None
    if cell is None:
        raise NlpPPError(
            f"게이트가 있는 층(nn.LSTM, nn.GRU)이 필요합니다. 받은 층: "
            f"{type(rnn).__name__}. RNN에는 게이트가 없습니다.",
            f"Needs a gated layer (nn.LSTM or nn.GRU), got {type(rnn).__name__}; "
            "a plain RNN has no gates.")
    if rnn.num_layers != 1 or rnn.bidirectional or not rnn.batch_first \
            or not rnn.bias:
        raise NlpPPError(
            "층 하나, 한 방향, batch_first=True, 편향이 있는 층만 따라 계산합니다.",
            "Only one-layer, unidirectional, batch_first layers with biases are "
            "stepped.")
    return rnn, cell


def step_cell(model, emb: torch.Tensor) -> dict[str, torch.Tensor]:
    """Step the cell's equations over emb (B, T, E); return gates and states.

    Each value is (B, T, H). Keys: LSTM i, f, g, o, c, h; GRU r, z, n, h
    (the names of PyTorch's equations).
    """
    rnn, cell = _gated_layer(model)
    w_ih, w_hh = rnn.weight_ih_l0, rnn.weight_hh_l0
    b_ih, b_hh = rnn.bias_ih_l0, rnn.bias_hh_l0
    xw = emb @ w_ih.T + b_ih  # (B, T, G·H): 입력 쪽은 모든 시점을 한 번에
    h = emb.new_zeros(emb.shape[0], rnn.hidden_size)  # (B, H)
    c = torch.zeros_like(h)
    steps = []
    for t in range(emb.shape[1]):
        hw = h @ w_hh.T + b_hh  # (B, G·H)
        if cell == "lstm":
            i, f, g, o = (xw[:, t] + hw).chunk(4, dim=-1)
            i, f, g, o = i.sigmoid(), f.sigmoid(), g.tanh(), o.sigmoid()
            c = f * c + i * g
            h = o * c.tanh()
            steps.append((i, f, g, o, c, h))
        else:
            (xr, xz, xn), (hr, hz, hn) = xw[:, t].chunk(3, -1), hw.chunk(3, -1)
            r, z = (xr + hr).sigmoid(), (xz + hz).sigmoid()
            # PyTorch: r는 W_hn h + b_hn 전체에 곱합니다
            n = (xn + r * hn).tanh()
            h = (1 - z) * n + z * h
            steps.append((r, z, n, h))
    names = GATES[cell] + (("c", "h") if cell == "lstm" else ("h",))
    return {name: torch.stack(vals, 1)
            for name, vals in zip(names, zip(*steps))}


def as_ids(model, ids) -> torch.Tensor:
    """Return token ids (N, T) as a long tensor on the device of the model's embedding."""
    return torch.as_tensor(np.atleast_2d(ids), dtype=torch.long,
                           device=model.embed.weight.device)


def gate_trace(model, ids) -> dict[str, np.ndarray]:
    """Return step_cell's gates and states (N, T, H) for token ids (N, T), as NumPy."""
    with torch.no_grad():
        trace = step_cell(model, model.embed(as_ids(model, ids)))
    return {k: v.cpu().numpy() for k, v in trace.items()}


def token_pad_means(trace: dict, ids, gates) -> pd.DataFrame:
    """Return the mean of each gate over units at token and at <PAD> positions."""
    is_pad = np.atleast_2d(ids) == PAD_IDX
    rows = {}
    for g in gates:
        per_step = trace[g].mean(-1)  # (N, T): 은닉 단위 평균
        rows[g] = (per_step[~is_pad].mean(), per_step[is_pad].mean())
    return pd.DataFrame(rows, index=["메시지 토큰", "패딩"]).T


def message_tokens(row, idx_to_word) -> tuple[np.ndarray, list[str]]:
    """Return (positions, syllable labels) of the non-<PAD> tokens of one padded row."""
    pos = np.flatnonzero(np.asarray(row) != PAD_IDX)
    return pos, [compose_token(idx_to_word[int(row[p])]) for p in pos]


def gate_strip(model, row, idx_to_word, gates, n_pads: int = 12) -> pd.DataFrame:
    """Return one message's gates (mean over units): every token, about n_pads pads.

    Columns: position, kind ("토큰" / "패딩"), label, one column per gate. The pads
    shown are evenly spaced, first and last included; "P40" is the 40th pad.
    """
    row = np.asarray(row)
    trace = gate_trace(model, row[None])
    tok_pos, labels = message_tokens(row, idx_to_word)
    pad_pos = np.flatnonzero(row == PAD_IDX)
    keep = np.unique(np.linspace(0, len(pad_pos) - 1, n_pads).round().astype(int)) \
        if len(pad_pos) else np.array([], dtype=int)
    frame = pd.DataFrame({
        "position": np.r_[tok_pos, pad_pos[keep]],
        "kind": ["토큰"] * len(tok_pos) + ["패딩"] * len(keep),
        "label": labels + [f"P{k + 1}" for k in keep]})
    for g in gates:
        frame[g] = trace[g][0].mean(-1)[frame["position"]]
    return frame.sort_values("position", ignore_index=True)


def pick_messages(labels, pred, classes, lengths, *, seed: int = 0,
                  max_len: int = 25) -> dict:
    """Return {name: test index}: one message per class, one the model got wrong.

    Per class a message the model got right when there is one (else any of that
    class); the wrong one is None when the model got none wrong. A seeded draw among
    messages of 5..max_len tokens (any length if there are none).
    """
    labels, pred, lengths = map(np.asarray, (labels, pred, lengths))
    rng = np.random.default_rng(seed)
    short = (lengths >= 5) & (lengths <= max_len)

    def draw(*masks):
        for mask in masks:
            for pool in (np.flatnonzero(mask & short), np.flatnonzero(mask)):
                if len(pool):
                    return int(rng.choice(pool))
        return None

    ok = labels == pred
    picks = {f"{name} 메시지": draw(ok & (labels == k), labels == k)
             for k, name in enumerate(classes)}
    picks["틀린 메시지"] = draw(~ok)
    return picks


def gate_sentence(name: str, gate: str, on_tokens: float, on_pads: float,
                  complement: str | None = None, rel_tol: float = 0.1) -> str:
    """Return how a gate's mean differs between message tokens and pads.

    With `complement` (e.g. "한 칸에 잊는 몫(1 − f)") the comparison is of 1 − gate, the
    share a keep gate lets go of at each step.
    """
    head = (f"{name}의 {gate} 평균은 메시지 토큰에서 {on_tokens:.4f}, 패딩에서 "
            f"{on_pads:.4f}입니다. ")
    if complement:
        on_tokens, on_pads = 1 - on_tokens, 1 - on_pads
        head += f"{complement}은 "
    ratio = on_tokens / on_pads if on_pads else float("inf")
    if ratio > 1 + rel_tol:
        return f"{head}토큰에서 {ratio:.1f}배 큽니다"
    if ratio < 1 / (1 + rel_tol):
        return f"{head}패딩에서 {1 / ratio:.1f}배 큽니다"
    return f"{head}두 곳에서 거의 같습니다"
