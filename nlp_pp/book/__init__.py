"""What the chapters need from the book: glued numbers, notes, source, the clock.

One job per module: ``glue`` (numbers into the prose), ``notes`` (Markdown notes,
warnings as notes), ``source`` (package source in a cell), ``clock`` (run time).
"""

from .clock import ChapterClock
from .glued import (
    BOOK_BUILD_ENV,
    format_glued,
    glue,
    glue_formats,
    glued_line,
    in_book_build,
    plain_text,
)
from .notes import note, show_warnings_as_notes
from .source import SourceCode, show_source

__all__ = ["BOOK_BUILD_ENV", "ChapterClock", "SourceCode", "format_glued", "glue",
           "glue_formats", "glued_line", "in_book_build", "note", "plain_text",
           "show_source", "show_warnings_as_notes"]
