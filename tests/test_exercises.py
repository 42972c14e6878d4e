"""Exercises that answer back: the framework, the book's order, and every check.

Each chapter's checks get a typical wrong answer (rejected with a message naming the
quantity and the gap), the reference answer (accepted) and the ``...`` stub (not
answered). The run objects are built here, small and untrained: no data, no training.
"""

import re
from pathlib import Path

import pytest
import yaml

import nlp_pp as pp
from nlp_pp.exercises import core

ROOT = Path(__file__).resolve().parents[1]
TOC = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
CHAPTERS = [c["file"] for part in TOC["parts"] for c in part["chapters"]
            if c["file"].startswith("chapters/")]
EXERCISE = re.compile(
    r"^(`{3,}|:{3,})\{exercise\}[^\n]*\n(?::[^\n]*\n)*?:label:\s*(\S+)", re.MULTILINE)


def book_labels():
    labels = []
    for chapter in CHAPTERS:
        text = (ROOT / f"{chapter}.md").read_text(encoding="utf-8")
        labels += [m.group(2) for m in EXERCISE.finditer(text)]
    return labels


# ---------------------------------------------------------------- the framework
def test_order_is_the_books_exercise_order():
    assert book_labels() == list(core.ORDER)


def test_every_exercise_is_registered_with_its_number():
    missing = [label for label in core.ORDER if label not in core._REGISTRY]
    assert not missing, f"no check registered for {missing}"
    for number, label in enumerate(core.ORDER, start=1):
        q = pp.exercise(number)
        assert q is pp.exercise(label)
        assert q.number == number and q.label == label
        assert q.kind in core.KINDS and q.minutes > 0 and q.title
        assert q.hint().message and q.solution().message


@pytest.mark.parametrize("key", [0, 27, "ch9-ex1", 1.0, True])
def test_unknown_key_is_a_clear_error(key):
    with pytest.raises(pp.NlpPPError, match="연습"):
        pp.exercise(key)


def _toy(kind="code", form=None):
    def check(answer, *, x):
        got = core.call_student(answer, x) if kind == "code" else answer
        want = 2 * x
        if got == want:
            return core.right(f"{core.fmt(got)}")
        return core.not_yet(f"{core.fmt(got)}, 기대 {core.fmt(want)}")
    return core.Exercise("toy", "toy", kind, 1, check, "hint", "sol", code="x",
                         form=form)


def test_feedback_says_right_not_yet_and_unanswered():
    q = _toy()
    q.number = 99
    good = q.check(lambda x: 2 * x, x=3)
    assert good.ok is True and good._repr_markdown_().startswith("**✅ 맞았습니다**")
    bad = q.check(lambda x: x + 1, x=3)
    assert bad.ok is False and "기대 6" in bad.message
    assert "pp.exercise(99).hint()" in bad._repr_markdown_()
    assert "❌ 아직입니다" in repr(bad)
    for stub in (..., lambda x: ...):
        fb = q.check(stub, x=3)
        assert fb.ok is None and fb.kind == "unanswered"
        assert core.UNANSWERED in fb.message and core.UNANSWERED in repr(fb)
    crash = q.check(lambda x: 1 / 0, x=3)
    assert crash.ok is False and "ZeroDivisionError" in crash.message
    assert q.check(3, x=3).ok is False  # a number where a function belongs
    with pytest.raises(pp.NlpPPError, match="x"):
        q.check(lambda x: 2 * x)  # a run object is missing: the author's mistake
    assert q.solution().code == "x" and "```python" in q.solution()._repr_markdown_()


def test_prediction_is_recorded_then_checked():
    q = _toy("predict", form={"a": core.Choice("커진다", "작아진다"),
                              "n": core.Number(integer=True)})
    assert q.check(x=1).kind == "unanswered"  # nothing predicted yet
    assert q.predict({"a": ..., "n": 3}).kind == "unanswered"
    bad_form = q.predict({"a": "커짐", "n": 3})
    assert bad_form.ok is False and '"커진다" / "작아진다" 중 하나' in bad_form.message
    assert q.predict({"a": "커진다", "n": 2.5}).ok is False  # not a whole number
    assert q.prediction is None
    rec = q.predict({"a": " 커진다", "n": 3})
    assert rec.ok is True and rec.kind == "recorded"
    assert q.prediction == {"a": "커진다", "n": 3}
    q.reset()
    assert q.prediction is None


def test_fmt_is_short():
    assert core.fmt(1234) == "1,234" and core.fmt(0.123456) == "0.123"
    assert core.fmt(1e-5) == "1.00e-05" and core.fmt(True) == "True"
