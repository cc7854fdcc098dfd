"""Precision and recall of the extractor at several confidence thresholds, on every scored set.

python benchmarks/confidence_tradeoff.py
"""

from __future__ import annotations

import os
from pathlib import Path

from timeline import evaluate_events, extract_events, load_documents

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("TIMELINE_SHARED", ROOT.parent / "shared"))
UNSEEN = ROOT / "tests" / "data" / "events_unseen"
SETS = {
    "corpus": (SHARED / "corpus", SHARED / "gold" / "events.csv"),
    "corpus-dev": (SHARED / "corpus-dev", SHARED / "corpus-dev" / "gold_events.csv"),
    "corpus-dev2": (SHARED / "corpus-dev2", SHARED / "corpus-dev2" / "gold_events.csv"),
    "invented": (UNSEEN, UNSEEN / "gold_events.csv"),
    "invented-heldout": (UNSEEN / "heldout", UNSEEN / "heldout" / "gold_events.csv"),
    "invented-final": (UNSEEN / "final", UNSEEN / "final" / "gold_events.csv"),
}
THRESHOLDS = (0.0, 0.4, 0.5, 0.6, 0.7, 0.8)


def main() -> None:
    tables = {name: extract_events(load_documents(folder)) for name, (folder, _) in SETS.items()}
    print("| min_confidence | found | gold | rows | recall | precision |")
    print("|---|---|---|---|---|---|")
    for threshold in THRESHOLDS:
        found = gold = rows = 0
        for name, (_, gold_path) in SETS.items():
            table = tables[name]
            kept = table[table["event_id"].isin(_confident(table, threshold))]
            result = evaluate_events(kept, gold_path)
            found, gold, rows = found + result.found, gold + result.gold_total, rows + len(kept)
        print(
            f"| {threshold:.1f} | {found} | {gold} | {rows} | {found / gold:.2f} | "
            f"{found / rows if rows else 0:.2f} |"
        )


def _confident(table, threshold: float) -> set[str]:
    """Event ids whose confidence (in the notes until the table has its column) is enough."""
    if "confidence" in table.columns:
        return set(table.loc[table["confidence"] >= threshold, "event_id"])
    out = set()
    for event_id, notes in zip(table["event_id"], table["notes"].fillna(""), strict=True):
        marker = notes.split("confidence ")[-1].split(";")[0] if "confidence " in notes else "1"
        if float(marker) >= threshold:
            out.add(event_id)
    return out


if __name__ == "__main__":
    main()
