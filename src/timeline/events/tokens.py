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
