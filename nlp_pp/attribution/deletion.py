"""The deletion test: does removing the top tokens by evidence matter more than chance?

``deletion_curves`` removes the top-k tokens by score and k random tokens and
measures how far the probability of the target class falls; ``deletion_summary``
averages that per class and k; ``deletion_verdict`` says it in a sentence per class.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import NlpPPError
from ..korean import pp_diff
from ..stats import HIGHER, LOWER, SIMILAR, Z, relation

FLOOR = 0.005  # 잣대의 하한 (0.5 %p)

KS = (1, 2, 3, 4, 5)
ATTR, RANDOM = "기여도 순", "무작위"


def _delete(seq, drop) -> list:
    """Return seq without the positions in `drop`."""
    gone = {int(d) for d in drop}
    return [tok for j, tok in enumerate(seq) if j not in gone]


def deletion_curves(predict, seqs, scores, targets, *, ks=KS, n_random: int = 5,
                    seed: int = 0) -> pd.DataFrame:
    """Return the drop in p(target) after deleting k tokens: top-k by score, or random.

    One row per (message, method, draw, k); `seqs` hold tokens only (no <PAD>),
    `scores[m]` one value per token of message m. Random draws are seeded.
    """
    rng = np.random.default_rng(seed)
    variants, rows = [], []
    for m, (seq, score, target) in enumerate(zip(seqs, scores, targets)):
        if len(seq) != len(score):
            raise NlpPPError(
                f"메시지 {m}의 토큰 {len(seq)}개와 점수 {len(score)}개의 수가 다릅니다.",
                f"Message {m} has {len(seq)} tokens but {len(score)} scores.")
        order = np.argsort(-np.asarray(score), kind="stable")
        draws = [rng.permutation(len(seq)) for _ in range(n_random)]
        variants.append(seq)
        rows.append((m, target, "원문", 0, 0))
        for k in ks:
            for method, draw, perm in [(ATTR, 0, order)] + [
                    (RANDOM, r, d) for r, d in enumerate(draws)]:
                variants.append(_delete(seq, perm[:k]))
                rows.append((m, target, method, draw, k))
    frame = pd.DataFrame(rows, columns=["message", "target", "method", "draw", "k"])
    frame["p"] = predict(variants)[np.arange(len(frame)), frame["target"]]
    full = frame[frame["method"] == "원문"].set_index("message")["p"]
    frame = frame[frame["method"] != "원문"].reset_index(drop=True)
    frame["drop"] = frame["message"].map(full) - frame["p"]
    return frame


def deletion_summary(curves: pd.DataFrame, classes) -> pd.DataFrame:
    """Return per class and k: mean drop by score, mean random drop, spread of draws.

    "무작위 흔들림" is the standard deviation over draws of the class-mean drop.
    """
    per_draw = (curves.groupby(["target", "method", "draw", "k"])["drop"].mean()
                .reset_index())
    attr = per_draw[per_draw["method"] == ATTR].set_index(["target", "k"])["drop"]
    rand = per_draw[per_draw["method"] == RANDOM].groupby(["target", "k"])["drop"]
    out = pd.DataFrame({ATTR: attr, RANDOM: rand.mean(),
                        "무작위 흔들림": rand.std(ddof=1).fillna(0.0)})
    out["메시지 수"] = curves.groupby(["target", "k"])["message"].nunique()
    out.index = out.index.set_levels(
        [classes[int(t)] for t in out.index.levels[0]], level=0)
    return out.rename_axis(["클래스", "k"])


def deletion_yardstick(summary: pd.DataFrame) -> pd.Series:
    """Return the yardstick at each k: twice the random draws' spread, >= 0.5 %p."""
    return np.maximum(Z * summary["무작위 흔들림"], FLOOR)


def _relations(summary: pd.DataFrame) -> dict:
    """Return {k: HIGHER / SIMILAR / LOWER} of the score curve against random."""
    noise = deletion_yardstick(summary)
    gap = summary[ATTR] - summary[RANDOM]
    return {int(k): relation(g, n) for k, g, n in zip(summary.index, gap, noise)}


def _pp(x: float) -> str:
    """Return a probability change in %p with one decimal ("-0.0" shows as "0.0")."""
    return pp_diff(abs(x) if round(x * 100, 1) >= 0 else x, sign=False)


def _ks(ks: list) -> str:
    return "k = " + ", ".join(map(str, ks))


def _mixed_tail(higher: list, similar: list, lower: list) -> str:
    """Return the verdict's end when the score beats random at some k only."""
    rest = [f"{_ks(similar)}에서는 무작위와 가를 수 없었" if similar else "",
            f"{_ks(lower)}에서는 오히려 무작위 쪽이 더 떨어뜨렸" if lower else ""]
    rest = "고 ".join(r for r in rest if r)
    return (f"{_ks(higher)}에서는 기여도가 고른 토큰이 무작위보다 확률을 뚜렷이 더 "
            f"떨어뜨렸지만, {rest}습니다. 이 기여도가 중요한 토큰을 골랐다고 말할 수 "
            f"있는 것은 {_ks(higher)}에서뿐입니다")


def deletion_verdict(name: str, summary: pd.DataFrame) -> str:
    """Return one sentence per class: do top-k tokens matter more than random ones?

    `summary` is deletion_summary's frame; the yardstick at each k is twice the
    spread of the random draws (at least 0.5 %p).
    """
    parts = []
    for cls, part in summary.groupby(level=0, sort=False):
        part = part.droplevel(0)
        rel = _relations(part)
        ks = sorted(rel)
        lo, hi = ks[0], ks[-1]
        spread = float(deletion_yardstick(part).max())
        head = (f"{name}의 {cls} 메시지에서 기여도가 큰 토큰을 {lo}개 지우면 정답 "
                f"클래스의 확률이 평균 {_pp(part.loc[lo, ATTR])}, {hi}개 지우면 "
                f"{_pp(part.loc[hi, ATTR])} 떨어졌고, 같은 수를 무작위로 지우면 "
                f"{_pp(part.loc[lo, RANDOM])}, {_pp(part.loc[hi, RANDOM])} 떨어졌습니다"
                f"(잣대: k마다 무작위 추첨 사이 흔들림의 두 배, 적어도 {_pp(FLOOR)}; "
                f"가장 큰 잣대 {_pp(spread)})")
        higher = [k for k in ks if rel[k] == HIGHER]
        lower = [k for k in ks if rel[k] == LOWER]
        if len(higher) == len(ks):
            tail = ("모든 k에서 기여도가 고른 토큰이 무작위보다 확률을 더 떨어뜨렸으니, "
                    "이 기여도는 결정에 실제로 중요한 토큰을 골랐습니다")
        elif not higher and not lower:
            tail = ("어느 k에서도 무작위와 가를 수 없었으니, 이 기여도가 중요한 토큰을 "
                    "골랐다고 말할 수 없습니다")
        elif not higher:
            tail = (f"{_ks(lower)}에서는 오히려 무작위 쪽이 더 "
                    "떨어뜨렸으니, 이 기여도는 중요한 토큰을 고르지 못했습니다")
        else:
            tail = _mixed_tail(higher, [k for k in ks if rel[k] == SIMILAR], lower)
        parts.append(f"{head}. {tail}")
    return ". ".join(parts)
