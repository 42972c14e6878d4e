"""The one reply shape every exercise gives: a headline, a body, code, the next step."""

from __future__ import annotations

from dataclasses import dataclass

UNANSWERED = "아직 답을 쓰지 않았습니다"
HEADLINES = {"unanswered": "✍️ " + UNANSWERED, "recorded": "📝 예측을 기록했습니다",
             "hint": "💡 힌트", "solution": "📖 풀이"}


@dataclass(frozen=True)
class Feedback:
    """One reply: ``ok`` True (right), False (not yet), None (no verdict).

    ``kind`` says what replied: "check" (ok True/False), "unanswered" (ok None: the
    answer is still ``...``), "recorded" (a prediction was stored, ok True; a
    prediction in a form the exercise does not take is kind "check", ok False),
    "hint" and "solution" (ok None). ``code`` holds the solution's code, if any.
    """

    ok: bool | None
    message: str
    kind: str = "check"
    number: int | None = None
    code: str = ""

    def headline(self) -> str:
        """Return the short Korean verdict that starts the reply."""
        if self.kind in HEADLINES:
            return HEADLINES[self.kind]
        return "✅ 맞았습니다" if self.ok else "❌ 아직입니다"

    def _offer(self) -> str:
        if self.number is None or self.kind not in {"check", "unanswered"} or self.ok:
            return ""
        q = f"pp.exercise({self.number})"
        if self.kind == "unanswered":
            return f"막히면 `{q}.hint()`"
        return f"막히면 `{q}.hint()`, 풀이는 `{q}.solution()`"

    def _body(self) -> str:
        body = self.message
        if self.kind == "unanswered" and body.startswith(UNANSWERED):
            body = body[len(UNANSWERED):].lstrip(" .")
        return body

    def _repr_markdown_(self) -> str:
        text = f"**{self.headline()}** — {self._body()}"
        if self.code:
            text += f"\n\n```python\n{self.code.strip()}\n```"
        offer = self._offer()
        return text + (f"\n\n{offer}" if offer else "")

    def __str__(self) -> str:
        text = f"{self.headline()} — {self._body()}"
        if self.code:
            text += "\n\n" + self.code.strip()
        offer = self._offer().replace("`", "")
        return text + (f"\n({offer})" if offer else "")

    __repr__ = __str__


def right(message: str) -> Feedback:
    """Return a "right" reply with one message."""
    return Feedback(True, message)


def not_yet(message: str) -> Feedback:
    """Return a "not yet" reply with one message: say which quantity, how far."""
    return Feedback(False, message)


def unanswered(message: str = "") -> Feedback:
    """Return the "not answered" reply; ``message`` says what to write where."""
    text = UNANSWERED + ". " + (message or "`...` 자리에 답을 쓰고 셀을 다시 실행하세요.")
    return Feedback(None, text, kind="unanswered")


def part(ok: bool, said: str, why: str = "") -> tuple[bool, str]:
    """Return one (ok, text) part: what was said and measured, then `why` when off."""
    return ok, said if ok else said + why


def choice_part(name: str, said: object, seen: object, measured: str = "",
                why: str = "") -> tuple[bool, str]:
    """Return the part for a predicted option against the option this run measured.

    It reads "<name>: 예측 '<said>', 이번 실행 <measured> ('<seen>')."; `why` follows
    when the two differ.
    """
    run = f"{measured} ('{seen}')" if measured else f"'{seen}'"
    return part(said == seen, f"{name}: 예측 '{said}', 이번 실행 {run}.", f" {why}")


def reply(parts: list[tuple[bool, str]], lead: str = "") -> Feedback:
    """Return the one reply shape for an answer judged part by part.

    ``parts`` are (ok, text) pairs, one per quantity; ``lead`` (what this run
    measured) goes first. Right when every part is right. One part reads as a plain
    sentence; several become a list marked ✓ / ✗, led by how many differ.
    """
    ok = all(p for p, _ in parts)
    if len(parts) == 1:
        body = parts[0][1]
        return Feedback(ok, f"{lead} {body}" if lead else body)
    wrong = sum(not p for p, _ in parts)
    count = ("모두 이번 실행과 맞습니다." if ok else
             f"{len(parts)}곳 가운데 {wrong}곳이 이번 실행과 다릅니다.")
    items = "\n".join(f"- {'✓' if p else '✗'} {t}" for p, t in parts)
    return Feedback(ok, f"{lead} {count}\n\n{items}" if lead else f"{count}\n\n{items}")
