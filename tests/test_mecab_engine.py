"""The MeCab engine: backend choice and fallback, chunks, token table, workers."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import types
from pathlib import Path
from typing import ClassVar

import pytest
from packaging.requirements import Requirement

import nlp_pp as pp
from nlp_pp import mecab_engine as engine
from nlp_pp import mecab_parallel as parallel

ROOT = Path(__file__).resolve().parents[1]


# ------------------------------------------------------------- small parts
def test_cpu_count():
    assert 1 <= engine.cpu_count() <= (os.cpu_count() or 1)


@pytest.mark.parametrize("lengths, workers", [
    ([], 1), ([0, 0, 0], 2), ([5] * 10, 1), ([1000] * 1000, 2), ([100_000, 3, 4], 2),
    ([7] * 50_000, 4),
])
def test_chunks_cover_every_text_once_in_order(lengths, workers):
    texts = ["가" * n for n in lengths]
    bounds = parallel.chunk_bounds(texts, workers)
    assert [i for a, b in bounds for i in range(a, b)] == list(range(len(texts)))
    assert all(b > a for a, b in bounds)
    for a, b in bounds:  # 한 조각은 CHUNK_CHARS를 넘지 않습니다 (긴 문서 하나는 예외)
        assert b - a == 1 or sum(lengths[a:b]) <= parallel.CHUNK_CHARS
    if sum(lengths) >= 4 * workers * parallel.CHUNK_CHARS:
        assert len(bounds) >= 4 * workers


def test_token_table_drops_stopwords_and_learns_each_token_once(monkeypatch):
    seen = []
    monkeypatch.setattr(engine, "decompose_token",
                        lambda t: seen.append(t) or pp.decompose_token(t))
    table = engine.TokenTable({"는", "에"}, jamo=True)
    tokens = ["나", "는", "학교", "에", "Web", "학교", "내셔날 "]
    assert table.apply(tokens) == ["ㄴㅏ_", "ㅎㅏㄱㄱㅛ_", "Web", "ㅎㅏㄱㄱㅛ_", "내셔날 "]
    assert table.apply(tokens) == table.apply(tokens)
    assert seen == ["나", "학교", "Web", "내셔날 "]  # 처음 본 토큰만 계산합니다
    plain = engine.TokenTable({"는"})
    assert plain.apply(tokens) == ["나", "학교", "에", "Web", "학교", "내셔날 "]


# ---------------------------------------------------------------- workers
def _words(text: str) -> str:
    """A stand-in for MeCab's surface output: words, each followed by SEP."""
    return "".join(w + engine.SEP for w in text.split())


WORDS = engine.Engine(_words, str.split)


def test_parallel_and_serial_runs_agree(monkeypatch):
    monkeypatch.setattr(parallel, "_can_fork", lambda: True)
    texts = [f"문서 {i} " + "가 나 다 " * (i % 50) for i in range(3000)]
    texts[7] = "구분\x1f문자"  # 느린 길
    expected = [t.split() for t in texts]
    table = engine.TokenTable({"나"}, jamo=True)
    jamo = [table.apply(doc) for doc in expected]
    for n_jobs in (1, 2, 3):
        assert parallel.analyse(texts, WORDS, n_jobs=n_jobs) == expected
        got = parallel.analyse(texts, WORDS, table=engine.TokenTable({"나"}, jamo=True),
                             n_jobs=n_jobs, progress=True)
        assert got == jamo
    assert parallel.analyse([], WORDS, n_jobs=2) == []


@pytest.mark.parametrize("how", ["exit", "raise"])
def test_a_failed_worker_is_made_up_for(monkeypatch, how, capfd):
    """When a forked worker dies or raises, this process redoes its chunks."""
    monkeypatch.setattr(parallel, "_can_fork", lambda: True)
    parent = os.getpid()

    def fragile(text):
        if os.getpid() != parent:
            if how == "exit":
                os._exit(3)
            raise RuntimeError("worker failed")
        return _words(text)

    texts = ["가 나 다 라 " * 30] * 2000
    got = parallel.analyse(texts, engine.Engine(fragile, str.split), n_jobs=2)
    assert got == [t.split() for t in texts]


def test_fork_after_torch_threads_does_not_hang():
    """Forked workers after torch ran its thread pool: no deadlock, same tokens."""
    pytest.importorskip("mecab", reason="MeCab (python-mecab-ko) is needed")
    script = textwrap.dedent("""
        import torch
        torch.set_num_threads(2)
        x = torch.randn(400, 400)
        for _ in range(20):
            x = torch.tanh(x @ x)  # torch의 스레드 풀이 돌고 난 뒤에 fork합니다
        import nlp_pp as pp
        from nlp_pp import mecab_engine as engine
        from nlp_pp import mecab_parallel as parallel
        from mecab import MeCab
        texts = ["오늘 회의는 오후 세 시에 열립니다 {}".format(i)
                 for i in range(parallel.MP_MIN_TEXTS + 500)]
        assert parallel.n_workers(texts, None) == engine.cpu_count()
        tagger = MeCab()
        expected = [tagger.morphs(t) for t in texts]
        assert pp.tokenize(texts, tagger) == expected
        assert pp.tokenize(texts, tagger, n_jobs=2) == expected
        print("ok", engine.cpu_count())
    """)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NLP_PP_OFFLINE": "1"}
    env.pop("OMP_NUM_THREADS", None)
    run = subprocess.run([sys.executable, "-c", script], capture_output=True,
                         text=True, timeout=180, env=env, check=False)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("ok")


# -------------------------------------------------- python-mecab-ko or mecab-ko
class _Node:
    def __init__(self, surface, following=None):
        self.surface, self.next = surface, following


class FakeTagger:
    """Stands in for mecab_ko.Tagger: words are morphemes, plus a mark."""

    made: ClassVar[list] = []

    def __init__(self, args=""):
        self.surfaces_only = "--node-format" in args
        FakeTagger.made.append(args)

    @staticmethod
    def morphemes(text):
        words = [w for w in text.split(" ") if w]
        return words + ["끝"] if words else []

    def parse(self, text):
        assert self.surfaces_only
        return "".join(w + "\x1f" for w in self.morphemes(text))

    def parseToNode(self, text):
        node = _Node("")  # EOS
        for word in reversed(self.morphemes(text)):
            node = _Node(word, node)
        return _Node("", node)  # BOS


@pytest.fixture
def only_mecab_ko(monkeypatch):
    """python-mecab-ko missing, a fake mecab-ko installed."""
    monkeypatch.setitem(sys.modules, "mecab", None)
    fake = types.SimpleNamespace(Tagger=FakeTagger)
    monkeypatch.setitem(sys.modules, "mecab_ko", fake)
    engine.default_tokenizer.cache_clear()
    yield
    engine.default_tokenizer.cache_clear()


def test_without_python_mecab_ko_tokenize_falls_back_to_mecab_ko(only_mecab_ko,
                                                                  monkeypatch):
    monkeypatch.setattr(parallel, "_can_fork", lambda: True)
    with pytest.warns(UserWarning) as record:
        assert pp.tokenize(["가 나", ""]) == [["가", "나", "끝"], []]
    note = str(record[0].message)
    assert "\n" not in note and "mecab-ko" in note
    assert "토큰이" in note and "tokens may differ slightly" in note
    tokenizer = engine.default_tokenizer()
    assert isinstance(tokenizer, engine.MecabKoTokenizer)
    assert engine.engine_for(tokenizer) is not None  # 빠른 길 (표면형만 출력)
    texts = [f"문장 {i} 하나" for i in range(3000)] + ["구분\x1f문자"]
    expected = [FakeTagger.morphemes(t) for t in texts]
    assert expected[-1] == ["구분\x1f문자", "끝"]  # 노드를 따라가는 느린 길
    assert pp.tokenize(texts, n_jobs=2) == expected
    assert pp.preprocess_texts(["학교 가"], stopwords={"가"}) == [
        ["ㅎㅏㄱㄱㅛ_", "ㄲㅡㅌ"]]


def test_mecab_ko_tokenizer_passes_a_dictionary_folder(only_mecab_ko):
    FakeTagger.made.clear()
    engine.MecabKoTokenizer(dicdir="/some/dic")
    dic = '-d "/some/dic"'
    assert FakeTagger.made == [dic, " ".join([dic, *engine.FORMAT])]


def test_python_mecab_ko_comes_first():
    pytest.importorskip("mecab", reason="MeCab (python-mecab-ko) is needed")
    import mecab

    engine.default_tokenizer.cache_clear()
    assert type(engine.default_tokenizer()) is mecab.MeCab


def test_real_mecab_ko_fast_path_equals_its_nodes():
    """Where mecab-ko is installed (Python >= 3.13): surfaces equal node surfaces."""
    pytest.importorskip("mecab_ko")
    tokenizer = engine.MecabKoTokenizer()
    texts = ["내셔날 지오그래픽 채널에서 봤어요", "", " ", "Happy 2024년 12월 25일",
             "ＡＢＣ 전각 문자와 한자 漢字"]
    for text in texts:
        nodes = tokenizer.morphs(text + "\x1f")  # 느린 길 (노드를 따라감)
        assert [t for t in nodes if t != "\x1f"] == tokenizer.morphs(text)


# ------------------------------------------------------------ dependencies
def _requirements(lines) -> dict:
    reqs = [Requirement(line) for line in lines]
    return {r.name: r for r in reqs}


def test_each_python_gets_its_mecab():
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    text = (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    lines = [s for s in text if s.strip() and not s.startswith("#")]
    for deps in (project["project"]["dependencies"], lines):
        found = _requirements(deps)
        old, new = found["python-mecab-ko"], found["mecab-ko"]
        assert str(old.specifier) == "==1.3.7"  # 비공개 _mecab API를 쓰므로 정확히 고정
        for version, has_old in (("3.10", True), ("3.12", True), ("3.13", False),
                                 ("3.14", False)):
            env = {"python_version": version}
            assert old.marker.evaluate(env) is has_old
            assert new.marker.evaluate(env) is not has_old
        assert "kiwipiepy" not in found  # Kiwi는 골라 쓰는 것: pip install nlp_pp[kiwi]
    assert project["project"]["optional-dependencies"]["kiwi"] == ["kiwipiepy"]
