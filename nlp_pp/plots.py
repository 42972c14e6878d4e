"""Figures with Hangul labels (koreanize-matplotlib; no hard-coded font family)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np

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
