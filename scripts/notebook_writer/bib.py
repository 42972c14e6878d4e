"""The bibliography: references.bib read into the entries the notebooks cite."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .config import BIB, ConversionError


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
        authors = [_initials(a) for a in _authors(f)]
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
        authors = [_surname(a) for a in _authors(fields)]
        entries[m[1]] = BibEntry(authors, fields.get("year", "n.d."), fields)
    return entries


def _authors(fields: dict[str, str]) -> list[str]:
    """Return the names of an entry's author field, split at 'and'."""
    return [a for a in re.split(r"\s+and\s+", fields.get("author", "")) if a.strip()]


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
