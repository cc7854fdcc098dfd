"""Merging fresh candidates into a reviewed events table without touching a person's work.

The ``timeline extract CORPUS -o EVENTS --merge`` logic. Rules:

- every existing row marked ``reviewed`` stays exactly as it is, in its place;
- a candidate *matches* a row when they share a source document and either their evidence
  spans overlap in the same primary document (whatever kind or category a reviewer gave the
  row), or they have the same ``kind`` and ``category`` and their date intervals overlap (an
  empty bound is open);
- a candidate that matches a reviewed row is not added again; when it matched only through
  its evidence and its dates do not overlap the reviewed row's, the pair is reported as
  *conflicting* (the reviewed row is still left alone);
- an unreviewed existing row is *replaced* by the best fresh candidate that matches it; it
  keeps its ``event_id`` so references to it stay valid; an unreviewed row that no candidate
  matches is kept as it is and reported as *unmatched* (a merge never loses a row);
- an unreviewed row that a reviewed row answers (``responds_to``) is not replaced by a
  candidate that starts after that reviewed row ends (the table would break); the pair is
  reported as *held*, with the way out (review the row, or correct the reviewed one), and
  the candidate is treated like any other;
- other candidates are *added* with ``reviewed`` false, after the existing rows, in candidate
  order; an ``event_id`` already taken gets the first free suffix ``-2``, ``-3``, ...;
- a candidate's ``responds_to`` is rewritten to the ``event_id`` its target ended up with
  (the reviewed row it duplicated, the unreviewed row it replaced, or its suffixed id);
- with ``documents``, every row kept unchanged whose evidence is no longer found in its
  primary source at its offsets is reported as *stale* (and not changed).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from timeline.documents import Document
from timeline.errors import SchemaError
from timeline.schema import RESPONSE_GRACE_DAYS
from timeline.table.cells import as_text as _text
from timeline.table.cells import is_missing as _missing
from timeline.table.cells import row_interval
from timeline.table.validate import corpus_texts, evidence_problem

_NEEDED = (
    "event_id",
    "kind",
    "category",
    "date_start",
    "date_end",
    "date_precision",
    "responds_to",
    "sources",
    "evidence",
    "evidence_start",
    "evidence_end",
    "reviewed",
)


@dataclass(frozen=True)
class MergeReport:
    """What a merge did, as tuples of ``event_id`` values in the merged table.

    ``added``: new candidate rows; ``kept``: reviewed rows (all of them, unchanged);
    ``replaced``: unreviewed rows a candidate changed; ``unchanged``: unreviewed rows a
    candidate matched with the very same values; ``unmatched``: unreviewed rows no
    candidate matched (kept as they were); ``conflicting``: reviewed rows a candidate matched
    with other dates; ``stale``: rows kept unchanged whose evidence is no longer at its
    offsets; ``held``: unreviewed rows left as they were because the candidate that matched
    them starts after a reviewed row answering them ends. ``details`` holds one readable
    line per conflicting, stale or held row.
    """

    added: tuple[str, ...] = ()
    kept: tuple[str, ...] = ()
    replaced: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    unmatched: tuple[str, ...] = ()
    conflicting: tuple[str, ...] = ()
    stale: tuple[str, ...] = ()
    details: tuple[str, ...] = ()
    held: tuple[str, ...] = ()

    def to_text(self) -> str:
        """A summary line, then one line per conflicting or stale row.

        >>> MergeReport(added=("a",), kept=("b", "c")).to_text()[:24]
        'added 1, kept 2 reviewed'
        """
        head = (
            f"added {len(self.added)}, kept {len(self.kept)} reviewed, "
            f"replaced {len(self.replaced)} unreviewed ({len(self.unchanged)} unchanged), "
            f"kept {len(self.unmatched)} unmatched unreviewed, "
            f"{len(self.conflicting)} conflicting, {len(self.stale)} stale"
        )
        return "\n".join((head, *self.details))


@dataclass(frozen=True)
class _Key:
    """What matching needs of one row.

    ``start``/``end`` are the date cells as written: matching takes a missing cell as unknown,
    so it overlaps anything on that side. ``last`` is the last day the row may fall on (the end
    of its ``row_interval``, None when open), what the ``responds_to`` order is checked with.
    """

    event_id: str
    kind: str
    category: str
    start: dt.date | None
    end: dt.date | None
    last: dt.date | None
    sources: tuple[str, ...]
    span: tuple[int, int] | None

    def overlaps_in_time(self, other: _Key) -> bool:
        if (self.start, self.end) == (None, None) or (other.start, other.end) == (None, None):
            return False
        lo = max(self.start or dt.date.min, other.start or dt.date.min)
        hi = min(self.end or dt.date.max, other.end or dt.date.max)
        return lo <= hi

    def same_evidence(self, other: _Key) -> bool:
        if self.span is None or other.span is None or not self.sources or not other.sources:
            return False
        if self.sources[0] != other.sources[0]:
            return False
        return self.span[0] < other.span[1] and other.span[0] < self.span[1]


def merge_events(
    existing: pd.DataFrame,
    candidates: pd.DataFrame,
    *,
    documents: Iterable[Document] | Mapping[str, Document] | None = None,
) -> tuple[pd.DataFrame, MergeReport]:
    """Merge freshly extracted candidates into an events table, keeping reviewed rows as they are.

    Args:
        existing: the current events table (schema of ``timeline.table``), some rows reviewed.
        candidates: rows from ``extract_events`` (unreviewed).
        documents: the corpus, to report rows whose evidence no longer matches their source.

    Returns:
        The merged table (existing rows in their order, reviewed ones untouched, then added
        rows) and a ``MergeReport``. The rules are in this module's docstring.

    Raises:
        SchemaError: either table lacks a column the merge needs.

    Example (not run by the tests: it needs files outside the package)::

        merged, report = merge_events(existing, candidates)
        print(report.to_text())
        added 3, kept 14 reviewed, replaced 0 unreviewed (0 unchanged), ...
    """
    for role, frame in (("existing", existing), ("candidates", candidates)):
        missing = [c for c in _NEEDED if c not in frame.columns]
        if missing:
            raise SchemaError(f"merge_events: {role} table lacks column(s) {', '.join(missing)}")
    existing = existing.reset_index(drop=True)
    candidates = candidates.reset_index(drop=True)
    reviewed = [_truthy(v) for v in existing["reviewed"]]
    old = [_key(row) for _, row in existing.iterrows()]
    new = [_key(row) for _, row in candidates.iterrows()]

    rename, dropped, conflicts = _match_reviewed(new, old, reviewed)
    replacement, held = _refresh_unreviewed(existing, new, old, reviewed, dropped, rename)
    used = set(replacement.values())
    added = [ci for ci in range(len(new)) if ci not in dropped and ci not in used]
    _free_ids(new, old, added, rename)
    merged, same = _apply(existing, candidates, new, rename, replacement, added)

    details = [
        f"conflicting: reviewed {old[ei].event_id} ({_span_text(old[ei])}) and "
        f"candidate {new[ci].event_id} ({_span_text(new[ci])}) cite the same evidence"
        for ei, cis in sorted(conflicts.items())
        for ci in cis
    ]
    details += [held[ei] for ei in sorted(held)]
    stale = _stale(existing, old, replacement, documents)
    details += [f"stale: {event_id}: {problem}" for event_id, problem in stale]
    report = MergeReport(
        added=tuple(rename[new[ci].event_id] for ci in added),
        kept=tuple(old[ei].event_id for ei in range(len(old)) if reviewed[ei]),
        replaced=tuple(old[ei].event_id for ei in sorted(replacement) if ei not in same),
        unchanged=tuple(old[ei].event_id for ei in sorted(replacement) if ei in same),
        unmatched=tuple(
            old[ei].event_id for ei in range(len(old)) if not reviewed[ei] and ei not in replacement
        ),
        conflicting=tuple(old[ei].event_id for ei in sorted(conflicts)),
        stale=tuple(event_id for event_id, _problem in stale),
        details=tuple(details),
        held=tuple(old[ei].event_id for ei in sorted(held)),
    )
    return merged, report


def _match_reviewed(
    new: list[_Key], old: list[_Key], reviewed: list[bool]
) -> tuple[dict[str, str], set[int], dict[int, list[int]]]:
    """Step 1: candidates that duplicate a reviewed row (dropped, their ids renamed to it).

    Returns the renames, the dropped candidates and, per reviewed row, the candidates that
    cite its evidence but no longer overlap it in time (conflicts).
    """
    rename: dict[str, str] = {}
    dropped: set[int] = set()
    conflicts: dict[int, list[int]] = {}
    for ci, cand in enumerate(new):
        best = None
        for ei, row in enumerate(old):
            if not reviewed[ei]:
                continue
            score = _score(cand, row)
            if score is not None and (best is None or score < best[0]):
                best = (score, ei)
        if best is not None:
            ei = best[1]
            dropped.add(ci)
            rename[cand.event_id] = old[ei].event_id
            if not cand.overlaps_in_time(old[ei]):
                conflicts.setdefault(ei, []).append(ci)
    return rename, dropped, conflicts


def _refresh_unreviewed(
    existing: pd.DataFrame,
    new: list[_Key],
    old: list[_Key],
    reviewed: list[bool],
    dropped: set[int],
    rename: dict[str, str],
) -> tuple[dict[int, int], dict[int, str]]:
    """Step 2: unreviewed rows refreshed by the best remaining candidate (one to one, greedy).

    A replacement that would leave a reviewed answer pointing at a later event is held (the
    row stays, with the reason). Returns row -> candidate, and row -> held reason.
    """
    pairs = []
    for ci, cand in enumerate(new):
        if ci in dropped:
            continue
        for ei, row in enumerate(old):
            if reviewed[ei]:
                continue
            score = _score(cand, row)
            if score is not None:
                pairs.append((score, ei, ci))
    pairs.sort()
    replacement: dict[int, int] = {}
    used: set[int] = set()
    answered_by = _answered_by(existing, reviewed, old)
    held: dict[int, str] = {}
    for _, ei, ci in pairs:
        if ei in replacement or ci in used:
            continue
        blocker = _blocking_answer(new[ci], answered_by.get(old[ei].event_id, []))
        if blocker is not None:
            held.setdefault(ei, _held_text(old[ei], new[ci], blocker))
            continue
        replacement[ei] = ci
        used.add(ci)
        rename[new[ci].event_id] = old[ei].event_id
    return replacement, {ei: text for ei, text in held.items() if ei not in replacement}


def _free_ids(new: list[_Key], old: list[_Key], added: list[int], rename: dict[str, str]) -> None:
    """Step 3: the added candidates keep their ids, or take the next free ``-2``, ``-3`` ..."""
    taken = {row.event_id for row in old}
    reserved = taken | {new[ci].event_id for ci in added if new[ci].event_id not in taken}
    for ci in added:
        original = new[ci].event_id
        if original in taken:
            number = 2
            while f"{original}-{number}" in reserved:
                number += 1
            rename[original] = f"{original}-{number}"
            reserved.add(rename[original])
        else:
            rename[original] = original
            taken.add(original)


def _apply(
    existing: pd.DataFrame,
    candidates: pd.DataFrame,
    new: list[_Key],
    rename: dict[str, str],
    replacement: dict[int, int],
    added: list[int],
) -> tuple[pd.DataFrame, set[int]]:
    """The merged table (replaced rows in place, added rows after) and the rows unchanged."""
    fresh = candidates.reindex(columns=existing.columns).copy()
    fresh["event_id"] = [rename.get(e.event_id, e.event_id) for e in new]
    fresh["responds_to"] = [_remap(v, rename) for v in candidates["responds_to"]]
    fresh["reviewed"] = pd.Series([False] * len(fresh), dtype=existing["reviewed"].dtype)
    fresh = fresh.astype(existing.dtypes.to_dict())
    merged = existing.copy()
    for ei, ci in replacement.items():
        for column in existing.columns:
            merged.at[ei, column] = fresh.at[ci, column]
    same = {ei for ei in replacement if _same_row(merged.iloc[ei], existing.iloc[ei])}
    if added:
        merged = pd.concat([merged, fresh.iloc[added]], ignore_index=True)
    return merged, same


def _stale(
    existing: pd.DataFrame,
    old: list[_Key],
    replacement: dict[int, int],
    documents: Iterable[Document] | Mapping[str, Document] | None,
) -> list[tuple[str, str]]:
    """The kept rows whose evidence no longer matches their source: (event_id, problem)."""
    if documents is None:
        return []
    texts = corpus_texts(documents)
    found = []
    for ei in range(len(old)):
        if ei in replacement:
            continue
        problem = _evidence_problem(existing.iloc[ei], texts)
        if problem:
            found.append((old[ei].event_id, problem))
    return found


def _answered_by(existing: pd.DataFrame, reviewed: list[bool], old: list[_Key]) -> dict:
    """event_id -> the reviewed rows (keys) whose ``responds_to`` names it."""
    out: dict[str, list[_Key]] = {}
    for ei, target in enumerate(existing["responds_to"].tolist()):
        if reviewed[ei] and _text(target):
            out.setdefault(_text(target), []).append(old[ei])
    return out


def _blocking_answer(cand: _Key, answers: list[_Key]) -> _Key | None:
    """A reviewed answer that would end before ``cand`` starts, were ``cand`` its target (by
    more than the ``RESPONSE_GRACE_DAYS`` that ``validate_events`` allows)."""
    grace = dt.timedelta(days=RESPONSE_GRACE_DAYS)
    for answer in answers:  # an open end (``after``) may reach past any start
        if cand.start is not None and answer.last is not None and answer.last + grace < cand.start:
            return answer
    return None


def _held_text(row: _Key, cand: _Key, answer: _Key) -> str:
    """The report line of an unreviewed row kept because a reviewed row answers it."""
    return (
        f"held: {row.event_id} not replaced by candidate {cand.event_id} ({_span_text(cand)}): "
        f"reviewed {answer.event_id} answers {row.event_id} and ends before that "
        f"({_span_text(answer)}); review {row.event_id} (set reviewed=true to keep it) "
        f"or correct {answer.event_id}'s responds_to or dates"
    )


def _same_row(a: pd.Series, b: pd.Series) -> bool:
    """Whether two rows hold the same values (missing equals missing)."""
    return all(
        (_missing(x) and _missing(y)) or (not _missing(x) and not _missing(y) and x == y)
        for x, y in zip(a.tolist(), b.tolist(), strict=True)
    )


def _score(cand: _Key, row: _Key) -> tuple[int, int] | None:
    """How well a candidate matches a row (lower is better), or ``None`` when it does not."""
    if not set(cand.sources) & set(row.sources):
        return None
    same_evidence = cand.same_evidence(row)
    same_event = (
        cand.kind == row.kind and cand.category == row.category and cand.overlaps_in_time(row)
    )
    if not (same_evidence or same_event):
        return None
    exact = (cand.start, cand.end) == (row.start, row.end)
    return (0 if same_evidence and same_event else 1 if same_event else 2, 0 if exact else 1)


def _key(row: pd.Series) -> _Key:
    start, end = row["evidence_start"], row["evidence_end"]
    span = None if _missing(start) or _missing(end) else (int(start), int(end))
    first, last = _date(row["date_start"]), _date(row["date_end"])
    return _Key(
        event_id=_text(row["event_id"]),
        kind=_text(row["kind"]),
        category=_text(row["category"]),
        start=first,
        end=last,
        last=row_interval(first, last, row["date_precision"])[1],
        sources=_sources(row["sources"]),
        span=span,
    )


def _truthy(value: object) -> bool:
    if _missing(value):
        return False
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    return bool(value)


def _sources(value: object) -> tuple[str, ...]:
    return tuple(part.strip() for part in _text(value).split(";") if part.strip())


def _date(value: object) -> dt.date | None:
    if _missing(value):
        return None
    if isinstance(value, pd.Timestamp | dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def _remap(value: object, rename: Mapping[str, str]) -> object:
    text = _text(value)
    return rename.get(text, value) if text else value


def _span_text(key: _Key) -> str:
    start = key.start.isoformat() if key.start else "..."
    end = key.end.isoformat() if key.end else "..."
    return start if start == end else f"{start}/{end}"


def _evidence_problem(row: pd.Series, texts: Mapping[str, str]) -> str:
    """Why a row's evidence is not at its offsets in its primary source ("" when it is).

    The table's own check (``evidence_problem``), and a merged row's evidence needs offsets.
    """
    evidence = _text(row["evidence"])
    if evidence and (_missing(row["evidence_start"]) or _missing(row["evidence_end"])):
        return f"evidence {evidence!r} has no offsets"
    problem = evidence_problem(row, texts)
    return f"evidence {problem}" if problem else ""
