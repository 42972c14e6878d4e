"""The one yardstick (nlp_pp.stats): every "higher / lower / similar" in the book.

The numbers are worked by hand: a difference of two independent accuracies is judged
by 2·√2·SE, two models on the same test messages by McNemar's discordant messages
(2·√(b + c) messages), and both yardsticks are used by the verdicts and the checks.
"""

import math

import numpy as np
import pytest
import torch
from torch import nn

import nlp_pp as pp
from nlp_pp import stats
from nlp_pp.exercises import _shared, ch6, ch7


def hits(n, only_a, only_b, both):
    """Return per-message hits of A and B: only A right, only B right, both right."""
    a = np.zeros(n, bool)
    b = np.zeros(n, bool)
    a[:only_a] = True
    b[only_a:only_a + only_b] = True
    a[only_a + only_b:only_a + only_b + both] = True
    b[only_a + only_b:only_a + only_b + both] = True
    return a, b


def test_the_independent_yardstick_is_two_root_two_standard_errors():
    se = math.sqrt(0.9 * 0.1 / 150)
    assert stats.accuracy_se(0.9, 150) == pytest.approx(se)
    assert stats.gap_noise(0.92, 0.88, 150) == pytest.approx(2 * math.sqrt(2) * se)
    # 한 통의 차이는 잣대 안입니다 (정확도가 100 %에 붙어 SE가 0이어도)
    assert stats.gap_noise(1.0, 1.0, 150) == pytest.approx(1 / 150)
    c = stats.compare(0.9, 0.9 - 4 / 150, 150)  # 4통 차이: 약 7통 잣대 안
    assert c.kind == "independent" and c.verdict == stats.SIMILAR
    assert c.gap_msgs == 4 and c.noise == pytest.approx(c.independent_noise)
    assert stats.compare(0.95, 0.80, 150).verdict == stats.HIGHER
    assert stats.compare(0.80, 0.95, 150).verdict == stats.LOWER


def test_paired_comparison_counts_the_discordant_messages():
    a, b = hits(150, 7, 1, 130)
    c = stats.paired(a, b)
    assert (c.kind, c.n, c.only_a, c.only_b) == ("paired", 150, 7, 1)
    assert c.gap == pytest.approx(6 / 150) and c.gap_msgs == 6
    assert c.test_se == pytest.approx(math.sqrt(8) / 150)
    assert c.noise_msgs == pytest.approx(2 * math.sqrt(8))  # 5.66통 < 6통
    assert c.verdict == stats.HIGHER
    assert stats.paired(b, a).verdict == stats.LOWER
    # 같은 6통 차이라도 한쪽만 맞힌 메시지가 양쪽에 많으면(16 대 10) 우연입니다
    assert stats.paired(*hits(150, 16, 10, 110)).verdict == stats.SIMILAR
    # 4통 대 0통: 2·√4 = 4통, 잣대와 같으면 차이라고 하지 않습니다
    assert stats.paired(*hits(150, 4, 0, 130)).verdict == stats.SIMILAR
    with pytest.raises(ValueError):
        stats.paired([True, False], [True])


@pytest.mark.parametrize("seed", range(5))
def test_paired_is_narrower_when_the_models_err_together(seed):
    # 두 모델이 같은 메시지에서 함께 틀리는 경향이 있으면 짝지은 잣대가 더 좁고,
    # 독립을 가정한 2·√2·SE는 그 위쪽 한계입니다
    rng = np.random.default_rng(seed)
    hard = rng.random(300) < 0.15  # 어려운 메시지: 둘 다 자주 틀립니다
    a = np.where(hard, rng.random(300) < 0.3, rng.random(300) < 0.97)
    b = np.where(hard, rng.random(300) < 0.3, rng.random(300) < 0.97)
    c = stats.paired(a, b)
    assert c.noise < c.independent_noise


def test_seed_spread_widens_the_yardstick_of_two_single_runs():
    a, b = hits(150, 9, 0, 130)
    assert stats.paired(a, b).verdict == stats.HIGHER  # 9통 > 6통
    wide = stats.paired(a, b, seed_std=0.03)
    assert wide.noise == pytest.approx(2 * math.sqrt((3 / 150) ** 2 + 2 * 0.03 ** 2))
    assert wide.verdict == stats.SIMILAR
    assert stats.paired(a, b, seed_std=float("nan")).noise == stats.paired(a, b).noise


def test_hits_reads_a_results_predictions():
    class Run:
        test_pred = np.array([1, 0, 1])
    assert stats.hits(Run(), [1, 1, 1]).tolist() == [True, False, True]
    assert stats.hits(object(), [1, 1]) is None
    assert stats.hits(Run(), [1, 1]) is None  # 다른 메시지의 예측은 짝짓지 않습니다


def test_one_place_for_every_yardstick():
    # verdicts와 연습 문제는 같은 함수를 씁니다 (따로 정의한 표준오차가 없습니다)
    assert pp.verdicts.majority_margin is stats.majority_margin
    assert pp.verdicts.learned is stats.learned
    assert pp.verdicts.seed_interval is stats.seed_interval
    assert not hasattr(_shared, "acc_tolerance")
    assert ch6.stats is stats and ch7.stats is stats
    assert _shared.relation(stats.compare(0.9, 0.5, 100)) == _shared.HIGHER


def test_predictions_come_back_in_the_data_order():
    class FirstToken(nn.Module):
        """Predict the class written in the first token (3 classes)."""

        def forward(self, x, lengths=None):
            return nn.functional.one_hot(x[:, 0] % 3, 3).float()

    rng = np.random.default_rng(0)
    n, width = 50, 12
    lengths = rng.integers(1, width + 1, n)
    x = np.zeros((n, width), dtype=np.int64)
    for i, length in enumerate(lengths):
        x[i, :length] = rng.integers(2, 30, length)
    y = np.arange(n)
    trainer = pp.Trainer(FirstToken(), None, device="cpu")
    for bucket in (False, True):
        loader = pp.TensorBatches(x, y, 8, lengths=lengths, device="cpu",
                                  bucket=bucket, pool=4)
        order = loader.order()
        assert torch.cat([b[1] for b in loader]).tolist() == order.tolist()
        assert trainer.predict(loader).tolist() == (x[:, 0] % 3).tolist()
    shuffled = pp.TensorBatches(x, y, 8, shuffle=True, seed=1, device="cpu")
    order = shuffled.order()  # 다음 한 바퀴의 순서이고, 난수를 쓰지 않습니다
    assert torch.cat([b[1] for b in shuffled]).tolist() == order.tolist()
