"""The events-table schema, declared once; validation; CSV read and write.

The schema is one table of ``Field`` records per CSV file (``EVENT_FIELDS`` for
``data/events.csv``, ``SOURCE_FIELDS`` for ``data/sources.csv``). Everything else is derived
from it: the pandas dtypes, the cell parser used by ``read_events``, the column checks of
``validate_events`` and the Frictionless Data Package descriptor of ``datapackage()``.

Decisions worth knowing:

- Required in every row: ``event_id``, ``kind``, ``category``, ``date_precision``, ``title``,
  ``sources``, ``reviewed``. ``date_start`` is required except for precision ``before`` (only an
  upper bound is known); ``date_end`` is required except for precision ``after``. Precision
  ``month`` spans whole months (start on the 1st, end on a month's last day) and ``year``
  whole years; ``day`` and ``approximate`` intervals may have any length.
- ``evidence`` is optional (at most 25 words); offsets come both or neither and must span
  exactly the evidence; with a corpus they must point at it in the primary source.
  ``evidence_prefix``/``evidence_suffix`` (``QUOTE_COLUMNS``) keep the quote's context as a
  W3C TextQuoteSelector does, so ``timeline.sources.reanchor_evidence`` can find it again
  after a text is re-derived. They are optional columns: a file without them reads and
  writes back byte for byte, and they are written only when the frame has them.
- ``publisher_type`` is an open vocabulary: ``PUBLISHER_TYPES`` are suggestions; any other
  value (such as ``independent media`` or ``unknown``) is kept as data.
- ``responds_to`` may be set on any row (on an ``event`` it means "reacts to"), must name
  another row's ``event_id`` and must not name an event that starts after the row ends.
- Row order on write: by ``date_start`` (``date_end`` where there is no start), then
  ``event_id``. ``read_events`` keeps the file's order, so ``write_events(read_events(p), q)``
  reproduces a file written by ``write_events`` byte for byte.
- Empty cells are missing values (``<NA>``/``NaT``); an empty string is written as an empty
  cell, so it reads back as ``<NA>``.
- Text is data: values such as ``<script>`` or ``=cmd|' /C calc'!A0`` are stored and
  written verbatim (never evaluated, never rewritten, so the round trip stays exact). Whoever
  renders the table must escape it (``write_html`` does); spreadsheet users should import the
  CSV as text rather than open it with formulas enabled.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import json
import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from timeline._io import atomic_write, csv_cells_up_to
from timeline.documents import load_documents
from timeline.errors import DocumentError, SchemaError
from timeline.schema import (
    DTYPES,
    EVENT_FIELDS,
    ISO_DATE,
    ISO_DATETIME,
    MAX_EVIDENCE_WORDS,
    SOURCE_FIELDS,
    Field,
)
from timeline.table import _parquet

_EVENTS = "events table"
_SOURCES = "sources table"


# --------------------------------------------------------------------------- public API


def read_events(path: str | os.PathLike[str], *, validate: bool = True) -> pd.DataFrame:
    """Read an events CSV into a DataFrame with the schema's columns and dtypes.

    Text columns get the pandas ``string`` dtype, ``date_start``/``date_end``
    ``datetime64[s]`` (any day of the years 1 to 9999), the evidence offsets ``Int64`` and
    ``reviewed`` ``boolean``; empty cells are missing values. Rows keep the file's order.

    Args:
        path: a UTF-8 CSV file (a byte-order mark is tolerated) with exactly the columns
            ``COLUMNS``, in any order; or a Parquet file (a ``.parquet``/``.pq`` suffix or
            Parquet's magic bytes) with those columns, as ``write_events`` writes it.
        validate: also run ``validate_events`` (without a corpus) on the result.

    Raises:
        SchemaError: the file is not valid UTF-8 or not well-formed CSV, a column is missing
            or unknown, a cell cannot be parsed (impossible dates, bad integers or booleans),
            or (with ``validate``) the table breaks the schema. Every problem is in
            ``.problems``; the message names the file. Cell problems come first: the
            schema rules run once every cell parses.

    >>> events = read_events("data/events.csv")
    >>> events["date_start"].dtype
    dtype('<M8[s]')
    """
    source = _csv_path(path, "read_events")
    if _parquet.is_parquet(source):
        frame, problems = _parse_parquet(source, EVENT_FIELDS, _EVENTS)
    else:
        frame, problems = _parse_csv(source, EVENT_FIELDS, _EVENTS)
    if problems:
        raise _error(problems, f"{source}: ", _EVENTS)
    if validate:
        try:
            validate_events(frame)
        except SchemaError as exc:
            raise _error(exc.problems, f"{source}: ", _EVENTS) from None
    return frame


def validate_events(
    df: pd.DataFrame,
    *,
    corpus: str | os.PathLike[str] | Mapping[str, Any] | Iterable[Any] | None = None,
) -> None:
    """Check an events DataFrame against the schema; raise with every problem found.

    Checks: the columns (none missing, none unknown) and their dtypes; required values;
    ``kind`` and ``date_precision`` against their allowed values (``publisher_type`` is open);
    ``event_id``, ``sources`` and ``source_url`` against their patterns; dates without a
    time of day; ``date_start`` present unless the precision is ``before``, ``date_end``
    present unless it is ``after``, and ``date_end`` not before ``date_start``; whole months
    for precision ``month`` and whole years for ``year``; no doc id twice in ``sources``; unique
    ``event_id``; ``responds_to`` naming another row that does not start after this row ends,
    with no loops (a answers b, b answers a);
    evidence of at most 25 words whose offsets span exactly its length.

    With ``corpus``, also: every doc id in ``sources`` is in the corpus, and the evidence is
    found verbatim at ``[evidence_start:evidence_end]`` in the primary (first) source's text,
    or anywhere in it when the row gives no offsets.

    Args:
        df: the table, as ``read_events`` or ``events_frame`` make it.
        corpus: a corpus folder (read with ``timeline.load_documents``), a mapping of doc id
            to text (or to a ``Document``), or an iterable of ``Document`` objects.

    Raises:
        SchemaError: one line per problem in ``.problems``, such as
            ``row 3 (event_id 'x'), column 'kind': 'evnt' is not one of: event, response``.
            Rows are numbered from 1 in the DataFrame's order (the file's data rows).
        DocumentError: the corpus folder cannot be read.
        TypeError: ``df`` is not a DataFrame.

    Example (not run by the tests: it needs files outside the package)::

        validate_events(read_events("data/events.csv"), corpus="../shared/corpus")
    """
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"validate_events expects a pandas DataFrame, got {type(df).__name__}")
    problems = _check_columns(df, EVENT_FIELDS)
    if not problems:
        problems = _check_cells(df, EVENT_FIELDS) + _check_events(df)
        if corpus is not None:
            problems += _check_corpus(df, _corpus_texts(corpus))
    if problems:
        raise _error(problems, "", _EVENTS)


def write_events(
    df: pd.DataFrame,
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    excel_safe: bool = False,
) -> None:
    """Validate an events table and write it as CSV (or Parquet), atomically and stably.

    Columns in ``COLUMNS`` order; rows sorted by ``date_start`` (``date_end`` where there is
    no start), then ``event_id``; dates as ``YYYY-MM-DD``; ``reviewed`` as ``true``/``false``;
    minimal quoting; ``\\n`` line endings; UTF-8 without a byte-order mark. The file is
    written to a temporary file and renamed, so a failed write leaves the old file intact.
    ``read_events`` of the result equals ``df`` sorted by that key with a fresh index.

    ``format="parquet"`` (the default for a ``.parquet`` or ``.pq`` path) writes the same
    rows and columns as a Parquet file (``string``, ``date32``, ``int64`` and ``bool``
    columns, zstd-compressed) for tables too large to review as CSV; ``read_events`` reads it
    back with the same dtypes. CSV stays the format a person reviews and edits.

    With ``excel_safe``, the file is a CSV copy for spreadsheets, not an events table to read
    back: every text cell that a spreadsheet would take for a formula (one starting with
    ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is written with a leading
    apostrophe, which spreadsheets show as text. The data file itself keeps values verbatim.

    Raises:
        SchemaError: the table is invalid (nothing is written).
        OutputError: the file cannot be written safely (read-only, its folder is a file).
            A read-only table is refused: a person made it so.
        ValueError: ``format`` is neither ``csv`` nor ``parquet``, or ``excel_safe`` is
            asked of Parquet.

    >>> import pathlib, tempfile
    >>> row = {"event_id": "a", "kind": "event", "category": "visit", "date_start": "2020-01-02",
    ...        "date_end": "2020-01-02", "date_precision": "day", "title": "A visit",
    ...        "sources": "d1", "reviewed": True}
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "events.csv"
    >>> write_events(events_frame([row]), out)
    >>> read_events(out).loc[0, "date_start"]
    Timestamp('2020-01-02 00:00:00')
    """
    target = Path(path)
    if format is None:
        format = "parquet" if target.suffix.lower() in _parquet.SUFFIXES else "csv"
    if format not in ("csv", "parquet"):
        raise ValueError(f"write_events: format must be 'csv' or 'parquet', got {format!r}")
    if excel_safe and format == "parquet":
        raise ValueError("write_events: excel_safe is for CSV copies, not Parquet")
    try:
        validate_events(df)
    except SchemaError as exc:
        raise _error(exc.problems, f"refusing to write {target}: ", _EVENTS) from None
    if format == "parquet":
        data: str | bytes = _to_parquet(sort_events(df), EVENT_FIELDS)
    else:
        data = _to_csv(sort_events(df), EVENT_FIELDS, excel_safe=excel_safe)
    atomic_write(target, data, refuse_read_only=True)


def sort_events(df: pd.DataFrame) -> pd.DataFrame:
    """Return the rows in the table's stable order, with a fresh ``RangeIndex``.

    The key is ``date_start`` (``date_end`` where there is no start), then ``event_id``;
    rows without any date come last.

    >>> sort_events(read_events("data/events.csv"))["event_id"].iloc[0]
    'diplomat-visit-2018'
    """
    key = df["date_start"].fillna(df["date_end"])
    ids = df["event_id"].astype("string").fillna("")
    order = (
        pd.DataFrame({"key": key.to_numpy(), "event_id": ids.to_numpy(dtype=object)})
        .sort_values(["key", "event_id"], kind="mergesort", na_position="last")
        .index
    )
    return df.iloc[order].reset_index(drop=True)


def events_frame(rows: Iterable[Mapping[str, Any]] = ()) -> pd.DataFrame:
    """Build a typed events DataFrame from records (dicts), as ``read_events`` would.

    Values may be strings as written in the CSV (``"2019-07-10"``, ``"true"``, ``"12"``) or
    Python values (``datetime.date``, ``pandas.Timestamp`` at midnight, ``int``, ``bool``);
    ``None``, ``NaN``, ``NA``, ``NaT`` and ``""`` are missing. A column absent from every
    record is all missing. The result is not validated: call ``validate_events``.

    Raises:
        SchemaError: an unknown column or a value that cannot be parsed.

    >>> df = events_frame([{"event_id": "a", "date_start": "2020-01-02", "reviewed": True}])
    >>> str(df.loc[0, "date_start"].date()), bool(df.loc[0, "reviewed"])
    ('2020-01-02', True)
    """
    return _frame_from_records(rows, EVENT_FIELDS, _EVENTS)


def read_sources(path: str | os.PathLike[str]) -> pd.DataFrame:
    """Read a sources CSV (``SOURCE_COLUMNS``, one row per document) and check it.

    Every column gets the pandas ``string`` dtype (``published`` keeps the ISO 8601 text as
    written, date or date-time). Checks: the columns, required values (``doc_id``,
    ``outlet``, ``publisher_type``; that vocabulary is open), the
    ``published`` and ``url`` patterns, unique ``doc_id``.

    Raises:
        SchemaError: every problem, in ``.problems``; the message names the file.

    >>> read_sources("data/sources.csv")["doc_id"].tolist()
    ['000', '001', '002', '003', '004']
    """
    source = _csv_path(path, "read_sources")
    frame, problems = _parse_csv(source, SOURCE_FIELDS, _SOURCES)
    if not problems:
        problems = _check_cells(frame, SOURCE_FIELDS)
        problems += _check_published(frame) + _duplicates(frame, "doc_id")
    if problems:
        raise _error(problems, f"{source}: ", _SOURCES)
    return frame


def write_sources(df: pd.DataFrame, path: str | os.PathLike[str]) -> None:
    """Check a sources table and write it as CSV (sorted by ``doc_id``), atomically.

    Raises:
        SchemaError: the table breaks the schema (nothing is written).

    Example (not run by the tests: it needs files outside the package)::

        write_sources(read_sources("data/sources.csv"), "/tmp/sources.csv")
    """
    target = Path(path)
    problems = _check_columns(df, SOURCE_FIELDS)
    if not problems:
        problems = _check_cells(df, SOURCE_FIELDS)
        problems += _check_published(df) + _duplicates(df, "doc_id")
    if problems:
        raise _error(problems, f"refusing to write {target}: ", _SOURCES)
    ordered = df.sort_values("doc_id", kind="mergesort").reset_index(drop=True)
    atomic_write(target, _to_csv(ordered, SOURCE_FIELDS), refuse_read_only=True)


def datapackage() -> dict[str, Any]:
    """Return the Frictionless Data Package descriptor of ``events.csv`` and ``sources.csv``.

    Generated from the same schema declaration the code checks against: field types,
    ``required``/``enum``/``pattern``/``minimum`` constraints, the primary keys and the
    ``responds_to`` -> ``event_id`` foreign key. ``data/datapackage.json`` is this dict.

    >>> [r["name"] for r in datapackage()["resources"]]
    ['events', 'sources']
    """
    return {
        "profile": "tabular-data-package",
        "name": "timeline",
        "title": "Dated, sourced events and official responses",
        "description": (
            "One row per real-world event or official response, with its dates, their "
            "precision, its sources and a short verbatim evidence quotation; and one row per "
            "source document. Generated by timeline.table.datapackage()."
        ),
        "resources": [
            _resource(
                "events",
                "Events and responses, one row each.",
                EVENT_FIELDS,
                primary_key="event_id",
                foreign_keys=[
                    {
                        "fields": ["responds_to"],
                        "reference": {"resource": "", "fields": ["event_id"]},
                    }
                ],
            ),
            _resource(
                "sources",
                "The source documents, one row each: facts only, no text.",
                SOURCE_FIELDS,
                primary_key="doc_id",
            ),
        ],
    }


def write_datapackage(path: str | os.PathLike[str]) -> None:
    """Write ``datapackage()`` as indented UTF-8 JSON ending in ``\\n``, atomically.

    Example (not run by the tests: it needs files outside the package)::

        write_datapackage("data/datapackage.json")
    """
    atomic_write(Path(path), json.dumps(datapackage(), indent=2, ensure_ascii=False) + "\n")


# --------------------------------------------------------------------------- reading


def _csv_path(path: Any, caller: str) -> Path:
    """The path of a CSV file to read; a clear TypeError for anything else (a DataFrame)."""
    if isinstance(path, pd.DataFrame):
        raise TypeError(
            f"{caller} reads a CSV file and takes its path, got a DataFrame "
            "(use validate_events to check a DataFrame)"
        )
    if not isinstance(path, str | os.PathLike):
        raise TypeError(f"{caller} takes the path of a CSV file, got {type(path).__name__}")
    return Path(path)


def _parse_csv(path: Path, fields: tuple[Field, ...], table: str) -> tuple[pd.DataFrame, list[str]]:
    """Decode, split and type a CSV file; return the frame and the problems found."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise SchemaError(
            f"{path}: not valid UTF-8 at byte {exc.start} (line {line}): {exc.reason}; "
            "save the file as UTF-8",
            [f"line {line}: not valid UTF-8 at byte {exc.start} ({exc.reason})"],
        ) from exc
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        with csv_cells_up_to(len(text)):
            rows = list(reader)
    except csv.Error as exc:
        raise SchemaError(
            f"{path}: malformed CSV at line {reader.line_num}: {exc}",
            [f"line {reader.line_num}: malformed CSV ({exc})"],
        ) from exc
    names = tuple(f.name for f in fields)
    if not rows:
        message = f"empty file; expected a header row: {','.join(names)}"
        raise SchemaError(f"{path}: {message}", [message])
    header_problems = _check_header(rows[0], names, _optional(fields))
    if header_problems:
        raise _error(header_problems, f"{path}: ", table)
    fields = _present(fields, rows[0])
    names = tuple(f.name for f in fields)
    problems: list[str] = []
    records: list[dict[str, str]] = []
    for number, cells in enumerate(rows[1:], start=1):
        if not cells:
            problems.append(f"row {number}: blank line (delete it)")
        elif len(cells) != len(names):
            problems.append(f"row {number}: {len(cells)} fields, expected {len(names)}")
        else:
            records.append(dict(zip(rows[0], cells, strict=True)))
    if problems:
        return _empty(fields), problems
    return _frame_from_cells(records, fields)


def _parse_parquet(
    path: Path, fields: tuple[Field, ...], table: str
) -> tuple[pd.DataFrame, list[str]]:
    """Read a Parquet file's columns and type them exactly as CSV cells are typed."""
    columns = _parquet.read_columns(path)
    header_problems = _check_header(list(columns), tuple(f.name for f in fields), _optional(fields))
    if header_problems:
        raise _error(header_problems, f"{path}: ", table)
    fields = _present(fields, columns)
    rows = len(next(iter(columns.values()), []))
    cells = {name: [_to_cell(v) for v in values] for name, values in columns.items()}
    records = [{name: cells[name][i] for name in cells} for i in range(rows)]
    return _frame_from_cells(records, fields)


def _check_header(
    header: list[str], names: tuple[str, ...], optional: tuple[str, ...] = ()
) -> list[str]:
    """Problems with a header row: duplicated, missing or unknown column names."""
    problems = [f"column {n!r} appears more than once" for n in _dupes(header)]
    problems += [f"missing column {n!r}" for n in names if n not in header and n not in optional]
    problems += [
        f"unknown column {n!r} (allowed: {', '.join(names)})"
        for n in dict.fromkeys(header)
        if n not in names
    ]
    return problems


def _frame_from_records(
    rows: Iterable[Mapping[str, Any]], fields: tuple[Field, ...], table: str
) -> pd.DataFrame:
    """Type records of Python values or CSV strings into a frame; raise on bad values."""
    names = {f.name for f in fields}
    problems: list[str] = []
    cells: list[dict[str, str]] = []
    for number, row in enumerate(rows, start=1):
        unknown = [k for k in row if k not in names]
        problems += [f"row {number}: unknown column {k!r}" for k in unknown]
        cells.append({k: _to_cell(v) for k, v in row.items() if k in names})
    if problems:
        raise _error(problems, "", table)
    frame, problems = _frame_from_cells(cells, _present(fields, [k for c in cells for k in c]))
    if problems:
        raise _error(problems, "", table)
    return frame


def _to_cell(value: Any) -> str:
    """The CSV text of a Python value (dates as ISO, booleans as true/false)."""
    if value is None or value is pd.NaT:
        return ""
    if isinstance(value, np.datetime64) and not np.isnat(value):
        value = pd.Timestamp(value)
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or pd.api.types.is_bool(value):
        return "true" if value else "false"
    if isinstance(value, pd.Timestamp | dt.datetime):
        return _iso(value) if value.time() == dt.time(0) and value.tzinfo is None else str(value)
    if isinstance(value, dt.date):
        return _iso(value)
    if pd.api.types.is_scalar(value) and pd.isna(value):
        return ""
    if isinstance(value, int) or pd.api.types.is_integer(value):
        return str(int(value))
    return repr(value)


def _frame_from_cells(
    records: list[dict[str, str]], fields: tuple[Field, ...]
) -> tuple[pd.DataFrame, list[str]]:
    """Parse string cells into typed columns; collect a problem for each bad cell."""
    problems: list[str] = []
    columns: dict[str, pd.Series] = {}
    key = fields[0].name
    for field in fields:
        raws = [record.get(field.name, "") for record in records]
        if field.type == "string":  # nothing to parse: empty cells are missing
            columns[field.name] = _series([raw if raw != "" else None for raw in raws], field)
            continue
        parsed: dict[str, tuple[Any, str | None]] = {}  # a column repeats its values
        values = []
        for number, raw in enumerate(raws, start=1):
            if raw not in parsed:
                parsed[raw] = _parse_cell(field, raw)
            value, error = parsed[raw]
            if error:
                where = _where(number, records[number - 1].get(key) or None, key)
                problems.append(f"{where}, column {field.name!r}: {_show(raw)} {error}")
            values.append(value)
        columns[field.name] = _series(values, field)
    return pd.DataFrame(columns), problems


def _parse_cell(field: Field, raw: str) -> tuple[Any, str | None]:
    """Parse one CSV cell; return (value, None) or (None, what is wrong)."""
    if raw == "":
        return None, None
    if field.type == "string":
        return raw, None
    if field.type == "date":
        if not re.fullmatch(ISO_DATE, raw):
            return None, "is not a date (expected an ISO date YYYY-MM-DD, such as 2019-07-10)"
        try:
            day = dt.date.fromisoformat(raw)
        except ValueError:
            return None, "is not a real calendar date (expected an ISO date YYYY-MM-DD)"
        return day, None
    if field.type == "integer":
        if not re.fullmatch(r"[0-9]{1,18}", raw):
            return None, "is not a whole number (expected up to 18 digits, such as 0 or 42)"
        return int(raw), None
    if raw in ("true", "false"):
        return raw == "true", None
    return None, "is not one of: true, false"


def _series(values: list[Any], field: Field) -> pd.Series:
    """A column of parsed values with the field's dtype."""
    dtype = DTYPES[field.type]
    if field.type != "date":  # dates: pandas turns date objects and None into datetime64
        values = [pd.NA if v is None else v for v in values]
    return pd.Series(values, dtype=dtype, name=field.name)


def _empty(fields: tuple[Field, ...]) -> pd.DataFrame:
    """A frame with the fields' columns and dtypes and no rows."""
    return pd.DataFrame({f.name: _series([], f) for f in fields if not f.optional_column})


def _optional(fields: tuple[Field, ...]) -> tuple[str, ...]:
    """Names of the columns that may be absent."""
    return tuple(f.name for f in fields if f.optional_column)


def _present(fields: tuple[Field, ...], names: Iterable[Any]) -> tuple[Field, ...]:
    """The fields a file or frame holds: every required column and the optional ones given."""
    given = {str(n) for n in names}
    return tuple(f for f in fields if not f.optional_column or f.name in given)


# --------------------------------------------------------------------------- checking


def _check_columns(df: pd.DataFrame, fields: tuple[Field, ...]) -> list[str]:
    """Missing, unknown or repeated columns, and columns of the wrong dtype."""
    names = tuple(f.name for f in fields)
    problems = _check_header([str(c) for c in df.columns], names, _optional(fields))
    if problems:
        return problems
    for field in _present(fields, df.columns):
        column = df[field.name]
        if not _dtype_ok(column, field.type):
            problems.append(
                f"column {field.name!r}: dtype {column.dtype}, expected {DTYPES[field.type]} "
                "(build the frame with read_events or events_frame)"
            )
    return problems


def _check_cells(df: pd.DataFrame, fields: tuple[Field, ...]) -> list[str]:
    """The one loop over the schema: each cell against its field's constraints."""
    problems: list[str] = []
    key = fields[0].name
    ids = [_text(v) for v in df[key].tolist()]
    for field in _present(fields, df.columns):
        for number, value in enumerate(df[field.name].tolist(), start=1):
            error = _check_value(field, value)
            if error:
                problems.append(f"{_where(number, ids[number - 1], key)}, column {error}")
    return problems


def _dtype_ok(column: pd.Series, kind: str) -> bool:
    """Whether a column has the dtype the schema declares (any string storage will do)."""
    if kind == "string":
        return isinstance(column.dtype, pd.StringDtype)
    if kind == "date":
        return pd.api.types.is_datetime64_dtype(column.dtype)
    return str(column.dtype) == DTYPES[kind]


def _check_value(field: Field, value: Any) -> str | None:
    """What is wrong with one typed value, as ``'name': ...``; None when it is fine."""
    if _missing(value) or (field.type == "string" and not str(value).strip()):
        return f"{field.name!r}: empty, but a value is required" if field.required else None
    free_text = field.type == "string" and field.enum is None and field.pattern is None
    if free_text and "\x00" not in value and _encodable(value):
        return None  # the most common cell: nothing more to check
    return _check_present(field, value)


def _check_present(field: Field, value: Any) -> str | None:
    """What is wrong with a value that is present; None when it is fine."""
    name = repr(field.name)
    if field.type == "string" and not _encodable(value):
        return f"{name}: {_show(value)} holds a character that cannot be written as UTF-8"
    if field.type == "string" and "\x00" in value:
        return (
            f"{name}: {_show(value)} holds a NUL character (\\x00), which no text may hold; "
            "delete it"
        )
    if field.enum is not None and value not in field.enum:
        return f"{name}: {_show(value)} is not one of: {', '.join(field.enum)}"
    if field.pattern is not None and not _pattern(field.pattern).fullmatch(value):
        return f"{name}: {_show(value)} is not {field.allowed}"
    if field.type == "date" and value != value.normalize():
        return f"{name}: {value.isoformat()} has a time of day; expected a date only"
    if field.minimum is not None and value < field.minimum:
        return f"{name}: {value} is below the minimum {field.minimum}"
    return None


def _check_events(df: pd.DataFrame) -> list[str]:
    """Row-level rules: date bounds by precision, evidence, responds_to, unique ids."""
    problems = _duplicates(df, "event_id")
    ids = [_text(v) for v in df["event_id"].tolist()]
    rows = _records(df)
    by_id = {eid: row for eid, row in zip(ids, rows, strict=True) if eid is not None}
    for number, (eid, row) in enumerate(zip(ids, rows, strict=True), start=1):
        where = _where(number, eid, "event_id")
        start, end, precision = row["date_start"], row["date_end"], row["date_precision"]
        if _missing(start) and precision != "before":
            problems.append(
                f"{where}, column 'date_start': empty, but a value is required unless "
                "date_precision is 'before'"
            )
        if _missing(end) and precision != "after":
            problems.append(
                f"{where}, column 'date_end': empty, but a value is required unless "
                "date_precision is 'after'"
            )
        if not _missing(start) and not _missing(end) and end < start:
            problems.append(
                f"{where}, column 'date_end': {_iso(end)} is before date_start {_iso(start)}"
            )
        problems += _check_bounds(where, precision, start, end)
        doc_ids = str(row["sources"]).split(";")
        problems += [
            f"{where}, column 'sources': doc id {d!r} is listed more than once"
            for d in _dupes(doc_ids)
        ]
        problems += _check_evidence(where, row)
        target = _text(row["responds_to"])
        if target is None:
            continue
        if target == eid:
            problems.append(f"{where}, column 'responds_to': {target!r} names the row itself")
        elif target not in by_id:
            problems.append(
                f"{where}, column 'responds_to': {_show(target)} names no event_id in the table"
            )
        else:
            begins = by_id[target]["date_start"]
            if not _missing(begins) and not _missing(end) and end < begins:
                problems.append(
                    f"{where}, column 'responds_to': {target!r} starts on {_iso(begins)}, "
                    f"after this row ends ({_iso(end)})"
                )
    return problems + _check_cycles(ids, rows)


def _records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows as dicts of Python values (``NA`` as None), as ``to_dict("records")``, faster."""
    names = [str(c) for c in df.columns]
    na = pd.NA
    columns = [[None if v is na else v for v in df[c].tolist()] for c in df.columns]
    return [dict(zip(names, values, strict=True)) for values in zip(*columns, strict=True)]


def _check_cycles(ids: list[str | None], rows: list[dict[str, Any]]) -> list[str]:
    """One problem per loop of two or more rows answering each other through responds_to.

    Linear in the rows: a row whose chain ends, or runs into a loop it is not part of, is
    never walked again (a long chain of answers would otherwise cost its length squared).
    """
    target = {eid: _text(row["responds_to"]) for eid, row in zip(ids, rows, strict=True) if eid}
    problems: list[str] = []
    reported: set[str] = set()
    settled: set[str] = set()  # in no loop
    looping: set[str] = set()  # in a loop, reported at the first of its rows
    for number, eid in enumerate(ids, start=1):
        if eid is None or eid in reported or eid in settled:
            continue
        chain, seen, current = [eid], {eid}, target.get(eid)
        while current is not None and current in target and current not in seen:
            if current in settled or (current in looping and eid not in looping):
                break
            chain.append(current)
            seen.add(current)
            current = target[current]
        if current == eid and len(chain) > 1:
            reported.update(chain)
            loop = " -> ".join([*chain, eid])
            problems.append(
                f"{_where(number, eid, 'event_id')}, column 'responds_to': forms a loop {loop}"
            )
        elif current in seen:  # the chain runs into a loop that starts at current
            entry = chain.index(current)
            settled.update(chain[:entry])
            looping.update(chain[entry:])
        else:
            settled.update(chain)
    return problems


def _check_bounds(where: str, precision: str, start: Any, end: Any) -> list[str]:
    """Dates of precision month or year span whole months or years."""
    problems = []
    if precision == "month":
        if not _missing(start) and start.day != 1:
            problems.append(
                f"{where}, column 'date_start': {_iso(start)} is not the first day of a month "
                "(date_precision 'month' spans whole months)"
            )
        if not _missing(end) and not end.is_month_end:
            problems.append(
                f"{where}, column 'date_end': {_iso(end)} is not the last day of a month "
                "(date_precision 'month' spans whole months)"
            )
    elif precision == "year":
        if not _missing(start) and (start.month, start.day) != (1, 1):
            problems.append(
                f"{where}, column 'date_start': {_iso(start)} is not 1 January "
                "(date_precision 'year' spans whole years)"
            )
        if not _missing(end) and (end.month, end.day) != (12, 31):
            problems.append(
                f"{where}, column 'date_end': {_iso(end)} is not 31 December "
                "(date_precision 'year' spans whole years)"
            )
    return problems


def _check_evidence(where: str, row: dict[str, Any]) -> list[str]:
    """Evidence length and offsets that agree with it."""
    problems = []
    evidence = _text(row["evidence"])
    start, end = row["evidence_start"], row["evidence_end"]
    if evidence is not None and len(evidence.split()) > MAX_EVIDENCE_WORDS:
        problems.append(
            f"{where}, column 'evidence': {len(evidence.split())} words, more than the "
            f"{MAX_EVIDENCE_WORDS} allowed (quote only the phrase that carries the date)"
        )
    if _missing(start) != _missing(end):
        problems.append(
            f"{where}, columns 'evidence_start'/'evidence_end': give both offsets or neither"
        )
    elif not _missing(start):
        if evidence is None:
            problems.append(f"{where}, column 'evidence': empty, but the row gives offsets")
        elif end - start != len(evidence):
            problems.append(
                f"{where}, column 'evidence_end': offsets [{start}:{end}] span {end - start} "
                f"characters but the evidence has {len(evidence)}"
            )
    return problems


def _check_corpus(df: pd.DataFrame, texts: Mapping[str, str]) -> list[str]:
    """Source doc ids known to the corpus; evidence verbatim at its offsets."""
    problems = []
    known = ", ".join(sorted(texts)) or "none"
    for number, row in enumerate(_records(df), start=1):
        where = _where(number, _text(row["event_id"]), "event_id")
        doc_ids = str(row["sources"]).split(";")
        unknown = [d for d in doc_ids if d not in texts]
        problems += [
            f"{where}, column 'sources': doc id {d!r} is not in the corpus (known: {known})"
            for d in unknown
        ]
        evidence = _text(row["evidence"])
        if evidence is None or doc_ids[0] in unknown:
            continue
        text = texts[doc_ids[0]]
        start, end = row["evidence_start"], row["evidence_end"]
        found = text.find(evidence)
        at = f"it occurs at [{found}:{found + len(evidence)}]" if found >= 0 else "it is absent"
        if _missing(start) or _missing(end):
            if found < 0:
                problems.append(
                    f"{where}, column 'evidence': {_show(evidence)} is not found in "
                    f"document {doc_ids[0]!r}"
                )
        elif text[start:end] != evidence:
            problems.append(
                f"{where}, column 'evidence': {_show(evidence)} is not found at "
                f"[{start}:{end}] in document {doc_ids[0]!r}, which has "
                f"{_show(text[start:end])} there ({at})"
            )
    return problems


def _corpus_texts(corpus: Any) -> dict[str, str]:
    """Doc id -> text from a folder, a mapping (to text or Document) or Documents."""
    if isinstance(corpus, str | os.PathLike):
        return {doc.doc_id: doc.text for doc in load_documents(corpus)}
    if isinstance(corpus, Mapping):
        return {str(k): v if isinstance(v, str) else v.text for k, v in corpus.items()}
    try:
        return {doc.doc_id: doc.text for doc in corpus}
    except (AttributeError, TypeError) as exc:
        raise DocumentError(
            f"corpus must be a folder, a mapping of doc id to text, or Documents; got {corpus!r}"
        ) from exc


def _check_published(df: pd.DataFrame) -> list[str]:
    """Published values that match the ISO pattern but are not real dates or times."""
    problems = []
    for number, (doc_id, value) in enumerate(zip(df["doc_id"], df["published"], strict=True), 1):
        if _missing(value) or not re.fullmatch(ISO_DATETIME, value):
            continue
        try:
            dt.datetime.fromisoformat(value)
        except ValueError:
            problems.append(
                f"{_where(number, doc_id, 'doc_id')}, column 'published': {_show(value)} "
                "is not a real date or time"
            )
    return problems


def _duplicates(df: pd.DataFrame, key: str) -> list[str]:
    """One problem per repeated key value, naming the row it repeats."""
    first: dict[str, int] = {}
    problems = []
    for number, value in enumerate(df[key].tolist(), start=1):
        value = _text(value)
        if value is None:
            continue
        if value in first:
            problems.append(
                f"{_where(number, value, key)}, column {key!r}: {value!r} is a duplicate of "
                f"row {first[value]} ({key} values must be unique)"
            )
        else:
            first[value] = number
    return problems


# --------------------------------------------------------------------------- writing


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _to_csv(df: pd.DataFrame, fields: tuple[Field, ...], *, excel_safe: bool = False) -> str:
    """The CSV text of a checked frame: schema column order, minimal quoting, ``\\n``.

    ``excel_safe`` prefixes text cells a spreadsheet would evaluate with an apostrophe.
    """
    fields = _present(fields, df.columns)
    columns = [[_format(v, f) for v in df[f.name].tolist()] for f in fields]
    if excel_safe:
        columns = [
            ["'" + c if c.startswith(_FORMULA_START) else c for c in column]
            if field.type == "string"
            else column
            for field, column in zip(fields, columns, strict=True)
        ]
    rows = [[f.name for f in fields], *zip(*columns, strict=True)]
    return "".join(",".join(_quote(cell) for cell in row) + "\n" for row in rows)


def _to_parquet(df: pd.DataFrame, fields: tuple[Field, ...]) -> bytes:
    """The Parquet bytes of a checked frame: each cell's CSV text, typed back by its field."""
    fields = _present(fields, df.columns)
    parse = {"date": dt.date.fromisoformat, "integer": int, "boolean": lambda t: t == "true"}
    columns = {}
    for f in fields:
        texts = [_format(v, f) for v in df[f.name].tolist()]
        convert = parse.get(f.type, str)
        columns[f.name] = [convert(t) if t != "" else None for t in texts]
    return _parquet.to_bytes(columns, {f.name: f.type for f in fields})


def _quote(cell: str) -> str:
    """A CSV cell, quoted only when it holds a comma, a quote, ``\r`` or ``\n``.

    (``csv.writer`` with ``lineterminator="\n"`` leaves a lone ``\r`` unquoted, which a
    reader then takes for a line break; hence this small writer.)
    """
    if any(c in cell for c in ',"\r\n'):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def _format(value: Any, field: Field) -> str:
    """One typed value as CSV text."""
    if _missing(value):
        return ""
    if field.type == "date":
        return _iso(value)
    if field.type == "boolean":
        return "true" if value else "false"
    return str(value)


# --------------------------------------------------------------------------- helpers


def _error(problems: list[str], prefix: str, table: str) -> SchemaError:
    """A SchemaError whose one-line message summarises the problems."""
    shown = "; ".join(problems[:10])
    more = f"; and {len(problems) - 10} more" if len(problems) > 10 else ""
    count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
    return SchemaError(f"{prefix}{count} in the {table}: {shown}{more}", list(problems))


def _where(number: int, key_value: str | None, key: str) -> str:
    """``row 3 (event_id 'x')``: the 1-based data row and its key."""
    return f"row {number} ({key} {key_value!r})" if key_value else f"row {number} (no {key})"


def _encodable(text: str) -> bool:
    """Whether a string can be written as UTF-8 (no lone surrogates)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


@functools.lru_cache(maxsize=16)
def _pattern(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _missing(value: Any) -> bool:
    """Whether a scalar is a missing value (None, NA, NaN, NaT), cheaply (it runs per cell)."""
    if value is None or value is _NA or value is _NAT:
        return True
    if type(value) is str:
        return False
    if isinstance(value, float | np.floating | np.datetime64 | np.timedelta64):
        return bool(pd.isna(value))
    return False


_NA, _NAT = pd.NA, pd.NaT


def _text(value: Any) -> str | None:
    """A string value, or None when missing or blank."""
    return None if _missing(value) or not str(value).strip() else str(value)


def _show(value: Any) -> str:
    """A value quoted for a message, shortened when long."""
    text = str(value)
    return repr(text if len(text) <= 80 else text[:77] + "...")


def _iso(value: dt.date) -> str:
    """``YYYY-MM-DD`` of a date or timestamp."""
    return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"


def _dupes(names: list[str]) -> list[str]:
    """Names that occur more than once, in first-seen order."""
    return [n for n in dict.fromkeys(names) if names.count(n) > 1]


def _resource(
    name: str,
    description: str,
    fields: tuple[Field, ...],
    *,
    primary_key: str,
    foreign_keys: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """The Tabular Data Resource descriptor of one CSV file."""
    schema: dict[str, Any] = {
        "fields": [_field_descriptor(f) for f in fields],
        **_fields_match(fields),
        "missingValues": [""],
        "primaryKey": [primary_key],
    }
    if foreign_keys:
        schema["foreignKeys"] = foreign_keys
    return {
        "name": name,
        "path": f"{name}.csv",
        "profile": "tabular-data-resource",
        "description": description,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "dialect": {
            "delimiter": ",",
            "lineTerminator": "\n",
            "quoteChar": '"',
            "doubleQuote": True,
            "header": True,
        },
        "schema": schema,
    }


def _fields_match(fields: tuple[Field, ...]) -> dict[str, Any]:
    """Table Schema v2 ``fieldsMatch``: optional columns may be absent from the file."""
    return {"fieldsMatch": "superset"} if _optional(fields) else {}


def _field_descriptor(field: Field) -> dict[str, Any]:
    """The Table Schema descriptor of one field."""
    out: dict[str, Any] = {"name": field.name, "type": field.type}
    if field.type == "boolean":
        out["trueValues"] = ["true"]
        out["falseValues"] = ["false"]
    out["description"] = field.description
    constraints: dict[str, Any] = {}
    if field.required:
        constraints["required"] = True
    if field is EVENT_FIELDS[0] or field is SOURCE_FIELDS[0]:
        constraints["unique"] = True
    if field.enum is not None:
        constraints["enum"] = list(field.enum)
    if field.pattern is not None:
        constraints["pattern"] = field.pattern
    if field.minimum is not None:
        constraints["minimum"] = field.minimum
    if constraints:
        out["constraints"] = constraints
    return out
