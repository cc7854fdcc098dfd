"""Linking: which earlier event a reaction answers, or none.

A candidate of a reactive class (statements, briefings, calls, protests, rejections,
expulsions, sanctions ...) answers the earlier event that scores best, if any scores at
least ``THRESHOLD``:

- +3 its objects name the event: the event's predicate lemma, or a word of the same class
  family ("the expulsion" names an act of expelling); +2 when only its sentence does;
- +2 the event is told in the reaction's own document;
- +1 the event is of a class others react to (attacks, detentions, reports, expulsions ...),
  -1 when it is not (and the pair is not in kind);
- +1 in kind: an expulsion answering an expulsion, a summons answering a recall;
- +1 the actors name different parties; -2 they name the same one.

There is no fallback: when nothing reaches the threshold, ``responds_to`` stays empty. Ties
go to the nearest earlier event. A row that answers another is a ``response``.
"""

from __future__ import annotations

from timeline.events.merging import family
from timeline.events.model import Candidate
from timeline.events.words import Words
from timeline.parties import party_keys

THRESHOLD = 4


def link(rows: list[Candidate], words: Words) -> None:
    """Set ``target`` (an index into rows) and ``kind`` on every row that answers another."""
    by_start = sorted(range(len(rows)), key=lambda k: (rows[k].when.end or rows[k].when.start))
    parties = [party_keys(r.actor) for r in rows]
    for i, row in enumerate(rows):
        if row.code not in words.REACTIVE or row.when.start is None:
            continue
        best = None
        for k in by_start:
            target = rows[k]
            if k == i or not _earlier(target, row):
                continue
            score = _score(row, target, parties[i], parties[k], words)
            if score < THRESHOLD:
                continue
            distance = (row.when.start - (target.when.end or target.when.start)).days
            key = (score, -distance)
            if best is None or key > best[0]:
                best = (key, k)
        if best is not None:
            row.target = best[1]
            row.kind = "response"


def _earlier(target: Candidate, row: Candidate) -> bool:
    """The target happened before the row (the same day only when told before it)."""
    end = target.when.end or target.when.start
    if end is None or row.when.start is None:
        return False
    if end < row.when.start:
        return True
    return end == row.when.start and target.when.start == row.when.start and (
        (target.doc_id == row.doc_id and target.predicate < row.predicate and family(target.code) != family(row.code))
    )


def _score(row: Candidate, target: Candidate, mine: set[str], theirs: set[str], words: Words) -> int:
    score = 0
    fam = family(target.code)
    named = {target.lemma} | (
        {lemma for lemma in row.about | row.context if family(_code(lemma, words)) == fam}
        if target.code != "000"
        else set()
    )
    if row.about & named:
        score += 3
    elif row.context & named:
        score += 2
    if row.doc_id in target.docs or target.doc_id in row.docs:
        score += 2
    if target.code in words.SALIENT:
        score += 1
    elif not (row.code in words.IN_KIND and target.code in words.IN_KIND):
        score -= 1
    if row.code in words.IN_KIND and target.code in words.IN_KIND:
        score += 1
    if mine and theirs:
        score += 1 if not (mine & theirs) else -2
    return score


def _code(lemma: str, words: Words) -> str:
    cls = words.verbs.get(lemma) or words.nouns.get(lemma)
    return cls.code if cls else ""
