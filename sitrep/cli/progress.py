"""Long runs: a one-line progress display on stderr (only on a terminal), and a gentle Ctrl-C."""
from __future__ import annotations

import signal
import threading
import time
from typing import Any, TextIO

from ..ingest.tally import Tally

REDRAW_SECONDS = 0.2
_SPINNER = "|/-\\"


BAR_WIDTH = 24


class Progress:
    """Redraws "[######------] 120/300  4.2 articles/s  ETA 0:43  37 events  2 skipped  0 failed" in place.

    With no known ``total`` (feeds, URLs) a spinner stands where the bar would be.

    Off when the stream is not a terminal (a pipe, a file, CI) or with ``--quiet``, so
    scripts and logs get no carriage returns. ``message`` prints a line above it.
    """

    def __init__(self, stream: TextIO, *, enabled: bool = True, total: int | None = None):
        self.stream = stream
        self.total = total
        self.enabled = enabled and _is_terminal(stream)
        self._last_draw = 0.0
        self._frame = 0
        self._shown = False

    def update(self, tally: Tally, *, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self._last_draw < REDRAW_SECONDS:
            return
        self._last_draw = now
        self._frame += 1
        events = tally.events_new + tally.events_updated if tally.stored else tally.events_found
        skipped = sum(tally.skipped.values())
        line = (f"{self._head(tally, skipped)}  {events} events  "
                f"{skipped} skipped  {tally.failed} failed")
        self.stream.write("\r" + line + "\x1b[K")
        self.stream.flush()
        self._shown = True

    def _head(self, tally: Tally, skipped: int) -> str:
        rate = tally.rate()
        if not self.total:
            return f"{_SPINNER[self._frame % 4]} {tally.read} read  {rate:.1f} articles/s"
        done = min(tally.read + skipped + tally.failed, self.total)  # every input handled, however it ended
        filled = round(BAR_WIDTH * done / self.total)
        eta = f"  ETA {_clock((self.total - done) / rate)}" if rate > 0 and done < self.total else ""
        return f"[{'#' * filled}{'-' * (BAR_WIDTH - filled)}] {done}/{self.total}  {rate:.1f} articles/s{eta}"

    def message(self, text: str) -> None:
        """A line (an error, a skip) printed above the progress line."""
        self.clear()
        print(text, file=self.stream)

    def clear(self) -> None:
        if self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._shown = False


def _clock(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class StopOnCtrlC:
    """First Ctrl-C sets stop (the articles in flight are finished and stored); a second quits."""

    def __init__(self, stop: threading.Event, progress: Progress):
        self.stop = stop
        self.progress = progress
        self.previous: Any = None

    def __enter__(self) -> None:
        if threading.current_thread() is threading.main_thread():
            self.previous = signal.signal(signal.SIGINT, self._handle)

    def __exit__(self, *exc: object) -> None:
        if self.previous is not None:
            signal.signal(signal.SIGINT, self.previous)

    def _handle(self, signum: int, frame: object) -> None:
        if self.stop.is_set():
            raise KeyboardInterrupt
        self.stop.set()
        self.progress.message("sitrep: stopping after the articles in flight are stored (Ctrl-C again to quit now)")
