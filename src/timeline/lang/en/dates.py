"""English dates as data: every word, cue and trigger the date finder needs for English.

``LANGUAGE`` is the ``DateLanguage`` the engine uses for ``"en"``: the scanners and date
forms of ``date_patterns``, and below, by role, the word tables and cues the handlers read
(the engine never spells a word; a new rule's words go here, its logic in a handler).
Tables map a lower-case word or phrase to what it means to the engine (``True`` for a plain
set). Cues are regular expressions (``(?i)`` where case does not matter).
"""

from __future__ import annotations

from types import MappingProxyType

from timeline.lang.en.date_patterns import (
    CLOCK,
    CLOCK_PARTS,
    DAY,
    EXPLICIT_FORMS,
    EXPLICIT_FULL,
    MONTH,
    SCANNERS,
    WEEKDAY,
    YEAR_ALONE,
)
from timeline.lang.model import DateLanguage


def _set(words: str) -> dict[str, bool]:
    """A plain set of words, written as one space-separated string."""
    return dict.fromkeys(words.split(), True)


MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
MONTH_ABBREVIATIONS = (
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
)
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

MONTHS: dict[str, int] = {name: i for i, name in enumerate(MONTH_NAMES, start=1)} | {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sept": 9, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS: dict[str, int] = {name: i for i, name in enumerate(WEEKDAY_NAMES, start=1)} | {
    "mon": 1, "tues": 2, "tue": 2, "wed": 3, "thurs": 4, "thu": 4, "fri": 5, "sat": 6, "sun": 7,
}  # fmt: skip
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "a dozen": 12, "dozen": 12, "a couple of": 2, "couple of": 2, "a couple": 2,
}  # fmt: skip
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty first": 21, "twenty-first": 21,
    "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}  # fmt: skip
# every form of a unit word -> the unit
UNITS: dict[str, str] = {
    form: unit
    for unit in (
        "second",
        "minute",
        "hour",
        "day",
        "night",
        "weekend",
        "week",
        "fortnight",
        "month",
        "quarter",
        "year",
        "decade",
    )  # fmt: skip
    for form in (unit, unit + "s")
} | {"century": "century", "centuries": "century", "period": "period"}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
PART_MODS = {
    "early": "START", "beginning": "START", "start": "START", "mid": "MID", "middle": "MID",
    "late": "END", "end": "END", "close": "END", "turn": "",
}  # fmt: skip
APPROX_MODS = {
    "almost": "LESS_THAN", "nearly": "LESS_THAN", "less than": "LESS_THAN",
    "under": "LESS_THAN", "just under": "LESS_THAN", "barely": "LESS_THAN",
    "up to": "EQUAL_OR_LESS", "more than": "MORE_THAN", "over": "MORE_THAN",
    "just over": "MORE_THAN", "at least": "EQUAL_OR_MORE", "about": "APPROX",
    "around": "APPROX", "roughly": "APPROX", "approximately": "APPROX", "some": "APPROX",
}  # fmt: skip
# a relation word -> -1 (the one before), 0 (the current one), +1 (the one after)
STEPS = {
    "last": -1, "past": -1, "previous": -1, "preceding": -1, "this": 0, "current": 0,
    "next": 1, "coming": 1, "following": 1,
}  # fmt: skip


def _relative_words() -> dict[str, tuple[str, object]]:
    """Relative words ("today", "recently", "tonight" ...) -> (kind, argument)."""
    out: dict[str, tuple[str, object]] = {
        "yesterday": ("day", -1), "today": ("day", 0), "tomorrow": ("day", 1),
        "the day before yesterday": ("day", -2), "the day after tomorrow": ("day", 2),
        "earlier today": ("day", 0), "later today": ("day", 0),
        "tonight": ("time", (0, "NI")), "overnight": ("time", (-1, "NI")),
        "earlier tonight": ("time", (0, "NI")), "later tonight": ("time", (0, "NI")),
    }  # fmt: skip
    for w in ("now", "currently", "nowadays", "presently", "these days"):
        out[w] = ("present", None)
    for w in ("recently", "lately"):
        out[w] = ("past", None)
    for adj in ("", "recent ", "distant ", "near "):
        out[f"the {adj}past"] = ("past", None)
        out[f"the {adj}future"] = ("future", None)
    for first, shift in (("this", 0), ("last", -1), ("yesterday", -1), ("tomorrow", 1)):
        for pod, code in PARTS_OF_DAY.items():
            out[f"{first} {pod}"] = ("time", (shift, code))
    return out


# what "ago", "later", "from now" ... say: (sign, counted from the reference rather than the
# last day told, "a year earlier" in a quarterly report means that quarter a year before)
AGO_DIRECTIONS = {
    "ago": (-1, True, True), "back": (-1, True, False), "from now": (1, True, False),
    "hence": (1, True, False), "earlier": (-1, False, True), "before": (-1, False, True),
    "previously": (-1, False, False), "later": (1, False, False), "after": (1, False, False),
}  # fmt: skip
HOLIDAYS = {
    "christmas": ("fixed", 12, 25, 0), "christmas day": ("fixed", 12, 25, 0),
    "christmas eve": ("fixed", 12, 24, 0), "new year's": ("fixed", 1, 1, 0),
    "new year's day": ("fixed", 1, 1, 0), "new year's eve": ("fixed", 12, 31, 0),
    "thanksgiving": ("nth", 11, 3, 4), "thanksgiving day": ("nth", 11, 3, 4),
    "easter": ("computus", 0, 0, 0), "easter sunday": ("computus", 0, 0, 0),
    "easter monday": ("computus", 1, 0, 0), "halloween": ("fixed", 10, 31, 0),
    "valentine's day": ("fixed", 2, 14, 0), "boxing day": ("fixed", 12, 26, 0),
}  # fmt: skip
RECURRENCES = {
    "daily": ("P1D", "day"), "nightly": ("P1D", "day"), "weekly": ("P1W", "week"),
    "biweekly": ("P2W", "week"), "monthly": ("P1M", "month"), "quarterly": ("P1Q", "quarter"),
    "annually": ("P1Y", "year"), "yearly": ("P1Y", "year"), "hourly": ("PT1H", "time"),
}  # fmt: skip

# Words which, right after a four-digit number, show that it counts things (not a year).
COUNT_NOUNS = _set(
    "people persons men women children troops soldiers students workers jobs votes countries "
    "nations cases deaths dollars euros pounds yuan yen rupees tons tonnes km kilometers "
    "kilometres miles meters metres feet acres hectares units shares cars homes houses barrels "
    "pages words items points copies members employees residents families villages firms "
    "companies projects schools beds doctors"
)
# Words which, after "May 5 and 12", show that the 12 counts things (not a second day).
PAIR_COUNT_WORDS = _set(
    "others other more of per percent million billion thousand hundred dead killed injured "
    "wounded were are have had years months weeks days hours minutes times"
)
# Words after which a bare capitalised month name is a date, not a name or a verb.
MONTH_CUES = _set(
    "in on since until till by of last next this early late mid during before after through "
    "from to and or between throughout end beginning middle start around about following "
    "previous each every that same the for"
)
FUTURE_CUES = (
    r"will|won't|shall|'ll|is\s+to|are\s+to|is\s+due|are\s+due|scheduled|slated|"
    r"expected\s+to|plans?\s+to|going\s+to|would|could|might|as\s+soon\s+as|as\s+early\s+as|"
    r"upcoming|set\s+to|intends?\s+to|effective|planned\s+for|scheduled\s+for"
)

WORDS = {
    "month": MONTHS,
    "weekday": WEEKDAYS,
    "season": SEASONS,
    "number": NUMBER_WORDS,
    "ordinal": ORDINALS,
    "unit": UNITS,
    "plural_unit": _set(" ".join(f for f in UNITS if f.endswith("s"))),
    "part_of_day": PARTS_OF_DAY,
    "part": PART_MODS,
    "half": _set("half"),
    "which_half": {"first": 1, "second": 2, "latter": 2},
    "half_marker": _set("half 1/2"),
    "approx": APPROX_MODS,
    "step": STEPS,
    # "the past decade", "the next century": a span of years up to or from now
    "span_step": {"past": -1, "last": -1, "next": 1, "coming": 1},
    "earlier_later": {"earlier": "START", "later": "END"},
    "relative_day": {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1},
    "relative_word": _relative_words(),
    "weekday_relation": {
        "last": "last",
        "past": "last",
        "next": "next",
        "coming": "next",
        "this": "this",
    },  # fmt: skip
    "ambiguous_weekday": _set("sun sat wed mon thu fri tue"),
    "anchor_step": {
        "next": 1,
        "following": 1,
        "previous": -1,
        "preceding": -1,
        "prior": -1,
        "before": -1,
    },  # fmt: skip
    "day_before_after": {"the day before": -1, "the day after": 1},
    "ago_direction": AGO_DIRECTIONS,
    "single": _set("a an one"),
    "article": _set("a an"),
    "vague_count": _set("some"),
    "quarter_not_counted": _set("first final last latest same"),
    "period_back": _set("past last recent previous preceding latest"),
    "period_ahead": _set("next coming following remaining"),
    "period_edge": _set("early first latter"),
    "recent": _set("recent"),
    "vague_back": _set("past last recent previous"),
    "from_start": _set("first"),
    "recurrence": RECURRENCES,
    "period_kind": {"quarter": "quarter", "half": "half"},
    "later_half": _set("final last second"),
    "half_unsaid": {"": True, "second": True},
    "quarter_relation": {
        "next": "next",
        "coming": "next",
        "current": "current",
        "same": "same",
        "year-earlier": "year_ago",
        "year-ago": "year_ago",
        "latest": "latest",
    },  # fmt: skip
    "season_anchor": _set("in during since by until the that early late mid"),
    "month_cue": MONTH_CUES,
    "month_name_article": _set("the"),
    "verb_like_month": _set("may"),
    "short_month": _set("jan feb mar apr jun jul aug sep sept oct nov dec"),
    "forward_cue": _set("next until till by"),
    "year_adjective": {
        "year-earlier": "before",
        "year-ago": "before",
        "year-before": "before",
        "year-end": "end",
        "year's end": "end",
        "year end": "end",
        "year-to-date": "to_date",
    },  # fmt: skip
    "period_of_report": _set("latest same current"),
    "latest": {"latest": True, "latest fiscal": True},
    "century_word": {"nineteen": 1900, "eighteen": 1800},
    "hundreds": _set("hundred"),
    "decade_word": {
        "twenties": 1920,
        "thirties": 1930,
        "forties": 1940,
        "fifties": 1950,
        "sixties": 1960,
        "seventies": 1970,
        "eighties": 1980,
        "nineties": 1990,
    },  # fmt: skip
    "era": {"BC": True, "BCE": True, "AD": False, "CE": False},
    "holiday": HOLIDAYS,
    "clock_word": {"midnight": "24:00", "noon": "12:00", "midday": "12:00"},
    "ambiguous_form": _set("num"),
    "count_noun": COUNT_NOUNS,
    "pair_count_word": PAIR_COUNT_WORDS,
}

CUES = {
    # a clause reads as future: "will", "is to", "scheduled" ... not undone by "said", "was"
    "future": (
        rf"(?i)(?<!was )(?<!were )(?<!had been )\b(?:{FUTURE_CUES})\b"
        r"(?:(?!\b(?:said|says|told|announced|reported|was|were)\b)"
        r"[^;!?\n])*$"
    ),
    "future_after": r"(?i)[\s,]*(?:will|is\s+to|are\s+to)\b",
    "clause_break": r"[a-z0-9)'\"”]{2}[.!?]\s|\n|[;,]\s|\bthat\s",
    "next_word": r"\s*([a-z]+)",
    "word_before": r"([A-Za-z]+)[\s,]*$",
    "month_day": rf"(?i){MONTH}\s*\d{{1,2}}",
    "day_month": rf"(?i){DAY}(?:\s+of)?[\s-]+{MONTH}",
    "range_end": rf"(?i)\s*(?:-|–|—|to|through|until|till|and)\s*(?P<end>{EXPLICIT_FULL})",
    "after_day_pair": r"(?:[,.:]\d|\s*%|\s+([a-z]+))",
    "clock": CLOCK_PARTS,
    "afternoon_marker": r"(?i)p",
    "not_clock_before": r"(?i)\bhigh\s+$",
    "bare_clock_before": r"\b(?:at|by|until|from|before|after)\s*$",
    "comparison_before": r"(?i)\b(?:compared|from|versus|vs\.?|than|against|with|period)\b[^.;]*$",
    "rate_before": r"(?:\d|[a-z]s|times|\$[\d.,]+)\s+$",
    "count_range": r"\d+\s*(?:or|to|-)\s*\d+\Z",
    "perfect": r"(?i)\b(?:has|have|'ve)\b(?:\s+\w+){0,8}",
    "perfect_preposition": r"(?i)\b(?:for|in|over)\s+$",
    "number_before": (
        r"(?i)(?:\bno\.?|\bnumber|\bnos?\.|#|\$|€|£|\bUS\$|\bRs\.?|\bpage|\bp\.|\broute|\bflight|"
        r"\bversion|\bmodel|\bpart|\barticle|\bsection|\bresolution|\bchapter)\s*$"
        # a designation joined by a hyphen ("Mirage-2000", "Su-2024"), not a time word's
        # ("mid-2000", "pre-2001", "post-2015")
        r"|(?<![\w-])(?!(?:pre|post|mid|early|late|end|circa|ca|fiscal|fy|the)-)"
        r"[A-Za-z][\w]*-$"
    ),
    "number_range_after": r"\s*(?:to|-|–)\s*\d",
    "year_range_after": r"\s*(?:to|-|–)\s*(?:1[0-9]|20)\d\d",
    "early_year_before": r"(?i)\b(?:in|since|by|until|of|from|year|AD|BC)\s*$",
    "name_after": r"\s+[A-Z]",
    "verb_after": r"\s+(?:be|have|not|also|well|still|never|only|need|want)\b",
    "period_after": r"\s+(?:period|quarter)\b",
    "year_ended_after": r"\s+(?:ended|ending|to)\b",
    "not_report_quarter": r"(?i)year-(?:ago|earlier)|same|comparable",
    "clock_after": r"[:.]\d\d|\s?[ap]\.?\s?m\b",
    "era_after": r"\s?(?:b\.?\s?c|a\.?\s?d\b|ce\b)",
    "era_before": r"(?:ad|a\.d\.)$",
    "byline": (
        r"(?i)(?:published|updated|posted|last\s+updated|date|released|issued)\s*(?:on|at)?\s*:?\s*"
        rf"(?:(?P<t1>{CLOCK}),?\s+(?:(?:{WEEKDAY}),?\s+)?(?P<d1>{EXPLICIT_FULL})"
        rf"|(?:(?:{WEEKDAY}),?\s+)?(?P<d2>{EXPLICIT_FULL})(?:,?\s*(?:at\s+)?(?P<t2>{CLOCK}))?)"
    ),
    "dateline": (
        rf"(?m)^[A-Z][A-Z .'’-]{{2,40}}(?:,\s*[A-Za-z .]{{2,30}})?,\s*(?P<d>(?i:{MONTH}\s*{DAY}))"
        rf"(?:,\s*(?P<y>{YEAR_ALONE}))?\s*(?:\([^)\n]{{1,60}}\)\s*)?[-–—]"
    ),
    "weekday_prefix": rf"(?i)^{WEEKDAY},?\s+",
    "clock_suffix": rf"(?i),?\s+(?:at\s+)?{CLOCK}(?:\s+[A-Z]{{2,4}})?$",
}

# trigger words (whole lower-case words; hyphenated words split) by category; the numeric
# categories (CLOCK, DATENUM, YEAR4, ERA) come from digits and the cues clock_after, era_*
TRIGGERS = {
    "UNIT": (
        "second seconds minute minutes hour hours day days night nights week weeks weekend "
        "weekends fortnight fortnights month months quarter quarters year years decade decades "
        "century centuries"
    ),
    "PLURAL": "seconds minutes hours days nights weeks months quarters years decades centuries",
    "CENT": "century centuries",
    "QUARTER": "quarter quarters half q1 q2 q3 q4",
    "WEEKEND": "weekend",
    "AGO": "ago earlier later hence back previously before after now",
    "YEAR": "year",
    "PERIOD": "year week month period",
    "REL": (
        "now nowadays today tonight tomorrow yesterday recent recently current currently future "
        "past morning mornings afternoon afternoons evening evenings overnight lately presently "
        "meantime these night"
    ),
    "SEASON": "spring summer fall autumn winter springs summers autumns winters",
    "SET": (
        "daily weekly biweekly monthly quarterly yearly annually hourly nightly every each per "
        "twice once"
    ),
    "HOLIDAY": "christmas easter thanksgiving halloween valentine boxing year",
    "WORDYEAR": (
        "nineteen eighteen twenties thirties forties fifties sixties seventies eighties nineties"
    ),
    "MON": " ".join(MONTHS),
    "ORD": "st nd rd th",  # the suffix of "3rd" (a trigger token is letters only)
    "WD": (
        "monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays "
        "thursdays fridays saturdays sundays mon tue tues wed thu thur thurs fri sat sun"
    ),
    "CLOCK": "noon midnight midday",
}

LANGUAGE = DateLanguage(
    code="en",
    scanners=SCANNERS,
    explicit_forms=EXPLICIT_FORMS,
    words=MappingProxyType({role: MappingProxyType(table) for role, table in WORDS.items()}),
    cues=MappingProxyType(CUES),
    triggers=MappingProxyType(TRIGGERS),
    trigger_token=r"[a-z]+[1-4]?",
)
