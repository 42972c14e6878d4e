"""Counting, vocabulary, encoding, padding, splitting and data loaders."""

from collections import Counter

import numpy as np
import pytest
import torch

import nlp_pp as pp

DOCS = [["a", "b", "a", "c"], ["b", "a", "d"], ["e", "c", "a"], ["b"]]
# a: 4, b: 3, c: 2, d: 1, e: 1


def test_count_words_keeps_first_seen_order():
    counts = pp.count_words(DOCS)
    assert counts == Counter(a=4, b=3, c=2, d=1, e=1)
    assert list(counts) == ["a", "b", "c", "d", "e"]


@pytest.mark.parametrize("rare_th, expected", [(1, (5, 0)), (2, (5, 2)), (3, (5, 3)),
                                               (4, (5, 4)), (5, (5, 5))])
def test_set_rare_vocab_counts_words_below_threshold(rare_th, expected):
    assert pp.set_rare_vocab(pp.count_words(DOCS), rare_th) == expected


def test_set_rare_vocab_report_prints(capsys):
    pp.set_rare_vocab(pp.count_words(DOCS), 3, report=True)
    assert "3" in capsys.readouterr().out


def test_build_vocab_frequency_order_and_ties_first_seen():
    counts = Counter({"x": 2, "y": 5, "z": 2, "w": 1, "v": 5})
    assert pp.build_vocab(counts, 2) == ["y", "v", "x", "z"]
    assert pp.build_vocab(counts, 1) == ["y", "v", "x", "z", "w"]
    # 강의 방식(빈도순 정렬 후 총 단어 수 - 희소 단어 수만큼 자르기)과 같습니다.
    total, rare = pp.set_rare_vocab(counts, 2)
    lecture = sorted(counts, key=counts.get, reverse=True)[:total - rare]
    assert pp.build_vocab(counts, 2) == lecture


def test_word_to_idx_pad_unk_and_encoding():
    vocab = pp.build_vocab(pp.count_words(DOCS), 2)  # a, b, c
    w2i, i2w = pp.set_word_to_idx(pp.SPECIAL_TOKENS, vocab)
    assert w2i == {"<PAD>": 0, "<UNK>": 1, "a": 2, "b": 3, "c": 4}
    assert i2w == {0: "<PAD>", 1: "<UNK>", 2: "a", 3: "b", 4: "c"}
    assert (pp.PAD_IDX, pp.UNK_IDX) == (0, 1)
    seqs = pp.text_to_sequences(DOCS + [[]], w2i)
    assert seqs == [[2, 3, 2, 4], [3, 2, 1], [1, 4, 2], [3], []]
    assert pp.sequences_to_text(seqs[:3], i2w) == [
        ["a", "b", "a", "c"], ["b", "a", "<UNK>"], ["<UNK>", "c", "a"]]


def test_word_to_idx_rejects_duplicates():
    with pytest.raises(pp.NlpPPError, match="overlap"):
        pp.set_word_to_idx(pp.SPECIAL_TOKENS, ["a", "<PAD>"])


def test_set_sent_pad_stats():
    seqs = [[1] * n for n in (2, 4, 6, 8, 10)]
    stats = pp.set_sent_pad(seqs, 6)
    assert stats == {"mean": 6.0, "median": 6.0, "max": 10, "min": 2,
                     "share_within": 0.6, "n_docs": 5, "context_length": 6}


def test_set_sent_pad_plot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    pp.set_sent_pad([[1] * n for n in (1, 5, 9)], 4, plot=True)
    assert plt.gcf().axes
    plt.close("all")


SEQS = [[1, 2, 3], [4], [], [5, 6, 7, 8, 9]]


def test_pad_post_by_hand():
    expected = [[1, 2, 3, 0], [4, 0, 0, 0], [0, 0, 0, 0], [5, 6, 7, 8]]
    out = pp.pad_seq_x(SEQS, 4)
    assert out.dtype == np.int64 and out.shape == (4, 4)
    assert out.tolist() == expected


def test_pad_pre_keeps_first_tokens_too():
    expected = [[0, 1, 2, 3], [0, 0, 0, 4], [0, 0, 0, 0], [5, 6, 7, 8]]
    assert pp.pad_seq_x(SEQS, 4, padding="pre").tolist() == expected


def test_pad_truncates_to_first_tokens():
    assert pp.pad_seq_x(SEQS, 2).tolist() == [[1, 2], [4, 0], [0, 0], [5, 6]]
    assert pp.pad_seq_x(SEQS, 2, padding="pre").tolist() == [[1, 2], [0, 4], [0, 0],
                                                               [5, 6]]


def test_pad_matches_a_plain_loop():
    rng = np.random.default_rng(0)
    seqs = [rng.integers(1, 50, rng.integers(0, 40)).tolist() for _ in range(300)]
    for padding in ("post", "pre"):
        rows = []
        for s in seqs:
            s = s[:25]
            pad = [0] * (25 - len(s))
            rows.append(s + pad if padding == "post" else pad + s)
        assert pp.pad_seq_x(seqs, 25, padding=padding).tolist() == rows


def test_pad_rejects_unknown_mode():
    with pytest.raises(pp.NlpPPError):
        pp.pad_seq_x(SEQS, 4, padding="middle")


def _labels(n=400):
    return np.array([1] * (n // 4) + [0] * (n - n // 4))


def test_split_data_sizes_stratified_and_seeded():
    y = _labels()
    x = [[i] for i in range(len(y))]
    parts = pp.split_data(x, y, seed=7)
    x_tr, x_va, x_te, y_tr, y_va, y_te = parts
    assert (len(x_tr), len(x_va), len(x_te)) == (300, 80, 20)
    assert (y_tr.mean(), y_va.mean(), y_te.mean()) == (0.25, 0.25, 0.25)
    ids = sorted(i for part in (x_tr, x_va, x_te) for [i] in part)
    assert ids == list(range(len(y)))
    again = pp.split_data(x, y, seed=7)
    assert again[0] == x_tr and again[2] == x_te
    assert pp.split_data(x, y, seed=8)[0] != x_tr


def _loader(split, seed=42, lengths=None):
    x = np.arange(50 * 3).reshape(50, 3)
    y = np.arange(50) % 2
    return pp.set_dataloader(x, y, 8, split, seed=seed, lengths=lengths)


def _order(loader):
    return torch.cat([xb[:, 0] for xb, _ in loader]).div(3).long().tolist()


def test_dataloader_shapes_and_dtypes():
    xb, yb = next(iter(_loader("val")))
    assert xb.shape == (8, 3) and yb.shape == (8,)
    assert xb.dtype == torch.long and yb.dtype == torch.long
    xb, yb, lb = next(iter(_loader("test", lengths=np.arange(50))))
    assert lb.tolist() == list(range(8))


def test_only_train_shuffles_and_it_is_seeded():
    assert _order(_loader("검증")) == list(range(50))
    assert _order(_loader("평가")) == list(range(50))
    train = _loader("훈련")
    first, second = _order(train), _order(train)
    assert first != list(range(50)) and sorted(first) == list(range(50))
    assert first != second  # 에포크마다 다른 순서
    again = _loader("train")
    assert [_order(again), _order(again)] == [first, second]  # 같은 seed, 같은 순서
    assert _order(_loader("train", seed=1)) != first


def test_dataloader_rejects_unknown_split():
    with pytest.raises(pp.NlpPPError, match="split"):
        _loader("dev")
