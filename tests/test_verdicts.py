"""Every outcome-dependent sentence, fed each outcome it can meet.

Each verdict is walked through every branch with constructed outcomes, including
models stuck at the majority rate, ties, more than two classes and a majority rate
of 95 % or more, and the sentence is checked against the numbers it was given.
"""

import math

import pytest

import nlp_pp as pp
from nlp_pp import verdicts as v

MAJ = 0.60
CLAIM_WORDS = ("주장과 맞습니다", "반박하지 않습니다", "확인하지도 기각하지도",
               "뒷받침하지 않습니다", "더 크게 앞섰습니다")


# ---------------------------------------------------------------- particles

@pytest.mark.parametrize("word, kind, expect", [
    ("RNN", "은", "RNN은"), ("LSTM", "는", "LSTM은"), ("GRU", "은", "GRU는"),
    ("모델", "은", "모델은"), ("배치", "은", "배치는"), ("앞쪽 패딩", "는", "앞쪽 패딩은"),
    ("LSTM_사전훈련", "가", "LSTM_사전훈련이"), ("GRU_랜덤", "이", "GRU_랜덤이"),
    ("GRU_사전훈련+게이트편향", "가", "GRU_사전훈련+게이트편향이"),
    ("RNN_랜덤초기화", "를", "RNN_랜덤초기화를"), ("GRU", "을", "GRU를"),
    ("LSTM", "와", "LSTM과"), ("GRU", "과", "GRU와"),
    ("LSTM", "로", "LSTM으로"), ("GRU", "으로", "GRU로"), ("R", "로", "R로"),
    ("파일", "으로", "파일로"), ("데이터프레임", "로", "데이터프레임으로"),
    ("spam_SNS.csv", "로", "spam_SNS.csv로"), ("Adam", "가", "Adam이"),
    ("1", "가", "1이"), ("2", "가", "2가"), ("10", "로", "10으로"), ("7", "로", "7로"),
    ("LSTM_사전훈련(97.0%)", "가", "LSTM_사전훈련(97.0%)이"),
    ("회귀(99.0%)", "과", "회귀(99.0%)와"), ("a(b(c))", "가", "a(b(c))가"),
    ("(x)", "가", "(x)가"),
    # 숫자: 2 이, 4 사, 5 오, 9 구는 받침이 없고 3 삼, 10 십은 있습니다
    ("연습 2", "은", "연습 2는"), ("연습 4", "은", "연습 4는"), ("연습 5", "은", "연습 5는"),
    ("연습 9", "은", "연습 9는"), ("연습 3", "는", "연습 3은"), ("연습 10", "는", "연습 10은"),
    ("95", "은", "95는"), ("96", "는", "96은"), ("12.6", "로", "12.6으로"),
    ("1.2", "으로", "1.2로"), ("0.5", "로", "0.5로"),
    # 따옴표, 백틱, 괄호는 읽지 않습니다
    ("'줄어든다'", "이", "'줄어든다'가"), ("'0'", "가", "'0'이"), ("`답`", "를", "`답`을"),
    ("`누수`", "을", "`누수`를"), ("[1, 2]", "을", "[1, 2]를"), ("'abc'", "을", "'abc'를"),
    ("{'a': '늘어난다'}", "은", "{'a': '늘어난다'}는"), ("(3, 4)", "는", "(3, 4)는"),
    ("(3, 5)", "는", "(3, 5)는"), ("(2, 3)", "는", "(2, 3)은"),
])
def test_particle_follows_the_sound_of_the_last_word(word, kind, expect):
    assert v.particle(word, kind) == expect


def test_topic_is_the_topic_particle_and_bad_particles_are_refused():
    assert v.topic("LSTM") == "LSTM은" and v.topic("GRU") == "GRU는"
    with pytest.raises(ValueError, match="unknown particle"):
        v.particle("LSTM", "의")
    with pytest.raises(ValueError, match="empty word"):
        v.particle("  ", "가")


def test_pct_and_percentage_points():
    assert v.pct(0.5) == "50.0%" and pp.verdicts.pct(0.973) == "97.3%"
    assert v.pp_diff(0.052) == "+5.2 %p" and v.pp_diff(-0.01) == "-1.0 %p"
    assert v.pp_diff(0.052, sign=False) == "5.2 %p"
    # 연습 문제의 대답도 같은 서식과 조사를 씁니다 (nlp_pp.korean 한 곳에서 정의)
    from nlp_pp import korean
    from nlp_pp.exercises import _shared, core, forms
    assert _shared.pp_diff is v.pp_diff is korean.pp_diff and v.pct is korean.pct
    assert core.particle is v.particle is korean.particle
    assert not hasattr(forms, "fmt") and not hasattr(v, "fmt")


# ------------------------------------------------------- learned and margin

@pytest.mark.parametrize("majority, n_test, margin", [
    (0.60, None, 0.05),                           # 두 클래스, 기본 5 %p
    (0.60, 150, 2 * math.sqrt(0.6 * 0.4 / 150)),  # 작은 테스트: 이항 2σ가 더 큼
    (0.60, 100_000, 0.05),                        # 큰 테스트: 5 %p가 더 큼
    (1 / 3, 30, 2 * math.sqrt(2 / 9 / 30)),       # 세 클래스(K = 3)
    (0.95, None, 0.025),                          # 95 %: 남은 5 %p의 절반
    (0.99, 150, 0.005),
    (1.0, None, 0.0),
])
def test_majority_margin_scales_and_always_leaves_room(majority, n_test, margin):
    got = v.majority_margin(majority, n_test)
    assert got == pytest.approx(margin)
    assert majority + got <= 1.0
    if majority < 1.0:
        assert v.learned(1.0, majority, n_test)  # 완벽한 모델은 언제나 "학습"
    assert not v.learned(majority + got, majority, n_test)  # 경계는 넘지 않음


@pytest.mark.parametrize("acc, majority, n_test, expect", [
    (0.66, 0.60, None, True), (0.66, 0.60, 150, False), (0.69, 0.60, 150, True),
    (0.97, 0.95, None, False), (0.98, 0.95, None, True),
    (0.40, 1 / 3, None, True), (0.35, 1 / 3, None, False),
])
def test_learned_uses_the_scaled_margin(acc, majority, n_test, expect):
    assert v.learned(acc, majority, n_test) is expect


def test_majority_rate_outside_0_1_is_refused():
    with pytest.raises(ValueError, match="majority rate"):
        v.learned(0.9, 1.2)


@pytest.mark.parametrize("acc, expect, absent", [
    (0.90, "(60.0%)을 뚜렷이 넘었습니다", "근처"),
    (0.62, "(60.0%) 근처에 머물렀습니다", "넘었습니다"),
    (0.57, "(60.0%) 근처에 머물렀습니다", "넘었습니다"),
    (0.30, "(60.0%)보다도 뚜렷이 낮았습니다", "근처"),
])
def test_vs_majority_near_above_and_below(acc, expect, absent):
    sentence = v.vs_majority(acc, MAJ)
    assert expect in sentence and absent not in sentence


# ------------------------------------------------------------ model_verdict

@pytest.mark.parametrize("accs, majority, expect, absent", [
    ({"랜덤초기화": 0.60, "사전훈련": 0.60}, MAJ, ("모든 임베딩에서 다수 클래스 "
     "비율(60.0%) 근처에 머물렀습니다"), "학습했"),
    ({"랜덤초기화": 0.30, "사전훈련": 0.20}, MAJ, ("모든 임베딩에서 다수 클래스 "
     "비율(60.0%)보다도 뚜렷이 낮았습니다"), "근처"),
    ({"랜덤초기화": 0.30, "사전훈련": 0.61}, MAJ, "뚜렷이 넘지 못했습니다", "근처"),
    ({"랜덤초기화": 0.95, "사전훈련": 0.97}, MAJ, "뚜렷이 넘어 학습했습니다", "근처"),
    ({"랜덤초기화": 0.61, "사전훈련": 0.92}, MAJ,
     "사전훈련에서는 학습했지만 랜덤초기화에서는 다수 클래스 비율(60.0%) 근처", "모든"),
    ({"랜덤초기화": 0.793}, MAJ, "학습했습니다", "근처"),
    ({"랜덤초기화": 0.97, "사전훈련": 0.99}, 0.96, "사전훈련에서는 학습했지만", "모든"),
    ({"랜덤초기화": 0.40, "사전훈련": 0.34}, 1 / 3, ("랜덤초기화에서는 학습했지만 "
     "사전훈련에서는 다수 클래스 비율(33.3%) 근처"), "모든"),
])
def test_model_verdict_for_each_outcome(accs, majority, expect, absent):
    sentence = v.model_verdict("LSTM", accs, majority)
    assert sentence.startswith("LSTM은 ")
    assert expect in sentence and absent not in sentence
    assert all(v.pct(a) in sentence for a in accs.values())


# ------------------------------------------------------------ gated_verdict

LECTURE = ("LSTM_랜덤초기화", "LSTM_사전훈련", "GRU_랜덤초기화", "GRU_사전훈련")


def gated(*accs):
    return dict(zip(LECTURE, accs))


@pytest.mark.parametrize("accs, rnn, expect, absent", [
    (gated(0.60, 0.61, 0.59, 0.60), {"a": 0.60}, "LSTM과 GRU도 강의 설정",
     "RNN이"),
    (gated(0.60, 0.61, 0.59, 0.60), None, "LSTM과 GRU는 강의 설정", "GRU도"),
    (gated(0.60, 0.61, 0.59, 0.60), {"a": 0.90, "b": 0.6},
     "RNN이 학습했는데도 LSTM과 GRU는", "GRU도"),
    (gated(0.60, 0.61, 0.59, 0.30), None, "뚜렷이 넘지 못했습니다", "근처"),
    (gated(0.96, 0.97, 0.93, 0.99), None, ("4개 조건 모두 다수 클래스 비율(60.0%)을 "
     "뚜렷이 넘었습니다"), "못했"),
    (gated(0.90, 0.92, 0.62, 0.60), None, ("LSTM 조건은 모두 넘고 GRU 조건은 모두 "
     "넘지 못해, 결과가 구조에 따라 갈렸습니다"), "결과를 가른 것은"),
    (gated(0.60, 0.92, 0.62, 0.90), None, ("사전훈련 조건은 모두 넘고 랜덤초기화 조건은 "
     "모두 넘지 못해, 결과가 임베딩에 따라 갈렸습니다"), "구조에 따라"),
    (gated(0.90, 0.60, 0.60, 0.60), None, "1개(LSTM_랜덤초기화)만",
     "에 따라 갈렸습니다"),
    (gated(0.90, 0.60, 0.60, 0.90), None, "구조로도 임베딩으로도 깔끔하게 갈리지",
     "에 따라 갈렸습니다"),
])
def test_gated_verdict_every_branch(accs, rnn, expect, absent):
    sentence = v.gated_verdict(accs, MAJ, rnn=rnn)
    assert expect in sentence and absent not in sentence


def test_gated_verdict_unnamed_keys_do_not_claim_a_cause():
    sentence = v.gated_verdict({"a": 0.9, "b": 0.6}, MAJ)
    assert "1개(a)만" in sentence and "에 따라 갈렸습니다" not in sentence


def test_gated_verdict_high_majority_and_test_size():
    # 다수 클래스 96 %: 97 %는 학습이 아니고, 99 %는 학습입니다.
    sentence = v.gated_verdict(gated(0.99, 0.99, 0.97, 0.97), 0.96)
    assert "결과가 구조에 따라 갈렸습니다" in sentence
    # 테스트 150통이면 66 %는 60 %와 구별되지 않습니다.
    assert "시작하지 못했습니다" in v.gated_verdict(
        gated(0.66, 0.66, 0.66, 0.66), MAJ, n_test=150)


# -------------------------------------------------------------- fix_verdict

@pytest.mark.parametrize("before, after, expect, absent", [
    ((0.6, 0.6), (0.97, 0.96), ("2개 중 0개에서 2개로 늘었습니다. 정확도는 "
     "96.0%~97.0%"), "모두 고쳐지지는"),
    ((0.6, 0.6), (0.97, 0.6), "2개 중 0개에서 1개로 늘었습니다. 모두 고쳐지지는",
     "줄었"),
    ((0.9, 0.9), (0.6, 0.9), ("오히려 다수 클래스 비율(60.0%)을 뚜렷이 넘은 조건이 2개 "
     "중 2개에서 1개로 줄었습니다"), "늘었"),
    ((0.9, 0.9), (0.95, 0.95), "2개 모두입니다(처방 뒤 정확도 95.0%)", "늘었"),
    ((0.6, 0.6), (0.6, 0.61), "2개 중 0개 그대로입니다", "늘었"),
    ((0.9, 0.6), (0.9, 0.6), "2개 중 1개 그대로입니다", "부족했습니다"),
    ((0.9, 0.6), (0.6, 0.9), "바꾸지 못했습니다", "늘었"),
])
def test_fix_verdict_counts_up_down_and_unchanged(before, after, expect, absent):
    keys = ("a", "b")
    sentence = v.fix_verdict(dict(zip(keys, before)), dict(zip(keys, after)), MAJ)
    assert expect in sentence and absent not in sentence
    if sum(a > 0.65 for a in after) == sum(b > 0.65 for b in before):
        assert "에서 " not in sentence.split("그대로")[0][-8:]  # "n개에서 n개"가 아님
        assert "그대로" in sentence or "모두입니다" in sentence


def test_fix_verdict_with_high_majority():
    sentence = v.fix_verdict({"a": 0.96}, {"a": 0.99}, 0.95)
    assert "1개 중 0개에서 1개로 늘었습니다" in sentence


# --------------------------------------------------------- baseline_verdict

@pytest.mark.parametrize("best, sec, base, base_sec, expect, absent", [
    (0.97, 10.0, 0.99, 0.05, [("회귀(99.0%)가 검증 정확도로 고른 순환 신경망 "
                              "LSTM_사전훈련(97.0%)보다 테스트 메시지 3통을 더"),
                              "약 200배 깁니다", "값을 하지 못합니다"], "같은 수"),
    (0.99, 10.0, 0.97, 0.1, ["LSTM_사전훈련(99.0%)이 TF-IDF", "3통을 더",
                             "약 100배 깁니다", "과제가 정합니다"], "짧습니다"),
    (0.99, 0.15, 0.96, 0.1, ["약 1.5배 깁니다"], "약 2배"),
    (0.99, 0.102, 0.96, 0.1, ["둘이 비슷합니다", "비용도 크지 않았습니다"], "배"),
    (0.99, 0.05, 0.96, 0.1, ["오히려 순환 신경망이 약 2.0배 짧습니다",
                             "비용도 크지 않았습니다"], "깁니다"),
    (0.97, 0.001, 0.97, 0.1, [("회귀(97.0%)와 검증 정확도로 고른 순환 신경망 "
                              "LSTM_사전훈련(97.0%)이 테스트 메시지를 같은 수만큼"),
                              "약 100배 짧습니다", "단순한 모델로도 충분"], "더 맞혔"),
    (0.97, 1.0, 0.97, 0.1, ["같은 수만큼", "약 10배 깁니다"], "약 0배"),
])
def test_baseline_verdict_every_branch(best, sec, base, base_sec, expect, absent):
    sentence = v.baseline_verdict("LSTM_사전훈련", best, sec, base, base_sec, 150)
    assert all(e in sentence for e in expect), sentence
    assert absent not in sentence
    assert "사전훈련(" not in sentence or "훈련가" not in sentence


def test_baseline_verdict_particle_after_a_vowel_key():
    sentence = v.baseline_verdict("GRU", 0.99, 10.0, 0.96, 0.1, 150)
    assert "GRU(99.0%)가 TF-IDF" in sentence


# ------------------------------------------------------------ claim_verdict

PAIRS = ("강의 설정/랜덤", "강의 설정/사전훈련", "게이트 편향/랜덤", "게이트 편향/사전훈련")


def pairs(*lstm_gru):
    return dict(zip(PAIRS, lstm_gru))


@pytest.mark.parametrize("given, expect, absent", [
    (pairs((0.6, 0.6), (0.6, 0.61)), ["두 모델이 모두 학습한 조건이 없어",
                                      ("강의 설정/랜덤, 강의 설정/사전훈련에서는 두 모델 "
                                      "모두")], "가장 큰 차이"),
    (pairs((0.6, 0.6), (0.95, 0.6), (0.97, 0.95), (0.96, 0.97)),
     ["게이트 편향/랜덤 +2.0 %p, 게이트 편향/사전훈련 -1.0 %p",
      "어느 것도 주장한 5~7 %p 안에", "게이트 편향/랜덤 3통 대 잣대 약 6.8통",
      "우연과 구별되지 않습니다", "독립으로 본",
      "강의 설정/사전훈련에서는 LSTM만 학습해 차이가 +35.0 %p",
      "한 모델이 학습에 실패한 결과"], "그 정도 차이가"),
    (pairs((0.6, 0.9)), ["GRU만 학습해 차이가 -30.0 %p", "학습한 조건이 없어"],
     "LSTM만"),
    (pairs((0.96, 0.90), (0.97, 0.91)), ["모두 주장한 5~7 %p 안에 있습니다",
                                         "강의 설정/랜덤 9통 대 잣대 약 8.8통"], "실패한"),
    (pairs((0.96, 0.90), (0.97, 0.96)), ["일부만 주장한 5~7 %p 안에"], "모두 주장한"),
    (pairs((0.99, 0.80)), ["테스트 데이터의 우연(2·√2·SE)의 잣대", "보다 크지만",
                           "시드의 우연일 수", "28통 대 잣대 약 10.6통"],
     "구별되지 않습니다"),
    (pairs((0.97, 0.94), (0.96, 0.90)), ["강의 설정/사전훈련의 차이만", "나머지는 그 안에"],
     "모든 차이가"),
])
def test_claim_verdict_compares_only_pairs_where_both_learned(given, expect, absent):
    sentence = v.claim_verdict(given, MAJ, 150)
    assert all(e in sentence for e in expect), sentence
    assert absent not in sentence


def _hits(n, right_a, right_b, both):
    """Return per-message hits of two models: only A right, only B right, both right."""
    a = [True] * right_a + [False] * right_b + [True] * both
    b = [False] * right_a + [True] * right_b + [True] * both
    rest = n - len(a)
    return a + [False] * rest, b + [False] * rest


def test_claim_verdict_pairs_the_same_test_messages():
    # 150통, LSTM만 맞힌 메시지 5통, GRU만 맞힌 메시지 0통: 차이 5통.
    hit_lstm, hit_gru = _hits(150, 5, 0, 140)
    accs = {"x": (145 / 150, 140 / 150)}
    independent = v.claim_verdict(accs, MAJ, 150)
    paired = v.claim_verdict(accs, MAJ, 150, hits={"x": (hit_lstm, hit_gru)})
    # 독립 잣대(약 7.5통)로는 우연과 같고, 짝지은 잣대 2·√5 ≈ 4.5통으로는 다릅니다
    assert "우연과 구별되지 않습니다" in independent and "7.5통" in independent
    assert "짝지은 비교" in paired and "보다 크지만" in paired, paired
    assert "5통 대 잣대 약 4.5통" in paired
    # 한쪽만 맞힌 메시지가 양쪽으로 갈리면(5 대 2) 같은 정확도 차이도 우연입니다
    hit_lstm, hit_gru = _hits(150, 5, 2, 138)
    paired = v.claim_verdict({"x": (143 / 150, 140 / 150)}, MAJ, 150,
                             hits={"x": (hit_lstm, hit_gru)})
    assert "구별되지 않습니다" in paired and "3통 대 잣대 약 5.3통" in paired


def test_claim_verdict_high_majority():
    # 다수 클래스 96 %: 97 %와 96.5 %는 둘 다 학습이 아니라 비교하지 않습니다.
    sentence = v.claim_verdict({"x": (0.97, 0.965)}, 0.96, 150)
    assert "학습한 조건이 없어" in sentence and "두 모델 모두" in sentence


# ------------------------------------------------------------ speed / steps

@pytest.mark.parametrize("ratio, expect", [
    (2.0, "버킷팅은 뒤쪽 패딩보다 에포크당 2.0배 빠릅니다"),
    (0.2, "버킷팅은 뒤쪽 패딩보다 에포크당 5.0배 느립니다"),
    (1.0, "거의 같습니다"), (1.04, "거의 같습니다"), (1 / 1.04, "거의 같습니다"),
    (1.06, "1.1배 빠릅니다"),
])
def test_speed_verdict(ratio, expect):
    sentence = v.speed_verdict("버킷팅", ratio)
    assert expect in sentence and "1.0배" not in sentence


def test_speed_verdict_refuses_a_non_positive_ratio():
    with pytest.raises(ValueError, match="positive"):
        v.speed_verdict("패킹", 0.0)


@pytest.mark.parametrize("name, steps, post, expect, absent", [
    ("패킹", 11853, 11880, "패킹은 순차 단계를 뒤쪽 패딩의 99.8%로, 거의 줄이지", "크게"),
    ("앞쪽 패딩", 330, 330, "앞쪽 패딩은 순차 단계를 뒤쪽 패딩과 똑같이 밟아, 하나도",
     "%"),
    ("x", 70, 100, "x는 순차 단계를 뒤쪽 패딩의 70.0%로 줄입니다", "크게"),
    ("길이 버킷팅", 3494, 11880, "29.4%로 크게 줄입니다", "거의"),
    ("y", 120, 100, "120.0%로 오히려 늘립니다", "줄입"),
])
def test_steps_verdict_every_branch(name, steps, post, expect, absent):
    sentence = v.steps_verdict(name, steps, post)
    assert expect in sentence and absent not in sentence


# ---------------------------------------------------------- padding_verdict

FIX = ("앞쪽 패딩", "패킹")


@pytest.mark.parametrize("post, fixes, expect, absent", [
    (0.60, (0.95, 0.98), ["뒤쪽 패딩 RNN은 60.0%로 다수 클래스 비율(60.0%) 근처",
                          "입력만 고친 같은 RNN은 모두 학습", "입력의 모양이었습니다"],
     "RNN도"),
    (0.60, (0.95, 0.61), [("앞쪽 패딩에서는 학습했지만 패킹에서는 다수 클래스 비율(60.0%) "
                          "근처")], "모양이었습니다"),
    (0.60, (0.62, 0.61), ["입력을 고친 RNN도 모두 다수 클래스 비율(60.0%) 근처"],
     "학습했"),
    (0.60, (0.30, 0.61), [("입력을 고친 RNN도 모두 다수 클래스 비율(60.0%)을 뚜렷이 넘지 "
                          "못했습니다")], "RNN도 모두 다수 클래스 비율(60.0%) 근처"),
    (0.90, (0.95, 0.98), ["뒤쪽 패딩 RNN이 90.0%로", ("입력만 고친 같은 RNN도 모두 "
                          "학습했습니다(앞쪽")], "모양이었습니다"),
    # 뒤쪽 패딩이 학습했다면 입력을 고친 RNN이 실패해도 "RNN도"라고 하지 않습니다
    (0.90, (0.60, 0.61), ["뒤쪽 패딩 RNN이 90.0%로", "입력을 고친 RNN은 오히려 모두"],
     "RNN도"),
    (0.90, (0.95, 0.61), ["입력을 고친 RNN은 앞쪽 패딩에서는 학습했지만"], "RNN도"),
    (0.30, (0.95, 0.98), ["60.0%)보다도 뚜렷이 낮았습니다"], "근처"),
])
def test_padding_verdict_for_each_outcome(post, fixes, expect, absent):
    sentence = v.padding_verdict(post, dict(zip(FIX, fixes)), MAJ)
    assert all(e in sentence for e in expect), sentence
    assert absent not in sentence


# ------------------------------------------------------------ seeds_verdict

@pytest.mark.parametrize("accs, majority, expect, absent", [
    ([0.59, 0.60, 0.61], MAJ, "시드 3개 모두 다수 클래스 비율(60.0%) 근처", "넘었"),
    ([0.20, 0.30, 0.25], MAJ, "시드 3개 모두 다수 클래스 비율(60.0%)보다도", "근처"),
    ([0.80, 0.90, 0.85], MAJ, "이 설정도 학습했고, 시드에 따라 80.0%~90.0% 사이",
     "강의 설정도"),
    ([0.90, 0.90, 0.90], MAJ, "모두 90.0%였습니다", "90.0%~90.0%"),
    ([0.60, 0.90, 0.61], MAJ, "3개 가운데 1개에서만", "모두"),
    ([0.97, 0.99, 0.96], 0.96, "3개 가운데 1개에서만", "모두"),
    ([0.34, 0.50, 0.60], 1 / 3, "3개 가운데 2개에서만 다수 클래스 비율(33.3%)", "모두"),
])
def test_seeds_verdict_none_all_some(accs, majority, expect, absent):
    sentence = v.seeds_verdict("강의 설정의 LSTM", accs, majority)
    assert sentence.startswith("강의 설정의 LSTM은 ")
    assert expect in sentence and absent not in sentence


# ------------------------------------------------------ seed_interval, claims

def test_seed_interval_uses_t_quantiles():
    mean, half = v.seed_interval([0.01, 0.02, 0.03])
    assert mean == pytest.approx(0.02)
    assert half == pytest.approx(4.30 * 0.01 / 3 ** 0.5)
    assert v.seed_interval([0.0, 0.0])[1] == 0.0
    with pytest.raises(ValueError):
        v.seed_interval([0.1])


@pytest.mark.parametrize("diffs, why, verdict", [
    ([0.010, 0.012, 0.014], "주장보다 작습니다", "뒷받침하지 않습니다"),
    ([-0.03, -0.02, -0.025], "오히려 GRU가", "뒷받침하지 않습니다"),
    ([-0.01, 0.0, 0.01], "0과 구별되지 않습니다", "뒷받침하지 않습니다"),
    ([0.0, 0.0, 0.0], "0과 구별되지 않습니다", "뒷받침하지 않습니다"),
    ([0.013, 0.013, 0.047], "0을 함께 덮으므로", "확인하지도 기각하지도"),
    ([0.005, 0.1, 0.2], "0을 함께 덮으므로", "확인하지도 기각하지도"),
    ([0.058, 0.06, 0.062], "구간 전체가 주장한 5~7 %p 안에", "주장과 맞습니다"),
    ([0.06, 0.06, 0.06], "구간 전체가 주장한", "주장과 맞습니다"),
    ([0.05, 0.05, 0.05], "구간 전체가 주장한", "주장과 맞습니다"),  # 경계도 범위 안
    ([0.055, 0.06, 0.065], "겹치므로", "반박하지 않습니다"),  # 4.8~7.2 %p
    ([0.04, 0.06, 0.08], "겹치므로", "반박하지 않습니다"),    # 0보다 크고 겹치기만
    ([0.15, 0.16, 0.17], "구간 전체가 주장한 5~7 %p보다 커서", "더 크게 앞섰습니다"),
])
def test_seed_claim_verdict_accounts_for_spread(diffs, why, verdict):
    sentence = v.seed_claim_verdict(diffs)
    assert why in sentence and "시드 3개" in sentence
    assert "주장한 5~7 %p" in sentence
    assert [w for w in CLAIM_WORDS if w in sentence] == [verdict]
    mean, half = v.seed_interval(diffs)
    assert f"평균 {v.pp_diff(mean)}" in sentence
    assert f"{v.pp_diff(mean - half)}~{v.pp_diff(mean + half)}" in sentence


def test_an_interval_that_only_overlaps_the_claim_does_not_agree():
    # 구간 0.5~20 %p처럼 주장과 겹치기만 하면 "맞다"가 아니라 "반박하지 않는다"
    sentence = v.seed_claim_verdict([0.0625, 0.1025, 0.1425])  # +0.3~+20.2 %p
    assert "0보다 크고" in sentence and "반박하지 않습니다" in sentence
    assert "맞습니다" not in sentence and "확인했다고" in sentence


# ------------------------------------------------------------- leak_verdict

@pytest.mark.parametrize("hits_ab, spread, expect, absent", [
    # 3통 차이, 한쪽만 맞힌 메시지 3 대 0: 잣대 2·√3 ≈ 3.5통 안
    ((3, 0), 0.0, ["+2.0 %p(테스트 메시지 3통)", "한쪽만 맞힌 메시지 3통 대 0통",
                   "약 3.5통", "볼 수 없습니다"], "시드 사이"),
    # 9통 차이(9 대 0): 잣대 6통보다 크므로 누수가 부풀렸다고 봅니다
    ((9, 0), 0.0, ["+6.0 %p(테스트 메시지 9통)", "약 6.0통)보다 크므로",
                   "부풀렸다고 봐야"], "볼 수 없습니다"),
    # 같은 9통이라도 시드 사이 흔들림(표준편차 3 %p)을 더하면 잣대 안입니다
    ((9, 0), 0.03, ["시드 사이 흔들림(표준편차 3.0 %p)", "볼 수 없습니다"], "봐야"),
    ((0, 9), 0.0, ["-6.0 %p(테스트 메시지 9통)", "방향이 반대"], "봐야"),
    ((0, 0), float("nan"), ["0통", "볼 수 없습니다"], "시드 사이"),
])
def test_leak_verdict_pairs_the_test_messages_and_adds_the_seeds(hits_ab, spread,
                                                                 expect, absent):
    leaky, clean = _hits(150, *hits_ab, 130)
    c = pp.stats.compare(0, 0, 150, leaky, clean, seed_std=spread)
    sentence = v.leak_verdict(c)
    assert all(e in sentence for e in expect), sentence
    assert absent not in sentence


def test_leak_verdict_without_predictions_uses_the_independent_yardstick():
    c = pp.stats.compare(0.96, 0.94, 150)  # 3통: 2·√2·SE ≈ 7통 안
    sentence = v.leak_verdict(c)
    assert "독립으로 본" in sentence and "볼 수 없습니다" in sentence


# ---------------------------------------------------------- paired_sentence

@pytest.mark.parametrize("counts, expect, absent", [
    ((5, 0, 140), ["LSTM만 맞힌 메시지 5통과 GRU만 맞힌 메시지 0통의 차이 5통",
                   "짝지은 잣대(약 4.5통)보다 커서", "LSTM이 더 정확했다",
                   "독립을 가정한 잣대(약 7.5통)보다 좁았습니다",
                   "독립을 가정한 잣대로는 우연과 가릴 수 없었을"], "넓었"),
    ((0, 7, 130), ["GRU가 더 정확했다"], "LSTM이 더"),
    ((16, 10, 110), ["짝지은 잣대(약 10.2통) 안에 있어", "우연과 가릴 수 없습니다",
                     "보다 좁았습니다"], "더 정확했다"),
    ((40, 40, 50), ["한쪽만 맞힌 메시지가 많아 짝지은 잣대가", "보다 넓었습니다"], "좁았"),
])
def test_paired_sentence_for_each_outcome(counts, expect, absent):
    a, b = _hits(150, *counts)
    sentence = v.paired_sentence(pp.stats.paired(a, b), "LSTM", "GRU")
    assert all(e in sentence for e in expect), sentence
    assert absent not in sentence


# --------------------------------------------------------- pretrain_verdict

class Run:
    """A stand-in for a Result: test accuracy, per-message predictions, history."""

    def __init__(self, test_acc, first_val, pred=None):
        self.test_acc, self.test_pred = test_acc, pred
        self.history = type("H", (), {"val_acc": [first_val]})()


def runs_of(n_right, first_val, n=150):
    pred = [1] * n_right + [0] * (n - n_right)  # 레이블은 모두 1
    return Run(n_right / n, first_val, pred)


LABELS = [1] * 150


@pytest.mark.parametrize("pairs, expect, absent", [
    # 두 임베딩 모두 다수 클래스 비율 근처인 조건(RNN)은 평균에 넣지 않고 뺍니다
    ({"RNN": (runs_of(90, 0.60), runs_of(91, 0.60)),
      "LSTM": (runs_of(120, 0.60), runs_of(140, 0.80))},
     ["하나라도 다수 클래스 비율(60.0%)을 뚜렷이 넘은 1개 조건", "둘 다 넘지 못한 RNN은 뺐습니다",
      "첫 에포크의 검증 정확도를 모든 조건에서 높였습니다",
      "최종 테스트 정확도는 모든 조건에서 높였습니다", "짝지은 비교"], "낮췄"),
    ({"RNN": (runs_of(90, 0.6), runs_of(90, 0.6))},
     ["1개 조건 모두 두 임베딩 어느 쪽으로도", "잴 수 없습니다"], "높였"),
    ({"LSTM": (runs_of(140, 0.80), runs_of(139, 0.80)),
      "GRU": (runs_of(140, 0.80), runs_of(120, 0.60))},
     ["GRU에서는 오히려 낮췄고, LSTM에서는 우연과 가릴 만큼 바꾸지 못했습니다"],
     "모든 조건에서 높였"),
    ({"LSTM": (runs_of(140, 0.80), runs_of(141, 0.81))},
     ["정확도를 어느 조건에서도 우연과 가릴 만큼 바꾸지 못했습니다. 최종",
      "최종 테스트 정확도는 어느 조건에서도 우연과 가릴 만큼 바꾸지 못했습니다"],
     "높였"),
])
def test_pretrain_verdict_judges_each_learned_condition(pairs, expect, absent):
    sentence = v.pretrain_verdict(pairs, MAJ, 150, 600, labels=LABELS)
    assert all(e in sentence for e in expect), sentence
    assert absent not in sentence


def test_pretrain_verdict_without_predictions_is_independent():
    pairs = {"LSTM": (Run(0.80, 0.6), Run(0.95, 0.9))}
    sentence = v.pretrain_verdict(pairs, MAJ, 150, 600)
    assert "최종은 두 정확도를 독립으로 본 2·√2·SE로 판정" in sentence
    assert "최종 테스트 정확도는 모든 조건에서 높였습니다" in sentence


# ---------------------------------------------------- run, timing, source

@pytest.mark.parametrize("mode, device, source, expect", [
    ("quick", "cpu", "offline", ["quick", "CPU", "오프라인", "데이터)로 계산"]),
    ("full", "cuda:0", "download", ["full", "GPU", "spam_SNS.csv로 계산"]),
    ("quick", "cpu", "dataframe", ["직접 넘긴 데이터프레임으로 계산"]),
])
def test_run_sentence(mode, device, source, expect):
    sentence = v.run_sentence(mode, device, source)
    assert all(e in sentence for e in expect), sentence


def test_timing_sentence():
    assert "CPU" in v.timing_sentence("cpu")
    gpu = v.timing_sentence("cuda", "H100")
    assert "H100" in gpu and "CPU" not in gpu
    assert "GPU에서" in v.timing_sentence("cuda")
