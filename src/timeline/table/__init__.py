"""The events and sources tables: schema, reading, validating and writing (``timeline.table``)."""

from timeline.schema import (
    COLUMNS,
    KINDS,
    MAX_EVIDENCE_WORDS,
    PRECISIONS,
    PUBLISHER_TYPES,
    QUOTE_COLUMNS,
    SOURCE_COLUMNS,
)
from timeline.table.datapackage import datapackage, write_datapackage
from timeline.table.filter import filter_events
from timeline.table.io import (
    events_frame,
    read_events,
    read_sources,
    sort_events,
    write_events,
    write_sources,
)
from timeline.table.validate import validate_events

__all__ = [
    "COLUMNS",
    "KINDS",
    "MAX_EVIDENCE_WORDS",
    "PRECISIONS",
    "PUBLISHER_TYPES",
    "QUOTE_COLUMNS",
    "SOURCE_COLUMNS",
    "datapackage",
    "events_frame",
    "filter_events",
    "read_events",
    "read_sources",
    "sort_events",
    "validate_events",
    "write_datapackage",
    "write_events",
    "write_sources",
]
