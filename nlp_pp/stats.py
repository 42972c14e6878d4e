"""The course's one yardstick for "higher", "lower", "similar" and "learned".

Every verdict of the book (``nlp_pp.verdicts``) and every exercise check that calls
two accuracies different, or an accuracy above the majority rate, measures with these
functions, so the book teaches one rule and applies it everywhere:

- an accuracy ``p`` on ``n`` test messages has the standard error SE = √(p(1−p)/n);
- two accuracies measured on *independent* samples differ by chance with the standard
  error √2·SE; a gap counts only when it is larger than twice that, 2·√2·SE
  (:func:`gap_noise`);
- two models scored on the *same* test messages are compared message by message
  (McNemar's test, :func:`paired`): only the messages that exactly one model gets
  right carry the gap. If the models were equally good, those b + c messages would
  split like coin flips, so the gap b − c has the standard error √(b + c) messages,
  and it counts when it is larger than twice that. When the two models tend to be
  right and wrong on the same messages (they usually do), this is narrower than the
  independent yardstick, which is then an upper bound;
- a difference between two single training runs also carries the seeds' chance:
  ``seed_std`` adds √2·σ (σ: the spread of one run over seeds) to the standard error;
- an accuracy counts as learned when it is above the majority rate by
  :func:`majority_margin`;
- per-seed values get their spread and the standard error of their mean
  (:func:`seed_spread`) and a t-interval (:func:`seed_interval`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

__all__ = [
    "HIGHER",
    "LOWER",
    "MAJORITY_MARGIN",
    "SIMILAR",
    "Comparison",
    "Z",
    "accuracy_se",
    "compare",
    "gap_noise",
    "hits",
    "learned",
    "majority_margin",
    "paired",
    "relation",
    "seed_interval",
    "seed_spread",
    "standing",
]

Z = 2.0  # "about twice the standard error": the book's rule for a difference
HIGHER, SIMILAR, LOWER = "higher", "similar", "lower"

# 다수 클래스 비율보다 적어도 이만큼(5 %p) 높아야 "학습했다"고 말합니다.
# 테스트 메시지 수를 알면 이항 표준오차의 두 배가 더 클 때 그것을 쓰고, 다수 클래스
# 비율이 아주 높을 때(95 % 이상 등)는 100 %까지 남은 거리의 절반을 넘지 않게 줄입니다.
MAJORITY_MARGIN = 0.05


def accuracy_se(acc: float, n: int) -> float:
    """Return the binomial standard error of an accuracy on `n` messages."""
    p = min(max(float(acc), 0.0), 1.0)
    return math.sqrt(p * (1 - p) / max(int(n), 1))


def majority_margin(majority: float, n_test: int | None = None) -> float:
    """Return how far above the majority rate an accuracy must be to count as learned.

    5 %p, or twice the binomial standard error of an accuracy near the majority rate
    on `n_test` messages when that is larger, but never more than half the distance
    to 100 %, so that a run can pass even when the majority rate is 95 % or more.
    """
    if not 0.0 <= majority <= 1.0:
        raise ValueError(f"다수 클래스 비율은 0과 1 사이여야 합니다 / majority rate must "
                         f"be in [0, 1]: {majority}")
    margin = MAJORITY_MARGIN
    if n_test:
        margin = max(margin, Z * accuracy_se(majority, n_test))
    return min(margin, (1 - majority) / 2)


def learned(acc: float, majority: float, n_test: int | None = None) -> bool:
    """Return True if `acc` is clearly above the majority-class rate."""
    return acc > majority + majority_margin(majority, n_test)


def standing(acc: float, majority: float, n_test: int | None = None) -> str:
    """Return "above", "near" or "below" the majority rate (by the same margin)."""
    margin = majority_margin(majority, n_test)
    if acc > majority + margin:
        return "above"
    return "near" if acc >= majority - margin else "below"


def gap_noise(acc_a: float, acc_b: float, n: int) -> float:
    """Return 2·√2·SE: the largest gap two independent accuracies show by chance.

    SE is the standard error of one accuracy at the mean of the two; the result is at
    least one message (1/n): a one-message gap is never a difference.
    """
    se = accuracy_se((acc_a + acc_b) / 2, n)
    return max(Z * math.sqrt(2) * se, 1 / max(int(n), 1))


def relation(gap: float, noise: float) -> str:
    """Return HIGHER, LOWER or SIMILAR for a gap against the noise it must exceed."""
    if gap > noise + 1e-12:
        return HIGHER
    if gap < -noise - 1e-12:
        return LOWER
    return SIMILAR


@dataclass(frozen=True)
class Comparison:
    """Accuracy A against accuracy B on the same `n` test messages.

    ``only_a`` / ``only_b``: the messages only A / only B gets right (paired kind), or
    None when only the two accuracies are known (independent kind). ``seed_std``: the
    spread of one run over seeds, when the gap is between two single runs.
    """

    acc_a: float
    acc_b: float
    n: int
    only_a: int | None = None
    only_b: int | None = None
    seed_std: float = 0.0

    @property
    def kind(self) -> str:
        """Return "paired" (message by message) or "independent"."""
        return "independent" if self.only_a is None else "paired"

    @property
    def gap(self) -> float:
        """Return acc_a − acc_b."""
        return self.acc_a - self.acc_b

    @property
    def gap_msgs(self) -> int:
        """Return the gap in test messages (unsigned)."""
        return abs(round(self.gap * self.n))

    @property
    def test_se(self) -> float:
        """Return the standard error of the gap from the test messages alone."""
        if self.kind == "paired":
            return math.sqrt(self.only_a + self.only_b) / self.n
        return math.sqrt(2) * accuracy_se((self.acc_a + self.acc_b) / 2, self.n)

    @property
    def noise(self) -> float:
        """Return the yardstick: twice the standard error of the gap (seeds included)."""
        seed_var = 2 * float(self.seed_std) ** 2 if math.isfinite(self.seed_std) else 0.0
        noise = Z * math.sqrt(self.test_se ** 2 + seed_var)
        if self.kind == "independent":
            noise = max(noise, 1 / self.n)  # 한 통의 차이는 차이가 아닙니다
        return noise

    @property
    def noise_msgs(self) -> float:
        """Return the yardstick in test messages."""
        return self.noise * self.n

    @property
    def independent_noise(self) -> float:
        """Return the independent yardstick 2·√2·SE for the same two accuracies."""
        return gap_noise(self.acc_a, self.acc_b, self.n)

    @property
    def verdict(self) -> str:
        """Return HIGHER (A above B), LOWER or SIMILAR."""
        return relation(self.gap, self.noise)


def paired(correct_a, correct_b, seed_std: float = 0.0) -> Comparison:
    """Compare two models message by message (McNemar) from their per-message hits."""
    a = np.asarray(correct_a, dtype=bool)
    b = np.asarray(correct_b, dtype=bool)
    if a.shape != b.shape or a.ndim != 1 or not len(a):
        raise ValueError("두 모델의 맞힘 배열은 같은 길이의 1차원이어야 합니다 / the two "
                         f"hit arrays must be 1-D of one length: {a.shape}, {b.shape}")
    return Comparison(float(a.mean()), float(b.mean()), len(a),
                      int((a & ~b).sum()), int((~a & b).sum()), seed_std)


def compare(acc_a: float, acc_b: float, n: int, correct_a=None, correct_b=None,
            seed_std: float = 0.0) -> Comparison:
    """Compare two test accuracies: paired when both per-message hits are given."""
    if correct_a is not None and correct_b is not None:
        return paired(correct_a, correct_b, seed_std)
    return Comparison(float(acc_a), float(acc_b), int(n), seed_std=seed_std)


def hits(result, labels) -> np.ndarray | None:
    """Return which test messages a run got right (None if it kept no predictions)."""
    pred = getattr(result, "test_pred", None)
    if pred is None:
        return None
    pred, labels = np.asarray(pred), np.asarray(labels)
    if pred.shape != labels.shape:
        return None
    return pred == labels


# t 분포의 97.5 % 분위수 (자유도 1~10). 시드 몇 개의 평균에 95 % 구간을 붙일 때 씁니다.
_T975 = {1: 12.71, 2: 4.30, 3: 3.18, 4: 2.78, 5: 2.57, 6: 2.45, 7: 2.36, 8: 2.31,
         9: 2.26, 10: 2.23}


def seed_spread(values) -> tuple[float, float]:
    """Return (standard deviation over seeds, standard error of their mean).

    The standard deviation (ddof 1) is one run's spread; the standard error of the
    mean is that over √n. One seed has no spread: (0, 0).
    """
    xs = np.asarray(list(values), dtype=float)
    std = float(xs.std(ddof=1)) if len(xs) > 1 else 0.0
    return std, std / math.sqrt(max(len(xs), 1))


def seed_interval(values) -> tuple[float, float]:
    """Return (mean, half-width of the 95 % t-interval) of per-seed values (n >= 2)."""
    xs = [float(x) for x in values]
    n = len(xs)
    if n < 2:
        raise ValueError("seed_interval needs at least two seeds / 시드가 두 개 이상 "
                         "있어야 구간을 잽니다")
    t = _T975.get(n - 1, 1.96 + 2.5 / (n - 1))
    return sum(xs) / n, t * seed_spread(xs)[1]
