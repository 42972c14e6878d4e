"""Roles written as plain Markdown: one function per kind, found by name."""

from __future__ import annotations

import re

from .config import ConversionError
from .index import scan_chapter
from .state import Conversion

EXPLICIT = re.compile(r"^(?P<text>.*?)\s*<(?P<target>[^<>]+)>$", re.DOTALL)


def glue_key(body: str) -> str:
    """Return the glue key of a glue role's or directive's text ('acc' of 'acc:.1%')."""
    return body.split(":")[0].strip()


def lookup(c: Conversion, table: str, label: str):
    """Return the label's entry in a Chapter table, this chapter's first, else None."""
    return getattr(c.chapter, table).get(label) or next(
        (getattr(ch, table)[label] for ch in c.context.chapters.values()
         if label in getattr(ch, table)), None)


def reference(c: Conversion, name: str, text: str, label: str, body: str, line) -> str:
    """Return '연습 N', the heading the label stands before, or the explicit text."""
    label = label.strip()
    number = lookup(c, "exercises", label)
    if text:
        return text.replace("{number}", str(number)).replace("%s", str(number))
    if number:
        return f"연습 {number}"
    heading = lookup(c, "targets", label)
    if heading is None:
        raise ConversionError(f"{c.where(line)}: {{{name}}}`{body}` names no exercise "
                              "or labelled heading of the chapters")
    return f"‘{heading}’"


def equation(c: Conversion, name, text, label: str, body, line) -> str:
    """Return the equation number '(N)' as the book prints it."""
    label = label.strip()
    number = lookup(c, "equations", label)  # 번호는 1부터입니다
    return f"({label if number is None else number})"


def doc(c: Conversion, name, text: str, target: str, body, line) -> str:
    """Return the explicit text or the page's title."""
    if text:
        return text
    path = (c.md.parent / target.strip()).with_suffix(".md").resolve()
    chapter = c.context.chapters.get(path)
    if chapter is None and path.exists():
        chapter = scan_chapter(path)
    return chapter.title if chapter and chapter.title else target.strip()


def cite(c: Conversion, name: str, text, keys: str, body, line) -> str:
    """Return '(Hochreiter & Schmidhuber, 1997)' or 'Gers et al. (2000)'."""
    parts = []
    for key in (k.strip() for k in keys.split(",") if k.strip()):
        entry = c.context.bib.get(key)
        if entry is None:
            raise ConversionError(f"{c.where(line)}: no entry {key!r} in references.bib")
        if key not in c.cited:
            c.cited.append(key)
        parts.append((entry.who(), entry.year))
    if name in ("cite:t", "cite:ts"):
        return ", ".join(f"{who} ({year})" for who, year in parts)
    if name == "cite:author":
        return ", ".join(who for who, _ in parts)
    if name == "cite:year":
        return ", ".join(year for _, year in parts)
    return "(" + "; ".join(f"{who}, {year}" for who, year in parts) + ")"


def references(c: Conversion) -> str:
    """Return the '참고 문헌' list of what this chapter cited ('' if nothing)."""
    if not c.cited:
        return ""
    lines = sorted(c.context.bib[k].line() for k in c.cited)
    return "## 참고 문헌\n\n" + "\n".join(f"- {line}" for line in lines)


def _text_or_target(c, name, text, target, body, line):
    return text or re.sub(r"\s*\(.*\)$", "", target)


ROLES = {
    "ref": reference, "numref": reference, "eq": equation, "doc": doc,
    **dict.fromkeys(("term", "abbr", "download", "sub-ref"), _text_or_target),
    "math": lambda c, name, text, target, body, line: f"${body}$",
    **dict.fromkeys(("code", "literal", "file", "samp", "command", "kbd"),
                    lambda c, name, text, target, body, line: f"`{body}`"),
    **dict.fromkeys(("sub", "sup"),
                    lambda c, name, text, target, body, line: f"<{name}>{body}</{name}>"),
}


def role(c: Conversion, name: str, body: str, line: int | None = None) -> str:
    """Return a MyST role as plain Markdown (a glue role: its key as code)."""
    explicit = EXPLICIT.match(body)
    text, target = (explicit["text"], explicit["target"]) if explicit else ("", body)
    if name.startswith("glue"):
        return f"`{glue_key(body)}`"
    write = cite if name.startswith("cite") else ROLES.get(name)
    if write is None:
        raise ConversionError(f"{c.where(line)}: unsupported role {{{name}}}`{body}`")
    return write(c, name, text, target, body, line)
