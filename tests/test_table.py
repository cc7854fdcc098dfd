"""Tests for timeline.table: the schema, reading, validating and writing the events table.

The fixtures are invented: ``tests/data/table_valid.csv`` (written by ``write_events``) and
the two-document corpus ``tests/data/table_corpus`` it quotes.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.errors import SchemaError
from timeline.table import (
    COLUMNS,
    KINDS,
    PRECISIONS,
    PUBLISHER_TYPES,
    QUOTE_COLUMNS,
    SOURCE_COLUMNS,
    datapackage,
    events_frame,
    read_events,
    read_sources,
    sort_events,
    validate_events,
    write_events,
    write_sources,
)

DATA = Path(__file__).resolve().parent / "data"
VALID = DATA / "table_valid.csv"
CORPUS = DATA / "table_corpus"
HEADER = ",".join(COLUMNS)
# One valid row of the fixture's shape, to edit cell by cell in the CSV-level tests.
ROW = {
    "event_id": "e1",
    "kind": "event",
    "category": "visit",
    "date_start": "2020-05-01",
    "date_end": "2020-05-01",
    "date_precision": "day",
    "date_text": "on Friday",
    "title": "A visit",
    "actor": "",
    "responds_to": "",
    "sources": "t1",
    "source_url": "",
    "outlet": "",
    "publisher_type": "",
    "evidence": "",
    "evidence_start": "",
    "evidence_end": "",
    "reviewed": "true",
    "notes": "",
}


def _csv(tmp_path: Path, *rows: dict[str, str], header: str = HEADER) -> Path:
    """Write a CSV of ``rows`` (dicts over COLUMNS, given in the CSV's own words)."""
    lines = [header] + [",".join(row[c] for c in COLUMNS) for row in rows]
    path = tmp_path / "events.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _row(**changes: str) -> dict[str, str]:
    return {**ROW, **changes}


@pytest.fixture
def events() -> pd.DataFrame:
    """The valid invented table, as read."""
    return read_events(VALID)


def _row_of(df: pd.DataFrame, event_id: str) -> int:
    return int(np.flatnonzero(df["event_id"] == event_id)[0])


# --------------------------------------------------------------------------- reading


def test_read_gives_schema_columns_in_order(events):
    assert tuple(events.columns) == COLUMNS


def test_read_gives_declared_dtypes(events):
    assert events["date_start"].dtype == "datetime64[s]"
    assert events["date_end"].dtype == "datetime64[s]"
    assert events["evidence_start"].dtype == "Int64"
    assert events["evidence_end"].dtype == "Int64"
    assert events["reviewed"].dtype == "boolean"
    text = [c for c in COLUMNS if c not in ("date_start", "date_end", "reviewed")]
    text = [c for c in text if not c.startswith("evidence_") or c == "evidence"]
    assert all(isinstance(events[c].dtype, pd.StringDtype) for c in text)


def test_read_turns_empty_cells_into_missing_values(events):
    before = events.loc[_row_of(events, "quiet-hours-deal")]
    assert before["date_start"] is pd.NaT
    assert before["responds_to"] is pd.NA
    assert before["date_end"] == pd.Timestamp("2018-12-31")


def test_read_keeps_the_file_row_order(tmp_path):
    path = _csv(tmp_path, _row(event_id="zz", date_start="2021-01-01", date_end="2021-01-01"), ROW)
    assert read_events(path)["event_id"].tolist() == ["zz", "e1"]


def test_read_tolerates_a_byte_order_mark(tmp_path):
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbf" + VALID.read_bytes())
    pd.testing.assert_frame_equal(read_events(path), read_events(VALID))


def test_read_accepts_crlf_line_endings(tmp_path):
    path = tmp_path / "crlf.csv"
    path.write_bytes(VALID.read_bytes().replace(b"\n", b"\r\n"))
    df = read_events(path)
    # The newline inside a quoted field is data and keeps its \r\n; the rest is identical.
    df["notes"] = df["notes"].str.replace("\r\n", "\n", regex=False)
    pd.testing.assert_frame_equal(df, read_events(VALID))


def test_read_can_skip_validation(tmp_path):
    path = _csv(tmp_path, _row(kind="rumour"))
    assert read_events(path, validate=False)["kind"].tolist() == ["rumour"]


def test_read_validates_by_default_and_names_the_file(tmp_path):
    path = _csv(tmp_path, _row(kind="rumour"))
    with pytest.raises(SchemaError, match=rf"^{str(path)!s}: 1 problem") as info:
        read_events(path)
    assert info.value.problems == [
        "row 1 (event_id 'e1'), column 'kind': 'rumour' is not one of: event, response"
    ]


def test_read_rejects_a_missing_column(tmp_path):
    header = HEADER.replace(",notes", "")
    path = tmp_path / "events.csv"
    path.write_text(header + "\n", encoding="utf-8")
    with pytest.raises(SchemaError, match="missing column 'notes'"):
        read_events(path)


def test_read_rejects_an_unknown_column_and_lists_the_allowed(tmp_path):
    path = tmp_path / "events.csv"
    path.write_text(HEADER + ",colour\n", encoding="utf-8")
    with pytest.raises(SchemaError, match=r"unknown column 'colour' \(allowed: event_id, kind,"):
        read_events(path)


def test_read_rejects_a_repeated_column(tmp_path):
    path = tmp_path / "events.csv"
    path.write_text(HEADER + ",title\n", encoding="utf-8")
    with pytest.raises(SchemaError, match="column 'title' appears more than once"):
        read_events(path)


def test_read_rejects_an_empty_file(tmp_path):
    path = tmp_path / "events.csv"
    path.write_bytes(b"")
    with pytest.raises(
        SchemaError, match=r"events.csv: empty file; expected a header row: event_id"
    ):
        read_events(path)


def test_read_accepts_a_header_only_file_as_an_empty_table(tmp_path):
    path = tmp_path / "events.csv"
    path.write_text(HEADER + "\n", encoding="utf-8")
    df = read_events(path)
    assert len(df) == 0
    assert df["date_start"].dtype == "datetime64[s]"


def test_read_rejects_malformed_csv_naming_file_and_line(tmp_path):
    path = tmp_path / "events.csv"
    good = ",".join(ROW[c] for c in COLUMNS)
    path.write_text(f'{HEADER}\n{good}\ne2,event,"visit\n', encoding="utf-8")
    with pytest.raises(
        SchemaError, match=r"events.csv: malformed CSV at line 3: unexpected end of data"
    ):
        read_events(path)


def test_read_rejects_a_row_with_the_wrong_number_of_fields(tmp_path):
    path = tmp_path / "events.csv"
    path.write_text(HEADER + "\ne1,event,visit\n", encoding="utf-8")
    with pytest.raises(SchemaError, match="row 1: 3 fields, expected 19"):
        read_events(path)


def test_read_rejects_a_blank_line(tmp_path):
    path = _csv(tmp_path, ROW)
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    with pytest.raises(SchemaError, match=r"row 2: blank line \(delete it\)"):
        read_events(path)


def test_read_rejects_undecodable_bytes_naming_file_byte_and_line(tmp_path):
    path = _csv(tmp_path, _row(title="Caf\u00e9 visit"))
    data = path.read_bytes().replace("\u00e9".encode(), b"\xe9")  # Latin-1, not UTF-8
    path.write_bytes(data)
    offset = data.index(b"\xe9")
    with pytest.raises(
        SchemaError, match=rf"events.csv: not valid UTF-8 at byte {offset} \(line 2\)"
    ):
        read_events(path)


def test_read_rejects_an_impossible_date(tmp_path):
    path = _csv(tmp_path, _row(date_start="2019-02-30"))
    with pytest.raises(
        SchemaError,
        match=r"row 1 \(event_id 'e1'\), column 'date_start': '2019-02-30' is not a real calendar "
        r"date \(expected an ISO date YYYY-MM-DD\)",
    ):
        read_events(path)


def test_read_rejects_a_date_not_in_iso_form(tmp_path):
    path = _csv(tmp_path, _row(date_end="10 July 2019"))
    with pytest.raises(
        SchemaError, match=r"column 'date_end': '10 July 2019' is not a date \(expected an ISO date"
    ):
        read_events(path)


def test_read_rejects_a_date_with_a_time(tmp_path):
    path = _csv(tmp_path, _row(date_end="2020-05-01T10:00"))
    with pytest.raises(SchemaError, match=r"column 'date_end': '2020-05-01T10:00' is not a date"):
        read_events(path)


@pytest.mark.parametrize("day", ["0001-01-01", "1500-02-28", "2300-12-31", "9999-12-31"])
def test_read_keeps_any_day_of_the_years_1_to_9999(tmp_path, day):
    path = _csv(tmp_path, _row(date_start=day, date_end=day))
    events = read_events(path)
    assert events.loc[0, "date_start"].date().isoformat() == day
    assert events["date_start"].dtype == "datetime64[s]"
    out = tmp_path / "again.csv"
    write_events(events, out)
    assert f",{day},{day}," in out.read_text(encoding="utf-8")


def test_read_rejects_a_year_beyond_9999(tmp_path):
    path = _csv(tmp_path, _row(date_start="10000-01-01"))
    with pytest.raises(SchemaError, match="'10000-01-01' is not a date"):
        read_events(path)


@pytest.mark.parametrize("value", ["12.0", "-3", "twelve", "+4", "\u0663"])
def test_read_rejects_a_bad_integer(tmp_path, value):
    path = _csv(tmp_path, _row(evidence="x", evidence_start=value, evidence_end="5"))
    with pytest.raises(
        SchemaError,
        match=rf"column 'evidence_start': '{re.escape(value)}' is not a whole number \(expected",
    ):
        read_events(path)


@pytest.mark.parametrize("value", ["yes", "1", "TRUE", "True "])
def test_read_rejects_a_bad_boolean(tmp_path, value):
    path = _csv(tmp_path, _row(reviewed=value))
    with pytest.raises(
        SchemaError, match=rf"column 'reviewed': '{value}' is not one of: true, false"
    ):
        read_events(path)


def test_read_collects_every_bad_cell(tmp_path):
    path = _csv(tmp_path, _row(date_start="2019-02-30"), _row(event_id="e2", reviewed="maybe"))
    with pytest.raises(SchemaError, match="2 problems") as info:
        read_events(path)
    assert [p.split(",")[0] for p in info.value.problems] == [
        "row 1 (event_id 'e1')",
        "row 2 (event_id 'e2')",
    ]


# --------------------------------------------------------------------------- validating


def test_valid_fixture_validates_against_its_corpus(events):
    validate_events(events, corpus=CORPUS)


def test_validate_rejects_a_non_dataframe():
    with pytest.raises(TypeError, match="expects a pandas DataFrame, got list"):
        validate_events([{"event_id": "x"}])


def test_validate_rejects_a_missing_column(events):
    with pytest.raises(SchemaError, match="missing column 'actor'"):
        validate_events(events.drop(columns="actor"))


def test_validate_rejects_an_unknown_column(events):
    with pytest.raises(SchemaError, match="unknown column 'extra'"):
        validate_events(events.assign(extra="x"))


def test_validate_rejects_a_column_of_the_wrong_dtype(events):
    events["date_start"] = events["date_start"].dt.strftime("%Y-%m-%d")
    with pytest.raises(SchemaError, match=r"column 'date_start': dtype .*, expected datetime64"):
        validate_events(events)


def test_validate_names_row_column_value_and_choices_for_an_unknown_kind(events):
    events.loc[1, "kind"] = "evnt"
    eid = events.loc[1, "event_id"]
    with pytest.raises(
        SchemaError,
        match=rf"row 2 \(event_id '{eid}'\), column 'kind': 'evnt' is not one of: event, response",
    ):
        validate_events(events)


def test_validate_rejects_an_unknown_precision(events):
    events.loc[0, "date_precision"] = "roughly"
    allowed = ", ".join(PRECISIONS)
    with pytest.raises(
        SchemaError, match=rf"column 'date_precision': 'roughly' is not one of: {allowed}"
    ):
        validate_events(events)


def test_validate_keeps_a_publisher_type_outside_the_suggestions(events, tmp_path):
    events.loc[0, "publisher_type"] = "independent media"
    validate_events(events)
    write_events(events, tmp_path / "e.csv")
    assert "independent media" in read_events(tmp_path / "e.csv")["publisher_type"].tolist()


@pytest.mark.parametrize(
    "column", ["event_id", "kind", "category", "date_precision", "title", "sources", "reviewed"]
)
def test_validate_rejects_an_empty_required_value(events, column):
    events.loc[2, column] = pd.NA
    with pytest.raises(SchemaError, match=rf"column '{column}': empty, but a value is required"):
        validate_events(events)


def test_validate_treats_a_blank_title_as_empty(events):
    events.loc[0, "title"] = "   "
    with pytest.raises(SchemaError, match="column 'title': empty, but a value is required"):
        validate_events(events)


def test_validate_rejects_date_end_before_date_start(events):
    i = _row_of(events, "bridge-opening")
    events.loc[i, "date_end"] = pd.Timestamp("2020-04-30")
    with pytest.raises(
        SchemaError,
        match=r"\(event_id 'bridge-opening'\), column 'date_end': 2020-04-30 is before "
        r"date_start 2020-05-01",
    ):
        validate_events(events)


def test_validate_requires_date_start_unless_precision_is_before(events):
    i = _row_of(events, "quiet-hours-deal")
    events.loc[i, "date_precision"] = "year"
    with pytest.raises(
        SchemaError, match="column 'date_start': empty, but a value is required unless"
    ):
        validate_events(events)


def test_validate_requires_date_end_unless_precision_is_after(events):
    i = _row_of(events, "bridge-opening")
    events.loc[i, "date_end"] = pd.NaT
    with pytest.raises(SchemaError, match="column 'date_end': empty, but a value is required"):
        validate_events(events)
    events.loc[i, "date_precision"] = "after"
    validate_events(events)


def test_validate_rejects_a_month_precision_that_is_not_whole_months(events):
    i = _row_of(events, "bridge-opening")
    events.loc[i, "date_precision"] = "month"
    with pytest.raises(SchemaError, match="2020-05-01 is not the last day of a month"):
        validate_events(events)
    events.loc[i, "date_end"] = pd.Timestamp("2020-05-31")
    validate_events(events)


def test_validate_rejects_a_year_precision_that_is_not_whole_years(events):
    i = _row_of(events, "quiet-hours-deal")
    events.loc[i, ["date_start", "date_precision"]] = [pd.Timestamp("2018-02-01"), "year"]
    with pytest.raises(SchemaError, match="'date_start': 2018-02-01 is not 1 January"):
        validate_events(events)


def test_validate_rejects_a_date_with_a_time_of_day(events):
    events.loc[0, "date_end"] = pd.Timestamp("2018-12-31 12:00")
    with pytest.raises(SchemaError, match="2018-12-31T12:00:00 has a time of day"):
        validate_events(events)


def test_validate_rejects_responds_to_naming_no_event(events):
    i = _row_of(events, "mayor-statement")
    events.loc[i, "responds_to"] = "no-such-event"
    with pytest.raises(
        SchemaError,
        match=r"\(event_id 'mayor-statement'\), column 'responds_to': 'no-such-event' names no "
        r"event_id in the table",
    ):
        validate_events(events)


def test_validate_rejects_responds_to_naming_the_row_itself(events):
    i = _row_of(events, "mayor-statement")
    events.loc[i, "responds_to"] = "mayor-statement"
    with pytest.raises(SchemaError, match="'mayor-statement' names the row itself"):
        validate_events(events)


def test_validate_rejects_a_loop_of_responses(events):
    events.loc[_row_of(events, "bridge-opening"), "responds_to"] = "mayor-statement"
    with pytest.raises(
        SchemaError,
        match=r"forms a loop bridge-opening -> mayor-statement -> residents-complaint -> "
        r"bridge-opening",
    ) as info:
        validate_events(events)
    assert sum("loop" in p for p in info.value.problems) == 1


def test_validate_allows_responds_to_on_an_event(events):
    row = events.loc[_row_of(events, "residents-complaint")]
    assert row["kind"] == "event" and row["responds_to"] == "bridge-opening"
    validate_events(events)


def test_validate_rejects_a_response_that_ends_before_its_event_starts(events):
    i = _row_of(events, "mayor-statement")
    events.loc[i, ["date_start", "date_end"]] = [pd.Timestamp("2020-04-01")] * 2
    with pytest.raises(
        SchemaError, match=r"'residents-complaint' starts on 2020-05-02, after this row ends"
    ):
        validate_events(events)


def test_validate_allows_a_response_dated_a_day_before_its_event_for_time_zones(events):
    i = _row_of(events, "mayor-statement")
    begins = events.loc[_row_of(events, "residents-complaint"), "date_start"]
    events.loc[i, ["date_start", "date_end"]] = [begins - pd.Timedelta(days=1)] * 2
    validate_events(events)
    events.loc[i, ["date_start", "date_end"]] = [begins - pd.Timedelta(days=2)] * 2
    with pytest.raises(SchemaError, match="after this row ends"):
        validate_events(events)


def test_validate_rejects_a_duplicate_event_id(events):
    events.loc[3, "event_id"] = events.loc[0, "event_id"]
    eid = events.loc[0, "event_id"]
    with pytest.raises(
        SchemaError,
        match=rf"row 4 \(event_id '{eid}'\), column 'event_id': '{eid}' is a duplicate of row 1",
    ):
        validate_events(events)


def test_validate_rejects_an_event_id_that_is_not_a_slug(events):
    events.loc[0, "event_id"] = "a b"
    with pytest.raises(SchemaError, match="column 'event_id': 'a b' is not a slug"):
        validate_events(events)


def test_validate_rejects_sources_with_spaces(events):
    events.loc[0, "sources"] = "t1; t2"
    with pytest.raises(SchemaError, match="column 'sources': 't1; t2' is not doc ids separated"):
        validate_events(events)


def test_validate_rejects_a_doc_id_listed_twice_in_sources(events):
    events.loc[0, "sources"] = "t1;t1"
    with pytest.raises(SchemaError, match="doc id 't1' is listed more than once"):
        validate_events(events)


def test_validate_rejects_a_source_url_that_is_not_http(events):
    events.loc[0, "source_url"] = "javascript:alert(1)"
    with pytest.raises(
        SchemaError, match="'javascript:alert\\(1\\)' is not an http:// or https://"
    ):
        validate_events(events)


def test_validate_rejects_evidence_over_25_words(events):
    i = _row_of(events, "bridge-opening")
    long = " ".join(["word"] * 26)
    events.loc[i, ["evidence", "evidence_start", "evidence_end"]] = [long, 0, len(long)]
    with pytest.raises(SchemaError, match="column 'evidence': 26 words, more than the 25 allowed"):
        validate_events(events)


def test_validate_rejects_offsets_that_do_not_span_the_evidence(events):
    i = _row_of(events, "bridge-opening")
    events.loc[i, "evidence_end"] = events.loc[i, "evidence_end"] + 1
    with pytest.raises(SchemaError, match=r"offsets \[50:103\] span 53 characters but the evid"):
        validate_events(events)


def test_validate_rejects_a_single_offset(events):
    events.loc[0, "evidence_start"] = pd.NA
    with pytest.raises(SchemaError, match="give both offsets or neither"):
        validate_events(events)


def test_validate_rejects_offsets_without_evidence(events):
    i = _row_of(events, "bridge-opening")
    events.loc[i, "evidence"] = pd.NA
    with pytest.raises(SchemaError, match="column 'evidence': empty, but the row gives offsets"):
        validate_events(events)


def test_validate_rejects_a_negative_offset(events):
    events.loc[0, ["evidence_start", "evidence_end"]] = [-1, 13]
    with pytest.raises(SchemaError, match="column 'evidence_start': -1 is below the minimum 0"):
        validate_events(events)


def test_validate_rejects_text_that_cannot_be_written_as_utf8(events):
    events.loc[0, "notes"] = "half a pair \ud800"
    with pytest.raises(SchemaError, match="cannot be written as UTF-8"):
        validate_events(events)


def test_validate_reports_every_problem_at_once(events):
    events.loc[0, "kind"] = "evnt"
    events.loc[1, "date_precision"] = "roughly"
    events.loc[2, "responds_to"] = "nowhere"
    with pytest.raises(SchemaError, match=r"^3 problems in the events table: row 1") as info:
        validate_events(events)
    assert len(info.value.problems) == 3


def test_validate_is_a_value_error(events):
    events.loc[0, "kind"] = "evnt"
    with pytest.raises(ValueError):
        validate_events(events)


# --------------------------------------------------------------------------- against a corpus


def test_corpus_check_finds_evidence_at_wrong_offsets(events):
    i = _row_of(events, "bridge-opening")
    events.loc[i, ["evidence_start", "evidence_end"]] = [51, 103]
    with pytest.raises(
        SchemaError,
        match=r"\(event_id 'bridge-opening'\), column 'evidence': 'opened the new harbour bridge "
        r".*' is not found at \[51:103\] in document 't1', .*\(it occurs at \[50:102\]\)",
    ):
        validate_events(events, corpus=CORPUS)


def test_corpus_check_finds_evidence_absent_from_the_primary_source(events):
    i = _row_of(events, "mayor-statement")  # primary t2, the evidence is in t2 only
    events.loc[i, "sources"] = "t1;t2"
    with pytest.raises(SchemaError, match=r"in document 't1', .*\(it is absent\)"):
        validate_events(events, corpus=CORPUS)


def test_corpus_check_rejects_a_doc_id_not_in_the_corpus(events):
    events.loc[0, "sources"] = "t1;t9"
    with pytest.raises(
        SchemaError, match=r"column 'sources': doc id 't9' is not in the corpus \(known: t1, t2\)"
    ):
        validate_events(events, corpus=CORPUS)


def test_corpus_may_be_a_mapping_of_doc_id_to_text(events):
    texts = {p.stem: p.read_text(encoding="utf-8") for p in CORPUS.glob("*.txt")}
    validate_events(events, corpus=texts)
    texts["t1"] = "x" + texts["t1"]
    with pytest.raises(SchemaError, match="is not found at"):
        validate_events(events, corpus=texts)


def test_corpus_check_without_offsets_looks_anywhere_in_the_text(events):
    i = _row_of(events, "bridge-opening")
    events.loc[i, ["evidence_start", "evidence_end"]] = [pd.NA, pd.NA]
    validate_events(events, corpus=CORPUS)
    events.loc[i, "evidence"] = "opened the old harbour bridge"
    with pytest.raises(SchemaError, match="is not found in document 't1'"):
        validate_events(events, corpus=CORPUS)


# --------------------------------------------------------------------------- writing


def test_round_trip_is_byte_identical(tmp_path):
    out = tmp_path / "events.csv"
    write_events(read_events(VALID), out)
    assert out.read_bytes() == VALID.read_bytes()


def test_read_of_write_equals_the_frame(events, tmp_path):
    out = tmp_path / "events.csv"
    write_events(events, out)
    pd.testing.assert_frame_equal(read_events(out), events)


def test_write_sorts_rows_by_first_date_then_event_id(events, tmp_path):
    out = tmp_path / "events.csv"
    shuffled = events.iloc[::-1].reset_index(drop=True)
    shuffled.loc[_row_of(shuffled, "mayor-statement"), "event_id"] = "a-mayor-statement"
    shuffled.loc[_row_of(shuffled, "bridge-opening"), "date_start"] = pd.Timestamp("2020-05-02")
    shuffled.loc[_row_of(shuffled, "bridge-opening"), "date_end"] = pd.Timestamp("2020-05-02")
    shuffled.loc[_row_of(shuffled, "residents-complaint"), "responds_to"] = pd.NA
    shuffled.loc[_row_of(shuffled, "a-mayor-statement"), "responds_to"] = pd.NA
    write_events(shuffled, out)
    # quiet-hours-deal has no start: its date_end (2018-12-31) sorts it first.
    assert read_events(out)["event_id"].tolist() == [
        "quiet-hours-deal",
        "bridge-opening",
        "residents-complaint",
        "a-mayor-statement",
    ]


def test_sort_events_puts_rows_without_dates_last():
    df = events_frame(
        [
            {"event_id": "b"},
            {"event_id": "a", "date_end": "2020-01-01"},
            {"event_id": "c", "date_start": "2019-01-01"},
        ]
    )
    assert sort_events(df)["event_id"].tolist() == ["c", "a", "b"]


def test_write_puts_columns_in_schema_order(events, tmp_path):
    out = tmp_path / "events.csv"
    write_events(events[list(reversed(COLUMNS))], out)
    assert out.read_text(encoding="utf-8").splitlines()[0] == HEADER


def test_write_uses_iso_dates_lowercase_booleans_and_newlines_without_bom(events, tmp_path):
    out = tmp_path / "events.csv"
    write_events(events, out)
    data = out.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    assert b"\r" not in data
    assert b",2020-05-04,2020-05-04,day," in data
    assert b",false," in data and b",true," in data


def test_write_refuses_an_invalid_table_and_writes_nothing(events, tmp_path):
    events.loc[0, "kind"] = "evnt"
    out = tmp_path / "events.csv"
    with pytest.raises(SchemaError, match=r"^refusing to write .*events.csv: 1 problem"):
        write_events(events, out)
    assert not out.exists()


def test_write_is_atomic_when_the_rename_fails(events, tmp_path, monkeypatch):
    out = tmp_path / "events.csv"
    out.write_bytes(b"old content\n")

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        write_events(events, out)
    assert out.read_bytes() == b"old content\n"
    assert [p.name for p in tmp_path.iterdir()] == ["events.csv"]


HOSTILE = [
    "<script>alert('x')</script>",
    "=cmd|' /C calc'!A0",
    "+SUM(1,2)",
    "-2+3",
    "@import",
    'He said "no", then left',
    "line one\nline two",
    "carriage\rreturn and\r\nwindows",
    "tab\tseparated",
    "line\u2028separator and \u0085 next-line",
    "  padded  ",
    "\u00e9\u4e2d\U0001f600",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_kept_verbatim_through_a_round_trip(events, tmp_path, text):
    events.loc[0, "title"] = text
    events.loc[0, "notes"] = text
    out = tmp_path / "events.csv"
    write_events(events, out)
    again = read_events(out)
    assert again.loc[0, "title"] == text
    assert again.loc[0, "notes"] == text
    write_events(again, tmp_path / "again.csv")
    assert (tmp_path / "again.csv").read_bytes() == out.read_bytes()


def test_formula_looking_text_is_written_unescaped(events, tmp_path):
    events.loc[0, "title"] = "=cmd|' /C calc'!A0"
    out = tmp_path / "events.csv"
    write_events(events, out)
    assert ",=cmd|' /C calc'!A0," in out.read_text(encoding="utf-8")


@settings(max_examples=60, deadline=None)
@given(
    title=st.text(
        st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), min_size=1
    ).filter(str.strip),
    notes=st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), min_size=1),
)
def test_any_text_round_trips(tmp_path_factory, title, notes):
    df = read_events(VALID)
    df.loc[1, "title"] = title
    df.loc[1, "notes"] = notes
    out = tmp_path_factory.mktemp("rt") / "events.csv"
    write_events(df, out)
    pd.testing.assert_frame_equal(read_events(out), sort_events(df))


# --------------------------------------------------------------------------- events_frame


def test_events_frame_accepts_python_values():
    df = events_frame(
        [
            {
                "event_id": "a",
                "date_start": dt.date(2020, 1, 2),
                "date_end": pd.Timestamp("2020-01-03"),
                "evidence_start": np.int64(4),
                "reviewed": np.bool_(True),
                "notes": None,
            }
        ]
    )
    assert df.loc[0, "date_start"] == pd.Timestamp("2020-01-02")
    assert df.loc[0, "date_end"] == pd.Timestamp("2020-01-03")
    assert df.loc[0, "evidence_start"] == 4
    assert bool(df.loc[0, "reviewed"]) is True
    assert df.loc[0, "notes"] is pd.NA
    assert tuple(df.columns) == COLUMNS


def test_events_frame_accepts_numpy_datetimes():
    df = events_frame([{"event_id": "a", "date_end": np.datetime64("2020-02-29")}])
    assert df.loc[0, "date_end"] == pd.Timestamp("2020-02-29")


def test_error_message_summarises_many_problems_on_one_line(events):
    events["kind"] = "evnt"
    events = pd.concat([events] * 3, ignore_index=True)
    events["event_id"] = [f"e{i}" for i in range(len(events))]
    events["responds_to"] = pd.array([pd.NA] * len(events), dtype="string")
    with pytest.raises(SchemaError, match=r"^12 problems in .*; and 2 more$") as info:
        validate_events(events)
    assert "\n" not in str(info.value)
    assert len(info.value.problems) == 12


def test_events_frame_rejects_an_unknown_key():
    with pytest.raises(SchemaError, match="row 1: unknown column 'colour'"):
        events_frame([{"event_id": "a", "colour": "red"}])


def test_events_frame_rejects_a_datetime_with_a_time_of_day():
    with pytest.raises(
        SchemaError, match="column 'date_start': '2020-01-02 10:30:00' is not a date"
    ):
        events_frame([{"event_id": "a", "date_start": dt.datetime(2020, 1, 2, 10, 30)}])


def test_events_frame_rejects_a_float_offset():
    with pytest.raises(SchemaError, match="column 'evidence_end': '3.5' is not a whole number"):
        events_frame([{"event_id": "a", "evidence_end": 3.5}])


# --------------------------------------------------------------------------- sources


def _sources(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "sources.csv"
    path.write_text(",".join(SOURCE_COLUMNS) + "\n" + "".join(r + "\n" for r in rows), "utf-8")
    return path


def test_read_sources_gives_string_columns(tmp_path):
    path = _sources(tmp_path, "t1,Gazette,news media,2020-05-03T09:00+01:00,,A title")
    df = read_sources(path)
    assert tuple(df.columns) == SOURCE_COLUMNS
    assert df.loc[0, "published"] == "2020-05-03T09:00+01:00"
    assert df.loc[0, "url"] is pd.NA


def test_read_sources_keeps_a_publisher_type_outside_the_suggestions(tmp_path):
    path = _sources(tmp_path, "t1,Gazette,independent media,2020-05-03,,")
    assert read_sources(path).loc[0, "publisher_type"] == "independent media"


def test_read_sources_still_requires_a_publisher_type(tmp_path):
    path = _sources(tmp_path, "t1,Gazette,,2020-05-03,,")
    with pytest.raises(
        SchemaError, match=r"column 'publisher_type': empty, but a value is required"
    ):
        read_sources(path)


def test_read_sources_rejects_an_impossible_published_date(tmp_path):
    path = _sources(tmp_path, "t1,Gazette,NGO,2020-13-03,,")
    with pytest.raises(SchemaError, match="column 'published': '2020-13-03' is not a real date"):
        read_sources(path)


def test_read_sources_rejects_a_duplicate_doc_id(tmp_path):
    path = _sources(tmp_path, "t1,Gazette,NGO,2020-01-03,,", "t1,Herald,NGO,2020-01-04,,")
    with pytest.raises(SchemaError, match=r"row 2 \(doc_id 't1'\), column 'doc_id': 't1' is a dup"):
        read_sources(path)


def test_sources_round_trip_is_byte_identical(tmp_path):
    path = _sources(
        tmp_path,
        't1,Gazette,news media,2020-05-03,https://e.org/a,"A title, with a comma"',
        "t2,Herald,NGO,2020-05-04,,",
    )
    out = tmp_path / "again.csv"
    write_sources(read_sources(path), out)
    assert out.read_bytes() == path.read_bytes()


# --------------------------------------------------------------------------- datapackage


def test_datapackage_lists_the_event_columns_in_order():
    schema = datapackage()["resources"][0]["schema"]
    names = [f["name"] for f in schema["fields"]]
    at = COLUMNS.index("evidence_end") + 1
    assert names == [*COLUMNS[:at], *QUOTE_COLUMNS, *COLUMNS[at:]]
    assert schema["fieldsMatch"] == "superset"  # the quote columns may be absent from a file


def test_datapackage_types_follow_the_dtypes():
    fields = {f["name"]: f for f in datapackage()["resources"][0]["schema"]["fields"]}
    assert fields["date_start"]["type"] == "date"
    assert fields["evidence_end"]["type"] == "integer"
    assert fields["reviewed"] == {**fields["reviewed"], "type": "boolean", "trueValues": ["true"]}
    assert fields["title"]["type"] == "string"


def test_datapackage_enums_are_the_schema_constants():
    events, sources = datapackage()["resources"]
    fields = {f["name"]: f for f in events["schema"]["fields"]}
    assert fields["kind"]["constraints"]["enum"] == list(KINDS)
    assert fields["date_precision"]["constraints"]["enum"] == list(PRECISIONS)
    source_fields = {f["name"]: f for f in sources["schema"]["fields"]}
    for field in (fields["publisher_type"], source_fields["publisher_type"]):
        assert "enum" not in field.get("constraints", {})  # an open vocabulary
        assert all(kind in field["description"] for kind in PUBLISHER_TYPES)


def test_datapackage_marks_required_fields_and_keys():
    events = datapackage()["resources"][0]["schema"]
    required = [f["name"] for f in events["fields"] if f.get("constraints", {}).get("required")]
    assert required == [
        "event_id",
        "kind",
        "category",
        "date_precision",
        "title",
        "sources",
        "reviewed",
    ]
    assert events["primaryKey"] == ["event_id"]
    assert events["foreignKeys"] == [
        {"fields": ["responds_to"], "reference": {"resource": "", "fields": ["event_id"]}}
    ]


# --------------------------------------------------------------------------- properties


@st.composite
def _tables(draw) -> pd.DataFrame:
    """Random valid tables: any precision, open bounds, links backwards in time, offsets."""
    n = draw(st.integers(min_value=0, max_value=8))
    ids = draw(
        st.lists(
            st.from_regex(r"[a-z0-9][a-z0-9._-]{0,8}", fullmatch=True),
            min_size=n,
            max_size=n,
            unique=True,
        )
    )
    rows = []
    for i, eid in enumerate(ids):
        start = draw(st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)))
        end = start + dt.timedelta(days=draw(st.integers(0, 40)))
        precision = draw(st.sampled_from(["day", "approximate", "before", "after"]))
        if precision == "before":
            start = draw(st.sampled_from([None, start]))
        if precision == "after":
            end = draw(st.sampled_from([None, end]))
        evidence = draw(st.sampled_from([None, "on 3 May", 'a "quoted", phrase']))
        offset = draw(st.integers(0, 500))
        rows.append(
            {
                "event_id": eid,
                "kind": draw(st.sampled_from(KINDS)),
                "category": "visit",
                "date_start": start,
                "date_end": end,
                "date_precision": precision,
                "title": draw(st.text(min_size=1).filter(str.strip).filter(_encodable)),
                "responds_to": ids[i - 1] if i and draw(st.booleans()) else None,
                "sources": "d1;d2" if draw(st.booleans()) else "d1",
                "publisher_type": draw(st.sampled_from([None, *PUBLISHER_TYPES])),
                "evidence": evidence,
                "evidence_start": offset if evidence else None,
                "evidence_end": offset + len(evidence) if evidence else None,
                "reviewed": draw(st.booleans()),
            }
        )
    df = events_frame(rows)
    # keep only links to rows that start no later than the linking row ends
    ok = [
        pd.isna(r["responds_to"])
        or pd.isna(r["date_end"])
        or pd.isna(df.set_index("event_id").loc[r["responds_to"], "date_start"])
        or df.set_index("event_id").loc[r["responds_to"], "date_start"] <= r["date_end"]
        for _, r in df.iterrows()
    ]
    df.loc[[not x for x in ok], "responds_to"] = pd.NA
    return df


def _encodable(text: str) -> bool:
    """Text a valid table may hold: UTF-8 encodable, no NUL."""
    return "\x00" not in text and not any(0xD800 <= ord(c) <= 0xDFFF for c in text)


@settings(max_examples=40, deadline=None)
@given(df=_tables())
def test_any_valid_table_round_trips(tmp_path_factory, df):
    validate_events(df)
    folder = tmp_path_factory.mktemp("tables")
    write_events(df, folder / "a.csv")
    again = read_events(folder / "a.csv")
    pd.testing.assert_frame_equal(again, sort_events(df))
    write_events(again, folder / "b.csv")
    assert (folder / "b.csv").read_bytes() == (folder / "a.csv").read_bytes()


# --------------------------------------------------------------------------- reliability


def test_a_cell_over_the_csv_module_limit_round_trips(events, tmp_path):
    events.loc[0, "notes"] = "n" * 200_000  # the csv module refuses > 131072 by default
    out = tmp_path / "events.csv"
    write_events(events, out)
    assert read_events(out).loc[0, "notes"] == "n" * 200_000


def test_reading_a_large_cell_leaves_the_csv_field_limit_as_it_was(events, tmp_path):
    import csv

    before = csv.field_size_limit()
    events.loc[0, "notes"] = "n" * 200_000
    write_events(events, tmp_path / "events.csv")
    read_events(tmp_path / "events.csv")
    assert csv.field_size_limit() == before


def test_read_events_of_a_dataframe_says_to_pass_a_path(events):
    with pytest.raises(TypeError, match="takes its path, got a DataFrame.*validate_events"):
        read_events(events)


@pytest.mark.parametrize("column", ["title", "notes", "actor"])
def test_validate_rejects_a_nul_character_naming_row_and_column(events, column):
    events.loc[0, column] = "before\x00after"
    with pytest.raises(SchemaError, match=rf"row 1 .*column '{column}'.*NUL character"):
        validate_events(events)


def test_a_nul_character_in_a_file_is_refused_on_reading(tmp_path):
    path = _csv(tmp_path, _row(title="a\x00b"))
    with pytest.raises(SchemaError, match="column 'title'.*NUL"):
        read_events(path)


@pytest.mark.parametrize(
    "text", ['=HYPERLINK("http://x","y")', "@SUM(A1)", "+1+1", "-2+3", "\tlead", "\rlead"]
)
def test_excel_safe_copy_prefixes_formula_like_text_with_an_apostrophe(events, tmp_path, text):
    events.loc[0, "title"] = text
    plain, safe = tmp_path / "events.csv", tmp_path / "excel.csv"
    write_events(events, plain)
    write_events(events, safe, excel_safe=True)
    assert read_events(plain).loc[0, "title"] == text  # the data file keeps the value
    copy = read_events(safe)
    assert copy.loc[0, "title"] == "'" + text
    assert not any(str(v).startswith(("=", "+", "-", "@")) for v in copy["title"].dropna())


def test_excel_safe_leaves_ordinary_text_and_dates_alone(events, tmp_path):
    plain, safe = tmp_path / "events.csv", tmp_path / "excel.csv"
    write_events(events, plain)
    write_events(events, safe, excel_safe=True)
    assert safe.read_bytes() == plain.read_bytes()


def test_write_refuses_a_read_only_table_and_keeps_it(events, tmp_path):
    from timeline.errors import OutputError

    out = tmp_path / "events.csv"
    write_events(events, out)
    before = out.read_bytes()
    out.chmod(0o444)
    events.loc[0, "title"] = "Changed"
    with pytest.raises(OutputError, match="events.csv: is read-only"):
        write_events(events, out)
    assert out.read_bytes() == before


def _chain(n: int) -> pd.DataFrame:
    """n rows, each answering the one before: the longest responds_to chain there is."""
    day = dt.date(2020, 1, 1)
    return events_frame(
        {
            "event_id": f"e{k}",
            "kind": "response" if k else "event",
            "category": "statement",
            "date_start": day,
            "date_end": day,
            "date_precision": "day",
            "title": f"Row {k}",
            "responds_to": f"e{k - 1}" if k else None,
            "sources": "d1",
            "reviewed": False,
        }
        for k in range(n)
    )


def test_validation_time_grows_linearly_with_a_long_chain_of_answers():
    import time

    def seconds(df: pd.DataFrame) -> float:
        best = float("inf")
        for _ in range(2):
            start = time.perf_counter()
            validate_events(df)
            best = min(best, time.perf_counter() - start)
        return best

    small, large = _chain(1_000), _chain(8_000)
    validate_events(small)
    ratio = seconds(large) / seconds(small)
    assert ratio < 8 * 2, f"8x the rows took {ratio:.1f}x the time (linear is 8x)"


def test_write_events_returns_the_path_it_wrote(tmp_path):
    events = read_events(VALID)
    out = tmp_path / "events.csv"
    written = write_events(events, str(out))
    assert written == out and isinstance(written, Path)
    assert read_events(written).equals(events)
