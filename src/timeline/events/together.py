"""Acts told in one breath with a dated one, which share its date: "said yesterday it was
expelling the ambassador and recalling its envoy while freezing all new trade".
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from timeline.events.clauses import (
    _NOUN_POS,
    Clause,
    PredicateClass,
    _lemma,
    _noun_clause,
    _objects,
    _verb_lemma,
    subject_of,
    verb_class,
)
from timeline.events.idioms import has_date
from timeline.events.words import Words


def conjoined(found: Clause, words: Words) -> list[Clause]:
    """The other classed acts told in the same breath as a dated one, which share its date:
    verbs conjoined with its verb ("expelled the ambassador and recalled its envoy on
    Monday"; "expressed regret on Friday, and the minister summoned the envoy"), a
    participle of its verb with no subject of its own ("..., while freezing all new
    trade"), and event nouns conjoined with its noun ("the expulsion and the recall").
    Only material acts that hurt relations count (``_HOSTILE_ROOTS``: "expelled the
    ambassador, recalled its envoy and froze trade"); an act with a date of its own is its
    own clause."""
    out: list[Clause] = []
    frontier = _starts(found)
    seen = {t.i for t in frontier}
    while frontier:
        tok = frontier.pop()
        for child in tok.children:
            if child.i in seen:
                continue
            verb = child.pos_ == "VERB"
            # a clause joined with a subject of its own ("..., and the minister summoned the
            # envoy") is told in the same breath too
            joined = child.dep_ == "conj"
            participle = (
                verb
                and child.dep_ == "advcl"
                and child.tag_ == "VBG"
                and not _own_subject(child)
                and any(c.lower_ in words.SIMULTANEOUS for c in child.children if c.dep_ == "mark")
            )
            if not (joined or participle) or has_date(child):
                continue
            seen.add(child.i)
            frontier.append(child)
            nominal = child.pos_ in _NOUN_POS
            if not (nominal or verb):
                continue
            lemma = _lemma(child) if nominal else _verb_lemma(child, words)
            cls = words.nouns.get(lemma) if nominal else verb_class(child, words)
            if lemma in words.LIGHT_VERBS and not nominal:
                light = _noun_clause(child, lemma, None, found.planned, words)
                if light is not None and _hostile(light.cls):  # "... and imposed sanctions"
                    out.append(replace(light, subject=light.subject or found.subject))
                continue
            if cls is None or lemma in words.SPEECH or not _hostile(cls):
                continue
            subject = subject_of(child, words) or found.subject
            out.append(
                Clause(child, lemma, cls, nominal, subject, _objects(child), found.planned, False)
            )
    return out


def following(found: Clause, words: Words) -> list[Clause]:
    """The act of the clause a dated event noun sets the scene for with "following" or
    "after" (``FOLLOWING``): "After a council session on Monday, the minister issued a
    statement" (the statement is dated by the session's day, as a report tells it). Not when
    the act has a date of its own (nor the act a saying reports), the preposition an offset
    ("weeks after the vote"), or the act is told in the perfect ("has condemned")."""
    from timeline.events.clauses import clause

    head = found.head
    reported = _according_to(found, words)
    if reported is not None:
        return reported
    if not found.nominal or head.dep_ != "pobj":
        return []
    prep = head.head
    if prep.dep_ != "prep" or prep.lower_ not in words.FOLLOWING:
        return []
    if any(c.dep_ in ("npadvmod", "advmod") for c in prep.children):
        return []  # "weeks after the election on 3 March": an offset, not that day
    verb = prep.head
    if verb.pos_ != "VERB" or not _own_subject(verb) or has_date(verb, prep):
        return []
    act = clause(verb, words)
    if act is None or act.planned or act.cls.code == "000" or act.head.i == head.i:
        return []
    if has_date(act.head, prep) or any(
        c.dep_ == "aux" and c.lemma_.lower() == "have" for c in (*verb.children, *act.head.children)
    ):
        return []  # "said Valdoria had recalled its envoy in 2029", "has condemned"
    return [act]


def _according_to(found: Clause, words: Words) -> list[Clause] | None:
    """The act a dated report is cited for ("According to a statement released by the
    ministry on Saturday, Arvelia recalled its envoy": the recall, by Saturday), [] when it
    has a date of its own or is planned, or None when the dated words cite no report."""
    from timeline.events.clauses import clause

    noun = found.head
    if noun.dep_ == "acl" and noun.head.pos_ in _NOUN_POS:
        noun = noun.head  # "a statement released on Saturday"
    to = noun.head
    if noun.dep_ != "pobj" or to.head.lower_ not in words.ACCORDING or to.head.i == to.i:
        return None
    verb = to.head.head
    if verb.tag_ != "VBD" or not _own_subject(verb) or has_date(verb, to.head):
        return []  # a past act: not "has long opposed", "rejects", "is preparing to"
    act = clause(verb, words)
    if act is None or act.planned or act.cls.code == "000" or has_date(act.head, to.head):
        return []
    return [act]


# CAMEO roots of acts a report lists in one breath, each an event of its own: force posture,
# reducing relations (summons, expulsions, recalls, sanctions), coercion, assault, fighting.
# Words told with an act ("summoned the envoy and handed him a protest") are the same event.
# (The language's classes 200 and up are elections, inaugurations, debates and publications,
# not CAMEO's root 20.)
_HOSTILE_ROOTS = frozenset({"15", "16", "17", "18", "19"})


def _hostile(cls: PredicateClass) -> bool:
    return cls.code[:2] in _HOSTILE_ROOTS


def _starts(found: Clause) -> list[Any]:
    """Where conjoined acts hang: the act's own token, and the verb of a light verb's event
    noun ("imposed sanctions on X and expelled ...": the verb "imposed")."""
    head = found.head
    if found.nominal and head.dep_ in ("dobj", "nsubjpass") and head.head.pos_ == "VERB":
        return [head, head.head]
    return [head]


def _own_subject(tok: Any) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
