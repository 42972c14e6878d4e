"""Messages from kinds, phrase banks, grammar, the length model and noise."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

from .banks import phrase_banks
from .grammar import fill
from .kinds import CHAT, KINDS, SPAM, Kind
from .lengths import estimate_tokens, target_tokens
from .noise import DUPLICATE_SHARE, add_sender_tag, decorate, flip_labels

__all__ = ["SPAM_SHARE", "Message", "compose", "generate"]

SPAM_SHARE = 0.40  # 스팸문자 40 %, 일상대화 60 % (실제 파일의 비율은 공개되지 않았습니다)


@dataclass
class Message:
    """One generated message with its kind and its label before label noise."""

    text: str
    label: str
    true_label: str
    kind: str


def _next_template(kind: Kind, used: set, first: bool, rng: random.Random) -> str:
    """Return a template for the next body line, unused in this message if possible."""
    template = ""
    for attempt in range(24):
        section = kind.body[0] if first or rng.random() < 0.6 else rng.choice(kind.body)
        template = rng.choice(phrase_banks()[section])
        if template not in used or (attempt > 12 and "{" in template):
            break  # 빈칸이 있는 문장은 되풀이돼도 내용이 달라집니다
    used.add(template)
    return template


def _body(kind: Kind, budget: float, rng: random.Random) -> list[str]:
    """Return body lines until their estimated token count reaches `budget`."""
    lines, used, total = [], set(), 0.0
    while not lines or total < budget:
        # 첫 줄은 늘 그 종류의 주제 섹션(body[0])에서 뽑습니다
        template = _next_template(kind, used, not lines, rng)
        line = decorate(fill(template, rng), kind.style, rng)
        lines.append(line)
        total += estimate_tokens(line)
    return lines


def _join(lines: list[str], style: str, rng: random.Random) -> str:
    """Return the lines joined the way the style writes them (spaces or newlines)."""
    p_newline = {"ad": 0.9, "polite": 0.5, "spam": 0.5}.get(style, 0.3)
    out = lines[0]
    for line in lines[1:]:
        out += ("\n" if rng.random() < p_newline else " ") + line
    return out


def _frame_line(section: str | None, short: bool, rng: random.Random) -> list[str]:
    """Return the opening or closing line of a section ([] if none or skipped)."""
    if section is None or (short and rng.random() < 0.6):
        return []  # 짧은 메시지는 인사말을 자주 빼먹습니다
    return [fill(rng.choice(phrase_banks()[section]), rng)]


def compose(kind: Kind, rng: random.Random) -> str:
    """Return one message of `kind` with a length drawn from the length model."""
    target = target_tokens(kind, rng)
    short = target < 12 and kind.style != "ad"
    head = _frame_line(kind.head, short, rng)
    tail = _frame_line(kind.tail, short, rng)
    fixed = sum(estimate_tokens(s) for s in head + tail)
    lines = head + _body(kind, target - fixed, rng) + tail
    add_sender_tag(lines, kind.style, rng)
    return _join(lines, kind.style, rng)


def _kind_names(label: str, count: int, rng: random.Random) -> list[str]:
    """Return `count` kind names of one class, drawn by the kinds' weights."""
    names = [name for name, kind in KINDS.items() if kind.label == label]
    weights = [KINDS[name].weight for name in names]
    return rng.choices(names, weights=weights, k=count)


def _unique_messages(label: str, count: int, seen: set, rng) -> list[Message]:
    """Return `count` new messages of one class whose texts are not in `seen`."""
    out = []
    for name in _kind_names(label, count, rng):
        text = compose(KINDS[name], rng)
        for _ in range(50):  # 이미 있는 문자면 다시 만듭니다
            if text not in seen:
                break
            text = compose(KINDS[name], rng)
        seen.add(text)
        out.append(Message(text, label, label, name))
    return out


def generate(n: int, seed: int) -> list[Message]:
    """Return the n messages of make_sms_corpus, with kinds and true labels."""
    rng = random.Random(seed)
    n_spam = round(n * SPAM_SHARE)
    n_dup = min(round(n * DUPLICATE_SHARE), n_spam // 2)
    seen: set[str] = set()
    messages = _unique_messages(CHAT, n - n_spam, seen, rng)
    spam = _unique_messages(SPAM, n_spam - n_dup, seen, rng)
    # 같은 광고를 여러 번 보내는 일이 흔해서 스팸 몇 개는 글자 그대로 되풀이됩니다
    copies = [replace(m) for m in rng.sample(spam, n_dup)]
    messages += spam + copies
    rng.shuffle(messages)
    flip_labels(messages, rng)  # 라벨 잡음
    return messages
