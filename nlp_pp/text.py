"""Cleaning, labels, MeCab tokenisation (fast, two processes) and stopwords.

`tokenize(texts, MeCab())` returns exactly what `MeCab().morphs(text)` returns for
every text, but reads the surfaces from MeCab's own C output instead of building
one Python object per morpheme, and splits long inputs over all CPU cores.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import re
import warnings
from functools import lru_cache
from itertools import filterfalse

import numpy as np
import pandas as pd

from .errors import NlpPPError
from .hangul import decompose_token

__all__ = [
    "LABEL_MAP",
    "P1",
    "P2",
    "P3",
    "KiwiTokenizer",
    "clean_text",
    "clean_texts",
    "df_cleaning",
    "map_labels",
    "preprocess_texts",
    "remove_stopword",
    "tokenize",
]

LABEL_MAP = {"일상대화": 0, "스팸문자": 1}

# 강의의 정규표현식 세 개를 이 순서로 적용합니다.
P1 = re.compile(r"[^가-힣a-zA-Z0-9\s]")  # 한글 음절, 영문, 숫자, 공백 말고는 공백으로
P2 = re.compile(r"[ㄱ-ㅎㅏ-ㅣ]+")  # 홀로 쓰인 자모(ㅋㅋ, ㅠㅠ) 삭제
P3 = re.compile(r"\n|\s+")  # 줄바꿈 또는 공백 덩어리를 공백 하나로

# 문서가 이보다 많거나 글자가 이보다 많으면 여러 프로세스로 나눠 분석합니다
MP_MIN_TEXTS = 2000
MP_MIN_CHARS = 300_000
PROGRESS_MIN_TEXTS = 5000  # progress=None일 때 이보다 많으면 진행 막대를 보입니다
_SEP = "\x1f"  # MeCab 출력에서 형태소를 나누는 구분 문자 (정제한 텍스트에는 없음)
_MECAB_FORMAT = [f"--node-format=%m{_SEP}", f"--unk-format=%m{_SEP}", "--eos-format="]


def df_cleaning(df: pd.DataFrame, column: str, report: bool = False) -> pd.DataFrame:
    """Return df without NaN rows and duplicate `column` values, index reset."""
    out = df.dropna().drop_duplicates(subset=column).reset_index(drop=True)
    out.attrs.update(df.attrs)
    if report:
        print(f"결측치·중복 제거: {len(df):,} -> {len(out):,} 행 (rows)")
    return out


def clean_text(s: str) -> str:
    """Return `s` cleaned by the lecture's three regexes (P1, P2, P3, in order)."""
    s = P1.sub(" ", s)
    s = P2.sub("", s)
    return P3.sub(" ", s)


def clean_texts(texts) -> list[str]:
    """Return clean_text applied to every text of a list or Series."""
    return [clean_text(s) for s in texts]


def map_labels(labels) -> np.ndarray:
    """Return the labels as an int64 array (일상대화 -> 0, 스팸문자 -> 1)."""
    values = pd.Series(labels)
    if values.isin([0, 1]).all():  # 이미 0/1이면 그대로 씁니다
        return values.to_numpy(dtype=np.int64)
    unknown = sorted(set(values[~values.isin(list(LABEL_MAP))].astype(str)))
    if unknown:
        raise NlpPPError(
            f"알 수 없는 레이블 {unknown}: '일상대화' 또는 '스팸문자'만 쓸 수 있습니다.",
            f"Unknown label(s) {unknown}: only '일상대화' and '스팸문자' are allowed.",
        )
    return values.map(LABEL_MAP).to_numpy(dtype=np.int64)


# ---------------------------------------------------------------------------
# 형태소 분석 (MeCab)
# ---------------------------------------------------------------------------

_NO_MECAB_KO = (
    "python-mecab-ko를 불러올 수 없습니다. `pip install python-mecab-ko`로 설치하세요. "
    "Python 3.13 이상에는 python-mecab-ko 1.3.7 설치 파일(wheel)이 없으니 "
    "tokenizer=pp.KiwiTokenizer()를 쓰세요 (토큰이 MeCab과 조금 다릅니다)."
)
_NO_MECAB_EN = (
    "python-mecab-ko cannot be imported. Install it with `pip install "
    "python-mecab-ko`. On Python >= 3.13 (no wheels for 1.3.7) pass "
    "tokenizer=pp.KiwiTokenizer() instead (its tokens differ slightly from MeCab's)."
)


@lru_cache(maxsize=1)
def _default_mecab():
    """Return a shared mecab.MeCab() (NlpPPError if python-mecab-ko is missing)."""
    try:
        from mecab import MeCab
    except ImportError as exc:
        raise NlpPPError(_NO_MECAB_KO, _NO_MECAB_EN) from exc
    return MeCab()


def _mecab_spec(tokenizer) -> tuple | None:
    """Return (system dic dir, user dic paths) of a mecab.MeCab, else None."""
    try:
        from mecab import Dictionary, MeCab
    except ImportError:
        return None
    if not isinstance(tokenizer, MeCab):
        return None
    dics = tokenizer.dictionary
    system = [d.path.parent for d in dics if d.type == Dictionary.Type.SYSTEM]
    users = tuple(str(d.path) for d in dics if d.type == Dictionary.Type.USER)
    return (str(system[0]), users) if len(system) == 1 else None


@lru_cache(maxsize=4)
def _fast_tagger(spec: tuple):
    """Return a C tagger with the MeCab's dictionaries that prints surfaces only."""
    import _mecab
    from mecab import mecabrc_path

    sysdic, users = spec
    options = ["--rcfile", str(mecabrc_path), "--dicdir", sysdic]
    if users:
        options += ["--userdic", ",".join(f'"{u}"' for u in users)]
    return _mecab.Tagger(options + _MECAB_FORMAT)


@lru_cache(maxsize=4)
def _slow_mecab(spec: tuple):
    """Return a mecab.MeCab on the same dictionaries (for texts holding _SEP)."""
    from mecab import MeCab

    sysdic, users = spec
    return MeCab(sysdic, list(users) or None)


# 작업 프로세스 안에서만 채워지는 작업 내용 (texts, spec, clean, post)
_JOB: dict = {}


def _set_job(job: dict) -> None:
    """Store the job in a worker process (fork: inherited, nothing is pickled)."""
    _JOB.update(job)


def _post(tokens: list[str], post: tuple) -> list[str]:
    """Return tokens after the optional stopword and jamo steps of `post`."""
    stopwords, jamo = post
    if stopwords:
        tokens = list(filterfalse(stopwords.__contains__, tokens))
    if jamo:
        tokens = list(map(decompose_token, tokens))
    return tokens


def _mecab_chunk(bounds: tuple[int, int], job: dict | None = None) -> list:
    """Return MeCab output for texts[a:b] of the job (raw str or token list)."""
    a, b = bounds
    job = _JOB if job is None else job
    texts, spec, clean, post = job["texts"], job["spec"], job["clean"], job["post"]
    parse = _fast_tagger(spec).parse
    out = []
    for text in texts[a:b]:
        if clean:
            text = clean_text(text)
        if _SEP in text or "\0" in text:  # 드문 경우: 느린 길로 정확히 분석
            out.append(_post(_slow_mecab(spec).morphs(text), post))
        elif any(post):
            tokens = _post(parse(text).split(_SEP)[:-1], post)
            out.append(_SEP.join(tokens) + _SEP if tokens else "")
        else:
            out.append(parse(text))  # 문자열 하나로 돌려보내 전송 비용을 줄입니다
    return out


def _as_tokens(item) -> list[str]:
    """Return a token list from a raw MeCab output string or a token list."""
    return item.split(_SEP)[:-1] if isinstance(item, str) else item


def _cpu_count() -> int:
    """Return the number of CPU cores this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _n_workers(texts: list, n_jobs: int | None) -> int:
    """Return how many processes to use (1 unless fork is available and it pays)."""
    if n_jobs is None:
        if len(texts) <= MP_MIN_TEXTS and sum(map(len, texts)) <= MP_MIN_CHARS:
            return 1
        n_jobs = _cpu_count()
    if n_jobs <= 1 or "fork" not in mp.get_all_start_methods():
        return 1
    return 1 if mp.current_process().daemon else int(n_jobs)


def _progress_bar(total: int, progress: bool | None, desc: str):
    """Return a tqdm bar (notebook widget when ipywidgets exists, else text)."""
    import importlib.util

    if importlib.util.find_spec("ipywidgets") is not None:
        from tqdm.auto import tqdm
    else:  # ipywidgets가 없으면 tqdm.auto는 노트북에서 오류를 냅니다
        from tqdm import tqdm
    show = total > PROGRESS_MIN_TEXTS if progress is None else bool(progress)
    return tqdm(total=total, desc=desc, unit="문서", disable=not show)


def _chunks(n: int, workers: int) -> list[tuple[int, int]]:
    """Return (start, stop) bounds splitting n items into balanced chunks."""
    size = max(25, min(1000, n // (workers * 8) or 1))
    return [(a, min(a + size, n)) for a in range(0, n, size)]


def _run_mecab(texts: list, spec: tuple, workers: int, progress, *, clean=False,
               post=(None, False)) -> list[list[str]]:
    """Return token lists of texts with the fast C tagger, in `workers` processes."""
    job = {"texts": texts, "spec": spec, "clean": clean, "post": post}
    bounds = _chunks(len(texts), workers)
    out: list[list[str]] = []
    with _progress_bar(len(texts), progress, "형태소 분석") as bar:
        if workers > 1:
            # fork: 작업 프로세스가 texts를 복사 없이 물려받고, 결과만 돌려보냅니다.
            ctx = mp.get_context("fork")
            with ctx.Pool(min(workers, len(bounds)), _set_job, (job,)) as pool:
                for chunk in pool.imap(_mecab_chunk, bounds):
                    out.extend(map(_as_tokens, chunk))
                    bar.update(len(chunk))
        else:
            for a_b in bounds:
                chunk = _mecab_chunk(a_b, job)
                out.extend(map(_as_tokens, chunk))
                bar.update(len(chunk))
    return out


def _run_generic(texts: list, tokenizer, progress) -> list[list[str]]:
    """Return tokenizer.morphs(text) for every text (batch method if it has one)."""
    if not callable(getattr(tokenizer, "morphs", None)):
        raise NlpPPError(
            "tokenizer에는 morphs(text) 메서드가 있어야 합니다 (예: mecab.MeCab()).",
            "The tokenizer needs a morphs(text) method (e.g. mecab.MeCab()).",
        )
    batch = getattr(tokenizer, "morphs_batch", None)
    out: list[list[str]] = []
    with _progress_bar(len(texts), progress, "형태소 분석") as bar:
        for a, b in _chunks(len(texts), 1):
            part = texts[a:b]
            out.extend(batch(part) if batch else map(tokenizer.morphs, part))
            bar.update(len(part))
    return out


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


def tokenize(texts, tokenizer=None, *, n_jobs: int | None = None,
             progress: bool | None = None) -> list[list[str]]:
    """Return the morphemes of every text, identical to MeCab().morphs(text)."""
    texts = _check_texts(texts)
    tokenizer = _default_mecab() if tokenizer is None else tokenizer
    spec = _mecab_spec(tokenizer)
    if spec is None:  # MeCab이 아닌 분석기: morphs()를 그대로 씁니다
        return _run_generic(texts, tokenizer, progress)
    return _run_mecab(texts, spec, _n_workers(texts, n_jobs), progress)


class KiwiTokenizer:
    """A MeCab-free tokenizer (kiwipiepy) with .morphs(text); tokens differ from MeCab."""

    def __init__(self, warn: bool = True, **kiwi_options):
        try:
            from kiwipiepy import Kiwi
        except ImportError as exc:
            raise NlpPPError(
                "kiwipiepy를 불러올 수 없습니다. `pip install kiwipiepy`로 설치하세요.",
                "kiwipiepy cannot be imported: install it with `pip install kiwipiepy`.",
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
    """Return every document's tokens without the stopwords (frozenset lookup)."""
    stop = stopwords if isinstance(stopwords, frozenset) else frozenset(stopwords)
    return [list(filterfalse(stop.__contains__, doc)) for doc in token_lists]


def preprocess_texts(texts, stopwords=None, tokenizer=None, *, n_jobs=None,
                     progress=None) -> list[list[str]]:
    """Return jamo token lists: clean_text -> tokenize -> remove_stopword -> jamo."""
    if stopwords is None:
        from .data import download_stopword_list

        stopwords = download_stopword_list()
    stop = frozenset(stopwords)
    texts = _check_texts(texts)
    tokenizer = _default_mecab() if tokenizer is None else tokenizer
    spec = _mecab_spec(tokenizer)
    if spec is None:
        tokens = _run_generic(clean_texts(texts), tokenizer, progress)
        return [_post(doc, (stop, True)) for doc in tokens]
    # MeCab이면 네 단계를 작업 프로세스 안에서 한 번에 처리합니다 (결과는 같습니다).
    return _run_mecab(texts, spec, _n_workers(texts, n_jobs), progress,
                      clean=True, post=(stop, True))
