"""Package source shown in a cell, so the book and the package never disagree."""

from __future__ import annotations

import inspect
import textwrap


class SourceCode:
    """Python source shown in a cell: highlighted HTML (smaller type), or Markdown."""

    def __init__(self, source: str):
        self.source = source

    def _repr_markdown_(self) -> str:
        return f"```python\n{self.source}\n```"

    def _repr_html_(self) -> str:
        from pygments import highlight
        from pygments.formatters import HtmlFormatter
        from pygments.lexers import PythonLexer

        body = highlight(self.source, PythonLexer(),
                         HtmlFormatter(noclasses=True, nobackground=True))
        # 패키지 코드는 한 줄이 88자까지라 책의 본문 폭(80자)에 맞게 글자를 줄입니다.
        return (f'<div class="nlp-pp-source" style="font-size: 0.86em; '
                f'overflow-x: auto">{body}</div>')

    def __str__(self) -> str:
        return self.source


def show_source(obj) -> SourceCode:
    """Return the source of a package function or class, shown highlighted."""
    # 메서드의 소스는 클래스 안쪽만큼 들여 쓰여 있으므로 왼쪽 끝으로 당깁니다.
    return SourceCode(textwrap.dedent(inspect.getsource(obj)).rstrip())
