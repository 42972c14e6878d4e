"""The recurrent text classifier: embedding -> one RNN/LSTM/GRU layer -> linear head."""

from __future__ import annotations

import numpy as np
import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence

from .errors import NlpPPError

CELLS = {"rnn": nn.RNN, "lstm": nn.LSTM, "gru": nn.GRU}
# PyTorch의 게이트 순서: LSTM은 (i, f, g, o), GRU는 (r, z, n).
# 상태를 "유지"하게 만드는 게이트: LSTM의 망각 게이트 f, GRU의 업데이트 게이트 z.
KEEP_GATE = {"lstm": 1, "gru": 1}


def set_gate_bias(rnn: nn.Module, value) -> nn.Module:
    """Set the keep-gate bias (LSTM forget / GRU update) of every layer; return rnn.

    `value` is one number, or a tensor of hidden_size numbers (one per unit).
    """
    cell = type(rnn).__name__.lower()
    if cell not in KEEP_GATE:
        raise NlpPPError(
            f"게이트 편향은 LSTM과 GRU에만 있습니다 (받은 모듈: {type(rnn).__name__}).",
            f"Gate bias exists for LSTM and GRU only, got {type(rnn).__name__}.",
        )
    return _fill_gate_bias(rnn, KEEP_GATE[cell], value)


def set_lstm_input_bias(lstm: nn.LSTM, value) -> nn.LSTM:
    """Set the input-gate bias of every LSTM layer (gate order i, f, g, o); return it."""
    return _fill_gate_bias(lstm, 0, value)  # 입력 게이트 i는 첫 번째 덩어리입니다


def _fill_gate_bias(rnn: nn.Module, gate: int, value) -> nn.Module:
    """Make bias_ih + bias_hh of gate block `gate` equal `value` in every layer."""
    hid = rnn.hidden_size
    with torch.no_grad():
        for name, param in rnn.named_parameters():
            if name.startswith("bias_ih"):
                param[gate * hid:(gate + 1) * hid] = value  # 숫자 하나 또는 단위별 값
            elif name.startswith("bias_hh"):
                param[gate * hid:(gate + 1) * hid].zero_()
    return rnn


def count_params(module: nn.Module, trainable_only: bool = False) -> int:
    """Return the number of parameters (optionally trainable ones only)."""
    return sum(
        p.numel() for p in module.parameters() if p.requires_grad or not trainable_only
    )


def _check_matrix(emb_matrix, vocab_size: int, emb_dim: int) -> torch.Tensor:
    """Return a float32 *copy* of emb_matrix after checking its shape."""
    # torch.tensor는 항상 복사합니다. torch.as_tensor는 NumPy 배열과 메모리를 공유해서,
    # 학습(Adam)이 호출한 쪽의 행렬까지 바꿔 버립니다 (CPU에서만: GPU로 옮기면 복사되므로
    # 장치마다 결과의 의미가 달라집니다).
    weight = torch.tensor(np.asarray(emb_matrix), dtype=torch.float32)
    if tuple(weight.shape) != (vocab_size, emb_dim):
        raise NlpPPError(
            f"임베딩 행렬 모양 {tuple(weight.shape)}이(가) (vocab_size, emb_dim) = "
            f"{(vocab_size, emb_dim)}와 다릅니다. 같은 word_to_idx로 만든 행렬인지 확인하세요.",
            f"Embedding matrix shape {tuple(weight.shape)} != {(vocab_size, emb_dim)}: "
            "build it from the same word_to_idx.",
        )
    return weight


class RecurrentClassifier(nn.Module):
    """Embedding -> recurrent layer -> linear head on the final hidden state."""

    def __init__(self, vocab_size: int, emb_dim: int, num_classes: int,
                 hid_dim: int, cell: str = "rnn", emb_matrix=None,
                 freeze: bool = False, pad_idx: int = 0,
                 gate_bias: float = 0.0):
        super().__init__()
        cell = cell.lower()
        if cell not in CELLS:
            raise NlpPPError(
                "cell은 'rnn', 'lstm', 'gru' 중 하나여야 합니다 "
                f"(받은 값: {cell!r}).",
                f"cell must be 'rnn', 'lstm' or 'gru', got {cell!r}.",
            )
        self.cell = cell
        self.embed = nn.Embedding(vocab_size, emb_dim, padding_idx=pad_idx)
        if emb_matrix is not None:
            weight = _check_matrix(emb_matrix, vocab_size, emb_dim)
            self.embed.weight = nn.Parameter(weight, requires_grad=not freeze)
        self.rnn = CELLS[cell](emb_dim, hid_dim, num_layers=1, batch_first=True)
        if gate_bias:
            set_gate_bias(self.rnn, gate_bias)
        self.classifier = nn.Linear(hid_dim, num_classes)

    def forward(self, x: torch.Tensor, lengths: torch.Tensor | None = None):
        """Return logits (B, num_classes).

        With `lengths`, the pads are skipped (a packed sequence).
        """
        emb = self.embed(x)  # (B, T, E)
        if lengths is not None:
            # 길이는 [1, T]로 자릅니다: 0이면 pack이 실패하고,
            # T보다 길면 없는 칸을 읽습니다.
            lengths = lengths.cpu().clamp(1, x.shape[1])
            emb = pack_padded_sequence(emb, lengths, batch_first=True,
                                       enforce_sorted=False)
        _, hidden = self.rnn(emb)
        if self.cell == "lstm":
            hidden = hidden[0]  # (h_n, c_n) 중 은닉 상태 h_n만 씁니다
        h = hidden[-1]  # (1, B, H) -> (B, H): 마지막 층의 최종 은닉 상태
        assert h.shape == (x.shape[0], self.rnn.hidden_size)
        return self.classifier(h)  # (B, C)


def _named(cell: str):
    """Make the lecture-style named class for one cell type."""

    class Named(RecurrentClassifier):
        def __init__(self, vocab_size, embed_dim, num_classes, hid_dim, emb_matrix=None,
                     **kwargs):
            super().__init__(vocab_size, embed_dim, num_classes, hid_dim, cell=cell,
                             emb_matrix=emb_matrix, **kwargs)

    Named.__name__ = Named.__qualname__ = f"Simple{cell.upper()}"
    Named.__doc__ = f"The lecture's Simple{cell.upper()}: RecurrentClassifier(cell={cell!r})."
    return Named


SimpleRNN = _named("rnn")
SimpleLSTM = _named("lstm")
SimpleGRU = _named("gru")
