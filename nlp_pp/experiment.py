"""The whole pipeline in one call, and the six-condition experiment with its table."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import torch
from torch import nn

from .data import download_stopword_list, load_spam_sns
from .embedding import build_my_embed, train_fasttext
from .hangul import decompose_jamo
from .models import RecurrentClassifier, count_params, set_lstm_input_bias
from .settings import Config, get_config, get_device, set_seed
from .text import clean_texts, df_cleaning, map_labels, remove_stopword, tokenize
from .training import History, TensorBatches, Trainer
from .vocab import (
    SPECIAL_TOKENS,
    build_vocab,
    count_words,
    pad_seq_x,
    set_word_to_idx,
    split_data,
    text_to_sequences,
)

__all__ = [
    "CONDITIONS",
    "EMBEDDINGS",
    "MODELS",
    "SPLITS",
    "Prepared",
    "Result",
    "build_model",
    "jamo_tokens",
    "majority_rate",
    "prepare_data",
    "pretrained_matrix",
    "results_table",
    "run_condition",
    "run_experiment",
    "subsample",
]

MODELS = {"RNN": "rnn", "LSTM": "lstm", "GRU": "gru"}
EMBEDDINGS = ("랜덤초기화", "사전훈련")
CONDITIONS = tuple(f"{m}_{e}" for m in MODELS for e in EMBEDDINGS)
SPLITS = ("train", "val", "test")


@dataclass
class Prepared:
    """Everything the pipeline produced, from the raw frame to padded arrays."""

    cfg: Config
    source: str
    df: pd.DataFrame
    tokens: dict  # split -> jamo token lists
    labels: dict  # split -> np.ndarray of 0/1
    word_to_idx: dict
    idx_to_word: dict
    seqs: dict  # split -> integer sequences (unpadded)
    padded: dict  # split -> (N, context_length) int64
    all_tokens: list = field(repr=False, default_factory=list)

    def lengths(self, split: str) -> np.ndarray:
        """Return the true (unpadded, clipped to context_length) lengths of a split."""
        n = np.array([len(s) for s in self.seqs[split]])
        return np.clip(n, 1, self.cfg.context_length)

    def batches(self, split: str, *, batch_size=None, with_lengths=False, device=None,
                padded=None, seed=None):
        """Return TensorBatches over a split (shuffled only for train)."""
        x = self.padded[split] if padded is None else padded
        return TensorBatches(
            x, self.labels[split], batch_size or self.cfg.batch_size,
            shuffle=split == "train", seed=self.cfg.seed if seed is None else seed,
            lengths=self.lengths(split) if with_lengths else None, device=device)


def subsample(df: pd.DataFrame, n_docs: int | None, seed: int) -> pd.DataFrame:
    """Return a stratified random subset of n_docs rows (all rows if n_docs is None)."""
    if n_docs is None or n_docs >= len(df):
        return df
    share = n_docs / len(df)
    parts = [g.sample(frac=share, random_state=seed) for _, g in df.groupby("class")]
    return pd.concat(parts).sort_index().reset_index(drop=True)


def jamo_tokens(texts, stopwords=None, tokenizer=None) -> list:
    """Return jamo token lists: clean -> MeCab -> stopwords -> jamo."""
    stopwords = download_stopword_list() if stopwords is None else stopwords
    morphs = tokenize(clean_texts(texts), tokenizer)
    return decompose_jamo(remove_stopword(morphs, stopwords))


def prepare_data(cfg: Config | None = None, df: pd.DataFrame | None = None, *,
                 vocab_splits=("train", "val")) -> Prepared:
    """Run the course pipeline on the spam corpus; return every intermediate result."""
    cfg = cfg or get_config()
    df = load_spam_sns() if df is None else df
    source = df.attrs.get("source", "frame")
    df = subsample(df_cleaning(df, "content"), cfg.n_docs, cfg.seed)
    all_tokens = jamo_tokens(df["content"].tolist())
    labels = map_labels(df["class"])
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
                    all_tokens)


def pretrained_matrix(prep: Prepared, docs=None) -> np.ndarray:
    """Train FastText (lecture settings; all jamo data unless `docs`) -> embedding matrix."""
    cfg = prep.cfg
    ft = train_fasttext(prep.all_tokens if docs is None else docs,
                        vector_size=cfg.emb_dim, min_count=cfg.rare_th,
                        epochs=cfg.ft_epochs, seed=cfg.seed)
    return build_my_embed(prep.word_to_idx, ft.wv, seed=cfg.seed)


@dataclass
class Result:
    """One trained condition: its history, test scores, size and speed."""

    key: str
    history: History
    test_loss: float
    test_acc: float
    params: int
    sec_per_epoch: float
    model: nn.Module = field(repr=False, default=None)


def build_model(prep: Prepared, cell: str, emb_matrix=None, cfg=None
                ) -> RecurrentClassifier:
    """Return the seeded classifier of one condition, gates initialised as cfg says."""
    cfg = cfg or prep.cfg
    set_seed(cfg.seed)
    model = RecurrentClassifier(len(prep.word_to_idx), cfg.emb_dim, 2, cfg.hid_dim,
                                cell=cell, emb_matrix=emb_matrix,
                                gate_bias=cfg.gate_bias if cell != "rnn" else 0.0)
    if cell == "lstm" and cfg.lstm_input_bias:
        set_lstm_input_bias(model.rnn, cfg.lstm_input_bias)
    return model


def run_condition(prep: Prepared, cell: str, emb_matrix=None, *, key=None, cfg=None,
                  device=None, packed=False, padded=None, progress=None) -> Result:
    """Train one model on `prep` (seeded) and evaluate it on the test split."""
    cfg = cfg or prep.cfg
    device = get_device(device)
    model = build_model(prep, cell, emb_matrix, cfg)
    trainer = Trainer(model, torch.optim.Adam(model.parameters(), lr=cfg.lr),
                      device=device)
    loaders = {s: prep.batches(s, batch_size=cfg.batch_size, with_lengths=packed,
                               device=device, seed=cfg.seed,
                               padded=None if padded is None else padded[s])
               for s in SPLITS}
    history = trainer.fit(loaders["train"], loaders["val"], cfg.epochs,
                          progress=progress, desc=key or cell)
    test_loss, test_acc = trainer.evaluate(loaders["test"])
    return Result(key or cell, history, test_loss, test_acc, count_params(model),
                  float(np.mean(history.seconds)), model)


def run_experiment(prep: Prepared, emb_matrix, conditions=CONDITIONS, *, device=None,
                   progress=None) -> dict:
    """Train every condition ("RNN_랜덤초기화", ...); return {key: Result}."""
    results = {}
    for key in conditions:
        model_name, emb = key.split("_")
        matrix = emb_matrix if emb == "사전훈련" else None
        results[key] = run_condition(prep, MODELS[model_name], matrix, key=key,
                                     device=device, progress=progress)
    return results


def results_table(results: dict) -> pd.DataFrame:
    """Return one row per condition: test accuracy and loss, parameters, s/epoch."""
    rows = [{"조건": r.key, "모델": r.key.split("_")[0], "임베딩": r.key.split("_")[1],
             "테스트 정확도": r.test_acc, "테스트 손실": r.test_loss,
             "최종 검증 정확도": r.history.val_acc[-1], "파라미터 수": r.params,
             "에포크당 학습 초": r.sec_per_epoch} for r in results.values()]
    return pd.DataFrame(rows).set_index("조건")


def majority_rate(prep: Prepared, split: str = "test") -> float:
    """Return the accuracy of always predicting the most frequent class."""
    y = prep.labels[split]
    return float(max(np.mean(y), 1 - np.mean(y)))
