"""A deterministic offline Korean SMS corpus with the schema of ``spam_SNS.csv``.

When the lecture's file cannot be downloaded, the course runs on messages made
here. How they are made:

- Phrase banks. Sentence templates live in ``resources/sms_chat.txt``
  (everyday talk) and ``resources/sms_spam.txt`` (spam), slot values in
  ``resources/sms_slots.txt``; numbers, prices, phone numbers, codes and links
  are drawn by code. ``{name|아}`` adds the particle that fits the value's last
  syllable (민지야, 지훈아).
- Kinds. Every message has a kind (a friend's plans, a family group notice, a
  co-worker's report, a shop advertisement, a loan offer, delivery smishing,
  ...) that fixes its sentence sections, opening and closing lines, style
  (ㅋㅋ and emoji, polite endings, ad bullets, ``[Web발신]``, ``무료거부 080-``)
  and length scale.
- Length model. A target token count is ``scale x lognormal`` (cut at
  ``MAX_TOKENS``); sentences are added until a quick estimate of the count
  after the course pipeline reaches it. Scales are normalised within each
  class, so both classes have about the same mean length and long messages:
  length alone does not give the class away.
- Hard cases. Everyday messages about sales, money, links, obituaries and
  parcels; spam written like a personal message (a child asking for gift
  cards, an old acquaintance with an investment tip, a "wrong number").
- Noise. ``LABEL_NOISE`` of the labels are flipped, and a few spam campaigns
  appear twice word for word (``DUPLICATE_SHARE``), as in real collections.
- Class balance. ``SPAM_SHARE`` = 40 % 스팸문자, 60 % 일상대화: our choice,
  since the real file's ratio is not published.

All names, shops, numbers and links are made up. Only ``random.Random(seed)``
is used, so the same ``(n, seed)`` gives the same corpus byte for byte.
"""

from __future__ import annotations

import operator
import random
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .errors import NlpPPError

__all__ = ["make_sms_corpus"]

CHAT, SPAM = "일상대화", "스팸문자"
SPAM_SHARE = 0.40
LABEL_NOISE = 0.02
DUPLICATE_SHARE = 0.004
LENGTH_MU, LENGTH_SIGMA = 3.77, 1.30  # log-length of a message of scale 1
MIN_TOKENS, MAX_TOKENS = 3, 900
_RESOURCES = Path(__file__).with_name("resources")
_BANK_FILES = ("sms_slots.txt", "sms_chat.txt", "sms_spam.txt")
_SLOT = re.compile(r"\{(\w+)(?:\|(\w+))?\}")
_RUN = re.compile(r"[A-Za-z]+|[0-9]+")


@dataclass(frozen=True)
class Kind:
    """One kind of message: label, share, sentence sections, style, length scale."""

    label: str
    weight: float
    body: tuple[str, ...]
    head: str | None = None
    tail: str | None = None
    style: str = "casual"
    scale: float = 1.0
    hard: bool = False


def _chat(weight, body, head=None, tail=None, style="casual", scale=1.0, hard=False):
    """Return an everyday-talk (일상대화) kind."""
    return Kind(CHAT, weight, tuple(body), head, tail, style, scale, hard)


def _spam(weight, body, head=None, tail=None, style="spam", scale=1.0, hard=False):
    """Return a spam (스팸문자) kind."""
    return Kind(SPAM, weight, tuple(body), head, tail, style, scale, hard)


def _ad(weight, topic, scale, extra=("s.ad.misc",)):
    """Return an advertisement kind: (광고) opening, topic lines, 080 opt-out tail."""
    return _spam(weight, [f"s.ad.{topic}", *extra], f"s.ad.open.{topic}",
                 "s.ad.optout", style="ad", scale=scale)


_GREET, _BYE = "c.greet.friend", "c.close.friend"
_WORK = {"head": "c.work.open", "tail": "c.work.close", "style": "polite"}
KINDS = {
    # 일상대화: 친구·가족·동기·동료 (가중치는 클래스 안에서의 비율)
    "friend_plan": _chat(13, ["c.plan", "c.meal", "c.daily"], _GREET, _BYE, scale=0.8),
    "friend_talk": _chat(11, ["c.daily", "c.meal", "c.health", "c.travel"], _GREET,
                         _BYE, scale=0.9),
    "vent": _chat(7, ["c.vent", "c.daily", "c.health"], _GREET, _BYE, scale=1.7),
    "study": _chat(9, ["c.study", "c.plan", "c.meal"], scale=0.9),
    "work": _chat(10, ["c.work"], **_WORK, scale=0.9),
    "parent": _chat(7, ["c.parent", "c.errand", "c.health"], scale=0.7),
    "child": _chat(6, ["c.child", "c.errand"], scale=0.6),
    "family_group": _chat(5, ["c.family.group", "c.parent", "c.travel"], scale=2.0),
    "congrats": _chat(5, ["c.congrats", "c.plan"], scale=0.6),
    "errand": _chat(4, ["c.errand", "c.parent"], scale=0.5),
    "travel": _chat(5, ["c.travel", "c.plan", "c.meal"], _GREET, _BYE),
    "letter": _chat(4, ["c.letter", "c.daily", "c.vent", "c.health"], _GREET, _BYE,
                    scale=2.8),
    # 어려운 일상대화: 스팸에 흔한 낱말(할인, 입금, 링크, 부고, 택배)이 나옵니다
    "chat_discount": _chat(3, ["c.h.discount", "c.daily"], _GREET, _BYE, hard=True),
    "chat_money": _chat(3, ["c.h.money", "c.plan"], _GREET, _BYE, hard=True),
    "chat_link": _chat(3, ["c.h.link", "c.daily", "c.plan"], _GREET, _BYE, hard=True),
    "chat_obituary": _chat(1.5, ["c.h.obituary", "c.work"], style="polite",
                           scale=0.7, hard=True),
    "chat_delivery": _chat(2.5, ["c.h.delivery", "c.errand"], scale=0.6, hard=True),
    # 스팸문자: 광고·대출·도박·리딩방·스미싱
    "ad_shop": _ad(11, "shop", 1.5, ("s.ad.list", "s.ad.misc")),
    "ad_clinic": _ad(6, "clinic", 1.2),
    "ad_gym": _ad(1.5, "gym", 1.1),
    "ad_academy": _ad(1.5, "academy", 1.1),
    "ad_food": _ad(1.5, "food", 1.0),
    "ad_beauty": _ad(1, "beauty", 1.0),
    "ad_service": _ad(1, "service", 1.0),
    "ad_realestate": _ad(5, "realestate", 1.6),
    "ad_telecom": _ad(4, "telecom", 1.0),
    "ad_insurance": _ad(3, "insurance", 1.0),
    "loan": _spam(8, ["s.loan", "s.spam.close"], scale=1.0),
    "gamble": _spam(6, ["s.gamble", "s.gamble.list"], scale=0.9),
    "stock": _spam(8, ["s.stock", "s.stock.list"], scale=1.3),
    "smish_delivery": _spam(6, ["s.smish.delivery", "s.spam.close"], scale=0.35),
    "smish_payment": _spam(5, ["s.smish.payment", "s.spam.close"], scale=0.35),
    "smish_obituary": _spam(2, ["s.smish.obit"], scale=0.3),
    "smish_wedding": _spam(2, ["s.smish.wedding"], scale=0.3),
    "smish_gov": _spam(5, ["s.smish.gov", "s.spam.close"], scale=0.4),
    # 어려운 스팸: 개인 문자처럼 씁니다 ([Web발신]도 광고 표시도 없음)
    "spam_impersonation": _spam(3, ["s.h.imperson"], style="hidden", scale=0.5,
                                hard=True),
    "spam_acquaintance": _spam(3, ["s.h.friendly"], style="hidden", scale=0.8,
                               hard=True),
    "spam_wrong_number": _spam(2, ["s.h.wrongnum"], style="hidden", scale=0.6,
                               hard=True),
}

LAUGHS = ("ㅋㅋ", "ㅋㅋㅋ", "ㅋㅋㅋㅋㅋ", "ㅎㅎ", "ㅎㅎㅎ", "ㅠㅠ", "ㅜㅜ", "ㅠ", "ㅋ",
          "ㄷㄷ", "ㅇㅇ", "ㅎ")
EMOJI = ("😂", "🤣", "😭", "😊", "👍", "🙏", "❤️", "🎉", "😅", "🥲", "😍", "🔥",
         "✨", "🙌", "😢", "🤔")
MARKS = ("!", "!!", "?", "~", "~~", "...", ";;", "^^", ".")
BULLETS = ("■ ", "▶ ", "★ ", "- ", "● ", "◆ ", "☞ ", "※ ")
SPAM_PREFIXES = ("[Web발신]", "[Web발신]", "[국외발신]", "[국제발신]")


@dataclass
class Message:
    """One generated message with its kind and its label before label noise."""

    text: str
    label: str
    true_label: str
    kind: str


# ---------------------------------------------------------------- phrase banks
def _parse_bank(text: str) -> dict[str, list[str]]:
    """Return {section: lines} from one bank file ([section] headers, # comments)."""
    banks: dict[str, list[str]] = {}
    section = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]") and " " not in line:
            section = banks.setdefault(line[1:-1], [])
        elif section is None:
            raise NlpPPError(f"섹션 밖의 문장입니다: {line!r}",
                             f"Line outside a [section]: {line!r}")
        else:
            section.append(line)
    return banks


@lru_cache(maxsize=1)
def _banks() -> dict[str, tuple[str, ...]]:
    """Return every phrase bank section, read once from nlp_pp/resources."""
    banks: dict[str, tuple[str, ...]] = {}
    for fname in _BANK_FILES:
        text = (_RESOURCES / fname).read_text(encoding="utf-8")
        banks.update({k: tuple(v) for k, v in _parse_bank(text).items()})
    return banks


# ------------------------------------------------------------ generated slots
_ALNUM = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
_ID_WORDS = ("vip", "gold", "rich", "stock", "lucky", "happy", "ace", "top")
_FAKE_WORDS = ("delivery", "post", "parcel", "gov", "refund", "card", "safe",
               "notice", "kr", "check", "info", "my", "auth", "pay", "track", "bank")
_FAKE_TLDS = ("top", "xyz", "cc", "icu", "info", "site", "online", "co")


def _digits(rng: random.Random, k: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(k))


def _alnum(rng: random.Random, k: int) -> str:
    return "".join(rng.choice(_ALNUM) for _ in range(k))


def _time(rng):
    return rng.choice((
        f"{rng.randint(1, 12)}시", f"{rng.randint(1, 12)}시 반",
        f"오후 {rng.randint(1, 9)}시", f"저녁 {rng.randint(6, 9)}시",
        f"{rng.randint(9, 21)}:{rng.choice(('00', '30'))}",
    ))


def _date(rng):
    m, d = rng.randint(1, 12), rng.randint(1, 28)
    weekday = rng.choice("월화수목금토일")
    return rng.choice((f"{m}월 {d}일", f"{m}/{d}", f"{m}월 {d}일({weekday})"))


def _period(rng):
    m, d = rng.randint(1, 11), rng.randint(1, 20)
    m2, d2 = rng.randint(m, 12), rng.randint(d + 1, 28)
    return f"{m}월 {d}일부터 {m2}월 {d2}일까지"


def _amount(rng):
    k = rng.choice((1, 2, 3, 5, 7, 10, 12, 15, 20, 30, 50))
    return rng.choice((f"{k}만원", f"{k}만 원", f"{k * 10},000원"))


def _amount_big(rng):
    k = rng.randint(1, 9)
    return rng.choice((f"{k}천만원", f"{k}억", f"{k}억 원", f"{k * 100}만원"))


def _percent(rng):
    return f"{rng.randrange(10, 95, 5)}{rng.choice(('%', '%', '프로'))}"


def _price(rng):
    k = rng.randint(1, 99)
    return rng.choice((f"{k},900원", f"{k}만원", f"{k},000원", f"{k}만 9천원"))


def _price_big(rng):
    tail = rng.choice(("000", "500", "900"))
    return f"{rng.randint(1, 2)},{_digits(rng, 3)},{tail}원"


def _stock_price(low: int, high: int):
    return lambda rng: f"{rng.randint(low, high)},{rng.choice(('000', '500'))}원"


def _phone(rng):
    a, b = _digits(rng, 4), _digits(rng, 4)
    return rng.choice((f"010-{a}-{b}", f"010{a}{b}", f"010.{a}.{b}", f"010 {a} {b}"))


def _phone_biz(rng):
    head = rng.choice(("1588", "1644", "1577", "1661", "1600", "1899"))
    area = rng.choice(("02", "031", "032", "051", "053", "070"))
    return rng.choice((f"{head}-{_digits(rng, 4)}",
                       f"{area}-{_digits(rng, 3)}-{_digits(rng, 4)}"))


def _account(rng):
    parts = (_digits(rng, 3), _digits(rng, 6), _digits(rng, 2), _digits(rng, 3))
    return "-".join(parts)


def _num(rng):
    groups = "-".join(_digits(rng, 4) for _ in range(3))
    return rng.choice((_digits(rng, 12), groups, _digits(rng, 10)))


def _kakao_id(rng):
    tail = _alnum(rng, 2).lower() + _digits(rng, rng.randint(2, 4))
    return rng.choice(_ID_WORDS) + tail


def _url(host: str, k: int = 7, sep: str = "/"):
    return lambda rng: f"https://{host}{sep}{_alnum(rng, k)}"


def _url_short(rng):
    host, k = rng.choice((("bit.ly", 7), ("han.gl", 5), ("me2.do", 6), ("vo.la", 5)))
    return _url(host, k)(rng)


def _url_shop(rng):
    host = rng.choice(("link.coupang.com/a", "naver.me", "musinsa.onelink.me"))
    return _url(host, 8)(rng)


def _url_fake(rng):
    words = rng.choice(_FAKE_WORDS), rng.choice(_FAKE_WORDS)
    host = f"{words[0]}-{words[1]}{_alnum(rng, 3).lower()}.{rng.choice(_FAKE_TLDS)}"
    path = rng.choice(("", "/m", "/kr", "/login", "/app", "/view"))
    return f"{rng.choice(('http://', 'https://', ''))}{host}{path}/{_alnum(rng, 5)}"


def _url_news(rng):
    return f"https://n.news.naver.com/article/{_digits(rng, 3)}/{_digits(rng, 10)}"


def _url_blog(rng):
    return f"https://blog.naver.com/{_kakao_id(rng)}/{_digits(rng, 12)}"


def _pick(name: str):
    return lambda rng: rng.choice(_banks()[f"slot.{name}"])


def _brand(*suffixes: str):
    """Return a slot maker: a made-up brand word plus one of `suffixes`."""
    return lambda rng: _pick("brandword")(rng) + rng.choice(suffixes)


_GENERATED = {
    "time": _time, "date": _date, "period": _period,
    "amount": _amount, "amount_big": _amount_big,
    "price": _price, "price2": _price, "price_big": _price_big,
    "price_stock": _stock_price(2, 98), "price_stock2": _stock_price(10, 180),
    "phone": _phone, "phone_biz": _phone_biz,
    "phone080": lambda rng: f"080-{_digits(rng, 3)}-{_digits(rng, 4)}",
    "percent": _percent,
    "rate": lambda rng: f"{rng.randint(2, 9)}.{rng.randint(1, 9)}%",
    "month": lambda rng: str(rng.randint(1, 12)),
    "count": lambda rng: str(rng.choice((3, 5, 7, 10, 20, 30, 50, 100, 200, 500))),
    "age": lambda rng: str(rng.randint(26, 45)),
    "account": _account, "num": _num, "kakao_id": _kakao_id,
    "code": lambda rng: _alnum(rng, 4).upper() + _digits(rng, 2),
    "tg": lambda rng: "@" + _kakao_id(rng),
    "name2": _pick("name"),
    "clinic": lambda rng: _pick("brandword")(rng) + _pick("clinic_type")(rng),
    "mall": _brand("몰", "마켓", "스토어", "아울렛", "샵"),
    "agency": _brand("모바일", "폰마트", "텔레콤"),
    "insurer": _brand("손해보험", "생명", "보험 설계사무소"),
    "lender": _brand("캐피탈", "저축은행", "대부", "금융센터"),
    "room": _brand(" 투자클럽", " 주식연구소", " 리딩방", " 프라이빗룸"),
    "hospital": _brand("병원", "대학교병원", "의료원"),
    "url_short": _url_short, "url_shop": _url_shop, "url_fake": _url_fake,
    "url_kakao": _url("open.kakao.com/o/g", 7, ""),
    "url_video": _url("youtu.be", 11), "url_news": _url_news, "url_blog": _url_blog,
    "url_doc": _url("docs.google.com/presentation/d", 16),
    "url_insta": _url("instagr.am/p", 11), "url_form": _url("forms.gle", 10),
    "url_stay": _url("naver.me", 8), "url_map": _url("naver.me", 8),
    "url_meet": lambda rng: f"https://zoom.us/j/{_digits(rng, 10)}",
    "url_invite": _url("mcard.wedding-day.kr/v", 8),
}


# ----------------------------------------------------------------- particles
_FINAL_DIGITS = frozenset("013678")  # 영 일 삼 육 칠 팔: 받침이 있는 숫자
_RIEUL_DIGITS = frozenset("178")  # 일 칠 팔: ㄹ 받침


def _final(word: str) -> tuple[bool, bool]:
    """Return (ends in a final consonant, that consonant is ㄹ) for the last char."""
    c = word[-1]
    if "가" <= c <= "힣":
        jong = (ord(c) - 0xAC00) % 28
        return jong != 0, jong == 8
    return c in _FINAL_DIGITS, c in _RIEUL_DIGITS


def _josa(word: str, key: str) -> str:
    """Return the particle `key` (its after-consonant form) that fits `word`."""
    final, rieul = _final(word)
    if key == "으로":
        return "으로" if final and not rieul else "로"
    if key == "이에요":
        return "이에요" if final else "예요"
    if final:
        return key
    vowel_form = {"을": "를", "은": "는", "아": "야", "과": "와", "이": "가"}
    return vowel_form.get(key, key[1:])  # 이야 -> 야, 이랑 -> 랑, 이래 -> 래


def _fill(template: str, rng: random.Random) -> str:
    """Return `template` with every {slot} and {slot|particle} filled in."""

    def value(match: re.Match) -> str:
        name, key = match.groups()
        text = _GENERATED.get(name, _pick(name))(rng)
        return text + _josa(text, key) if key else text

    return _SLOT.sub(value, template)


# -------------------------------------------------------------- length model
def _estimate_tokens(text: str) -> float:
    """Return a quick estimate of the token count after the course pipeline."""
    hangul = sum("가" <= c <= "힣" for c in text)
    return 0.42 * hangul + 1.2 * len(_RUN.findall(text))


@lru_cache(maxsize=2)
def _class_scale(label: str) -> float:
    """Return the weighted mean scale of one class's kinds (for normalising)."""
    kinds = [k for k in KINDS.values() if k.label == label]
    return sum(k.weight * k.scale for k in kinds) / sum(k.weight for k in kinds)


def _target_tokens(kind: Kind, rng: random.Random) -> float:
    """Return a target token count: normalised kind scale x lognormal, cut."""
    scale = kind.scale / _class_scale(kind.label)
    while True:
        target = scale * rng.lognormvariate(LENGTH_MU, LENGTH_SIGMA)
        if target <= MAX_TOKENS:
            return max(target, MIN_TOKENS)


# ------------------------------------------------------------------ messages
def _decorate(line: str, style: str, rng: random.Random) -> str:
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


def _next_template(kind: Kind, used: set, first: bool, rng: random.Random) -> str:
    """Return a template for the next body line, unused in this message if possible."""
    template = ""
    for attempt in range(24):
        section = kind.body[0] if first or rng.random() < 0.6 else rng.choice(kind.body)
        template = rng.choice(_banks()[section])
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
        line = _decorate(_fill(template, rng), kind.style, rng)
        lines.append(line)
        total += _estimate_tokens(line)
    return lines


def _join(lines: list[str], style: str, rng: random.Random) -> str:
    """Return the lines joined the way the style writes them (spaces or newlines)."""
    p_newline = {"ad": 0.9, "polite": 0.5, "spam": 0.5}.get(style, 0.3)
    out = lines[0]
    for line in lines[1:]:
        out += ("\n" if rng.random() < p_newline else " ") + line
    return out


def _compose(kind: Kind, rng: random.Random) -> str:
    """Return one message of `kind` with a length drawn from the length model."""
    target = _target_tokens(kind, rng)
    short = target < 12 and kind.style != "ad"
    head = [] if kind.head is None or (short and rng.random() < 0.6) else [
        _fill(rng.choice(_banks()[kind.head]), rng)]
    tail = [] if kind.tail is None or (short and rng.random() < 0.6) else [
        _fill(rng.choice(_banks()[kind.tail]), rng)]
    fixed = sum(_estimate_tokens(s) for s in head + tail)
    lines = head + _body(kind, target - fixed, rng) + tail
    if kind.style == "ad" and rng.random() < 0.7:
        lines.insert(0, "[Web발신]")
    elif kind.style == "spam" and rng.random() < 0.6:
        lines.insert(0, rng.choice(SPAM_PREFIXES))
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
        text = _compose(KINDS[name], rng)
        for _ in range(50):  # 이미 있는 문자면 다시 만듭니다
            if text not in seen:
                break
            text = _compose(KINDS[name], rng)
        seen.add(text)
        out.append(Message(text, label, label, name))
    return out


def _generate(n: int, seed: int) -> list[Message]:
    """Return the n messages of make_sms_corpus, with kinds and true labels."""
    rng = random.Random(seed)
    n_spam = round(n * SPAM_SHARE)
    n_dup = min(round(n * DUPLICATE_SHARE), n_spam // 2)
    seen: set[str] = set()
    messages = _unique_messages(CHAT, n - n_spam, seen, rng)
    spam = _unique_messages(SPAM, n_spam - n_dup, seen, rng)
    # 같은 광고를 여러 번 보내는 일이 흔해서 스팸 몇 개는 글자 그대로 되풀이됩니다
    copies = [Message(m.text, m.label, m.true_label, m.kind)
              for m in rng.sample(spam, n_dup)]
    messages += spam + copies
    rng.shuffle(messages)
    for i in rng.sample(range(n), round(n * LABEL_NOISE)):  # 라벨 잡음
        messages[i].label = SPAM if messages[i].true_label == CHAT else CHAT
    return messages


def _as_int(value, name: str, minimum: int | None = None) -> int:
    """Return `value` as an int, or raise NlpPPError saying what is expected."""
    try:
        if isinstance(value, bool):
            raise TypeError
        number = operator.index(value)
    except TypeError:
        number = None
    if number is None or (minimum is not None and number < minimum):
        ko = "정수" if minimum is None else f"{minimum} 이상의 정수"
        en = "an int" if minimum is None else f"an int >= {minimum}"
        raise NlpPPError(f"{name}은(는) {ko}여야 합니다 (받은 값: {value!r}).",
                         f"{name} must be {en}, got {value!r}.")
    return number


def make_sms_corpus(n: int = 6000, seed: int = 0) -> pd.DataFrame:
    """Return n made-up Korean SMS as DataFrame[content, class] (seeded, exact)."""
    messages = _generate(_as_int(n, "n", 1), _as_int(seed, "seed"))
    return pd.DataFrame({
        "content": [m.text for m in messages],
        "class": [m.label for m in messages],
    })
