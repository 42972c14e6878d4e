"""``{literalinclude}``: a fenced code block with the file's text."""

from __future__ import annotations

import ast
import re

from .config import ConversionError
from .parser import Directive

LITERALINCLUDE_OPTIONS = {
    "pyobject", "lines", "language", "start-after", "end-before", "caption",
    "linenos", "emphasize-lines", "name", "dedent", "class",
}


def fenced(code: str, language: str = "") -> str:
    """Return code in a fence longer than any run of backticks inside it."""
    ticks = "`" * max(3, 1 + max((len(t) for t in re.findall(r"`+", code)),
                                 default=0))
    return f"{ticks}{language}\n{code.rstrip()}\n{ticks}\n"


def pyobject_source(code: str, name: str, where: str = "") -> str:
    """Return the source of the function or class `name` ('Class.method' too)."""
    nodes, found = ast.parse(code).body, None
    for part in name.split("."):
        found = next((n for n in nodes if isinstance(
            n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
            and n.name == part), None)
        if found is None:
            raise ConversionError(f"{where}: no object {name} to include")
        nodes = found.body
    start = min([found.lineno, *(d.lineno for d in found.decorator_list)])
    return "\n".join(code.split("\n")[start - 1:found.end_lineno])


def select_lines(code: str, spec: str) -> str:
    """Return the lines '1-3,5,8-' (1-based, as Sphinx counts them) of code."""
    lines, chosen = code.split("\n"), []
    for part in spec.split(","):
        a, _, b = part.strip().partition("-")
        first = int(a) if a else 1
        last = (int(b) if b else len(lines)) if "-" in part else first
        chosen.extend(lines[first - 1:last])
    return "\n".join(chosen)


def included_code(d: Directive, folder, where: str) -> tuple[str, str]:
    """Return (code, language) of a literalinclude, its options applied."""
    unknown = set(d.options) - LITERALINCLUDE_OPTIONS
    if unknown:
        raise ConversionError(f"{where}: literalinclude options "
                              f"{sorted(unknown)} are not supported")
    path = (folder / d.arg).resolve()
    if not path.is_file():
        raise ConversionError(f"{where}: no file {d.arg}")
    code, o = path.read_text(encoding="utf-8"), d.options
    if "pyobject" in o:
        code = pyobject_source(code, o["pyobject"], where)
    if "start-after" in o:
        code = code.split(o["start-after"], 1)[-1].split("\n", 1)[-1]
    if "end-before" in o:
        code = code.split(o["end-before"], 1)[0].rsplit("\n", 1)[0]
    if "lines" in o:
        code = select_lines(code, o["lines"])
    if "dedent" in o:
        n = int(o["dedent"] or 0)
        code = "\n".join(line[n:] for line in code.split("\n"))
    language = o.get("language") or {".py": "python"}.get(path.suffix, "")
    return code.strip("\n"), language
