"""The checks of chapters 4–7 (exercises 12–26): a typical wrong answer is rejected
with a message naming the quantity and the gap, the reference answer passes, and the
``...`` stub is "not answered". Run objects are built here: small, untrained, fast.
"""

from collections import Counter
from dataclasses import replace
from types import SimpleNamespace

import numpy as np
import pytest
import torch
from gensim.models import FastText

import nlp_pp as pp
from nlp_pp.exercises import ch6, ch7

# ------------------------------------------------------------------ chapter 4
WORD_COUNTS = Counter({"a": 12, "b": 5, "c": 2, "d": 1})
X_TEST = [["a", "b", "z"], ["c", "d"]]  # z는 훈련+검증에 없는 토큰
RARE = {"단어장 크기": "줄어든다", "<UNK> 비율": "늘어난다", "rare_th=1의 <UNK>": "0보다 크다"}


def test_ch4_ex1_rare_threshold():
    q = pp.exercise(12)
    assert q.check(RARE, word_counts=WORD_COUNTS, x_test=X_TEST).ok
    wrong = {**RARE, "<UNK> 비율": "그대로", "rare_th=1의 <UNK>": "0"}
    fb = q.check(wrong, word_counts=WORD_COUNTS, x_test=X_TEST)
    assert fb.ok is False
    assert "<UNK> 비율: 예측은 '그대로'" in fb.message and "20.00%" in fb.message
    assert "한 번도 나오지 않은" in fb.message
    assert q.predict({**RARE, "<UNK> 비율": ...}).ok is None
    assert q.predict({"단어장": "줄어든다"}).ok is False  # 모르는 꼴: 받는 꼴을 알려 줍니다


def test_ch4_ex2_context_length():
    q = pp.exercise("ch4-ex2")
    seqs = [[2] * 50] * 3 + [[2] * 200]  # 평균 87.5토큰, 하나는 128보다 김
    cfg = pp.get_config("quick")
    ref = {"잘리지 않는 비율": "줄어든다", "평균 길이 메시지의 <PAD>": 128 - 87.5,
           "전체 <PAD> 비율": "줄어든다"}
    assert q.check(ref, e_x_train=seqs, cfg=cfg).ok
    fb = q.check({**ref, "평균 길이 메시지의 <PAD>": 330 - 87.5}, e_x_train=seqs, cfg=cfg)
    assert fb.ok is False and "330 기준으로 계산했나요" in fb.message
    assert "+202칸" in fb.message
    assert q.check({**ref, "전체 <PAD> 비율": ...}, e_x_train=seqs, cfg=cfg).ok is None


def _keep_jamo(s):
    return pp.P3.sub(" ", ch4_re.sub(" ", s))


ch4_re = __import__("re").compile(r"[^가-힣ㄱ-ㅎㅏ-ㅣa-zA-Z0-9\s]")


def test_ch4_ex3_clean_keep_jamo():
    q = pp.exercise(14)
    assert q.check(_keep_jamo).ok

    def p1_only(s):
        return pp.P3.sub(" ", pp.P1.sub(" ", s))

    fb = q.check(p1_only)
    assert fb.ok is False and "자모가 지워졌습니다" in fb.message

    def no_p3(s):
        return ch4_re.sub(" ", s)

    fb = q.check(no_p3)
    assert fb.ok is False and "공백 덩어리" in fb.message

    def stub(s):
        return ...

    assert q.check(stub).ok is None
    assert q.check(...).ok is None


# ------------------------------------------------------------------ chapter 5
MOVED = {-1: False, 0: False, 1: True, 2: True}


def test_ch5_ex1_workers():
    q = pp.exercise(15)
    ref = {"moved": MOVED, "오류": {-1, 0}}
    assert q.check(ref, moved=MOVED).ok
    fb = q.check({"moved": {**MOVED, -1: True}, "오류": {-1}}, moved=MOVED)
    assert fb.ok is False
    assert "workers=-1: 예측 True, 측정 False" in fb.message and "range" in fb.message
    assert "실제 [-1, 0]" in fb.message
    assert q.check(ref, moved=...).ok is None
    assert q.predict({"moved": {-1: ..., 0: False, 1: True, 2: True}, "오류": {0}}
                     ).ok is None


def n_ngrams(length, min_n=3, max_n=6):
    return sum(max(0, length + 3 - n) for n in range(min_n, max_n + 1))


def test_ch5_ex2_ngram_count():
    q = pp.exercise(16)
    counts = {"대출": (3, 18), "스팸문자": (10, 42)}
    assert q.check(n_ngrams, counts=counts).ok

    def no_marks(length, min_n=3, max_n=6):
        return sum(max(0, length + 1 - n) for n in range(min_n, max_n + 1))

    fb = q.check(no_marks, counts=counts)
    assert fb.ok is False and "경계 표시" in fb.message and "차이 -" in fb.message
    fb = q.check(n_ngrams, counts={"스팸문자": (6, 34)})
    assert fb.ok is False and "실제 (음절, 자모) = (10, 42)" in fb.message
    assert q.check(n_ngrams, counts=...).ok is None


DOCS = [["ㄷㅐ_ㅊㅜㄹ", "ㅁㅜ_ㄹㅛ_"], ["ㅁㅜ_ㄹㅛ_", "ㅅㅏㅇㄷㅏㅁ"]] * 3


def _fasttext(**kw):
    model = FastText(vector_size=4, min_count=1, min_n=3, max_n=6, bucket=1000, seed=1,
                     **kw)
    model.build_vocab(corpus_iterable=DOCS)
    return model


@pytest.fixture(scope="module")
def small_ft():
    word_to_idx = {"<PAD>": 0, "<UNK>": 1, "ㄷㅐ_ㅊㅜㄹ": 2, "ㅁㅜ_ㄹㅛ_": 3,
                   "ㅅㅏㅇㄷㅏㅁ": 4, "ㄷㅐ_ㅊㅠㄹ": 5}  # 마지막은 FastText 단어장에 없음
    return _fasttext(), word_to_idx


def test_ch5_ex3_no_ngrams(small_ft):
    ft, w2i = small_ft
    ft0 = FastText(vector_size=4, min_count=1, max_n=0)
    ft0.build_vocab(corpus_iterable=DOCS)
    before = pp.embedding_coverage(w2i, ft.wv)
    assert before["ngram_only"] > 0
    q = pp.exercise(17)
    ref = {"in": False, "ngram_only": 0.0,
           "none": before["none"] + before["ngram_only"]}
    assert q.check(ref, ft0=ft0, ft=ft, word_to_idx=w2i).ok
    fb = q.check({"in": True, "ngram_only": before["ngram_only"], "none": 0.0},
                 ft0=ft0, ft=ft, word_to_idx=w2i)
    assert fb.ok is False
    assert "예측 True, 실제 False" in fb.message and "none: 예측 0.000, 실제 0.250" in fb.message
    fb = q.check(ref, ft0=ft, ft=ft, word_to_idx=w2i)
    assert fb.ok is False and "max_n=0" in fb.message
    assert q.check(ref, ft0=..., ft=ft, word_to_idx=w2i).ok is None


def lecture_style_matrix(word_to_idx, wv):
    matrix = np.zeros((len(word_to_idx), wv.vector_size), dtype=np.float32)
    for word, idx in word_to_idx.items():
        if word in wv:
            matrix[idx] = wv[word]
        elif word == "<PAD>":
            matrix[idx] = 0.0
        else:
            matrix[idx] = np.random.normal(size=wv.vector_size)
    return matrix


def test_ch5_ex4_lecture_matrix(small_ft):
    ft, w2i = small_ft
    emb = pp.build_my_embed(w2i, ft.wv, seed=0)
    q = pp.exercise(18)
    run = {"wv": ft.wv, "word_to_idx": w2i, "emb_matrix": emb}
    assert q.check(lecture_style_matrix, n_differ=2, **run).ok

    def intended(word_to_idx, wv):
        return pp.build_my_embed(word_to_idx, wv, seed=0)

    fb = q.check(intended, n_differ=2, **run)
    assert fb.ok is False and "<PAD> 행이 0입니다" in fb.message
    fb = q.check(lecture_style_matrix, n_differ=1, **run)
    assert fb.ok is False and "예측 1" in fb.message and "2개" in fb.message
    assert q.check(lecture_style_matrix, n_differ=..., **run).ok is None


# ------------------------------------------------------------------ chapter 6
PREP = SimpleNamespace(labels={"test": np.array([0] * 60 + [1] * 40)})


def _lstm(input_bias):
    model = pp.RecurrentClassifier(20, 4, 2, 3, cell="lstm", gate_bias=5.0)
    if input_bias:
        pp.set_lstm_input_bias(model.rnn, input_bias)
    return model


def test_ch6_ex1_forget_only():
    runs = {ch6.FORGET_ONLY: SimpleNamespace(test_acc=0.6, model=_lstm(0.0)),
            ch6.BOTH: SimpleNamespace(test_acc=0.9, model=_lstm(-3.0))}
    q = pp.exercise(19)
    assert q.check("낮아진다", runs=runs, prep=PREP).ok
    fb = q.check("비슷하다", runs=runs, prep=PREP)
    assert fb.ok is False and "망각 편향만' 60.0%" in fb.message
    assert "-30.0 %p" in fb.message and "2·√2·SE" in fb.message
    assert "직접 재지 않으므로" in fb.message  # 포화를 사실로 단정하지 않습니다
    swapped = {ch6.FORGET_ONLY: runs[ch6.BOTH], ch6.BOTH: runs[ch6.FORGET_ONLY]}
    fb = q.check("낮아진다", runs=swapped, prep=PREP)
    assert fb.ok is False and "입력 게이트 편향" in fb.message
    assert q.check("낮아진다", runs=..., prep=PREP).ok is None


def _paired_runs(n_only, n_both, n=150):
    """Return ch6-ex1 runs scored on the same `n` messages (labels all 1)."""
    def run(right, input_bias):
        pred = np.array([1] * right + [0] * (n - right))
        return SimpleNamespace(test_acc=right / n, model=_lstm(input_bias), test_pred=pred)
    # 망각 편향만: n_both개를 맞힘, 망각+입력 편향: 그것에 더해 n_only개를 더 맞힘
    return {ch6.FORGET_ONLY: run(n_both, 0.0), ch6.BOTH: run(n_both + n_only, -3.0)}


def test_ch6_ex1_one_yardstick_for_different():
    q = pp.exercise(19)
    prep = SimpleNamespace(labels={"test": np.ones(150, dtype=int)})
    # 150통에서 4통 차이(한쪽만 맞힌 메시지 0 대 4): 짝지은 잣대 2·√4 = 4통 안
    runs = _paired_runs(4, 130)
    assert q.check("비슷하다", runs=runs, prep=prep).ok
    fb = q.check("낮아진다", runs=runs, prep=prep)
    assert fb.ok is False and "한쪽만 맞힌 메시지 0통 대 4통" in fb.message
    assert "'비슷하다'" in fb.message
    # 9통 차이(0 대 9): 잣대 6통보다 커서 "낮아진다"
    runs = _paired_runs(9, 130)
    assert q.check("낮아진다", runs=runs, prep=prep).ok
    fb = q.check("비슷하다", runs=runs, prep=prep)
    assert fb.ok is False and "약 6.0통" in fb.message


def test_ch6_ex2_frozen():
    V, E, H, K = 30, 4, 3, 2
    model = pp.RecurrentClassifier(V, E, K, H, cell="gru",
                                   emb_matrix=np.zeros((V, E), np.float32), freeze=True)
    fixed = {ch6.PRE_FIXED: SimpleNamespace(test_acc=0.9)}
    right = 3 * (E * H + H * H + 2 * H) + H * K + K
    q = pp.exercise(20)
    run = {"model": model, "fixed": fixed, "prep": PREP}
    assert q.check({"학습 파라미터": right, "정확도": "낮아진다"}, acc=0.7, **run).ok
    fb = q.check({"학습 파라미터": right + V * E, "정확도": "비슷하다"}, acc=0.7, **run)
    assert fb.ok is False and "차이 +120" in fb.message
    assert "임베딩 층(V×E)까지" in fb.message and "고정 70.0%" in fb.message
    fb = q.check({"학습 파라미터": right - 3 * H, "정확도": "낮아진다"}, acc=0.7, **run)
    assert fb.ok is False and "편향 벡터 하나" in fb.message
    # 둘 다 다수 클래스 비율(60 %) 근처: "비슷하다"가 맞지만, FastText가 클래스를
    # 갈라 놓았다고 말하지 않습니다
    near = {ch6.PRE_FIXED: SimpleNamespace(test_acc=0.61)}
    fb = q.check({"학습 파라미터": right, "정확도": "비슷하다"}, acc=0.6, model=model,
                 fixed=near, prep=PREP)
    assert fb.ok and "고정의 효과를 말할 수 없습니다" in fb.message
    assert "구별이 충분했습니다" not in fb.message
    both = {ch6.PRE_FIXED: SimpleNamespace(test_acc=0.92)}
    fb = q.check({"학습 파라미터": right, "정확도": "비슷하다"}, acc=0.91, model=model,
                 fixed=both, prep=PREP)
    assert fb.ok and "구별이 충분했습니다" in fb.message
    assert "3×(EH" not in q.hint().message and "3(EH" not in q.hint().message
    assert q.check({"학습 파라미터": right, "정확도": "낮아진다"}, acc=..., **run).ok is None


def test_ch6_ex2_pairs_the_frozen_model_with_the_run_on_the_same_messages():
    from test_experiment import toy_prepared  # 작은 Prepared (MeCab 없이)

    prep = toy_prepared()
    cfg, labels = prep.cfg, np.asarray(prep.labels["test"])
    V, E, H, K = len(prep.word_to_idx), cfg.emb_dim, cfg.hid_dim, prep.num_classes
    model = pp.RecurrentClassifier(V, E, K, H, cell="gru", freeze=True,
                                   emb_matrix=np.zeros((V, E), np.float32))
    pred = pp.Trainer(model, None, device="cpu").predict(prep.batches("test"))
    acc = float(np.mean(pred == labels))
    right = pp.count_params(model, trainable_only=True)
    # 고정하지 않은 쪽은 같은 메시지 가운데 한 통을 더 맞혔습니다
    better = pred.copy()
    wrong = np.flatnonzero(pred != labels)
    better[wrong[:1]] = labels[wrong[:1]]
    fixed = {ch6.PRE_FIXED: SimpleNamespace(test_acc=float(np.mean(better == labels)),
                                            test_pred=better)}
    q = pp.exercise(20)
    fb = q.check({"학습 파라미터": right, "정확도": "비슷하다"}, model=model, acc=acc,
                 fixed=fixed, prep=prep)
    assert fb.ok and "한쪽만 맞힌 메시지 0통 대 1통" in fb.message, fb.message
    fb = q.check({"학습 파라미터": right, "정확도": "비슷하다"}, model=model,
                 acc=acc + 0.2, fixed=fixed, prep=prep)
    assert fb.ok is False and "model의 테스트 정확도" in fb.message


def test_ch6_ex3_regularisation():
    accs = {0.01: 0.6, 1.0: 0.9, 100.0: 0.92}
    q = pp.exercise(21)
    ref = {"가장 낮은 C": 0.01, "C=0.01": ch6.NEAR}
    assert q.check(ref, accs=accs, majority=0.6).ok
    fb = q.check({"가장 낮은 C": 100, "C=0.01": ch6.ABOVE}, accs=accs, majority=0.6)
    assert fb.ok is False and "예측 C=100, 실제 C=0.01" in fb.message
    assert "절편" in fb.message
    assert q.check(ref, accs=..., majority=0.6).ok is None


# ------------------------------------------------------------------ chapter 7
def test_ch7_ex1_plain_bucket():
    accs = {"LSTM": 0.9, "GRU": 0.62}
    q = pp.exercise(22)
    assert q.check({"LSTM": ch7.PASS, "GRU": ch7.FAIL}, accs=accs, majority=0.6).ok
    fb = q.check({"LSTM": ch7.FAIL, "GRU": ch7.PASS}, accs=accs, majority=0.6,
                 pad_bucket=0.03)
    assert fb.ok is False and "GRU 62.0%" in fb.message
    assert "넘지 못했습니다" in fb.message and "3.0%뿐" in fb.message
    assert q.check({"LSTM": ch7.PASS, "GRU": ...}, accs=accs, majority=0.6).ok is None
    # 3.2(강의 설정 LSTM)와 비교한 말은 3.2의 결과에 맞춥니다. GRU는 3.2에 없습니다.
    wrong = {"LSTM": ch7.FAIL, "GRU": ch7.FAIL}
    failed = q.check(wrong, accs=accs, majority=0.6, lecture=[0.6, 0.61, 0.6])
    assert "시드 3개 모두 넘지 못했습니다" in failed.message
    assert "긴 패딩 구간 탓" in failed.message
    learned = q.check(wrong, accs=accs, majority=0.6, lecture=[0.95, 0.6, 0.61])
    assert "3개 가운데 1개에서 넘었으므로" in learned.message
    assert "탓" not in learned.message
    plain = q.check(wrong, accs=accs, majority=0.6)  # 3.2를 모르면 말하지 않습니다
    assert "3.2" not in plain.message
    gru_passed = q.check({"LSTM": ch7.PASS, "GRU": ch7.FAIL}, accs={"LSTM": 0.9,
                         "GRU": 0.9}, majority=0.6, lecture=[0.6, 0.6])
    assert "3.2" in gru_passed.message.split("GRU 90.0%")[0]  # LSTM의 줄에만
    assert "3.2" not in gru_passed.message.split("GRU 90.0%")[1]


def _rnn(scale):
    model = pp.RecurrentClassifier(20, 4, 2, 3, cell="rnn")
    with torch.no_grad():
        model.rnn.weight_hh_l0.copy_(scale * torch.eye(3))
    return model


def test_ch7_ex2_pre_then_post():
    runs = {"뒤쪽 패딩 (강의)": SimpleNamespace(test_acc=0.6, model=_rnn(0.5)),
            "앞쪽 패딩": SimpleNamespace(test_acc=0.9, model=_rnn(2.0))}
    q = pp.exercise(23)
    assert q.check(ch7.STAYS, acc_post=0.85, rnn_runs=runs, majority=0.6,
                   acc_pre=0.9).ok
    fb = q.check(ch7.DROPS, acc_post=0.85, rnn_runs=runs, majority=0.6)
    assert fb.ok is False and "앞쪽 패딩으로 학습 2.00" in fb.message
    assert "뒤쪽 패딩으로 학습 0.50" in fb.message and "85.0%" in fb.message
    fb = q.check(ch7.STAYS, acc_post=0.85, rnn_runs=runs, majority=0.6, acc_pre=0.6)
    assert fb.ok is False and "pre_padded" in fb.message
    # 소수 클래스 쪽으로 떨어지면(40 %) "근처로 떨어진다"가 아닙니다
    fb = q.check(ch7.DROPS, acc_post=0.40, rnn_runs=runs, majority=0.6)
    assert fb.ok is False and f"'{ch7.BELOW}'" in fb.message
    assert q.check(ch7.BELOW, acc_post=0.40, rnn_runs=runs, majority=0.6).ok
    assert q.check(ch7.DROPS, acc_post=0.61, rnn_runs=runs, majority=0.6).ok
    # ρ < 1이 모든 상태를 한 점으로 모은다는 규칙을 말하지 않습니다
    for acc in (0.40, 0.61, 0.85):
        fb = q.check(ch7.STAYS, acc_post=acc, rnn_runs=runs, majority=0.6)
        assert "ρ < 1이면" not in fb.message and "실마리일 뿐" in fb.message
    assert "ρ < 1이면" not in q.solution().message
    assert q.check(ch7.STAYS, acc_post=..., rnn_runs=runs, majority=0.6).ok is None


def test_ch7_ex3_more_seeds():
    before, after = [0.90, 0.92, 0.94], [0.90, 0.92, 0.94, 0.91, 0.93, 0.92]
    q = pp.exercise(24)
    ref = {"줄어드는 것": ch7.SEM, "줄지 않는 불확실성": ch7.TEST}
    assert q.check(ref, before=before, after=after, n_test=100).ok
    fb = q.check({"줄어드는 것": ch7.STD, "줄지 않는 불확실성": ch7.RUN},
                 before=before, after=after, n_test=100)
    assert fb.ok is False and "줄어드는 것: 예측 '표준편차'" in fb.message
    assert "2.71 %p" in fb.message  # 테스트 100통에서 정확도 하나의 표준오차
    # '학습 한 번의 흔들림'을 고르면: 그 크기(표준편차)는 그대로라고 맞게 말하고,
    # 평균에 남는 몫이 줄어든다고 설명합니다
    assert "표준편차)는 시드를 늘려도 대체로 그대로지만" in fb.message
    assert "0.71배" in fb.message and "이번 실행에서도 평균의 표준오차가 0.50배로" in fb.message
    # 표준편차의 어림이 커져 평균의 표준오차가 줄지 않은 실행이면 그렇다고 말합니다
    fb = q.check(ref, before=[0.90, 0.91, 0.92], after=[0.90, 0.91, 0.92, 0.80, 0.99,
                                                        0.85], n_test=100)
    assert fb.ok and "평균의 표준오차도 줄지 않았습니다" in fb.message
    assert "줄었습니다" not in fb.message
    fb = q.check(ref, before=before, after=before, n_test=100)
    assert fb.ok is False and "이어 붙였나요" in fb.message
    assert q.check(ref, before=before, after=..., n_test=100).ok is None


def test_ch7_ex4_leakage():
    prep = SimpleNamespace(seqs={"train": [[2] * n for n in range(1, 101)],
                                 "test": [[2] * n for n in range(1, 21)]})
    q = pp.exercise(25)
    assert q.check({"가", "다", "라"}, length_95=95, prep=prep).ok
    fb = q.check({"가", "나"}, length_95=19, prep=prep)
    assert fb.ok is False and "(나) 골랐지만 누수가 아닙니다" in fb.message
    assert "(다) 누수인데 빠졌습니다" in fb.message
    assert "테스트 데이터의 길이로 구하면 바로 19가" in fb.message
    assert "차이 -76" in fb.message and "19는 훈련 메시지의 19.0%" in fb.message
    fb = q.check({"가", "다", "라"}, length_95=94, prep=prep)
    assert fb.ok is False and "94는 훈련 메시지의 94.0%" in fb.message
    # 95 %를 덮는 길이라면 가장 짧은 길이가 아니어도 받습니다
    fb = q.check({"가", "다", "라"}, length_95=100, prep=prep)
    assert fb.ok and "가장 짧은 길이는 95" in fb.message
    assert not q.check({"가", "다", "라"}, length_95=95.5, prep=prep).ok
    assert q.check(..., length_95=95, prep=prep).ok is None
    assert q.check({"가", "다", "라"}, length_95=..., prep=prep).ok is None


def _prep_for_pools():
    rng = np.random.default_rng(0)
    labels = np.array([0] * 60 + [1] * 60)
    lengths = np.where(labels == 1, rng.integers(20, 30, 120), rng.integers(1, 10, 120))
    seqs = [[2] * int(n) for n in lengths]
    cfg = replace(pp.get_config("quick"), batch_size=8, context_length=30, seed=3)
    padded = pp.pad_seq_x(seqs, 30)
    return pp.Prepared(cfg, "frame", None, {}, {"train": labels}, {}, {},
                       {"train": seqs}, {"train": padded})


def test_ch7_ex5_pool_size():
    prep = _prep_for_pools()
    packed = prep.batches("train", with_lengths=True, device="cpu").steps()
    q = pp.exercise(26)
    ref = {"pool=1의 순차 단계": packed, "풀을 키우면 단계": "줄어든다",
           "풀을 키우면 클래스 비율의 흔들림": "커진다"}
    assert q.check(ref, prep=prep).ok
    post = 15 * 30  # 배치 15개 × 30칸
    fb = q.check({**ref, "pool=1의 순차 단계": post}, prep=prep)
    assert fb.ok is False and "뒤쪽 패딩의 단계" in fb.message
    assert f"차이 {post - packed:+,}" in fb.message
    assert q.check({**ref, "풀을 키우면 단계": ...}, prep=prep).ok is None


def test_a_broken_check_would_fail(monkeypatch):
    """The tests above can fail: a check that ignores the run is caught."""
    monkeypatch.setattr(ch7, "LEAKS", frozenset({"가", "나"}))
    prep = SimpleNamespace(seqs={"train": [[2] * n for n in range(1, 101)],
                                 "test": [[2] * n for n in range(1, 21)]})
    assert not pp.exercise(25).check({"가", "다", "라"}, length_95=95, prep=prep).ok
