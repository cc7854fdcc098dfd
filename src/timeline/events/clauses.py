"""Dated clauses: from a date mention to the predicate it modifies, its subject and object.

Every usable date mention anchors the clause it modifies (``anchoring``). Climbing the parse
from the mention reaches the predicate: a verb ("expelled ... on Monday"), or an event noun ("the
8 November elections", "a meeting on 6 June"). A light verb hands over to its object noun
("held talks", "issued a statement"); a raising verb to its complement ("was due to
convene"). The predicate's lemma picks its class from the language data; a lemma in no class
still makes an event, of class ``other``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from timeline.events import idioms
from timeline.events.merging import family, verbal
from timeline.events.subjects import subject_of
from timeline.events.tokens import NOUN_POS as _NOUN_POS
from timeline.events.tokens import PARTY_ENTITIES as _PARTY_ENTITIES
from timeline.events.tokens import dated_name, with_particle
from timeline.events.tokens import lemma as _lemma
from timeline.events.words import PredicateClass, Words

OTHER = PredicateClass("000", "other")
_CLAUSE_DEPS = frozenset(
    {"ccomp", "xcomp", "advcl", "conj", "relcl", "acl", "ROOT", "parataxis", "pcomp"}
)
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
_OBJECT_DEPS = frozenset(
    {"dobj", "pobj", "ccomp", "xcomp", "attr", "oprd", "dative", "nsubjpass", "prep"}
)


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
    # an act of no class that the clause's verb only tells of ("called the March 26 sinking
    # of the Orvo a provocation"): whoever tells it did not do it, and no one is guessed
    told_of: bool = False


def own_date(verb: Any, but: Any = None) -> bool:
    """Whether a verb has a date of its own, other than ``but``: a date word as its modifier
    ("Monday", "yesterday") or as the object of its preposition ("on Monday", "in early
    May"); not a date deeper down ("in response to the incident on 4 March", "since 2029,
    when ...")."""
    dated = ("DATE", "TIME")
    for child in verb.children:
        if child is but:
            continue
        if child.dep_ in ("npadvmod", "advmod") and child.ent_type_ in dated:
            return True
        if child.dep_ == "prep" and any(
            c.dep_ == "pobj" and c.ent_type_ in dated for c in child.children
        ):
            return True
    return False


def clause(head: Any, words: Words) -> Clause | None:
    """The clause of a predicate token, its class found by the first strategy that applies.

    1. the predicate's own lemma is in a class (a verb that is not light, or an event noun);
    2. a light or unknown verb governs an event noun ("held talks", "issued a statement");
    3. a light or unknown verb has an event noun as subject ("the discharge began");
    4. an unknown verb's clause holds a classed word ("were found ... after being poisoned");
    5. else the verb itself, of class ``other``; a noun in no class is no event.
    """
    raised = _through_raising(head, words)
    raised = idioms.setting_of(raised, words) or raised  # "speaking at a briefing on Friday"
    saying = idioms.speaking_aside(raised, words)
    if saying is not None:
        # "X, speaking at a news conference on Friday, said ...": X's saying that day, not
        # what it reports (which keeps a date of its own, or none)
        say = words.verbs[words.PLAIN_SAYING]
        return Clause(
            saying, "say", say, False, subject_of(saying, words), _objects(saying), False, True
        )
    sent_away = idioms.sent_away(raised, words)
    if sent_away is not None:
        # "ordered two diplomats to leave the country": the order is an expulsion
        return _verb_clause(sent_away, words.verbs[words.SENDING_AWAY], words)
    planned = _planned(raised, words) or (raised.i != head.i and _planned(head, words))
    quoted = _quoted_saying(raised, planned, words)
    if quoted is not None:
        return quoted
    if raised.i != head.i and (_lemma(head) in words.RAISING or head.pos_ == "AUX"):
        planned = planned or any(c.lower_ in words.FUTURE_MARKERS for c in head.children)
    subject = subject_of(raised, words)
    if subject is None and raised.i != head.i:
        subject = subject_of(head, words)
    nominal = raised.pos_ in _NOUN_POS
    if nominal and _lemma(raised) not in words.nouns and _verb_mistagged(raised, words):
        nominal = False  # "X and Y arrive for talks": a verb the tagger took for a noun
    table = words.nouns if nominal else words.verbs
    lemma = _lemma(raised) if nominal else _verb_lemma(raised, words)
    # a verb with an object of its idioms ("declared the envoy persona non grata") is of the
    # idiom's class, whatever its own, and no saying
    idiom = None if nominal else idioms.verb_with_object(raised, words)
    if idiom is not None:
        return Clause(raised, lemma, idiom, False, subject, _objects(raised), planned, False)
    cls = table.get(lemma)
    if not nominal and lemma in words.SAYING_UNLESS_OBJECT and idioms.plain_object(raised):
        cls = None  # "added fourteen companies to its list": adding, not saying
    if cls is not None and cls.code in words.TALKS and idioms.in_public(raised, words):
        cls = words.verbs[words.PLAIN_SAYING]  # "spoke to reporters on Friday": a statement
    if not nominal and cls is not None and _without_object(raised, cls, words):
        cls = None  # "was expected to return home on Tuesday": no one released
    if nominal and cls is None and dated_name(raised, words, dated=True):
        # "the March 26 sinking", "the 2029 Harvest Revolution": an act of no class
        own = subject_of(raised, words)
        return Clause(raised, lemma, OTHER, True, own, _objects(raised), planned, False, True)
    if nominal:
        if cls is None or _in_fixed_phrase(raised, words):
            return None
        return _noun_act(raised, lemma, cls, subject, planned, words)
    if raised.pos_ == "AUX" and cls is None:
        return None
    if cls is None or lemma in words.LIGHT_VERBS or _subject_act(raised, words):
        found = _noun_clause(raised, lemma, subject, planned, words)
        if found is not None:
            return found
    if cls is None:
        inner = _classed_inside(raised, words)
        if inner is not None:
            table = words.nouns if inner.pos_ in _NOUN_POS else words.verbs
            if idioms.topic(inner, words):
                # "offered to shed light on the killing on 23 April": the killing is not
                # the offerer's act; its own party, if it names one
                subject = subject_of(inner, words)
            return Clause(
                inner,
                _lemma(inner),
                table[_lemma(inner)],
                inner.pos_ in _NOUN_POS,
                subject,
                _objects(raised),
                planned,
                False,
            )
        if _present_state(raised):
            return None  # "Today the region enjoys ...": a state described, not an act
        trigger = idioms.triggering(raised, subject, words) or idioms.scene_act(raised, words)
        if trigger is not None:  # "the crisis deepened on Friday: X recalled ...": the recall
            return _verb_clause(trigger, verb_class(trigger, words), words)
        cls = OTHER
    if lemma in words.SPEECH:
        told = _saying_clause(raised, subject, planned, words)
        if told is not None:
            return told
    return Clause(
        raised, lemma, cls, False, subject, _objects(raised), planned, lemma in words.SPEECH
    )


def _without_object(verb: Any, cls: PredicateClass, words: Words) -> bool:
    """Whether a verb of a class that needs an object (``TRANSITIVE_ONLY``) has none and is
    not in the passive ("returned home", not "returned the sailors", "were freed")."""
    if cls.code not in words.TRANSITIVE_ONLY:
        return False
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "conj", "amod"):
        return False  # "footage released by the army": a passive participle
    passive = ("dobj", "nsubjpass", "auxpass", "agent")
    if verb.dep_ == "conj" and any(c.dep_ in passive[1:3] for c in verb.head.children):
        return False  # "was arrested in March and freed on Friday"
    return not any(c.dep_ in passive for c in verb.children)


def _saying_clause(raised: Any, subject: Any, planned: bool, words: Words) -> Clause | None:
    """What a saying verb tells when it is not the event itself: the act it was done by, the
    protest it reports lodging, or the act it reports (``_means``, ``_reported_act``)."""
    means = _means(raised, words)
    if means is not None:
        # "responded on Monday by expelling the envoy": the expulsion
        return _verb_clause(means, verb_class(means, words), words)
    act = _reported_act(raised, words)
    if act is not None and _lemma(act) in words.LIGHT_VERBS:
        inner = _noun_clause(act, _lemma(act), subject_of(act, words) or subject, planned, words)
        if inner is not None:
            return inner  # "said on Tuesday it has lodged a protest": the protest
    if act is not None:
        # "X said on Friday it had recalled its envoy": the reported act is the event
        act_subject = subject_of(act, words) or subject
        return Clause(
            act,
            _verb_lemma(act, words),
            verb_class(act, words),
            False,
            act_subject,
            _objects(act),
            planned,
            False,
        )
    return None


def _quoted_saying(verb: Any, planned: bool, words: Words) -> Clause | None:
    """ "The agency quoted Tarn as saying ...": Tarn's saying (``idioms.quoted_speaker``)."""
    speaker = idioms.quoted_speaker(verb, words)
    if speaker is None:
        return None
    say = words.verbs[words.PLAIN_SAYING]
    return Clause(verb, "say", say, False, speaker, _objects(verb), planned, True)


def _verb_clause(verb: Any, cls: PredicateClass, words: Words) -> Clause:
    """The clause of a verb given its class, with its own subject, objects and plan."""
    return Clause(
        verb,
        _lemma(verb),
        cls,
        False,
        subject_of(verb, words),
        _objects(verb),
        _planned(verb, words),
        False,
    )


def _noun_clause(verb: Any, lemma: str, subject: Any, planned: bool, words: Words) -> Clause | None:
    """Strategies 2 and 3 of ``clause``: the event noun a light or unknown verb governs, or
    has as subject, with its party."""
    noun = _light_object(verb, words) or _event_subject(verb, words)
    if noun is None:
        return None
    if verb.dep_ in ("acl", "relcl") and verb.head.i == noun.i:
        # "the sanctions, announced by the treasury on 4 May": the noun's own party, else who
        # announced or decided it ("which Arvelia has faced since 2029": not the sanctioner)
        maker = subject is not None and subject.i != noun.i
        if maker and noun.dep_.startswith("nsubj"):  # "a deal Kestland brokered": Kestland's
            maker = _makes(verb, noun, subject, words)
        own = subject_of(noun, words) or (subject if maker else None)
    elif noun.dep_.startswith("nsubj"):
        own = subject_of(noun, words)
    elif verb.head.dep_ == "appos" and verb.head.head.i == noun.i:
        own = verb.head  # "a deal Kess brokered": Kess
    elif lemma in words.LIGHT_VERBS:
        own = subject  # "X issued a statement": X's statement
    else:
        # "we saw comments of the ambassador": the noun's own party, else the subject
        own = subject_of(noun, words) or subject
    return Clause(
        noun, _lemma(noun), words.nouns[_lemma(noun)], True, own, _objects(noun), planned, False
    )


def _subject_act(verb: Any, words: Words) -> bool:
    """A verb with no object whose subject is an act ("the talks will resume next month"):
    the act is the event, whatever the verb's own class."""
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "oprd", "agent") for c in verb.children):
        return False
    for child in verb.children:
        act = words.nouns.get(_lemma(child)) if child.dep_ == "nsubj" else None
        if act is not None:
            # "the restrictions eased": a measure lifted, the verb's act, not the noun's
            return not (_lemma(verb) in words.LIFTING and act.code in words.MEASURES)
    return False


def _makes(verb: Any, noun: Any, subject: Any, words: Words) -> bool:
    """Whether a clause on an act noun tells who made the act: a verb of announcing or saying
    ("announced by the treasury"), one of the act's own class ("sanctions imposed by X"), or a
    participle's "by" agent that names a party; not "which Arvelia has faced", "targeted by a
    lawsuit"."""
    if _lemma(verb) in words.SPEECH:
        return True
    own, act = verb_class(verb, words), words.nouns.get(_lemma(noun))
    if own is not None and act is not None and family(own.code) == family(act.code):
        return True
    by_agent = subject.dep_ == "pobj" and subject.head.dep_ == "agent"
    return by_agent and (subject.ent_type_ in _PARTY_ENTITIES or subject.pos_ == "PROPN")


def _verb_mistagged(tok: Any, words: Words) -> bool:
    """A 'noun' that heads a clause with a subject and whose word is a known verb."""
    return _lemma(tok) in words.verbs and any(c.dep_ == "nsubj" for c in tok.children)


def present_object(verb: Any, words: Words) -> Any | None:
    """The act noun a verb in the simple present takes as object ("strongly protests the
    detention of X"), or None: a reaction in the present happens as it is said, so a date
    before the report's day is its object's ("... of X on 9 April": the detention)."""
    if verb.pos_ != "VERB" or not _present_state(verb):
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and _lemma(c) in words.nouns), None)


def _present_state(verb: Any) -> bool:
    """A verb in the simple present with no auxiliary: a description, not a dated act."""
    if verb.tag_ not in ("VBZ", "VBP"):
        return False
    return not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def verb_class(verb: Any, words: Words) -> PredicateClass | None:
    """A verb's class: its idiom's with its object ("severed relations"), else its own."""
    return idioms.verb_with_object(verb, words) or words.verbs.get(_verb_lemma(verb, words))


def _reported_act(verb: Any, words: Words) -> Any | None:
    """The classed act a saying verb's complement reports, when it is not itself saying."""
    for child in verb.children:
        if child.dep_ == "ccomp" and child.pos_ == "VERB":
            # "announced they will increase tariffs", "filed a note of protest, the ministry
            # said": the tariffs, the protest (not "has more sanctions ready")
            done = child.tag_ == "VBD" and _lemma(child) not in words.STATIVE_LIGHT
            light = (
                _light_object(child, words)
                if _lemma(child) in words.CHANGING or (done and _lemma(child) in words.LIGHT_VERBS)
                else None
            )
            cls = verb_class(child, words) or (words.nouns[_lemma(light)] if light else None)
            if cls is None or family(cls.code) == "say" or _claim(child, cls, words):
                continue
            if _without_object(child, cls, words):
                continue  # "said he had returned home": no release
            if (
                _lemma(child) in words.LIGHT_VERBS
                and light is None
                and not any(c.dep_ == "dobj" and _lemma(c) in words.nouns for c in child.children)
            ):
                continue  # "said it has made progress"; "said it has lodged a protest" is one
            if own_date(child) and own_date(verb):
                continue  # "said on Friday that Orvo had expelled ... on Monday": Monday's
            if idioms.done(child, words) is not child:
                continue  # "said X should agree", "said X did not expel": the saying
            future = any(
                c.dep_ == "aux" and c.lower_ in words.FUTURE_MARKERS for c in child.children
            )
            if not future or _lemma(verb) in words.DECIDING:
                return child
    return None


def _claim(act: Any, cls: PredicateClass, words: Words) -> bool:
    """Whether a reported act is the speaker's claim about another party ("told the Council
    on Monday that Arvelia had violated the ceasefire"): force (``CLAIMS``) whose subject is a
    party (a place, a people, an organisation) that the speaker's own name does not share;
    not "its forces", not "gunmen" or "an explosion" (no party), not the speaker's own side."""
    subject = next((c for c in act.children if c.dep_ == "nsubj"), None)
    if cls.code not in words.CLAIMS or subject is None or subject.pos_ == "PRON":
        return False
    if any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in subject.children):
        return False  # "its forces": the speaker's own
    party = [t for t in subject.subtree if t.ent_type_ in _PARTY_ENTITIES]
    speaker = subject_of(act.head, words) if act.head.i != act.i else None
    own = {t.lower_[:5] for t in speaker.subtree} if speaker is not None else set()
    return bool(party) and not any(t.lower_[:5] in own for t in party)


def _means(verb: Any, words: Words) -> Any | None:
    """The classed act a verb of saying was done by ("responded by expelling the envoy",
    "answered by closing its airspace"): a gerund after a preposition of means."""
    for child in verb.children:
        if child.dep_ != "prep" or child.lower_ not in words.MEANS:
            continue
        for act in child.children:
            if act.dep_ != "pcomp" or act.tag_ != "VBG":
                continue
            cls = verb_class(act, words)
            if cls is not None and not verbal(cls.code):
                return act
    return None


def _event_subject(verb: Any, words: Words) -> Any | None:
    """'a clash took place', 'the discharge began': the event is the subject noun.

    A verb raised from another ("exercises are to start") takes that one's subject.
    """
    children = list(verb.children)
    if verb.dep_ == "xcomp" and not any(c.dep_ in _SUBJECTS for c in children):
        children += [c for c in verb.head.children if c.dep_ in _SUBJECTS]
    for child in children:
        if (
            child.dep_ in ("nsubj", "nsubjpass")
            and child.pos_ in _NOUN_POS
            and _lemma(child) in words.nouns
        ):
            return child
    return None


def _classed_inside(verb: Any, words: Words) -> Any | None:
    """The nearest classed verb or event noun below an unknown verb (not a saying verb)."""
    frontier = [
        c
        for c in verb.children
        if c.dep_ not in ("nsubj", "nsubjpass", "punct", "cc") and not _own_clause(c)
    ]
    for _ in range(3):
        following = []
        for tok in frontier:
            lemma = _lemma(tok)
            if (
                tok.pos_ == "VERB"
                and tok.dep_ != "amod"  # "granted bail to the detained man": no detention
                and lemma in words.verbs
                and lemma not in words.SPEECH
                and lemma not in words.LIGHT_VERBS
                and not idioms.has_date(tok)  # "..., prompting X to recall its envoy on Thursday"
            ):
                return tok
            if (
                tok.pos_ == "NOUN"
                and event_noun(tok, words)
                and tok.dep_ in ("dobj", "pobj", "attr", "nsubjpass")
            ):
                return tok
            if (
                tok.dep_ not in ("ccomp", "relcl")
                and not _own_clause(tok)
                and not (
                    tok.dep_ == "prep"
                    and (tok.lower_ in words.OFFSET_MARKERS or tok.lower_ in words.CONCESSIVE)
                )
            ):  # "left on 3 March, days before the vote": the vote is not the leaving
                following.extend(tok.children)
        frontier = following
    return None


def _noun_act(
    noun: Any, lemma: str, cls: PredicateClass, subject: Any, planned: bool, words: Words
) -> Clause:
    """The clause of an event noun: its own class, or the act it decides (``_decided``)."""
    lemma, cls, told = _decided(noun, words) or (lemma, cls, _objects(noun))
    return Clause(noun, lemma, cls, True, subject, told, planned, False)


def _decided(noun: Any, words: Words) -> tuple[str, PredicateClass, list[Any]] | None:
    """The lemma, class and objects of the classed act a noun of deciding takes as its
    infinitive ("the decision to expel two envoys"), when it is no saying; else None."""
    if _lemma(noun) not in words.DECISION_NOUNS:
        return None
    for child in noun.children:
        if child.dep_ == "acl" and child.pos_ == "VERB" and child.tag_ == "VB":
            cls = verb_class(child, words)
            if cls is not None and not verbal(cls.code):
                return _verb_lemma(child, words), cls, _objects(child)
    return None


def _own_clause(tok: Any) -> bool:
    """A clause with a subject or conjunction of its own ("after Rostavia vetoed ..."): its
    act is its own, not the verb's above (a shared-subject "... and detained", "..., killing"
    is)."""
    return tok.dep_ in ("advcl", "conj", "parataxis") and any(
        c.dep_ in ("nsubj", "nsubjpass", "mark") for c in tok.children
    )  # "..., Lirria's government said, accusing ...": the saying's own clause


def _through_raising(head: Any, words: Words) -> Any:
    """'was due to convene', 'is set to visit': the complement verb is the event."""
    for _ in range(3):
        if _lemma(head) not in words.RAISING and head.pos_ != "AUX":
            return head
        comp = next((c for c in head.children if c.dep_ in ("xcomp", "acomp")), None)
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
        if child.dep_ == "dobj":  # "filed a note of protest": the protest
            kind = _of_kind(child, words)
            if kind is not None:
                return kind
        if child.dep_ == "prep":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and event_noun(pobj, words) and child.lower_ in ("in", "into"):
                return pobj
    if head.dep_ in ("acl", "relcl") and _lemma(head.head) in words.nouns:
        return head.head
    above = head.head
    # "a deal Kess brokered": the parse hangs "Kess brokered" on the deal as an apposition
    hung = head.dep_ in ("acl", "relcl") and above.dep_ == "appos"
    if hung and _lemma(above.head) in words.nouns:
        return above.head
    return None


def _of_kind(noun: Any, words: Words) -> Any | None:
    """The event noun a carrier noun (``CARRIERS``) is "of" ("a note of protest"), or None."""
    if _lemma(noun) not in words.CARRIERS:
        return None
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in words.OF_KIND:
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None and event_noun(pobj, words):
                return pobj
    return None


def _objects(head: Any) -> tuple[Any, ...]:
    """Tokens of the predicate's objects and complements (what the act is about)."""
    out = []
    doc = head.doc
    for child in head.children:
        if child.dep_ in _OBJECT_DEPS:
            # the object's words, at most 40 tokens from the predicate (run-on text stays linear)
            lo = max(child.left_edge.i, head.i - 40)
            hi = min(child.right_edge.i, head.i + 40)
            described = {
                i
                for r in doc[lo : hi + 1]
                if r.dep_ == "relcl"
                for i in range(max(lo, r.left_edge.i), min(hi, r.right_edge.i) + 1)
            }  # "the release of X, who landed ...": a description, not what is answered
            out.extend(t for t in doc[lo : hi + 1] if t.i not in described)
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
    return head.dep_ in ("xcomp", "acl") and _lemma(parent) in words.FUTURE_MARKERS


def event_noun(tok: Any, words: Words) -> bool:
    return _lemma(tok) in words.nouns and not _in_fixed_phrase(tok, words)


def _in_fixed_phrase(tok: Any, words: Words) -> bool:
    """A listed noun inside a fixed phrase that names no act ("in order to ensure")."""
    before = tok.doc[tok.i - 1].lower_ if tok.i > 0 else ""
    after = tok.doc[tok.i + 1].lower_ if tok.i + 1 < len(tok.doc) else ""
    return (before, tok.lower_, after) in words.FIXED_PHRASES


def _verb_lemma(verb: Any, words: Words) -> str:
    """A verb's lemma, with its particle when the language lists the pair ("call on" is an
    appeal, "call" a phone call; "hit back", "touch down"); a describing verb with an object
    and its description ("a provocation", "as a provocation") is "describe" (a statement)."""
    lemma = _lemma(verb)
    if lemma in words.DESCRIBING and any(
        c.dep_ == "oprd" or idioms.description(c, verb, words) for c in verb.children
    ):
        return "describe"  # "called the shelling a provocation": a statement
    return with_particle(verb, lemma, words)
