"""Tests for timeline.table: schema, reading, validation and writing of the events table."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from timeline.errors import SchemaError
from timeline.table import COLUMNS, events_frame, read_events, validate_events, write_events

DATA = Path(__file__).resolve().parent / "data"
VALID = DATA / "table_valid.csv"


def test_read_gives_schema_columns_and_dtypes():
    df = read_events(VALID)
    assert tuple(df.columns) == COLUMNS
    assert df["date_start"].dtype == "datetime64[ns]"
    assert df["evidence_start"].dtype == "Int64"
    assert df["reviewed"].dtype == "boolean"
    assert isinstance(df["title"].dtype, pd.StringDtype)


def test_round_trip_is_byte_identical(tmp_path):
    out = tmp_path / "events.csv"
    write_events(read_events(VALID), out)
    assert out.read_bytes() == VALID.read_bytes()


def test_unknown_kind_names_row_column_value_and_choices():
    df = read_events(VALID)
    df.loc[1, "kind"] = "evnt"
    eid = df.loc[1, "event_id"]
    with pytest.raises(
        SchemaError,
        match=rf"row 2 \(event_id '{eid}'\), column 'kind': 'evnt' is not one of: event, response",
    ):
        validate_events(df)


def test_events_frame_builds_typed_rows():
    df = events_frame([{"event_id": "a", "date_start": "2020-01-02", "reviewed": True}])
    assert df.loc[0, "date_start"] == pd.Timestamp("2020-01-02")
