"""Profile the chapters in quick mode: which cells take the time, and where it goes.

    OMP_NUM_THREADS=1 python benchmarks/profile_chapters.py            # every chapter
    python benchmarks/profile_chapters.py chapters/06_six_conditions.md --top 5

Each chapter is read as the book reads it (myst-nb) and executed in a fresh kernel, as
the book build and nbval do (offline corpus, quick mode, NLP_PP_BOOK_BUILD=1). Every
cell runs under cProfile; the time a cell spends in each library's own frames is summed
into a few kinds: training (torch), FastText (gensim), MeCab, plotting (matplotlib),
data (pandas, numpy) and the rest. The script prints, per chapter, its wall time, the
split by kind and its slowest cells, and writes everything as JSON (--out).
Run it alone: a second busy process on the same cores changes every number.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

# 커널 안에서 셀마다 cProfile을 켜고, 함수가 속한 라이브러리별로 자기 시간을 더합니다
PROFILER = r'''
import cProfile as _cp, pstats as _ps
_KINDS = (("training", ("torch",)), ("fasttext", ("gensim",)),
          ("mecab", ("mecab",)), ("plotting", ("matplotlib", "PIL", "koreanize")),
          ("data", ("pandas", "numpy", "pyarrow")))
_prof_cells = []
def _kind(where):
    for kind, keys in _KINDS:
        if any(k in where for k in keys):
            return kind
    return "other"
def _pre(info):
    global _prof
    _prof = _cp.Profile(); _prof.enable()
def _post(result):
    if "_prof" not in globals():  # 이 셀 자신
        return
    _prof.disable()
    split = {}
    for (path, _, func), (_, _, tottime, _, _) in _ps.Stats(_prof).stats.items():
        kind = _kind(f"{path} {func}")
        split[kind] = split.get(kind, 0.0) + tottime
    _prof_cells.append(split)
get_ipython().events.register("pre_run_cell", _pre)
get_ipython().events.register("post_run_cell", _post)
'''
DUMP = "import json as _j; print(_j.dumps(_prof_cells))"


def _seconds(cell) -> float:
    t = cell.metadata.get("execution", {})
    start, end = t.get("iopub.execute_input"), t.get("shell.execute_reply")
    if not (start and end):
        return 0.0
    parse = lambda s: datetime.fromisoformat(s.replace("Z", "+00:00"))
    return (parse(end) - parse(start)).total_seconds()


def profile(md: Path) -> dict:
    """Execute one chapter with a profiler per cell; return its times."""
    import nbformat
    from book_cache import read_source
    from nbclient import NotebookClient

    nb = read_source(md)
    code = [c for c in nb.cells if c.cell_type == "code"]
    nb.cells = [nbformat.v4.new_code_cell(PROFILER)] + code + \
        [nbformat.v4.new_code_cell(DUMP)]
    start = time.perf_counter()
    NotebookClient(nb, timeout=1200, kernel_name="python3", record_timing=True,
                   resources={"metadata": {"path": str(md.parent)}}).execute()
    wall = time.perf_counter() - start
    splits = json.loads(nb.cells[-1].outputs[-1]["text"])
    cells = [{"cell": i, "seconds": round(_seconds(c), 2),
              "first_line": c.source.splitlines()[0][:60] if c.source else "",
              "by_kind": {k: round(v, 2) for k, v in s.items() if v >= 0.01}}
             for i, (c, s) in enumerate(zip(nb.cells[1:-1], splits, strict=True), 1)]
    kinds: dict[str, float] = {}
    for c in cells:
        for k, v in c["by_kind"].items():
            kinds[k] = round(kinds.get(k, 0.0) + v, 1)
    return {"wall_seconds": round(wall, 1), "by_kind": kinds, "cells": cells}


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("chapters", nargs="*", type=Path)
    parser.add_argument("--top", type=int, default=4, help="slowest cells to print")
    parser.add_argument("--out", type=Path, default=Path("profile_chapters.json"))
    args = parser.parse_args(argv)
    os.environ.update(NLP_PP_OFFLINE="1", NLP_PP_MODE="quick", NLP_PP_BOOK_BUILD="1")
    chapters = args.chapters or sorted((ROOT / "chapters").glob("[0-9][0-9]_*.md"))
    report = {}
    for md in chapters:
        result = report[md.stem] = profile(md.resolve())
        kinds = ", ".join(f"{k} {v:.1f}" for k, v in
                          sorted(result["by_kind"].items(), key=lambda kv: -kv[1]))
        print(f"{md.stem}: {result['wall_seconds']:.1f} s  ({kinds})")
        for c in sorted(result["cells"], key=lambda c: -c["seconds"])[:args.top]:
            print(f"    cell {c['cell']:>3} {c['seconds']:6.1f} s  {c['first_line']}")
    total = sum(r["wall_seconds"] for r in report.values())
    print(f"all chapters: {total:.1f} s")
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
