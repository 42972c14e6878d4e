"""Label names <-> integers 0..K-1 for any labelled corpus (spam keeps 일상대화 -> 0)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .errors import NlpPPError
from .schema import LABEL_MAP, SPAM_CLASSES

__all__ = ["LABEL_MAP", "encode_labels", "label_classes", "map_labels"]


def label_classes(labels, classes=None) -> tuple:
    """Return the class names in label order (given, categorical, spam, else sorted)."""
    if classes is not None:
        return tuple(classes)
    values = pd.Series(labels)
    if isinstance(values.dtype, pd.CategoricalDtype):  # 프레임이 정한 순서
        return tuple(values.cat.categories)
    found = set(values.dropna())
    if found and found <= set(SPAM_CLASSES):  # 스팸 데이터: 일상대화 -> 0, 스팸문자 -> 1
        return SPAM_CLASSES
    return tuple(sorted(found, key=lambda v: (str(type(v)), v)))


def encode_labels(labels, classes=None) -> tuple[np.ndarray, tuple]:
    """Return (int64 labels 0..K-1, class names) for any labels; K must be >= 2."""
    values = pd.Series(labels)
    classes = label_classes(values, classes)
    index = {c: i for i, c in enumerate(classes)}
    unknown = sorted(set(values) - set(index), key=str)
    if unknown:
        raise NlpPPError(
            f"알 수 없는 레이블 {unknown}: 쓸 수 있는 레이블은 {list(classes)}입니다.",
            f"Unknown label(s) {unknown}: the classes are {list(classes)}.",
        )
    if len(classes) < 2:
        raise NlpPPError(
            f"레이블이 {list(classes)} 하나뿐입니다. 분류에는 클래스가 둘 이상 필요합니다.",
            f"Only one class {list(classes)}: classification needs at least two.",
        )
    return values.map(index).to_numpy(dtype=np.int64), classes


def map_labels(labels, classes=None) -> np.ndarray:
    """Return the labels as int64 (spam data: 일상대화 -> 0, 스팸문자 -> 1)."""
    values = pd.Series(labels)
    if classes is None and pd.api.types.is_integer_dtype(values):
        k = int(values.max()) + 1 if len(values) else 0
        if values.min() >= 0 and set(values) == set(range(k)):
            return values.to_numpy(dtype=np.int64)  # 이미 0..K-1이면 그대로 씁니다
    return encode_labels(values, classes)[0]
