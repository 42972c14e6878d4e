"""FastText on jamo tokens (gensim) and the embedding matrix for nn.Embedding."""

from __future__ import annotations

import hashlib
import json

import numpy as np

from .errors import NlpPPError
from .settings import atomic_file, cache_dir


def _fasttext(docs, *, vector_size, window, min_count, sg, min_n, max_n, epochs,
              workers, seed):
    """Build a gensim FastText model on `docs` and train it for `epochs`."""
    from gensim.models import FastText

    model = FastText(vector_size=vector_size, window=window, min_count=min_count, sg=sg,
                     min_n=min_n, max_n=max_n, workers=workers, seed=seed)
    model.build_vocab(corpus_iterable=docs)
    if epochs:
        model.train(corpus_iterable=docs, total_examples=model.corpus_count,
                    epochs=epochs)
    return model


def _corpus_key(docs, params: dict) -> str:
    """Return a hash of the token lists and the training settings."""
    digest = hashlib.sha1(json.dumps(params, sort_keys=True).encode())
    for doc in docs:
        digest.update("\x1f".join(doc).encode())
        digest.update(b"\x1e")  # 문서 경계
    return digest.hexdigest()[:16]


def _load_cached(path):
    """Return the FastText model stored at `path`, or None if it is unusable."""
    from gensim.models import FastText

    try:
        return FastText.load(str(path))
    except Exception:  # noqa: BLE001  망가진 캐시는 버리고 새로 학습합니다
        return None


def train_fasttext(docs, *, vector_size: int = 100, window: int = 5, min_count: int = 3,
                   sg: int = 1, min_n: int = 3, max_n: int = 6, epochs: int = 5,
                   workers: int = 1, seed: int = 42, check: bool = True,
                   cache: bool = False):
    """Train FastText on token lists (seeded, one worker: repeatable); return it.

    With ``cache=True`` the model is stored in ``cache_dir()/fasttext`` under a hash
    of the tokens and settings, and the same call later loads it instead of training.
    """
    docs = [list(d) for d in docs]
    if workers < 1:
        # gensim은 workers=-1이면 작업 스레드를 하나도 띄우지 않아 아무것도 학습하지 않습니다.
        raise NlpPPError(
            f"workers={workers}이면 gensim은 학습 스레드를 띄우지 않아 벡터가 초기값 그대로입니다. "
            "workers=1(재현 가능, 기본값)이나 더 큰 값을 쓰세요.",
            f"workers={workers} makes gensim start no worker thread, so nothing is "
            "trained: use workers=1 (repeatable, the default) or more.",
        )
    params = {"vector_size": vector_size, "window": window, "min_count": min_count,
              "sg": sg, "min_n": min_n, "max_n": max_n, "epochs": epochs,
              "workers": workers, "seed": seed}
    # 작업 스레드가 여럿이면 갱신 순서가 실행마다 달라 결과도 달라지므로 캐시하지 않습니다.
    path = None
    if cache and workers == 1:
        folder = cache_dir() / "fasttext"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"ft_{_corpus_key(docs, params)}.model"
        if path.exists() and (model := _load_cached(path)) is not None:
            return model
    model = _fasttext(docs, **params)
    if check and epochs and not vectors_moved(model, docs):
        raise NlpPPError(
            "FastText 벡터가 초기값에서 움직이지 않았습니다. 데이터와 workers 설정을 확인하세요.",
            "FastText vectors did not move from their initial values: check the data "
            "and the workers setting.",
        )
    if path is not None:
        with atomic_file(path) as (fh, _):
            model.save(fh)  # 파일 객체에 저장하면 큰 배열도 한 파일에 들어갑니다
    return model


def untrained_copy(model, docs):
    """Return a model with `model`'s settings and vocabulary, initialised but untrained."""
    return _fasttext(docs, vector_size=model.vector_size, window=model.window,
                     min_count=model.min_count, sg=model.sg, min_n=model.wv.min_n,
                     max_n=model.wv.max_n, epochs=0, workers=1, seed=model.seed)


def vectors_moved(model, docs, atol: float = 1e-6) -> bool:
    """Return True if the word vectors differ from the untrained initialisation."""
    if not len(model.wv.index_to_key):
        return False
    fresh = untrained_copy(model, docs)
    return not np.allclose(model.wv.vectors, fresh.wv.vectors, atol=atol)


SPECIALS = frozenset({"<PAD>", "<UNK>"})


def build_my_embed(word_to_idx: dict, wv, *, pad_idx: int = 0, seed: int = 42,
                   subwords: bool = True) -> np.ndarray:
    """Return a (vocab_size, dim) float32 matrix of FastText rows.

    The PAD row is zero, the UNK row random. Words outside FastText's own
    vocabulary get their character n-gram vector when `subwords` is True
    (FastText's strength), a random row otherwise.
    """
    rng = np.random.default_rng(seed)
    matrix = rng.normal(0.0, 1.0, size=(len(word_to_idx), wv.vector_size))
    matrix = matrix.astype(np.float32)
    for word, idx in word_to_idx.items():
        if word in SPECIALS:
            continue
        if word in wv.key_to_index or (subwords and word in wv):
            matrix[idx] = wv[word]
    matrix[pad_idx] = 0.0
    return matrix


def embedding_coverage(word_to_idx: dict, wv) -> dict:
    """Return the shares of vocabulary words with an own vector and with n-grams only."""
    words = [w for w in word_to_idx if w not in SPECIALS]
    own = sum(w in wv.key_to_index for w in words)
    ngram = sum(w not in wv.key_to_index and w in wv for w in words)
    n = max(1, len(words))
    return {"n_words": len(words), "own": own / n, "ngram_only": ngram / n,
            "none": (len(words) - own - ngram) / n}
