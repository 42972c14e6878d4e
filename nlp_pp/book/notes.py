"""Markdown notes in a cell, and warnings shown as notes rather than with a path."""

from __future__ import annotations

import warnings

from .glued import in_book_build, in_kernel


def note(message: str, title: str = "참고"):
    """Show `message` as a Markdown note (a block quote with a bold title).

    Outside a notebook kernel the note is printed as plain text.
    """
    lines = [f"**{title}**", "", *message.strip().splitlines()]
    text = "\n".join(f"> {line}".rstrip() for line in lines)
    if not in_kernel():
        print(f"[{title}] {message.strip()}")
        return
    from IPython.display import Markdown
    from IPython.display import display as show

    show(Markdown(text))


def _show_warning_as_note(message, category, filename, lineno, file=None, line=None):
    """A ``warnings.showwarning`` that shows the message as a note, without its path."""
    note(str(message), title=f"경고 ({category.__name__})")


def show_warnings_as_notes() -> bool:
    """In a notebook kernel outside the book build, show warnings as Markdown notes.

    Python prints a warning with the file and line that raised it: a site-packages
    path in Colab, which tells a reader nothing. This shows the message alone as a
    "경고" note. Importing nlp_pp calls it; the book build, scripts
    and tests keep ordinary warnings. Returns True if it switched.
    """
    if not in_kernel() or in_book_build():
        return False
    warnings.showwarning = _show_warning_as_note
    return True


show_warnings_as_notes()  # Colab에서 nlp_pp를 불러오는 순간 켜집니다
