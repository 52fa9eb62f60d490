"""When an event happened: date expressions resolved against the publication date.

One precompiled regex finds every expression; the named group that matched says how to
resolve it. Conventions (ACLED codebook 1.8):

- ``time_precision`` 1 = a day, 2 = a week or similar period (event_date = its middle,
  e.g. the Thursday of "last week"), 3 = a month (event_date = the 15th, or the first /
  last day for "early" / "late" in the month).
- A weekday is the most recent such day on or before publication; the publication day
  itself when it is that weekday (news convention).
- Relative expressions with no publication date resolve to event_date None, never a guess.
- "recently", "in recent weeks" / "days" give a window (date_start, date_end) and
  event_date None, time_precision None: too vague to date an event.
- Years, "since 2015", "last year", "has long been", "in recent years" or "months": background
  (codebook 1.8: a period vaguer than a month is not recorded), not an
  event date: event_date None, time_precision None, a year window when a year is named.
  ``is_historical`` tells the caller a sentence is background.

Explicit dates are read from the regex groups with a month table (no dateparser: the
expression is already parsed, and dateparser costs milliseconds a call).
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from ..model import DateInfo

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_SMALL = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
          "seven": 7, "eight": 8, "nine": 9, "ten": 10, "a couple of": 2, "couple of": 2}

# Month names are case-sensitive: "may" the verb, "march" the verb are not months.
_MONTH = (r"(?-i:January|February|March|April|May|June|July|August|September|October|November"
          r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)")
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_ORD = r"(?:st|nd|rd|th)?"

# The words an expression can start with: a cheap test that spares the full pattern at
# every other word (3x faster on sentences without dates).
_STARTS = (
    rf"""\d|{_MONTH}|(?:yesterday|overnight|today|tonight|recent(?:ly)?|historically|formerly|founded
    |established|formed|created|designated|earlier|later|last|this|past|previous|coming|next|several
    |few|couple|long|years|decades|early|late|mid|end|beginning|start|middle|since|during|until
    |throughout|{_WD}|one|two|three|four|five|six|seven|eight|nine|ten)\b
    |on\s+(?:the\s+\d|\d|{_WD})|the\s+(?:day|weekend|past|previous|last|end|beginning|start|middle|\d)
    |in\s+(?:\d|recent|the\s+(?:past|last|\d)|early|late|mid|{_MONTH})|(?:by|from|of)\s+(?:\d|{_MONTH})
    |as\s+(?:early|of)|for\s+(?:many|several|a\s+few|years|decades)|ha(?:s|ve|d)\s+long|over\s+the
    |an?\s+(?:day|week|month|year|couple|few)\b"""
)

_DATE = re.compile(
    rf"""(?<!\w)(?={_STARTS})
    (?:(?P<iso>\b(?P<iso_y>(?:19|20)\d\d)-(?P<iso_m>\d{{1,2}})-(?P<iso_d>\d{{1,2}})\b)
  | (?P<slash>\b(?P<sl_a>\d{{1,2}})/(?P<sl_b>\d{{1,2}})/(?P<sl_y>(?:19|20)\d\d)\b)
  | (?P<dmy>(?:\bon\s+)?(?:\bthe\s+)?\b(?P<dmy_d>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<dmy_m>{_MONTH})\b\.?
        (?:,?\s+(?P<dmy_y>(?:19|20)\d\d)\b)?)
  | (?P<mdy>(?:\bon\s+)?\b(?P<mdy_m>{_MONTH})\.?\s+(?P<mdy_d>\d{{1,2}}){_ORD}\b(?!:)
        (?:,?\s+(?P<mdy_y>(?:19|20)\d\d)\b)?)
  | (?P<month>(?P<mo_pre>\b(?:in|during|since|until|by|throughout)\s+(?:(?:early|late|mid)[-\s]+)?
        |\b(?:early|late|mid)[-\s]+|\b(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+)?
        \b(?P<mo_m>{_MONTH})\b(?:\s+(?P<mo_y>(?:19|20)\d\d)\b)?)
  | (?P<weekday>(?P<wd_pre>\b(?:(?:late|early)\s+(?:on\s+)?|on\s+|overnight\s+(?:on\s+)?|last\s+|this\s+past\s+
        |past\s+|this\s+coming\s+|coming\s+|next\s+|this\s+))?\b(?P<wd>{_WD})\b
        (?:(?:'s|’s)?\s+(?:night|morning|evening|afternoon|overnight)\b)?)
  | (?P<day>\b(?:the\s+day\s+before\s+yesterday|yesterday|overnight|last\s+night|earlier\s+today|today
        |this\s+(?:morning|afternoon|evening)|tonight|(?:the\s+)?(?:past|last)\s+(?:24|48)\s+hours)\b)
  | (?P<ago>\b(?P<ago_n>\d{{1,2}}|an?|one|two|three|four|five|six|seven|eight|nine|ten|(?:a\s+)?couple\s+of
        |a\s+few|few|several)\s+(?P<ago_u>days?|weeks?|months?)\s+(?:ago|earlier|before)\b)
  | (?P<week>\b(?:(?:earlier|later)\s+this\s+week|this\s+week|last\s+week(?:end)?|(?:the\s+)?(?:past|previous)\s+week
        |the\s+last\s+week|this\s+weekend|over\s+the\s+weekend|the\s+weekend)\b)
  | (?P<monthrel>\b(?:(?:earlier|later)\s+this\s+month|this\s+month|last\s+month|(?:the\s+)?(?:past|previous)\s+month
        |the\s+last\s+month)\b)
  | (?P<history>\b(?:(?:has|have|had)\s+long\s+been|long\s+been|for\s+(?:many\s+|several\s+|a\s+few\s+)?(?:years|decades)
        |in\s+recent\s+(?:years|decades|months)|(?:in|over)\s+the\s+(?:past|last)\s+(?:few\s+|several\s+)?months|over\s+the\s+(?:past|last)\s+(?:few\s+|several\s+|\w+\s+)?(?:years|decades)
        |(?:years|decades)\s+ago|(?:founded|established|formed|created)\s+in(?:\s+(?:19|20)\d\d)?|designated\s+(?:as|an?)
        |in\s+the\s+(?:19|20)\d0s|since\s+the\s+(?:start|beginning|outbreak|onset)\s+of|historically
        |formerly|last\s+year|the\s+previous\s+year|a\s+year\s+ago)\b)
  | (?P<recent>\b(?:in\s+recent\s+(?:days|weeks)|(?:in\s+)?(?:the\s+)?(?:past|last)\s+(?:few|several)\s+(?:days|weeks)
        |recently|recent)\b)
  | (?P<year>(?P<yr_pre>\b(?:since|in|during|from|until|by|of|as\s+early\s+as|as\s+of)\s+(?:(?:early|late|mid)[-\s]+)?)
        (?P<yr>(?:19|20)\d\d)\b(?![-/]\d)|\b(?:earlier\s+)?this\s+year\b)
  | (?P<ordinal>\bon\s+the\s+(?P<ord_d>\d{{1,2}})(?:st|nd|rd|th)\b))
    """,
    re.IGNORECASE | re.VERBOSE,
)

# How good an expression is at dating an event: lower wins.
_RANK = {"explicit": 0, "relative": 1, "week": 2, "month": 3, "unresolved": 4, "recent": 5,
         "year": 6, "since": 7, "future": 8, "history": 9}


@dataclass(frozen=True)
class _Expr:
    start: int
    end: int
    kind: str  # a key of _RANK
    info: DateInfo


# ---------------------------------------------------------------- public API


def find_date_expressions(text: str, published: dt.date | None = None) -> list[tuple[int, int, DateInfo]]:
    """Every date expression in ``text`` as (start, end, DateInfo), resolved if possible."""
    return [(e.start, e.end, e.info) for e in _scan(text, published)]


def resolve_date(sentence: str, published: dt.date | None, *,
                 paragraph_date: DateInfo | None = None) -> DateInfo:
    """The date of the event the sentence reports.

    The most precise dated expression wins (explicit day, then weekday / yesterday, then a
    week, then a month), the earliest on ties. A sentence with expressions but no event
    date returns the best of them (a window, or background with event_date None). A
    sentence with none inherits ``paragraph_date`` when given.
    """
    found = _scan(sentence, published)
    if not found:
        return paragraph_date if paragraph_date is not None else DateInfo()
    dated = [e for e in found if e.info.event_date is not None]
    pool = dated or found
    return min(pool, key=lambda e: (_RANK[e.kind], e.start)).info


def is_historical(sentence: str, published: dt.date | None) -> bool:
    """True when the sentence is background ("since 2015", "has long been", "in recent years").

    A year counts as background when it is more than one year before publication (any year
    named with "since"/"in" when there is no publication date). A sentence that also dates
    something recent ("On Wednesday ... its biggest attack since 2015") is not background.
    """
    found = _scan(sentence, published)
    if any(_is_current(e, published) for e in found):
        return False
    return any(_is_background(e, published) for e in found)


# ---------------------------------------------------------------- scanning


def _scan(text: str, published: dt.date | None) -> list[_Expr]:
    found = []
    for m in _DATE.finditer(text):
        resolved = _resolve(m, published)
        if resolved is not None:
            kind, info = resolved
            found.append(_Expr(m.start(), m.end(), kind, info))
    return found


def _resolve(m: re.Match[str], pub: dt.date | None) -> tuple[str, DateInfo] | None:
    return _HANDLERS[m.lastgroup or ""](m, m.group().strip(), pub)


def _is_current(e: _Expr, pub: dt.date | None) -> bool:
    if e.kind not in ("explicit", "relative", "week", "month", "unresolved"):
        return False
    date = e.info.event_date
    return pub is None or date is None or 0 <= (pub - date).days <= 366


def _is_background(e: _Expr, pub: dt.date | None) -> bool:
    if e.kind == "history":
        return True
    start = e.info.date_start
    if start is None:
        return False
    if e.kind in ("year", "since"):
        return pub is None or start.year < pub.year - 1
    if e.kind in ("explicit", "month") and pub is not None:
        return (pub - start).days > 366
    return False


# ---------------------------------------------------------------- handlers


def _day(d: dt.date, text: str) -> DateInfo:
    return DateInfo(event_date=d, date_start=d, date_end=d, time_precision=1, text=text)


def _window(start: dt.date, end: dt.date, precision: int | None, text: str, *, dated: bool = True) -> DateInfo:
    """A period; its middle is the event date (ACLED: middle of the week / month)."""
    end = max(start, end)
    middle = start + dt.timedelta(days=(end - start).days // 2) if dated else None
    return DateInfo(event_date=middle, date_start=start, date_end=end, time_precision=precision, text=text)


def _safe_date(y: int, mo: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, mo, d)
    except ValueError:
        return None


def _explicit(y: int | None, mo: int, d: int, text: str, pub: dt.date | None) -> tuple[str, DateInfo] | None:
    """A day and month; without a year, the latest such date not after publication."""
    if y is None:
        if pub is None:
            return "unresolved", DateInfo(text=text)
        date = _safe_date(pub.year, mo, d)
        if date is not None and date > pub:
            date = _safe_date(pub.year - 1, mo, d)
    else:
        date = _safe_date(y, mo, d)
    return None if date is None else ("explicit", _day(date, text))


def _h_iso(m: re.Match[str], text: str, pub: dt.date | None):
    return _explicit(int(m["iso_y"]), int(m["iso_m"]), int(m["iso_d"]), text, pub)


def _h_slash(m: re.Match[str], text: str, pub: dt.date | None):
    a, b, y = int(m["sl_a"]), int(m["sl_b"]), int(m["sl_y"])
    day, month = (a, b) if b <= 12 else (b, a)  # day first, unless that cannot be
    return _explicit(y, month, day, text, pub)


def _h_dmy(m: re.Match[str], text: str, pub: dt.date | None):
    year = int(m["dmy_y"]) if m["dmy_y"] else None
    return _explicit(year, _MONTHS[m["dmy_m"].lower()], int(m["dmy_d"]), text, pub)


def _h_mdy(m: re.Match[str], text: str, pub: dt.date | None):
    year = int(m["mdy_y"]) if m["mdy_y"] else None
    return _explicit(year, _MONTHS[m["mdy_m"].lower()], int(m["mdy_d"]), text, pub)


def _h_month(m: re.Match[str], text: str, pub: dt.date | None):
    """ "in March 2022", "early March", "since March": precision 3, or a background window."""
    pre = re.sub(r"\s+", " ", (m["mo_pre"] or "").strip().lower())
    if not pre and not m["mo_y"]:
        return None  # a bare "March" is too often a name or a verb
    month = _MONTHS[m["mo_m"].lower()]
    year = int(m["mo_y"]) if m["mo_y"] else _year_for(month, pub)
    if year is None:
        return "unresolved", DateInfo(text=text)
    first = dt.date(year, month, 1)
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    if pre.startswith(("since", "until", "by", "throughout")):
        return "since", DateInfo(date_start=first, date_end=pub, text=text)
    end = min(last, pub) if pub else last
    event = _month_point(pre, first, last)
    if pub is not None and event > pub:
        event = end
    return "month", DateInfo(event_date=event, date_start=first, date_end=end, time_precision=3, text=text)


def _month_point(pre: str, first: dt.date, last: dt.date) -> dt.date:
    """ACLED: the 15th; the first or last day when the text says early or late in the month."""
    if re.search(r"\b(?:early|beginning|start)\b", pre):
        return first
    if re.search(r"\b(?:late|end)\b", pre):
        return last
    return first.replace(day=15)


def _year_for(month: int, pub: dt.date | None) -> int | None:
    if pub is None:
        return None
    return pub.year if month <= pub.month else pub.year - 1


def _h_weekday(m: re.Match[str], text: str, pub: dt.date | None):
    pre = re.sub(r"\s+", " ", (m["wd_pre"] or "").strip().lower())
    if pre in ("next", "coming", "this coming"):
        return "future", DateInfo(text=text)
    if pub is None:
        return "unresolved", DateInfo(text=text)
    back = (pub.weekday() - _WEEKDAYS[m["wd"].lower()]) % 7
    if back == 0 and pre in ("last", "this past", "past"):
        back = 7  # "last Wednesday" written on a Wednesday: a week ago
    return "relative", _day(pub - dt.timedelta(days=back), text)


def _h_day(m: re.Match[str], text: str, pub: dt.date | None):
    if pub is None:
        return "unresolved", DateInfo(text=text)
    low = re.sub(r"\s+", " ", text.lower())
    if "before yesterday" in low:
        return "relative", _day(pub - dt.timedelta(days=2), text)
    if low in ("yesterday", "overnight", "last night"):
        return "relative", _day(pub - dt.timedelta(days=1), text)
    if "48 hours" in low:
        return "relative", _window(pub - dt.timedelta(days=2), pub, 2, text)
    if "24 hours" in low:
        return "relative", DateInfo(pub, pub - dt.timedelta(days=1), pub, 1, text)
    return "relative", _day(pub, text)


def _h_ago(m: re.Match[str], text: str, pub: dt.date | None):
    """ "two days ago", "a week earlier", "several days ago"."""
    if pub is None:
        return "unresolved", DateInfo(text=text)
    word = re.sub(r"\s+", " ", m["ago_n"].lower())
    unit = m["ago_u"].lower().rstrip("s")
    if word in ("a few", "few", "several"):
        days = {"day": (7, 2), "week": (42, 14), "month": (120, 60)}[unit]
        return "week", _window(pub - dt.timedelta(days=days[0]), pub - dt.timedelta(days=days[1]),
                               2 if unit == "day" else 3, text)
    n = int(word) if word.isdigit() else _SMALL[word]
    if unit == "day":
        return "relative", _day(pub - dt.timedelta(days=n), text)
    if unit == "week":
        mid = pub - dt.timedelta(days=7 * n)
        return "week", DateInfo(mid, mid - dt.timedelta(days=3), min(pub, mid + dt.timedelta(days=3)), 2, text)
    mid = _months_back(pub, n)
    return "month", DateInfo(mid, mid - dt.timedelta(days=15), min(pub, mid + dt.timedelta(days=15)), 3, text)


def _months_back(d: dt.date, n: int) -> dt.date:
    y, mo = divmod(d.year * 12 + d.month - 1 - n, 12)
    return dt.date(y, mo + 1, min(d.day, calendar.monthrange(y, mo + 1)[1]))


def _h_week(m: re.Match[str], text: str, pub: dt.date | None):
    if pub is None:
        return "unresolved", DateInfo(text=text)
    low = re.sub(r"\s+", " ", text.lower())
    monday = pub - dt.timedelta(days=pub.weekday())
    one = dt.timedelta(days=1)
    if low.startswith("later"):
        return "future", DateInfo(text=text)
    if "weekend" in low:
        return "week", _weekend(low, pub, text)
    if low == "last week":
        return "week", _window(monday - 7 * one, monday - one, 2, text)
    if low.startswith("earlier"):
        return "week", _window(monday, max(monday, pub - one), 2, text)
    if low == "this week":
        return "week", _window(monday, pub, 2, text)
    return "week", _window(pub - 7 * one, pub - one, 2, text)  # the past week


def _weekend(low: str, pub: dt.date, text: str) -> DateInfo:
    """The last full weekend; "this weekend" written on a Saturday or Sunday is that one."""
    if pub.weekday() >= 5 and not low.startswith("last"):
        saturday = pub - dt.timedelta(days=pub.weekday() - 5)
        return _window(saturday, pub, 2, text)
    sunday = pub - dt.timedelta(days=pub.weekday() + 1)
    return _window(sunday - dt.timedelta(days=1), sunday, 2, text)


def _h_monthrel(m: re.Match[str], text: str, pub: dt.date | None):
    if pub is None:
        return "unresolved", DateInfo(text=text)
    low = re.sub(r"\s+", " ", text.lower())
    first = pub.replace(day=1)
    one = dt.timedelta(days=1)
    if low.startswith("later"):
        return "future", DateInfo(text=text)
    if low == "last month":
        last = first - one
        return "month", DateInfo(last.replace(day=15), last.replace(day=1), last, 3, text)
    if low.startswith("earlier"):
        return "month", _window(first, max(first, pub - one), 3, text)
    if low == "this month":
        return "month", _window(first, pub, 3, text)
    return "month", _window(pub - 30 * one, pub - one, 3, text)  # the past month


def _h_history(m: re.Match[str], text: str, pub: dt.date | None):
    low = text.lower()
    if pub is not None and ("last year" in low or "previous year" in low or "year ago" in low):
        y = pub.year - 1
        return "history", DateInfo(date_start=dt.date(y, 1, 1), date_end=dt.date(y, 12, 31), text=text)
    return "history", DateInfo(text=text)


def _h_recent(m: re.Match[str], text: str, pub: dt.date | None):
    """A window, never an event date: "recently" is up to a month back, "recent days" a week."""
    if pub is None:
        return "recent", DateInfo(text=text)
    back = 7 if "day" in text.lower() else 30
    one = dt.timedelta(days=1)
    return "recent", DateInfo(date_start=pub - back * one, date_end=pub - one, text=text)


def _h_year(m: re.Match[str], text: str, pub: dt.date | None):
    """ "in 2015", "since 2015", "this year": less precise than a month, so no event date."""
    if m["yr"] is None:  # "this year"
        if pub is None:
            return "year", DateInfo(text=text)
        return "year", DateInfo(date_start=dt.date(pub.year, 1, 1), date_end=pub, text=text)
    year = int(m["yr"])
    pre = (m["yr_pre"] or "").strip().lower()
    start = dt.date(year, 1, 1)
    if pre.startswith(("since", "from", "as of")):
        return "since", DateInfo(date_start=start, date_end=pub, text=text)
    return "year", DateInfo(date_start=start, date_end=dt.date(year, 12, 31), text=text)


def _h_ordinal(m: re.Match[str], text: str, pub: dt.date | None):
    """ "on the 5th": that day of the publication month, or of the month before."""
    if pub is None:
        return "unresolved", DateInfo(text=text)
    day = int(m["ord_d"])
    date = _safe_date(pub.year, pub.month, day)
    if date is None or date > pub:
        prev = pub.replace(day=1) - dt.timedelta(days=1)
        date = _safe_date(prev.year, prev.month, day)
    return None if date is None else ("explicit", _day(date, text))


_HANDLERS = {
    "iso": _h_iso, "slash": _h_slash, "dmy": _h_dmy, "mdy": _h_mdy, "month": _h_month,
    "weekday": _h_weekday, "day": _h_day, "ago": _h_ago, "week": _h_week,
    "monthrel": _h_monthrel, "history": _h_history, "recent": _h_recent, "year": _h_year,
    "ordinal": _h_ordinal,
}
