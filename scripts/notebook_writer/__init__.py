"""The notebook writer: chapters/NN_*.md -> Colab twin, student notebook, resources.

One job per module: ``parser`` (the book's markdown-it, directives, role spans),
``spans`` (where a role stands in its line), ``index`` (exercise and equation
numbers, targets, titles across the book), ``bib`` (references.bib), ``roles`` and
``directives`` (what each construct becomes), ``include`` (literalinclude),
``prose`` (a Markdown text translated by its tokens' line maps), ``pieces`` and
``cells`` (one list of cells per chapter), ``editions`` (the twin and the student
notebook as two filters over it), ``stubs`` (answer stubs, checks), ``glue``
(glue_formats.json), ``registry`` (exercises.json), ``sync`` (the command).
"""

from .bib import BibEntry, read_bib
from .cells import Cell, chapter_cells
from .config import (
    ANSWER_TAG,
    BOOK_TAGS,
    CHECK_TAG,
    EXERCISES,
    FOLDED_TAGS,
    FORM_TITLE,
    GLUE_FORMATS,
    NOTEBOOK_TAGS,
    ROOT,
    ConversionError,
)
from .directives import only_applies
from .editions import notebook, student_path, student_text, twin_text
from .glue import book_pages, glue_formats_text, glue_references
from .include import pyobject_source, select_lines
from .index import Chapter, Context, chapter_paths, make_context, scan_chapter
from .parser import Directive, md_parser, parse, walk_directives
from .registry import exercises_text, without_comments
from .stubs import STUDENT_NOTE, check_source, stub_source, student_line
from .sync import main, sync, sync_install_cell, write_if_changed

__all__ = [
    "ANSWER_TAG", "BOOK_TAGS", "CHECK_TAG", "EXERCISES", "FOLDED_TAGS", "FORM_TITLE",
    "GLUE_FORMATS", "NOTEBOOK_TAGS", "ROOT", "STUDENT_NOTE", "BibEntry", "Cell",
    "Chapter", "Context", "ConversionError", "Directive", "book_pages",
    "chapter_cells", "chapter_paths", "check_source", "exercises_text",
    "glue_formats_text", "glue_references", "main", "make_context", "md_parser",
    "notebook", "only_applies", "parse", "pyobject_source", "read_bib", "scan_chapter",
    "select_lines", "stub_source", "student_line", "student_path", "student_text",
    "sync", "sync_install_cell", "twin_text", "walk_directives", "without_comments",
    "write_if_changed",
]
