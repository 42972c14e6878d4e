"""Glue references: every glued name the prose uses, with its formats.

``nlp_pp/resources/glue_formats.json`` lets ``pp.glue`` show a value outside the book
exactly as the book prints it.
"""

from __future__ import annotations

import json
from pathlib import Path

import jupytext
import yaml

from .config import ROOT
from .directives import GLUE_DIRECTIVES, only_applies
from .index import NOT_PROSE
from .parser import parse_inline, walk_directives
from .roles import glue_key
from .spans import body_of, roles_of


def role_reference(body: str) -> tuple[str, str]:
    """Return (key, format) of a glue role as myst-nb splits it at the last ':'."""
    key, _, fmt = body.rpartition(":") if ":" in body else (body, "", "")
    # myst-nb: 서식이 없으면 "s", 즉 str(값)과 같습니다
    return key.split("::")[-1].strip(), "" if fmt == "s" else fmt


def glue_references(md: Path, tags: dict | None = None) -> list[tuple[str, str]]:
    """Return (key, format) of every glue role and directive of a page, in order.

    With `tags` (BOOK_TAGS, say), only the {only} blocks that audience sees count.
    """
    def skip(d) -> bool:
        return d.name in NOT_PROSE or bool(
            tags and d.name == "only" and not only_applies(d.arg, md.name, tags))

    refs = []
    for cell in jupytext.read(md, fmt="md:myst").cells:
        if cell.cell_type != "markdown":
            continue
        for token, d in walk_directives(cell.source, skip=skip, where=md.name):
            if d is not None and d.name in GLUE_DIRECTIVES:
                refs.append((glue_key(d.arg), ""))
            elif d is not None and d.arg and d.name not in NOT_PROSE:  # 제목의 역할
                refs += glue_roles(parse_inline(d.arg))
            elif token.type == "inline":
                refs += glue_roles(token)
    return refs


def glue_roles(inline) -> list[tuple[str, str]]:
    """Return (key, format) of the glue roles of an inline token."""
    return [role_reference(body_of(inline.content, role)) for role in roles_of(inline)
            if role.meta["name"].startswith("glue")]


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
