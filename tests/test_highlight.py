"""Tests for timeline.views.highlight: a document as HTML with mentions and evidence marked."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from html.parser import HTMLParser

import pandas as pd

from timeline.documents import Document
from timeline.views.highlight import highlight_document

TEXT = "On <Monday>, March 30 & later, the council met; it replied on Thursday."
DOC = Document(doc_id="b2", text=TEXT)


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    type: str = "DATE"
    value: str = "2031-03-30"
    earliest: dt.date | None = dt.date(2031, 3, 30)
    latest: dt.date | None = dt.date(2031, 3, 30)
    precision: str = "day"


def _at(phrase: str) -> tuple[int, int]:
    start = TEXT.index(phrase)
    return start, start + len(phrase)


def _events(*rows: dict[str, object]) -> pd.DataFrame:
    base = {
        "event_id": "x",
        "kind": "event",
        "category": "meeting",
        "date_start": pd.Timestamp("2031-03-30"),
        "date_end": pd.Timestamp("2031-03-30"),
        "date_precision": "day",
        "responds_to": pd.NA,
        "sources": "b2",
        "evidence_start": pd.NA,
        "evidence_end": pd.NA,
    }
    return pd.DataFrame([{**base, **row} for row in rows])


class _Collector(HTMLParser):
    """Collect the visible text and check that every tag is closed in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.stack: list[str] = []
        self.marks: list[tuple[str, str]] = []
        self.in_style = False

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)
        self.in_style = tag == "style"
        if tag == "mark":
            attributes = dict(attrs)
            self.marks.append((attributes["class"], attributes["title"]))

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"unbalanced </{tag}>"
        self.stack.pop()
        self.in_style = False

    def handle_data(self, data):
        if not self.in_style:
            self.text.append(data)


def _parse(markup: str) -> _Collector:
    parser = _Collector()
    parser.feed(markup)
    parser.close()
    assert parser.stack == []
    return parser


def test_plain_text_is_escaped_and_kept():
    markup = highlight_document(DOC)
    assert "&lt;Monday&gt;" in markup
    assert "&amp; later" in markup
    assert "<Monday>" not in markup
    assert "".join(_parse(markup).text) == TEXT


def test_mentions_are_marked_in_place():
    start, end = _at("March 30")
    markup = highlight_document(DOC, mentions=[Mention(start, end)])
    assert '<mark class="date-mention date-date" title="DATE 2031-03-30 (2031-03-30), day">' in (
        markup
    )
    assert re.search(r'title="[^"]*">March 30</mark>', markup)
    assert "".join(_parse(markup).text) == TEXT


def test_evidence_of_this_documents_events_is_marked_and_nests_mentions():
    ev_start, ev_end = _at("on Thursday")
    m_start, m_end = _at("Thursday")
    events = _events(
        {
            "event_id": "reply",
            "kind": "response",
            "responds_to": "meeting",
            "evidence_start": ev_start,
            "evidence_end": ev_end,
            "date_start": pd.Timestamp("2031-04-02"),
            "date_end": pd.Timestamp("2031-04-02"),
        },
        {"event_id": "elsewhere", "sources": "z9;b2", "evidence_start": 0, "evidence_end": 2},
    )
    markup = highlight_document(DOC, mentions=[Mention(m_start, m_end)], events=events)
    parsed = _parse(markup)
    assert "".join(parsed.text) == TEXT
    assert [css for css, _ in parsed.marks] == [
        "event-evidence kind-response",
        "date-mention date-date",
    ]
    assert parsed.marks[0][1] == ("reply: response, meeting, 2031-04-02 (day), responds to meeting")
    assert 'replied <mark class="event-evidence kind-response"' in markup
    assert re.search(
        r'>on <mark class="date-mention date-date" [^>]*>Thursday</mark></mark>', markup
    )


def test_crossing_spans_are_split_into_well_formed_html():
    a_start, _ = _at("March 30 & later")
    _, b_end = _at("later, the council")
    first = Mention(a_start, a_start + len("March 30 & later"))
    second = Mention(a_start + len("March 30 & "), b_end, type="DURATION", value="PXD")
    parsed = _parse(highlight_document(DOC, mentions=[first, second]))
    assert "".join(parsed.text) == TEXT
    assert [css for css, _ in parsed.marks].count("date-mention date-duration") == 2


def test_data_text_in_titles_is_escaped():
    events = _events(
        {"event_id": '"><script>alert(1)</script>', "evidence_start": 0, "evidence_end": 2}
    )
    markup = highlight_document(DOC, events=events)
    assert "<script>" not in markup
    assert "&lt;script&gt;" in markup


def test_spans_outside_the_text_are_ignored_and_output_is_stable():
    events = _events({"evidence_start": 5, "evidence_end": len(TEXT) + 10})
    markup = highlight_document(DOC, events=events, mentions=[Mention(0, 2)])
    assert markup.count("<mark") == 1
    assert markup == highlight_document(DOC, events=events, mentions=[Mention(0, 2)])
