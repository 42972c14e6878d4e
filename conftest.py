"""Test session setup (at the root, so its hooks reach chapters/ as well as tests/): every chapter executes once, under nbval, and the book reuses it.

The default run (``python -m pytest``) executes each chapter's Colab twin under nbval,
in a kernel that believes it builds the book (``NLP_PP_BOOK_BUILD=1``, as the book's
Sphinx extension sets it). When the last cell of a chapter has run and no cell failed,
``book_cache.store`` writes the chapter, read from its ``.md`` exactly as myst-nb reads
it, with nbval's outputs into the book's jupyter-cache. The ``html`` fixture then builds
the book with ``-W``; myst-nb finds every chapter in the cache and executes none of them
(``tests/test_book.py`` reads the build log to check it). A chapter that fails under
nbval is reported by nbval, with its cell and error; the build is then skipped, not
re-run behind the report.

With pytest-xdist (``-n 2``, the default in pyproject.toml) two chapters run side by
side, each kernel with one torch thread: two two-thread processes on two cores slow each
other several-fold, two one-thread processes do not. Every cell of a notebook stays on
one worker (``pytest_xdist_make_scheduler`` hands out whole notebooks), and the modules
that read the built HTML go to one worker together, so the book is built once.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
os.environ.setdefault("NLP_PP_OFFLINE", "1")

import book_cache

BOOK_DIR_ENV = "NLP_PP_TEST_BOOK_DIR"  # 이번 실행의 책 빌드 폴더 (모든 워커가 함께 씀)
BOOK_BUILD_ENV = "NLP_PP_BOOK_BUILD"
WAIT_SECONDS = 1800  # 책 빌드가 nbval의 장 실행을 기다리는 최대 시간

if os.environ.get("PYTEST_XDIST_WORKER"):
    # 워커 둘이 코어 둘을 나눠 씁니다: 프로세스마다 스레드 하나 (커널도 물려받습니다)
    for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ[var] = "1"


def _is_chapter_notebook(item) -> bool:
    path = Path(str(item.fspath))
    return path.suffix == ".ipynb" and path.parent.name == "chapters"


# 오래 걸리는 장부터 나눠 줍니다 (두 워커가 비슷한 때에 끝나도록)
LONGEST_FIRST = ("06_", "07_", "05_", "02_", "01_", "04_", "03_")


def _chapter_rank(item) -> int:
    name = Path(str(item.fspath)).name
    return next((i for i, p in enumerate(LONGEST_FIRST) if name.startswith(p)),
                len(LONGEST_FIRST))


def _retry_kernel_start() -> None:
    """Start nbval's kernels again when one dies at birth (two kernels took one port)."""
    import nbval.kernel

    start = nbval.kernel.start_new_kernel

    def start_new_kernel(*args, **kwargs):
        for attempt in range(3):
            try:
                return start(*args, **kwargs)
            except RuntimeError:  # "Kernel died before replying to kernel_info"
                if attempt == 2:
                    raise
                time.sleep(1 + attempt)

    nbval.kernel.start_new_kernel = start_new_kernel


def _store_history() -> None:
    """Let nbval run cells as Jupyter does, with history (nbval 0.11 turns it off).

    IPython decides that a cell ending in ';' shows nothing by reading the cell back
    from its history; without history every such cell shows its value, and the book,
    which takes nbval's outputs, would show it too.
    """
    from nbval.kernel import RunningKernel

    def execute_cell_input(self, cell_input, allow_stdin=None):
        return self.kc.execute(cell_input, store_history=True, allow_stdin=allow_stdin,
                               stop_on_error=False)

    RunningKernel.execute_cell_input = execute_cell_input


def pytest_configure(config):
    _retry_kernel_start()
    _store_history()
    # 주 프로세스(xdist 없이 실행해도 여기)가 이번 실행의 책 폴더를 정합니다
    if not hasattr(config, "workerinput") and not os.environ.get(BOOK_DIR_ENV):
        os.environ[BOOK_DIR_ENV] = tempfile.mkdtemp(prefix="nlp_pp_book_")
        config._nlp_pp_book_dir_owned = True
    if os.environ.get("PYTEST_XDIST_WORKER"):
        import torch

        torch.set_num_threads(1)


def pytest_unconfigure(config):
    if getattr(config, "_nlp_pp_book_dir_owned", False):
        shutil.rmtree(os.environ.pop(BOOK_DIR_ENV), ignore_errors=True)


# 책 빌드(html)나 Colab식 환경(colab)을 쓰는 테스트가 사는 모듈: 한 워커가 모두 맡습니다
BOOK_MODULES = frozenset({"tests/test_book.py", "tests/test_html.py", "tests/test_colab.py"})


def scope_of(nodeid: str) -> str:
    """Return the unit of work of a test: its notebook or module; "book" for the book's."""
    path = nodeid.split("::", 1)[0]
    return "book" if path in BOOK_MODULES else path


def pytest_xdist_make_scheduler(config, log):
    """Hand out whole notebooks, whole modules, and the book's modules as one unit.

    (xdist's own ``--dist loadgroup`` renames node ids, which pytest 9 no longer lets
    a plugin do, so the grouping is by path here.)
    """
    from xdist.scheduler import LoadScopeScheduling

    class ChapterScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return scope_of(nodeid)

    return ChapterScheduling(config, log)


def pytest_collection_modifyitems(config, items):
    """Chapters first (longest first), then the book's tests, then the rest.

    In the book's unit, the Colab-way runs that need no built book come first: they
    run while the other worker still executes its last chapter.
    """
    chapters = sorted((i for i in items if _is_chapter_notebook(i)), key=_chapter_rank)
    book = sorted((i for i in items if scope_of(i.nodeid) == "book"),
                  key=lambda i: "html" in getattr(i, "fixturenames", ()))
    rest = [i for i in items if not _is_chapter_notebook(i) and i not in book]
    items[:] = chapters + book + rest


def pytest_collection_finish(session):
    """Remember which notebook cells this session runs, and the last cell of each."""
    book_cache.register([i for i in session.items if _is_chapter_notebook(i)],
                        Path(os.environ[BOOK_DIR_ENV]))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item):
    # nbval은 장의 첫 셀을 준비할 때 커널을 띄웁니다: 그 커널만 책 빌드처럼 glue를 저장합니다
    if not _is_chapter_notebook(item):
        yield
        return
    before = os.environ.get(BOOK_BUILD_ENV)
    os.environ[BOOK_BUILD_ENV] = "1"
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(BOOK_BUILD_ENV, None)
        else:
            os.environ[BOOK_BUILD_ENV] = before


def pytest_runtest_logreport(report):
    book_cache.record(report)


def _build(out: Path) -> Path:
    exe = shutil.which("jupyter-book", path=str(Path(sys.executable).parent)) or \
        shutil.which("jupyter-book")
    env = {k: v for k, v in os.environ.items() if k != BOOK_BUILD_ENV}
    env["NLP_PP_OFFLINE"] = os.environ.get("NLP_PP_OFFLINE", "1")
    start = time.perf_counter()
    proc = subprocess.run(
        [exe, "build", str(ROOT), "--path-output", str(out), "-W", "-n", "--keep-going"],
        capture_output=True, text=True, env=env, check=False)
    log = proc.stdout + "\n" + proc.stderr
    (out / book_cache.BUILD_LOG).write_text(log, encoding="utf-8")
    book_cache.note_time("build", "jupyter-book build", time.perf_counter() - start)
    assert proc.returncode == 0, proc.stdout[-6000:] + proc.stderr[-3000:]
    return out / "_build" / "html"


def _runs_colab_tests(session) -> bool:
    return any("colab" in getattr(i, "fixturenames", ()) for i in session.items)


def _start_colab(tmp_path_factory):
    """Start building the Colab-like environment of tests/colab_env.py (once)."""
    import colab_env

    return colab_env.start(lambda: tmp_path_factory.mktemp("colab"))


@pytest.fixture(scope="session")
def colab(tmp_path_factory):
    """The Colab-like environment (built once per process)."""
    return _start_colab(tmp_path_factory).result()


@pytest.fixture(scope="session")
def html(request, tmp_path_factory):
    """Build the book once per session (warnings are errors); return its html folder.

    The build waits until nbval has run every chapter this session selected and reuses
    their outputs from the cache. NLP_PP_BOOK_HTML names an html folder built before,
    to check it without building again.
    """
    if os.environ.get("NLP_PP_BOOK_HTML"):
        return Path(os.environ["NLP_PP_BOOK_HTML"])
    out = Path(os.environ[BOOK_DIR_ENV])
    if _runs_colab_tests(request.session):  # Colab식 환경은 기다리는 동안 만들어 둡니다
        _start_colab(tmp_path_factory)
    failed = book_cache.wait_for_chapters(out, WAIT_SECONDS)
    unstored = {n: why for n, why in failed.items() if why != book_cache.NBVAL_FAILED}
    if unstored:  # nbval은 통과했지만 책의 캐시에 넣지 못했습니다 (예: 쌍둥이가 .md와 다름)
        pytest.fail("nbval이 실행한 장을 책의 캐시에 넣지 못했습니다: " + "; ".join(
            f"{n}: {why}" for n, why in unstored.items()))
    if failed:
        pytest.skip("nbval에서 실패한 장이 있어 책을 빌드하지 않습니다 (nbval의 보고를 보세요): "
                    + ", ".join(failed))
    return _build(out)


@pytest.fixture(scope="session")
def build_log(html) -> str:
    """Return what the session's book build printed (skipped for NLP_PP_BOOK_HTML)."""
    if os.environ.get("NLP_PP_BOOK_HTML"):
        pytest.skip("NLP_PP_BOOK_HTML: 이번 실행은 책을 빌드하지 않았습니다")
    return (html.parents[1] / book_cache.BUILD_LOG).read_text(encoding="utf-8")
