"""Keypress to next candidate in the review card, with a 200-candidate queue, in a live JupyterLab.

Usage: python benchmarks/bench_review.py [--accepts N] [--rejects N] [--skips N] [--pings N]

Starts JupyterLab (tests/livelab.py: 127.0.0.1, random port and token, a temporary root),
writes a notebook there that invents 40 documents with 5 dated events each (200 candidates,
no corpus needed) and opens ``review_candidates`` on them, runs it from the Run menu in the
system Chromium, then presses keys on the card. The time of each press is measured in the
page from the ``keydown`` event: "shown" when the card shows the next candidate (its
``data-key`` changes: at once for accept, reject and skip, which the card shows before the kernel
answers), "kernel done" when the kernel's answer has arrived and is shown (``data-serial``
changes: the write is done and confirmed). Between presses the page waits until the chart is
redrawn and the kernel is idle, as when a person reads the next card.

The baseline, measured in the same run, is the kernel round trip that writes nothing and shows
the same candidate again: ``U`` with nothing to undo. Printed: median, 95th percentile and
maximum of both times for each action, and the ratio of "kernel done" to the baseline's
median. The target is under 300 ms to the next candidate shown. Not a test: nothing here
asserts a time.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from livelab import chromium, open_notebook, run_all, running_lab  # noqa: E402

NOTEBOOK = "bench-review.ipynb"
SETUP = """
from pathlib import Path

import timeline
from timeline import Document, events_frame

CATEGORIES = ["visit", "letter", "statement", "meeting", "report"]
docs, rows = [], []
for d in range(40):
    sentences, spans = [], []
    for e in range(5):
        day = 1 + (d * 5 + e) % 28
        phrase = f"on {day} March 2031"
        sentence = f"The council of Town {d} held a {CATEGORIES[e]} {phrase}, officials said."
        start = sum(len(s) + 1 for s in sentences) + sentence.index(phrase)
        sentences.append(sentence)
        spans.append((CATEGORIES[e], day, phrase, start))
    doc_id = f"town{d:02d}"
    docs.append(Document(doc_id=doc_id, text=" ".join(sentences), outlet="Invented Gazette",
                         publisher_type="news media", published_text="2031-03-30"))
    for category, day, phrase, start in spans:
        rows.append({"event_id": f"{category}-{doc_id}-{day}", "kind": "event",
                     "category": category, "title": f"Town {d} holds a {category}",
                     "actor": f"The council of Town {d}", "date_start": f"2031-03-{day:02d}",
                     "date_end": f"2031-03-{day:02d}", "date_precision": "day",
                     "date_text": phrase, "sources": doc_id, "evidence": phrase,
                     "evidence_start": start, "evidence_end": start + len(phrase),
                     "reviewed": False})
candidates = events_frame(rows).assign(confidence=[(i * 37 % 100) / 100 for i in range(200)])
review = timeline.review_candidates(candidates, Path("../build/bench/events.csv"), documents=docs)
review
"""
PROBE = """() => {
    const card = document.querySelector('.tlr-card');
    window.__bench = {down: null, shown: null, times: []};
    card.addEventListener('keydown', () => {
        window.__bench.down = performance.now();
        window.__bench.shown = null;
    }, true);
    new MutationObserver((records) => {
        const bench = window.__bench;
        if (bench.down === null) return;
        const now = performance.now() - bench.down;
        if (records.some(r => r.attributeName === 'data-key') && bench.shown === null) {
            bench.shown = now;
        }
        if (records.some(r => r.attributeName === 'data-serial')) {
            bench.times.push([bench.shown === null ? now : bench.shown, now]);
            bench.down = null;
        }
    }).observe(card, {attributes: true, attributeFilter: ['data-serial', 'data-key']});
}"""
SETTLED = """() => {
    const indicator = document.querySelector('.jp-Notebook-ExecutionIndicator');
    return window.__bench.down === null && indicator.getAttribute('data-status') === 'idle';
}"""


def _notebook() -> str:
    cell = {"cell_type": "code", "execution_count": None, "id": "bench", "metadata": {}}
    cell.update(outputs=[], source=SETUP.strip())
    return json.dumps(
        {
            "cells": [cell],
            "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3"}},
            "nbformat": 4,
            "nbformat_minor": 5,
        }
    )


def _press(page, key: str, times: list[list[float]]) -> None:
    before = page.evaluate("() => window.__bench.times.length")
    page.keyboard.press(key)
    page.wait_for_function(f"() => window.__bench.times.length > {before}", timeout=30_000)
    page.wait_for_function(SETTLED, timeout=30_000)
    time.sleep(0.15)
    times.append(page.evaluate("() => window.__bench.times.at(-1)"))


def _stats(times: list[float]) -> tuple[float, float, float]:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95, ordered[-1]


def _summary(name: str, times: list[list[float]], baseline: float) -> str:
    shown = _stats([t[0] for t in times])
    confirmed = _stats([t[1] for t in times])
    return (
        f"{name:<30} n={len(times):>3}  shown: median {shown[0]:6.1f} p95 {shown[1]:6.1f} "
        f"max {shown[2]:6.1f} ms  |  kernel done: median {confirmed[0]:6.1f} p95 "
        f"{confirmed[1]:6.1f} max {confirmed[2]:6.1f} ms  (x{confirmed[0] / baseline:.2f})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accepts", type=int, default=40)
    parser.add_argument("--rejects", type=int, default=20)
    parser.add_argument("--skips", type=int, default=20)
    parser.add_argument("--pings", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, running_lab(Path(tmp)) as lab, chromium() as chrome:
        (lab.root / "notebooks" / NOTEBOOK).write_text(_notebook(), encoding="utf-8")
        page = chrome.new_page(viewport={"width": 1280, "height": 1000})
        open_notebook(page, lab, NOTEBOOK)
        run_all(page)
        page.wait_for_selector(".tlr-card")
        assert page.locator(".tlr-progress").text_content().startswith("0 of 200 reviewed")
        page.evaluate(PROBE)
        page.locator(".tlr-heading").click()
        results: dict[str, list[list[float]]] = {"baseline (U, nothing to undo)": []}
        for _ in range(args.pings):
            _press(page, "u", results["baseline (U, nothing to undo)"])
        plan = ["a"] * args.accepts + ["r"] * args.rejects + ["s"] * args.skips
        plan = [plan[i] for i in sorted(range(len(plan)), key=lambda i: (i * 7919) % len(plan))]
        names = {"a": "accept (A), table grows", "r": "reject (R)", "s": "skip (S)"}
        for key in plan:
            _press(page, key, results.setdefault(names[key], []))
        for _ in range(10):
            _press(page, "u", results.setdefault("undo (U)", []))
        progress = page.locator(".tlr-progress").text_content()
    baseline = statistics.median(t[1] for t in results["baseline (U, nothing to undo)"])
    print(f"review card, 200-candidate queue, keypress to next candidate shown ({progress})")
    for name, times in results.items():
        print(_summary(name, times, baseline))
    return 0


if __name__ == "__main__":
    sys.exit(main())
