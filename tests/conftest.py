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
