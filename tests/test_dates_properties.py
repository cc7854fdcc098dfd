"""Property tests for timeline.dates.find_dates: it never crashes, never lies about offsets,
never produces an impossible date and never reads the clock, whatever the text."""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from timeline.dates import find_dates, infer_reference

TYPES = {"DATE", "TIME", "DURATION", "SET"}
# the list plus "half", which timeline.dates.DateMention documents
PRECISIONS = {"time", "day", "week", "month", "season", "quarter", "half", "year", "decade"}
PRECISIONS |= {"century"}

# Reference dates are pinned, and chosen where calendar arithmetic goes wrong: a leap day
# ("last year" -> 1999-02-29?), month ends ("last month" on March 31 -> February 31?), the
# turn of a year, and no reference at all.
REFERENCES = [
    None,
    dt.date(2019, 7, 11),
    dt.date(2000, 2, 29),
    dt.date(2021, 3, 31),
    dt.date(2020, 12, 31),
    dt.date(2021, 1, 1),
    dt.datetime(2022, 9, 13, 12, 20),
]

MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
]  # fmt: skip
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
FRAGMENTS = (
    MONTHS
    + [m[:3] for m in MONTHS]
    + ["Sept", "Sept.", "Jan.", "may", "MAY", "mar", "Theresa May", "march"]
    + WEEKDAYS
    + [w[:3] for w in WEEKDAYS]
    + ["0", "1", "02", "10", "12", "13", "28", "29", "30", "31", "32", "99", "00", "1998"]
    + ["2019", "2020", "1900", "9999", "0000", "2,000", "No.", "1st", "2nd", "3rd", "30th"]
    + ["-", "/", ".", ",", ":", "–", "—", "T", "W", "Q", "s", "'", "(", ")", "th", "of"]
    + ["last", "next", "this", "ago", "year", "years", "month", "week", "day", "days"]
    + ["early", "late", "mid", "mid-", "the end of", "since", "from", "to", "until", "between"]
    + ["yesterday", "today", "tomorrow", "now", "recently", "a few", "two", "six-day"]
    + ["1990s", "the 1990s", "summer", "Q3", "2019-07-11", "22:46", "12:20", "noon", "a.m."]
    + ["February 30", "31/02/2019", "02/31/2019", "2019-02-29", "April 31", "Feb 29"]
    + ["\n", "\t", " ", "  ", "é", "日本", "\u200b", "\ufeff", "\x00", "🙂"]
    + ["28-30", "30-28", "13-15", "-31", "from May 23 to 28", "December 28-30, 2018"]
    + ["Saturday (July 10)", "the end of August 2018", "Updated 22:46, 11-Jul-2019", "01/08/98"]
    + ["Published: 12:20, September 13", "GENEVA, Oct. 6", "late on Thursday", "a few days ago"]
    + ["the same period", "period", "the first half", "fiscal year", "that year", "tonight"]
    + ["2017-2019", "1990-91", "the past two years", "months-long", "By 2020", "Q4", "fall"]
)
SEPARATORS = ["", " ", " ", " ", ", ", "-", "/", "\n", ". "]

_ISO_DAY = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_ISO_MONTH = re.compile(r"(?<![\dW-])(\d{4})-(\d{2})(?![\d-])")
_ISO_WEEK = re.compile(r"(?<!\d)\d{4}-W(\d{2})(?!\d)")


@st.composite
def date_soup(draw) -> str:
    """Text built of date-like fragments, separators and a little noise."""
    parts = draw(
        st.lists(
            st.one_of(
                st.sampled_from(FRAGMENTS),
                st.sampled_from(FRAGMENTS),
                st.text(max_size=4),
                st.integers(0, 3000).map(str),
            ),
            max_size=25,
        )
    )
    seps = draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(parts), max_size=len(parts)))
    return "".join(p + s for p, s in zip(parts, seps, strict=True))


def _check_value(value: str) -> None:
    """Every calendar date, month and week written in a TimeML value must exist."""
    for y, m, d in _ISO_DAY.findall(value):
        # raises ValueError on "2019-02-30"; year 0000 (1 BC in ISO 8601) is a leap year
        dt.date(int(y) or 2000, int(m), int(d))
    for _y, m in _ISO_MONTH.findall(value):
        assert 1 <= int(m) <= 12, value
    for w in _ISO_WEEK.findall(value):
        assert 1 <= int(w) <= 53, value
    if "/" in value:
        left, _, right = value.partition("/")
        if _ISO_DAY.fullmatch(left) and _ISO_DAY.fullmatch(right):
            assert left <= right, f"interval {value} ends before it starts"


def _bounds_of(value: str) -> tuple[dt.date, dt.date] | None:
    """The calendar interval a plain day, month or year value denotes (else None)."""
    if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        day = dt.date.fromisoformat(value)
        return day, day
    if re.fullmatch(r"\d{4}-\d\d", value):
        y, m = int(value[:4]), int(value[5:])
        return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])
    if re.fullmatch(r"\d{4}", value) and value != "0000":
        return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
    return None


def check_mentions(text: str, mentions: list) -> None:
    """The invariants every find_dates result must satisfy, whatever the text."""
    assert isinstance(mentions, list)
    previous_end = 0
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text), m
        assert text[m.start : m.end] == m.text, m
        assert m.start >= previous_end, f"{m} overlaps or precedes the previous mention"
        previous_end = m.end
        assert m.type in TYPES, m
        assert isinstance(m.value, str) and m.value, m
        assert m.precision in PRECISIONS, m
        for bound in (m.earliest, m.latest):
            assert bound is None or type(bound) is dt.date, m
        if m.earliest is not None and m.latest is not None:
            assert m.earliest <= m.latest, m
        _check_value(m.value)
        if m.type == "DATE" and not getattr(m, "mod", ""):
            expected = _bounds_of(m.value)
            if expected is not None:
                assert (m.earliest, m.latest) == expected, f"bounds disagree with value: {m}"


@settings(deadline=None, max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=300), reference=st.sampled_from(REFERENCES))
@example(text="", reference=None)
@example(text="\x00May\ud800 31", reference=dt.date(2019, 7, 11))
def test_arbitrary_unicode_never_breaks_find_dates(text, reference):
    check_mentions(text, find_dates(text, reference))


@settings(deadline=None, max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(text=date_soup(), reference=st.sampled_from(REFERENCES))
@example(text="February 30, 2019 and 31/02/2019", reference=dt.date(2019, 7, 11))
@example(text="last year", reference=dt.date(2000, 2, 29))
@example(text="a month ago, last month", reference=dt.date(2021, 3, 31))
@example(text="May May may 10 10 10 - - -", reference=None)
def test_date_like_text_never_breaks_find_dates(text, reference):
    check_mentions(text, find_dates(text, reference))


@settings(deadline=None, max_examples=150)
@given(text=date_soup(), reference=st.sampled_from(REFERENCES), anchor=st.just("narrative"))
def test_narrative_anchor_keeps_the_invariants(text, reference, anchor):
    check_mentions(text, find_dates(text, reference, anchor=anchor))


@settings(deadline=None, max_examples=100)
@given(text=date_soup(), reference=st.sampled_from(REFERENCES))
def test_same_input_gives_the_same_output(text, reference):
    assert find_dates(text, reference) == find_dates(text, reference)


INFER_HOWS = {"byline", "date line", "dateline", "weekday-date pair"}


@settings(deadline=None, max_examples=200)
@given(text=st.one_of(st.text(max_size=300), date_soup()))
@example(text="Published: 12:20, February 30, 2019\nGENEVA, Feb. 30 -")
@example(text="Saturday (February 29)")
def test_infer_reference_never_breaks_and_gives_a_real_date(text):
    found = infer_reference(text)
    if found is not None:
        day, how = found
        assert type(day) is dt.date
        assert how in INFER_HOWS


def _render(day: dt.date | tuple[int, int, int], style: str) -> str:
    y, m, d = (day.year, day.month, day.day) if isinstance(day, dt.date) else day
    month = MONTHS[m - 1]
    return {
        "mdy": f"{month} {d}, {y}",
        "dmy": f"{d} {month} {y}",
        "iso": f"{y:04d}-{m:02d}-{d:02d}",
    }[style]


@settings(deadline=None, max_examples=150)
@given(
    day=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)),
    style=st.sampled_from(["mdy", "dmy", "iso"]),
    reference=st.sampled_from(REFERENCES),
    prefix=st.text(max_size=40),
)
@example(day=dt.date(2020, 2, 29), style="mdy", reference=dt.date(2019, 7, 11), prefix="")
@example(day=dt.date(2000, 2, 29), style="iso", reference=None, prefix="İİ ẞ ﬁ 🙂")
def test_a_real_full_date_is_found_with_its_exact_span_and_day(day, style, reference, prefix):
    # characters before it (some change length when lower-cased) must not shift its offsets
    surface = _render(day, style)
    text = f"{prefix}\n\nThe council met on {surface} in the old hall."
    found = [m for m in find_dates(text, reference) if m.start == text.rindex(surface)]
    assert found, f"{surface!r} not found in {text!r}"
    m = found[0]
    assert (m.text, m.type, m.value) == (surface, "DATE", day.isoformat())
    assert m.earliest == m.latest == day
    assert m.precision == "day"


@settings(deadline=None, max_examples=100)
@given(
    day=st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31)),
    style=st.sampled_from(["mdy", "dmy"]),
)
@example(day=dt.date(2100, 12, 31), style="mdy")
def test_an_explicit_year_is_never_replaced_by_another(day, style):
    # dates.py once dropped a year outside 1000-2099: "December 31, 2100" -> 2018-12-31
    surface = _render(day, style)
    text = f"The target is {surface} at the latest."
    at = text.index(surface)
    for m in find_dates(text, dt.date(2019, 7, 11)):
        if m.start < at + len(surface) and at < m.end and m.precision == "day":
            assert m.value == day.isoformat(), f"{surface!r} read as {m}"


def _impossible(y: int, m: int, d: int) -> bool:
    try:
        dt.date(y, m, d)
    except ValueError:
        return True
    return False


IMPOSSIBLE_DAYS = st.tuples(
    st.integers(1900, 2099), st.integers(1, 12), st.integers(29, 31)
).filter(lambda ymd: _impossible(*ymd))


@settings(deadline=None, max_examples=150)
@given(
    ymd=IMPOSSIBLE_DAYS,
    style=st.sampled_from(["mdy", "dmy", "iso", "slash"]),
    reference=st.sampled_from(REFERENCES),
)
@example(ymd=(2019, 2, 30), style="mdy", reference=dt.date(2019, 7, 11))
@example(ymd=(2019, 2, 31), style="slash", reference=dt.date(2019, 7, 11))
@example(ymd=(2019, 2, 29), style="iso", reference=None)
@example(ymd=(2021, 4, 31), style="dmy", reference=dt.date(2021, 3, 31))
def test_an_impossible_date_is_never_a_day(ymd, style, reference):
    y, m, d = ymd
    # "31/02/2019": impossible read day-first, and month 31 is impossible read month-first
    surface = f"{d}/{m:02d}/{y}" if style == "slash" else _render(ymd, style)
    text = f"The council met on {surface} in the old hall."
    at = text.index(surface)
    mentions = find_dates(text, reference)
    check_mentions(text, mentions)
    for mention in mentions:
        overlaps = mention.start < at + len(surface) and at < mention.end
        if overlaps:
            assert mention.precision != "day", f"{surface!r} read as the day {mention}"
            assert f"{y:04d}-{m:02d}-{d:02d}" not in mention.value, mention


def test_an_underspecified_period_has_a_documented_precision():
    # dates.py once gave it the undocumented precision "period"
    text = "Sales rose 4% in the same period."
    mentions = find_dates(text, None)
    check_mentions(text, mentions)
    # the period is found (an empty result would make the check above vacuous), with no
    # reference it stays unresolved, and its precision is one DateMention documents
    assert [m.text for m in mentions] == ["the same period"]
    assert mentions[0].earliest is None and mentions[0].latest is None
    assert mentions[0].precision in PRECISIONS


@pytest.mark.parametrize("text", ["HOURLY", "every week", "twice a year"])
def test_a_set_has_a_documented_precision(text):
    # dates.py once gave SET mentions precision "set", which no documentation lists
    mentions = find_dates(text, dt.date(2019, 7, 11))
    assert [m.type for m in mentions] == ["SET"]
    assert mentions[0].precision in PRECISIONS


@pytest.mark.parametrize("reference", [None, dt.date(2019, 7, 11)])
def test_results_do_not_depend_on_the_clock(reference):
    time_machine = pytest.importorskip(
        "time_machine", reason="dev dependency time-machine missing: pip install -e '.[dev]'"
    )
    texts = [
        "Yesterday, last Friday and two years ago; on May 5 and next week; now and today.",
        "The talks ran from June 13-15 and resume this month, earlier this year, in 2020.",
        "Saturday (July 10) was the day. Published: 12:20, September 13",
    ]
    results = []
    for now in (dt.datetime(1975, 6, 1, 8, 0), dt.datetime(2042, 1, 31, 23, 59)):
        with time_machine.travel(now, tick=False):
            assert dt.date.today() == now.date()  # the clock really moved
            results.append([find_dates(t, reference) for t in texts])
            results[-1].append([infer_reference(t) for t in texts])
    assert results[0] == results[1]
    if reference is None:
        # nothing is filled from today: no bound may fall in either travelled-to year
        for m in itertools.chain.from_iterable(results[0][:-1]):
            for bound in (m.earliest, m.latest):
                assert bound is None or bound.year not in (1975, 2042), m


def _pathological_text(size: int) -> str:
    """About ``size`` characters of repeats that make naive date patterns backtrack."""
    blocks = [
        "0123456789" * 50 + " ",
        "May May May may MAY " * 20,
        "- - - / / / -- // " * 20,
        "10 10 10 10 10 10 " * 20,
        " ".join(MONTHS * 3) + " ",
        " ".join(m[:3] + "." for m in MONTHS) + " ",
        " ".join(WEEKDAYS * 2) + " ",
        "1/2/3/4/5/6/7/8/9/10/11/12/" * 10 + " ",
        "2019-2020-2021-2022-2023-" * 10 + " ",
        "early late mid- the end of last next " * 10,
        "12:20:46:22:46 " * 20,
        "1,000,000,000,000 " * 10,
        "(((((((( " + "Saturday (July 10) " * 10,
    ]
    unit = "\n".join(blocks) + "\n"
    return (unit * (size // len(unit) + 1))[:size]


def test_five_megabytes_of_pathological_repeats_complete_with_sane_results():
    text = _pathological_text(5_000_000)
    mentions = find_dates(text, dt.date(2019, 7, 11))
    check_mentions(text, mentions)
    # a temporal expression is a phrase: nothing sane spans hundreds of characters
    assert max((m.end - m.start for m in mentions), default=0) <= 100
    assert len(mentions) < len(text) // 2
