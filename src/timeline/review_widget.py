"""The review widget for JupyterLab: one candidate at a time, its passage, fields and actions.

``review_candidates`` returns a box holding the review card (an anywidget: its view is the
small ES module ``_review.js``, which JupyterLab 4 loads without an extension build) and the
chart of the table, redrawn after each action. The card sends ``{action, key, fields, target}`` to
the kernel; a ``ReviewSession`` (``timeline.review_session``) does the action and every write,
then the card shows the next candidate, and only then is the chart redrawn, so the next
candidate never waits for the chart. The card also holds the candidate after the current one
and shows it as soon as a key is pressed (accept, reject, skip), before the kernel answers; the
kernel's answer confirms it or brings the candidate back with the reason (a refused write).
anywidget, ipywidgets and plotly are imported inside the functions, so importing this module
is cheap.
"""

from __future__ import annotations

import dataclasses
import html
import os
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd

from timeline.dates import find_dates
from timeline.documents import Document
from timeline.errors import TimelineError
from timeline.review_session import EDITABLE, ReviewSession
from timeline.schema import KINDS, PRECISIONS
from timeline.table.cells import as_text as _text
from timeline.table.cells import is_missing as _missing
from timeline.views.figures import timeline_figure
from timeline.views.highlight import highlight_document

_HERE = Path(__file__).resolve().parent
_CONTEXT = 320  # characters of the document shown on each side of the evidence


def review_candidates(
    candidates: pd.DataFrame,
    table: str | os.PathLike[str] = "data/events.csv",
    *,
    documents: Iterable[Document] | Mapping[str, Document] | None = None,
) -> Any:
    """Review candidates into an events table in the notebook: display the returned widget.

    Args:
        candidates: rows from ``extract_events`` (a ``confidence`` column is used when present).
        table: the events CSV the accepted rows go to; created by the first accepted row.
        documents: the corpus the candidates come from, for the passage around the evidence.

    Returns:
        An ``ipywidgets.VBox`` of the review card and the chart of the table; its ``.session``
        is the ``ReviewSession`` (the queue, the table as written, the actions), ``.card`` the
        card and ``.chart`` the chart's ``Output``.

    Raises:
        SchemaError: the table on disk or the candidates break the schema.
        ReviewError: the rejections file is unreadable or a confidence is out of range.

    Example (not run by the tests: it needs files outside the package)::

        docs = load_documents("../shared/corpus")
        review_candidates(extract_events(docs), "data/events.csv", documents=docs)
    """
    import ipywidgets as widgets  # on use: ipywidgets takes ~0.2 s to import

    session = ReviewSession(candidates, table, documents=documents)
    card = _card_class()()
    chart = widgets.Output()
    box = widgets.VBox([card, chart])
    box.session, box.card, box.chart = session, card, chart
    found: dict[Any, Any] = {}  # date mentions per document and each card's passage, made once

    def on_message(_widget: Any, content: Mapping[str, Any], _buffers: Any) -> None:
        before = session.table
        _handle(session, card, content)
        _show(session, card, found)
        if session.table is not before:
            _draw(session, chart)

    card.on_msg(on_message)
    _show(session, card, found)
    _draw(session, chart)
    return box


@cache
def _card_class() -> type:
    """The anywidget class of the card (built once, on first use)."""
    # on use: anywidget and traitlets take ~0.2 s to import
    import anywidget
    import traitlets

    class ReviewCard(anywidget.AnyWidget):
        _esm = _HERE / "_review.js"
        _css = _HERE / "_review.css"
        card = traitlets.Dict().tag(sync=True)
        progress = traitlets.Unicode("").tag(sync=True)
        message = traitlets.Unicode("").tag(sync=True)
        message_is_error = traitlets.Bool(False).tag(sync=True)
        rows = traitlets.List().tag(sync=True)
        table_rows = traitlets.List().tag(sync=True)
        serial = traitlets.Int(0).tag(sync=True)

    return ReviewCard


def _handle(session: ReviewSession, card: Any, content: Mapping[str, Any]) -> None:
    """Do one action from the card and say on the card what it did, or why it could not.

    An action names the candidate the person saw (``key``); when that is no longer the
    current candidate (an earlier action failed), nothing is done.
    """
    action = str(content.get("action", ""))
    shown = session.current
    key = content.get("key")
    try:
        if key is not None and action != "undo" and key != _text((shown or {}).get("event_id")):
            raise TimelineError(
                f"{action} of {key} not done: the card was out of date; this is the current one"
            )
        if action == "accept":
            edits = _edits(card.card.get("fields", {}), content.get("fields") or {})
            done = f"accepted as {session.accept(edits)}"
        elif action == "merge":
            done = f"merged into {session.merge(str(content.get('target') or '').strip())}"
        elif action == "reject":
            session.reject()
            done = f"rejected (remembered in {session.rejections_file.name})"
        elif action == "skip":
            session.skip()
            done = "skipped: it comes back at the end of the queue"
        elif action == "undo":
            done = f"undid {session.undo()}"
        else:
            raise TimelineError(f"unknown action {action!r}")
    except TimelineError as exc:
        card.message, card.message_is_error = str(exc), True
        return
    name = _text(shown["event_id"]) if shown is not None and action != "undo" else ""
    card.message = f"{name}: {done}" if name else done
    card.message_is_error = False


def _edits(shown: Mapping[str, str], sent: Mapping[str, Any]) -> dict[str, str]:
    """The fields the person changed (the card sends every field as text)."""
    return {
        name: str(value)
        for name, value in sent.items()
        if name in EDITABLE and str(value) != shown.get(name, "")
    }


def _show(session: ReviewSession, card: Any, found: dict[Any, Any]) -> None:
    """Send the current candidate, the progress and the row lists to the card."""
    table_rows = [
        {"id": _text(r["event_id"]), "label": _label(r)} for r in session.table.to_dict("records")
    ]
    pending = [session.rows[i] for i in session.pending[1:]]
    candidates = [{"id": _text(r["event_id"]), "label": f"candidate: {_label(r)}"} for r in pending]
    with card.hold_sync():
        card.progress = session.progress()
        card.table_rows = table_rows
        card.rows = table_rows + candidates
        shown = _card(session, session.pending[0], found) if session.pending else {}
        if len(session.pending) > 1:  # what the card shows at once after accept, reject, skip
            shown["next"] = _card(session, session.pending[1], found)
        card.card = shown
        card.serial = card.serial + 1


def _card(session: ReviewSession, index: int, found: dict[Any, Any]) -> dict[str, Any]:
    """What the card shows of one candidate, all JSON (the passage is made once per candidate)."""
    row = session.rows[index]
    score = session.scores[index]
    given = not _missing(row.get("confidence")) or "confidence " in _text(row.get("notes"))
    doubt = f"{'confidence' if given else 'fallback score'} {score:.2f}"
    fields = {name: _field(row.get(name)) for name in EDITABLE}
    if ("card", index) not in found:
        found["card", index] = (_meta(session, row), _passage(session.documents, row, found))
    meta, passage = found["card", index]
    return {
        "event_id": _text(row["event_id"]),
        "doubt": doubt,
        "meta": meta,
        "passage_html": passage,
        "fields": fields,
        "choices": {
            "kind": _with(KINDS, fields["kind"]),
            "date_precision": _with(PRECISIONS, fields["date_precision"]),
        },
        "merge_target": session.merge_suggestion(row) or "",
    }


def _with(choices: tuple[str, ...], value: str) -> list[str]:
    return list(choices) if value in choices else [*choices, value]


def _field(value: Any) -> str:
    if _missing(value):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    return str(value)


def _label(row: Mapping[str, Any]) -> str:
    day = _field(row.get("date_start")) or _field(row.get("date_end"))
    return f"{_text(row['event_id'])}: {_text(row.get('title'))} ({day or 'undated'})"


def _meta(session: ReviewSession, row: Mapping[str, Any]) -> str:
    doc_id = (_text(row.get("sources")).split(";") or [""])[0]
    doc = session.documents.get(doc_id)
    outlet = _text(row.get("outlet")) or (doc.outlet if doc else "")
    kind = _text(row.get("publisher_type")) or (doc.publisher_type if doc else "")
    published = ""
    if doc is not None:
        published = doc.published_text or (doc.published.isoformat() if doc.published else "")
    parts = [f"document {doc_id}", outlet or "outlet unknown", kind or "publisher type unknown"]
    parts.append(f"published {published}" if published else "publication date unknown")
    return " · ".join(parts)


def _passage(documents: Mapping[str, Document], row: Mapping[str, Any], found: dict) -> str:
    """The document around the evidence, date mentions and evidence highlighted (HTML)."""
    doc_id = (_text(row.get("sources")).split(";") or [""])[0]
    doc = documents.get(doc_id)
    start, end = row.get("evidence_start"), row.get("evidence_end")
    if doc is None or _missing(start) or _missing(end) or not 0 <= start < end <= len(doc.text):
        evidence = html.escape(_text(row.get("evidence")) or "no evidence quoted")
        why = "no documents given" if doc is None else "no evidence offsets"
        return f"<p><em>{html.escape(why)}</em>: {evidence}</p>"
    lo, hi = _window(doc.text, int(start), int(end))
    excerpt = Document(doc_id=doc.doc_id, text=doc.text[lo:hi])
    mentions = [
        dataclasses.replace(m, start=m.start - lo, end=m.end - lo)
        for m in _mentions(doc, found)
        if lo <= m.start and m.end <= hi
    ]
    one = pd.DataFrame(
        [{**row, "evidence_start": int(start) - lo, "evidence_end": int(end) - lo}]
    ).astype({"evidence_start": "Int64", "evidence_end": "Int64"})
    body = highlight_document(excerpt, mentions=mentions, events=one)
    before = "… " if lo > 0 else ""
    after = " …" if hi < len(doc.text) else ""
    return f"{before}{body}{after}"


def _window(text: str, start: int, end: int) -> tuple[int, int]:
    """About ``_CONTEXT`` characters each side of the evidence, cut at whitespace."""
    lo = max(0, start - _CONTEXT)
    hi = min(len(text), end + _CONTEXT)
    if lo > 0:
        space = text.find(" ", lo, start)
        lo = space + 1 if space >= 0 else lo
    if hi < len(text):
        space = text.rfind(" ", end, hi)
        hi = space if space >= 0 else hi
    return lo, hi


def _mentions(doc: Document, found: dict[Any, Any]) -> list[Any]:
    """The document's date mentions, found once per document (``found`` keeps them)."""
    if ("mentions", doc.doc_id) not in found:
        found["mentions", doc.doc_id] = list(find_dates(doc.text, doc.published))
    return found["mentions", doc.doc_id]


def _draw(session: ReviewSession, chart: Any) -> None:
    """Redraw the chart of the table (outputs set directly, as the explorer does).

    An empty table is drawn too (empty axes), so the browser loads plotly.js before the first
    accepted row rather than while the person waits for the next candidate.
    """
    bundle = timeline_figure(session.table)._repr_mimebundle_(include=None, exclude=None)
    chart.outputs = ({"output_type": "display_data", "data": bundle, "metadata": {}},)
