"""Checking an events or sources table against the schema: every problem, by row and column."""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from timeline.documents import load_documents
from timeline.errors import DocumentError, SchemaError
from timeline.schema import (
    DTYPES,
    EVENT_FIELDS,
    ISO_DATETIME,
    MAX_EVIDENCE_WORDS,
    RESPONSE_GRACE_DAYS,
    Field,
)
from timeline.table.cells import as_text
from timeline.table.cells import is_missing as _missing

_EVENTS = "events table"
_GRACE = pd.Timedelta(days=RESPONSE_GRACE_DAYS)  # time zones (schema)


_SOURCES = "sources table"


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
    ``event_id``; ``responds_to`` naming another row that does not start after this row ends
    (a day's grace for time zones),
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
            problems += _check_corpus(df, corpus_texts(corpus))
    if problems:
        raise _error(problems, "", _EVENTS)


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
            if not _missing(begins) and not _missing(end) and end + _GRACE < begins:
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
        if doc_ids[0] in unknown:
            continue
        problem = evidence_problem(row, texts)
        if problem:
            problems.append(f"{where}, column 'evidence': {problem}")
    return problems


def evidence_problem(row: Mapping[str, Any], texts: Mapping[str, str]) -> str | None:
    """Why a row's evidence is not where it says in its primary source (None when it is).

    Without offsets the evidence must occur somewhere in the text; with them, exactly there.
    """
    evidence = _text(row["evidence"])
    if evidence is None:
        return None
    doc_id = str(row["sources"]).split(";")[0]
    if doc_id not in texts:
        return f"{_show(evidence)}: primary source {doc_id!r} is not in the corpus"
    text = texts[doc_id]
    start, end = row["evidence_start"], row["evidence_end"]
    found = text.find(evidence)
    if _missing(start) or _missing(end):
        return None if found >= 0 else f"{_show(evidence)} is not found in document {doc_id!r}"
    if text[start:end] == evidence:
        return None
    at = f"it occurs at [{found}:{found + len(evidence)}]" if found >= 0 else "it is absent"
    return (
        f"{_show(evidence)} is not found at [{start}:{end}] in document {doc_id!r}, which has "
        f"{_show(text[start:end])} there ({at})"
    )


def corpus_texts(corpus: Any) -> dict[str, str]:
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


def _text(value: Any) -> str | None:
    """A string value, or None when missing or blank."""
    return str(value) if as_text(value) else None


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


def _optional(fields: tuple[Field, ...]) -> tuple[str, ...]:
    """Names of the columns that may be absent."""
    return tuple(f.name for f in fields if f.optional_column)


def _present(fields: tuple[Field, ...], names: Iterable[Any]) -> tuple[Field, ...]:
    """The fields a file or frame holds: every required column and the optional ones given."""
    given = {str(n) for n in names}
    return tuple(f for f in fields if not f.optional_column or f.name in given)


@functools.lru_cache(maxsize=16)
def _pattern(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)
