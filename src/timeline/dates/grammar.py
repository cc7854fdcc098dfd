"""A language's date grammar compiled once: its scanners, explicit date forms and cues.

``grammar_for(language)`` compiles the regular expressions a ``DateLanguage`` holds as text
(on first use, then cached per language) and indexes its trigger words by category.

>>> from timeline.lang import date_language
>>> g = grammar_for(date_language("en"))
>>> g.names[0], "MON" in g.trigger_index["july"]
('time_date', True)
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from timeline.lang import DateLanguage

__all__ = ["Grammar", "grammar_for"]


class Grammar(NamedTuple):
    """A language's compiled scanners, explicit date forms, cues and trigger index."""

    names: tuple[str, ...]
    scanners: tuple[re.Pattern[str], ...]
    triggers: tuple[tuple[str, ...], ...]
    reaches: tuple[tuple[int, int], ...]
    explicit: dict[str, re.Pattern[str]]
    cues: dict[str, re.Pattern[str]]
    trigger_token: re.Pattern[str]
    trigger_index: dict[str, tuple[str, ...]]
    next_word: re.Pattern[str]
    clause_break: re.Pattern[str]

    def scanner(self, name: str) -> re.Pattern[str] | None:
        """The compiled scanner called ``name``, if the language has one."""
        return self.scanners[self.names.index(name)] if name in self.names else None


def _fill(template: str, d: str, m: str, y: str) -> str:
    return template.replace("{d}", d).replace("{m}", m).replace("{y}", y)


def _trigger_index(lang: DateLanguage) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for category, words in lang.triggers.items():
        for w in words.split():
            out[w] = (*out.get(w, ()), category)
    return out


_NEVER = r"(?!)"


@lru_cache(maxsize=16)
def grammar_for(lang: DateLanguage) -> Grammar:
    """Compile ``lang``'s patterns (cached: a language is compiled once)."""
    explicit = {
        kind: re.compile(_fill(t, "(?P<d>", "(?P<m>", "(?P<y>"), re.I)
        for kind, t in lang.explicit_forms
    }
    cues = {role: re.compile(pattern) for role, pattern in lang.cues.items()}
    return Grammar(
        names=tuple(s.name for s in lang.scanners),
        scanners=tuple(re.compile(s.pattern, re.I) for s in lang.scanners),
        triggers=tuple(s.triggers for s in lang.scanners),
        reaches=tuple(s.reach or lang.default_reach for s in lang.scanners),
        explicit=explicit,
        cues=cues,
        trigger_token=re.compile(lang.trigger_token),
        trigger_index=_trigger_index(lang),
        next_word=re.compile(lang.cues.get("next_word", _NEVER)),
        clause_break=re.compile(lang.cues.get("clause_break", _NEVER)),
    )
