"""Phrase banks (sentence templates, slot values) and the slot values made by code.

The bank files in ``nlp_pp/resources`` hold ``[section]`` headers and one line per
entry: ``sms_chat.txt`` and ``sms_spam.txt`` hold the sentence templates of each
kind's sections, ``sms_slots.txt`` the values of ``[slot.<name>]``. Numbers,
prices, phone numbers, codes and links are drawn by the makers in SLOT_MAKERS.
"""

from __future__ import annotations

import random
from functools import lru_cache
from pathlib import Path

from ..errors import NlpPPError

__all__ = ["SLOT_MAKERS", "parse_bank", "phrase_banks", "pick", "slot_value"]

_RESOURCES = Path(__file__).resolve().parents[1] / "resources"
_BANK_FILES = ("sms_slots.txt", "sms_chat.txt", "sms_spam.txt")


def parse_bank(text: str) -> dict[str, list[str]]:
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
def phrase_banks() -> dict[str, tuple[str, ...]]:
    """Return every phrase bank section, read once from nlp_pp/resources."""
    banks: dict[str, tuple[str, ...]] = {}
    for fname in _BANK_FILES:
        text = (_RESOURCES / fname).read_text(encoding="utf-8")
        banks.update({k: tuple(v) for k, v in parse_bank(text).items()})
    return banks


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


def pick(name: str):
    """Return a slot maker that draws one line of the bank section slot.<name>."""
    return lambda rng: rng.choice(phrase_banks()[f"slot.{name}"])


def _brand(*suffixes: str):
    """Return a slot maker: a made-up brand word plus one of `suffixes`."""
    return lambda rng: pick("brandword")(rng) + rng.choice(suffixes)


SLOT_MAKERS = {
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
    "name2": pick("name"),
    "clinic": lambda rng: pick("brandword")(rng) + pick("clinic_type")(rng),
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



def slot_value(name: str, rng: random.Random) -> str:
    """Return one value of slot `name`: made by code, else drawn from its bank."""
    return SLOT_MAKERS.get(name, pick(name))(rng)
