"""Sphinx extension: a "학생용 노트북 (Colab)" entry beside each chapter's Colab button.

The book's Colab button opens ``chapters/NN_x.ipynb`` (the full twin, with folded
solutions). A teacher hands out ``chapters/student/NN_x.ipynb`` instead, so the
launch menu of every chapter page gets a second Colab entry pointing there.
"""

from __future__ import annotations

import re

# .../blob/<branch>/chapters/NN_name.ipynb  ->  .../chapters/student/NN_name.ipynb
_CHAPTER_NOTEBOOK = re.compile(r"(/chapters/)(\d\d_[^/]+\.ipynb)$")


def student_url(colab_url: str) -> str | None:
    """Return the Colab URL of a chapter's student notebook, or None if not a chapter."""
    if _CHAPTER_NOTEBOOK.search(colab_url) is None:
        return None
    return _CHAPTER_NOTEBOOK.sub(r"\1student/\2", colab_url)


def add_student_button(app, pagename, templatename, context, doctree):
    """Insert the student entry right after the Colab entry of the launch menu.

    A page without a Jupyter twin (intro.md, teaching.md) would get a Colab entry
    that opens a MyST .md file, which Colab cannot read: that entry is dropped.
    """
    header = context.get("header_buttons", [])
    for group in list(header):
        if group.get("label") != "launch-buttons":
            continue
        buttons = group["buttons"]
        for i, button in enumerate(list(buttons)):
            if button.get("text") != "Colab":
                continue
            if not button.get("url", "").endswith(".ipynb"):
                buttons.remove(button)
            elif url := student_url(button["url"]):
                buttons.insert(i + 1, {
                    "type": "link", "text": "학생용 노트북 (Colab)", "url": url,
                    "tooltip": "풀이를 뺀 학생용 노트북을 Colab에서 엽니다",
                    "icon": button.get("icon", ""), "label": "launch-student-colab",
                })
            break
        if not buttons:
            header.remove(group)


def setup(app):
    # sphinx-book-theme adds the launch menu at priority 501; run after it.
    app.connect("html-page-context", add_student_button, priority=600)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
