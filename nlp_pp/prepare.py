"""The whole preparation in one call: data -> tokens -> splits -> padded sequences."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .data import load_spam_sns, validate_frame
from .embedding import build_my_embed, train_fasttext
from .errors import NlpPPError
from .labels import encode_labels
from .schema import SPAM_CLASSES
from .settings import Config, get_config
from .text import df_cleaning, preprocess_texts
from .vocab import (
    SPECIAL_TOKENS,
    TensorBatches,
    build_vocab,
    count_words,
    pad_seq_x,
    set_word_to_idx,
    split_data,
    text_to_sequences,
)

__all__ = ["MIN_PER_CLASS", "SPLITS", "Prepared", "jamo_tokens", "majority_rate",
           "prepare_data", "pretrained_matrix", "subsample"]

SPLITS = ("train", "val", "test")


# 75/20/5 층화 분할이 모든 분할에 모든 클래스를 넣으려면 클래스마다 이만큼은 있어야 합니다.
MIN_PER_CLASS = 20


@dataclass
class Prepared:
    """Everything the pipeline produced, from the raw frame to padded arrays."""

    cfg: Config
    source: str
    df: pd.DataFrame
    tokens: dict  # split -> jamo token lists
    labels: dict  # split -> np.ndarray of 0..K-1
    word_to_idx: dict
    idx_to_word: dict
    seqs: dict  # split -> integer sequences (unpadded)
    padded: dict  # split -> (N, context_length) int64
    all_tokens: list = field(repr=False, default_factory=list)
    classes: tuple = SPAM_CLASSES  # 정수 레이블 순서의 클래스 이름
    dropped: int = 0  # 정제 후 토큰이 하나도 남지 않아 뺀 메시지 수

    @property
    def num_classes(self) -> int:
        """Return the number of classes K."""
        return len(self.classes)

    def lengths(self, split: str) -> np.ndarray:
        """Return the true (unpadded, clipped to context_length) lengths of a split."""
        n = np.array([len(s) for s in self.seqs[split]])
        return np.clip(n, 1, self.cfg.context_length)

    def batches(self, split: str, *, batch_size=None, with_lengths=False, device=None,
                padded=None, seed=None, bucket=False):
        """Return TensorBatches over a split (shuffled only for train).

        bucket=True groups messages of similar length and trims each batch to its
        longest message (the arrays must be post-padded).
        """
        x = self.padded[split] if padded is None else padded
        need = with_lengths or bucket
        return TensorBatches(
            x, self.labels[split], batch_size or self.cfg.batch_size,
            shuffle=split == "train", seed=self.cfg.seed if seed is None else seed,
            lengths=self.lengths(split) if need else None, device=device,
            bucket=bucket, yield_lengths=with_lengths)


def subsample(df: pd.DataFrame, n_docs: int | None, seed: int,
              label_col: str = "class") -> pd.DataFrame:
    """Return a stratified random subset of n_docs rows (all rows if n_docs is None)."""
    if n_docs is None or n_docs >= len(df):
        return df
    share = n_docs / len(df)
    parts = [g.sample(frac=share, random_state=seed) for _, g in df.groupby(label_col)]
    out = pd.concat(parts).sort_index().reset_index(drop=True)
    out.attrs.update(df.attrs)
    return out


def jamo_tokens(texts, stopwords=None, tokenizer=None) -> list:
    """Return jamo token lists: clean -> MeCab -> stopwords -> jamo."""
    return preprocess_texts(texts, stopwords, tokenizer)


def _check_class_sizes(y: np.ndarray, classes: tuple) -> None:
    """Raise a clear error unless every class can reach every split."""
    counts = np.bincount(y, minlength=len(classes))
    if counts.min() < MIN_PER_CLASS:
        small = classes[int(counts.argmin())]
        raise NlpPPError(
            f"클래스 {small!r}의 메시지가 {counts.min()}개뿐입니다. 훈련·검증·테스트로 "
            f"층화 분할하려면 클래스마다 적어도 {MIN_PER_CLASS}개가 필요합니다. 데이터를 "
            "더 모으거나 n_docs를 늘리세요.",
            f"Class {small!r} has only {counts.min()} messages; a stratified "
            f"train/val/test split needs at least {MIN_PER_CLASS} per class. "
            "Collect more data or raise n_docs.",
        )


def prepare_data(cfg: Config | None = None, df: pd.DataFrame | None = None, *,
                 text_col: str = "content", label_col: str = "class", classes=None,
                 vocab_splits=("train", "val"), report: bool = False) -> Prepared:
    """Run the course pipeline on any labelled frame; return every intermediate result.

    Without `df` the spam corpus is loaded. Messages with no token left after the
    pipeline (emoji only, punctuation only, empty) are dropped and counted.
    """
    cfg = cfg or get_config()
    df = load_spam_sns() if df is None else df
    source = df.attrs.get("source", "frame")
    df = df_cleaning(validate_frame(df, text_col, label_col), text_col)
    _, classes = encode_labels(df[label_col], classes or df.attrs.get("classes"))
    df = subsample(df, cfg.n_docs, cfg.seed, label_col)
    all_tokens = jamo_tokens(df[text_col].tolist())
    keep = np.fromiter(map(bool, all_tokens), dtype=bool, count=len(all_tokens))
    dropped = int((~keep).sum())
    if dropped:  # 빈 메시지는 <PAD>만 있는 행이 되어 레이블만 남으므로 뺍니다
        df = df[keep].reset_index(drop=True)
        all_tokens = [t for t in all_tokens if t]
    if report:
        print(f"메시지 {len(df):,}개 (정제 후 비어서 뺀 메시지 {dropped}개)")
    labels, _ = encode_labels(df[label_col], classes)
    _check_class_sizes(labels, classes)
    parts = split_data(all_tokens, labels, seed=cfg.seed)
    tokens = dict(zip(SPLITS, parts[:3]))
    ys = {s: np.asarray(y) for s, y in zip(SPLITS, parts[3:])}
    # 강의처럼 훈련+검증 데이터로 단어장을 만듭니다 (7장에서 이 선택을 따져 봅니다).
    counts = count_words([d for s in vocab_splits for d in tokens[s]])
    word_to_idx, idx_to_word = set_word_to_idx(SPECIAL_TOKENS,
                                               build_vocab(counts, cfg.rare_th))
    seqs = {s: text_to_sequences(tokens[s], word_to_idx) for s in SPLITS}
    padded = {s: pad_seq_x(seqs[s], cfg.context_length) for s in SPLITS}
    return Prepared(cfg, source, df, tokens, ys, word_to_idx, idx_to_word, seqs, padded,
                    all_tokens, tuple(classes), dropped)


def pretrained_matrix(prep: Prepared, docs=None, *, cache: bool = True) -> np.ndarray:
    """Train FastText (lecture settings; all jamo data unless `docs`) -> embedding matrix.

    ``cache=False`` always trains (benchmarks/full_mode.py times the training itself).
    """
    cfg = prep.cfg
    # 한 작업 스레드 + 시드 = 같은 벡터. 같은 말뭉치·설정이면 캐시에서 읽어 5~7장이
    # 한 번의 학습을 함께 씁니다.
    ft = train_fasttext(prep.all_tokens if docs is None else docs,
                        vector_size=cfg.emb_dim, min_count=cfg.rare_th,
                        epochs=cfg.ft_epochs, seed=cfg.seed, cache=cache)
    return build_my_embed(prep.word_to_idx, ft.wv, seed=cfg.seed)


def majority_rate(prep: Prepared, split: str = "test") -> float:
    """Return the accuracy of always predicting the most frequent class."""
    y = np.asarray(prep.labels[split])
    return float(np.bincount(y).max() / len(y))
