"""Run modes, hyperparameters in one typed place, seeds, device and cache folder."""

from __future__ import annotations

import os
import random
import sys
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import torch

from .errors import NlpPPError

MODES = frozenset({"quick", "full", "auto"})


def get_mode(mode: str | None = None) -> str:
    """Return "quick" or "full" from `mode` or NLP_PP_MODE (auto: full on CUDA)."""
    mode = (mode or os.environ.get("NLP_PP_MODE") or "auto").strip().lower()
    if mode not in MODES:
        raise NlpPPError(
            f"NLP_PP_MODE 값 {mode!r}을(를) 알 수 없습니다. full, quick, auto 중 하나를 쓰세요.",
            f"Unknown run mode {mode!r}: use full, quick or auto.",
        )
    if mode == "auto":
        return "full" if torch.cuda.is_available() else "quick"
    return mode


@dataclass(frozen=True)
class Config:
    """Every hyperparameter of a run; `full` is the lecture's setup as specified."""

    mode: str = "full"
    n_docs: int | None = None  # None: 전체 데이터
    context_length: int = 330
    batch_size: int = 256
    epochs: int = 8
    emb_dim: int = 100
    hid_dim: int = 128
    lr: float = 1e-3
    rare_th: int = 3
    seed: int = 42
    gate_bias: float = 0.0  # 0.0: PyTorch 기본 초기화 (강의 설정 그대로)
    lstm_input_bias: float = 0.0  # LSTM 입력 게이트 편향 (0.0: 기본 초기화)
    ft_epochs: int = 5


# quick 모드: 강의 설정에서 "크기"만 줄입니다 (데이터, 에포크, 배치, 차원, FastText 에포크).
# 초기화는 full 모드와 똑같이 PyTorch 기본값입니다. 게이트 편향 같은 처방은 6장에서
# 따로 측정하는 "교훈"이지, 모드에 숨은 기본값이 아닙니다.
QUICK = {
    "n_docs": 3000, "batch_size": 64, "epochs": 3, "emb_dim": 64, "hid_dim": 32,
    "ft_epochs": 3,
}
# quick 모드가 바꿔도 되는 것은 이 크기들뿐입니다 (테스트가 확인합니다).
SIZE_FIELDS = frozenset({"n_docs", "batch_size", "epochs", "emb_dim", "hid_dim",
                         "ft_epochs"})


def get_config(mode: str | None = None, **overrides) -> Config:
    """Return the Config for `mode` (see get_mode), with keyword overrides applied."""
    mode = get_mode(mode)
    cfg = Config(mode=mode, **(QUICK if mode == "quick" else {}))
    return replace(cfg, **overrides)


def cache_dir() -> Path:
    """Return the cache folder (NLP_PP_CACHE or ~/.cache/nlp_pp), created if needed."""
    path = Path(os.environ.get("NLP_PP_CACHE") or Path.home() / ".cache" / "nlp_pp")
    path.mkdir(parents=True, exist_ok=True)
    return path


@contextmanager
def atomic_file(target: Path):
    """Yield (file, temporary path) beside `target`; replace `target` on success.

    The temporary file is removed whatever happens, so an error while writing or
    checking it never leaves a half-written `target` behind.
    """
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.",
                               suffix=".part")
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh, Path(tmp)
        os.replace(tmp, target)  # 다 쓰고 검사까지 통과한 뒤에만 바꿉니다 (원자적 교체)
    finally:
        Path(tmp).unlink(missing_ok=True)


def set_seed(seed: int = 42) -> None:
    """Seed Python, NumPy and torch (CPU and CUDA) for repeatable runs."""
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def get_device(prefer: str | None = None) -> torch.device:
    """Return `prefer` if given, else CUDA when available, else CPU."""
    if prefer is not None:
        return torch.device(prefer)
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


def in_colab() -> bool:
    """Return True when running inside Google Colab."""
    return "google.colab" in sys.modules
