"""Event extraction: dated clauses -> classified, attributed, linked and merged events.

See ``pipeline`` for the order of the steps and ``docs/architecture.md`` for where a new
rule, genre or language goes.
"""

from timeline.events.pipeline import extract_events

__all__ = ["extract_events"]
