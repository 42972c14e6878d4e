"""One list of cells for a chapter: what both editions are filtered from.

Each cell has a kind: ``prose``, ``solution-head`` (the folded heading of a
solution), ``solution`` (prose or code inside a solution), ``answer`` and ``check``
(code cells tagged exercise-answer / exercise-check inside a solution), ``code``,
``raw``, ``closer`` (the heading that ends a folded solution before more prose) and
``references``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import jupytext

from .config import ANSWER_TAG, CHECK_TAG, ConversionError, where
from .index import Context, source_lines
from .pieces import Mark, cut, edition_text
from .prose import translate_markdown
from .roles import references
from .state import Conversion

CLOSER = " 연습 문제를 마치며"


@dataclass
class Cell:
    """One notebook cell before an edition picks and writes it."""

    kind: str
    cell_type: str
    parts: list  # 코드 셀: [소스]; 마크다운 셀: 문자열과 Part
    metadata: dict = field(default_factory=dict)
    where: str = ""

    def text(self, edition: str) -> str:
        """Return the cell's source as `edition` shows it."""
        if self.cell_type != "markdown":
            return self.parts[0]
        return re.sub(r"\n{3,}", "\n\n", edition_text(self.parts, edition)).strip("\n")

    @property
    def tags(self) -> set:
        return set(self.metadata.get("tags", []))


def heading_level(text: str) -> int | None:
    m = re.match(r"(#{1,6})\s", text)
    return len(m[1]) if m else None


class CellList:
    """The cells of a chapter, appended in order, with the solution they sit in."""

    def __init__(self):
        self.cells: list[Cell] = []
        self.inside = False  # 풀이 안인지
        self.close_level: int | None = None  # 풀이가 끝난 뒤 이 수준 이하의 제목이 필요

    def add(self, cell: Cell) -> None:
        if cell.cell_type == "markdown" and not cell.text("twin").strip():
            return
        if self.close_level is not None:
            level = heading_level(cell.text("twin")) if cell.cell_type == "markdown" \
                else None
            if level is None or level > self.close_level:
                # 접힌 풀이 밑으로 본문이 딸려 들어가지 않게 같은 수준의 제목으로 닫습니다
                closer = "#" * max(self.close_level - 1, 1) + CLOSER
                self.cells.append(Cell("closer", "markdown", [closer]))
            self.close_level = None
        self.cells.append(cell)

    def markdown(self, pieces: list, where: str) -> None:
        """Add translated Markdown, split into cells at the marks."""
        chunk = []
        for piece in [*pieces, cut()]:
            if not isinstance(piece, Mark):
                chunk.append(piece)
                continue
            self.add(Cell("solution" if self.inside else "prose", "markdown", chunk,
                          where=where))
            chunk = []
            if piece.kind == "solution":
                self.add(Cell("solution-head", "markdown", [piece.text], where=where))
                self.inside = True
            elif piece.kind == "end":
                self.inside, self.close_level = False, piece.level

    def code(self, source: str, metadata: dict, where: str) -> None:
        tags, kind = set(metadata.get("tags", [])), "code"
        if self.inside:
            kind = "answer" if ANSWER_TAG in tags else "check" if CHECK_TAG in tags \
                else "solution"
        self.add(Cell(kind, "code", [source], metadata, where))


def chapter_cells(md: Path, context: Context) -> tuple[list[Cell], dict]:
    """Return a chapter's one list of cells and its notebook metadata."""
    source = jupytext.read(md, fmt="md:myst")
    formats = source.metadata.get("jupytext", {}).get("formats", "")
    if "ipynb" not in formats.split(","):
        raise ConversionError(f"{md.name}: its jupytext header must pair it with "
                              "ipynb (formats: ipynb,md:myst)")
    c, cells = Conversion(md, context), CellList()
    starts = source_lines(md, len(source.cells))
    for cell, line in zip(source.cells, starts):
        if cell.cell_type == "markdown":
            pieces = translate_markdown(c, cell.source, line or 1)
            cells.markdown(pieces, where(md, line))
        elif cell.cell_type == "code":
            cells.code(cell.source, dict(cell.metadata), where(md, line))
        else:
            cells.add(Cell("raw", "raw", [cell.source], dict(cell.metadata)))
    if c.open_solution:
        raise ConversionError(f"{c.where(c.solution_line)}: a solution-start has no "
                              "solution-end")
    cells.close_level = None
    cells.add(Cell("references", "markdown", [references(c)]))
    metadata = {k: v for k, v in source.metadata.items() if k != "jupytext"}
    return cells.cells, metadata
