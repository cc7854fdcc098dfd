"""Which party an actor phrase names: a country (by name, demonym, alternative spelling or
initials, from the ``countryinfo`` gazetteer) or else its distinctive capitalised words.

Used to tell whether two actor phrases name the same party ("Brazilian Foreign Ministry" and
"the Federative Republic of Brazil" both name Brazil), by the evaluator and by the extractor's linking.

>>> sorted(party_keys("Brazilian Foreign Ministry spokesperson"))
['brazil']
>>> same_party("the Federative Republic of Brazil", "FRB Foreign Ministry")
True
>>> same_party("Peruvian Army", "Chilean Prime Minister")
False
"""

from __future__ import annotations

import re
from functools import cache

from timeline.events.words import words_for

_TOKEN = re.compile(r"[A-Z][\w'’.-]*[\w]|[A-Z]{2,}")


@cache
def _gazetteer() -> dict[str, str]:
    """Lower-case name, demonym, spelling or initials -> the country's short lower-case name."""
    from countryinfo import CountryInfo

    out: dict[str, str] = {}
    for key, info in sorted(CountryInfo("france").all().items()):
        names = [info.get("name") or key, *(info.get("altSpellings") or [])]
        demonym = info.get("demonym")
        if demonym:
            names.append(demonym)
        for name in names:
            if not name or not isinstance(name, str):
                continue
            if len(name) <= 3 and not name.isupper():
                continue
            out.setdefault(name.lower(), key)
            words = [w for w in re.findall(r"[A-Z][\w'’]*", name)]
            if len(words) >= 2:
                out.setdefault("".join(w[0] for w in words).lower(), key)
    return out


def party_keys(actor: str, language: str = "en") -> set[str]:
    """The parties an actor phrase names: country keys, else distinctive capitalised words.

    >>> sorted(party_keys("Elysee spokesman Pierre Dupont"))
    ['dupon', 'elyse', 'pierr']
    """
    generic = words_for(language).ROLE_WORDS
    gazetteer = _gazetteer()
    text = re.sub(r"['’]s\b", "", actor or "")
    countries: set[str] = set()
    others: set[str] = set()
    tokens = _TOKEN.findall(text)
    used = [False] * len(tokens)
    for size in (4, 3, 2, 1):
        for i in range(len(tokens) - size + 1):
            if any(used[i : i + size]):
                continue
            phrase = " ".join(tokens[i : i + size])
            if size == 1 and len(phrase) <= 3 and not phrase.isupper():
                continue
            country = gazetteer.get(phrase.lower())
            if country:
                countries.add(country)
                used[i : i + size] = [True] * size
    for token, done in zip(tokens, used, strict=True):
        if not done and token.lower().strip(".") not in generic:
            others.add(token.lower()[:5])
    return countries or others


def same_party(a: str, b: str, language: str = "en") -> bool:
    """Whether two actor phrases share a party (see ``party_keys``)."""
    return bool(party_keys(a, language) & party_keys(b, language))
