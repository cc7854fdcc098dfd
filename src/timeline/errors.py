"""The exceptions timeline raises, all subclasses of ``ValueError``.

- ``TimelineError``: base class of every error below.
- ``SchemaError``: an events table breaks the schema (names row, column, value, what is allowed).
- ``DocumentError``: a corpus folder, manifest or text cannot be read (names the file).
- ``ExportError``: an export cannot be written (for example no Chromium for PNG/SVG).
- ``SourceError``: a source given to ``timeline add`` cannot be fetched or read (a subclass of
  ``DocumentError``; names the URL or file and what to do).
- ``OutputError``: an output file cannot be written safely (it is the input, it is read-only,
  its folder is a file, or another run holds the table's lock).
- ``ClusterError``: a Dask scheduler cannot be reached or started (names the address).
- ``ReviewError``: a review action that cannot be done (the table changed on disk, ...).
"""

from __future__ import annotations


class TimelineError(ValueError):
    """Base class of every error timeline raises on bad input."""


class SchemaError(TimelineError):
    """An events table that breaks the schema.

    ``problems`` holds one readable line per problem found.
    """

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems = problems if problems is not None else [message]


class DocumentError(TimelineError):
    """A document, manifest or corpus folder that cannot be loaded."""


class ExportError(TimelineError):
    """An export that cannot be written."""


class SourceError(DocumentError):
    """A URL, saved page or PDF that cannot be fetched or turned into a document."""


class OutputError(TimelineError):
    """An output file that cannot be written safely; nothing was written.

    Raised when the output is the input file itself, is read-only, sits under a path whose
    folder is a file, or is an events table whose lock another run holds.
    """


class ClusterError(TimelineError):
    """A Dask cluster that cannot be reached, started, or asked for (bad ``scheduler``)."""


class ReviewError(TimelineError):
    """A review action that cannot be done (nothing left, a stale table, a duplicate)."""
