import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("NLP_PP_OFFLINE", "1")


@pytest.fixture(scope="session")
def html(tmp_path_factory):
    """Build the book once per session (warnings are errors); return its html folder.

    test_book.py checks the pages, test_colab.py compares a Colab run with them: one
    build serves both (the chapters execute in it, as in nbval). NLP_PP_BOOK_HTML names
    an html folder built before, to check it without building again.
    """
    if os.environ.get("NLP_PP_BOOK_HTML"):
        return Path(os.environ["NLP_PP_BOOK_HTML"])
    out = tmp_path_factory.mktemp("book")
    exe = shutil.which("jupyter-book", path=str(Path(sys.executable).parent)) or \
        shutil.which("jupyter-book")
    env = {k: v for k, v in os.environ.items() if k != "NLP_PP_BOOK_BUILD"}
    env["NLP_PP_OFFLINE"] = os.environ.get("NLP_PP_OFFLINE", "1")
    proc = subprocess.run(
        [exe, "build", str(ROOT), "--path-output", str(out), "-W", "-n", "--keep-going"],
        capture_output=True, text=True, env=env, check=False)
    assert proc.returncode == 0, proc.stdout[-6000:] + proc.stderr[-3000:]
    return out / "_build" / "html"


# 모든 장은 기본 실행의 책 빌드에서 한 번씩 실행됩니다(셀 하나라도 실패하면 -W 빌드가 실패해
# test_book.py가 실패합니다). 모델을 학습하거나 데이터를 다루는 2장과 4–7장을 nbval로 다시
# 실행하는 것은 `pytest -m slow`에서 합니다. CI 전체를 10분 안에 두기 위해서입니다.
NBVAL_SLOW_CHAPTERS = ("02_", "04_", "05_", "06_", "07_")


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Mark the nbval items of the long training chapters as slow."""
    for item in items:
        path = Path(str(item.fspath))
        if (path.suffix == ".ipynb" and path.parent.name == "chapters"
                and path.name.startswith(NBVAL_SLOW_CHAPTERS)):
            item.add_marker(pytest.mark.slow)
