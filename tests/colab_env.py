"""A Colab-like virtual environment for tests/test_colab.py, built once per session.

It holds only what Colab preinstalls (torch, pandas with pyarrow, matplotlib,
scikit-learn, tqdm, requests, and ipykernel / nbclient / nbformat to run a notebook),
no book toolchain, and a stand-in ``google.colab`` module imported at kernel start.
Building it is mostly pip unpacking wheels, so ``start`` runs it in a thread: the
worker that builds the book starts it before it waits for the chapters and the build,
and the ``colab`` fixture (conftest.py) only waits for what is left.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import book_cache

ROOT = Path(__file__).resolve().parents[1]
# Colab에 미리 깔려 있는 패키지 (책을 만드는 도구는 없습니다)
COLAB_PACKAGES = ["pandas", "pyarrow", "matplotlib", "scikit-learn", "tqdm",
                  "requests", "ipykernel", "nbclient", "nbformat"]
TORCH = os.environ.get("NLP_PP_COLAB_TORCH", "torch==2.13.0").split()

_future: Future | None = None


@dataclass
class ColabEnv:
    python: Path
    base: Path
    checkout: Path
    env: dict
    seconds: float


def pip(python: Path, *args: str) -> None:
    proc = subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-compile",
                           "--disable-pip-version-check", *args],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, f"pip install {' '.join(args)} failed:\n" + \
        proc.stdout[-3000:] + proc.stderr[-3000:]


def copy_checkout(dest: Path) -> Path:
    """Copy what `pip install` needs from this checkout (the tree itself stays clean)."""
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, dest / name)
    shutil.copytree(ROOT / "nlp_pp", dest / "nlp_pp",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    return dest


def build(base: Path) -> ColabEnv:
    """Create the environment under `base`; return how to run a notebook in it."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "venv", str(base / "venv")], check=True)
    python = base / "venv" / "bin" / "python"
    pip(python, *TORCH)  # 따로 설치: TORCH에 --index-url이 들어 있을 수 있습니다
    pip(python, *COLAB_PACKAGES)
    fake = base / "fake" / "google" / "colab"  # google은 네임스페이스 패키지로 둡니다
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text('"""Stand-in for Colab\'s module."""\n')
    startup = base / "ipython" / "profile_default" / "startup"
    startup.mkdir(parents=True)
    (startup / "00-colab.py").write_text("import google.colab  # noqa: F401\n")
    for name in ("content", "cache", "mpl", "checkout"):
        (base / name).mkdir()
    # PYTHONDONTWRITEBYTECODE도 뺍니다: pip이 --no-compile로 설치했으므로, 첫 실행이
    # 컴파일해 둔 .pyc를 다음 실행(학생용 노트북)이 다시 씁니다 (Colab에도 .pyc가 있습니다)
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "VIRTUAL_ENV", "JUPYTER_PATH", "MPLBACKEND",
                        "PYTHONDONTWRITEBYTECODE")}
    env.update(PYTHONPATH=str(base / "fake"), IPYTHONDIR=str(base / "ipython"),
               NLP_PP_CACHE=str(base / "cache"), MPLCONFIGDIR=str(base / "mpl"),
               NLP_PP_OFFLINE=os.environ.get("NLP_PP_OFFLINE", "1"),
               PATH=f"{python.parent}{os.pathsep}{os.environ.get('PATH', '')}")
    checkout = copy_checkout(base / "checkout")
    seconds = time.perf_counter() - start
    book_cache.note_time("colab", "environment", seconds)
    return ColabEnv(python, base, checkout, env, seconds)


def start(base_factory) -> Future:
    """Start building the environment (once per process); return its future."""
    global _future
    if _future is None:
        _future = ThreadPoolExecutor(max_workers=1).submit(build, base_factory())
    return _future
