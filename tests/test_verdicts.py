"""Every outcome-dependent sentence, fed each outcome it can meet."""

import pytest

import nlp_pp as pp
from nlp_pp import verdicts as v

MAJ = 0.60


@pytest.mark.parametrize("accs, expect", [
    ({"랜덤초기화": 0.60, "사전훈련": 0.62}, "근처에 머물렀습니다"),
    ({"랜덤초기화": 0.95, "사전훈련": 0.97}, "넘어 학습했습니다"),
    ({"랜덤초기화": 0.61, "사전훈련": 0.92}, "사전훈련에서는 학습했지만 랜덤초기화"),
])
def test_model_verdict_for_each_outcome(accs, expect):
    sentence = v.model_verdict("LSTM", accs, MAJ)
    assert expect in sentence and "60.0%" in sentence


def test_79_percent_is_not_called_close_to_a_60_percent_majority():
    assert "학습했습니다" in v.model_verdict("LSTM", {"랜덤초기화": 0.793}, MAJ)


@pytest.mark.parametrize("accs, expect", [
    ({"a": 0.60, "b": 0.61, "c": 0.59, "d": 0.62}, "학습을 시작하지 못했습니다"),
    ({"a": 0.96, "b": 0.97, "c": 0.93, "d": 0.99}, "4개 조건 모두 다수"),
    ({"a": 0.79, "b": 0.92, "c": 0.62, "d": 0.60}, "2개만"),
])
def test_gated_verdict_at_majority_above_and_mixed(accs, expect):
    assert expect in v.gated_verdict(accs, MAJ)


def test_fix_verdict_counts_conditions():
    before = {"a": 0.6, "b": 0.6}
    assert "0개에서 2개" in v.fix_verdict(before, {"a": 0.97, "b": 0.96}, MAJ)
    assert "모두 고쳐지지는" in v.fix_verdict(before, {"a": 0.97, "b": 0.6}, MAJ)
    assert "부족했습니다" in v.fix_verdict(before, {"a": 0.6, "b": 0.61}, MAJ)


def test_baseline_verdict_both_ways():
    worse = v.baseline_verdict("GRU_사전훈련", 0.97, 10.0, 0.99, 0.05, 150)
    assert "같거나 더 정확" in worse and "200배" in worse
    better = v.baseline_verdict("GRU_사전훈련", 0.99, 10.0, 0.96, 0.1, 150)
    assert "4통을 더" in better or "5통을 더" in better


def test_run_timing_source_and_speed_sentences():
    s = v.run_sentence("quick", "cpu", "offline")
    assert "quick" in s and "CPU" in s and "오프라인" in s
    s = v.run_sentence("full", "cuda:0", "download")
    assert "full" in s and "GPU" in s and "spam_SNS.csv" in s
    assert "CPU" in v.timing_sentence("cpu")
    assert "H100" in v.timing_sentence("cuda", "H100") and "CPU" not in \
        v.timing_sentence("cuda", "H100")
    assert "2.0배 빠릅니다" in v.speed_verdict("버킷팅", 2.0)
    assert "5.0배 느립니다" in v.speed_verdict("패킹", 0.2)
    assert "거의 같습니다" in v.speed_verdict("앞쪽 패딩", 1.0)
    assert "뒷받침하지 않습니다" in v.claim_verdict({"a": 0.01, "b": -0.02})
    assert "그 정도" in v.claim_verdict({"a": 0.06, "b": 0.05})
    assert pp.verdicts.pct(0.5) == "50.0%"


def test_seed_interval_uses_t_quantiles():
    mean, half = v.seed_interval([0.01, 0.02, 0.03])
    assert mean == pytest.approx(0.02)
    assert half == pytest.approx(4.30 * 0.01 / 3 ** 0.5)
    assert v.seed_interval([0.0, 0.0])[1] == 0.0
    with pytest.raises(ValueError):
        v.seed_interval([0.1])


@pytest.mark.parametrize("post, fixes, expect", [
    (0.60, {"앞쪽 패딩": 0.95, "패킹": 0.98}, "입력의 모양이었습니다"),
    (0.60, {"앞쪽 패딩": 0.95, "패킹": 0.61}, "앞쪽 패딩에서는 학습했지만 패킹"),
    (0.60, {"앞쪽 패딩": 0.62, "패킹": 0.61}, "입력을 고쳐도 모두"),
    (0.90, {"앞쪽 패딩": 0.95, "패킹": 0.98}, "뒤쪽 패딩 RNN도 90.0%"),
])
def test_padding_verdict_for_each_outcome(post, fixes, expect):
    sentence = v.padding_verdict(post, fixes, MAJ)
    assert expect in sentence
    if post > 0.8:
        assert "입력의 모양이었습니다" not in sentence


def test_steps_verdict_small_medium_large_cut():
    assert "거의 줄이지 못합니다" in v.steps_verdict("패킹", 11853, 11880)
    assert "70.0%로 줄입니다" in v.steps_verdict("x", 70, 100)
    assert "29.4%로 크게" in v.steps_verdict("길이 버킷팅", 3494, 11880)


@pytest.mark.parametrize("accs, expect", [
    ([0.59, 0.60, 0.61], "모두 다수 클래스 비율(60.0%) 근처"),
    ([0.80, 0.90, 0.85], "80.0%~90.0% 사이"),
    ([0.60, 0.90, 0.61], "3개 가운데 1개에서만"),
])
def test_seeds_verdict_none_all_some(accs, expect):
    assert expect in v.seeds_verdict("강의 설정의 LSTM", accs, MAJ)


@pytest.mark.parametrize("diffs, expect", [
    ([0.010, 0.012, 0.014], "주장보다 작습니다"),
    ([-0.03, -0.02, -0.025], "오히려 GRU가"),
    ([-0.01, 0.0, 0.01], "0과 구별되지 않습니다"),
    ([0.013, 0.013, 0.047], "확인하지도 기각하지도"),
    ([0.055, 0.06, 0.065], "주장과 맞습니다"),
    ([0.15, 0.16, 0.17], "더 크게 앞섰습니다"),
])
def test_seed_claim_verdict_accounts_for_spread(diffs, expect):
    sentence = v.seed_claim_verdict(diffs)
    assert expect in sentence and "시드 3개" in sentence
    supported = "주장과 맞습니다" in sentence
    assert supported == (expect == "주장과 맞습니다")


def test_leak_verdict_small_inflated_and_reversed():
    assert "볼 수 없습니다" in v.leak_verdict(0.007, 0.01, 150)
    one = v.leak_verdict(0.96 - 0.9533333333333334, 0.0, 150)  # 한 통 차이
    assert "1통" in one and "볼 수 없습니다" in one
    assert "부풀렸다고 봐야" in v.leak_verdict(0.05, 0.01, 150)
    assert "방향이 반대" in v.leak_verdict(-0.05, 0.01, 150)


@pytest.mark.parametrize("word, expect", [
    ("RNN", "RNN은"), ("LSTM", "LSTM은"), ("GRU", "GRU는"), ("모델", "모델은"),
    ("버킷팅", "버킷팅은"), ("패킹", "패킹은"), ("앞쪽 패딩", "앞쪽 패딩은"), ("배치", "배치는"),
])
def test_topic_particle(word, expect):
    assert v.topic(word) == expect
