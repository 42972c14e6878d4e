"""Exercises that answer back: the framework, the book's order, and every check.

Each chapter's checks get a typical wrong answer (rejected with a message naming the
quantity and the gap), the reference answer (accepted) and the ``...`` stub (not
answered). The run objects are built here, small and untrained: no data, no training.
"""

import re
from pathlib import Path

import numpy as np
import pytest
import torch
import yaml
from torch import nn

import nlp_pp as pp
from nlp_pp.exercises import core

ROOT = Path(__file__).resolve().parents[1]
TOC = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
CHAPTERS = [c["file"] for part in TOC["parts"] for c in part["chapters"]
            if c["file"].startswith("chapters/")]
EXERCISE = re.compile(
    r"^(`{3,}|:{3,})\{exercise\}[^\n]*\n(?::[^\n]*\n)*?:label:\s*(\S+)", re.MULTILINE)


def book_labels():
    labels = []
    for chapter in CHAPTERS:
        text = (ROOT / f"{chapter}.md").read_text(encoding="utf-8")
        labels += [m.group(2) for m in EXERCISE.finditer(text)]
    return labels


# ---------------------------------------------------------------- the framework
def test_order_is_the_books_exercise_order():
    assert book_labels() == list(core.ORDER)


def test_every_exercise_is_registered_with_its_number():
    missing = [label for label in core.ORDER if label not in core._REGISTRY]
    assert not missing, f"no check registered for {missing}"
    for number, label in enumerate(core.ORDER, start=1):
        q = pp.exercise(number)
        assert q is pp.exercise(label)
        assert q.number == number and q.label == label
        assert q.kind in core.KINDS and q.minutes > 0 and q.title
        assert q.hint().message and q.solution().message


@pytest.mark.parametrize("key", [0, 27, "ch9-ex1", 1.0, True])
def test_unknown_key_is_a_clear_error(key):
    with pytest.raises(pp.NlpPPError, match="연습"):
        pp.exercise(key)


def _toy(kind="code", form=None):
    def check(answer, *, x):
        got = core.call_student(answer, x) if kind == "code" else answer
        want = 2 * x
        if got == want:
            return core.right(f"{core.fmt(got)}")
        return core.not_yet(f"{core.fmt(got)}, 기대 {core.fmt(want)}")
    return core.Exercise("toy", "toy", kind, 1, check, "hint", "sol", code="x",
                         form=form)


def test_feedback_says_right_not_yet_and_unanswered():
    q = _toy()
    q.number = 99
    good = q.check(lambda x: 2 * x, x=3)
    assert good.ok is True and good._repr_markdown_().startswith("**✅ 맞았습니다**")
    bad = q.check(lambda x: x + 1, x=3)
    assert bad.ok is False and "기대 6" in bad.message
    assert "pp.exercise(99).hint()" in bad._repr_markdown_()
    assert "❌ 아직입니다" in repr(bad)
    for stub in (..., lambda x: ...):
        fb = q.check(stub, x=3)
        assert fb.ok is None and fb.kind == "unanswered"
        assert core.UNANSWERED in fb.message and core.UNANSWERED in repr(fb)
    crash = q.check(lambda x: 1 / 0, x=3)
    assert crash.ok is False and "ZeroDivisionError" in crash.message
    assert q.check(3, x=3).ok is False  # a number where a function belongs
    with pytest.raises(pp.NlpPPError, match="x"):
        q.check(lambda x: 2 * x)  # a run object is missing: the author's mistake
    assert q.solution().code == "x" and "```python" in q.solution()._repr_markdown_()


def test_prediction_is_recorded_then_checked():
    q = _toy("predict", form={"a": core.Choice("커진다", "작아진다"),
                              "n": core.Number(integer=True)})
    q.number = 98
    assert q.check(x=1).kind == "unanswered"  # nothing predicted yet
    assert "predict(" in q.check(x=1).message
    assert q.predict({"a": ..., "n": 3}).kind == "unanswered"
    bad_form = q.predict({"a": "커짐", "n": 3})
    assert bad_form.ok is False and '"커진다" / "작아진다" 중 하나' in bad_form.message
    assert q.predict({"a": "커진다", "n": 2.5}).ok is False  # not a whole number
    assert q.prediction is None
    rec = q.predict({"a": " 커진다", "n": 3})
    assert rec.ok is True and rec.kind == "recorded"
    assert q.prediction == {"a": "커진다", "n": 3}
    q.reset()
    assert q.prediction is None


def test_a_refused_prediction_replaces_the_recorded_one():
    def check(answer, *, x):
        if answer["n"] == 2 * x:
            return core.right(f"n = {answer['n']}")
        return core.not_yet(f"n = {answer['n']}, 기대 {2 * x}")

    q = core.Exercise("toy", "toy", "predict", 1, check, "hint", "sol",
                      form={"a": core.Choice("커진다", "작아진다"),
                            "n": core.Number(integer=True)}, answer_name="예측")
    q.number = 98
    assert q.predict({"a": "커진다", "n": 2}).kind == "recorded"
    assert q.check(x=1).ok is True  # 2 == 2 × 1
    # 꼴이 틀린 예측: 받는 꼴을 곧바로 알려 주고, 앞의 예측을 지웁니다
    bad = q.predict({"a": "커진다", "n": "2"})
    assert bad.ok is False and "'n'의 값 '2'" in bad.message
    assert "정수만 받습니다" in bad.message and "앞서 기록한 예측도 지웠습니다" in bad.message
    assert q.prediction is None
    later = q.check(x=1)  # 앞의 예측을 채점하지 않습니다
    assert later.ok is False and "기록되지 않았습니다" in later.message
    assert "{'a': '커진다', 'n': '2'}는" in later.message
    keys = q.predict({"radius": 1.2})
    assert "빠진 키 'a', 'n'" in keys.message and "모르는 키 'radius'" in keys.message
    # 다시 `...`로 돌려 실행하면 "아직 답을 쓰지 않았습니다"
    assert q.predict({"a": ..., "n": 2}).kind == "unanswered"
    assert q.check(x=1).kind == "unanswered"
    assert "예측 셀과 이 셀을 차례로" in q.check(x=1).message
    # 고친 예측은 다시 기록되고 채점됩니다
    assert q.predict({"a": "작아진다", "n": 3}).kind == "recorded"
    assert q.check(x=1).ok is False and "기대 2" in q.check(x=1).message


@pytest.mark.parametrize("number", [2, 3, 5, 9, 10, 14, 16])
def test_replies_put_the_right_particle_after_a_number(number):
    # "연습 2는", "연습 3은", "연습 14는", "연습 16은": 숫자를 읽은 소리로 고릅니다
    q = pp.exercise(number)
    assert q.kind != "predict"
    fb = q.predict("아무것")
    topic = "은" if number in (3, 10, 16) else "는"
    assert f"연습 {number}{topic} 예측 문제가 아닙니다" in fb.message
    unanswered = q.check(**{name: None for name in q.run_objects})
    want = "을" if q.answer_name.endswith("답") else "를"
    assert f"`{q.answer_name}`{want} `check`에 넘기세요" in unanswered.message


def test_fmt_is_short():
    assert core.fmt(1234) == "1,234" and core.fmt(0.123456) == "0.123"
    assert core.fmt(1e-5) == "1.00e-05" and core.fmt(True) == "True"


# ---------------------------------------------------------------- helpers
def ok(fb):
    assert fb.ok is True, fb.message
    return fb


def rejected(fb, *parts):
    """Assert a "not yet" reply whose message names every one of ``parts``."""
    assert fb.ok is False, fb.message
    for part in parts:
        assert part in fb.message, (part, fb.message)
    return fb


def unanswered_stub(q, *args, **run):
    fb = q.check(*args, **run)
    assert fb.ok is None and fb.kind == "unanswered", fb
    assert core.UNANSWERED in fb.message
    return fb


# ---------------------------------------------------------------- chapter 1
E1, H1, MSG1, MAXK1 = 100, 128, 20, 120  # 1장의 크기, 짧은 메시지와 곡선


def ch1_layer(seed):
    torch.manual_seed(seed)
    return nn.RNN(E1, H1, batch_first=True).double()


def ch1_relative_distance(layer, n_pairs=4, seed=0):
    g = torch.Generator().manual_seed(seed)
    x = torch.zeros(2 * n_pairs, MSG1 + MAXK1, E1, dtype=torch.float64)
    x[:, :MSG1] = torch.randn(2 * n_pairs, MSG1, E1, generator=g, dtype=torch.float64)
    with torch.no_grad():
        out, _ = layer(x)
    h = out[:, MSG1 - 1:]
    d = (h[:n_pairs] - h[n_pairs:]).norm(dim=-1)
    return (d / d[:, :1]).mean(0).numpy()


@pytest.fixture(scope="module")
def ch1_run():
    seeds = range(1)
    layers = [ch1_layer(s) for s in seeds]
    rho = float(np.mean([torch.linalg.eigvals(la.weight_hh_l0).abs().max().item()
                         for la in layers]))
    return {"layers": layers, "seeds": seeds,
            "relative_distance": ch1_relative_distance}, rho


def test_ch1_scale(ch1_run):
    run, rho = ch1_run
    q = pp.exercise("ch1-ex-scale")
    q.reset()
    assert q.kind == "predict" and q.number == 1
    before = [la.weight_hh_l0.clone() for la in run["layers"]]
    right = {"반지름_2배": 2 * rho, "k_1.5배": "늘어난다",
             "k_2배": "1 % 아래로 내려가지 않는다"}
    assert q.predict(right).kind == "recorded"
    ok(q.check(**run))
    # 학생의 층은 바뀌지 않습니다
    assert all(torch.equal(b, la.weight_hh_l0) for b, la in zip(before, run["layers"]))
    # 반지름을 제곱으로 어림: 4배
    fb = rejected(q.check({**right, "반지름_2배": 4 * rho}, **run), "반지름(2배)",
                  "배수의 제곱이 아니라")
    assert f"{2 * rho:.3g}" in fb.message
    # 부호가 반대인 예측: 키우면 더 빨리 잊는다
    rejected(q.check({**right, "k_1.5배": "줄어든다"}, **run), "k(1.5배)",
             '"늘어난다"에 해당', "원래 층")
    rejected(q.check({**right, "k_2배": "늘어난다"}, **run), "k(2배)",
             "반지름이 1을 넘으면")
    bad_form = q.predict({"반지름": 1.0})
    assert bad_form.ok is False and "k_1.5배" in bad_form.message
    q.reset()
    unanswered_stub(q, **run)  # 예측을 기록하지 않았습니다
    assert q.predict(...).kind == "unanswered"
    unanswered_stub(q, ..., **run)


def test_ch1_level():
    q = pp.exercise("ch1-ex-level")
    curve = 0.6 ** np.arange(200)
    run = {"rate": 0.6, "curve": curve}

    def answer(rate, level):
        return np.log(level) / np.log(rate)

    fb = ok(q.check(answer, **run))
    assert "10.0%: 감소율로 4.51걸음, 곡선에서 5걸음" in fb.message
    fb = ok(q.check(lambda r, lv: int(np.ceil(np.log(lv) / np.log(r))), **run))
    assert "정수로(올림)" in fb.message
    # 반올림과 내림도 k = ln(level) / ln(r)을 풀고 정수로 답한 것입니다
    fb = ok(q.check(lambda r, lv: round(np.log(lv) / np.log(r)), **run))
    assert "정수로(" in fb.message and "내림은 아직 기준 위에" in fb.message
    ok(q.check(lambda r, lv: int(np.floor(np.log(lv) / np.log(r))), **run))
    rejected(q.check(lambda r, lv: int(np.ceil(np.log(lv) / np.log(r))) + 1, **run),
             "r^k = level")
    rejected(q.check(lambda r, lv: np.log(r) / np.log(lv), **run), "역수", "기대 3.32")
    rejected(q.check(lambda r, lv: np.log(lv) / np.log(r) - 1, **run),
             "rate=0.5, level=0.1", "차이 -1")
    rejected(q.check(lambda r, lv: "3", **run), "숫자가 아니라")
    unanswered_stub(q, ..., **run)
    unanswered_stub(q, lambda r, lv: ..., **run)


def test_ch1_pre():
    q = pp.exercise("ch1-ex-pre")
    g = 0.7 ** np.arange(330)
    run = {"grads": {"RNN": g}, "msg_len": 87}

    def answer(g):
        return int(np.flatnonzero(g >= 0.01 * g[0]).max()) + 1

    fb = ok(q.check(answer, **run))
    assert "마지막 13개 토큰" in fb.message and "15%" in fb.message
    rejected(q.check(lambda g: int(np.flatnonzero(g >= 0.01 * g[0]).max()), **run),
             "하나 모자랍니다", "기대 7, 받은 6")
    rejected(q.check(lambda g: int((g >= 0.01).sum()), **run), "g = 3 × 0.9^(k-1)",
             "g[0]")
    rejected(q.check(lambda g: 2.5, **run), "정수가 아니라")
    unanswered_stub(q, ..., **run)


# ---------------------------------------------------------------- chapter 2
class FakeHistory:
    def __init__(self, *accs):
        self.val_acc = list(accs)


def test_ch2_bias():
    q = pp.exercise("ch2-ex-bias")
    q.reset()
    histories = {"망각 편향 3": FakeHistory(0.6, 0.9, 0.96)}
    more_runs = {2.0: (None, FakeHistory(0.5, 0.52, 0.5)), 5.0: [0.62, 0.9, 0.95]}
    run = {"histories": histories, "more_runs": more_runs}
    right = {"편향 2": "편향 3보다 느리다", "편향 5": "편향 3과 비슷하다"}
    q.predict(right)
    ok(q.check(**run))
    rejected(q.check({**right, "편향 2": "편향 3보다 빠르다"}, **run),
             '편향 2: 예측 "편향 3보다 빠르다"', "-31.3 %p", "σ(2)", "덜 닿았을")
    rejected(q.check({**right, "편향 5": "편향 3보다 느리다"}, **run), "편향 5",
             '"편향 3과 비슷하다"입니다', "+0.3 %p")
    # 편향 2가 비슷하거나 더 빨랐다면, 대답은 "느려야 하는" 이유를 대지 않습니다
    for accs, pace, says in (([0.62, 0.9, 0.95], "비슷하다", "크지 않았습니다"),
                             ([0.9, 0.97, 0.99], "빠르다", "그런데도 이번 실행에서는 더")):
        runs = {**more_runs, 2.0: FakeHistory(*accs)}
        fb = rejected(q.check(right, histories=histories, more_runs=runs),
                      f"편향 3{'과' if pace == '비슷하다' else '보다'} {pace}", says)
        assert "덜 닿았을" not in fb.message
    rejected(q.check(right, histories=histories, more_runs={2.0: [0.5]}),
             "편향 5의 결과가 없습니다")
    unanswered_stub(q, right, histories=histories, more_runs=...)  # 실험을 안 돌림
    q.reset()
    unanswered_stub(q, **run)


def small_lstm_layer(gate_bias=0.0, seed=0):
    torch.manual_seed(seed)
    layer = nn.LSTM(4, 6, batch_first=True).double()
    return pp.set_gate_bias(layer, gate_bias) if gate_bias else layer


def test_ch2_one():
    q = pp.exercise("ch2-ex-one")
    run = {"lstm_layer": small_lstm_layer, "pad_steps": 40}
    right = {"c_T": "메시지 끝의 c와 같다", "기울기": 1.0,
             "단점": "한 번 들어간 정보를 지울 수 없다"}
    fb = ok(q.check(right, **run))
    assert "v의 1배" in fb.message
    rejected(q.check({**right, "기울기": 0.0}, **run), "기울기: 답 0", "0.5^k")
    rejected(q.check({**right, "c_T": "0에 가까워진다"}, **run), "c_T", "c_{t-1}")
    rejected(q.check({**right, "단점": "기울기가 사라진다"}, **run), "지울 수")
    rejected(q.check({**right, "기울기": "1"}, **run), "숫자")  # 꼴이 틀림
    unanswered_stub(q, ..., **run)
    unanswered_stub(q, {**right, "단점": ...}, **run)


def test_ch2_layers():
    q = pp.exercise("ch2-ex-layers")
    q.reset()
    emb = torch.randn(3, 7, 5)
    run = {"emb": emb, "hid_dim": 6}

    def count(e, h):
        return 4 * h * (e + h) + 8 * h

    right = {"lstm_out": (3, 7, 6), "hidden": (2, 3, 6), "cell": (2, 3, 6),
             "분류기": "hidden[-1]", "파라미터": count(5, 6) + count(6, 6)}
    q.predict(right)
    ok(q.check(**run))
    fb = rejected(q.check({**right, "파라미터": 2 * count(5, 6)}, **run),
                  "첫 층을 두 번", "차이 -24")
    assert "hidden: 예측 (2, 3, 6)" in fb.message  # 맞은 곳도 알려 줍니다
    rejected(q.check({**right, "파라미터": count(5, 6) + count(6, 6) - 96}, **run),
             "편향을 빼먹었습니다")
    rejected(q.check({**right, "hidden": (3, 2, 6)}, **run), "(num_layers, B, H)")
    rejected(q.check({**right, "분류기": "hidden[0]"}, **run), "hidden[-1]")
    assert q.predict({**right, "hidden": "2, B, H"}).ok is False  # 튜플이 아님
    unanswered_stub(q, {**right, "cell": ...}, **run)


def small_gate_on_pads(layer, block, n_docs=4, msg=5, pads=30):
    g = torch.Generator().manual_seed(0)
    x = torch.zeros(n_docs, msg + pads, 4, dtype=torch.float64)
    x[:, :msg] = torch.randn(n_docs, msg, 4, generator=g, dtype=torch.float64)
    with torch.no_grad():
        out, _ = layer(x)
        rows = slice(block * 6, (block + 1) * 6)
        b = layer.bias_ih_l0[rows] + layer.bias_hh_l0[rows]
        return torch.sigmoid(out[:, msg - 1:-1] @ layer.weight_hh_l0[rows].T + b)


def test_ch2_gates():
    q = pp.exercise("ch2-ex-gates")
    q.reset()
    run = {"lstm_layer": small_lstm_layer, "gate_on_pads": small_gate_on_pads}
    right = {"i": 0.5, "o": 0.5, "편향 3에서": "i와 o는 거의 그대로다"}
    assert q.predict(right).ok
    ok(q.check(**run))
    rejected(q.check({**right, "i": 0.95}, **run), "i 평균(기본 초기화): 예측 0.95",
             "σ(0) = 0.5")
    rejected(q.check({**right, "편향 3에서": "i와 o도 1에 가까워진다"}, **run),
             "망각 게이트 구간")
    unanswered_stub(q, ..., **run)


# ---------------------------------------------------------------- chapter 3
def ch3_objects():
    """The chapter's fixed-gate GRU, EMA, smoothing table, on a short signal."""
    import pandas as pd

    def fixed_gru(alphas):
        H = len(alphas)
        layer = nn.GRU(input_size=1, hidden_size=H, batch_first=True)
        with torch.no_grad():
            for p in layer.parameters():
                p.zero_()
            layer.bias_ih_l0[H:2 * H] = torch.logit(alphas)
            layer.weight_ih_l0[2 * H:] = 1.0
        return layer

    def recursive_filter(values, alpha):
        out, state = [], torch.tensor(0.0)
        for v in values:
            state = alpha * state + (1 - alpha) * v
            out.append(state)
        return torch.stack(out)

    def filter_both(alphas, values):
        with torch.no_grad():
            gru_out, _ = fixed_gru(alphas)(values.view(1, -1, 1))
        ema = torch.stack([recursive_filter(torch.tanh(values), a) for a in alphas],
                          dim=1)
        return gru_out[0], ema

    steps = torch.arange(300)
    clean = 0.5 * torch.sin(2 * torch.pi * steps / 100)
    signal = clean + 0.25 * torch.randn(300, generator=torch.Generator().manual_seed(1))

    def lag_steps(output, target, max_lag=50):
        scores = [np.corrcoef(output[lag:], target[:len(target) - lag])[0, 1]
                  for lag in range(max_lag)]
        return int(np.argmax(scores))

    def smoothing_table(alphas, output):
        target = torch.tanh(clean).numpy()
        return pd.DataFrame({
            f"α = {a:.2f}": {"거칠기": float(output[:, j].diff().std()),
                             "지연(걸음)": lag_steps(output[:, j].numpy(), target)}
            for j, a in enumerate(alphas.tolist())}).T

    return {"filter_both": filter_both, "smoothing_table": smoothing_table,
            "signal": signal, "clean": clean}


def test_ch3_alpha():
    q = pp.exercise("ch3-ex-alpha")
    q.reset()
    run = ch3_objects()
    right = {"매끄러움": "더 매끄럽다", "지연": "더 늦다", "크기": "더 작다",
             "차이": "반올림 오차 수준이다"}
    q.predict(right)
    fb = ok(q.check(**run))
    assert "지연" in fb.message and "→" in fb.message
    rejected(q.check({**right, "크기": "비슷하다"}, **run), "크기", '"더 작다"입니다',
             "주기")
    rejected(q.check({**right, "차이": "눈에 띄게 커진다"}, **run), "같은 계산")
    rejected(q.check({**right, "지연": "더 빠르다"}, **run), "시간 상수")
    unanswered_stub(q, {**right, "크기": ...}, **run)


def textbook_weights(gru):
    hid = gru.hidden_size
    flipped = [p.detach().clone() for p in (gru.weight_ih_l0, gru.weight_hh_l0,
                                            gru.bias_ih_l0, gru.bias_hh_l0)]
    for p in flipped:
        p[hid:2 * hid] *= -1
    return tuple(flipped)


def test_ch3_convention():
    q = pp.exercise("ch3-ex-convention")
    torch.manual_seed(0)
    run = {"gru": nn.GRU(10, 8, batch_first=True)}
    ok(q.check(textbook_weights, **run))

    def weights_only(gru):  # 편향을 빼먹음
        w = list(textbook_weights(gru))
        w[2], w[3] = gru.bias_ih_l0.detach().clone(), gru.bias_hh_l0.detach().clone()
        return tuple(w)

    rejected(q.check(weights_only, **run), "bias_ih의 z 구간", "bias_hh의 z 구간",
             "최대")

    def first_block(gru):  # r 구간을 뒤집음
        hid = gru.hidden_size
        ps = [p.detach().clone() for p in (gru.weight_ih_l0, gru.weight_hh_l0,
                                           gru.bias_ih_l0, gru.bias_hh_l0)]
        for p in ps:
            p[:hid] *= -1
        return tuple(ps)

    fb = rejected(q.check(first_block, **run), "weight_ih의 r 구간", "weight_ih의 z 구간")
    assert "nn.GRU(3, 4)" in fb.message  # 새 입력에서 걸립니다

    def in_place(gru):
        with torch.no_grad():
            for p in (gru.weight_ih_l0, gru.weight_hh_l0, gru.bias_ih_l0,
                      gru.bias_hh_l0):
                p[gru.hidden_size:2 * gru.hidden_size] *= -1
        return (gru.weight_ih_l0, gru.weight_hh_l0, gru.bias_ih_l0, gru.bias_hh_l0)

    rejected(q.check(in_place, **run), "원래 층의 가중치를 바꿨습니다")
    rejected(q.check(lambda gru: gru.weight_ih_l0, **run), "네 텐서")
    unanswered_stub(q, ..., **run)
    unanswered_stub(q, lambda gru: ..., **run)


def test_ch3_params():
    q = pp.exercise("ch3-ex-params")
    run = {"emb_dim": 100, "hid_dim": 128, "num_classes": 2}
    block = 128 * 228 + 256
    best = block / (4 * block + 258)
    right = {"V=0의 절감": best, "30 %가 되는 V": "없다",
             "노트의 숫자가 나오려면": "GRU의 은닉 크기를 LSTM보다 작게 잡는다"}
    fb = ok(q.check(right, **run))
    assert "24.9%" in fb.message and "V = 10,000: 2.6%" in fb.message
    ok(q.check({**right, "V=0의 절감": 24.9}, **run))  # %로 쓴 답
    rejected(q.check({**right, "V=0의 절감": 1 / 3}, **run), "(4 − 3)/4 = 25 %",
             "24.9%")
    rejected(q.check({**right, "V=0의 절감": 0.30}, **run), "+5.1 %p")
    rejected(q.check({**right, "30 %가 되는 V": "있다"}, **run), "V가 커질수록 줄어듭니다")
    rejected(q.check({**right, "노트의 숫자가 나오려면": "단어장을 더 크게 잡는다"}, **run),
             "크기가 다른 모델")
    unanswered_stub(q, ..., **run)


def test_ch3_reset():
    q = pp.exercise("ch3-ex-reset")
    torch.manual_seed(0)
    run = {"gru": nn.GRU(10, 8, batch_first=True)}
    right = {"후보": "현재 입력에만", "남는 비율": 0.5,
             "기억하는 길": "업데이트 게이트 z가 과거 h를 섞어 준다"}
    ok(q.check(right, **run))
    rejected(q.check({**right, "남는 비율": 0.0}, **run), "남는 비율: 답 0",
             "z ⊙ h 항")
    rejected(q.check({**right, "후보": "입력과 과거 모두에"}, **run), "현재 입력만")
    rejected(q.check({**right, "기억하는 길": "리셋 게이트가 과거를 저장한다"}, **run),
             "두 번째 항")
    unanswered_stub(q, ..., **run)
