"""Scoring date finders the TempEval-3 way, and ``evaluate_dates``.

``score_timexes`` is TempEval-3 Task A (UzZaman et al. 2013), as ``../shared/data/README.md``
describes it, as a pure function over (system, gold) pairs:

- a system timex and a gold timex match *relaxed* when their character spans overlap; pairs
  are made greedily and one-to-one: system timexes in order of offset, each taking the
  leftmost still unpaired gold timex it overlaps;
- they match *strict* when the spans are identical (counted one-to-one);
- precision = matches / system timexes, recall = matches / gold timexes, F1 their harmonic
  mean; counts are summed over all documents before dividing (micro-average);
- value accuracy = relaxed matches whose ``value`` strings are identical / relaxed matches, and
  value F1 = value accuracy x relaxed F1; type accuracy and type F1 likewise.

All scores are fractions in [0, 1]; ``DateEvaluation.to_text`` prints them as percentages, the
way TempEval-3 results are published. The document creation time is never a gold timex.

``evaluate_dates`` scores ``timeline.find_dates`` (the reference date of each document is its
DCT) on a folder of TimeML files and, beside it, the baseline ``baseline_dates``: what
``dateparser.search_dates`` gives on the same text. search_dates returns (substring, datetime)
pairs without offsets; each substring is located by searching forward from the end of the
previous one (a substring not found there is dropped), every found date is typed ``DATE`` and
valued ``YYYY-MM-DD`` (the datetime's date), since search_dates knows no other TIMEX3 types.

``Throughput`` and ``measure_throughput`` time any tagger on the same documents the same way
(warm-up call first, ``time.perf_counter``), for ``benchmarks/bench_dates.py``.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

__all__ = [
    "DateEvaluation",
    "Matching",
    "Scores",
    "Throughput",
    "baseline_dates",
    "evaluate_dates",
    "match_timexes",
    "measure_throughput",
    "score_timexes",
]

from timeline import dates as _dates
from timeline.evaluation.timeml import TimeMLDocument, Timex, read_timeml_folder


class _Span(Protocol):
    """What the scorer needs of a timex: ``Timex`` and ``DateMention`` both qualify."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def type(self) -> str: ...
    @property
    def value(self) -> str: ...


@dataclass(frozen=True)
class Matching:
    """How a system's timexes pair with the gold ones in one document.

    ``pairs`` are (system, gold) relaxed matches; ``strict`` counts identical spans;
    ``spurious`` are system timexes left unpaired, ``missed`` gold timexes left unpaired.
    """

    pairs: tuple[tuple[_Span, _Span], ...]
    strict: int
    spurious: tuple[_Span, ...]
    missed: tuple[_Span, ...]


def match_timexes(system: Iterable[_Span], gold: Iterable[_Span]) -> Matching:
    """Pair one document's system timexes with its gold timexes, TempEval-3 style.

    System timexes are taken in order of (start, end); each is paired with the leftmost
    unpaired gold timex whose span overlaps its own (non-empty intersection). Strict matches
    are counted separately, one-to-one, over identical (start, end) spans.

    >>> g = [Timex(0, 6, "Friday", "DATE", "1998-08-07")]
    >>> s = [Timex(0, 3, "Fri", "DATE", "1998-08-07")]
    >>> m = match_timexes(s, g)
    >>> len(m.pairs), m.strict
    (1, 0)
    """
    sys_sorted = sorted(system, key=lambda t: (t.start, t.end))
    gold_sorted = sorted(gold, key=lambda t: (t.start, t.end))
    taken = [False] * len(gold_sorted)
    pairs: list[tuple[_Span, _Span]] = []
    spurious: list[_Span] = []
    for s in sys_sorted:
        for i, g in enumerate(gold_sorted):
            if not taken[i] and g.start < s.end and s.start < g.end:
                taken[i] = True
                pairs.append((s, g))
                break
        else:
            spurious.append(s)
    missed = tuple(g for i, g in enumerate(gold_sorted) if not taken[i])

    gold_spans: dict[tuple[int, int], int] = {}
    for g in gold_sorted:
        gold_spans[(g.start, g.end)] = gold_spans.get((g.start, g.end), 0) + 1
    strict = 0
    for s in sys_sorted:
        key = (s.start, s.end)
        if gold_spans.get(key, 0) > 0:
            gold_spans[key] -= 1
            strict += 1
    return Matching(tuple(pairs), strict, tuple(spurious), missed)


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Scores:
    """TempEval-3 Task A counts and scores (fractions in [0, 1]) over a set of documents.

    ``gold`` and ``system`` count timexes; ``relaxed`` and ``strict`` count matches;
    ``value_correct`` and ``type_correct`` count relaxed matches with an identical value/type.
    A ratio with a zero denominator is 0.0.
    """

    documents: int
    gold: int
    system: int
    relaxed: int
    strict: int
    value_correct: int
    type_correct: int

    @property
    def relaxed_p(self) -> float:
        return _ratio(self.relaxed, self.system)

    @property
    def relaxed_r(self) -> float:
        return _ratio(self.relaxed, self.gold)

    @property
    def relaxed_f1(self) -> float:
        return _f1(self.relaxed_p, self.relaxed_r)

    @property
    def strict_p(self) -> float:
        return _ratio(self.strict, self.system)

    @property
    def strict_r(self) -> float:
        return _ratio(self.strict, self.gold)

    @property
    def strict_f1(self) -> float:
        return _f1(self.strict_p, self.strict_r)

    @property
    def value_accuracy(self) -> float:
        return _ratio(self.value_correct, self.relaxed)

    @property
    def value_f1(self) -> float:
        return self.value_accuracy * self.relaxed_f1

    @property
    def type_accuracy(self) -> float:
        return _ratio(self.type_correct, self.relaxed)

    @property
    def type_f1(self) -> float:
        return self.type_accuracy * self.relaxed_f1


def score_timexes(documents: Iterable[tuple[Iterable[_Span], Iterable[_Span]]]) -> Scores:
    """Score (system, gold) timexes per document the TempEval-3 Task A way (micro-averaged).

    Args:
        documents: one ``(system_timexes, gold_timexes)`` pair per document; a timex is
            anything with ``start``, ``end``, ``type`` and ``value`` (``Timex``,
            ``timeline.DateMention``).

    Returns:
        The summed counts, with precision, recall, F1, value and type F1 as properties.

    >>> g = [Timex(0, 6, "Friday", "DATE", "1998-08-07")]
    >>> s = [Timex(0, 6, "Friday", "DATE", "1998-07-31")]
    >>> sc = score_timexes([(s, g)])
    >>> sc.relaxed_f1, sc.strict_f1, sc.value_f1, sc.type_f1
    (1.0, 1.0, 0.0, 1.0)
    """
    n_docs = n_gold = n_sys = relaxed = strict = value_ok = type_ok = 0
    for system, gold in documents:
        system, gold = list(system), list(gold)
        m = match_timexes(system, gold)
        n_docs += 1
        n_gold += len(gold)
        n_sys += len(system)
        relaxed += len(m.pairs)
        strict += m.strict
        value_ok += sum(1 for s, g in m.pairs if s.value == g.value)
        type_ok += sum(1 for s, g in m.pairs if s.type == g.type)
    return Scores(n_docs, n_gold, n_sys, relaxed, strict, value_ok, type_ok)


def baseline_dates(text: str, reference: dt.date) -> list[Timex]:
    """What ``dateparser.search_dates`` finds in ``text``, as ``Timex`` records with offsets.

    Settings: ``languages=["en"]``, ``RELATIVE_BASE`` = ``reference`` at midnight,
    ``PREFER_DATES_FROM="past"``. Each returned substring is located by searching forward
    from the end of the previous one (one not found is dropped); type ``DATE``, value the
    found datetime as ``YYYY-MM-DD``.

    >>> baseline_dates("It rained on 3 March 1998.", dt.date(1998, 3, 9))
    [Timex(start=10, end=25, text='on 3 March 1998', type='DATE', value='1998-03-03', tid='')]
    """
    from dateparser.search import search_dates  # lazily: only the baseline needs dateparser

    base = dt.datetime(reference.year, reference.month, reference.day)
    found = search_dates(
        text, languages=["en"], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
    )
    return _locate(text, found or ())


def _locate(text: str, found: Iterable[tuple[str, dt.datetime]]) -> list[Timex]:
    """Give search_dates' (substring, datetime) pairs offsets, searching forward in order."""
    out: list[Timex] = []
    pos = 0
    for surface, when in found:
        start = text.find(surface, pos) if surface else -1
        if start < 0:
            continue
        end = start + len(surface)
        out.append(Timex(start, end, surface, "DATE", when.date().isoformat()))
        pos = end
    return out


def _find_dates_tagger(anchor: str) -> Callable[[str, dt.date], Sequence[_Span]]:
    def tag(text: str, reference: dt.date) -> Sequence[_Span]:
        # looked up on the package at each call, so a caller can substitute find_dates
        return _dates.find_dates(text, reference, anchor=anchor)

    return tag


@dataclass(frozen=True)
class DateEvaluation:
    """``find_dates`` (``scores``) and the dateparser baseline scored on a TimeML folder.

    ``baseline`` is ``None`` when it was not run.
    """

    folder: str
    anchor: str
    scores: Scores
    baseline: Scores | None = None

    @property
    def documents(self) -> int:
        return self.scores.documents

    @property
    def gold(self) -> int:
        return self.scores.gold

    def to_text(self) -> str:
        """A readable table of the scores in percent, one row per tagger."""
        head = (
            f"TempEval-3 Task A on {self.documents} TimeML documents in {self.folder}\n"
            f"gold TIMEX3: {self.gold} (creation times excluded); anchor: {self.anchor}\n\n"
        )
        cols = ("system", "rel P", "rel R", "rel F1", "str P", "str R", "str F1")
        cols += ("value acc", "value F1", "type F1")
        width = 24
        lines = [f"{'tagger':<{width}}" + "".join(f"{c:>10}" for c in cols)]
        rows = [("find_dates", self.scores)]
        if self.baseline is not None:
            rows.append(("dateparser.search_dates", self.baseline))
        for label, s in rows:
            pct = (s.relaxed_p, s.relaxed_r, s.relaxed_f1, s.strict_p, s.strict_r, s.strict_f1)
            pct += (s.value_accuracy, s.value_f1, s.type_f1)
            lines.append(
                f"{label:<{width}}{s.system:>10}" + "".join(f"{100 * x:>10.2f}" for x in pct)
            )
        return head + "\n".join(lines) + "\n"


def evaluate_dates(
    folder: str | os.PathLike[str], *, anchor: str = "news", baseline: bool = True
) -> DateEvaluation:
    """Score ``find_dates`` (and the dateparser baseline) on every ``*.tml`` under ``folder``.

    Each document's reference date is its DCT; ``anchor`` is passed to ``find_dates`` (the
    baseline has no such notion and always resolves against the DCT).

    Args:
        folder: a folder searched recursively for TimeML files.
        anchor: ``"news"`` (relative expressions resolve against the DCT) or
            ``"narrative"`` (against the last absolute date mentioned).
        baseline: also score ``dateparser.search_dates`` (slow: minutes on all of TBAQ).

    Raises:
        DocumentError: the folder is missing or holds no ``.tml`` file, or a file is not
            valid TimeML.
        ValueError: ``anchor`` is not one of the choices.

    Example (not run by the tests: it needs files outside the package)::

        ev = evaluate_dates("../shared/data/tempeval3/train", baseline=False)
        print(ev.to_text())
    """
    if anchor not in ("news", "narrative"):
        raise ValueError(f"anchor must be 'news' or 'narrative', not {anchor!r}")
    docs = read_timeml_folder(folder)
    tag = _find_dates_tagger(anchor)
    scores = score_timexes((tag(d.text, d.dct), d.timexes) for d in docs)
    base = None
    if baseline:
        base = score_timexes((baseline_dates(d.text, d.dct), d.timexes) for d in docs)
    return DateEvaluation(str(folder), anchor, scores, base)


@dataclass(frozen=True)
class Throughput:
    """How fast a tagger went over some documents: characters, seconds, chars per second."""

    documents: int
    characters: int
    seconds: float

    @property
    def chars_per_second(self) -> float:
        return self.characters / self.seconds if self.seconds > 0 else float("inf")


def measure_throughput(
    tag: Callable[[str, dt.date], object],
    documents: Sequence[TimeMLDocument],
    *,
    warmup: bool = True,
    repeat: int = 1,
) -> Throughput:
    """Time ``tag(text, dct)`` over ``documents``, the same way for every tagger compared.

    A warm-up call on the first document (not timed) keeps one-off costs such as imports,
    compiled patterns and caches out of the figure; then every document is tagged once, in
    order, summing wall time with ``time.perf_counter``. With ``repeat`` > 1 the whole pass
    is run that many times and the fastest pass is kept (as ``timeit`` advises: slower passes
    measure other load on the machine, not the tagger).

    >>> measure_throughput(lambda text, ref: [], [])
    Throughput(documents=0, characters=0, seconds=0.0)
    """
    if repeat < 1:
        raise ValueError(f"repeat must be at least 1, not {repeat}")
    if warmup and documents:
        tag(documents[0].text, documents[0].dct)
    best = float("inf")
    for _ in range(repeat):
        seconds = 0.0
        for d in documents:
            t0 = time.perf_counter()
            tag(d.text, d.dct)
            seconds += time.perf_counter() - t0
        best = min(best, seconds)
    return Throughput(len(documents), sum(len(d.text) for d in documents), best)
