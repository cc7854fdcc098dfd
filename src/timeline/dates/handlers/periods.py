"""Handlers of named periods: years, decades, centuries, quarters and halves, seasons, bare
month names, "the year", "year-earlier", years in words, eras and holidays."""

from __future__ import annotations

import datetime
import re

from dateutil.easter import easter

from timeline.dates import calendar as cal
from timeline.dates.context import (
    State,
    count_of,
    future_context,
    half_of,
    is_capitalised,
    month_number,
    part_mod,
    squeeze,
    unit_of,
    year_number,
)
from timeline.dates.handlers.explicit import guess_year
from timeline.dates.mention import Resolved


def _number_not_year(m: re.Match[str], state: State, y: int) -> bool:
    """Whether "No. 1998", "$2000", "1,999", "2000 troops", "2001 to 3000" hold a number."""
    before, after = state.before(m.start(), 12), state.after(m.end(), 30)
    if state.cue("number_before", before):
        return True
    if (
        re.search(r"[\d,.]\s*$", before)
        and not re.search(r"\d\s*,\s*$", before)
        and re.search(r"\d[.,]\s*$", before)
    ):
        return True
    if state.lang.has("count_noun", state.next_word(m.end(), 30) or ""):
        return True
    if state.cue("number_range_after", after, how="match") and not state.cue(
        "year_range_after", after, how="match"
    ):
        return True
    if re.search(r"[,.]$", before.rstrip()) and re.match(r"[,.]?\d", after):
        return True
    return y < 1500 and not state.cue("early_year_before", before)


def year(m: re.Match[str], state: State) -> Resolved | None:
    """A four-digit year ("in 2019", "fiscal 1998", "early 2020", "the first half of 2019")."""
    y = int(m.group("y"))
    if not m.group("pre") and not m.group("part") and _number_not_year(m, state, y):
        return None
    res = cal.year(y)
    if res is None:
        return None
    h = half_of(state, m.group("part"))
    if h is not None:
        return cal.half(y, h)
    return cal.narrow_if(res, part_mod(state, m.group("part")))


def decade(m: re.Match[str], state: State) -> Resolved | None:
    """Phrases like: "the 1990s", "the '80s", "the early 2000s" ("the 1800s" is the century)."""
    ys = m.group("y")
    y = year_number(ys, state) if ys[0] in "'’" else int(ys)
    part = part_mod(state, m.group("part"))
    century = y % 100 == 0 and y < 2000 and len(ys) == 4 and ys[0] not in "'’"
    res = cal.century(y // 100) if century else cal.decade(y)
    return cal.narrow_if(res, part)


def century(m: re.Match[str], state: State) -> Resolved | None:
    """Phrases like: "the 19th century", "the early twentieth century"."""
    c = m.group("c").lower()
    n = int(re.match(r"\d+", c).group()) if c[0].isdigit() else state.lang.word("ordinal", c)  # type: ignore[union-attr]
    if n is None:
        return None
    return cal.narrow_if(cal.century(n - 1), part_mod(state, m.group("part")))


def _quarter_year(g: dict[str, str | None], state: State) -> int | None:
    """The year a quarter is of, when the phrase names it ("2019", "last year's")."""
    base = state.base
    ys = g["yr1"] or g["yr2"]
    rely = (g["rely"] or g["rely2"] or "").lower()
    if ys:
        return int(ys)
    if rely and base is not None:
        return base.year + state.lang.word("step", rely)
    return None


def _half_of_year(state: State, qnum: int | None, qword: str, year: int | None) -> Resolved | None:
    base = state.base
    h = qnum or (2 if state.lang.has("later_half", qword) else 1)
    if year is None:
        year = base.year if base else None
        if base is not None and h == 2 and base.month <= 6 and state.lang.has("half_unsaid", qword):
            year = base.year - 1
    if year is None:
        return Resolved("DATE", f"XXXX-H{h}", None, None, "half")
    return cal.half(year, h)


def _relative_quarter(
    m: re.Match[str], state: State, qword: str, base: datetime.date
) -> Resolved | None:
    """Phrases like: "the next quarter", "the same quarter", "the year-earlier quarter"."""
    cur_q = (base.month - 1) // 3 + 1
    relation = state.lang.word("quarter_relation", qword, "")
    shift = {"next": 1, "current": 0, "same": 0}.get(relation, -1)
    if relation == "year_ago":
        cq = state.context_quarter(m.start())
        if cq is not None:
            return cal.quarter(cq[0] - 1, cq[1])
        shift = -5
    cq = state.context_quarter(m.start(), 2000)
    if (not qword or relation in ("same", "latest")) and cq is not None:
        return cal.quarter(*cq)
    d = cal.add(datetime.date(base.year, 3 * cur_q - 2, 1), shift, "quarter")
    return cal.quarter(d.year, (d.month - 1) // 3 + 1) if d is not None else None


def quarter(m: re.Match[str], state: State) -> Resolved | None:
    """Phrases like: "the third quarter", "Q3 2019", "last year's fourth quarter"."""
    g = m.groupdict()
    kind = state.lang.word("period_kind", (g["kind"] or "").lower(), "quarter")
    qword = (g["q"] or "").lower()
    q2 = (g["q2"] or "").lower()
    if g["qn"]:
        q2 = str(g["qn"][1])
    ordinal = state.lang.table("ordinal")
    qnum = ordinal.get(q2) or (int(q2) if q2.isdigit() else None) or ordinal.get(qword)
    if not qnum and not qword and not g["the"] and not g["yr1"] and not g["rely"]:
        return None
    if kind == "half" and (qnum is None and not qword or qnum not in (1, 2, None)):
        return None
    if kind == "quarter" and not (qnum or qword or g["the"]):
        return None
    base = state.base
    year = _quarter_year(g, state)
    if kind == "half":
        return _half_of_year(state, qnum, qword, year)
    if base is None and year is None:
        return Resolved("DATE", f"XXXX-Q{qnum}" if qnum else "XXXX-QX", None, None, "quarter")
    if qnum:
        if year is None:
            assert base is not None
            cur_q = (base.month - 1) // 3 + 1
            year = base.year
            if state.lang.word("quarter_relation", qword) == "year_ago":
                year -= 1
            elif qnum > cur_q and not future_context(state, m.start(), m.end()):
                year -= 1  # a quarter not yet begun: last year's results
        return cal.quarter(year, qnum)
    if base is None:
        return None
    return _relative_quarter(m, state, qword, base)


def _season_year(m: re.Match[str], state: State, code: str) -> int:
    base = state.base
    assert base is not None
    _, cur = cal.season_of(base)
    order = cal.SEASON_ORDER
    later = order.index(code) > order.index(cur)
    if not state.anchored and later and not future_context(state, m.start(), m.end()):
        return base.year - 1
    return base.year


def season(m: re.Match[str], state: State) -> Resolved | None:
    """Phrases like: "in the summer", "early spring", "winter 2019" (not "last summer")."""
    det = (m.group("det") or m.group("prep") or "").lower()
    code = state.lang.word("season", m.group("s").lower())
    part = part_mod(state, det if state.lang.has("part", det) else m.group("part2"))
    if m.group("y"):
        return cal.narrow_if(cal.season(int(m.group("y")), code), part)
    if not det and not m.group("part2"):
        return None
    if not state.lang.has("season_anchor", det):
        return None  # "this summer", "last winter": relative_unit handles these
    if state.base is None:
        return Resolved("DATE", f"XXXX-{code}", None, None, "season", part)
    return cal.narrow_if(cal.season(_season_year(m, state, code), code), part)


def _month_name_alone(m: re.Match[str], state: State, prev: str | None) -> bool:
    """Whether a bare month name reads as a month ("in May", "by June"), not a name or verb."""
    if prev is None or not state.lang.has("month_cue", prev):
        return False
    if state.lang.has("month_name_article", prev) and state.cue(
        "name_after", state.after(m.end(), 3), how="match"
    ):
        return False  # "the May Fourth Movement": a name
    ambiguous = state.lang.word("verb_like_month", m.group("m").lower().rstrip("."))
    return not (ambiguous and state.cue("verb_after", state.after(m.end(), 12), how="match"))


def month_name(m: re.Match[str], state: State) -> Resolved | None:
    """A month alone: "in May", "early June", "until September"."""
    word = m.group("m")
    if not is_capitalised(state, word):
        return None
    mo = month_number(state, word)
    if state.lang.has("short_month", word.lower()) and not word.endswith("."):
        return None  # a bare "Jan" or "Mar" is a name more often than a month
    if mo is None:
        return None
    prev_m = state.grammar.cues["word_before"].search(state.before(m.start(), 30))
    prev = prev_m.group(1).lower() if prev_m else None
    part = part_mod(state, m.group("part"))
    if not part and not _month_name_alone(m, state, prev):
        return None
    forward = state.lang.has("forward_cue", prev or "") or future_context(state, m.start(), m.end())
    year = guess_year(state, mo, None, forward=forward)
    if year is None:
        return Resolved("DATE", f"XXXX-{mo:02d}", None, None, "month", part)
    return cal.narrow_if(cal.month(year, mo), part)


def year_adjective(m: re.Match[str], state: State) -> Resolved | None:
    """Phrases like: "year-earlier", "year-ago", "year-end", "by year's end"."""
    meaning = state.lang.word("year_adjective", m.group("w").lower().replace("’", "'"))
    base = state.base
    if base is None:
        return Resolved("DATE", "XXXX", None, None, "year")
    if meaning == "end":
        return cal.day(datetime.date(base.year, 12, 31))
    if meaning == "to_date":
        return None
    cq = state.context_quarter(m.start())
    if cq is not None:
        return cal.quarter(cq[0] - 1, cq[1])
    if state.cue("period_after", state.after(m.end(), 9), how="match"):
        q = (base.month - 1) // 3  # the year before the last quarter reported
        return cal.quarter(base.year - 1, q) if q else cal.quarter(base.year - 2, 4)
    return cal.year(base.year - 1)


def the_period(m: re.Match[str], state: State) -> Resolved | None:
    """Phrases like: "the year", "the week", "the latest period", "the end of the month"."""
    adj = squeeze(m.group("adj") or "")
    unit = unit_of(state, m.group("unit"))
    base = state.base
    part = part_mod(state, m.group("part"))
    if unit == "period" and not state.lang.has("period_of_report", adj):
        return None
    if unit == "month" and not part:
        return None
    h = half_of(state, m.group("part"))
    if h is not None and unit == "year" and base is not None:
        return cal.half(base.year, h)  # "the first half of the year"
    if part and base is not None and unit in ("month", "year", "week"):
        return cal.narrow_if(cal.unit_period(unit, base), part)
    if base is None:
        unit = "quarter" if unit == "period" else unit
        return Resolved("DATE", cal.UNDERSPECIFIED[unit], None, None, unit)
    if unit == "week":
        return cal.week(base)
    if unit == "year" and state.cue("year_ended_after", state.after(m.end(), 8), how="match"):
        return Resolved("DURATION", "P1Y", None, None, "year")  # "the year ended June 30"
    if unit == "year":
        return cal.year(base.year - 1 if state.lang.has("latest", adj) else base.year)
    cq = state.context_quarter(m.start(), 2000)
    if cq is not None:
        return cal.quarter(*cq)
    q = (base.month - 1) // 3  # the last quarter reported: the one before the reference's
    return cal.quarter(base.year, q) if q else cal.quarter(base.year - 1, 4)


def year_in_words(m: re.Match[str], state: State) -> Resolved | None:
    """Phrases like: "nineteen ninety-eight", "the year two thousand and one"."""
    if m.group("c") is None:
        return cal.year(2000 + (count_of(state, m.group("n2")) or 0 if m.group("n2") else 0))
    century = state.lang.word("century_word", m.group("c").lower())
    rest = m.group("n").lower()
    if state.lang.has("hundreds", rest):
        return cal.year(century)
    n = count_of(state, rest)
    return cal.year(century + n) if n is not None and n < 100 else None


def decade_in_words(m: re.Match[str], state: State) -> Resolved | None:
    """Phrases like: "the sixties", "the late nineties"."""
    y = state.lang.word("decade_word", m.group("d").lower())
    return cal.narrow_if(cal.decade(y), part_mod(state, m.group("part")))


def year_period(m: re.Match[str], state: State) -> Resolved | None:
    """Phrases like: "the 1998 period": the quarter of the report in that year, else the year."""
    y = int(m.group("y"))
    cq = state.context_quarter(m.start(), 2000)
    if cq is not None:
        return cal.quarter(y, cq[1])
    return cal.year(y)


def era(m: re.Match[str], state: State) -> Resolved | None:
    """Phrases like: "44 BC", "AD 800"."""
    marker = (m.group("era") or m.group("era2")).upper().replace(".", "").replace(" ", "")
    y = int(m.group("y") or m.group("y2"))
    if state.lang.word("era", marker):  # before the common era
        return Resolved("DATE", f"BC{y:04d}", None, None, "year") if y else None
    return cal.year(y) if y else None


def _holiday_on(rule: tuple[str, int, int, int], y: int) -> datetime.date:
    """The date of a holiday rule in year ``y``.

    Rules: ``("fixed", month, day, 0)``, ``("computus", days after Easter Sunday, 0, 0)``,
    ``("nth", month, weekday, n)`` (the n-th ``weekday``, 0 = Monday, of the month).
    """
    kind, a, b, c = rule
    if kind == "fixed":
        return datetime.date(y, a, b)
    if kind == "computus":
        return easter(y) + datetime.timedelta(days=a)
    first = datetime.date(y, a, 1)
    return first + datetime.timedelta(days=(b - first.weekday()) % 7 + 7 * (c - 1))


def holiday(m: re.Match[str], state: State) -> Resolved | None:
    """Holidays: "Christmas", "Easter Monday 2019", "Thanksgiving" (the last one, or the next)."""
    rule = state.lang.word("holiday", squeeze(m.group("h")).replace("’", "'"))
    if rule is None or (state.lang.cased and not m.group("h")[0].isupper()):
        return None
    base = state.base
    year = int(m.group("y")) if m.group("y") else (base.year if base else None)
    if year is None:
        if rule[0] == "computus":
            return None
        probe = _holiday_on(rule, 2001)
        return Resolved("DATE", f"XXXX-{probe.month:02d}-{probe.day:02d}", None, None, "day")
    d = _holiday_on(rule, year)
    if (
        not m.group("y")
        and base is not None
        and (d - base).days > 92
        and not future_context(state, m.start(), m.end())
    ):
        d = _holiday_on(rule, year - 1)
    return cal.day(d)
