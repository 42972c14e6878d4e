"""Hand nbval's executed chapters to the book build through jupyter-cache.

myst-nb (``execute_notebooks: cache``) looks a notebook up in jupyter-cache before it
executes it; the key hashes the code cells' sources and metadata and the kernelspec.
So a chapter that nbval ran can be stored under that key: its ``.md`` read exactly as
myst-nb reads it, each code cell given the outputs nbval kept for the twin's cell
(``IPyNbCell.test_outputs``, display metadata and glue records included). The twin's
code cells must equal the source's (a folded cell only gains a ``#@title`` line), or
the outputs would belong to other code; ``store`` refuses that.

Markers in the session's book folder tell the build which chapters are ready:
``nbval/<name>.ok`` (cached) or ``nbval/<name>.failed`` (nbval reported an error).
"""

from __future__ import annotations

import fcntl
import json
import os
import time
from contextlib import contextmanager
from pathlib import Path

import nbformat
import yaml

ROOT = Path(__file__).resolve().parents[1]
BUILD_LOG = "build.log"
MARKERS = "nbval"
TIMES = "phase_seconds.json"  # benchmarks/suite_time.py가 읽는 단계별 시간
NBVAL_FAILED = "nbval failed"

_state = {"dir": None, "last": {}, "cells": {}, "failed": set(), "start": {}}


def register(cells, book_dir: Path) -> None:
    """Note the chapters' nbval cells this session runs and the last cell of each."""
    _state["dir"] = book_dir
    if not cells:  # xdist의 주 프로세스, 또는 장을 실행하지 않는 실행
        return
    for item in cells:
        _state["cells"].setdefault(Path(str(item.fspath)).stem, []).append(item)
    _state["last"] = {group[-1].nodeid: name for name, group in _state["cells"].items()}
    (book_dir / MARKERS).mkdir(parents=True, exist_ok=True)
    (book_dir / "expected.json").write_text(json.dumps(sorted(_state["cells"])))


def record(report) -> None:
    """Track failures per chapter; after a chapter's last cell, store it or mark it."""
    name = _chapter_of(report.nodeid)
    if name is None:
        return
    _state["start"].setdefault(name, time.time())
    if report.failed:
        _state["failed"].add(name)
    is_last = _state["last"].get(report.nodeid) == name
    done = report.when == "call" or (report.when == "setup" and not report.passed)
    if not (is_last and done):
        return
    folder = _state["dir"] / MARKERS
    start, end = _state["start"][name], time.time()
    seconds = end - start
    if name in _state["failed"]:
        (folder / f"{name}.failed").write_text(NBVAL_FAILED)
        return
    try:
        store(name, _state["cells"][name], _state["dir"], seconds)
    except Exception as exc:  # noqa: BLE001  (the html fixture reports it as a failure)
        (folder / f"{name}.failed").write_text(f"{type(exc).__name__}: {exc}")
        return
    note_time("nbval", name, seconds)
    _note(_state["dir"], "nbval_clock", name, [start, end])
    (folder / f"{name}.ok").write_text(f"{seconds:.1f}")


def note_time(phase: str, name: str, seconds: float) -> None:
    """Add one timed step to the session's phase times (when a session folder exists)."""
    folder = _state["dir"] or (Path(p) if (p := os.environ.get("NLP_PP_TEST_BOOK_DIR"))
                               else None)
    if folder is not None and folder.is_dir():
        _note(folder, phase, name, round(seconds, 1))


def _note(folder: Path, phase: str, name: str, value) -> None:
    """Set times[phase][name] in the session's phase-times file, under the lock.

    Besides the seconds of each phase, "nbval_clock" keeps when each chapter started and
    ended, so the span of all chapters is their wall time.
    """
    with _locked(folder):
        times = _read_json(folder / TIMES)
        times.setdefault(phase, {})[name] = value
        (folder / TIMES).write_text(json.dumps(times, indent=1))


def _chapter_of(nodeid: str) -> str | None:
    path = nodeid.split("::")[0]
    name = Path(path).stem
    return name if name in _state["cells"] else None


def _read_json(path: Path, default=None):
    if not path.exists():
        return {} if default is None else default
    return json.loads(path.read_text())


@contextmanager
def _locked(folder: Path):
    with open(folder / ".lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def read_source(md_path: Path) -> nbformat.NotebookNode:
    """Return the chapter as myst-nb reads it for the book (same parser settings)."""
    from myst_nb.core.read import read_myst_markdown_notebook
    from myst_parser.config.main import MdParserConfig

    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    extensions = config.get("parse", {}).get("myst_enable_extensions", [])
    md_config = MdParserConfig(enable_extensions=set(extensions))
    return read_myst_markdown_notebook(md_path.read_text(encoding="utf-8"), md_config)


def unfold(source: str) -> str:
    """Return a twin cell's code as the source wrote it (no Colab ``#@title`` line)."""
    first, _, rest = source.partition("\n")
    return rest if first.startswith("#@title") else source


def _output(out) -> nbformat.NotebookNode:
    kind = out["output_type"]
    if kind == "stream":
        return nbformat.v4.new_output("stream", name=out["name"], text=out["text"])
    fields = {"data": out.get("data", {}), "metadata": out.get("metadata", {})}
    if kind == "execute_result":
        fields["execution_count"] = out.get("execution_count")
    return nbformat.v4.new_output(kind, **fields)


def executed_source(name: str, cells) -> nbformat.NotebookNode:
    """Return the chapter's source notebook with nbval's outputs in its code cells."""
    nb = read_source(ROOT / "chapters" / f"{name}.md")
    code = [c for c in nb.cells if c.cell_type == "code"]
    if len(code) != len(cells):
        raise AssertionError(f"{name}: the twin has {len(cells)} code cells, the .md "
                             f"{len(code)}: run python scripts/sync_chapters.py")
    for count, (cell, item) in enumerate(zip(code, cells, strict=True), start=1):
        if unfold(item.cell.source).strip() != cell.source.strip():
            raise AssertionError(f"{name}: code cell {count} of the twin differs from "
                                 "the .md: run python scripts/sync_chapters.py")
        cell.outputs = [_output(o) for o in (item.test_outputs or [])]
        cell.execution_count = count
        for out in cell.outputs:
            if out.output_type == "execute_result":
                out.execution_count = count
    return nb


def store(name: str, cells, book_dir: Path, seconds: float) -> None:
    """Write the executed chapter into the build's jupyter-cache under myst-nb's key."""
    from jupyter_cache import get_cache
    from jupyter_cache.base import CacheBundleIn

    nb = executed_source(name, cells)
    with _locked(book_dir):
        cache = get_cache(str(book_dir / "_build" / ".jupyter_cache"))
        cache.cache_notebook_bundle(
            CacheBundleIn(nb, str(ROOT / "chapters" / f"{name}.md"),
                          data={"execution_seconds": seconds}),
            check_validity=False, overwrite=True)


def expected(book_dir: Path) -> list[str]:
    """Return the chapters this session runs under nbval."""
    return _read_json(book_dir / "expected.json", default=[])


def wait_for_chapters(book_dir: Path, timeout: float) -> dict[str, str]:
    """Wait until every chapter nbval runs is cached or failed; return {failed: why}."""
    names = expected(book_dir)
    folder = book_dir / MARKERS
    deadline = time.monotonic() + timeout
    while True:
        failed = {n: (folder / f"{n}.failed").read_text() for n in names
                  if (folder / f"{n}.failed").exists()}
        pending = [n for n in names if not (folder / f"{n}.ok").exists()
                   and n not in failed]
        if not pending:
            return failed
        if time.monotonic() > deadline:
            raise TimeoutError(f"nbval did not finish {pending} in {timeout:.0f} s")
        time.sleep(1)
