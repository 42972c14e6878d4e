"""nlp_pp.book outside the book build (Colab, Jupyter): glued values and warnings as Markdown."""

import warnings

import IPython.display
import numpy as np
import pandas as pd
import pytest
import torch

from nlp_pp import book
from nlp_pp.book import glued, notes


@pytest.fixture
def shown(monkeypatch):
    """Outside the book build, with a known map of formats; collect what is shown."""
    out = []
    monkeypatch.delenv(book.BOOK_BUILD_ENV, raising=False)
    monkeypatch.setattr(glued, "glue_formats", lambda: {
        "ch0_acc": ("",), "ch0_note": ("",), "ch0_table": ("",),
        "ch0_share": (".1%", ".0f"), "ch0_n": (",",), "ch0_delta": ("+.1%",)})
    monkeypatch.setattr(IPython.display, "display", lambda obj: out.append(obj))
    return out


@pytest.mark.parametrize("value, fmt, text", [
    (5976, ",", "5,976"), (np.int64(330), "", "330"), (0.602345, "", "0.602345"),
    (0.25, ".1%", "25.0%"), (0.015, "+.1%", "+1.5%"), (np.float32(0.25), ".2f", "0.25"),
    (torch.tensor(0.5), ".0%", "50%"), (True, "", "True"), ("42초", "", "42초"),
    (1.2e-7, ".1e", "1.2e-07"), ("a'b", "", "a'b"), (1195, "", "1195"),
])
def test_format_glued_is_what_the_book_prints(value, fmt, text):
    assert book.format_glued(value, fmt) == text


def test_format_glued_matches_myst_nb():
    variables = pytest.importorskip("myst_nb.core.variables")
    for value in (0.602345, 5976, "42초", "a'b", np.float64(1 / 3), -0.004):
        for fmt in ("", ".1%", ",", ".2f") if not isinstance(value, str) else ("",):
            expected = variables.format_plain_text(book.plain_text(value), fmt or "s")
            assert book.format_glued(value, fmt) == expected, (value, fmt)


def test_glue_outside_the_book_shows_a_markdown_line_per_format(shown):
    assert book.glue("ch0_acc", 0.602345) == 0.602345
    assert book.glue("ch0_note", "a_b <PAD>") == "a_b <PAD>"
    book.glue("ch0_share", np.float64(0.254))
    book.glue("ch0_n", 5976)
    book.glue("ch0_delta", 0.015)
    assert [type(o) for o in shown] == [IPython.display.Markdown] * 5
    assert [o.data for o in shown] == [
        "`ch0_acc` = 0.602345", r"`ch0_note` = a\_b \<PAD\>",
        "`ch0_share` = 25.4% · 0", "`ch0_n` = 5,976", "`ch0_delta` = +1.5%"]


def test_a_name_no_prose_uses_shows_nothing(shown):
    assert book.glue("ch0_unused", 3) == 3
    assert shown == []


def test_glue_shows_in_jupyter_even_when_myst_nb_is_installed(shown):
    pytest.importorskip("myst_nb")  # 책 도구가 깔려 있어도 책 빌드가 아니면 보여 줍니다
    book.glue("ch0_acc", 0.5)
    assert [o.data for o in shown] == ["`ch0_acc` = 0.5"]


def test_glue_formats_file_is_a_map_of_format_lists():
    book.glue_formats.cache_clear()
    formats = book.glue_formats()
    assert formats and all(isinstance(v, tuple) and v for v in formats.values())
    assert ".1%" in {f for specs in formats.values() for f in specs}


def test_glue_without_myst_nb_shows_tables_whole(shown):
    table = pd.DataFrame({"a": [1, 2]})
    assert book.glue("ch0_table", table) is table
    assert shown[0].data == "`ch0_table` =" and shown[1] is table


def test_warning_note_has_the_message_and_no_path(monkeypatch):
    out = []
    monkeypatch.setattr(notes, "in_kernel", lambda: True)
    monkeypatch.setattr(IPython.display, "display", lambda obj: out.append(obj))
    notes._show_warning_as_note(UserWarning("오프라인 데이터"), UserWarning,
                               "/x/site-packages/nlp_pp/data.py", 12)
    assert out[0].data == "> **경고 (UserWarning)**\n>\n> 오프라인 데이터"


def test_warnings_stay_ordinary_outside_a_notebook():
    assert book.show_warnings_as_notes() is False
    assert warnings.showwarning is not notes._show_warning_as_note
    with pytest.warns(UserWarning, match="보통 경고"):
        warnings.warn("보통 경고", UserWarning, stacklevel=1)


def test_the_book_build_glues_silently_through_myst_nb(monkeypatch):
    myst_nb = pytest.importorskip("myst_nb")
    seen, out = {}, []
    monkeypatch.setattr(myst_nb, "glue", lambda name, value, display: seen.update(
        {name: (value, display)}))
    monkeypatch.setattr(IPython.display, "display", lambda obj: out.append(obj))
    monkeypatch.setenv(book.BOOK_BUILD_ENV, "1")
    result = book.glue("x", np.float64(0.25))
    assert type(seen["x"][0]) is float and seen["x"] == (0.25, False)
    assert isinstance(result, np.float64) and out == []


def test_the_book_extension_sets_the_flag(monkeypatch):
    import importlib.util
    from pathlib import Path

    monkeypatch.delenv(book.BOOK_BUILD_ENV, raising=False)
    path = Path(__file__).resolve().parents[1] / "_ext" / "nlp_pp_build.py"
    spec = importlib.util.spec_from_file_location("nlp_pp_build", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert not book.in_book_build()
    module.setup(None)
    assert book.in_book_build()


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
