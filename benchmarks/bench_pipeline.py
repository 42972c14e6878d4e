"""Throughput of the preprocessing pipeline on long Korean documents (run by hand).

    python benchmarks/bench_pipeline.py [--docs 1600] [--chars 1000]

Builds deterministic ~1,000-character documents from the offline SMS corpus (or
from a small sentence bank when the corpus module is missing), then prints docs/s
per stage, end to end, and for a naive baseline (MeCab().morphs per document, a
stopword *list*, uncached jamo, Python-loop encoding and padding). It also checks
that the fast tokenizer returns exactly MeCab().morphs for every document.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import time
from pathlib import Path

os.environ.setdefault("NLP_PP_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import nlp_pp as pp
from nlp_pp.hangul import decompose_token

SENTENCES = [
    "오늘 회의는 오후 세 시에 본관 2층 회의실에서 열립니다.",
    "[Web발신] 고객님만을 위한 특별 혜택! 지금 가입하면 첫 달 요금 50% 할인",
    "엄마 나 오늘 저녁 늦게 들어가 ㅠㅠ 밥 먼저 먹어",
    "내셔날 지오그래픽 다큐 재밌더라 ㅋㅋㅋ 다음 주에 같이 보자",
    "(광고) 최신 스마트폰 무료 교체 행사 진행 중! 자세한 내용은 링크를 확인하세요",
    "택배가 문 앞에 도착했습니다. 수령 후 확인 부탁드립니다.",
    "주말에 비 온다던데 우산 챙겨 가~ 감기 조심하고!!",
    "대출 한도 조회 무료! 신용등급 상관없이 최대 3000만원 당일 입금 가능합니다",
    "내일 아침 9시까지 보고서 내야 해서 오늘 밤새야 할 듯 ㅎㅎ",
    "축하드립니다! 경품 행사에 당첨되셨습니다 ▶ 수령은 아래 번호로 연락 주세요",
    "점심 뭐 먹을까? 김치찌개 아니면 칼국수 어때",
    "Happy birthday!! 생일 축하해 🎂🎉 올해도 건강하고 행복하자",
    "수강 신청 기간이 이번 주 금요일까지라서 미리 시간표를 짜 두는 게 좋겠어",
    "☎ 080-000-0000 수신 거부 무료, 투자 설명회 선착순 30명 모집",
]


def make_docs(n_docs: int, n_chars: int, seed: int = 0) -> list[str]:
    """Return n_docs deterministic documents of about n_chars characters."""
    try:
        messages = pp.make_sms_corpus(3000, seed=seed)["content"].tolist()
        source = "make_sms_corpus"
    except AttributeError:
        messages, source = SENTENCES, "sentence bank"
    rng = random.Random(seed)
    docs = []
    for _ in range(n_docs):
        parts, size = [], 0
        while size < n_chars:
            parts.append(rng.choice(messages))
            size += len(parts[-1]) + 1
        doc = ("\n" if rng.random() < 0.3 else " ").join(parts)
        docs.append(doc[:n_chars].rsplit(" ", 1)[0])  # 단어 중간에서 자르지 않습니다
    print(f"{n_docs} docs from {source}, mean {sum(map(len, docs)) / n_docs:.0f} chars")
    return docs


def _children_cpu() -> float:
    """Return the CPU seconds used so far by finished child processes."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


class Clock:
    """Times calls: wall seconds, CPU seconds of this process and of its children."""

    HEADER = (f"  {'stage':<30s} {'wall s':>7s} {'docs/s':>9s} {'cpu s':>7s} "
              f"{'child cpu s':>11s} {'idle est. docs/s':>16s}")

    def __init__(self, n: int):
        self.n, self.wall, self.idle = n, 0.0, 0.0

    def __call__(self, label: str, fn, *args, **kwargs):
        """Run fn(*args, **kwargs), print its timings, return its result."""
        own0, child0, t0 = time.process_time(), _children_cpu(), time.perf_counter()
        out = fn(*args, **kwargs)
        wall = time.perf_counter() - t0
        own, child = time.process_time() - own0, _children_cpu() - child0
        # 한가한 2코어 기계라면: 부모의 CPU 시간 + 자식들의 CPU 시간을 코어 수로 나눈 값
        idle = own + child / CORES
        self.wall, self.idle = self.wall + wall, self.idle + idle
        print(f"  {label:<30s} {wall:7.3f} {self.n / wall:9,.0f} {own:7.3f} "
              f"{child:11.3f} {self.n / idle:16,.0f}")
        return out

    def total(self, label: str) -> None:
        """Print the summed wall time and idle-machine estimate so far."""
        print(f"  {label:<30s} {self.wall:7.3f} {self.n / self.wall:9,.0f} "
              f"{'':7s} {'':11s} {self.n / self.idle:16,.0f}")
        self.wall = self.idle = 0.0


CORES = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1


def encode(tokens, rare_th=3):
    """Return the integer sequences of tokens with a vocabulary built on them."""
    counts = pp.count_words(tokens)
    word_to_idx, _ = pp.set_word_to_idx(pp.SPECIAL_TOKENS, pp.build_vocab(counts, rare_th))
    return pp.text_to_sequences(tokens, word_to_idx)


def naive(docs, stop_list, context_length):
    """Return padded rows the slow, straightforward way (the baseline)."""
    from jamo import h2j, j2hcj
    from mecab import MeCab

    tagger = MeCab()
    tokens = [tagger.morphs(pp.clean_text(d)) for d in docs]
    tokens = [[t for t in doc if t not in stop_list] for doc in tokens]
    tokens = [[j2hcj(h2j(t)) for t in doc] for doc in tokens]
    counts = {}
    for doc in tokens:
        for t in doc:
            counts[t] = counts.get(t, 0) + 1
    vocab = [w for w in sorted(counts, key=counts.get, reverse=True) if counts[w] >= 3]
    word_to_idx = {w: i + 2 for i, w in enumerate(vocab)}
    rows = []
    for doc in tokens:
        seq = [word_to_idx.get(t, 1) for t in doc][:context_length]
        rows.append(seq + [0] * (context_length - len(seq)))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=1600)
    parser.add_argument("--chars", type=int, default=1000)
    parser.add_argument("--context-length", type=int, default=330)
    parser.add_argument("--skip-naive", action="store_true")
    args = parser.parse_args()
    n, ctx = args.docs, args.context_length
    print("load average before:", os.getloadavg(), "cores:", CORES)
    docs = make_docs(n, args.chars)
    stop = pp.korean_stopwords()
    from mecab import MeCab

    tagger = MeCab()
    pp.tokenize(docs[:10], tagger)  # 사전을 미리 읽어 둡니다

    clock = Clock(n)
    print("per stage" + " " * 23 + Clock.HEADER[32:])
    decompose_token.cache_clear()
    clean = clock("clean_texts", pp.clean_texts, docs)
    tokens = clock("tokenize (MeCab, all cores)", pp.tokenize, clean, tagger)
    kept = clock("remove_stopword", pp.remove_stopword, tokens, stop)
    jamo = clock("decompose_jamo (cold cache)", pp.decompose_jamo, kept)
    seqs = clock("vocab + text_to_sequences", encode, jamo)
    padded = clock("pad_seq_x", pp.pad_seq_x, seqs, ctx)
    clock.total("sum of stages")

    print("end to end: preprocess_texts (clean, MeCab, stopwords, jamo in the")
    print("worker processes) + vocab/encode + pad")
    decompose_token.cache_clear()
    fused = clock("preprocess_texts", pp.preprocess_texts, docs, stop, tagger)
    fused_pad = clock("encode + pad", lambda: pp.pad_seq_x(encode(fused), ctx))
    clock.total("end to end")
    assert fused == jamo and (fused_pad == padded).all()

    print("tokenizer alone")
    single = clock("tokenize, 1 process", pp.tokenize, clean, tagger, n_jobs=1)
    reference = clock("MeCab().morphs per doc", lambda: [tagger.morphs(d) for d in clean])
    same = reference == tokens == single
    print(f"tokens identical to MeCab().morphs: {same} "
          f"({sum(map(len, tokens)) / n:.0f} morphemes/doc)")
    if not args.skip_naive:
        print("naive baseline (morphs, stopword list, uncached jamo, Python loops)")
        rows = clock("naive, end to end", naive, docs, list(stop), ctx)
        print(f"naive padded rows equal to ours: {(padded == rows).all()}")
    print("load average after:", os.getloadavg())
    if not same:
        raise SystemExit("token mismatch")


if __name__ == "__main__":
    main()
