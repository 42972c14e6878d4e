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
