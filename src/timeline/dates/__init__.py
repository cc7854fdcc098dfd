"""Finding temporal expressions in text and normalising them against a reference date.

The package is the engine; the words of each language are data in ``timeline.lang``:

- ``finder``: ``find_dates`` (windows around trigger words, candidate selection, resolution
  in text order);
- ``grammar``: a language's scanners, date forms and cues, compiled once;
- ``handlers``: one function per scanner, turning a match into a TimeML value;
- ``calendar``: interval arithmetic (days, weeks, months, quarters ... and their bounds);
- ``context``: what a handler reads besides its match (reference, anchor, earlier mentions);
- ``reference``: ``infer_reference``, the publication date a text states about itself.

Nothing here reads the clock: relative expressions resolve against the reference the caller
gives, or stay underspecified (``XXXX-XX-XX``) without one.
"""

from timeline.dates.finder import ANCHORS, find_dates
from timeline.dates.mention import DateMention
from timeline.dates.reference import LATEST_PLAUSIBLE_YEAR, infer_reference

__all__ = ["ANCHORS", "LATEST_PLAUSIBLE_YEAR", "DateMention", "find_dates", "infer_reference"]
