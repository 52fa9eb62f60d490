"""Reading gold CSV files and their values leniently (R exports write "NA", "2.0", "9-May-20")."""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path

from .cases import EvalError

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]|$)")
_MISSING = {"", "na", "nan", "none", "null"}
# Day-first throughout: ACLED and UCDP never write month-first dates.
_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d %b %Y", "%d-%B-%Y", "%d-%b-%Y", "%d-%b-%y", "%d-%B-%y",
                 "%d/%m/%Y", "%d-%m-%Y", "%d-%m-%y", "%d/%m/%y", "%B %d %Y", "%B %d, %Y")


def read_csv(path: str | Path) -> tuple[list[str], list[dict[str, str]]]:
    """Header and rows of a CSV file (UTF-8, or Latin-1 when it is not UTF-8)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise EvalError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    csv.field_size_limit(2**31 - 1)  # ACLED notes can be long article excerpts
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames:
        raise EvalError(f"{path}: empty file, expected a CSV export with a header row")
    return list(reader.fieldnames), list(reader)


def clean(value: str | None) -> str | None:
    """The value stripped, or None when it is empty or an R/pandas missing marker."""
    if value is None:
        return None
    value = value.strip()
    return None if value.lower() in _MISSING else value


def to_float(value: str | None) -> float | None:
    value = clean(value)
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def to_int(value: str | None) -> int | None:
    number = to_float(value)
    return int(number) if number is not None else None


def parse_date(value: str | None) -> dt.date | None:
    """A date in any of the forms ACLED and UCDP exports use; None when unreadable."""
    value = clean(value)
    if value is None:
        return None
    if _ISO_DAY.match(value):  # "2021-01-02T00:00:00Z", "2020-05-26 22:07:19"
        value = value[:10]
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None
