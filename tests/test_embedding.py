"""FastText really trains, the workers=-1 trap is caught, the matrix is right."""

import numpy as np
import pytest
from gensim.models import FastText

import nlp_pp as pp


@pytest.fixture(scope="module")
def docs():
    rng = np.random.default_rng(0)
    words = sorted({"".join(rng.choice(list("ㄱㄴㄷㅁㅏㅓㅗㅜ"), size=4)) for _ in range(80)})
    return [list(rng.choice(words, size=20)) for _ in range(200)]


@pytest.fixture(scope="module")
def model(docs):
    return pp.train_fasttext(docs, vector_size=16, epochs=2, workers=2)


def test_vectors_moved_after_training(model, docs):
    assert pp.vectors_moved(model, docs)
    assert not pp.vectors_moved(pp.untrained_copy(model, docs), docs)


def test_lecture_workers_minus_one_trains_nothing_and_is_refused(docs):
    lecture = FastText(sentences=docs, vector_size=16, min_count=3, workers=-1, sg=1,
                       min_n=3, max_n=6)
    assert not pp.vectors_moved(lecture, docs)
    with pytest.raises(ValueError, match="workers"):
        pp.train_fasttext(docs, vector_size=16, workers=-1)


def test_embedding_matrix_rows(model):
    known = model.wv.index_to_key[0]
    w2i = {"<PAD>": 0, "<UNK>": 1, known: 2, "ㅋㅋㅋㅋㅋ": 3}
    matrix = pp.build_my_embed(w2i, model.wv, seed=0)
    assert matrix.shape == (4, 16) and matrix.dtype == np.float32
    assert not matrix[0].any()
    np.testing.assert_allclose(matrix[2], model.wv[known])
    np.testing.assert_allclose(matrix[3], model.wv["ㅋㅋㅋㅋㅋ"])  # 문자 n-gram 벡터
    no_sub = pp.build_my_embed(w2i, model.wv, seed=0, subwords=False)
    assert not np.allclose(no_sub[3], model.wv["ㅋㅋㅋㅋㅋ"])
    assert np.array_equal(matrix[1], no_sub[1])  # <UNK>: 같은 시드면 같은 난수
    cov = pp.embedding_coverage(w2i, model.wv)
    assert cov == {"n_words": 2, "own": 0.5, "ngram_only": 0.5, "none": 0.0}


def test_one_worker_gives_bit_identical_vectors(docs):
    a = pp.train_fasttext(docs, vector_size=16, epochs=2, seed=3)
    b = pp.train_fasttext(docs, vector_size=16, epochs=2, seed=3)
    assert a.workers == 1
    assert np.array_equal(a.wv.vectors, b.wv.vectors)
    assert np.array_equal(a.wv.vectors_ngrams, b.wv.vectors_ngrams)
    c = pp.train_fasttext(docs, vector_size=16, epochs=2, seed=4)
    assert not np.array_equal(a.wv.vectors, c.wv.vectors)


def test_cache_reuses_one_training_and_survives_a_broken_file(docs, tmp_path,
                                                              monkeypatch):
    monkeypatch.setenv("NLP_PP_CACHE", str(tmp_path))
    first = pp.train_fasttext(docs, vector_size=16, epochs=2, cache=True)
    files = list((tmp_path / "fasttext").glob("*.model"))
    assert len(files) == 1 and not list((tmp_path / "fasttext").glob("*.part"))
    mtime = files[0].stat().st_mtime_ns
    again = pp.train_fasttext(docs, vector_size=16, epochs=2, cache=True)
    assert files[0].stat().st_mtime_ns == mtime  # 다시 학습하지 않고 읽었습니다
    assert np.array_equal(first.wv.vectors, again.wv.vectors)
    assert np.array_equal(first.wv["ㅋㅋㅋ"], again.wv["ㅋㅋㅋ"])  # n-gram도 그대로
    other = pp.train_fasttext(docs[:150], vector_size=16, epochs=2, cache=True)
    assert len(list((tmp_path / "fasttext").glob("*.model"))) == 2
    assert other.wv.vectors.shape[1] == 16
    files[0].write_bytes(b"broken")  # 망가진 캐시는 새로 학습해 바꿉니다
    fixed = pp.train_fasttext(docs, vector_size=16, epochs=2, cache=True)
    assert np.array_equal(first.wv.vectors, fixed.wv.vectors)
    assert files[0].stat().st_size > 100
