"""Tests for timeline.review: merging candidates into a reviewed events table."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.documents import Document
from timeline.errors import SchemaError
from timeline.review import MergeReport, merge_events
from timeline.table import COLUMNS

TEXT = (
    "RIVERTON, April 2 -- The town council rejected the harbour survey on Thursday. "
    "The Harbour Master published the survey on Monday, March 30."
)
DOCS = [Document(doc_id="b2", text=TEXT)]


def _span(phrase: str) -> tuple[int, int]:
    start = TEXT.index(phrase)
    return start, start + len(phrase)


def _row(event_id: str, **values: object) -> dict[str, object]:
    row: dict[str, object] = dict.fromkeys(COLUMNS, pd.NA)
    row.update(
        event_id=event_id,
        kind="event",
        category="report",
        date_precision="day",
        sources="b2",
        reviewed=False,
    )
    for name in ("date_start", "date_end"):
        row[name] = pd.NaT
    if "date" in values:
        row["date_start"] = row["date_end"] = pd.Timestamp(values.pop("date"))
    if "evidence" in values:
        row["evidence_start"], row["evidence_end"] = _span(values["evidence"])
    row.update(values)
    return row


def _table(*rows: dict[str, object]) -> pd.DataFrame:
    df = pd.DataFrame(list(rows), columns=list(COLUMNS))
    dtypes = dict.fromkeys(COLUMNS, "string")
    dtypes.update(
        date_start="datetime64[s]",
        date_end="datetime64[s]",
        evidence_start="Int64",
        evidence_end="Int64",
        reviewed="boolean",
    )
    return df.astype(dtypes)


SURVEY = _row(
    "survey-2031",
    date="2031-03-30",
    evidence="on Monday, March 30",
    title="Harbour Master publishes a pier survey",
    reviewed=True,
    notes="checked by hand",
)
REPLY = _row(
    "council-reply-2031",
    kind="response",
    category="statement",
    date="2031-04-02",
    evidence="on Thursday",
    responds_to="survey-2031",
)


def test_reviewed_rows_stay_exactly_as_they_were():
    existing = _table(SURVEY, REPLY)
    candidate = dict(SURVEY, title="A different title", notes=pd.NA, reviewed=False)
    merged, report = merge_events(existing, _table(candidate))
    pd.testing.assert_frame_equal(merged.iloc[[0]], existing.iloc[[0]])
    assert report.kept == ("survey-2031",)
    assert report.added == ()
    assert len(merged) == 2


def test_new_candidates_are_added_unreviewed_after_existing_rows():
    existing = _table(SURVEY)
    fresh = _row("pier-closure-2031", category="closure", date="2031-04-10", reviewed=True)
    merged, report = merge_events(existing, _table(fresh))
    assert list(merged["event_id"]) == ["survey-2031", "pier-closure-2031"]
    assert merged["reviewed"].tolist() == [True, False]
    assert report.added == ("pier-closure-2031",)
    assert merged.dtypes.equals(existing.dtypes)


def test_candidate_matching_by_kind_category_and_overlapping_dates_is_not_added():
    existing = _table(dict(SURVEY, evidence_start=pd.NA, evidence_end=pd.NA))
    same = _row("survey-x", date_start=pd.Timestamp("2031-03-01"), date_end=pd.NaT)
    merged, report = merge_events(existing, _table(same))
    assert len(merged) == 1
    assert report.added == ()
    assert report.conflicting == ()


def test_candidate_with_same_evidence_but_other_category_is_not_added():
    existing = _table(dict(SURVEY, category="assessment"))
    merged, report = merge_events(existing, _table(_row("survey-x", **_evidence_of(SURVEY))))
    assert len(merged) == 1
    assert report.added == ()


def _evidence_of(row: dict[str, object]) -> dict[str, object]:
    return {
        "date": row["date_start"],
        "evidence": row["evidence"],
        "evidence_start": row["evidence_start"],
        "evidence_end": row["evidence_end"],
    }


def test_other_document_or_other_dates_make_a_new_row():
    existing = _table(SURVEY)
    other_doc = _row("survey-elsewhere", date="2031-03-30", sources="z9")
    other_day = _row("survey-later", date="2031-05-30")
    merged, report = merge_events(existing, _table(other_doc, other_day))
    assert report.added == ("survey-elsewhere", "survey-later")
    assert len(merged) == 3


def test_same_evidence_with_other_dates_is_a_conflict():
    existing = _table(SURVEY)
    wrong = _row("survey-wrong", date="2031-03-23", evidence="on Monday, March 30")
    merged, report = merge_events(existing, _table(wrong))
    assert len(merged) == 1
    assert report.conflicting == ("survey-2031",)
    assert any(
        "conflicting: reviewed survey-2031 (2031-03-30)" in line
        and "candidate survey-wrong (2031-03-23)" in line
        for line in report.details
    )
    pd.testing.assert_frame_equal(merged, existing)


def test_unreviewed_row_is_replaced_by_its_candidate_and_keeps_its_id():
    existing = _table(SURVEY, REPLY)
    fresh = dict(REPLY, event_id="reply-new", title="Council rejects the survey")
    merged, report = merge_events(existing, _table(fresh))
    assert report.replaced == ("council-reply-2031",)
    assert list(merged["event_id"]) == ["survey-2031", "council-reply-2031"]
    assert merged.loc[1, "title"] == "Council rejects the survey"
    assert not merged.loc[1, "reviewed"]


def test_a_candidate_equal_to_an_unreviewed_row_is_reported_unchanged():
    existing = _table(SURVEY, REPLY)
    merged, report = merge_events(existing, _table(REPLY))
    pd.testing.assert_frame_equal(merged, existing)
    assert report.replaced == ()
    assert report.unchanged == ("council-reply-2031",)


def test_unmatched_unreviewed_rows_are_kept():
    existing = _table(SURVEY, REPLY)
    merged, report = merge_events(existing, _table())
    pd.testing.assert_frame_equal(merged, existing)
    assert report.unmatched == ("council-reply-2031",)


def test_event_id_collisions_get_a_deterministic_suffix():
    existing = _table(SURVEY, _row("flood", category="flood", date="2031-01-01", reviewed=True))
    candidates = _table(
        _row("survey-2031", category="vote", date="2031-06-01"),
        _row("survey-2031-2", category="vote", date="2031-07-01"),
        _row("flood", category="flood", date="2031-02-01"),
    )
    merged, report = merge_events(existing, candidates)
    assert report.added == ("survey-2031-3", "survey-2031-2", "flood-2")
    assert merged["event_id"].is_unique


def test_responds_to_is_remapped_to_the_reviewed_duplicate():
    existing = _table(SURVEY)
    survey_again = _row("pier-survey", date="2031-03-30", evidence="on Monday, March 30")
    reply = dict(REPLY, responds_to="pier-survey")
    merged, report = merge_events(existing, _table(survey_again, reply))
    assert report.added == ("council-reply-2031",)
    assert merged.loc[1, "responds_to"] == "survey-2031"


def test_responds_to_follows_a_renamed_candidate():
    existing = _table(_row("target", category="vote", date="2031-05-05", reviewed=True))
    target = _row("target", category="survey", date="2031-03-30")
    reply = dict(REPLY, responds_to="target")
    merged, _ = merge_events(existing, _table(target, reply))
    assert merged.set_index("event_id").loc["council-reply-2031", "responds_to"] == "target-2"


def test_stale_evidence_is_reported_not_changed():
    moved = dict(SURVEY, evidence_start=SURVEY["evidence_start"] + 1)
    existing = _table(moved)
    merged, report = merge_events(existing, _table(), documents=DOCS)
    assert report.stale == ("survey-2031",)
    assert any(line.startswith("stale: survey-2031: evidence") for line in report.details)
    pd.testing.assert_frame_equal(merged, existing)


def test_good_evidence_is_not_stale():
    _, report = merge_events(_table(SURVEY, REPLY), _table(), documents=DOCS)
    assert report.stale == ()


def test_report_text_summarises_counts_and_lists_conflicts():
    existing = _table(SURVEY, REPLY)
    wrong = _row("survey-wrong", date="2031-03-23", evidence="on Monday, March 30")
    new = _row("closure", category="closure", date="2031-04-10")
    _, report = merge_events(existing, _table(wrong, new))
    lines = report.to_text().splitlines()
    assert lines[0] == (
        "added 1, kept 1 reviewed, replaced 0 unreviewed (0 unchanged), "
        "kept 1 unmatched unreviewed, 1 conflicting, 0 stale"
    )
    assert lines[1].startswith("conflicting: reviewed survey-2031")
    assert isinstance(report, MergeReport)


def test_missing_column_is_named():
    with pytest.raises(SchemaError, match=r"candidates table lacks column\(s\) evidence"):
        merge_events(_table(SURVEY), _table().drop(columns=["evidence"]))


def test_reviewed_lines_survive_a_merge_and_write_byte_for_byte(root, corpus_dir, tmp_path):
    from timeline.documents import load_documents
    from timeline.table import read_events, validate_events, write_events

    shipped = root / "data" / "events.csv"
    existing = read_events(shipped)
    assert existing["reviewed"].all()
    candidates = existing.copy()
    candidates["event_id"] = "cand-" + candidates["event_id"]
    candidates["responds_to"] = ("cand-" + candidates["responds_to"]).astype("string")
    candidates["title"] = "machine title"
    candidates["notes"] = pd.NA
    candidates["reviewed"] = False
    extra = candidates.iloc[[0]].copy()
    extra["event_id"] = "cand-new-visit"
    extra["date_start"] = extra["date_end"] = pd.Timestamp("2017-01-05")
    extra["evidence_start"] = extra["evidence_end"] = pd.NA
    extra["evidence"] = pd.NA
    merged, report = merge_events(
        existing,
        pd.concat([candidates, extra], ignore_index=True),
        documents=load_documents(corpus_dir),
    )
    assert report.added == ("cand-new-visit",)
    assert len(report.kept) == len(existing)
    assert report.stale == ()
    assert report.conflicting == ()
    out = tmp_path / "events.csv"
    write_events(merged, out)
    validate_events(read_events(out), corpus=corpus_dir)
    before = shipped.read_bytes().splitlines(keepends=True)
    after = out.read_bytes().splitlines(keepends=True)
    assert set(before) <= set(after)
    assert len(after) == len(before) + 1


def test_merging_a_fresh_extraction_into_itself_changes_nothing(corpus_dev_dir, tmp_path):
    from timeline.documents import load_documents
    from timeline.events import extract_events
    from timeline.table import read_events, write_events

    docs = load_documents(corpus_dev_dir)
    out = tmp_path / "events.csv"
    write_events(extract_events(docs), out)
    before = out.read_bytes()
    merged, report = merge_events(read_events(out), extract_events(docs), documents=docs)
    write_events(merged, out)
    assert out.read_bytes() == before
    assert report.added == report.replaced == report.unmatched == report.stale == ()
    assert len(report.unchanged) == len(merged)


_CANDIDATE_ROWS = st.fixed_dictionaries(
    {
        "kind": st.sampled_from(["event", "response"]),
        "category": st.sampled_from(["visit", "report"]),
        "day": st.integers(1, 6),
        "sources": st.sampled_from(["b2", "z9", "b2;z9"]),
        "evidence": st.sampled_from(["on Thursday", "on Monday, March 30", None]),
        "target": st.integers(0, 5),
    }
)


def _random_table(specs: list[dict], prefix: str, reviewed: list[bool]) -> pd.DataFrame:
    rows = []
    for number, (spec, done) in enumerate(zip(specs, reviewed, strict=True)):
        extra = {"evidence": spec["evidence"]} if spec["evidence"] else {}
        target = spec["target"]
        rows.append(
            _row(
                f"{prefix}{number % 3}-{number}" if prefix else f"e{number}",
                kind=spec["kind"],
                category=spec["category"],
                date=f"2031-04-0{spec['day']}",
                sources=spec["sources"],
                responds_to=f"{prefix}{target % 3}-{target}" if target < len(specs) else pd.NA,
                reviewed=done,
                **extra,
            )
        )
    return _table(*rows)


@settings(max_examples=60, deadline=None)
@given(
    old=st.lists(st.tuples(_CANDIDATE_ROWS, st.booleans()), max_size=6),
    new=st.lists(_CANDIDATE_ROWS, max_size=6),
)
def test_a_merge_never_loses_or_alters_reviewed_rows(old, new):
    existing = _random_table([s for s, _ in old], "", [r for _, r in old])
    existing["responds_to"] = pd.array([pd.NA] * len(existing), dtype="string")
    candidates = _random_table(new, "c", [False] * len(new))
    merged, report = merge_events(existing, candidates, documents=DOCS)
    assert merged["event_id"].is_unique
    assert len(merged) == len(existing) + len(report.added)
    assert set(existing["event_id"]) <= set(merged["event_id"])
    reviewed = existing[existing["reviewed"]]
    pd.testing.assert_frame_equal(
        merged.iloc[reviewed.index], reviewed, check_index_type=False, check_like=False
    )
    assert set(report.kept) == set(reviewed["event_id"])
    targets = merged["responds_to"].dropna()
    assert set(targets) <= set(merged["event_id"])
    assert not merged.iloc[len(existing) :]["reviewed"].any()


def test_a_row_a_reviewed_answer_depends_on_is_held_not_moved_past_it():
    survey = dict(SURVEY, reviewed=False, notes=pd.NA)
    reply = dict(REPLY, reviewed=True)  # reviewed, answers survey-2031, on 2031-04-02
    moved = dict(survey, event_id="survey-late", date_start=pd.Timestamp("2031-04-09"))
    moved["date_end"] = moved["date_start"]
    existing = _table(survey, reply)
    merged, report = merge_events(existing, _table(moved))
    # survey-2031 keeps its date, so the reviewed reply still does not precede it
    assert merged.loc[0, "date_start"] == pd.Timestamp("2031-03-30")
    assert report.held == ("survey-2031",)
    pd.testing.assert_frame_equal(merged.iloc[:2], existing)
    assert "survey-late" in merged["event_id"].tolist()  # the candidate is not lost
    (line,) = [d for d in report.details if d.startswith("held:")]
    assert "candidate survey-late" in line
    assert "reviewed council-reply-2031 answers survey-2031" in line
    assert "set reviewed=true" in line
