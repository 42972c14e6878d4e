"""Jamo decomposition: the lecture's format (3 jamo per syllable) and exact round trips."""

import random

import pytest

import nlp_pp as pp
from nlp_pp.hangul import compose_token, decompose_token

SYLLABLES = [chr(c) for c in range(0xAC00, 0xD7A4)]


def lecture_word_to_jamo(token: str) -> str:
    """The lecture's arithmetic decomposition, written out for comparison."""
    cho = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
    jung = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
    jong = ["_"] + list("ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ")
    if any(not 0xAC00 <= ord(ch) <= 0xD7A3 for ch in token):
        return token
    out = ""
    for ch in token:
        code = ord(ch) - 0xAC00
        out += cho[code // 588] + jung[code % 588 // 28] + jong[code % 28]
    return out


def test_there_are_11172_syllables():
    assert len(SYLLABLES) == 11172 and SYLLABLES[0] == "가" and SYLLABLES[-1] == "힣"


@pytest.mark.parametrize("token, jamo", [
    ("가", "ㄱㅏ_"),
    ("학교", "ㅎㅏㄱㄱㅛ_"),
    ("닭", "ㄷㅏㄺ"),
    ("뷁", "ㅂㅞㄺ"),
    ("까까", "ㄲㅏ_ㄲㅏ_"),
    ("각가", "ㄱㅏㄱㄱㅏ_"),
    ("가각", "ㄱㅏ_ㄱㅏㄱ"),
    ("없어", "ㅇㅓㅄㅇㅓ_"),
])
def test_decompose_by_hand(token, jamo):
    assert decompose_token(token) == jamo
    assert compose_token(jamo) == token


def test_every_syllable_is_three_jamo_like_the_lecture():
    decomposed = [decompose_token(s) for s in SYLLABLES]
    assert decomposed == [lecture_word_to_jamo(s) for s in SYLLABLES]
    assert all(len(j) == 3 for j in decomposed)
    assert len(set(decomposed)) == len(SYLLABLES)
    assert [compose_token(j) for j in decomposed] == SYLLABLES


def test_multi_syllable_tokens_round_trip():
    rng = random.Random(0)
    tokens = {"".join(rng.choices(SYLLABLES, k=rng.randint(2, 6))) for _ in range(5000)}
    decomposed = {t: decompose_token(t) for t in tokens}
    assert all(len(j) == 3 * len(t) for t, j in decomposed.items())
    assert all(compose_token(j) == t for t, j in decomposed.items())
    assert all(lecture_word_to_jamo(t) == j for t, j in decomposed.items())


@pytest.mark.parametrize("token", [
    "Web발신", "123", "abc", "", "A가", "3000만원", "OK", "x1",
])
def test_tokens_not_all_hangul_pass_through(token):
    assert decompose_token(token) == token == lecture_word_to_jamo(token)
    assert compose_token(token) == token


def test_mapping_is_one_to_one_on_pipeline_tokens():
    texts = [
        "내셔날 지오그래픽 채널에서 [Web발신] 무료 쿠폰 3000원 ㅋㅋㅋ ㅠㅠ",
        "가 학교 OK 오케이 abc 123 가각 각가 까까",
        "엄마 나 오늘 늦어 ㅎㅎ 밥 먹어~ 😀 Happy 생일 축하해 2024년",
    ]
    tokens = {t for doc in pp.tokenize(pp.clean_texts(texts)) for t in doc}
    tokens |= set(SYLLABLES[::7])
    jamo = {t: decompose_token(t) for t in tokens}
    assert len(set(jamo.values())) == len(tokens)
    assert all(compose_token(j) == t for t, j in jamo.items())


def test_decompose_and_compose_lists():
    docs = [["학교", "에서", "Web발신"], [], ["가"]]
    jamo = pp.decompose_jamo(docs)
    assert jamo == [["ㅎㅏㄱㄱㅛ_", "ㅇㅔ_ㅅㅓ_", "Web발신"], [], ["ㄱㅏ_"]]
    assert pp.compose_jamo(jamo) == docs


def test_decompose_is_cached_per_token():
    decompose_token.cache_clear()
    pp.decompose_jamo([["학교"] * 50, ["학교", "집"]])
    info = decompose_token.cache_info()
    assert info.misses == 2 and info.hits == 50
