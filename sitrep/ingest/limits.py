"""How large one article may be, and the message when it is larger."""
from __future__ import annotations

from sitrep.errors import TooLarge

# Long reports run to ~100 KB; 5 MB is a whole archive pasted into one file.
MAX_ARTICLE_BYTES = 5_000_000


def too_large(origin: str, what: str, size: int, limit: int, advice: str) -> TooLarge:
    problem = f"{what} is {format_size(size)}; the limit is {format_size(limit)} ({advice})"
    return TooLarge(origin, problem)


def format_size(n: int) -> str:
    """Sizes as a person reads them: 5 MB, 20.3 MB, 12.5 KB, 800 bytes."""
    for unit, scale in (("MB", 1_000_000), ("KB", 1_000)):
        if n >= scale:
            number = f"{n // scale}" if n % scale == 0 else f"{n / scale:.1f}"
            return f"{number} {unit}"
    return f"{n} bytes"
