"""The from-scratch cells reproduce nn.RNN / nn.LSTM / nn.GRU within 1e-5."""

import pytest
import torch
from torch import nn

import nlp_pp as pp
from nlp_pp import cells

ATOL = 1e-5
# (batch, seq_len, emb_dim, hid_dim, num_layers, batch_first)
SHAPES = [
    (1, 1, 3, 2, 1, True),
    (4, 7, 5, 6, 1, True),
    (3, 12, 8, 4, 2, True),
    (2, 9, 6, 5, 1, False),
]


def _inputs(shape, seed):
    """Return (x, layer kwargs) for one shape with a fixed seed."""
    batch, seq, emb, hid, layers, batch_first = shape
    torch.manual_seed(seed)
    size = (batch, seq, emb) if batch_first else (seq, batch, emb)
    kwargs = {"input_size": emb, "hidden_size": hid, "num_layers": layers,
              "batch_first": batch_first}
    return torch.randn(size), kwargs


def _close(a, b):
    """Return True when two tensors agree within ATOL and have the same shape."""
    return a.shape == b.shape and torch.allclose(a, b, atol=ATOL, rtol=0)


@pytest.mark.parametrize("shape", SHAPES)
def test_run_rnn_matches_nn_rnn(shape):
    x, kwargs = _inputs(shape, 0)
    rnn = nn.RNN(**kwargs)
    with torch.no_grad():
        out, h_n = rnn(x)
        my_out, my_h = cells.run_rnn(x, rnn)
    assert _close(out, my_out) and _close(h_n, my_h)


@pytest.mark.parametrize("shape", SHAPES)
def test_run_lstm_matches_nn_lstm(shape):
    x, kwargs = _inputs(shape, 1)
    lstm = nn.LSTM(**kwargs)
    with torch.no_grad():
        out, (h_n, c_n) = lstm(x)
        my_out, (my_h, my_c) = cells.run_lstm(x, lstm)
    assert _close(out, my_out) and _close(h_n, my_h) and _close(c_n, my_c)


@pytest.mark.parametrize("shape", SHAPES)
def test_run_gru_matches_nn_gru(shape):
    x, kwargs = _inputs(shape, 2)
    gru = nn.GRU(**kwargs)
    with torch.no_grad():
        out, h_n = gru(x)
        my_out, my_h = cells.run_gru(x, gru)
    assert _close(out, my_out) and _close(h_n, my_h)


def test_initial_state_is_used():
    x, kwargs = _inputs((3, 5, 4, 6, 1, True), 3)
    lstm, gru = nn.LSTM(**kwargs), nn.GRU(**kwargs)
    h0, c0 = torch.randn(1, 3, 6), torch.randn(1, 3, 6)
    with torch.no_grad():
        out, (h_n, c_n) = lstm(x, (h0, c0))
        my_out, (my_h, my_c) = cells.run_lstm(x, lstm, (h0, c0))
        g_out, g_h = gru(x, h0)
        my_g_out, my_g_h = cells.run_gru(x, gru, h0)
    assert _close(out, my_out) and _close(h_n, my_h) and _close(c_n, my_c)
    assert _close(g_out, my_g_out) and _close(g_h, my_g_h)


def test_single_step_cells():
    torch.manual_seed(4)
    x, h, c = torch.randn(2, 3), torch.randn(2, 5), torch.randn(2, 5)
    lstm_cell, gru_cell = nn.LSTMCell(3, 5), nn.GRUCell(3, 5)
    rnn_cell = nn.RNNCell(3, 5)

    def weights(m):
        return m.weight_ih, m.weight_hh, m.bias_ih, m.bias_hh

    with torch.no_grad():
        ref_h, ref_c = lstm_cell(x, (h, c))
        my_h, my_c = cells.lstm_cell(x, (h, c), *weights(lstm_cell))
        assert _close(ref_h, my_h) and _close(ref_c, my_c)
        assert _close(gru_cell(x, h), cells.gru_cell(x, h, *weights(gru_cell)))
        assert _close(rnn_cell(x, h), cells.rnn_cell(x, h, *weights(rnn_cell)))


def test_no_bias_layer():
    x, kwargs = _inputs((2, 4, 3, 5, 1, True), 5)
    gru = nn.GRU(**kwargs, bias=False)
    with torch.no_grad():
        assert _close(gru(x)[0], cells.run_gru(x, gru)[0])


def test_wrong_module_raises_bilingual_error():
    with pytest.raises(pp.NlpPPError, match="Expected an nn.LSTM"):
        cells.run_lstm(torch.zeros(1, 2, 3), nn.GRU(3, 4))
    with pytest.raises(ValueError, match="Bidirectional"):
        cells.run_gru(torch.zeros(1, 2, 3), nn.GRU(3, 4, bidirectional=True))


def test_package_exports_cells():
    assert pp.run_lstm is cells.run_lstm and pp.gru_cell is cells.gru_cell
