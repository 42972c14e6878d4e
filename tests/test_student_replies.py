"""What a student SEES under a prediction cell of the student notebook.

A small notebook is made from a chapter's student notebook (the cells
scripts/sync_chapters.py wrote: the prediction stub and its check cell), run in a
kernel the way Jupyter and Colab run it, and the test reads each cell's outputs, not
what the function returns. A student types a prediction in the wrong form after a
valid one: the cell shows at once that it was not recorded and what form is taken,
and the check cell then says the form is wrong instead of grading the older
prediction.
"""

import json
import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
SETUP = """\
import nlp_pp as pp

# 확인 셀이 넘기는 실행 객체의 자리표시 (꼴이 틀린 예측은 이것을 쓰기 전에 답합니다)
SEEDS = [0]
relative_distance = ex1 = prep = None


def make_layer(kind, seed):
    return None
"""


def student_cells(chapter: str, label: str) -> tuple[str, str]:
    """Return (prediction stub, check cell) of one exercise in a student notebook."""
    raw = json.loads((ROOT / "chapters" / "student" / f"{chapter}.ipynb").read_text(
        encoding="utf-8"))
    cells = [(c["metadata"].get("tags", []), "".join(c["source"]))
             for c in raw["cells"] if c["cell_type"] == "code"]
    stub = next(src for tags, src in cells if "exercise-answer" in tags
                and f'pp.exercise("{label}").predict(' in src)
    check = next(src for tags, src in cells if "exercise-check" in tags
                 and f'pp.exercise("{label}").check(' in src)
    return stub, check


def shown(cell) -> str:
    """Return what a cell displays: its text outputs, Markdown first."""
    texts = []
    for out in cell.get("outputs", []):
        if out.output_type == "stream":
            texts.append(out.text)
        elif out.output_type == "error":
            texts.append("\n".join(out.traceback))
        else:
            data = out.get("data", {})
            texts.append(data.get("text/markdown") or data.get("text/plain", ""))
    return "\n".join(texts)


def typed(stub: str, name: str, value: str) -> str:
    """Return the stub with `name = ...` replaced by what the student typed."""
    line = re.compile(rf"^{re.escape(name)} = \.\.\.(.*)$", re.MULTILINE)
    assert line.search(stub), stub
    return line.sub(lambda m: f"{name} = {value}{m[1]}", stub, count=1)


CASES = {  # (장, 라벨, 옳은 꼴, 틀린 꼴, 틀린 꼴의 대답에 나올 말)
    "scale": ("01_long_term_dependency", "ch1-ex-scale",
              '{"반지름_2배": 1.2, "k_1.5배": "늘어난다", "k_2배": "늘어난다"}',
              '{"반지름_2배": "1.2", "k_1.5배": "늘어남", "k_2배": "늘어난다"}',
              "'반지름_2배'의 값 '1.2': 숫자만 받습니다"),
    "keys": ("01_long_term_dependency", "ch1-ex-scale",
             '{"반지름_2배": 1.2, "k_1.5배": "늘어난다", "k_2배": "늘어난다"}',
             '{"radius": 1.2}', "모르는 키 'radius'"),
    "choice": ("06_six_conditions", "ch6-ex-forget", '"낮아진다"', '"낮아짐"',
               '"높아진다" / "비슷하다" / "낮아진다" 중 하나로 써 주세요'),
}


@pytest.fixture(scope="module")
def executed():
    """Run every case's cells in one kernel; return {case: [cells with outputs]}."""
    nb, spans = nbformat.v4.new_notebook(), {}
    nb.cells.append(nbformat.v4.new_code_cell(SETUP))
    for case, (chapter, label, good, bad, _) in CASES.items():
        stub, check = student_cells(chapter, label)
        start = len(nb.cells)
        for source in (stub, typed(stub, "예측", good), typed(stub, "예측", bad), check):
            nb.cells.append(nbformat.v4.new_code_cell(source))
        spans[case] = (start, len(nb.cells))
    NotebookClient(nb, timeout=300, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(ROOT)}}).execute()
    return {case: nb.cells[a:b] for case, (a, b) in spans.items()}


@pytest.mark.parametrize("case", list(CASES))
def test_a_prediction_cell_shows_what_it_recorded_or_refused(executed, case):
    *_, says = CASES[case]
    stub, good, bad, check = (shown(cell) for cell in executed[case])
    # 빈칸 그대로: 받는 꼴과 함께 "아직 답을 쓰지 않았습니다"
    assert "아직 답을 쓰지 않았습니다" in stub and "`...` 자리를 예측으로 바꾸세요" in stub
    # 옳은 꼴: 기록했다고 보입니다
    assert "예측을 기록했습니다" in good, good
    # 틀린 꼴: 곧바로, 받는 꼴과 함께 보이고, 앞의 예측을 지웁니다
    assert "예측을 기록하지 않았습니다" in bad and says in bad, bad
    assert "앞서 기록한 예측도 지웠습니다" in bad
    # 확인 셀은 앞의(옳은) 예측을 채점하지 않고, 꼴이 틀렸다고 말합니다
    assert "받는 꼴이 아니라서 기록되지 않았습니다" in check, check
    assert "맞았습니다" not in check and "Traceback" not in check
