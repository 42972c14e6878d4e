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
