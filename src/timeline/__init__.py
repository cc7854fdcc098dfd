"""timeline: from news and official statements to a dated, sourced events table and charts."""

import sys

from timeline.dates import DateMention, find_dates, infer_reference
from timeline.distributed import read_corpus
from timeline.documents import Document, load_documents
from timeline.errors import (
    ClusterError,
    DocumentError,
    ExportError,
    OutputError,
    ReviewError,
    SchemaError,
    SourceError,
    TimelineError,
)
from timeline.evaluation.dates import evaluate_dates
from timeline.evaluation.events import evaluate_events
from timeline.events import extract_events
from timeline.review import MergeReport, merge_events
from timeline.review_session import ReviewSession, drop_rejected
from timeline.review_widget import review_candidates
from timeline.sources import add_source, reanchor_evidence
from timeline.table import (
    COLUMNS,
    datapackage,
    events_frame,
    filter_events,
    read_events,
    read_sources,
    sort_events,
    validate_events,
    write_events,
)
from timeline.views import export, figures, highlight, story, widgets
from timeline.views.export import write_html, write_image
from timeline.views.figures import timeline_figure
from timeline.views.formats import to_timelinejs, write_json, write_timelinejs
from timeline.views.highlight import highlight_document
from timeline.views.lag import lag_figure
from timeline.views.perspective import perspective_figure
from timeline.views.story import story_html, write_story
from timeline.views.widgets import explorer

# The views once were modules of their own (``timeline.figures`` ...): those paths still work,
# naming the same module objects.
for _module in (export, figures, highlight, story, widgets):
    sys.modules[f"timeline.{_module.__name__.rsplit('.', 1)[1]}"] = _module

__all__ = [
    "COLUMNS",
    "ClusterError",
    "DateMention",
    "Document",
    "DocumentError",
    "ExportError",
    "MergeReport",
    "OutputError",
    "ReviewError",
    "ReviewSession",
    "SchemaError",
    "SourceError",
    "TimelineError",
    "add_source",
    "datapackage",
    "drop_rejected",
    "evaluate_dates",
    "evaluate_events",
    "events_frame",
    "explorer",
    "extract_events",
    "filter_events",
    "find_dates",
    "highlight_document",
    "infer_reference",
    "lag_figure",
    "load_documents",
    "merge_events",
    "perspective_figure",
    "read_corpus",
    "read_events",
    "read_sources",
    "reanchor_evidence",
    "review_candidates",
    "sort_events",
    "story_html",
    "timeline_figure",
    "to_timelinejs",
    "validate_events",
    "write_events",
    "write_html",
    "write_image",
    "write_json",
    "write_story",
    "write_timelinejs",
]
