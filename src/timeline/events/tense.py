"""Where a document's dates count from (``reference``: its heading's day, for a transcript
put online the day after), and where the tense of an act's verb moves the date the finder
read: a plan dated by a bare day's name is next week's (``_forward``), a past act in a month
named without its year that the finder put after the publication is of the year before
(``_back``)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from timeline.dates import find_dates
from timeline.events.model import When
from timeline.lang import date_language

# how many days before its publication a document's heading may date it (a transcript put
# online the day after the press conference it records)
HEADING_DAYS = 3


def reference(doc: Any, language: str, briefing_title: Any = None) -> Any:
    """What "today" and "yesterday" count from: the day a briefing transcript's title (or its
    first line, when that is the title) gives ("Regular Press Conference on April 14, 2031",
    published on the 15th), when it is a full date at most ``HEADING_DAYS`` before the
    publication; else the publication date. Only a briefing's heading: a news headline or a
    statement's title that names a past day names the event, not the document's day."""
    published = doc.published
    if published is None or briefing_title is None:
        return published
    first = next((line for line in doc.text.splitlines() if line.strip()), "")
    for heading in (getattr(doc, "title", "") or "", first[:200]):
        if not briefing_title.search(heading):
            continue
        for m in find_dates(heading, published, language=language):
            day = m.earliest
            full = day is not None and day == m.latest and re.search(r"\d{4}", m.text)
            if full and 0 < (published - day).days <= HEADING_DAYS:
                return day
    return published


def placed(when: When, found: Any, doc: Any) -> When:
    """The date of a dated act, moved by its verb's tense (see the module docstring)."""
    planned = found.planned and not _planned_in_past(found.head)
    ahead = planned and _future_now(found.head)
    return _back(_forward(when, planned, doc, ahead), found, doc)


def _future_now(verb: Any) -> bool:
    """A plan told from now ("will host", "plans to host", "is due to"), not a future in the
    past ("said it would host"): the verb or the ones it is the complement of."""
    tok = verb
    for _ in range(3):
        if any(
            c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll", "wo") for c in tok.children
        ):
            return True
        if tok.tag_ in ("VBZ", "VBP") or any(
            c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in tok.children
        ):
            return True
        if tok.dep_ not in ("xcomp", "acomp") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _planned_in_past(verb: Any) -> bool:
    """A plan told in the past ("was due to recall ... on Thursday", "had been expected to
    sign ... on Friday"): its day is the past one the finder read, not next week's. The verb
    and the two it is the complement of are looked at."""
    tok = verb
    for _ in range(3):
        # "was due", "had been expected": an auxiliary in the past, not a verb of saying or
        # planning in the past ("said it planned to expel on Monday" is a plan ahead)
        if (tok.tag_ == "VBD" and tok.pos_ == "AUX") or any(
            c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in tok.children
        ):
            return True
        if tok.dep_ not in ("xcomp", "acomp") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _forward(when: When, planned: bool, doc: Any, ahead: bool = False) -> When:
    """A plan dated by a bare day name that the date finder read as past ("will meet ... in
    Orvo on Friday", where the future tense is too far from the day for it) is next week's
    day: the parse knows the verb is a plan."""
    published = getattr(doc, "published", None)
    if not planned or published is None or when.start is None:
        return when
    language = date_language(getattr(doc, "language", "en") or "en")
    if ahead and _month_unyeared(when, language) and (when.end or when.start) < published:
        # "will host the next round in March", published in April: next year's March
        return When(
            _year_after(when.start),
            _year_after(when.end or when.start),
            when.precision,
            when.text,
            when.span,
        )
    if when.precision != "day" or not 0 < (published - when.start).days < 7:
        return when
    if when.text.strip().lower() not in language.table("weekday"):
        return when  # only a day's name: not "yesterday", "last Friday"
    week = dt.timedelta(days=7)
    return When(when.start + week, (when.end or when.start) + week, "day", when.text, when.span)


def _month_unyeared(when: When, language: Any) -> bool:
    """Whether a date is told by a month's name without its year ("in March", "on 2 May")."""
    if re.search(r"\d{4}", when.text) or when.precision not in ("day", "month", "approximate"):
        return False
    months = language.table("month")
    return any(w in months for w in re.findall(r"[a-z]+", when.text.lower()))


def _year_after(day: dt.date) -> dt.date:
    """The same day a year later (28 February for a 29th)."""
    return day.replace(year=day.year + 1, day=min(day.day, 28) if day.month == 2 else day.day)


def _back(when: When, found: Any, doc: Any) -> When:
    """An act told in the past tense ("expelled two diplomats in May") that the date finder put
    after the publication, its year unsaid, happened in the year before: the parse knows the
    verb is past where the finder only saw a month's name."""
    published = getattr(doc, "published", None)
    head = found.head
    if found.planned or published is None or when.start is None or when.start <= published:
        return when
    if when.precision == "day" and (when.start - published).days <= _LATE_DAYS:
        return when  # a day just after the publication: the metadata's day, more likely
    if re.search(r"\d{4}", when.text) or when.precision not in ("day", "month", "approximate"):
        return when
    before = (getattr(doc, "text", "") or "")[: when.span[0]] if when.span else ""
    if re.search(r"\b(?:to|until|till|for)\s+$", before):
        return when  # "postponed the vote to May": a date the act points to, ahead
    months = date_language(getattr(doc, "language", "en") or "en").table("month")
    if not any(w in months for w in re.findall(r"[a-z]+", when.text.lower())):
        return when  # only a month named without its year: not "Thursday", "next week"
    past = head.tag_ == "VBD" or (
        head.tag_ == "VBN"
        and any(c.dep_ == "aux" and c.lower_ in ("had", "has", "have") for c in head.children)
    )
    if not past:
        return when
    return When(
        _year_before(when.start),
        _year_before(when.end or when.start),
        when.precision,
        when.text,
        when.span,
    )


# A day told in the past at most this many days after the publication is taken as dated
# right (a publication date given a day early), not as last year's.
_LATE_DAYS = 7


def _year_before(day: dt.date) -> dt.date:
    """The same day a year earlier (28 February for a 29th)."""
    return day.replace(year=day.year - 1, day=min(day.day, 28) if day.month == 2 else day.day)
