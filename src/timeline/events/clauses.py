"""Dated clauses: from a date mention to the predicate it modifies, its subject and object.

Every usable date mention anchors the clause it modifies. Climbing the dependency parse from
the mention reaches the predicate: a verb ("expelled ... on Monday"), or an event noun ("the
8 November elections", "a meeting on 6 June"). A light verb hands over to its object noun
("held talks", "issued a statement"); a raising verb to its complement ("was due to
convene"). The predicate's lemma picks its class from the language data; a lemma in no class
still makes an event, of class ``other``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from timeline.events.words import PredicateClass, Words

OTHER = PredicateClass("000", "other")
_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "conj", "relcl", "acl", "ROOT", "parataxis", "pcomp"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
_NOUN_POS = frozenset({"NOUN", "PROPN"})


@dataclass(frozen=True)
class Clause:
    """The predicate a date anchors: its token, class and the tokens of subject and object."""

    head: Any
    lemma: str
    cls: PredicateClass
    nominal: bool
    subject: Any | None
    objects: tuple[Any, ...]
    planned: bool
    speech: bool


def mention_tokens(sent: Any, start: int, end: int) -> list[Any]:
    """Tokens of a parsed sentence that overlap the character span [start, end)."""
    return [t for t in sent if t.idx < end and t.idx + len(t.text) > start]


def anchor(tokens: list[Any], words: Words) -> Any | None:
    """The predicate token a date mention's tokens modify (a verb or an event noun)."""
    if not tokens:
        return None
    inside = {t.i for t in tokens}
    root = next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[-1])
    tok = root
    for _ in range(10):
        head = tok.head
        if head.i == tok.i:
            break
        if head.pos_ in ("VERB", "AUX"):
            return head
        if head.pos_ in _NOUN_POS and _event_noun(head, words):
            return head
        tok = head
    if tok.pos_ in ("VERB", "AUX") or (tok.pos_ in _NOUN_POS and _event_noun(tok, words)):
        return tok
    return tok if tok.i not in inside else None


def clause(head: Any, words: Words) -> Clause | None:
    """The clause of a predicate token: light and raising verbs hand over to their complement."""
    raised = _through_raising(head, words)
    if raised.i != head.i and subject_of(raised, words) is None:
        found = clause(raised, words)
        if found is not None and found.subject is None:
            found = Clause(found.head, found.lemma, found.cls, found.nominal, subject_of(head, words),
                           found.objects, found.planned or _lemma(head) in words.RAISING or head.pos_ == "AUX" and any(c.lower_ in words.FUTURE_MARKERS for c in head.children), found.speech)
        return found
    head = raised
    lemma = _lemma(head)
    nominal = head.pos_ in _NOUN_POS
    cls = (words.nouns if nominal else words.verbs).get(lemma)
    if not nominal and (cls is None or lemma in words.LIGHT_VERBS):
        noun = _light_object(head, words)
        if noun is not None:
            return Clause(
                noun, _lemma(noun), words.nouns[_lemma(noun)], True, subject_of(head, words),
                _objects(noun), _planned(head, words), False,
            )
    if cls is None and not nominal:
        subject = subject_of(head, words)
        if subject is not None and _lemma(subject) in words.nouns and subject.dep_ == "nsubj":
            # "a clash took place", "the face-off happened": the event is the subject noun
            return Clause(subject, _lemma(subject), words.nouns[_lemma(subject)], True,
                          subject_of(subject, words), _objects(subject), _planned(head, words), False)
    if cls is None:
        if nominal and not _event_noun(head, words):
            return None
        cls = OTHER
    if head.pos_ == "AUX" and not nominal:
        return None
    subject = subject_of(head, words)
    return Clause(
        head, lemma, cls, nominal, subject, _objects(head), _planned(head, words),
        not nominal and lemma in words.SPEECH,
    )


def subject_of(head: Any, words: Words) -> Any | None:
    """The token heading the actor of a predicate: subject, agent, possessor or inherited."""
    for child in head.children:
        if child.dep_ == "agent":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    for child in head.children:
        if child.dep_ in _SUBJECTS and child.dep_ != "nsubjpass":
            return child
    if head.pos_ in _NOUN_POS:
        for child in head.children:
            if child.dep_ == "poss" or (child.dep_ == "compound" and child.ent_type_ in ("GPE", "ORG", "NORP", "PERSON")):
                return child
            if child.dep_ == "amod" and child.ent_type_ == "NORP":
                return child
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "by":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
        if head.dep_ in ("dobj", "attr", "nsubjpass") and head.head.i != head.i:
            return subject_of(head.head, words)
        return None
    if head.dep_ in ("xcomp", "conj", "advcl") and head.head.i != head.i:
        if head.dep_ == "advcl" and any(c.dep_ == "mark" for c in head.children):
            return None
        return subject_of(head.head, words)
    if head.dep_ in ("acl", "relcl") and head.head.pos_ in _NOUN_POS:
        return None
    return None


def _through_raising(head: Any, words: Words) -> Any:
    """'was due to convene', 'is set to visit': the complement verb is the event."""
    for _ in range(3):
        if _lemma(head) not in words.RAISING and head.pos_ != "AUX":
            return head
        comp = next((c for c in head.children if c.dep_ in ("xcomp", "acomp") ), None)
        if comp is None:
            return head
        if comp.pos_ == "ADJ":
            comp = next((c for c in comp.children if c.dep_ == "xcomp"), comp)
        if comp.pos_ not in ("VERB",):
            return head
        head = comp
    return head


def _light_object(head: Any, words: Words) -> Any | None:
    """The event noun a light verb governs ('held two meetings', 'issued a statement')."""
    for child in head.children:
        if child.dep_ in ("dobj", "attr", "nsubjpass", "oprd") and _lemma(child) in words.nouns:
            return child
        if child.dep_ == "prep":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and _lemma(pobj) in words.nouns and child.lower_ in ("in", "into"):
                return pobj
    if head.dep_ in ("acl", "relcl") and _lemma(head.head) in words.nouns:
        return head.head
    return None


def _objects(head: Any) -> tuple[Any, ...]:
    """Tokens of the predicate's objects and complements (what the act is about)."""
    out = []
    for child in head.children:
        if child.dep_ in ("dobj", "pobj", "ccomp", "xcomp", "attr", "oprd", "dative", "nsubjpass"):
            out.extend(child.subtree)
        elif child.dep_ == "prep":
            out.extend(child.subtree)
        elif child.dep_ in ("compound", "amod") and head.pos_ in _NOUN_POS:
            out.append(child)
    if head.dep_ in ("acl", "relcl"):
        out.append(head.head)
    return tuple(out)


def _planned(head: Any, words: Words) -> bool:
    """A predicate stated as a plan or intention ('will visit', 'plans to', 'upcoming')."""
    for child in head.children:
        if child.dep_ in ("aux", "amod") and child.lower_ in words.FUTURE_MARKERS:
            return True
    parent = head.head
    return head.dep_ == "xcomp" and _lemma(parent) in words.FUTURE_MARKERS


def _event_noun(tok: Any, words: Words) -> bool:
    return _lemma(tok) in words.nouns


def _lemma(tok: Any) -> str:
    return (tok.lemma_ or tok.text).lower()
