"""The state of one chapter's translation, as it goes through the cells in order."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .config import where
from .index import Context, scan_chapter


@dataclass
class Conversion:
    """Where the translation of one chapter stands."""

    md: Path
    context: Context
    exercise: int = 0  # 마지막 연습의 번호 (책 전체에서 이어 셉니다)
    level: int = 1  # 마지막 제목의 수준: 연습은 그 아래 수준의 제목이 됩니다
    exercise_level: int | None = None
    open_solution: int | None = None  # 여러 셀에 걸친 풀이의 제목 수준
    solution_line: int | None = None  # 그 풀이가 시작한 줄
    cited: list[str] = field(default_factory=list)  # 인용한 문헌 (처음 나온 순서)

    def __post_init__(self):
        self.md = self.md.resolve()
        self.chapter = self.context.chapters.get(self.md) or scan_chapter(self.md)
        self.exercise = self.chapter.offset

    def where(self, line: int | None = None) -> str:
        return where(self.md, line)
