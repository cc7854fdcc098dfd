"""A ``DateLanguage`` built from dateparser's locale data: month and weekday names only.

dateparser ships, for about 200 locales, the names of the months and weekdays (with their
abbreviations). From them this module builds a small grammar: written dates with a month
name ("10 juillet 2019", "juillet 2019", "10. Juli"), ISO dates, and weekday names (the last
such day before the reference, or the next in a future clause the language cannot mark, so:
the last). No relative words, durations or holidays: a language needs its own module for
those.

>>> lang = from_dateparser("de")
>>> lang.word("month", "juli"), lang.word("weekday", "sonntag")
(7, 7)
>>> from_dateparser("not-a-locale") is None
True
"""

from __future__ import annotations

import re

from timeline.lang.model import DateLanguage, Scanner

__all__ = ["from_dateparser"]

# dateparser's keys of the month and weekday names in a locale's data
_MONTH_KEYS = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
]  # fmt: skip
_WEEKDAY_KEYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?!\d)\.?"


def _names(info: dict, keys: list[str]) -> dict[str, int]:
    """Each lower-case name (a trailing period dropped) -> its 1-based position in ``keys``."""
    out: dict[str, int] = {}
    for number, key in enumerate(keys, start=1):
        for name in info.get(key, ()):
            name = name.lower().rstrip(".").strip()
            if name and not any(ch.isdigit() for ch in name):
                out.setdefault(name, number)
    return out


def _alternatives(names: dict[str, int]) -> str:
    """A regex alternation of ``names``, longest first (an abbreviation's period is outside)."""
    ordered = sorted(names, key=lambda n: (-len(n), n))
    return "(?:" + "|".join(re.escape(n) for n in ordered) + r")(?!\w)"


def _explicit_forms(month: str) -> tuple[tuple[str, str], ...]:
    return (
        ("iso", r"{y}(?<![\d-])\d{4})-{m}[01]\d)-{d}[0-3]\d)(?![\d-])"),
        ("dmy", rf"{{d}}{_DAY})(?:\s+de)?[\s-]+{{m}}{month})\.?(?:\s+de)?,?[\s-]+{{y}}\d{{4}})"),
        ("mdy", rf"{{m}}{month})\.?\s+{{d}}{_DAY}),?\s+{{y}}\d{{4}})"),
        ("my", rf"{{m}}{month})\.?(?:\s+de)?,?\s+{{y}}\d{{4}})"),
        ("dm", rf"{{d}}{_DAY})(?:\s+de)?[\s-]+{{m}}{month})"),
        ("md", rf"{{m}}{month})\.?\s+{{d}}{_DAY})"),
    )


def _scanners(forms: tuple[tuple[str, str], ...], weekday: str) -> tuple[Scanner, ...]:
    plain = "|".join(
        t.replace("{d}", "(?:").replace("{m}", "(?:").replace("{y}", "(?:") for _, t in forms
    )
    return (
        Scanner("explicit", rf"(?<!\w)(?P<part>)(?P<date>{plain})", ("MON", "DATENUM"), (25, 30)),
        Scanner("weekday", rf"(?<!\w)(?P<rel>)(?P<wd>{weekday})", ("WD",)),
    )


def from_dateparser(code: str) -> DateLanguage | None:
    """The month and weekday grammar of dateparser's locale ``code``, or None if it has none."""
    # imported here, not at the top: dateparser takes about a second to import, and only a
    # language without its own module needs it (importing timeline stays fast, STYLE 10)
    from dateparser.languages.loader import default_loader

    try:
        info = default_loader.get_locale(code).info
    except ValueError:
        return None
    months, weekdays = _names(info, _MONTH_KEYS), _names(info, _WEEKDAY_KEYS)
    if not months or not weekdays:
        return None
    forms = _explicit_forms(_alternatives(months))
    triggers = {
        "MON": " ".join(sorted({w for n in months for w in re.findall(r"[^\W\d_]+", n)})),
        "WD": " ".join(sorted({w for n in weekdays for w in re.findall(r"[^\W\d_]+", n)})),
    }
    return DateLanguage(
        code=code,
        scanners=_scanners(forms, _alternatives(weekdays)),
        explicit_forms=forms,
        words={"month": months, "weekday": weekdays},
        triggers=triggers,
        cased=False,
    )
