"""benchmarks/bench_pipeline.py: its documents, and a tiny run that checks outputs."""

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "benchmarks" / "bench_pipeline.py"


def load_script():
    spec = importlib.util.spec_from_file_location("bench_pipeline", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_konlpy_docs_are_windows_cut_between_words(tmp_path, monkeypatch):
    """Windows of KoNLPy's texts: at most n_chars, starting and ending at a word."""
    corpus = tmp_path / "konlpy" / "data" / "corpus"
    (corpus / "kobill").mkdir(parents=True)
    (corpus / "kolaw").mkdir()
    (tmp_path / "konlpy" / "__init__.py").write_text("", encoding="utf-8")
    words = [f"낱말{i}" for i in range(2000)]
    (corpus / "kobill" / "1.txt").write_text(" ".join(words[:1000]), encoding="utf-8")
    (corpus / "kolaw" / "2.txt").write_text(" ".join(words[1000:]), encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    bench = load_script()
    docs = bench.konlpy_docs(50, 200, seed=1)
    assert docs == bench.konlpy_docs(50, 200, seed=1)  # 같은 시드, 같은 문서
    assert len(set(docs)) > 40
    known = set(words)
    for doc in docs:
        assert 150 <= len(doc) <= 200
        assert set(doc.split()) <= known  # 잘린 낱말이 없습니다


def test_a_tiny_run_compares_identical_outputs():
    pytest.importorskip("mecab", reason="MeCab (python-mecab-ko) is needed")
    run = subprocess.run(
        [sys.executable, str(SCRIPT), "--docs", "40", "--chars", "300", "--repeats",
         "1", "--end-to-end", "--stages"],
        capture_output=True, text=True, timeout=300, check=False)
    assert run.returncode == 0, run.stderr
    out = run.stdout
    assert out.count("outputs identical: True") == 2
    assert "ceiling is" in out and "RATIO END TO END" in out
    assert float(out.rsplit("RATIO ", 1)[1]) > 0
