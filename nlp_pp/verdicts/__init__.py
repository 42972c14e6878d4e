"""Sentences for the book that are true for whichever outcome a run produced.

A chapter never writes prose for the one outcome its author happened to see: it
measures, calls one of these functions and glues the sentence that comes back.

The sentences are grouped by what they are about: the run itself (``run``), whether
models learned against the majority rate (``learning``), gaps between accuracies
(``gaps``). Every yardstick they apply is in ``nlp_pp.stats``; every particle and number
format in ``nlp_pp.korean``.
"""

from ..korean import particle, pct, pp_diff, topic
from ..stats import MAJORITY_MARGIN, learned, majority_margin, seed_interval
from .gaps import (
    claim_verdict,
    leak_verdict,
    paired_sentence,
    pretrain_verdict,
    seed_claim_verdict,
)
from .learning import (
    fix_verdict,
    gated_verdict,
    model_verdict,
    padding_verdict,
    seeds_verdict,
    vs_majority,
)
from .run import (
    SOURCES,
    baseline_verdict,
    run_sentence,
    source_sentence,
    speed_verdict,
    steps_verdict,
    timing_sentence,
)

__all__ = [
    "MAJORITY_MARGIN",
    "SOURCES",
    "baseline_verdict",
    "claim_verdict",
    "fix_verdict",
    "gated_verdict",
    "leak_verdict",
    "learned",
    "majority_margin",
    "model_verdict",
    "padding_verdict",
    "paired_sentence",
    "particle",
    "pct",
    "pp_diff",
    "pretrain_verdict",
    "run_sentence",
    "seed_claim_verdict",
    "seed_interval",
    "seeds_verdict",
    "source_sentence",
    "speed_verdict",
    "steps_verdict",
    "timing_sentence",
    "topic",
    "vs_majority",
]
