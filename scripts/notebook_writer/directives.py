"""Directives written as plain Markdown: one function per kind, found by name.

Each function takes the conversion state, the directive, `body` (a function that
translates the directive's body into pieces) and `inline` (one that translates a
title) and returns pieces (see ``pieces.py``).
"""

from __future__ import annotations

import re

from .config import NOTEBOOK_TAGS, ConversionError
from .include import fenced, included_code
from .index import CODE_DIRECTIVES
from .parser import Directive
from .pieces import Mark, Part, cut, text_of
from .roles import glue_key
from .state import Conversion
from .stubs import student_line

ADMONITIONS = {
    "note": "참고", "tip": "팁", "hint": "힌트", "important": "중요",
    "warning": "경고", "caution": "주의", "attention": "주의", "danger": "위험",
    "error": "오류", "seealso": "함께 보기", "admonition": "", "margin": "",
    "sidebar": "", "topic": "",
}
GLUE_DIRECTIVES = {"glue", "glue:any", "glue:figure", "glue:math", "glue:md"}


def only_applies(expression: str, where: str = "", tags: dict = NOTEBOOK_TAGS) -> bool:
    """Return whether an ``{only}`` block shows for `tags` (the notebooks' by default).

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


def admonition(c: Conversion, d: Directive, body, inline) -> list:
    """Return a block quote whose first line is the bold title ("> **참고**")."""
    title = d.arg or ADMONITIONS[d.name] or d.name.capitalize()
    text = text_of(body(), c.where(d.line))
    lines = [f"**{inline(title)}**", "", *text.strip("\n").split("\n")]
    return ["\n".join(f"> {line}".rstrip() for line in lines) + "\n"]


def exercise(c: Conversion, d: Directive, body, inline) -> list:
    """Return '### 연습 N. title' in a cell of its own, its body, a how-to line."""
    c.exercise += 1
    number, level = c.exercise, min(c.level + 1, 5)
    head = "#" * level + f" 연습 {number}." + (f" {inline(d.arg)}" if d.arg else "")
    text = f"{head}\n\n{text_of(body(), c.where(d.line))}\n"
    c.exercise_level = level
    answered = str(d.options.get("label", "")) in c.chapter.answered
    return [cut(), text, Part("\n" + student_line(number, answered) + "\n", "student")]


def solution_head(c: Conversion, label: str) -> Mark:
    """Return the heading of a solution: "#### 풀이 (연습 N)" below its exercise."""
    level = min((c.exercise_level or c.level) + 1, 6)
    number = c.chapter.exercises.get(label.strip())
    c.open_solution = level
    title = f"풀이 (연습 {number})" if number else "풀이"
    return Mark("solution", f"{'#' * level} {title}", level)


def solution(c: Conversion, d: Directive, body, inline) -> list:
    inner = text_of(body(), c.where(d.line))
    head = solution_head(c, d.arg)
    c.open_solution = None
    return [head, inner.strip() + "\n", Mark("end", level=head.level)]


def solution_start(c: Conversion, d: Directive, body, inline) -> list:
    c.solution_line = d.line
    return [solution_head(c, d.arg)]


def solution_end(c: Conversion, d: Directive, body, inline) -> list:
    if c.open_solution is None:
        raise ConversionError(f"{c.where(d.line)}: {{solution-end}} out of place "
                              "(solution-start and solution-end must pair)")
    level, c.open_solution = c.open_solution, None
    return [Mark("end", level=level)]


def dropdown(c: Conversion, d: Directive, body, inline) -> list:
    summary = inline(d.arg) or "더 보기"
    text = text_of(body(), c.where(d.line)).strip()
    return [f"<details><summary>{summary}</summary>\n\n{text}\n\n</details>\n"]


def only(c: Conversion, d: Directive, body, inline) -> list:
    return body() if only_applies(d.arg, c.where(d.line)) else [""]


def glue(c: Conversion, d: Directive, body, inline) -> list:
    caption = text_of(body(), c.where(d.line)).strip()
    return [f"`{glue_key(d.arg)}`" + (f"\n\n{caption}" if caption else "") + "\n"]


def literalinclude(c: Conversion, d: Directive, body, inline) -> list:
    code, language = included_code(d, c.md.parent, c.where(d.line))
    caption = d.options.get("caption")
    return [(f"*{inline(caption)}*\n\n" if caption else "") + fenced(code, language)]


DIRECTIVES = {
    **dict.fromkeys(ADMONITIONS, admonition),
    **dict.fromkeys(GLUE_DIRECTIVES, glue),
    **dict.fromkeys(CODE_DIRECTIVES, lambda c, d, body, inline: [
        fenced("\n".join(d.body), d.arg)]),
    "exercise": exercise, "solution": solution, "solution-start": solution_start,
    "solution-end": solution_end, "dropdown": dropdown, "only": only,
    "literalinclude": literalinclude,
    "math": lambda c, d, body, inline: [
        "$$\n" + "\n".join(d.body).strip("\n") + "\n$$\n"],
    "div": lambda c, d, body, inline: body(),
    "container": lambda c, d, body, inline: body(),
    "tableofcontents": lambda c, d, body, inline: [""],
}


def translate(c: Conversion, d: Directive, body, inline) -> list:
    """Return a directive as pieces of plain Markdown."""
    write = DIRECTIVES.get(d.name)
    if write is None:
        raise ConversionError(f"{c.where(d.line)}: unsupported directive {{{d.name}}}")
    return write(c, d, body, inline)
