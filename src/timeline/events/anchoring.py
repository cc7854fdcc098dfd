"""Anchoring: the predicate a date mention modifies (``anchor``), the first step of a dated
clause (``timeline.events.clauses``). Climbing the parse from the mention reaches a verb or an
event noun; a date a noun of no class owns ("called the March 26 sinking a provocation") dates
that noun, not the verb."""

from __future__ import annotations

import bisect
from typing import Any

from timeline.events import idioms
from timeline.events.clauses import event_noun, own_date, verb_class
from timeline.events.merging import family, verbal
from timeline.events.tokens import NOUN_POS as _NOUN_POS
from timeline.events.tokens import dated_name, owns_date
from timeline.events.tokens import lemma as _lemma
from timeline.events.words import Words


def mention_tokens(sent: Any, start: int, end: int, starts: list[int]) -> list[Any]:
    """Tokens of a parsed sentence that overlap the character span [start, end).

    ``starts`` holds the character offset of every token of the sentence's document, so
    the look-up is a bisection, not a scan of a possibly very long sentence.
    """
    doc = sent.doc
    first = max(sent.start, bisect.bisect_right(starts, start) - 1)
    out = []
    for i in range(first, sent.end):
        tok = doc[i]
        if tok.idx >= end:
            break
        if tok.idx + len(tok.text) > start:
            out.append(tok)
    return out


def anchor(tokens: list[Any], words: Words) -> Any | None:
    """The predicate token a date mention's tokens modify (a verb or an event noun)."""
    if not tokens:
        return None
    inside = {t.i for t in tokens}
    root = next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[-1])
    for t in tokens:
        for child in t.children:
            if (
                child.dep_ == "relcl"
                and child.pos_ in ("VERB", "AUX")
                and idioms.when_clause(child, words)
            ):
                return child  # "since 1995, when Arvelia fired missiles": the firing
    tok = root
    for _ in range(10):
        head = tok.head
        if head.i == tok.i:
            break
        if tok.dep_ == "appos" and root.head.lower_ in words.STATE_SINCE:
            return None  # "Kestland, a member since 2012, on Friday expelled": the member's
        if head.pos_ in ("VERB", "AUX"):
            head = (
                _described_by(tok, head, words)
                or _purpose_after(tok, head, words)
                or _small_clause(head, words)
                or head
            )
            return idioms.saying_dated(tok, idioms.measure_start(head, words), words)
        if tok.i == root.i and owns_date(tok, head) and _told_of(head, words):
            return head if dated_name(head, words) else None  # "the March 26 sinking"
        if head.pos_ in _NOUN_POS and event_noun(head, words):
            if root.head.lower_ in words.STATE_SINCE and idioms.ranked(head, words):
                return None  # "its first expulsion since 2027": no expulsion in 2027 told
            return _purpose_of(head, words) or _doing_it(head, words) or head
        tok = head
    if tok.pos_ in ("VERB", "AUX") or (tok.pos_ in _NOUN_POS and event_noun(tok, words)):
        return tok
    return tok if tok.i not in inside else None


def _described_by(tok: Any, participle: Any, words: Words) -> Any | None:
    """The act a date at the end of a description of who a party is belongs to: "met a
    delegation led by Orla Kess last Tuesday" is the meeting's Tuesday (being led is what the
    delegation is, not an act told). Only a participle of ``STATIVE_PARTICIPLES`` with its
    agent and nothing more ("troops sent by Kestland on Monday to guard the border" is the
    sending), describing a party, not an act ("the remarks made by Ivo Tarn on Monday" are
    Monday's), of a classed verb with no date of its own ("on Friday condemned the raid
    carried out on Monday")."""
    noun = participle.head
    if not (
        participle.dep_ == "acl"
        and participle.tag_ == "VBN"
        and _lemma(participle) in words.STATIVE_PARTICIPLES
        and tok.i > participle.i
        and any(c.dep_ == "agent" for c in participle.children)
        and not any(c.dep_ in ("xcomp", "advcl", "ccomp") for c in participle.children)
        and noun.dep_ in ("dobj", "nsubjpass", "nsubj")
        and noun.head.pos_ == "VERB"
        and not event_noun(noun, words)
    ):
        return None
    governor = noun.head
    if own_date(governor) or verb_class(governor, words) is None:
        return None
    if tok.head.lower_ in words.STATE_SINCE or _dated_elsewhere(tok, governor):
        return None  # "headed by Ivo Tarn since 2029", "..., the ministry said on Friday"
    return governor


def _dated_elsewhere(tok: Any, verb: Any) -> bool:
    """Whether the sentence tells another date than the one ``tok`` belongs to."""
    mention = {t.i for t in tok.subtree} | {tok.i, tok.head.i}
    return any(
        t.ent_type_ in ("DATE", "TIME") and t.i not in mention and t.head.i not in mention
        for t in verb.sent
    )


def _purpose_after(tok: Any, verb: Any, words: Words) -> Any | None:
    """The act a date told before a purpose infinitive belongs to: "summoned the ambassador
    on Monday to seek an explanation" is the summons' Monday (the parser hangs the date on
    "seek"); "summoned him to explain the remarks on Monday" keeps the parse, and so does a
    classed verb with a date of its own ("summoned him on Monday, then on Tuesday to
    protest")."""
    governor = verb.head
    if verb.dep_ != "advcl" or governor.pos_ != "VERB" or governor.i > tok.i:
        return None
    if own_date(governor) or verb_class(governor, words) is None:
        return None
    to = next((c for c in verb.children if c.dep_ == "aux" and c.tag_ == "TO"), None)
    return governor if to is not None and tok.i < to.i else None


def _small_clause(verb: Any, words: Words) -> Any | None:
    """The act whose small clause a date hangs on: 'declared the envoy "persona non grata" on
    Saturday', parsed with "persona" a verb complement of no class, is the declaring (an
    expulsion); a complement with its own "to" ("agreed to meet on Monday") keeps the date."""
    if verb.dep_ != "xcomp" or verb.head.pos_ != "VERB" or verb_class(verb, words) is not None:
        return None
    if any(c.dep_ == "aux" for c in verb.children) or own_date(verb.head):
        return None
    return verb.head if verb_class(verb.head, words) is not None else None


def _told_of(noun: Any, words: Words) -> bool:
    """Whether a noun of no class is only what its verb tells of or passes by ("called the
    March 26 sinking a provocation", "following the 2003 revolution"), not what the verb acts
    on ("postponed the 3 May hearing": the postponing is known by the hearing's day) nor
    where it is done ("said in a Tuesday post", "told lawmakers at a Tuesday hearing": the
    saying's own day)."""
    year = any(c.is_digit and len(c.text) == 4 for c in noun.children)  # "the 2030 crisis"
    setting = noun.dep_ == "pobj" and noun.head.lower_ in words.SETTINGS
    if setting and noun.head.head.pos_ == "VERB" and not year:
        return False
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    own = verb_class(verb, words) if verb.pos_ == "VERB" else None
    return not event_noun(noun, words) and (own is None or verbal(own.code))


def _doing_it(noun: Any, words: Words) -> Any | None:
    """The verb whose own act an event noun object is ("approved a bill on Wednesday", "signed
    a deal on Monday": the approving, the signing, by the verb's subject), when the verb has
    no date of its own; None otherwise."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ != "VERB" or own_date(verb):
        return None
    own = verb_class(verb, words)
    cls = words.nouns.get(_lemma(noun))
    if own is None or cls is None or family(own.code) != family(cls.code):
        return None
    return verb


def purpose_verb(noun: Any, words: Words) -> Any | None:
    """The verb an act noun is the purpose of ("arrived on Sunday for talks": the arrival), or
    None."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in words.PURPOSE or prep.head.pos_ != "VERB":
        return None
    return prep.head


def _purpose_of(noun: Any, words: Words) -> Any | None:
    """The classed act an event noun is the purpose of, when the noun's date is the act's
    ("was recalled for consultations on Friday": the recall was on Friday), or None."""
    verb = purpose_verb(noun, words)
    if verb is None:
        return None
    prep = noun.head
    cls = verb_class(verb, words)
    if cls is None or verbal(cls.code):
        return None  # "called for talks on 20 April": the talks are on the 20th
    if own_date(verb, but=prep):
        return None  # "travelled on Wednesday for a summit on Friday": each has its own
    return verb
