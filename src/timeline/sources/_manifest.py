"""The corpus manifest as ``timeline add`` reads and rewrites it: every row and column kept.

Columns: the ones ``load_documents`` reads (``BASE_COLUMNS``), then what ``timeline add``
records about each source (``SOURCE_COLUMNS``); any other column a user added is kept in place.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from timeline._io import atomic_write
from timeline.errors import DocumentError
from timeline.schema import TEXT_SUFFIXES

MANIFEST = "manifest.csv"
RAW = "raw"
BASE_COLUMNS = (
    "doc_id",
    "file",
    "title",
    "outlet",
    "publisher_type",
    "published",
    "language",
    "url",
)
SOURCE_COLUMNS = (
    "author",
    "published_source",
    "publisher_type_source",
    "field_sources",
    "source",
    "raw",
    "sha256",
    "fetched",
    "media_type",
    "pages",
)


def read_manifest(root: Path) -> tuple[list[str], list[dict[str, str]]]:
    """The manifest's header and rows; a folder of bare text files gets rows for them.

    A folder without ``manifest.csv`` but with ``.txt`` files (a bare corpus) gets one row per
    file, so that writing the first manifest does not hide them from ``load_documents``.
    """
    manifest = root / MANIFEST
    if not manifest.exists():
        bare = (
            sorted(p for p in root.glob("*") if p.suffix.lower() in TEXT_SUFFIXES)
            if root.is_dir()
            else []
        )
        rows = [dict.fromkeys(BASE_COLUMNS, "") | {"doc_id": p.stem, "file": p.name} for p in bare]
        return list(BASE_COLUMNS), rows
    text = manifest.read_text(encoding="utf-8-sig")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        table = [r for r in reader if any(c.strip() for c in r)]
    except csv.Error as exc:
        raise DocumentError(f"{manifest}: malformed CSV ({exc}); fix it before adding") from exc
    if not table:
        return list(BASE_COLUMNS), []
    header = [c.strip() for c in table[0]]
    rows = []
    for number, cells in enumerate(table[1:], start=2):
        if len(cells) != len(header):
            raise DocumentError(
                f"{manifest}: row {number} has {len(cells)} fields, the header has {len(header)}; "
                "fix it before adding"
            )
        rows.append(dict(zip(header, cells, strict=True)))
    return header, rows


def write_manifest(root: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    """Write the manifest atomically: the old columns first, new ones after, rows as given."""
    columns = list(header) + [c for c in (*BASE_COLUMNS, *SOURCE_COLUMNS) if c not in header]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row.get(c, "") for c in columns])
    atomic_write(root / MANIFEST, buffer.getvalue())
