"""Adding your own sources to a corpus: URLs, saved web pages, PDFs and text files.

- ``add_source``: one source into a corpus folder (text file, raw bytes, manifest row);
- ``rederive``: every text of a corpus derived again from its raw bytes, offline;
- ``read_source_text``: the text of a saved page or PDF, as ``load_documents`` reads it;
- ``guess_publisher``: a publisher type from a URL's domain (editable table);
- ``reanchor_evidence`` / ``quote_context``: evidence kept as a quote with its context, and
  found again when a text is derived anew.
"""

from timeline.sources._add import Added, add_source, read_source_text, rederive
from timeline.sources._fetch import USER_AGENT, Limits
from timeline.sources._pdf import page_of
from timeline.sources._publishers import Guess, guess_publisher
from timeline.sources._quotes import (
    QuoteCheck,
    add_quote_context,
    anchor_quote,
    quote_context,
    reanchor_evidence,
)

__all__ = [
    "USER_AGENT",
    "Added",
    "Guess",
    "Limits",
    "QuoteCheck",
    "add_quote_context",
    "add_source",
    "anchor_quote",
    "guess_publisher",
    "page_of",
    "quote_context",
    "read_source_text",
    "rederive",
    "reanchor_evidence",
]
