"""The schema of the events and sources tables, declared once: columns, vocabularies, fields.

``COLUMNS`` and ``SOURCE_COLUMNS`` name the columns in file order; ``EVENT_FIELDS`` and
``SOURCE_FIELDS`` hold one ``Field`` per column (type, whether required, allowed values or
pattern), from which ``timeline.table`` derives the dtypes, the cell parser, the checks and the
Data Package descriptor. This module imports nothing from the package, so any step may read
it (``documents`` checks a doc id with ``ID_PATTERN``, ``events`` caps evidence at
``MAX_EVIDENCE_WORDS``, the views order kinds and publisher types by ``KINDS`` and
``PUBLISHER_TYPES``).
"""

from __future__ import annotations

from dataclasses import dataclass

#: Days a response may be dated before what it answers: sources in other time zones (a capital
#: eight hours behind condemns on the 1st a detention made on the 2nd where it happened). The
#: validator allows it and the linker links across it.
RESPONSE_GRACE_DAYS = 1

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
TEXT_SUFFIXES: tuple[str, ...] = (".txt", ".md", ".html", ".htm", ".pdf")
"""The file types a corpus folder may hold (``load_documents`` reads each directly)."""
QUOTE_COLUMNS: tuple[str, ...] = ("evidence_prefix", "evidence_suffix")
"""Optional columns of the events table: the evidence quote's context (not in ``COLUMNS``)."""
SOURCE_COLUMNS: tuple[str, ...] = (
    "doc_id",
    "outlet",
    "publisher_type",
    "published",
    "url",
    "title",
)

MAX_EVIDENCE_WORDS = 25
"""The longest evidence quotation allowed, in whitespace-separated words."""

ID_PATTERN = r"[A-Za-z0-9][A-Za-z0-9._-]*"
"""A doc id or event id: letters, digits, '.', '_' and '-', starting with a letter or digit."""
URL_PATTERN = r"https?://[^\s]+"
ISO_DATE = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
ISO_DATETIME = ISO_DATE + r"(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?(Z|[+-][0-9]{2}:[0-9]{2})?)?"


@dataclass(frozen=True)
class Field:
    """One column of a table: its name, value type and constraints."""

    name: str
    type: str  # "string", "date", "integer" or "boolean"
    description: str
    required: bool = False
    enum: tuple[str, ...] | None = None
    pattern: str | None = None  # must match the whole value
    allowed: str = ""  # what the pattern allows, in words, for messages
    minimum: int | None = None
    optional_column: bool = False  # may be absent from a file or frame


DTYPES: dict[str, str] = {
    "string": "string[python]",  # not pyarrow's storage, which cannot hold a lone surrogate
    "date": "datetime64[s]",
    "integer": "Int64",
    "boolean": "boolean",
}

EVENT_FIELDS: tuple[Field, ...] = (
    Field(
        "event_id",
        "string",
        "Stable slug naming the event, unique in the table.",
        required=True,
        pattern=ID_PATTERN,
        allowed="a slug of letters, digits, '.', '_' and '-' starting with a letter or digit",
    ),
    Field(
        "kind", "string", "'event' (an action) or 'response' (an official reaction).", True, KINDS
    ),
    Field(
        "category",
        "string",
        "What sort of event: visit, letter, report, statement, press briefing, ...",
        required=True,
    ),
    Field(
        "date_start",
        "date",
        "First day of the event (ISO 8601); empty when only an upper bound is known.",
    ),
    Field(
        "date_end",
        "date",
        "Last day of the event (ISO 8601); empty when only a lower bound is known.",
    ),
    Field(
        "date_precision",
        "string",
        "How exact the dates are: day, month, year, approximate, before, after.",
        True,
        PRECISIONS,
    ),
    Field("date_text", "string", "The date as the source writes it."),
    Field("title", "string", "Neutral paraphrase of the event in our own words.", required=True),
    Field("actor", "string", "Who acted, with their role."),
    Field("responds_to", "string", "event_id of the event this row answers or reacts to."),
    Field(
        "sources",
        "string",
        "Doc ids of the documents reporting the event, ';'-separated, primary first.",
        required=True,
        pattern=rf"{ID_PATTERN}(;{ID_PATTERN})*",
        allowed="doc ids separated by ';' without spaces",
    ),
    Field(
        "source_url",
        "string",
        "URL of the primary source.",
        pattern=URL_PATTERN,
        allowed="an http:// or https:// URL without spaces",
    ),
    Field("outlet", "string", "Who published the primary source."),
    Field(
        "publisher_type",
        "string",
        "What sort of publisher the outlet is: an open vocabulary; suggested values: "
        + ", ".join(PUBLISHER_TYPES)
        + "; 'unknown' when not known.",
    ),
    Field(
        "evidence",
        "string",
        f"Verbatim phrase of at most {MAX_EVIDENCE_WORDS} words from the primary source that "
        "carries the date.",
    ),
    Field(
        "evidence_start",
        "integer",
        "Character offset where evidence starts in the primary source's text.",
        minimum=0,
    ),
    Field(
        "evidence_end",
        "integer",
        "Character offset where evidence ends in the primary source's text (exclusive).",
        minimum=0,
    ),
    Field(
        "evidence_prefix",
        "string",
        "Optional column: the text just before the evidence in the primary source "
        "(W3C TextQuoteSelector prefix), to find the quote again when offsets drift.",
        optional_column=True,
    ),
    Field(
        "evidence_suffix",
        "string",
        "Optional column: the text just after the evidence in the primary source "
        "(W3C TextQuoteSelector suffix).",
        optional_column=True,
    ),
    Field("reviewed", "boolean", "true when a person checked the row.", required=True),
    Field("notes", "string", "Free text: how a date was derived, caveats."),
)

SOURCE_FIELDS: tuple[Field, ...] = (
    Field(
        "doc_id",
        "string",
        "Stable id of the document (the first characters of its file name).",
        required=True,
        pattern=ID_PATTERN,
        allowed="letters, digits, '.', '_' and '-' starting with a letter or digit",
    ),
    Field("outlet", "string", "Who published the document.", required=True),
    Field(
        "publisher_type",
        "string",
        "What sort of publisher: an open vocabulary; suggested values: "
        + ", ".join(PUBLISHER_TYPES)
        + "; 'unknown' when not known.",
        True,
    ),
    Field(
        "published",
        "string",
        "Publication date, ISO 8601, with time and UTC offset where known.",
        pattern=ISO_DATETIME,
        allowed="an ISO 8601 date or date-time such as 2019-07-11 or 2019-07-11T22:46+08:00",
    ),
    Field(
        "url",
        "string",
        "Where the document was published; empty where unknown.",
        pattern=URL_PATTERN,
        allowed="an http:// or https:// URL without spaces",
    ),
    Field("title", "string", "Headline, where the document states one."),
)
