"""Training loop, history, batching and an end-to-end learning check."""

import numpy as np
import pytest
import torch

import nlp_pp as pp


def test_tensor_batches_cover_everything_and_shuffle_only_when_asked():
    x, y = torch.arange(10).reshape(10, 1), torch.arange(10)
    fixed = pp.TensorBatches(x, y, 4)
    assert len(fixed) == 3
    assert torch.equal(torch.cat([b[1] for b in fixed]), y)
    shuffled = pp.TensorBatches(x, y, 4, shuffle=True, seed=0)
    first, second = [torch.cat([b[1] for b in shuffled]) for _ in range(2)]
    assert sorted(first.tolist()) == list(range(10))
    assert not torch.equal(first, y) and not torch.equal(first, second)
    again = torch.cat([b[1] for b in pp.TensorBatches(x, y, 4, shuffle=True, seed=0)])
    assert torch.equal(first, again)


def test_lengths_travel_with_the_batch():
    batches = pp.TensorBatches(torch.zeros(5, 3, dtype=torch.long), torch.zeros(5),
                               2, lengths=np.array([1, 2, 3, 1, 2]))
    assert [b[2].tolist() for b in batches] == [[1, 2], [3, 1], [2]]


def test_settings_modes_and_overrides(monkeypatch):
    monkeypatch.setenv("NLP_PP_MODE", "full")
    full = pp.get_config()
    assert (full.context_length, full.batch_size, full.epochs, full.lr) == \
        (330, 256, 8, 1e-3)
    assert full.gate_bias == 0.0 and full.n_docs is None
    assert pp.get_config("quick", epochs=1).epochs == 1
    monkeypatch.setenv("NLP_PP_MODE", "fast")
    with pytest.raises(ValueError, match="quick"):
        pp.get_config()


def korean_toy_set(n, seed):
    """Spam-like vs chat-like token sequences, padded to 40."""
    rng = np.random.default_rng(seed)
    spam = ["무료", "대출", "당첨", "광고", "클릭", "수신거부"]
    chat = ["오늘", "밥", "먹었", "어", "내일", "보자"]
    shared = ["그리고", "정말", "지금", "우리", "좀", "이거"]
    docs, labels = [], []
    for i in range(n):
        label = i % 2
        words = (spam if label else chat)[:]
        length = rng.integers(5, 15)
        docs.append(list(rng.choice(words + shared, size=length)))
        labels.append(label)
    return docs, np.array(labels)


def test_tiny_lstm_learns_a_separable_korean_set():
    pp.set_seed(0)
    docs, y = korean_toy_set(400, seed=1)
    w2i, _ = pp.set_word_to_idx(pp.SPECIAL_TOKENS,
                                pp.build_vocab(pp.count_words(docs), 1))
    x = pp.pad_seq_x(pp.text_to_sequences(docs, w2i), 40)
    train = pp.TensorBatches(x[:300], y[:300], 32, shuffle=True)
    val = pp.TensorBatches(x[300:], y[300:], 100)
    model = pp.SimpleLSTM(len(w2i), 16, 2, 16, gate_bias=1.0)
    trainer = pp.Trainer(model, torch.optim.Adam(model.parameters(), lr=1e-2))
    history = trainer.fit(train, val, epochs=6, progress=False)
    assert history.epochs == 6 and len(history.val_acc) == 6
    assert history.val_acc[-1] > 0.9  # 우연(0.5)보다 훨씬 높아야 합니다
    assert history.train_loss[-1] < history.train_loss[0]
    assert all(s > 0 for s in history.seconds)
