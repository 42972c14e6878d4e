"""The six-condition experiment: one condition, all six, and their results table."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd
import torch
from torch import nn

from .errors import NlpPPError
from .models import RecurrentClassifier, count_params, set_lstm_input_bias
from .prepare import (
    MIN_PER_CLASS,
    SPLITS,
    Prepared,
    jamo_tokens,
    majority_rate,
    prepare_data,
    pretrained_matrix,
    subsample,
)
from .settings import Config, get_device, set_seed
from .training import History, Trainer
from .vocab import (
    PAD_IDX,
)

__all__ = [
    "CONDITIONS",
    "EMBEDDINGS",
    "GATE_FIX",
    "MIN_PER_CLASS",
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
    "with_gate_fix",
]

MODELS = {"RNN": "rnn", "LSTM": "lstm", "GRU": "gru"}
EMBEDDINGS = ("랜덤 초기화", "사전훈련")
CONDITIONS = tuple(f"{m}_{e}" for m in MODELS for e in EMBEDDINGS)
# 6장에서 측정하는 처방: 상태를 유지하는 게이트(LSTM 망각, GRU 업데이트)의 편향을 올리고
# LSTM 입력 게이트 편향을 내립니다 (Gers et al. 2000; Jozefowicz et al. 2015).
GATE_FIX = {"gate_bias": 5.0, "lstm_input_bias": -3.0}


def with_gate_fix(cfg: Config, **overrides) -> Config:
    """Return cfg with the gate-bias initialisation of GATE_FIX (or overrides)."""
    return replace(cfg, **{**GATE_FIX, **overrides})


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
    group: str = "강의 설정"  # 표에서 묶는 이름 (예: 강의 설정, 게이트 편향)
    # 테스트 메시지마다 예측한 클래스(메시지 순서): 두 모델을 같은 메시지에서 짝지어 비교
    test_pred: np.ndarray = field(repr=False, default=None)


def build_model(prep: Prepared, cell: str, emb_matrix=None, cfg=None
                ) -> RecurrentClassifier:
    """Return a condition's seeded classifier, gates initialised as cfg says."""
    cfg = cfg or prep.cfg
    set_seed(cfg.seed)
    model = RecurrentClassifier(len(prep.word_to_idx), cfg.emb_dim,
                                prep.num_classes, cfg.hid_dim,
                                cell=cell, emb_matrix=emb_matrix,
                                gate_bias=(cfg.gate_bias if cell != "rnn"
                                           else 0.0))
    if cell == "lstm" and cfg.lstm_input_bias:
        set_lstm_input_bias(model.rnn, cfg.lstm_input_bias)
    return model


def _is_pre_padded(x: np.ndarray) -> bool:
    """Return True if some row starts with <PAD> but holds tokens later on."""
    x = np.asarray(x)
    return bool(np.any((x[:, 0] == PAD_IDX) & (x != PAD_IDX).any(axis=1)))


def run_condition(prep: Prepared, cell: str, emb_matrix=None, *, key=None, cfg=None,
                  device=None, packed=False, padded=None, bucket=False,
                  progress=None) -> Result:
    """Train one model on `prep` (seeded) and evaluate it on the test split."""
    cfg = cfg or prep.cfg
    device = get_device(device)
    if (packed or bucket) and padded is not None and any(
            _is_pre_padded(padded[s]) for s in SPLITS):
        raise NlpPPError(
            "packed=True나 bucket=True에는 뒤쪽 패딩(post) 배열을 주세요. 앞쪽 패딩(pre) "
            "배열을 넣으면 패딩을 메시지로 알고 읽습니다.",
            "packed=True and bucket=True need post-padded arrays; with pre-padded "
            "input the pads would be read as the message.",
        )
    model = build_model(prep, cell, emb_matrix, cfg)
    trainer = Trainer(model, torch.optim.Adam(model.parameters(), lr=cfg.lr),
                      device=device)
    loaders = {s: prep.batches(s, batch_size=cfg.batch_size, with_lengths=packed,
                               device=device, seed=cfg.seed, bucket=bucket,
                               padded=None if padded is None else padded[s])
               for s in SPLITS}
    history = trainer.fit(loaders["train"], loaders["val"], cfg.epochs,
                          progress=progress, desc=key or cell)
    test_loss, test_acc = trainer.evaluate(loaders["test"])
    return Result(key or cell, history, test_loss, test_acc, count_params(model),
                  float(np.mean(history.seconds)), model,
                  test_pred=trainer.predict(loaders["test"]))


def run_experiment(prep: Prepared, emb_matrix, conditions=CONDITIONS, *, cfg=None,
                   device=None, progress=None, suffix: str = "",
                   group: str = "강의 설정") -> dict:
    """Train every condition ("RNN_랜덤 초기화", ...); return {key + suffix: Result}.

    Each pretrained condition gets the same `emb_matrix` (models copy it).
    """
    results = {}
    for key in conditions:
        model_name, emb = key.split("_")
        matrix = emb_matrix if emb == "사전훈련" else None
        results[key + suffix] = run_condition(prep, MODELS[model_name], matrix,
                                              key=key + suffix, cfg=cfg, device=device,
                                              progress=progress)
        results[key + suffix].group = group
    return results


def _condition_parts(name, result) -> tuple[str, str]:
    """Return (model, embedding) of one table row, read from its name and its model.

    The model comes from the name's part before "_" if that is RNN, LSTM or GRU,
    else from the trained model itself; the embedding is the EMBEDDINGS label the
    name holds, or "-" when the name does not say.
    """
    if not isinstance(name, str) or not name.strip():
        raise NlpPPError(
            f"결과표의 이름은 비어 있지 않은 문자열이어야 합니다: {name!r}. "
            '{"GRU": pp.run_condition(prep, "gru")}처럼 이름을 붙여 주세요.',
            f"A results-table name must be a non-empty string, got {name!r}; name "
            'each result, e.g. {"GRU": pp.run_condition(prep, "gru")}.')
    head = name.partition("_")[0].strip().upper()
    cell = getattr(getattr(result, "model", None), "cell", None)
    model = head if head in MODELS else (cell.upper() if cell else None)
    if model is None:
        raise NlpPPError(
            f"'{name}'에서 모델(RNN, LSTM, GRU)을 읽을 수 없고 결과에 학습한 모델도 "
            "없습니다. 이름을 'LSTM_사전훈련'처럼 '모델_임베딩'으로 지어 주세요.",
            f"Cannot tell the model (RNN, LSTM, GRU) from '{name}', and the result "
            "holds no trained model; name it 'MODEL_EMBEDDING', e.g. 'LSTM_사전훈련'.")
    emb = next((e for e in EMBEDDINGS if e in name), "-")
    return model, emb


def results_table(results: dict, baseline=None) -> pd.DataFrame:
    """Return one row per condition (and the baseline): test scores, size, speed.

    `results` maps a name of your choice ("GRU", "LSTM_사전훈련", ...) to a Result
    of run_condition or run_experiment; the name is the row's label.
    """
    rows = []
    for name, r in dict(results).items():
        if not isinstance(r, Result):
            raise NlpPPError(
                f"'{name}'의 값이 Result가 아닙니다({type(r).__name__}). "
                "pp.run_condition이나 pp.run_experiment의 결과를 넣어 주세요.",
                f"The value of '{name}' is not a Result ({type(r).__name__}); pass "
                "what pp.run_condition or pp.run_experiment returned.")
        model, emb = _condition_parts(name, r)
        rows.append({"조건": name, "설정": r.group, "모델": model,
                     "임베딩": emb, "테스트 정확도": r.test_acc,
                     "테스트 손실": r.test_loss, "최종 검증 정확도": r.history.val_acc[-1],
                     "파라미터 수": r.params, "에포크당 학습 초": r.sec_per_epoch})
    if baseline is not None:
        rows.append({"조건": baseline.key, "설정": "기준 모델", "모델": baseline.key,
                     "임베딩": "-", "테스트 정확도": baseline.test_acc,
                     "파라미터 수": baseline.params,
                     "에포크당 학습 초": baseline.seconds})
    if not rows:
        raise NlpPPError("결과표에 넣을 결과가 없습니다.",
                         "There are no results to put in the table.")
    return pd.DataFrame(rows).set_index("조건")


