"""The book's exercises by label: their number, title, code and texts, and the registry.

``resources/exercises.json`` (written by scripts/sync_chapters.py from the chapters)
gives each label its number, chapter, title and reference code in book order;
``resources/exercise_texts.md`` gives its hint and solution. :func:`register` keeps one
instance of each declared class; :func:`exercise` finds it by number or label.
"""

from __future__ import annotations

import json
import numbers
from importlib import resources
from typing import Any

from ..errors import NlpPPError

# 책의 연습 문제: {라벨: {number, chapter, title, code}}, 책에 나오는 순서대로.
# scripts/sync_chapters.py가 chapters/*.md의 {exercise}와 풀이 셀에서 만듭니다.
BOOK: dict[str, dict] = json.loads(resources.files("nlp_pp").joinpath(
    "resources", "exercises.json").read_text(encoding="utf-8"))
ORDER: tuple[str, ...] = tuple(BOOK)
TEXT_KEYS = {"힌트": "hint_text", "풀이": "solution_text"}


def read_texts(markdown: str) -> dict[str, dict[str, str]]:
    """Return {label: {"hint_text": ..., "solution_text": ...}} from exercise_texts.md.

    Under ``## <label>`` come ``### 힌트`` and ``### 풀이``, one paragraph each; a line
    break reads as one space.
    """
    texts: dict[str, dict[str, list[str]]] = {}
    label = key = None
    for line in markdown.splitlines():
        if line.startswith("## "):
            label, key = line[3:].strip(), None
        elif line.startswith("### ") and label:
            key = TEXT_KEYS[line[4:].strip()]
            texts.setdefault(label, {})[key] = []
        elif key and line.strip():
            texts[label][key].append(line.strip())
    return {la: {k: " ".join(v) for k, v in d.items()} for la, d in texts.items()}


# 힌트와 풀이의 글: resources/exercise_texts.md (글은 코드 밖에서 고칩니다)
TEXTS = read_texts(resources.files("nlp_pp").joinpath(
    "resources", "exercise_texts.md").read_text(encoding="utf-8"))
_REGISTRY: dict[str, Any] = {}


def register(cls: type) -> type:
    """Class decorator: add one instance of ``cls`` under its label (from ORDER)."""
    if cls.label not in BOOK or cls.label in _REGISTRY:
        raise NlpPPError(f"ORDER에 없거나 이미 등록된 라벨입니다: {cls.label!r}",
                         f"label not in ORDER or registered twice: {cls.label!r}")
    if cls.kind == "predict" and cls.form is None:
        raise NlpPPError("예측 문제에는 form(답의 꼴)이 필요합니다",
                         "a prediction exercise needs a form")
    _REGISTRY[cls.label] = cls()
    return cls


def exercise(key: int | str) -> Any:
    """Return the exercise by its book number or label (``"ch1-ex-scale"``)."""
    if isinstance(key, numbers.Integral) and not isinstance(key, bool) \
            and 1 <= int(key) <= len(ORDER):
        key = ORDER[int(key) - 1]
    elif not (isinstance(key, str) and key.strip() in BOOK):
        raise NlpPPError(f"그런 연습 문제가 없습니다: {key!r} (번호 1–{len(ORDER)} 또는 "
                         f"라벨, 예: {ORDER[0]!r})",
                         f"no such exercise: {key!r} (number 1-{len(ORDER)} or label)")
    if key.strip() not in _REGISTRY:
        raise NlpPPError(f"연습 {key}의 확인은 아직 만들어지지 않았습니다",
                         f"exercise {key} has no check yet")
    return _REGISTRY[key.strip()]


def exercises() -> tuple:
    """Return every registered exercise in book order (for the teacher's page)."""
    return tuple(_REGISTRY[label] for label in ORDER if label in _REGISTRY)
