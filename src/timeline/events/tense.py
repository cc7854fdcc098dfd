"""Where a document's dates count from (``reference``: its heading's day, for a transcript
put online the day after), and where the tense of an act's verb moves the date the finder
read: a plan dated by a bare day's name is next week's (``_forward``), and so is an act awaited
("ahead of November's election", published in July: this year's November), a past act in a month
named without its year that the finder put after the publication is of the year before
(``_back``)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from timeline.dates import find_dates
from timeline.dates.reference import dateline_day
from timeline.events.clauses import own_date
from timeline.events.model import When
from timeline.lang import date_language

# how far back a past clause awaiting an act ("closed the border ahead of the November
# election") may have been told: the awaited month ends no earlier than this before the report
AWAITED_PAST_DAYS = 60
# how many days before its publication a document's heading may date it (a transcript put
# online the day after the press conference it records)
HEADING_DAYS = 3


def reference(doc: Any, language: str, briefing_title: Any = None, layout: Any = None) -> Any:
    """What "today" and "yesterday" count from: the day a briefing transcript's title (or its
    first line, when that is the title) gives ("Regular Press Conference on April 14, 2031",
    published on the 15th), or the day of a wire dateline that opens the text ("KESSBURG,
    April 10 (Agency) -", a report put online two days later), when it is at most
    ``HEADING_DAYS`` before the publication; else the publication date. Only a briefing's
    heading: a news headline or a statement's title that names a past day names the event,
    not the document's day."""
    published = doc.published
    if published is None:
        return published
    furniture = None if layout is None else layout.is_masked
    filed = dateline_day(doc.text, published, furniture=furniture, language=language)
    if filed is not None and 0 < (published - filed).days <= HEADING_DAYS:
        return filed
    if briefing_title is None:
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


def placed(when: When, found: Any, doc: Any, words: Any) -> When:
    """The date of a dated act, moved by its verb's tense (see the module docstring)."""
    chain = _verb_chain(found.head)
    past_plan = any(
        (t.tag_ == "VBD" and t.pos_ == "AUX")
        or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in t.children)
        for t in chain
    )  # "was due to", "had been expected to": not "said it planned to expel on Monday"
    language = date_language(getattr(doc, "language", "en") or "en")
    awaited = _awaited(found.head, words)  # "ahead of November's election"
    if awaited is not None and _bare_month(when, language) and not _other_dates(found.head):
        return _next_after(when, doc, awaited)
    planned = found.planned and not past_plan
    ahead = planned and any(
        t.tag_ in ("VBZ", "VBP")
        or any(
            (c.dep_ == "aux" and c.lower_ in words.FUTURE_AUXILIARIES)
            or (c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP"))
            for c in t.children
        )
        for t in chain
    )  # "will host", "plans to host", "is due to": a plan told from now
    return _back(_forward(when, planned, ahead, doc, language), found, doc, language, words)


def _awaited(head: Any, words: Any) -> int | None:
    """For an act named by a noun the report awaits ("ahead of November's election": the
    object of a preposition of ``AWAITING``), how many days before the publication the
    awaiting may have been told: 0 in a clause of the present or the future ("has grown ahead
    of ..."), ``AWAITED_PAST_DAYS`` in one of the past ("sharpened its criticism ahead of
    November's election", published in July: this year's November; "closed the border ahead
    of the November election", published in December: the November just gone). None when the
    noun is awaited by no such preposition."""
    prep = head.head
    if head.dep_ != "pobj" or head.pos_ != "NOUN" or prep.i == head.i:
        return None
    if (
        prep.lower_ not in words.AWAITING
        and f"{prep.head.lower_} {prep.lower_}" not in words.AWAITING
    ):
        return None
    verb = next((t for t in head.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return 0
    present = ("VBZ", "VBP")  # "grows", "has grown", "is growing"
    now = verb.tag_ in present or any(
        c.dep_ in ("aux", "auxpass") and (c.tag_ in present or c.lower_ in words.FUTURE_AUXILIARIES)
        for c in verb.children
    )
    return 0 if now else AWAITED_PAST_DAYS


def _next_after(when: When, doc: Any, days: int) -> When:
    """The first occurrence of a month named without its year that ends no earlier than
    ``days`` before the publication."""
    published = getattr(doc, "published", None)
    if published is None or when.start is None:
        return when
    since = published - dt.timedelta(days=days)
    for n in (-1, 0, 1, 2):
        moved = _years(when, n - (when.start.year - published.year))
        if (moved.end or moved.start) >= since:
            return moved
    return when


def _other_dates(head: Any) -> bool:
    """Whether the act awaiting the noun has a date of its own ("closed its border in
    December ahead of the January election": the awaited month follows that day, not the
    report's)."""
    verb = next((t for t in head.ancestors if t.pos_ in ("VERB", "AUX")), None)
    return verb is not None and own_date(verb)


def _bare_month(when: When, language: Any) -> bool:
    """Whether a date is told by a month's name alone ("November's"; not "last November")."""
    months = language.table("month")
    found = re.findall(r"[a-z]+", when.text.lower())
    return bool(found) and all(w in months or w == "s" for w in found)


def _verb_chain(verb: Any) -> list[Any]:
    """A verb and up to two verbs it is the complement of ("host" in "is due to host"); for an
    act named by a noun, the verb that governs it ("will host talks", "will host a round of
    talks")."""
    for _ in range(3):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    chain = [verb]
    while (
        len(chain) < 3 and chain[-1].dep_ in ("xcomp", "acomp") and chain[-1].head.i != chain[-1].i
    ):
        chain.append(chain[-1].head)
    return chain


def _forward(when: When, planned: bool, ahead: bool, doc: Any, language: Any) -> When:
    """A plan whose day the date finder read as past is ahead: dated by a bare day's name
    ("will meet ... in Orvo on Friday", where the future tense is too far from the day for
    the finder), next week's day; told from now in a month without its year ("will host the
    next round in March", published in April), next year's."""
    published = getattr(doc, "published", None)
    if not planned or published is None or when.start is None:
        return when
    if ahead and _month_unyeared(when, language) and (when.end or when.start) < published:
        return _years(when, 1)
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


def _back(when: When, found: Any, doc: Any, language: Any, words: Any) -> When:
    """An act told in the past tense ("expelled two diplomats in May") that the date finder put
    after the publication, its year unsaid, happened in the year before: the parse knows the
    verb is past where the finder only saw a month's name."""
    published = getattr(doc, "published", None)
    head = found.head
    if found.planned or published is None or when.start is None or when.start <= published:
        return when
    if when.precision == "day" and (when.start - published).days <= _LATE_DAYS:
        return when  # a day just after the publication: the metadata's day, more likely
    if not _month_unyeared(when, language):
        return when  # only a month named without its year: not "Thursday", "May 2031"
    before = (getattr(doc, "text", "") or "")[: when.span[0]].split()[-1:] if when.span else []
    if before and before[0].lower() in words.TARGET_DATE:
        return when  # "postponed the vote to May": a date the act points to, ahead
    past = head.tag_ == "VBD" or (
        head.tag_ == "VBN"
        and any(c.dep_ == "aux" and c.lower_ in words.ANY_PERFECT for c in head.children)
    )
    return _years(when, -1) if past else when


# A day told in the past at most this many days after the publication is taken as dated
# right (a publication date given a day early), not as last year's.
_LATE_DAYS = 7


def _years(when: When, n: int) -> When:
    """A date moved by ``n`` years (a 29 February to the 28th)."""

    def move(day: dt.date) -> dt.date:
        return day.replace(year=day.year + n, day=min(day.day, 28) if day.month == 2 else day.day)

    return When(
        move(when.start), move(when.end or when.start), when.precision, when.text, when.span
    )
