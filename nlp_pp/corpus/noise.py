"""Noise of real messages: style marks, sender tags, repeated spam, flipped labels."""

from __future__ import annotations

import random

from .kinds import CHAT, SPAM

__all__ = ["DUPLICATE_SHARE", "LABEL_NOISE", "add_sender_tag", "decorate",
           "flip_labels"]

LABEL_NOISE = 0.02  # 라벨이 뒤집힌 메시지의 비율
DUPLICATE_SHARE = 0.004  # 글자 그대로 한 번 더 보낸 스팸의 비율
LAUGHS = ("ㅋㅋ", "ㅋㅋㅋ", "ㅋㅋㅋㅋㅋ", "ㅎㅎ", "ㅎㅎㅎ", "ㅠㅠ", "ㅜㅜ", "ㅠ", "ㅋ",
          "ㄷㄷ", "ㅇㅇ", "ㅎ")
EMOJI = ("😂", "🤣", "😭", "😊", "👍", "🙏", "❤️", "🎉", "😅", "🥲", "😍", "🔥",
         "✨", "🙌", "😢", "🤔")
MARKS = ("!", "!!", "?", "~", "~~", "...", ";;", "^^", ".")
BULLETS = ("■ ", "▶ ", "★ ", "- ", "● ", "◆ ", "☞ ", "※ ")
SPAM_PREFIXES = ("[Web발신]", "[Web발신]", "[국외발신]", "[국제발신]")


def decorate(line: str, style: str, rng: random.Random) -> str:
    """Return a line with the style's ㅋㅋ, emoji, marks or bullets added."""
    r, ends = rng.random(), line[-1] in "?!.~"  # 부호로 끝나면 부호를 더하지 않습니다
    if style in ("casual", "hidden"):
        if r < 0.22:
            return line + rng.choice(("", " ")) + rng.choice(LAUGHS)
        if r < 0.30:
            return line + rng.choice(("", " ")) + rng.choice(EMOJI)
        if r < 0.45 and not ends:
            return line + rng.choice(MARKS)
    elif style == "polite" and r < 0.25 and not ends:
        return line + rng.choice((".", ".", "!", "^^", " 🙏"))
    elif style == "ad" and r < 0.35 and line[0] not in "▶■☞●★-✔◆※[(":
        return rng.choice(BULLETS) + line
    elif style == "spam" and r < 0.2 and not ends:
        return line + rng.choice(("!", "!!", " ★", ".", " ▶"))
    return line


def add_sender_tag(lines: list[str], style: str, rng: random.Random) -> None:
    """Put a [Web발신]-style first line before most ads and spam (in place)."""
    if style == "ad" and rng.random() < 0.7:
        lines.insert(0, "[Web발신]")
    elif style == "spam" and rng.random() < 0.6:
        lines.insert(0, rng.choice(SPAM_PREFIXES))


def flip_labels(messages: list, rng: random.Random) -> None:
    """Flip the label of LABEL_NOISE of the messages, drawn by rng (in place)."""
    for i in rng.sample(range(len(messages)), round(len(messages) * LABEL_NOISE)):
        messages[i].label = SPAM if messages[i].true_label == CHAT else CHAT
