"""Load the spam corpus (file -> cache -> download -> offline corpus).

Downloads go into `cache_dir()` through a temporary file that replaces the cached
copy only after it has been checked, so a broken download never spoils a good
cache. `NLP_PP_OFFLINE=1` turns the network off; `NLP_PP_DATA` (or `path=`)
points at a local `spam_SNS.csv` and then nothing is downloaded at all.
"""

from __future__ import annotations

import os
import urllib.request
import warnings
from http.client import HTTPException
from pathlib import Path

import pandas as pd

from .errors import DownloadError, NlpPPError
from .schema import COLUMNS, LABELS, SPAM_CLASSES
from .settings import atomic_file, cache_dir

__all__ = [
    "LABELS",
    "SPAM_CLASSES",
    "SPAM_FILE",
    "SPAM_URL",
    "download",
    "load_csv",
    "load_spam_sns",
    "validate_frame",
    "validate_spam_frame",
]

_BASE = "https://raw.githubusercontent.com/tbvjvsladla/ASH_NLP_lacture/main"
SPAM_URL = f"{_BASE}/spam_SNS.csv"
SPAM_FILE = "spam_SNS.csv"


def offline() -> bool:
    """Return True when NLP_PP_OFFLINE asks for no network access."""
    return os.environ.get("NLP_PP_OFFLINE", "").strip().lower() in {"1", "true", "yes"}


def _fetch(url: str, timeout: float) -> bytes:
    """Return the body of `url`; any network failure raises NlpPPError."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read()
    except (OSError, HTTPException, ValueError) as exc:
        raise DownloadError(
            f"{url}을(를) 내려받지 못했습니다 ({type(exc).__name__}: {exc}). "
            "인터넷 연결을 확인하세요.",
            f"Could not download {url} ({type(exc).__name__}: {exc}). "
            "Check the internet connection.",
        ) from exc


def download(url: str, fname: str, timeout: float = 10, force: bool = False,
             *, validate=None) -> Path:
    """Return the cached path of `url`, downloading it once (atomic, checked)."""
    target = cache_dir() / fname
    if target.exists() and not force:
        return target  # 캐시가 있으면 다시 받지 않습니다
    if offline():
        raise DownloadError(
            f"NLP_PP_OFFLINE이 켜져 있어 {url}을(를) 내려받지 않았습니다.",
            f"NLP_PP_OFFLINE is set, so {url} was not downloaded.",
        )
    body = _fetch(url, timeout)
    # 임시 파일에 먼저 쓰고, 검사를 통과한 뒤에만 캐시 파일과 바꿉니다 (원자적 교체).
    try:
        with atomic_file(target) as (fh, tmp):
            fh.write(body)
            fh.flush()
            if validate is not None:
                _check_download(validate, tmp)
    except OSError as exc:
        raise _cache_error(target.parent, exc) from exc
    return target


def _check_download(validate, path: Path) -> None:
    """Run `validate` on a downloaded file; a broken body is a DownloadError."""
    try:
        validate(path)
    except NlpPPError as exc:  # 받은 내용이 망가졌으면 다운로드 실패입니다
        raise DownloadError(f"받은 파일이 올바르지 않습니다: {exc.ko}",
                            f"The downloaded file is invalid: {exc.en}") from exc


def _cache_error(folder, exc: OSError) -> NlpPPError:
    """Return the error for a cache folder that cannot be written."""
    return NlpPPError(
        f"캐시 폴더 {folder}에 쓸 수 없습니다 ({type(exc).__name__}: {exc}). 권한을 "
        "확인하거나 환경 변수 NLP_PP_CACHE로 쓸 수 있는 폴더를 지정하세요.",
        f"Cannot write to the cache folder {folder} ({type(exc).__name__}: {exc}). "
        "Check its permissions or point NLP_PP_CACHE to a writable folder.",
    )


def validate_frame(df: pd.DataFrame, text_col: str = "content",
                   label_col: str = "class", labels=None) -> pd.DataFrame:
    """Return df[[text_col, label_col]] after checking columns, rows and labels."""
    missing = [c for c in (text_col, label_col) if c not in df.columns]
    if missing:
        raise NlpPPError(
            f"데이터에 {missing} 열이 없습니다 (있는 열: {list(df.columns)}). "
            f"글이 든 열과 레이블 열을 text_col={text_col!r}, label_col={label_col!r}로 "
            "알려 주거나 열 이름을 바꾸세요 (스팸 데이터: content, class).",
            f"The data lacks column(s) {missing} (found {list(df.columns)}). Name the "
            "text and label columns with text_col= and label_col= "
            "(spam data: content, class).",
        )
    if df.empty:
        raise NlpPPError("데이터에 행이 하나도 없습니다.", "The data has no rows.")
    if labels is not None:
        unknown = sorted(set(df[label_col].dropna()) - set(labels), key=str)
        if unknown:
            raise NlpPPError(
                f"{label_col} 열에 알 수 없는 레이블 {unknown}이(가) 있습니다. "
                f"레이블은 {list(labels)}만 쓸 수 있습니다.",
                f"Unknown label(s) {unknown} in column {label_col}: "
                f"only {list(labels)} are allowed.",
            )
    out = df[[text_col, label_col]]
    out.attrs.update(df.attrs)
    return out


def validate_spam_frame(df: pd.DataFrame) -> pd.DataFrame:
    """Return df[["content", "class"]] checked against the spam schema."""
    out = validate_frame(df, *COLUMNS, labels=SPAM_CLASSES)
    out.attrs["classes"] = SPAM_CLASSES  # 레이블 순서: 일상대화 -> 0, 스팸문자 -> 1
    return out


def _read_csv(path, encoding: str) -> pd.DataFrame:
    """Return the frame in a CSV file, with clear errors for path and encoding."""
    if not Path(path).is_file():
        raise NlpPPError(f"파일 {path}이(가) 없습니다. 경로를 확인하세요.",
                         f"There is no file {path}: check the path.")
    try:
        return pd.read_csv(path, encoding=encoding)
    except UnicodeDecodeError as exc:
        raise NlpPPError(
            f"{path}을(를) {encoding} 인코딩으로 읽을 수 없습니다. 엑셀에서 저장한 한국어 "
            "CSV는 흔히 cp949(EUC-KR)입니다: encoding='cp949'를 주거나 파일을 UTF-8로 "
            "다시 저장하세요.",
            f"{path} is not valid {encoding} text. Korean CSV files saved by Excel are "
            "often cp949 (EUC-KR): pass encoding='cp949' or re-save the file as UTF-8.",
        ) from exc
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise NlpPPError(f"{path}을(를) CSV로 읽을 수 없습니다: {exc}",
                         f"{path} cannot be read as a CSV file: {exc}") from exc


def load_csv(path, text_col: str = "content", label_col: str = "class",
             encoding: str = "utf-8-sig") -> pd.DataFrame:
    """Return DataFrame[text_col, label_col] read from any labelled CSV file."""
    df = validate_frame(_read_csv(Path(path).expanduser(), encoding), text_col,
                        label_col)
    df.attrs["source"] = "file"
    return df


def _read_spam_csv(path, encoding: str = "utf-8-sig") -> pd.DataFrame:
    """Return the checked frame read from a spam CSV file."""
    return validate_spam_frame(_read_csv(path, encoding))


def _reason(exc: BaseException) -> str:
    """Return the last line of an exception's message (its English line)."""
    lines = str(exc).splitlines()
    return lines[-1] if lines else type(exc).__name__


def _offline_note(reason: str) -> str:
    """Return the Korean and English note shown when the offline corpus is used."""
    return (
        "[오프라인 데이터] 실제 spam_SNS.csv를 쓸 수 없어 이 책은 nlp_pp가 만든 "
        f"한국어 문자 말뭉치로 실행됩니다 ({reason}). 실제 데이터로 실행하려면 "
        "spam_SNS.csv를 내려받아 load_spam_sns(path=...)에 경로를 주거나 "
        "환경 변수 NLP_PP_DATA에 그 경로를 지정하세요.\n"
        "[offline data] The real spam_SNS.csv is not available, so this book runs "
        f"on the generated Korean SMS corpus of nlp_pp ({reason}). To use the real "
        "data, download spam_SNS.csv and pass path=... or set NLP_PP_DATA to it."
    )


def _tag(df: pd.DataFrame, source: str, report: bool) -> pd.DataFrame:
    """Return df with df.attrs['source'] and ['classes'] set, one line if report."""
    df = df.reset_index(drop=True)
    df.attrs.update(source=source, classes=SPAM_CLASSES)
    if report:
        print(f"데이터 출처(source): {source}, 문서 수: {len(df):,}")
    return df


def load_spam_sns(path=None, *, offline_n: int = 6000, seed: int = 0,
                  encoding: str = "utf-8-sig", report: bool = False) -> pd.DataFrame:
    """Return the spam corpus DataFrame[content, class] (attrs['source'] says whence).

    Only a failed download (no network, NLP_PP_OFFLINE=1, a broken body) falls back to
    the generated offline corpus; a local problem such as an unwritable cache raises.
    """
    path = path or os.environ.get("NLP_PP_DATA")
    if path:  # 경로가 주어지면 네트워크는 건드리지 않습니다
        frame = _read_spam_csv(Path(path).expanduser(), encoding)
        return _tag(frame, "file", report)
    cached = cache_dir() / SPAM_FILE
    if cached.exists():
        try:
            return _tag(_read_spam_csv(cached), "cache", report)
        except NlpPPError as exc:
            warnings.warn(f"캐시 파일을 쓸 수 없습니다 / unusable cache: {exc}",
                          stacklevel=2)
    try:
        got = download(SPAM_URL, SPAM_FILE, force=cached.exists(),
                       validate=_read_spam_csv)
        return _tag(_read_spam_csv(got), "download", report)
    except DownloadError as exc:
        reason = "NLP_PP_OFFLINE=1" if offline() else _reason(exc)
        warnings.warn(_offline_note(reason), UserWarning, stacklevel=2)
    from .corpus import make_sms_corpus  # 필요할 때만 불러옵니다

    return _tag(make_sms_corpus(offline_n, seed=seed), "offline", report)
