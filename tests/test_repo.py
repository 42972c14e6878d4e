"""The repository's machinery: README vs CI, chapter twins, student notebooks, Colab."""

import importlib.util
import json
import re
import sys
import unicodedata
from pathlib import Path

import jupytext
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
TOC = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
CHAPTERS = [c["file"] for part in TOC["parts"] for c in part["chapters"]
            if c["file"].startswith("chapters/")]


def load_sync():
    spec = importlib.util.spec_from_file_location(
        "sync_chapters", ROOT / "scripts" / "sync_chapters.py")
    module = sys.modules.setdefault("sync_chapters",
                                    importlib.util.module_from_spec(spec))
    spec.loader.exec_module(module)
    return module


SYNC = load_sync()


def top_level(text):
    """Yield (token, directive or None) of a Markdown text, not entering directives."""
    return SYNC.walk_directives(text, skip=lambda d: True)


def myst_left(text):
    """Return the MyST roles and directives the book's parser finds in a text."""
    left = []
    for token, d in SYNC.walk_directives(text):
        if d is not None:
            left.append(f"{{{d.name}}}")
        elif token.type == "inline":
            left += [f"{{{c.meta['name']}}}`{c.content}`" for c in token.children
                     if c.type == "myst_role"]
    return left


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


def test_toc_lists_every_chapter_in_file_order():
    # 연습 번호는 책 전체에서 이어지므로 sync가 읽는 순서가 목차의 순서여야 합니다
    sources = [p.relative_to(ROOT).with_suffix("").as_posix()
               for p in SYNC.chapter_paths()]
    assert sources == CHAPTERS


def test_glue_formats_file_is_what_sync_makes():
    path = ROOT / "nlp_pp" / "resources" / "glue_formats.json"
    assert path.read_text(encoding="utf-8") == SYNC.glue_formats_text(), (
        "nlp_pp/resources/glue_formats.json is stale: run python scripts/sync_chapters.py")


def test_exercise_registry_is_what_sync_makes(context):
    # nlp_pp reads exercise numbers, titles and answer code from this file
    path = ROOT / "nlp_pp" / "resources" / "exercises.json"
    assert path.read_text(encoding="utf-8") == SYNC.exercises_text(context), (
        "nlp_pp/resources/exercises.json is stale: run python scripts/sync_chapters.py")


GLUE_CALL = re.compile(r"""pp\.glue\(\s*["']([\w]+)["']""")


def test_every_literally_glued_name_is_used_in_prose_or_stays_silent():
    # 본문이 쓰지 않는 이름은 glue_formats.json에 없으므로 책 밖에서 아무것도 보이지 않습니다
    formats = json.loads((ROOT / "nlp_pp/resources/glue_formats.json").read_text())
    glued = {name for chapter in CHAPTERS
             for name in GLUE_CALL.findall((ROOT / f"{chapter}.md").read_text())}
    unused = glued - set(formats)
    for name in ("ch2_train_seconds", "ch4_batch_size", "ch4_n_empty", "ch5_jamo_word",
                 "ch5_shared_before", "ch6_fix_seconds", "ch6_vocab_size"):
        assert name not in formats, name
    assert formats.keys() >= glued - unused and not unused & set(formats)


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_code_cell_of_the_source_is_a_cell(chapter):
    # 바깥 상자와 안쪽 {only} 블록의 울타리(```)가 같은 길이면 안쪽이 바깥을 닫아 버려,
    # 그 뒤의 code-cell이 마크다운 속 글자가 됩니다(책과 쌍둥이에서 셀이 사라집니다).
    import jupytext

    md = ROOT / f"{chapter}.md"
    cells = jupytext.read(md).cells
    # 글자 그대로 셉니다: 삼킨 울타리 안의 code-cell은 파서가 보지 못하기 때문입니다
    written = md.read_text(encoding="utf-8").count("```{code-cell}")
    assert sum(c.cell_type == "code" for c in cells) == written, (
        f"{chapter}.md: a code cell was swallowed by a fence; fence the outer "
        "directive with more backticks (````) than the inner ones")


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
        # 책의 파서로 읽습니다: 코드 블록과 인라인 코드 안의 글자는 코드입니다
        left += [(i, found) for found in myst_left("".join(cell["source"]))]
    assert not left, f"MyST markup left in {chapter}.ipynb (cell, text): {left[:5]}"


def unfold(cell):
    """Return (source, metadata) of a twin's code cell without its Colab form."""
    meta = {k: v for k, v in cell.metadata.items() if k != "cellView"}
    source = cell.source.removeprefix(SYNC.FORM_TITLE + "\n") \
        if cell.metadata.get("cellView") == "form" else cell.source
    return source, meta


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_colab_twin_keeps_code_cells_verbatim(chapter):
    source = code_cells(jupytext.read(ROOT / f"{chapter}.md"))
    twin = code_cells(jupytext.read(ROOT / f"{chapter}.ipynb"))
    assert [(c.source, c.metadata) for c in source] == [unfold(c) for c in twin]


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_hidden_code_is_folded_in_the_twin(chapter):
    for cell in code_cells(jupytext.read(ROOT / f"{chapter}.ipynb")):
        hidden = bool(SYNC.FOLDED_TAGS & set(cell.metadata.get("tags", [])))
        assert (cell.metadata.get("cellView") == "form") == hidden, cell.source[:60]
        assert cell.source.startswith("#@title ") == hidden


TRAINS = re.compile(r"pp\.(Trainer|run_experiment|run_condition)\(")


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_notebook_is_clean_and_asks_for_a_gpu_only_when_it_trains_on_one(chapter):
    raw = json.loads((ROOT / f"{chapter}.ipynb").read_text(encoding="utf-8"))
    code = "\n".join(c.source for c in code_cells(jupytext.read(ROOT / f"{chapter}.md")))
    trains = bool(TRAINS.search(code))
    assert (raw["metadata"].get("accelerator") == "GPU") == trains
    assert (raw["metadata"]["colab"].get("gpuType") == "T4") == trains
    outputs = [c for c in raw["cells"] if c.get("outputs")]
    assert not outputs, "paired notebooks are stored without outputs"


def test_chapters_1_and_3_do_not_ask_for_a_gpu():
    for chapter in CHAPTERS[0], CHAPTERS[2]:
        raw = json.loads((ROOT / f"{chapter}.ipynb").read_text(encoding="utf-8"))
        assert "accelerator" not in raw["metadata"], chapter


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_solutions_are_collapsed_sections_in_the_twin(chapter, context):
    raw = json.loads((ROOT / f"{chapter}.ipynb").read_text(encoding="utf-8"))
    ids = raw["metadata"]["colab"].get("collapsed_sections", [])
    chapter_info = context.chapters[(ROOT / f"{chapter}.md").resolve()]
    assert len(ids) == chapter_info.n_exercises
    cells = {c["metadata"].get("id"): c for c in raw["cells"]}
    numbers = [int(re.fullmatch(r"#+ 풀이 \(연습 (\d+)\)", "".join(cells[i]["source"]))[1])
               for i in ids]
    first = chapter_info.offset + 1
    assert numbers == list(range(first, first + chapter_info.n_exercises))


def test_exercise_numbers_run_across_the_book(context):
    # 책(sphinx-exercise)처럼 책 전체에서 이어 셉니다: 3장은 연습 8부터
    seen = []
    for chapter in CHAPTERS:
        raw = json.loads((ROOT / f"{chapter}.ipynb").read_text(encoding="utf-8"))
        seen += [int(m[1]) for c in raw["cells"] if c["cell_type"] == "markdown"
                 for m in [re.match(r"#+ 연습 (\d+)\.", "".join(c["source"]))] if m]
    assert seen == list(range(1, len(seen) + 1))
    assert context.chapters[(ROOT / f"{CHAPTERS[2]}.md").resolve()].offset == 7


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_student_notebook_matches_its_source(chapter, context):
    md = ROOT / f"{chapter}.md"
    student = SYNC.student_path(md)
    assert student.exists(), f"{student} missing: run python scripts/sync_chapters.py"
    assert student.read_text(encoding="utf-8") == SYNC.student_text(md, context), (
        f"{student.name} differs from its .md: run python scripts/sync_chapters.py")


def solution_lines(chapter):
    """Return the lines of the source's solutions that a student must not see.

    A line that also appears outside every solution (a common import, say) is public.
    """
    secret, public, inside = set(), set(), False

    def walk(text):
        # 지시어 밖의 줄은 그때 풀이 안인지에 따라 나뉩니다; {solution}의 본문은 비밀입니다
        nonlocal inside
        lines, row = text.splitlines(), 0
        for token, d in top_level(text):
            if d is None:
                continue
            (secret if inside else public).update(
                line.strip() for line in lines[row:token.map[0]])
            row = token.map[1]
            if d.name == "solution":
                secret.update(line.strip() for line in d.body)
            inside = {"solution-start": True, "solution-end": False}.get(d.name, inside)
        (secret if inside else public).update(line.strip() for line in lines[row:])

    for cell in jupytext.read(ROOT / f"{chapter}.md").cells:
        tags = set(cell.metadata.get("tags", []))
        if cell.cell_type == "markdown":
            walk(cell.source)
        elif inside and SYNC.ANSWER_TAG in tags:
            # 빈칸에 남는 줄(서명, 설명, import, 예측을 기록하는 호출)은 답이 아닙니다
            kept = {line.strip() for line in SYNC.stub_source(cell.source).splitlines()}
            secret.update(line.strip() for line in cell.source.splitlines()
                          if line.strip() not in kept)
        elif inside and SYNC.CHECK_TAG in tags:
            secret.update(line.strip() for line in cell.source.splitlines()
                          if line.startswith("assert "))
        else:
            (secret if inside else public).update(
                line.strip() for line in cell.source.splitlines())
    return {line for line in secret - public if len(line) >= 12}


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_no_solution_line_leaks_into_the_student_notebook(chapter):
    raw = json.loads(SYNC.student_path(ROOT / f"{chapter}.md").read_text(encoding="utf-8"))
    shown = {line.strip() for c in raw["cells"] for line in "".join(c["source"]).splitlines()}
    leaks = sorted(solution_lines(chapter) & shown)
    assert not leaks, f"{chapter}: solution lines in the student notebook: {leaks[:5]}"
    assert not any(line.startswith("assert ") for c in raw["cells"]
                   if SYNC.CHECK_TAG in c["metadata"].get("tags", [])
                   for line in "".join(c["source"]).splitlines())
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_first_code_cell_installs_only_in_colab(chapter):
    first = code_cells(jupytext.read(ROOT / f"{chapter}.md"))[0]
    assert "hide-output" in first.metadata.get("tags", [])
    assert 'if "google.colab" in sys.modules:' in first.source
    repo = CONFIG["repository"]["url"]
    assert f'repo = "{repo}"' in first.source
    assert f"git+{{repo}}@{CONFIG['repository']['branch']}" in first.source
    assert all(display_width(line) <= 80 for line in first.source.splitlines())


def test_config_excludes_notebook_twins_and_points_to_main():
    assert "chapters/*.ipynb" in CONFIG["exclude_patterns"]
    assert CONFIG["repository"]["branch"] == "main"
    assert CONFIG["sphinx"]["config"]["language"] == "ko"


def display_width(line):
    """Return the columns a line takes in a monospace font: wide and fullwidth
    characters (Hangul, CJK) take two."""
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1
               for c in line)


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_code_lines_fit_the_book_column(chapter):
    long = [(i, display_width(line), line)
            for i, cell in enumerate(code_cells(jupytext.read(ROOT / f"{chapter}.md")))
            for line in cell.source.splitlines() if display_width(line) > 80]
    assert not long, (f"{chapter}: {len(long)} code lines wider than 80 columns "
                      f"(cell, width, line): {long[:3]}")


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_output_check_has_a_stored_output(chapter):
    # nbval은 NBVAL_CHECK_OUTPUT 셀을 저장된 출력과만 비교합니다: 출력이 없으면 아무것도
    # 확인하지 않으므로, 사실은 눈에 보이는 assert로 확인합니다.
    raw = json.loads((ROOT / f"{chapter}.ipynb").read_text(encoding="utf-8"))
    unchecked = [c["source"] for c in raw["cells"] if c["cell_type"] == "code"
                 and "NBVAL_CHECK_OUTPUT" in "".join(c["source"])
                 and not c.get("outputs")]
    assert not unchecked, f"{chapter}: output checks that compare nothing"


def test_every_test_of_the_built_book_runs_on_the_books_worker():
    # conftest.py hands BOOK_MODULES to one xdist worker, which builds the book once
    import ast

    from conftest import BOOK_MODULES

    shared = {"html", "colab", "build_log"}
    for path in sorted((ROOT / "tests").glob("test_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        users = [f.name for f in ast.walk(tree) if isinstance(f, ast.FunctionDef)
                 and f.name.startswith("test_") and shared & {a.arg for a in f.args.args}]
        rel = f"tests/{path.name}"
        assert not users or rel in BOOK_MODULES, (rel, users)
    assert {"tests/test_book.py", "tests/test_colab.py"} <= BOOK_MODULES


def test_pages_workflow_executes_each_chapter_once():
    # 테스트가 만든 책을 올립니다: 두 번째 jupyter-book build(장을 다시 실행)는 없습니다
    flow = yaml.safe_load((ROOT / ".github/workflows/book.yml").read_text(encoding="utf-8"))
    steps = flow["jobs"]["build"]["steps"]
    runs = " ".join(s.get("run", "") for s in steps)
    assert "python -m pytest" in runs and "jupyter-book build" not in runs
    tests = next(s for s in steps if "python -m pytest" in s.get("run", ""))
    book = tests["env"]["NLP_PP_TEST_BOOK_DIR"]
    upload = next(s for s in steps if "upload-pages-artifact" in s.get("uses", ""))
    assert upload["with"]["path"] == f"{book}/_build/html"
