"""The MeCab engine behind `pp.tokenize` and `pp.preprocess_texts`.

Which MeCab: `default_tokenizer()` returns python-mecab-ko's ``MeCab()`` (the
lecture's analyser). Where python-mecab-ko is missing (it ships no wheels for
Python >= 3.13), it falls back to `MecabKoTokenizer`, the same MeCab-ko engine
through the ``mecab-ko`` package, and says so in one line: its dictionary build
differs, so a few tokens may differ.

Why it is fast, with the same tokens as ``MeCab().morphs(text)``:

1. MeCab's C analyser prints only the surface of every morpheme, each followed
   by ``SEP`` (``\\x1f``), so no Python object is built per morpheme. This uses
   python-mecab-ko's private ``_mecab.Tagger``, which is why the package pins
   python-mecab-ko to one version (1.3.7). A text that holds ``SEP`` or NUL
   itself takes the slow, exact path (the tokenizer's own ``morphs``).
2. Stopwords and jamo are one dict lookup per token: a `TokenTable` maps each
   token to its output (``""`` drops a stopword) and learns every new token once.
3. Large inputs are split into chunks that several processes take in turn
   (`nlp_pp.mecab_parallel`, whose `analyse` runs the engine over many texts).
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from .errors import NlpPPError
from .hangul import decompose_token

__all__ = [
    "FORMAT",
    "SEP",
    "Engine",
    "MecabKoTokenizer",
    "TokenTable",
    "cpu_count",
    "default_tokenizer",
    "engine_for",
]

SEP = "\x1f"  # MeCab 출력에서 형태소를 나누는 구분 문자 (정제한 텍스트에는 없음)
FORMAT = (f"--node-format=%m{SEP}", f"--unk-format=%m{SEP}", "--eos-format=")


def cpu_count() -> int:
    """Return the number of CPU cores this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


# ---------------------------------------------------------------------------
# 어떤 MeCab을 쓸까: python-mecab-ko, 없으면 mecab-ko
# ---------------------------------------------------------------------------

FALLBACK_NOTE = (
    "[MeCab] python-mecab-ko가 없어 mecab-ko(같은 MeCab-ko 엔진, 다른 사전 빌드)로 "
    "분석합니다: 토큰이 책과 조금 다를 수 있습니다. / python-mecab-ko is missing, so "
    "mecab-ko (same MeCab-ko engine, another dictionary build) analyses the text: "
    "tokens may differ slightly from the book's."
)
_NO_MECAB_KO = (
    "MeCab을 불러올 수 없습니다. Python 3.12 이하는 `pip install python-mecab-ko==1.3.7`, "
    "Python 3.13 이상은 `pip install mecab-ko`로 설치하세요. MeCab 없이 하려면 "
    "`pip install kiwipiepy` 후 tokenizer=pp.KiwiTokenizer()를 쓰세요 (토큰이 다릅니다)."
)
_NO_MECAB_EN = (
    "MeCab cannot be imported. Install it with `pip install python-mecab-ko==1.3.7` "
    "on Python <= 3.12 or `pip install mecab-ko` on Python >= 3.13. Without MeCab, "
    "`pip install kiwipiepy` and pass tokenizer=pp.KiwiTokenizer() (other tokens)."
)


class MecabKoTokenizer:
    """MeCab-ko through the `mecab-ko` package, with .morphs(text) like mecab.MeCab."""

    def __init__(self, dicdir: str | None = None):
        import mecab_ko  # ImportError if mecab-ko is not installed

        args = f'-d "{dicdir}"' if dicdir else ""
        self._tagger = mecab_ko.Tagger(args)  # 품사까지 내는 보통 분석기 (느린 길)
        self._surfaces = mecab_ko.Tagger(" ".join([args, *FORMAT]))  # 표면형만

    def parse_surfaces(self, text: str) -> str:
        """Return the surfaces of `text`, each followed by SEP (no SEP in text)."""
        return self._surfaces.parse(text)

    def morphs(self, text: str) -> list[str]:
        """Return the surface forms of the morphemes of `text`."""
        if SEP not in text and "\0" not in text:
            return self.parse_surfaces(text).split(SEP)[:-1]
        out, node = [], self._tagger.parseToNode(text)
        while node is not None:
            if node.surface:  # 문장의 처음(BOS)과 끝(EOS) 노드는 표면형이 없습니다
                out.append(node.surface)
            node = node.next
        return out


@lru_cache(maxsize=1)
def default_tokenizer():
    """Return python-mecab-ko's MeCab(), else a MecabKoTokenizer (with a note)."""
    try:
        from mecab import MeCab
    except ImportError:
        pass
    else:
        return MeCab()
    try:
        tokenizer = MecabKoTokenizer()
    except ImportError as exc:
        raise NlpPPError(_NO_MECAB_KO, _NO_MECAB_EN) from exc
    warnings.warn(FALLBACK_NOTE, UserWarning, stacklevel=3)
    return tokenizer


# ---------------------------------------------------------------------------
# 빠른 분석기: 표면형만 출력하는 C 분석기
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Engine:
    """How to analyse one text: fast (surfaces + SEP) and exact slow (token list)."""

    parse: Callable[[str], str]
    morphs: Callable[[str], list]


def _mecab_spec(tokenizer) -> tuple | None:
    """Return (system dic dir, user dic paths) of a plain mecab.MeCab, else None."""
    try:
        from mecab import Dictionary, MeCab
    except ImportError:
        return None
    kind = type(tokenizer)
    if not isinstance(tokenizer, MeCab) or (kind.morphs, kind.parse) != (
            MeCab.morphs, MeCab.parse):
        return None  # morphs나 parse를 바꾼 하위 클래스는 그 메서드를 그대로 씁니다
    dics = tokenizer.dictionary
    system = [d.path.parent for d in dics if d.type == Dictionary.Type.SYSTEM]
    users = tuple(str(d.path) for d in dics if d.type == Dictionary.Type.USER)
    return (str(system[0]), users) if len(system) == 1 else None


@lru_cache(maxsize=4)
def _fast_tagger(spec: tuple):
    """Return a C tagger with the MeCab's dictionaries that prints surfaces only."""
    import _mecab  # python-mecab-ko의 비공개 API: 그래서 버전을 1.3.7로 고정합니다
    from mecab import mecabrc_path

    sysdic, users = spec
    options = ["--rcfile", str(mecabrc_path), "--dicdir", sysdic]
    if users:
        options += ["--userdic", ",".join(f'"{u}"' for u in users)]
    return _mecab.Tagger(options + list(FORMAT))


def engine_for(tokenizer) -> Engine | None:
    """Return the fast engine of a MeCab tokenizer, None for any other tokenizer."""
    if isinstance(tokenizer, MecabKoTokenizer):
        return Engine(tokenizer.parse_surfaces, tokenizer.morphs)
    spec = _mecab_spec(tokenizer)
    if spec is None:
        return None
    return Engine(_fast_tagger(spec).parse, tokenizer.morphs)


class TokenTable(dict):
    """token -> output token ('' drops it): stopwords out, jamo in, learnt once."""

    def __init__(self, stopwords=(), jamo: bool = False):
        super().__init__(dict.fromkeys(stopwords, ""))
        self[""] = ""  # MeCab 출력 끝의 빈 조각
        self.jamo = jamo

    def __missing__(self, token: str) -> str:
        out = self[token] = decompose_token(token) if self.jamo else token
        return out

    def apply(self, tokens) -> list[str]:
        """Return the output tokens of `tokens` (stopwords dropped)."""
        return list(filter(None, map(self.__getitem__, tokens)))
