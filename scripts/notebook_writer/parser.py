"""The book's MyST parser (myst-parser's markdown-it) and the directives it finds.

Roles are ``myst_role`` tokens. markdown-it does not say where an inline token sits,
so the parser records each role's span in its inline source (``token.meta["span"]``)
as the role rule runs; ``spans.py`` maps those spans back to the Markdown lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import yaml
from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from myst_parser.config.main import MdParserConfig
from myst_parser.parsers.mdit import create_md_parser

from .config import ROOT, ConversionError

FENCES = ("fence", "colon_fence")
DIRECTIVE_INFO = re.compile(r"^\{(?P<name>[A-Za-z][\w:+-]*)\}\s*(?P<arg>.*)$")
OPTION = re.compile(r"^:(?P<key>[\w-]+):\s*(?P<value>.*)$")


def book_extensions() -> tuple[str, ...]:
    """Return parse.myst_enable_extensions of _config.yml."""
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    return tuple(config.get("parse", {}).get("myst_enable_extensions", []))


@cache
def md_parser(extensions: tuple[str, ...] | None = None) -> MarkdownIt:
    """Return the parser the book uses, recording where each role sits."""
    config = MdParserConfig(enable_extensions=set(extensions or book_extensions()))
    parser = create_md_parser(config, RendererHTML)
    role_rule = next(r.fn for r in parser.inline.ruler.__rules__
                     if r.name == "myst_role")

    def recorded_role(state, silent: bool) -> bool:
        start = state.pos
        found = role_rule(state, silent)
        if found and not silent:
            state.tokens[-1].meta["span"] = (start, state.pos)
        return found

    parser.inline.ruler.at("myst_role", recorded_role)
    return parser


def parse(text: str) -> list[Token]:
    """Return the block tokens of a Markdown text."""
    return md_parser().parse(text)


def parse_inline(text: str) -> Token:
    """Return the inline token of a one-line text (a title, a directive argument)."""
    return md_parser().parseInline(text)[0]



@dataclass
class Directive:
    """One MyST directive: name, argument, options, body lines and where it is."""

    name: str
    arg: str
    options: dict
    body: list[str]
    line: int  # the fence's line in the chapter .md (1-based)
    body_line: int  # the first body line's line in the chapter .md
    prefix: str = ""  # what stands before the fence: indentation or "> "


def is_directive(token: Token) -> bool:
    return token.type in FENCES and bool(DIRECTIVE_INFO.match(token.info.strip()))


def directive(token: Token, lines: list[str], first_line: int,
              where: str = "") -> Directive:
    """Return the Directive of a fence token (lines: the text it was parsed from).

    `where` is the chapter's file name, for errors.
    """
    info = DIRECTIVE_INFO.match(token.info.strip())
    inner, options, k = token.content.splitlines(), {}, 0
    while k < len(inner) and (o := OPTION.match(inner[k].strip())):
        options[o["key"]] = o["value"].strip()
        k += 1
    body = inner[k:]
    if body and body[0].strip() == "---":  # YAML 블록 형식의 옵션
        stop = next((n for n in range(1, len(body)) if body[n].strip() == "---"), None)
        if stop is None:
            raise ConversionError(f"{where}:{first_line + token.map[0]}: the options "
                                  f"of {{{info['name']}}} open with --- and never close")
        options.update(yaml.safe_load("\n".join(body[1:stop])) or {})
        k, body = k + stop + 1, body[stop + 1:]
    start = token.map[0]
    fence_line = lines[start]
    prefix = fence_line[:fence_line.index(token.markup)]
    return Directive(info["name"], info["arg"].strip(), options, body,
                     first_line + start, first_line + start + 1 + k, prefix)


def walk_directives(text: str, first_line: int = 1, skip=(), where: str = ""):
    """Yield (token, Directive or None) over a text and the directive bodies in it.

    Directives named in `skip` (code, literalinclude, ...) are yielded, not entered.
    A callable `skip` decides per directive. `where` names the file in errors.
    """
    lines = text.splitlines()
    for token in parse(text):
        if not is_directive(token):
            yield token, None
            continue
        d = directive(token, lines, first_line, where)
        yield token, d
        if not (skip(d) if callable(skip) else d.name in skip):
            yield from walk_directives("\n".join(d.body), d.body_line, skip, where)
