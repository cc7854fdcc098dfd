"""The record a language gives the date finder: its scanners and its words, as data.

A ``DateLanguage`` holds everything language-specific that ``timeline.dates`` needs:

- ``scanners``: named regular expressions in priority order (the name picks the handler in
  ``timeline.dates.handlers`` that turns a match into a TimeML value), each with the trigger
  categories around which it runs and how far its matches reach from a trigger;
- ``explicit_forms``: the forms of a written calendar date, as templates whose ``{d}``,
  ``{m}``, ``{y}`` open the day, month and year groups (a month group of digits is a number,
  otherwise a name looked up in ``words["month"]``);
- ``triggers``: trigger words by category, and how words are cut out of the text;
- ``words``: word tables by role, each mapping a lower-case word or phrase to what it means
  to the engine (a number, a unit, a TimeML code, a step of -1/0/+1, or ``True`` for a plain
  set); a role a language leaves out is empty;
- ``cues``: regular expressions by role for the context checks handlers make ("will" before
  a weekday, "No." before a number); a role a language leaves out never matches.

The roles, with the English entries as examples, are listed in ``timeline.lang.en.dates``.
Nothing here is compiled: ``timeline.dates.grammar`` compiles a language on first use.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

__all__ = ["DateLanguage", "Scanner"]

_EMPTY: Mapping[str, Any] = MappingProxyType({})


@dataclass(frozen=True)
class Scanner:
    """One scanner: a handler name, its pattern, its trigger categories and its reach.

    ``pattern`` is compiled case-insensitively. ``reach`` is how many characters a match
    extends before and after its trigger (``None``: the language's ``default_reach``).

    >>> Scanner("year", r"(?P<y>\\d{4})", ("YEAR4",)).reach is None
    True
    """

    name: str
    pattern: str
    triggers: tuple[str, ...]
    reach: tuple[int, int] | None = None


@dataclass(frozen=True, eq=False)
class DateLanguage:
    """Everything the date finder knows about one language (see the module docstring).

    Equality is identity, so a language can key a cache of its compiled grammar.

    >>> lang = DateLanguage("xx", scanners=(), words={"month": {"jan": 1}})
    >>> lang.word("month", "jan"), lang.word("weekday", "mon")
    (1, None)
    """

    code: str
    scanners: tuple[Scanner, ...]
    explicit_forms: tuple[tuple[str, str], ...] = ()
    words: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    cues: Mapping[str, str] = field(default_factory=dict)
    triggers: Mapping[str, str] = field(default_factory=dict)
    trigger_token: str = r"[^\W\d_]+"
    word_boundaries: bool = True
    cased: bool = True
    numeric_triggers: bool = True
    default_reach: tuple[int, int] = (25, 25)

    def table(self, role: str) -> Mapping[str, Any]:
        """The word table of ``role`` (empty when the language has none)."""
        return self.words.get(role, _EMPTY)

    def word(self, role: str, word: str, default: Any = None) -> Any:
        """What ``word`` means in the table of ``role``, else ``default``."""
        return self.words.get(role, _EMPTY).get(word, default)

    def has(self, role: str, word: str) -> bool:
        """Whether ``word`` is in the table of ``role``."""
        return word in self.words.get(role, _EMPTY)
