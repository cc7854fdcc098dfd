"""The events table as Parquet: write_events(..., format="parquet") and read_events of it."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from timeline import cli
from timeline.errors import SchemaError
from timeline.table import COLUMNS, read_events, sort_events, write_events

DATA = Path(__file__).resolve().parent / "data"
VALID = DATA / "table_valid.csv"
HOSTILE = DATA / "browser_hostile.csv"


@pytest.mark.parametrize("source", [VALID, HOSTILE], ids=["valid", "hostile"])
def test_parquet_reads_back_as_the_csv_does_with_the_same_dtypes(source, tmp_path):
    events = read_events(source)
    write_events(events, tmp_path / "events.parquet")
    back = read_events(tmp_path / "events.parquet")
    pd.testing.assert_frame_equal(back, sort_events(events))
    assert back.dtypes.to_dict() == read_events(source).dtypes.to_dict()


def test_missing_values_stay_missing(tmp_path):
    events = read_events(VALID)
    assert events.isna().any().any()
    write_events(events, tmp_path / "e.parquet")
    back = read_events(tmp_path / "e.parquet")
    assert (back.isna() == sort_events(events).isna()).all().all()


def test_writing_what_was_read_gives_the_same_bytes(tmp_path):
    first, second = tmp_path / "a.parquet", tmp_path / "b.parquet"
    write_events(read_events(VALID), first)
    write_events(read_events(first), second)
    assert first.read_bytes() == second.read_bytes()


def test_the_file_has_plain_typed_columns_for_other_readers(tmp_path):
    write_events(read_events(VALID), tmp_path / "e.parquet")
    schema = pq.read_schema(tmp_path / "e.parquet")
    assert schema.names == list(COLUMNS)
    assert schema.field("date_start").type == pa.date32()
    assert schema.field("evidence_start").type == pa.int64()
    assert schema.field("reviewed").type == pa.bool_()
    assert schema.field("title").type == pa.string()
    assert schema.metadata is None or b"pandas" not in schema.metadata


def test_format_parquet_overrides_the_suffix_and_is_read_by_its_magic(tmp_path):
    target = tmp_path / "events.csv"
    write_events(read_events(VALID), target, format="parquet")
    assert target.read_bytes()[:4] == b"PAR1"
    pd.testing.assert_frame_equal(read_events(target), sort_events(read_events(VALID)))


def test_an_unknown_format_is_refused_naming_the_choices(tmp_path):
    with pytest.raises(ValueError, match="format must be 'csv' or 'parquet', got 'xlsx'"):
        write_events(read_events(VALID), tmp_path / "e.xlsx", format="xlsx")
    assert not (tmp_path / "e.xlsx").exists()


def test_a_parquet_file_that_is_not_one_is_a_schema_error_naming_it(tmp_path):
    bad = tmp_path / "broken.parquet"
    bad.write_text("event_id,kind\n", encoding="utf-8")
    with pytest.raises(SchemaError, match=r"broken\.parquet: not a readable Parquet file"):
        read_events(bad)


def test_a_parquet_file_with_other_columns_names_them(tmp_path):
    path = tmp_path / "other.parquet"
    pq.write_table(pa.table({"event_id": ["a"], "colour": ["red"]}), path)
    with pytest.raises(SchemaError, match=r"other\.parquet: .*missing column 'kind'") as info:
        read_events(path)
    assert any("unknown column 'colour'" in p for p in info.value.problems)


def test_bad_cells_in_parquet_are_reported_as_in_csv(tmp_path):
    events = read_events(VALID)
    path = tmp_path / "e.parquet"
    write_events(events, path)
    table = pq.read_table(path)
    kinds = table.column("kind").to_pylist()
    kinds[0] = "evnt"
    table = table.set_column(table.schema.get_field_index("kind"), "kind", pa.array(kinds))
    pq.write_table(table, path)
    with pytest.raises(SchemaError, match="'evnt' is not one of: event, response"):
        read_events(path)


def test_an_invalid_table_writes_no_parquet_file(tmp_path):
    events = read_events(VALID)
    events.loc[0, "kind"] = "evnt"
    with pytest.raises(SchemaError, match="refusing to write"):
        write_events(events, tmp_path / "e.parquet")
    assert list(tmp_path.iterdir()) == []


def test_extract_format_parquet_writes_what_the_csv_holds(tmp_path):
    corpus = DATA / "events_unseen" / "final"
    csv_out, pq_out = tmp_path / "e.csv", tmp_path / "e.out"
    base = ["extract", str(corpus), "--no-progress", "-o"]
    assert cli.main([*base, str(csv_out)]) == 0
    assert cli.main([*base, str(pq_out), "--format", "parquet"]) == 0
    assert pq_out.read_bytes()[:4] == b"PAR1"
    pd.testing.assert_frame_equal(read_events(pq_out), read_events(csv_out))
