"""Quotations and who speaks them: '"We have decided to ...," the ministry said.'

A first-person subject inside a quotation of a news report ("We have also decided to suspend
the visits") is the party the quotation is attributed to, not whoever the report named last.
The speaker is the subject of the saying verb that follows the closing mark in its sentence
('..." the ministry said in a statement') or, failing that, precedes the opening mark
('The minister said: "We ..."').
"""

from __future__ import annotations

import re
from typing import Any

# an opening and a closing mark: typographic pairs, or straight double quotes
_PAIRED = re.compile(r"“([^”\n]*)”?|\"([^\"\n]*)\"?")

# how many words may stand between a quotation's mark and the verb saying it
SAYING_REACH = 8


def quotations(text: str) -> tuple[tuple[int, int], ...]:
    """The spans of the quotations of a text (double quotation marks: a single mark is as
    often an apostrophe), marks excluded; one left open runs to the end of its line.

    >>> text = 'He said: "We agree." Then “they left”.'
    >>> [text[a:b] for a, b in quotations(text)]
    ['We agree.', 'they left']
    """
    spans = []
    for m in _PAIRED.finditer(text):
        inner = m.group(1) if m.group(1) is not None else m.group(2) or ""
        spans.append((m.start() + 1, m.start() + 1 + len(inner)))
    return tuple(spans)


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
            if subject is not None and subject.lower_ not in words.FIRST_PERSON:
                return subject
    return None
