"""Glue computed numbers into the book's prose and show package source in a cell."""

from __future__ import annotations

import inspect


def glue(name: str, value, display: bool = False):
    """Glue `value` under `name` with myst-nb; without myst-nb show it, return it."""
    try:
        from myst_nb import glue as nb_glue
    except ImportError:  # Colab 등 myst-nb가 없는 환경: 값을 그대로 보여 줍니다
        from IPython.display import display as show

        show(f"{name} = {value}")
        return value
    nb_glue(name, value, display=display)
    return value


def show_source(obj):
    """Return a Markdown code block with the source of a package function or class."""
    from IPython.display import Markdown

    source = inspect.getsource(obj).rstrip()
    return Markdown(f"```python\n{source}\n```")


class ChapterClock:
    """Measure a chapter's run time; `finish()` glues it as `<prefix>_run_time`."""

    def __init__(self, prefix: str):
        import time

        self.prefix, self._start = prefix, time.perf_counter()

    def finish(self) -> float:
        """Glue the elapsed seconds (text like '42초') and return them."""
        import time

        seconds = time.perf_counter() - self._start
        glue(f"{self.prefix}_run_time", f"{seconds:.0f}초")
        return seconds
