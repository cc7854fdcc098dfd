"""The press: reports and sayings of news media are coverage of acts, not acts of a party
("Kestland's state news agency reported on Monday that ...", "state media said")."""

from __future__ import annotations

from typing import Any

from timeline.events.tokens import lemma as _lemma
from timeline.events.words import Words


def press_report(anchor: Any, found: Any, words: Words) -> bool:
    """News coverage, not an act of a party: a report of the press ("Kestland's state news
    agency reported on Monday that ...", "press reports on Monday said", "state media said
    on Monday"). What the report tells may be an act, but the report's day is not its day
    (``anchor``: the token the date hangs on, before the clause takes the reported act)."""
    for verb in (anchor, found.head):
        if verb.pos_ != "VERB":
            continue
        if _lemma(verb) not in words.REPORTING and _lemma(verb) not in words.SPEECH:
            continue
        if press_saying(verb, words):
            return True  # "the news agency reported", "state media said"
        for subject in (c for c in verb.children if c.dep_ == "nsubj"):
            if _lemma(subject) in words.REPORTING and _media_report(subject, words):
                return True  # "reports in the media said"
    return found.nominal and found.lemma in words.REPORTING and _media_report(found.head, words)


def press_saying(verb: Any, words: Words) -> bool:
    """A report or saying of the press ("..., news agencies reported", "state media said"):
    the clause it reports is the one told, and its own subject names who acts."""
    if verb.pos_ != "VERB" or (_lemma(verb) not in words.REPORTING | words.SPEECH):
        return False
    return any(c.dep_ == "nsubj" and _media(c, words) for c in verb.children)


def _media_report(noun: Any, words: Words) -> bool:
    """A report noun the press makes ("media reports", "reports in the media")."""
    for child in noun.children:
        if child.dep_ in ("compound", "amod", "nmod") and _media(child, words):
            return True  # "media reports"
        if (
            child.dep_ == "prep"
            and _lemma(child) in words.MEDIA_PREPOSITIONS
            and any(_media(obj, words) for obj in child.children if obj.dep_ == "pobj")
        ):
            return True  # "reports in the media", "a report by the newspaper"
    return False


def _media(tok: Any, words: Words) -> bool:
    """A word naming the press: "media", "newspaper", or "agency" after "news"; or the name
    of a newspaper or a channel ("the Orvo Herald", "Kestland Daily", "Valdoria TV"). Not an
    office's own press service ("the ministry press service", "the Kremlin press service")."""
    word = _lemma(tok)
    if tok.lower_ in words.MASTHEADS and (tok.pos_ == "PROPN" or tok.ent_type_ == "ORG"):
        return True  # the last word of a name ("Herald"; "TV" in "Valdoria TV")
    if word in words.MEDIA_HEADS:
        return True
    if word not in words.MEDIA_BODIES:
        return False
    modifiers = [c for c in tok.children if c.dep_ in ("compound", "poss")]
    owned = any(_lemma(c) in words.AGENT_HEADS or c.pos_ == "PROPN" for c in modifiers)
    if word in words.OWN_PRESS and owned and not any(_lemma(c) == "news" for c in modifiers):
        return False  # "the ministry press service said", "the Kremlin press service": its voice
    return any(_lemma(c) in words.MEDIA_HEADS | {"news"} for c in modifiers)
