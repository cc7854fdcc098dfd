"""Actors: the phrase a subject token heads, with pronouns resolved from the context.

An actor is the subject of the event's own clause (or its agent, or its possessor), as the
words of the document: never a date word, never the outlet from the manifest (unless the
document itself is the act), never a bare pronoun when a party was named before.
"""

from __future__ import annotations

from typing import Any

from timeline.events.words import Words

_KEEP_DEPS = frozenset(
    {
        "compound",
        "amod",
        "poss",
        "case",
        "nmod",
        "flat",
        "det",
        "nummod",
        "quantmod",
        "punct",
        "cc",
        "conj",
        "appos",
    }
)
_MAX_WORDS = 12


def actor_phrase(tok: Any, words: Words) -> tuple[str, tuple[int, int] | None]:
    """The words of the noun phrase a subject token heads, and their character span.

    Keeps modifiers before the head and an ``of`` phrase after it ("Ministry of External
    Affairs"); drops determiners, date words and relative clauses.
    """
    if tok is None or tok.ent_type_ in ("DATE", "TIME") or tok.like_num:
        return "", None
    if tok.tag_ in ("WP", "WDT"):
        return "", None  # "What happened on 2 April?": a question, no party
    if any(c.tag_ == "WP$" for c in tok.children):
        return "", None  # "whose term": a relative phrase whose antecedent the parse lost
    if tok.tag_ == "MD" and tok.text[:1].isupper():  # a name read as a modal ("May expelled")
        return tok.text, (tok.idx, tok.idx + len(tok.text))
    if tok.pos_ not in ("NOUN", "PROPN", "PRON", "ADJ"):
        return "", None  # a verb or a preposition the parse took for a subject
    tok = _office_holder(tok, words)
    left = [t for t in tok.lefts if t.dep_ in _KEEP_DEPS]
    tokens = []
    for t in left:
        tokens.extend(x for x in t.subtree if x.i < tok.i)
    tokens.append(tok)
    holder = _named_holder(tok)
    if holder is not None:
        # "First Deputy Prime Minister, Interior Minister Ivo Tarn": the titles and the name,
        # or the name with its own titles when that is too long
        chain = [t for t in tok.doc[tokens[0].i : holder.right_edge.i + 1]]
        return _phrase(chain if len(chain) <= _MAX_WORDS else list(holder.subtree))
    office = tok.lemma_.lower() in words.AGENT_HEADS
    for child in tok.rights:
        # "Ministry of External Affairs"; an office's "for": "spokesperson for the mission"
        of_phrase = child.dep_ == "prep" and (
            child.lower_ == "of"
            or (child.lower_ == "for" and office)
            or (child.lower_ == "in" and office and _place(child))  # "a court in Kess"
        )
        adjacent = child.dep_ in ("appos", "compound", "flat") and child.i == tokens[-1].i + 1
        adjacent = adjacent or (
            child.dep_ in ("cc", "conj") and child.left_edge.i <= tokens[-1].i + 2
        )  # "State Councilor and Foreign Minister Ana Lind": the conjunct from its first word
        adjacent = adjacent or (  # the comma of a list: "Kestland, Arvelia and Lirria"
            child.dep_ == "punct"
            and child.text == ","
            and child.i == tokens[-1].i + 1
            and any(c.dep_ == "conj" and c.i == child.i + 1 for c in tok.rights)
        )
        if of_phrase or adjacent:
            tokens.extend(t for t in child.subtree if not _in_clause(t, tok))
        else:
            break
    tokens = sorted({t.i: t for t in tokens}.values(), key=lambda t: t.i)
    tokens = [
        t
        for t in tokens
        if t.ent_type_ not in ("DATE", "TIME")
        and (t.lower_ not in words.DETERMINERS or t.i > tok.i)  # "spokesperson for the mission"
        or t.i == tok.i
    ]
    tokens = _contiguous(tokens, tok)
    tokens = _before_stray_preposition(tokens, tok)
    # leading punctuation, determiners and wh-words ("when unidentified people stormed":
    # the parse may hang the clause's "when" on the subject's first modifier)
    while tokens and (
        _symbol(tokens[0]) or tokens[0].lower_ in words.DETERMINERS or tokens[0].tag_ == "WRB"
    ):
        tokens = tokens[1:]
    tokens = _trim_end(tokens)
    opened = [k for k, t in enumerate(tokens) if t.text == "("]
    if opened and not any(t.text == ")" for t in tokens[opened[-1] :]):
        # "Arvelian Customs Office (ACO": close the bracket, or leave it out
        after = tokens[-1].doc[tokens[-1].i + 1 : tokens[-1].i + 3]
        close = next((t for t in after if t.text == ")"), None)
        if close is not None:
            tokens = tokens + [t for t in after if t.i <= close.i]
        else:
            tokens = tokens[: opened[-1]]
    if len(tokens) > _MAX_WORDS:
        # too long: the name itself ("the former high commissioner for refugees in the
        # region Anna Berg" -> "Anna Berg"), else the words nearest the head
        name = [t for t in tokens if t.pos_ == "PROPN" and abs(t.i - tok.i) <= 3]
        name = _contiguous(name, tok) if tok.pos_ == "PROPN" else []
        near = [t for t in tokens if abs(t.i - tok.i) < _MAX_WORDS // 2 + 1]
        tokens = name if name else near[-_MAX_WORDS:]
    tokens = _trim_end(tokens)
    if not tokens:
        return "", None
    start = tokens[0].idx
    end = tokens[-1].idx + len(tokens[-1].text)
    phrase = tokens[0].doc[tokens[0].i : tokens[-1].i + 1].text  # Doc.text would rebuild it all
    title = _title_after(tok, tokens[-1], words)
    if title:
        phrase = f"{title} {phrase}"  # "Ivo Tarn, Kestland's foreign minister,": the minister's
    return " ".join(phrase.split()), (start, end)


def _title_after(tok: Any, last: Any, words: Words) -> str:
    """The title of a person named before it after a comma ("Ivo Tarn, Kestland's foreign
    minister, said ..."), when the title names the person's country: '' otherwise."""
    if tok.pos_ != "PROPN" or tok.ent_type_ not in ("PERSON", ""):
        return ""  # a person (a name the tagger does not know has no type), not a place
    for child in tok.rights:
        if child.dep_ != "appos" or child.i <= last.i + 1:
            continue
        if child.lemma_.lower() not in words.PERSON_TITLES:
            return ""
        inner = [t for t in child.subtree if t.i <= child.i]
        if not any(t.ent_type_ in ("GPE", "NORP") or t.pos_ == "PROPN" for t in inner):
            return ""
        words_ = [t for t in inner if t.lower_ not in words.DETERMINERS]
        return " ".join(t.text for t in words_).replace(" 's", "'s").replace(" ’s", "’s")
    return ""


def _named_holder(tok: Any) -> Any | None:
    """The person a title names through appositions after commas ("the spokesman, Ana
    Lind"; "First Deputy Prime Minister, Interior Minister, Ivo Tarn"; "the deputy head of
    the committee, Ivo Tarn"), or None. A name,
    place or organisation is no title ("Kess, Valdoria's neighbour" is no person)."""
    if tok.ent_type_ in ("PERSON", "GPE", "ORG", "NORP") or tok.pos_ not in ("NOUN", "PROPN"):
        return None
    person = next((c for c in tok.rights if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
    if person is None:
        return None
    between = tok.doc[tok.i + 1 : person.left_edge.i]
    if not all(
        t.is_punct or (t.dep_ == "appos" and t.head.i == tok.i) or _in_appos(t, tok)
        for t in between
    ):
        return None
    return person


def _in_appos(t: Any, head: Any) -> bool:
    """Whether a token belongs to an apposition of ``head`` or to its "of" or "for" phrase
    ("the first deputy head of the committee, Ivo Tarn")."""
    while t.head.i != t.i and t.head.i != head.i:
        t = t.head
    if t.head.i != head.i:
        return False
    return t.dep_ == "appos" or (t.dep_ == "prep" and t.lower_ in ("of", "for"))


def _phrase(tokens: list[Any]) -> tuple[str, tuple[int, int] | None]:
    """The text and character span of a run of tokens, without an edge of punctuation."""
    while tokens and (_symbol(tokens[0]) or tokens[0].lower_ in ("the", "a", "an")):
        tokens = tokens[1:]
    tokens = _trim_end(tokens)
    if not tokens:
        return "", None
    start = tokens[0].idx
    end = tokens[-1].idx + len(tokens[-1].text)
    phrase = tokens[0].doc[tokens[0].i : tokens[-1].i + 1].text
    return " ".join(phrase.split()), (start, end)


def _symbol(tok: Any) -> bool:
    """Punctuation or a symbol with no letter or digit (a bullet "•", a dash, a bracket)."""
    return tok.is_punct or not any(ch.isalnum() for ch in tok.text)


def _office_holder(tok: Any, words: Words) -> Any:
    """A person's name the parse hung inside an office's "for" or "of" phrase ("high
    commissioner for human rights Ana Lind"): the office, whose phrase holds the name."""
    prep = tok.head
    if tok.dep_ != "pobj" or tok.ent_type_ != "PERSON" or prep.lower_ not in ("for", "of"):
        return tok
    office = prep.head
    if office.pos_ in ("NOUN", "PROPN") and office.lemma_.lower() in words.AGENT_HEADS:
        return office
    return tok


def _before_stray_preposition(tokens: list[Any], head: Any) -> list[Any]:
    """A preposition other than "of" before the head is a parse that swallowed the next
    phrase ("imposed by [Arvelia on Valdorian shipping] firms"): the name before it."""
    for k, t in enumerate(tokens):
        if t.i >= head.i:
            break
        if t.dep_ == "prep" and t.lower_ != "of":
            before = tokens[:k]
            named = before and before[-1].ent_type_ in ("GPE", "ORG", "NORP")
            return before if named else tokens  # "Minister for Foreign Affairs" stays
    return tokens


def _trim_end(tokens: list[Any]) -> list[Any]:
    """Without trailing punctuation, conjunctions and prepositions (the "of" of a date left
    out); a bracket that closes one opened in the phrase stays ("Arvelian Customs Office
    (ACO)")."""
    while tokens and (_symbol(tokens[-1]) or tokens[-1].dep_ in ("cc", "prep")):
        last = tokens[-1]
        if last.text == ")" and any(t.text == "(" for t in tokens[:-1]):
            break
        tokens = tokens[:-1]
    return tokens


def _place(prep: Any) -> bool:
    """Whether a preposition's object is a named place."""
    return any(c.dep_ == "pobj" and c.ent_type_ == "GPE" for c in prep.children)


def _in_clause(tok: Any, top: Any) -> bool:
    """Whether a token sits in a clause below ``top`` ("Berg, who released ...")."""
    for _ in range(20):
        if tok.i == top.i or tok.head.i == tok.i:
            return False
        if tok.dep_ in ("relcl", "acl", "advcl", "ccomp"):
            return True
        tok = tok.head
    return False


def _contiguous(tokens: list[Any], head: Any) -> list[Any]:
    """The run of consecutive token indices that contains the head."""
    if not tokens:
        return tokens
    index = {t.i for t in tokens}
    lo = hi = head.i
    while lo - 1 in index:
        lo -= 1
    while hi + 1 in index:
        hi += 1
    return [t for t in tokens if lo <= t.i <= hi]


def is_pronoun(phrase: str, words: Words) -> str:
    """'first' or 'third' when the actor phrase is only a pronoun, else ''."""
    low = phrase.lower().strip()
    if low in words.FIRST_PERSON and len(phrase.strip()) > 1 and phrase.strip().isupper():
        return ""  # "US": initials, not "us" ("THEY" in a shouted line is still a pronoun)
    if low in words.FIRST_PERSON:
        return "first"
    if low in words.THIRD_PERSON:
        return "third"
    return ""


def named(phrase: str) -> bool:
    """Whether a phrase names someone: it has a capitalised word or a known role word."""
    return any(w[:1].isupper() for w in phrase.split())


def plural(sent: Any, base: int, span: tuple[int, int] | None, words: Words) -> bool:
    """Whether the actor phrase at ``span`` (character offsets; ``base`` is the offset of the
    parsed text) is plural: its head is a plural common noun ("Arvelian diplomats") or it joins
    two parties ("Orvo and Lirria"). A proper name in the plural names one party ("the United
    Provinces"), two titles joined name one holder ("Deputy Premier and Foreign Minister"), and
    a pronoun's number is not its antecedent's."""
    if span is None:
        return False
    tokens = [t for t in sent if span[0] <= base + t.idx < span[1]]
    inside = {t.i for t in tokens}
    head = next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), None)
    if head is None or head.pos_ == "PRON":
        return False
    joined = [c for c in head.children if c.dep_ == "conj" and c.i in inside]
    if joined and not _title(head, words) and not any(_title(c, words) for c in joined):
        return True
    return head.pos_ == "NOUN" and "Plur" in head.morph.get("Number")


def _title(tok: Any, words: Words) -> bool:
    """A capitalised office title with no determiner of its own ("Foreign Minister", "State
    Councillor"): a known office word."""
    if not tok.text[:1].isupper() or any(c.dep_ == "det" for c in tok.children):
        return False
    return tok.lower_ in words.TITLE_WORDS


def person_before(pronoun: Any, words: Words) -> str:
    """The person a "he" or "she" names when its sentence names one before it ("summoned the
    envoy, Ivo Tarn, over remarks he made": Tarn), else ''. Only a name of two words or more
    ("Ivo Tarn") or an honorific and a name ("Mr. Tarn"; not "Ms. Kess" for "he"): a lone
    word the tagger calls a person is as often a people's name ("Sikh"). The caller asks
    only when the party named last is a place or an office, which "he" cannot be."""
    if pronoun is None or pronoun.lower_ not in words.PERSON_PRONOUNS:
        return ""
    sent = pronoun.sent
    other = words.HONORIFICS_FEMALE if pronoun.lower_ == "he" else words.HONORIFICS_MALE
    for ent in reversed([e for e in sent.ents if e.label_ == "PERSON" and e.end <= pronoun.i]):
        before = ent.doc[ent.start - 1] if ent.start > sent.start else None
        title = before is not None and before.lower_.rstrip(".") in words.HONORIFICS
        if title and before.lower_.rstrip(".") in other:
            continue
        if len(ent) >= 2 or title:
            return f"{before.text} {ent.text}" if title else ent.text
    return ""


def institution(phrase: str, words: Words) -> bool:
    """Whether an actor phrase names a body, not a person: its last word is an office
    ("Kestland's foreign ministry", "the embassy"), not a person's title ("the minister")."""
    last = phrase.split()[-1].lower() if phrase.split() else ""
    return last in words.AGENT_HEADS and last not in words.PERSON_TITLES
