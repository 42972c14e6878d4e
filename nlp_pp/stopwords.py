"""Korean stopwords: the lecture's list (downloaded once, cached) or the bundled one."""

from __future__ import annotations

import hashlib
import warnings
from functools import lru_cache
from importlib import resources
from pathlib import Path
from urllib.parse import urlparse

from .data import _BASE, _reason, download, offline
from .errors import DownloadError, NlpPPError

__all__ = ["STOPWORD_FILE", "STOPWORD_URL", "download_stopword_list", "korean_stopwords"]

STOPWORD_URL = f"{_BASE}/kr_stopword_list.txt"
STOPWORD_FILE = "kr_stopword_list.txt"


@lru_cache(maxsize=1)
def korean_stopwords() -> frozenset:
    """Return the bundled Korean stopword list as a frozenset."""
    text = (resources.files("nlp_pp") / "resources" / "ko_stopwords.txt").read_text(
        encoding="utf-8"
    )
    return _parse_stopwords(text)


def _parse_stopwords(text: str) -> frozenset:
    """Return the words of a one-word-per-line list (blank and # lines skipped)."""
    words = (line.strip() for line in text.splitlines())
    return frozenset(w for w in words if w and not w.startswith("#"))


def _check_stopword_file(path: Path) -> None:
    """Raise NlpPPError unless `path` is a non-empty UTF-8 word list (not HTML)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise NlpPPError("불용어 파일이 UTF-8이 아닙니다.",
                         "The stopword file is not UTF-8 text.") from exc
    if not _parse_stopwords(text) or text.lstrip()[:15].lower().startswith(
        ("<!doctype", "<html")
    ):
        raise NlpPPError("받은 불용어 파일이 비었거나 단어 목록이 아닙니다.",
                         "The downloaded stopword file is empty or not a word list.")


def download_stopword_list(url: str = STOPWORD_URL, *, offline_ok: bool = True
                           ) -> frozenset:
    """Return the stopwords at `url` (cached once; bundled list when offline)."""
    try:
        path = download(url, _stopword_fname(url), validate=_check_stopword_file)
        try:
            _check_stopword_file(path)
        except NlpPPError:  # 캐시가 망가졌으면 한 번 새로 받습니다
            path = download(url, path.name, force=True, validate=_check_stopword_file)
        return _parse_stopwords(path.read_text(encoding="utf-8-sig"))
    except DownloadError as exc:
        if not offline_ok:
            raise
        reason = "NLP_PP_OFFLINE=1" if offline() else _reason(exc)
        warnings.warn(
            "불용어 목록을 내려받지 못해 nlp_pp에 들어 있는 한국어 불용어 목록을 씁니다.\n"
            "The stopword list could not be downloaded; using the Korean stopword "
            f"list bundled with nlp_pp ({reason}).",
            UserWarning, stacklevel=2,
        )
    return korean_stopwords()


def _stopword_fname(url: str) -> str:
    """Return the cache file name for a stopword URL (hashed unless the default)."""
    if url == STOPWORD_URL:
        return STOPWORD_FILE
    name = Path(urlparse(url).path).name or "stopwords.txt"
    return f"{hashlib.sha1(url.encode()).hexdigest()[:10]}_{name}"
