"""The regular expressions of English dates: fragments, explicit forms and one scanner per
kind of expression, in priority order. Data only: ``timeline.dates.grammar`` compiles them
(case-insensitively) on first use, and each scanner's name picks its handler.

Named groups are what the handlers read (``d``, ``m``, ``y`` in dates; ``wd`` a weekday;
``rel`` a relation word; ``part`` "early"/"the end of" ...; ``span`` the part of a match
that is the mention, when the match reaches further for context).
"""

from __future__ import annotations

from timeline.lang.model import Scanner

MONTH = (
    r"(?:(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december)(?![a-z])|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?(?![a-z]))"
)
WEEKDAY = (
    r"(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?![a-z])|"
    r"(?:mon|tues|tue|wed|thurs|thu|fri|sat|sun)\.?(?![a-z]))"
)
WEEKDAY_OR_PLURAL = (
    r"(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?P<plural>s)?(?![a-z])|"
    r"(?:mon|tues|tue|wed|thurs|thu|fri|sat|sun)\.?(?![a-z]))"
)
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?!\d)(?:st|nd|rd|th)?(?![a-z0-9])"
YEAR_ALONE = r"(?:1[0-9]\d\d|20\d\d)(?![\d,.]\d)(?![a-z0-9])"
# the year of a full date: any four digits from 1000 ("December 31, 2100"); a year alone is
# read only in 1000-2099 (YEAR_ALONE), where a four-digit number is more often a year than a count
YEAR = r"(?:[1-9]\d{3}(?![a-z0-9])|['’]\d\d(?![\w']))"
COUNT = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s+1/2)?|\d+\s*(?:or|to|-)\s*\d+|a|an|one|two|three|"
    r"four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|a\s+hundred|hundred|"
    r"a\s+dozen|dozen|a\s+few|few|several|some|many|a\s+couple\s+of|a\s+couple|couple\s+of|"
    r"a\s+number\s+of|dozens\s+of|hundreds\s+of)"
)
UNIT = (
    r"(?:seconds?|minutes?|hours?|days?|nights?|weekends?|weeks?|fortnights?|months?|quarters?|"
    r"years?|decades?|century|centuries)(?![a-z])"
)
UNIT_SINGULAR = r"(?:day|week|weekend|month|quarter|year|decade|century)(?![a-z])"
SEASON = r"(?:spring|summer|fall|autumn|winter)(?![a-z])"
PART = (
    r"(?:(?P<part>early|late|mid|(?:end|start)(?=-)|the\s+(?:very\s+)?(?:end|beginning|start|"
    r"middle|close|turn)\s+of|(?:the\s+)?(?:first|second|latter)\s+half\s+of)(?:\s+|-|\s+on\s+))?"
)
APPROX = (
    r"(?:(?P<approx>almost|nearly|about|around|roughly|approximately|some|more\s+than|"
    r"less\s+than|over|under|at\s+least|up\s+to|just\s+over|just\s+under|only|barely|"
    r"the\s+better\s+part\s+of)\s+)?"
)
DURATION_RELATION = (
    r"(?:past|last|next|previous|coming|first|final|following|recent|remaining|preceding|"
    r"latest|same|initial)"
)
AM_PM = r"(?:[ap]\.\s?m\.|[ap]m(?![a-z])|[ap]\.m(?![a-z]))"
ZONE = r"(?:\s+(?:[ECMP][SD]T|GMT|UTC|BST|CET|CEST|local\s+time)(?![a-z]))?"
CLOCK = (
    rf"(?:(?:[01]?\d|2[0-3]):[0-5]\d(?:\s*{AM_PM})?|(?:1[0-2]|0?[1-9])\.[0-5]\d\s*{AM_PM}|"
    rf"(?:1[0-2]|0?[1-9])\s*{AM_PM}|(?:[01]?\d|2[0-3])\.[0-5]\d(?=\s+(?:[ECMP][SD]T|GMT|UTC|BST|"
    rf"CET|CEST)(?![a-z]))|noon|midnight|midday){ZONE}"
)
CLOCK_PARTS = (
    rf"(?i)(?:(?P<h>[01]?\d|2[0-3])[:.](?P<mi>[0-5]\d)(?:\s*(?P<ap>{AM_PM}))?|"
    rf"(?P<h2>1[0-2]|0?[1-9])\s*(?P<ap2>{AM_PM})|(?P<w>noon|midnight|midday)){ZONE}"
)
B = r"(?<![\w'’])"  # left word boundary

# written calendar dates, in the order they are tried; {d} {m} {y} open the named groups
EXPLICIT_FORMS: tuple[tuple[str, str], ...] = (
    ("iso", r"{y}(?<![\d-])\d{4})-{m}[01]\d)-{d}[0-3]\d)(?![\d-])"),
    ("num", r"{d}(?<![\d/.])\d{1,2})/{m}\d{1,2})/{y}\d{4}|\d\d)(?![\d/])"),
    ("dmy", rf"{{d}}{DAY})(?:\s+of)?(?:[\s-]+|\.)?{{m}}{MONTH})(?:,?[\s-]+|-){{y}}{YEAR})"),
    ("mdy", rf"{{m}}{MONTH})\s*{{d}}{DAY}),?\s+{{y}}{YEAR})"),
    ("my", rf"{{m}}{MONTH}),?\s+(?:of\s+)?{{y}}{YEAR_ALONE})"),
    ("md", rf"{{m}}{MONTH})\s*{{d}}{DAY})"),
    ("dm", rf"{{d}}{DAY})(?:\s+of)?[\s-]+{{m}}{MONTH})"),
)


def _plain(kinds: tuple[str, ...]) -> str:
    """The explicit forms ``kinds`` as one unnamed alternation."""
    forms = dict(EXPLICIT_FORMS)
    filled = [
        forms[k].replace("{d}", "(?:").replace("{m}", "(?:").replace("{y}", "(?:") for k in kinds
    ]
    return "(?:" + "|".join(filled) + ")"


EXPLICIT = _plain(("dmy", "mdy", "my", "md", "dm", "num", "iso"))
EXPLICIT_FULL = _plain(("dmy", "mdy", "num", "iso"))
RELATIVE_DAY = r"(?:yesterday|today|tomorrow|tonight)"
DATE_PART = rf"(?:{EXPLICIT}|{WEEKDAY}|{RELATIVE_DAY})"
END = r"(?=\s*(?:[.,;:)!?\n]|$))"  # followed by punctuation or the end of the text

TIME_DATE = (
    rf"{B}(?P<t1>{CLOCK}),?\s+(?:on\s+)?(?P<d1>{DATE_PART})"
    rf"|{B}(?:{WEEKDAY},?\s+)?(?P<d2>{DATE_PART}),?\s+(?:at\s+)?(?P<t2>{CLOCK})"
)
WEEKDAY_DATE = (
    rf"{B}(?P<wd>{WEEKDAY})(?:\s*\(\s*(?P<da>{EXPLICIT})\s*\)|,?\s+(?:the\s+)?(?P<db>{EXPLICIT}))"
)
RANGE = (
    rf"{B}(?P<m1>{MONTH})\s*(?P<d1>{DAY})\s*(?:-|–|—|to|through|until|till|(?P<and1>and))"
    rf"\s*(?P<m2>)(?P<d2>{DAY})(?:,?\s+(?P<y>{YEAR}))?"
    rf"|{B}(?P<d3>{DAY})\s*(?:(?P<m3>{MONTH})\s*)?(?:-|–|—|to|until|(?P<and2>and))\s*"
    rf"(?P<d4>{DAY})\s+(?P<m4>{MONTH})(?:,?\s+(?P<y2>{YEAR}))?"
    rf"|{B}(?P<y3>{YEAR_ALONE})\s*(?:-|–|—)\s*"
    r"(?P<y4>(?:1[0-9]|20)\d\d(?![\w/,.-])|\d\d(?![\w/-]|[,.]\d))"  # "1957-58," too
)
EXPLICIT_DATE = rf"{B}{PART}(?P<date>{EXPLICIT})(?!\s*-\s*\d)"
MONTH_RELATIVE_YEAR = (
    rf"{B}{PART}(?P<m>{MONTH})(?:\s+(?P<d>{DAY}))?,?\s+(?:of\s+)?(?P<rel>this|last|next)"
    r"\s+year(?![\w-])"
)
WEEKDAY_ALONE = (
    rf"{B}(?:on\s+)?(?P<span>(?:(?P<night_of>overnight)\s+(?:on\s+)?)?"
    rf"(?:(?P<rel>last|next|this|coming|past|previous)\s+)?{PART}"
    rf"(?P<wd>{WEEKDAY_OR_PLURAL})(?:\s+(?P<pod>morning|afternoon|evening|night)s?)?)"
)
# "on the 3rd": a day of the month the report is in (or of the one before, see the handler)
ORDINAL_DAY = (
    rf"{B}(?:on|since|by|until|till|from|before|after)\s+(?P<span>the\s+"
    r"(?P<d>3[01]|[12]\d|[1-9])(?:st|nd|rd|th))"
    r"(?=\s*(?:[.,;:)!?\n]|$)|\s+(?:at|in|when|while|but|as|with|during|following|"
    r"amid|after|before|of\s+(?:this|the)\s+month)(?![\w-]))"  # not "the 1st and 2nd of May"
)
WEEKDAY_SET = (
    rf"{B}(?:each|every)\s+(?P<wd>{WEEKDAY})(?:\s+(?P<pod>morning|afternoon|evening|night))?"
)
RELATIVE_WORD = (
    rf"{B}(?P<w>the\s+day\s+(?:before|after)\s+(?:yesterday|tomorrow)|yesterday|today|"
    r"tomorrow|tonight|nowadays|now|currently|recently|lately|"
    r"presently|the\s+(?:recent\s+|distant\s+|near\s+)?(?:past|future)|"
    r"(?:this|last|tomorrow|yesterday)\s+(?:morning|afternoon|evening|night)|"
    r"(?:earlier|later)\s+(?:today|tonight)|overnight|these\s+days|in\s+the\s+meantime)"
    r"(?![\w-])"
)
RELATIVE_UNIT = (
    rf"{B}(?:(?P<el>earlier|later)\s+)?{PART}(?P<rel>this|last|next|past|previous|coming|"
    r"current|following|preceding)\s+(?P<unit>week|weekend|month|year|quarter|decade|"
    rf"century|(?P<season>{SEASON})|(?P<named_month>{MONTH})(?:\s*(?P<md>{DAY}))?)(?![\w-])"
)
AGO = (
    rf"{B}{APPROX}(?P<num>{COUNT})[\s-]+(?P<unit>{UNIT})\s+"
    rf"(?P<dir>ago|earlier|later|from\s+now|hence|back|previously|(?:before|after){END})"
    r"(?![\w-])"
)
VAGUE_AGO = (
    rf"{B}(?P<unit>hours|minutes|days|weeks|months|years|decades)\s+(?P<dir>ago|earlier|later)"
    r"(?![\w-])"
)
DURATION = (
    # TimeML leaves "about", "only", "over" out of the span (the mod keeps them)
    rf"{B}(?:(?P<outer>about|around|roughly|approximately|only|just|over)\s+)?"
    rf"(?P<span>(?:(?P<the>the|these|those)\s+)?(?:(?P<rel>{DURATION_RELATION})\s+)?"
    rf"{APPROX}(?P<num>{COUNT})(?P<gap>[\s-]+)(?:and\s+a\s+half\s+)?(?P<unit>{UNIT})"
    r"(?:\s+and\s+a\s+half)?(?P<old>[\s-]+old)?)(?![\w-])"
)
VAGUE_DURATION = (
    rf"{B}(?:(?P<the>the)\s+)?(?P<rel>past|last|next|coming|recent|previous|following|"
    r"early|first|latter)\s+(?:(?:few|several|many)\s+)?"
    r"(?P<unit>days|weeks|months|years|decades|centuries|quarters|hours|minutes)"
    r"(?:\s+(?P<ahead>ahead|to\s+come))?(?![\w-])"
)
UNITS_LONG = rf"{B}(?P<unit>days|weeks|months|years|decades|centuries|hours)-long(?![\w-])"
BARE_UNITS = (
    r"\b(?:for|within|over|in|after|take|took|takes|taking|last|lasted)\s+"
    r"(?P<span>(?P<unit>days|weeks|months|years|decades|centuries|hours|minutes))"
    r"(?!\s+(?:of|old|ago|earlier|later)\b)(?![\w-])"
)
YEAR_NUMBER = (
    rf"{B}{PART}(?P<pre>(?:fiscal|calendar|the\s+year|the\s+fiscal\s+year|fy|"
    r"model\s+year)[\s-]*)?(?P<y>(?:1[0-9]|20)\d\d)(?![\d,.]\d)(?![a-z0-9%$€£/’'-])"
    r"(?!\s*(?:per\s*cent|percent))"
)
DECADE = rf"{B}(?:(?P<the>the)\s+)?{PART}(?P<y>(?:1[0-9]|20)\d0|['’]\d0)['’]?s(?![\w-])"
CENTURY = (
    r"(?<![\w'’])(?:the\s+)?(?:(?P<part>early|late|mid)[\s-]+)?(?P<c>\d{1,2}(?:st|nd|rd|th)|"
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|"
    r"twentieth|twenty[\s-]first)[\s-]+century(?![\w-])"
)
QUARTER = (
    r"(?<![\w'’])(?:(?P<yr1>(?:1[0-9]|20)\d\d)(?:'s)?\s+|(?P<rely>this|last|next)\s+year['’]s\s+"
    r"|(?P<the>the)\s+)?(?:(?P<q>first|second|third|fourth|final|last|latest|current|"
    r"past|previous|year-earlier|year-ago|same|next|recent|1st|2nd|3rd|4th)[\s-]+)?"
    r"(?:(?:fiscal|calendar)[\s-]+)?(?P<q2>first|second|third|fourth)?[\s-]*"
    r"(?:(?P<kind>quarter|half)|(?P<qn>Q[1-4]))(?![\w-])"
    r"(?:\s+(?:of\s+)?(?:(?:fiscal|calendar)\s+)?(?P<yr2>(?:1[0-9]|20)\d\d(?![\d,])|"
    r"(?P<rely2>this|last|next)\s+year))?"
)
COUNTED_PERIOD = (
    r"(?<![\w'’])(?:(?P<the>the)\s+)?(?P<edge>first|last|past|latest)\s+(?P<num>two|three|"
    r"four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+(?P<unit>months|weeks|"
    r"days|years|quarters)(?:\s+of\s+(?:fiscal\s+)?(?P<y>(?:1[0-9]|20)\d\d))?(?![\w-])"
)
SEASON_NAME = (
    rf"{B}(?:(?P<prep>in|during|since|by|until|throughout)\s+)?(?P<span>(?:(?P<det>this|"
    rf"last|next|the|that|early|late|mid|past)[\s-]+)?(?:(?P<part2>early|late|mid)[\s-]+)?"
    rf"(?P<s>{SEASON})(?:\s+(?:of\s+)?(?P<y>{YEAR_ALONE}))?)"
)
MONTH_NAME = rf"{B}{PART}(?P<m>{MONTH})(?!\s*\d)"
RECURRENCE = (
    rf"{B}(?P<w>daily|weekly|monthly|yearly|hourly|nightly|biweekly|"
    rf"(?:every|each|(?P<rate>per))\s+(?:(?P<other>other)\s+)?(?P<unit>{UNIT_SINGULAR}|morning|"
    rf"night|evening|(?P<named_month>{MONTH})|(?P<season>{SEASON}))|(?P<times>twice|once|three\s+times)"
    r"\s+a\s+(?P<per>day|week|month|year))(?![\w-])"
)
HOLIDAY = (
    r"(?<![\w'’])(?P<h>christmas(?:\s+(?:day|eve))?|new\s+year['’]s(?:\s+(?:day|eve))?|"
    r"thanksgiving(?:\s+day)?|easter(?:\s+(?:sunday|monday))?|halloween|"
    r"valentine['’]s\s+day|boxing\s+day)(?:\s+(?P<y>(?:1[0-9]|20)\d\d))?(?![\w-])"
)
ANCHORED = (
    r"(?<![\w'’])(?P<w>(?:the\s+)?(?:next|following|previous|preceding|same|prior)\s+"
    r"(?:day|week|month|year|morning|evening|night|afternoon|spring|summer|autumn|fall|"
    r"winter)|that\s+(?:day|week|month|year|morning|evening|night|afternoon|spring|summer|"
    rf"autumn|fall|winter)|the\s+day\s+(?:before|after){END}|"
    rf"the\s+(?:night|morning|evening)\s+before{END})(?![\w-])"
)
CLOCK_TIME = (
    rf"{B}(?:(?P<approx>around|about|at\s+about|approximately)\s+)?"
    rf"(?P<span>(?P<t>{CLOCK}))(?![\w-])"
)
YEAR_ADJECTIVE = (
    r"(?<![\w'’-])(?P<w>year-earlier|year-ago|year-end|year-before|year-to-date|"
    r"(?<=by\s)year['’]s\s+end|(?<=by\s)year\s+end|(?<=around\s)year\s+end)(?![\w])"
)
THE_WEEKEND = r"(?<![\w'’])the\s+weekend(?![\w-])"
PART_OF_DAY_OF = (
    rf"{B}(?:the\s+)?(?:early\s+)?(?P<pod>morning|afternoon|evening|night)\s+of\s+"
    rf"(?:(?:{WEEKDAY}),?\s+)?(?P<date>{EXPLICIT})"
)
ISO_TIME = (
    r"(?<![\d-])(?P<y>\d{4})-(?P<mo>[01]\d)-(?P<d>[0-3]\d)[T ](?P<h>[01]\d|2[0-3]):"
    r"(?P<mi>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?(?![\d:])"
)
ERA = (
    r"(?<![\w'’.,])(?:(?P<y>\d{1,4})\s*(?P<era>B\.\s?C\.(?:\s?E\.)?|BCE|BC|A\.\s?D\.|AD|CE)"
    r"|(?P<era2>A\.\s?D\.|AD)\s*(?P<y2>\d{1,4}))(?![\w])"
)
YEAR_PERIOD = r"(?<![\w'’])the\s+(?P<y>(?:19|20)\d\d)\s+(?P<unit>period|quarter)(?![\w-])"
DECADE_IN_WORDS = (
    r"(?<![\w'’])the\s+(?:(?P<part>early|late|mid)[\s-]+)?(?:nineteen[\s-]+)?"
    r"(?P<d>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)(?![\w-])"
)
THE_PERIOD = (
    rf"(?<![\w'’]){PART}the\s+(?:(?P<adj>full|current|fiscal|current\s+fiscal|latest|"
    r"latest\s+fiscal|same|whole|entire)\s+)?(?P<unit>year|week|period|month)(?![\w-])"
    r"(?!\s+(?:\d|of\b|before\b|after\b|earlier\b|ago\b|later\b|when\b|in\s+which\b))"
)
YEAR_IN_WORDS = (
    r"(?<![\w'’-])(?:the\s+year\s+)?(?P<c>nineteen|eighteen)[\s-]+(?P<n>(?:ten|eleven|"
    r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)(?![\w-])|"
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|"
    r"four|five|six|seven|eight|nine))?(?![\w-])|hundred(?![\w-]))"
    r"|(?<![\w'’-])the\s+year\s+two\s+thousand(?:\s+and\s+(?P<n2>one|two|three|four|"
    r"five|six|seven|eight|nine|ten))?(?![\w-])"
)

# in priority order (a longer match wins first; among equal lengths, the earlier scanner);
# triggers: the categories of ``dates.TRIGGERS`` (and the numeric ones) whose windows a scanner
# runs on; reach: how far its matches extend before and after a trigger (the most seen on TBAQ
# and WikiWars plus at least 15 characters; lookaheads need a few more), default 25 and 25
SCANNERS: tuple[Scanner, ...] = (
    Scanner("time_date", TIME_DATE, ("CLOCK",), (50, 25)),
    Scanner("weekday_date", WEEKDAY_DATE, ("WD",), (15, 30)),
    Scanner("range", RANGE, ("MON", "YEAR4")),
    Scanner("explicit", EXPLICIT_DATE, ("MON", "DATENUM")),
    Scanner("month_relative_year", MONTH_RELATIVE_YEAR, ("MON",)),
    Scanner("weekday", WEEKDAY_ALONE, ("WD",)),
    Scanner("weekday_set", WEEKDAY_SET, ("WD",)),
    Scanner("ordinal_day", ORDINAL_DAY, ("ORD",), (20, 45)),
    Scanner("relative_word", RELATIVE_WORD, ("REL",)),
    Scanner("relative_unit", RELATIVE_UNIT, ("UNIT", "SEASON", "MON"), (35, 20)),
    Scanner("ago", AGO, ("AGO",), (60, 15)),
    Scanner("vague_ago", VAGUE_AGO, ("AGO",), (25, 15)),
    Scanner("duration", DURATION, ("UNIT",), (45, 20)),
    Scanner("vague_duration", VAGUE_DURATION, ("PLURAL",), (35, 20)),
    Scanner("unbounded_units", UNITS_LONG, ("PLURAL",), (15, 20)),
    Scanner("unbounded_units", BARE_UNITS, ("PLURAL",), (25, 15)),
    Scanner("year", YEAR_NUMBER, ("YEAR4",), (40, 25)),
    Scanner("decade", DECADE, ("YEAR4",)),
    Scanner("century", CENTURY, ("CENT",), (35, 15)),
    Scanner("quarter", QUARTER, ("QUARTER",)),
    Scanner("counted_period", COUNTED_PERIOD, ("PLURAL",), (35, 30)),
    Scanner("season", SEASON_NAME, ("SEASON",)),
    Scanner("month_name", MONTH_NAME, ("MON",)),
    Scanner("recurrence", RECURRENCE, ("SET",), (20, 20)),
    Scanner("holiday", HOLIDAY, ("HOLIDAY",), (15, 20)),
    Scanner("anchored", ANCHORED, ("UNIT", "REL", "SEASON")),
    Scanner("clock", CLOCK_TIME, ("CLOCK",)),
    Scanner("year_adjective", YEAR_ADJECTIVE, ("YEAR",), (15, 25)),
    Scanner("weekend", THE_WEEKEND, ("WEEKEND",), (20, 15)),
    Scanner("part_of_day_of", PART_OF_DAY_OF, ("REL",), (35, 45)),
    Scanner("iso_time", ISO_TIME, ("DATENUM",)),
    Scanner("era", ERA, ("ERA",), (15, 20)),
    Scanner("year_period", YEAR_PERIOD, ("YEAR4",)),
    Scanner("decade_in_words", DECADE_IN_WORDS, ("WORDYEAR",)),
    Scanner("the_period", THE_PERIOD, ("PERIOD",), (40, 20)),
    Scanner("year_in_words", YEAR_IN_WORDS, ("WORDYEAR", "YEAR")),
)
