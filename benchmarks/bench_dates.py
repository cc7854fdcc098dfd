"""Speed of timeline.find_dates against dateparser.search_dates on the same TempEval-3 texts.

Usage: python benchmarks/bench_dates.py [DATA_FOLDER] [--subset N] [--subset-only] [--repeat N]

DATA_FOLDER defaults to ../shared/data/tempeval3/train beside the repository. Prints characters
per second of both taggers on the same fixed subset (N documents at even steps through the
sorted list, default 20) and on every document (dateparser with languages=["en"] takes a few
seconds on all of TBAQ; --subset-only skips that), their ratios (the target is at least 20x;
the all-documents one is the headline, a subset's speed depends on which documents it holds),
and a linear-scaling check: find_dates on 1 MB and 5 MB of concatenated TBAQ text, whose time
ratio should be about 5 (no catastrophic backtracking).

Both taggers are timed by ``timeline.evaluation.dates.measure_throughput``: one untimed
warm-up call, then each document once with ``time.perf_counter``; the fastest of ``--repeat``
passes is kept (3 by default; the 5 MB run gets one fewer). The baseline is ``baseline_dates``, i.e.
``search_dates(text, languages=["en"], settings={"RELATIVE_BASE": dct, "PREFER_DATES_FROM":
"past"})`` plus locating each substring (negligible). Not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

from timeline.dates import find_dates
from timeline.evaluation.dates import baseline_dates, measure_throughput
from timeline.evaluation.timeml import TimeMLDocument, read_timeml_folder

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "tempeval3" / "train"
REFERENCE = dt.date(1998, 3, 1)  # pinned reference for the concatenated-text runs


def _find_dates(text: str, reference: dt.date) -> object:
    return find_dates(text, reference)


def _spread(docs: tuple[TimeMLDocument, ...], n: int) -> tuple[TimeMLDocument, ...]:
    """``n`` documents taken at even steps through ``docs`` (both corpora, not just the first)."""
    if n >= len(docs):
        return docs
    return tuple(docs[i * len(docs) // n] for i in range(n))


def _concatenated(docs: tuple[TimeMLDocument, ...], size: int) -> str:
    """``size`` characters of the corpus texts joined by blank lines, repeated as needed."""
    unit = "\n\n".join(d.text for d in docs)
    return (unit * (size // len(unit) + 1))[:size]


def _time_best(text: str, repeat: int) -> float:
    """The fastest of ``repeat`` runs of find_dates on ``text``, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        find_dates(text, REFERENCE)
        best = min(best, time.perf_counter() - t0)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument(
        "--subset", type=int, default=20, help="documents timed with both taggers (0: all)"
    )
    parser.add_argument(
        "--subset-only",
        action="store_true",
        help="time dateparser on the subset only, not on every document",
    )
    parser.add_argument(
        "--repeat", type=int, default=3, help="passes per measurement; the fastest is kept"
    )
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(
            f"bench_dates: no TimeML data folder at {args.data}; pass the TempEval-3 'train' "
            "folder (TimeBank + AQUAINT) as the first argument",
            file=sys.stderr,
        )
        return 2
    docs = read_timeml_folder(args.data)
    subset = _spread(docs, args.subset) if args.subset > 0 else docs
    print(f"{len(docs)} TimeML documents, {sum(len(d.text) for d in docs):,} characters")
    print(
        f"subset: {len(subset)} documents spread evenly over the sorted list, "
        f"{sum(len(d.text) for d in subset):,} characters\n"
    )

    rep = args.repeat
    ours_sub = measure_throughput(_find_dates, subset, repeat=rep)
    base_sub = measure_throughput(baseline_dates, subset, repeat=rep)
    ours_all = measure_throughput(_find_dates, docs, repeat=rep)
    rows = [
        ("find_dates, subset", ours_sub),
        ("dateparser.search_dates, subset", base_sub),
        ("find_dates, all documents", ours_all),
    ]
    base_all = None
    if not args.subset_only:
        base_all = measure_throughput(baseline_dates, docs, repeat=rep)
        rows.append(("dateparser.search_dates, all", base_all))
    for label, tp in rows:
        print(f"{label:<34}{tp.chars_per_second:>14,.0f} chars/s  ({tp.seconds:.3f} s)")
    print()
    pairs = [("the same subset", ours_sub, base_sub)]
    if base_all is not None:
        pairs.append(("all documents", ours_all, base_all))
    for label, ours, base in pairs:
        ratio = ours.chars_per_second / base.chars_per_second
        verdict = "meets" if ratio >= 20 else "misses"
        print(f"speed-up on {label}: {ratio:.1f}x ({verdict} the 20x target)")

    small, large = _concatenated(docs, 1_000_000), _concatenated(docs, 5_000_000)
    _time_best(small[:10_000], 1)  # warm-up
    t_small, t_large = _time_best(small, rep), _time_best(large, max(1, rep - 1))
    print(
        f"\nlinear scaling: 1 MB in {t_small:.2f} s, 5 MB in {t_large:.2f} s, "
        f"ratio {t_large / t_small:.2f} (about 5 is linear)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
