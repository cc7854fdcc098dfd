"""Event extraction: from documents and their date mentions to rows of the events table.

The extractor is rule-based and generic (its word lists live in ``_lexicon``); nothing in it
names a party, place or story.

1. Each document is split into lines and sentences. Headlines, bylines, "Published:" and
   "Updated ..." lines, lines that hold only a date, repeated lines and wire datelines
   ("PORT SABLE, May 3 (Wire) --") give publication dates, never events; photo credits are
   cut off captions (a caption that reports a dated action still counts); so are bracketed
   press-release datelines ("(Port Sable, April 12, 2031) -"). In a briefing transcript a
   "Q:" line has no actor of its own and "we" in an "A:" line is the spokesperson's side.
2. In each sentence, trigger phrases (verbs of acting and reacting, nouns such as "visit" or
   "report") are found. Each date mention goes to the trigger it governs: the nearest one,
   with penalties for clause boundaries, dashes and brackets, definite re-mentions, future
   verbs and coordination ("summoned X late Tuesday and lodged ..."). A verb of saying takes
   only a date next to it, never one inside what was said nor one the reported clause has
   ("X spoke to Y on Thursday, a source said"); a "since" date goes to a lasting state
   ("detained since 2 January"). "The next morning" or "the previous day" counts from the last
   day the narrative told, "15 and 16 September" covers both days, "hours later" takes the
   day told just before, "on Friday, a day after X did Y" dates Y, and an arrival day with
   "a three-day visit" gives the visit's span. "In retaliation for", purpose infinitives
   ("met officials to express concern"), items of measures just described ("the measures
   include ... banning") and crowds that are another act's object ("dispersed
   demonstrators") are not acts of their own.
3. Each candidate gets an actor (the subject noun phrase, a possessive, a "by ..." phrase
   after a participle or an event noun, "talks between X and Y", "the statement of X",
   "X's decision to ...", "prompting X to ...", the clause's opening phrase, or the party
   named last for a pronoun), an object phrase, and a
   kind: ``response`` for an official reaction (a reaction verb, a reactive category such as
   summons or sanction, "in response to ...", or reaction words in what a speaker is reported
   to have said, including the quote a speech verb closes), else ``event``.
4. Reported speech carries dates: an action announced in a dated statement happened that day;
   one a speaker only reports ("said it has lodged a protest") happened on or before it;
   "X did Y after <dated event>" is bounded after it; "shortly after <dated event>" takes its
   day; "X made the remarks" names who spoke in the reaction just reported. An official
   statement document (government or intergovernmental publisher, a title naming remarks, a
   statement, a readout, a press conference or an answer to a question) is itself a response
   dated by its publication; acts it reports in the perfect ("our embassy has made
   representations") happened on or before it.
5. Within a document and then across documents, candidates that report the same real-world
   event (same category family, compatible dates, compatible actors or enough shared words)
   are merged; the most precise date wins, the arrival and departure days of a visit make a
   span, and ``sources`` lists every document, primary first.
6. Each response is linked to what it answers: a candidate inside its own cue phrase ("in
   response to ...", "The move came after ...", "a day after ...") or later in its sentence,
   one whose category the reaction names as its object ("denounced the expulsions"), else the
   one with most words in common, else the event mentioned last before it. An act never
   answers a same-day reaction told after it. Links never point forward in time and never
   loop.
7. An event reported without a date but answered by a dated response is bounded by it
   (``before``; or ``approximate`` between what it answers and what answers it). Undated rows
   with no such bound are dropped; so are future actions without a date.

Documents without a publication date keep relative expressions unresolved (``find_dates``
gives them no bounds), so their rows get only the dates written out in full; rows that would
need a relative date are dropped rather than guessed.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from timeline import _lexicon as lex

_MAX_EVIDENCE_WORDS = 25
_MIN_YEAR, _MAX_YEAR = 1678, 2261  # pandas datetime64[ns] bounds
_WORD = re.compile(r"[A-Za-z][\w'’-]*|\d[\d,.-]*")


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class _Date:
    """A resolved date: bounds, precision, surface and offsets of the governing mention."""

    start: dt.date | None
    end: dt.date | None
    precision: str
    text: str = ""
    span: tuple[int, int] | None = None


@dataclass
class _Candidate:
    """One event candidate found in one document (mutable while the table is assembled)."""

    doc_id: str
    category: str
    flags: frozenset[str]
    trigger: tuple[int, int]
    sentence: tuple[int, int]
    actor: str = ""
    obj: str = ""
    hint: str = ""
    hint_span: tuple[int, int] | None = None
    kind: str = "event"
    date: _Date | None = None
    bound_from: int | None = None
    future: bool = False
    perfect: bool = False
    inside_speech: int | None = None
    caption: bool = False
    notes: list[str] = field(default_factory=list)
    target: int | None = None
    merged_into: int | None = None
    docs: list[str] = field(default_factory=list)
    about: set[str] = field(default_factory=set)
    aliases: list[str] = field(default_factory=list)

    @property
    def speech(self) -> bool:
        return "speech" in self.flags

    @property
    def nominal(self) -> bool:
        return "nominal" in self.flags


# --------------------------------------------------------------------------- compiled lexicon


@lru_cache(maxsize=1)
def _compiled() -> dict[str, Any]:
    """The lexicon's regular expressions, compiled once on first use."""
    triggers = [
        (re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", re.IGNORECASE), category, flags)
        for pattern, category, flags in lex.TRIGGERS
    ]
    return {
        "triggers": triggers,
        "header": [re.compile(p, re.IGNORECASE) for p in lex.HEADER_PATTERNS],
        "caption": [
            re.compile(p, re.IGNORECASE if p.islower() else 0) for p in lex.CAPTION_PATTERNS
        ],
        "response_words": re.compile(
            r"\b(?:" + "|".join(lex.RESPONSE_WORDS) + r")\b", re.IGNORECASE
        ),
        "cue": re.compile(
            r"\b(?:in response to|in reaction to|in retaliation (?:for|against)"
            r"|respond(?:ing|ed|s)? to|react(?:ing|ed|s)? to)\s+",
            re.IGNORECASE,
        ),
        "dateline": re.compile(
            r"^\s*(?:\([A-Z][\w.'’ -]{1,30},\s*[^()\n]{3,30}\d\)\s*(?:--|—|–|-|:)\s*(?=\S)"
            r"|(?:[A-Z][A-Z.'’ -]{1,30}|[A-Z][a-z]+(?: [A-Z][a-z]+)?)"
            r"(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)"
            r"(?:,?\s+\d{4})?\.?)?\s*"
            r"(?:\([^)\n]{1,40}\)|/[^/\n]{1,20}/)?\.?\s*(?:--|—|–|-|:|\.)\s*(?=\S))"
        ),
        "briefing": re.compile("|".join(lex.BRIEFING_WORDS), re.IGNORECASE),
        "purpose": re.compile(
            r"[^.;\n]{0,80}?\bto\s+(?:express|voice|convey|protest|lodge|register|raise"
            r"|condemn|reject|denounce)\b",
            re.IGNORECASE,
        ),
        "later": re.compile(
            r"\s*(?:[\w'’-]+\s+){0,3}?(?:hours|minutes|moments) later\b"
            r"|\s*(?:[\w'’-]+\s+){0,3}?later (?:that|the same) (?:day|evening|night)\b"
            r"|\s*(?:[\w'’-]+\s+){0,3}?(?:on )?the same day\b",
            re.IGNORECASE,
        ),
        "n_day": re.compile(
            r"\b(two|three|four|five|six|seven|eight|nine|ten|\d{1,2})-day\s+"
            r"(?:[\w-]+\s+){0,2}?(?:visit|trip|tour|stay)\b",
            re.IGNORECASE,
        ),
        "object_nouns": [
            (re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE), category)
            for pattern, category in lex.OBJECT_NOUNS
        ],
        "future": re.compile(
            r"\b(?:will|would|shall|going to|(?:is|are|was|were) (?:set |due |expected )?to"
            r"|plans? to|planned to|vow(?:s|ed)? to|threaten(?:s|ed)? to|set to)"
            r"\s+(?:[a-z]+\s+)?(?:be\s+)?(?:[a-z]+ly\s+)?$",
            re.IGNORECASE,
        ),
        "perfect": re.compile(r"\b(?:has|have|had)\s+(?:\w+\s+)?$", re.IGNORECASE),
        "passive": re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?$", re.IGNORECASE),
        "shortly_after": re.compile(
            r"\b(?:shortly|just|minutes|hours|soon|immediately)\s+(?:\w+\s+)?after\b",
            re.IGNORECASE,
        ),
    }


_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "jr",
        "sr",
        "capt",
        "col",
        "gen",
        "lt",
        "sgt",
        "sen",
        "rep",
        "gov",
        "prof",
        "no",
        "vol",
        "fig",
        *lex.MONTH_ABBREVIATIONS,
        "u.s",
        "u.k",
        "u.n",
        "e.u",
        "inc",
        "corp",
        "co",
        "ltd",
        "vs",
        "etc",
    ]
)


# --------------------------------------------------------------------------- public API


def extract_events(documents: Iterable[Any], *, jobs: int = 1, progress: bool = False):
    """Extract candidate events and responses from documents into an events table.

    Args:
        documents: ``Document`` records (as ``load_documents`` returns them).
        jobs: worker processes; above 1 the documents are processed by a process pool, with
            the same result as ``jobs=1``.
        progress: show a progress bar on standard error.

    Returns:
        A DataFrame with exactly the columns of ``timeline.table.COLUMNS`` and their dtypes,
        every row ``reviewed`` false, sorted by date then ``event_id``.

    Raises:
        DocumentError: an item is not a document, or two documents share a ``doc_id``.
        ValueError: ``jobs`` is not a positive integer.

    >>> from timeline.documents import Document
    >>> doc = Document("d1", "The ministry issued a statement on 3 May 2021.",
    ...                published=dt.date(2021, 5, 4))
    >>> extract_events([doc])[["category", "date_start"]].astype(str).values.tolist()
    [['statement', '2021-05-03']]
    """
    from timeline.errors import DocumentError

    docs = list(documents)
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise ValueError(f"jobs must be a positive integer, got {jobs!r}")
    seen: set[str] = set()
    for number, doc in enumerate(docs):
        if not hasattr(doc, "doc_id") or not isinstance(getattr(doc, "text", None), str):
            raise DocumentError(
                f"extract_events: item {number} is a {type(doc).__name__}, not a Document "
                "(use timeline.load_documents to read a corpus folder)"
            )
        if doc.doc_id in seen:
            raise DocumentError(f"extract_events: doc_id {doc.doc_id!r} occurs twice")
        seen.add(doc.doc_id)
    per_doc = _map_documents(docs, jobs=jobs, progress=progress)
    return _table(docs, per_doc)


# --------------------------------------------------------------------------- per document


def _map_documents(docs: list[Any], *, jobs: int, progress: bool) -> list[list[_Candidate]]:
    """Candidates of every document, in document order (a process pool when jobs > 1)."""
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(docs), desc="extracting", unit="doc", file=None)
    try:
        if jobs == 1 or len(docs) < 2:
            out = []
            for doc in docs:
                out.append(_document_candidates(doc))
                if bar is not None:
                    bar.update()
            return out
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            out = []
            for result in pool.map(_document_candidates, docs):
                out.append(result)
                if bar is not None:
                    bar.update()
            return out
    finally:
        if bar is not None:
            bar.close()


def _document_candidates(doc: Any) -> list[_Candidate]:
    """Find the date mentions of one document and extract its candidates."""
    from timeline.dates import find_dates

    mentions = find_dates(doc.text, doc.published)
    return _extract_document(doc, mentions)


def _extract_document(doc: Any, mentions: Sequence[Any]) -> list[_Candidate]:
    """Candidates of one document, given its date mentions (offsets into ``doc.text``).

    Candidates are merged within the document and linked (``target`` is an index into the
    returned list); undated candidates keep ``date`` None until the table is assembled.
    """
    text = doc.text
    cands: list[_Candidate] = []
    masked: list[tuple[int, int]] = []
    sentences = []
    for start, end, role in _lines(text, masked, getattr(doc, "title", "")):
        if role == "header":
            continue
        for s, e in _sentences(text, start, end):
            sentences.append((s, e, role == "caption"))
    usable = sorted(
        (m for m in mentions if _usable_mention(m, masked)), key=lambda m: (m.start, m.end)
    )
    last_actor = ""
    speaker = _transcript_speaker(doc)
    for s, e, caption in sentences:
        turn, s = _turn(text, s)
        if turn == "Q":
            last_actor = ""  # a journalist's question: "we" and "you" are not its parties
        elif turn == "A" and speaker:
            last_actor = speaker  # an answer at a briefing: "we" is the speaker's side
        found = _triggers(text, s, e)
        if not found:
            last_actor = _sentence_subject(text, s, e) or last_actor
            continue
        sent_mentions = [m for m in usable if s <= m.start and m.end <= e]
        dates = _assign_dates(text, found, sent_mentions, s)
        first_index = len(cands)
        for (ts, te, category, flags), mention in zip(found, dates, strict=True):
            cand = _Candidate(
                doc_id=doc.doc_id,
                category=category,
                flags=flags,
                trigger=(ts, te),
                sentence=(s, e),
                caption=caption,
                docs=[doc.doc_id],
            )
            if mention is not None:
                cand.date = _mention_date(mention)
            left = text[s:ts]
            cand.future = (
                not cand.nominal and bool(_compiled()["future"].search(left[-40:]))
            ) or bool(
                cand.nominal
                and re.search(
                    r"\b(?:upcoming|planned|proposed|expected|forthcoming|future|next)\s+"
                    r"(?:[\w-]+\s+)?$",
                    left[-30:],
                )
            )
            cand.perfect = bool(_compiled()["perfect"].search(left[-20:]))
            cand.actor = _actor(text, s, e, ts, te, cand, last_actor)
            if cand.actor and cand.actor.lower() not in lex.PRONOUNS and not cand.nominal:
                last_actor = cand.actor
            cand.obj = _object(text, te, e)
            if (
                cand.speech
                and category == "statement"
                and _compiled()["briefing"].search(text[max(s, ts - 15) : min(e, te + 60)])
            ):
                cand.category = "press briefing"
            cands.append(cand)
        _sentence_structure(text, cands, first_index)
    own = _document_statement(doc, mentions)
    if own is not None:
        for c in cands:
            # the statement's own words of opposition are the statement, not other events
            if (
                c.date is None
                and "response" in c.flags
                and _family(c.category) == "statement"
                and not c.perfect  # "we have expressed concern": an earlier act it reports
                and not re.match(r"(?:our|my)\s", c.actor, re.IGNORECASE)  # "our envoys" act
            ):
                c.merged_into = len(cands)
                own.hint = f"{own.hint} {c.obj}".strip()
        for c in cands:
            # "we have lodged representations": an act the statement reports, done before it
            if (
                c.date is None
                and c.merged_into is None
                and c.perfect
                and "response" in c.flags
                and not c.speech
                and not c.future
            ):
                c.date = _Date(None, own.date.end if own.date else None, "before", "")
                c.notes.append("reported as done by the statement: on or before its date")
        cands.append(own)
    _remarks_anaphora(text, cands)
    _shortly_after(text, cands)
    _hours_later(text, cands)
    _days_after(text, cands)
    _visit_length(text, cands)
    _after_bounds(text, cands)
    _pronoun_speech_dates(text, cands)
    _kinds(text, cands, sentences)
    _move_after(text, cands)
    _reported_dates(text, cands)
    _merge_within(cands)
    _link(text, cands)
    for j, cand in enumerate(cands):
        if cand.speech and cand.date is None:
            continue
        root = _root(cands, j)
        if root is not None:
            cands[root].about |= _about(cand, text)
    return cands


_TURN = re.compile(r"\s*(?:(Q|Question)|(A|Answer))\s*(?:\d+\s*)?[:.]\s", re.IGNORECASE)


def _turn(text: str, s: int) -> tuple[str, int]:
    """'Q' or 'A' when the sentence's line is a question or answer of a transcript.

    Returns the turn and the sentence start moved past a leading "Q:" or "A:".
    """
    line_start = text.rfind("\n", 0, s) + 1
    m = _TURN.match(text, line_start, line_start + 20)
    if not m:
        return "", s
    return ("Q" if m.group(1) else "A"), max(s, m.end())


def _transcript_speaker(doc: Any) -> str:
    """Who answers in a briefing transcript: the spokesperson its title names, or the outlet."""
    title = getattr(doc, "title", "") or ""
    if not re.search(r"press conference|press briefing|news conference|briefing", title, re.I):
        return ""
    role = re.match(r"\s*(.+?)['’]s\s+(?:regular\s+)?(?:press|news|media)", title, re.I)
    return role.group(1).strip() if role else (getattr(doc, "outlet", "") or "")


def _document_statement(doc: Any, mentions: Sequence[Any]) -> _Candidate | None:
    """An official statement is itself an event: dated by its publication, by its publisher.

    Applies to documents of a government or intergovernmental publisher whose title names a
    statement ("Spokesperson's Remarks on ...", "Statement by ...", "Press release").
    """
    title = doc.title or ""
    if doc.published is None or doc.publisher_type not in ("government", "intergovernmental"):
        return None
    if not re.search(
        r"\b(?:remarks|statement|press release|declaration|communiqu|readout|press conference"
        r"|press briefing|news conference|answers? to (?:a |the |reporters['’]? )?questions?)",
        title,
        re.IGNORECASE,
    ):
        return None
    text = doc.text
    span = None
    for m in mentions:
        if m.earliest == doc.published and m.latest == doc.published and m.start < 600:
            span = (m.start, m.end)
            break
    role = re.match(r"\s*(.+?)['’]s\s+(?:remarks|statement)", title, re.IGNORECASE)
    actor = doc.outlet or ""
    if role and doc.outlet:
        actor = f"{role.group(1).strip()} of the {doc.outlet}"
    elif role:
        actor = role.group(1).strip()
    where = span or (0, 0)
    line_start = text.rfind("\n", 0, where[0]) + 1
    line_end = text.find("\n", where[1])
    line_end = len(text) if line_end < 0 else line_end
    briefing = re.search(r"press conference|press briefing|news conference", title, re.I)
    cand = _Candidate(
        doc_id=doc.doc_id,
        category="press briefing" if briefing else "statement",
        flags=frozenset({"document"}),
        trigger=where,
        sentence=(line_start, line_end) if span else (0, 0),
        actor=actor,
        hint=title,
        docs=[doc.doc_id],
    )
    cand.date = _Date(doc.published, doc.published, "day", text[where[0] : where[1]], span)
    cand.notes.append("the document itself is the statement; dated by its publication")
    if _compiled()["response_words"].search(text[:2000]) or _compiled()["response_words"].search(
        title
    ):
        cand.kind = "response"
    return cand


# --------------------------------------------------------------------------- lines, sentences


def _lines(text: str, masked: list[tuple[int, int]], title: str = "") -> list[tuple[int, int, str]]:
    """Lines as (start, end, role) with role body, header or caption; datelines are masked.

    Headlines (the document's title, or a first line without final punctuation) are headers:
    a headline summarises the story rather than reporting a dated action.
    """
    comp = _compiled()
    out = []
    pos = 0
    seen: set[str] = set()
    norm_title = " ".join(title.split()).lower()
    for raw in text.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        line = raw.strip()
        if not line:
            continue
        lead = len(raw) - len(raw.lstrip())
        start += lead
        end = start + len(line)
        words = _WORD.findall(line)
        role = "body"
        bare_line = line
        for pattern in comp["caption"]:
            hit = pattern.search(bare_line)
            if hit:
                bare_line = bare_line[: hit.start()].rstrip(" -–—/([")
        headline = (norm_title and " ".join(line.split()).lower() == norm_title) or (
            len(words) <= 20 and not re.search(r"[.!?\"”’]$", bare_line)
        )
        if headline or any(p.search(line) for p in comp["header"]) or _date_only(line):
            role = "header"
            masked.append((start, end))
        elif line in seen:
            role = "header"  # a repeated line (captions are often printed twice)
        else:
            for pattern in comp["caption"]:
                hit = pattern.search(line)
                if hit:
                    role = "caption"
                    masked.append((start + hit.start(), end))
                    end = start + hit.start()
                    break
        seen.add(line)
        if role == "body" and len(words) > 4:
            dateline = comp["dateline"].match(line)
            if dateline and _looks_like_dateline(dateline.group(0)):
                masked.append((start, start + dateline.end()))
                start += dateline.end()
        if end > start:
            out.append((start, end, role))
    return out


def _looks_like_dateline(prefix: str) -> bool:
    """A wire dateline: an upper-case place, or a place with a date or agency in brackets."""
    head = prefix.strip()
    if head.startswith("(") and re.search(r"\d\)", head):
        return True  # "(Place, Month D, YYYY) -" as in press releases
    place = re.match(r"[A-Za-z.'’ -]+", head)
    if place is None:
        return False
    name = place.group(0).strip()
    has_date = bool(re.search(r"\d", head))
    has_agency = "(" in head or "/" in head
    shouting = name.isupper() and len(name.replace(" ", "")) >= 3
    return (shouting and (has_date or has_agency or head.endswith(("—", "–", "--", "-", ":")))) or (
        has_date and has_agency
    )


def _date_only(line: str) -> bool:
    """A short line made of a date or time and little else (a dateline or timestamp)."""
    words = _WORD.findall(line)
    if not words or len(words) > 7:
        return False
    months = sum(w.lower().rstrip(".") in lex.NOT_NAMES for w in words)
    digits = sum(w[0].isdigit() for w in words)
    return digits >= 1 and months + digits >= len(words) - 1


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside one line, not splitting after abbreviations or initials."""
    out = []
    s = start
    for m in re.finditer(r"[.!?][\"”’']?(?=\s+[\"“‘']?[A-Z0-9])", text[start:end]):
        cut = start + m.end()
        before = re.search(r"([\w.]+)[.!?][\"”’']?$", text[s:cut])
        token = before.group(1).lower() if before else ""
        if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
            continue
        if re.fullmatch(r"(?:[a-z]\.)+[a-z]", token):
            continue
        out.append((s, cut))
        s = cut
        while s < end and text[s].isspace():
            s += 1
    if s < end:
        out.append((s, end))
    return out


def _usable_mention(m: Any, masked: list[tuple[int, int]]) -> bool:
    """A date mention that can date an event: a DATE or TIME, resolved, outside headers."""
    if getattr(m, "type", "DATE") not in ("DATE", "TIME"):
        return False
    if m.earliest is None and m.latest is None:
        return False
    if m.earliest is None:
        return False
    latest = m.latest or m.earliest
    if not (m.earliest.year >= _MIN_YEAR and latest.year <= _MAX_YEAR):
        return False  # beyond what the table's datetime64 columns can hold
    value = str(getattr(m, "value", ""))
    if value in ("PRESENT_REF", "PAST_REF", "FUTURE_REF") and m.text.lower() in (
        "now",
        "currently",
        "recently",
        "at present",
        "recent years",
    ):
        return False
    return not _inside_any(m.start, masked)


_MASK_INDEX: tuple[Any, int, list[int], list[int]] = (None, 0, [], [])


def _inside_any(point: int, masked: list[tuple[int, int]]) -> bool:
    """Whether ``a <= point < b`` for some ``(a, b)`` in ``masked``, in logarithmic time.

    The index (starts in order, the largest end so far) is kept for the last list asked
    about, so a document's mentions share one index; a list that grew since is indexed again.
    """
    global _MASK_INDEX
    held, size, starts, reach = _MASK_INDEX
    if held is not masked or size != len(masked):
        spans = sorted(masked)
        starts = [a for a, _b in spans]
        reach, furthest = [], None
        for _a, b in spans:
            furthest = b if furthest is None else max(furthest, b)
            reach.append(furthest)
        _MASK_INDEX = (masked, len(masked), starts, reach)
    k = bisect.bisect_right(starts, point) - 1
    return k >= 0 and reach[k] > point


def _mention_date(m: Any) -> _Date:
    """The bounds and precision a mention gives an event."""
    start, end = m.earliest, m.latest if m.latest is not None else m.earliest
    value = str(getattr(m, "value", ""))
    if start == end:
        precision = "day"
    elif re.fullmatch(r"\d{4}", value) or (
        start.month == 1 and start.day == 1 and end.month == 12 and end.day == 31
    ):
        precision = "year"
    elif re.fullmatch(r"\d{4}-\d{2}", value) and start.day == 1 and _month_end(end):
        precision = "month"
    elif (
        re.fullmatch(r"\d{4}-\d{2}-\d{2}/\d{4}-\d{2}-\d{2}", value)
        or re.search(r"\d\s*[-–]\s*\d", m.text)
        and (end - start).days < 31
    ):
        precision = "day"
    else:
        precision = "approximate"
    return _Date(start, end, precision, m.text, (m.start, m.end))


def _month_end(day: dt.date) -> bool:
    return (day + dt.timedelta(days=1)).day == 1


# --------------------------------------------------------------------------- triggers, dates


def _triggers(text: str, s: int, e: int) -> list[tuple[int, int, str, frozenset[str]]]:
    """Non-overlapping trigger matches in a sentence, in text order (earlier entries win)."""
    taken: list[tuple[int, int, str, frozenset[str]]] = []
    segment = text[s:e]
    for pattern, category, flags in _compiled()["triggers"]:
        for m in pattern.finditer(segment):
            a, b = s + m.start(), s + m.end()
            if any(a < y and x < b for x, y, _, _ in taken):
                continue
            if not _trigger_ok(text, a, b, category, flags):
                continue
            if "speech" in flags and (
                re.search(r"\b(?:been|be|was|were|is|are)\s+$", text[max(0, a - 12) : a])
                or re.match(r"\s+by\b", text[b : b + 5])
            ):
                continue
            if _noun_form(text, a, b):
                flags = flags | {"nominal"}
            elif re.search(r"(?:ed|ing)$", text[a:b].lower()) and " " not in text[a:b]:
                flags = flags - {"nominal"}
            taken.append((a, b, category, flags))
    return sorted(taken)


def _noun_form(text: str, a: int, b: int) -> bool:
    """Whether a verb-like trigger is used as a noun ("the latest repatriation")."""
    word = text[a:b].lower()
    before = text[max(0, a - 25) : a].lower()
    if " " in word:
        first = word.split()[0]
        if first.endswith(("ed", "s")) and not first.endswith("ss"):
            return False
        return bool(re.search(r"\b(?:the|a|an|its|their|his|her|this|that)\s+$", before))
    if re.search(r"(?:ion|ions|ment|ments)$", word):
        return True
    return bool(re.search(r"\b(?:the|a|an|its|their|his|her|this|that|latest)\s+$", before))


_DESCRIBED = frozenset({"measures", "decision", "move", "step", "steps", "plan", "plans", "rules"})
_FORCES = re.compile(
    r"\b(?:troops|forces|soldiers|marines|police|officers|agents|army|navy|militants|gunmen)"
    r"\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


def _trigger_ok(text: str, a: int, b: int, category: str, flags: frozenset[str]) -> bool:
    """Reject trigger matches that are not events in context."""
    word = text[a:b].lower()
    after = text[b : b + 30].lower()
    before = text[max(0, a - 30) : a].lower()
    if category == "report":
        if re.match(r"\s*(?:that|say|said)\b", after) or word.endswith("ed"):
            return False
        if word.endswith("s") and re.match(r"\s*(?:by|from|in)\b", after):
            return False
        if re.search(r"(?:according to|news|media|press)\s+$", before):
            return False
    if category == "ban" and re.match(r"ban(?:s)?$", word) and re.search(r"\bthe $", before):
        return True
    if category == "visit" and re.search(r"\bto $", before) and "nominal" in flags:
        # "is due to visit ... on May 11": a scheduled visit; "invited to visit" is none
        return bool(
            re.search(r"\b(?:due|set|scheduled|expected|going|plans?|planned) to $", before)
        )
    if category in ("statement", "press briefing") and "speech" in flags:
        # "said" inside a quoted passage attributed to someone else is still speech
        return True
    if re.fullmatch(r"(?:announced|unveiled|proposed|declared) by", word):
        prev = re.search(r"([\w-]+),?\s+$", before)
        if prev and prev.group(1).lower() in _DESCRIBED:
            return False  # "the measures, announced by X, include ...": told already
        if prev and any(
            pattern.fullmatch(prev.group(1)) and ("nominal" in fl or cat in lex.REACTIVE_CATEGORIES)
            for pattern, cat, fl in _compiled()["triggers"]
        ):
            return False  # "the sanctions announced by X": the sanctions are the event
    if category == "military operation" and re.fullmatch(
        r"entered|landed on|crossed into|seized|occupied", word
    ):
        return bool(_FORCES.search(before))  # "police entered the embassy", not "entered talks"
    if (
        category == "ruling"
        and word.startswith("sentenc")
        and re.search(r"(?:\b(?:was|were|been|being|is|are)|,)\s+$", before)
    ):
        return False  # "a former officer, sentenced in 2006, ...": background of a person
    if word.startswith("retaliation") and re.search(r"\bin\s+$", before):
        return False  # "in retaliation for ..." introduces what is answered; it is no act
    if (
        "response" in flags
        and re.search(r"\bto\s+$", before)
        and not re.search(
            r"\b(?:vow\w*|threaten\w*|plan\w*|decid\w*|refus\w*|pledg\w*|promis\w*)\s+to\s+$",
            before,
        )
    ):
        return False  # a purpose ("met officials to express concern") is part of the act
    if category == "protest" and (
        re.search(r"\b(?:note|letter) of\s+$", before) or re.match(r"\s+notes?\b", after)
    ):
        return False  # the note handed over at a summons, not a separate act
    if (
        category == "protest"
        and word == "protests"
        and re.search(
            r"\b(?:during|amid|after|of|against|by|in|peaceful|mass|street)\s+(?:[\w-]+\s+)?$",
            before,
        )
    ):
        return False  # street protests named in passing are no official protest
    if category in ("ban", "sanction") and re.search(
        r"\b(?:includ\w*|such as|as well as|comprising)\b(?:(?!\b(?:on|in)\s+\w+day\b)[^.;])*$",
        text[max(0, a - 120) : a],
    ):
        return False  # one item of measures just described ("measures include ... banning")
    # "the dispersal of peaceful demonstrators", "police dispersed protesters": the object of
    # another act, not an act
    return not (
        category == "demonstration"
        and re.search(
            r"(?:\b(?:of|during|against|on|at|with|amid)|\b(?:dispers|arrest|detain|beat|attack"
            r"|tear-?gass|clear|charg|rounded up|broke up|break up)\w*)\s+(?:the\s+)?"
            r"(?:[\w-]+\s+)?$",
            before,
        )
    )


_DURATIVE = frozenset(
    {"arrest", "ban", "sanction", "military exercise", "demonstration", "agreement", "withdrawal"}
    | {"diplomatic relations", "visit"}
)


_WINDOW_WORDS = 24
"""A mention further than this many words from a trigger cannot go to it (its cost is > 20)."""


def _assign_dates(
    text: str,
    found: list[tuple[int, int, str, frozenset[str]]],
    mentions: list[Any],
    sentence_start: int = 0,
) -> list[Any | None]:
    """For each trigger, the date mention that governs it (each mention goes to one trigger).

    A verb of saying takes only a date next to it ("said on Friday", "on Friday said", a
    sentence-initial "On Friday, X said"), never one inside what was said.

    Only triggers within ``_WINDOW_WORDS`` words of a mention are costed: a gap of more
    than 20 words costs more than 20, which no trigger may win with, so the result is the
    same as costing every trigger, in time linear in the sentence (``found`` is in text
    order and its spans do not overlap).
    """
    out: list[Any | None] = [None] * len(found)
    best: dict[int, tuple[float, Any]] = {}
    words = _word_spans(text, found, mentions, sentence_start)
    starts = [a for a, _b, _c, _f in found]
    ends = [b for _a, b, _c, _f in found]
    for m in mentions:
        costs = []
        for i in _near_triggers(m, starts, ends, words):
            cost = _date_cost(text, found, i, m, sentence_start)
            if cost is not None:
                costs.append((cost, i))
        if not costs:
            continue
        cost, i = min(costs)
        if cost > 20:
            continue
        if i not in best or cost < best[i][0]:
            best[i] = (cost, m)
    for i, (_cost, m) in best.items():
        out[i] = m
    return out


def _word_spans(
    text: str, found: list[tuple[int, int, str, frozenset[str]]], mentions: list[Any], s: int
) -> tuple[list[int], list[int]]:
    """Starts and ends of the ``_WORD`` matches over the stretch the triggers and mentions span."""
    lo = min([s, *(a for a, _b, _c, _f in found), *(m.start for m in mentions)])
    hi = max([s, *(b for _a, b, _c, _f in found), *(m.end for m in mentions)])
    spans = [w.span() for w in _WORD.finditer(text, lo, hi)]
    return [a for a, _b in spans], [b for _a, b in spans]


def _words_within(words: tuple[list[int], list[int]], x: int, y: int) -> int:
    """How many words lie wholly inside ``[x:y]``; ``_WORD.findall(text[x:y])`` finds at
    least this many less one (a number started inside the word before ``x`` can swallow one).
    """
    starts, ends = words
    return max(0, bisect.bisect_right(ends, y) - bisect.bisect_left(starts, x))


def _near_triggers(
    m: Any, starts: list[int], ends: list[int], words: tuple[list[int], list[int]]
) -> list[int]:
    """Indexes of the triggers close enough to mention ``m`` to be costed."""
    after = bisect.bisect_left(starts, m.end)  # first trigger with a >= m.end
    before = bisect.bisect_right(ends, m.start)  # triggers [0:before] have b <= m.start
    near = list(range(before, after))  # overlapping the mention
    j = after
    while j < len(starts) and _words_within(words, m.end, starts[j]) <= _WINDOW_WORDS:
        near.append(j)
        j += 1
    j = before - 1
    while j >= 0 and _words_within(words, ends[j], m.start) <= _WINDOW_WORDS:
        near.append(j)
        j -= 1
    return near


def _between(
    found: list[tuple[int, int, str, frozenset[str]]], lo: int, hi: int
) -> list[tuple[int, int, str, frozenset[str]]]:
    """The triggers that start in ``[lo, hi]`` (``found`` is sorted by start)."""
    first = bisect.bisect_left(found, lo, key=lambda t: t[0])
    last = bisect.bisect_right(found, hi, key=lambda t: t[0])
    return found[first:last]


def _date_cost(
    text: str,
    found: list[tuple[int, int, str, frozenset[str]]],
    i: int,
    m: Any,
    sentence_start: int,
) -> float | None:
    """What giving mention ``m`` to trigger ``i`` costs; None when it cannot date it."""
    a, b, _category, flags = found[i]
    if m.end <= a:
        gap = text[m.end : a]
        cost = len(_WORD.findall(gap)) + 0.5
        if re.match(r"\s*,?\s*and\b", gap):
            cost += 3
    elif m.start >= b:
        gap = text[b : m.start]
        cost = len(_WORD.findall(gap))
    else:
        gap = ""
        cost = 0
    cost += 4 * len(re.findall(r"[;:]|,\s+(?:who|which|when|whose|while|as)\b|\"|“|”", gap))
    cost += 2 * gap.count(",")
    if re.search(r"\b(?:who|which|that|when|after|before|since|as)\b", gap):
        cost += 3
    if "nominal" in flags:
        cost += 1
        lead = text[max(0, a - 60) : a]
        if re.search(r"\bthe\s+(?:[\w-]+\s+){0,2}$", lead):
            cost += 2
        if _compiled()["cue"].search(lead):
            cost += 6
    if "nominal" not in flags and _compiled()["future"].search(text[max(0, a - 40) : a]):
        cost += 3
    if re.search(r"[—()]", gap):
        cost += 6
    if m.start >= b:
        # "rejects the sanctions announced by X last week": the date goes with the
        # participle that modifies the inner event noun
        cost += 3 * sum(
            1
            for x, y, _c, _f in _between(found, b, m.start)
            if b <= x
            and y <= m.start
            and re.search(r"\b\w+ed\s+by\b|\b(?:that|which|who)\b", text[y : m.start])
        )
    if "speech" in flags and not _speech_date(text, m, a, b, gap, sentence_start):
        return None
    if _category not in _DURATIVE and re.search(
        r"\bsince\s+$", text[max(0, m.start - 7) : m.start]
    ):
        cost += 8  # "held since 2 January": the start of a state, not of an act
    return cost


def _speech_date(text: str, m: Any, a: int, b: int, gap: str, sentence_start: int) -> bool:
    """Whether a date mention can date the verb of saying at ``[a:b]``."""
    if re.search(r"\bthat\b|[\"“”]", gap):
        return False
    if re.search(r"\b(?:since|until|till)\s+$", text[max(0, m.start - 8) : m.start]):
        return False  # "detained since 2 January": the start of a state, not of the speech
    finite = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|\w+ed)\b")
    if m.start >= b:
        # "X said he was in the city in 1968": the date is in what was said
        return len(_WORD.findall(gap)) <= 12 and "," not in gap and not finite.search(gap)
    if "," not in gap:
        return len(_WORD.findall(gap)) <= 12
    fronted = text[sentence_start : m.start]
    if "," in fronted or gap.count(",") != 1:
        return False
    if re.match(r"\s*,", gap) and re.search(
        r"\b(?:\w+ed|spoke|met|held|made|took|gave|sent|began|left|went|came|wrote|fled|won)\b",
        fronted,
    ):
        return False  # "X spoke to Y on Thursday, a source said": the date is the act's
    before_comma = gap.split(",", 1)[0]
    if finite.search(before_comma):
        return False  # "14 killings since 1993 were ..., X said": the date is in what was said
    after_comma = gap.split(",", 1)[1]
    return len(_WORD.findall(after_comma)) <= 8


# --------------------------------------------------------------------------- actors, objects


def _words_before(text: str, s: int, a: int) -> str:
    return text[s:a]


def _strip_adverbials(left: str) -> str:
    """Drop trailing dates, adverbs and auxiliaries from the words before a verb."""
    pattern = re.compile(
        r"(?:\s*,?\s*\b(?:(?i:on|late|early|last|this|next|in|at)\s+)?"
        r"(?:(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday)"
        r"|\d{1,2}(?:st|nd|rd|th)?)"
        r"|\s*,?\s*\b(?i:on|in|late|early|last|this|next)\s+"
        r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:\s+\d{1,2})?"
        r"(?:\s*\([^)]*\))?(?:\s+(?i:night|morning|evening|afternoon))?"
        r"|\s*\b(?:also|then|later|earlier|again|has|have|had|was|were|is|are|will|would|"
        r"has been|had been|already|just|once|[a-z]+ly)"
        r"|\s*,|\s*\([^)]*\))\s*$"
    )
    prev = None
    while prev != left:
        prev = left
        left = pattern.sub("", left)
    return left


_CONNECTORS = frozenset({"of", "for", "the", "to", "in", "and", "at", "on", "from", "'s", "’s"})


_TIME_WORDS = frozenset(
    [
        "last",
        "next",
        "early",
        "late",
        "earlier",
        "later",
        *lex.WEEKDAYS,
        *lex.MONTHS,
        *lex.MONTH_ABBREVIATIONS,
        "on",
        "before",
        "after",
        "while",
        "when",
        "upon",
        "today",
        "yesterday",
    ]
)


def _noun_phrase_back(left: str) -> str:
    """The longest actor-like noun phrase ending the given text."""
    tokens = re.findall(r"[A-Za-z][\w.'’-]*|\d+|,|\(|\)|—|–", left)
    picked: list[str] = []
    for k in range(len(tokens) - 1, -1, -1):
        tok = tokens[k]
        low = tok.lower().strip("'’").rstrip(".")
        if tok == ",":
            prev = tokens[k - 1] if k > 0 else ""
            listing = "and" in [w.lower() for w in picked]
            if (
                picked
                and listing
                and prev[:1].isupper()
                and prev.lower().rstrip(".") not in _TIME_WORDS
            ):
                picked.append(tok)
                continue
            break
        if low in _TIME_WORDS and not (k == len(tokens) - 1 and tok[0].isupper()):
            break
        if (
            tok[0].isupper()
            or low in lex.ROLE_WORDS
            or low in _CONNECTORS
            or low.endswith(("'s", "’s"))
            or (tok.isdigit() and picked)
            or low in ("a", "an")
        ):
            picked.append(tok)
            continue
        break
    words = list(reversed(picked))
    while words and (words[-1].lower() in _CONNECTORS or words[-1] == ","):
        words.pop()
    while words and words[0].lower() in ("and", ",", "of", "for", "to", "in", "at", "on"):
        words.pop(0)
    phrase = " ".join(words).replace(" ,", ",")
    if not any(w[0].isupper() or w.lower() in lex.ROLE_WORDS for w in words):
        return ""
    if all(w.lower() in ("a", "an", "the") or w.lower() in lex.NOT_NAMES for w in words):
        return ""
    return phrase


def _actor(text: str, s: int, e: int, a: int, b: int, cand: _Candidate, last_actor: str) -> str:
    """Who acted: the subject before the trigger, a possessive, a by-phrase or a pronoun's actor."""
    comp = _compiled()
    left = re.sub(r",\s*(?:who|which|whose)\b[^,]*,", ", ", text[s:a])
    right = text[b:e]
    agent = _agent_phrase(text[a:b], right, cand.nominal)
    if agent:
        return agent
    prompted = re.search(
        r"\b(?:prompting|forcing|leading|causing|pushing|spurring)\s+(?:[a-z-]+\s+)?"
        r"((?:[A-Z][\w.'’-]*\s+){1,4})to\s+$",
        left,
    )
    if prompted:
        return prompted.group(1).strip()  # "..., prompting Kelmark to recall its envoy"
    decided = re.search(
        r"((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.-]*)['’]s\s+(?:[\w-]+\s+)?"
        r"(?:decision|move|plan|order|bid|attempt|refusal|threat)\s+to\s+$",
        left,
    )
    if decided:
        return decided.group(1)  # "condemned X's decision to close ...": X closes
    if cand.nominal:
        who = _nominal_actor(left, right, modifier=cand.category not in _MOVEMENTS)
        if not who and cand.category in _MOVEMENTS:
            who = _sentence_subject(text, s, e)
            between = re.match(
                rf"\s*(?:the\s+)?(?:talks|negotiations|meetings?|summit)\s+between\s+"
                rf"([A-Z][^,.;:]{{2,60}}?){_AGENT_END}",
                text[s:e],
                re.IGNORECASE,
            )
            if between:
                who = between.group(1).strip()
        return who
    if comp["passive"].search(left[-25:]):
        by = re.match(r"\s*(?:\w+\s+){0,3}?by\s+((?:the |a )?[A-Z][^,.;]{0,60})", right)
        if by:
            return _trim_actor(by.group(1))
        to = re.match(r"\s*to\s+(the\s+[A-Z][^,.;]{0,50}?)(?=\s+(?:where|in|on|at)\b|[,.;])", right)
        if to:
            return _trim_actor(to.group(1))
        return ""
    if re.fullmatch(r"\s*(?:before|after|while|when|upon|on|since)\s*", left, re.IGNORECASE):
        # "Before departing on Tuesday for ..., the minister told ...": the main subject
        main = re.search(r",\s*((?:[\w.'’-]+\s+){1,10}?)(?=told|said|\w+ed\b)", right)
        return _noun_phrase_back(main.group(1)) if main else ""
    clause = re.split(
        r"[\"“”]\s*,?|;|:|\bthat\b|\bwho\b|\bwhich\b|\bas\b|\bafter\b|\bwhen\b|\bbefore\b",
        left,
    )
    if (
        re.match(r"(?:at|in) (?:a|an|the) ", text[a:b].lower())
        and cand.speech
        and clause
        and not _WORD.search(clause[-1])
    ):
        # 'X, Name, called it "..." at a news conference': the sentence's opening phrase
        opening = _noun_phrase_forward(left.strip())
        if opening and opening.lower() not in ("the", "a", "an"):
            return opening
    if re.match(r"in a |a ", text[a:b].lower()) and clause and clause[-1].strip():
        # "X called the move regrettable in a statement": the clause's opening noun phrase
        opening = _noun_phrase_forward(clause[-1].strip())
        if re.match(r"(?:a|an)\s", opening, re.IGNORECASE) or (
            len(clause) > 1 and re.search(r"\bas\s*$", left[: len(left) - len(clause[-1])])
        ):
            role = re.match(
                r"\s*((?:the\s+|a\s+)?(?:[\w'’-]+\s+){0,3}?(?:"
                + "|".join(sorted(lex.ROLE_WORDS - {"foreign", "high", "senior", "former"}))
                + r"))\b",
                left,
                re.IGNORECASE,
            )
            opening = _noun_phrase_forward(left.strip()) or opening
            if role and opening.lower() in ("the", "a", "an", ""):
                opening = role.group(1)
        if opening and opening.lower() not in ("the", "a", "an"):
            return opening
    subject = _strip_adverbials(clause[-1] if clause else left).rstrip()
    if re.search(r"\bto$", subject) and not cand.speech:
        # "riot police used tear gas to disperse ...": the subject of the clause
        head = re.match(r"\s*((?:[\w'’-]+\s+){1,5}?)(?=\w+ed\b)", subject)
        if head and any(
            w[0].isupper() or w.lower() in lex.ROLE_WORDS for w in head.group(1).split()
        ):
            return head.group(1).strip()
    phrase = _noun_phrase_back(subject)
    if phrase and re.search(r"\bby\s+$", subject[: len(subject) - len(phrase)]):
        # "The tribunal handling the case initiated by X issued ...": X is not the subject
        phrase = _noun_phrase_forward(subject) or phrase
    low = phrase.lower()
    if not phrase:
        if re.search(r"\b(?:he|she|it|they|we|i)\b", subject[-20:], re.IGNORECASE):
            return last_actor or ""
        if not subject.strip() and cand.speech:
            # "..., said the spokesman": the subject follows the verb
            after = re.match(
                r"\s*,?\s*((?:the |a )?(?:[\w'’-]+\.?\s?){1,8}?)(?=\s(?:at|in|on)\b|[,;]|$)", right
            )
            if after:
                return _noun_phrase_back(after.group(1)) or last_actor
        return last_actor if cand.speech else ""
    words = low.split()
    if (
        words
        and words[0] in ("the", "this")
        and len(words) <= 3
        and last_actor
        and words[-1] in last_actor.lower()
    ):
        return last_actor
    return phrase


_MOVEMENTS = frozenset({"visit", "meeting"})


def _noun_phrase_forward(clause: str) -> str:
    """The noun phrase a clause opens with ("The tribunal" of "The tribunal handling ...")."""
    opening = clause.split()[:1]
    if opening and opening[0].lower() in lex.NOT_NAMES - {"the", "a", "an"}:
        return ""
    words = []
    for tok in clause.split():
        low = tok.lower().strip(",")
        if tok[0].isupper() or low in lex.ROLE_WORDS or low in ("the", "a", "an", "of", "for"):
            words.append(tok.strip(","))
            if tok.endswith(","):
                break
            continue
        break
    while words and words[-1].lower() in _CONNECTORS:
        words.pop()
    return (
        " ".join(words)
        if any(w[0].isupper() or w.lower() in lex.ROLE_WORDS for w in words[1:] or words)
        else ""
    )


def _nominal_actor(left: str, right: str, *, modifier: bool = True) -> str:
    """The actor of an event noun: a possessive, a by-phrase, a modifier or the verb's subject."""
    poss = re.search(
        r"((?:(?:[A-Z][\w.'’-]*|of|the|for)\s+){0,7}[A-Z][\w.-]*)['’]s\s+(?:[\w-]+\s+){0,2}$",
        left,
    )
    if poss:
        words = poss.group(1).split()
        while words and not words[0][0].isupper():
            words.pop(0)
        return " ".join(words)
    by = re.match(
        r"\s*(?:[\w'’-]+\s+){0,2}?(?:published|issued|released|drafted|signed|made|paid|sent|"
        r"led|adopted)?\s*by\s+([^,.;:]{2,90})",
        right,
    )
    if by:
        who = _trim_actor(re.sub(r"^(?:the|a|an)\s+", "", by.group(1)))
        if who:
            return who
    verb = re.search(
        r"\b(?:issued|released|published|sent|signed|wrote|written|drafted|adopted|paid|"
        r"made|held|submitted|launched|conducted|carried out|began|led|announced|delivered)\s+"
        r"(?:a|an|the|its|their|his|her)?\s*(?:[\w-]+\s+){0,2}$",
        left,
    )
    if verb:
        before = re.split(
            r"[\"“”]\s*,?|;|:|\bthat\b|\bwho\b|\bwhich\b|\bas\b|\bafter\b|\bwhen\b",
            left[: verb.start()],
        )[-1]
        subject = _strip_adverbials(before).rstrip()
        phrase = _noun_phrase_back(subject)
        if phrase and re.search(r"\bby\s+$", subject[: len(subject) - len(phrase)]):
            phrase = _noun_phrase_forward(subject) or phrase
        if phrase:
            return phrase
    pre = re.search(r"((?:[A-Z][\w.'’-]*\s+){1,4})(?:[\w-]+\s+)?$", left) if modifier else None
    if pre and not (pre.start() == 0 and len(pre.group(1).split()) == 1):
        words = [
            w
            for w in pre.group(1).split()
            if w.lower() not in lex.NOT_NAMES and not _DEMONYM.search(w)
        ]
        if words:
            return " ".join(words)
    return ""


_AGENT_END = (
    r"(?=\s+(?:on|in|at|during|without|over|from|after|before|last|earlier|to|for|with"
    r"|calling|saying|which|who|broke|ended|collapsed|began|resumed)\b"
    r"|\s+of\s+(?:\d|[A-Z][a-z]+\.?\s+\d)|\s*[,.;:]|$)"
)


def _agent_phrase(trigger: str, right: str, nominal: bool) -> str:
    """An actor named after the trigger: "adopted by X", "talks between X and Y",
    "the statement of X", "the detention of ... by X"."""
    low = trigger.lower()
    found = None
    if low.endswith((" of", " by")):
        found = re.match(rf"\s*((?:the |a |an )?[^,.;:]{{2,70}}?){_AGENT_END}", right)
    elif nominal and low in ("talks", "negotiations", "meeting", "meetings"):
        found = re.match(rf"\s+between\s+([A-Z][^,.;:]{{2,60}}?){_AGENT_END}", right)
    elif re.search(r"ed$", low) or nominal:
        lead = r"(?:of\s+(?:[\w'’-]+\s+){1,6}?)?" if nominal else ""
        verb = (
            r"(?:(?:[\w'’-]+\s+){0,8}?(?:adopted|tabled|passed|imposed|issued|announced"
            r"|published|submitted|put forward|signed|carried out|ordered|approved)\s+)?"
            if nominal
            else ""
        )
        found = re.match(
            rf"\s+{lead}{verb}by\s+((?:the |a |an )?[^,.;:]{{2,70}}?){_AGENT_END}", right
        )
    if not found:
        return ""
    phrase = found.group(1).strip()
    words = phrase.split()
    if not any(w[0].isupper() or w.lower() in lex.ROLE_WORDS for w in words):
        return ""
    return phrase if len(words) <= 10 else ""


def _trim_actor(phrase: str) -> str:
    """The actor-like beginning of a phrase: names, titles and their connectors."""
    out = []
    for w in phrase.split():
        low = w.lower().strip(",")
        if not (w[0].isupper() or low in _CONNECTORS or low in lex.ROLE_WORDS or low == "a"):
            break
        out.append(w.strip(","))
        if w.endswith(","):
            break
    while out and out[-1].lower() in _CONNECTORS | {"a"}:
        out.pop()
    if not any(w[0].isupper() or w.lower() in lex.ROLE_WORDS for w in out):
        return ""
    return " ".join(out[:12]).strip(" ,")


def _object(text: str, b: int, e: int) -> str:
    """The words after a trigger, up to the end of its clause (at most 14 words)."""
    right = text[b:e]
    stop = re.search(r"[,;:.\"“”]|\b(?:saying|which|who|adding|while|because)\b", right)
    chunk = right[: stop.start()] if stop else right
    words = _WORD.findall(chunk)
    return " ".join(words[:14])


def _sentence_subject(text: str, s: int, e: int) -> str:
    """The actor a sentence without triggers starts with (for later pronouns)."""
    m = re.match(r"\s*((?:[A-Z][\w.'’-]*\s+){1,5})", text[s:e])
    if not m:
        return ""
    words = [w for w in m.group(1).split() if w.lower() not in lex.NOT_NAMES]
    return " ".join(words)


# --------------------------------------------------------------------------- sentence structure


def _sentence_structure(text: str, cands: list[_Candidate], first: int) -> None:
    """Within one sentence: nest triggers in a speaker's complement, absorb reaction verbs."""
    here = cands[first:]
    # "..., the agency reported Thursday": the date of the report dates the speech it reports
    for cand in here:
        if "media" not in cand.flags:
            continue
        speeches = [
            first + j
            for j, c in enumerate(here)
            if c.speech and "media" not in c.flags and c.date is None
        ]
        if speeches:
            if cand.date is not None:
                cands[speeches[-1]].date = cand.date
            cand.merged_into = speeches[-1]
        else:  # a news report is not an event of the story
            cand.future, cand.date = True, None
    # "X did Y, the ministry said on Saturday": what precedes a final speech verb is reported
    for k, cand in enumerate(here):
        if not cand.speech or cand.merged_into is not None:
            continue
        lead = text[cand.sentence[0] : cand.trigger[0]]
        if not re.search(r"[,”\"]\s*(?:[\w.'’-]+\s+){0,10}$", lead):
            continue
        for earlier in here[:k]:
            if earlier.speech or earlier.inside_speech is not None:
                continue
            if earlier.trigger[1] <= cand.trigger[0] - len(cand.actor):
                earlier.inside_speech = first + k
                if not earlier.actor and not earlier.nominal:
                    earlier.actor = cand.actor
    for i, cand in enumerate(here):
        if not cand.speech or cand.merged_into is not None:
            continue
        for later in here[i + 1 :]:
            if later.speech:
                break
            gap = text[cand.trigger[1] : later.trigger[0]]
            if re.search(r"\b(?:after|before|when|following|since|as|while)\b", gap):
                break
            later.inside_speech = first + i
            if not later.nominal and (not later.actor or later.actor.lower() in lex.PRONOUNS):
                later.actor = cand.actor
    # "X summoned the envoy ... and lodged a protest": the second verb shares the subject
    for i in range(1, len(here)):
        prev, cur = here[i - 1], here[i]
        if cur.speech or prev.speech:
            continue
        gap = text[prev.trigger[1] : cur.trigger[0]]
        if (
            cur.date is None
            and cur.category == prev.category
            and re.fullmatch(r"\s*and\s+(?:[a-z]+\s+)?", gap)
        ):
            cur.merged_into = first + i - 1  # "representations and strong protests"
            continue
        if cur.nominal:
            continue
        verbs = [k for k in range(i) if not here[k].nominal and not here[k].speech]
        if not verbs:
            continue
        j = verbs[-1]
        prev = here[j]
        gap = text[prev.trigger[1] : cur.trigger[0]]
        if not re.search(r"\band\s+(?:[a-z]+ly\s+)?$", gap) or ";" in gap:
            continue
        if not cur.actor or cur.actor == prev.actor or cur.actor.lower() in lex.PRONOUNS:
            cur.actor = prev.actor
            responsive = "response" in prev.flags or prev.category in lex.REACTIVE_CATEGORIES
            also = "response" in cur.flags or cur.category in lex.REACTIVE_CATEGORIES
            if responsive and also and (cur.date is None or prev.date is None):
                if prev.date is None:
                    prev.date = cur.date
                if "protest" in (cur.category, prev.category) or cur.category == prev.category:
                    # "summoned the envoy and lodged a protest": one act
                    prev.hint = " ".join(x for x in (prev.hint, cur.obj) if x)
                    cur.merged_into = first + j
                else:  # "condemned the tests on Monday and summoned the envoy": two acts
                    cur.date = cur.date or prev.date
    # a reaction participle right after another trigger describes that trigger
    for i in range(1, len(here)):
        prev, cur = here[i - 1], here[i]
        gap = text[prev.trigger[1] : cur.trigger[0]]
        if (
            "response" in cur.flags
            and len(_WORD.findall(gap)) <= 3
            and "," not in gap
            and text[cur.trigger[0] : cur.trigger[1]].lower().endswith("ing")
        ):
            prev.kind = "response"
            prev.hint = prev.hint or cur.obj
            cur.merged_into = first + i - 1


def _after_bounds(text: str, cands: list[_Candidate]) -> None:
    """'X did Y after <dated event in the same sentence>': Y happened on or after that day."""
    for k, cand in enumerate(cands):
        if cand.date is not None or cand.merged_into is not None or cand.future or cand.nominal:
            continue
        if cand.inside_speech is not None:
            continue
        s, e = cand.sentence
        m = re.search(r"\b(?:after|following)\b", text[cand.trigger[1] : e])
        if not m or len(_WORD.findall(text[cand.trigger[1] : cand.trigger[1] + m.start()])) > 20:
            continue
        if re.search(
            r"\b(?:will|would|shall|to|could|might)\b",
            text[cand.trigger[1] : cand.trigger[1] + m.start()],
        ):
            continue
        start = cand.trigger[1] + m.end()
        for other in cands:
            if other is cand or other.date is None or other.date.start is None:
                continue
            if other.sentence == cand.sentence and other.trigger[0] >= start:
                anchor = cand.trigger[1] + m.start()
                end_at = other.date.span[1] if other.date.span else other.trigger[1]
                cand.date = _Date(
                    other.date.start, None, "after", text[anchor:end_at], (anchor, end_at)
                )
                cand.notes.append(f"date inferred as after {other.date.start.isoformat()}")
                for nested in cands:
                    if nested.inside_speech == k and nested.date is None and not nested.future:
                        nested.merged_into = k
                if cand.kind == "response" or cand.speech or "response" in cand.flags:
                    cand.hint_span = (start, _clause_end(text, start, e))
                break


_MOVE_AFTER = re.compile(
    r"\s*(?:The|This|That|Its|Their|These|Those|[A-Z][\w'’-]*['’]s)\s+(?:[\w-]+\s+)?"
    r"(?:move|moves|decision|step|steps|measures?|action|actions|expulsions?|summons|sanctions)"
    r"(?:\s*,[^,.;]{1,60},)?\s+(?:came|comes|followed|follows|was taken|were taken|was made"
    r"|were announced|was|were|is|are)\s+(?:itself\s+|themselves\s+|also\s+|partly\s+)?"
    r"(?:a |an )?(?:[\w-]+\s+){0,2}?(?:after|following|in response to|in retaliation for"
    r"|in the wake of|response to|retaliation for|reaction to)\s+",
)


def _move_after(text: str, cands: list[_Candidate]) -> None:
    """'The move came after ...': the measures reported before answer what the clause names."""
    seen: set[tuple[int, int]] = set()
    for cand in cands:
        s, e = cand.sentence
        if (s, e) in seen:
            continue
        seen.add((s, e))
        m = _MOVE_AFTER.match(text, s, e)
        if not m:
            continue
        span = (m.end(), _clause_end(text, m.end(), e))
        for other in cands:
            if other.sentence[0] >= s or other.speech or other.hint_span is not None:
                continue
            if other.category in lex.REACTIVE_CATEGORIES or "response" in other.flags:
                other.hint_span = span
                other.kind = "response"


def _remarks_anaphora(text: str, cands: list[_Candidate]) -> None:
    """'X made the remarks ...': X is who spoke in the reaction reported just before."""
    for k, cand in enumerate(cands):
        phrase = text[cand.trigger[0] : cand.trigger[1]].lower()
        if not cand.speech or not re.match(
            r"made (?:the|these|those) (?:remarks|comments)", phrase
        ):
            continue
        if not cand.actor or cand.actor.lower() in lex.PRONOUNS:
            continue
        for j in range(k - 1, -1, -1):
            prev = cands[j]
            if prev.date is not None and prev.kind == "response" or "response" in prev.flags:
                if _bare(prev.actor) or not prev.actor:
                    prev.actor = cand.actor
                    if cand.date is None:
                        cand.merged_into = j
                break


def _hours_later(text: str, cands: list[_Candidate]) -> None:
    """'hit back hours later', 'the same day': an undated act takes the last day told before."""
    pattern = _compiled()["later"]
    for i, cand in enumerate(cands):
        if cand.date is not None or cand.merged_into is not None or cand.future:
            continue
        m = pattern.match(text, cand.trigger[1], cand.sentence[1])
        if not m:
            continue
        before = [c for c in cands[:i] if c.date is not None and c.date.start == c.date.end]
        if before and before[-1].date is not None:
            span = (m.start() + len(m.group(0)) - len(m.group(0).lstrip()), m.end())
            cand.date = replace(before[-1].date, span=span, text=text[span[0] : span[1]])
            cand.notes.append("date taken from the day told just before ('later')")


_DAYS_AFTER = re.compile(
    r"[,;]?\s*(?:just\s+|only\s+)?(a|one|two|three|four|five|six|\d)\s+(day|days|week|weeks)\s+"
    r"(after|before)\s+",
    re.IGNORECASE,
)


def _days_after(text: str, cands: list[_Candidate]) -> None:
    """'X did Y on Friday, a day after Z did W': W took place the day before Friday."""
    for cand in cands:
        date = cand.date
        if date is None or date.start is None or date.start != date.end or date.span is None:
            continue
        s, e = cand.sentence
        if not s <= date.span[1] <= e:
            continue
        m = _DAYS_AFTER.search(text, max(cand.trigger[1], date.span[1]), e)
        if not m or len(_WORD.findall(text[max(cand.trigger[1], date.span[1]) : m.start()])) > 12:
            continue
        for other in cands:
            if other is cand or other.sentence != cand.sentence or other.date is not None:
                continue
            if other.trigger[0] < m.end() or other.speech or other.future:
                continue
            word = m.group(1).lower()
            count = int(word) if word.isdigit() else _NUMBERS.get(word, 1)
            sign = -1 if m.group(3).lower() == "after" else 1
            if m.group(2).lower().startswith("day"):
                day = date.start + dt.timedelta(days=sign * count)
                other.date = _Date(day, day, "day", m.group(0).strip(" ,;"), (m.start(), m.end()))
            else:
                mid = date.start + dt.timedelta(days=sign * 7 * count)
                other.date = _Date(
                    mid - dt.timedelta(days=3),
                    mid + dt.timedelta(days=3),
                    "approximate",
                    m.group(0).strip(" ,;"),
                    (m.start(), m.end()),
                )
            other.notes.append("date counted from the act it is told relative to")
            if (
                cand.kind == "response"
                or "response" in cand.flags
                or (cand.category in lex.REACTIVE_CATEGORIES)
            ):
                cand.hint_span = cand.hint_span or (m.end(), _clause_end(text, m.end(), e))
            break


_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
_NUMBERS |= {"nine": 9, "ten": 10}


def _visit_length(text: str, cands: list[_Candidate]) -> None:
    """An arrival day and 'a three-day visit' in one sentence give the visit's span."""
    pattern = _compiled()["n_day"]
    for cand in cands:
        date = cand.date
        if cand.category != "visit" or date is None or date.start is None:
            continue
        if date.start != date.end:
            continue
        m = pattern.search(text, cand.sentence[0], cand.sentence[1])
        if not m:
            continue
        word = m.group(1).lower()
        days = int(word) if word.isdigit() else _NUMBERS.get(word, 1)
        if 1 < days <= 31:
            cand.date = replace(date, end=date.start + dt.timedelta(days=days - 1))
            cand.notes.append(f"span from the arrival day and a {days}-day visit")


def _shortly_after(text: str, cands: list[_Candidate]) -> None:
    """'shortly after <dated event>': an undated candidate takes that event's day."""
    pattern = _compiled()["shortly_after"]
    for cand in cands:
        if cand.date is not None or cand.merged_into is not None:
            continue
        if not (cand.speech or "response" in cand.flags):
            continue
        s, e = cand.sentence
        m = pattern.search(text, cand.trigger[1], e)
        if not m or len(_WORD.findall(text[cand.trigger[1] : m.start()])) > 8:
            continue
        tail = text[m.end() : e]
        for other in cands:
            if other is cand or other.date is None:
                continue
            if other.category == cand.category and other.doc_id == cand.doc_id:
                continue
            if _about_overlap(tail, other, text) > 0:
                stop = _clause_end(text, m.end(), e)
                cand.date = replace(
                    other.date, span=(m.start(), stop), text=text[m.start() : stop].strip()
                )
                cand.notes.append("date taken from the event it shortly followed")
                break


# --------------------------------------------------------------------------- kinds, links


def _kinds(text: str, cands: list[_Candidate], sentences: list[tuple[int, int, bool]]) -> None:
    """Mark responses: reaction triggers, reactive categories, speech with reaction words."""
    comp = _compiled()
    for i, cand in enumerate(cands):
        if cand.merged_into is not None:
            continue
        s, e = cand.sentence
        cue = comp["cue"].search(text, s, e)
        if "response" in cand.flags or cand.category in lex.REACTIVE_CATEGORIES:
            cand.kind = "response"
            cand.hint = cand.hint or cand.obj
        elif not cand.speech and _compiled()["purpose"].match(text, cand.trigger[1], e):
            cand.kind = "response"  # "met officials on Monday to express dissatisfaction"
            cand.hint = cand.hint or cand.obj
        if cue and (
            cand.speech or "response" in cand.flags or cand.category in lex.REACTIVE_CATEGORIES
        ):
            cand.kind = "response"
            cand.hint_span = (cue.end(), _clause_end(text, cue.end(), e))
        if cand.category == "meeting" and cand.nominal and not cand.future:
            _meeting_setting(text, cands, i)
        if cand.speech:
            # what the speaker is reported to have said: this sentence (with the whole quote
            # it closes) and the next ones until another dated speech act
            quote = _quote_start(text, s, cand.trigger[0])
            words = comp["response_words"].search(text, quote, e)
            follow = _following(cands, sentences, i, text)
            nested = [c for c in cands if c.inside_speech == i and "response" in c.flags]
            reported = [
                c
                for c in cands
                if c.inside_speech == i
                and not c.speech
                and not c.future
                and "response" not in c.flags
                and c.category not in lex.REACTIVE_CATEGORIES
                and not _same_actor(c.actor, cand.actor)
            ]
            if words or nested or follow or reported:
                cand.kind = "response"
            for c in nested:
                if c.category == "statement" and c.date is None:
                    c.merged_into = i
                    cand.hint = cand.hint or c.obj
            if follow and cand.hint_span is None and not cand.hint:
                cand.hint_span = follow
            if reported and cand.hint_span is None and not cand.hint:
                cand.hint = " ".join(
                    text[c.trigger[0] : c.trigger[1]] + " " + c.obj for c in reported
                )


def _meeting_setting(text: str, cands: list[_Candidate], i: int) -> None:
    """'X raised the case with Y at a meeting on Thursday': the meeting is X's reaction."""
    cand = cands[i]
    if not re.search(
        r"\b(?:at|during|in)\s+(?:a|an|the|their|its)\s+(?:[\w-]+\s+)?$",
        text[max(cand.sentence[0], cand.trigger[0] - 30) : cand.trigger[0]],
    ):
        return
    for other in cands:
        if other is cand or other.merged_into is not None or other.sentence != cand.sentence:
            continue
        if "response" not in other.flags or other.trigger[0] > cand.trigger[0]:
            continue
        if other.date is not None and cand.date is not None:
            continue
        cand.kind = "response"
        cand.actor = other.actor or cand.actor
        cand.hint = cand.hint or other.obj
        if other.date is None:
            other.merged_into = i
        break


def _quote_start(text: str, s: int, a: int) -> int:
    """Where the quotation a speech verb closes begins (``s`` when it closes none)."""
    lead = text[s:a]
    if not re.search(r"[”\"]\s*,?\s*(?:[\w.'’-]+\s+){0,8}$", lead):
        return s
    opening = max(
        text.rfind("“", 0, a - len(lead) + lead.rfind("”") if "”" in lead else a),
        text.rfind('"', 0, s + lead.rfind('"')) if '"' in lead else -1,
    )
    return opening if 0 <= opening < s else s


def _reported_dates(text: str, cands: list[_Candidate]) -> None:
    """Undated actions inside a dated speech act take their bound (or day) from it.

    An action the speech performs ("announced sanctions", "said in a statement that X were
    declared ...") happened that day; one it only reports ("said it has lodged a protest")
    happened on or before it.
    """
    for cand in cands:
        if cand.date is not None or cand.inside_speech is None or cand.future or cand.speech:
            continue
        if cand.nominal and cand.category not in lex.REACTIVE_CATEGORIES:
            continue
        speech = cands[cand.inside_speech]
        if speech.date is None or speech.date.end is None:
            continue
        verb = text[speech.trigger[0] : speech.trigger[1]].lower()
        performs = re.search(r"announc|declar|unveil|statement", verb)
        if performs and not cand.perfect or (performs and "statement" in verb):
            cand.date = replace(speech.date)
            cand.notes.append("dated by the statement that announced it")
        else:
            cand.date = _Date(None, speech.date.end, "before", "")
            cand.notes.append(
                f"date inferred as before {speech.date.end.isoformat()} (reported then)"
            )


def _pronoun_speech_dates(text: str, cands: list[_Candidate]) -> None:
    """'It announced ...' right after a dated act by the same actor is the same occasion."""
    for k, cand in enumerate(cands):
        if not cand.speech or cand.date is not None:
            continue
        lead = text[cand.sentence[0] : cand.trigger[0]].strip().lower()
        if lead not in lex.PRONOUNS:
            continue
        for prev in cands[k - 1 :: -1] if k else []:
            if prev.sentence[1] > cand.sentence[0]:
                continue
            if text[prev.sentence[1] : cand.sentence[0]].strip():
                break
            if prev.date is not None and not prev.nominal and prev.actor == cand.actor:
                cand.date = replace(prev.date)
                cand.notes.append("dated by the sentence before, about the same act")
                break


def _clause_end(text: str, start: int, end: int) -> int:
    m = re.search(r"[,;.:]\s|\bwho\b|\bwhich\b", text[start:end])
    return start + m.start() if m else end


def _following(
    cands: list[_Candidate], sentences: list[tuple[int, int, bool]], i: int, text: str
) -> tuple[int, int] | None:
    """A cue phrase in the next two sentences that continue a speaker's remarks."""
    cand = cands[i]
    comp = _compiled()
    starts = [s for s, _e, _c in sentences]
    try:
        idx = starts.index(cand.sentence[0])
    except ValueError:
        return None
    names = _names(cand.actor)
    for s, e, _c in sentences[idx + 1 : idx + 3]:
        if any(c.sentence[0] == s and c.date is not None and c.speech for c in cands):
            return None
        cue = comp["cue"].search(text, s, e)
        if cue:
            return (cue.end(), _clause_end(text, cue.end(), e))
        lead = text[s:e].split(None, 3)[:3]
        same = names and any(w.strip(",.’'s").lower() in names for w in lead)
        if same and comp["response_words"].search(text, s, e):
            return (s, e)
    return None


def _content_words(phrase: str) -> set[str]:
    return {
        w.lower().strip("'’").removesuffix("'s").removesuffix("’s")
        for w in _WORD.findall(phrase)
        if w.lower() not in lex.STOPWORDS and not w[0].isdigit() and len(w) > 1
    }


def _about(cand: _Candidate, text: str) -> set[str]:
    """What a candidate is about: its trigger, category, actor, object and nearby words."""
    words = _content_words(text[cand.trigger[0] : cand.trigger[1]])
    words |= _content_words(cand.category) | _content_words(cand.actor) | _content_words(cand.obj)
    s, e = cand.sentence
    if e > s:
        before = _WORD.findall(text[s : cand.trigger[0]])[-8:]
        after = _WORD.findall(text[cand.trigger[1] : e])[:8]
        words |= _content_words(" ".join(before + after))
    return {_stem(w) for w in words if w not in _TIME_WORDS}


def _stem(word: str) -> str:
    for suffix in ("ations", "ation", "ings", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _about_overlap(phrase: str, cand: _Candidate, text: str) -> int:
    return len({_stem(w) for w in _content_words(phrase)} & _about(cand, text))


def _link(text: str, cands: list[_Candidate]) -> None:
    """Give each response in a document the candidate it answers (index in ``target``).

    Every mention merged into a row counts: a cue phrase of any of the response's mentions
    that contains a mention of the other row links them; else words in common decide.
    """
    members: dict[int, list[int]] = {}
    for j in range(len(cands)):
        root = _root(cands, j)
        if root is not None:
            members.setdefault(root, []).append(j)
    for i, cand in enumerate(cands):
        if cand.merged_into is not None or cand.kind != "response":
            continue
        mine = [cands[m] for m in members.get(i, [i]) if not cands[m].speech or m == i]
        hint = " ".join(
            [c.hint for c in mine if c.hint]
            + [text[c.hint_span[0] : c.hint_span[1]] for c in mine if c.hint_span]
        )
        named = _named_categories(mine)
        best = None
        best_score = 0.0
        for r, group in members.items():
            other = cands[r]
            if r == i or other.future:
                continue
            if _same_actor(cand.actor, other.actor) and other.kind == "response":
                continue
            if not _may_answer(other, cand):
                continue
            if other.target == i:
                continue
            score = 0.0
            for o in group:
                mention = cands[o]
                if mention.speech and mention.date is None:
                    continue
                if mention.inside_speech is not None and _root(cands, mention.inside_speech) == i:
                    score = max(score, 8.0)
                for m in mine:
                    span = m.hint_span
                    if span and span[0] <= mention.trigger[0] < span[1]:
                        score = max(score, 10.0)
                    if mention.sentence == m.sentence and mention.trigger[0] > m.trigger[1]:
                        score = max(score, 8.0)
            words = {_stem(w) for w in _content_words(hint)}
            about: set[str] = set()
            for o in group:
                if not (cands[o].speech and cands[o].date is None):
                    about |= _about(cands[o], text)
            score += min(3, len(words & about)) * 1.5
            if named and any(cands[o].category in named for o in group):
                score += 9.0  # the reaction names what it answers: "denounced the expulsions"
            elif (
                any("response" in cands[o].flags for o in group)
                and other.trigger[0] > cand.trigger[0]
                and not _earlier(other.date, cand.date)
                and score < 10
                and "document" not in cand.flags
            ):
                continue  # a reaction told later is not what an earlier act answers
            if other.trigger[0] < cand.trigger[0]:
                score += 0.5 + 0.4 * other.trigger[0] / max(1, len(text))
            if other.speech:
                score -= 1.5
            later = other.trigger[0] > cand.trigger[0] and "document" not in cand.flags
            if other.date is None and cand.date is not None and score < 8 and later:
                continue
            if score > best_score:
                best, best_score = r, score
        if best is None and "document" in cand.flags:
            best = next(
                (
                    j
                    for j, c in enumerate(cands)
                    if c.merged_into is None
                    and j != i
                    and not c.speech
                    and not c.future
                    and c.kind == "event"
                    and _may_answer(c, cand)
                ),
                None,
            )
        if best is None:
            best = _previous_event(cands, i)
        cand.target = best


def _earlier(a: _Date | None, b: _Date | None) -> bool:
    """Whether date ``a`` ends before date ``b`` starts (both known)."""
    if a is None or b is None or b.start is None:
        return False
    end = a.end or a.start
    return end is not None and end < b.start


def _named_categories(mine: list[_Candidate]) -> set[str]:
    """Categories of the event a reaction verb names as its object ("denounced the expulsions").

    The first event noun in the first words of the object counts ("the detention of eleven
    workers" names a detention, "the use of lethal force" a crackdown).
    """
    named: set[str] = set()
    for c in mine:
        if "response" not in c.flags:
            continue
        head = re.sub(
            r"^(?:(?:in the strongest(?: possible)? terms|strongly|firmly|resolutely)\s+)*"
            r"(?:(?:at|to|on|over|against)\s+)?",
            "",
            c.obj,
            flags=re.IGNORECASE,
        )
        head = re.split(r"\s+(?:as|that|which|and|but|saying)\s+|[,;]", head, maxsplit=1)[0]
        hits = [
            (hit.start(), category)
            for pattern, category in _compiled()["object_nouns"]
            if (hit := pattern.search(" ".join(head.split()[:5])))
        ]
        if hits:
            named.add(min(hits)[1])
    return named


def _may_answer(target: _Candidate, response: _Candidate) -> bool:
    """A response cannot answer something that starts after it."""
    if target.future:
        return False
    if target.date is None or response.date is None:
        return True
    return target.date.start is None or target.date.start <= (
        response.date.end or response.date.start
    )


def _previous_event(cands: list[_Candidate], i: int) -> int | None:
    """The latest candidate before position ``i`` that another party did."""
    cand = cands[i]
    for j in range(i - 1, -1, -1):
        other = cands[j]
        if other.merged_into is not None or other.speech or other.future:
            continue
        if _same_actor(other.actor, cand.actor):
            continue
        if not _may_answer(other, cand):
            continue
        if other.trigger[0] < cand.trigger[0]:
            return j
    return None


# --------------------------------------------------------------------------- merging


_FAMILIES = {
    "report": "document",
    "assessment": "document",
    "statement": "statement",
    "press briefing": "statement",
}


def _family(category: str) -> str:
    return _FAMILIES.get(category, category)


def _names(actor: str) -> set[str]:
    """Proper names in an actor phrase (not titles, not nationality adjectives)."""
    return {
        w.lower().strip("'’").removesuffix("'s").removesuffix("’s")
        for w in _WORD.findall(actor)
        if w[0].isupper()
        and w.lower() not in lex.NOT_NAMES
        and w.lower() not in lex.ROLE_WORDS
        and not _DEMONYM.search(w)
        and not re.search(r"-[a-z]+$", w)  # "Port-based", "bloc-led": modifiers
    }


_DEMONYM = re.compile(r"(?:ese|ian|ish|ean)$")


def _head_names(actor: str) -> set[str]:
    """Names of the acting party: "X's ambassador to Y" is X's, not Y's."""
    head = re.split(r"\s+(?:to|in|at)\s+", actor, maxsplit=1)[0]
    return _names(head) or _names(actor)


def _same_actor(a: str, b: str) -> bool:
    if not a or not b:
        return False
    na, nb = _head_names(a), _head_names(b)
    if na and nb:
        return bool(na & nb)
    return bool(_content_words(a) & _content_words(b) - {"spokesman", "spokesperson"})


def _actors_compatible(a: str, b: str, *, adjective: bool = False) -> bool:
    """Whether two actor phrases can name the same party (an empty one fits anything).

    With ``adjective``, a bare state name also fits a phrase that uses its adjective
    ("Arvelia" and "the Arvelian foreign ministry").
    """
    if not a or not b:
        return True
    if _bare(a) or _bare(b):
        bare, other = (a, b) if _bare(a) else (b, a)
        if _bare(other):
            return bare.lower().strip("'’s") == other.lower().strip("'’s")
        name = bare.strip("'’")
        cut = max(4, (len(name) * 3 + 4) // 5) if adjective else len(name)
        stem = re.escape(name[:cut]) + (r"\w*" if adjective else "")
        # the state itself or its adjective ("Arvelia", "the Arvelian ministry")
        return bool(
            re.search(rf"(?<!\bof )(?<!\bfor )(?<!\bto )(?<!\bin )\b{stem}\b(?!['’]s)", other)
            # "Arvelia" and "Arvelia's foreign ministry": the state and one of its organs
            or re.match(
                rf"(?:the\s+)?{stem}['’]s\s+(?:[\w-]+\s+){{0,2}}"
                rf"(?:{'|'.join(_ORGANS)})\b",
                other,
                re.IGNORECASE,
            )
        )
    na, nb = _names(a), _names(b)
    if na and nb:
        return bool(na & nb)
    wa, wb = _content_words(a), _content_words(b)
    return bool(wa & wb)


_ORGANS = (
    "government",
    "ministry",
    "department",
    "treasury",
    "cabinet",
    "foreign ministry",
    "embassy",
    "mission",
    "president",
    "prime minister",
    "parliament",
    "army",
    "military",
    "navy",
)


def _dates_compatible(a: _Date | None, b: _Date | None) -> bool:
    if a is None or b is None:
        return True
    lo = max(a.start or dt.date.min, b.start or dt.date.min)
    hi = min(a.end or dt.date.max, b.end or dt.date.max)
    return lo <= hi


def _better_date(a: _Date | None, b: _Date | None) -> _Date | None:
    """The more precise of two dates (a day over a span, a span over an open bound)."""
    if a is None:
        return b
    if b is None:
        return a
    rank = {"day": 0, "month": 2, "year": 3, "approximate": 2, "before": 4, "after": 4}

    def width(d: _Date) -> int:
        if d.start is None or d.end is None:
            return 10**6
        return (d.end - d.start).days

    ka = (rank.get(a.precision, 5), width(a))
    kb = (rank.get(b.precision, 5), width(b))
    return a if ka <= kb else b


def _mergeable(a: _Candidate, b: _Candidate, *, same_doc: bool) -> bool:
    """Whether two candidates report the same real-world event."""
    if _family(a.category) != _family(b.category):
        return False
    if not _dates_compatible(a.date, b.date):
        return False
    if same_doc:
        if a.date is not None and b.date is not None:
            same_day = (a.date.start, a.date.end) == (b.date.start, b.date.end)
            if same_day and (a.nominal or b.nominal) and a.category == b.category:
                return True
            if same_day and (a.nominal or b.nominal) and _family(a.category) == "document":
                return True
        if (a.date is None or b.date is None) and (
            a.nominal or b.nominal or a.category == b.category
        ):
            return _actors_compatible(a.actor, b.actor)
        return _actors_compatible(a.actor, b.actor) and bool(a.actor and b.actor)
    if a.kind != b.kind and _family(a.category) == "statement":
        return False
    shared = len((a.about & b.about) - _category_words(a, b))
    named = bool(a.actor and b.actor) and any(
        _actors_compatible(x, y)
        for x in [a.actor, *a.aliases]
        for y in [b.actor, *b.aliases]
        if x and y
    )
    if _family(a.category) == "statement":
        return named and a.date is not None and b.date is not None and shared >= 1
    open_bound = any(d is None or d.start is None or d.end is None for d in (a.date, b.date))
    if open_bound and not named:
        if _role_only(a.actor) and _role_only(b.actor):
            return shared >= 2
        return shared >= 3 and (not a.actor or not b.actor)
    if a.actor and b.actor and not named:
        if _role_only(a.actor) or _role_only(b.actor):
            return shared >= 2
        return shared >= 2 and _same_day(a.date, b.date)
    return named or shared >= 2 or (shared >= 1 and _same_day(a.date, b.date))


def _category_words(a: _Candidate, b: _Candidate) -> set[str]:
    return {_stem(w) for w in _content_words(f"{a.category} {b.category}")}


def _same_day(a: _Date | None, b: _Date | None) -> bool:
    return a is not None and b is not None and (a.start, a.end) == (b.start, b.end)


def _role_only(actor: str) -> bool:
    """An actor phrase naming a role or a group but no proper name ("the delegation")."""
    return not actor or not _names(actor)


def _bare(actor: str) -> bool:
    """An actor that is one proper name without a role (a state or capital)."""
    words = actor.split()
    return len(words) == 1 and words[0][:1].isupper() and words[0].lower() not in lex.ROLE_WORDS


def _absorb(keep: _Candidate, gone: _Candidate) -> None:
    """Fold ``gone`` into ``keep``: best date, fuller actor, union of documents."""
    if _better_date(keep.date, gone.date) is gone.date and gone.date is not None:
        keep.date = gone.date
        if gone.doc_id == keep.doc_id:
            keep.trigger, keep.sentence = gone.trigger, gone.sentence
    keep.aliases += [a for a in [gone.actor, *gone.aliases] if a and a not in keep.aliases]
    mine, theirs = _names(keep.actor), _names(gone.actor)
    fuller = (mine and mine < theirs) or (
        not mine and _content_words(keep.actor) < _content_words(gone.actor)
    )
    if not keep.actor or (fuller and len(gone.actor.split()) <= 8):
        keep.actor = gone.actor or keep.actor
    if gone.kind == "response":
        keep.kind = "response"
    keep.hint = keep.hint or gone.hint
    keep.hint_span = keep.hint_span or (gone.hint_span if gone.doc_id == keep.doc_id else None)
    keep.obj = keep.obj or gone.obj
    for d in gone.docs:
        if d not in keep.docs:
            keep.docs.append(d)


def _merge_within(cands: list[_Candidate]) -> None:
    """Merge candidates of one document that report the same event (dated ones first)."""
    order = sorted(
        range(len(cands)),
        key=lambda i: (cands[i].date is None, cands[i].speech, cands[i].trigger[0]),
    )
    for pos, i in enumerate(order):
        cand = cands[i]
        if cand.merged_into is not None:
            continue
        for j in order[pos + 1 :]:
            other = cands[j]
            if other.merged_into is not None:
                continue
            if (cand.speech and cand.date is None) or (other.speech and other.date is None):
                continue
            if cand.future or other.future:
                continue  # an announced intention is not the act it announces
            if (
                cand.date is not None
                and other.date is not None
                and cand.speech != other.speech
                and (cand.date.start, cand.date.end) != (other.date.start, other.date.end)
            ):
                continue
            if _mergeable(cand, other, same_doc=True):
                if (
                    cand.date is not None
                    and other.date is not None
                    and _family(cand.category) != _family(other.category)
                    and cand.sentence != other.sentence
                ):
                    continue
                _absorb(cand, other)
                other.merged_into = i
    # arrival and departure of one visit, reported on different days, make one span
    for i, cand in enumerate(cands):
        if cand.merged_into is not None or cand.category != "visit" or cand.date is None:
            continue
        for j, other in enumerate(cands):
            if j == i or other.merged_into is not None or other.category != "visit":
                continue
            if other.date is None or "day" not in (cand.date.precision, other.date.precision):
                continue
            if cand.date.precision != other.date.precision or cand.date.start is None:
                continue
            if other.date.start is None or other.date.end is None or cand.date.end is None:
                continue
            lo, hi = min(cand.date.start, other.date.start), max(cand.date.end, other.date.end)
            if (hi - lo).days > 7 or (lo, hi) == (cand.date.start, cand.date.end):
                continue
            if not (_actors_compatible(cand.actor, other.actor) or _role_only(cand.actor)):
                continue
            first_text = cand.date if cand.date.start <= other.date.start else other.date
            _absorb(cand, other)
            cand.date = replace(first_text, start=lo, end=hi)
            cand.notes.append("visit span from its first and last reported days")
            other.merged_into = i
    # an undated event noun ("the report") re-mentions the one dated event of its family
    for cand in cands:
        if cand.merged_into is not None or cand.date is not None or not cand.nominal:
            continue
        dated = [
            j
            for j, other in enumerate(cands)
            if other.merged_into is None
            and other.date is not None
            and not other.speech
            and _family(other.category) == _family(cand.category)
        ]
        if len(dated) == 1:
            _absorb(cands[dated[0]], cand)
            cand.merged_into = dated[0]
    # "The capital hit back on Friday ... spokesman X told a briefing on Friday": one response
    for i, cand in enumerate(cands):
        if cand.merged_into is not None or cand.kind != "response" or not _bare(cand.actor):
            continue
        if cand.date is None or _family(cand.category) != "statement":
            continue
        for j, other in enumerate(cands):
            if j == i or other.merged_into is not None or other.kind != "response":
                continue
            if other.date is None or _bare(other.actor) or not other.actor:
                continue
            if (other.date.start, other.date.end) != (cand.date.start, cand.date.end):
                continue
            if _family(other.category) != "statement":
                continue
            other.hint = " ".join(x for x in (other.hint, cand.hint or cand.obj) if x)
            cand.merged_into = j
            break
    # "the ministry released a statement on Friday ... It announced sanctions": one act
    for i, cand in enumerate(cands):
        if cand.merged_into is not None or _family(cand.category) != "statement":
            continue
        if cand.date is None or "response" in cand.flags or not cand.actor or cand.speech:
            continue
        for j, other in enumerate(cands):
            if j == i or other.merged_into is not None or other.date is None:
                continue
            if other.category not in lex.REACTIVE_CATEGORIES or not other.actor:
                continue
            if (other.date.start, other.date.end) != (cand.date.start, cand.date.end):
                continue
            if _actors_compatible(cand.actor, other.actor):
                cand.merged_into = j
                other.kind = "response"
                break
    # "Arvelia said Tuesday that it has lodged a protest": the row is the protest
    for i, cand in enumerate(cands):
        if cand.merged_into is not None or not cand.speech or cand.date is None:
            continue
        if cand.category != "statement":
            continue
        inner = [c for c in cands if c.inside_speech == i]
        acts = [
            j
            for j, c in enumerate(cands)
            if c.inside_speech == i
            and c.merged_into is None
            and not c.future
            and c.category in lex.REACTIVE_CATEGORIES
            and (
                _actors_compatible(c.actor, cand.actor, adjective=True)
                or re.match(r"(?:its|their)\s", cand.actor, re.IGNORECASE)
                or (_bare(c.actor) and _role_only(cand.actor))
            )
        ]
        said = [c for c in inner if c.merged_into == i]
        if len(acts) == 1 and not said:
            cand.merged_into = acts[0]
    # pronoun-led speech folded into its substantive event of the same sentence and date
    for i, cand in enumerate(cands):
        if cand.merged_into is not None or not cand.speech or cand.date is None:
            continue
        for j, other in enumerate(cands):
            if j == i or other.merged_into is not None or other.speech:
                continue
            if (
                other.sentence == cand.sentence
                and other.date is not None
                and (other.date.start, other.date.end) == (cand.date.start, cand.date.end)
            ):
                if not other.actor:
                    other.actor = cand.actor
                cand.merged_into = j
                break
    # follow merges to their roots
    for cand in cands:
        seen = set()
        while cand.merged_into is not None and cands[cand.merged_into].merged_into is not None:
            if cand.merged_into in seen:
                break
            seen.add(cand.merged_into)
            cand.merged_into = cands[cand.merged_into].merged_into


# --------------------------------------------------------------------------- the table


def _root(cands: list[_Candidate], i: int | None) -> int | None:
    seen = set()
    while i is not None and cands[i].merged_into is not None and i not in seen:
        seen.add(i)
        i = cands[i].merged_into
    return i


def _table(docs: list[Any], per_doc: list[list[_Candidate]]):
    """Merge candidates across documents, bound undated events, and build the DataFrame."""
    from timeline.table import events_frame, sort_events

    by_id = {doc.doc_id: doc for doc in docs}
    rows: list[_Candidate] = []
    targets: list[tuple[int, int]] = []
    for cands in per_doc:
        index: dict[int, int] = {}
        for i, cand in enumerate(cands):
            if cand.merged_into is None:
                index[i] = len(rows)
                rows.append(cand)
        for i, cand in enumerate(cands):
            if cand.merged_into is None and cand.target is not None:
                t = _root(cands, cand.target)
                if t is not None and t in index and index[t] != index[i]:
                    targets.append((index[i], index[t]))
    parent = list(range(len(rows)))

    def find(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    # drop what can never be a row before merging across documents
    answered = {t for _r, t in targets}
    keep = [_keepable(c, k in answered, by_id.get(c.doc_id)) for k, c in enumerate(rows)]
    # bounds each document gives its undated events, before they meet other documents
    within: dict[int, int] = {}
    for r, t in targets:
        within.setdefault(r, t)
    _bound_undated(rows, [k for k in range(len(rows)) if keep[k]], within)
    for a, b in _merge_pairs(rows, keep):
        if rows[a].doc_id == rows[b].doc_id:
            continue
        ra, rb = find(a), find(b)
        if ra == rb:
            continue
        if _mergeable(rows[ra], rows[rb], same_doc=False):
            primary, other = (ra, rb) if _primary_first(rows[ra], rows[rb]) else (rb, ra)
            _absorb(rows[primary], rows[other])
            parent[other] = primary
    link: dict[int, int] = {}
    for r, t in targets:
        rr, rt = find(r), find(t)
        if rr != rt and keep[r] and keep[t] and rr not in link:
            link[rr] = rt
    roots = sorted({find(k) for k in range(len(rows)) if keep[k]})
    _bound_undated(rows, roots, link)
    final = [k for k in roots if rows[k].date is not None]
    for k in list(link):
        if link[k] not in final or k not in final:
            del link[k]
    _clean_links(rows, link)
    ids = _event_ids(rows, final)
    answered = set(link.values())
    for k in final:
        cand = rows[k]
        described = "response" not in cand.flags and cand.category not in lex.REACTIVE_CATEGORIES
        undated = any(n.startswith("date inferred") for n in cand.notes)
        if cand.kind == "response" and k in answered and described and undated:
            # statements by others that the text only describes ("issued statements
            # condemning ..."), undated and answered in turn, are the event the story's
            # response is about
            cand.kind = "event"
            cand.notes.append("kept as an event: described undated and answered by a response")
    records = []
    for k in final:
        target = rows[link[k]] if k in link else None
        records.append(_record(rows[k], ids[k], ids.get(link.get(k, -1), ""), by_id, target))
    frame = events_frame(records)
    return sort_events(frame)


def _merge_pairs(rows: list[_Candidate], keep: list[bool]) -> list[tuple[int, int]]:
    """Pairs of rows that could report one event: same family, dates that can overlap.

    Closed intervals are swept in date order, so a large corpus is not compared pair by pair;
    rows with an open bound are compared with every row of their family.
    """
    families: dict[str, list[int]] = {}
    for k, row in enumerate(rows):
        if keep[k]:
            families.setdefault(_family(row.category), []).append(k)
    pairs: set[tuple[int, int]] = set()
    for members in families.values():
        closed = sorted(
            (k for k in members if _closed(rows[k].date)),
            key=lambda k: (rows[k].date.start, k),
        )
        for x, a in enumerate(closed):
            for b in closed[x + 1 :]:
                if rows[b].date.start > rows[a].date.end:
                    break
                pairs.add((min(a, b), max(a, b)))
        for a in members:
            if not _closed(rows[a].date):
                pairs.update((min(a, b), max(a, b)) for b in members if b != a)
    return sorted(pairs)


def _closed(date: _Date | None) -> bool:
    return date is not None and date.start is not None and date.end is not None


def _clean_links(rows: list[_Candidate], link: dict[int, int]) -> None:
    """Drop links to events that start after the response ends, and break any loop."""
    for k in list(link):
        mine, theirs = rows[k].date, rows[link[k]].date
        end = mine.end or mine.start
        if theirs.start is not None and end is not None and theirs.start > end:
            del link[k]
    for k in sorted(link):
        path = [k]
        while path[-1] in link and link[path[-1]] not in path:
            path.append(link[path[-1]])
        if path[-1] in link and link[path[-1]] in path:
            loop = path[path.index(link[path[-1]]) :]
            first = min(loop, key=lambda j: (_sort_day(rows[j].date), j))
            del link[first]


def _sort_day(date: _Date) -> dt.date:
    return date.start or date.end or dt.date.max


def _keepable(cand: _Candidate, answered: bool, doc: Any) -> bool:
    """Whether a candidate can become a row: dated, or bounded by what answers it."""
    if cand.future and cand.date is None:
        return False
    if cand.date is not None:
        return True
    if answered and not cand.speech:
        return True
    if cand.kind == "response" and not cand.speech and "response" not in cand.flags:
        return cand.perfect or cand.inside_speech is not None
    return (
        cand.kind == "response"
        and cand.perfect
        and (cand.category == "protest" or "response" in cand.flags)
    )


def _primary_first(a: _Candidate, b: _Candidate) -> bool:
    """Whether ``a`` should be the primary of the two (more precise date, then doc order)."""
    better = _better_date(a.date, b.date)
    return better is None or better is a.date or a.date == b.date


def _bound_undated(rows: list[_Candidate], roots: list[int], link: dict[int, int]) -> None:
    """Undated rows take the bounds the text allows from responses (and what they answer)."""
    answered_by: dict[int, list[int]] = {}
    for r, t in link.items():
        answered_by.setdefault(t, []).append(r)
    for _round in range(3):
        for k in roots:
            cand = rows[k]
            if cand.date is not None:
                continue
            uppers = [
                rows[r].date.start or rows[r].date.end
                for r in answered_by.get(k, [])
                if rows[r].date is not None
            ]
            upper = min(uppers) if uppers else None
            if upper is None and cand.inside_speech is not None and cand.perfect is not None:
                upper = None
            lower = None
            if k in link and rows[link[k]].date is not None:
                lower = rows[link[k]].date.start
            if upper is None:
                continue
            if lower is not None and lower <= upper:
                cand.date = _Date(lower, upper, "approximate", "")
                cand.notes.append(
                    f"date inferred between {lower.isoformat()} and {upper.isoformat()}"
                )
            else:
                cand.date = _Date(None, upper, "before", "")
                cand.notes.append(f"date inferred as before {upper.isoformat()}")


def _event_ids(rows: list[_Candidate], final: list[int]) -> dict[int, str]:
    """Stable slugs category-actor-date, numbered deterministically when they collide."""
    raw = {}
    for k in final:
        cand = rows[k]
        names = sorted(_names(cand.actor), key=lambda w: cand.actor.lower().find(w))
        who = "-".join(names[-2:]) if names else ""
        day = cand.date.start or cand.date.end
        parts = [cand.category, who, day.isoformat() if day else "undated"]
        slug = re.sub(r"[^a-z0-9]+", "-", "-".join(p for p in parts if p).lower()).strip("-")
        raw[k] = slug or "event"
    out: dict[int, str] = {}
    used: dict[str, int] = {}
    for k in sorted(final, key=lambda k: (raw[k], rows[k].doc_id, rows[k].trigger)):
        slug = raw[k]
        used[slug] = used.get(slug, 0) + 1
        out[k] = slug if used[slug] == 1 else f"{slug}-{used[slug]}"
    return out


def _record(
    cand: _Candidate,
    event_id: str,
    responds_to: str,
    by_id: dict[str, Any],
    target: _Candidate | None = None,
) -> dict:
    doc = by_id[cand.doc_id]
    text = doc.text
    ev_start, ev_end = _evidence_span(text, cand)
    notes = ["extracted"] + cand.notes
    return {
        "event_id": event_id,
        "kind": cand.kind if (cand.kind == "event" or responds_to) else "event",
        "category": cand.category,
        "date_start": cand.date.start,
        "date_end": cand.date.end,
        "date_precision": _consistent_precision(cand.date),
        "date_text": cand.date.text or None,
        "title": _title(cand, target),
        "actor": cand.actor or None,
        "responds_to": responds_to or None,
        "sources": ";".join(cand.docs),
        "source_url": doc.url or None,
        "outlet": doc.outlet or None,
        "publisher_type": doc.publisher_type or None,
        "evidence": text[ev_start:ev_end],
        "evidence_start": ev_start,
        "evidence_end": ev_end,
        "reviewed": False,
        "notes": "; ".join(notes),
    }


def _consistent_precision(date: _Date) -> str:
    """The precision, demoted to approximate when the bounds are not whole months or years."""
    start, end = date.start, date.end
    if date.precision == "year" and not (
        start and end and (start.month, start.day) == (1, 1) and (end.month, end.day) == (12, 31)
    ):
        return "approximate"
    if date.precision == "month" and not (start and end and start.day == 1 and _month_end(end)):
        return "approximate"
    return date.precision


def _evidence_span(text: str, cand: _Candidate) -> tuple[int, int]:
    """The phrase from trigger to date mention (at most 25 words, within the sentence)."""
    s, e = cand.sentence
    a, b = cand.trigger
    if cand.date is not None and cand.date.span is not None and s <= cand.date.span[0] < e:
        a, b = min(a, cand.date.span[0]), max(b, cand.date.span[1])
    # widen to whole words and a little context on the side of the actor
    words = list(re.finditer(r"\S+", text[s:e]))
    spans = [(s + w.start(), s + w.end()) for w in words]
    inside = [k for k, (x, y) in enumerate(spans) if y > a and x < b]
    if not inside:
        return a, b
    lo, hi = inside[0], inside[-1]
    head = cand.actor.split()[:1]
    starts = [k for k in range(max(0, lo - 12), lo) if head and words[k].group(0) == head[0]]
    lo = starts[-1] if starts and hi - starts[-1] < _MAX_EVIDENCE_WORDS else max(0, lo - 3)
    while hi - lo + 1 > _MAX_EVIDENCE_WORDS:
        lo += 1
    start, end = spans[lo][0], spans[hi][1]
    while end > start and text[end - 1] in '.,;:"“”’)':
        end -= 1
    while start < end and text[start] in '"“‘(':
        start += 1
    return start, end


def _title(cand: _Candidate, target: _Candidate | None = None) -> str:
    """A neutral paraphrase from actor, category and object, in the project's own words.

    Responses name what they answer by its category and actor ("... responds to the report
    by the committee"), so a title never repeats the source's wording of the reaction.
    """
    actor = _short_actor(cand.actor) or "An unnamed party"
    if cand.kind == "response" and target is not None:
        verb = _agree(
            cand.actor or actor, lex.RESPONSE_TITLE_VERBS.get(cand.category, "responds to")
        )
        noun = lex.CATEGORY_NOUNS.get(target.category, target.category)
        by = _short_actor(target.actor)
        if by and by.split()[0].lower() in lex.ROLE_WORDS:
            by = f"the {by[0].lower()}{by[1:]}"
        elif by and by.split()[0] in ("The", "A", "An"):
            by = by[0].lower() + by[1:]
        thing = f"the {noun} by {by}" if by else f"the {noun}"
        return f"{actor} {verb} {thing}"
    verb = _agree(
        cand.actor or actor, lex.TITLE_VERBS.get(cand.category, f"is reported in a {cand.category}")
    )
    thing = _object_noun(cand.obj)
    if cand.category in ("visit",) and thing:
        return f"{actor} {verb} {thing}"
    if thing and cand.category in ("letter", "report", "assessment", "ruling", "ban", "sanction"):
        lead = re.match(r"\s*(to|on|about|over|against|into|of)\b", cand.obj, re.IGNORECASE)
        prep = lead.group(1).lower() if lead and lead.group(1).lower() != "of" else "on"
        return f"{actor} {verb} {prep} {thing}"
    return f"{actor} {verb}"


def _agree(actor: str, verb_phrase: str) -> str:
    """The verb phrase in the plural when the actor is plural ("Western countries send ...")."""
    words = re.split(r"\s+(?:of|in|to|at|for)\s+", actor, maxsplit=1)[0].split()
    last = words[-1].lower().strip(",") if words else ""
    plural = bool(words) and (
        " and " in actor
        or "," in actor
        or (last.endswith("s") and not last.endswith("ss") and not words[-1][0].isupper())
        or last in ("police", "people", "authorities")
    )
    if not plural or not verb_phrase:
        return verb_phrase
    verb, _, rest = verb_phrase.partition(" ")
    if verb == "is":
        verb = "are"
    elif verb.endswith("ies"):
        verb = verb[:-3] + "y"
    elif verb.endswith(("shes", "ches", "sses", "xes")):
        verb = verb[:-2]
    elif verb.endswith("s"):
        verb = verb[:-1]
    return f"{verb} {rest}".strip()


def _short_actor(actor: str) -> str:
    words = actor.split()
    if len(words) > 6:
        words = words[:6]
    while words and words[-1].lower().strip(",") in _CONNECTORS | {"a", "an"}:
        words.pop()
    out = " ".join(words).strip(" ,")
    return out[:1].upper() + out[1:]


_OBJECT_STOPS = frozenset(
    [
        "was",
        "were",
        "is",
        "are",
        "has",
        "have",
        "had",
        "been",
        "from",
        "during",
        "until",
        "after",
        "before",
        "since",
        "when",
        "while",
        "by",
        "saying",
        "amid",
        "despite",
        "because",
    ]
)


_OBJECT_VERBS = frozenset(
    ["for", "to", "saw", "met", "said", "told", "made", "took", "gave", "held", "left", "who"]
)


def _object_noun(phrase: str) -> str:
    """At most four content words of an object phrase, up to its first verb or time adjunct."""
    words = []
    for w in _WORD.findall(phrase):
        low = w.lower().rstrip(".")
        if (low in _OBJECT_STOPS and words) or (low.endswith("ed") and len(low) > 4):
            break
        if words and low in _OBJECT_VERBS:
            break  # "visits the capital for a three-day ...": the object ends
        if low in lex.STOPWORDS or low in _TIME_WORDS or w[0].isdigit():
            continue
        if low in ("night", "morning", "evening", "afternoon", "st", "nd", "rd", "th"):
            continue
        if re.fullmatch(r"(?:mid|early|late)-[a-z]+", low):
            continue  # "mid-April" is a date, not an object
        words.append(w)
    return " ".join(words[:4])
