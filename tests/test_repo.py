"""The repository's machinery: README vs CI, chapter pairs, Colab metadata."""

import json
import re
from pathlib import Path

import jupytext
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
TOC = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
CHAPTERS = [c["file"] for part in TOC["parts"] for c in part["chapters"]]


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


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_has_paired_notebook_in_sync(chapter):
    md, ipynb = ROOT / f"{chapter}.md", ROOT / f"{chapter}.ipynb"
    assert md.exists(), f"{md} is in _toc.yml but missing"
    assert ipynb.exists(), f"{ipynb} missing: run python scripts/sync_chapters.py"
    nb_md, nb_ipynb = jupytext.read(md), jupytext.read(ipynb)
    pairs = list(zip(nb_md.cells, nb_ipynb.cells, strict=True))
    drift = [i for i, (a, b) in enumerate(pairs)
             if (a.cell_type, a.source) != (b.cell_type, b.source)]
    assert not drift, f"{chapter}: cells {drift} differ; run scripts/sync_chapters.py"


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
    assert f"git+{repo}@{CONFIG['repository']['branch']}" in first.source


def test_config_excludes_notebook_twins_and_points_to_main():
    assert "chapters/*.ipynb" in CONFIG["exclude_patterns"]
    assert CONFIG["repository"]["branch"] == "main"
    assert CONFIG["sphinx"]["config"]["language"] == "ko"
