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
