"""Extraction at scale: serial, --jobs 2 and Dask (LocalCluster, 2 workers) on one generated corpus.

Usage: python benchmarks/bench_scale.py [SIZE ...] [--shared FOLDER] [--workers N] [--keep DIR]

SIZE are corpus sizes in documents (default 1000 10000). The largest size is run three ways,
the others serially only, to show how time grows with the corpus:

- serial: ``extract_events(load_documents(folder))``, reading included;
- ``jobs=2``: the same with a process pool of two workers;
- Dask: ``extract_events(folder, scheduler=client)`` on a ``LocalCluster`` of two single-threaded
  worker processes started beforehand (start-up timed apart); the workers read the texts.

For each it prints documents per second, the split between the per-document step and the
merge across documents (which runs on one core in every mode), and the ratio to the serial
run measured in the same invocation. For Dask it also prints each worker's peak resident
memory and the client's. The growth line divides the serial time at the largest size by the
time at the smallest: about SIZE ratio means linear.

The corpus is made from the shared texts only, no new prose: ``../shared/corpus*`` (with
their manifests' publication dates and outlets) and the TempEval-3 TBAQ news texts (with their
creation dates). Document ``i`` is the paragraphs of one source text, shuffled, followed
(every other document) by the shuffled paragraphs of a second source; it gets the first
source's publication date. The generator is seeded, so every run reads the same corpus.
Not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import resource
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from timeline.documents import load_documents
from timeline.evaluation.timeml import read_timeml_folder
from timeline.events import pipeline

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = ROOT.parent / "shared"
SEED = 20261202


@dataclass(frozen=True)
class _Source:
    text: str
    published: str
    outlet: str
    publisher_type: str


def _sources(shared: Path) -> list[_Source]:
    """Every shared text with what its manifest (or TimeML creation date) says of it."""
    out = []
    for folder in sorted(shared.glob("corpus*")):
        for doc in load_documents(folder):
            published = doc.published.isoformat() if doc.published else ""
            out.append(_Source(doc.text, published, doc.outlet, doc.publisher_type))
    for doc in read_timeml_folder(shared / "data" / "tempeval3" / "train"):
        out.append(_Source(doc.text, doc.dct.isoformat(), "", ""))
    return out


def _paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n\n") if p.strip()] or [text]


def write_corpus(sources: list[_Source], size: int, folder: Path) -> Path:
    """Write ``size`` documents and their manifest into ``folder``; return the folder."""
    rng = random.Random(SEED)
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    for i in range(size):
        first = sources[rng.randrange(len(sources))]
        parts = _paragraphs(first.text)
        rng.shuffle(parts)
        if i % 2:
            more = _paragraphs(sources[rng.randrange(len(sources))].text)
            rng.shuffle(more)
            parts += more
        name = f"g{i:07d}.txt"
        (folder / name).write_text("\n\n".join(parts) + "\n", encoding="utf-8")
        rows.append([f"g{i:07d}", name, first.outlet, first.publisher_type, first.published, "en"])
    with (folder / "manifest.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["doc_id", "file", "outlet", "publisher_type", "published", "language"])
        writer.writerows(rows)
    return folder


def _serial(folder: Path, jobs: int) -> tuple[pd.DataFrame, dict[str, float]]:
    """Extract with ``jobs`` local processes; times of reading, per-document step, merge."""
    t0 = time.perf_counter()
    docs = load_documents(folder)
    t1 = time.perf_counter()
    per_doc = pipeline.map_documents(docs, jobs=jobs, progress=False)
    t2 = time.perf_counter()
    table = pipeline.candidates_table(docs, per_doc)
    t3 = time.perf_counter()
    return table, {"read": t1 - t0, "per_doc": t2 - t1, "merge": t3 - t2, "total": t3 - t0}


def _dask(folder: Path, client: object) -> tuple[pd.DataFrame, dict[str, float]]:
    """Extract on the cluster, the workers reading the texts; per-document step and merge."""
    from timeline import distributed

    t0 = time.perf_counter()
    docs, per_doc = distributed.map_corpus(
        pipeline.document_candidates, folder, scheduler=client, progress=False
    )
    t1 = time.perf_counter()
    table = pipeline.candidates_table(docs, per_doc)
    t2 = time.perf_counter()
    return table, {"read": 0.0, "per_doc": t1 - t0, "merge": t2 - t1, "total": t2 - t0}


def _peak_rss_mb() -> float:
    """This process's peak resident memory in MB.

    Linux's ``VmHWM`` where there is one: ``ru_maxrss`` survives ``exec``, so a worker
    spawned from the client would report the client's peak.
    """
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _line(name: str, size: int, times: dict[str, float], baseline: float) -> str:
    return (
        f"{name:<22} {size:>7} docs {times['total']:8.1f} s {size / times['total']:8.1f} docs/s"
        f"  (read {times['read']:.1f} s, per document {times['per_doc']:.1f} s,"
        f" merge {times['merge']:.1f} s)  speed-up x{baseline / times['total']:.2f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10000])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep", type=Path, default=None, help="write the corpora here")
    args = parser.parse_args(argv)
    if not (args.shared / "corpus").is_dir():
        print(f"bench_scale: {args.shared}/corpus is missing", file=sys.stderr)
        return 1
    sizes = sorted(set(args.sizes))
    sources = _sources(args.shared)
    print(f"corpus generated from {len(sources)} shared texts; sizes {sizes}")
    print(f"load average at the start: {os.getloadavg()}, on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmp:
        base = args.keep or Path(tmp)
        serial_times = {}
        for size in sizes:
            folder = write_corpus(sources, size, base / f"corpus-{size}")
            table, times = _serial(folder, 1)
            serial_times[size] = times["total"]
            print(_line("serial", size, times, times["total"]), flush=True)
        largest = sizes[-1]
        folder = base / f"corpus-{largest}"
        baseline = serial_times[largest]
        serial_table = table  # the largest size's, run last
        jobs_table, times = _serial(folder, args.workers)
        print(_line(f"jobs={args.workers}", largest, times, baseline), flush=True)
        _run_dask(folder, largest, args.workers, baseline, serial_table)
        assert jobs_table.equals(serial_table), "jobs=2 differs from the serial table"
        if len(sizes) > 1:
            small = sizes[0]
            print(
                f"growth: serial time x{serial_times[largest] / serial_times[small]:.1f} "
                f"for x{largest / small:.0f} documents ({small} -> {largest})"
            )
    print(f"client peak memory (this process) {_peak_rss_mb():.0f} MB")
    print(f"load average at the end (1, 5, 15 min): {os.getloadavg()}, on {os.cpu_count()} cores")
    return 0


def _run_dask(folder: Path, size: int, workers: int, baseline: float, serial: pd.DataFrame):
    from dask.distributed import Client, LocalCluster

    t0 = time.perf_counter()
    with (
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",  # any free port: 8787 may be taken
        ) as cluster,
        Client(cluster) as client,
    ):
        started = time.perf_counter() - t0
        table, times = _dask(folder, client)
        print(_line(f"dask LocalCluster x{workers}", size, times, baseline), flush=True)
        print(f"  cluster start-up {started:.1f} s (not in the time above)")
        peaks = client.run(_peak_rss_mb)
        for address, peak in sorted(peaks.items()):
            print(f"  worker {address}: peak memory {peak:.0f} MB")
    assert table.equals(serial), "the Dask table differs from the serial table"
    print(f"  tables identical to the serial run: {len(serial)} rows")


if __name__ == "__main__":
    sys.exit(main())
