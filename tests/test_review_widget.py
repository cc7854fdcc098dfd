"""Tests for timeline.review_widget without a browser: what the card shows and what its actions do.

The card's view (``_review.js``) is exercised in a live JupyterLab by tests/test_jupyterlab.py;
here the card's messages are handed to the kernel side directly.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline import Document, events_frame, read_events, review_candidates
from timeline.review_session import rejections_path

TEXT = (
    "HARBOURTOWN, May 3 -- The mayor of Arvenia <b>visited</b> the harbour on Friday, "
    "officials said. The council answered on Saturday with a letter."
)
DOCS = [
    Document(
        doc_id="d1",
        text=TEXT,
        outlet="Harbour Gazette",
        publisher_type="news media",
        published_text="2030-05-03",
    )
]


def _span(phrase: str) -> tuple[int, int]:
    start = TEXT.index(phrase)
    return start, start + len(phrase)


def _candidates():
    visit, answer = _span("<b>visited</b> the harbour on Friday"), _span("answered on Saturday")
    common = {"sources": "d1", "date_precision": "day", "reviewed": False}
    return events_frame(
        [
            {
                **common,
                "event_id": "visit-2030-05-02",
                "kind": "event",
                "category": "visit",
                "title": "The mayor visits the harbour",
                "actor": "The mayor of Arvenia",
                "date_start": "2030-05-02",
                "date_end": "2030-05-02",
                "evidence": TEXT[visit[0] : visit[1]],
                "evidence_start": visit[0],
                "evidence_end": visit[1],
            },
            {
                **common,
                "event_id": "letter-2030-05-03",
                "kind": "response",
                "category": "letter",
                "title": "The council answers with a letter",
                "date_start": "2030-05-03",
                "date_end": "2030-05-03",
                "responds_to": "visit-2030-05-02",
                "evidence": TEXT[answer[0] : answer[1]],
                "evidence_start": answer[0],
                "evidence_end": answer[1],
            },
        ]
    )


@pytest.fixture
def review(tmp_path, monkeypatch):
    import plotly.io

    # What a notebook kernel uses: the figure goes out as plotly's JSON mimetype.
    monkeypatch.setattr(plotly.io.renderers, "default", "plotly_mimetype")
    return review_candidates(_candidates(), tmp_path / "events.csv", documents=DOCS)


def _send(box, action: str, **fields: str) -> None:
    shown = dict(box.card.card.get("fields", {}))
    shown.update(fields)
    key = box.card.card.get("event_id")
    box.card._handle_custom_msg({"action": action, "key": key, "fields": shown, "target": ""}, [])


def _drawn_ids(box) -> list[str]:
    (output,) = box.chart.outputs
    figure = output["data"]["application/vnd.plotly.v1+json"]
    return sorted(
        event_id
        for trace in figure["data"]
        if (trace.get("meta") or {}).get("role") == "event-mark"
        for event_id in trace["customdata"]
    )


def test_the_card_shows_the_candidate_its_passage_and_its_source(review):
    card = review.card.card
    assert card["event_id"] == "visit-2030-05-02"
    assert card["doubt"] == "fallback score 1.00"
    assert card["meta"] == "document d1 · Harbour Gazette · news media · published 2030-05-03"
    assert card["fields"]["actor"] == "The mayor of Arvenia"
    assert card["fields"]["date_start"] == "2030-05-02"
    assert card["choices"]["kind"] == ["event", "response"]
    passage = card["passage_html"]
    assert '<mark class="event-evidence kind-event"' in passage
    assert "&lt;b&gt;visited&lt;/b&gt; the harbour on " in passage  # the document's text, escaped
    assert "<b>" not in passage
    assert 'class="date-mention date-date"' in passage  # "Friday"
    assert review.card.progress == "0 of 2 reviewed (0 accepted, 0 merged, 0 rejected)"
    ids = [row["id"] for row in review.card.rows]
    assert ids == ["letter-2030-05-03"]  # the other candidate; the table is empty
    assert _drawn_ids(review) == []


def test_accept_with_an_edit_writes_the_row_and_redraws_the_chart(review, tmp_path):
    _send(review, "accept", actor="The mayor")
    written = read_events(tmp_path / "events.csv")
    assert written["event_id"].tolist() == ["visit-2030-05-02"]
    assert written.loc[0, "actor"] == "The mayor"
    assert bool(written.loc[0, "reviewed"])
    assert review.card.message == "visit-2030-05-02: accepted as visit-2030-05-02"
    assert not review.card.message_is_error
    assert review.card.card["event_id"] == "letter-2030-05-03"
    assert review.card.progress.startswith("1 of 2 reviewed (1 accepted")
    assert [row["id"] for row in review.card.table_rows] == ["visit-2030-05-02"]
    assert _drawn_ids(review) == ["visit-2030-05-02"]


def test_an_unchanged_field_is_not_an_edit(review, tmp_path):
    _send(review, "accept")
    assert read_events(tmp_path / "events.csv").loc[0, "actor"] == "The mayor of Arvenia"


def test_a_refused_action_is_shown_on_the_card_and_changes_nothing(review, tmp_path):
    serial = review.card.serial
    _send(review, "accept", date_end="2030-04-01")
    assert review.card.message_is_error
    assert "date_end" in review.card.message
    assert review.card.card["event_id"] == "visit-2030-05-02"
    assert review.card.serial == serial + 1
    assert not (tmp_path / "events.csv").exists()
    _send(review, "dance")
    assert review.card.message == "unknown action 'dance'"


def test_reject_skip_and_undo_from_the_card(review, tmp_path):
    _send(review, "reject")
    assert rejections_path(tmp_path / "events.csv").exists()
    assert review.card.card["event_id"] == "letter-2030-05-03"
    _send(review, "skip")
    assert review.card.message.endswith("skipped: it comes back at the end of the queue")
    _send(review, "undo")
    _send(review, "undo")
    assert review.card.message == "undid reject"
    assert review.card.card["event_id"] == "visit-2030-05-02"
    assert review.card.progress.startswith("0 of 2 reviewed")


def test_merge_from_the_card(tmp_path, monkeypatch):
    import plotly.io

    monkeypatch.setattr(plotly.io.renderers, "default", "plotly_mimetype")
    box = review_candidates(_candidates(), tmp_path / "events.csv", documents=DOCS)
    _send(box, "accept")
    second = box.card.card["event_id"]
    box.card._handle_custom_msg({"action": "merge", "fields": {}, "target": "nope"}, [])
    assert box.card.message_is_error and "'nope' is not a row" in box.card.message
    box.card._handle_custom_msg({"action": "merge", "fields": {}, "target": "visit-2030-05-02"}, [])
    assert box.card.message == f"{second}: merged into visit-2030-05-02"
    assert box.card.card == {}
    assert box.card.progress == "2 of 2 reviewed (1 accepted, 1 merged, 0 rejected)"


def test_the_card_holds_the_next_candidate_to_show_at_once(review):
    assert review.card.card["next"]["event_id"] == "letter-2030-05-03"
    assert review.card.card["next"]["fields"]["responds_to"] == "visit-2030-05-02"
    _send(review, "skip")
    assert review.card.card["next"]["event_id"] == "visit-2030-05-02"
    _send(review, "reject")
    assert "next" not in review.card.card  # one candidate left


def test_an_action_on_an_out_of_date_card_is_refused(review, tmp_path):
    content = {"action": "accept", "key": "letter-2030-05-03", "fields": {}, "target": ""}
    review.card._handle_custom_msg(content, [])
    assert review.card.message_is_error
    assert review.card.message.startswith("accept of letter-2030-05-03 not done: the card was")
    assert review.card.card["event_id"] == "visit-2030-05-02"
    assert not (tmp_path / "events.csv").exists()


def test_without_documents_the_card_quotes_the_evidence(tmp_path):
    box = review_candidates(_candidates(), Path(tmp_path) / "events.csv")
    passage = box.card.card["passage_html"]
    assert passage.startswith("<p><em>no documents given</em>: &lt;b&gt;visited")
    assert box.card.card["meta"].startswith("document d1 · outlet unknown")
