"""A non-neural baseline on the same jamo tokens: TF-IDF + logistic regression."""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

__all__ = ["Baseline", "tfidf_baseline"]


@dataclass
class Baseline:
    """The baseline's test accuracy, its size and its fitting time."""

    key: str
    test_acc: float
    params: int
    seconds: float
    model: object = None


def _identity(doc):
    """Return the token list as it is (the tokens are already jamo)."""
    return doc


def tfidf_baseline(prep, *, split: str = "test", C: float = 10.0) -> Baseline:
    """Fit TF-IDF + logistic regression on prep's train split; score `split`."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    start = time.perf_counter()
    # 토큰 목록을 그대로 쓰고(analyzer),
    # 훈련 데이터에서만 단어와 IDF를 배웁니다.
    model = make_pipeline(
        TfidfVectorizer(analyzer=_identity, min_df=prep.cfg.rare_th,
                        sublinear_tf=True),
        LogisticRegression(C=C, max_iter=2000),
    )
    model.fit(prep.tokens["train"], prep.labels["train"])
    seconds = time.perf_counter() - start
    pred = model.predict(prep.tokens[split])
    acc = float(np.mean(pred == np.asarray(prep.labels[split])))
    clf = model[-1]
    params = int(clf.coef_.size + clf.intercept_.size)
    return Baseline("TF-IDF+로지스틱 회귀", acc, params, seconds, model)
