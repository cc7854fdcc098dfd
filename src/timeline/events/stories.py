"""Stories: which documents of a corpus tell the same story, by their proper names.

Linking (``timeline.events.linking``) lets a reaction answer only an event of its own story:
told in its own document, or by a document whose proper names are alike.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict

from timeline.events.model import Candidate
from timeline.events.parties import country_of

# Two documents are of one story when their proper names are this alike (the cosine of their
# name words weighted by inverse document frequency, see ``story_documents``); only words
# used by at most STORY_SPREAD documents are compared.
STORY_SIMILARITY = 0.15
STORY_SPREAD = 50


def story_documents(rows: list[Candidate]) -> dict[str, set[str]]:
    """For each document, the others of its story: those whose proper names are alike.

    Two names match when the words of one are among the words of the other ("Orvo" and
    "Orvo Basin"; not "Orvo City" and "Mirra City"). Two documents are of one story when at
    least two names of each match a name of the other, and the words the matching names share,
    weighted by inverse document frequency (smoothed, as scikit-learn's ``TfidfVectorizer``
    does: ``ln((1 + n) / (1 + df)) + 1``), make a cosine of at least ``STORY_SIMILARITY``
    between the two documents' name words. Only documents sharing a word used by at most
    ``STORY_SPREAD`` documents are compared (found through an index, so a large corpus is not
    compared pair by pair).
    """
    phrases: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        for doc_id, found in r.story_names.items():
            phrases[doc_id].update(found)
    named = {d: [w for w in (name_words({p}) for p in found) if w] for d, found in phrases.items()}
    names = {d: set().union(*found) if found else set() for d, found in named.items()}
    spread = Counter(word for found in names.values() for word in found)
    total = len(names)
    weight = {w: (math.log((1 + total) / (1 + c)) + 1) ** 2 for w, c in spread.items()}
    length = {d: math.sqrt(sum(weight[w] for w in found)) or 1.0 for d, found in names.items()}
    by_word: dict[str, list[str]] = defaultdict(list)
    for d, found in names.items():
        for word in found:
            if spread[word] <= STORY_SPREAD:
                by_word[word].append(d)
    pairs = {(a, b) for docs in by_word.values() for a in docs for b in docs if a < b}
    out: dict[str, set[str]] = {d: set() for d in names}
    for a, b in pairs:
        shared: set[str] = set()
        mine, theirs = set(), set()
        for i, x in enumerate(named[a]):
            for j, y in enumerate(named[b]):
                if x <= y or y <= x:
                    shared |= x & y
                    mine.add(i)
                    theirs.add(j)
        if min(len(mine), len(theirs)) < 2:
            continue  # one name in common ("Orvo Basin Council") is no story
        if sum(weight[w] for w in shared) / (length[a] * length[b]) >= STORY_SIMILARITY:
            out[a].add(b)
            out[b].add(a)
    return out


def name_words(found: set[str] | frozenset[str]) -> set[str]:
    """The words of some proper names, without initials and honorifics ("mr."); a country's
    demonym or capital as the country ("Brazilian" and "Brazil" are one name word)."""
    return {
        name_key(w)
        for name in found
        for w in name.replace(".", " ").split()
        if len(w) > 2 and w.isalpha()
    }


def name_key(name: str) -> str:
    """A proper name as linking compares it: a country by its key, whatever form names it."""
    return country_of(name) or name
