"""Score the extractor on the shared corpora: recall, precision, right actor, links, per set.

python benchmarks/score_events.py [SET ...]   (default: corpus corpus-dev corpus-dev2)
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from timeline import evaluate_events, extract_events, load_documents

SHARED = Path(
    os.environ.get(
        "TIMELINE_SHARED",
        "/work/shared" if False else Path(__file__).resolve().parents[1].parent / "shared",
    )
)
GOLD = {"corpus": SHARED / "gold" / "events.csv"}


def main(names: list[str]) -> None:
    for name in names or ["corpus", "corpus-dev", "corpus-dev2"]:
        folder = SHARED / name
        gold = GOLD.get(name, folder / "gold_events.csv")
        docs = load_documents(folder)
        started = time.perf_counter()
        table = extract_events(docs)
        took = time.perf_counter() - started
        result = evaluate_events(table, gold)
        print(f"== {name}: {len(docs)} documents in {took:.1f} s ({len(docs) / took:.1f} docs/s)")
        print(result.to_text())


if __name__ == "__main__":
    main(sys.argv[1:])
