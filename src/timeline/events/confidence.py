"""A confidence per candidate, in [0, 1]: how likely a reviewer is to accept the row.

The score adds up what the extractor is sure of. Starting from 0.35:

- +0.30 the predicate is in a class of the language data (not ``other``);
- +0.15 the actor names someone (a capitalised word), -0.10 no actor was found in the
  clause (none, or one only implied by the context);
- +0.10 the date is a day (or a range of days), -0.05 only a month, year or vaguer span
  (-0.10 more for a predicate in no class: background, not an event);
- -0.20 the act is stated as a plan ("will visit", "is due to");
- -0.10 a saying verb without a named speaker;
- -0.15 no date in its own sentence: dated by the report's news day;
- a document that is itself the statement or briefing: 0.90.

Review starts with the lowest scores; ``extract_events(min_confidence=...)`` drops rows below
a threshold (the README reports the precision/recall trade-off it gives).
"""

from __future__ import annotations

from timeline.events.actors import named
from timeline.events.model import Candidate


def score(cand: Candidate) -> float:
    """The confidence of one candidate (see the module docstring).

    >>> import datetime as dt
    >>> from timeline.events.model import When
    >>> day = When(dt.date(2021, 5, 3), dt.date(2021, 5, 3), "day")
    >>> score(Candidate("d", (0, 1), (0, 9), "expel", "162", "expulsion", day, actor="Arvelia"))
    0.9
    """
    if cand.document_act:
        return 0.9
    value = 0.35
    if cand.code != "000":
        value += 0.30
    if cand.actor and named(cand.actor) and not cand.actor_implied:
        value += 0.15
    elif not cand.actor or cand.actor_implied:
        value -= 0.10
    value += 0.10 if cand.when.precision == "day" else -0.05
    if cand.code == "000" and cand.when.precision != "day":
        value -= 0.10  # an unknown predicate with only a year or a vague span: background
    if cand.planned:
        value -= 0.20
    if cand.speech and not (cand.actor and named(cand.actor)):
        value -= 0.10
    if cand.news_day:
        value -= 0.15
    return round(min(1.0, max(0.0, value)), 2)
