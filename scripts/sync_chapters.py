"""Write each chapter's notebooks: chapters/NN_*.md -> the Colab twin chapters/NN_*.ipynb,
the student notebook chapters/student/NN_*.ipynb, nlp_pp/resources/glue_formats.json
and nlp_pp/resources/exercises.json.

Usage: python scripts/sync_chapters.py [chapters/NN_x.md ...]
       (the one command after editing a chapter; no argument: every chapter)

The MyST Markdown file is the source; everything this script writes is generated, never
edited by hand. The script

1. points every chapter's install cell at the repository of _config.yml (it rewrites
   the .md only when that URL changed),
2. reads the .md with jupytext (the jupytext header and its ``formats: ipynb,md:myst``
   line stay as they are: they tell Jupyter Book and jupytext that the .md is a
   notebook paired with the .ipynb beside it),
3. writes a plain-Jupyter twin for Colab: code cells verbatim (with their tags and
   metadata), no outputs, the front matter's notebook metadata (a chapter that trains
   on a GPU asks for one there: ``accelerator: GPU`` and ``colab: {gpuType: T4}``;
   the others ask for nothing), and Markdown cells with every MyST role and directive
   turned into Markdown that Colab shows as intended,
4. writes the student notebook from the same source (see below),
5. writes ``nlp_pp/resources/glue_formats.json``: for every glued name the prose of
   any book page uses, its format specs in prose order. ``pp.glue`` reads it outside
   the book build to show each value exactly as the book prints it,
6. writes ``nlp_pp/resources/exercises.json``: each exercise's label, book-wide
   number, chapter, title and reference answer code (the solution's exercise-answer
   cells, without comments), in book order, for nlp_pp's exercises,
7. gives the twin the same modification time as its .md.

The work is done by the package ``scripts/notebook_writer`` on the tokens of the
book's own parser (myst-parser's markdown-it): a construct's lines (or a role's
place in its line) are replaced and every other byte stays as written, so code spans,
code blocks, block quotes and indented code cannot fool it. The twin and the student
notebook are two filters over one list of cells. Errors name ``chapter.md:line``.

Do not run ``jupytext --sync`` any more: it would copy the twin's plain Markdown back
into the .md when the twin is the newer file. Step 7 makes jupytext treat the .md as
the newer side, and tests/test_repo.py fails whenever a generated file differs from
what this script makes of its .md. Running the script twice changes nothing.

How the MyST constructs read in the twin:

- ``{glue:text}`name:fmt``` (and the other glue roles and directives): the glue key as
  inline code, `name`. Outside the book ``pp.glue`` shows "`name` = value" under the
  cell that computed it, in the book's format(s) for that name ("25.0%", not 0.25;
  "a · b" when the prose uses two formats), so the reader finds the number by its key.
- ``{exercise}``: a heading one level below the current section, "### 연습 N. title",
  in a cell of its own, then its body. N counts across the whole book in chapter
  order, as the book's sphinx-exercise numbers (chapter 3 shows 연습 8–11).
- ``{solution}`` and ``{solution-start}`` ... ``{solution-end}`` (which may span code
  cells): a heading cell "#### 풀이 (연습 N)" listed in the notebook's
  ``colab.collapsed_sections`` (by the cell's metadata ``id``, as Colab saves it), so
  Colab opens the notebook with the solution's prose, code and output folded; "Run
  all" still runs it. When prose follows a solution, a heading "### 연습 문제를
  마치며" ends the folded section. A solution-start without its solution-end stops the
  script.
- ``{only} html`` blocks are left out, ``{only} notebook`` (or ``colab``) blocks are
  kept: Sphinx does the opposite, so a sentence can speak to one audience. Only tag
  names, ``and``, ``or``, ``not`` and parentheses; an unknown tag stops the script.
- Code cells tagged ``hide-input``, ``remove-input`` or ``remove-cell`` become Colab
  forms (``cellView: "form"`` and a ``#@title`` first line): the code is folded, the
  output shows.
- ``{dropdown}``: an HTML ``<details>`` block.
- ``{literalinclude}``: a fenced code block with the file's text (``:pyobject:``,
  ``:lines:``, ``:start-after:``, ``:end-before:`` honoured); an unknown option or a
  missing file or object stops the script.
- Admonitions (note, tip, important, warning, admonition with a title, ...): a block
  quote whose first line is the bold title ("> **참고**").
- ``{ref}``: the explicit text, else the exercise ("연습 N") or the heading the label
  stands before; ``{numref}`` likewise; ``{doc}``: the explicit text or the page title;
  ``{eq}``: the equation number "(N)" as the book prints it, and each labelled
  ``$$ ... $$ (label)`` keeps its math with ``\\tag{N}`` instead of the label;
  ``{cite:p}`` / ``{cite}``: "(Hochreiter & Schmidhuber, 1997)" from references.bib,
  ``{cite:t}``: "Cho et al. (2014)", and a twin that cites ends with a "참고 문헌"
  list of what it cited; a key missing from references.bib stops the script.
  ``(label)=`` lines, ``%`` comment lines and ``{tableofcontents}`` disappear. Any
  other role or directive stops the script with its location.

The student notebook (the classroom edition) is the twin without the solutions: every
cell between a solution's start and end is left out (prose and code) except the code
cells tagged ``exercise-answer``, which become stubs that run as they stand
(``답 = ...``; a function keeps its signature and docstring with ``return ...``;
imports and other lines such as ``pp.exercise(...).predict(예측)`` stay), and those
tagged ``exercise-check``, kept without their ``assert`` statements. Under each
exercise a line says how to check it (``pp.exercise(N).hint()``), and a note under the
title says what the notebook is.
"""


from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from notebook_writer import *  # the writer's functions, for the tests
from notebook_writer import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
