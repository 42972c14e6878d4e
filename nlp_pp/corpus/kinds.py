"""Message kinds: label, share, sentence sections, style and length scale of each."""

from __future__ import annotations

from dataclasses import dataclass

from ..schema import SPAM_CLASSES

__all__ = ["CHAT", "KINDS", "SPAM", "Kind"]

CHAT, SPAM = SPAM_CLASSES  # 라벨 이름은 nlp_pp.schema 한 곳에서 가져옵니다


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
