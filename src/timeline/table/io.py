"""Reading and writing the events and sources tables: CSV or Parquet, typed, atomically.

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
import io
import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from timeline._io import atomic_write, csv_cells_up_to
from timeline.errors import SchemaError
from timeline.schema import (
    DTYPES,
    EVENT_FIELDS,
    ISO_DATE,
    SOURCE_FIELDS,
    Field,
)
from timeline.table import _parquet
from timeline.table.validate import (
    _EVENTS,
    _SOURCES,
    _check_cells,
    _check_columns,
    _check_header,
    _check_published,
    _duplicates,
    _error,
    _iso,
    _missing,
    _optional,
    _present,
    _show,
    _where,
    validate_events,
)


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


def write_events(
    df: pd.DataFrame,
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    excel_safe: bool = False,
) -> Path:
    """Validate an events table and write it as CSV (or Parquet), atomically; return the path.

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

    Returns:
        The path written, as a ``Path`` (as ``write_html`` and the other writers return).

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
    >>> write_events(events_frame([row]), out) == out
    True
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
    return target


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
