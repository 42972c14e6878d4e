"""Figures with Hangul labels (koreanize-matplotlib; no hard-coded font family)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np

from .attribution.deletion import ATTR, RANDOM, deletion_yardstick

_FONT_READY = False


def use_korean_font() -> None:
    """Make matplotlib draw Hangul (koreanize-matplotlib) and a proper minus sign."""
    global _FONT_READY
    if not _FONT_READY:
        import koreanize_matplotlib  # noqa: F401  (가져오기만 해도 한글 글꼴이 설정됩니다)

        plt.rcParams["axes.unicode_minus"] = False
        _FONT_READY = True


def plot_length_hist(lengths, context_length: int, ax=None, bins: int = 60):
    """Draw the token-length histogram with the context length marked; return the axes."""
    use_korean_font()
    ax = ax or plt.subplots(figsize=(8, 3.5))[1]
    lengths = np.asarray(lengths)
    ax.hist(lengths, bins=bins, color="tab:blue", alpha=0.8)
    share = (lengths <= context_length).mean()
    ax.axvline(context_length, color="tab:red", linestyle="--",
               label=f"context_length = {context_length} (문서의 {share:.1%}가 이 길이 이하)")
    ax.axvline(lengths.mean(), color="black", linestyle=":",
               label=f"평균 길이 = {lengths.mean():.1f}")
    ax.set(xlabel="문서당 토큰 수", ylabel="문서 수", title="문서 길이 분포")
    ax.legend()
    return ax


def _curves(ax, hist, metric: str, title: str):
    """Draw train and val curves of one metric ("loss" or "acc") on `ax`."""
    epochs = np.arange(1, len(hist.seconds) + 1)
    name = "손실" if metric == "loss" else "정확도"
    ax.plot(epochs, getattr(hist, f"train_{metric}"), "o-", label=f"훈련 {name}")
    ax.plot(epochs, getattr(hist, f"val_{metric}"), "s--", label=f"검증 {name}")
    ax.set(title=title, xlabel="에포크", ylabel=name)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.legend(fontsize=8)


def plot_history_grid(histories: dict, figsize=None):
    """Draw loss and accuracy per condition, two conditions a row; return the figure."""
    use_korean_font()
    rows = max(1, -(-len(histories) // 2))
    fig, axes = plt.subplots(rows, 4, figsize=figsize or (14, 3.7 * rows),
                             squeeze=False)
    pairs = axes.reshape(-1, 2)
    for ax_pair, (key, hist) in zip(pairs, histories.items()):
        _curves(ax_pair[0], hist, "loss", f"{key} 손실")
        _curves(ax_pair[1], hist, "acc", f"{key} 정확도")
    for ax_pair in pairs[len(histories):]:  # 조건 수가 홀수면 남는 칸을 숨깁니다
        for ax in ax_pair:
            ax.set_visible(False)
    fig.tight_layout()
    return fig


def plot_comparison(histories: dict, figsize=(12, 5)):
    """Draw val loss and val accuracy of every condition side by side; return the figure."""
    use_korean_font()
    fig, (ax_loss, ax_acc) = plt.subplots(1, 2, figsize=figsize)
    for key, hist in histories.items():
        epochs = np.arange(1, len(hist.seconds) + 1)
        style = "--" if "사전" in key else "-"
        ax_loss.plot(epochs, hist.val_loss, style, marker="o", label=key)
        ax_acc.plot(epochs, hist.val_acc, style, marker="o", label=key)
    ax_loss.set(title="조건별 검증 손실", xlabel="에포크", ylabel="손실")
    ax_acc.set(title="조건별 검증 정확도", xlabel="에포크", ylabel="정확도")
    for ax in (ax_loss, ax_acc):
        ax.xaxis.get_major_locator().set_params(integer=True)
    ax_acc.legend(fontsize=9, loc="lower right")
    fig.tight_layout()
    return fig


def _strip_ranges(strips: dict) -> dict:
    """Return {gate column: (low, high)} over every strip, for one colour scale a row."""
    frames = [f for setups in strips.values() for f in setups.values()]
    cols = dict.fromkeys(c for f in frames for c in f.columns[3:])
    return {c: (min(f[c].min() for f in frames if c in f),
                max(f[c].max() for f in frames if c in f)) for c in cols}


def _draw_strip(ax, frame, ranges, title: str):
    """Draw one message's gates as rows of coloured cells, one column per position."""
    gates = list(frame.columns[3:])
    # 행마다 모든 띠에 걸친 최솟값~최댓값을 0~1로 펴서 같은 게이트끼리 색을 비교합니다
    cells = np.stack([(frame[g] - ranges[g][0]) / max(np.ptp(ranges[g]), 1e-12)
                      for g in gates])
    ax.imshow(cells, aspect="auto", cmap="viridis", vmin=0, vmax=1,
              interpolation="nearest")
    ax.set_yticks(range(len(gates)),
                  [f"{g} ({ranges[g][0]:.3f}–{ranges[g][1]:.3f})" for g in gates],
                  fontsize=8)
    ax.set_xticks(range(len(frame)), frame["label"], rotation=45, ha="right",
                  rotation_mode="anchor", fontsize=8)
    for tick, kind in zip(ax.get_xticklabels(), frame["kind"]):
        tick.set_color("gray" if kind == "패딩" else "black")
    change = np.flatnonzero(frame["kind"].to_numpy()[1:] != frame["kind"].to_numpy()[:-1])
    for c in change:  # 토큰과 패딩의 경계
        ax.axvline(c + 0.5, color="white", linewidth=2)
    ax.set_title(title, fontsize=9, loc="left")


def plot_gate_strips(strips: dict, figsize=None):
    """Draw {message: {setup: gate_strip frame}} as stacked strips; return the figure.

    Each row's colours span that gate's range over all strips (written beside it);
    grey labels are pads (P40: the 40th pad), shown evenly spaced.
    """
    use_korean_font()
    panels = [(f"{msg} · {setup}", frame) for msg, setups in strips.items()
              for setup, frame in setups.items()]
    heights = [len(frame.columns) - 3 for _, frame in panels]
    fig, axes = plt.subplots(
        len(panels), 1, squeeze=False, gridspec_kw={"height_ratios": heights},
        figsize=figsize or (9.5, 0.5 * sum(heights) + 1.1 * len(panels)))
    ranges = _strip_ranges(strips)
    for ax, (title, frame) in zip(axes[:, 0], panels):
        _draw_strip(ax, frame, ranges, title)
    fig.tight_layout()
    return fig


def plot_deletion_curves(summaries: dict, figsize=None):
    """Draw the deletion test: {model: deletion_summary frame}, one panel per class.

    Solid: top-k tokens by evidence; dashed with a band: k random tokens (mean and
    the verdict's yardstick: twice the spread
    of the draws, at least 0.5 %p). The y axis is the drop in the target's probability.
    """
    use_korean_font()
    classes = list(next(iter(summaries.values())).index.get_level_values(0).unique())
    fig, axes = plt.subplots(len(summaries), len(classes), squeeze=False,
                             sharex=True, figsize=figsize or (11, 3.3 * len(summaries)))
    for row, (model, summary) in zip(axes, summaries.items()):
        for ax, cls in zip(row, classes):
            part = summary.loc[cls]
            k = part.index.to_numpy()
            ax.plot(k, part[ATTR] * 100, "o-", label="기여도가 큰 순서로")
            mean, band = part[RANDOM] * 100, deletion_yardstick(part) * 100
            ax.plot(k, mean, "s--", color="tab:gray", label="무작위 (추첨 평균)")
            ax.fill_between(k, mean - band, mean + band, color="tab:gray", alpha=0.25)
            ax.axhline(0, color="black", linewidth=0.6)
            ax.set(title=f"{model} · {cls} 메시지")
            ax.xaxis.get_major_locator().set_params(integer=True)
            ax.legend(fontsize=8, loc="upper left")
    for ax in axes[-1]:
        ax.set_xlabel("지운 토큰 수 k")
    for ax in axes[:, 0]:
        ax.set_ylabel("정답 클래스 확률의 하락 (%p)")
    fig.tight_layout()
    return fig
