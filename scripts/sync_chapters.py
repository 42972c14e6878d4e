"""Write each chapter's notebooks: chapters/NN_*.md -> the Colab twin chapters/NN_*.ipynb,
the student notebook chapters/student/NN_*.ipynb and nlp_pp/resources/glue_formats.json.

Usage: python scripts/sync_chapters.py [chapters/NN_x.md ...]
       (the one command after editing a chapter; no argument: every chapter)

The MyST Markdown file is the source; everything this script writes is generated, never
edited by hand. The script

1. points every chapter's install cell at the repository of _config.yml (it rewrites
   the .md only when that URL changed),
2. reads the .md with jupytext (the jupytext header and its ``formats: ipynb,md:myst``
   line stay as they are: they tell Jupyter Book and jupytext that the .md is a
   notebook paired with the .ipynb beside it),
3. writes a plain-Jupyter twin for Colab: code cells verbatim (with their tags and
   metadata), no outputs, the front matter's notebook metadata (a chapter that trains
   on a GPU asks for one there: ``accelerator: GPU`` and ``colab: {gpuType: T4}``;
   the others ask for nothing), and Markdown cells with every MyST role and directive
   turned into Markdown that Colab shows as intended,
4. writes the student notebook from the same source (see below),
5. writes ``nlp_pp/resources/glue_formats.json``: for every glued name the prose of
   any book page uses, its format specs in prose order. ``pp.glue`` reads it outside
   the book build to show each value exactly as the book prints it,
6. gives the twin the same modification time as its .md.

Do not run ``jupytext --sync`` any more: it would copy the twin's plain Markdown back
into the .md when the twin is the newer file. Step 6 makes jupytext treat the .md as
the newer side, and tests/test_repo.py fails whenever a generated file differs from
what this script makes of its .md. Running the script twice changes nothing.

How the MyST constructs read in the twin:

- ``{glue:text}`name:fmt``` (and the other glue roles and directives): the glue key as
  inline code, `name`. Outside the book ``pp.glue`` shows "`name` = value" under the
  cell that computed it, in the book's format(s) for that name ("25.0%", not 0.25;
  "a · b" when the prose uses two formats), so the reader finds the number by its key.
- ``{exercise}``: a heading one level below the current section, "### 연습 N. title",
  in a cell of its own, then its body. N counts across the whole book in chapter
  order, as the book's sphinx-exercise numbers (chapter 3 shows 연습 8–11).
- ``{solution}`` and ``{solution-start}`` ... ``{solution-end}`` (which may span code
  cells): a heading cell "#### 풀이 (연습 N)" listed in the notebook's
  ``colab.collapsed_sections`` (by the cell's metadata ``id``, as Colab saves it), so
  Colab opens the notebook with the solution's prose, code and output folded; "Run
  all" still runs it. When prose follows a solution, a heading "### 연습 문제를
  마치며" ends the folded section. A solution-start without its solution-end stops the
  script.
- ``{only} html`` blocks are left out, ``{only} notebook`` (or ``colab``) blocks are
  kept: Sphinx does the opposite, so a sentence can speak to one audience. Only tag
  names, ``and``, ``or``, ``not`` and parentheses; an unknown tag stops the script.
- Code cells tagged ``hide-input``, ``remove-input`` or ``remove-cell`` become Colab
  forms (``cellView: "form"`` and a ``#@title`` first line): the code is folded, the
  output shows.
- ``{dropdown}``: an HTML ``<details>`` block.
- ``{literalinclude}``: a fenced code block with the file's text (``:pyobject:``,
  ``:lines:``, ``:start-after:``, ``:end-before:`` honoured); an unknown option or a
  missing file or object stops the script.
- Admonitions (note, tip, important, warning, admonition with a title, ...): a block
  quote whose first line is the bold title ("> **참고**").
- ``{ref}``: the explicit text, else the exercise ("연습 N") or the heading the label
  stands before; ``{numref}`` likewise; ``{doc}``: the explicit text or the page title;
  ``{eq}``: the equation number "(N)" as the book prints it, and each labelled
  ``$$ ... $$ (label)`` keeps its math with ``\\tag{N}`` instead of the label;
  ``{cite:p}`` / ``{cite}``: "(Hochreiter & Schmidhuber, 1997)" from references.bib,
  ``{cite:t}``: "Cho et al. (2014)", and a twin that cites ends with a "참고 문헌"
  list of what it cited; a key missing from references.bib stops the script.
  ``(label)=`` lines, ``%`` comment lines and ``{tableofcontents}`` disappear. Any
  other role or directive stops the script with its location.

The student notebook (the classroom edition) is the twin without the solutions: every
cell between a solution's start and end is left out (prose and code) except the code
cells tagged ``exercise-answer``, which become stubs that run as they stand
(``답 = ...``; a function keeps its signature and docstring with ``return ...``;
imports and other lines such as ``pp.exercise(...).predict(예측)`` stay), and those
tagged ``exercise-check``, kept without their ``assert`` statements. Under each
exercise a line says how to check it (``pp.exercise(N).hint()``), and a note under the
title says what the notebook is.
"""

from __future__ import annotations

import ast
import hashlib
import io
import json
import os
import re
import sys
import tokenize
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import jupytext
import nbformat
import yaml

ROOT = Path(__file__).resolve().parents[1]
BIB = ROOT / "references.bib"
GLUE_FORMATS = ROOT / "nlp_pp" / "resources" / "glue_formats.json"
STUDENT_DIR = "student"  # chapters/student/NN_*.ipynb
# 노트북(Colab 쌍둥이, 학생용)에서 참인 {only} 태그: 책(html)에서는 거짓입니다
NOTEBOOK_TAGS = {"colab": True, "notebook": True, "html": False, "latex": False,
                 "format_html": False}
BOOK_TAGS = {**{k: not v for k, v in NOTEBOOK_TAGS.items()}, "latex": False}
# 책에서 코드를 숨기는 태그: 노트북에서는 Colab 양식(form)으로 코드를 접습니다
FOLDED_TAGS = {"hide-input", "remove-input", "remove-cell"}
FORM_TITLE = '#@title 숨긴 코드 (두 번 누르면 펼쳐집니다) { display-mode: "form" }'
ANSWER_TAG, CHECK_TAG = "exercise-answer", "exercise-check"
# 변환한 글 안에서 셀을 나누는 표시: 새 셀, 접힌 풀이의 제목 셀, 풀이의 끝(제목 수준)
MARK = re.compile(r"\x00(?P<kind>CELL|SOLUTION|END)(?: (?P<arg>[^\x00]*))?\x00")
# 설치 셀: 저장소 주소는 repo 변수에, 브랜치는 %pip 줄에 있습니다 (한 줄 80자 이내).
REPO_LINE = re.compile(r'^(\s*repo = ")[^"]+(")', re.MULTILINE)
INSTALL = re.compile(r'(%pip install -q "nlp_pp @ git\+\{repo\}@)[^"]+(")')

ADMONITIONS = {
    "note": "참고", "tip": "팁", "hint": "힌트", "important": "중요",
    "warning": "경고", "caution": "주의", "attention": "주의", "danger": "위험",
    "error": "오류", "seealso": "함께 보기", "admonition": "", "margin": "",
    "sidebar": "", "topic": "",
}
CODE_DIRECTIVES = {"code", "code-block", "sourcecode"}
GLUE_DIRECTIVES = {"glue", "glue:any", "glue:figure", "glue:math", "glue:md"}
LITERALINCLUDE_OPTIONS = {
    "pyobject", "lines", "language", "start-after", "end-before", "caption",
    "linenos", "emphasize-lines", "name", "dedent", "class",
}

FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,}|:{3,})(?P<info>.*)$")
DIRECTIVE_INFO = re.compile(r"^\{(?P<name>[A-Za-z][\w:+-]*)\}\s*(?P<arg>.*)$")
OPTION = re.compile(r"^:(?P<key>[\w-]+):\s*(?P<value>.*)$")
TARGET = re.compile(r"^\s*\((?P<label>[^()\s]+)\)=\s*$")
MATH_LABEL = re.compile(r"^(?P<math>.*\$\$)[ \t]*\((?P<label>[^()\s]+)\)[ \t]*$")
HEADING = re.compile(r"^#{1,6}\s+(?P<title>.+?)\s*#*\s*$")
# 역할(role)과 인라인 코드를 한 번에 훑어, 인라인 코드 안의 글자는 건드리지 않습니다
INLINE = re.compile(
    r"\{(?P<role>[A-Za-z][\w:+-]*)\}`(?P<body>[^`]*)`"
    r"|(?P<code>(?P<ticks>`+).+?(?P=ticks))",
    re.DOTALL,
)
EXPLICIT = re.compile(r"^(?P<text>.*?)\s*<(?P<target>[^<>]+)>$", re.DOTALL)


class ConversionError(ValueError):
    """A MyST construct this script cannot write as plain Jupyter Markdown."""


# ---------------------------------------------------------------------------
# 장 전체에서 모으는 정보: 연습 문제 번호, 식 번호, 제목 앞의 라벨, 참고 문헌
# ---------------------------------------------------------------------------


@dataclass
class Chapter:
    """What the converter knows about one chapter before converting it."""

    path: Path
    exercises: dict[str, int] = field(default_factory=dict)
    equations: dict[str, int] = field(default_factory=dict)
    targets: dict[str, str] = field(default_factory=dict)
    title: str = ""
    n_exercises: int = 0
    offset: int = 0  # 앞 장들의 연습 문제 수: 책은 연습을 책 전체에서 이어 셉니다
    answered: set = field(default_factory=set)  # 답·확인 셀이 있는 연습의 라벨


@dataclass
class Context:
    """Labels of every chapter and the bibliography, shared by all conversions."""

    chapters: dict[Path, Chapter]
    bib: dict[str, tuple[list[str], str]]


def scan_chapter(md: Path) -> Chapter:
    """Return the exercise and equation numbers and the section targets of a .md."""
    chapter, label = Chapter(md), None
    cells = jupytext.read(md, fmt="md:myst").cells
    for cell in cells:
        if cell.cell_type == "markdown":
            _scan_blocks(split_blocks(cell.source.splitlines()), chapter)
            for m in re.finditer(r"^\s*[`:]{3,}\{solution-(start|end)\}\s*(\S*)",
                                 cell.source, re.MULTILINE):
                label = m[2] if m[1] == "start" else None
        elif label and {ANSWER_TAG, CHECK_TAG} & set(cell.metadata.get("tags", [])):
            chapter.answered.add(label)
    return chapter


def _scan_blocks(blocks: list, chapter: Chapter) -> None:
    """Collect labels from blocks in document order (into chapter, in place)."""
    pending = None
    for block in blocks:
        if isinstance(block, Directive):
            pending = None
            if block.name == "exercise":
                number = chapter.n_exercises = chapter.n_exercises + 1
                if block.options.get("label"):
                    chapter.exercises[str(block.options["label"])] = number
            if block.name not in ("literalinclude", "code-cell", *CODE_DIRECTIVES):
                _scan_blocks(split_blocks(block.body), chapter)
        elif isinstance(block, str):
            if (t := TARGET.match(block)):
                pending = t["label"]
            elif (h := HEADING.match(block)):
                chapter.title = chapter.title or _plain(h["title"])
                if pending:
                    chapter.targets[pending] = _plain(h["title"])
                pending = None
            elif block.strip():
                pending = None
            if (e := MATH_LABEL.match(block)):
                chapter.equations[e["label"]] = len(chapter.equations) + 1


def _plain(title: str) -> str:
    """Return a heading's text without inline markup that needs a context."""
    return re.sub(r"\{[\w:+-]+\}`([^`]*)`", r"\1", title).strip()


@dataclass
class BibEntry:
    """One reference: family names, year and the fields a reference line needs."""

    surnames: list[str]
    year: str
    fields: dict[str, str]

    def who(self) -> str:
        """Return 'Hochreiter & Schmidhuber' or 'Cho et al.' as the book cites them."""
        names = self.surnames
        return names[0] if len(names) == 1 else (
            f"{names[0]} & {names[1]}" if len(names) == 2 else f"{names[0]} et al.")

    def line(self) -> str:
        """Return the entry as one Markdown line of a reference list."""
        f = self.fields
        authors = [_initials(a) for a in re.split(r"\s+and\s+", f.get("author", ""))
                   if a.strip()]
        who = ", ".join(authors[:-1]) + ", & " + authors[-1] if len(authors) > 1 \
            else "".join(authors)
        venue = f.get("journal") or f.get("booktitle") or f.get("publisher", "")
        if venue and f.get("volume"):
            venue = f"*{venue}*, {f['volume']}" + (f"({f['number']})" if f.get("number")
                                                   else "")
        elif venue:
            venue = f"*{venue}*"
        pages = f.get("pages", "").replace("--", "–")
        tail = ", ".join(x for x in (venue, pages) if x)
        link = (f" https://doi.org/{f['doi']}" if f.get("doi")
                else f" {f['url']}" if f.get("url") else "")
        title = f.get("title", "").replace("--", "–")
        return f"{who} ({self.year}). {title}." + \
            (f" {tail}." if tail else "") + link


def read_bib(path: Path = BIB) -> dict[str, BibEntry]:
    """Return {key: BibEntry} for the entries of a BibTeX file."""
    if not path.exists():
        return {}
    text, entries = path.read_text(encoding="utf-8"), {}
    for m in re.finditer(r"@\w+\s*\{\s*([^,\s]+)\s*,", text):
        body = _braced(text, m.start() + m[0].index("{"))
        fields = _bib_fields(body[body.index(",") + 1:])
        authors = [_surname(a) for a in re.split(r"\s+and\s+", fields.get("author", ""))
                   if a.strip()]
        entries[m[1]] = BibEntry(authors, fields.get("year", "n.d."), fields)
    return entries


def _initials(author: str) -> str:
    """Return 'Gers, F. A.' for 'Gers, Felix A.' or 'Felix A. Gers'."""
    author = " ".join(author.split())
    if "," in author:
        last, first = (s.strip() for s in author.split(",", 1))
    else:
        *given, last = author.split()
        first = " ".join(given)
    initials = " ".join(f"{part[0]}." for part in re.split(r"[\s.]+", first) if part)
    return f"{last}, {initials}" if initials else last


def _braced(text: str, start: int) -> str:
    """Return the text inside the brace group that opens at text[start]."""
    depth = 0
    for i in range(start, len(text)):
        depth += {"{": 1, "}": -1}.get(text[i], 0)
        if depth == 0:
            return text[start + 1:i]
    raise ConversionError(f"references.bib: unbalanced braces near {text[start:][:40]!r}")


def _bib_fields(body: str) -> dict[str, str]:
    """Return the name = {value} / "value" / number fields of one BibTeX entry."""
    fields, i = {}, 0
    for m in re.finditer(r"(\w+)\s*=\s*", body):
        if m.start() < i:
            continue
        j = m.end()
        if body[j] == "{":
            value = _braced(body, j)
            i = j + len(value) + 2
        elif body[j] == '"':
            value = body[j + 1:body.index('"', j + 1)]
            i = j + len(value) + 2
        else:
            value = re.match(r"[^,\s}]*", body[j:])[0]
            i = j + len(value)
        fields[m[1].lower()] = " ".join(re.sub(r"[{}]", "", _accents(value)).split())
    return fields


ACCENTS = {'"': "\u0308", "'": "\u0301", "`": "\u0300", "^": "\u0302", "~": "\u0303"}


def _accents(text: str) -> str:
    """Return TeX accents such as {\\"u} as Unicode letters (ü)."""
    return unicodedata.normalize("NFC", re.sub(
        r"\{?\\([\"'`^~])\{?([A-Za-z])\}?\}?",
        lambda m: m[2] + ACCENTS[m[1]], text))


def _surname(author: str) -> str:
    """Return the family name of 'Last, First' or 'First Last'."""
    author = " ".join(author.split())
    return author.split(",")[0].strip() if "," in author else author.split()[-1]


def make_context(chapter_dir: Path | None = None) -> Context:
    """Scan every chapter .md and the bibliography once.

    Exercise numbers run across the whole book in chapter order, as the book's
    sphinx-exercise numbers them (chapter 3 starts where chapter 2 stopped).
    """
    chapter_dir = chapter_dir or ROOT / "chapters"
    chapters, offset = {}, 0
    for path in chapter_paths(chapter_dir):
        chapter = chapters[path.resolve()] = scan_chapter(path)
        chapter.offset = offset
        chapter.exercises = {k: v + offset for k, v in chapter.exercises.items()}
        offset += chapter.n_exercises
    return Context(chapters, read_bib())


def chapter_paths(chapter_dir: Path | None = None) -> list[Path]:
    """Return the chapter sources chapters/NN_*.md in order."""
    return sorted((chapter_dir or ROOT / "chapters").glob("[0-9][0-9]_*.md"))


# ---------------------------------------------------------------------------
# 블록 단위: 코드 블록, 지시어(directive), 나머지 글
# ---------------------------------------------------------------------------


@dataclass
class Directive:
    """One MyST directive: its name, argument, options and raw body lines."""

    name: str
    arg: str
    options: dict[str, str]
    body: list[str]
    indent: str
    line: int


def _closes(m: re.Match, opening: re.Match) -> bool:
    """Return True if fence match m closes the fence opened by `opening`."""
    return (m["fence"][0] == opening["fence"][0]
            and len(m["fence"]) >= len(opening["fence"]) and not m["info"].strip())


def split_blocks(lines: list[str], first_line: int = 0) -> list:
    """Split Markdown lines into text lines (str), code blocks (list) and Directives."""
    blocks, i = [], 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        info = DIRECTIVE_INFO.match(m["info"].strip()) if m else None
        if not m or (m["fence"][0] == ":" and not info):
            blocks.append(lines[i])
            i += 1
            continue
        end = next((j for j in range(i + 1, len(lines))
                    if (c := FENCE.match(lines[j])) and _closes(c, m)), len(lines))
        inner = [_dedent(line, m["indent"]) for line in lines[i + 1:end]]
        if info:
            options, k = {}, 0
            while k < len(inner) and (o := OPTION.match(inner[k].strip())):
                options[o["key"]] = o["value"].strip()
                k += 1
            body = inner[k:]
            if body and body[0].strip() == "---":  # YAML 블록 형식의 옵션
                stop = next(n for n in range(1, len(body)) if body[n].strip() == "---")
                options.update(yaml.safe_load("\n".join(body[1:stop])) or {})
                body = body[stop + 1:]
            blocks.append(Directive(info["name"], info["arg"].strip(), options,
                                    body, m["indent"], first_line + i + 1))
        else:
            blocks.append(lines[i:end + 1])
        i = end + 1
    return blocks


def _dedent(line: str, indent: str) -> str:
    """Remove a fence's indentation from a line inside it."""
    return line[len(indent):] if line.startswith(indent) else line.lstrip()


class Converter:
    """Turn the MyST Markdown cells of one chapter into plain Jupyter Markdown.

    `student=True` adds under each exercise the student notebook's line on how to
    check it. The text may hold MARK separators
    (new cell, folded solution heading, end of a solution) that `notebook` splits on.
    """

    def __init__(self, md: Path, context: Context, student: bool = False):
        self.md = md.resolve()
        self.context = context
        self.chapter = context.chapters.get(self.md) or scan_chapter(self.md)
        self.student = student
        self.exercise = self.chapter.offset
        self.level = 1  # 마지막 제목의 수준: 연습은 그 아래 수준의 제목이 됩니다
        self.exercise_level: int | None = None
        self.open_solution: int | None = None  # 여러 셀에 걸친 풀이의 제목 수준
        self.cited: list[str] = []  # 이 장이 인용한 문헌 (처음 나온 순서)

    # 셀 하나 ----------------------------------------------------------------
    def markdown(self, source: str) -> str:
        """Return a Markdown cell's source written without MyST syntax."""
        blocks, parts = split_blocks(source.splitlines()), []
        if self.open_solution:  # 앞 셀에서 시작한 풀이가 이 셀에서 이어집니다
            end = next((j for j, b in enumerate(blocks) if isinstance(b, Directive)
                        and b.name == "solution-end"), None)
            parts.append(self.blocks(blocks[:end]))
            if end is None:
                return "\n".join(parts).strip("\n")
            parts.append(f"\x00END {self.open_solution}\x00")
            self.open_solution, blocks = None, blocks[end + 1:]
        parts.append(self.blocks(blocks))
        return re.sub(r"\n{3,}", "\n\n", "\n".join(parts)).strip("\n")

    def blocks(self, blocks: list) -> str:
        out, text, i = [], [], 0
        while i < len(blocks):
            block = blocks[i]
            if isinstance(block, str):  # 이어진 글 줄은 모아서 한꺼번에 바꿉니다
                text.append(self.text_line(block))
                i += 1
                continue
            if text:
                out.append(self.inline("\n".join(line for line in text
                                                  if line is not None)))
                text = []
            if isinstance(block, Directive) and block.name == "solution-start":
                end = next((j for j in range(i + 1, len(blocks))
                            if isinstance(blocks[j], Directive)
                            and blocks[j].name == "solution-end"), None)
                inner = blocks[i + 1:end] if end is not None else blocks[i + 1:]
                out.append(self.solution(block.arg, self.blocks(inner),
                                         closed=end is not None))
                if end is None:  # 코드 셀까지 이어지는 풀이: 코드 셀은 그 안에 남습니다
                    break
                i = end + 1
                continue
            if isinstance(block, list):  # 일반 코드 블록은 그대로 둡니다
                out.append("\n".join(block))
            else:
                out.append(self.indent(self.directive(block), block.indent))
            i += 1
        if text:
            out.append(self.inline("\n".join(line for line in text if line is not None)))
        return "\n".join(out)

    def text_line(self, line: str) -> str | None:
        """Return a text line without MyST-only syntax (None drops the line)."""
        if TARGET.match(line) or re.match(r"^\s*%", line):
            return None
        if (h := re.match(r"^(#{1,6})\s", line)):
            self.level = len(h[1])
        if (m := MATH_LABEL.match(line)):
            number = self.chapter.equations.get(m["label"])
            head = m["math"][:-2].rstrip()
            if number is None:
                return m["math"]
            tag = f"\\tag{{{number}}}"
            return f"{head} {tag}\n$$" if head else f"{tag}\n$$"
        return line

    @staticmethod
    def indent(text: str, indent: str) -> str:
        if not indent:
            return text
        return "\n".join(indent + line if line else line for line in text.split("\n"))

    # 지시어 ------------------------------------------------------------------
    def directive(self, d: Directive) -> str:
        def body() -> str:
            return self.blocks(split_blocks(d.body))

        name = d.name
        if name in ADMONITIONS:
            title = d.arg or ADMONITIONS[name] or name.capitalize()
            return self.quote(title, body())
        if name == "exercise":
            return self.exercise_block(d, body)
        if name == "solution":
            return self.solution(d.arg, body(), closed=True)
        if name == "dropdown":
            return self.details(self.inline(d.arg) or "더 보기", body())
        if name == "only":
            return body() if only_applies(d.arg, self.where(d.line)) else ""
        if name in ("solution-start", "solution-end"):
            raise ConversionError(f"{self.where(d.line)}: {{{name}}} out of place "
                                  "(solution-start and solution-end must pair)")
        if name in GLUE_DIRECTIVES:
            caption = body().strip()
            return f"`{d.arg.split(':')[0].strip()}`" + (f"\n\n{caption}" if caption
                                                        else "") + "\n"
        if name == "literalinclude":
            return self.literalinclude(d)
        if name in CODE_DIRECTIVES:
            return self.fenced("\n".join(d.body), d.arg)
        if name == "math":
            return "$$\n" + "\n".join(d.body).strip("\n") + "\n$$\n"
        if name in ("div", "container"):
            return body()
        if name == "tableofcontents":
            return ""
        raise ConversionError(f"{self.where(d.line)}: unsupported directive {{{name}}}")

    def exercise_block(self, d: Directive, body) -> str:
        """Return '### 연습 N. title' in a cell of its own, its body, a how-to line."""
        self.exercise += 1
        number, level = self.exercise, min(self.level + 1, 5)
        head = "#" * level + f" 연습 {number}." + (f" {self.inline(d.arg)}" if d.arg
                                                   else "")
        text = f"\x00CELL\x00{head}\n\n{body()}\n"
        if self.student:
            label = str(d.options.get("label", ""))
            text += "\n" + student_line(number, label in self.chapter.answered) + "\n"
        self.exercise_level = level
        return text

    def solution(self, label: str, inner: str, closed: bool) -> str:
        """Return a solution: a folded heading cell, its text and (if closed) its end.

        In the twin the heading is listed in colab.collapsed_sections, so Colab opens
        the notebook with everything under it (prose, code, output) folded. The student
        notebook leaves everything between the heading and the end out.
        """
        level = min((self.exercise_level or self.level) + 1, 6)
        number = self.chapter.exercises.get(label.strip())
        title = f"풀이 (연습 {number})" if number else "풀이"
        text = f"\x00SOLUTION\x00{'#' * level} {title}\x00CELL\x00{inner.strip()}\n"
        if closed:
            return text + f"\x00END {level}\x00"
        self.open_solution = level
        return text

    def quote(self, title: str, body: str) -> str:
        lines = [f"**{self.inline(title)}**", "", *body.strip("\n").split("\n")]
        return "\n".join(f"> {line}".rstrip() for line in lines) + "\n"

    @staticmethod
    def details(summary: str, body: str) -> str:
        return (f"<details><summary>{summary}</summary>\n\n{body.strip()}\n\n"
                "</details>\n")

    @staticmethod
    def fenced(code: str, language: str = "") -> str:
        ticks = "`" * max(3, 1 + max((len(t) for t in re.findall(r"`+", code)),
                                     default=0))
        return f"{ticks}{language}\n{code.rstrip()}\n{ticks}\n"

    def literalinclude(self, d: Directive) -> str:
        unknown = set(d.options) - LITERALINCLUDE_OPTIONS
        if unknown:
            raise ConversionError(f"{self.where(d.line)}: literalinclude options "
                                  f"{sorted(unknown)} are not supported")
        path = (self.md.parent / d.arg).resolve()
        if not path.is_file():
            raise ConversionError(f"{self.where(d.line)}: no file {d.arg}")
        code = path.read_text(encoding="utf-8")
        if "pyobject" in d.options:
            code = pyobject_source(code, d.options["pyobject"], self.where(d.line))
        if "start-after" in d.options:
            code = code.split(d.options["start-after"], 1)[-1].split("\n", 1)[-1]
        if "end-before" in d.options:
            code = code.split(d.options["end-before"], 1)[0].rsplit("\n", 1)[0]
        if "lines" in d.options:
            code = select_lines(code, d.options["lines"])
        if "dedent" in d.options:
            n = int(d.options["dedent"] or 0)
            code = "\n".join(line[n:] for line in code.split("\n"))
        language = d.options.get("language") or {".py": "python"}.get(path.suffix, "")
        caption = d.options.get("caption")
        return (f"*{self.inline(caption)}*\n\n" if caption else "") + \
            self.fenced(code.strip("\n"), language)

    # 인라인 역할(role) --------------------------------------------------------
    def inline(self, text: str) -> str:
        """Return text with every MyST role written as plain Markdown."""
        return INLINE.sub(lambda m: m["code"] or self.role(m["role"], m["body"]), text)

    def role(self, name: str, body: str) -> str:
        explicit = EXPLICIT.match(body)
        text, target = (explicit["text"], explicit["target"]) if explicit else ("", body)
        if name.startswith("glue"):
            return f"`{body.split(':')[0].strip()}`"
        if name in ("ref", "numref"):
            return self.reference(name, text, target.strip())
        if name == "eq":
            return self.equation(target.strip())
        if name == "doc":
            return text or self.doc_title(target.strip())
        if name.startswith("cite"):
            return self.cite(name, target)
        if name in ("term", "abbr", "download", "sub-ref"):
            return text or re.sub(r"\s*\(.*\)$", "", target)
        if name == "math":
            return f"${body}$"
        if name in ("code", "literal", "file", "samp", "command", "kbd"):
            return f"`{body}`"
        if name in ("sub", "sup"):
            return f"<{name}>{body}</{name}>"
        raise ConversionError(f"{self.where()}: unsupported role {{{name}}}`{body}`")

    def reference(self, name: str, text: str, label: str) -> str:
        others = self.context.chapters.values()
        number = self.chapter.exercises.get(label) or next(
            (c.exercises[label] for c in others if label in c.exercises), None)
        if text:
            return text.replace("{number}", str(number)).replace("%s", str(number))
        if number:
            return f"연습 {number}"
        heading = self.chapter.targets.get(label) or next(
            (c.targets[label] for c in others if label in c.targets), None)
        return f"‘{heading}’" if heading else label

    def equation(self, label: str) -> str:
        number = self.chapter.equations.get(label)
        if number is None:
            number = next((c.equations[label] for c in self.context.chapters.values()
                           if label in c.equations), label)
        return f"({number})"

    def doc_title(self, target: str) -> str:
        path = (self.md.parent / target).with_suffix(".md").resolve()
        chapter = self.context.chapters.get(path)
        if chapter is None and path.exists():
            chapter = scan_chapter(path)
        return chapter.title if chapter and chapter.title else target

    def cite(self, name: str, keys: str) -> str:
        """Return '(Hochreiter & Schmidhuber, 1997)' or 'Gers et al. (2000)'."""
        parts = []
        for key in (k.strip() for k in keys.split(",") if k.strip()):
            entry = self.context.bib.get(key)
            if entry is None:
                raise ConversionError(f"{self.where()}: no entry {key!r} in references.bib")
            if key not in self.cited:
                self.cited.append(key)
            parts.append((entry.who(), entry.year))
        if name in ("cite:t", "cite:ts"):
            return ", ".join(f"{who} ({year})" for who, year in parts)
        if name == "cite:author":
            return ", ".join(who for who, _ in parts)
        if name == "cite:year":
            return ", ".join(year for _, year in parts)
        return "(" + "; ".join(f"{who}, {year}" for who, year in parts) + ")"

    def references(self) -> str:
        """Return the '참고 문헌' list of what this chapter cited ('' if nothing)."""
        if not self.cited:
            return ""
        lines = sorted(self.context.bib[k].line() for k in self.cited)
        return "## 참고 문헌\n\n" + "\n".join(f"- {line}" for line in lines)

    def where(self, line: int | None = None) -> str:
        return f"{self.md.name}" + (f" (cell line {line})" if line else "")


def pyobject_source(code: str, name: str, where: str = "") -> str:
    """Return the source of the function or class `name` ('Class.method' too)."""
    nodes, found = ast.parse(code).body, None
    for part in name.split("."):
        found = next((n for n in nodes if isinstance(
            n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
            and n.name == part), None)
        if found is None:
            raise ConversionError(f"{where}: no object {name} to include")
        nodes = found.body
    start = min([found.lineno, *(d.lineno for d in found.decorator_list)])
    return "\n".join(code.split("\n")[start - 1:found.end_lineno])


def select_lines(code: str, spec: str) -> str:
    """Return the lines '1-3,5,8-' (1-based, as Sphinx counts them) of code."""
    lines, chosen = code.split("\n"), []
    for part in spec.split(","):
        a, _, b = part.strip().partition("-")
        first = int(a) if a else 1
        last = (int(b) if b else len(lines)) if "-" in part else first
        chosen.extend(lines[first - 1:last])
    return "\n".join(chosen)


# ---------------------------------------------------------------------------
# 독자에 따라: {only}, 학생용 안내 줄, 답 셀의 빈칸, 확인 셀
# ---------------------------------------------------------------------------


def only_applies(expression: str, where: str = "", tags: dict = NOTEBOOK_TAGS) -> bool:
    """Return whether an ``{only}`` block shows in a notebook (tags: NOTEBOOK_TAGS).

    Sphinx shows ``{only} html`` in the book and drops ``{only} colab``; a notebook
    does the opposite. Only tag names, ``and``, ``or``, ``not`` and parentheses.
    """
    words = re.findall(r"[\w-]+|[()]", expression)
    if not words or "".join(words) != re.sub(r"\s+", "", expression):
        raise ConversionError(f"{where}: cannot read the {{only}} expression "
                              f"{expression!r}")
    names = [w for w in words if w not in ("and", "or", "not", "(", ")")]
    unknown = sorted(set(names) - set(tags))
    if unknown:
        raise ConversionError(f"{where}: unknown {{only}} tags {unknown} "
                              f"(known: {sorted(tags)})")
    code = " ".join(str(tags[w]) if w in tags else w for w in words)
    return bool(eval(code, {"__builtins__": {}}))  # 이름은 위에서 모두 True/False로


def student_line(number: int, answered: bool) -> str:
    """Return the line under an exercise in a student notebook."""
    q = f"pp.exercise({number})"
    if answered:
        return (f"*답을 아래 셀에 쓰고, 그다음 확인 셀을 실행하세요. 막히면 "
                f"`{q}.hint()`, 다 풀었으면 `{q}.solution()`으로 풀이를 봅니다.*")
    return (f"*생각을 먼저 적어 본 뒤 `{q}.hint()`로 힌트를, `{q}.solution()`으로 "
            "풀이를 보세요.*")


def stub_source(code: str, where: str = "") -> str:
    """Return an exercise-answer cell as a stub that runs as it stands.

    ``NAME = value`` becomes ``NAME = ...``; a function keeps its signature and
    docstring with the body ``return ...``; imports and any other line stay as they
    are (``pp.exercise(3).predict(예측)``). Comment lines between statements stay, and
    so does the comment at the end of an assignment (``x = ...  # "커진다" / ...``):
    they tell the student what form the answer takes.
    """
    try:
        tree = ast.parse(code)
    except SyntaxError as exc:
        raise ConversionError(f"{where}: an {ANSWER_TAG} cell must be plain "
                              f"Python: {exc}") from None
    lines, out = code.split("\n"), []
    trailing = {tok.start[0]: tok.string for tok in tokenize.generate_tokens(
        io.StringIO(code).readline) if tok.type == tokenize.COMMENT
        and lines[tok.start[0] - 1][:tok.start[1]].strip()}  # 코드 뒤에 붙은 주석
    done = 0  # 이미 옮긴 마지막 줄 번호
    for node in tree.body:
        start = min([node.lineno, *(d.lineno for d in getattr(
            node, "decorator_list", []))])
        out += [line for line in lines[done:start - 1] if line.strip().startswith("#")]
        done = node.end_lineno
        segment = "\n".join(lines[node.lineno - 1:node.end_lineno])
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = " = ".join(ast.get_source_segment(code, t) for t in targets)
            if isinstance(node, ast.AnnAssign):
                names += f": {ast.get_source_segment(code, node.annotation)}"
            note = trailing.get(node.end_lineno)
            out.append(f"{names} = ..." + (f"  {note}" if note else ""))
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            start = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            body = node.body[0]
            keep = body.end_lineno if (isinstance(body, ast.Expr) and isinstance(
                body.value, ast.Constant) and isinstance(body.value.value, str)) \
                else body.lineno - 1
            head = lines[start - 1:keep]
            if keep < body.lineno:  # 한 줄 정의 "def f(x): return x" 는 머리만 남깁니다
                head = [re.sub(r":\s*[^:]*$", ":", lines[start - 1])] \
                    if node.lineno == body.lineno else head
            indent = re.match(r"\s*", lines[body.lineno - 1])[0] \
                if body.lineno != node.lineno else " " * (node.col_offset + 4)
            out += [*head, f"{indent}return ..."]
        else:
            out.append(segment)
    out += [line for line in lines[done:] if line.strip().startswith("#")]
    return "\n".join(out).strip("\n")


def check_source(code: str) -> str:
    """Return an exercise-check cell without its ``assert`` statements."""
    lines = code.split("\n")
    try:
        drop = {n for node in ast.parse(code).body if isinstance(node, ast.Assert)
                for n in range(node.lineno, node.end_lineno + 1)}
    except SyntaxError:
        drop = {i + 1 for i, line in enumerate(lines) if line.startswith("assert ")}
    return "\n".join(line for i, line in enumerate(lines, 1) if i not in drop)


# ---------------------------------------------------------------------------
# 노트북 쓰기
# ---------------------------------------------------------------------------


def _cell_id(cell_type: str, source: str, seen: set) -> str:
    """Return a short id from the cell's content, unique within the notebook."""
    base = hashlib.sha1(f"{cell_type}\n{source}".encode()).hexdigest()[:8]
    cid, n = base, 1
    while cid in seen:
        n += 1
        cid = f"{base}-{n}"
    seen.add(cid)
    return cid


def _heading_level(text: str) -> int | None:
    m = re.match(r"(#{1,6})\s", text)
    return len(m[1]) if m else None


def folded_code(source: str, metadata: dict) -> tuple[str, dict]:
    """Return a hide-input / remove-input / remove-cell cell as a Colab form.

    A form (``cellView: "form"`` and a ``#@title`` first line) shows the title and the
    output, and keeps the code folded until the reader opens it.
    """
    if not FOLDED_TAGS & set(metadata.get("tags", [])):
        return source, metadata
    return f"{FORM_TITLE}\n{source}", {**metadata, "cellView": "form"}


class NotebookWriter:
    """Assemble the cells of a twin (student=False) or a student notebook."""

    def __init__(self, student: bool):
        self.student = student
        self.cells, self.seen, self.collapsed = [], set(), []
        self.in_solution = False
        self.close_level: int | None = None  # 풀이가 끝난 뒤 이 수준 이하의 제목이 필요

    def add(self, cell_type: str, source: str, metadata: dict | None = None,
            collapsed: bool = False) -> None:
        if cell_type == "markdown" and not source.strip():
            return
        if self.student and self.in_solution:
            return
        if self.close_level is not None:
            level = _heading_level(source) if cell_type == "markdown" else None
            if level is None or level > self.close_level:
                # 접힌 풀이 밑으로 본문이 딸려 들어가지 않게 같은 수준의 제목으로 닫습니다
                closer, self.close_level = self._closer(), None
                self.add("markdown", closer)
            self.close_level = None
        make = {"markdown": nbformat.v4.new_markdown_cell,
                "code": nbformat.v4.new_code_cell,
                "raw": nbformat.v4.new_raw_cell}[cell_type]
        cell = make(source, metadata=dict(metadata or {}))
        cell.id = _cell_id(cell_type, source, self.seen)
        if collapsed:  # Colab이 접힌 구역을 셀 메타데이터의 id로 기억합니다
            cell.metadata["id"] = cell.id
            self.collapsed.append(cell.id)
        self.cells.append(cell)

    def _closer(self) -> str:
        return "#" * max(self.close_level - 1, 1) + " 연습 문제를 마치며"

    def markdown(self, text: str) -> None:
        """Add converted Markdown, split into cells at the MARK separators."""
        pos, kind, arg = 0, "CELL", None
        for m in [*MARK.finditer(text), None]:
            chunk = text[pos:m.start() if m else len(text)].strip("\n")
            if kind == "SOLUTION":
                if not self.student:
                    self.add("markdown", chunk, collapsed=True)
                self.in_solution = True
            else:
                self.add("markdown", chunk)
            if m is None:
                break
            kind, arg, pos = m["kind"], m["arg"], m.end()
            if kind == "END":
                self.in_solution = False
                self.close_level = None if self.student else int(arg)

    def code(self, source: str, metadata: dict, where: str = "") -> None:
        tags = set(metadata.get("tags", []))
        if self.student and self.in_solution:
            if ANSWER_TAG in tags:
                source = stub_source(source, where)
            elif CHECK_TAG in tags:
                source = check_source(source)
            else:
                return
            self.in_solution = False
            self.add("code", source, metadata)
            self.in_solution = True
            return
        self.add("code", *folded_code(source, metadata))


def notebook(md: Path, context: Context | None = None, student: bool = False):
    """Return the twin (or the student notebook) of a chapter .md as an nbformat node."""
    context = context or make_context(md.parent)
    source = jupytext.read(md, fmt="md:myst")
    formats = source.metadata.get("jupytext", {}).get("formats", "")
    if "ipynb" not in formats.split(","):
        raise ConversionError(f"{md.name}: its jupytext header must pair it with "
                              "ipynb (formats: ipynb,md:myst)")
    converter = Converter(md, context, student=student)
    writer = NotebookWriter(student)
    for i, cell in enumerate(source.cells):
        if cell.cell_type == "markdown":
            writer.markdown(converter.markdown(cell.source))
        elif cell.cell_type == "code":
            writer.code(cell.source, dict(cell.metadata), f"{md.name} (cell {i})")
        else:
            writer.add("raw", cell.source, dict(cell.metadata))
    if converter.open_solution:
        raise ConversionError(f"{md.name}: a solution-start has no solution-end")
    writer.close_level = None
    writer.add("markdown", converter.references())
    if student and writer.cells:
        writer.cells.insert(1, nbformat.v4.new_markdown_cell(STUDENT_NOTE, id="student"))
    metadata = {k: v for k, v in source.metadata.items() if k != "jupytext"}
    metadata.setdefault("language_info", {"name": "python"})
    colab = metadata["colab"] = {"provenance": [], **metadata.get("colab", {})}
    if writer.collapsed:
        colab["collapsed_sections"] = writer.collapsed
    nb = nbformat.v4.new_notebook(cells=writer.cells, metadata=metadata)
    nbformat.validate(nb)
    return nb


STUDENT_NOTE = (
    "> **학생용 노트북**\n>\n"
    "> 연습 문제의 풀이를 뺀 판입니다. 연습마다 답을 쓰는 셀(`답 = ...`)과 확인 셀이 "
    "있습니다. 답을 쓰고 확인 셀을 실행하면 `pp.exercise`가 이 실행에서 잰 값과 비교해 "
    "맞았는지, 아니라면 무엇이 얼마나 다른지 알려 줍니다. 확인은 배우라고 있는 것이지 "
    "채점이 아닙니다."
)


def twin_notebook(md: Path, context: Context | None = None):
    """Return the plain-Jupyter Colab twin of a chapter .md as an nbformat node."""
    return notebook(md, context)


def twin_text(md: Path, context: Context | None = None) -> str:
    """Return the exact text sync writes to the .ipynb twin of `md`."""
    return nbformat.writes(notebook(md, context)) + "\n"


def student_path(md: Path) -> Path:
    return md.parent / STUDENT_DIR / md.with_suffix(".ipynb").name


def student_text(md: Path, context: Context | None = None) -> str:
    """Return the exact text sync writes to the student notebook of `md`."""
    return nbformat.writes(notebook(md, context, student=True)) + "\n"


# ---------------------------------------------------------------------------
# 글루 서식: 책 밖에서 pp.glue가 책과 같은 서식으로 값을 보여 주도록
# ---------------------------------------------------------------------------


def glue_references(md: Path, tags: dict | None = None) -> list[tuple[str, str]]:
    """Return (key, format) of every {glue:text} role of a page, in order.

    The format is what follows the key's last ':' as myst-nb splits it ('' if none).
    With `tags` (BOOK_TAGS, say), only the {only} blocks that audience sees count.
    """
    refs = []

    def walk(blocks):
        for block in blocks:
            if isinstance(block, Directive):
                if block.name in GLUE_DIRECTIVES:
                    refs.append((block.arg.split(":")[0].strip(), ""))
                if tags and block.name == "only" and not only_applies(
                        block.arg, md.name, tags):
                    continue
                if block.name not in ("literalinclude", *CODE_DIRECTIVES):
                    walk(split_blocks(block.body))
            elif isinstance(block, str):
                for m in INLINE.finditer(block):
                    if m["role"] and m["role"].startswith("glue"):
                        key, _, fmt = m["body"].rpartition(":") if ":" in m["body"] \
                            else (m["body"], "", "")
                        # myst-nb: 서식이 없으면 "s", 즉 str(값)과 같습니다
                        refs.append((key.split("::")[-1].strip(),
                                     "" if fmt == "s" else fmt))

    for cell in jupytext.read(md, fmt="md:myst").cells:
        if cell.cell_type == "markdown":
            walk(split_blocks(cell.source.splitlines()))
    return refs


def book_pages() -> list[Path]:
    """Return every page of _toc.yml as a path (root first, then in order)."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    files = [toc["root"]] + [c["file"] for part in toc.get("parts", [])
                             for c in part.get("chapters", [])]
    return [ROOT / f"{f}.md" for f in files if (ROOT / f"{f}.md").exists()]


def glue_formats_text(pages: list[Path] | None = None) -> str:
    """Return glue_formats.json: {key: [format, ...]} in the order the prose uses them."""
    formats: dict[str, list[str]] = {}
    for page in pages or book_pages():
        for key, fmt in glue_references(page):
            if fmt not in formats.setdefault(key, []):
                formats[key].append(fmt)
    return json.dumps(dict(sorted(formats.items())), ensure_ascii=False,
                      indent=1) + "\n"


def write_if_changed(path: Path, text: str) -> bool:
    old = path.read_text(encoding="utf-8") if path.exists() else None
    if text != old:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return text != old


def install_target() -> tuple[str, str]:
    """Return (URL, BRANCH) of the repository named in _config.yml."""
    repo = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))["repository"]
    return repo["url"], repo["branch"]


def sync_install_cell(md: Path, target: tuple[str, str]) -> bool:
    """Point the chapter's Colab install cell at (url, branch); True if changed."""
    url, branch = target
    text = md.read_text(encoding="utf-8")
    new = REPO_LINE.sub(lambda m: f"{m.group(1)}{url}{m.group(2)}", text)
    new = INSTALL.sub(lambda m: f"{m.group(1)}{branch}{m.group(2)}", new)
    if new != text:
        md.write_text(new, encoding="utf-8")
    return new != text


def sync(md: Path, context: Context) -> bool:
    """Write md's twin and student notebook if their text changed; True if one did."""
    ipynb = md.with_suffix(".ipynb")
    changed = write_if_changed(ipynb, twin_text(md, context))
    changed |= write_if_changed(student_path(md), student_text(md, context))
    stat = md.stat()  # jupytext가 .md를 더 최신(원본)으로 보도록 수정 시각을 맞춥니다
    os.utime(ipynb, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    return changed


def main(argv: list[str] | None = None) -> int:
    chapters = [Path(a) for a in (argv or [])] or chapter_paths()
    target = install_target()
    for md in chapters:
        sync_install_cell(md, target)
    context = make_context()
    try:
        changed = [md.name for md in chapters if sync(md, context)]
        formats = write_if_changed(GLUE_FORMATS, glue_formats_text())
    except ConversionError as exc:
        print(f"sync_chapters: {exc}", file=sys.stderr)
        return 1
    print(f"{len(chapters)} chapters, {len(changed)} rewritten"
          + (f": {', '.join(changed)}" if changed else "")
          + (f"; {GLUE_FORMATS.name} rewritten" if formats else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
