"""Cleaning, labels, tokenisation (identical to MeCab().morphs) and stopwords."""

import re
import sys
import types

import numpy as np
import pandas as pd
import pytest

import nlp_pp as pp
from nlp_pp import mecab_engine as engine
from nlp_pp import mecab_parallel as parallel

try:
    import mecab  # python-mecab-ko (Python <= 3.12)
except ImportError:
    mecab = None
needs_mecab = pytest.mark.skipif(mecab is None, reason="python-mecab-ko is needed")


def lecture_regex(s):
    """The lecture's three substitutions, written out once more as the reference."""
    s = re.sub(r"[^가-힣a-zA-Z0-9\s]", " ", s)
    s = re.sub(r"[ㄱ-ㅎㅏ-ㅣ]+", "", s)
    return re.sub(r"\n|\s+", " ", s)


@pytest.mark.parametrize("raw, clean", [
    ("안녕!! 하세요ㅋㅋ\n\n반가워요 :)", "안녕 하세요 반가워요 "),
    ("[Web발신] 50% 할인", " Web발신 50 할인"),
    ("a\n\nb", "a  b"),  # 줄바꿈마다 따로 바뀌는 강의 정규식 그대로
    ("a \n b", "a b"),
    ("😀😀", " "),
    ("", ""),
    ("ㅋㅋㅋ", " "),
    ("Hello\tWorld 123", "Hello World 123"),
])
def test_clean_text_by_hand(raw, clean):
    assert pp.clean_text(raw) == clean
    assert lecture_regex(raw) == clean


def test_clean_texts_matches_lecture_on_many_strings():
    rng = np.random.default_rng(0)
    alphabet = list("가나힣ㄱㅏㅋ aZ09!?.,\n\t\r~♥😀ㆍ\u3000\xa0")
    texts = ["".join(rng.choice(alphabet, rng.integers(0, 30))) for _ in range(500)]
    assert pp.clean_texts(pd.Series(texts)) == [lecture_regex(t) for t in texts]


def test_one_pass_cleaning_equals_the_three_regexes():
    """clean_texts uses one regex instead of P1, P2, P3: the output is the same."""
    rng = np.random.default_rng(1)
    pieces = ["가", "힣", "a", "Z", "0", "ㅋ", "ㅏ", " ", "  ", "\n", "\n\n", " \n",
              "\n ", "\t", "\r", "\r\n", "\x1f", "\x0b", "\u3000", "\xa0", "\u2028",
              "!", "~", "😀", "ㆍ", "\0"]
    texts = ["".join(rng.choice(pieces, rng.integers(0, 14))) for _ in range(20_000)]
    texts += [p * 3 for p in pieces]
    assert pp.clean_texts(texts) == [lecture_regex(t) for t in texts]


def test_df_cleaning_drops_nan_and_duplicates():
    df = pd.DataFrame({"content": ["가", None, "나", "가", "다"],
                       "class": ["일상대화", "스팸문자", None, "스팸문자", "스팸문자"]})
    df.attrs["source"] = "file"
    out = pp.df_cleaning(df, "content")
    assert out["content"].tolist() == ["가", "다"]
    assert out.index.tolist() == [0, 1]
    assert out.attrs["source"] == "file"
    assert len(df) == 5  # 원본은 그대로


def test_map_labels():
    labels = pp.map_labels(pd.Series(["일상대화", "스팸문자", "스팸문자"]))
    assert labels.dtype == np.int64 and labels.tolist() == [0, 1, 1]
    assert pp.map_labels([1, 0]).tolist() == [1, 0]
    assert pp.LABEL_MAP == {"일상대화": 0, "스팸문자": 1}


def test_map_labels_names_unknown_labels_in_both_languages():
    with pytest.raises(pp.NlpPPError) as err:  # 스팸 데이터의 두 클래스만 허용할 때
        pp.map_labels(["일상대화", "광고"], classes=pp.SPAM_CLASSES)
    assert "광고" in str(err.value) and "레이블" in str(err.value)
    assert "Unknown label" in str(err.value)


VARIED = [
    "내셔날 지오그래픽 채널에서 내셔날지오그래픽을 봤어요",
    "내셔날",
    "",
    " ",
    "😀🎉",
    pp.clean_text("😀🎉"),
    "[Web발신] (광고) 최대 50% 할인!! ☎ 080-123-4567 http://example.kr",
    "엄마 나 오늘 늦어 ㅠㅠ\n\n밥 먼저 먹어\t진짜로",
    "Happy birthday 생일 축하해 2024년 12월 25일",
    "구분\x1f문자가 들어간 글",
    "ＡＢＣ 전각 문자와 한자 漢字 그리고 ㆍ 아래아",
    "고객님께 안내드립니다. 확인하세요~",
]
LONG = " ".join(VARIED * 60) + " " + "가" * 3000


def _reference(texts):
    tagger = mecab.MeCab()
    return [tagger.morphs(t) for t in texts]


@needs_mecab
def test_tokenize_equals_morphs_single_process():
    texts = VARIED + [LONG] + pp.clean_texts(VARIED)
    assert pp.tokenize(texts, mecab.MeCab(), n_jobs=1) == _reference(texts)
    assert pp.tokenize(texts) == _reference(texts)  # tokenizer=None -> MeCab()


@needs_mecab
def test_tokenize_keeps_surfaces_ending_in_space():
    tokens = pp.tokenize(["내셔날 지오그래픽"])[0]
    assert tokens[0] == "내셔날 "  # 공백으로 나누면 틀리는 경우
    assert tokens == mecab.MeCab().morphs("내셔날 지오그래픽")


@needs_mecab
def test_empty_and_emoji_only_texts_give_no_tokens():
    assert pp.tokenize(["", " ", pp.clean_text("😀😀"), pp.clean_text("!!")]) == [[]] * 4


@needs_mecab
def test_tokenize_equals_morphs_multi_process():
    texts = (VARIED * 20) + [LONG, LONG[:5000]]
    got = pp.tokenize(pd.Series(texts), mecab.MeCab(), n_jobs=2)
    assert got == _reference(texts)


def test_large_inputs_use_several_processes(monkeypatch):
    monkeypatch.setattr(parallel, "_can_fork", lambda: True)
    assert parallel.n_workers(["가"] * 10, None) == 1
    assert parallel.n_workers(["가"] * 10, 1) == 1
    assert parallel.n_workers(["가"] * 10, 3) == 3
    monkeypatch.setattr(parallel, "MP_MIN_TEXTS", 5)
    assert parallel.n_workers(["가"] * 10, None) == engine.cpu_count()
    monkeypatch.setattr(parallel, "MP_MIN_TEXTS", 1000)
    assert parallel.n_workers(["가" * parallel.MP_MIN_CHARS], None) == engine.cpu_count()
    monkeypatch.setattr(parallel, "_can_fork", lambda: False)  # 예: macOS, Windows
    assert parallel.n_workers(["가"] * 10, 3) == 1


@needs_mecab
def test_tokenize_with_progress_bar(capsys):
    texts = VARIED * 5
    assert pp.tokenize(texts, progress=True, n_jobs=1) == _reference(texts)


def test_tokenize_accepts_any_object_with_morphs():
    class Spaces:
        def morphs(self, text):
            return text.split()

    assert pp.tokenize(["가 나", "", "다"], Spaces()) == [["가", "나"], [], ["다"]]
    with pytest.raises(pp.NlpPPError, match="morphs"):
        pp.tokenize(["가"], object())


@needs_mecab
def test_texts_holding_the_separator_take_the_exact_slow_path(monkeypatch):
    """A text with \\x1f or NUL is analysed by the tokenizer's own morphs()."""
    tagger = mecab.MeCab()
    calls = []
    monkeypatch.setattr(tagger, "morphs", lambda t: calls.append(t) or
                        mecab.MeCab.morphs(tagger, t))
    texts = ["구분\x1f문자", "널\0문자", "보통 문장"] * 400 + ["\x1f"]
    expected = [mecab.MeCab().morphs(t) for t in texts]
    assert pp.tokenize(texts, tagger, n_jobs=1) == expected
    assert len(calls) == 801 and "보통 문장" not in calls
    assert pp.tokenize(texts, tagger, n_jobs=2) == expected  # 자식 프로세스에서도
    assert expected[0][1] == "\x1f"  # 구분 문자도 토큰이 됩니다


@needs_mecab
def test_a_mecab_with_its_own_morphs_is_used_as_it_is():
    class Shouting(mecab.MeCab):
        def morphs(self, text):
            return [t.upper() for t in super().morphs(text)]

    assert pp.tokenize(["abc 가"], Shouting()) == [["ABC", "가"]]


def test_preprocess_texts_with_any_tokenizer():
    class Spaces:
        def morphs(self, text):
            return text.split()

    texts = ["학교에 가요!!", "", "Web발신 ㅋㅋ 광고", "구분\x1f문자"]
    stop = {"가요", "광고"}
    by_hand = pp.decompose_jamo(pp.remove_stopword(
        [t.split() for t in pp.clean_texts(texts)], stop))
    assert pp.preprocess_texts(texts, stop, Spaces()) == by_hand
    assert by_hand[0] == ["ㅎㅏㄱㄱㅛ_ㅇㅔ_"] and by_hand[2] == ["Web발신"]


def test_tokenize_rejects_non_strings():
    with pytest.raises(pp.NlpPPError, match="df_cleaning"):
        pp.tokenize(["가", float("nan")])


def test_missing_mecab_gives_bilingual_advice(monkeypatch):
    monkeypatch.setitem(sys.modules, "mecab", None)  # import mecab -> ImportError
    monkeypatch.setitem(sys.modules, "mecab_ko", None)
    engine.default_tokenizer.cache_clear()
    try:
        with pytest.raises(pp.NlpPPError) as err:
            pp.tokenize(["가"])
    finally:
        engine.default_tokenizer.cache_clear()
    message = str(err.value)
    assert "pip install python-mecab-ko==1.3.7" in message and "설치" in message
    assert "pip install mecab-ko" in message and "3.13" in message
    assert "KiwiTokenizer" in message and "kiwipiepy" in message


def test_kiwi_tokenizer_warns_and_tokenizes(monkeypatch):
    class Token:
        def __init__(self, form):
            self.form = form

    class FakeKiwi:  # 실제 Kiwi 모델은 읽는 데 몇 초 걸려서 가짜로 대신합니다
        def tokenize(self, text):
            if isinstance(text, str):
                return [Token(w) for w in text.split()]
            return ([Token(w) for w in t.split()] for t in text)

    monkeypatch.setitem(sys.modules, "kiwipiepy", types.SimpleNamespace(Kiwi=FakeKiwi))
    with pytest.warns(UserWarning, match="MeCab") as record:
        kiwi = pp.KiwiTokenizer()
    assert "형태소" in str(record[0].message)
    assert kiwi.morphs("가 나") == ["가", "나"]
    assert pp.tokenize(["가 나", "", " "], kiwi) == [["가", "나"], [], []]


def test_remove_stopword_by_hand():
    docs = [["나", "는", "학교", "에", "가", "요"], [], ["는"]]
    stop = ["는", "에", "요", "가"]
    expected = [["나", "학교"], [], []]
    assert pp.remove_stopword(docs, stop) == expected
    assert pp.remove_stopword(docs, frozenset(stop)) == expected


@needs_mecab
def test_preprocess_texts_is_the_four_steps():
    texts = VARIED * 3
    stop = pp.korean_stopwords()
    by_hand = pp.decompose_jamo(pp.remove_stopword(pp.tokenize(pp.clean_texts(texts)),
                                                   stop))
    assert pp.preprocess_texts(texts, stop, n_jobs=1) == by_hand
    assert pp.preprocess_texts(texts, stop, n_jobs=2) == by_hand
    with pytest.warns(UserWarning, match="bundled"):  # 오프라인: 내장 불용어
        assert pp.preprocess_texts(texts) == by_hand
