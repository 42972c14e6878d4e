"""Build the whole book (warnings are errors) and check the HTML a reader gets."""

import re
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
TOC = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
CHAPTERS = [c["file"] for part in TOC["parts"] for c in part["chapters"]
            if c["file"].startswith("chapters/")]


# The book is built once per session by the `html` fixture in conftest.py.


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_page_links_colab_to_a_real_notebook(html, chapter):
    page = (html / f"{chapter}.html").read_text(encoding="utf-8")
    repo = CONFIG["repository"]["url"].removeprefix("https://github.com/")
    links = re.findall(r"https://colab\.research\.google\.com/github/([^\"']+)", page)
    assert links, f"no Colab button on {chapter}"
    for link in links:
        path = link.removeprefix(f"{repo}/blob/{CONFIG['repository']['branch']}/")
        assert path.endswith(".ipynb") and (ROOT / path).exists(), link


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_page_has_figures_and_no_raw_markup(html, chapter):
    page = (html / f"{chapter}.html").read_text(encoding="utf-8")
    images = re.findall(r'<img[^>]+src="([^"]+)"', page)
    assert images, f"{chapter} shows no figure"
    for src in images:
        if not src.startswith(("http", "data:")):
            assert (html / Path(chapter).parent / src).resolve().exists(), src
    for raw in ("{glue:", "{exercise}", "{solution}"):
        assert raw not in page, f"{raw} leaked into {chapter}.html"
    assert "solution" in page and "exercise" in page


def test_intro_page_exists(html):
    assert "colab" in (html / "intro.html").read_text(encoding="utf-8").lower()


def test_glossary_and_references_pages(html):
    glossary = (html / "glossary.html").read_text(encoding="utf-8")
    assert "셀 상태" in glossary and "cell state" in glossary
    references = (html / "references.html").read_text(encoding="utf-8")
    assert "Hochreiter" in references and "Bojanowski" in references
