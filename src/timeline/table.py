"""The events-table schema, declared once; validation; CSV read and write.

(Skeleton: the schema constants are final; the functions are being written.)
"""

from __future__ import annotations

COLUMNS: tuple[str, ...] = (
    "event_id",
    "kind",
    "category",
    "date_start",
    "date_end",
    "date_precision",
    "date_text",
    "title",
    "actor",
    "responds_to",
    "sources",
    "source_url",
    "outlet",
    "publisher_type",
    "evidence",
    "evidence_start",
    "evidence_end",
    "reviewed",
    "notes",
)
KINDS: tuple[str, ...] = ("event", "response")
PRECISIONS: tuple[str, ...] = ("day", "month", "year", "approximate", "before", "after")
PUBLISHER_TYPES: tuple[str, ...] = (
    "state media",
    "government",
    "intergovernmental",
    "news media",
    "NGO",
)


def read_events(path):
    raise NotImplementedError


def validate_events(df, *, corpus=None):
    raise NotImplementedError


def write_events(df, path):
    raise NotImplementedError
