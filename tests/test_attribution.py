"""Gate traces, token evidence and the deletion test (nlp_pp.attribution)."""

from types import SimpleNamespace

import matplotlib
import numpy as np
import pandas as pd
import pytest
import torch
from torch import nn

import nlp_pp as pp
from nlp_pp import attribution as at
from nlp_pp.models import RecurrentClassifier

matplotlib.use("Agg")

T, V = 14, 30


def _model(cell, seed=0, gate_bias=2.0):
    torch.manual_seed(seed)
    return RecurrentClassifier(V, 6, 2, 5, cell=cell, gate_bias=gate_bias).eval()


def _ids(seed=0, n=4):
    rng = np.random.default_rng(seed)
    x = rng.integers(2, V, size=(n, T))
    for row, length in zip(x, [3, 7, 10, T]):
        row[length:] = pp.PAD_IDX  # 뒤쪽 패딩
    return x


@pytest.mark.parametrize("cell", ["lstm", "gru"])
def test_stepped_states_equal_the_layers_outputs(cell):
    model = _model(cell)
    emb = model.embed(torch.as_tensor(_ids()))
    trace = at.step_cell(model, emb)
    out, hidden = model.rnn(emb)
    assert torch.allclose(trace["h"], out, atol=1e-6)
    if cell == "lstm":  # 마지막 셀 상태도 nn.LSTM의 c_n과 같습니다
        assert torch.allclose(trace["c"][:, -1], hidden[1][0], atol=1e-6)
    assert set(trace) == set(at.GATES[cell]) | {"h"} | ({"c"} if cell == "lstm" else set())
    for g in at.GATES[cell]:
        assert trace[g].shape == out.shape


def test_gate_order_is_pytorchs():
    """A forget-gate bias shows up in trace["f"], an update-gate bias in trace["z"]."""
    lstm, gru = _model("lstm", gate_bias=6.0), _model("gru", gate_bias=6.0)
    x = np.zeros((1, T), dtype=np.int64)  # 패딩만: 게이트는 편향이 정합니다
    assert at.gate_trace(lstm, x)["f"][0, 0].min() > 0.99
    assert at.gate_trace(lstm, x)["i"][0, 0].max() < 0.9
    assert at.gate_trace(gru, x)["z"][0, 0].min() > 0.99
    assert at.gate_trace(gru, x)["r"][0, 0].max() < 0.9


def test_a_model_without_gates_is_refused_in_two_languages():
    with pytest.raises(pp.NlpPPError) as err:
        at.step_cell(_model("rnn", gate_bias=0.0), torch.zeros(1, 3, 6))
    assert "게이트" in str(err.value) and "gated" in str(err.value)
    with pytest.raises(pp.NlpPPError):
        at.step_cell(nn.LSTM(6, 5, num_layers=2, batch_first=True), torch.zeros(1, 3, 6))


def test_token_pad_means_and_strip():
    model, x = _model("lstm"), _ids()
    trace = at.gate_trace(model, x)
    means = at.token_pad_means(trace, x, ["f", "i"])
    is_pad = x == pp.PAD_IDX
    assert means.loc["f", "패딩"] == pytest.approx(trace["f"].mean(-1)[is_pad].mean())
    words = {i: f"w{i}" for i in range(V)}
    strip = at.gate_strip(model, x[0], words, ["f", "i"], n_pads=4)
    pads = strip[strip["kind"] == "패딩"]
    assert list(strip.columns) == ["position", "kind", "label", "f", "i"]
    assert (strip["kind"] == "토큰").sum() == 3
    assert pads["position"].iloc[0] == 3 and pads["position"].iloc[-1] == T - 1
    assert pads["label"].iloc[0] == "P1" and pads["label"].iloc[-1] == f"P{T - 3}"
    assert strip["f"].iloc[0] == pytest.approx(trace["f"][0, 0].mean())


def test_grad_x_input_is_zero_on_pads_and_flips_with_the_class():
    model, x = _model("gru"), _ids()
    spam = at.grad_x_input(model, x, 1)
    ham = at.grad_x_input(model, x, 0)
    assert spam.shape == x.shape
    assert not spam[x == pp.PAD_IDX].any()
    np.testing.assert_allclose(ham, -spam, atol=1e-6)  # 두 클래스의 로그 오즈는 부호만 다릅니다


def _share_of(token):
    """A fake model: p(class 1) = the share of `token` in the message."""
    def predict(seqs):
        p = np.array([np.mean(np.asarray(s) == token) if len(s) else 0.0 for s in seqs])
        return np.stack([1 - p, p], axis=1)
    return predict


def test_top_tokens_are_syllables_in_score_order():
    tokens = ["ㅁㅜ_ㄹㅛ_", "ㄷㅏㅇㅊㅓㅁ", "a", "ㄷㅏㅇㅊㅓㅁ"]
    assert at.top_tokens(tokens, [0.5, 2.0, -1.0, 2.0], 2) == ["당첨", "당첨"]
    assert at.top_tokens(tokens, [0.5, 0.1, 3.0, 0.0], 1) == ["a"]


def test_occlusion_deletes_one_token_and_keeps_the_sign():
    got = at.occlusion(_share_of(9), [9, 4, 4, 4], 1)
    # 원문 1/4; 9를 지우면 0, 4를 지우면 1/3
    np.testing.assert_allclose(got, [0.25, 0.25 - 1 / 3, 0.25 - 1 / 3, 0.25 - 1 / 3])


def test_model_proba_pads_and_sums_to_one():
    model = _model("lstm")
    p = at.model_proba(model, T)([[3, 4], [5, 6, 7]])
    assert p.shape == (2, 2)
    np.testing.assert_allclose(p.sum(1), 1, rtol=1e-6)
    with torch.no_grad():
        want = model(torch.as_tensor(pp.pad_seq_x([[3, 4]], T))).softmax(-1)
    np.testing.assert_allclose(p[0], want[0].numpy(), rtol=1e-5)


def test_baseline_evidence_adds_up_to_the_log_odds():
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    docs = [["a", "b", "b"], ["c", "d"], ["a", "a", "e"], ["c", "e", "d"]] * 5
    pipe = make_pipeline(TfidfVectorizer(analyzer=lambda d: d),
                         LogisticRegression()).fit(docs, [1, 0, 1, 0] * 5)
    test = [["a", "b", "b", "zz"], ["c", "e"]]
    ev = at.baseline_evidence(pipe, test, [1, 0])
    assert ev[0][3] == 0.0  # 모르는 토큰
    assert ev[0][1] == ev[0][2]  # 두 번 나온 토큰은 몫을 나눕니다
    logit = pipe.decision_function(test) - pipe[-1].intercept_
    assert ev[0].sum() == pytest.approx(logit[0])
    assert ev[1].sum() == pytest.approx(-logit[1])  # 정답 클래스 0 쪽으로 민 값


def test_deletion_curves_find_the_token_that_matters():
    seqs = [[9, 1, 2, 3, 4, 5, 6], [7, 9, 9, 2, 3, 4, 5, 6]]
    scores = [np.asarray(s) == 9 for s in seqs]  # 9를 가장 중요하다고 봅니다
    curves = at.deletion_curves(_share_of(9), seqs, [s.astype(float) for s in scores],
                                [1, 1], n_random=4, seed=0)
    assert len(curves) == 2 * 5 * (1 + 4)
    summary = at.deletion_summary(curves, ("일상대화", "스팸문자"))
    assert list(summary.index.get_level_values(0).unique()) == ["스팸문자"]
    top = summary.loc["스팸문자"]
    assert (top[at.ATTR] >= top[at.RANDOM]).all()
    # k=1: 첫 메시지는 9(1/7)를 지워 1/7만큼, 둘째는 9 하나를 지워 2/8 − 1/7만큼
    assert top.loc[1, at.ATTR] == pytest.approx((1 / 7 + (2 / 8 - 1 / 7)) / 2)
    again = at.deletion_curves(_share_of(9), seqs, [s.astype(float) for s in scores],
                               [1, 1], n_random=4, seed=0)
    pd.testing.assert_frame_equal(curves, again)  # 시드가 같으면 같은 추첨
    with pytest.raises(pp.NlpPPError):
        at.deletion_curves(_share_of(9), seqs, [np.ones(3), np.ones(8)], [1, 1])


def _summary(attr, rand, spread, classes=("일상대화", "스팸문자")):
    idx = pd.MultiIndex.from_product([classes, [1, 2, 3, 4, 5]], names=["클래스", "k"])
    n = len(idx)
    return pd.DataFrame({at.ATTR: np.resize(attr, n), at.RANDOM: np.resize(rand, n),
                         "무작위 흔들림": np.resize(spread, n), "메시지 수": 10}, index=idx)


def test_deletion_verdict_says_what_the_curves_show_either_way():
    better = at.deletion_verdict("LSTM", _summary([0.1, 0.2, 0.3, 0.4, 0.5], 0.01, 0.01))
    assert better.count("실제로 중요한 토큰을 골랐습니다") == 2
    same = at.deletion_verdict("LSTM", _summary(0.02, 0.02, 0.01))
    assert same.count("말할 수 없습니다") == 2 and "골랐습니다" not in same
    worse = at.deletion_verdict("LSTM", _summary(0.0, 0.2, 0.01))
    assert worse.count("고르지 못했습니다") == 2
    mixed = at.deletion_verdict("LSTM", _summary([0.01, 0.01, 0.3, 0.4, 0.5], 0.01, 0.01))
    assert "k = 3, 4, 5에서뿐" in mixed
    # 잣대: 무작위 흔들림의 두 배. 차이가 그 안이면 가를 수 없습니다
    inside = at.deletion_verdict("LSTM", _summary(0.05, 0.02, 0.02))
    assert "말할 수 없습니다" in inside
    assert "일상대화 메시지" in better and "스팸문자 메시지" in better
    assert "-0.0" not in at.deletion_verdict("LSTM", _summary(0.1, -0.0001, 0.01))


def test_gate_sentence_compares_the_share_a_keep_gate_lets_go():
    keep = at.gate_sentence("GRU", "업데이트 게이트 z", 0.97, 0.99, complement="몫")
    assert "토큰에서 3.0배" in keep
    assert "두 곳에서 거의 같습니다" in at.gate_sentence("LSTM", "i", 0.05, 0.05)
    assert "패딩에서 2.0배" in at.gate_sentence("LSTM", "i", 0.05, 0.1)


def test_evidence_html_is_self_contained_spans():
    html = at.evidence_html(["ㅁㅜ_ㄹㅛ_", "<UNK>", "a"], [1.0, -0.5, 0.0], "제목")
    assert html.count('class="pp-evidence"') == 3
    assert "무료" in html and "&lt;UNK&gt;" in html  # 음절로, HTML은 이스케이프
    assert "rgba(214, 39, 40, 0.85)" in html and "rgba(31, 119, 180, 0.42)" in html
    assert "<script" not in html and "<link" not in html and "제목" in html
    with pytest.raises(pp.NlpPPError):
        at.evidence_html(["a"], [1.0, 2.0])


def test_pick_messages_is_seeded_and_handles_no_mistake():
    labels = np.array([0, 1, 0, 1, 0, 1, 0, 1])
    lengths = np.full(8, 10)
    wrong = labels.copy()
    wrong[[2, 3]] = 1 - wrong[[2, 3]]
    picks = at.pick_messages(labels, wrong, ("일상대화", "스팸문자"), lengths, seed=3)
    assert picks == at.pick_messages(labels, wrong, ("일상대화", "스팸문자"), lengths,
                                     seed=3)
    assert labels[picks["스팸문자 메시지"]] == 1 and picks["틀린 메시지"] in (2, 3)
    assert picks["스팸문자 메시지"] != 3  # 맞힌 메시지가 있으면 그 가운데서
    perfect = at.pick_messages(labels, labels, ("일상대화", "스팸문자"), lengths)
    assert perfect["틀린 메시지"] is None
    none_right = at.pick_messages(labels, np.zeros(8, int), ("일상대화", "스팸문자"),
                                  lengths)
    assert labels[none_right["스팸문자 메시지"]] == 1  # 맞힌 스팸이 없으면 아무 스팸


def test_the_plots_draw():
    model, x = _model("lstm"), _ids()
    words = {i: f"w{i}" for i in range(V)}
    strip = at.gate_strip(model, x[0], words, ["f", "i"], n_pads=4)
    fig = pp.plot_gate_strips({"메시지": {"뒤쪽 패딩": strip}})
    assert len(fig.axes) == 1
    summary = _summary([0.1, 0.2, 0.3, 0.4, 0.5], 0.01, 0.01)
    fig = pp.plot_deletion_curves({"LSTM": summary, "기준 모델": summary})
    assert len(fig.axes) == 4


# ------------------------------------------------------------ the exercise's check
def _exercise_run():
    model = _model("lstm", seed=1)
    prep = SimpleNamespace(cfg=SimpleNamespace(context_length=T),
                           classes=("일상대화", "스팸문자"),
                           idx_to_word={i: f"w{i}" for i in range(V)})
    msg = [5, 9, 11, 3, 7, 20]
    right = at.occlusion(at.model_proba(model, T), msg, 1)
    return model, prep, msg, right


def test_the_evidence_exercise_answers_back():
    q = pp.exercise("ch6-ex-evidence")
    model, prep, msg, right = _exercise_run()
    try:
        assert q.check(occlusion=right, model=model, message=msg, prep=prep).ok is None
        q.predict(["w9", "w11", "없는말"])
        run = {"model": model, "message": msg, "prep": prep}
        fb = q.check(occlusion=right, **run)
        assert fb.ok, fb.message
        assert "없는말" in fb.message
        assert q.check(occlusion=..., **run).ok is None  # 가림 = ...
        sign = q.check(occlusion=-right, **run)
        assert sign.ok is False and "부호" in sign.message
        pads = q.check(occlusion=np.r_[right, np.zeros(T - len(msg))], **run)
        assert pads.ok is False and "패딩" in pads.message
        p = at.model_proba(model, T)
        in_place = [msg] + [msg[:j] + [pp.PAD_IDX] + msg[j + 1:] for j in range(len(msg))]
        probs = p(in_place)[:, 1]
        fb = q.check(occlusion=probs[0] - probs[1:], **run)
        assert fb.ok is False and "<PAD>" in fb.message
        off = q.check(occlusion=right + 0.1, **run)
        assert off.ok is False and "번째 토큰" in off.message
    finally:
        q.reset()
