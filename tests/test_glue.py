"""nlp_pp.book without the book toolchain (Colab): glued values and warnings as Markdown."""

import warnings

import IPython.display
import numpy as np
import pandas as pd
import pytest
import torch

from nlp_pp import book


@pytest.fixture
def shown(monkeypatch):
    """Pretend myst-nb is missing; collect what would be displayed."""
    out = []
    monkeypatch.setattr(book, "_has_myst_nb", lambda: False)
    monkeypatch.setattr(IPython.display, "display", lambda obj: out.append(obj))
    return out


@pytest.mark.parametrize("value, text", [
    (5976, "5,976"), (np.int64(330), "330"), (0.602345, "0.6023"), (43.0, "43"),
    (1234.56, "1,235"), (1.2e-7, "1.2e-07"), (0.0, "0"), (np.float32(0.25), "0.25"),
    (torch.tensor(0.5), "0.5"), (True, "True"), ("42초", "42초"),
])
def test_format_value_is_short(value, text):
    assert book.format_value(value) == text


def test_glue_without_myst_nb_shows_a_markdown_line(shown):
    assert book.glue("ch0_acc", 0.602345) == 0.602345
    assert book.glue("ch0_note", "a_b <PAD>") == "a_b <PAD>"
    assert [type(o) for o in shown] == [IPython.display.Markdown] * 2
    assert shown[0].data == "`ch0_acc` = 0.6023"
    assert shown[1].data == r"`ch0_note` = a\_b \<PAD\>"


def test_glue_without_myst_nb_shows_tables_whole(shown):
    table = pd.DataFrame({"a": [1, 2]})
    assert book.glue("ch0_table", table) is table
    assert shown[0].data == "`ch0_table` =" and shown[1] is table


def test_warning_note_has_the_message_and_no_path(monkeypatch):
    out = []
    monkeypatch.setattr(book, "_in_kernel", lambda: True)
    monkeypatch.setattr(IPython.display, "display", lambda obj: out.append(obj))
    book._show_warning_as_note(UserWarning("오프라인 데이터"), UserWarning,
                               "/x/site-packages/nlp_pp/data.py", 12)
    assert out[0].data == "> **경고 (UserWarning)**\n>\n> 오프라인 데이터"


def test_warnings_stay_ordinary_outside_a_notebook():
    assert book.show_warnings_as_notes() is False
    assert warnings.showwarning is not book._show_warning_as_note
    with pytest.warns(UserWarning, match="보통 경고"):
        warnings.warn("보통 경고", UserWarning, stacklevel=1)


def test_numpy_scalars_are_glued_as_python_numbers(monkeypatch):
    myst_nb = pytest.importorskip("myst_nb")
    seen = {}
    monkeypatch.setattr(myst_nb, "glue", lambda name, value, display: seen.update(
        {name: value}))
    monkeypatch.setattr(book, "_has_myst_nb", lambda: True)
    out = book.glue("x", np.float64(0.25))
    assert type(seen["x"]) is float and seen["x"] == 0.25
    assert isinstance(out, np.float64)


def test_show_source_gives_the_package_code_as_html_and_markdown():
    import inspect

    import nlp_pp as pp

    shown = pp.show_source(pp.majority_rate)
    source = inspect.getsource(pp.majority_rate).rstrip()
    assert str(shown) == source
    assert shown._repr_markdown_() == f"```python\n{source}\n```"
    html = shown._repr_html_()
    assert "nlp-pp-source" in html and "majority_rate" in html and "<span" in html


def test_show_source_of_a_method_starts_at_the_left_edge():
    import nlp_pp as pp

    shown = str(pp.show_source(pp.TensorBatches._batches))
    assert shown.startswith("def _batches(self)")
