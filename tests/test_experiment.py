"""The experiment helpers: gate initialisation, one condition, the table, the pipeline."""

import dataclasses
import warnings

import numpy as np
import pandas as pd
import pytest
import torch

import nlp_pp as pp

SPLITS = ("train", "val", "test")


def toy_prepared(n=240, context_length=16, seed=0, **overrides):
    """A Prepared on a tiny separable task: label 1 iff token 3 occurs (no MeCab)."""
    rng = np.random.default_rng(seed)
    vocab = [f"w{i}" for i in range(2, 30)]
    word_to_idx = {"<PAD>": 0, "<UNK>": 1, **{w: i + 2 for i, w in enumerate(vocab)}}
    idx_to_word = {i: w for w, i in word_to_idx.items()}
    seqs, labels = [], []
    for k in range(n):
        seq = list(rng.integers(4, len(word_to_idx), size=rng.integers(3, 9)))
        if k % 2:
            seq[rng.integers(len(seq))] = 3
        seqs.append([int(t) for t in seq])
        labels.append(k % 2)
    cuts = {"train": slice(0, n // 2), "val": slice(n // 2, 3 * n // 4),
            "test": slice(3 * n // 4, n)}
    cfg = pp.get_config("quick", n_docs=None, context_length=context_length,
                        batch_size=16, epochs=2, emb_dim=8, hid_dim=8, **overrides)
    split_seqs = {s: seqs[c] for s, c in cuts.items()}
    return pp.Prepared(
        cfg=cfg, source="toy", df=pd.DataFrame(),
        tokens={s: pp.sequences_to_text(split_seqs[s], idx_to_word) for s in SPLITS},
        labels={s: np.array(labels[c]) for s, c in cuts.items()},
        word_to_idx=word_to_idx, idx_to_word=idx_to_word, seqs=split_seqs,
        padded={s: pp.pad_seq_x(split_seqs[s], context_length) for s in SPLITS})


def test_lstm_input_bias_touches_only_the_input_gate():
    lstm = torch.nn.LSTM(3, 4)
    before = {n: p.detach().clone() for n, p in lstm.named_parameters()}
    pp.set_lstm_input_bias(lstm, -3.0)
    assert torch.all(lstm.bias_ih_l0[:4] == -3.0) and torch.all(lstm.bias_hh_l0[:4] == 0)
    assert torch.equal(lstm.bias_ih_l0[4:], before["bias_ih_l0"][4:])
    assert torch.equal(lstm.weight_ih_l0, before["weight_ih_l0"])


def test_build_model_applies_the_configured_gate_biases():
    prep = toy_prepared(gate_bias=5.0, lstm_input_bias=-3.0)
    hid = prep.cfg.hid_dim
    lstm = pp.build_model(prep, "lstm").rnn
    assert torch.all(lstm.bias_ih_l0[:hid] == -3.0)  # 입력 게이트 i
    assert torch.all(lstm.bias_ih_l0[hid:2 * hid] == 5.0)  # 망각 게이트 f
    gru = pp.build_model(prep, "gru").rnn
    assert torch.all(gru.bias_ih_l0[hid:2 * hid] == 5.0)  # 업데이트 게이트 z
    assert not torch.all(gru.bias_ih_l0[:hid] == -3.0)  # GRU에는 입력 게이트 편향 없음
    plain = dataclasses.replace(prep.cfg, gate_bias=0.0, lstm_input_bias=0.0)
    default = pp.build_model(prep, "lstm", cfg=plain).rnn
    assert not torch.any(default.bias_ih_l0[:2 * hid] == 5.0)
    again = pp.build_model(prep, "lstm").rnn  # 같은 시드면 같은 초기값
    assert all(torch.equal(a, b) for a, b in zip(lstm.parameters(), again.parameters()))


def test_quick_mode_differs_from_full_only_in_size():
    full, quick = pp.get_config("full"), pp.get_config("quick")
    assert (full.gate_bias, full.lstm_input_bias, full.hid_dim) == (0.0, 0.0, 128)
    changed = {f.name for f in dataclasses.fields(full)
               if getattr(full, f.name) != getattr(quick, f.name)} - {"mode"}
    assert changed and changed <= pp.settings.SIZE_FIELDS
    fixed = pp.with_gate_fix(quick)
    assert (fixed.gate_bias, fixed.lstm_input_bias) == (
        pp.GATE_FIX["gate_bias"], pp.GATE_FIX["lstm_input_bias"])
    assert fixed.hid_dim == quick.hid_dim


@pytest.mark.parametrize("variant", ["post", "packed", "pre"])
def test_run_condition_trains_and_reports(variant):
    prep = toy_prepared()
    kwargs = {"packed": variant == "packed"}
    if variant == "pre":
        kwargs["padded"] = {s: pp.pad_seq_x(prep.seqs[s], prep.cfg.context_length,
                                            padding="pre") for s in SPLITS}
    result = pp.run_condition(prep, "gru", key="GRU_toy", progress=False, **kwargs)
    assert result.key == "GRU_toy" and result.history.epochs == prep.cfg.epochs
    assert 0.0 <= result.test_acc <= 1.0 and result.test_loss > 0
    assert result.params == pp.count_params(result.model) and result.sec_per_epoch > 0
    # 메시지마다의 예측(메시지 순서)은 테스트 정확도와 맞아떨어집니다
    labels = np.asarray(prep.labels["test"])
    assert result.test_pred.shape == labels.shape
    assert np.mean(result.test_pred == labels) == pytest.approx(result.test_acc)


def test_run_condition_is_repeatable_and_the_seed_matters():
    prep = toy_prepared()
    first = pp.run_condition(prep, "lstm", progress=False)
    second = pp.run_condition(prep, "lstm", progress=False)
    assert first.history.train_loss == second.history.train_loss
    other = pp.run_condition(prep, "lstm", cfg=dataclasses.replace(prep.cfg, seed=7),
                             progress=False)
    assert other.history.train_loss != first.history.train_loss


def test_results_table_and_majority_rate():
    prep = toy_prepared()
    results = pp.run_experiment(prep, None,
                                conditions=("RNN_랜덤 초기화", "GRU_랜덤 초기화"),
                                progress=False)
    table = pp.results_table(results)
    assert list(table.index) == ["RNN_랜덤 초기화", "GRU_랜덤 초기화"]
    assert {"테스트 정확도", "테스트 손실", "파라미터 수", "에포크당 학습 초"} <= set(table.columns)
    assert table.loc["GRU_랜덤 초기화", "파라미터 수"] > table.loc["RNN_랜덤 초기화", "파라미터 수"]
    assert pp.majority_rate(prep) == pytest.approx(0.5, abs=0.05)
    base = pp.tfidf_baseline(prep)
    with_base = pp.results_table(results, baseline=base)
    assert with_base.loc[base.key, "설정"] == "기준 모델"
    assert with_base.loc[base.key, "테스트 정확도"] == base.test_acc
    assert len(pp.CONDITIONS) == 6 and set(pp.EMBEDDINGS) == {"랜덤 초기화", "사전훈련"}


def fake_result(key, acc=0.8, cell=None):
    """A Result built by hand (no training): two epochs of history, an optional model."""
    history = pp.History()
    history.add((0.7, 0.6), (0.69, 0.62), 1.0)
    history.add((0.5, 0.8), (0.55, 0.78), 1.0)
    model = None
    if cell is not None:
        model = pp.RecurrentClassifier(10, 4, 2, 3, cell=cell)
    return pp.Result(key, history, 0.4, acc, 123, 1.0, model)


def test_results_table_takes_the_dict_key_as_the_name():
    # 강의 이름, 모델 이름만, 아무 이름(모델은 학습한 모델에서 읽음)
    results = {"GRU": fake_result("gru", 0.81),
               "LSTM_사전훈련": fake_result("whatever", 0.82),
               "내 실험": fake_result("lstm", 0.83, cell="lstm"),
               "rnn_랜덤 초기화+게이트 편향": fake_result("x", 0.84)}
    table = pp.results_table(results)
    assert list(table.index) == list(results)
    assert list(table["모델"]) == ["GRU", "LSTM", "LSTM", "RNN"]
    assert list(table["임베딩"]) == ["-", "사전훈련", "-", "랜덤 초기화"]
    assert list(table["테스트 정확도"]) == [0.81, 0.82, 0.83, 0.84]
    assert table.loc["GRU", "최종 검증 정확도"] == 0.78


@pytest.mark.parametrize("results, words", [
    ({"": fake_result("gru")}, ("비어 있지 않은 문자열", "non-empty string")),
    ({3: fake_result("gru")}, ("비어 있지 않은 문자열", "non-empty string")),
    ({"내 실험": fake_result("gru")}, ("모델(RNN, LSTM, GRU)", "Cannot tell the model")),
    ({"GRU": 0.9}, ("Result가 아닙니다", "not a Result")),
    ({}, ("결과가 없습니다", "no results")),
])
def test_results_table_explains_what_it_cannot_read(results, words):
    with pytest.raises(pp.NlpPPError) as info:
        pp.results_table(results)
    for word in words:
        assert word in str(info.value)


@pytest.fixture(scope="module")
def small_pipeline():
    pytest.importorskip("mecab", reason="MeCab (python-mecab-ko) is needed")
    df = pp.make_sms_corpus(300, seed=1)
    cfg = pp.get_config("quick", n_docs=None, emb_dim=16, ft_epochs=1)
    with warnings.catch_warnings():  # 오프라인이면 내장 불용어 목록을 쓴다고 경고합니다
        warnings.simplefilter("ignore", UserWarning)
        lecture = pp.prepare_data(cfg, df)
        clean = pp.prepare_data(cfg, df, vocab_splits=("train",))
    return lecture, clean


def test_prepare_data_shapes_and_train_only_vocabulary(small_pipeline):
    lecture, clean = small_pipeline
    sizes = {s: len(lecture.labels[s]) for s in SPLITS}
    assert sum(sizes.values()) == len(lecture.df)
    assert sizes["train"] > sizes["val"] > sizes["test"]
    for s in SPLITS:
        assert lecture.padded[s].shape == (sizes[s], lecture.cfg.context_length)
        assert np.array_equal(lecture.labels[s], clean.labels[s])
    train_words = {w for doc in clean.tokens["train"] for w in doc}
    assert set(clean.word_to_idx) - set(pp.SPECIAL_TOKENS) <= train_words
    assert len(clean.word_to_idx) <= len(lecture.word_to_idx)
    assert np.all(lecture.lengths("test") >= 1)


def test_pretrained_matrix_on_train_documents_only(small_pipeline):
    _, clean = small_pipeline
    matrix = pp.pretrained_matrix(clean, docs=clean.tokens["train"])
    assert matrix.shape == (len(clean.word_to_idx), clean.cfg.emb_dim)
    assert not matrix[pp.PAD_IDX].any() and matrix[pp.UNK_IDX].any()


def test_pretrained_conditions_all_start_from_the_same_matrix():
    prep = toy_prepared()
    rng = np.random.default_rng(0)
    matrix = rng.normal(size=(len(prep.word_to_idx), prep.cfg.emb_dim))
    matrix = matrix.astype(np.float32)
    before = matrix.copy()
    results = pp.run_experiment(prep, matrix, conditions=("RNN_사전훈련", "GRU_사전훈련"),
                                progress=False)
    np.testing.assert_array_equal(matrix, before)  # 학습이 행렬을 바꾸지 않았습니다
    alone = pp.run_condition(prep, "gru", matrix, progress=False)
    assert alone.test_acc == results["GRU_사전훈련"].test_acc
    assert alone.history.train_loss == results["GRU_사전훈련"].history.train_loss


def test_packed_or_bucketed_training_refuses_pre_padded_arrays():
    prep = toy_prepared()
    pre = {s: pp.pad_seq_x(prep.seqs[s], prep.cfg.context_length, padding="pre")
           for s in SPLITS}
    for kwargs in ({"packed": True}, {"bucket": True}):
        with pytest.raises(pp.NlpPPError, match="post"):
            pp.run_condition(prep, "rnn", padded=pre, progress=False, **kwargs)


def test_bucketed_batches_cover_everything_with_fewer_steps():
    prep = toy_prepared(n=400, context_length=40)
    post = prep.batches("train")
    packed = prep.batches("train", with_lengths=True)
    bucket = prep.batches("train", bucket=True)
    seen = torch.cat([y for _, y in bucket])
    assert len(seen) == len(prep.labels["train"])
    ids = torch.cat([x[:, 0] * 1000 + x.shape[1] for x, _ in bucket])
    assert len(ids) == len(prep.labels["train"])
    for x, _ in bucket:  # 배치마다 가장 긴 메시지에 맞춰 잘렸습니다
        assert (x[:, -1] != pp.PAD_IDX).any()
    assert post.steps() == len(post) * 40
    assert bucket.steps() < packed.steps() < post.steps()
    assert bucket.steps() == sum(x.shape[1] for x, _ in bucket)
    a = [y.tolist() for _, y in prep.batches("train", bucket=True)]
    b = [y.tolist() for _, y in prep.batches("train", bucket=True)]
    assert a == b  # 같은 시드면 같은 순서
    result = pp.run_condition(prep, "gru", bucket=True, progress=False)
    assert 0.0 <= result.test_acc <= 1.0
    # 길이 버킷팅은 테스트 메시지의 순서를 바꾸지만 예측은 메시지 순서로 돌아옵니다
    labels = np.asarray(prep.labels["test"])
    assert np.mean(result.test_pred == labels) == pytest.approx(result.test_acc)
    test = prep.batches("test", bucket=True)
    assert torch.equal(torch.cat([y for _, y in test]),
                       torch.as_tensor(labels)[torch.as_tensor(test.order())])


def multi_class_frame(n_per_class=40, seed=0):
    """A small three-topic Korean frame with its own column names."""
    rng = np.random.default_rng(seed)
    words = {"경제": ["주가", "금리", "환율", "수출"], "스포츠": ["축구", "야구", "골",
             "감독"], "날씨": ["비", "눈", "기온", "바람"]}
    rows = []
    for topic, bank in words.items():
        for _ in range(n_per_class):
            rows.append({"본문": " ".join(rng.choice(bank, size=6)) + " 소식입니다",
                         "주제": topic})
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def multi_prep():
    pytest.importorskip("mecab", reason="MeCab (python-mecab-ko) is needed")
    df = multi_class_frame()
    cfg = pp.get_config("quick", n_docs=None, emb_dim=8, hid_dim=8, epochs=2,
                        batch_size=16)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return pp.prepare_data(cfg, df, text_col="본문", label_col="주제")


def test_prepare_data_takes_any_columns_and_k_classes(multi_prep):
    prep = multi_prep
    assert prep.classes == ("경제", "날씨", "스포츠")  # 정렬된 순서
    assert prep.num_classes == 3
    for s in SPLITS:
        assert set(np.unique(prep.labels[s])) == {0, 1, 2}
    assert pp.majority_rate(prep) == pytest.approx(1 / 3, abs=0.05)
    results = pp.run_experiment(prep, None, conditions=("GRU_랜덤 초기화",),
                                progress=False)
    assert results["GRU_랜덤 초기화"].model.classifier.out_features == 3
    base = pp.tfidf_baseline(prep)
    assert base.test_acc > 0.9  # 주제 단어가 겹치지 않으니 쉽게 맞힙니다
    table = pp.results_table(results, baseline=base)
    assert len(table) == 2


def test_spam_labels_keep_their_lecture_order():
    df = pd.DataFrame({"content": ["무료 쿠폰 받으세요 지금", "오늘 저녁 뭐 먹어"] * 30,
                       "class": ["스팸문자", "일상대화"] * 30})
    y, classes = pp.encode_labels(df["class"])
    assert classes == ("일상대화", "스팸문자")
    assert list(y[:2]) == [1, 0]
    assert list(pp.map_labels(["일상대화", "스팸문자"])) == [0, 1]
    ordered = pd.Categorical(["b", "a", "c"], categories=["c", "b", "a"])
    assert pp.encode_labels(ordered)[1] == ("c", "b", "a")
    with pytest.raises(pp.NlpPPError, match="two"):
        pp.encode_labels(["a", "a"])


def test_bad_frames_get_clear_errors():
    cfg = pp.get_config("quick", n_docs=None)
    with pytest.raises(pp.NlpPPError, match="text_col"):
        pp.prepare_data(cfg, pd.DataFrame({"text": ["가"], "class": ["일상대화"]}))
    tiny = pd.DataFrame({"content": ["오늘 뭐 해", "무료 쿠폰", "밥 먹자", "당첨 축하",
                                     "내일 봐"],
                         "class": ["일상대화", "스팸문자", "일상대화", "스팸문자",
                                   "일상대화"]})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        with pytest.raises(pp.NlpPPError, match="at least"):
            pp.prepare_data(cfg, tiny)


def test_messages_that_clean_to_nothing_are_dropped_and_counted():
    pytest.importorskip("mecab", reason="MeCab (python-mecab-ko) is needed")
    df = pp.make_sms_corpus(300, seed=2)
    empty = pd.DataFrame({"content": ["😀😀", "!!! ???", "   ", "ㅋㅋㅋ"],
                          "class": ["스팸문자", "일상대화", "스팸문자", "일상대화"]})
    cfg = pp.get_config("quick", n_docs=None)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        prep = pp.prepare_data(cfg, pd.concat([df, empty], ignore_index=True))
    assert prep.dropped >= 4
    assert all(len(s) > 0 for split in SPLITS for s in prep.seqs[split])
    assert not (prep.padded["train"] == pp.PAD_IDX).all(axis=1).any()
    assert len(prep.df) == sum(len(prep.labels[s]) for s in SPLITS)
