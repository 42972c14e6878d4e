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


@pytest.mark.parametrize("page", ["intro", "teaching"])
def test_page_without_a_twin_has_no_colab_button(html, page):
    # Colab cannot open a MyST .md file; only chapters have .ipynb twins
    text = (html / f"{page}.html").read_text(encoding="utf-8")
    assert not re.search(r"colab\.research\.google\.com/github/[^\"']+\.md", text)


def test_glossary_and_references_pages(html):
    glossary = (html / "glossary.html").read_text(encoding="utf-8")
    assert "셀 상태" in glossary and "cell state" in glossary
    references = (html / "references.html").read_text(encoding="utf-8")
    assert "Hochreiter" in references and "Bojanowski" in references


# ---------------------------------------------------------------- offline equations
_SCRIPT_SRC = re.compile(r"<script[^>]*\ssrc=\"([^\"]+)\"", re.IGNORECASE)
_REMOTE_MATH = re.compile(r"(?:src|href)=\"(?:https?:)?//[^\"]*mathjax[^\"]*\"",
                          re.IGNORECASE)


def offline_math_problems(html_dir: Path) -> tuple[list[str], int]:
    """Return (what makes an equation need the network, how many pages show math).

    A page's math must load MathJax from a file inside the build, never from a CDN,
    and the CommonHTML output needs its web fonts beside that file.
    """
    problems, with_math = [], 0
    for page in sorted(html_dir.rglob("*.html")):
        rel = page.relative_to(html_dir)
        if rel.parts[0].startswith("_"):  # _static, _sources, _images
            continue
        text = page.read_text(encoding="utf-8")
        problems += [f"{rel}: {m}" for m in _REMOTE_MATH.findall(text)]
        if "cdn.jsdelivr" in text:
            problems.append(f"{rel}: cdn.jsdelivr")
        scripts = [s for s in _SCRIPT_SRC.findall(text) if "mathjax" in s.lower()]
        if 'class="math' not in text:
            continue
        with_math += 1
        if not scripts:
            problems.append(f"{rel}: math but no MathJax script")
        for src in scripts:
            if re.match(r"(https?:)?//", src):
                continue  # already reported above
            path = (page.parent / src.split("?")[0]).resolve()
            if not path.is_file():
                problems.append(f"{rel}: {src} is not in the build")
            elif "chtml" in path.name and not any(
                    (path.parent / "output" / "chtml" / "fonts").rglob("*.woff")):
                problems.append(f"{rel}: {src} has no web fonts beside it")
    return problems, with_math


def test_every_equation_renders_from_the_build(html):
    problems, with_math = offline_math_problems(html)
    assert with_math >= 3, "chapters 1-3 should show equations"
    assert not problems, "\n".join(problems[:20])


def test_no_binder_button(html):
    assert "binderhub_url" not in CONFIG.get("launch_buttons", {})
    for chapter in CHAPTERS:
        assert "mybinder" not in (html / f"{chapter}.html").read_text(encoding="utf-8")


# ---------------------------------------------------------------- student notebooks
def _colab(path: str) -> str:
    repo = CONFIG["repository"]["url"].removeprefix("https://github.com/").strip("/")
    branch = CONFIG["repository"]["branch"]
    return f"https://colab.research.google.com/github/{repo}/blob/{branch}/{path}"


def test_student_url_of_a_chapter_notebook():
    sys.path.insert(0, str(ROOT / "_ext"))
    from nlp_pp_student_button import student_url

    assert student_url(_colab("chapters/04_data_pipeline.ipynb")) == \
        _colab("chapters/student/04_data_pipeline.ipynb")
    assert student_url(_colab("intro.ipynb")) is None
    assert student_url(_colab("chapters/student/04_data_pipeline.ipynb")) is None


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_page_links_its_student_notebook_beside_colab(html, chapter):
    page = (html / f"{chapter}.html").read_text(encoding="utf-8")
    name = Path(chapter).name
    full, student = _colab(f"{chapter}.ipynb"), _colab(f"chapters/student/{name}.ipynb")
    assert student in page, f"no student notebook link on {chapter}"
    assert "학생용 노트북 (Colab)" in page
    assert page.index(full) < page.index(student), "student entry not after Colab"
    assert (ROOT / "chapters" / "student" / f"{name}.ipynb").exists(), student


# ---------------------------------------------------------------- the teacher's page
_PASTED = re.compile(r'<span class="pasted-text">([^<]*)</span>')


def _rows(page: str) -> list[str]:
    return re.findall(r"<tr[^>]*>(.*?)</tr>", page, re.DOTALL)


def test_teaching_page_times_are_the_chapters_own(html):
    teaching = (html / "teaching.html").read_text(encoding="utf-8")
    rows = _rows(teaching)
    for chapter in CHAPTERS:
        page = (html / f"{chapter}.html").read_text(encoding="utf-8")
        read = re.search(r"읽기 약 (\d+)분", page)
        run = re.search(r'실행\s*<span class="pasted-text">([^<]+)</span>', page)
        assert read and run, f"{chapter}: no reading or run time in the guide box"
        row = next(r for r in rows if f"{Path(chapter).name}.html" in r)
        cells = _PASTED.findall(row)
        assert cells[:2] == [f"약 {read.group(1)}분", run.group(1)], (chapter, cells)
        assert cells[2] in {"측정하지 않음", "기록 없음"} or "초" in cells[2] \
            or "분" in cells[2], cells


def test_teaching_page_lists_every_exercise_with_its_kind_and_time(html):
    import nlp_pp as pp
    from nlp_pp.exercises.core import KINDS, ORDER

    teaching = (html / "teaching.html").read_text(encoding="utf-8")
    assert "미등록" not in teaching and "아직 등록되지 않음" not in teaching
    listed = {int(m[0]): (m[1], int(m[2])) for m in re.findall(
        r"<td>(\d+)</td>\s*<td>\d장</td>\s*<td>.*?</td>\s*<td>(\S+)</td>\s*"
        r"<td>약 (\d+)분</td>", teaching, re.DOTALL)}
    assert sorted(listed) == list(range(1, len(ORDER) + 1))
    for number, (kind, minutes) in listed.items():
        q = pp.exercise(number)
        assert (kind, minutes) == (KINDS[q.kind], q.minutes), number


def test_teaching_page_colab_links_open_real_notebooks(html):
    teaching = (html / "teaching.html").read_text(encoding="utf-8")
    prefix = _colab("")
    links = re.findall(re.escape(prefix) + r"([^\"']+)", teaching)
    assert len(links) == 2 * len(CHAPTERS), links
    for path in links:
        assert (ROOT / path).exists(), path
    assert sum("/student/" in p for p in links) == len(CHAPTERS)


# ---------------------------------------------------------------- one execution per run
def test_build_executes_no_chapter_that_nbval_ran(build_log):
    """nbval ran these chapters in this session; the build must take them from the cache."""
    import os

    import book_cache

    ran = book_cache.expected(Path(os.environ["NLP_PP_TEST_BOOK_DIR"]))
    if not ran:
        pytest.skip("이번 실행에서 nbval이 실행한 장이 없습니다")
    executed = re.findall(r"([\w/]+)\.md: Executing notebook", build_log) + \
        re.findall(r"Executing notebook[^\n]*?([\w/]+)\.md", build_log)
    again = sorted({Path(p).stem for p in executed} & set(ran))
    assert not again, f"the build executed again what nbval ran: {again}"
    cached = len(re.findall(r"Using cached notebook", build_log))
    assert cached >= len(ran), (cached, ran, build_log[-3000:])
