"""``find_dates``: candidates from the scanners, the longest kept, then resolved in order.

1. windows: each scanner runs only on short stretches of text around its trigger words (the
   language's trigger table: month and weekday names, units, "now" ...; digits make the
   numeric categories), so most of a text is never scanned;
2. selection: the longest candidates win, then scanner priority; a candidate its handler
   rejects (an impossible date, "a 30-year-old") leaves room for the others;
3. normalisation, in text order, where the handlers that read earlier mentions (the narrative
   anchor, the quarter a report is about, the last day told) see them.
"""

from __future__ import annotations

import datetime
import re

from timeline.dates.context import State
from timeline.dates.grammar import Grammar, grammar_for
from timeline.dates.handlers import HANDLERS, STATEFUL
from timeline.dates.mention import DateMention, Resolved
from timeline.lang import DateLanguage, date_language

__all__ = ["ANCHORS", "find_dates"]

ANCHORS = ("news", "narrative")

Candidate = tuple[int, int, int, re.Match[str]]
_SPACE = re.compile(r"\s")
_DIGITS = re.compile(r"\d+")


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
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        a, b = max(0, a - before), min(n, b + after)
        if out and a <= out[-1][1]:
            if b <= out[-1][1]:
                continue
            a = out.pop()[0]
        sp = _SPACE.search(text, b)
        out.append((a, sp.start() if sp else n))
    return out


def _lower(text: str) -> str:
    low = text.lower()
    if len(low) != len(text):  # a few characters ("İ") lower-case to two: keep those as they are
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return low


def _word_windows(
    low: str, grammar: Grammar, lang: DateLanguage, spans: dict[str, list[tuple[int, int]]]
) -> None:
    """Trigger words: find those present, then their occurrences with str.find (fast in C)."""
    index = grammar.trigger_index
    for word in set(grammar.trigger_token.findall(low)):
        word_cats = index.get(word)
        if word_cats is None:
            continue
        size = len(word)
        pos = low.find(word)
        while pos >= 0:
            end = pos + size
            if not lang.word_boundaries or (
                not (pos and low[pos - 1].isalpha()) and not low[end : end + 1].isalpha()
            ):
                for cat in word_cats:
                    spans.setdefault(cat, []).append((pos, end))
            pos = low.find(word, pos + 1)


def _number_categories(low: str, grammar: Grammar, start: int, end: int) -> list[str]:
    """CLOCK, DATENUM, YEAR4 and ERA, as the digits at ``start:end`` may begin them."""
    tok = low[start:end]
    cats = []
    nxt = low[end : end + 1]
    cues = grammar.cues
    if len(tok) <= 2 and "clock_after" in cues and cues["clock_after"].match(low, end):
        cats.append("CLOCK")
    if nxt == "/" or (len(tok) == 4 and nxt == "-" and low[end + 1 : end + 2].isdigit()):
        cats.append("DATENUM")
    if (
        len(tok) == 4
        and (tok[0] == "1" or tok[:2] == "20")
        or (len(tok) == 2 and start and low[start - 1] in "'’")
    ):
        cats.append("YEAR4")
    era_after, era_before = cues.get("era_after"), cues.get("era_before")
    if (era_after and era_after.match(low, end)) or (
        era_before and era_before.search(low[max(0, start - 5) : start].rstrip())
    ):
        cats.append("ERA")
    return cats


def _windows(text: str, lang: DateLanguage, grammar: Grammar) -> dict[str, list[tuple[int, int]]]:
    """For each trigger category, the stretches of ``text`` around its triggers."""
    low = _lower(text)
    spans: dict[str, list[tuple[int, int]]] = {}
    _word_windows(low, grammar, lang, spans)
    if lang.numeric_triggers:
        for m in _DIGITS.finditer(low):
            for cat in _number_categories(low, grammar, *m.span()):
                spans.setdefault(cat, []).append(m.span())
    return spans


def _candidates(text: str, lang: DateLanguage, grammar: Grammar) -> list[Candidate]:
    out = []
    spans = _windows(text, lang, grammar)
    for prio, pat in enumerate(grammar.scanners):
        triggers = [w for c in grammar.triggers[prio] for w in spans.get(c, ())]
        if not triggers:
            continue
        spanned = "span" in pat.groupindex
        for a, b in _merge(triggers, text, *grammar.reaches[prio]):
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


def _resolve(name: str, m: re.Match[str], state: State) -> Resolved | None:
    """Run one handler; a date pushed past year 1 or 9999 by arithmetic is no mention."""
    try:
        return HANDLERS[name](m, state)
    except OverflowError:
        return None


def _select(text: str, ref: datetime.date | None, lang: DateLanguage) -> list:
    """The candidates kept: longest first, then by priority, none overlapping one kept.

    A candidate its handler rejects (e.g. "the 1988 quarter" read as a duration) leaves room
    for a shorter or lower-priority one; the probe state knows only the reference.
    """
    grammar = grammar_for(lang)
    cands = _candidates(text, lang, grammar)
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken = []
    occupied = bytearray(len(text) + 1)
    probe = State(text, ref, "news", lang)
    for c in cands:
        s, e = c[0], c[1]
        if occupied[s] or occupied[e - 1] or any(occupied[s:e]):
            continue
        first = _resolve(grammar.names[c[2]], c[3], probe)
        if first is None:
            continue
        taken.append((*c, first))
        occupied[s:e] = b"\x01" * (e - s)
    taken.sort(key=lambda c: c[0])
    return taken


def _aside(state: State, res: Resolved) -> bool:
    """A year far from the story's time ("built in 1813", "a 2004 study") moves no anchor."""
    last = state.last_abs
    return (
        state.narrative
        and last is not None
        and res.precision == "year"
        and res.earliest is not None
        and abs(res.earliest.year - last.year) > 25
    )


def _is_day(res: Resolved) -> bool:
    return (
        res.type in ("DATE", "TIME")
        and res.precision in ("day", "time")
        and res.earliest is not None
        and res.latest is not None
        and (res.latest - res.earliest).days <= 7
        and res.value[:1].isdigit()
    )


def _remember(state: State, name: str, m: re.Match[str], res: Resolved, end: int) -> None:
    """Update what later mentions resolve against: report quarter, last day, narrative date."""
    if (
        name in ("quarter", "the_period")
        and re.fullmatch(r"\d{4}-Q[1-4]", res.value)
        and not state.cue("not_report_quarter", m.group(0))
    ):
        state.quarter = (int(res.value[:4]), int(res.value[-1]), end)
    if _is_day(res) and name != "clock":  # a bare "10 a.m." names no day of its own
        state.last_day = (res.earliest, res.latest)  # type: ignore[assignment]
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
        anchors = ("explicit", "weekday_date", "range", "time_date", "year")
        if state.narrative:
            anchors += ("month_name", "month_relative_year")
        if (
            name in anchors
            and res.earliest is not None
            and re.match(r"\d{4}", res.value)
            and not _aside(state, res)
        ):
            state.last_abs = res.earliest


def find_dates(
    text: str,
    reference: datetime.date | datetime.datetime | None = None,
    *,
    language: str | DateLanguage = "en",
    anchor: str = "news",
) -> list[DateMention]:
    """Find the temporal expressions in ``text``, normalised against ``reference``.

    Args:
        text: the document text; offsets in the result index into it.
        reference: the publication date (or date and time). Without it, relative expressions
            get TimeML's underspecified values (``XXXX-XX-XX``) and no bounds.
        language: a language code (``"en"``, a language registered with
            ``timeline.lang.register_language``, or any language dateparser knows, whose
            month and weekday names are then used) or a ``DateLanguage``.
        anchor: ``"news"`` resolves relative expressions against ``reference``;
            ``"narrative"`` against the last absolute date mentioned before them.

    Returns:
        Mentions sorted by start offset, never overlapping.

    Raises:
        ValueError: an unknown language or anchor.
        TypeError: text is not a string or reference is not a date.

    >>> [(m.text, m.value) for m in find_dates("We met on Friday.", datetime.date(2019, 7, 11))]
    [('Friday', '2019-07-05')]
    """
    lang = language if isinstance(language, DateLanguage) else date_language(language)
    if anchor not in ANCHORS:
        raise ValueError(f"anchor {anchor!r} is not one of: {', '.join(ANCHORS)}")
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    ref = _as_reference(reference)
    names = grammar_for(lang).names
    state = State(text, ref, anchor, lang)
    out: list[DateMention] = []
    for s, e, prio, m, first in _select(text, ref, lang):
        # only some handlers read what came before: the others' probe result stands
        name = names[prio]
        res = first if anchor == "news" and name not in STATEFUL else _resolve(name, m, state)
        if res is None:
            continue
        if res.earliest is not None and res.latest is not None and res.earliest > res.latest:
            continue
        out.append(DateMention(s, e, text[s:e], *res))
        _remember(state, name, m, res, e)
    return out
