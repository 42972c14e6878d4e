"""Run a chapter's Colab twin the way Colab does, without the book's toolchain.

A fresh virtual environment (built once per test session under pytest's tmp dir) holds
only what Colab preinstalls: torch, pandas with pyarrow, matplotlib, scikit-learn,
tqdm, requests, and ipykernel / nbclient / nbformat to execute the notebook. It has no
jupyter-book, myst-nb or sphinx. A stand-in ``google.colab`` module is imported when the
kernel starts, so the chapter's install cell runs; it installs ``nlp_pp`` (and what
Colab lacks) from a copy of this checkout instead of the repository on GitHub.

The notebook is the chapter's twin as scripts/sync_chapters.py writes it. The checks:
every cell runs without error; every number the prose glues shows under
its cell as Markdown "`name` = value" (the twin's prose shows `name`), and that text is
exactly what the book's HTML (built once per session by the `html` fixture in
conftest.py) shows for the same name and format, one text per format the prose uses;
no output shows a site-packages path (a warning printed with its file path, say).
The student notebooks (chapters/student/) run the same way: "Run all" completes, and
every self-check cell answers (not yet answered, right or not yet), never an error.
The exercise numbers of each twin equal the numbers the book's HTML shows.

Chapter 03, the shortest (twin and student notebook), runs in the default suite; the others are
marked slow. Torch comes from
``pip install torch==2.13.0`` (what CI installs); set NLP_PP_COLAB_TORCH to other pip
arguments, e.g. "torch --index-url https://download.pytorch.org/whl/cpu", to change it.
"""

import html as html_lib
import json
import re
import subprocess
import time
from pathlib import Path

import book_cache  # 단계별 시간을 benchmarks/suite_time.py에 남깁니다
import nbformat
import pytest
from test_repo import load_sync  # .md에서 Colab용 노트북을 만드는 같은 함수

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = sorted(p.stem for p in (ROOT / "chapters").glob("[0-9][0-9]_*.md"))
DEFAULT_CHAPTER = "03_"  # 기본 실행에서 Colab처럼 실행하는 장 (나머지는 -m slow)
INSTALL_URL = re.compile(r'"nlp_pp @ git\+[^"]+"')
GLUE_SHOWN = re.compile(r"^`([^`]+)` = \S")

PROBE = ("import importlib.util as u; "
         "print([m for m in ('myst_nb', 'sphinx', 'jupyter_book') if u.find_spec(m)])")
RUNNER = """
import sys
import nbformat
from nbclient import NotebookClient

for attempt in range(3):  # 두 커널이 한 포트를 잡아 갓 뜬 커널이 죽으면 다시 띄웁니다
    nb = nbformat.read(sys.argv[1], as_version=4)
    try:
        NotebookClient(nb, timeout=600, kernel_name="python3", allow_errors=True,
                       resources={"metadata": {"path": sys.argv[3]}}).execute()
        break
    except RuntimeError as exc:  # "Kernel died before replying to kernel_info"
        if attempt == 2 or "kernel_info" not in str(exc):
            raise
nbformat.write(nb, sys.argv[2])
"""


def colab_notebook(chapter: str, checkout: Path, student: bool = False):
    """Return the chapter's twin (or student notebook) with its install cell at `checkout`.

    The notebook is made from the .md as sync_chapters.py makes it (test_repo.py checks
    that the stored .ipynb is exactly that), so this test follows the source.
    """
    nb = load_sync().notebook(ROOT / "chapters" / f"{chapter}.md",
                              edition="student" if student else "twin")
    first = next(c for c in nb.cells if c.cell_type == "code")
    assert len(INSTALL_URL.findall(first.source)) == 1, first.source
    first.source = INSTALL_URL.sub(f'"nlp_pp @ {checkout.as_uri()}"', first.source)
    return nb


def output_texts(cell) -> list[str]:
    texts = []
    for out in cell.get("outputs", []):
        if out.output_type == "stream":
            texts.append(out.text)
        elif out.output_type == "error":
            texts.append("\n".join(out.traceback))
        else:
            texts += [v if isinstance(v, str) else "".join(v)
                      for k, v in out.get("data", {}).items() if k.startswith("text/")]
    return texts


def run_like_colab(colab, chapter: str, student: bool = False):
    """Execute the notebook in the Colab-like environment; return it with outputs."""
    start, kind = time.perf_counter(), "student" if student else "twin"
    src = colab.base / f"{chapter}.{kind}.in.ipynb"
    out = colab.base / f"{chapter}.{kind}.out.ipynb"
    nbformat.write(colab_notebook(chapter, colab.checkout, student), src)
    proc = subprocess.run([str(colab.python), "-c", RUNNER, str(src), str(out),
                           str(colab.base / "content")],
                          env=colab.env, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr[-4000:]
    book_cache.note_time("colab", f"{chapter} ({kind})", time.perf_counter() - start)
    print(f"\n{chapter} ({kind}): environment {colab.seconds:.0f} s (once per session), "
          f"notebook {time.perf_counter() - start:.0f} s")
    probe = subprocess.run(  # 책을 만드는 도구가 딸려 들어오지 않았는지
        [str(colab.python), "-c", PROBE], env=colab.env, capture_output=True, text=True,
        check=True)
    assert probe.stdout.strip() == "[]", f"book toolchain installed: {probe.stdout}"
    nb = nbformat.read(out, as_version=4)
    errors = [(i, o.ename, o.evalue) for i, c in enumerate(nb.cells)
              for o in c.get("outputs", []) if o.output_type == "error"]
    assert not errors, f"{chapter} ({kind}): cells raised errors: {errors}"
    leaks = [(i, re.search(r"\S*site-packages\S*", t)[0]) for i, c in enumerate(nb.cells)
             for t in output_texts(c) if "site-packages" in t]
    assert not leaks, f"{chapter}: outputs show site-packages paths: {leaks[:5]}"
    return nb


def glue_lines(nb) -> tuple[dict, set]:
    """Return ({name: text shown}, names shown as plain text) of "`name` = …" outputs."""
    shown, plain = {}, set()
    for cell in nb.cells:
        for o in cell.get("outputs", []):
            md = "".join(o.get("data", {}).get("text/markdown", ""))
            if (m := GLUE_SHOWN.match(md)):
                shown[m[1]] = re.sub(r"\\(.)", r"\1", md.split(" = ", 1)[1])
            if (m := GLUE_SHOWN.match("".join(o.get("data", {}).get("text/plain", "")))):
                plain.add(m[1])
    return shown, plain


def book_glue_texts(html, chapter: str) -> list[tuple[str, str, str]]:
    """Return (name, format, text) of every {glue:text} on the chapter's HTML page.

    The page's pasted texts come in the order of the prose that the book shows (the
    {only} blocks for notebooks left out), so they pair with the source's roles.
    """
    sync = load_sync()
    page = (html / "chapters" / f"{chapter}.html").read_text(encoding="utf-8")
    texts = [html_lib.unescape(re.sub(r"<[^>]+>", "", m)) for m in
             re.findall(r'<span class="pasted-text">(.*?)</span>', page, re.DOTALL)]
    refs = sync.glue_references(ROOT / "chapters" / f"{chapter}.md", tags=sync.BOOK_TAGS)
    assert len(texts) == len(refs), (len(texts), len(refs))
    return [(key, fmt, text) for (key, fmt), text in zip(refs, texts, strict=True)]


# 실행마다 달라지는 값: 잰 시간과, 스레드 여럿으로 학습해 일부러 달라지게 한 값(5장).
# 숫자만 다를 수 있는 값은 숫자 자리만 빼고 같은 모양인지 봅니다.
TIMED = re.compile(r"_run_time$|_seconds$|_time_|_t_fast$|_t_slow$|_sec_one$|_sec_two$"
                   r"|^ch5_two_sentence$|^ch6_base_verdict$")
# 잰 속도에 따라 문장 자체가 바뀌는 값("빨랐습니다" / "느렸습니다")은 보이기만 하면 됩니다.
SPEED_SENTENCE = re.compile(r"_speed")


def same_text(name: str, shown: str, book: str) -> bool:
    if SPEED_SENTENCE.search(name):
        return bool(shown.strip()) and bool(book.strip())
    if TIMED.search(name):
        return re.sub(r"\d+(\.\d+)?", "9", shown) == re.sub(r"\d+(\.\d+)?", "9", book)
    return shown == book


# 기본 실행에서는 가장 짧은 3장(글루 값 30여 개)만 Colab처럼 실행합니다(CI 10분 이내).
@pytest.mark.parametrize("chapter", [
    pytest.param(c, marks=[] if c.startswith(DEFAULT_CHAPTER) else [pytest.mark.slow])
    for c in CHAPTERS])
def test_chapter_runs_like_in_colab(colab, html, chapter):
    nb = run_like_colab(colab, chapter)
    shown, plain = glue_lines(nb)
    used = {key for key, _ in load_sync().glue_references(
        ROOT / "chapters" / f"{chapter}.md")}  # 책의 파서로 읽은 글루 이름
    assert used <= set(shown), f"{chapter}: glued values not shown: {sorted(used - set(shown))}"
    assert not plain - set(shown), f"glue shown as plain text, not Markdown: {plain - set(shown)}"
    unused = set(shown) - used
    assert not unused, f"{chapter}: glued names no prose uses are shown: {sorted(unused)}"

    # 책과 같은 글자: 이름마다 본문이 쓰는 서식 순서대로 " · "로 이은 줄
    formats = json.loads((ROOT / "nlp_pp/resources/glue_formats.json").read_text())
    book = {(key, fmt): text for key, fmt, text in book_glue_texts(html, chapter)}
    wrong = []
    for key in sorted(used):
        texts = [book.get((key, fmt)) for fmt in formats[key]]
        assert None not in texts, f"{key}: a format of {formats[key]} is not on the page"
        if not same_text(key, shown[key], " · ".join(texts)):
            wrong.append((key, shown[key], " · ".join(texts)))
    assert not wrong, f"{chapter}: twin and book differ (name, twin, book): {wrong[:8]}"
    print(f"{chapter}: {len(book)} glue references compared with the book; e.g. "
          + "; ".join(f"`{k}` = {shown[k]!r}" for k in sorted(used)[:3]))


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_twin_exercise_numbers_equal_the_books(html, chapter):
    page = (html / "chapters" / f"{chapter}.html").read_text(encoding="utf-8")
    titles = re.findall(r'<div class="exercise admonition"[^>]*>\s*<p class="admonition-title">'
                        r"(.*?)</p>", page, re.DOTALL)
    book = [int(re.search(r"(\d+)", re.sub(r"<[^>]+>", "", t))[1]) for t in titles]
    raw = json.loads((ROOT / "chapters" / f"{chapter}.ipynb").read_text(encoding="utf-8"))
    twin = [int(m[1]) for c in raw["cells"] if c["cell_type"] == "markdown"
            for m in [re.match(r"#+ 연습 (\d+)\.", "".join(c["source"]))] if m]
    assert book and twin == book, (twin, book)


# 학생용 노트북도 기본 실행에서는 3장 하나만 Colab처럼 실행합니다.
@pytest.mark.parametrize("chapter", [
    pytest.param(c, marks=[] if c.startswith(DEFAULT_CHAPTER) else [pytest.mark.slow])
    for c in CHAPTERS])
def test_student_notebook_runs_like_in_colab(colab, chapter):
    nb = run_like_colab(colab, chapter, student=True)
    sync = load_sync()
    checks = [c for c in nb.cells if c.cell_type == "code"
              and sync.CHECK_TAG in c.metadata.get("tags", [])]
    assert checks, f"{chapter}: no check cells in the student notebook"
    for cell in checks:  # 빈칸 그대로 실행해도 확인 셀은 오류 없이 "아직"이라고 대답합니다
        text = json.dumps(cell.get("outputs", []), ensure_ascii=False)
        assert "아직 답을 쓰지 않았습니다" in text, f"{chapter}: {cell.source}\n{text[:500]}"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_the_book_build_stores_glued_values_silently(html, chapter):
    # 책을 만드는 커널은 NLP_PP_BOOK_BUILD=1(_ext/nlp_pp_build.py)을 물려받아 "`name` = 값"
    # 줄을 보이지 않고 myst-nb로 저장만 합니다 (저장하지 않았다면 -W 빌드가 실패합니다)
    page = (html / "chapters" / f"{chapter}.html").read_text(encoding="utf-8")
    shown = re.findall(r'<span class="pre">(ch\d_\w+)</span></code>\s*=', page)
    assert not shown, f"{chapter}: the book shows glue lines: {shown[:5]}"
