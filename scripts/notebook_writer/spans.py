"""Where a role stands in the Markdown lines, from its span in the inline source.

An inline token's content is its lines without what the containers took (a block
quote's ``>``, a list item's indent) and trimmed. Each content line is found again in
its source line, left to right (a table row holds several inline tokens), so a role's
span maps to (line, column) in the text as written.
"""

from __future__ import annotations

from dataclasses import dataclass

from markdown_it.token import Token

from .config import ConversionError


@dataclass
class Role:
    """A role as written: name, body, its source span and its line in the .md."""

    name: str
    body: str
    start: tuple[int, int]  # (line, column) in the text's lines, 0-based
    end: tuple[int, int]
    line: int  # 1-based line in the chapter .md


def roles_of(inline: Token) -> list[Token]:
    """Return the role tokens of an inline token (links' text included)."""
    return [c for c in inline.children or [] if c.type == "myst_role"]


def body_of(source: str, role: Token) -> str:
    """Return a role's text between its backticks, as written (newlines kept)."""
    start, end = role.meta["span"]
    raw = source[start:end]
    ticks = len(raw) - len(raw.rstrip("`"))
    return raw[raw.index("`") + ticks:len(raw) - ticks]


def line_starts(inline: Token, lines: list[str], cursor: dict,
                where: str) -> list[tuple[int, int, int]]:
    """Return (content offset, source line, source column) of each content line."""
    first, offset, starts = inline.map[0], 0, []
    for i, text in enumerate(inline.content.split("\n")):
        row = first + i
        col = lines[row].find(text, cursor.get(row, 0)) if row < len(lines) else -1
        if col < 0:
            raise ConversionError(f"{where}: cannot find {text!r} in its line")
        starts.append((offset, row, col))
        cursor[row] = col + len(text)
        offset += len(text) + 1
    return starts


def locate(offset: int, starts: list[tuple[int, int, int]]) -> tuple[int, int]:
    """Return (line, column) of a content offset."""
    base, row, col = next(s for s in reversed(starts) if s[0] <= offset)
    return row, col + offset - base


def roles_in(inline: Token, lines: list[str], cursor: dict, first_line: int,
             where: str) -> list[Role]:
    """Return the roles of an inline token with their places in `lines`."""
    tokens = roles_of(inline)
    if not tokens or inline.map is None:
        return []
    starts = line_starts(inline, lines, cursor, where)
    found = []
    for token in tokens:
        start, end = token.meta["span"]
        a, b = locate(start, starts), locate(end, starts)
        found.append(Role(token.meta["name"], body_of(inline.content, token), a, b,
                          first_line + a[0]))
    return found


def replace_roles(text: str, inline: Token, convert) -> str:
    """Return a one-line text with each role replaced by convert(name, body)."""
    out, pos = [], 0
    for token in roles_of(inline):
        start, end = token.meta["span"]
        out += [text[pos:start], convert(token.meta["name"], body_of(text, token))]
        pos = end
    return "".join(out) + text[pos:]
