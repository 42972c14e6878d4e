"""The one command: write every generated file of the chapters, only if changed."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import yaml

from .cells import chapter_cells
from .config import EXERCISES, GLUE_FORMATS, ROOT, ConversionError
from .editions import edition_notebook, student_path, written
from .glue import glue_formats_text
from .index import Context, chapter_paths, make_context
from .registry import exercises_text

# 설치 셀: 저장소 주소는 repo 변수에, 브랜치는 %pip 줄에 있습니다 (한 줄 80자 이내).
REPO_LINE = re.compile(r'^(\s*repo = ")[^"]+(")', re.MULTILINE)
INSTALL = re.compile(r'(%pip install -q "nlp_pp @ git\+\{repo\}@)[^"]+(")')


def write_if_changed(path: Path, text: str) -> bool:
    old = path.read_text(encoding="utf-8") if path.exists() else None
    if text != old:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return text != old


def install_target() -> tuple[str, str]:
    """Return (URL, BRANCH) of the repository named in _config.yml."""
    repo = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))["repository"]
    return repo["url"], repo["branch"]


def sync_install_cell(md: Path, target: tuple[str, str]) -> bool:
    """Point the chapter's Colab install cell at (url, branch); True if changed."""
    url, branch = target
    text = md.read_text(encoding="utf-8")
    new = REPO_LINE.sub(lambda m: f"{m.group(1)}{url}{m.group(2)}", text)
    new = INSTALL.sub(lambda m: f"{m.group(1)}{branch}{m.group(2)}", new)
    if new != text:
        md.write_text(new, encoding="utf-8")
    return new != text


def sync(md: Path, context: Context) -> bool:
    """Write md's twin and student notebook if their text changed; True if one did."""
    ipynb = md.with_suffix(".ipynb")
    cells = chapter_cells(md, context)  # 한 번 읽고 두 판으로 씁니다
    changed = write_if_changed(ipynb, written(edition_notebook(*cells, "twin")))
    changed |= write_if_changed(student_path(md),
                                written(edition_notebook(*cells, "student")))
    stat = md.stat()  # jupytext가 .md를 더 최신(원본)으로 보도록 수정 시각을 맞춥니다
    os.utime(ipynb, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    return changed


def main(argv: list[str] | None = None) -> int:
    chapters = [Path(a) for a in (argv or [])] or chapter_paths()
    target = install_target()
    for md in chapters:
        sync_install_cell(md, target)
    context = make_context()
    try:
        changed = [md.name for md in chapters if sync(md, context)]
        resources = write_if_changed(GLUE_FORMATS, glue_formats_text())
        resources |= write_if_changed(EXERCISES, exercises_text(context))
    except ConversionError as exc:
        print(f"sync_chapters: {exc}", file=sys.stderr)
        return 1
    print(f"{len(chapters)} chapters, {len(changed)} rewritten"
          + (f": {', '.join(changed)}" if changed else "")
          + ("; resources rewritten" if resources else ""))
    return 0
