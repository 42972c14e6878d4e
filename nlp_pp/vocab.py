"""Word counts, the vocabulary, integer encoding, padding, splits and data loaders."""

from __future__ import annotations

import math
from collections import Counter
from itertools import chain, repeat

import numpy as np
import torch

from .errors import NlpPPError
from .settings import get_device

__all__ = ["PAD_IDX", "SPECIAL_TOKENS", "SPLIT_NAMES", "UNK_IDX", "TensorBatches",
           "build_vocab", "count_words", "pad_seq_x", "sequences_to_text",
           "set_dataloader", "set_rare_vocab", "set_sent_pad", "set_word_to_idx",
           "split_data", "text_to_sequences"]

SPECIAL_TOKENS = ["<PAD>", "<UNK>"]
PAD_IDX = 0
UNK_IDX = 1
# 강의의 한국어 이름도 받습니다: 훈련/검증/평가
SPLIT_NAMES = {"train": "train", "훈련": "train", "val": "val", "검증": "val",
               "test": "test", "평가": "test"}


def count_words(token_lists) -> Counter:
    """Return a Counter of every token (insertion order = first appearance)."""
    return Counter(chain.from_iterable(token_lists))


def set_rare_vocab(word_counts: Counter, rare_th: int, report: bool = False
                   ) -> tuple[int, int]:
    """Return (number of distinct words, number of words seen fewer than rare_th)."""
    total_cnt = len(word_counts)
    rare_cnt = sum(1 for c in word_counts.values() if c < rare_th)
    if report:
        total_freq = sum(word_counts.values())
        rare_freq = sum(c for c in word_counts.values() if c < rare_th)
        print(f"단어 집합 크기(vocabulary): {total_cnt:,}")
        print(f"등장 빈도 {rare_th}회 미만 희소 단어 수: {rare_cnt:,} "
              f"({rare_cnt / max(total_cnt, 1):.1%})")
        print(f"전체 등장 빈도에서 희소 단어의 비율: {rare_freq / max(total_freq, 1):.2%}")
    return total_cnt, rare_cnt


def build_vocab(word_counts: Counter, rare_th: int) -> list[str]:
    """Return the words seen at least rare_th times, most frequent first."""
    # sorted는 안정 정렬이라 빈도가 같으면 먼저 나온 단어가 앞에 옵니다.
    ranked = sorted(word_counts, key=word_counts.__getitem__, reverse=True)
    return [w for w in ranked if word_counts[w] >= rare_th]


def set_word_to_idx(spec_token, vocab, report: bool = False) -> tuple[dict, dict]:
    """Return (word_to_idx, idx_to_word) with the special tokens first (<PAD>=0)."""
    words = list(spec_token) + list(vocab)
    if len(set(words)) != len(words):
        raise NlpPPError(
            "특수 토큰과 단어장에 겹치는 단어가 있습니다. 단어는 한 번씩만 넣으세요.",
            "The special tokens and the vocabulary overlap: list each word once.",
        )
    word_to_idx = {w: i for i, w in enumerate(words)}
    idx_to_word = dict(enumerate(words))
    if report:
        print(f"특수 토큰 포함 단어 수: {len(word_to_idx):,}, "
              f"앞부분: {words[:len(spec_token) + 3]}")
    return word_to_idx, idx_to_word


def text_to_sequences(token_lists, word_to_idx: dict) -> list[list[int]]:
    """Return each document as word indices (unknown words -> <UNK> = 1)."""
    unk, get = word_to_idx.get("<UNK>", UNK_IDX), word_to_idx.get
    return [list(map(get, doc, repeat(unk))) for doc in token_lists]


def sequences_to_text(seqs, idx_to_word) -> list[list[str]]:
    """Return each index sequence as words (the inverse of text_to_sequences)."""
    return [[idx_to_word[int(i)] for i in seq] for seq in seqs]


def _lengths(seqs) -> np.ndarray:
    """Return the length of every sequence as an int64 array."""
    return np.fromiter(map(len, seqs), dtype=np.int64, count=len(seqs))


def set_sent_pad(seqs, context_length: int, report: bool = False, plot: bool = False
                 ) -> dict:
    """Return length statistics, incl. the share of docs with length <= context_length."""
    lengths = _lengths(seqs)
    if lengths.size == 0:
        raise NlpPPError("문서가 하나도 없습니다.", "There are no documents.")
    stats = {
        "mean": float(lengths.mean()), "median": float(np.median(lengths)),
        "max": int(lengths.max()), "min": int(lengths.min()),
        "share_within": float((lengths <= context_length).mean()),
        "n_docs": int(lengths.size), "context_length": int(context_length),
    }
    if report:
        print(f"문서 길이: 평균 {stats['mean']:.1f}, 중앙값 {stats['median']:.0f}, "
              f"최대 {stats['max']}, 최소 {stats['min']}")
        print(f"길이 {context_length} 이하 문서 비율: {stats['share_within']:.2%}")
    if plot:
        from .plots import plot_length_hist  # matplotlib은 그릴 때만 불러옵니다

        plot_length_hist(lengths, context_length)
    return stats


def pad_seq_x(seqs, context_length: int, padding: str = "post") -> np.ndarray:
    """Return an int64 (N, context_length) array: first tokens kept, PAD=0 filled."""
    if padding not in ("post", "pre"):
        raise NlpPPError("padding은 'post' 또는 'pre'여야 합니다.",
                         "padding must be 'post' or 'pre'.")
    lengths = _lengths(seqs)
    kept = np.minimum(lengths, context_length)  # 길면 앞쪽 context_length개만 남깁니다
    out = np.full((len(lengths), context_length), PAD_IDX, dtype=np.int64)
    flat = np.fromiter(chain.from_iterable(seqs), dtype=np.int64, count=lengths.sum())
    # 각 토큰의 (행, 문서 안 위치)를 한꺼번에 계산합니다.
    rows = np.repeat(np.arange(len(lengths)), lengths)
    pos = np.arange(flat.size) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    keep = pos < context_length
    # pre: 패딩을 앞에 두고 토큰을 오른쪽 끝에 붙입니다.
    shift = 0 if padding == "post" else np.repeat(context_length - kept, lengths)[keep]
    out[rows[keep], pos[keep] + shift] = flat[keep]
    return out


def split_data(x, y, *, seed: int = 42, sizes=(0.75, 0.20, 0.05)):
    """Return (x_train, x_val, x_test, y_train, y_val, y_test), stratified by y."""
    from sklearn.model_selection import train_test_split

    train, val, test = sizes
    if not np.isclose(train + val + test, 1.0):
        raise NlpPPError("sizes의 합은 1이어야 합니다.", "sizes must add up to 1.")
    try:
        x_train, x_rest, y_train, y_rest = train_test_split(
            x, y, test_size=round(1 - train, 10), stratify=y, random_state=seed)
        x_val, x_test, y_val, y_test = train_test_split(
            x_rest, y_rest, test_size=round(test / (val + test), 10), stratify=y_rest,
            random_state=seed)
    except ValueError as exc:  # 데이터가 너무 적으면 sklearn이 분할을 거부합니다
        counts = dict(zip(*np.unique(np.asarray(y), return_counts=True)))
        raise NlpPPError(
            f"데이터가 너무 적어 층화 분할을 할 수 없습니다 (클래스별 개수: {counts}). "
            "클래스마다 메시지를 더 모으세요.",
            f"Too little data for a stratified split (per class: {counts}); "
            "collect more messages per class.",
        ) from exc
    return x_train, x_val, x_test, y_train, y_val, y_test


class TensorBatches:
    """Batches from tensors kept on one device (no per-sample collate, no host copies).

    Shuffles with its own seeded generator when `shuffle` is True, a new order each
    pass. With ``bucket=True`` (needs `lengths`, post-padded `x`) it groups messages
    of similar length — sorted inside pools of ``pool`` batches — and trims every
    batch to its longest message, so far fewer sequential steps are computed.
    """

    def __init__(self, x, y, batch_size: int, shuffle: bool = False, seed: int = 42,
                 lengths=None, device=None, bucket: bool = False,
                 yield_lengths: bool | None = None, pool: int = 16):
        self.device = get_device(device)
        self.tensors = [torch.as_tensor(t).to(self.device) for t in (x, y)]
        if bucket and lengths is None:
            raise NlpPPError("bucket=True에는 lengths가 필요합니다.",
                             "bucket=True needs the lengths.")
        # 길이는 CPU에 둡니다 (pack_padded_sequence의 규칙이고, 배치 길이 계산도 CPU에서)
        self.lengths = None if lengths is None else torch.as_tensor(lengths).cpu()
        self.yield_lengths = (lengths is not None) if yield_lengths is None \
            else yield_lengths
        self.batch_size, self.shuffle, self.bucket = batch_size, shuffle, bucket
        self.pool = pool
        self.generator = torch.Generator().manual_seed(seed)

    def __len__(self) -> int:
        return math.ceil(len(self.tensors[1]) / self.batch_size)

    def _batches(self) -> list:
        """Return this pass's batches as CPU index tensors."""
        n, size = len(self.tensors[1]), self.batch_size
        order = (torch.randperm(n, generator=self.generator) if self.shuffle
                 else torch.arange(n))
        if not self.bucket:
            return list(order.split(size))
        batches = []
        for chunk in order.split(size * self.pool):
            # 풀 안에서 길이순으로 정렬하면(안정 정렬)
            # 비슷한 길이끼리 한 배치가 됩니다.
            by_len = chunk[torch.argsort(self.lengths[chunk], stable=True)]
            batches.extend(by_len.split(size))
        if self.shuffle:  # 배치 순서는 섞어서 짧은 배치만 몰려 나오지 않게 합니다
            perm = torch.randperm(len(batches), generator=self.generator)
            batches = [batches[i] for i in perm]
        return batches

    def _peek(self) -> list:
        """Return the next pass's batches without using up its random numbers."""
        saved = self.generator.get_state()
        batches = self._batches()
        self.generator.set_state(saved)  # 보기만 했으니 난수를 쓰지 않은 것처럼 되돌립니다
        return batches

    def order(self) -> np.ndarray:
        """Return the example indices in the order the next pass yields them."""
        batches = self._peek()
        return torch.cat(batches).numpy() if batches else np.zeros(0, dtype=np.int64)

    def steps(self) -> int:
        """Return the sequential steps one pass computes (sum of batch widths)."""
        if not (self.bucket or self.yield_lengths):
            return len(self) * self.tensors[0].shape[1]
        return sum(int(self.lengths[b].max()) for b in self._peek())

    def __iter__(self):
        for idx in self._batches():
            dev_idx = idx.to(self.device)
            x, y = (t[dev_idx] for t in self.tensors)
            lens = None if self.lengths is None else self.lengths[idx]
            if self.bucket:
                x = x[:, :int(lens.max())]  # 배치에서 가장 긴 메시지까지만 남깁니다
            yield (x, y, lens) if self.yield_lengths else (x, y)


def set_dataloader(x, y, batch_size: int, split: str = "train", *, seed: int = 42,
                   lengths=None, device="cpu"):
    """Return seeded batches of (x, y[, lengths]); only the train split is shuffled.

    The lecture's name for `TensorBatches`: it iterates like a DataLoader (``len``,
    ``batch_size``, tuples of tensors) without per-sample collation.
    """
    if split not in SPLIT_NAMES:
        raise NlpPPError(
            f"split {split!r}을(를) 알 수 없습니다. train/훈련, val/검증, test/평가 중 "
            "하나를 쓰세요.",
            f"Unknown split {split!r}: use train/훈련, val/검증 or test/평가.",
        )
    x = torch.as_tensor(np.asarray(x), dtype=torch.long)
    y = torch.as_tensor(np.asarray(y), dtype=torch.long)
    # 훈련 데이터만 섞고, 섞는 순서는 seed로 고정합니다.
    return TensorBatches(x, y, batch_size, shuffle=SPLIT_NAMES[split] == "train",
                         seed=seed, lengths=lengths, device=device)
