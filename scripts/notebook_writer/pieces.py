"""What a translated Markdown cell is made of: text, and where cells break.

A chapter's Markdown cell becomes a list of pieces: strings, a `Part` that only one
edition shows, and `Mark`s where cells break. ``cells.py`` turns the pieces of
every cell into the one list of notebook cells.
"""

from __future__ import annotations

from dataclasses import dataclass

from .config import ConversionError


@dataclass(frozen=True)
class Part:
    """Text that only one edition shows (``"student"``)."""

    text: str
    edition: str


@dataclass(frozen=True)
class Mark:
    """Where cells break: ``cut`` (a new Markdown cell), ``solution`` (a solution's
    heading `text` at `level`, in a cell of its own, folded in the twin) or ``end``
    (the end of the solution whose heading has `level`)."""

    kind: str
    text: str = ""
    level: int = 0


def cut() -> Mark:
    return Mark("cut")


def text_of(pieces: list, where: str = "") -> str:
    """Return pieces that hold no mark as one string (every edition's text)."""
    if any(isinstance(p, (Mark, Part)) for p in pieces):
        raise ConversionError(f"{where}: an exercise or a solution cannot stand "
                              "inside this directive")
    return "".join(pieces)


def edition_text(pieces: list, edition: str) -> str:
    """Return the text of marks-free pieces as `edition` shows it."""
    return "".join(p if isinstance(p, str) else p.text for p in pieces
                   if isinstance(p, str) or p.edition == edition)


def prefixed(pieces: list, prefix: str) -> list:
    """Return pieces with `prefix` before each line (a block quote's ``> ``).

    Lines after the first take the prefix with list markers as spaces.
    """
    if not prefix:
        return pieces
    rest = "".join(ch if ch in "> \t" else " " for ch in prefix)
    out, at_start, first = [], True, True
    last = max((i for i, p in enumerate(pieces) if isinstance(p, str)), default=-1)
    for n, piece in enumerate(pieces):
        if isinstance(piece, Mark):
            out.append(piece)
            continue
        text = piece if isinstance(piece, str) else piece.text
        lines = text.split("\n")
        done = []
        for i, line in enumerate(lines):
            if n == last and i == len(lines) - 1 and i and not line:
                pass  # 끝의 빈 줄에는 붙이지 않습니다: 상자 밖으로 이어집니다
            elif i or at_start:
                head, first = (prefix if first else rest), False
                line = head + line if line else head.rstrip()
            done.append(line)
        at_start = text.endswith("\n") or (at_start and not text)
        text = "\n".join(done)
        out.append(text if isinstance(piece, str) else Part(text, piece.edition))
    return out
