"""Run a chapter's Colab twin the way Colab does, without the book's toolchain.

A fresh virtual environment (built once per test session under pytest's tmp dir) holds
only what Colab preinstalls: torch, pandas with pyarrow, matplotlib, scikit-learn,
tqdm, requests, and ipykernel / nbclient / nbformat to execute the notebook. It has no
jupyter-book, myst-nb or sphinx. A stand-in ``google.colab`` module is imported when the
kernel starts, so the chapter's install cell runs; it installs ``nlp_pp`` (and what
Colab lacks) from a copy of this checkout instead of the repository on GitHub.

The notebook is the chapter's twin as scripts/sync_chapters.py writes it. The checks:
every cell runs without error; every number the prose glues shows under
its cell as Markdown "`name` = value" (the twin's prose shows `name`); no output
shows a site-packages path (a warning printed with its file path, say).

Chapter 01 runs in the default suite; the others are marked slow. Torch comes from
``pip install torch==2.13.0`` (what CI installs); set NLP_PP_COLAB_TORCH to other pip
arguments, e.g. "torch --index-url https://download.pytorch.org/whl/cpu", to change it.
"""

import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest
from test_repo import load_sync  # .md에서 Colab용 노트북을 만드는 같은 함수

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = sorted(p.stem for p in (ROOT / "chapters").glob("[0-9][0-9]_*.md"))
# Colab에 미리 깔려 있는 패키지 (책을 만드는 도구는 없습니다)
COLAB_PACKAGES = ["pandas", "pyarrow", "matplotlib", "scikit-learn", "tqdm",
                  "requests", "ipykernel", "nbclient", "nbformat"]
TORCH = os.environ.get("NLP_PP_COLAB_TORCH", "torch==2.13.0").split()
INSTALL_URL = re.compile(r'"nlp_pp @ git\+[^"]+"')
GLUE_KEY = re.compile(r"\{glue(?::\w+)?\}`([^`:]+)[^`]*`|^\s*`{3,}\{glue(?::\w+)?\}\s+(\S+)",
                      re.MULTILINE)
GLUE_SHOWN = re.compile(r"^`([^`]+)` = \S")

PROBE = ("import importlib.util as u; "
         "print([m for m in ('myst_nb', 'sphinx', 'jupyter_book') if u.find_spec(m)])")
RUNNER = """
import sys
import nbformat
from nbclient import NotebookClient

nb = nbformat.read(sys.argv[1], as_version=4)
NotebookClient(nb, timeout=600, kernel_name="python3", allow_errors=True,
               resources={"metadata": {"path": sys.argv[3]}}).execute()
nbformat.write(nb, sys.argv[2])
"""


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


@pytest.fixture(scope="session")
def colab(tmp_path_factory):
    """Build the Colab-like environment once per session (pytest keeps the last few)."""
    start = time.perf_counter()
    base = tmp_path_factory.mktemp("colab")
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
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "VIRTUAL_ENV", "JUPYTER_PATH", "MPLBACKEND")}
    env.update(PYTHONPATH=str(base / "fake"), IPYTHONDIR=str(base / "ipython"),
               NLP_PP_CACHE=str(base / "cache"), MPLCONFIGDIR=str(base / "mpl"),
               NLP_PP_OFFLINE=os.environ.get("NLP_PP_OFFLINE", "1"),
               PATH=f"{python.parent}{os.pathsep}{os.environ.get('PATH', '')}")
    checkout = copy_checkout(base / "checkout")
    return ColabEnv(python, base, checkout, env, time.perf_counter() - start)


def colab_notebook(chapter: str, checkout: Path):
    """Return the chapter's twin with its install cell pointed at `checkout`.

    The twin is made from the .md as sync_chapters.py makes it (test_repo.py checks
    that the stored .ipynb is exactly that), so this test follows the source.
    """
    nb = load_sync().twin_notebook(ROOT / "chapters" / f"{chapter}.md")
    first = next(c for c in nb.cells if c.cell_type == "code")
    assert len(INSTALL_URL.findall(first.source)) == 1, first.source
    first.source = INSTALL_URL.sub(f'"nlp_pp @ {checkout.as_uri()}"', first.source)
    return nb


def output_texts(cell) -> list[str]:
    texts = []
    for out in cell.get("outputs", []):
        if out.output_type == "stream":
            texts.append(out.text)
        elif out.output_type == "error":
            texts.append("\n".join(out.traceback))
        else:
            texts += [v if isinstance(v, str) else "".join(v)
                      for k, v in out.get("data", {}).items() if k.startswith("text/")]
    return texts


@pytest.mark.parametrize("chapter", [
    pytest.param(c, marks=[] if c.startswith("01_") else [pytest.mark.slow])
    for c in CHAPTERS])
def test_chapter_runs_like_in_colab(colab, chapter):
    start = time.perf_counter()
    src, out = colab.base / f"{chapter}.in.ipynb", colab.base / f"{chapter}.out.ipynb"
    nbformat.write(colab_notebook(chapter, colab.checkout), src)
    proc = subprocess.run([str(colab.python), "-c", RUNNER, str(src), str(out),
                           str(colab.base / "content")],
                          env=colab.env, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr[-4000:]
    nb = nbformat.read(out, as_version=4)
    print(f"\n{chapter}: environment {colab.seconds:.0f} s (once per session), "
          f"chapter {time.perf_counter() - start:.0f} s")

    probe = subprocess.run(  # 책을 만드는 도구가 딸려 들어오지 않았는지
        [str(colab.python), "-c", PROBE], env=colab.env, capture_output=True, text=True, check=True)
    assert probe.stdout.strip() == "[]", f"book toolchain installed: {probe.stdout}"

    errors = [(i, o.ename, o.evalue) for i, c in enumerate(nb.cells)
              for o in c.get("outputs", []) if o.output_type == "error"]
    assert not errors, f"{chapter}: cells raised errors: {errors}"

    shown, plain = set(), set()
    for cell in nb.cells:
        for o in cell.get("outputs", []):
            md = "".join(o.get("data", {}).get("text/markdown", ""))
            if (m := GLUE_SHOWN.match(md)):
                shown.add(m[1])
            if (m := GLUE_SHOWN.match("".join(o.get("data", {}).get("text/plain", "")))):
                plain.add(m[1])
    source = (ROOT / "chapters" / f"{chapter}.md").read_text(encoding="utf-8")
    used = {a or b for a, b in GLUE_KEY.findall(source)}
    assert used <= shown, f"{chapter}: glued values not shown: {sorted(used - shown)}"
    assert not plain - shown, f"glue shown as plain text, not Markdown: {plain - shown}"

    leaks = [(i, re.search(r"\S*site-packages\S*", t)[0]) for i, c in enumerate(nb.cells)
             for t in output_texts(c) if "site-packages" in t]
    assert not leaks, f"{chapter}: outputs show site-packages paths: {leaks[:5]}"
