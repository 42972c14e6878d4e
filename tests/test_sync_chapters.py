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


def write_chapter(tmp_path, body, name="01_demo.md", header=HEADER):
    folder = tmp_path / "chapters"
    folder.mkdir(exist_ok=True)
    (tmp_path / "helper.py").write_text(HELPER, encoding="utf-8")
    md = folder / name
    md.write_text(header + textwrap.dedent(body), encoding="utf-8")
    return md


def convert(tmp_path, body, bib=None, student=False, header=HEADER):
    md = write_chapter(tmp_path, body, header=header)
    context = sync.make_context(md.parent)
    if bib is not None:
        path = tmp_path / "references.bib"
        path.write_text(bib, encoding="utf-8")
        context.bib = sync.read_bib(path)
    text = (sync.student_text if student else sync.twin_text)(md, context)
    nb = json.loads(text)
    return nb, ["".join(c["source"]) for c in nb["cells"]]


def collapsed(nb):
    """Return the sources of the cells listed in colab.collapsed_sections."""
    ids = nb["metadata"].get("colab", {}).get("collapsed_sections", [])
    by_id = {c["metadata"].get("id"): "".join(c["source"]) for c in nb["cells"]}
    return [by_id.get(i) for i in ids]


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


EXERCISES = """
    ## 연습 문제

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

    ```{solution-start} ex-b
    :class: dropdown
    ```

    설명 B

    ```{code-cell} ipython3
    x = 1
    ```

    중간 설명

    ```{code-cell} ipython3
    y = 2
    ```

    ```{solution-end}
    ```

    풀이 뒤의 본문

    ```{code-cell} ipython3
    z = 3
    ```
    """


def test_exercises_are_headings_and_solutions_are_collapsed_sections(tmp_path):
    nb, cells = convert(tmp_path, EXERCISES)
    assert "앞에서 연습 2를 미리 봅니다. 이 연습도 있습니다." in cells[0]
    assert cells[1] == "### 연습 1. 첫 문제\n\n본문 A"
    assert cells[2] == "#### 풀이 (연습 1)"
    assert cells[3] == '풀이 A\n\n```python\nprint("A")\n```'
    assert cells[4] == "### 연습 2. 둘째 문제\n\n본문 B"
    assert cells[5:10] == ["#### 풀이 (연습 2)", "설명 B", "x = 1", "중간 설명", "y = 2"]
    # 풀이 뒤의 본문이 접힌 풀이 안으로 들어가지 않도록 연습 수준의 제목이 닫습니다
    assert cells[10] == "### 연습 문제를 마치며"
    assert cells[11:] == ["풀이 뒤의 본문", "z = 3"]
    assert collapsed(nb) == ["#### 풀이 (연습 1)", "#### 풀이 (연습 2)"]
    assert all(c["metadata"]["id"] == c["id"] for c in nb["cells"]
               if c["id"] in nb["metadata"]["colab"]["collapsed_sections"])
    assert "<details>" not in "".join(cells) and ":label:" not in "".join(cells)


def test_exercise_numbers_run_across_the_book(tmp_path):
    write_chapter(tmp_path, EXERCISES)
    md = write_chapter(tmp_path, """
        ## 연습 문제

        ```{exercise} 셋째
        :label: ex-c
        본문
        ```

        ```{solution} ex-c
        풀이 C
        ```

        {ref}`ex-a`와 {ref}`ex-c`를 봅니다.
        """, name="02_next.md")
    context = sync.make_context(md.parent)
    cells = ["".join(c["source"]) for c in
             json.loads(sync.twin_text(md, context))["cells"]]
    assert "### 연습 3. 셋째\n\n본문" in cells
    assert "#### 풀이 (연습 3)" in cells
    assert "연습 1와 연습 3를 봅니다." in cells[-1]


def test_a_solution_start_without_end_is_refused(tmp_path):
    with pytest.raises(sync.ConversionError, match="no solution-end"):
        convert(tmp_path, "```{solution-start} x\n```\n\n```{code-cell} ipython3\n"
                "x = 1\n```\n")


def test_only_blocks_pick_the_audience(tmp_path):
    _, cells = convert(tmp_path, """
        공통

        ```{only} html
        맨 위 안내 상자에 넣습니다.
        ```

        ```{only} notebook
        셀 아래에 보여 줍니다.
        ```

        ```{only} colab and not html
        Colab에서도 보입니다.
        ```
        """)
    assert cells == ["공통\n\n셀 아래에 보여 줍니다.\n\nColab에서도 보입니다."]
    with pytest.raises(sync.ConversionError, match="unknown"):
        convert(tmp_path, "```{only} epub\nx\n```\n")
    with pytest.raises(sync.ConversionError, match="cannot read"):
        convert(tmp_path, "```{only} html; import os\nx\n```\n")


def test_hidden_code_is_a_colab_form(tmp_path):
    nb, cells = convert(tmp_path, """
        ```{code-cell} ipython3
        :tags: [hide-input]

        draw()
        ```

        ```{code-cell} ipython3
        :tags: [remove-cell]

        clock.finish()
        ```

        ```{code-cell} ipython3
        :tags: [hide-output]

        shown()
        ```
        """)
    assert cells[0] == sync.FORM_TITLE + "\ndraw()"
    assert cells[0].startswith("#@title ") and 'display-mode: "form"' in cells[0]
    assert nb["cells"][0]["metadata"] == {"tags": ["hide-input"], "cellView": "form"}
    assert nb["cells"][1]["metadata"]["cellView"] == "form"
    assert cells[2] == "shown()" and "cellView" not in nb["cells"][2]["metadata"]


def test_gpu_request_comes_from_the_front_matter(tmp_path):
    nb, _ = convert(tmp_path, "# 제목\n")
    assert "accelerator" not in nb["metadata"]
    gpu = HEADER.replace("kernelspec:", "accelerator: GPU\ncolab:\n  gpuType: T4\n"
                         "kernelspec:")
    nb, _ = convert(tmp_path, "# 제목\n", header=gpu)
    assert nb["metadata"]["accelerator"] == "GPU"
    assert nb["metadata"]["colab"]["gpuType"] == "T4"


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


BIB = """@article{hochreiter1997lstm,
  author = {Hochreiter, Sepp and Schmidhuber, J{\\"u}rgen},
  title = {Long Short-Term Memory}, journal = {Neural Computation}, volume = {9},
  number = {8}, pages = {1735--1780}, year = {1997}, doi = {10.1162/neco}}
@inproceedings{cho2014gru, author = {Cho, Kyunghyun and van Merri{\\"e}nboer,
  Bart and Bengio, Yoshua}, year = 2014, title = {Encoder--Decoder},
  booktitle = {EMNLP}}
"""


def test_references_equations_citations_and_targets(tmp_path):
    _, cells = convert(tmp_path, """
        (sec-intro)=
        ## 들어가며

        $$
        h_t = f(h_{t-1})
        $$ (eq-step)

        식 {eq}`eq-step`과 {ref}`sec-intro`, {doc}`01_demo`를 봅니다.
        게이트 {cite:p}`hochreiter1997lstm,cho2014gru`, {cite:t}`cho2014gru`.

        % 주석은 사라집니다

        ```{tableofcontents}
        ```
        """, bib=BIB)
    text = cells[0]
    assert "(sec-intro)=" not in text and "주석" not in text
    assert "h_t = f(h_{t-1})\n\\tag{1}\n$$" in text and "(eq-step)" not in text
    assert "식 (1)과 ‘들어가며’, 들어가며를 봅니다." in text
    assert "게이트 (Hochreiter & Schmidhuber, 1997; Cho et al., 2014), Cho et al. (2014)" \
        in text
    assert "tableofcontents" not in text
    assert cells[-1] == (
        "## 참고 문헌\n\n"
        "- Cho, K., van Merriënboer, B., & Bengio, Y. (2014). Encoder–Decoder. *EMNLP*.\n"
        "- Hochreiter, S., & Schmidhuber, J. (1997). Long Short-Term Memory. "
        "*Neural Computation*, 9(8), 1735–1780. https://doi.org/10.1162/neco")


def test_an_unknown_citation_stops_the_script(tmp_path):
    with pytest.raises(sync.ConversionError, match="unknown-key"):
        convert(tmp_path, "{cite}`unknown-key`\n", bib=BIB)


def test_a_chapter_that_cites_nothing_has_no_reference_list(tmp_path):
    _, cells = convert(tmp_path, "# 제목\n", bib=BIB)
    assert cells == ["# 제목"]


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
    assert "jupytext" not in nb["metadata"]


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


# 학생용 노트북 ---------------------------------------------------------------

CLASSROOM = """
    ## 연습 문제

    ```{exercise} 먼저 예측하기
    :label: ex-pred

    커질까요, 작아질까요?
    ```

    ```{solution-start} ex-pred
    :class: dropdown
    ```

    ```{code-cell} ipython3
    :tags: [exercise-answer]

    # 예측: "커진다" 또는 "작아진다"
    예측 = "작아진다"
    pp.exercise("ex-pred").predict(예측);
    ```

    비밀 풀이 설명: 스펙트럼 반지름이 1보다 작아서 줄어듭니다.

    ```{code-cell} ipython3
    measured = secret_measurement(42)
    ```

    ```{code-cell} ipython3
    :tags: [exercise-check]

    feedback = pp.exercise("ex-pred").check(layers=layers)
    assert feedback.ok, (
        feedback.message)
    feedback
    ```

    ```{solution-end}
    ```

    ```{exercise} 함수 쓰기
    :label: ex-code

    층의 파라미터 수를 세는 함수를 쓰세요.
    ```

    ```{solution-start} ex-code
    ```

    ```{code-cell} ipython3
    :tags: [exercise-answer]

    import math


    def 답(hid_dim: int, emb_dim: int = 100) -> int:
        \"\"\"Return the parameter count of one layer.\"\"\"
        secret = 4 * hid_dim * (hid_dim + emb_dim)
        return secret + 8 * hid_dim


    total: int = 3 * 128
    a, b = 1, 2
    ```

    ```{code-cell} ipython3
    :tags: [exercise-check]

    pp.exercise("ex-code").check(answer=답)
    ```

    ```{solution-end}
    ```

    ```{exercise} 토론
    :label: ex-talk

    왜일까요?
    ```

    ```{solution} ex-talk
    토론 풀이: 게이트 때문입니다.
    ```

    맺는 말
    """


def test_student_notebook_keeps_stubs_and_checks_and_drops_solutions(tmp_path):
    nb, cells = convert(tmp_path, CLASSROOM, student=True)
    text = "\n".join(cells)
    for secret in ("비밀 풀이", "secret_measurement", '예측 = "작아진다"', "secret =",
                   "토론 풀이", "assert ", "feedback.message)", "#### 풀이", "3 * 128"):
        assert secret not in text, secret
    assert cells[0] == "## 연습 문제"
    assert cells[1] == sync.STUDENT_NOTE  # 첫 셀(장 제목) 바로 아래
    assert cells[2].startswith("### 연습 1. 먼저 예측하기\n\n커질까요, 작아질까요?\n\n*답을")
    assert "`pp.exercise(1).hint()`" in cells[2]
    assert cells[3] == ('# 예측: "커진다" 또는 "작아진다"\n예측 = ...\n'
                        'pp.exercise("ex-pred").predict(예측);')
    assert cells[4] == ('feedback = pp.exercise("ex-pred").check(layers=layers)\n'
                        'feedback')
    assert "`pp.exercise(2).hint()`" in cells[5]
    assert cells[6] == ('import math\n'
                        'def 답(hid_dim: int, emb_dim: int = 100) -> int:\n'
                        '    """Return the parameter count of one layer."""\n'
                        '    return ...\n'
                        'total: int = ...\n'
                        'a, b = ...')
    assert cells[7] == 'pp.exercise("ex-code").check(answer=답)'
    assert cells[8].startswith("### 연습 3. 토론\n\n왜일까요?\n\n*생각을 먼저")
    assert cells[9:] == ["맺는 말"]
    assert "collapsed_sections" not in nb["metadata"]["colab"]
    for i in (3, 6):  # 빈칸 셀은 그대로 실행됩니다
        compile(cells[i].replace("pp.exercise", "print"), "stub", "exec")


@pytest.mark.parametrize("code, stub", [
    ("답 = 3", "답 = ..."),
    ("def f(x): return x + 1", "def f(x):\n    return ..."),
    ("def f(x):\n    '''Doc.'''\n    return x", "def f(x):\n    '''Doc.'''\n    return ..."),
    ("@cache\ndef f(\n    x,\n):\n    y = x\n    return y",
     "@cache\ndef f(\n    x,\n):\n    return ..."),
    ("from math import pi\nx: float = pi", "from math import pi\nx: float = ..."),
    # 답의 꼴을 알려 주는 주석은 남습니다: 문장 사이의 주석 줄, 대입 끝의 주석
    ('# 앞\n예측 = "커진다"  # "커진다" / "작아진다"\n# 사이\nn = 3\n# 끝',
     '# 앞\n예측 = ...  # "커진다" / "작아진다"\n# 사이\nn = ...\n# 끝'),
    ("ex = {k: run(k)  # 안쪽 주석\n      for k in (1, 2)}\npp.f(ex)  # 호출",
     "ex = ...\npp.f(ex)  # 호출"),
    ("def f(x):\n    y = x  # 몸통의 주석\n    # 답\n    return y\n\n\n# 다음\ny = 1",
     "def f(x):\n    return ...\n# 다음\ny = ..."),
])
def test_stub_source(code, stub):
    assert sync.stub_source(code) == stub


def test_check_source_drops_every_assert_statement():
    code = "f = q.check(a=1)\nassert f.ok, (\n    f.message)\nif f.ok:\n    assert True\nf"
    assert sync.check_source(code) == "f = q.check(a=1)\nif f.ok:\n    assert True\nf"


def test_the_twin_keeps_the_answer_cells_inside_the_folded_solution(tmp_path):
    nb, cells = convert(tmp_path, CLASSROOM)
    i = cells.index("#### 풀이 (연습 1)")
    assert cells[i + 1].endswith('예측 = "작아진다"\npp.exercise("ex-pred").predict(예측);')
    assert "assert feedback.ok" in "\n".join(cells)
    assert collapsed(nb) == ["#### 풀이 (연습 1)", "#### 풀이 (연습 2)",
                             "#### 풀이 (연습 3)"]


def test_glue_formats_lists_every_format_of_a_key_in_prose_order(tmp_path):
    md = write_chapter(tmp_path, """
        비율 {glue:text}`share:.1%`, 다시 {glue:text}`share:.0f`, 또 {glue:text}`share:.1%`.
        수 {glue:text}`n` 와 {glue:text}`big:,`, 코드 `{glue:text}`not_a_role``.

        ```{note}
        상자 안 {glue:text}`inside:+.2%`
        ```

        ```python
        {glue:text}`in_code_block`
        ```
        """)
    formats = json.loads(sync.glue_formats_text([md]))
    assert formats == {"big": [","], "inside": ["+.2%"], "n": [""],
                       "share": [".1%", ".0f"]}


def test_sync_writes_the_student_notebook_too(tmp_path):
    md = write_chapter(tmp_path, CLASSROOM)
    context = sync.make_context(md.parent)
    assert sync.sync(md, context) is True
    student = tmp_path / "chapters" / "student" / "01_demo.ipynb"
    assert student.read_text(encoding="utf-8") == sync.student_text(md, context)
    assert sync.sync(md, context) is False


# 토큰으로 읽기: 코드, 인용, 들여쓰기가 속이지 못합니다 ----------------------------


def demo_md(tmp_path):
    """Return the chapter convert() writes."""
    return tmp_path / "chapters" / "01_demo.md"


def test_a_directive_inside_a_block_quote_is_translated(tmp_path):
    _, cells = convert(tmp_path, """
        (sec-a)=
        ## 가

        > 인용 첫 줄
        >
        > ```{note}
        > {ref}`sec-a`를 보세요.
        > ```
        """)
    assert "> 인용 첫 줄\n>\n> > **참고**\n> >\n> > ‘가’를 보세요." in cells[0]
    assert "{ref}" not in cells[0] and "```{note}" not in cells[0]


def test_indented_code_stays_verbatim(tmp_path):
    _, cells = convert(tmp_path, """
        앞 문단

            %pip install something
            {glue:text}`not_a_role`
            (not-a-target)=

        뒤 문단 {glue:text}`a_role`
        """)
    assert cells == [("앞 문단\n\n    %pip install something\n    {glue:text}`not_a_role`"
                      "\n    (not-a-target)=\n\n뒤 문단 `a_role`")]
    assert json.loads(sync.glue_formats_text([demo_md(tmp_path)])) == {"a_role": [""]}


def test_a_role_with_double_backticks_is_a_role(tmp_path):
    _, cells = convert(tmp_path, """
        정확도 {glue:text}``acc:.1%``, 코드 ``{glue:text}`not_a_role` ``.
        """)
    assert cells == ["정확도 `acc`, 코드 ``{glue:text}`not_a_role` ``."]
    assert json.loads(sync.glue_formats_text([demo_md(tmp_path)])) == {"acc": [".1%"]}


def test_roles_in_tables_lists_and_titles_are_translated(tmp_path):
    _, cells = convert(tmp_path, """
        | 가 | 나 |
        | --- | --- |
        | {glue:text}`t:.2f` | {glue:text}`t:.2f` 끝 |

        - 항목 {glue:text}`li`

        :::{dropdown} 펼치기 {glue:text}`title:.0f`
        안쪽
        :::
        """)
    assert "| `t` | `t` 끝 |" in cells[0] and "- 항목 `li`" in cells[0]
    assert "<details><summary>펼치기 `title`</summary>" in cells[0]
    assert json.loads(sync.glue_formats_text([demo_md(tmp_path)])) == {
        "li": [""], "t": [".2f"], "title": [".0f"]}


def line_of(md, text):
    """Return the 1-based line of the .md where `text` first appears."""
    return next(i for i, line in enumerate(
        md.read_text(encoding="utf-8").splitlines(), 1) if text in line)


@pytest.mark.parametrize("body, marker, message", [
    ("문단\n\n둘째 {unknownrole}`x` 줄\n", "{unknownrole}", "unsupported role"),
    ("문단\n\n```{figure} a.png\n```\n", "{figure}", "unsupported directive"),
    ("# 제목\n\n```{code-cell} ipython3\nx = 1\n```\n\n앞\n\n{ref}`nowhere`\n",
     "{ref}", "names no exercise or labelled heading"),
    ("```{note}\n상자 안 {cite}`missing`\n```\n", "{cite}", "no entry"),
    ("문단\n\n```{note}\n---\nclass: x\n본문\n```\n", "{note}", "never close"),
    ("```{exercise} 가\n:label: twice\n```\n\n```{exercise} 나\n:label: twice\n```\n",
     "```{exercise} 나", "used twice"),
    ("문단\n\n```{solution-start} x\n```\n\n```{code-cell} ipython3\nx = 1\n```\n",
     "{solution-start}", "no solution-end"),
])
def test_errors_name_the_chapter_and_line(tmp_path, body, marker, message):
    md = write_chapter(tmp_path, body)
    expected = f"01_demo.md:{line_of(md, marker)}: "
    with pytest.raises(sync.ConversionError, match=message) as error:
        sync.twin_text(md, sync.make_context(md.parent))
    assert str(error.value).startswith(expected), str(error.value)


def test_the_registry_lists_exercises_in_book_order_with_their_answer_code(tmp_path):
    md = write_chapter(tmp_path, CLASSROOM)
    registry = json.loads(sync.exercises_text(sync.make_context(md.parent)))
    assert list(registry) == ["ex-pred", "ex-code", "ex-talk"]
    assert registry["ex-pred"] == {
        "number": 1, "chapter": "01_demo", "title": "먼저 예측하기",
        "code": '예측 = "작아진다"\npp.exercise("ex-pred").predict(예측);'}
    assert registry["ex-code"]["code"].startswith("import math\n\n\ndef 답(")
    assert registry["ex-talk"]["code"] == ""
