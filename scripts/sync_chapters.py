"""Write each chapter's Colab twin: chapters/NN_*.md -> chapters/NN_*.ipynb.

Usage: python scripts/sync_chapters.py [chapters/NN_x.md ...]
       (the one command after editing a chapter; no argument: every chapter)

The MyST Markdown file is the source; the .ipynb beside it is generated, never edited
by hand. The script

1. points every chapter's install cell at the repository of _config.yml (it rewrites
   the .md only when that URL changed),
2. reads the .md with jupytext (the jupytext header and its ``formats: ipynb,md:myst``
   line stay as they are: they tell Jupyter Book and jupytext that the .md is a
   notebook paired with the .ipynb beside it),
3. writes a plain-Jupyter twin for Colab: code cells verbatim (with their tags and
   metadata), no outputs, Colab's GPU metadata, and Markdown cells with every MyST
   role and directive turned into Markdown that Colab shows as intended,
4. gives the twin the same modification time as its .md.

Do not run ``jupytext --sync`` any more: it would copy the twin's plain Markdown back
into the .md when the twin is the newer file. Step 4 makes jupytext treat the .md as
the newer side, and tests/test_repo.py fails whenever a twin differs from what this
script makes of its .md. Running the script twice changes nothing.

How the MyST constructs read in the twin:

- ``{glue:text}`name:fmt``` (and the other glue roles and directives): the glue key as
  inline code, `name`. In Colab ``pp.glue`` shows "`name` = value" under the cell that
  computed it, so the reader finds the number by its key.
- ``{literalinclude}``: a fenced code block with the file's text (``:pyobject:``,
  ``:lines:``, ``:start-after:``, ``:end-before:`` honoured); an unknown option or a
  missing file or object stops the script.
- ``{exercise}``: "**연습 N.** title" (numbered per chapter, in order) and its body.
- ``{solution}`` and ``{dropdown}``: an HTML ``<details>`` block that the reader opens
  (summary "풀이 (연습 N)"). ``{solution-start}`` / ``{solution-end}`` with only
  Markdown between them (one Markdown cell) become the same block. A ``<details>``
  element cannot span notebook cells, so when code cells lie between them: each
  Markdown part of the solution is folded in its own ``<details>`` (the first says
  "풀이 (연습 N)", later ones "(계속)"), a line under the first says that the solution's
  code follows, the code cells stay as they are (they run, so their output is part of
  the solution), and "*(연습 N 풀이 끝)*" marks where the solution ends. A
  solution-start without its solution-end stops the script.
- Admonitions (note, tip, important, warning, admonition with a title, ...): a block
  quote whose first line is the bold title ("> **참고**").
- ``{ref}``: the explicit text, else the exercise ("연습 N") or the heading the label
  stands before; ``{numref}`` likewise; ``{doc}``: the explicit text or the page title;
  ``{eq}``: the equation number "(N)" as the book prints it, and each labelled
  ``$$ ... $$ (label)`` keeps its math with ``\\tag{N}`` instead of the label;
  ``{cite:p}`` / ``{cite}``: "(Author Year)" from references.bib, ``{cite:t}``:
  "Author (Year)"; ``(label)=`` lines, ``%`` comment lines and ``{tableofcontents}``
  disappear. Any other role or directive stops the script with its location.
"""

from __future__ import annotations

import ast
import hashlib
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import jupytext
import nbformat
import yaml

ROOT = Path(__file__).resolve().parents[1]
BIB = ROOT / "references.bib"
# Colab이 GPU 런타임을 요청하도록 하는 노트북 메타데이터
COLAB_META = {"accelerator": "GPU", "colab": {"provenance": [], "gpuType": "T4"}}
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


@dataclass
class Context:
    """Labels of every chapter and the bibliography, shared by all conversions."""

    chapters: dict[Path, Chapter]
    bib: dict[str, tuple[list[str], str]]


def scan_chapter(md: Path) -> Chapter:
    """Return the exercise and equation numbers and the section targets of a .md."""
    chapter = Chapter(md)
    cells = jupytext.read(md, fmt="md:myst").cells
    for cell in cells:
        if cell.cell_type == "markdown":
            _scan_blocks(split_blocks(cell.source.splitlines()), chapter)
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


def read_bib(path: Path = BIB) -> dict[str, tuple[list[str], str]]:
    """Return {key: (surnames, year)} for the entries of a BibTeX file."""
    if not path.exists():
        return {}
    text, entries = path.read_text(encoding="utf-8"), {}
    for m in re.finditer(r"@\w+\s*\{\s*([^,\s]+)\s*,", text):
        body = _braced(text, m.start() + m[0].index("{"))
        fields = _bib_fields(body[body.index(",") + 1:])
        authors = [_surname(a) for a in re.split(r"\s+and\s+", fields.get("author", ""))
                   if a.strip()]
        entries[m[1]] = (authors, fields.get("year", "n.d."))
    return entries


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
        fields[m[1].lower()] = " ".join(re.sub(r"[{}]", "", value).split())
    return fields


def _surname(author: str) -> str:
    """Return the family name of 'Last, First' or 'First Last'."""
    author = " ".join(author.split())
    return author.split(",")[0].strip() if "," in author else author.split()[-1]


def make_context(chapter_dir: Path | None = None) -> Context:
    """Scan every chapter .md and the bibliography once."""
    chapter_dir = chapter_dir or ROOT / "chapters"
    chapters = {p.resolve(): scan_chapter(p) for p in chapter_paths(chapter_dir)}
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
    """Turn the MyST Markdown cells of one chapter into plain Jupyter Markdown."""

    def __init__(self, md: Path, context: Context):
        self.md = md.resolve()
        self.context = context
        self.chapter = context.chapters.get(self.md) or scan_chapter(self.md)
        self.exercise = 0
        self.open_solution: str | None = None  # 여러 셀에 걸친 풀이의 제목

    # 셀 하나 ----------------------------------------------------------------
    def markdown(self, source: str) -> str:
        """Return a Markdown cell's source written without MyST syntax."""
        blocks, parts = split_blocks(source.splitlines()), []
        if self.open_solution:  # 앞 셀에서 시작한 풀이가 이 셀에서 이어집니다
            end = next((j for j, b in enumerate(blocks) if isinstance(b, Directive)
                        and b.name == "solution-end"), None)
            inner = self.blocks(blocks[:end]).strip()
            if inner:
                parts.append(self.details(f"{self.open_solution} (계속)", inner))
            if end is None:
                return "\n".join(parts).strip("\n")
            parts.append(f"*({self.solution_name(self.open_solution)} 끝)*\n")
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
                title = self.solution_title(block.arg)
                if end is not None:  # 같은 셀 안에서 끝나는 풀이: 통째로 접습니다
                    out.append(self.details(title, self.blocks(blocks[i + 1:end])))
                    i = end + 1
                    continue
                # 코드 셀까지 이어지는 풀이: 이 셀의 글만 접고, 코드 셀은 그대로 둡니다
                inner = self.blocks(blocks[i + 1:]).strip()
                if inner:
                    out.append(self.details(title, inner))
                out.append(f"*{self.solution_name(title)}의 코드가 아래 셀에 이어집니다.*\n")
                self.open_solution = title
                break
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
            self.exercise += 1
            head = f"**연습 {self.exercise}.**" + (f" {self.inline(d.arg)}" if d.arg else "")
            return f"{head}\n\n{body()}\n"
        if name == "solution":
            return self.details(self.solution_title(d.arg), body())
        if name == "dropdown":
            return self.details(self.inline(d.arg) or "더 보기", body())
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

    def solution_title(self, label: str) -> str:
        number = self.chapter.exercises.get(label.strip())
        return f"풀이 (연습 {number})" if number else "풀이"

    @staticmethod
    def solution_name(title: str) -> str:
        """Return '연습 N 풀이' for the title '풀이 (연습 N)'."""
        m = re.fullmatch(r"풀이 \((.+)\)", title)
        return f"{m[1]} 풀이" if m else title

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
        parts = []
        for key in (k.strip() for k in keys.split(",") if k.strip()):
            authors, year = self.context.bib.get(key, ([], ""))
            if not authors:
                parts.append((key, ""))
                continue
            who = authors[0] if len(authors) == 1 else (
                f"{authors[0]} & {authors[1]}" if len(authors) == 2
                else f"{authors[0]} et al.")
            parts.append((who, year))
        if name in ("cite:t", "cite:ts"):
            return ", ".join(f"{who} ({year})" if year else who for who, year in parts)
        if name == "cite:author":
            return ", ".join(who for who, _ in parts)
        if name == "cite:year":
            return ", ".join(year for _, year in parts)
        return "(" + "; ".join(f"{who} {year}".strip() for who, year in parts) + ")"

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


def twin_notebook(md: Path, context: Context | None = None):
    """Return the plain-Jupyter Colab twin of a chapter .md as an nbformat node."""
    context = context or make_context(md.parent)
    source = jupytext.read(md, fmt="md:myst")
    formats = source.metadata.get("jupytext", {}).get("formats", "")
    if "ipynb" not in formats.split(","):
        raise ConversionError(f"{md.name}: its jupytext header must pair it with "
                              "ipynb (formats: ipynb,md:myst)")
    converter, cells, seen = Converter(md, context), [], set()
    for cell in source.cells:
        if cell.cell_type == "markdown":
            text = converter.markdown(cell.source)
            if not text.strip():
                continue
            new = nbformat.v4.new_markdown_cell(text, metadata=dict(cell.metadata))
        elif cell.cell_type == "code":
            new = nbformat.v4.new_code_cell(cell.source, metadata=dict(cell.metadata))
        else:
            new = nbformat.v4.new_raw_cell(cell.source, metadata=dict(cell.metadata))
        new.id = _cell_id(new.cell_type, new.source, seen)
        cells.append(new)
    if converter.open_solution:
        raise ConversionError(f"{md.name}: a solution-start has no solution-end")
    metadata = {k: v for k, v in source.metadata.items() if k != "jupytext"}
    metadata.setdefault("language_info", {"name": "python"})
    metadata.update(COLAB_META)
    nb = nbformat.v4.new_notebook(cells=cells, metadata=metadata)
    nbformat.validate(nb)
    return nb


def twin_text(md: Path, context: Context | None = None) -> str:
    """Return the exact text sync writes to the .ipynb twin of `md`."""
    return nbformat.writes(twin_notebook(md, context)) + "\n"


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
    """Write md's twin if its text changed; return True if it did."""
    ipynb = md.with_suffix(".ipynb")
    text = twin_text(md, context)
    old = ipynb.read_text(encoding="utf-8") if ipynb.exists() else None
    if text != old:
        ipynb.write_text(text, encoding="utf-8")
    stat = md.stat()  # jupytext가 .md를 더 최신(원본)으로 보도록 수정 시각을 맞춥니다
    os.utime(ipynb, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    return text != old


def main(argv: list[str] | None = None) -> int:
    chapters = [Path(a) for a in (argv or [])] or chapter_paths()
    target = install_target()
    for md in chapters:
        sync_install_cell(md, target)
    context = make_context()
    try:
        changed = [md.name for md in chapters if sync(md, context)]
    except ConversionError as exc:
        print(f"sync_chapters: {exc}", file=sys.stderr)
        return 1
    print(f"{len(chapters)} chapters, {len(changed)} twins rewritten"
          + (f": {', '.join(changed)}" if changed else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
