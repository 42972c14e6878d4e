"""The MyST -> plain-Jupyter converter of scripts/sync_chapters.py, on small chapters."""

import importlib.util
import json
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location(
    "sync_chapters", ROOT / "scripts" / "sync_chapters.py")
sync = sys.modules.setdefault("sync_chapters", importlib.util.module_from_spec(spec))
spec.loader.exec_module(sync)

HEADER = """\
---
jupytext:
  formats: ipynb,md:myst
  text_representation:
    extension: .md
    format_name: myst
kernelspec:
  display_name: Python 3
  language: python
  name: python3
---
"""

HELPER = '''\
import math


def area(r):
    """Return the area of a circle."""
    return math.pi * r ** 2


class Box:
    def size(self):
        return 3
'''


def write_chapter(tmp_path, body, name="01_demo.md"):
    folder = tmp_path / "chapters"
    folder.mkdir(exist_ok=True)
    (tmp_path / "helper.py").write_text(HELPER, encoding="utf-8")
    md = folder / name
    md.write_text(HEADER + textwrap.dedent(body), encoding="utf-8")
    return md


def convert(tmp_path, body, bib=None):
    md = write_chapter(tmp_path, body)
    context = sync.make_context(md.parent)
    if bib is not None:
        path = tmp_path / "references.bib"
        path.write_text(bib, encoding="utf-8")
        context.bib = sync.read_bib(path)
    nb = json.loads(sync.twin_text(md, context))
    return nb, ["".join(c["source"]) for c in nb["cells"]]


def test_glue_roles_and_directives_become_their_keys(tmp_path):
    _, cells = convert(tmp_path, """
        정확도는 {glue:text}`acc:.1%`, 문서 {glue:text}`n_docs:,`개, {glue}`mode` 모드.

        ```{glue:figure} fig_loss
        손실 곡선
        ```
        """)
    text = cells[0]
    assert "정확도는 `acc`, 문서 `n_docs`개, `mode` 모드." in text
    assert "`fig_loss`\n\n손실 곡선" in text
    assert "{glue" not in text


def test_exercises_are_numbered_and_solutions_fold(tmp_path):
    _, cells = convert(tmp_path, """
        앞에서 {ref}`ex-b`를 미리 봅니다. {ref}`이 연습 <ex-a>`도 있습니다.

        ```{exercise} 첫 문제
        :label: ex-a

        본문 A
        ```

        ````{solution} ex-a
        :class: dropdown

        풀이 A

        ```python
        print("A")
        ```
        ````

        ```{exercise} 둘째 문제
        :label: ex-b

        본문 B
        ```
        """)
    text = cells[0]
    assert "앞에서 연습 2를 미리 봅니다. 이 연습도 있습니다." in text
    assert "**연습 1.** 첫 문제\n\n본문 A" in text
    assert "**연습 2.** 둘째 문제\n\n본문 B" in text
    assert ('<details><summary>풀이 (연습 1)</summary>\n\n풀이 A\n\n```python\n'
            'print("A")\n```\n\n</details>') in text
    assert ":label:" not in text and ":class:" not in text


def test_solution_start_end_across_code_cells_folds_the_prose(tmp_path):
    _, cells = convert(tmp_path, """
        ```{exercise} 문제
        :label: ex-a
        본문
        ```

        ```{solution-start} ex-a
        :class: dropdown
        ```

        설명

        ```{code-cell} ipython3
        x = 1
        ```

        중간 설명

        ```{code-cell} ipython3
        y = 2
        ```

        ```{solution-end}
        ```

        ```{solution-start} ex-a
        ```
        같은 셀 안의 풀이
        ```{solution-end}
        ```
        """)
    assert cells[0].endswith("<details><summary>풀이 (연습 1)</summary>\n\n설명\n\n"
                             "</details>\n\n*연습 1 풀이의 코드가 아래 셀에 이어집니다.*")
    assert cells[1] == "x = 1"
    assert cells[2] == ("<details><summary>풀이 (연습 1) (계속)</summary>\n\n중간 설명"
                        "\n\n</details>")
    assert cells[3] == "y = 2"
    assert cells[4].startswith("*(연습 1 풀이 끝)*\n\n<details><summary>풀이 (연습 1)")
    assert "같은 셀 안의 풀이\n\n</details>" in cells[4]


def test_a_solution_start_without_end_is_refused(tmp_path):
    with pytest.raises(sync.ConversionError, match="no solution-end"):
        convert(tmp_path, "```{solution-start} x\n```\n\n```{code-cell} ipython3\n"
                "x = 1\n```\n")


def test_admonitions_become_block_quotes_with_titles(tmp_path):
    _, cells = convert(tmp_path, """
        ```{note}
        짧은 안내
        ```

        ````{admonition} 제목 있는 상자
        :class: tip

        설명 {glue:text}`x:.2f`

        ```python
        y = 2
        ```
        ````

        :::{warning}
        조심
        :::
        """)
    text = cells[0]
    assert "> **참고**\n>\n> 짧은 안내" in text
    assert "> **제목 있는 상자**\n>\n> 설명 `x`\n>\n> ```python\n> y = 2\n> ```" in text
    assert "> **경고**\n>\n> 조심" in text


def test_references_equations_citations_and_targets(tmp_path):
    bib = """@article{hochreiter1997lstm,
      author = {Hochreiter, Sepp and Schmidhuber, J{\\"u}rgen},
      title = {Long Short-Term Memory}, year = {1997}}
    @inproceedings{cho2014gru, author = {Cho, Kyunghyun and van Merri{\\"e}nboer,
      Bart and Bengio, Yoshua}, year = 2014, title = {GRU}}
    """
    _, cells = convert(tmp_path, """
        (sec-intro)=
        ## 들어가며

        $$
        h_t = f(h_{t-1})
        $$ (eq-step)

        식 {eq}`eq-step`과 {ref}`sec-intro`, {doc}`01_demo`를 봅니다.
        게이트 {cite:p}`hochreiter1997lstm,cho2014gru`, {cite:t}`cho2014gru`,
        {cite}`unknown-key`.

        % 주석은 사라집니다

        ```{tableofcontents}
        ```
        """, bib=bib)
    text = cells[0]
    assert "(sec-intro)=" not in text and "주석" not in text
    assert "h_t = f(h_{t-1})\n\\tag{1}\n$$" in text and "(eq-step)" not in text
    assert "식 (1)과 ‘들어가며’, 들어가며를 봅니다." in text
    assert "게이트 (Hochreiter & Schmidhuber 1997; Cho et al. 2014), Cho et al. (2014)" \
        in text
    assert "(unknown-key)." in text
    assert "tableofcontents" not in text


def test_literalinclude_reads_the_file(tmp_path):
    _, cells = convert(tmp_path, """
        ```{literalinclude} ../helper.py
        :pyobject: area
        ```

        ```{literalinclude} ../helper.py
        :pyobject: Box.size
        ```

        ```{literalinclude} ../helper.py
        :lines: 1
        ```
        """)
    text = cells[0]
    assert '```python\ndef area(r):\n    """Return the area of a circle."""\n' in text
    assert "```python\n    def size(self):\n        return 3\n```" in text
    assert "```python\nimport math\n```" in text


@pytest.mark.parametrize("body, message", [
    ("```{literalinclude} ../helper.py\n:pyobject: missing\n```\n", "no object"),
    ("```{literalinclude} ../nowhere.py\n```\n", "no file"),
    ("```{literalinclude} ../helper.py\n:emphasize-lines: 1\n:diff: x\n```\n",
     "not supported"),
    ("```{figure} a.png\n```\n", "unsupported directive"),
    ("{unknownrole}`x`\n", "unsupported role"),
])
def test_unsupported_constructs_fail_loudly(tmp_path, body, message):
    with pytest.raises(sync.ConversionError, match=message):
        convert(tmp_path, body)


def test_code_cells_are_copied_with_metadata_and_no_outputs(tmp_path):
    nb, cells = convert(tmp_path, """
        # 제목

        ```{code-cell} ipython3
        :tags: [hide-output]

        # {glue:text}`stays` 코드 안의 글자는 그대로
        %pip install -q something
        ```
        """)
    code = nb["cells"][1]
    assert code["cell_type"] == "code" and code["outputs"] == []
    assert code["metadata"] == {"tags": ["hide-output"]}
    assert cells[1] == "# {glue:text}`stays` 코드 안의 글자는 그대로\n" \
        "%pip install -q something"
    assert nb["metadata"]["accelerator"] == "GPU" and "jupytext" not in nb["metadata"]


def test_sync_is_idempotent_and_leaves_the_md_the_newer_side(tmp_path, monkeypatch):
    md = write_chapter(tmp_path, "# 제목\n\n{glue:text}`x`\n")
    context = sync.make_context(md.parent)
    assert sync.sync(md, context) is True
    first = md.with_suffix(".ipynb").read_text(encoding="utf-8")
    assert sync.sync(md, context) is False
    assert md.with_suffix(".ipynb").read_text(encoding="utf-8") == first
    assert md.with_suffix(".ipynb").stat().st_mtime_ns == md.stat().st_mtime_ns


def test_a_chapter_not_paired_with_ipynb_is_refused(tmp_path):
    md = write_chapter(tmp_path, "# 제목\n")
    md.write_text(md.read_text(encoding="utf-8").replace("ipynb,md:myst", "md:myst"),
                  encoding="utf-8")
    with pytest.raises(sync.ConversionError, match="formats"):
        sync.twin_text(md, sync.make_context(md.parent))
