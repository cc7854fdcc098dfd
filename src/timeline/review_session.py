"""Reviewing candidate events one at a time: the queue, the actions and every write they make.

A ``ReviewSession`` holds the candidates of ``extract_events`` and the events table they are
reviewed into (a CSV file). The widget of ``timeline.review_widget`` is a view of it; the
session can also be driven from code. Rules:

- **Queue.** Candidates the rejections file names, and candidates that duplicate a reviewed row
  of the table (the matching rules of ``merge_events``), are not queued. The others are queued
  doubtful first: by the ``confidence`` column (a number from 0 to 1) where the candidates
  have one, else by a fallback score (``doubt_score``), ties in candidate order; a candidate
  whose ``responds_to`` names another candidate comes right after that one, so the row it
  answers is in the table when it is accepted.
- **Actions.** ``accept`` writes the candidate, with the person's edits, as a row with
  ``reviewed`` true (through ``merge_events``, so an unreviewed row it matches is replaced and a
  taken ``event_id`` gets a free suffix); ``merge`` adds the candidate's document to the
  ``sources`` of a row of the table and changes nothing else in it; ``reject`` records the
  candidate in the rejections file beside the table (``events.rejected.csv`` for
  ``events.csv``), which ``timeline extract --merge`` and later sessions consult; ``skip``
  moves it to the end of the queue; ``undo`` reverts the last action, files included.
- **Writes.** Every write validates the whole table and replaces the file atomically
  (``write_events``); it is refused, and nothing is written, when the table changed on disk
  since the session last read or wrote it, or when a reviewed row would change other than the
  one the person acted on.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from timeline import review as _merge
from timeline._io import atomic_write
from timeline.documents import Document
from timeline.errors import ReviewError, SchemaError
from timeline.table import COLUMNS, events_frame, read_events, sort_events, write_events
from timeline.table.cells import as_text as _text
from timeline.table.cells import is_missing as _missing

#: The fields a person may edit before accepting a candidate.
EDITABLE: tuple[str, ...] = (
    "kind",
    "category",
    "title",
    "actor",
    "date_start",
    "date_end",
    "date_precision",
    "date_text",
    "responds_to",
    "notes",
)
#: What identifies a rejected candidate (the rejections file's columns, in order).
REJECTION_COLUMNS: tuple[str, ...] = (
    "doc_id",
    "evidence_start",
    "evidence_end",
    "kind",
    "category",
    "date_start",
    "date_end",
    "title",
    "event_id",
    "evidence",
)
_KEY = REJECTION_COLUMNS[:8]
_NOTED = re.compile(r"\bconfidence (0(?:\.\d+)?|1(?:\.0+)?)\b")
_ACTIONS = ("accept", "merge", "reject", "skip")


def rejections_path(table: str | os.PathLike[str]) -> Path:
    """The rejections file beside an events table.

    >>> rejections_path("data/events.csv").as_posix()
    'data/events.rejected.csv'
    """
    path = Path(table)
    return path.with_name(f"{path.stem}.rejected.csv")


def doubt_score(row: Mapping[str, Any]) -> float:
    """How sure the extractor is of a candidate, from 0 (doubtful) to 1; the queue's order.

    The candidate's ``confidence`` column where it has one (a number from 0 to 1), else the
    confidence ``extract_events`` writes in ``notes`` (``"...; confidence 0.65; ..."``).
    Otherwise a fallback, not a probability: 1.0 less 0.25 for each sign of doubt: no actor;
    no evidence offsets; a date that is not to the day (``approximate``, ``before``,
    ``after``, ``month``, ``year``); a response that names no row it answers.

    Raises:
        ReviewError: the confidence is not a number from 0 to 1.

    >>> doubt_score({"confidence": 0.8})
    0.8
    >>> doubt_score({"kind": "response", "actor": "A ministry", "date_precision": "day",
    ...              "evidence_start": 10, "evidence_end": 20, "responds_to": None})
    0.75
    """
    value = row.get("confidence")
    if not _missing(value):
        try:
            number = float(value)
        except (TypeError, ValueError):
            number = float("nan")
        if not 0.0 <= number <= 1.0:
            raise ReviewError(
                f"candidate {_text(row.get('event_id')) or '?'}: confidence {value!r} is not "
                "a number from 0 to 1"
            )
        return number
    noted = _NOTED.search(_text(row.get("notes")))
    if noted:
        return min(1.0, float(noted.group(1)))
    signs = (
        not _text(row.get("actor")).strip(),
        _missing(row.get("evidence_start")) or _missing(row.get("evidence_end")),
        _text(row.get("date_precision")) != "day",
        _text(row.get("kind")) == "response" and not _text(row.get("responds_to")),
    )
    return 1.0 - 0.25 * sum(signs)


def read_rejections(path: str | os.PathLike[str]) -> pd.DataFrame:
    """Read a rejections file (``REJECTION_COLUMNS``, all text); an absent file has no rows.

    Raises:
        ReviewError: the file lacks one of the columns or is not readable CSV (names the file).

    >>> read_rejections("no/such/events.rejected.csv").columns[0]
    'doc_id'
    """
    source = Path(path)
    if not source.exists():
        return pd.DataFrame({c: pd.Series(dtype="string") for c in REJECTION_COLUMNS})
    try:
        frame = pd.read_csv(source, dtype="string", keep_default_na=False, encoding="utf-8")
    except (ValueError, UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise ReviewError(f"{source}: not a readable rejections file ({exc})") from exc
    missing = [c for c in REJECTION_COLUMNS if c not in frame.columns]
    if missing:
        raise ReviewError(
            f"{source}: the rejections file lacks column(s) {', '.join(missing)} "
            f"(expected {', '.join(REJECTION_COLUMNS)})"
        )
    return frame[list(REJECTION_COLUMNS)].reset_index(drop=True)


def drop_rejected(candidates: pd.DataFrame, table: str | os.PathLike[str]) -> pd.DataFrame:
    """The candidates the rejections file beside ``table`` does not name, in their order.

    A candidate is the rejected one when its primary document, evidence offsets, kind,
    category, dates and title are the same; a changed reading of the same passage is proposed
    again. A kept candidate whose ``responds_to`` named a rejected one loses that link, and its
    ``notes`` say so. ``timeline extract --merge`` calls this before merging.

    >>> drop_rejected(events_frame([{"event_id": "a"}]), "no/such/events.csv")["event_id"].tolist()
    ['a']
    """
    rejected = {tuple(row) for row in read_rejections(rejections_path(table))[list(_KEY)].values}
    if not rejected:
        return candidates
    rows = candidates.to_dict("records")
    keep = [_rejection_key(row) not in rejected for row in rows]
    gone = {_text(row["event_id"]) for row, kept in zip(rows, keep, strict=True) if not kept}
    out = candidates.loc[keep].reset_index(drop=True)
    if "responds_to" in out:
        for i, target in enumerate(out["responds_to"].tolist()):
            if _text(target) in gone:
                note = f"responds_to {_text(target)} cleared: that candidate was rejected"
                notes = _text(out.at[i, "notes"]) if "notes" in out else ""
                out.at[i, "responds_to"] = None
                if "notes" in out:
                    out.at[i, "notes"] = f"{notes}; {note}" if notes else note
    return out


def _rejection_record(row: Mapping[str, Any]) -> dict[str, str]:
    sources = _merge._sources(row.get("sources"))
    values = {
        "doc_id": sources[0] if sources else "",
        "evidence_start": _cell(row.get("evidence_start")),
        "evidence_end": _cell(row.get("evidence_end")),
        "kind": _cell(row.get("kind")),
        "category": _cell(row.get("category")),
        "date_start": _day(row.get("date_start")),
        "date_end": _day(row.get("date_end")),
        "title": _cell(row.get("title")),
        "event_id": _cell(row.get("event_id")),
        "evidence": _cell(row.get("evidence")),
    }
    return values


def _rejection_key(row: Mapping[str, Any]) -> tuple[str, ...]:
    record = _rejection_record(row)
    return tuple(record[c] for c in _KEY)


def _cell(value: Any) -> str:
    return "" if _missing(value) else str(value)


def _day(value: Any) -> str:
    if _missing(value):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    return str(value)[:10]


@dataclass(frozen=True)
class _Step:
    """One action, with what undo needs to put back."""

    action: str
    index: int
    table: pd.DataFrame
    rejections: pd.DataFrame
    pending: tuple[int, ...]
    placed: tuple[tuple[str, str], ...]
    touched: str | None


class ReviewSession:
    """A queue of candidates reviewed into an events table; see the module docstring.

    Args:
        candidates: rows from ``extract_events`` (the table's columns; ``confidence`` optional).
        table: the events CSV; it need not exist yet (the first accepted row creates it).
        documents: the corpus, for the passage around each candidate's evidence.

    Raises:
        SchemaError: the table on disk or the candidates break the schema.
        ReviewError: the rejections file is unreadable or a confidence is out of range.

    >>> import tempfile, pathlib
    >>> table = pathlib.Path(tempfile.mkdtemp()) / "events.csv"
    >>> row = {"event_id": "v", "kind": "event", "category": "visit", "title": "A visit",
    ...        "date_start": "2030-05-02", "date_end": "2030-05-02", "date_precision": "day",
    ...        "sources": "d1", "reviewed": False}
    >>> session = ReviewSession(events_frame([row]), table)
    >>> session.accept({"actor": "The mayor"})
    'v'
    >>> written = read_events(table).iloc[0]
    >>> str(written["actor"]), bool(written["reviewed"])
    ('The mayor', True)
    >>> session.progress()
    '1 of 1 reviewed (1 accepted, 0 merged, 0 rejected)'
    """

    def __init__(
        self,
        candidates: pd.DataFrame,
        table: str | os.PathLike[str],
        *,
        documents: Iterable[Document] | Mapping[str, Document] | None = None,
    ) -> None:
        self.path = Path(table)
        self.rejections_file = rejections_path(self.path)
        self.documents = _by_id(documents)
        self.table = self._read_table()
        self._keyed: pd.DataFrame | None = None
        self._key_cache: list[tuple[Any, bool]] = []
        self.rejections = read_rejections(self.rejections_file)
        rows = drop_rejected(_candidate_frame(candidates), self.path).to_dict("records")
        self.already: dict[str, str] = {}
        self.rows: list[dict[str, Any]] = []
        for row in rows:
            match = self.reviewed_match(row)
            if match is None:
                self.rows.append(row)
            else:
                self.already[_text(row["event_id"])] = match
        scores = [doubt_score(row) for row in self.rows]
        self.scores = scores
        self.pending: list[int] = _answered_first(self.rows, scores)
        self.outcome: dict[int, str] = {}
        self.placed: dict[str, str] = {}
        self.history: list[_Step] = []

    # ---------------------------------------------------------------- reading the state

    @property
    def current(self) -> dict[str, Any] | None:
        """The candidate shown now (a row as a dict), or None when the queue is empty."""
        return self.rows[self.pending[0]] if self.pending else None

    def progress(self) -> str:
        """``"12 of 40 reviewed (10 accepted, 1 merged, 1 rejected)"``."""
        counts = {a: sum(1 for o in self.outcome.values() if o == a) for a in _ACTIONS}
        done = len(self.outcome)
        return (
            f"{done} of {len(self.rows)} reviewed ({counts['accept']} accepted, "
            f"{counts['merge']} merged, {counts['reject']} rejected)"
        )

    def reviewed_match(self, row: Mapping[str, Any]) -> str | None:
        """The ``event_id`` of the reviewed row a candidate duplicates, or None."""
        cand = _merge._key(row)
        best = None
        for key, reviewed in self._keys():
            score = _merge._score(cand, key) if reviewed else None
            if score is not None and (best is None or score < best[0]):
                best = (score, key.event_id)
        return None if best is None else best[1]

    def merge_suggestion(self, row: Mapping[str, Any]) -> str | None:
        """A row of the table the candidate may report too: same kind, category and dates."""
        cand = _merge._key(row)
        for other, _reviewed in self._keys():
            if (other.kind, other.category) == (cand.kind, cand.category) and (
                other.overlaps_in_time(cand)
            ):
                return other.event_id
        return None

    def _keys(self) -> list[tuple[Any, bool]]:
        """What matching needs of each row of the table, and whether it is reviewed (cached)."""
        if self._keyed is not self.table:
            self._key_cache = [
                (_merge._key(row), _merge._truthy(row["reviewed"]))
                for row in self.table.to_dict("records")
            ]
            self._keyed = self.table
        return self._key_cache

    # ---------------------------------------------------------------- actions

    def accept(self, edits: Mapping[str, Any] | None = None) -> str:
        """Write the current candidate, with ``edits``, as a reviewed row; return its event_id.

        Raises:
            ReviewError: no candidate is left, an edit names an unknown field, the candidate
                duplicates a reviewed row (merge it instead), its ``responds_to`` names a
                candidate not accepted yet, or the table changed on disk.
            SchemaError: the edited row breaks the schema (nothing is written).
        """
        index = self._index()
        row = self._edited(self.rows[index], edits or {})
        target = _text(row.get("responds_to"))
        if target:
            row["responds_to"] = self._resolve(target)
        one = events_frame([{c: row.get(c) for c in COLUMNS}])
        merged, report = _merge.merge_events(self.table, one)
        placed = (report.added or report.replaced or report.unchanged or (None,))[0]
        if placed is None:
            match = self.reviewed_match(row) or "?"
            raise ReviewError(
                f"candidate {_text(row['event_id'])} duplicates reviewed row {match}: merge it "
                "into that row instead, or change its dates or category"
            )
        where = merged["event_id"] == placed
        merged.loc[where, "reviewed"] = True
        self._act("accept", index, merged, touched=placed)
        self.placed[_text(self.rows[index]["event_id"])] = placed
        return placed

    def merge(self, target: str) -> str:
        """Add the current candidate's document to the sources of row ``target``; return it.

        Only ``sources`` changes; the row keeps its own words and dates.

        Raises:
            ReviewError: no candidate is left, ``target`` is not a row of the table, or the
                table changed on disk.
        """
        index = self._index()
        ids = self.table["event_id"].astype("string").tolist()
        if target not in ids:
            known = ", ".join(ids[:12]) + (" ..." if len(ids) > 12 else "") or "none yet"
            raise ReviewError(f"merge: {target!r} is not a row of {self.path} (rows: {known})")
        doc = (_merge._sources(self.rows[index].get("sources")) or ("",))[0]
        merged = self.table.copy()
        at = ids.index(target)
        sources = list(_merge._sources(merged.at[at, "sources"]))
        if doc and doc not in sources:
            merged.at[at, "sources"] = ";".join([*sources, doc])
        self._act("merge", index, merged, touched=target)
        self.placed[_text(self.rows[index]["event_id"])] = target
        return target

    def reject(self) -> None:
        """Record the current candidate in the rejections file and leave it out of the queue.

        Raises:
            ReviewError: no candidate is left.
        """
        index = self._index()
        record = _rejection_record(self.rows[index])
        rejections = pd.concat(
            [self.rejections, pd.DataFrame([record], dtype="string")], ignore_index=True
        )
        self._act("reject", index, None, rejections=rejections)

    def skip(self) -> None:
        """Move the current candidate to the end of the queue (nothing is written).

        Raises:
            ReviewError: no candidate is left.
        """
        index = self._index()
        self.history.append(self._step("skip", index, None))
        self.pending = [*self.pending[1:], index]

    def undo(self) -> str:
        """Revert the last action (files included); return its name.

        Raises:
            ReviewError: there is nothing to undo, or the table changed on disk.
        """
        if not self.history:
            raise ReviewError("undo: nothing to undo")
        step = self.history[-1]
        if not self.table.equals(step.table):
            self._write(step.table, touched=step.touched)
        if not self.rejections.equals(step.rejections):
            self._write_rejections(step.rejections)
        self.history.pop()
        self.pending = list(step.pending)
        self.placed = dict(step.placed)
        self.outcome.pop(step.index, None)
        return step.action

    # ---------------------------------------------------------------- internals

    def _index(self) -> int:
        if not self.pending:
            raise ReviewError("no candidate left to review")
        return self.pending[0]

    def _edited(self, row: Mapping[str, Any], edits: Mapping[str, Any]) -> dict[str, Any]:
        unknown = sorted(set(edits) - set(EDITABLE))
        if unknown:
            raise ReviewError(
                f"cannot edit {', '.join(unknown)}: the editable fields are {', '.join(EDITABLE)}"
            )
        out = dict(row)
        for name, value in edits.items():
            out[name] = None if isinstance(value, str) and not value.strip() else value
        return out

    def _resolve(self, target: str) -> str:
        """The table's event_id for a ``responds_to`` naming a row or a reviewed candidate."""
        if target in self.placed:
            return self.placed[target]
        if target in self.already:
            return self.already[target]
        if target in set(self.table["event_id"].astype("string")):
            return target
        pending = {_text(self.rows[i]["event_id"]) for i in self.pending}
        rejected = {
            _text(self.rows[i]["event_id"]) for i, o in self.outcome.items() if o == "reject"
        }
        if target in rejected:
            raise ReviewError(
                f"responds_to names candidate {target!r}, which was rejected: choose a row of "
                "the table, or clear the field"
            )
        if target in pending:
            raise ReviewError(
                f"responds_to names candidate {target!r}, not accepted yet: accept that one "
                "first (skip this one with S and come back), or choose a row of the table"
            )
        raise ReviewError(f"responds_to {target!r} names no row of the table and no candidate")

    def _step(self, action: str, index: int, touched: str | None) -> _Step:
        return _Step(
            action=action,
            index=index,
            table=self.table,
            rejections=self.rejections,
            pending=tuple(self.pending),
            placed=tuple(self.placed.items()),
            touched=touched,
        )

    def _act(
        self,
        action: str,
        index: int,
        table: pd.DataFrame | None,
        *,
        rejections: pd.DataFrame | None = None,
        touched: str | None = None,
    ) -> None:
        step = self._step(action, index, touched)
        if table is not None:
            self._write(table, touched=touched)
        if rejections is not None:
            self._write_rejections(rejections)
        self.history.append(step)
        self.pending = self.pending[1:]
        self.outcome[index] = action

    def _read_table(self) -> pd.DataFrame:
        if self.path.exists():
            self._disk: bytes | None = self.path.read_bytes()
            return read_events(self.path)
        self._disk = None
        return events_frame([])

    def _write(self, table: pd.DataFrame, *, touched: str | None) -> None:
        on_disk = self.path.read_bytes() if self.path.exists() else None
        if on_disk != self._disk:
            raise ReviewError(
                f"{self.path} changed on disk since this review read it; nothing was written. "
                "Start the review again to continue from the file as it is now"
            )
        _check_reviewed_kept(self.table, table, touched)
        write_events(table, self.path)  # validates, sorts, replaces the file atomically
        table = sort_events(table)
        self._disk = self.path.read_bytes()
        self.table = table

    def _write_rejections(self, rejections: pd.DataFrame) -> None:
        frame = rejections[list(REJECTION_COLUMNS)].astype("string").fillna("")
        atomic_write(self.rejections_file, frame.to_csv(index=False, lineterminator="\n"))
        self.rejections = rejections.reset_index(drop=True)


def _check_reviewed_kept(old: pd.DataFrame, new: pd.DataFrame, touched: str | None) -> None:
    """Refuse a table in which a reviewed row other than ``touched`` changed or vanished."""
    fresh = {_text(r["event_id"]): r for r in new.to_dict("records")}
    for row in old.to_dict("records"):
        eid = _text(row["event_id"])
        if eid == touched or not _merge._truthy(row["reviewed"]):
            continue
        other = fresh.get(eid)
        if other is None or not all(_same_value(row[c], other.get(c)) for c in COLUMNS):
            raise ReviewError(f"refusing to write: reviewed row {eid} would change")


def _same_value(a: Any, b: Any) -> bool:
    if _missing(a) or _missing(b):
        return _missing(a) and _missing(b)
    return bool(a == b)


def _answered_first(rows: list[dict[str, Any]], scores: list[float]) -> list[int]:
    """Queue order: doubtful first, but every candidate after the candidate it answers."""
    position = {_text(row["event_id"]): i for i, row in enumerate(rows)}
    order: list[int] = []
    placed: set[int] = set()
    for start in sorted(range(len(rows)), key=lambda i: (scores[i], i)):
        chain = []
        index: int | None = start
        while index is not None and index not in placed and index not in chain:
            chain.append(index)
            index = position.get(_text(rows[index].get("responds_to")))
        for index in reversed(chain):
            placed.add(index)
            order.append(index)
    return order


def _candidate_frame(candidates: pd.DataFrame) -> pd.DataFrame:
    """The candidates with the table's columns (plus ``confidence`` when given)."""
    if not isinstance(candidates, pd.DataFrame):
        raise TypeError(f"candidates must be a pandas DataFrame, got {type(candidates).__name__}")
    missing = [c for c in ("event_id", "kind", "category", "sources") if c not in candidates]
    if missing:
        raise SchemaError(f"candidates lack column(s) {', '.join(missing)}")
    extra = [c for c in candidates.columns if c not in COLUMNS and c != "confidence"]
    frame = candidates.drop(columns=extra).reset_index(drop=True)
    typed = events_frame(frame.drop(columns=["confidence"], errors="ignore").to_dict("records"))
    if "confidence" in frame:
        typed["confidence"] = frame["confidence"].to_numpy()
    return typed


def _by_id(documents: Iterable[Document] | Mapping[str, Document] | None) -> dict[str, Document]:
    if documents is None:
        return {}
    values = documents.values() if isinstance(documents, Mapping) else documents
    return {doc.doc_id: doc for doc in values}
