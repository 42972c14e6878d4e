"""The book-wide index: exercise numbers and titles, equation numbers, targets, titles.

Exercise numbers run across the whole book in chapter order, as sphinx-exercise
numbers them (chapter 3 starts where chapter 2 stopped).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import jupytext
from jupytext.myst import myst_to_notebook

from .bib import BibEntry, read_bib
from .config import ANSWER_TAG, CHECK_TAG, ROOT, ConversionError, where
from .parser import walk_directives
from .spans import replace_roles

# 코드를 담은 지시어: 그 안의 글은 MyST가 아닙니다
CODE_DIRECTIVES = {"code", "code-block", "sourcecode"}
NOT_PROSE = {"literalinclude", "code-cell", *CODE_DIRECTIVES}


@dataclass
class Chapter:
    """What the writer knows about one chapter before converting it."""

    path: Path
    exercises: dict[str, int] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)  # 연습의 라벨 -> 제목
    equations: dict[str, int] = field(default_factory=dict)
    targets: dict[str, str] = field(default_factory=dict)
    title: str = ""
    n_exercises: int = 0
    offset: int = 0  # 앞 장들의 연습 문제 수
    answered: set = field(default_factory=set)  # 답·확인 셀이 있는 연습의 라벨
    answers: dict[str, list] = field(default_factory=dict)  # 라벨 -> 답 셀의 코드
    lines: dict[str, int] = field(default_factory=dict)  # 연습의 라벨 -> .md의 줄


@dataclass
class Context:
    """Labels of every chapter and the bibliography, shared by all conversions."""

    chapters: dict[Path, Chapter]
    bib: dict[str, BibEntry]


def plain_title(inline) -> str:
    """Return a heading's text with each role replaced by its body."""
    return replace_roles(inline.content, inline, lambda name, body: body).strip()


def scan_text(text: str, chapter: Chapter, solution: list, first_line: int) -> None:
    """Collect the labels of one Markdown cell (into chapter, in place).

    `solution` holds the label of the solution open at the end of the cell.
    """
    pending, heading = None, False
    for token, d in walk_directives(text, first_line, NOT_PROSE, chapter.path.name):
        if d is not None:
            pending = None
            scan_directive(d, chapter, solution)
        elif token.type == "myst_target":
            pending = token.content
        elif token.type == "heading_open":
            heading = token.markup.startswith("#")
        elif token.type == "inline" and heading:
            title = plain_title(token)
            chapter.title = chapter.title or title
            if pending:
                chapter.targets[pending] = title
            pending = heading = None
        elif token.type == "math_block_label":
            chapter.equations[token.info] = len(chapter.equations) + 1
        elif token.nesting >= 0 and token.type != "inline":
            pending = None


def scan_directive(d, chapter: Chapter, solution: list) -> None:
    if d.name == "exercise":
        number = chapter.n_exercises = chapter.n_exercises + 1
        label = str(d.options.get("label", ""))
        if label in chapter.exercises:
            raise ConversionError(f"{where(chapter.path, d.line)}: exercise label "
                                  f"{label!r} is used twice")
        if label:
            chapter.exercises[label], chapter.titles[label] = number, d.arg
            chapter.lines[label] = d.line
    elif d.name == "solution-start":
        solution[:] = [d.arg.split()[0] if d.arg.split() else ""]
    elif d.name == "solution-end":
        solution[:] = [None]


def scan_chapter(md: Path) -> Chapter:
    """Return the exercise and equation numbers and the section targets of a .md."""
    chapter, solution = Chapter(md), [None]
    cells = jupytext.read(md, fmt="md:myst").cells
    for cell, line in zip(cells, source_lines(md, len(cells))):
        tags = set(cell.metadata.get("tags", []))
        if cell.cell_type == "markdown":
            scan_text(cell.source, chapter, solution, line or 1)
        elif solution[0] and {ANSWER_TAG, CHECK_TAG} & tags:
            chapter.answered.add(solution[0])
            if ANSWER_TAG in tags:
                chapter.answers.setdefault(solution[0], []).append(cell.source)
    return chapter


def source_lines(md: Path, n_cells: int) -> list[int | None]:
    """Return the .md line where each cell's source starts (None if unknown)."""
    text = md.read_text(encoding="utf-8")
    nb = myst_to_notebook(text, add_source_map=True)
    starts = nb.metadata["source_map"]
    if len(starts) != n_cells:
        return [None] * n_cells
    lines = text.splitlines()

    def first_text_line(start: int) -> int:
        while start < len(lines) and not lines[start].strip():
            start += 1
        return start + 1

    return [start if cell.cell_type != "markdown" else first_text_line(start)
            for start, cell in zip(starts, nb.cells)]


def chapter_paths(chapter_dir: Path | None = None) -> list[Path]:
    """Return the chapter sources chapters/NN_*.md in order."""
    return sorted((chapter_dir or ROOT / "chapters").glob("[0-9][0-9]_*.md"))


def make_context(chapter_dir: Path | None = None) -> Context:
    """Scan every chapter .md and the bibliography once."""
    chapters, offset, seen = {}, 0, {}
    for path in chapter_paths(chapter_dir):
        chapter = chapters[path.resolve()] = scan_chapter(path)
        for label, line in chapter.lines.items():
            if label in seen:
                raise ConversionError(f"{where(path, line)}: exercise label {label!r} "
                                      f"is used twice (first at {seen[label]})")
            seen[label] = where(path, line)
        chapter.offset = offset
        chapter.exercises = {k: v + offset for k, v in chapter.exercises.items()}
        offset += chapter.n_exercises
    return Context(chapters, read_bib())
