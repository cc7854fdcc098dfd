"""The records the event passes share: a resolved date and a candidate event."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class When:
    """A resolved date: bounds, precision, and the surface and offsets of its mention."""

    start: dt.date | None
    end: dt.date | None
    precision: str
    text: str = ""
    span: tuple[int, int] | None = None


@dataclass(frozen=True)
class Derived:
    """A date the engine works out rather than reads (a mention-like record): "two days after
    the police entered", when the main clause is dated Friday, dates the entering on
    Wednesday; "has lodged a protest" only precedes the publication (``earliest`` None)."""

    text: str
    start: int
    end: int
    earliest: dt.date | None
    latest: dt.date
    value: str = ""
    type: str = "DATE"


@dataclass
class Candidate:
    """One event found in one document; passes fill it in, in the order ``PASSES`` declares.

    ``predicate`` and ``sentence`` are character spans in the document; ``code`` and
    ``category`` the predicate class (``other`` when the lemma is in no class);
    ``confidence`` a score in [0, 1] (see ``timeline.events.confidence``).
    """

    doc_id: str
    predicate: tuple[int, int]
    sentence: tuple[int, int]
    lemma: str
    code: str
    category: str
    when: When
    actor: str = ""
    actor_span: tuple[int, int] | None = None
    actor_implied: bool = False  # no agent in the clause: the party named last before it
    actor_plural: bool = False  # the actor is plural ("diplomats", "Orvo and Lirria")
    theme: str = ""  # a thing as subject, with no party of its own ("the trial opened")
    # the predicate span of the dated act this one is told with ("expelled X and recalled Y
    # on Monday"): the two answer the same thing, never each other
    told_with: tuple[int, int] | None = None
    about: frozenset[str] = frozenset()
    context: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()
    document: frozenset[str] = frozenset()
    # the proper names of each document the row is told by (what tells two stories apart)
    story_names: dict[str, frozenset[str]] = field(default_factory=dict)
    nominal: bool = False
    points_back: bool = False  # its objects point back at an act ("condemned the move")
    planned: bool = False
    speech: bool = False
    # a saying's reported clause (a character span): what it says, never what it answers
    reports: tuple[int, int] | None = None
    document_act: bool = False
    # no date in its own sentence: dated by the report's news day (``undated``)
    news_day: bool = False
    confidence: float = 0.0
    kind: str = "event"
    target: int | None = None
    docs: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
