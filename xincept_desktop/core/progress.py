"""Progress with rate and ETA, reported through a callback (CLI prints it to stderr; the GUI shows a bar)."""

from __future__ import annotations

import sys
import time
from typing import Callable, TextIO


def format_duration(seconds: float) -> str:
    seconds = max(0, int(round(seconds)))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}h{minutes:02d}m" if hours else (f"{minutes}m{secs:02d}s" if minutes else f"{secs}s")


class EtaTracker:
    """Tracks done / total and estimates the remaining time from the rate since ``start``."""

    def __init__(self, total: int, done: int = 0, clock: Callable[[], float] = time.monotonic):
        self.total = total
        self._start_done = done
        self.done = done
        self._clock = clock
        self._start = clock()

    def update(self, done: int) -> None:
        self.done = done

    @property
    def rate(self) -> float:
        elapsed = self._clock() - self._start
        return (self.done - self._start_done) / elapsed if elapsed > 0 else 0.0

    @property
    def eta_seconds(self) -> float | None:
        rate = self.rate
        return (self.total - self.done) / rate if rate > 0 else None

    def describe(self, what: str) -> str:
        eta = self.eta_seconds
        eta_text = format_duration(eta) if eta is not None else "?"
        return f"{what} {self.done}/{self.total} ({self.rate:.1f}/s, ETA {eta_text})"


class StderrProgress:
    """Prints an :class:`EtaTracker` line at most every ``interval`` seconds (and at the end)."""

    def __init__(self, what: str, total: int, done: int = 0, interval: float = 2.0, stream: TextIO | None = None):
        self.tracker = EtaTracker(total, done)
        self.what = what
        self.interval = interval
        self.stream = stream or sys.stderr
        self._last = 0.0

    def __call__(self, done: int, total: int | None = None) -> None:
        if total is not None:
            self.tracker.total = total
        self.tracker.update(done)
        now = time.monotonic()
        if now - self._last >= self.interval or done >= self.tracker.total:
            self._last = now
            print(self.tracker.describe(self.what), file=self.stream, flush=True)
