"""The language data the event engine reads: ``lang/<code>/events.py`` (words and classes),
``lang/<code>/idioms.py`` (the words of the clause idioms and attribution rules) and
``lang/<code>/genres.py`` (page layouts), English by default."""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass, field
from functools import cache
from types import ModuleType


@dataclass(frozen=True)
class PredicateClass:
    """One class of predicates: a CAMEO-style code and the category a person reads."""

    code: str
    category: str


@dataclass(frozen=True)
class Words:
    """A language's event words, compiled once: lemma tables and layout patterns."""

    module: ModuleType
    idioms: ModuleType
    verbs: dict[str, PredicateClass]
    nouns: dict[str, PredicateClass]
    header_lines: tuple[re.Pattern[str], ...]
    caption_marks: tuple[re.Pattern[str], ...]
    dateline: re.Pattern[str]
    turn: re.Pattern[str]
    statement_title: re.Pattern[str]
    briefing_title: re.Pattern[str]
    # the -ing noun of each classed verb -> the verb ("summoning" -> "summon"): what a
    # reaction's words name ("criticised the summoning of its envoy": the summons)
    gerund_verbs: dict[str, str] = field(default_factory=dict)

    def __getattr__(self, name: str):
        if hasattr(self.module, name):
            return getattr(self.module, name)
        return getattr(self.idioms, name)


@cache
def words_for(language: str = "en") -> Words:
    """The compiled event words of a language (English when the language has none).

    >>> words_for("en").verbs["expel"].category
    'expulsion'
    """
    code = (language or "en").split("-")[0].lower()
    try:
        module = importlib.import_module(f"timeline.lang.{code}.events")
    except ModuleNotFoundError:
        code = "en"
        module = importlib.import_module("timeline.lang.en.events")
    try:
        idioms = importlib.import_module(f"timeline.lang.{code}.idioms")
    except ModuleNotFoundError:  # a language without idioms of its own reads the English ones
        idioms = importlib.import_module("timeline.lang.en.idioms")
    try:
        genres = importlib.import_module(f"timeline.lang.{code}.genres")
    except ModuleNotFoundError:  # a language with words but no layouts of its own
        genres = importlib.import_module("timeline.lang.en.genres")
    verbs: dict[str, PredicateClass] = {}
    nouns: dict[str, PredicateClass] = {}
    for code_, category, verb_lemmas, noun_lemmas in module.CLASSES:
        cls = PredicateClass(code_, category)
        for lemma in verb_lemmas:
            verbs.setdefault(lemma, cls)
        for lemma in noun_lemmas:
            nouns.setdefault(lemma, cls)
    gerunds = getattr(idioms, "gerunds", None)
    gerund_classes = getattr(idioms, "GERUND_CLASSES", frozenset())
    gerund_verbs: dict[str, str] = {}
    gerund_names = getattr(idioms, "GERUND_NAMES", frozenset())
    for lemma, cls in list(verbs.items()) if gerunds else ():
        for form in gerunds(lemma):
            if cls.code in gerund_names:
                gerund_verbs.setdefault(form, lemma)
            if cls.code in gerund_classes:  # "the calling", "the posting" mean something else
                nouns.setdefault(form, cls)  # "the shelling": the verb's class (listed first)
    flags = re.IGNORECASE
    return Words(
        module=module,
        idioms=idioms,
        verbs=verbs,
        nouns=nouns,
        header_lines=tuple(re.compile(p, flags) for p in genres.HEADER_LINES),
        caption_marks=tuple(re.compile(p, flags) for p in genres.CAPTION_MARKS),
        dateline=re.compile(genres.DATELINE),
        turn=re.compile(genres.TURN, flags),
        statement_title=re.compile(genres.STATEMENT_TITLE, flags),
        briefing_title=re.compile(genres.BRIEFING_TITLE, flags),
        gerund_verbs=gerund_verbs,
    )
