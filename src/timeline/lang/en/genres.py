"""English genre records: how news pages, official statements and briefing transcripts are
laid out (furniture lines, captions, datelines, question and answer turns, the titles that make
a document itself the act). The layout pass (``timeline.events.layout``) reads them; a new genre
is a change here, not in the engine.
"""

from __future__ import annotations

# Layout of news pages and official documents: lines that are furniture, not prose.
# (regular expression, case-insensitive) for whole header lines.
HEADER_LINES: tuple[str, ...] = (
    r"^(?:by|written by|posted by|reporting by|edited by|editing by)\s",
    r"^(?:skip to|share|print|email|advertisement|subscribe|sign in|log in|read more|related)",
    r"^(?:updated|published|posted|last updated|first published)\b",
    r"^(?:photo|image|file photo|caption|video|watch|listen)\b",
    r"^\W*(?:home|news|world|politics|asia|opinion)\s*(?:[>|/»]\s*\w+\s*)+$",
)
# A caption inside a line: from the match to the end of the line is furniture.
CAPTION_MARKS: tuple[str, ...] = (
    r"\((?:photo|file photo|image|picture)\b[^)]*\)",
    r"\b(?:photo|file photo|picture)\s*(?:credit)?\s*:",
    r"\[(?:photo|image)[^\]]*\]",
    r"\s*/\s*[\w ]{0,30}\b(?:photo|pic|picture|image)s?\s*$",  # "... /Agency Photo"
)
# A dateline at the start of a story line ("BEIJING, June 17 (Xinhua) --").
DATELINE = (
    r"\s*(?:\([^()]*(?:\([^()]*\)[^()]*)*\)"  # "(Agency (AG))" syndication prefix
    r"|[\w.'’ ,()/-]{2,60}?(?:\)|--|—|–|-|:))"  # "PLACE, Month D (Agency)"
    r"(?:\s*(?:--|—|–))?\s"
)
# Transcript turns: question and answer markers at the start of a line. A question may name
# its outlet ("Question (Harbour Wire):"); an answer may be the speaker's label, a few
# capitalised words with a spokesperson's or an official's role ("Spokesperson Ana Lind:").
_ROLE = r"(?:Spokesperson|Spokesman|Spokeswoman|Minister|Secretary|Ambassador|Director)"
_LABEL = r"(?-i:(?=[^:\n]{0,60}\b" + _ROLE + r"\b)[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,6})\s*:"
TURN = (
    r"\s*(?:(Q|Question)(?:\s*\([^()\n]{1,60}\))?\s*(?:\d+\s*)?[:.]"
    r"|(A|Answer)\s*(?:\d+\s*)?[:.]|(" + _LABEL + r"))\s"
)
# Titles that make the document itself the act (an official statement or briefing).
STATEMENT_TITLE = (
    r"\b(?:remarks|statement|press release|declaration|communiqu|readout|press conference"
    r"|press briefing|news conference|media briefing"
    r"|answers? to (?:a |the |reporters['’]? )?questions?)"
)
BRIEFING_TITLE = r"press conference|press briefing|news conference|media briefing|noon briefing"
