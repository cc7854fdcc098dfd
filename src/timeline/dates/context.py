"""What a handler reads besides its match: the text, the reference, the language and the
dates mentioned so far (``State``), and the small word readers every handler shares."""

from __future__ import annotations

import datetime
import re

from timeline.dates.grammar import Grammar, grammar_for
from timeline.lang import DateLanguage

__all__ = ["State"]


class State:
    """What normalisation needs besides the match: reference, anchor mode, last dates seen."""

    def __init__(
        self, text: str, ref: datetime.date | None, anchor: str, lang: DateLanguage
    ) -> None:
        self.text = text
        self.ref = ref
        self.narrative = anchor == "narrative"
        self.lang = lang
        self.grammar: Grammar = grammar_for(lang)
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
    def anchored(self) -> bool:
        """Whether relative expressions resolve against a date of the narrative."""
        return self.narrative and self.last_abs is not None

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

    def cue(self, role: str, text: str, pos: int = 0, how: str = "search") -> bool:
        """Whether the language's cue ``role`` matches ``text`` (never, if it has none)."""
        rx = self.grammar.cues.get(role)
        if rx is None:
            return False
        if how == "match":
            return rx.match(text, pos) is not None
        return rx.search(text, pos) is not None

    def before(self, start: int, size: int) -> str:
        """The ``size`` characters before offset ``start``."""
        return self.text[max(0, start - size) : start]

    def after(self, end: int, size: int) -> str:
        """The ``size`` characters from offset ``end``."""
        return self.text[end : end + size]

    def next_word(self, end: int, size: int = 20) -> str | None:
        """The lower-case word right after offset ``end`` (only spaces between), if any."""
        m = self.grammar.next_word.match(self.text, end, min(len(self.text), end + size))
        return m.group(1) if m else None


def future_context(state: State, start: int, end: int) -> bool:
    """Whether the clause around a mention reads as future (so a weekday points forward)."""
    before = state.before(start, 80)
    cuts = [mm.end() for mm in state.grammar.clause_break.finditer(before)]
    clause = before[cuts[-1] :] if cuts else before
    if state.cue("future", clause):
        return True
    return state.cue("future_after", state.after(end, 40), how="match")


def perfect_context(state: State, start: int) -> bool:
    """A duration like "for almost three years" after a present perfect verb ends now."""
    before = state.before(start, 100)
    cut = max(before.rfind(". "), before.rfind("\n"))
    clause = before[cut + 1 :]
    return state.cue("perfect", clause) and state.cue("perfect_preposition", clause)


def is_capitalised(state: State, word: str) -> bool:
    """A month or weekday name is capitalised (always true in a language without case)."""
    w = word.strip()
    if not state.lang.cased:
        return bool(w)
    return bool(w) and w[0].isupper()


def words_of(phrase: str | None) -> list[str]:
    """The lower-case words of ``phrase``."""
    return re.findall(r"[^\W\d_]+", (phrase or "").lower())


def squeeze(phrase: str) -> str:
    """``phrase`` in lower case with every run of spaces made one space."""
    return re.sub(r"\s+", " ", phrase.lower())


def part_mod(state: State, part: str | None) -> str:
    """TimeML's START/MID/END for "early", "mid-", "the end of" ... (empty for none)."""
    for w in words_of(part):
        mod = state.lang.word("part", w)
        if mod is not None:
            return mod
    return ""


def half_of(state: State, part: str | None) -> int | None:
    """1 or 2 for "the first half of", "the second half of" ...; None for no half."""
    words = words_of(part)
    if not any(state.lang.has("half", w) for w in words):
        return None
    return next(
        (state.lang.word("which_half", w) for w in words if state.lang.has("which_half", w)), None
    )


def month_number(state: State, s: str) -> int | None:
    """The month a name or a number of digits stands for."""
    key = s.lower().rstrip(".").strip()
    if key.isdigit():
        return int(key)
    return state.lang.word("month", key)


def weekday_number(state: State, s: str) -> int | None:
    """The ISO weekday (1 = Monday) a weekday name stands for."""
    return state.lang.word("weekday", s.lower().rstrip(".").strip())


def day_number(s: str) -> int:
    """The number a day of the month starts with ("5th" is 5)."""
    return int(re.match(r"\d+", s).group())  # type: ignore[union-attr]


def year_number(s: str, state: State | None = None) -> int:
    """A year as written; two digits ("'98", "98") take the century nearest the reference."""
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


def count_of(state: State, s: str) -> int | None:
    """The count in a duration phrase (``None`` for vague counts like "several")."""
    s = re.sub(r"\s+", " ", s.lower().strip())
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", s):
        return int(s.replace(",", ""))
    if re.fullmatch(r"\d+\.\d+|\d+ 1/2", s) or state.cue("count_range", s, how="match"):
        return None
    numbers = state.lang.table("number")
    if s in numbers:
        return numbers[s]
    parts = re.split(r"[\s-]", s)
    if len(parts) == 2 and parts[0] in numbers and parts[1] in numbers:
        return numbers[parts[0]] + numbers[parts[1]]
    return None


def unit_of(state: State, word: str) -> str:
    """The unit (day, week, ...) a unit word stands for ("centuries" is century)."""
    return state.lang.word("unit", word.lower(), word.lower())
