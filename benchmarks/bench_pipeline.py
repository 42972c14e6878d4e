"""Speed of the preprocessing pipeline against the lecture's own code (run by hand).

    OMP_NUM_THREADS=1 python benchmarks/bench_pipeline.py [--docs 1575] [--repeats 7]
    OMP_NUM_THREADS=1 python benchmarks/bench_pipeline.py --konlpy   # 실제 한국어 글
    python benchmarks/bench_pipeline.py --csv news_data.csv --column "기사 본문"

What is timed, on the same documents and in the same run:

- the lecture: its module's steps as it writes them, regex cleaning through
  ``DataFrame.apply``, ``MeCab().morphs`` per document in a tqdm loop, stopwords
  removed with a *list*, and jamo by per-character arithmetic (all-syllable
  tokens become three compatibility jamo per syllable, ``_`` for no final);
- nlp_pp: ``pp.preprocess_texts``, the same four steps fused (one-pass cleaning,
  MeCab printing surfaces only, one table lookup per token, all CPU cores).

Both outputs must be identical (asserted). The ratio is reported best against
best over ``--repeats`` alternating runs, each after a garbage collection;
timings on a shared machine vary, so the load average is printed before and
after. The ceiling is the lecture's time over MeCab's C analysis alone, spread
over every core the same way: no pipeline can beat it without changing MeCab.

Documents, ``--docs`` of about ``--chars`` characters each:

- default: built from the offline SMS corpus (``pp.make_sms_corpus``), which
  needs nothing else. Spam is full of numbers, English and odd words, so MeCab's
  own analysis takes a larger share of the lecture's time on it than on prose:
  the hardest case for the ratio, with the lowest ceiling.
- ``--konlpy``: real Korean prose, the ten National Assembly bills and the
  Constitution that ship with KoNLPy (``pip install konlpy``; read as files,
  no Java needed). Windows of ``--chars`` characters are cut at random places,
  so the 65,000 characters are resampled: the lecture's work is the same per
  window, and nlp_pp's token table meets fewer new tokens than on a corpus
  this size of distinct text (a few per cent of nlp_pp's time).
- ``--csv``: any CSV of your own documents, e.g. news articles.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import multiprocessing as mp
import os
import random
import re
import resource
import sys
import time
from collections import Counter
from pathlib import Path

os.environ.setdefault("NLP_PP_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np
import pandas as pd
from tqdm import tqdm

import nlp_pp as pp
from nlp_pp.hangul import decompose_token

CORES = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1


def konlpy_docs(n_docs: int, n_chars: int, seed: int = 0) -> list[str]:
    """Return n_docs windows of about n_chars characters of KoNLPy's Korean texts."""
    spec = importlib.util.find_spec("konlpy")  # 파일만 읽습니다 (import하지 않음)
    if spec is None or not spec.submodule_search_locations:
        sys.exit("--konlpy needs KoNLPy's corpus files: pip install konlpy")
    root = Path(next(iter(spec.submodule_search_locations))) / "data" / "corpus"
    files = sorted(root.glob("kobill/*.txt")) + sorted(root.glob("kolaw/*.txt"))
    text = " ".join(f.read_text(encoding="utf-8") for f in files)
    rng = random.Random(seed)
    docs = []
    for _ in range(n_docs):
        a = rng.randrange(len(text) - n_chars)
        a = text.find(" ", a) + 1  # 단어 중간에서 시작하거나 끝나지 않습니다
        docs.append(text[a:a + n_chars].rsplit(" ", 1)[0])
    return docs


def make_docs(n_docs: int, n_chars: int, seed: int = 0) -> list[str]:
    """Return n_docs deterministic documents of about n_chars characters."""
    messages = pp.make_sms_corpus(3000, seed=seed)["content"].tolist()
    rng = random.Random(seed)
    docs = []
    for _ in range(n_docs):
        parts, size = [], 0
        while size < n_chars:
            parts.append(rng.choice(messages))
            size += len(parts[-1]) + 1
        doc = ("\n" if rng.random() < 0.3 else " ").join(parts)
        docs.append(doc[:n_chars].rsplit(" ", 1)[0])  # 단어 중간에서 자르지 않습니다
    return docs


# ---------------------------------------------------------------------------
# 강의 모듈의 방식 (우리 말로 다시 쓴 것): 비교의 기준입니다
# ---------------------------------------------------------------------------
LECTURE_P1 = re.compile(r"[^가-힣a-zA-Z0-9\s]")
LECTURE_P2 = re.compile(r"[ㄱ-ㅎㅏ-ㅣ]+")
LECTURE_P3 = re.compile(r"\n|\s+")
KO_RANGE = [0xAC00, 0xD7A3]  # '가'와 '힣'의 코드 포인트
CHO = list("ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ")
JUNG = list("ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ")
JONG = ["_", *"ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"]
JAMO_LISTS = [CHO, JUNG, JONG]


class _NullStream:
    """Where the lecture's tqdm bars go: formatted as usual, shown nowhere."""

    def write(self, _text):
        pass

    def flush(self):
        pass


NULL = _NullStream()


def lecture_regex(sentence: str) -> str:
    """The lecture's cleaning: P1, P2, P3 one after the other."""
    sentence = LECTURE_P1.sub(" ", sentence)
    sentence = LECTURE_P2.sub("", sentence)
    return LECTURE_P3.sub(" ", sentence)


def lecture_word_to_jamo(token: str) -> str:
    """Return 3 jamo per syllable if every char is a syllable, else the token."""
    for char in token:  # 한글 음절이 아닌 글자가 하나라도 있으면 그대로
        if ord(char) < KO_RANGE[0] or ord(char) > KO_RANGE[1]:
            return token
    jamo = ""
    for char in token:  # 음절 코드 = 초성 * 588 + 중성 * 28 + 종성
        code = ord(char) - KO_RANGE[0]
        cho, jung, jong = code // (21 * 28), code % (21 * 28) // 28, code % 28
        jamo += JAMO_LISTS[0][cho] + JAMO_LISTS[1][jung] + JAMO_LISTS[2][jong]
    return jamo


def lecture_pipeline(df: pd.DataFrame, tagger, stopword_list: list) -> list:
    """The lecture's four steps on df['content'], one document at a time."""
    content = df["content"].apply(lecture_regex)
    x_data = content.values.tolist()
    tokenized = []
    for sent in tqdm(x_data, desc="토큰화 진행 중", file=NULL):
        tokenized.append(tagger.morphs(sent))
    kept = [[word for word in sent if word not in stopword_list] for sent in tokenized]
    jamo = []
    for sent in tqdm(kept, file=NULL):
        doc = []
        for word in sent:
            doc.append(lecture_word_to_jamo(word))
        jamo.append(doc)
    return jamo


def ours(df: pd.DataFrame, tagger, stopwords) -> list:
    """nlp_pp's fused pipeline on the same column."""
    return pp.preprocess_texts(df["content"], stopwords, tagger)


CONTEXT_LENGTH, RARE_TH = 330, 3


def lecture_to_padded(df: pd.DataFrame, tagger, stopword_list: list):
    """The lecture's steps on to padded arrays: its word loops, vocab and padding."""
    docs = lecture_pipeline(df, tagger, stopword_list)
    word_list = []
    for sent in docs:
        for word in sent:
            word_list.append(word)  # noqa: PERF402  강의 그대로
    word_counts = Counter(word_list)
    rare_cnt = sum(1 for c in word_counts.values() if c < RARE_TH)
    vocab = sorted(word_counts, key=word_counts.get, reverse=True)
    vocab = vocab[:len(word_counts) - rare_cnt]
    word_to_idx = {t: i for i, t in enumerate(["<PAD>", "<UNK>"])}
    word_to_idx.update({w: i + 2 for i, w in enumerate(vocab)})
    encoded = []
    for sent in docs:
        seq = []
        for word in sent:
            try:
                seq.append(word_to_idx[word])
            except KeyError:
                seq.append(word_to_idx["<UNK>"])
        encoded.append(seq)
    features = np.zeros((len(encoded), CONTEXT_LENGTH), dtype=int)
    for idx, sent in enumerate(encoded):
        if len(sent) != 0:
            features[idx, :len(sent)] = np.array(sent)[:CONTEXT_LENGTH]
    return features


def ours_to_padded(df: pd.DataFrame, tagger, stopwords):
    """nlp_pp's steps on to padded arrays."""
    docs = ours(df, tagger, stopwords)
    vocab = pp.build_vocab(pp.count_words(docs), RARE_TH)
    word_to_idx, _ = pp.set_word_to_idx(pp.SPECIAL_TOKENS, vocab)
    return pp.pad_seq_x(pp.text_to_sequences(docs, word_to_idx), CONTEXT_LENGTH)


def same(a, b) -> bool:
    """Return True if two pipeline outputs (token lists or arrays) are identical."""
    if isinstance(a, np.ndarray):
        return a.shape == b.shape and bool((a == b).all())
    return a == b


# ---------------------------------------------------------------------------
# 측정
# ---------------------------------------------------------------------------
def _children_cpu() -> float:
    """Return the CPU seconds used so far by finished child processes."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(fn, *args, **kwargs):
    """Return (result, wall s, own CPU s, children's CPU s) of fn(*args, **kwargs)."""
    gc.collect()  # 앞선 실행의 쓰레기를 치우고 시작합니다 (두 쪽 모두)
    own0, child0, t0 = time.process_time(), _children_cpu(), time.perf_counter()
    out = fn(*args, **kwargs)
    wall = time.perf_counter() - t0
    return out, wall, time.process_time() - own0, _children_cpu() - child0


def compare(df: pd.DataFrame, tagger, stop: frozenset, stop_list: list,
            repeats: int, lecture=None, nlp_pp=None) -> dict:
    """Print alternating timings of the lecture and nlp_pp; return the best of each."""
    lecture, nlp_pp = lecture or lecture_pipeline, nlp_pp or ours
    n = len(df)
    print(f"  {'run':<28s} {'wall s':>7s} {'docs/s':>8s} {'cpu s':>7s} "
          f"{'child cpu s':>11s}")
    best = {"lecture": float("inf"), "nlp_pp": float("inf")}
    reference, pairs = None, []
    for r in range(repeats):
        for name in ("lecture", "nlp_pp"):
            decompose_token.cache_clear()  # 캐시는 매번 비운 채로 시작합니다
            if name == "lecture":
                out, wall, own, child = timed(lecture, df, tagger, stop_list)
            else:
                out, wall, own, child = timed(nlp_pp, df, tagger, stop)
            reference = out if reference is None else reference
            assert same(out, reference), f"{name} gave other output than the lecture"
            best[name] = min(best[name], wall)
            pairs.append(wall)
            print(f"  {name + f' #{r + 1}':<28s} {wall:7.3f} {n / wall:8,.0f} "
                  f"{own:7.3f} {child:11.3f}", flush=True)
    ratio = best["lecture"] / best["nlp_pp"]
    each = sorted(pairs[k] / pairs[k + 1] for k in range(0, len(pairs), 2))
    print("  ratio of each repeat (lecture / nlp_pp): "
          + ", ".join(f"{r:.2f}" for r in each) + f"; median {each[len(each) // 2]:.2f}")
    print(f"  best lecture {best['lecture']:.3f} s, best nlp_pp {best['nlp_pp']:.3f} s:"
          f" {ratio:.2f}x faster; outputs identical: True")
    return best


def _parse_every(parse, texts) -> None:
    for text in texts:
        parse(text)


def mecab_alone(docs: list, tagger, repeats: int) -> float:
    """Return the best wall seconds of MeCab's C analysis alone, one share per core."""
    from nlp_pp.mecab_engine import engine_for

    clean = pp.clean_texts(docs)  # 정제는 한 번만: 재는 것은 분석뿐입니다
    parse = engine_for(tagger).parse
    ctx = mp.get_context("fork")
    return min(timed(_spread, ctx, parse, clean)[1] for _ in range(repeats))


def _spread(ctx, parse, texts) -> None:
    """Parse texts[k::CORES] in process k (this one is k = 0), like nlp_pp's workers."""
    procs = [ctx.Process(target=_parse_every, args=(parse, texts[k::CORES]))
             for k in range(1, CORES)]
    for proc in procs:
        proc.start()
    _parse_every(parse, texts[0::CORES])
    for proc in procs:
        proc.join()


def stages(docs: list, tagger, stop: frozenset) -> None:
    """Print the time of each of nlp_pp's steps taken one at a time."""
    decompose_token.cache_clear()
    n = len(docs)
    clean, wall, *_ = timed(pp.clean_texts, docs)
    print(f"  {'clean_texts':<28s} {wall:7.3f} {n / wall:8,.0f}")
    for label, n_jobs in (("tokenize, 1 process", 1), ("tokenize, all cores", None)):
        tokens, wall, *_ = timed(pp.tokenize, clean, tagger, n_jobs=n_jobs)
        print(f"  {label:<28s} {wall:7.3f} {n / wall:8,.0f}")
    _, wall, *_ = timed(lambda: [tagger.morphs(d) for d in clean])
    print(f"  {'MeCab().morphs per doc':<28s} {wall:7.3f} {n / wall:8,.0f}")
    kept, wall, *_ = timed(pp.remove_stopword, tokens, stop)
    print(f"  {'remove_stopword':<28s} {wall:7.3f} {n / wall:8,.0f}")
    _, wall, *_ = timed(pp.decompose_jamo, kept)
    print(f"  {'decompose_jamo (cold cache)':<28s} {wall:7.3f} {n / wall:8,.0f}")


def load_docs(args) -> tuple[list[str], str]:
    """Return the documents and a line saying where they come from."""
    if args.csv:
        texts = pd.read_csv(args.csv)[args.column].dropna().astype(str).tolist()
        docs = texts[:args.docs] if args.docs else texts
        return docs, f"{args.csv} column {args.column!r}"
    if args.konlpy:
        return konlpy_docs(args.docs, args.chars), (
            f"cut from KoNLPy's kobill and kolaw texts (real Korean prose), "
            f"~{args.chars} characters each")
    docs = make_docs(args.docs, args.chars)
    return docs, (f"built from make_sms_corpus messages (no real long Korean text "
                  f"offline), ~{args.chars} characters each")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1575)
    parser.add_argument("--chars", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--csv", help="a CSV of real documents instead of built ones")
    parser.add_argument("--column", default="content", help="the CSV's text column")
    parser.add_argument("--konlpy", action="store_true",
                        help="real Korean prose from an installed KoNLPy's corpus")
    parser.add_argument("--stages", action="store_true", help="time each step too")
    parser.add_argument("--end-to-end", action="store_true",
                        help="also time both pipelines on to padded arrays")
    args = parser.parse_args()
    print("load average before:", [round(x, 2) for x in os.getloadavg()],
          "cores:", CORES)
    docs, source = load_docs(args)
    print(f"{len(docs)} documents {source}; mean {sum(map(len, docs)) / len(docs):.0f} "
          "characters")
    from mecab import MeCab

    tagger = MeCab()  # 강의처럼 분석기는 한 번 만들어 둡니다
    stop = pp.korean_stopwords()
    path = Path(pp.__file__).with_name("resources") / "ko_stopwords.txt"
    stop_list = [w for w in path.read_text(encoding="utf-8").splitlines()
                 if w and not w.startswith("#")]  # 강의처럼 파일 순서의 리스트
    assert frozenset(stop_list) == stop
    df = pd.DataFrame({"content": docs})
    lecture_pipeline(df.head(20), tagger, stop_list)  # 사전 파일을 미리 읽어 둡니다
    ours(df.head(20), tagger, stop)
    print("lecture (its module's steps) vs nlp_pp.preprocess_texts, alternating:")
    best = compare(df, tagger, stop, stop_list, args.repeats)
    ratio = best["lecture"] / best["nlp_pp"]
    alone = mecab_alone(docs, tagger, args.repeats)
    print(f"  MeCab's C analysis alone on {CORES} cores: best {alone:.3f} s, so the "
          f"ceiling is {best['lecture'] / alone:.2f}x; MeCab alone takes "
          f"{alone / best['nlp_pp']:.0%} of nlp_pp's time")
    if args.end_to_end:
        print("end to end, on to padded (N, 330) arrays (counts, vocabulary, "
              "encoding, padding), alternating:")
        whole = compare(df, tagger, stop, stop_list, args.repeats,
                        lecture_to_padded, ours_to_padded)
        whole = whole["lecture"] / whole["nlp_pp"]
        print(f"RATIO END TO END {whole:.2f}")
    if args.stages:
        print("nlp_pp one step at a time:")
        stages(docs, tagger, stop)
    print("load average after:", [round(x, 2) for x in os.getloadavg()])
    print(f"RATIO {ratio:.2f}")


if __name__ == "__main__":
    main()
