"""Cleaning, labels, tokenisation and stopwords: the lecture's steps, fast and quiet.

`tokenize(texts, MeCab())` returns exactly what `MeCab().morphs(text)` returns for
every text; `preprocess_texts` runs clean -> tokenize -> stopwords -> jamo in one
pass. The MeCab engine that makes both fast lives in `nlp_pp.mecab_engine`.
"""

from __future__ import annotations

import re
import warnings
from itertools import filterfalse

import pandas as pd

from . import mecab_engine as engine
from . import mecab_parallel as parallel
from .errors import NlpPPError

__all__ = [
    "P1",
    "P2",
    "P3",
    "KiwiTokenizer",
    "clean_text",
    "clean_texts",
    "df_cleaning",
    "preprocess_texts",
    "remove_stopword",
    "tokenize",
]


# 강의의 정규표현식 세 개를 이 순서로 적용합니다.
P1 = re.compile(r"[^가-힣a-zA-Z0-9\s]")  # 한글 음절, 영문, 숫자, 공백 말고는 공백으로
P2 = re.compile(r"[ㄱ-ㅎㅏ-ㅣ]+")  # 홀로 쓰인 자모(ㅋㅋ, ㅠㅠ) 삭제
P3 = re.compile(r"\n|\s+")  # 줄바꿈 또는 공백 덩어리를 공백 하나로

# 세 정규식을 한 번에: 남길 글자(가-힣, 영문, 숫자)가 아닌 글자 덩어리는 맨 앞의 줄바꿈마다
# 공백 하나, 나머지가 있으면 공백 하나가 됩니다. P1이 홀자모를 이미 공백으로 바꾸므로 P2는
# 지울 것이 없습니다. 공백 하나짜리 덩어리는 그대로이니 건드리지 않습니다. (결과가 같음은
# tests/test_text.py가 확인합니다.)
_KEEP = "가-힣a-zA-Z0-9"
_ONE_PASS = re.compile(rf"\n|[^{_KEEP}\n ][^{_KEEP}]*| [^{_KEEP}]+")


def df_cleaning(df: pd.DataFrame, column: str, report: bool = False) -> pd.DataFrame:
    """Return df without NaN rows and duplicate `column` values, index reset."""
    out = df.dropna().drop_duplicates(subset=column).reset_index(drop=True)
    out.attrs.update(df.attrs)
    if report:
        print(f"결측치·중복 제거: {len(df):,} -> {len(out):,} 행 (rows)")
    return out


def clean_text(s: str) -> str:
    """Return `s` cleaned by the lecture's three regexes P1, P2, P3 in order."""
    s = P1.sub(" ", s)
    s = P2.sub("", s)
    return P3.sub(" ", s)


def _clean_fast(s: str) -> str:
    """Return clean_text(s), computed with one regex pass instead of three."""
    return _ONE_PASS.sub(" ", s)


def clean_texts(texts) -> list[str]:
    """Return clean_text applied to every text of a list or Series."""
    return [_clean_fast(s) for s in texts]


# ---------------------------------------------------------------------------
# 형태소 분석
# ---------------------------------------------------------------------------


def _check_texts(texts) -> list[str]:
    """Return texts as a list, raising NlpPPError if one is not a str."""
    texts = list(texts)
    bad = next((t for t in texts if not isinstance(t, str)), None)
    if bad is not None:
        raise NlpPPError(
            f"문자열이 아닌 값 {bad!r}이(가) 있습니다. 먼저 df_cleaning으로 결측치를 "
            "지우세요.",
            f"Found a non-string value {bad!r}; drop missing values with df_cleaning "
            "first.",
        )
    return texts


def _run_generic(texts: list, tokenizer, progress) -> list[list[str]]:
    """Return tokenizer.morphs(text) for every text (batch method if it has one)."""
    if not callable(getattr(tokenizer, "morphs", None)):
        raise NlpPPError(
            "tokenizer에는 morphs(text) 메서드가 있어야 합니다 (예: mecab.MeCab()).",
            "The tokenizer needs a morphs(text) method (e.g. mecab.MeCab()).",
        )
    batch = getattr(tokenizer, "morphs_batch", None)
    out: list[list[str]] = []
    with parallel.progress_bar(len(texts), progress) as bar:
        for a, b in parallel.chunk_bounds(texts, 1):
            part = texts[a:b]
            out.extend(batch(part) if batch else map(tokenizer.morphs, part))
            bar.update(len(part))
    return out


def tokenize(texts, tokenizer=None, *, n_jobs: int | None = None,
             progress: bool | None = None) -> list[list[str]]:
    """Return the morphemes of every text, identical to MeCab().morphs(text)."""
    texts = _check_texts(texts)
    tokenizer = engine.default_tokenizer() if tokenizer is None else tokenizer
    fast = engine.engine_for(tokenizer)
    if fast is None:  # MeCab이 아닌 분석기: morphs()를 그대로 씁니다
        return _run_generic(texts, tokenizer, progress)
    return parallel.analyse(texts, fast, n_jobs=n_jobs, progress=progress)


class KiwiTokenizer:
    """A MeCab-free tokenizer (kiwipiepy) with .morphs(text); its tokens differ."""

    def __init__(self, warn: bool = True, **kiwi_options):
        try:
            from kiwipiepy import Kiwi
        except ImportError as exc:
            raise NlpPPError(
                "kiwipiepy를 불러올 수 없습니다. `pip install kiwipiepy`로 설치하세요.",
                "kiwipiepy cannot be imported: `pip install kiwipiepy` installs it.",
            ) from exc
        self._kiwi = Kiwi(**kiwi_options)
        if warn:
            warnings.warn(
                "KiwiTokenizer(kiwipiepy)는 MeCab의 대체품입니다. 형태소 경계가 MeCab과 "
                "달라서 토큰, 어휘 수, 결과 수치가 책과 다르게 나옵니다.\n"
                "KiwiTokenizer (kiwipiepy) stands in for MeCab: its morphemes differ "
                "from MeCab's, so tokens, vocabulary size and results differ from the "
                "book's.",
                UserWarning, stacklevel=2,
            )

    def morphs(self, text: str) -> list[str]:
        """Return the surface forms of the morphemes of `text`."""
        return [t.form for t in self._kiwi.tokenize(text)]

    def morphs_batch(self, texts: list[str]) -> list[list[str]]:
        """Return morphs() of many texts, analysed by Kiwi's own threads."""
        return [[t.form for t in toks] for toks in self._kiwi.tokenize(texts)]


def remove_stopword(token_lists, stopwords) -> list[list[str]]:
    """Return every document's tokens minus the stopwords (frozenset lookup)."""
    stop = (stopwords if isinstance(stopwords, frozenset)
            else frozenset(stopwords))
    return [list(filterfalse(stop.__contains__, doc)) for doc in token_lists]


def preprocess_texts(texts, stopwords=None, tokenizer=None, *, n_jobs=None,
                     progress=None) -> list[list[str]]:
    """Return jamo token lists: clean_text -> tokenize -> remove_stopword -> jamo."""
    if stopwords is None:
        from .stopwords import download_stopword_list

        stopwords = download_stopword_list()
    texts = _check_texts(texts)
    tokenizer = engine.default_tokenizer() if tokenizer is None else tokenizer
    # 불용어는 빈 문자열로, 나머지는 자모로: 토큰마다 사전 조회 한 번 (처음 본 토큰만 계산)
    table = engine.TokenTable(stopwords, jamo=True)
    fast = engine.engine_for(tokenizer)
    if fast is None:
        tokens = _run_generic(clean_texts(texts), tokenizer, progress)
        return [table.apply(doc) for doc in tokens]
    # MeCab이면 네 단계를 작업 프로세스 안에서 한 번에 처리합니다 (결과는 같습니다).
    return parallel.analyse(texts, fast, clean=_clean_fast, table=table, n_jobs=n_jobs,
                          progress=progress)
