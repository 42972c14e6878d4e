"""Paths, tags and the one error of the notebook writer."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIB = ROOT / "references.bib"
RESOURCES = ROOT / "nlp_pp" / "resources"
GLUE_FORMATS = RESOURCES / "glue_formats.json"
EXERCISES = RESOURCES / "exercises.json"
STUDENT_DIR = "student"  # chapters/student/NN_*.ipynb

# 노트북(Colab 쌍둥이, 학생용)에서 참인 {only} 태그: 책(html)에서는 거짓입니다
NOTEBOOK_TAGS = {"colab": True, "notebook": True, "html": False, "latex": False,
                 "format_html": False}
BOOK_TAGS = {**{k: not v for k, v in NOTEBOOK_TAGS.items()}, "latex": False}
# 책에서 코드를 숨기는 태그: 노트북에서는 Colab 양식(form)으로 코드를 접습니다
FOLDED_TAGS = {"hide-input", "remove-input", "remove-cell"}
FORM_TITLE = '#@title 숨긴 코드 (두 번 누르면 펼쳐집니다) { display-mode: "form" }'
ANSWER_TAG, CHECK_TAG = "exercise-answer", "exercise-check"


class ConversionError(ValueError):
    """A MyST construct this script cannot write as plain Jupyter Markdown."""


def where(path: Path, line: int | None = None) -> str:
    """Return 'chapter.md:line' (or the file name alone) for an error message."""
    return f"{path.name}:{line}" if line else path.name
