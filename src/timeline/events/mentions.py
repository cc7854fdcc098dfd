"""Mentions: the parties a document names, where, and the one named last before a clause.

The countries a document names (most named first), each place, nationality or organisation
its prose names in order, and the party a clause with no agent of its own is taken to be
about (the party named last before it, never its own patient nor the subject above it).
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from timeline.events.parties import is_gazetteer_key, party_keys
from timeline.events.words import Words

if TYPE_CHECKING:
    from timeline.events.document import Context


def _entities(sentences: list[tuple[int, Any]]) -> list[tuple[int, Any]]:
    """Every entity of the parsed pieces, once, with its piece's offset (a sentence's ``ents``
    scans its whole piece: asking each sentence would cost sentences x entities)."""
    pieces: dict[int, tuple[int, Any]] = {}
    for base, sent in sentences:
        pieces.setdefault(id(sent.doc), (base, sent.doc))
    return [(base, ent) for base, doc in pieces.values() for ent in doc.ents]


def countries(sentences: list[tuple[int, Any]]) -> list[str]:
    """The countries the document names, most named first, each as the document most often
    writes it: places of the gazetteer (a capital counting for its country), then one-word
    places the tagger finds that the gazetteer lacks."""
    counts: Counter[str] = Counter()
    others: Counter[str] = Counter()  # places the tagger knows and the gazetteer does not
    forms: dict[str, Counter[str]] = {}
    for _base, ent in _entities(sentences):
        if ent.label_ != "GPE":
            continue  # places only: "Muslim leaders" name no country
        every = party_keys(ent.text)
        keys = [k for k in every if is_gazetteer_key(k)]
        if len(keys) == 1:
            counts[keys[0]] += 1
        elif not keys and len(every) == 1 and " " not in ent.text:
            keys = list(every)
            others[keys[0]] += 1
        else:
            continue
        forms.setdefault(keys[0], Counter())[ent.text] += 1
    ranked = [key for key, _n in counts.most_common()] + [key for key, _n in others.most_common()]
    return [forms[key].most_common(1)[0][0] for key in ranked]


# the entity types that name a party a clause may leave implied
_IMPLIED = ("GPE", "NORP", "ORG")


@dataclass(frozen=True)
class Mentions:
    """The parties the prose names, in order: (start, end, text), and their end offsets."""

    items: list[tuple[int, int, str]]
    ends: list[int]


def party_mentions(ctx: Context) -> Mentions:
    """Each place, nationality or organisation the prose names, in order; the outlet's own
    name (a byline, "Orvo Wire reported") is left out, and so is a city named as where an act
    was."""
    outlet = party_keys(getattr(ctx.doc, "outlet", "") or "")
    out = []
    for base, ent in _entities(ctx.sentences):
        if ent.label_ not in _IMPLIED or ctx.layout.is_masked(base + ent.start_char):
            continue
        keys = party_keys(ent.text)
        if not keys or (ent.label_ == "ORG" and keys <= outlet) or _no_party(ent, ctx.words):
            continue
        known = any(is_gazetteer_key(k) for k in keys)
        if _where(ent, ctx.words) and not known:
            continue  # "tabled in Orvo": a city, where the act was, not who
        out.append((base + ent.start_char, base + ent.end_char, ent.text, ent.label_, known))
    if any(known for *_rest, known in out):
        # a text that names countries the gazetteer knows: a place it does not know is a
        # city or a region ("Orvo"), no party
        out = [m for m in out if m[4] or m[3] != "GPE"]
    items = sorted((start, end, text) for start, end, text, _label, _known in out)
    return Mentions(items, [end for _start, end, _text in items])


def _no_party(ent: Any, words: Words) -> bool:
    """A name that names no party: a text ("the Vienna Convention on ...", "the Orvo
    Accord"), or one office word the tagger took for a name ("Interior" of "Interior
    Minister")."""
    head = ent.root.lower_
    if head in words.TEXT_HEADS:
        return True
    if len(ent) != 1 or any(is_gazetteer_key(k) for k in party_keys(ent.text)):
        return False
    after = ent.doc[ent.end].lower_ if ent.end < len(ent.doc) else ""
    return head in words.OFFICE_TITLES or after in words.DOMAIN_OFFICES


def _where(ent: Any, words: Words) -> bool:
    """A place named as where an act was ("was tabled in Orvo"), not whose office it names
    ("a court in Orvo")."""
    root = ent.root
    prep = root.head
    return (
        ent.label_ == "GPE"
        and root.dep_ == "pobj"
        and prep.lower_ in words.PLACE_PREPOSITIONS
        and prep.head.pos_ in ("VERB", "AUX")
    )


def implied(
    mentions: Mentions,
    before: int,
    base: int,
    head: Any,
    own_side: bool = False,
    envoys: frozenset[str] = frozenset(),
) -> str:
    """The party named last before an offset: who a clause with no agent of its own is
    taken to be about ("the investigation was opened in October", "consultations on 10
    March"), or ''. Not the subject of a verb the clause hangs on: in "the council condemned
    Monday's coup" the council is not who staged the coup. The row says the actor is implied.
    """
    if own_side and head.dep_ == "relcl":
        # "the Valdorian ambassador, who was recalled on Tuesday": the envoy's own country,
        # through the name the parse may hang the clause on ("the Valdorian ambassador to
        # Kestland, Orla Kess, who was recalled"); not a place it was posted to
        return _envoys_country(head.head, envoys)
    taken = []
    for verb in head.ancestors:
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                taken.append(_span(child, base))
    # who a passive act is done to is not who did it ("five Kestland sailors detained since
    # January", "the envoy was expelled on Monday"), but for acts a party does to its own
    # people (``own_side``: "Kestland peacekeepers withdrawn in March")
    patients = [] if own_side else [c for c in head.children if c.dep_ == "nsubjpass"]
    if not own_side and head.dep_ == "acl" and head.tag_ == "VBN":
        patients.append(head.head)
    taken += [_span(patient, base) for patient in patients]
    k = bisect.bisect_right(mentions.ends, before)  # the mentions that end before the clause
    while k > 0:
        k -= 1
        start, _end, text = mentions.items[k]
        if not any(a <= start < b for a, b in taken):
            return text
    return ""


def _envoys_country(noun: Any, envoys: frozenset[str]) -> str:
    """The country that qualifies the envoy a relative clause is about, climbing from the
    antecedent the parse gives through appositions and prepositions to an envoy's noun
    (``envoys``); '' when the envoy has none."""
    for _ in range(4):
        if noun.lemma_.lower() in envoys:
            return next(
                (
                    c.text
                    for c in noun.children
                    if c.dep_ in ("amod", "compound", "poss") and c.ent_type_ in ("GPE", "NORP")
                ),
                "",
            )
        if noun.dep_ not in ("appos", "pobj", "prep") or noun.head.i == noun.i:
            return ""
        noun = noun.head
    return ""


def _span(tok: Any, base: int) -> tuple[int, int]:
    """The character span of a token's phrase (its subtree)."""
    left, right = tok.left_edge, tok.right_edge
    return base + left.idx, base + right.idx + len(right.text)
