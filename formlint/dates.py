"""UK day-first dates: parse one value, or find every date in running text.

Regex finds the candidates; ``datetime.date`` validates them, so "31/02/2024"
is not a date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import regex

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))

_DATE = regex.compile(
    rf"""
    (?P<iso>\b(?P<iy>\d{{4}})-(?P<im>\d{{1,2}})-(?P<id>\d{{1,2}})\b)
    | (?P<num>\b(?P<nd>\d{{1,2}})[/.\-](?P<nm>\d{{1,2}})[/.\-](?P<ny>\d{{4}}|\d{{2}})\b)
    | (?P<word>\b(?P<wd>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<wm>{_MONTH_ALT})\.?,?\s+(?P<wy>\d{{4}})\b)
    | (?P<us>\b(?P<um>{_MONTH_ALT})\.?\s+(?P<ud>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<uy>\d{{4}})\b)
    """,
    regex.IGNORECASE | regex.VERBOSE,
)


@dataclass(frozen=True)
class DateMention:
    """A date found in text, with its character span."""

    date: dt.date
    start: int
    end: int
    text: str


def _year(text: str) -> int:
    year = int(text)
    # Two-digit years in case records are this century or the last: "03/05/98".
    if len(text) == 2:
        year += 2000 if year < 70 else 1900
    return year


def _build(match: regex.Match[str]) -> dt.date | None:
    try:
        if match.group("iso"):
            return dt.date(int(match["iy"]), int(match["im"]), int(match["id"]))
        if match.group("num"):
            return dt.date(_year(match["ny"]), int(match["nm"]), int(match["nd"]))
        if match.group("word"):
            return dt.date(int(match["wy"]), _MONTHS[match["wm"].lower()], int(match["wd"]))
        if match.group("us"):
            return dt.date(int(match["uy"]), _MONTHS[match["um"].lower()], int(match["ud"]))
    except ValueError:
        return None
    return None


def find_dates(text: str) -> list[DateMention]:
    """Every valid date in ``text``, in order, read day-first as UK forms write them."""
    found = []
    for match in _DATE.finditer(text):
        value = _build(match)
        if value is not None:
            found.append(DateMention(value, match.start(), match.end(), match.group(0)))
    return found


def parse_date(text: str) -> dt.date | None:
    """The first date in a field value such as "05/04/2024" or "5 Apr 2024", else None."""
    found = find_dates(text)
    return found[0].date if found else None


_MONTH_YEAR = regex.compile(
    rf"\b(?P<m>{_MONTH_ALT})\.?,?\s+(?P<y>(?:19|20)\d\d)\b",
    regex.IGNORECASE,
)


@dataclass(frozen=True)
class MonthMention:
    """A month named with its year and no day ("in December 2023"), with its span."""

    year: int
    month: int
    start: int
    end: int

    @property
    def last_day(self) -> dt.date:
        """The month's last day: the latest date the mention can stand for."""
        following = dt.date(self.year + self.month // 12, self.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)


def find_month_years(text: str) -> list[MonthMention]:
    """Months given with a year but no day ("December 2023"), skipping those inside full dates."""
    taken = [(d.start, d.end) for d in find_dates(text)]
    found = []
    for match in _MONTH_YEAR.finditer(text):
        if any(start <= match.start() < end for start, end in taken):
            continue
        found.append(MonthMention(int(match["y"]), _MONTHS[match["m"].lower()], match.start(), match.end()))
    return found
