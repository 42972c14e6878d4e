"""The two editions as filters over one list of cells, and the notebook they make.

- The twin (Colab): every cell; solution headings listed in
  ``colab.collapsed_sections``, so Colab opens with the solutions folded; code cells
  the book hides become Colab forms.
- The student notebook: the twin without the solutions. Cells inside a solution are
  left out except the answer cells, written as stubs that run, and the check cells,
  kept without their asserts; a note under the title says what the notebook is.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import nbformat

from .cells import Cell, chapter_cells
from .config import FOLDED_TAGS, FORM_TITLE, STUDENT_DIR
from .index import Context, make_context
from .stubs import STUDENT_NOTE, check_source, stub_source

STUDENT_DROPS = {"solution-head", "solution", "closer"}


def folded_code(source: str, metadata: dict) -> tuple[str, dict]:
    """Return a hide-input / remove-input / remove-cell cell as a Colab form.

    A form (``cellView: "form"`` and a ``#@title`` first line) shows the title and the
    output, and keeps the code folded until the reader opens it.
    """
    if not FOLDED_TAGS & set(metadata.get("tags", [])):
        return source, metadata
    return f"{FORM_TITLE}\n{source}", {**metadata, "cellView": "form"}


def twin_cell(cell: Cell) -> tuple[str, dict, bool] | None:
    """Return (source, metadata, folded section) of a cell in the twin."""
    if cell.cell_type == "code":
        return (*folded_code(cell.text("twin"), cell.metadata), False)
    return cell.text("twin"), cell.metadata, cell.kind == "solution-head"


def student_cell(cell: Cell) -> tuple[str, dict, bool] | None:
    """Return (source, metadata, False) of a cell in the student notebook, or None."""
    if cell.kind in STUDENT_DROPS:
        return None
    if cell.kind == "answer":
        return stub_source(cell.text("student"), cell.where), cell.metadata, False
    if cell.kind == "check":
        return check_source(cell.text("student")), cell.metadata, False
    if cell.cell_type == "code":
        return (*folded_code(cell.text("student"), cell.metadata), False)
    return cell.text("student"), cell.metadata, False


EDITIONS = {"twin": twin_cell, "student": student_cell}


def cell_id(cell_type: str, source: str, seen: set) -> str:
    """Return a short id from the cell's content, unique within the notebook."""
    base = hashlib.sha1(f"{cell_type}\n{source}".encode()).hexdigest()[:8]
    cid, n = base, 1
    while cid in seen:
        n += 1
        cid = f"{base}-{n}"
    seen.add(cid)
    return cid


def notebook(md: Path, context: Context | None = None, edition: str = "twin"):
    """Return the twin (or the "student" edition) of a chapter .md as a notebook."""
    return edition_notebook(*chapter_cells(md, context or make_context(md.parent)),
                            edition)


def edition_notebook(cells: list[Cell], metadata: dict, edition: str):
    """Return one edition of a chapter's cells (chapter_cells) as a notebook."""
    metadata = dict(metadata)  # 두 판이 같은 셀 목록과 메타데이터에서 만들어집니다
    out, seen, collapsed = [], set(), []
    make = {"markdown": nbformat.v4.new_markdown_cell,
            "code": nbformat.v4.new_code_cell, "raw": nbformat.v4.new_raw_cell}
    for cell in cells:
        written = EDITIONS[edition](cell)
        if written is None or (cell.cell_type == "markdown" and not written[0].strip()):
            continue
        source, meta, folded = written
        node = make[cell.cell_type](source, metadata=dict(meta))
        node.id = cell_id(cell.cell_type, source, seen)
        if folded:  # Colab이 접힌 구역을 셀 메타데이터의 id로 기억합니다
            node.metadata["id"] = node.id
            collapsed.append(node.id)
        out.append(node)
    if edition == "student" and out:
        out.insert(1, nbformat.v4.new_markdown_cell(STUDENT_NOTE, id="student"))
    metadata.setdefault("language_info", {"name": "python"})
    colab = metadata["colab"] = {"provenance": [], **metadata.get("colab", {})}
    if collapsed:
        colab["collapsed_sections"] = collapsed
    nb = nbformat.v4.new_notebook(cells=out, metadata=metadata)
    nbformat.validate(nb)
    return nb


def notebook_text(md: Path, context: Context | None = None, edition: str = "twin"):
    """Return the exact text sync writes for an edition of `md`."""
    return written(notebook(md, context, edition))


def written(nb) -> str:
    """Return a notebook as the text sync writes."""
    return nbformat.writes(nb) + "\n"


def twin_text(md: Path, context: Context | None = None) -> str:
    """Return the exact text sync writes to the .ipynb twin of `md`."""
    return notebook_text(md, context, "twin")


def student_text(md: Path, context: Context | None = None) -> str:
    """Return the exact text sync writes to the student notebook of `md`."""
    return notebook_text(md, context, "student")


def student_path(md: Path) -> Path:
    return md.parent / STUDENT_DIR / md.with_suffix(".ipynb").name
