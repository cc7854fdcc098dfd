"""Guessing a publisher type from a URL's domain with a small, editable table.

The table (``publishers.csv`` in this package; a corpus may hold its own ``publishers.csv``,
read first) has one row per domain pattern: ``pattern`` matches a host's last labels, ``*``
standing for any one label (``gov.*`` matches ``www.gov.example`` and
``ministry.gov.example``: hosts whose second-to-last label is ``gov``); ``publisher_type``;
``outlet`` (may be empty); ``why``. Guesses are marked as guesses wherever they are stored.
"""

from __future__ import annotations

import csv
import io
import os
import urllib.parse
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from timeline.errors import DocumentError

TABLE = "publishers.csv"


@dataclass(frozen=True)
class Guess:
    """A publisher type (and maybe an outlet) guessed from a domain, and the table row why."""

    publisher_type: str
    outlet: str
    pattern: str
    why: str


def guess_publisher(url: str, corpus: str | os.PathLike[str] | None = None) -> Guess | None:
    """The guess for ``url``'s host, the most specific matching pattern first, or ``None``.

    >>> guess_publisher("https://www.health.gov.example/news/1").publisher_type
    'government'
    >>> guess_publisher("https://blog.example.com/post") is None
    True
    """
    host = (urllib.parse.urlsplit(url).hostname or "").lower().rstrip(".")
    if not host:
        return None
    labels = host.split(".")
    best: tuple[int, Guess] | None = None
    for row in _rows(corpus):
        parts = row.pattern.split(".")
        if len(parts) > len(labels) or not _matches(parts, labels[-len(parts) :]):
            continue
        score = 2 * len(parts) - parts.count("*")
        if best is None or score > best[0]:
            best = (score, row)
    return best[1] if best else None


def _matches(pattern: list[str], labels: list[str]) -> bool:
    return all(p in ("*", label) for p, label in zip(pattern, labels, strict=True))


def _rows(corpus: str | os.PathLike[str] | None) -> list[Guess]:
    """The corpus's own table rows (if any), then the shipped table's."""
    rows: list[Guess] = []
    if corpus is not None:
        own = Path(corpus) / TABLE
        if own.is_file():
            rows += _parse(own.read_text(encoding="utf-8-sig"), str(own))
    shipped = resources.files("timeline.sources").joinpath(TABLE)
    rows += _parse(shipped.read_text(encoding="utf-8"), "timeline/sources/publishers.csv")
    seen: set[str] = set()
    unique = []
    for row in rows:  # a corpus row overrides the shipped row of the same pattern
        if row.pattern not in seen:
            seen.add(row.pattern)
            unique.append(row)
    return unique


def _parse(text: str, where: str) -> list[Guess]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames or not {"pattern", "publisher_type"} <= set(reader.fieldnames):
        raise DocumentError(f"{where}: needs the columns pattern and publisher_type")
    out = []
    for number, row in enumerate(reader, start=2):
        pattern = (row.get("pattern") or "").strip().lower()
        kind = (row.get("publisher_type") or "").strip()
        if not pattern or not kind:
            raise DocumentError(f"{where}: row {number} needs a pattern and a publisher_type")
        out.append(Guess(kind, (row.get("outlet") or "").strip(), pattern, row.get("why") or ""))
    return out
