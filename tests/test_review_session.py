"""Tests for timeline.review_session: the review queue, its actions and the files they write."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from timeline import (
    ReviewError,
    ReviewSession,
    SchemaError,
    drop_rejected,
    events_frame,
    extract_events,
    load_documents,
    read_events,
    write_events,
)
from timeline.cli import main
from timeline.review_session import doubt_score, read_rejections, rejections_path

DATA = Path(__file__).resolve().parent / "data"
UNSEEN = DATA / "events_unseen"


def _row(event_id: str, **values: object) -> dict[str, object]:
    row: dict[str, object] = {
        "event_id": event_id,
        "kind": "event",
        "category": "visit",
        "title": f"Visit {event_id}",
        "date_start": "2030-05-02",
        "date_end": "2030-05-02",
        "date_precision": "day",
        "actor": "The mayor",
        "sources": "d1",
        "evidence": "x" * 4,
        "evidence_start": 0,
        "evidence_end": 4,
        "reviewed": False,
    }
    row.update(values)
    return row


@pytest.fixture(scope="module")
def unseen() -> tuple[list, pd.DataFrame]:
    docs = load_documents(UNSEEN)
    return docs, extract_events(docs)


# --- the queue --------------------------------------------------------------------------------


def test_queue_is_doubtful_first_by_confidence(tmp_path):
    rows = [_row(f"e{i}", evidence_start=10 * i, evidence_end=10 * i + 4) for i in range(3)]
    candidates = events_frame(rows).assign(confidence=[0.9, 0.2, 0.5])
    session = ReviewSession(candidates, tmp_path / "events.csv")
    assert [session.rows[i]["event_id"] for i in session.pending] == ["e1", "e2", "e0"]


def test_without_confidence_the_fallback_score_orders_the_queue(tmp_path):
    rows = [
        _row("sure", evidence_start=0, evidence_end=4),
        _row("no-actor", actor=None, evidence_start=10, evidence_end=14),
        _row("vague", actor=None, date_precision="approximate", evidence_start=20, evidence_end=24),
    ]
    session = ReviewSession(events_frame(rows), tmp_path / "events.csv")
    assert [session.rows[i]["event_id"] for i in session.pending] == ["vague", "no-actor", "sure"]
    assert session.scores == [1.0, 0.75, 0.5]


def test_a_response_comes_right_after_the_candidate_it_answers(tmp_path):
    rows = [
        _row("event-sure", evidence_start=0, evidence_end=4),
        _row(
            "reply", kind="response", responds_to="event-sure", evidence_start=10, evidence_end=14
        ),
        _row("other", evidence_start=20, evidence_end=24),
    ]
    candidates = events_frame(rows).assign(confidence=[0.9, 0.1, 0.5])
    session = ReviewSession(candidates, tmp_path / "events.csv")
    assert [session.rows[i]["event_id"] for i in session.pending] == [
        "event-sure",
        "reply",
        "other",
    ]


@pytest.mark.parametrize("value", [1.5, -0.1, "high"])
def test_a_confidence_outside_zero_to_one_is_refused(tmp_path, value):
    candidates = events_frame([_row("e1")]).assign(confidence=[value])
    with pytest.raises(ReviewError, match=r"candidate e1: confidence .* not a number from 0 to 1"):
        ReviewSession(candidates, tmp_path / "events.csv")


def test_doubt_score_uses_a_missing_confidence_as_absent():
    assert doubt_score({"confidence": float("nan"), "actor": "", "date_precision": "day"}) == 0.5


def test_doubt_score_reads_the_confidence_the_extractor_notes():
    notes = "extracted; confidence 0.65; class 150 (military exercise)"
    assert doubt_score({"notes": notes, "actor": "", "date_precision": "approximate"}) == 0.65
    assert doubt_score({"notes": notes, "confidence": 0.2}) == 0.2  # the column comes first


def test_candidates_that_duplicate_a_reviewed_row_are_not_queued(tmp_path, unseen):
    docs, candidates = unseen
    table = tmp_path / "events.csv"
    first = next(r for r in candidates.to_dict("records") if pd.isna(r["responds_to"]))
    write_events(events_frame([{**first, "reviewed": True}]), table)
    session = ReviewSession(candidates, table, documents=docs)
    assert session.already[first["event_id"]] == first["event_id"]
    assert set(session.already.values()) == {first["event_id"]}
    assert len(session.rows) == len(candidates) - len(session.already)
    assert first["event_id"] not in [row["event_id"] for row in session.rows]


# --- accept -----------------------------------------------------------------------------------


def test_accept_writes_the_candidate_as_a_reviewed_row_with_the_edits(tmp_path, unseen):
    docs, candidates = unseen
    table = tmp_path / "events.csv"
    session = ReviewSession(candidates, table, documents=docs)
    shown = session.current
    placed = session.accept({"actor": "An edited actor", "notes": "checked"})
    written = read_events(table)
    assert written["event_id"].tolist() == [placed] == [shown["event_id"]]
    row = written.iloc[0]
    assert (row["actor"], row["notes"], bool(row["reviewed"])) == (
        "An edited actor",
        "checked",
        True,
    )
    for column in ("kind", "category", "title", "sources", "evidence", "evidence_start"):
        assert row[column] == shown[column]
    assert session.progress().startswith(f"1 of {len(session.rows)} reviewed (1 accepted")


def test_accept_links_a_response_to_the_row_its_target_became(tmp_path):
    table = tmp_path / "events.csv"
    write_events(events_frame([_row("visit", reviewed=True, category="letter")]), table)
    rows = [
        _row("visit", evidence_start=40, evidence_end=44),
        _row("reply", kind="response", responds_to="visit", evidence_start=50, evidence_end=54),
    ]
    session = ReviewSession(events_frame(rows), table)
    assert session.accept() == "visit-2"  # the id was taken: the first free suffix
    assert session.accept() == "reply"
    written = read_events(table).set_index("event_id")
    assert written.loc["reply", "responds_to"] == "visit-2"


def test_accept_refuses_a_response_to_a_candidate_not_accepted_yet(tmp_path):
    rows = [
        _row("visit", evidence_start=0, evidence_end=4),
        _row("reply", kind="response", responds_to="visit", evidence_start=10, evidence_end=14),
    ]
    session = ReviewSession(events_frame(rows), tmp_path / "events.csv")
    session.skip()  # the visit goes to the end: the reply is shown first
    with pytest.raises(ReviewError, match="names candidate 'visit', not accepted yet"):
        session.accept()
    assert not (tmp_path / "events.csv").exists()


def test_an_invalid_edit_is_refused_and_nothing_is_written(tmp_path):
    table = tmp_path / "events.csv"
    session = ReviewSession(events_frame([_row("e1")]), table)
    with pytest.raises(SchemaError, match="date_end"):
        session.accept({"date_end": "2030-04-01"})  # before the start
    with pytest.raises(SchemaError, match="not-a-date"):
        session.accept({"date_start": "not-a-date"})
    with pytest.raises(ReviewError, match="cannot edit event_id"):
        session.accept({"event_id": "other"})
    assert not table.exists()
    assert session.current["event_id"] == "e1"


def test_accepting_a_duplicate_of_a_reviewed_row_says_to_merge(tmp_path):
    rows = [
        _row("a", evidence_start=0, evidence_end=4),
        _row("b", evidence_start=2, evidence_end=6),
    ]
    session = ReviewSession(events_frame(rows), tmp_path / "events.csv")
    session.accept()
    with pytest.raises(ReviewError, match="duplicates reviewed row a: merge it"):
        session.accept()


def test_a_table_changed_on_disk_is_never_overwritten(tmp_path):
    table = tmp_path / "events.csv"
    rows = [_row("a"), _row("b", evidence_start=10, evidence_end=14, category="letter")]
    session = ReviewSession(events_frame(rows), table)
    session.accept()
    other = read_events(table).assign(notes="a person's edit in a spreadsheet")
    write_events(other, table)
    before = table.read_bytes()
    with pytest.raises(ReviewError, match="changed on disk since this review read it"):
        session.accept()
    assert table.read_bytes() == before


def test_a_reviewed_row_never_changes_unless_acted_on(tmp_path):
    table = tmp_path / "events.csv"
    reviewed = _row("kept", reviewed=True, category="letter", title="A letter")
    write_events(events_frame([reviewed]), table)
    before = table.read_text(encoding="utf-8").splitlines()[1]
    session = ReviewSession(events_frame([_row("new", evidence_start=20, evidence_end=24)]), table)
    session.accept()
    assert before in table.read_text(encoding="utf-8").splitlines()
    # The guard itself: a table in which the reviewed row changed is refused.
    changed = session.table.assign(title="Rewritten")
    with pytest.raises(ReviewError, match="reviewed row kept would change"):
        session._write(changed, touched="new")


# --- merge, reject, skip, undo ----------------------------------------------------------------


def test_merge_adds_the_source_and_nothing_else(tmp_path):
    table = tmp_path / "events.csv"
    write_events(events_frame([_row("visit", reviewed=True)]), table)
    before = read_events(table)
    other = _row("same-visit", sources="d2", title="Other words", actor="Someone else")
    session = ReviewSession(events_frame([other]), table)
    assert session.merge_suggestion(session.current) == "visit"
    assert session.merge("visit") == "visit"
    after = read_events(table)
    assert after.loc[0, "sources"] == "d1;d2"
    assert after.drop(columns="sources").equals(before.drop(columns="sources"))


def test_merge_into_an_unknown_row_names_the_rows(tmp_path):
    table = tmp_path / "events.csv"
    write_events(events_frame([_row("visit", reviewed=True)]), table)
    session = ReviewSession(events_frame([_row("x", sources="d2")]), table)
    with pytest.raises(ReviewError, match=r"'nope' is not a row of .* \(rows: visit\)"):
        session.merge("nope")


def test_reject_is_remembered_and_not_proposed_again(tmp_path, unseen):
    docs, candidates = unseen
    table = tmp_path / "events.csv"
    session = ReviewSession(candidates, table, documents=docs)
    rejected = session.current["event_id"]
    session.reject()
    assert not table.exists()
    assert read_rejections(rejections_path(table))["event_id"].tolist() == [rejected]
    assert rejected not in drop_rejected(candidates, table)["event_id"].tolist()
    again = ReviewSession(extract_events(docs), table, documents=docs)
    assert len(again.rows) == len(candidates) - 1
    assert rejected not in [row["event_id"] for row in again.rows]


def test_a_changed_reading_of_a_rejected_passage_is_proposed_again(tmp_path):
    table = tmp_path / "events.csv"
    session = ReviewSession(events_frame([_row("e1")]), table)
    session.reject()
    changed = events_frame([_row("e1", date_start="2030-05-01")])
    assert drop_rejected(changed, table)["event_id"].tolist() == ["e1"]


def test_extract_merge_leaves_out_rejected_candidates(tmp_path, unseen):
    docs, candidates = unseen
    table = tmp_path / "events.csv"
    session = ReviewSession(candidates, table, documents=docs)
    session.accept()
    rejected = session.current["event_id"]
    session.reject()
    assert main(["extract", str(UNSEEN), "-o", str(table), "--merge", "--no-progress"]) == 0
    ids = read_events(table)["event_id"].tolist()
    assert rejected not in ids
    assert len(ids) == len(candidates) - 1


def test_a_link_to_a_rejected_candidate_is_cleared_and_noted(tmp_path):
    table = tmp_path / "events.csv"
    rows = [
        _row("visit"),
        _row("reply", kind="response", responds_to="visit", evidence_start=9, evidence_end=13),
    ]
    session = ReviewSession(events_frame(rows), table)
    session.reject()
    with pytest.raises(ReviewError, match="names candidate 'visit', which was rejected"):
        session.accept()
    kept = drop_rejected(events_frame(rows), table)
    assert kept["event_id"].tolist() == ["reply"]
    assert pd.isna(kept.loc[0, "responds_to"])
    assert kept.loc[0, "notes"] == "responds_to visit cleared: that candidate was rejected"


def test_a_broken_rejections_file_is_named(tmp_path):
    table = tmp_path / "events.csv"
    rejections_path(table).write_text("doc_id,title\nd1,x\n", encoding="utf-8")
    with pytest.raises(ReviewError, match=r"events.rejected.csv: the rejections file lacks"):
        ReviewSession(events_frame([_row("e1")]), table)


def test_skip_moves_the_candidate_to_the_end(tmp_path):
    rows = [_row(f"e{i}", evidence_start=10 * i, evidence_end=10 * i + 4) for i in range(3)]
    session = ReviewSession(events_frame(rows), tmp_path / "events.csv")
    session.skip()
    assert [session.rows[i]["event_id"] for i in session.pending] == ["e1", "e2", "e0"]
    assert not (tmp_path / "events.csv").exists()


def test_undo_reverts_each_action_and_its_files(tmp_path):
    table = tmp_path / "events.csv"
    write_events(events_frame([_row("kept", reviewed=True, category="letter")]), table)
    rows = [
        _row(f"e{i}", evidence_start=10 * i + 10, evidence_end=10 * i + 14, sources="d2")
        for i in range(4)
    ]
    session = ReviewSession(events_frame(rows), table)
    states = [(table.read_bytes(), None, list(session.pending))]
    session.accept()
    states.append((table.read_bytes(), None, list(session.pending)))
    session.merge("kept")
    states.append((table.read_bytes(), None, list(session.pending)))
    session.reject()
    rejections = rejections_path(table).read_bytes()
    states.append((table.read_bytes(), rejections, list(session.pending)))
    session.skip()
    assert session.progress() == "3 of 4 reviewed (1 accepted, 1 merged, 1 rejected)"
    for expected in ("skip", "reject", "merge", "accept"):
        assert session.undo() == expected
        data, rejected, pending = states.pop()
        assert table.read_bytes() == data
        assert session.pending == pending
        if expected == "reject":
            assert len(read_rejections(rejections_path(table))) == 0
    assert session.progress() == "0 of 4 reviewed (0 accepted, 0 merged, 0 rejected)"
    with pytest.raises(ReviewError, match="nothing to undo"):
        session.undo()


def test_nothing_left_to_review(tmp_path):
    session = ReviewSession(events_frame([_row("e1")]), tmp_path / "events.csv")
    session.reject()
    assert session.current is None
    for action in (session.accept, session.reject, session.skip):
        with pytest.raises(ReviewError, match="no candidate left"):
            action()
