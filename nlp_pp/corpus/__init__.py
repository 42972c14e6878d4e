"""A deterministic offline Korean SMS corpus with the schema of ``spam_SNS.csv``.

When the lecture's file cannot be downloaded, the course runs on messages made
here. One module per job, read in this order:

- ``kinds``: every message has a kind (a friend's plans, a family group notice,
  a co-worker's report, a shop advertisement, a loan offer, delivery smishing,
  ...) that fixes its label, sentence sections, opening and closing lines,
  style and length scale. Hard cases: everyday messages about sales, money,
  links, obituaries and parcels; spam written like a personal message.
- ``banks``: the phrase banks (sentence templates in ``resources/sms_chat.txt``
  and ``resources/sms_spam.txt``, slot values in ``resources/sms_slots.txt``) and
  the slot values drawn by code (numbers, prices, phone numbers, codes, links).
- ``grammar``: ``{name|아}`` in a template adds the particle that fits the
  value's last syllable (민지야, 지훈아).
- ``lengths``: a target token count is ``scale x lognormal`` (cut at
  ``MAX_TOKENS``); scales are normalised within each class, so both classes have
  about the same mean length and length alone does not give the class away.
- ``noise``: the style of a line (ㅋㅋ and emoji, polite endings, ad bullets,
  ``[Web발신]``), flipped labels (``LABEL_NOISE``) and spam sent twice word for
  word (``DUPLICATE_SHARE``), as in real collections.
- ``compose``: sentences are added until a quick estimate of the token count
  after the course pipeline reaches the target; then the whole corpus, with
  ``SPAM_SHARE`` = 40 % 스팸문자 and 60 % 일상대화 (our choice, since the real
  file's ratio is not published).

All names, shops, numbers and links are made up. Only ``random.Random(seed)``
is used, so the same ``(n, seed)`` gives the same corpus byte for byte. The
label names come from ``nlp_pp.schema.SPAM_CLASSES``.
"""

from __future__ import annotations

import operator

import pandas as pd

from ..errors import NlpPPError
from .compose import generate

__all__ = ["make_sms_corpus"]


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
    messages = generate(_as_int(n, "n", 1), _as_int(seed, "seed"))
    return pd.DataFrame({
        "content": [m.text for m in messages],
        "class": [m.label for m in messages],
    })
