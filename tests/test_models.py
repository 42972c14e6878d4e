"""The classifier: shapes, gate bias, pretrained rows, packing, parameter counts."""

import numpy as np
import pytest
import torch

import nlp_pp as pp


@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru"])
def test_output_shape_for_every_cell(cell):
    model = pp.RecurrentClassifier(50, 8, 2, 6, cell=cell)
    x = torch.randint(0, 50, (4, 17))
    assert model(x).shape == (4, 2)
    assert model(x, torch.tensor([17, 3, 1, 9])).shape == (4, 2)


def test_named_classes_match_the_generic_one():
    for cls, cell in [(pp.SimpleRNN, "rnn"), (pp.SimpleLSTM, "lstm"),
                      (pp.SimpleGRU, "gru")]:
        model = cls(30, 4, 2, 5)
        assert model.cell == cell and cls.__name__ == f"Simple{cell.upper()}"


def test_lstm_parameter_count_matches_formula():
    emb, hid, vocab = 100, 128, 1000
    model = pp.SimpleLSTM(vocab, emb, 2, hid)
    lstm = 4 * (hid * (emb + hid) + 2 * hid)
    assert pp.count_params(model.rnn) == lstm
    assert pp.count_params(model) == vocab * emb + lstm + hid * 2 + 2


def test_gru_layer_is_three_quarters_of_lstm():
    gru, lstm = torch.nn.GRU(100, 128), torch.nn.LSTM(100, 128)
    assert pp.count_params(gru) * 4 == pp.count_params(lstm) * 3


def test_gate_bias_sets_only_the_keep_gate():
    lstm = pp.set_gate_bias(torch.nn.LSTM(3, 4), 3.0)
    total = lstm.bias_ih_l0 + lstm.bias_hh_l0
    assert torch.allclose(total[4:8], torch.full((4,), 3.0))  # 망각 게이트 f
    gru = pp.set_gate_bias(torch.nn.GRU(3, 4), 2.0)
    assert torch.allclose((gru.bias_ih_l0 + gru.bias_hh_l0)[4:8], torch.full((4,), 2.0))
    with pytest.raises(ValueError):
        pp.set_gate_bias(torch.nn.RNN(3, 4), 1.0)


def test_pretrained_matrix_is_copied_and_checked():
    matrix = np.arange(20 * 4, dtype=np.float32).reshape(20, 4)
    model = pp.RecurrentClassifier(20, 4, 2, 3, cell="gru", emb_matrix=matrix,
                                   freeze=True)
    assert torch.equal(model.embed.weight, torch.from_numpy(matrix))
    assert not model.embed.weight.requires_grad
    with pytest.raises(ValueError, match="word_to_idx"):
        pp.RecurrentClassifier(21, 4, 2, 3, emb_matrix=matrix)


def test_packed_mode_ignores_trailing_pads():
    torch.manual_seed(0)
    model = pp.RecurrentClassifier(30, 5, 2, 4, cell="lstm").eval()
    x = torch.tensor([[5, 6, 7, 0, 0, 0]])
    short = torch.tensor([[5, 6, 7]])
    assert torch.allclose(model(x, torch.tensor([3])), model(short), atol=1e-6)
    assert not torch.allclose(model(x), model(short), atol=1e-4)


def test_unknown_cell_is_a_clear_error():
    with pytest.raises(ValueError, match="rnn"):
        pp.RecurrentClassifier(10, 2, 2, 2, cell="transformer")


@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru"])
def test_training_never_changes_the_callers_matrix(cell):
    # 사전훈련 행렬을 받은 모델을 Adam으로 한 걸음 학습해도 원래 배열은 그대로입니다.
    rng = np.random.default_rng(0)
    matrix = rng.normal(size=(20, 4)).astype(np.float32)
    before = matrix.copy()
    model = pp.RecurrentClassifier(20, 4, 2, 3, cell=cell, emb_matrix=matrix)
    opt = torch.optim.Adam(model.parameters(), lr=0.1)
    x = torch.tensor([[2, 3, 4, 5], [6, 7, 0, 0]])
    loss = torch.nn.functional.cross_entropy(model(x), torch.tensor([0, 1]))
    loss.backward()
    opt.step()
    assert not torch.equal(model.embed.weight.detach(), torch.from_numpy(before))
    np.testing.assert_array_equal(matrix, before)


def test_lengths_beyond_the_sequence_are_clamped():
    torch.manual_seed(0)
    model = pp.RecurrentClassifier(30, 5, 2, 4, cell="gru").eval()
    x = torch.tensor([[5, 6, 7, 8], [5, 6, 0, 0]])
    out = model(x, torch.tensor([99, 0]))  # 99 -> 4, 0 -> 1
    ref = model(x, torch.tensor([4, 1]))
    assert torch.allclose(out, ref)


def test_gate_bias_takes_one_value_per_unit():
    gru = torch.nn.GRU(3, 4)
    per_unit = torch.tensor([1.0, 2.0, 3.0, 4.0])
    pp.set_gate_bias(gru, per_unit)
    assert torch.equal(gru.bias_ih_l0[4:8], per_unit)  # 업데이트 게이트 z
    assert not gru.bias_hh_l0[4:8].any()
