"""Quotations and who speaks them: '"We have decided to ...," the ministry said.'

A first-person subject inside a quotation of a news report ("We have also decided to suspend
the visits") is the party the quotation is attributed to, not whoever the report named last.
The speaker is the subject of the saying verb that follows the closing mark in its sentence
('..." the ministry said in a statement') or, failing that, precedes the opening mark
('The minister said: "We ..."'). A speaker named only by a personal pronoun of one person
('..." he said', the language's ``PERSON_PRONOUNS``) is the person named last as saying
something before the quotation (``last_speaker``).
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from timeline.events.tokens import first_person

# an opening and a closing mark: typographic pairs (closed by a straight mark too, as pasted
# text mixes them), or straight double quotes
_PAIRED = re.compile(r"“([^”\"\n]*)[”\"]?|\"([^\"\n]*)\"?")

# how many words may stand between a quotation's mark and the verb saying it
SAYING_REACH = 12


def quotations(text: str) -> tuple[tuple[int, int], ...]:
    """The spans of the quotations of a text (double quotation marks: a single mark is as
    often an apostrophe), marks excluded; one left open runs to the end of its line.

    >>> text = 'He said: "We agree." Then “they left”, and “we stay," he said.'
    >>> [text[a:b] for a, b in quotations(text)]
    ['We agree.', 'they left', 'we stay,']
    """
    spans = []
    pos = 0
    while True:
        m = _PAIRED.search(text, pos)
        if m is None:
            return tuple(spans)
        end = m.end()
        if m.group(1) is not None:
            # a typographic mark closes with its own kind when its line has one (a straight
            # pair may sit inside: “its so-called "plan" is dead”), else with a straight one
            line_end = text.find("\n", m.start())
            closing = text.find("”", m.start(), line_end if line_end >= 0 else len(text))
            inner = text[m.start() + 1 : closing] if closing >= 0 else m.group(1)
            end = closing + 1 if closing >= 0 else end
        else:
            inner = m.group(2) or ""
        spans.append((m.start() + 1, m.start() + 1 + len(inner)))
        pos = max(end, m.start() + 1)


def quoted(spans: tuple[tuple[int, int], ...], offset: int) -> tuple[int, int] | None:
    """The quotation holding a character offset, or None."""
    return next(((a, b) for a, b in spans if a <= offset < b), None)


def speaker(sentences: list[tuple[int, Any]], span: tuple[int, int], words: Any) -> Any | None:
    """The token heading who says the quotation ``span``, or None.

    ``sentences`` are the document's parsed sentences with their offsets; ``words`` the
    language data (its ``SPEECH`` verbs).
    """
    start, end = span
    for base, sent in sentences:
        first = base + sent.start_char
        last = base + sent.end_char
        if first <= end < last + 2:
            after = [t for t in sent if base + t.idx > end][:SAYING_REACH]
            found = _saying_subject(after, words)
            if found is not None and _attributes(after, found):
                return found
        if first <= start - 1 < last:
            before = [t for t in sent if base + t.idx < start - 1][-SAYING_REACH:]
            found = _saying_subject(reversed(before), words)
            if found is not None:
                return found
    return None


def _attributes(after: list[Any], subject: Any) -> bool:
    """Whether the words after a closing mark are its attribution: past the punctuation, the
    saying clause starts at once ('," the ministry said'), not after another clause ('" and
    the ministry said nothing')."""
    rest = [t for t in after if not t.is_punct]
    if not rest:
        return False
    verb = subject.head
    return rest[0].i == verb.i or subject.left_edge.i <= rest[0].i <= subject.right_edge.i


def _saying_subject(tokens: Any, words: Any) -> Any | None:
    """The subject of the first saying verb among ``tokens``, or None."""
    for tok in tokens:
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in words.SPEECH:
            subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subject is not None and not first_person(subject, words):
                return subject
    return None


# how many sentences back a pronoun's speaker is looked for
SPEAKER_REACH = 6


def last_speaker(sentences: list[tuple[int, Any]], offset: int, words: Any) -> Any | None:
    """The subject heading the last saying verb before ``offset`` whose subject is a named
    person (a proper name the tagger takes for a person, or a titled name): the antecedent of
    '..." he said' in 'Tarn vowed ... "We will ...," he said'. None when the last few sentences
    name no speaker."""
    k = bisect.bisect_left(sentences, offset, key=lambda pair: pair[0] + pair[1].start_char)
    for base, sent in reversed(sentences[max(0, k - SPEAKER_REACH) : k]):
        for tok in reversed(sent):
            if base + tok.idx >= offset or tok.lemma_.lower() not in words.SPEECH:
                continue
            if tok.pos_ not in ("VERB", "AUX"):
                continue
            subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subject is not None and _person(subject):
                return subject
    return None


def _person(tok: Any) -> bool:
    """Whether a subject names a person: a proper name tagged as a person."""
    return tok.pos_ == "PROPN" and tok.ent_type_ == "PERSON"
