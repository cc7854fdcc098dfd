"""Evidence that survives re-extraction: quote selectors beside offsets, and re-anchoring.

A row's evidence is kept as the W3C Web Annotation ``TextQuoteSelector`` keeps a quote:
``exact`` (the ``evidence`` column), ``prefix`` and ``suffix`` (``evidence_prefix`` and
``evidence_suffix``, up to ``CONTEXT`` characters of the text either side). When a
document's text is derived again and the offsets drift, ``reanchor_evidence`` finds the quote
again: every occurrence of ``exact`` is scored by how much of the prefix and suffix it keeps
(then by how close it is to the old offset), and the best one wins. A quote found only with
different whitespace counts as moved and takes the text's whitespace.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from timeline.table.cells import as_text, is_missing

CONTEXT = 32
"""Characters of context kept either side of a quote."""


@dataclass(frozen=True)
class QuoteCheck:
    """Where one row's evidence is now: ``ok``, ``moved`` or ``vanished``."""

    row: int
    event_id: str
    doc_id: str
    status: str
    old: tuple[int, int] | None
    new: tuple[int, int] | None
    evidence: str = ""

    def to_text(self) -> str:
        """One line for the command's output.

        >>> QuoteCheck(3, "e1", "d1", "moved", (10, 20), (12, 22)).to_text()
        "row 3 (event_id 'e1'): evidence moved in document 'd1' from [10:20] to [12:22]"
        """
        where = f"row {self.row} (event_id {self.event_id!r})"
        if self.status == "moved":
            old = f"[{self.old[0]}:{self.old[1]}]" if self.old else "no offsets"
            return (
                f"{where}: evidence moved in document {self.doc_id!r} from {old} "
                f"to [{self.new[0]}:{self.new[1]}]"
            )
        if self.status == "vanished":
            return (
                f"{where}: evidence {self.evidence[:60]!r} vanished from document "
                f"{self.doc_id!r} (not found even with other whitespace); check the row by hand"
            )
        return f"{where}: evidence in place"


def quote_context(text: str, start: int, end: int, width: int = CONTEXT) -> tuple[str, str]:
    """The prefix and suffix of ``text[start:end]``, up to ``width`` characters each.

    >>> quote_context("The talks began on 3 May in the capital.", 16, 24, width=6)
    ('began ', ' in th')
    """
    return text[max(0, start - width) : start], text[end : end + width]


def anchor_quote(
    text: str, exact: str, prefix: str = "", suffix: str = "", near: int | None = None
) -> tuple[int, int] | None:
    """Where the quote is in ``text`` (start, end), or ``None``; exact matches first.

    >>> anchor_quote("a cat. the cat sat.", "cat", prefix="the ", suffix=" sat")
    (11, 14)
    >>> anchor_quote("the cat\\n sat", "cat sat")
    (4, 12)
    """
    if not exact:
        return None
    spans = [(m.start(), m.start() + len(exact)) for m in re.finditer(re.escape(exact), text)]
    if not spans:
        words = exact.split()
        if not words:
            return None
        pattern = r"\s+".join(re.escape(w) for w in words)
        spans = [(m.start(), m.end()) for m in re.finditer(pattern, text)]
    if not spans:
        return None

    def score(span: tuple[int, int]) -> tuple[int, int]:
        before, after = text[: span[0]], text[span[1] :]
        kept = _common_suffix(before, prefix) + _common_prefix(after, suffix)
        distance = abs(span[0] - near) if near is not None else 0
        return (-kept, distance)

    return min(spans, key=score)


def reanchor_evidence(
    events: Any, texts: Mapping[str, str] | Iterable[Any]
) -> tuple[Any, list[QuoteCheck]]:
    """Find every row's evidence in its primary source again; return fixed rows and a report.

    Args:
        events: an events DataFrame (``read_events``).
        texts: doc id -> text, or ``Document`` objects.

    Returns:
        A copy of ``events`` whose offsets (and evidence, where only whitespace differs) point
        at the quote found, with ``evidence_prefix``/``evidence_suffix`` filled for every row
        whose quote was found; and one ``QuoteCheck`` per row with evidence in a known document.
        Rows whose quote vanished are left as they were.

    >>> from timeline.table import events_frame
    >>> row = {"event_id": "e", "kind": "event", "category": "visit", "date_start": "2030-05-03",
    ...        "date_end": "2030-05-03", "date_precision": "day", "title": "A visit",
    ...        "sources": "d", "reviewed": True, "evidence": "on 3 May",
    ...        "evidence_start": 0, "evidence_end": 8}
    >>> fixed, report = reanchor_evidence(events_frame([row]), {"d": "Talks began on 3 May."})
    >>> report[0].status, int(fixed.loc[0, "evidence_start"])
    ('moved', 12)
    """
    lookup = dict(texts) if isinstance(texts, Mapping) else {d.doc_id: d.text for d in texts}
    lookup = {k: (v if isinstance(v, str) else v.text) for k, v in lookup.items()}
    fixed = events.copy()
    for column in ("evidence_prefix", "evidence_suffix"):
        if column not in fixed.columns:
            position = list(fixed.columns).index("evidence_end") + 1
            fixed.insert(position, column, pd.Series([pd.NA] * len(fixed), dtype="string"))
    report: list[QuoteCheck] = []
    for index, row in enumerate(events.to_dict("records")):
        exact = as_text(row.get("evidence"))
        doc_id = as_text(row.get("sources")).split(";")[0]
        if not exact or doc_id not in lookup:
            continue
        text = lookup[doc_id]
        start, end = row.get("evidence_start"), row.get("evidence_end")
        old = None if is_missing(start) or is_missing(end) else (int(start), int(end))
        span = _locate(text, row, old)
        if span is None:
            status = "vanished"
        else:
            status = "ok" if span == old and text[span[0] : span[1]] == exact else "moved"
        report.append(
            QuoteCheck(index + 1, as_text(row.get("event_id")), doc_id, status, old, span, exact)
        )
        if span is None:
            continue
        prefix, suffix = quote_context(text, *span)
        label = fixed.index[index]
        fixed.loc[label, ["evidence_start", "evidence_end"]] = list(span)
        fixed.loc[label, "evidence"] = text[span[0] : span[1]]
        fixed.loc[label, "evidence_prefix"] = prefix
        fixed.loc[label, "evidence_suffix"] = suffix
    return fixed, report


def add_quote_context(events: Any, texts: Mapping[str, str] | Iterable[Any]) -> Any:
    """``events`` with ``evidence_prefix``/``evidence_suffix`` filled from its sources' texts.

    Offsets that point at the evidence are kept; the others are re-anchored.
    """
    fixed, _ = reanchor_evidence(events, texts)
    return fixed


def _locate(
    text: str, row: Mapping[str, Any], old: tuple[int, int] | None
) -> tuple[int, int] | None:
    exact = as_text(row.get("evidence"))
    prefix = _raw(row.get("evidence_prefix"))
    suffix = _raw(row.get("evidence_suffix"))
    if old is not None and text[old[0] : old[1]] == exact:
        before, after = text[: old[0]], text[old[1] :]
        if before.endswith(prefix) and after.startswith(suffix):
            return old
    return anchor_quote(text, exact, prefix, suffix, old[0] if old else None)


def _raw(value: Any) -> str:
    """A context cell as stored (whitespace matters), ``""`` when missing."""
    return "" if is_missing(value) else str(value)


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n
