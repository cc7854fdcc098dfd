"""Which party an actor phrase names: a country (by name, demonym, alternative spelling or
initials, from the ``countryinfo`` gazetteer) or else its distinctive capitalised words.

Used to tell whether two actor phrases name the same party ("Brazilian Foreign Ministry"
and "the Federative Republic of Brazil" both name Brazil), by the evaluator and by the
extractor's linking.

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
    countries = CountryInfo("france").all().items()
    # the most populous country claims a shared demonym or spelling ("Congolese")
    by_size = sorted(countries, key=lambda item: (-(item[1].get("population") or 0), item[0]))
    for key, info in by_size:
        names = [info.get("name") or key, *(info.get("altSpellings") or [])]
        if isinstance(info.get("capital"), str):
            names.append(info["capital"])  # a capital stands for its government
        demonym = info.get("demonym")
        if isinstance(demonym, str):
            names.extend(d.strip() for d in demonym.split(","))  # "Bosnian,Herzegovinian"
        for name in names:
            if not name or not isinstance(name, str):
                continue
            if len(name) <= 3 and not name.isupper():
                continue
            out.setdefault(name.lower(), key)
            words = [w for w in re.findall(r"[A-Z][\w'’]*", name)]
            if len(words) >= 2:
                out.setdefault("".join(w[0] for w in words).lower(), key)
    for key, alias in _organisations("en"):
        out[alias.lower()] = key
        # as ``party_keys`` reads a phrase, by its capitalised words without possessives
        # ("Association of Southeast Asian Nations" is "Association Southeast Asian Nations")
        out[" ".join(_reading(alias)).lower()] = key
    return out


def _organisations(language: str) -> list[tuple[str, str]]:
    """(party, alias) rows of the language's organisations file (an editable CSV)."""
    import csv
    from importlib import resources

    module = words_for(language).module
    package = module.__name__.rsplit(".", 1)[0]
    path = resources.files(package) / words_for(language).ORGANISATIONS_FILE
    with path.open(encoding="utf-8") as fh:
        return [(row["party"], row["alias"]) for row in csv.DictReader(fh)]


def party_keys(actor: str, language: str = "en") -> set[str]:
    """The parties an actor phrase names: country keys and distinctive capitalised words.

    >>> sorted(party_keys("Elysee spokesman Pierre Dupont"))
    ['dupon', 'elyse', 'pierr']
    >>> sorted(party_keys("Brazilian envoy Ana Costa"))
    ['ana', 'brazil', 'costa']
    """
    generic = words_for(language).ROLE_WORDS
    gazetteer = _gazetteer()
    countries: set[str] = set()
    others: set[str] = set()
    tokens = _reading(actor or "")
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
        word = token.lower().strip(".")
        plural = (
            word.endswith("s")
            and (  # "Commanders", "Envoys", "Ministries"
                word[:-1] in generic or (word.endswith("ies") and word[:-3] + "y" in generic)
            )
        )
        if not done and word not in generic and not plural:
            others.add(word[:5])
    return countries | others


def _reading(phrase: str) -> list[str]:
    """The capitalised words ``party_keys`` reads a phrase by: no possessive endings, and
    initials without their dots ("U.S." is "US")."""
    text = re.sub(r"['’]s\b", "", phrase)
    text = re.sub(r"\b((?:[A-Z]\.){2,})", lambda m: m.group(1).replace(".", ""), text)
    return _TOKEN.findall(text)


def is_gazetteer_key(key: str) -> bool:
    """Whether a party key is a country or organisation of the gazetteer (not a name word)."""
    return key in _gazetteer_keys()


@cache
def _gazetteer_keys() -> frozenset[str]:
    return frozenset(_gazetteer().values())


def same_party(a: str, b: str, language: str = "en") -> bool:
    """Whether two actor phrases share a party (see ``party_keys``)."""
    return bool(party_keys(a, language) & party_keys(b, language))


def country_of(name: str) -> str:
    """The country a single name stands for by name, demonym, capital or initials ("Brazilian",
    "Brasilia" -> "brazil"), or ''."""
    return _gazetteer().get(name.lower().strip(), "")
