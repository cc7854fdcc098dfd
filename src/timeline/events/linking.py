"""Linking: which earlier event a reaction answers, or none.

A candidate of a reactive class (statements, briefings, calls, protests, rejections,
expulsions, sanctions ...) answers the earlier event that scores best, if any scores at
least ``THRESHOLD``; a candidate of another class (a vote, a resolution) only an event its
own objects name, scoring at least ``THRESHOLD_OTHER``:

Only an event told in the reaction's own document, or one whose sentences share two proper
names with the reaction's (the same story), can be answered. Then:

- +4 its objects name the event: the event's predicate lemma, or a word of the same class
  family ("the expulsion" names an act of expelling); +3 when only its sentence does, +2
  when only its document does;
- +2 the event is told in the reaction's own document;
- +1 their sentences share a proper name, +1 more when they share three;
- +1 the event is told by three documents or more (the story's focal event);
- +1 the event is of a class others react to (attacks, detentions, reports, expulsions ...);
- -1 the event happened the same day (a same-day event in the same document must be told
  before the reaction); -1 more than two months before, -3 more than a year before;
- +1 in kind: an expulsion answering an expulsion, a summons answering a recall;
- +1 the actors name different parties; -2 they name the same one.

A document's own act (the statement it is) comes after everything the document tells, so no
row of that document answers it.

There is no fallback: when nothing reaches the threshold, ``responds_to`` stays empty. Ties
go to the nearest earlier event. A row that answers another is a ``response``.
"""

from __future__ import annotations

from timeline.events.merging import family
from timeline.events.model import Candidate
from timeline.events.words import Words
from timeline.parties import party_keys

THRESHOLD = 4
# Rows of other classes (a vote, a resolution, an unknown predicate) answer an event only
# when they name it and score at least this.
THRESHOLD_OTHER = 6


def link(rows: list[Candidate], words: Words) -> None:
    """Set ``target`` (an index into rows) and ``kind`` on every row that answers another."""
    by_start = sorted(range(len(rows)), key=lambda k: rows[k].when.end or rows[k].when.start)
    parties = [party_keys(r.actor) for r in rows]
    for i, row in enumerate(rows):
        if row.when.start is None:
            continue
        needed = THRESHOLD if row.code in words.REACTIVE else THRESHOLD_OTHER
        best = None
        for k in by_start:
            target = rows[k]
            if k == i or not _earlier(target, row) or _reaches(rows, k, i):
                continue
            score = _score(row, target, parties[i], parties[k], words)
            if score < needed or (needed == THRESHOLD_OTHER and not _names(row, target, words)):
                continue
            distance = (row.when.start - (target.when.end or target.when.start)).days
            key = (score, -distance)
            if best is None or key > best[0]:
                best = (key, k)
        if best is not None:
            row.target = best[1]
            row.kind = "response"


def _reaches(rows: list[Candidate], start: int, goal: int) -> bool:
    """Whether following responds_to links from ``start`` reaches ``goal`` (a loop)."""
    seen = set()
    k: int | None = start
    while k is not None and k not in seen:
        if k == goal:
            return True
        seen.add(k)
        k = rows[k].target
    return False


def _earlier(target: Candidate, row: Candidate) -> bool:
    """The target happened before the row, or the same day (not the same predicate)."""
    end = target.when.end or target.when.start
    if end is None or row.when.start is None or target.when.start is None:
        return False
    if target.when.start > row.when.start or end > (row.when.end or row.when.start):
        return False
    if target.doc_id == row.doc_id and target.predicate == row.predicate:
        return False
    if target.document_act and (row.doc_id in target.docs or target.doc_id in row.docs):
        return False  # a document's own act comes after everything the document tells
    if end == row.when.start and target.doc_id == row.doc_id:
        return target.predicate < row.predicate
    return True


def _score(
    row: Candidate, target: Candidate, mine: set[str], theirs: set[str], words: Words
) -> int:
    same_doc = row.doc_id in target.docs or target.doc_id in row.docs
    story = len(row.names & target.names)
    if not same_doc and story < 2:
        return 0  # another story: nothing ties the two documents together
    score = 0
    fam = family(target.code)
    named = {target.lemma} | (
        {lemma for lemma in row.about | row.context if family(_code(lemma, words)) == fam}
        if target.code != "000"
        else set()
    )
    if row.about & named:
        score += 4
    elif row.context & named:
        score += 3
    elif row.document & named:
        score += 2
    score += 2 if same_doc else 0
    score += 1 if story >= 1 else 0
    score += 1 if story >= 3 else 0
    score += 1 if len(target.docs) >= 3 else 0
    if target.code in words.SALIENT:
        score += 1
    if row.code in words.IN_KIND and target.code in words.IN_KIND:
        score += 1
    if mine and theirs:
        score += 1 if not (mine & theirs) else -2
    gap = (row.when.start - (target.when.end or target.when.start)).days
    if gap == 0:
        score -= 1
    elif gap > 365:
        score -= 3
    elif gap > 60:
        score -= 1
    return score


def _names(row: Candidate, target: Candidate, words: Words) -> bool:
    """Whether the row's own objects name the target event (its lemma or its class family)."""
    fam = family(target.code)
    if target.lemma in row.about:
        return True
    return target.code != "000" and any(family(_code(lemma, words)) == fam for lemma in row.about)


def _code(lemma: str, words: Words) -> str:
    cls = words.verbs.get(lemma) or words.nouns.get(lemma)
    return cls.code if cls else ""
