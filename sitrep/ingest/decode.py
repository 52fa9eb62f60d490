"""Bytes to text: which encodings we accept, and what counts as binary."""
from __future__ import annotations

import codecs
import re

from sitrep.errors import BinaryInput

# Above this share of control characters the "text" is binary data read as latin-1.
MAX_CONTROL_SHARE = 0.05
# Unicode category Cc, less the whitespace controls (tab, newlines, form feed).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def decode_text(data: bytes, origin: str) -> str:
    """Decode UTF-8 (BOM or not), UTF-16 with a BOM, else Windows-1252/Latin-1.

    Raises ``BinaryInput`` for NUL bytes or too many control characters. Newlines are
    normalized to LF, as Python's universal newlines would.
    """
    text = _decode(data)
    if text is None or _looks_binary(text):
        raise BinaryInput(origin, "not a text file (binary data)")
    return normalize_newlines(text)


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(data: bytes) -> str | None:
    """The text, or None when NUL bytes say it is binary."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Windows Notepad's "Unicode": full of NULs, yet text.
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    if b"\x00" in data:
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; latin-1 maps every byte.
        return data.decode("latin-1")


def _looks_binary(text: str) -> bool:
    if not text:
        return False
    return len(_CONTROL.findall(text)) / len(text) > MAX_CONTROL_SHARE
