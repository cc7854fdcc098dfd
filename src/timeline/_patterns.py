"""Word tables and regular-expression fragments of English date grammar, used by ``dates``.

Nothing here is compiled at import time: ``dates`` builds its regexes on first use.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}

WEEKDAYS: dict[str, int] = {
    "monday": 1,
    "mon": 1,
    "tuesday": 2,
    "tues": 2,
    "tue": 2,
    "wednesday": 3,
    "wed": 3,
    "thursday": 4,
    "thurs": 4,
    "thu": 4,
    "friday": 5,
    "fri": 5,
    "saturday": 6,
    "sat": 6,
    "sunday": 7,
    "sun": 7,
}

SEASONS: dict[str, str] = {
    "spring": "SP",
    "summer": "SU",
    "fall": "FA",
    "autumn": "FA",
    "winter": "WI",
}

# season -> (first month, last month); winter runs December to February.
SEASON_MONTHS: dict[str, tuple[int, int]] = {
    "SP": (3, 5),
    "SU": (6, 8),
    "FA": (9, 11),
    "WI": (12, 2),
}

NUMBER_WORDS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a hundred": 100,
    "a dozen": 12,
    "dozen": 12,
    "a couple of": 2,
    "couple of": 2,
    "a couple": 2,
}

# unit word -> (TimeML duration letter(s), is time-of-day unit, precision name)
UNITS: dict[str, tuple[str, bool, str]] = {
    "second": ("S", True, "time"),
    "minute": ("M", True, "time"),
    "hour": ("H", True, "time"),
    "day": ("D", False, "day"),
    "night": ("D", False, "day"),
    "weekend": ("WE", False, "day"),
    "week": ("W", False, "week"),
    "fortnight": ("W", False, "week"),
    "month": ("M", False, "month"),
    "quarter": ("Q", False, "quarter"),
    "season": ("M", False, "season"),
    "year": ("Y", False, "year"),
    "decade": ("DE", False, "decade"),
    "century": ("CE", False, "century"),
}

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
}

# Words after which a bare capitalised month name is a date, not a name or a verb.
MONTH_CUES = frozenset(
    [
        "in",
        "on",
        "since",
        "until",
        "till",
        "by",
        "of",
        "last",
        "next",
        "this",
        "early",
        "late",
        "mid",
        "during",
        "before",
        "after",
        "through",
        "from",
        "to",
        "and",
        "or",
        "between",
        "throughout",
        "end",
        "beginning",
        "middle",
        "start",
        "until",
        "around",
        "about",
        "following",
        "previous",
        "each",
        "every",
        "that",
        "same",
        "the",
        "for",
    ]
)

# Words which, right after a four-digit number, show that it counts things (not a year).
COUNT_NOUNS = frozenset(
    [
        "people",
        "persons",
        "men",
        "women",
        "children",
        "troops",
        "soldiers",
        "students",
        "workers",
        "jobs",
        "votes",
        "countries",
        "nations",
        "cases",
        "deaths",
        "dollars",
        "euros",
        "pounds",
        "yuan",
        "yen",
        "rupees",
        "tons",
        "tonnes",
        "km",
        "kilometers",
        "kilometres",
        "miles",
        "meters",
        "metres",
        "feet",
        "acres",
        "hectares",
        "units",
        "shares",
        "cars",
        "homes",
        "houses",
        "barrels",
        "pages",
        "words",
        "items",
        "points",
        "copies",
        "members",
        "employees",
        "residents",
        "families",
        "villages",
        "firms",
        "companies",
        "projects",
        "schools",
        "beds",
        "doctors",
    ]
)

# Words which, after "May 5 and 12", show that the 12 counts things (not a second day).
PAIR_COUNT_WORDS = frozenset(
    [
        "others",
        "other",
        "more",
        "of",
        "per",
        "percent",
        "million",
        "billion",
        "thousand",
        "hundred",
        "dead",
        "killed",
        "injured",
        "wounded",
        "were",
        "are",
        "have",
        "had",
        "years",
        "months",
        "weeks",
        "days",
        "hours",
        "minutes",
        "times",
    ]
)

FUTURE_CUES = (
    r"will|won't|shall|'ll|is\s+to|are\s+to|is\s+due|are\s+due|scheduled|slated|"
    r"expected\s+to|plans?\s+to|going\s+to|would|could|might|as\s+soon\s+as|as\s+early\s+as|"
    r"upcoming|set\s+to|intends?\s+to|effective"
)


# trigger words (whole lower-case words; hyphenated words split) by category
TRIGGER_WORDS: dict[str, str] = {
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
    "MON": (
        "january february march april may june july august september october november "
        "december jan feb mar apr jun jul aug sep sept oct nov dec"
    ),
    "WD": (
        "monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays "
        "thursdays fridays saturdays sundays mon tue tues wed thu thur thurs fri sat sun"
    ),
    "CLOCK": "noon midnight midday",
}

# trigger categories whose windows each scanner runs on
SCANNER_TRIGGERS: dict[str, tuple[str, ...]] = {
    "timedate": ("CLOCK",),
    "wkdate": ("WD",),
    "range": ("MON", "YEAR4"),
    "explicit": ("MON", "DATENUM"),
    "monrel": ("MON",),
    "weekday": ("WD",),
    "setwd": ("WD",),
    "relword": ("REL",),
    "relunit": ("UNIT", "SEASON", "MON"),
    "ago": ("AGO",),
    "vagueago": ("AGO",),
    "duration": ("UNIT",),
    "vague": ("PLURAL",),
    "longadj": ("PLURAL",),
    "bareunits": ("PLURAL",),
    "year": ("YEAR4",),
    "decade": ("YEAR4",),
    "century": ("CENT",),
    "quarter": ("QUARTER",),
    "months9": ("PLURAL",),
    "season": ("SEASON",),
    "monthname": ("MON",),
    "set": ("SET",),
    "holiday": ("HOLIDAY",),
    "anchorrel": ("UNIT", "REL", "SEASON"),
    "clock": ("CLOCK",),
    "yearadj": ("YEAR",),
    "weekend": ("WEEKEND",),
    "yearperiod": ("YEAR4",),
    "era": ("ERA",),
    "podof": ("REL",),
    "isotime": ("DATENUM",),
    "decadeword": ("WORDYEAR",),
    "theperiod": ("PERIOD",),
    "yearwords": ("WORDYEAR", "YEAR"),
}

# How far a scanner's matches reach before and after their trigger word, with room to spare
# (the most seen on TBAQ and WikiWars plus at least 15 characters); lookaheads need a few more.
BEFORE, AFTER = 25, 25
MARGINS: dict[str, tuple[int, int]] = {
    "podof": (35, 45),
    "duration": (45, 20),
    "ago": (60, 15),
    "vague": (35, 20),
    "vagueago": (25, 15),
    "bareunits": (25, 15),
    "longadj": (15, 20),
    "months9": (35, 30),
    "relunit": (35, 20),
    "century": (35, 15),
    "theperiod": (40, 20),
    "year": (40, 25),
    "yearadj": (15, 25),
    "weekend": (20, 15),
    "set": (20, 20),
    "holiday": (15, 20),
    "era": (15, 20),
    "wkdate": (15, 30),
}
