"""How extraction time grows: run-on text must not hang (issue 10, item 1).

These tests call only the public ``extract_events``, so they guard whatever engine is behind
it. Texts are invented; reference dates are pinned. The time budgets are generous (a loaded
2-core machine) and far below what the n^4 date assignment took (27 s for 6 KB, 84 s for 8 KB).
"""

from __future__ import annotations

import datetime as dt
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.documents import Document
from timeline.events import extract_events

PUB = dt.date(2031, 4, 12)
CLAUSES = (
    "the minister visited on 3 March 2030",
    "officials protested on 4 May 2030",
    "the envoy was summoned on Friday",
    "the council issued a statement on 9 June 2029",
    "Arvelia expelled two diplomats in 2028",
    "the spokesperson said on Tuesday",
)
SEPARATORS = (" and ", "; ", ", ", ".", " ")
BUDGET_SECONDS = 30.0


def _run_on(clauses: list[str], separator: str) -> Document:
    text = "Published 12 April 2031.\n" + separator.join(clauses) + "."
    return Document(doc_id="r1", text=text, published=PUB, outlet="Test Wire")


def _seconds(doc: Document) -> float:
    start = time.perf_counter()
    extract_events([doc])
    return time.perf_counter() - start


@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    clauses=st.lists(st.sampled_from(CLAUSES), min_size=150, max_size=220),
    separator=st.sampled_from(SEPARATORS),
)
def test_run_on_documents_finish_within_a_generous_budget(clauses, separator):
    doc = _run_on(clauses, separator)  # 5-9 KB in one "sentence"
    seconds = _seconds(doc)
    assert seconds < BUDGET_SECONDS, f"{len(doc.text)} characters took {seconds:.1f} s"


def _best_of(doc: Document, runs: int = 2) -> float:
    return min(_seconds(doc) for _ in range(runs))


def test_run_on_text_eight_times_longer_takes_about_eight_times_as_long():
    unit = [CLAUSES[k % len(CLAUSES)] for k in range(40)]
    small = _run_on(unit, " and ")
    large = _run_on(unit * 8, " and ")
    extract_events([small])  # warm the compiled patterns
    ratio = _best_of(large) / _best_of(small, runs=3)  # best of runs: load spikes only add
    assert ratio < 8 * 1.5, f"8x the text took {ratio:.1f}x the time (linear is 8x)"


def _dated_sentences(n: int) -> Document:
    parts = ["Published 12 April 2031.\n"]
    first = dt.date(2000, 1, 1)
    for k in range(n):
        day = first + dt.timedelta(days=3 * k)
        clause = CLAUSES[k % 5].rsplit(" on ", 1)[0].rsplit(" in ", 1)[0]
        parts.append(f"On {day.day} {day:%B} {day.year} {clause}. ")
        if k % 20 == 19:
            parts.append("\n")
    return Document(doc_id="s1", text="".join(parts), published=PUB, outlet="Test Wire")


def test_eight_times_as_many_dated_sentences_take_about_eight_times_as_long():
    small, large = _dated_sentences(80), _dated_sentences(640)
    extract_events([small])
    ratio = _best_of(large) / _best_of(small)  # the best of two on both sides: a noisy machine
    assert ratio < 8 * 1.5, f"8x the sentences took {ratio:.1f}x the time (linear is 8x)"
