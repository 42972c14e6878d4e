"""The exercise registry ``nlp_pp/resources/exercises.json``.

nlp_pp reads from it each exercise's book-wide number, chapter, title and the
reference answer code: the solution's exercise-answer cells, joined, without comments.
"""

from __future__ import annotations

import io
import json
import tokenize

from .index import Context


def without_comments(code: str) -> str:
    """Return Python code without its comments (a comment-only line goes entirely)."""
    lines = code.split("\n")
    gone = set()
    for tok in tokenize.generate_tokens(io.StringIO(code).readline):
        if tok.type == tokenize.COMMENT:
            row, col = tok.start
            lines[row - 1] = lines[row - 1][:col].rstrip()
            if not lines[row - 1]:
                gone.add(row - 1)
    return "\n".join(line for i, line in enumerate(lines) if i not in gone)


def exercises_text(context: Context) -> str:
    """Return exercises.json: {label: number, chapter, title, code} in book order."""
    registry = {}
    for chapter in context.chapters.values():
        for label, number in chapter.exercises.items():
            code = "\n".join(chapter.answers.get(label, []))
            registry[label] = {"number": number, "chapter": chapter.path.stem,
                               "title": chapter.titles[label],
                               "code": without_comments(code)}
    return json.dumps(registry, ensure_ascii=False, indent=1) + "\n"
