"""Small helpers on parsed tokens that the clause modules share."""

from __future__ import annotations

from typing import Any

NOUN_POS = frozenset({"NOUN", "PROPN"})
# the entity labels of parties: places, organisations, nationalities, people
PARTY_ENTITIES = frozenset({"GPE", "ORG", "NORP", "PERSON"})


def lemma(tok: Any) -> str:
    """The token's lemma; a hyphenated compound ending in it ("face-off") as one word."""
    lemma = (tok.lemma_ or tok.text).lower()
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text in ("-", "‐") and not doc[tok.i - 1].whitespace_:
        return f"{doc[tok.i - 2].text.lower()}-{lemma}"
    return lemma


# the dependencies of a word that modifies a noun from before it
_PREMODIFIERS = frozenset({"nmod", "compound", "nummod", "poss", "amod"})


def premodifier(tok: Any, noun: Any) -> bool:
    """Whether a date's top token modifies a noun from before it ("the March 26 sinking",
    "last year's budget"): the date is that noun's, not its verb's."""
    if noun.pos_ not in NOUN_POS or noun.ent_type_ in ("DATE", "TIME"):
        return False  # "yesterday evening": one date
    return tok.i < noun.i and tok.dep_ in _PREMODIFIERS


def owns_date(tok: Any, noun: Any) -> bool:
    """Whether the date whose top token is ``tok`` is a noun's own, not its verb's: it modifies
    the noun from before it ("called the March 26 sinking a provocation"), the noun is no
    subject ("the Friday deadline passed": what befell it then) and names no party (a parse
    that hangs "10 March" on the name after it)."""
    return (
        premodifier(tok, noun)
        and noun.dep_ not in ("nsubj", "nsubjpass")
        and noun.ent_type_ not in PARTY_ENTITIES
    )


def dated_name(noun: Any, words: Any, *, dated: bool = False) -> bool:
    """Whether a noun of no class names an act by itself: a gerund of something ("the sinking
    of the Orvo") or a capitalised name ("the Harvest Revolution"); with ``dated``, only one a
    date modifies from before it ("the March 26 sinking of the Orvo")."""
    if dated and not any(_date_word(c) and premodifier(c, noun) for c in noun.children):
        return False
    if noun.ent_type_ in PARTY_ENTITIES:
        return False  # "Georgia's 2003 envoy": a person, not an act
    if noun.pos_ == "PROPN" and noun.text[:1].isupper():
        return True
    # a gerund with what it was done to ("the March 26 sinking of the patrol boat"), not a
    # budget word ("the 2029 spending on the wall")
    return noun.lower_.endswith(words.GERUND_ENDING) and any(
        c.dep_ == "prep" and c.lower_ in words.GERUND_OBJECT for c in noun.children
    )


def _date_word(tok: Any) -> bool:
    """A date word by the entity recogniser, or a year ("2027", which it may call an event's)."""
    return tok.ent_type_ == "DATE" or (tok.is_digit and len(tok.text) == 4)


def with_particle(tok: Any, lemma: str, words: Any) -> str:
    """A word's lemma with the particle or preposition right after it when the language lists
    the pair as a verb ("called on both sides", not "called Xi on Tuesday"; "calls for the
    release"), else the lemma."""
    for child in tok.children:
        if child.dep_ in ("prt", "prep", "advmod") and child.i == tok.i + 1:
            pair = f"{lemma} {child.lower_}"
            if pair in words.verbs:
                return pair
    return lemma


def question(sent: Any) -> bool:
    """Whether a sentence is a question ("Did the minister protest on Monday?", "Who
    expelled ...?"): it ends with a question mark and opens with an auxiliary or a question
    word; it tells no act ("Kestland expelled the envoy on Monday, but why?" does). Asked once
    per sentence: a run-on sentence would make it costly per mention."""
    if not sent.text.rstrip().rstrip("\"”’'").endswith("?"):
        return False
    first = next((t for t in sent if not (t.is_punct or t.is_space)), None)
    return first is not None and (first.tag_ in ("MD", "WP", "WRB", "WDT") or first.pos_ == "AUX")


def first_person(tok: Any, words: Any) -> bool:
    """Whether a token is a first-person pronoun ("we", "I"); not initials ("US", "UK")."""
    return tok.lower_ in words.FIRST_PERSON and not (len(tok.text) > 1 and tok.text.isupper())


def own_party(found: Any, subject: Any) -> bool:
    """Whether an act's subject is its own: a subject, agent or possessor in its own clause or
    phrase, or the subject of the verb that makes it ("launched airstrikes"), not one inherited
    from a verb that only tells of it ("condemned the raid", "accused X of bombing")."""
    if subject is None:
        return False
    head = subject.head.head if subject.dep_ == "pobj" else subject.head  # "by X": the agent
    # ... or the subject of the verb that makes the act its object ("launched airstrikes")
    made = found.nominal and found.head.dep_ == "dobj" and head.i == found.head.head.i
    # ... or of the verb a verb goes on from ("fired at protesters, killing two")
    chained = not found.nominal and found.head.dep_ in _CHAINED and head.i == found.head.head.i
    return head.i == found.head.i or made or chained


_CHAINED = frozenset({"conj", "advcl", "xcomp"})
