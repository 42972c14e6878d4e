"""nlp_pp: the shared pipeline of the course (preprocessing, embeddings, models).

Use it with its namespace: ``import nlp_pp as pp; pp.tokenize(...)``.
"""

from importlib import import_module

__version__ = "0.1.0"

_MODULES = (
    "errors", "settings", "book", "data", "corpus", "text", "hangul", "vocab",
    "embedding", "cells", "models", "training", "experiment", "plots",
)


def _export(name: str) -> None:
    """Re-export the public names of one submodule at the package level."""
    module = import_module(f".{name}", __name__)
    public = getattr(module, "__all__", None) or [
        k for k, v in vars(module).items()
        if not k.startswith("_") and getattr(v, "__module__", __name__) == module.__name__
    ]
    globals().update({k: getattr(module, k) for k in public})


for _name in _MODULES:
    _export(_name)
