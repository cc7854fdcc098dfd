"""The story page: a standalone, offline step-through of events and the responses to them.

One step per event (rows of kind ``event``, plus responses whose answered event is not in the
table), in date order. A response is a row of kind ``response`` (the meaning every view
follows); an event whose ``responds_to`` names another row says what it reacts to, and is a
step of its own, never counted as a response. Each step shows the event, its source, the
evidence quote and the responses to it with their lag in days. Keyboard (left and right
arrows) and buttons move between steps; a "predict the response" option hides each step's
responses until the reader reveals them.

The page holds no external resource and makes no network request: styles and a small vanilla
script are inline, and the data sit in a ``<script type="application/json">`` block with
``<``, ``>`` and ``&`` escaped; the script renders every data value with ``textContent``, so
text from the table is always shown as text and never run.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import os
from pathlib import Path
from typing import Any

import pandas as pd

from timeline._io import atomic_write
from timeline.errors import SchemaError
from timeline.table.cells import as_text as _text
from timeline.table.cells import lag_days, row_interval

_REQUIRED = (
    "event_id",
    "kind",
    "date_start",
    "date_end",
    "date_precision",
    "date_text",
    "title",
    "actor",
    "responds_to",
)
_OPTIONAL = ("category", "sources", "source_url", "outlet", "publisher_type", "evidence")
_DEFAULT_TITLE = "Events and responses, step by step"

_CSS = """
:root { color-scheme: light dark; --ink: #1b1b1b; --muted: #555; --line: #d0d0d0;
  --accent: #0b5394; --event: #f4f7fb; --resp: #fbf6ee; --bg: #fff; --resp-line: #b45f06;
  --lag: #783f04; }
@media (prefers-color-scheme: dark) {
  :root { --ink: #e8e8e8; --muted: #b0b0b0; --line: #444; --accent: #8ab4f8;
    --event: #1b2430; --resp: #2d2418; --bg: #121212; --resp-line: #e69f00; --lag: #f6c26b; }
}
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--ink); margin: 0; background: var(--bg); }
.when { white-space: normal; }
.when time, time { white-space: nowrap; }
main { max-width: 46rem; margin: 0 auto; padding: 1.25rem 1rem 3rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
.intro { color: var(--muted); margin: 0 0 1rem; }
.controls { display: flex; flex-wrap: wrap; align-items: center; gap: .75rem;
  padding: .6rem 0; border-top: 1px solid var(--line); border-bottom: 1px solid var(--line); }
.controls button { font: inherit; padding: .35rem .9rem; border: 1px solid var(--accent);
  background: var(--bg); color: var(--accent); border-radius: .3rem; cursor: pointer; }
.controls button:disabled { opacity: .4; cursor: default; }
.controls button:focus-visible, .reveal:focus-visible, input:focus-visible {
  outline: 3px solid #f1c232; outline-offset: 2px; }
#counter { font-variant-numeric: tabular-nums; min-width: 4.5rem; text-align: center;
  font-weight: 600; }
.predict { margin-left: auto; }
.event { background: var(--event); border-left: 4px solid var(--accent);
  padding: .75rem 1rem; margin-top: 1rem; }
.when { color: var(--muted); margin: 0; }
.event h2 { font-size: 1.25rem; margin: .2rem 0 .4rem; }
.meta { margin: 0 0 .5rem; }
.meta span + span::before { content: " \\00b7  "; color: var(--muted); }
blockquote { margin: .5rem 0; padding: .2rem .8rem; border-left: 3px solid var(--line);
  font-style: italic; }
.attribution { font-style: normal; color: var(--muted); font-size: .9rem; margin: .1rem 0 0; }
.source { font-size: .9rem; margin: .25rem 0; overflow-wrap: anywhere; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .4rem; }
.responses { list-style: none; padding: 0; margin: 0; }
.responses > li { background: var(--resp); border-left: 4px solid var(--resp-line);
  padding: .6rem 1rem; margin: .5rem 0; }
.lag { font-weight: 600; color: var(--lag); margin: 0; }
.responses p { margin: .15rem 0; }
.rtitle { font-weight: 600; }
.prompt { margin: .4rem 0; }
.reveal { font: inherit; padding: .35rem .9rem; border: 1px solid var(--resp-line);
  color: var(--lag); background: var(--bg); border-radius: .3rem; cursor: pointer; }
.none { color: var(--muted); font-style: italic; }
.hint { color: var(--muted); font-size: .85rem; margin-top: 1.5rem; }
"""

_JS = """
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("story-data").textContent);
  var steps = data.steps;
  var index = 0;
  var revealed = {};
  var stage = document.getElementById("step");
  var counter = document.getElementById("counter");
  var prev = document.getElementById("prev");
  var next = document.getElementById("next");
  var predict = document.getElementById("predict");

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  function meta(parts) {
    var p = el("p", "meta");
    parts.forEach(function (part) {
      if (part) { p.appendChild(el("span", null, part)); }
    });
    return p;
  }

  function source(row) {
    var p = el("p", "source");
    var who = [row.outlet, row.publisher_type ? "(" + row.publisher_type + ")" : ""]
      .filter(Boolean).join(" ");
    p.appendChild(document.createTextNode("Source: " + (who || "not recorded")));
    if (row.url) {
      p.appendChild(document.createTextNode(" \\u2014 "));
      if (/^https?:\\/\\//i.test(row.url)) {
        var a = el("a", null, row.url);
        a.href = row.url;
        a.rel = "noopener noreferrer";
        p.appendChild(a);
      } else {
        p.appendChild(document.createTextNode(row.url));
      }
    }
    if (row.sources) {
      p.appendChild(document.createTextNode(" (documents: " + row.sources + ")"));
    }
    return p;
  }

  function quote(row) {
    var box = document.createDocumentFragment();
    if (!row.evidence) { return box; }
    var q = el("blockquote");
    q.appendChild(el("p", null, "\\u201c" + row.evidence + "\\u201d"));
    var by = row.outlet || row.actor;
    if (by) { q.appendChild(el("p", "attribution", "\\u2014 from " + by)); }
    box.appendChild(q);
    return box;
  }

  function response(row) {
    var li = el("li");
    li.appendChild(el("p", "lag", row.lag));
    li.appendChild(el("p", "when", row.when + (row.date_text ? " \\u2014 \\u201c" +
      row.date_text + "\\u201d" : "")));
    li.appendChild(el("p", "rtitle", row.title));
    li.appendChild(meta([row.actor, row.category]));
    li.appendChild(quote(row));
    li.appendChild(source(row));
    return li;
  }

  function render() {
    stage.textContent = "";
    if (!steps.length) {
      counter.textContent = "0 / 0";
      prev.disabled = true;
      next.disabled = true;
      stage.appendChild(el("p", "none", "No events to show."));
      return;
    }
    var step = steps[index];
    counter.textContent = (index + 1) + " / " + steps.length;
    prev.disabled = index === 0;
    next.disabled = index === steps.length - 1;

    var card = el("article", "event");
    card.setAttribute("aria-labelledby", "step-title");
    card.appendChild(el("p", "when", step.when + (step.date_text ? " \\u2014 \\u201c" +
      step.date_text + "\\u201d" : "")));
    var h = el("h2", null, step.title);
    h.id = "step-title";
    card.appendChild(h);
    card.appendChild(meta([step.actor, step.category, step.kind === "response" ?
      "response (the event it answers is not in this table)" :
      (step.reacts_to ? "reacts to: " + step.reacts_to : "")]));
    card.appendChild(quote(step));
    card.appendChild(source(step));
    stage.appendChild(card);

    var n = step.responses.length;
    stage.appendChild(el("h3", null, "Responses"));
    if (predict.checked && !revealed[index]) {
      stage.appendChild(el("p", "prompt",
        "Predict: who will respond to this, how, and how soon?"));
      var button = el("button", "reveal", "Reveal");
      button.type = "button";
      button.setAttribute("aria-label", "Reveal the responses to this event");
      button.addEventListener("click", function () {
        revealed[index] = true;
        render();
        fitFrame();
        var first = stage.querySelector(".responses, .none");
        if (first) { first.setAttribute("tabindex", "-1"); first.focus(); }
      });
      stage.appendChild(button);
      return;
    }
    if (!n) {
      stage.appendChild(el("p", "none", "No response to this event in the table."));
      return;
    }
    var list = el("ul", "responses");
    step.responses.forEach(function (row) { list.appendChild(response(row)); });
    stage.appendChild(list);
  }

  // Shown in a frame (a notebook's): make the frame as tall as the page, so no inner scrollbar.
  function fitFrame() {
    var frame = null;
    try { frame = window.frameElement; } catch (error) { frame = null; }
    if (frame) { frame.style.height = document.documentElement.scrollHeight + "px"; }
  }

  function go(delta) {
    var target = Math.min(Math.max(index + delta, 0), Math.max(steps.length - 1, 0));
    if (target !== index) { index = target; render(); fitFrame(); }
  }

  prev.addEventListener("click", function () { go(-1); });
  next.addEventListener("click", function () { go(1); });
  predict.addEventListener("change", function () { render(); fitFrame(); });
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    var tag = event.target && event.target.tagName;
    if (tag === "INPUT" && event.target.type !== "checkbox") { return; }
    if (tag === "TEXTAREA" || tag === "SELECT") { return; }
    if (event.key === "ArrowRight") { go(1); event.preventDefault(); }
    else if (event.key === "ArrowLeft") { go(-1); event.preventDefault(); }
  });
  render();
  fitFrame();
  window.addEventListener("resize", fitFrame);
}());
"""


def _script_hash() -> str:
    digest = hashlib.sha256(_JS.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def _dates(events: pd.DataFrame, column: str) -> pd.Series:
    values = events[column]
    if not pd.api.types.is_datetime64_any_dtype(values):
        present = values.astype("string").str.strip().fillna("") != ""
        values = values.astype("object").where(present, None)
    try:
        parsed = pd.to_datetime(values, errors="raise", format="ISO8601")
    except (ValueError, TypeError) as exc:
        raise SchemaError(
            f"story: column {column!r} holds a value that is not a date: {exc}"
        ) from exc
    return parsed.dt.normalize()


def _iso(day: pd.Timestamp | None) -> str:
    return "" if day is None or pd.isna(day) else day.strftime("%Y-%m-%d")


def _when(start: pd.Timestamp, end: pd.Timestamp, precision: str) -> str:
    """The normalized date of a row, in words that keep its precision."""
    first, last = _iso(start), _iso(end)
    if precision == "before":
        return f"on or before {last or first}" if (last or first) else "date unknown"
    if precision == "after":
        return f"on or after {first or last}" if (first or last) else "date unknown"
    span = first if not last or last == first else f"{first} to {last}"
    if not first:
        span = last
    if not span:
        return "date unknown"
    if precision == "approximate":
        return f"about {span}"
    if precision == "month" and not pd.isna(start):
        return start.strftime("%B %Y")
    if precision == "year" and not pd.isna(start):
        return start.strftime("%Y")
    return span


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _plural(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def _lag(event: dict[str, Any], response: dict[str, Any]) -> str:
    """The lag of a response after its event, worded with the precision of both dates.

    The lag runs from the last day of the event (as in ``timeline_figure``'s connector labels)
    to the first day of the response (its upper bound for ``before``).
    """
    days = _lag_days(event, response)
    if days is None:
        return "Lag unknown (a date is missing)"
    if days == 0:
        amount = (
            "the same day the event ended" if _spans_days(event) else "the same day as the event"
        )
    elif days > 0:
        amount = f"{_plural(days)} after the event"
        if _spans_days(event):
            amount += " ended"
    else:
        amount = f"{_plural(-days)} before the event"
    rough = {"approximate", "month", "year"}
    if response["_precision"] in ("before", "after") and days > 0:
        amount = f"day {days} after the event" + (" ended" if _spans_days(event) else "")
    if response["_precision"] == "before":
        amount = f"on or before {amount}"
    elif response["_precision"] == "after":
        amount = f"on or after {amount}"
    elif event["_precision"] == "before" and pd.isna(event["_start"]):
        amount = f"at least {_plural(days)} after the event" if days >= 0 else amount
    if event["_precision"] in rough or response["_precision"] in rough:
        amount = f"about {amount}"
    return f"Answered {amount}"


def _spans_days(event: dict[str, Any]) -> bool:
    start, end = event["_start"], event["_end"]
    return not pd.isna(start) and not pd.isna(end) and end > start


def _lag_days(event: dict[str, Any], response: dict[str, Any]) -> int | None:
    """The lag in days (``lag_days`` of the two rows' intervals), None when a date is missing."""
    return lag_days(_interval(event), _interval(response))


def _interval(row: dict[str, Any]) -> tuple[Any, Any]:
    return row_interval(row["_start"], row["_end"], row["_precision"])


def _sort_key(row: dict[str, Any]) -> tuple[float, str]:
    day = row["_start"] if not pd.isna(row["_start"]) else row["_end"]
    stamp = math.inf if pd.isna(day) else float(day.value)
    return (stamp, row["event_id"])


def _public(row: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in row.items() if not key.startswith("_")}


def _steps(events: pd.DataFrame) -> list[dict[str, Any]]:
    missing = [column for column in _REQUIRED if column not in events.columns]
    if missing:
        raise SchemaError(
            f"story: the events table lacks the column(s) {', '.join(missing)}; "
            f"needed: {', '.join(_REQUIRED)}"
        )
    starts = _dates(events, "date_start").tolist()
    ends = _dates(events, "date_end").tolist()
    columns = {  # column lists, read once: iterrows costs a Series per row
        column: events[column].tolist() if column in events.columns else None
        for column in (*_REQUIRED, *_OPTIONAL)
    }
    rows: list[dict[str, Any]] = []
    for position in range(len(events)):
        row = {
            column: _text(values[position]) if values is not None else ""
            for column, values in columns.items()
        }
        row["url"] = row.pop("source_url")
        row["sources"] = ", ".join(
            part.strip() for part in row["sources"].split(";") if part.strip()
        )
        row.pop("date_start")
        row.pop("date_end")
        row["_start"] = starts[position]
        row["_end"] = ends[position]
        row["_precision"] = row["date_precision"]
        row["when"] = _when(row["_start"], row["_end"], row["date_precision"])
        rows.append(row)

    for number, row in enumerate(rows, start=2):
        if row["kind"] not in ("event", "response"):
            raise SchemaError(
                f"story: row {number} ({row['event_id'] or 'no event_id'}), column 'kind': "
                f"{row['kind']!r} is not one of event, response"
            )
    ids = {row["event_id"] for row in rows if row["kind"] == "event"}
    steps = [
        row
        for row in rows
        if row["kind"] == "event" or (row["kind"] == "response" and row["responds_to"] not in ids)
    ]
    steps.sort(key=_sort_key)
    answers: dict[str, list[dict[str, Any]]] = {}
    titles = {row["event_id"]: row["title"] or row["event_id"] for row in rows}
    for row in rows:
        if row["responds_to"] and row["kind"] == "response":
            answers.setdefault(row["responds_to"], []).append(row)
        elif row["responds_to"]:
            row["reacts_to"] = titles.get(row["responds_to"], row["responds_to"])

    out = []
    for step in steps:
        responses = sorted(answers.get(step["event_id"], []), key=_sort_key)
        public = _public(step)
        public["responses"] = [
            {
                **_public(response),
                "lag": _lag(step, response),
                "lag_days": _lag_days(step, response),
            }
            for response in responses
        ]
        out.append(public)
    return out


def _json_for_html(payload: Any) -> str:
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, indent=1)
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def story_html(events: pd.DataFrame, *, title: str | None = None, predict: bool = False) -> str:
    """Build the story page: one event per step in date order, with its sources and responses.

    Args:
        events: an events table (as returned by ``read_events``).
        title: the page heading; a neutral default when None.
        predict: when True the "predict the response" box starts ticked, so each step's
            responses stay hidden until the reader clicks "Reveal".

    Returns:
        One self-contained HTML document (no external resource, no network request), the same
        bytes for the same input.

    Raises:
        SchemaError: a needed column is missing or a date column holds a non-date.

    >>> import pandas as pd
    >>> row = dict(event_id="e1", kind="event", date_start="2020-01-02", date_end="2020-01-02",
    ...            date_precision="day", date_text="2 January", title="A <b>visit</b>",
    ...            actor="A delegation", responds_to="")
    >>> page = story_html(pd.DataFrame([row]), title="Demo")
    >>> "A \\\\u003cb\\\\u003evisit" in page and "<b>visit" not in page
    True
    """
    steps = _steps(events)
    heading = title if title is not None else _DEFAULT_TITLE
    n_responses = sum(len(step["responses"]) for step in steps)
    payload = _json_for_html({"steps": steps, "title": heading})
    csp = (
        "default-src 'none'; style-src 'unsafe-inline'; "
        f"script-src '{_script_hash()}'; img-src 'none'; connect-src 'none'; "
        "form-action 'none'; base-uri 'none'"
    )
    checked = " checked" if predict else ""
    e = html.escape
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>{e(heading)}</title>
<style>{_CSS}</style>
</head>
<body>
<main>
<h1>{e(heading)}</h1>
<p class="intro">{_count(len(steps), "event")} in date order, with \
{_count(n_responses, "response")}.
Use the buttons or the left and right arrow keys to move between events.</p>
<div class="controls" role="group" aria-label="Move between events">
<button type="button" id="prev" aria-label="Previous event">&larr; Previous</button>
<span id="counter" aria-live="polite" aria-atomic="true">{min(1, len(steps))} / {len(steps)}</span>
<button type="button" id="next" aria-label="Next event">Next &rarr;</button>
<label class="predict"><input type="checkbox" id="predict"{checked}>
Predict the response (hide responses until I reveal them)</label>
</div>
<section id="step" aria-live="polite" aria-label="Current event">
<noscript><p>This page needs JavaScript to step through the events.</p></noscript>
</section>
<p class="hint">Dates are shown as normalized and as the source writes them, in quotes.
Each quote is copied verbatim from the primary source named under it.</p>
</main>
<script type="application/json" id="story-data">{payload}</script>
<script>{_JS}</script>
</body>
</html>
"""


def write_story(
    events: pd.DataFrame,
    path: str | os.PathLike[str],
    *,
    title: str | None = None,
    predict: bool = False,
) -> Path:
    """Write the story page (see ``story_html``) to ``path`` atomically and return the path.

    >>> import pandas as pd, tempfile, pathlib
    >>> row = dict(event_id="e1", kind="event", date_start="2020-01-02", date_end="2020-01-02",
    ...            date_precision="day", date_text="2 January", title="A visit",
    ...            actor="A delegation", responds_to="")
    >>> out = write_story(pd.DataFrame([row]), pathlib.Path(tempfile.mkdtemp()) / "story.html")
    >>> out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    True
    """
    return atomic_write(path, story_html(events, title=title, predict=predict))
