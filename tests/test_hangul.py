"""Jamo decomposition: exact round trips and a one-to-one token mapping."""

import random

import pytest

import nlp_pp as pp
from nlp_pp.hangul import JAMO_ESCAPE, compose_token, decompose_token

SYLLABLES = [chr(c) for c in range(0xAC00, 0xD7A4)]


def test_there_are_11172_syllables():
    assert len(SYLLABLES) == 11172 and SYLLABLES[0] == "가" and SYLLABLES[-1] == "힣"


@pytest.mark.parametrize("token, jamo", [
    ("가", "ㄱㅏ"),
    ("학교", "ㅎㅏㄱㄱㅛ"),
    ("닭", "ㄷㅏㄺ"),
    ("뷁", "ㅂㅞㄺ"),
    ("까까", "ㄲㅏㄲㅏ"),
    ("각가", "ㄱㅏㄱㄱㅏ"),
    ("가각", "ㄱㅏㄱㅏㄱ"),
    ("없어", "ㅇㅓㅄㅇㅓ"),
])
def test_decompose_by_hand(token, jamo):
    assert decompose_token(token) == jamo
    assert compose_token(jamo) == token


def test_every_syllable_round_trips():
    decomposed = [decompose_token(s) for s in SYLLABLES]
    assert [compose_token(j) for j in decomposed] == SYLLABLES
    assert len(set(decomposed)) == len(SYLLABLES)
    assert all(2 <= len(j) <= 3 for j in decomposed)


def test_multi_syllable_tokens_round_trip():
    rng = random.Random(0)
    tokens = {"".join(rng.choices(SYLLABLES, k=rng.randint(2, 6))) for _ in range(5000)}
    decomposed = {t: decompose_token(t) for t in tokens}
    assert all(compose_token(j) == t for t, j in decomposed.items())
    assert len(set(decomposed.values())) == len(tokens)


@pytest.mark.parametrize("token", [
    "Web발신", "123", "abc", "내셔날 ", "", "ㅋㅋ", "ㅠㅠ", "ㄱ", "ㅏ", "A가", "😀",
    "3000만원", "가!", "ㄱㄴㄷ",
])
def test_tokens_not_all_hangul_pass_through(token):
    assert decompose_token(token) == token
    assert compose_token(token) == token


@pytest.mark.parametrize("token", ["ㄱㅏ", "ㅎㅏㄱㄱㅛ", JAMO_ESCAPE, JAMO_ESCAPE + "가"])
def test_lookalike_tokens_are_escaped(token):
    # 'ㄱㅏ'라는 토큰이 '가'의 분해 결과와 같아지면 안 됩니다.
    jamo = decompose_token(token)
    assert jamo == JAMO_ESCAPE + token
    assert compose_token(jamo) == token


def test_mapping_is_one_to_one_on_realistic_tokens():
    texts = [
        "내셔날 지오그래픽 채널에서 [Web발신] 무료 쿠폰 3000원 ㅋㅋㅋ ㅠㅠ",
        "ㄱㅏ 가 ㅎㅏㄱㄱㅛ 학교 ㅇㅋ OK 오케이 §가 § 가§",
        "엄마 나 오늘 늦어 ㅎㅎ 밥 먹어~ 😀 Happy 생일 축하해 2024년",
    ]
    tokens = {t for doc in pp.tokenize(texts) for t in doc}
    tokens |= {t.strip() for t in tokens} | {"ㄱㅏ", "ㅎㅏㄱㄱㅛ", "§ㄱㅏ", "§§"}
    tokens |= set(SYLLABLES[::7])
    jamo = {t: decompose_token(t) for t in tokens}
    assert len(set(jamo.values())) == len(tokens)
    assert all(compose_token(j) == t for t, j in jamo.items())


def test_decompose_and_compose_lists():
    docs = [["학교", "에서", "Web발신"], [], ["ㅋㅋ", "가"]]
    jamo = pp.decompose_jamo(docs)
    assert jamo == [["ㅎㅏㄱㄱㅛ", "ㅇㅔㅅㅓ", "Web발신"], [], ["ㅋㅋ", "ㄱㅏ"]]
    assert pp.compose_jamo(jamo) == docs


def test_decompose_is_cached_per_token():
    decompose_token.cache_clear()
    pp.decompose_jamo([["학교"] * 50, ["학교", "집"]])
    info = decompose_token.cache_info()
    assert info.misses == 2 and info.hits == 50
