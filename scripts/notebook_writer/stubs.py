"""The student edition's cells: stubs for answers, checks without asserts, notes."""

from __future__ import annotations

import ast
import io
import re
import tokenize

from .config import ANSWER_TAG, ConversionError

STUDENT_NOTE = (
    "> **학생용 노트북**\n>\n"
    "> 연습 문제의 풀이를 뺀 판입니다. 연습마다 답을 쓰는 셀(`답 = ...`)과 확인 셀이 "
    "있습니다. 답을 쓰고 확인 셀을 실행하면 `pp.exercise`가 이 실행에서 잰 값과 비교해 "
    "맞았는지, 아니라면 무엇이 얼마나 다른지 알려 줍니다. 확인은 배우라고 있는 것이지 "
    "채점이 아닙니다."
)


def student_line(number: int, answered: bool) -> str:
    """Return the line under an exercise in a student notebook."""
    q = f"pp.exercise({number})"
    if answered:
        return (f"*답을 아래 셀에 쓰고, 그다음 확인 셀을 실행하세요. 막히면 "
                f"`{q}.hint()`, 다 풀었으면 `{q}.solution()`으로 풀이를 봅니다.*")
    return (f"*생각을 먼저 적어 본 뒤 `{q}.hint()`로 힌트를, `{q}.solution()`으로 "
            "풀이를 보세요.*")


def stub_source(code: str, where: str = "") -> str:
    """Return an exercise-answer cell as a stub that runs as it stands.

    ``NAME = value`` becomes ``NAME = ...``; a function keeps its signature and
    docstring with the body ``return ...``; imports and any other line stay as they
    are (``pp.exercise(3).predict(예측)``). Comment lines between statements stay, and
    so does the comment at the end of an assignment (``x = ...  # "커진다" / ...``):
    they tell the student what form the answer takes.
    """
    try:
        tree = ast.parse(code)
    except SyntaxError as exc:
        raise ConversionError(f"{where}: an {ANSWER_TAG} cell must be plain "
                              f"Python: {exc}") from None
    lines, out = code.split("\n"), []
    trailing = {tok.start[0]: tok.string for tok in tokenize.generate_tokens(
        io.StringIO(code).readline) if tok.type == tokenize.COMMENT
        and lines[tok.start[0] - 1][:tok.start[1]].strip()}  # 코드 뒤에 붙은 주석
    done = 0  # 이미 옮긴 마지막 줄 번호
    for node in tree.body:
        start = min([node.lineno, *(d.lineno for d in getattr(
            node, "decorator_list", []))])
        out += [line for line in lines[done:start - 1] if line.strip().startswith("#")]
        done = node.end_lineno
        segment = "\n".join(lines[node.lineno - 1:node.end_lineno])
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = " = ".join(ast.get_source_segment(code, t) for t in targets)
            if isinstance(node, ast.AnnAssign):
                names += f": {ast.get_source_segment(code, node.annotation)}"
            note = trailing.get(node.end_lineno)
            out.append(f"{names} = ..." + (f"  {note}" if note else ""))
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body[0]
            keep = body.end_lineno if (isinstance(body, ast.Expr) and isinstance(
                body.value, ast.Constant) and isinstance(body.value.value, str)) \
                else body.lineno - 1
            head = lines[start - 1:keep]
            if keep < body.lineno:  # 한 줄 정의 "def f(x): return x" 는 머리만 남깁니다
                head = [re.sub(r":\s*[^:]*$", ":", lines[start - 1])] \
                    if node.lineno == body.lineno else head
            indent = re.match(r"\s*", lines[body.lineno - 1])[0] \
                if body.lineno != node.lineno else " " * (node.col_offset + 4)
            out += [*head, f"{indent}return ..."]
        else:
            out.append(segment)
    out += [line for line in lines[done:] if line.strip().startswith("#")]
    return "\n".join(out).strip("\n")


def check_source(code: str) -> str:
    """Return an exercise-check cell without its ``assert`` statements."""
    lines = code.split("\n")
    try:
        drop = {n for node in ast.parse(code).body if isinstance(node, ast.Assert)
                for n in range(node.lineno, node.end_lineno + 1)}
    except SyntaxError:
        drop = {i + 1 for i, line in enumerate(lines) if line.startswith("assert ")}
    return "\n".join(line for i, line in enumerate(lines, 1) if i not in drop)
