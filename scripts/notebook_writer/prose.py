"""Markdown translated by tokens: each construct's lines are replaced, nothing else.

The text is parsed with the book's parser. A directive's lines (``t.map``) become its
translation, a target or comment line goes, a labelled equation's last line gets its
``\\tag{N}``, and each role is replaced where it stands in its line. Every other byte
stays as written: code spans, code blocks and indented code are never touched.
"""

from __future__ import annotations

from .directives import translate
from .parser import directive, is_directive, parse, parse_inline
from .pieces import prefixed
from .roles import role
from .spans import replace_roles, roles_in
from .state import Conversion

DROPPED = ("myst_target", "myst_line_comment")


def translate_inline(c: Conversion, text: str, line: int | None = None) -> str:
    """Return a one-line text (a title) with its roles as plain Markdown."""
    if not text:
        return text
    return replace_roles(text, parse_inline(text),
                         lambda name, body: role(c, name, body, line))


def tagged(line: str, number: int | None) -> list[str]:
    """Return the closing line of '$$ ... $$ (label)' with \\tag{N} for the label."""
    end = line.rindex("$$")
    prefix = line[:len(line) - len(line.lstrip("> \t"))]
    head = line[len(prefix):end].rstrip()
    if number is None:
        return [line[:end + 2]]
    tag = f"\\tag{{{number}}}"
    return [f"{prefix}{head} {tag}" if head else f"{prefix}{tag}", f"{prefix}$$"]


def translate_markdown(c: Conversion, text: str, first_line: int = 1) -> list:
    """Return a Markdown text (a cell, a directive's body) as pieces of plain Markdown.

    `first_line` is the .md line of the text's first line, for error messages.
    """
    lines = text.splitlines()
    edits: dict[int, tuple[int, list | None]] = {}  # 첫 줄 -> (끝 줄, 바꿀 조각)
    role_edits, cursor = [], {}
    for token in parse(text):
        if is_directive(token):
            edits[token.map[0]] = (token.map[1], directive_pieces(
                c, directive(token, lines, first_line, c.md.name)))
        elif token.type in DROPPED:
            edits[token.map[0]] = (token.map[1], None)
        elif token.type == "math_block_label":
            last = token.map[1] - 1
            number = c.chapter.equations.get(token.info)
            edits[last] = (last + 1, ["\n".join(tagged(lines[last], number))])
        elif token.type == "heading_open" and token.markup.startswith("#"):
            c.level = len(token.markup)
        elif token.type == "inline":
            where = c.where(first_line + token.map[0]) if token.map else c.where()
            role_edits += [(r.start, r.end, role(c, r.name, r.body, r.line))
                           for r in roles_in(token, lines, cursor, first_line, where)]
    return assemble(replace_spans(lines, role_edits), edits)


def directive_pieces(c: Conversion, d) -> list:
    """Return a directive's translation, prefixed as its fence is (``> ``, indent)."""
    def body() -> list:
        return translate_markdown(c, "\n".join(d.body), d.body_line)

    pieces = translate(c, d, body, lambda text: translate_inline(c, text, d.line))
    return prefixed(pieces, d.prefix)


def replace_spans(lines: list[str], role_edits: list) -> list[str | None]:
    """Return lines with each role replaced (a line a role joined to another: None)."""
    lines = list(lines)
    for (l1, c1), (l2, c2), new in sorted(role_edits, key=lambda e: e[0],
                                          reverse=True):
        lines[l1] = lines[l1][:c1] + new + lines[l2][c2:]
        lines[l1 + 1:l2 + 1] = [None] * (l2 - l1)
    return lines


def assemble(lines: list[str | None], edits: dict) -> list:
    """Return the lines and the edits' pieces, joined by newlines."""
    out, i = [], 0
    while i < len(lines):
        end, pieces = edits.get(i, (i + 1, None if lines[i] is None else [lines[i]]))
        if pieces is not None:  # 빈 조각도 한 줄을 차지합니다
            out += (["\n"] if out else []) + (pieces or [""])
        i = end
    return out
