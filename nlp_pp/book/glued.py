"""Glue computed numbers into the book's prose and show package source in a cell.

In the book build (``NLP_PP_BOOK_BUILD=1``, set by the book's Sphinx extension
``_ext/nlp_pp_build.py`` and inherited by the kernels it starts) ``glue`` stores values
silently with myst-nb for ``{glue:text}`` roles. Everywhere else (Colab, local Jupyter
with every requirement installed, VS Code, nbval) the chapter twins show each glued
number as its key (`name`), and ``glue`` shows "`name` = value" under the cell instead,
formatted exactly as the book's ``{glue:text}`name:fmt``` prints it: the formats come
from ``resources/glue_formats.json``, which scripts/sync_chapters.py writes from the
chapters' prose. A glued name that no prose uses shows nothing.
"""

from __future__ import annotations

import json
import numbers
import os
import re
from functools import lru_cache

# 마크다운에서 특별한 뜻을 갖는 글자: 값의 글자가 서식으로 바뀌지 않게 앞에 \를 붙입니다
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~$#])")


BOOK_BUILD_ENV = "NLP_PP_BOOK_BUILD"
GLUE_FORMATS_FILE = "glue_formats.json"


def in_book_build() -> bool:
    """Return True while the book itself is being built (its extension sets the flag)."""
    return os.environ.get(BOOK_BUILD_ENV) == "1"


@lru_cache(maxsize=1)
def glue_formats() -> dict[str, tuple[str, ...]]:
    """Return {glued name: format specs the book's prose uses for it}, in prose order."""
    from importlib import resources

    path = resources.files("nlp_pp") / "resources" / GLUE_FORMATS_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    return {name: tuple(specs) for name, specs in data.items()}


def in_kernel() -> bool:
    """Return True inside a Jupyter kernel (Colab, JupyterLab, nbclient)."""
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    return shell is not None and getattr(shell, "kernel", None) is not None


def _scalar(value):
    """Return a one-element array or tensor as a Python number, else value."""
    size = getattr(value, "size", None)
    if not isinstance(size, int) and hasattr(value, "numel"):
        size = value.numel()  # torch 텐서의 size는 메서드입니다
    return value.item() if size == 1 and hasattr(value, "item") else value


def plain_text(value) -> str:
    """Return the text/plain that myst-nb stores for a glued value (IPython's repr)."""
    from IPython.core.formatters import PlainTextFormatter

    return PlainTextFormatter()(_scalar(value))


def format_glued(value, fmt: str = "") -> str:
    """Return what the book's ``{glue:text}`name:fmt``` shows for `value`.

    The same steps as myst-nb 1.x (``myst_nb.core.variables.format_plain_text``): the
    stored text/plain is read back with ``ast.literal_eval`` (so a string loses its
    quotes), no format gives ``str``, and the format's last character picks the type.
    """
    from ast import literal_eval

    text = plain_text(value)
    try:
        value = literal_eval(text)
    except (SyntaxError, ValueError):
        value = text
    if fmt in ("", "s"):
        return str(value)
    kind = fmt[-1]
    if kind in "bcdoxX":
        value = int(value)
    elif kind in "eEfFgGn%":
        value = float(value)
    return format(value, fmt)


def _markdown_text(text: str) -> str:
    """Return text with Markdown's special characters escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def glued_line(name: str, value, formats) -> str:
    """Return the Markdown line "`name` = text" shown outside the book build.

    One text per format the prose uses, joined by " · " in the order of the prose.
    """
    texts = [_markdown_text(format_glued(value, fmt)) for fmt in formats]
    return f"`{name}` = " + " · ".join(texts)


def glue(name: str, value, display: bool = False):
    """Glue `value` under `name`: silently in the book build, else show it.

    Returns `value`. In the book build myst-nb stores the value for the prose's
    ``{glue:text}`` roles. Elsewhere (Colab, Jupyter, VS Code) the chapter twin shows
    `name` in the prose, and this shows "`name` = value" under the cell, with the
    format(s) the book uses for `name`; a name no prose uses shows nothing.
    """
    if in_book_build():
        from myst_nb import glue as nb_glue

        # NumPy·torch 스칼라는 파이썬 숫자로 붙입니다: myst-nb는 'np.float64(0.5)'라는
        # 글자를 {glue:text}`x:.1%`의 숫자로 읽지 못합니다.
        nb_glue(name, _scalar(value), display=display)
        return value
    formats = glue_formats().get(name)
    if formats is None and not display:
        return value  # 본문이 쓰지 않는 이름은 아무것도 보여 주지 않습니다
    from IPython.display import Markdown
    from IPython.display import display as show

    # 책 밖(Colab, Jupyter): 본문의 `name` 자리에 들어갈 값을 책과 같은 서식으로 보여 줍니다
    if isinstance(_scalar(value), (str, numbers.Number)):
        show(Markdown(glued_line(name, value, formats or ("",))))
    else:  # 표나 그림은 이름을 붙여 그대로 보여 줍니다
        show(Markdown(f"`{name}` ="))
        show(value)
    return value
