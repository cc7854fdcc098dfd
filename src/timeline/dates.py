"""Finding temporal expressions in English text and normalising them against a reference date.

``find_dates`` works in three steps, all linear in the length of the text:

1. candidates: each scanner (a compiled regular expression, built on first use) runs only on
   short windows around its trigger words (month and weekday names, units, "now", four-digit
   numbers ...; tables in ``_patterns``), so most of a text is never scanned;
2. selection: the longest candidates win, then scanner priority; a candidate its handler
   rejects (an impossible date, "a 30-year-old") leaves room for the others;
3. normalisation, in text order: each handler turns its match into a TimeML TIMEX3 ``type``
   and ``value`` plus the calendar interval the mention denotes, against the reference date
   (``anchor="news"``) or the last absolute date before it (``anchor="narrative"``);
   "the next day", "the day before", "two days later" count from the last day mentioned
   before them (a weekday or "yesterday" included), else from that date.

``infer_reference`` finds a publication date in a text that carries one. Nothing here reads
the clock: relative expressions resolve against the reference the caller gives, or stay
underspecified (``XXXX-XX-XX``) without one.
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from timeline import _patterns as P

__all__ = ["DateMention", "find_dates", "infer_reference"]

SUPPORTED_LANGUAGES = ("en",)
ANCHORS = ("news", "narrative")

# infer_reference: a weekday-date pair without a year takes the most recent matching year not
# after this one (a fixed constant, never the clock) when the text offers no other evidence.
LATEST_PLAUSIBLE_YEAR = 2026


@dataclass(frozen=True)
class DateMention:
    """One temporal expression found in a text, normalised the TimeML way.

    ``earliest``/``latest`` bound the calendar interval the mention denotes (``None`` where
    unbounded or unknown). ``precision`` is ``time``, ``day``, ``week``, ``month``, ``season``,
    ``quarter``, ``half``, ``year``, ``decade`` or ``century``; for a duration it is the unit of
    the duration, for a recurrence (``SET``) the unit it recurs in. ``mod`` is TimeML's
    modifier (``START``, ``MID``, ``END``, ``APPROX``, ``LESS_THAN``, ``MORE_THAN``,
    ``EQUAL_OR_MORE``, ``EQUAL_OR_LESS``) or empty.
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    earliest: datetime.date | None
    latest: datetime.date | None
    precision: str
    mod: str = ""


class _Res(NamedTuple):
    """A normalised mention before it gets its offsets."""

    type: str
    value: str
    earliest: datetime.date | None
    latest: datetime.date | None
    precision: str
    mod: str = ""


# --------------------------------------------------------------------------------------------
# calendar helpers


def _safe_date(y: int, m: int, d: int) -> datetime.date | None:
    if not (1 <= y <= 9999 and 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]):
        return None
    return datetime.date(y, m, d)


def _month_end(y: int, m: int) -> datetime.date:
    return datetime.date(y, m, calendar.monthrange(y, m)[1])


def _add_months(d: datetime.date, n: int) -> datetime.date | None:
    total = d.year * 12 + d.month - 1 + n
    y, m = divmod(total, 12)
    if not 1 <= y <= 9999:
        return None
    return datetime.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _add(d: datetime.date, n: int, unit: str) -> datetime.date | None:
    """``d`` moved by ``n`` units (day, week, month, quarter, year, decade, century)."""
    try:
        if unit == "day":
            return d + datetime.timedelta(days=n)
        if unit == "week":
            return d + datetime.timedelta(weeks=n)
    except OverflowError:
        return None
    months = {"month": 1, "quarter": 3, "season": 3, "year": 12, "decade": 120, "century": 1200}
    return _add_months(d, n * months.get(unit, 12))


def _day(d: datetime.date, mod: str = "") -> _Res:
    return _Res("DATE", d.isoformat(), d, d, "day", mod)


def _month(y: int, m: int, mod: str = "") -> _Res | None:
    if not (1 <= y <= 9999 and 1 <= m <= 12):
        return None
    return _Res("DATE", f"{y:04d}-{m:02d}", datetime.date(y, m, 1), _month_end(y, m), "month", mod)


def _year(y: int, mod: str = "") -> _Res | None:
    if not 1 <= y <= 9999:
        return None
    return _Res("DATE", f"{y:04d}", datetime.date(y, 1, 1), datetime.date(y, 12, 31), "year", mod)


def _week(d: datetime.date, mod: str = "") -> _Res:
    iy, iw, _ = d.isocalendar()
    monday = d - datetime.timedelta(days=d.isoweekday() - 1)
    sunday = monday + datetime.timedelta(days=6)
    return _Res("DATE", f"{iy:04d}-W{iw:02d}", monday, sunday, "week", mod)


def _quarter(y: int, q: int, mod: str = "") -> _Res | None:
    if not (1 <= y <= 9999 and 1 <= q <= 4):
        return None
    first = datetime.date(y, 3 * q - 2, 1)
    return _Res("DATE", f"{y:04d}-Q{q}", first, _month_end(y, 3 * q), "quarter", mod)


def _half(y: int, h: int, mod: str = "") -> _Res | None:
    if not 1 <= y <= 9999:
        return None
    first = datetime.date(y, 1 if h == 1 else 7, 1)
    return _Res("DATE", f"{y:04d}-H{h}", first, _month_end(y, 6 if h == 1 else 12), "half", mod)


def _season(y: int, code: str, mod: str = "") -> _Res | None:
    if not 1 <= y <= 9998:
        return None
    first_m, last_m = P.SEASON_MONTHS[code]
    last_y = y + 1 if code == "WI" else y
    first = datetime.date(y, first_m, 1)
    return _Res("DATE", f"{y:04d}-{code}", first, _month_end(last_y, last_m), "season", mod)


def _decade(y: int, mod: str = "") -> _Res | None:
    y0 = y - y % 10
    if not 1 <= y0 <= 9990:
        return None
    return _Res(
        "DATE",
        f"{y0 // 10:03d}",
        datetime.date(y0, 1, 1),
        datetime.date(y0 + 9, 12, 31),
        "decade",
        mod,
    )


def _century(c: int, mod: str = "") -> _Res | None:
    """The ``c``-th century counted the TimeML way: value ``19`` for the 1900s."""
    if not 1 <= c <= 99:
        return None
    return _Res(
        "DATE",
        f"{c:02d}",
        datetime.date(max(1, c * 100), 1, 1),
        datetime.date(c * 100 + 99, 12, 31),
        "century",
        mod,
    )


def _narrow(res: _Res, part: str) -> _Res:
    """Apply early/mid/late (START/MID/END) to a mention: same value, narrower bounds."""
    if not part or res.earliest is None or res.latest is None:
        return res._replace(mod=part or res.mod)
    span = (res.latest - res.earliest).days + 1
    if res.precision == "month":
        cuts = {"START": (0, 9), "MID": (10, 19), "END": (20, span - 1)}
    else:
        third = span // 3
        cuts = {
            "START": (0, third - 1),
            "MID": (third, span - third - 1),
            "END": (span - third, span - 1),
        }
    if part not in cuts or span < 3:
        return res._replace(mod=part)
    a, b = cuts[part]
    return res._replace(
        earliest=res.earliest + datetime.timedelta(days=a),
        latest=res.earliest + datetime.timedelta(days=b),
        mod=part,
    )


_PART_MODS = {
    "early": "START",
    "beginning": "START",
    "start": "START",
    "mid": "MID",
    "middle": "MID",
    "late": "END",
    "end": "END",
    "close": "END",
    "turn": "",
}


def _part_mod(part: str | None) -> str:
    if not part:
        return ""
    words = re.findall(r"[a-z]+", part.lower())
    for w in words:
        if w in _PART_MODS:
            return _PART_MODS[w]
    return ""


# --------------------------------------------------------------------------------------------
# regular expressions (built on first use)

_MON = (
    r"(?:(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december)(?![a-z])|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?(?![a-z]))"
)
_WD = (
    r"(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?![a-z])|"
    r"(?:mon|tues|tue|wed|thurs|thu|fri|sat|sun)\.?(?![a-z]))"
)
_WDP = (
    r"(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?P<plural>s)?(?![a-z])|"
    r"(?:mon|tues|tue|wed|thurs|thu|fri|sat|sun)\.?(?![a-z]))"
)
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?!\d)(?:st|nd|rd|th)?(?![a-z0-9])"
_YEAR4 = r"(?:1[0-9]\d\d|20\d\d)(?![\d,.]\d)(?![a-z0-9])"
# the year of a full date: any four digits from 1000 ("December 31, 2100"); a year alone is
# read only in 1000-2099 (_YEAR4), where a four-digit number is more often a year than a count
_YR = r"(?:[1-9]\d{3}(?![a-z0-9])|['’]\d\d(?![\w']))"
_NUMW = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s+1/2)?|\d+\s*(?:or|to|-)\s*\d+|a|an|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
    r"nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]"
    r"(?:one|two|three|four|five|six|seven|eight|nine))?|a\s+hundred|hundred|a\s+dozen|dozen|"
    r"a\s+few|few|several|some|many|a\s+couple\s+of|a\s+couple|couple\s+of|a\s+number\s+of|"
    r"dozens\s+of|hundreds\s+of)"
)
_UNIT = (
    r"(?:seconds?|minutes?|hours?|days?|nights?|weekends?|weeks?|fortnights?|months?|quarters?|"
    r"years?|decades?|century|centuries)(?![a-z])"
)
_UNIT1 = r"(?:day|week|weekend|month|quarter|year|decade|century)(?![a-z])"
_SEASON = r"(?:spring|summer|fall|autumn|winter)(?![a-z])"
_PART = (
    r"(?:(?P<part>early|late|mid|(?:end|start)(?=-)|the\s+(?:very\s+)?(?:end|beginning|start|middle|"
    r"close|turn)\s+of|(?:the\s+)?(?:first|second|latter)\s+half\s+of)(?:\s+|-|\s+on\s+))?"
)
_APPROX = (
    r"(?:(?P<approx>almost|nearly|about|around|roughly|approximately|some|more\s+than|"
    r"less\s+than|over|under|at\s+least|up\s+to|just\s+over|just\s+under|only|barely|"
    r"the\s+better\s+part\s+of)\s+)?"
)
_DREL = (
    r"(?:past|last|next|previous|coming|first|final|following|recent|remaining|preceding|"
    r"latest|same|initial)"
)
_AMPM = r"(?:[ap]\.\s?m\.|[ap]m(?![a-z])|[ap]\.m(?![a-z]))"
_TZ = r"(?:\s+(?:[ECMP][SD]T|GMT|UTC|BST|CET|CEST|local\s+time)(?![a-z]))?"
_CLOCK = (
    rf"(?:(?:[01]?\d|2[0-3]):[0-5]\d(?:\s*{_AMPM})?|(?:1[0-2]|0?[1-9])\.[0-5]\d\s*{_AMPM}|"
    rf"(?:1[0-2]|0?[1-9])\s*{_AMPM}|(?:[01]?\d|2[0-3])\.[0-5]\d(?=\s+(?:[ECMP][SD]T|GMT|UTC|BST|"
    rf"CET|CEST)(?![a-z]))|noon|midnight|midday){_TZ}"
)


def _explicit_templates() -> dict[str, str]:
    """Explicit calendar-date forms with {d}/{m}/{y} group openers to fill in."""
    return {
        "dmy": rf"{{d}}{_DAY})(?:\s+of)?(?:[\s-]+|\.)?{{m}}{_MON})(?:,?[\s-]+|-){{y}}{_YR})",
        "mdy": rf"{{m}}{_MON})\s*{{d}}{_DAY}),?\s+{{y}}{_YR})",
        "my": rf"{{m}}{_MON}),?\s+(?:of\s+)?{{y}}{_YEAR4})",
        "md": rf"{{m}}{_MON})\s*{{d}}{_DAY})",
        "dm": rf"{{d}}{_DAY})(?:\s+of)?[\s-]+{{m}}{_MON})",
        "num": r"{d}(?<![\d/.])\d{1,2})/{m}\d{1,2})/{y}\d{4}|\d\d)(?![\d/])",
        "iso": r"{y}(?<![\d-])\d{4})-{m}[01]\d)-{d}[0-3]\d)(?![\d-])",
    }


class _Rx(NamedTuple):
    scanners: list[tuple[str, re.Pattern[str]]]
    explicit: dict[str, re.Pattern[str]]
    clock: re.Pattern[str]
    future: re.Pattern[str]
    byline: re.Pattern[str]
    dateline: re.Pattern[str]
    trigger: re.Pattern[str]
    digits: re.Pattern[str]
    clock_after: re.Pattern[str]
    range_end: re.Pattern[str]
    space: re.Pattern[str]
    era_after: re.Pattern[str]


@lru_cache(maxsize=1)
def _rx() -> _Rx:
    """Compile every pattern once, on first use."""
    tmpl = _explicit_templates()

    def fill(v: str, d: str, m: str, y: str) -> str:
        return v.replace("{d}", d).replace("{m}", m).replace("{y}", y)

    named = {k: re.compile(fill(v, "(?P<d>", "(?P<m>", "(?P<y>"), re.I) for k, v in tmpl.items()}
    plain = {k: fill(v, "(?:", "(?:", "(?:") for k, v in tmpl.items()}
    expl = "(?:" + "|".join(plain[k] for k in ("dmy", "mdy", "my", "md", "dm", "num", "iso")) + ")"
    expl_full = "(?:" + "|".join(plain[k] for k in ("dmy", "mdy", "num", "iso")) + ")"
    relday = r"(?:yesterday|today|tomorrow|tonight)"
    datepart = rf"(?:{expl}|{_WD}|{relday})"
    b = r"(?<![\w'’])"  # left word boundary
    scanners: list[tuple[str, str]] = [
        (
            "timedate",
            rf"{b}(?P<t1>{_CLOCK}),?\s+(?:on\s+)?(?P<d1>{datepart})"
            rf"|{b}(?P<d2>{datepart}),?\s+(?:at\s+)?(?P<t2>{_CLOCK})",
        ),
        (
            "wkdate",
            rf"{b}(?P<wd>{_WD})(?:\s*\(\s*(?P<da>{expl})\s*\)|,?\s+(?:the\s+)?(?P<db>{expl}))",
        ),
        (
            "range",
            rf"{b}(?P<m1>{_MON})\s*(?P<d1>{_DAY})\s*(?:-|–|—|to|through|until|till|(?P<and1>and))"
            rf"\s*(?P<m2>)(?P<d2>{_DAY})(?:,?\s+(?P<y>{_YR}))?"
            rf"|{b}(?P<d3>{_DAY})\s*(?:(?P<m3>{_MON})\s*)?(?:-|–|—|to|until|(?P<and2>and))\s*"
            rf"(?P<d4>{_DAY})"
            rf"\s+(?P<m4>{_MON})(?:,?\s+(?P<y2>{_YR}))?"
            rf"|{b}(?P<y3>{_YEAR4})\s*(?:-|–|—)\s*(?P<y4>(?:1[0-9]|20)\d\d|\d\d)(?![\w/,.-])",
        ),
        ("explicit", rf"{b}{_PART}(?P<date>{expl})(?!\s*-\s*\d)"),
        (
            "monrel",
            rf"{b}{_PART}(?P<m>{_MON})(?:\s+(?P<d>{_DAY}))?,?\s+(?:of\s+)?(?P<rel>this|last|next)"
            r"\s+year(?![\w-])",
        ),
        (
            "weekday",
            rf"{b}(?:on\s+)?(?P<span>(?:(?P<rel>last|next|this|coming|past|previous)\s+)?{_PART}"
            rf"(?P<wd>{_WDP})(?:\s+(?P<pod>morning|afternoon|evening|night)s?)?)",
        ),
        (
            "setwd",
            rf"{b}(?:each|every)\s+(?P<wd>{_WD})(?:\s+(?P<pod>morning|afternoon|evening|night))?",
        ),
        (
            "relword",
            rf"{b}(?P<w>the\s+day\s+(?:before|after)\s+(?:yesterday|tomorrow)|yesterday|today|"
            r"tomorrow|tonight|nowadays|now|currently|recently|lately|"
            r"presently|the\s+(?:recent\s+|distant\s+|near\s+)?(?:past|future)|"
            r"(?:this|last|tomorrow|yesterday)\s+(?:morning|afternoon|evening|night)|"
            r"(?:earlier|later)\s+(?:today|tonight)|overnight|these\s+days|in\s+the\s+meantime)"
            r"(?![\w-])",
        ),
        (
            "relunit",
            rf"{b}(?:(?P<el>earlier|later)\s+)?{_PART}(?P<rel>this|last|next|past|previous|coming|"
            r"current|following|preceding)\s+(?P<unit>week|weekend|month|year|quarter|decade|"
            rf"century|(?P<season>{_SEASON})|(?P<mon>{_MON})(?:\s*(?P<md>{_DAY}))?)(?![\w-])",
        ),
        (
            "ago",
            rf"{b}{_APPROX}(?P<num>{_NUMW})[\s-]+(?P<unit>{_UNIT})\s+"
            r"(?P<dir>ago|earlier|later|from\s+now|hence|back|previously|(?:before|after)"
            r"(?=\s*(?:[.,;:)!?\n]|$)))"
            r"(?![\w-])",
        ),
        (
            "vagueago",
            rf"{b}(?P<unit>days|weeks|months|years|decades)\s+(?:ago|earlier|later)(?![\w-])",
        ),
        (
            "duration",
            # TimeML leaves "about", "only", "over" out of the span (the mod keeps them)
            rf"{b}(?:(?P<outer>about|around|roughly|approximately|only|just|over)\s+)?"
            rf"(?P<span>(?:(?P<the>the|these|those)\s+)?(?:(?P<rel>{_DREL})\s+)?"
            rf"{_APPROX}(?P<num>{_NUMW})(?P<sep>[\s-]+)(?:and\s+a\s+half\s+)?(?P<unit>{_UNIT})"
            r"(?:\s+and\s+a\s+half)?(?P<old>[\s-]+old)?)(?![\w-])",
        ),
        (
            "vague",
            rf"{b}(?:(?P<the>the)\s+)?(?P<rel>past|last|next|coming|recent|previous|following|"
            r"early|first|latter)\s+(?:(?:few|several|many)\s+)?"
            r"(?P<unit>days|weeks|months|years|decades|centuries|quarters|hours|minutes)"
            r"(?:\s+(?P<ahead>ahead|to\s+come))?(?![\w-])",
        ),
        (
            "longadj",
            rf"{b}(?P<unit>days|weeks|months|years|decades|centuries|hours)-long(?![\w-])",
        ),
        (
            "bareunits",
            r"\b(?:for|within|over|in|after|take|took|takes|taking|last|lasted)\s+"
            r"(?P<span>(?P<unit>days|weeks|months|years|decades|centuries|hours|minutes))"
            r"(?!\s+(?:of|old|ago|earlier|later)\b)(?![\w-])",
        ),
        (
            "year",
            rf"{b}{_PART}(?P<pre>(?:fiscal|calendar|the\s+year|the\s+fiscal\s+year|fy|"
            r"model\s+year)[\s-]*)?(?P<y>(?:1[0-9]|20)\d\d)(?![\d,.]\d)(?![a-z0-9%$€£/’'-])"
            r"(?!\s*(?:per\s*cent|percent))",
        ),
        (
            "decade",
            rf"{b}(?:(?P<the>the)\s+)?{_PART}(?P<y>(?:1[0-9]|20)\d0|['’]\d0)['’]?s(?![\w-])",
        ),
        (
            "century",
            r"(?<![\w'’])(?:the\s+)?(?:(?P<part>early|late|mid)[\s-]+)?(?P<c>\d{1,2}(?:st|nd|rd|th)|"
            r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
            r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|"
            r"twentieth|twenty[\s-]first)[\s-]+century(?![\w-])",
        ),
        (
            "quarter",
            r"(?<![\w'’])(?:(?P<yr1>(?:1[0-9]|20)\d\d)(?:'s)?\s+|(?P<rely>this|last|next)\s+year['’]s\s+"
            r"|(?P<the>the)\s+)?(?:(?P<q>first|second|third|fourth|final|last|latest|current|"
            r"past|previous|year-earlier|year-ago|same|next|recent|1st|2nd|3rd|4th)[\s-]+)?"
            r"(?:(?:fiscal|calendar)[\s-]+)?(?P<q2>first|second|third|fourth)?[\s-]*"
            r"(?:(?P<kind>quarter|half)|(?P<qn>Q[1-4]))(?![\w-])"
            r"(?:\s+(?:of\s+)?(?:(?:fiscal|calendar)\s+)?(?P<yr2>(?:1[0-9]|20)\d\d(?![\d,])|"
            r"(?P<rely2>this|last|next)\s+year))?",
        ),
        (
            "months9",
            r"(?<![\w'’])(?:(?P<the>the)\s+)?(?P<first>first|last|past|latest)\s+(?P<num>two|three|"
            r"four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+(?P<unit>months|weeks|"
            r"days|years|quarters)(?:\s+of\s+(?:fiscal\s+)?(?P<y>(?:1[0-9]|20)\d\d))?(?![\w-])",
        ),
        (
            "season",
            rf"{b}(?:(?P<prep>in|during|since|by|until|throughout)\s+)?(?P<span>(?:(?P<det>this|"
            rf"last|next|the|that|early|late|mid|past)[\s-]+)?(?:(?P<part2>early|late|mid)[\s-]+)?"
            rf"(?P<s>{_SEASON})(?:\s+(?:of\s+)?(?P<y>{_YEAR4}))?)",
        ),
        (
            "monthname",
            rf"{b}{_PART}(?P<m>{_MON})(?!\s*\d)",
        ),
        (
            "set",
            rf"{b}(?P<w>daily|weekly|monthly|yearly|hourly|nightly|biweekly|"
            rf"(?:every|each|per)\s+(?:other\s+)?(?P<unit>{_UNIT1}|morning|night|evening|"
            rf"(?P<mon>{_MON})|(?P<season>{_SEASON}))|(?:twice|once|three\s+times)\s+a\s+"
            rf"(?:day|week|month|year))(?![\w-])",
        ),
        (
            "holiday",
            r"(?<![\w'’])(?P<h>christmas(?:\s+(?:day|eve))?|new\s+year['’]s(?:\s+(?:day|eve))?|"
            r"thanksgiving(?:\s+day)?|easter(?:\s+(?:sunday|monday))?|halloween|"
            r"valentine['’]s\s+day|boxing\s+day)(?:\s+(?P<y>(?:1[0-9]|20)\d\d))?(?![\w-])",
        ),
        (
            "anchorrel",
            r"(?<![\w'’])(?P<w>(?:the\s+)?(?:next|following|previous|preceding|same|prior)\s+"
            r"(?:day|week|month|year|morning|evening|night|afternoon|spring|summer|autumn|fall|"
            r"winter)|that\s+(?:day|week|month|year|morning|evening|night|afternoon|spring|summer|"
            r"autumn|fall|winter)|the\s+day\s+(?:before|after)(?=\s*(?:[.,;:)!?\n]|$))|"
            r"the\s+(?:night|morning|evening)\s+before(?=\s*(?:[.,;:)!?\n]|$)))(?![\w-])",
        ),
        (
            "clock",
            rf"{b}(?:(?P<approx>around|about|at\s+about|approximately)\s+)?"
            rf"(?P<span>(?P<t>{_CLOCK}))(?![\w-])",
        ),
        (
            "yearadj",
            r"(?<![\w'’-])(?P<w>year-earlier|year-ago|year-end|year-before|year-to-date|"
            r"(?<=by\s)year['’]s\s+end|(?<=by\s)year\s+end|(?<=around\s)year\s+end)(?![\w])",
        ),
        ("weekend", r"(?<![\w'’])the\s+weekend(?![\w-])"),
        (
            "podof",
            rf"{b}(?:the\s+)?(?:early\s+)?(?P<pod>morning|afternoon|evening|night)\s+of\s+"
            rf"(?:(?:{_WD}),?\s+)?(?P<date>{expl})",
        ),
        (
            "isotime",
            r"(?<![\d-])(?P<y>\d{4})-(?P<mo>[01]\d)-(?P<d>[0-3]\d)[T ](?P<h>[01]\d|2[0-3]):"
            r"(?P<mi>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?(?![\d:])",
        ),
        (
            "era",
            r"(?<![\w'’.,])(?:(?P<y>\d{1,4})\s*(?P<era>B\.\s?C\.(?:\s?E\.)?|BCE|BC|A\.\s?D\.|AD|CE)"
            r"|(?P<era2>A\.\s?D\.|AD)\s*(?P<y2>\d{1,4}))(?![\w])",
        ),
        (
            "yearperiod",
            r"(?<![\w'’])the\s+(?P<y>(?:19|20)\d\d)\s+(?P<unit>period|quarter)(?![\w-])",
        ),
        (
            "decadeword",
            r"(?<![\w'’])the\s+(?:(?P<part>early|late|mid)[\s-]+)?(?:nineteen[\s-]+)?"
            r"(?P<d>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)(?![\w-])",
        ),
        (
            "theperiod",
            rf"(?<![\w'’]){_PART}the\s+(?:(?P<adj>full|current|fiscal|current\s+fiscal|latest|"
            r"latest\s+fiscal|same|whole|entire)\s+)?(?P<unit>year|week|period|month)(?![\w-])"
            r"(?!\s+(?:\d|of\b|before\b|after\b|earlier\b|ago\b|later\b|when\b|in\s+which\b))",
        ),
        (
            "yearwords",
            r"(?<![\w'’-])(?:the\s+year\s+)?(?P<c>nineteen|eighteen)[\s-]+(?P<n>(?:ten|eleven|"
            r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)(?![\w-])|"
            r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|"
            r"four|five|six|seven|eight|nine))?(?![\w-])|hundred(?![\w-]))"
            r"|(?<![\w'’-])the\s+year\s+two\s+thousand(?:\s+and\s+(?P<n2>one|two|three|four|"
            r"five|six|seven|eight|nine|ten))?(?![\w-])",
        ),
    ]
    compiled = [(name, re.compile(pat, re.I)) for name, pat in scanners]
    clock = re.compile(
        rf"(?:(?P<h>[01]?\d|2[0-3])[:.](?P<mi>[0-5]\d)(?:\s*(?P<ap>{_AMPM}))?|"
        rf"(?P<h2>1[0-2]|0?[1-9])\s*(?P<ap2>{_AMPM})|(?P<w>noon|midnight|midday)){_TZ}",
        re.I,
    )
    future = re.compile(
        rf"\b(?:{P.FUTURE_CUES})\b(?:(?!\b(?:said|says|told|announced|reported|was|were)\b)"
        r"[^;!?\n])*$",
        re.I,
    )
    byline = re.compile(
        rf"(?:published|updated|posted|last\s+updated|date|released|issued)\s*(?:on|at)?\s*:?\s*"
        rf"(?:(?P<t1>{_CLOCK}),?\s+(?:(?:{_WD}),?\s+)?(?P<d1>{expl_full})"
        rf"|(?:(?:{_WD}),?\s+)?(?P<d2>{expl_full})(?:,?\s*(?:at\s+)?(?P<t2>{_CLOCK}))?)",
        re.I,
    )
    dateline = re.compile(
        rf"(?m)^[A-Z][A-Z .'’-]{{2,40}}(?:,\s*[A-Za-z .]{{2,30}})?,\s*(?P<d>(?i:{_MON}\s*{_DAY}))"
        rf"(?:,\s*(?P<y>{_YEAR4}))?\s*(?:\([^)\n]{{1,60}}\)\s*)?[-–—]",
    )
    # every scanner match holds a trigger of one of its categories (_patterns.SCANNER_TRIGGERS); the
    # scanners run only on windows around those triggers
    trigger = re.compile(r"[a-z]+[1-4]?")
    digits = re.compile(r"\d+")
    return _Rx(
        [(n, c) for n, c in compiled],
        named,
        clock,
        future,
        byline,
        dateline,
        trigger,
        digits,
        re.compile(r"[:.]\d\d|\s?[ap]\.?\s?m\b"),
        re.compile(rf"\s*(?:-|–|—|to|through|until|till|and)\s*(?P<end>{expl_full})", re.I),
        re.compile(r"\s"),
        re.compile(r"\s?(?:b\.?\s?c|a\.?\s?d\b|ce\b)"),
    )


# --------------------------------------------------------------------------------------------
# resolution state


class _State:
    """What normalisation needs besides the match: reference, anchor mode, last dates seen."""

    def __init__(self, text: str, ref: datetime.date | None, anchor: str) -> None:
        self.text = text
        self.ref = ref
        self.narrative = anchor == "narrative"
        self.last_abs: datetime.date | None = None  # last explicit date (with a year)
        self.quarter: tuple[int, int, int] | None = None  # (year, quarter, end offset)
        # the last day (or short run of days) mentioned: any resolved day, weekday included
        self.last_day: tuple[datetime.date, datetime.date] | None = None

    def context_quarter(self, start: int, window: int = 700) -> tuple[int, int] | None:
        """The quarter a financial report is about, if one was named shortly before."""
        if self.quarter is None or start - self.quarter[2] > window:
            return None
        return self.quarter[0], self.quarter[1]

    @property
    def base(self) -> datetime.date | None:
        """What relative expressions resolve against."""
        if self.narrative and self.last_abs is not None:
            return self.last_abs
        return self.ref

    @property
    def anchor_date(self) -> datetime.date | None:
        """What anaphoric expressions ("the next day") resolve against."""
        return self.last_abs or self.ref

    def day_anchor(self, forward: bool) -> datetime.date | None:
        """What "the next day", "the day before", "two days later" count from.

        The last day mentioned before (its last day going forward, its first going back, for
        "September 15 and 16"), whether a full date, a weekday or "yesterday"; without one, the
        base date (the reference in news).
        """
        if self.last_day is not None:
            return self.last_day[1] if forward else self.last_day[0]
        return self.base


def _future_context(state: _State, start: int, end: int) -> bool:
    """Whether the clause around a mention reads as future (so a weekday points forward)."""
    text = state.text
    lo = max(0, start - 80)
    before = text[lo:start]
    cuts = [mm.end() for mm in re.finditer(r"[a-z0-9)'\"”]{2}[.!?]\s|\n|[;,]\s", before)]
    clause = before[cuts[-1] :] if cuts else before
    rx = _rx()
    if rx.future.search(clause):
        return True
    after = text[end : end + 40]
    return bool(re.match(r"[\s,]*(?:will|is\s+to|are\s+to)\b", after, re.I))


# --------------------------------------------------------------------------------------------
# small parsers


def _month_num(s: str) -> int | None:
    return P.MONTHS.get(s.lower().rstrip(".").strip())


def _weekday_num(s: str) -> int | None:
    return P.WEEKDAYS.get(s.lower().rstrip(".").strip())


def _int_day(s: str) -> int:
    return int(re.match(r"\d+", s).group())  # type: ignore[union-attr]


def _year_num(s: str, state: _State | None = None) -> int:
    s = s.strip()
    if s[0] in "'’" or len(s) == 2:
        yy = int(s[-2:])
        pivot = state.ref.year if state is not None and state.ref is not None else 2000
        century = pivot - pivot % 100
        y = century + yy
        if y > pivot + 20:
            y -= 100
        return y
    return int(s)


def _number(s: str) -> int | None:
    """The count in a duration phrase (``None`` for vague counts like "several")."""
    s = re.sub(r"\s+", " ", s.lower().strip())
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", s):
        return int(s.replace(",", ""))
    if re.fullmatch(r"\d+\.\d+|\d+ 1/2|\d+\s*(?:or|to|-)\s*\d+", s):
        return None
    if s in P.NUMBER_WORDS:
        return P.NUMBER_WORDS[s]
    parts = re.split(r"[\s-]", s)
    if len(parts) == 2 and parts[0] in P.NUMBER_WORDS and parts[1] in P.NUMBER_WORDS:
        return P.NUMBER_WORDS[parts[0]] + P.NUMBER_WORDS[parts[1]]
    return None


def _unit_key(s: str) -> str:
    s = s.lower()
    if s.startswith("centur"):
        return "century"
    return s[:-1] if s.endswith("s") else s


def _duration_value(n: int | None, unit: str, half: bool = False) -> str:
    """TimeML duration value: P2Y, PT5H, PXM, P20Y (two decades), P2Y6M (2 1/2 years) ..."""
    letter, is_time, _ = P.UNITS[unit]
    prefix = "PT" if is_time else "P"
    if unit == "weekend":
        return "P2D" if n == 1 else ("PXWE" if n is None else f"P{n}WE")
    if n is None:
        return prefix + "X" + {"decade": "DE", "century": "C"}.get(unit, letter)
    if unit == "fortnight":
        n, letter = 2 * n, "W"
    if unit in ("decade", "century"):
        years = n * (10 if unit == "decade" else 100) + (
            (5 if unit == "decade" else 50) if half else 0
        )
        return f"P{years}Y"
    if not half:
        return f"{prefix}{n}{letter}"
    smaller = {
        "year": f"P{n}Y6M",
        "month": f"P{n}M15D",
        "day": f"P{n}DT12H",
        "night": f"P{n}DT12H",
        "hour": f"PT{n}H30M",
        "minute": f"PT{n}M30S",
    }
    return smaller.get(unit, f"{prefix}{n}.5{letter}")


def _parse_explicit(s: str, state: _State) -> tuple[int | None, int, int | None] | None:
    """(year or None, month, day or None) for an explicit calendar date, or None."""
    rx = _rx()
    for kind in ("iso", "num", "dmy", "mdy", "my", "md", "dm"):
        m = rx.explicit[kind].fullmatch(s.strip())
        if not m:
            continue
        g = m.groupdict()
        if kind in ("iso",):
            return int(g["y"]), int(g["m"]), int(g["d"])
        if kind == "num":
            a, b2 = int(g["d"]), int(g["m"])
            month, day = (a, b2) if a <= 12 else (b2, a)
            return _year_num(g["y"], state), month, day
        month = _month_num(g["m"])
        if month is None:
            return None
        year = _year_num(g["y"], state) if g.get("y") else None
        day = _int_day(g["d"]) if g.get("d") else None
        return year, month, day
    return None


def _guess_year(state: _State, month: int, day: int | None, forward: bool = False) -> int | None:
    """Year for a month (and day) given without one: nearest the base date, past preferred."""
    base = state.base
    if base is None:
        return None
    if state.narrative and state.last_abs is not None:
        return base.year
    y = base.year
    probe = _safe_date(y, month, min(day or 15, calendar.monthrange(y, month)[1]))
    if probe is None:
        return y
    delta = (probe - base).days
    if forward:
        return y + 1 if delta < -31 else y
    if delta > 92:  # well after the reference: last year's (news reports the past)
        return y - 1
    if delta < -300:  # almost a year before: next year's
        return y + 1
    return y


# --------------------------------------------------------------------------------------------
# handlers: match -> _Res | None


def _res_explicit(s: str, state: _State, part: str = "", forward: bool = False) -> _Res | None:
    parsed = _parse_explicit(s, state)
    if parsed is None:
        return None
    year, month, day = parsed
    if day is not None:
        if year is None:
            # validate against a leap year so "February 29" stays possible
            if _safe_date(2000, month, day) is None:
                return None
            year = _guess_year(state, month, day, forward)
            if year is None:
                return _Res("DATE", f"XXXX-{month:02d}-{day:02d}", None, None, "day")
            if _safe_date(year, month, day) is None:
                return None
        d = _safe_date(year, month, day)
        if d is None:
            return None
        return _narrow(_day(d), part) if part else _day(d)
    if year is None:
        year = _guess_year(state, month, None)
        if year is None:
            return _Res("DATE", f"XXXX-{month:02d}", None, None, "month", part)
    res = _month(year, month)
    return _narrow(res, part) if res and part else res


def _h_explicit(m: re.Match[str], state: _State) -> _Res | None:
    date = m.group("date")
    part = _part_mod(m.group("part"))
    if re.fullmatch(rf"{_MON}\s*\d{{1,2}}", date, re.I) and not _cap_ok(date):
        return None
    if re.fullmatch(rf"{_DAY}(?:\s+of)?[\s-]+{_MON}", date, re.I) and not _cap_ok(
        re.split(r"[\s-]+", date)[-1]
    ):
        return None
    nxt = re.match(r"\s*([a-z]+)", state.text[m.end() : m.end() + 20])
    year_at_end = re.search(r"\d{4}$", date)
    if nxt and nxt.group(1) in P.COUNT_NOUNS and year_at_end and int(year_at_end.group()) > 2099:
        return None  # "May 3, 5000 troops": a count, and then no year may be guessed
    forward = _future_context(state, m.start(), m.end())
    res = _res_explicit(date, state, part, forward)
    later = _rx().range_end.match(state.text, m.end())
    if res is not None and later and res.value.count("-") == 2 and not re.search(r"\d{4}", date):
        # "May 15 to August 16, 1988": the first date takes the year the range ends in
        parsed = _parse_explicit(date, state)
        end = _parse_explicit(later.group("end"), state)
        if parsed and end and end[0] and parsed[2]:
            year = end[0] - (1 if (parsed[1], parsed[2]) > (end[1], end[2] or 1) else 0)
            d = _safe_date(year, parsed[1], parsed[2])
            return _day(d) if d else None
    return _finish_explicit(m, res)


def _finish_explicit(m: re.Match[str], res: _Res | None) -> _Res | None:
    if (
        res is not None
        and m.group("part")
        and m.group("part")
        .lower()
        .startswith(("the first", "first", "the second", "second", "the latter", "latter"))
    ) and res.precision == "year":
        h = 1 if "first" in m.group("part").lower() else 2
        return _half(int(res.value), h)
    return res


def _cap_ok(word: str) -> bool:
    """A month or weekday name is capitalised (or the whole word is upper case)."""
    w = word.strip()
    return bool(w) and w[0].isupper()


def _h_timedate(m: re.Match[str], state: _State) -> _Res | None:
    tpart = m.group("t1") or m.group("t2")
    dpart = m.group("d1") or m.group("d2")
    date_res = _date_of(dpart, state, m.start(), m.end())
    if date_res is None:
        return None
    return _with_clock(date_res, tpart)


def _clock_value(tpart: str) -> str | None:
    cm = _rx().clock.fullmatch(tpart.strip())
    if cm is None:
        return None
    if cm.group("w"):
        w = cm.group("w").lower()
        return "24:00" if w == "midnight" else "12:00"
    if cm.group("h") is not None:
        h, mi, ap = int(cm.group("h")), int(cm.group("mi")), cm.group("ap")
    else:
        h, mi, ap = int(cm.group("h2")), 0, cm.group("ap2")
    if ap:
        pm = ap.lower().startswith("p")
        if h > 12:
            return None
        h = (h % 12) + (12 if pm else 0)
    return f"{h:02d}:{mi:02d}"


def _with_clock(date_res: _Res, tpart: str) -> _Res | None:
    hm = _clock_value(tpart)
    if hm is None:
        return None
    if date_res.precision != "day":
        return None
    if hm == "24:00":
        return _Res("TIME", f"{date_res.value}T24:00", date_res.earliest, date_res.latest, "time")
    return _Res("TIME", f"{date_res.value}T{hm}", date_res.earliest, date_res.latest, "time")


def _date_of(dpart: str, state: _State, start: int, end: int) -> _Res | None:
    """Resolve a day-precision date part: explicit date, weekday or yesterday/today/tomorrow."""
    low = dpart.lower().strip()
    if low in ("yesterday", "today", "tomorrow", "tonight"):
        return _relday(low, state)
    wd = _weekday_num(low)
    if wd is not None:
        if not _cap_ok(dpart):
            return None
        return _weekday_res(wd, state, start, end, "")
    return _res_explicit(dpart, state)


def _relday(word: str, state: _State) -> _Res:
    base = state.base
    shift = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[word]
    if base is None:
        return _Res("DATE", "XXXX-XX-XX", None, None, "day")
    return _day(base + datetime.timedelta(days=shift))


def _weekday_res(wd: int, state: _State, start: int, end: int, rel: str) -> _Res:
    base = state.base
    if base is None:
        return _Res("DATE", f"XXXX-WXX-{wd}", None, None, "day")
    back = (base.isoweekday() - wd) % 7
    fwd = (wd - base.isoweekday()) % 7
    rel = rel.lower()
    if rel == "last":
        d = base - datetime.timedelta(days=back or 7)
    elif rel in ("next", "coming"):
        d = base + datetime.timedelta(days=fwd or 7)
    elif rel == "this":
        d = (
            base + datetime.timedelta(days=fwd)
            if fwd <= 3
            else base - datetime.timedelta(days=back)
        )
    elif state.narrative and state.last_abs is not None or _future_context(state, start, end):
        d = base + datetime.timedelta(days=fwd)
    else:
        d = base - datetime.timedelta(days=back)
    return _day(d)


def _h_wkdate(m: re.Match[str], state: _State) -> _Res | None:
    if not _cap_ok(m.group("wd")):
        return None
    date = m.group("da") or m.group("db")
    parsed = _parse_explicit(date, state)
    if parsed is None or parsed[2] is None:
        return None
    year, month, day = parsed
    wd = _weekday_num(m.group("wd"))
    if year is None:
        # the weekday picks the year nearest the base date
        base = state.base
        if base is None:
            return _res_explicit(date, state)
        cands = [
            y
            for y in range(base.year - 6, base.year + 2)
            if (d := _safe_date(y, month, day)) is not None and d.isoweekday() == wd
        ]
        if not cands:
            return _res_explicit(date, state)
        year = min(cands, key=lambda y: abs((datetime.date(y, month, day) - base).days))
    d = _safe_date(year, month, day)
    return _day(d) if d else None


def _day_pair_ok(m: re.Match[str], state: _State) -> bool:
    """Whether "September 15 and 16" or "15 and 16 September" names two days of one month.

    Two months ("18 January and 19 February") are two dates, not a span; a number that counts
    ("May 5 and 12 people", "May 5 and 12,000") is no day.
    """
    if m.group("m3"):
        return False
    if m.group("and2") or m.group("y"):
        return True  # the month (or year) follows both days
    nxt = re.match(r"(?:[,.:]\d|\s*%|\s+([a-z]+))", state.text[m.end() : m.end() + 30])
    if nxt is None:
        return True
    word = nxt.group(1)
    return word is not None and word not in P.COUNT_NOUNS and word not in P.PAIR_COUNT_WORDS


def _h_range(m: re.Match[str], state: _State) -> _Res | None:
    g = m.groupdict()
    if g.get("y3"):
        y1 = int(g["y3"])
        y2s = g["y4"]
        y2 = int(y2s) if len(y2s) == 4 else (y1 - y1 % 100 + int(y2s))
        if not (y1 < y2 <= y1 + 100):
            return None
        if len(y2s) == 2 and y2 == y1 + 1:
            # "1998-99": a fiscal or season year
            pass
        return _Res(
            "DATE", f"{y1:04d}/{y2:04d}", datetime.date(y1, 1, 1), datetime.date(y2, 12, 31), "year"
        )
    if (g.get("and1") or g.get("and2")) and not _day_pair_ok(m, state):
        return None
    if g.get("m1"):
        m1, d1, m2, d2, ys = g["m1"], g["d1"], g["m2"] or g["m1"], g["d2"], g["y"]
        if not _cap_ok(m1):
            return None
    else:
        m1, d1, m2, d2, ys = g["m3"] or g["m4"], g["d3"], g["m4"], g["d4"], g["y2"]
        if not _cap_ok(m2):
            return None
    mo1, mo2 = _month_num(m1), _month_num(m2)
    if mo1 is None or mo2 is None:
        return None
    da1, da2 = _int_day(d1), _int_day(d2)
    year = _year_num(ys, state) if ys else _guess_year(state, mo1, da1)
    if year is None:
        if _safe_date(2000, mo1, da1) is None or _safe_date(2000, mo2, da2) is None:
            return None
        v = f"XXXX-{mo1:02d}-{da1:02d}/XXXX-{mo2:02d}-{da2:02d}"
        return _Res("DATE", v, None, None, "day")
    a = _safe_date(year, mo1, da1)
    b2 = _safe_date(year + (1 if mo2 < mo1 else 0), mo2, da2)
    if a is None or b2 is None or b2 <= a:
        return None
    return _Res("DATE", f"{a.isoformat()}/{b2.isoformat()}", a, b2, "day")


def _h_weekday(m: re.Match[str], state: _State) -> _Res | None:
    wdtext = m.group("wd")
    if not _cap_ok(wdtext):
        return None
    if (
        len(wdtext.rstrip(".")) <= 4
        and not wdtext.endswith(".")
        and wdtext.lower()
        in (
            "sun",
            "sat",
            "wed",
            "mon",
            "thu",
            "fri",
            "tue",
        )
    ):
        # bare abbreviations ("Sun", "Sat") are too often names; require a period or date
        return None
    wd = _weekday_num(wdtext)
    if wd is None:
        return None
    pod = (m.group("pod") or "").lower()
    if m.group("plural"):
        v = f"XXXX-WXX-{wd}" + (f"T{P.PARTS_OF_DAY[pod]}" if pod else "")
        return _Res("SET", v, None, None, "day")
    rel = (m.group("rel") or "").lower()
    if rel == "on":
        rel = ""
    res = _weekday_res(wd, state, m.start(), m.end(), rel if rel != "past" else "last")
    part = _part_mod(m.group("part"))
    if pod:
        return _Res("TIME", f"{res.value}T{P.PARTS_OF_DAY[pod]}", res.earliest, res.latest, "time")
    if part:
        res = res._replace(mod=part)
    return res


def _h_setwd(m: re.Match[str], state: _State) -> _Res | None:
    wd = _weekday_num(m.group("wd"))
    if wd is None:
        return None
    pod = (m.group("pod") or "").lower()
    v = f"XXXX-WXX-{wd}" + (f"T{P.PARTS_OF_DAY[pod]}" if pod else "")
    return _Res("SET", v, None, None, "day")


def _h_relword(m: re.Match[str], state: _State) -> _Res | None:
    w = re.sub(r"\s+", " ", m.group("w").lower())
    ref = state.base
    if w in ("yesterday", "today", "tomorrow"):
        return _relday(w, state)  # TimeML dates "today" even in the sense of "nowadays"
    if w.startswith("the day "):
        shift = -2 if w.endswith("yesterday") else 2
        if ref is None:
            return _Res("DATE", "XXXX-XX-XX", None, None, "day")
        return _day(ref + datetime.timedelta(days=shift))
    if w in ("now", "currently", "nowadays", "presently", "these days"):
        return _Res("DATE", "PRESENT_REF", ref, ref, "day")
    if w in ("recently", "lately", "previously", "formerly") or w.endswith("past"):
        return _Res("DATE", "PAST_REF", None, ref, "day")
    if w == "soon" or w.endswith("future"):
        return _Res("DATE", "FUTURE_REF", ref, None, "day")
    if w in ("in the meantime",):
        return None
    pods = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
    if w == "tonight" or w == "overnight":
        day = ref if w == "tonight" else (ref - datetime.timedelta(days=1) if ref else None)
        return _tod(day, "NI")
    if w.startswith(("earlier ", "later ")):
        day = ref
        if w.endswith("tonight"):
            return _tod(day, "NI")
        return _day(day) if day else _Res("DATE", "XXXX-XX-XX", None, None, "day")
    first, _, pod = w.partition(" ")
    if pod in pods and ref is not None:
        day = ref
        if first in ("last", "yesterday"):
            day = ref - datetime.timedelta(days=1)
        elif first == "tomorrow":
            day = ref + datetime.timedelta(days=1)
        return _tod(day, pods[pod])
    if pod in pods:
        return _tod(None, pods[pod])
    return None


def _tod(day: datetime.date | None, code: str) -> _Res:
    if day is None:
        return _Res("TIME", f"XXXX-XX-XXT{code}", None, None, "time")
    return _Res("TIME", f"{day.isoformat()}T{code}", day, day, "time")


def _unit_res(unit: str, d: datetime.date, mod: str = "") -> _Res | None:
    if unit in ("day",):
        return _day(d, mod)
    if unit in ("week", "weekend"):
        return _week(d, mod)
    if unit == "month":
        return _month(d.year, d.month, mod)
    if unit == "quarter":
        return _quarter(d.year, (d.month - 1) // 3 + 1, mod)
    if unit == "year":
        return _year(d.year, mod)
    if unit == "decade":
        return _decade(d.year, mod)
    if unit == "century":
        return _century(d.year // 100, mod)
    return None


_UNDERSPEC = {
    "day": "XXXX-XX-XX",
    "week": "XXXX-WXX",
    "weekend": "XXXX-WXX-WE",
    "month": "XXXX-XX",
    "quarter": "XXXX-QX",
    "year": "XXXX",
    "decade": "XXX",
    "century": "XX",
}


def _season_of(d: datetime.date) -> tuple[int, str]:
    m = d.month
    if m in (12, 1, 2):
        return (d.year if m == 12 else d.year - 1), "WI"
    return d.year, {3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(m, "FA")


def _h_relunit(m: re.Match[str], state: _State) -> _Res | None:
    rel = m.group("rel").lower()
    unit = m.group("unit").lower()
    if m.group("unit")[0].isupper() and not m.group("mon"):
        return None  # "This Week" is a title
    if (
        unit in ("decade", "century")
        and rel in ("past", "last", "next", "coming")
        and not m.group("part")
    ):
        # "the past decade", "the next decade": the ten years up to or from now
        ref = state.base
        years = 10 if unit == "decade" else 100
        ahead = rel in ("next", "coming")
        other = _add(ref, 1 if ahead else -1, unit) if ref is not None else None
        if other is None:
            return _Res("DURATION", f"P{years}Y", None, None, unit)
        lo, hi = (ref, other) if ahead else (other, ref)
        return _Res("DURATION", f"P{years}Y", lo, hi, unit)
    part = _part_mod(m.group("part"))
    el = (m.group("el") or "").lower()
    if el:
        part = "START" if el == "earlier" else "END"
    base = state.base
    if rel in ("past", "previous", "preceding"):
        rel = "last"
    if rel in ("coming", "following"):
        rel = "next"
    if rel == "current":
        rel = "this"
    step = {"last": -1, "this": 0, "next": 1}[rel]
    if m.group("season"):
        code = P.SEASONS[m.group("season").lower()]
        if base is None:
            return _Res("DATE", f"XXXX-{code}", None, None, "season", part)
        y, cur = _season_of(base)
        order = ["WI", "SP", "SU", "FA"]
        year = base.year
        if step == 0:
            year = base.year if not (code == "WI" and base.month <= 2) else base.year - 1
        elif step < 0:
            year = base.year if order.index(code) < order.index(cur) else base.year - 1
            if code == "WI":
                year = y - 1 if cur == "WI" else y if base.month == 12 else base.year - 1
        else:
            year = base.year if order.index(code) > order.index(cur) else base.year + 1
        res = _season(year, code)
        return _narrow(res, part) if res and part else res
    if m.group("mon"):
        if not _cap_ok(m.group("mon")):
            return None
        mo = _month_num(m.group("mon"))
        if mo is None:
            return None
        day = _int_day(m.group("md")) if m.group("md") else None
        if day is not None and _safe_date(2000, mo, day) is None:
            return None
        if base is None:
            if day is not None:
                return _Res("DATE", f"XXXX-{mo:02d}-{day:02d}", None, None, "day")
            return _Res("DATE", f"XXXX-{mo:02d}", None, None, "month", part)
        probe = (mo, day or 1)
        if step < 0:
            year = base.year if probe < (base.month, base.day) else base.year - 1
        elif step > 0:
            year = base.year if probe > (base.month, base.day) else base.year + 1
        else:
            year = base.year
        if day is not None:
            d = _safe_date(year, mo, day)
            return _day(d) if d else None
        res = _month(year, mo)
        return _narrow(res, part) if res and part else res
    if unit == "weekend":
        if base is None:
            return _Res("DATE", "XXXX-WXX-WE", None, None, "week")
        d = base + datetime.timedelta(weeks=step)
        iy, iw, _ = d.isocalendar()
        sat = d + datetime.timedelta(days=6 - d.isoweekday())
        if step == 0 and base.isoweekday() < 5 and not _future_context(state, m.start(), m.end()):
            sat -= datetime.timedelta(days=7)
            iy, iw, _ = sat.isocalendar()
        return _Res("DATE", f"{iy:04d}-W{iw:02d}-WE", sat, sat + datetime.timedelta(days=1), "day")
    if base is None:
        return _Res("DATE", _UNDERSPEC[unit], None, None, unit, part)
    cq = state.context_quarter(m.start())
    if (
        unit == "year"
        and step == -1
        and cq is not None
        and not part
        and re.search(
            r"\b(?:compared|from|versus|vs\.?|than|against|with|period)\b[^.;]*$",
            state.text[max(0, m.start() - 60) : m.start()],
            re.I,
        )
    ):
        return _quarter(cq[0] - 1, cq[1])  # "compared with $3 million last year"
    d = _add(base, step, unit)
    if d is None:
        return None
    res = _unit_res(unit, d)
    if res is None:
        return None
    if el and step == 0:
        return _before_or_after(res, base, el)
    return _narrow(res, part) if part else res


def _before_or_after(res: _Res, base: datetime.date, el: str) -> _Res:
    """Bounds of "earlier this month" (up to the day before ``base``) or "later" (the rest).

    The value stays the period with TimeML's ``START`` or ``END`` mod (as TimeBank annotates
    "earlier this month" ``2024-09`` START); the bounds are what the words allow in news: from
    the first of the period to the day before the reference, or from the day after it to the
    period's end (the reference itself when it is the period's first or last day).
    """
    lo, hi = res.earliest, res.latest
    if lo is None or hi is None:
        return res
    if el == "earlier":
        hi = max(lo, min(hi, base - datetime.timedelta(days=1)))
        return res._replace(latest=hi, mod="START")
    lo = min(hi, max(lo, base + datetime.timedelta(days=1)))
    return res._replace(earliest=lo, mod="END")


def _h_ago(m: re.Match[str], state: _State) -> _Res | None:
    n = _number(m.group("num"))
    unit = _unit_key(m.group("unit"))
    direction = m.group("dir").lower()
    approx = (m.group("approx") or "").lower()
    mod = "APPROX" if approx in ("about", "around", "roughly", "approximately", "some") else ""
    past = direction in ("ago", "earlier", "before", "back", "previously")
    if direction in ("ago", "back", "from now", "hence"):
        base = state.base
    elif unit in ("second", "minute", "hour", "day", "night"):
        base = state.day_anchor(not past)  # "two days later", "hours earlier"
    else:
        base = state.anchor_date
    if unit in ("second", "minute", "hour"):
        if n is None or base is None:
            return _Res("TIME", "PAST_REF" if past else "FUTURE_REF", None, None, "time", mod)
        return _Res("TIME", f"{base.isoformat()}TXX:XX", base, base, "time", mod)
    if unit in ("night", "fortnight", "weekend"):
        unit = {"night": "day", "fortnight": "week", "weekend": "week"}[unit]
        if n is not None and m.group("unit").lower().startswith("fortnight"):
            n *= 2
    if n is None:
        ref = state.base
        if past:
            lo = None
            if ref is not None and unit == "day":
                lo = ref - datetime.timedelta(days=9)
            return _Res(
                "DATE",
                "PAST_REF",
                lo,
                ref - datetime.timedelta(days=1) if ref and unit == "day" else ref,
                unit,
                mod,
            )
        return _Res("DATE", "FUTURE_REF", ref, None, unit, mod)
    if base is None:
        return _Res("DATE", _UNDERSPEC.get(unit, "XXXX-XX-XX"), None, None, unit, mod)
    # a year ago in a report about a quarter means that quarter a year before
    cq = state.context_quarter(m.start())
    if unit == "year" and cq is not None and direction in ("ago", "earlier", "before"):
        return _quarter(cq[0] - n, cq[1], mod)
    d = _add(base, -n if past else n, unit)
    if d is None:
        return None
    if unit in ("decade", "century"):
        return _year(d.year, mod)  # "a decade ago": the year, not the decade
    return _unit_res(unit, d, mod)


def _h_vagueago(m: re.Match[str], state: _State) -> _Res | None:
    ref = state.base
    unit = _unit_key(m.group("unit"))
    if m.group(0).lower().endswith("later"):
        return _Res("DATE", "FUTURE_REF", ref, None, unit)
    return _Res("DATE", "PAST_REF", None, ref, unit)


def _h_duration(m: re.Match[str], state: _State) -> _Res | None:
    if m.group("old"):
        return None
    num = m.group("num")
    n = _number(num)
    unit_word = m.group("unit")
    unit = _unit_key(unit_word)
    rel = (m.group("rel") or "").lower()
    numlow = num.lower()
    hyphen = "-" in m.group("sep")
    plural = unit_word.lower().endswith("s") or unit_word.lower() == "centuries"
    if numlow in ("a", "an", "one") and plural:
        return None
    if numlow in ("a", "an") and unit in ("second", "quarter"):
        return None  # "a second attempt", "a quarter of"
    if unit == "quarter" and hyphen and plural:
        return None  # "three-quarters of"
    if numlow in ("a", "an") and re.search(
        r"(?:\d|[a-z]s|times|\$[\d.,]+)\s+$", state.text[max(0, m.start() - 12) : m.start()]
    ):
        return None  # "24 hours a day", "700 seats a week": a rate, not a duration
    if re.fullmatch(r"\d+", numlow) and int(numlow) > 1 and not plural and not hyphen:
        return None
    if numlow == "some" and unit not in (
        "second",
        "minute",
        "hour",
        "day",
        "week",
        "month",
        "year",
    ):
        return None
    approx = re.sub(r"\s+", " ", (m.group("approx") or m.group("outer") or "").lower())
    mod = {
        "almost": "LESS_THAN",
        "nearly": "LESS_THAN",
        "less than": "LESS_THAN",
        "under": "LESS_THAN",
        "just under": "LESS_THAN",
        "barely": "LESS_THAN",
        "up to": "EQUAL_OR_LESS",
        "more than": "MORE_THAN",
        "over": "MORE_THAN",
        "just over": "MORE_THAN",
        "at least": "EQUAL_OR_MORE",
        "about": "APPROX",
        "around": "APPROX",
        "roughly": "APPROX",
        "approximately": "APPROX",
        "some": "APPROX",
    }.get(approx, "")
    half = "half" in m.group(0).lower() or "1/2" in num
    if n is None and (hm := re.match(r"(\d+)\s+1/2", num)):
        n = int(hm.group(1))
    if unit == "quarter" and rel in ("first", "final", "last", "latest", "same") and n in (None, 1):
        return None
    value = _duration_value(n, unit, half)
    precision = P.UNITS[unit][2] if unit != "weekend" else "day"
    earliest = latest = None
    ref = state.base
    anchored_past = rel in ("past", "last", "recent", "previous", "preceding", "latest")
    if not anchored_past and not hyphen and ref is not None and n is not None:
        anchored_past = _perfect_context(state, m.start())
    if ref is not None and n is not None and not P.UNITS[unit][1]:
        span_unit = {"night": "day", "fortnight": "week", "weekend": "day"}.get(unit, unit)
        count = n * (2 if unit in ("fortnight", "weekend") else 1)
        if anchored_past:
            earliest, latest = _add(ref, -count, span_unit), ref
        elif rel in ("next", "coming", "following", "remaining"):
            earliest, latest = ref, _add(ref, count, span_unit)
    elif ref is not None and anchored_past:
        latest = ref
    return _Res("DURATION", value, earliest, latest, precision, mod)


def _perfect_context(state: _State, start: int) -> bool:
    """A duration like "for almost three years" after a present perfect verb ends now."""
    before = state.text[max(0, start - 100) : start]
    cut = max(before.rfind(". "), before.rfind("\n"))
    clause = before[cut + 1 :]
    return bool(
        re.search(r"\b(?:has|have|'ve)\b(?:\s+\w+){0,8}", clause, re.I)
        and re.search(r"\b(?:for|in|over)\s+$", clause, re.I)
    )


def _h_vague(m: re.Match[str], state: _State) -> _Res | None:
    rel = m.group("rel").lower()
    unit = _unit_key(m.group("unit"))
    ref = state.base
    if rel in ("early", "first", "latter"):
        if not m.group("the"):
            return None
        return _Res("DURATION", _duration_value(None, unit), None, None, P.UNITS[unit][2])
    if rel == "recent" and unit == "year" and not m.group("the"):
        return _Res("DATE", "PAST_REF", None, ref, "year")
    value = _duration_value(None, unit)
    precision = P.UNITS[unit][2]
    if rel in ("past", "last", "recent", "previous"):
        return _Res("DURATION", value, None, ref, precision)
    return _Res("DURATION", value, ref, None, precision)


def _h_longadj(m: re.Match[str], state: _State) -> _Res | None:
    unit = _unit_key(m.group("unit"))
    return _Res("DURATION", _duration_value(None, unit), None, None, P.UNITS[unit][2])


def _h_bareunits(m: re.Match[str], state: _State) -> _Res | None:
    unit = _unit_key(m.group("unit"))
    return _Res("DURATION", _duration_value(None, unit), None, None, P.UNITS[unit][2])


def _h_year(m: re.Match[str], state: _State) -> _Res | None:
    y = int(m.group("y"))
    text = state.text
    before = text[max(0, m.start() - 12) : m.start()]
    after = text[m.end() : m.end() + 30]
    pre = m.group("pre")
    if not pre and not m.group("part"):
        if re.search(
            r"(?:\bno\.?|\bnumber|\bnos?\.|#|\$|€|£|\bUS\$|\bRs\.?|\bpage|\bp\.|\broute|\bflight|\bversion|\bmodel|\bpart|\barticle|\bsection|\bresolution|\bchapter)\s*$",
            before,
            re.I,
        ):
            return None
        if (
            re.search(r"[\d,.]\s*$", before)
            and not re.search(r"\d\s*,\s*$", before)
            and re.search(r"\d[.,]\s*$", before)
        ):
            return None
        nxt = re.match(r"\s*([a-z]+)", after)
        if nxt and nxt.group(1) in P.COUNT_NOUNS:
            return None
        if re.match(r"\s*(?:to|-|–)\s*\d", after) and not re.match(
            r"\s*(?:to|-|–)\s*(?:1[0-9]|20)\d\d", after
        ):
            return None
        if re.search(r"[,.]$", before.rstrip()) and re.match(r"[,.]?\d", after):
            return None
        if y < 1500 and not re.search(
            r"\b(?:in|since|by|until|of|from|year|AD|BC)\s*$", before, re.I
        ):
            return None
    part = _part_mod(m.group("part"))
    res = _year(y)
    if res is None:
        return None
    if m.group("part") and re.search(r"half", m.group("part"), re.I):
        return _half(y, 1 if "first" in m.group("part").lower() else 2)
    return _narrow(res, part) if part else res


def _h_decade(m: re.Match[str], state: _State) -> _Res | None:
    ys = m.group("y")
    y = _year_num(ys, state) if ys[0] in "'’" else int(ys)
    part = _part_mod(m.group("part"))
    # "the 1800s" is usually the century, "the 2000s" the decade
    century = y % 100 == 0 and y < 2000 and len(ys) == 4 and ys[0] not in "'’"
    res = _century(y // 100) if century else _decade(y)
    if res is None:
        return None
    return _narrow(res, part) if part else res


_ORD_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty first": 21,
    "twenty-first": 21,
}


def _h_century(m: re.Match[str], state: _State) -> _Res | None:
    c = m.group("c").lower()
    n = int(re.match(r"\d+", c).group()) if c[0].isdigit() else _ORD_WORDS.get(c)  # type: ignore[union-attr]
    if n is None:
        return None
    res = _century(n - 1)
    part = _part_mod(m.group("part"))
    if res is None:
        return None
    return _narrow(res, part) if part else res


def _h_quarter(m: re.Match[str], state: _State) -> _Res | None:
    g = m.groupdict()
    kind = (g["kind"] or "quarter").lower()
    qword = (g["q"] or "").lower()
    q2 = (g["q2"] or "").lower()
    if g["qn"]:
        q2 = str(g["qn"][1])
    ordmap = {
        "first": 1,
        "1st": 1,
        "second": 2,
        "2nd": 2,
        "third": 3,
        "3rd": 3,
        "fourth": 4,
        "4th": 4,
    }
    qnum = ordmap.get(q2) or (int(q2) if q2.isdigit() else None) or ordmap.get(qword)
    if not qnum and not qword and not g["the"] and not g["yr1"] and not g["rely"]:
        return None
    if kind == "half" and qnum is None and not qword:
        return None
    if kind == "quarter" and not (qnum or qword or g["the"]):
        return None
    if kind == "half" and qnum not in (1, 2, None):
        return None
    base = state.base
    year: int | None = None
    ys = g["yr1"] or g["yr2"]
    rely = (g["rely"] or g["rely2"] or "").lower()
    if ys:
        year = int(ys)
    elif rely and base is not None:
        year = base.year + {"this": 0, "last": -1, "next": 1}[rely]
    if kind == "half":
        h = qnum or (2 if qword in ("final", "last", "second") else 1)
        if year is None:
            year = base.year if base else None
            if base is not None and h == 2 and base.month <= 6 and qword in ("", "second"):
                year = base.year - 1
        if year is None:
            return _Res("DATE", f"XXXX-H{h}", None, None, "half")
        return _half(year, h)
    if base is None and year is None:
        return _Res("DATE", f"XXXX-Q{qnum}" if qnum else "XXXX-QX", None, None, "quarter")
    cur_q = (base.month - 1) // 3 + 1 if base else 1
    if qnum:
        if year is None:
            assert base is not None
            year = base.year
            if qword in ("year-earlier", "year-ago"):
                year -= 1
            elif qnum > cur_q and not _future_context(state, m.start(), m.end()):
                year -= 1  # a quarter not yet begun: last year's results
        return _quarter(year, qnum)
    # no ordinal: relative quarter
    assert base is not None or year is not None
    if year is not None and base is None:
        return None
    assert base is not None
    if qword in ("next", "coming"):
        shift = 1
    elif qword in ("current", "same"):
        shift = 0
    elif qword in ("year-earlier", "year-ago"):
        shift = -4
        cq = state.context_quarter(m.start())
        if cq is not None:
            return _quarter(cq[0] - 1, cq[1])
        shift = -5
    else:
        shift = -1  # "the quarter", "the latest quarter": the last one reported
    cq = state.context_quarter(m.start(), 2000)
    if qword in ("", "same", "latest") and cq is not None:
        return _quarter(*cq)
    d = _add(datetime.date(base.year, 3 * cur_q - 2, 1), shift, "quarter")
    if d is None:
        return None
    return _quarter(d.year, (d.month - 1) // 3 + 1)


def _h_months9(m: re.Match[str], state: _State) -> _Res | None:
    n = _number(m.group("num"))
    unit = _unit_key(m.group("unit"))
    if n is None:
        return None
    value = _duration_value(n, unit)
    first = m.group("first").lower()
    ref = state.base
    earliest = latest = None
    if m.group("y"):
        y = int(m.group("y"))
        if first == "first":
            earliest = datetime.date(y, 1, 1)
            latest = _add(earliest, n, unit)
            latest = latest - datetime.timedelta(days=1) if latest else None
    elif ref is not None and first in ("last", "past", "latest"):
        earliest, latest = _add(ref, -n, unit), ref
    return _Res("DURATION", value, earliest, latest, P.UNITS[unit][2])


def _h_season(m: re.Match[str], state: _State) -> _Res | None:
    det = (m.group("det") or m.group("prep") or "").lower()
    code = P.SEASONS[m.group("s").lower()]
    part = _part_mod(det if det in ("early", "late", "mid") else m.group("part2"))
    base = state.base
    if m.group("y"):
        res = _season(int(m.group("y")), code)
        return _narrow(res, part) if res and part else res
    if not det and not m.group("part2"):
        return None
    if det in ("this", "last", "next", "past"):
        return None  # relunit handles these
    if det in ("in", "during", "since", "by", "until", "the", "that", "early", "late", "mid"):
        if base is None:
            return _Res("DATE", f"XXXX-{code}", None, None, "season", part)
        y, cur = _season_of(base)
        order = ["WI", "SP", "SU", "FA"]
        year = base.year
        if (
            not (state.narrative and state.last_abs is not None)
            and order.index(code) > order.index(cur)
            and not _future_context(state, m.start(), m.end())
        ):
            year -= 1
        res = _season(year, code)
        return _narrow(res, part) if res and part else res
    return None


def _h_monthname(m: re.Match[str], state: _State) -> _Res | None:
    word = m.group("m")
    if not _cap_ok(word):
        return None
    mo = _month_num(word)
    if not word.endswith(".") and len(word) <= 4 and word.lower() not in ("may", "june", "july"):
        return None  # a bare "Jan" or "Mar" is a name more often than a month
    if mo is None:
        return None
    text = state.text
    before = text[max(0, m.start() - 30) : m.start()]
    prev = re.search(r"([A-Za-z]+)[\s,]*$", before)
    part = _part_mod(m.group("part"))
    if not part:
        if prev is None or prev.group(1).lower() not in P.MONTH_CUES:
            return None
        if prev.group(1).lower() == "the" and re.match(r"\s+[A-Z]", text[m.end() : m.end() + 3]):
            return None  # "the May Fourth Movement": a name
        if mo == 5 and re.match(
            r"\s+(?:be|have|not|also|well|still|never|only|need|want)\b",
            text[m.end() : m.end() + 12],
        ):
            return None
    forward = bool(
        prev and prev.group(1).lower() in ("next", "until", "till", "by")
    ) or _future_context(state, m.start(), m.end())
    year = _guess_year(state, mo, None, forward=forward)
    if year is None:
        return _Res("DATE", f"XXXX-{mo:02d}", None, None, "month", part)
    res = _month(year, mo)
    return _narrow(res, part) if res and part else res


def _h_set(m: re.Match[str], state: _State) -> _Res | None:
    """A recurrence; its precision is the unit it recurs in (hourly: ``time``)."""
    w = re.sub(r"\s+", " ", m.group("w").lower())
    simple = {
        "daily": ("P1D", "day"),
        "nightly": ("P1D", "day"),
        "weekly": ("P1W", "week"),
        "biweekly": ("P2W", "week"),
        "monthly": ("P1M", "month"),
        "quarterly": ("P1Q", "quarter"),
        "annually": ("P1Y", "year"),
        "yearly": ("P1Y", "year"),
        "hourly": ("PT1H", "time"),
    }
    if w in simple:
        return _Res("SET", simple[w][0], None, None, simple[w][1])
    if m.group("mon"):
        mo = _month_num(m.group("mon"))
        return _Res("SET", f"XXXX-{mo:02d}", None, None, "month") if mo else None
    if m.group("season"):
        return _Res("SET", f"XXXX-{P.SEASONS[m.group('season').lower()]}", None, None, "season")
    if w.startswith(("twice", "once", "three")):
        unit = w.rsplit(" ", 1)[-1]
        letter = {"day": "D", "week": "W", "month": "M", "year": "Y"}[unit]
        return _Res("SET", "P1" + letter, None, None, unit)
    unit = (m.group("unit") or "").lower()
    if w.startswith("per "):
        return None
    n = 2 if " other " in w else 1
    if unit in ("morning", "night", "evening"):
        return _Res("SET", f"XXXX-XX-XXT{P.PARTS_OF_DAY[unit]}", None, None, "time")
    if unit in P.UNITS:
        precision = {"weekend": "day", "night": "day"}.get(unit, P.UNITS[unit][2])
        return _Res("SET", _duration_value(n, unit), None, None, precision)
    return None


def _h_holiday(m: re.Match[str], state: _State) -> _Res | None:
    h = re.sub(r"\s+", " ", m.group("h").lower()).replace("’", "'")
    if not m.group("h")[0].isupper():
        return None
    base = state.base
    year = int(m.group("y")) if m.group("y") else (base.year if base else None)

    def on(y: int) -> datetime.date | None:
        if h.startswith("christmas"):
            return datetime.date(y, 12, 24 if h.endswith("eve") else 25)
        if h.startswith("new year"):
            return datetime.date(y, 12, 31) if h.endswith("eve") else datetime.date(y, 1, 1)
        if h.startswith("thanksgiving"):
            first = datetime.date(y, 11, 1)
            return first + datetime.timedelta(days=(3 - first.weekday()) % 7 + 21)
        if h.startswith("easter"):
            from dateutil.easter import easter

            d = easter(y)
            return d + datetime.timedelta(days=1) if h.endswith("monday") else d
        if h == "halloween":
            return datetime.date(y, 10, 31)
        if h.startswith("valentine"):
            return datetime.date(y, 2, 14)
        if h == "boxing day":
            return datetime.date(y, 12, 26)
        return None

    if year is None:
        probe = on(2001)
        if probe is None or h.startswith("easter"):
            return None
        return _Res("DATE", f"XXXX-{probe.month:02d}-{probe.day:02d}", None, None, "day")
    d = on(year)
    if d is None:
        return None
    if (
        not m.group("y")
        and base is not None
        and (d - base).days > 92
        and not _future_context(state, m.start(), m.end())
    ):
        d = on(year - 1)
    return _day(d) if d else None


def _h_anchorrel(m: re.Match[str], state: _State) -> _Res | None:
    w = re.sub(r"\s+", " ", m.group("w").lower())
    base = state.anchor_date
    words = w.split()
    unit = words[-1]
    if w.startswith("the day before"):
        shift, unit = -1, "day"
    elif w.startswith("the day after"):
        shift, unit = 1, "day"
    elif words[-1] == "before":
        shift, unit = -1, words[1]
    elif any(x in words for x in ("next", "following")):
        shift = 1
    elif any(x in words for x in ("previous", "preceding", "prior")):
        shift = -1
    else:
        shift = 0
    if unit == "day" or unit in P.PARTS_OF_DAY:
        base = state.day_anchor(shift >= 0)  # "the next morning" after "on Tuesday"
    if unit in P.PARTS_OF_DAY:
        if base is None:
            return _tod(None, P.PARTS_OF_DAY[unit])
        return _tod(base + datetime.timedelta(days=shift), P.PARTS_OF_DAY[unit])
    if unit in P.SEASONS:
        code = P.SEASONS[unit]
        if base is None:
            return _Res("DATE", f"XXXX-{code}", None, None, "season")
        return _season(base.year + shift if shift >= 0 else base.year - 1, code)
    if base is None:
        return _Res("DATE", _UNDERSPEC[unit], None, None, unit)
    d = _add(base, shift, unit)
    if d is None:
        return None
    return _unit_res(unit, d)


def _h_clock(m: re.Match[str], state: _State) -> _Res | None:
    t = m.group("t")
    if re.search(r"\bhigh\s+$", state.text[max(0, m.start() - 6) : m.start()], re.I):
        return None
    # a bare "12.30" or "3:10" is too often a score or a ratio: keep it after "at", "by" ...
    if re.fullmatch(r"\d{1,2}[.:]\d\d", t.strip()) and (
        "." in t
        or not re.search(
            r"\b(?:at|by|until|from|before|after)\s*$",
            state.text[max(0, m.start() - 10) : m.start()],
        )
    ):
        return None
    base = state.base
    approx = "APPROX" if m.group("approx") else ""
    hm = _clock_value(t)
    if hm is None:
        return None
    if base is None:
        return _Res("TIME", f"XXXX-XX-XXT{hm}", None, None, "time", approx)
    return _Res("TIME", f"{base.isoformat()}T{hm}", base, base, "time", approx)


def _h_yearadj(m: re.Match[str], state: _State) -> _Res | None:
    w = m.group("w").lower()
    base = state.base
    if base is None:
        return _Res("DATE", "XXXX", None, None, "year")
    if w.replace("’", "'") in ("year-end", "year's end", "year end"):
        d = datetime.date(base.year, 12, 31)
        return _day(d)
    if w == "year-to-date":
        return None
    cq = state.context_quarter(m.start())
    if cq is not None:
        return _quarter(cq[0] - 1, cq[1])
    if re.match(r"\s+(?:period|quarter)\b", state.text[m.end() : m.end() + 9]):
        q = (base.month - 1) // 3  # the year before the last quarter reported
        return _quarter(base.year - 1, q) if q else _quarter(base.year - 2, 4)
    return _year(base.year - 1)


def _h_weekend(m: re.Match[str], state: _State) -> _Res | None:
    base = state.base
    if base is None:
        return _Res("DATE", "XXXX-WXX-WE", None, None, "day")
    if _future_context(state, m.start(), m.end()):
        sat = base + datetime.timedelta(days=(6 - base.isoweekday()) % 7)
    else:
        sat = base - datetime.timedelta(days=(base.isoweekday() - 6) % 7)
    iy, iw, _ = sat.isocalendar()
    return _Res("DATE", f"{iy:04d}-W{iw:02d}-WE", sat, sat + datetime.timedelta(days=1), "day")


def _h_theperiod(m: re.Match[str], state: _State) -> _Res | None:
    adj = re.sub(r"\s+", " ", (m.group("adj") or "").lower())
    unit = m.group("unit").lower()
    base = state.base
    part = _part_mod(m.group("part"))
    if unit == "period" and adj not in ("latest", "same", "current"):
        return None
    if unit == "month" and not part:
        return None
    whole = (m.group("part") or "").lower()
    if "half" in whole and unit == "year" and base is not None:
        return _half(base.year, 1 if "first" in whole else 2)  # "the first half of the year"
    if part and base is not None and unit in ("month", "year", "week"):
        res = _unit_res(unit, base)
        return _narrow(res, part) if res else None
    if base is None:
        unit = "quarter" if unit == "period" else unit
        return _Res("DATE", _UNDERSPEC[unit], None, None, unit)
    if unit == "week":
        return _week(base)
    if unit == "year" and re.match(r"\s+(?:ended|ending|to)\b", state.text[m.end() : m.end() + 8]):
        return _Res("DURATION", "P1Y", None, None, "year")  # "the year ended June 30"
    if unit == "year":
        return _year(base.year - 1 if adj.startswith("latest") else base.year)
    cq = state.context_quarter(m.start(), 2000)
    if cq is not None:
        return _quarter(*cq)
    q = (base.month - 1) // 3  # the last quarter reported: the one before the reference's
    return _quarter(base.year, q) if q else _quarter(base.year - 1, 4)


def _h_yearwords(m: re.Match[str], state: _State) -> _Res | None:
    if m.group("c") is None:
        return _year(2000 + (_number(m.group("n2")) or 0 if m.group("n2") else 0))
    century = 1900 if m.group("c").lower() == "nineteen" else 1800
    n = m.group("n").lower()
    if n == "hundred":
        return _year(century)
    rest = _number(n)
    return _year(century + rest) if rest is not None and rest < 100 else None


def _h_monrel(m: re.Match[str], state: _State) -> _Res | None:
    if not _cap_ok(m.group("m")):
        return None
    mo = _month_num(m.group("m"))
    base = state.base
    if mo is None:
        return None
    year = (
        None
        if base is None
        else base.year + {"this": 0, "last": -1, "next": 1}[m.group("rel").lower()]
    )
    part = _part_mod(m.group("part"))
    if m.group("d"):
        day = _int_day(m.group("d"))
        if _safe_date(2000, mo, day) is None:
            return None
        if year is None:
            return _Res("DATE", f"XXXX-{mo:02d}-{day:02d}", None, None, "day")
        d = _safe_date(year, mo, day)
        return _day(d) if d else None
    if year is None:
        return _Res("DATE", f"XXXX-{mo:02d}", None, None, "month", part)
    res = _month(year, mo)
    return _narrow(res, part) if res and part else res


def _h_decadeword(m: re.Match[str], state: _State) -> _Res | None:
    tens = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties"]
    d = m.group("d").lower()
    y = 1990 if d == "nineties" else 1920 + 10 * tens.index(d)
    res = _decade(y)
    part = _part_mod(m.group("part"))
    return _narrow(res, part) if res and part else res


def _h_yearperiod(m: re.Match[str], state: _State) -> _Res | None:
    y = int(m.group("y"))
    cq = state.context_quarter(m.start(), 2000)
    if cq is not None:
        return _quarter(y, cq[1])
    return _year(y)


def _h_era(m: re.Match[str], state: _State) -> _Res | None:
    era = (m.group("era") or m.group("era2")).upper().replace(".", "").replace(" ", "")
    y = int(m.group("y") or m.group("y2"))
    if era.startswith("B"):
        if y == 0:
            return None
        return _Res("DATE", f"BC{y:04d}", None, None, "year")
    if era == "CE" and not m.group("y"):
        return None
    return _year(y) if y else None


def _h_isotime(m: re.Match[str], state: _State) -> _Res | None:
    d = _safe_date(int(m.group("y")), int(m.group("mo")), int(m.group("d")))
    if d is None:
        return None
    return _Res("TIME", f"{d.isoformat()}T{m.group('h')}:{m.group('mi')}", d, d, "time")


def _h_podof(m: re.Match[str], state: _State) -> _Res | None:
    res = _res_explicit(m.group("date"), state)
    if res is None or res.precision != "day":
        return None
    return _tod(res.earliest, P.PARTS_OF_DAY[m.group("pod").lower()])


_HANDLERS: dict[str, Callable[[re.Match[str], _State], _Res | None]] = {
    "timedate": _h_timedate,
    "wkdate": _h_wkdate,
    "range": _h_range,
    "explicit": _h_explicit,
    "weekday": _h_weekday,
    "setwd": _h_setwd,
    "relword": _h_relword,
    "relunit": _h_relunit,
    "ago": _h_ago,
    "vagueago": _h_vagueago,
    "duration": _h_duration,
    "vague": _h_vague,
    "longadj": _h_longadj,
    "bareunits": _h_bareunits,
    "year": _h_year,
    "decade": _h_decade,
    "century": _h_century,
    "quarter": _h_quarter,
    "months9": _h_months9,
    "season": _h_season,
    "monthname": _h_monthname,
    "set": _h_set,
    "holiday": _h_holiday,
    "anchorrel": _h_anchorrel,
    "weekend": _h_weekend,
    "podof": _h_podof,
    "isotime": _h_isotime,
    "era": _h_era,
    "yearperiod": _h_yearperiod,
    "decadeword": _h_decadeword,
    "monrel": _h_monrel,
    "theperiod": _h_theperiod,
    "yearwords": _h_yearwords,
    "clock": _h_clock,
    "yearadj": _h_yearadj,
}


# --------------------------------------------------------------------------------------------
# candidate selection


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding spaces and a trailing comma from a span."""
    while end > start and text[end - 1] in " \t\n,;":
        end -= 1
    while start < end and text[start] in " \t\n":
        start += 1
    return start, end


def _merge(
    spans: list[tuple[int, int]], text: str, before: int, after: int
) -> list[tuple[int, int]]:
    """Trigger spans widened by a margin, merged; a window ends at whitespace.

    A window may start inside a word (look-behinds see the text before it), but must not end
    inside one: a look-ahead at the end of a window sees the end of the text.
    """
    n = len(text)
    space = _rx().space
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        a, b = max(0, a - before), min(n, b + after)
        if out and a <= out[-1][1]:
            if b <= out[-1][1]:
                continue
            a = out.pop()[0]
        sp = space.search(text, b)
        out.append((a, sp.start() if sp else n))
    return out


@lru_cache(maxsize=1)
def _trigger_index() -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for cat, words in P.TRIGGER_WORDS.items():
        for w in words.split():
            out[w] = (*out.get(w, ()), cat)
    return out


def _windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """For each trigger category, the stretches of ``text`` around its triggers."""
    n = len(text)
    low = text.lower()
    if len(low) != n:  # a few characters ("İ") lower-case to two: keep those as they are
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    spans: dict[str, list[tuple[int, int]]] = {}
    index = _trigger_index()
    rx = _rx()
    # words: find the trigger words present, then their occurrences with str.find (fast in C)
    for word in set(rx.trigger.findall(low)):
        word_cats = index.get(word)
        if word_cats is None:
            continue
        size = len(word)
        pos = low.find(word)
        while pos >= 0:
            end = pos + size
            if not (pos and low[pos - 1].isalpha()) and not low[end : end + 1].isalpha():
                window = (pos, end)
                for cat in word_cats:
                    spans.setdefault(cat, []).append(window)
            pos = low.find(word, pos + 1)
    for m in rx.digits.finditer(low):
        tok = m.group()
        start, end = m.span()
        cats = []
        nxt = low[end : end + 1]
        if len(tok) <= 2 and rx.clock_after.match(low, end):
            cats.append("CLOCK")
        if nxt == "/" or (len(tok) == 4 and nxt == "-" and low[end + 1 : end + 2].isdigit()):
            cats.append("DATENUM")
        if (
            len(tok) == 4
            and (tok[0] == "1" or tok[:2] == "20")
            or (len(tok) == 2 and start and low[start - 1] in "'’")
        ):
            cats.append("YEAR4")
        if rx.era_after.match(low, end) or low[max(0, start - 5) : start].rstrip().endswith(
            ("ad", "a.d.")
        ):
            cats.append("ERA")
        for cat in cats:
            spans.setdefault(cat, []).append((start, end))
    return spans


@lru_cache(maxsize=1)
def _scan_plan() -> tuple[tuple[int, re.Pattern[str], bool, tuple[str, ...], int, int], ...]:
    """Per scanner: priority, pattern, whether it marks a ``span`` group, triggers, margins."""
    return tuple(
        (
            prio,
            pat,
            "span" in pat.groupindex,
            P.SCANNER_TRIGGERS[name],
            *P.MARGINS.get(name, (P.BEFORE, P.AFTER)),
        )
        for prio, (name, pat) in enumerate(_rx().scanners)
    )


def _candidates(text: str) -> list[tuple[int, int, int, re.Match[str]]]:
    out = []
    spans = _windows(text)
    for prio, pat, spanned, cats, before, after in _scan_plan():
        triggers = [w for c in cats for w in spans.get(c, ())]
        if not triggers:
            continue
        for a, b in _merge(triggers, text, before, after):
            for m in pat.finditer(text, a, b):
                s, e = _trim(text, *(m.span("span") if spanned else m.span()))
                if e > s:
                    out.append((s, e, prio, m))
    return out


def _as_reference(reference: object) -> datetime.date | None:
    """The reference's date (a datetime's time of day plays no part)."""
    if reference is None:
        return None
    if isinstance(reference, datetime.datetime):
        return reference.date()
    if isinstance(reference, datetime.date):
        return reference
    raise TypeError(
        f"reference must be a datetime.date, a datetime.datetime or None, got {reference!r}"
    )


def _aside(state: _State, res: _Res) -> bool:
    """A year far from the story's time ("built in 1813", "a 2004 study") moves no anchor."""
    last = state.last_abs
    return (
        state.narrative
        and last is not None
        and res.precision == "year"
        and res.earliest is not None
        and abs(res.earliest.year - last.year) > 25
    )


def _resolve(name: str, m: re.Match[str], state: _State) -> _Res | None:
    """Run one handler; a date pushed past year 1 or 9999 by arithmetic is no mention."""
    try:
        return _HANDLERS[name](m, state)
    except OverflowError:
        return None


# handlers whose result depends on the mentions before (state.last_abs, state.quarter)
_STATEFUL = frozenset(
    {"anchorrel", "ago", "quarter", "yearadj", "theperiod", "relunit", "yearperiod"}
)


def find_dates(
    text: str,
    reference: datetime.date | datetime.datetime | None = None,
    *,
    language: str = "en",
    anchor: str = "news",
) -> list[DateMention]:
    """Find the temporal expressions in ``text``, normalised against ``reference``.

    Args:
        text: the document text; offsets in the result index into it.
        reference: the publication date (or date and time). Without it, relative expressions
            get TimeML's underspecified values (``XXXX-XX-XX``) and no bounds.
        language: only ``"en"`` is supported.
        anchor: ``"news"`` resolves relative expressions against ``reference``;
            ``"narrative"`` against the last absolute date mentioned before them.

    Returns:
        Mentions sorted by start offset, never overlapping.

    Raises:
        ValueError: an unsupported language or anchor.
        TypeError: text is not a string or reference is not a date.

    >>> [(m.text, m.value) for m in find_dates("We met on Friday.", datetime.date(2019, 7, 11))]
    [('Friday', '2019-07-05')]
    """
    if language not in SUPPORTED_LANGUAGES:
        raise ValueError(
            f"language {language!r} is not supported; supported languages: "
            + ", ".join(SUPPORTED_LANGUAGES)
        )
    if anchor not in ANCHORS:
        raise ValueError(f"anchor {anchor!r} is not one of: {', '.join(ANCHORS)}")
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    ref = _as_reference(reference)
    cands = _candidates(text)
    # longest first, then scanner priority; keep those that overlap nothing already kept
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[tuple[int, int, int, re.Match[str], _Res]] = []
    occupied = bytearray(len(text) + 1)
    names = [n for n, _ in _rx().scanners]
    # a candidate its handler rejects (e.g. "the 1988 quarter" read as a duration) leaves room
    # for a shorter or lower-priority one; the probe state knows only the reference
    probe = _State(text, ref, "news")
    for c in cands:
        s, e = c[0], c[1]
        if occupied[s] or occupied[e - 1] or any(occupied[s:e]):
            continue
        first = _resolve(names[c[2]], c[3], probe)
        if first is None:
            continue
        taken.append((*c, first))
        occupied[s:e] = b"\x01" * (e - s)
    taken.sort(key=lambda c: c[0])
    state = _State(text, ref, anchor)
    out: list[DateMention] = []
    for s, e, prio, m, first in taken:
        # only some handlers read what came before (the narrative anchor, the quarter a
        # report is about): the others' probe result stands
        if anchor == "news" and names[prio] not in _STATEFUL:
            res = first
        else:
            res = _resolve(names[prio], m, state)
        if res is None:
            continue
        if res.earliest is not None and res.latest is not None and res.earliest > res.latest:
            continue
        out.append(DateMention(s, e, text[s:e], *res))
        if (
            names[prio] in ("quarter", "theperiod")
            and re.fullmatch(r"\d{4}-Q[1-4]", res.value)
            and not re.search(r"year-(?:ago|earlier)|same|comparable", m.group(0), re.I)
        ):
            state.quarter = (int(res.value[:4]), int(res.value[-1]), e)
        if (
            res.type in ("DATE", "TIME")
            and res.precision in ("day", "time")
            and res.earliest is not None
            and res.latest is not None
            and (res.latest - res.earliest).days <= 7
            and res.value[:1].isdigit()
            and names[prio] != "clock"  # a bare "10 a.m." names no day of its own
        ):
            state.last_day = (res.earliest, res.latest)
        elif (
            state.last_day is not None
            and res.type == "DATE"
            and res.earliest is not None
            and res.latest is not None
            and res.value[:1].isdigit()
            and not res.earliest <= state.last_day[0] <= res.latest
        ):
            state.last_day = None  # "last October ... that same day": the day is out of the story
        if res.type in ("DATE", "TIME"):
            anchors = ("explicit", "wkdate", "range", "timedate", "year")
            if state.narrative:
                anchors += ("monthname", "monrel")
            if (
                names[prio] in anchors
                and res.earliest is not None
                and re.match(r"\d{4}", res.value)
                and not _aside(state, res)
            ):
                state.last_abs = res.earliest
    return out


# --------------------------------------------------------------------------------------------
# publication date


def infer_reference(
    text: str, *, latest_year: int = LATEST_PLAUSIBLE_YEAR
) -> tuple[datetime.date, str] | None:
    """Find the publication date a text states about itself, and how it was found.

    Looks, in order, for a byline ("Published: 12:20, September 13, 2022", "Updated 22:46,
    11-Jul-2019"), a line at the head of the text holding only a full date ("10 July 2019"), a
    dateline ("GENEVA, Oct. 6, 2019 -"), then a weekday-date pair ("Saturday (July 10)").
    A dateline without a year takes it from a weekday-date pair in the text, else from a full
    date in the text naming the same day; with neither, the dateline is not used. A pair takes
    the first year, from the latest year the text mentions on, in which that day falls on that
    weekday; without any year in the text, the most recent such year not after
    ``latest_year`` (a fixed argument, never the clock). Without any of this evidence: None.

    Returns:
        ``(date, how)`` with ``how`` one of ``"byline"``, ``"date line"``, ``"dateline"``,
        ``"weekday-date pair"``; or None.

    >>> infer_reference("Updated 22:46, 11-Jul-2019\\nChina calls on...")
    (datetime.date(2019, 7, 11), 'byline')
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    rx = _rx()
    head = text[:3000]
    state = _State(text, None, "news")
    m = rx.byline.search(head)
    if m:
        dpart = m.group("d1") or m.group("d2")
        parsed = _parse_explicit(dpart, state)
        if parsed and parsed[0] and parsed[2]:
            d = _safe_date(parsed[0], parsed[1], parsed[2])
            if d:
                return d, "byline"
    # a date line: one of the first lines holding only a full date (and perhaps a time)
    lines = [line.strip() for line in head.splitlines() if line.strip()][:8]
    for line in lines:
        if len(line) > 48:
            continue
        line = re.sub(rf"^{_WD},?\s+", "", line, flags=re.I)
        line = re.sub(rf",?\s+(?:at\s+)?{_CLOCK}(?:\s+[A-Z]{{2,4}})?$", "", line, flags=re.I)
        parsed = _parse_explicit(line, state)
        if parsed and parsed[0] and parsed[2]:
            d = _safe_date(parsed[0], parsed[1], parsed[2])
            if d:
                return d, "date line"
    pair_year = _pair_year(text, latest_year)
    m = rx.dateline.search(head)
    if m:
        parsed = _parse_explicit(m.group("d"), state)
        year = int(m.group("y")) if m.group("y") else (pair_year[0] if pair_year else None)
        if parsed and year is None and parsed[2]:
            year = _year_of_same_day(text, parsed[1], parsed[2])
        if parsed and year:
            d = _safe_date(year, parsed[1], parsed[2] or 0)
            if d:
                return d, "dateline"
    if pair_year:
        return pair_year[1], "weekday-date pair"
    return None


def _year_of_same_day(text: str, month: int, day: int) -> int | None:
    """The year of a full date in ``text`` naming this month and day, if exactly one does."""
    years = {
        m.value[:4]
        for m in find_dates(text)
        if m.precision == "day" and re.fullmatch(rf"\d{{4}}-{month:02d}-{day:02d}", m.value)
    }
    return int(years.pop()) if len(years) == 1 else None


def _pair_year(text: str, latest_year: int) -> tuple[int, datetime.date] | None:
    """The year fixed by the first weekday-date pair without a year, and that date."""
    rx = _rx()
    names = [n for n, _ in rx.scanners]
    wk = rx.scanners[names.index("wkdate")][1]
    state = _State(text, None, "news")
    years = [int(y) for y in re.findall(r"(?<![\d,.$])((?:19|20)\d\d)(?![\d,])", text)]
    evidence = max((y for y in years if y <= latest_year), default=None)
    for m in wk.finditer(text):
        if not _cap_ok(m.group("wd")):
            continue
        parsed = _parse_explicit(m.group("da") or m.group("db"), state)
        wd = _weekday_num(m.group("wd"))
        if not parsed or parsed[2] is None or wd is None:
            continue
        _, month, day = parsed
        if parsed[0] is not None:
            d = _safe_date(parsed[0], month, day)
            if d and d.isoweekday() == wd:
                return parsed[0], d
            continue
        if evidence is not None:
            candidates = range(evidence, evidence + 12)
        else:
            candidates = range(latest_year, latest_year - 12, -1)
        for y in candidates:
            d = _safe_date(y, month, day)
            if d and d.isoweekday() == wd:
                return y, d
    return None
