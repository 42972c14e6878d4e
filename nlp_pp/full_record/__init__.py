"""The full-mode record of benchmarks/full_mode.py, read back for the book's pages.

The script runs chapters 6-7's experiments at the lecture's full size on whatever
device it finds and writes ``resources/full_mode.json``. The chapters and the teacher
page put its numbers beside their own run with these functions. Every sentence is
chosen by what the record holds and what this run measured, so it is true for any
outcome; without a record each function says so (sentences) or returns None (tables).

``record`` reads the record and holds the helpers; ``conditions`` (chapter 6) and
``padding`` (chapter 7) put it beside this run.
"""

from .conditions import conditions_table, conditions_verdict
from .padding import (
    padding_table,
    padding_verdict,
    seeds_table,
    seeds_verdict,
    speed_verdict,
)
from .record import (
    CELLS,
    FIX,
    FULL_MODE_FILE,
    GATED,
    PADDING,
    RECORD_FORMAT,
    SCRIPT,
    SEED_SETUPS,
    device_text,
    full_mode_record,
    run_size,
    seed_ids,
    step_seconds,
    times_sentence,
)

__all__ = [
    "CELLS",
    "FIX",
    "FULL_MODE_FILE",
    "GATED",
    "PADDING",
    "RECORD_FORMAT",
    "SCRIPT",
    "SEED_SETUPS",
    "conditions_table",
    "conditions_verdict",
    "device_text",
    "full_mode_record",
    "padding_table",
    "padding_verdict",
    "run_size",
    "seed_ids",
    "seeds_table",
    "seeds_verdict",
    "speed_verdict",
    "step_seconds",
    "times_sentence",
]
