"""Parsing a document with the language's spaCy pipeline (loaded once per process)."""

from __future__ import annotations

from functools import cache
from typing import Any

from timeline.errors import DocumentError
from timeline.events.merging import verbal
from timeline.events.words import words_for

# spaCy keeps a document's parse in memory; longer texts are parsed in pieces at line breaks.
_PIECE = 100_000


@cache
def _pipeline(language: str) -> Any:
    """The spaCy pipeline of a language's data (``MODEL``), without parts the engine skips."""
    import importlib

    name = words_for(language).MODEL
    try:
        package = importlib.import_module(name)
    except ModuleNotFoundError as exc:
        raise DocumentError(
            f"the spaCy pipeline {name!r} for language {language!r} is not installed "
            f"(pip install {name.replace('_', '-')})"
        ) from exc
    return package.load()


def parse(pieces: list[tuple[int, str]], language: str = "en") -> list[tuple[int, Any]]:
    """Parse pieces of a text (each with its start offset): ``[(start, spacy Doc), ...]``.

    A token's offset in the whole text is ``start + token.idx``. Pieces longer than
    ``_PIECE`` characters are cut at spaces, so memory and time stay linear in the length.
    A hyphenated word the language lists ("face-off") is one token (``_join_hyphenated``);
    a gerund the tagger took for a verb where a determiner makes it a noun is a noun
    (``_gerund_nouns``), and a date between its determiner and it modifies it
    (``_dates_in_noun_phrases``); a "that" clause with no place for a relative pronoun is
    what the verb before it tells (``_that_clauses``); a name the parser joined to a fronted
    date ("On Friday Kestland condemned ...") is the clause's subject again
    (``_fronted_dates``).
    """
    nlp = _pipeline(language)
    cut: list[tuple[int, str]] = []
    for start, text in pieces:
        while len(text) > _PIECE:
            at = text.rfind(" ", 0, _PIECE)
            at = at if at > 0 else _PIECE
            cut.append((start, text[:at]))
            start, text = start + at, text[at:]
        cut.append((start, text))
    parsed = nlp.pipe([text for _, text in cut], batch_size=64)
    listed = _hyphenated(language)
    words = words_for(language)
    out = [(start, doc) for (start, _), doc in zip(cut, parsed, strict=True)]
    for _, doc in out:
        _join_hyphenated(doc, listed)
        _dates_in_noun_phrases(doc)
        _that_clauses(doc)
        _gerund_nouns(doc, words)
        _fronted_dates(doc)
    return out


@cache
def _hyphenated(language: str) -> frozenset[str]:
    """The hyphenated words among a language's listed nouns and verbs ("face-off")."""
    words = words_for(language)
    return frozenset(w for w in (*words.nouns, *words.verbs) if "-" in w)


def _join_hyphenated(doc: Any, listed: frozenset[str]) -> None:
    """Merge the pieces of a listed hyphenated word ("face-off", split by the tokenizer into
    "face", "-", "off") into one token whose lemma is the listed word, so the word is found
    like any other; the merged token keeps the dependency of the span's head."""
    if not listed:
        return
    spans = []
    for tok in doc[:-2]:
        hyphen, after = doc[tok.i + 1], doc[tok.i + 2]
        if hyphen.text != "-" or tok.whitespace_ or hyphen.whitespace_:
            continue
        word = f"{tok.lemma_.lower()}-{after.lemma_.lower()}"
        if word in listed and not (spans and spans[-1][0].end > tok.i):
            spans.append((doc[tok.i : tok.i + 3], word))
    with doc.retokenize() as retokenizer:
        for span, word in spans:
            retokenizer.merge(span, attrs={"LEMMA": word})


# Dependencies of a noun phrase: a gerund heading one with a determiner is a noun.
_NOMINAL_DEPS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "conj", "xcomp", "oprd"}
)


def _gerund_nouns(doc: Any, words: Any) -> None:
    """Retag as a noun a gerund the tagger took for a verb but that a determiner or a
    possessive makes a noun ("cancel an 8 May meeting", "the hearing"): its lemma is the
    word itself ("meeting", not "meet"). One the language does not list as a noun keeps its
    verb when that verb has a class other than saying ("the 3 March jailing": a detention)."""
    for tok in doc:
        if tok.tag_ != "VBG" or tok.dep_ not in _NOMINAL_DEPS:
            continue
        verb = words.verbs.get(tok.lemma_.lower())
        if tok.lower_ not in words.nouns and verb is not None and not verbal(verb.code):
            continue
        if any(c.dep_ in ("det", "poss") and c.i < tok.i for c in tok.children):
            tok.pos_, tok.tag_, tok.lemma_ = "NOUN", "NN", tok.lower_


_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def _fronted_dates(doc: Any) -> None:
    """Undo a name the parser joined to the date before it: in "On Friday Kestland condemned
    ..." the tagger reads "Friday Kestland" as one name, the object of "On", and the verb is
    left with no subject. When a name's first words are a date (the entity recogniser's) and
    the name is the object of a preposition before a verb that has no subject, the date is
    the preposition's object and the name the verb's subject; a name that is already a
    subject ("Late on Friday Kestland recalled ...") gives the date back to its preposition
    when that has no object."""
    for tok in doc:
        if tok.pos_ != "PROPN" or tok.ent_type_ == "DATE":
            continue
        dates = [c for c in tok.lefts if c.dep_ == "compound" and c.ent_type_ == "DATE"]
        if not dates or dates[0].i != tok.left_edge.i:
            continue
        date = dates[-1]
        start = tok.left_edge.i
        prep = tok.head if tok.dep_ == "pobj" else doc[start - 1] if start else None
        if prep is None or prep.pos_ != "ADP" or prep.i >= date.i:
            continue
        if tok.dep_ == "pobj":
            verb = prep.head
            if verb.pos_ not in ("VERB", "AUX") or verb.i < tok.i:
                continue
            if any(c.dep_ in _SUBJECTS for c in verb.children):
                continue
            new_head, new_dep = verb, "nsubj"
        elif tok.dep_ in _SUBJECTS and prep.head.i == tok.head.i:
            if any(c.dep_ == "pobj" for c in prep.children):
                continue
            new_head, new_dep = tok.head, tok.dep_
        else:
            continue
        for earlier in dates[:-1]:
            earlier.head = date
        date.head, date.dep_ = prep, "pobj"
        tok.head, tok.dep_ = new_head, new_dep


def _dates_in_noun_phrases(doc: Any) -> None:
    """A date between a determiner and a noun modifies the noun: in "condemned the March 26
    shelling of the island" the tagger reads "shelling" as a verb and hangs "the March 26" on
    "condemned" beside it; the determiner and the date are the shelling's."""
    for det in doc:
        if det.dep_ != "det" or det.i + 1 >= len(doc) or doc[det.i + 1].ent_type_ != "DATE":
            continue
        end = det.i + 1
        while end < len(doc) and doc[end].ent_type_ == "DATE":
            end += 1
        if end >= len(doc) or det.head.i not in range(det.i + 1, end):
            continue
        date = det.head
        noun = doc[end]
        if noun.tag_ not in ("NN", "NNS", "VBG") or noun.head.i != date.head.i:
            continue
        det.head = noun
        date.head, date.dep_ = noun, "compound"


def _that_clauses(doc: Any) -> None:
    """A "that" clause the parser took for a relative clause of the noun before it, where the
    clause is passive with a subject of its own (no place for a relative pronoun as object),
    is what the verb before the noun tells: in
    "told a news briefing that Kestland had been notified on Tuesday" nothing was notified
    "that"; the notifying is what the spokesman told, not a part of the briefing."""
    for verb in doc:
        if verb.dep_ != "relcl" or verb.head.head.pos_ != "VERB" or verb.head.dep_ != "dobj":
            continue
        that = doc[verb.left_edge.i]
        if that.lower_ != "that" or that.head.i != verb.i or that.dep_ != "dobj":
            continue
        if not any(c.dep_ == "nsubjpass" for c in verb.children):
            continue  # "the plan that Kestland had proposed", "the letter that X sent Y"
        that.dep_ = "mark"
        verb.head, verb.dep_ = verb.head.head, "ccomp"
