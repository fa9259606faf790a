"""A progress line on a terminal, and silence everywhere else (CI logs stay quiet)."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable


def terminal_progress(label: str, stream=None) -> Callable[[int, int], None] | None:
    """A progress callback that redraws one line, or None when not on an interactive terminal."""
    stream = stream or sys.stderr
    if os.environ.get("CI") or not getattr(stream, "isatty", lambda: False)():
        return None
    started = time.monotonic()

    def update(done: int, total: int) -> None:
        width = 30
        filled = int(width * done / total) if total else width
        elapsed = time.monotonic() - started
        rate = done / elapsed if elapsed > 0 else 0.0
        stream.write(f"\r{label} [{'#' * filled}{'.' * (width - filled)}] {done}/{total} ({rate:.1f}/s)")
        if done >= total:
            stream.write("\n")
        stream.flush()

    return update
