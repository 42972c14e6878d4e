"""The chapter clock: how long a chapter took to run, glued into its prose."""

from __future__ import annotations

import time

from .glued import glue


class ChapterClock:
    """Measure a chapter's run time; `finish()` glues it as `<prefix>_run_time`."""

    def __init__(self, prefix: str):
        self.prefix, self._start = prefix, time.perf_counter()

    def finish(self) -> float:
        """Glue the elapsed seconds (text like '42초') and return them."""
        seconds = time.perf_counter() - self._start
        glue(f"{self.prefix}_run_time", f"{seconds:.0f}초")
        return seconds
