"""A document as HTML with its date mentions and event evidence highlighted in place.

Each span becomes a ``<mark>`` with a class (``date-mention`` and ``date-<type>``;
``event-evidence`` and ``kind-<kind>``) and a ``title`` that says what was found. Spans that
nest stay nested; spans that cross are split so the HTML stays well formed. Every piece of
text, from the document or from the data, is HTML-escaped, and the output depends only on the
input (no ids from memory addresses, no clock).
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from timeline.documents import Document
from timeline.table.cells import as_text as _text
from timeline.table.cells import is_missing as _missing

_STYLE = (
    "<style>"
    ".timeline-document{white-space:pre-wrap;line-height:1.6;font-family:Georgia,serif}"
    ".timeline-document mark.date-mention{background:#cce5ff;border-bottom:2px solid #0072b2}"
    ".timeline-document mark.event-evidence{background:#fff0c2;padding:0.15em 0}"
    ".timeline-document mark.kind-response{background:#ffd9c7}"
    "</style>"
)


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    order: int
    css: str
    title: str

    def open_tag(self) -> str:
        return f'<mark class="{html.escape(self.css)}" title="{html.escape(self.title)}">'


def highlight_document(
    document: Document,
    *,
    mentions: Iterable[object] | None = None,
    events: pd.DataFrame | None = None,
) -> str:
    """Return the document's text as HTML with date mentions and event evidence marked.

    Args:
        document: the document to show.
        mentions: date mentions in its text (objects with ``start``, ``end``, ``type``,
            ``value`` and, where known, ``earliest``, ``latest``, ``precision``), for example
            from ``find_dates(document.text, document.published)``.
        events: an events table; the rows whose primary source is this document have their
            evidence marked at ``evidence_start``..``evidence_end``. Rows without offsets, or
            with offsets outside the text, are left unmarked.

    Returns:
        An HTML fragment (a ``<style>`` and a ``<div class="timeline-document">``), ready for
        ``IPython.display.HTML``.

    >>> doc = Document(doc_id="d1", text="Signed on <b>5 May</b> 2030.")
    >>> class M: start, end, type, value = 13, 18, "DATE", "2030-05-05"
    >>> print(highlight_document(doc, mentions=[M()]).split("</style>")[1])
    <div class="timeline-document" id="doc-d1">Signed on &lt;b&gt;<mark class="date-mention \
date-date" title="DATE 2030-05-05">5 May</mark>&lt;/b&gt; 2030.</div>
    """
    text = document.text
    spans = [s for s in _event_spans(document, events) + _mention_spans(mentions)]
    spans = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    spans.sort(key=lambda s: (s.start, -s.end, s.order))
    body = _render(text, spans)
    doc_id = html.escape(document.doc_id)
    return f'{_STYLE}<div class="timeline-document" id="doc-{doc_id}">{body}</div>'


def _mention_spans(mentions: Iterable[object] | None) -> list[_Span]:
    out = []
    for number, mention in enumerate(mentions or ()):
        kind = str(getattr(mention, "type", "") or "date")
        value = str(getattr(mention, "value", "") or "")
        title = f"{kind} {value}".strip()
        earliest, latest = getattr(mention, "earliest", None), getattr(mention, "latest", None)
        if earliest is not None or latest is not None:
            first = earliest.isoformat() if earliest is not None else "..."
            last = latest.isoformat() if latest is not None else "..."
            title += f" ({first} to {last})" if first != last else f" ({first})"
        precision = getattr(mention, "precision", None)
        if precision:
            title += f", {precision}"
        out.append(
            _Span(
                start=int(mention.start),
                end=int(mention.end),
                order=1_000_000 + number,
                css=f"date-mention date-{_slug(kind)}",
                title=title,
            )
        )
    return out


def _event_spans(document: Document, events: pd.DataFrame | None) -> list[_Span]:
    if events is None or len(events) == 0:
        return []
    out = []
    for number, (_, row) in enumerate(events.iterrows()):
        sources = [s.strip() for s in _text(row.get("sources")).split(";") if s.strip()]
        if not sources or sources[0] != document.doc_id:
            continue
        start, end = row.get("evidence_start"), row.get("evidence_end")
        if _missing(start) or _missing(end):
            continue
        kind = _text(row.get("kind")) or "event"
        dates = "/".join(d for d in (_day(row.get("date_start")), _day(row.get("date_end"))) if d)
        if "/" in dates and dates.split("/")[0] == dates.split("/")[1]:
            dates = dates.split("/")[0]
        title = f"{_text(row.get('event_id'))}: {kind}, {_text(row.get('category'))}"
        title += f", {dates or 'undated'} ({_text(row.get('date_precision'))})"
        if _text(row.get("responds_to")):
            title += f", responds to {_text(row.get('responds_to'))}"
        out.append(
            _Span(
                start=int(start),
                end=int(end),
                order=number,
                css=f"event-evidence kind-{_slug(kind)}",
                title=title,
            )
        )
    return out


def _render(text: str, spans: list[_Span]) -> str:
    """Escape ``text`` and wrap the spans in properly nested ``<mark>`` elements."""
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    starting: dict[int, list[_Span]] = {}
    for span in spans:
        starting.setdefault(span.start, []).append(span)
    out: list[str] = []
    stack: list[_Span] = []
    for here, following in zip(cuts, cuts[1:] + [None], strict=True):
        ending = [i for i, s in enumerate(stack) if s.end == here]
        if ending:
            lowest = ending[0]
            reopen = [s for s in stack[lowest:] if s.end != here]
            out.append("</mark>" * (len(stack) - lowest))
            del stack[lowest:]
            for span in reopen:
                out.append(span.open_tag())
                stack.append(span)
        for span in starting.get(here, ()):
            out.append(span.open_tag())
            stack.append(span)
        if following is not None:
            out.append(html.escape(text[here:following], quote=False))
    return "".join(out)


def _slug(value: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in value.lower()).strip("-") or "x"


def _day(value: object) -> str:
    if _missing(value):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    return str(value)[:10]
