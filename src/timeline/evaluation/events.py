"""Scoring an events table against a gold table: recall, precision, kinds, ``responds_to``.

A gold event is *found* when a predicted row cites (in ``sources``) one of the gold event's
documents with a date that agrees at the gold precision:

- ``day``: the same start and end;
- ``before``: a predicted ``before`` row has the same upper bound; any other predicted row
  lies wholly on or before the bound;
- ``after``: a predicted ``after`` row has the same lower bound; any other predicted row lies
  wholly on or after the bound;
- ``approximate``: the two intervals overlap (an open bound reaches as far as it likes);
- ``month`` and ``year``: the predicted interval lies within the gold interval.

Matching is one-to-one over every agreeing (gold, predicted) pair and optimal
(``timeline.evaluation.matching``): it finds as many gold events as any one-to-one matching
can; among those matchings, as many with an actor naming the same party as the gold's (the
event found by document, date and actor); then the same kind, the same category, the same
date exactly, the gold event's first document as the row's primary source, and the smaller
date distance, in that order.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from timeline.errors import SchemaError
from timeline.evaluation.matching import assign
from timeline.events.parties import party_keys
from timeline.table import read_events
from timeline.table.cells import as_text as _text
from timeline.table.cells import row_interval

# date distances (days) beyond this count as equally far when ranking agreeing pairs
_CLOSE = 999

_GOLD_COLUMNS = ("key", "kind", "date_start", "date_end", "precision", "doc_ids", "responds_to")
_OWN_COLUMNS = ("event_id", "kind", "date_start", "date_end", "date_precision", "sources")


@dataclass(frozen=True)
class EventEvaluation:
    """The score of a predicted events table against a gold table.

    Ratios are ``None`` where undefined (no gold events, no predicted rows, no found
    responses). ``matches`` pairs each found gold key with the predicted ``event_id``.
    """

    gold_total: int
    pred_total: int
    matches: tuple[tuple[str, str], ...]
    recall: float | None
    precision: float | None
    kind_accuracy: float | None
    responses_found: int
    responses_linked: int
    responds_to_accuracy: float | None
    misses: tuple[tuple[str, str], ...]
    false_positives: tuple[str, ...]
    wrong_kind: tuple[str, ...]
    wrong_responds_to: tuple[str, ...]
    right_actor: int = 0
    wrong_actor: tuple[str, ...] = ()
    categories_compared: int = 0
    categories_agreed: int = 0
    miss_docs: tuple[str, ...] = ()
    # predicted rows whose responds_to names a row the one-to-one matching paired with no gold
    # event (an invented row, or a second row of an event another row was matched to)
    links_to_unmatched: tuple[str, ...] = ()
    links_total: int = 0

    @property
    def actor_accuracy(self) -> float | None:
        """Share of gold events found with an actor naming the same party (``same_party``)."""
        return self.right_actor / self.gold_total if self.gold_total else None

    @property
    def category_agreement(self) -> float | None:
        """Share of found events (whose gold row has a category) with an agreeing category."""
        return (
            self.categories_agreed / self.categories_compared if self.categories_compared else None
        )

    @property
    def found(self) -> int:
        """How many gold events were found."""
        return len(self.matches)

    def to_text(self) -> str:
        """A short human-readable report, one line per miss and false positive.

        >>> EventEvaluation(1, 1, (("a", "x"),), 1.0, 1.0, 1.0, 0, 0, None, (), (), (), ()
        ...                 ).to_text().splitlines()[0]
        'found 1 of 1 gold events: recall 1.00, precision 1.00 (1 of 1 rows matched)'
        """
        lines = [
            f"found {self.found} of {self.gold_total} gold events: recall {_ratio(self.recall)}, "
            f"precision {_ratio(self.precision)} ({self.found} of {self.pred_total} rows matched)",
            f"kind accuracy {_ratio(self.kind_accuracy)} over found events",
            f"responds_to accuracy {_ratio(self.responds_to_accuracy)} "
            f"({self.responses_linked} of {self.responses_found} found responses linked right)",
            f"found with the right actor {self.right_actor} of {self.gold_total}: "
            f"{_ratio(self.actor_accuracy)}",
            f"category agreement {_ratio(self.category_agreement)} "
            f"({self.categories_agreed} of {self.categories_compared} found events "
            "with a gold category)",
            f"links to rows matched to no gold event: {len(self.links_to_unmatched)} of "
            f"{self.links_total} links",
        ]
        docs = self.miss_docs or ("",) * len(self.misses)
        lines += [
            f"missed{f' ({doc})' if doc else ''}: {key}: {summary}"
            for (key, summary), doc in zip(self.misses, docs, strict=True)
        ]
        lines += [f"wrong actor: {key}" for key in self.wrong_actor]
        lines += [f"wrong kind: {key}" for key in self.wrong_kind]
        lines += [f"wrong responds_to: {key}" for key in self.wrong_responds_to]
        lines += [f"false positive: {event_id}" for event_id in self.false_positives]
        lines += [f"link to an unmatched row: {event_id}" for event_id in self.links_to_unmatched]
        return "\n".join(lines)


@dataclass(frozen=True)
class _Row:
    """One event of either table, reduced to what scoring needs."""

    id: str
    kind: str
    category: str
    start: dt.date | None
    end: dt.date | None
    precision: str
    docs: tuple[str, ...]
    responds_to: str
    summary: str
    actor: str = ""


def evaluate_events(
    pred: pd.DataFrame | str | os.PathLike[str], gold: pd.DataFrame | str | os.PathLike[str]
) -> EventEvaluation:
    """Score a predicted events table against a gold table.

    Args:
        pred: a DataFrame in the events-table schema, or the path of an events CSV.
        gold: a gold table (columns key, kind, date_start, date_end, precision, doc_ids,
            responds_to, and optionally summary) as a DataFrame or CSV path; a table in the
            events-table schema is accepted too (event_id, date_precision and sources stand for
            key, precision and doc_ids; title for summary).

    Returns:
        An ``EventEvaluation`` with recall, precision, kind and ``responds_to`` accuracy, the
        missed gold events and the unmatched predicted rows.

    Raises:
        SchemaError: a table lacks a column scoring needs, or holds an unparseable date.

    >>> gold = pd.DataFrame({"key": ["v"], "kind": ["event"], "date_start": ["2030-01-02"],
    ...     "date_end": ["2030-01-02"], "precision": ["day"], "doc_ids": ["d1"],
    ...     "responds_to": [""], "summary": ["A visit"]})
    >>> pred = pd.DataFrame({"event_id": ["visit"], "kind": ["event"],
    ...     "date_start": ["2030-01-02"], "date_end": ["2030-01-02"], "date_precision": ["day"],
    ...     "sources": ["d1"], "responds_to": [""]})
    >>> evaluate_events(pred, gold).recall
    1.0
    """
    pred_rows = _rows(_frame(pred, "pred"), "pred")
    gold_rows = _rows(_frame(gold, "gold"), "gold")
    pairs: dict[tuple[int, int], tuple[int, ...]] = {}
    for gi, g in enumerate(gold_rows):
        for pi, p in enumerate(pred_rows):
            if set(p.docs) & set(g.docs) and _agrees(p, g):
                exact = (p.start, p.end) == (g.start, g.end)
                primary = bool(p.docs) and bool(g.docs) and p.docs[0] == g.docs[0]
                same_category = p.category.lower() == g.category.lower()
                actor = _actor_agrees(p.actor, g.actor)  # as the report counts it
                pairs[(gi, pi)] = (
                    actor,
                    p.kind == g.kind,
                    same_category,
                    exact,
                    primary,
                    max(0, _CLOSE - _distance(p, g)),
                )
    gold_to_pred = assign(pairs)
    used = set(gold_to_pred.values())

    key_index = {g.id: gi for gi, g in enumerate(gold_rows)}
    wrong_kind = []
    wrong_link = []
    responses = linked = 0
    for gi, pi in sorted(gold_to_pred.items()):
        g, p = gold_rows[gi], pred_rows[pi]
        if p.kind != g.kind:
            wrong_kind.append(g.id)
        if g.responds_to:
            responses += 1
            target = key_index.get(g.responds_to)
            expected = pred_rows[gold_to_pred[target]].id if target in gold_to_pred else None
            if expected is not None and p.responds_to == expected:
                linked += 1
            else:
                wrong_link.append(g.id)
    wrong_actor = []
    compared = agreed = 0
    for gi, pi in sorted(gold_to_pred.items()):
        g, p = gold_rows[gi], pred_rows[pi]
        if not _actor_agrees(p.actor, g.actor):
            wrong_actor.append(g.id)
        if g.category:
            compared += 1
            agreed += _category_agrees(p.category, g.category)
    found = len(gold_to_pred)
    matched_ids = {pred_rows[pi].id for pi in used}
    return EventEvaluation(
        gold_total=len(gold_rows),
        pred_total=len(pred_rows),
        matches=tuple(
            (gold_rows[gi].id, pred_rows[pi].id) for gi, pi in sorted(gold_to_pred.items())
        ),
        recall=found / len(gold_rows) if gold_rows else None,
        precision=found / len(pred_rows) if pred_rows else None,
        kind_accuracy=(found - len(wrong_kind)) / found if found else None,
        responses_found=responses,
        responses_linked=linked,
        responds_to_accuracy=linked / responses if responses else None,
        misses=tuple((g.id, g.summary) for gi, g in enumerate(gold_rows) if gi not in gold_to_pred),
        false_positives=tuple(p.id for pi, p in enumerate(pred_rows) if pi not in used),
        wrong_kind=tuple(wrong_kind),
        wrong_responds_to=tuple(wrong_link),
        right_actor=found - len(wrong_actor),
        wrong_actor=tuple(wrong_actor),
        categories_compared=compared,
        categories_agreed=agreed,
        miss_docs=tuple(
            ";".join(g.docs) for gi, g in enumerate(gold_rows) if gi not in gold_to_pred
        ),
        links_to_unmatched=tuple(
            p.id for p in pred_rows if p.responds_to and p.responds_to not in matched_ids
        ),
        links_total=sum(1 for p in pred_rows if p.responds_to),
    )


def _actor_agrees(pred: str, gold: str) -> bool:
    """Whether a predicted actor names the same party as the gold actor.

    Parties are told by ``timeline.events.parties.party_keys`` (countries by name, demonym or
    initials, else distinctive capitalised words). A phrase's first letter counts as a
    capital either way ("riot police" from the text and a gold label "Riot police" agree). A
    gold actor that names no party (an unidentified group) agrees with a predicted actor that
    names none either.
    """
    gold_keys, pred_keys = party_keys(_label(gold)), party_keys(_label(pred))
    if not gold_keys:
        return not pred_keys
    return bool(gold_keys & pred_keys)


def _label(phrase: str) -> str:
    """A phrase with its first letter in capitals, as a label starts."""
    phrase = phrase or ""
    return phrase[:1].upper() + phrase[1:]


def _category_agrees(pred: str, gold: str) -> bool:
    """The same category, or categories sharing a word's first five letters."""
    a = {w[:5] for w in pred.lower().split() if len(w) > 2}
    b = {w[:5] for w in gold.lower().split() if len(w) > 2}
    return pred.lower() == gold.lower() or bool(a & b)


def _ratio(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def _frame(table: pd.DataFrame | str | os.PathLike[str], role: str) -> pd.DataFrame:
    """The table as a DataFrame: a CSV path is read (our schema with ``read_events``)."""
    if isinstance(table, pd.DataFrame):
        return table
    path = Path(table)
    if not path.is_file():
        raise SchemaError(f"{role} table {path}: file not found")
    try:
        header = pd.read_csv(path, nrows=0).columns
        if "event_id" in header:
            return read_events(path)
        return pd.read_csv(path, dtype=str, keep_default_na=False)
    except pd.errors.EmptyDataError as exc:
        message = f"{role} table {path}: empty file (expected a CSV with a header)"
        raise SchemaError(message) from exc
    except (pd.errors.ParserError, UnicodeDecodeError) as exc:
        reason = " ".join(str(exc).split())
        raise SchemaError(f"{role} table {path}: not a readable UTF-8 CSV ({reason})") from exc


def _rows(df: pd.DataFrame, role: str) -> list[_Row]:
    """Reduce a gold-format or events-schema table to ``_Row`` records."""
    if "key" in df.columns:
        needed, names = _GOLD_COLUMNS, ("key", "precision", "doc_ids", "summary")
    else:
        needed, names = _OWN_COLUMNS, ("event_id", "date_precision", "sources", "title")
    missing = [c for c in needed if c not in df.columns]
    if missing:
        raise SchemaError(
            f"{role} table: missing column(s) {', '.join(missing)} "
            f"(a gold table needs {', '.join(_GOLD_COLUMNS)}; "
            f"an events table needs {', '.join(_OWN_COLUMNS)})"
        )
    id_col, precision_col, docs_col, summary_col = names
    out = []
    for number, (_, row) in enumerate(df.iterrows()):
        ident = _text(row[id_col])
        where = f"{role} table row {number} ({ident or 'no id'})"
        start = _date(row["date_start"], where, "date_start")
        end = _date(row["date_end"], where, "date_end")
        precision = _text(row[precision_col])
        if precision != "approximate":  # an approximate date's missing bound stays open
            start, end = row_interval(start, end, precision)
        out.append(
            _Row(
                id=ident,
                kind=_text(row["kind"]),
                category=_text(row["category"]) if "category" in df.columns else "",
                start=start,
                end=end,
                precision=precision,
                docs=tuple(d.strip() for d in _text(row[docs_col]).split(";") if d.strip()),
                responds_to=_text(row["responds_to"]) if "responds_to" in df.columns else "",
                summary=_text(row[summary_col]) if summary_col in df.columns else "",
                actor=_text(row["actor"]) if "actor" in df.columns else "",
            )
        )
    return out


def _date(value: object, where: str, column: str) -> dt.date | None:
    """A date cell (string, Timestamp, date or empty) as a ``datetime.date`` or ``None``."""
    if value is None or value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, pd.Timestamp | dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, float) and pd.isna(value):
        return None
    text = str(value).strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError as exc:
        raise SchemaError(
            f"{where}: {column} {text!r} is not an ISO date (YYYY-MM-DD)", [f"{where}: {column}"]
        ) from exc


def _agrees(p: _Row, g: _Row) -> bool:
    """Whether a predicted row's date agrees with a gold event's at the gold precision."""
    if g.precision == "day":
        return p.start is not None and (p.start, p.end) == (g.start, g.end)
    if g.precision == "before":
        if p.precision == "before":
            return p.end == g.end
        return p.end is not None and g.end is not None and p.end <= g.end
    if g.precision == "after":
        if p.precision == "after":
            return p.start == g.start
        return p.start is not None and g.start is not None and p.start >= g.start
    if g.precision == "approximate":
        lo = max(p.start or dt.date.min, g.start or dt.date.min)
        hi = min(p.end or dt.date.max, g.end or dt.date.max)
        return (p.start or p.end) is not None and lo <= hi
    if g.precision in ("month", "year"):
        return (
            p.start is not None
            and p.end is not None
            and (g.start is None or p.start >= g.start)
            and (g.end is None or p.end <= g.end)
        )
    return False


def _distance(p: _Row, g: _Row) -> int:
    """Days between the two intervals' known bounds (for ranking agreeing pairs)."""
    total = 0
    for a, b in ((p.start, g.start), (p.end, g.end)):
        if a is not None and b is not None:
            total += abs((a - b).days)
        elif (a is None) != (b is None):
            total += 1
    return total
