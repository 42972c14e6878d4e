"""The repository's machinery: README vs CI, chapter twins, Colab metadata."""

import importlib.util
import json
import re
import sys
from pathlib import Path

import jupytext
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
TOC = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
CHAPTERS = [c["file"] for part in TOC["parts"] for c in part["chapters"]
            if c["file"].startswith("chapters/")]
# MyST가 남았는지: {이름}` 로 시작하는 역할, ```{ 또는 :::{ 로 여는 지시어
MYST_ROLE = re.compile(r"\{[\w:+-]+\}`")
MYST_DIRECTIVE = re.compile(r"^\s*(`{3,}|:{3,})\{", re.MULTILINE)
CODE_FENCE = re.compile(r"^(?P<f>[ \t]*(`{3,}|~{3,}))(?!\{)[^\n]*\n.*?^(?P=f)\s*$",
                        re.MULTILINE | re.DOTALL)


def load_sync():
    spec = importlib.util.spec_from_file_location(
        "sync_chapters", ROOT / "scripts" / "sync_chapters.py")
    module = sys.modules.setdefault("sync_chapters",
                                    importlib.util.module_from_spec(spec))
    spec.loader.exec_module(module)
    return module


SYNC = load_sync()


def code_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code"]


def test_readme_test_command_is_what_ci_runs():
    ci_lines = (ROOT / ".ci/run").read_text(encoding="utf-8").strip().splitlines()
    command = ci_lines[-1].strip()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert command.startswith("pip install -r requirements.txt")
    assert re.search(rf"^{re.escape(command)}$", readme, re.MULTILINE), command


def test_ci_installs_cpu_torch_first():
    text = (ROOT / ".ci/run").read_text(encoding="utf-8")
    assert text.index("torch==2.13.0") < text.index("requirements.txt")


@pytest.fixture(scope="module")
def context():
    return SYNC.make_context()


def test_toc_lists_every_chapter():
    sources = {p.relative_to(ROOT).with_suffix("").as_posix()
               for p in SYNC.chapter_paths()}
    assert sources == set(CHAPTERS)


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_colab_twin_matches_its_source(chapter, context):
    md, ipynb = ROOT / f"{chapter}.md", ROOT / f"{chapter}.ipynb"
    assert md.exists(), f"{md} is in _toc.yml but missing"
    assert ipynb.exists(), f"{ipynb} missing: run python scripts/sync_chapters.py"
    expected = SYNC.twin_text(md, context)
    assert ipynb.read_text(encoding="utf-8") == expected, (
        f"{chapter}.ipynb differs from its .md: run python scripts/sync_chapters.py")


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_colab_twin_markdown_is_plain_jupyter(chapter):
    raw = json.loads((ROOT / f"{chapter}.ipynb").read_text(encoding="utf-8"))
    left = []
    for i, cell in enumerate(raw["cells"]):
        if cell["cell_type"] != "markdown":
            continue
        text = CODE_FENCE.sub("", "".join(cell["source"]))  # 코드 블록 안은 코드입니다
        left += [(i, m[0]) for m in MYST_ROLE.finditer(text)]
        left += [(i, m[0].strip()) for m in MYST_DIRECTIVE.finditer(text)]
    assert not left, f"MyST markup left in {chapter}.ipynb (cell, text): {left[:5]}"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_colab_twin_keeps_code_cells_verbatim(chapter):
    source = code_cells(jupytext.read(ROOT / f"{chapter}.md"))
    twin = code_cells(jupytext.read(ROOT / f"{chapter}.ipynb"))
    assert [(c.source, c.metadata) for c in source] == \
        [(c.source, c.metadata) for c in twin]


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_notebook_is_clean_and_asks_colab_for_a_gpu(chapter):
    raw = json.loads((ROOT / f"{chapter}.ipynb").read_text(encoding="utf-8"))
    assert raw["metadata"].get("accelerator") == "GPU"
    outputs = [c for c in raw["cells"] if c.get("outputs")]
    assert not outputs, "paired notebooks are stored without outputs"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_first_code_cell_installs_only_in_colab(chapter):
    first = code_cells(jupytext.read(ROOT / f"{chapter}.md"))[0]
    assert "hide-output" in first.metadata.get("tags", [])
    assert 'if "google.colab" in sys.modules:' in first.source
    repo = CONFIG["repository"]["url"]
    assert f'repo = "{repo}"' in first.source
    assert f"git+{{repo}}@{CONFIG['repository']['branch']}" in first.source
    assert all(len(line) <= 80 for line in first.source.splitlines())


def test_config_excludes_notebook_twins_and_points_to_main():
    assert "chapters/*.ipynb" in CONFIG["exclude_patterns"]
    assert CONFIG["repository"]["branch"] == "main"
    assert CONFIG["sphinx"]["config"]["language"] == "ko"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_code_lines_fit_the_book_column(chapter):
    long = [(i, line) for i, cell in enumerate(code_cells(jupytext.read(
                ROOT / f"{chapter}.md")))
            for line in cell.source.splitlines() if len(line) > 80]
    assert not long, f"{chapter}: code lines over 80 characters: {long[:3]}"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_output_check_has_a_stored_output(chapter):
    # nbval은 NBVAL_CHECK_OUTPUT 셀을 저장된 출력과만 비교합니다: 출력이 없으면 아무것도
    # 확인하지 않으므로, 사실은 눈에 보이는 assert로 확인합니다.
    raw = json.loads((ROOT / f"{chapter}.ipynb").read_text(encoding="utf-8"))
    unchecked = [c["source"] for c in raw["cells"] if c["cell_type"] == "code"
                 and "NBVAL_CHECK_OUTPUT" in "".join(c["source"])
                 and not c.get("outputs")]
    assert not unchecked, f"{chapter}: output checks that compare nothing"
