"""Many texts through the MeCab engine: chunks taken in turn by several processes.

Large inputs are split into chunks of about ``CHUNK_CHARS`` characters that this
process and ``cpu_count() - 1`` forked processes take in turn from a shared counter.
A forked process inherits the texts and the tagger without copying or pickling,
cleans and analyses, and sends back MeCab's output string of each text, chunk by
chunk; this process turns those strings into token lists between its own chunks,
with one `TokenTable` for all of them.
"""

from __future__ import annotations

import multiprocessing as mp
import sys
import warnings
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate

from .mecab_engine import SEP, Engine, TokenTable, cpu_count

__all__ = ["analyse", "chunk_bounds", "n_workers", "progress_bar"]

# 문서가 이보다 많거나 글자가 이보다 많으면 여러 프로세스로 나눠 분석합니다
MP_MIN_TEXTS = 1000
MP_MIN_CHARS = 50_000
CHUNK_CHARS = 16_000  # 한 번에 가져가는 일의 크기 (MeCab으로 약 15 ms)
MIN_CHUNK_CHARS = 1_000  # 끝 무렵의 가장 작은 조각
PROGRESS_MIN_TEXTS = 5000  # progress=None일 때 이보다 많으면 진행 막대를 보입니다


# ---------------------------------------------------------------------------
# 일 나누기: 조각(chunk) 단위, 공유 카운터에서 차례로 가져갑니다
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Job:
    texts: list
    bounds: list
    engine: Engine
    clean: Callable[[str], str] | None


def _run_chunk(job: _Job, a: int, b: int) -> list:
    """Return MeCab's output for texts[a:b]: surfaces + SEP, or a token list."""
    parse, clean = job.engine.parse, job.clean
    out = []
    for text in job.texts[a:b]:
        if clean is not None:
            text = clean(text)
        if SEP in text or "\0" in text:  # 드문 경우: 느린 길로 정확히 분석
            out.append(job.engine.morphs(text))
        else:
            out.append(parse(text))  # 문자열 하나: 보내기도 나누기도 빠릅니다
    return out


def _as_tokens(items: list, table: TokenTable | None) -> list[list[str]]:
    """Return the token lists of _run_chunk's items, mapped by `table` if given."""
    out = []
    for item in items:
        if item.__class__ is not str:  # 느린 길의 토큰 리스트
            out.append(item if table is None else table.apply(item))
        elif table is None:
            tokens = item.split(SEP)
            tokens.pop()  # 마지막 SEP 뒤의 빈 조각
            out.append(tokens)
        else:  # 마지막 빈 조각은 table이 ""로 바꾸고 apply가 버립니다
            out.append(table.apply(item.split(SEP)))
    return out


def chunk_bounds(texts: list, workers: int) -> list[tuple[int, int]]:
    """Return (start, stop) bounds of chunks of at most about CHUNK_CHARS characters."""
    ends = list(accumulate(map(len, texts), initial=0))  # ends[i]: texts[:i]의 글자 수
    n, total = len(texts), ends[-1]
    bounds, a = [], 0
    while a < n:
        # 남은 일이 줄수록 조각을 작게 자릅니다: 마지막 조각이 짧아야 먼저 끝난
        # 프로세스가 오래 기다리지 않습니다 (조각은 프로세스마다 적어도 네 개).
        left = (total - ends[a]) // (4 * workers)
        target = max(MIN_CHUNK_CHARS, min(CHUNK_CHARS, left))
        b = min(n, max(a + 1, bisect_right(ends, ends[a] + target) - 1))
        bounds.append((a, b))
        a = b
    return bounds


def _can_fork() -> bool:
    """Return True where forked workers are safe and cheap (Linux, not a daemon)."""
    return sys.platform.startswith("linux") and not mp.current_process().daemon


def n_workers(texts: list, n_jobs: int | None) -> int:
    """Return how many processes to use (1 unless forking is possible and pays)."""
    if n_jobs is None:
        small = len(texts) < MP_MIN_TEXTS and sum(map(len, texts)) < MP_MIN_CHARS
        n_jobs = 1 if small else cpu_count()
    return int(n_jobs) if n_jobs > 1 and _can_fork() else 1


def progress_bar(total: int, progress: bool | None, desc: str = "형태소 분석"):
    """Return a tqdm bar (notebook widget when ipywidgets exists, else text)."""
    import importlib.util

    if importlib.util.find_spec("ipywidgets") is not None:
        from tqdm.auto import tqdm
    else:  # ipywidgets가 없으면 tqdm.auto는 노트북에서 오류를 냅니다
        from tqdm import tqdm
    show = total > PROGRESS_MIN_TEXTS if progress is None else bool(progress)
    return tqdm(total=total, desc=desc, unit="문서", disable=not show)


def _claim(counter, n: int):
    """Yield chunk numbers taken one at a time from a counter shared by processes."""
    while True:
        with counter.get_lock():
            i = counter.value
            counter.value = i + 1
        if i >= n:
            return
        yield i


def _child(job: _Job, counter, conn) -> None:
    """Work in a forked process: take chunks, send (chunk, items) for each, then None."""
    try:
        for i in _claim(counter, len(job.bounds)):
            conn.send((i, _run_chunk(job, *job.bounds[i])))
    finally:  # 실패해도 끝났다고 알립니다; 못 끝낸 조각은 부모가 다시 합니다
        conn.send(None)
        conn.close()


def _widen(conn) -> None:
    """Let a pipe hold 1 MiB (Linux), so a worker rarely waits for the reader."""
    try:
        import fcntl

        fcntl.fcntl(conn.fileno(), getattr(fcntl, "F_SETPIPE_SZ", 1031), 1 << 20)
    except (ImportError, OSError):
        pass  # 기본 크기(64 KiB)여도 결과는 같고, 조금 기다릴 뿐입니다


def _start_children(job: _Job, count: int, counter) -> list:
    """Fork `count` processes that run _child; return [(process, connection)]."""
    ctx = mp.get_context("fork")
    children = []
    with warnings.catch_warnings():
        # Python 3.12+는 스레드가 있는 프로세스(torch 등)의 fork를 경고합니다. 자식은
        # MeCab만 돌리고 os._exit로 끝나므로 부모 스레드의 잠금을 건드리지 않습니다
        # (tests/test_mecab_engine.py가 torch 스레드를 띄운 뒤 확인합니다).
        warnings.filterwarnings("ignore", ".*fork.*", DeprecationWarning)
        for _ in range(count):
            recv, send = ctx.Pipe(duplex=False)
            _widen(send)
            proc = ctx.Process(target=_child, args=(job, counter, send), daemon=True)
            proc.start()
            send.close()
            children.append((proc, recv))
    return children


def _receive(children: list, results: dict, table, bar, wait: bool) -> list:
    """Store what workers sent (all of it if `wait`); return those still working."""
    working = []
    for proc, recv in children:
        try:
            while wait or recv.poll():
                message = recv.recv()
                if message is None:  # 이 자식은 일을 마쳤습니다
                    break
                i, items = message
                results[i] = _as_tokens(items, table)
                bar.update(len(items))
            else:
                working.append((proc, recv))
        except EOFError:  # 자식이 죽었으면 그 조각은 analyse가 다시 합니다
            pass
    return working


def _run_parallel(job: _Job, table, workers: int, bar) -> dict:
    """Return {chunk: tokens}, analysed here and in workers - 1 forked processes."""
    counter = mp.get_context("fork").Value("q", 0)
    children = _start_children(job, workers - 1, counter)
    results, working = {}, children
    try:
        for i in _claim(counter, len(job.bounds)):  # 이 프로세스도 같이 일합니다
            results[i] = _as_tokens(_run_chunk(job, *job.bounds[i]), table)
            bar.update(len(results[i]))
            working = _receive(working, results, table, bar, wait=False)
        working = _receive(working, results, table, bar, wait=True)
    finally:
        for proc, recv in children:
            recv.close()
            if (proc, recv) in working:  # 오류로 중단할 때만: 남은 자식을 끝냅니다
                proc.terminate()
                proc.join()
            else:  # 다 보낸 자식이 끝나기를 기다리지 않습니다 (나중에 거둬 갑니다)
                proc.join(timeout=0)
    return results


def analyse(texts: list, engine: Engine, *, clean=None, table: TokenTable | None = None,
            n_jobs: int | None = None, progress: bool | None = None) -> list[list[str]]:
    """Return the tokens of every text (cleaned by `clean`, mapped by `table`)."""
    workers = n_workers(texts, n_jobs)
    bounds = chunk_bounds(texts, workers)
    workers = min(workers, len(bounds))
    job = _Job(texts, bounds, engine, clean)
    with progress_bar(len(texts), progress) as bar:
        results = _run_parallel(job, table, workers, bar) if workers > 1 else {}
        for i, (a, b) in enumerate(bounds):
            if i not in results:  # 한 프로세스일 때, 또는 자식이 못 끝낸 조각
                results[i] = _as_tokens(_run_chunk(job, a, b), table)
                bar.update(b - a)
    return [tokens for i in range(len(bounds)) for tokens in results[i]]
