"""Checks over the built HTML: no stray string reprs under cells, tables that fit.

The book is built once per session by the `html` fixture in conftest.py
(NLP_PP_BOOK_HTML reuses a build).
"""

import re
from pathlib import Path

from bs4 import BeautifulSoup

# 'text' 또는 "text" 하나뿐인 출력: 셀이 문자열(또는 붙인 값)을 돌려주며 끝났다는 뜻
_BARE_STR = re.compile(r"""\A\s*(?:'[^\n]*'|"[^\n]*")\s*\Z""")


def bare_string_outputs(html_dir: Path) -> list[str]:
    """Return 'page: output' for each plain-text cell output that is a str repr."""
    found = []
    for page in sorted(html_dir.rglob("*.html")):
        rel = page.relative_to(html_dir)
        if rel.parts[0].startswith("_"):
            continue
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for out in soup.select("div.cell_output div.output.text_plain"):
            text = out.get_text()
            if _BARE_STR.match(text):
                found.append(f"{rel}: {text.strip()[:80]}")
    return found


def test_bare_string_outputs_are_found(tmp_path):
    page = tmp_path / "chapters" / "x.html"
    page.parent.mkdir()
    cell = ('<div class="cell_output"><div class="output text_plain">'
            '<pre>{}</pre></div></div>')
    page.write_text("".join(cell.format(t) for t in [
        "'quick'", '"큰따옴표"', "{'a': 1}", "0.25", "'a'\n'b'", "array(['a'])"]),
        encoding="utf-8")
    assert bare_string_outputs(tmp_path) == ["chapters/x.html: 'quick'",
                                             'chapters/x.html: "큰따옴표"']


def test_no_cell_output_is_a_bare_string(html):
    found = bare_string_outputs(html)
    assert not found, "a cell ends in a str (end it with ';' or print):\n" + \
        "\n".join(found)


def test_tables_do_not_break_words(html):
    css = html / "_static" / "tables.css"
    assert "word-break: keep-all" in css.read_text(encoding="utf-8")
    assert "overflow-x: auto" in css.read_text(encoding="utf-8")
    page = (html / "chapters" / "06_six_conditions.html").read_text(encoding="utf-8")
    assert re.search(r'<link[^>]+href="[./]*_static/tables\.css', page)


def evidence_spans(page: Path) -> list[str]:
    """Return the inline background colours of the evidence spans on one page."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    return [span.get("style", "") for span in soup.select("span.pp-evidence")
            if "background-color: rgba(" in span.get("style", "")]


def test_evidence_spans_are_found(tmp_path):
    import nlp_pp as pp

    page = tmp_path / "x.html"
    page.write_text(pp.attribution.evidence_html(["ㅁㅜ_ㄹㅛ_", "a"], [1.0, -1.0]),
                    encoding="utf-8")
    assert len(evidence_spans(page)) == 2


def test_chapter6_shows_tokens_as_coloured_text(html):
    """Chapter 6 section 10.2: coloured spans with inline styles, no CSS or JS file."""
    page = html / "chapters" / "06_six_conditions.html"
    spans = evidence_spans(page)
    assert len(spans) >= 10, "no coloured evidence spans on chapter 6's page"
    assert any("214, 39, 40" in s for s in spans)  # 빨강: 스팸 쪽으로 민 토큰
