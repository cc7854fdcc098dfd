"""One document's candidates: date mentions -> dated clauses -> candidates, merged within it.

``document_candidates`` runs the per-document passes in the order ``PASSES`` declares. It is
pure and its result is picklable, so a process pool or a Dask cluster can run it anywhere.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from timeline.dates import find_dates
from timeline.events import (
    actors,
    anchoring,
    attribution,
    clauses,
    confidence,
    idioms,
    mentions,
    merging,
    offsets,
    press,
    tense,
    together,
    undated,
)
from timeline.events.layout import MARKUP, Layout, layout, unwrap
from timeline.events.model import Candidate, When
from timeline.events.parse import parse
from timeline.events.parties import is_gazetteer_key, party_keys
from timeline.events.tokens import question, with_particle
from timeline.events.words import Words, words_for


@dataclass
class Context:
    """What the passes of one document share."""

    doc: Any
    words: Words
    layout: Layout
    sentences: list[tuple[int, Any]]
    mentions: list[Any]
    candidates: list[Candidate]
    spans: list[Any] = field(default_factory=list)  # durations ("two days") an act may follow
    # an office's fullest naming so far ("ministry" -> "Arvelia's foreign ministry"), so that
    # a later bare "the ministry" is that one
    offices: dict[str, str] = field(default_factory=dict)
    # the countries the document names, most named first
    places: list[str] = field(default_factory=list)
    # a titled person's fullest naming with a country, by surname ("Tarn" -> "Kestland's
    # Foreign Minister Ivo Tarn")
    people: dict[str, str] = field(default_factory=dict)
    # a titled person's first naming with no country, by surname ("Minister Ivo Tarn")
    titled: dict[str, str] = field(default_factory=dict)
    # surnames of two people of the document ("Ivo Tarn", "Orla Tarn"): no fuller naming
    shared_surnames: set[str] = field(default_factory=set)
    # the state the publisher speaks for, when it is one ("Valdoria" for its ministry)
    home: str = ""
    reference: Any = None  # what "today" counts from (``tense.reference``)


def document_candidates(doc: Any) -> list[Candidate]:
    """The candidate events of one document, after every per-document pass."""
    language = getattr(doc, "language", "en") or "en"
    words = words_for(language)
    text = unwrap(doc.text, words)
    if text != doc.text and dataclasses.is_dataclass(doc):
        doc = dataclasses.replace(doc, text=text)  # a hard-wrapped text read as paragraphs
    ctx = Context(
        doc=doc,
        words=words,
        layout=layout(doc.text, getattr(doc, "title", "") or "", words),
        sentences=[],
        mentions=[],
        candidates=[],
    )
    for step in PASSES:
        step(ctx)
    return ctx.candidates


def _find_mentions(ctx: Context) -> None:
    """Date mentions that can date an event: resolved dates and times outside furniture."""
    doc = ctx.doc
    language = getattr(doc, "language", "en") or "en"
    ctx.reference = tense.reference(doc, language, ctx.words.briefing_title, ctx.layout)
    found = find_dates(doc.text, ctx.reference, language=language)
    ctx.mentions = [m for m in found if _usable(m, ctx)]
    ctx.spans = [
        m
        for m in found
        if getattr(m, "type", "") == "DURATION"
        and offsets.DAYS.fullmatch(str(getattr(m, "value", "")))
        and not ctx.layout.is_masked(m.start)
    ]


def _parse(ctx: Context) -> None:
    """Parse the document's text (sentences with base offsets)."""
    ctx.sentences = []
    pieces = _prose_pieces(ctx.doc.text, ctx.layout)
    for base, parsed in parse(pieces, getattr(ctx.doc, "language", "en") or "en"):
        for sent in parsed.sents:
            ctx.sentences.append((base, sent))


def _prose_pieces(text: str, lay: Layout) -> list[tuple[int, str]]:
    """The prose of a document, line by line, without furniture (each with its offset)."""
    pieces = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        for a, b in sorted(lay.masked):
            if a <= start < b:
                start = min(end, b)  # a masked head (dateline) is cut off
            elif start < a < end and b >= end:
                end = a  # a masked tail (caption credit) is cut off
        bullet = _BULLET.match(text, start, end)  # "- 4 March: ...": the parse starts after
        if bullet:
            start = bullet.end()
        piece = MARKUP.sub(lambda m: " " * len(m.group(0)), text[start:end])
        head = _DATE_HEAD.match(piece)
        if head:  # "2 April: Kestland expelled ...": read as "2 April, Kestland expelled ..."
            piece = piece[: head.end() - 1] + "," + piece[head.end() :]
        if piece.strip() and any(c.isalpha() for c in piece):
            pieces.append((start, piece))
    return pieces


# a list item's marker at the start of a line ("- ", "* ", "• ", "– "), with the spaces
# around it: the parser reads "- 4 March: Kestland expels ..." as no clause
_BULLET = re.compile(r"\s*(?:[-*•–—]\s+)?")
# a date heading its line, then a colon ("2 April: ...", "April 2, 2031: ...", "2029: ..."):
# the parser takes the date for a sentence of its own, and the act after it goes undated
_DATE_HEAD = re.compile(
    r"\s*(?:\d{1,2}\s+[A-Z][a-z]+\.?(?:\s+\d{4})?|[A-Z][a-z]+\.?\s+\d{1,2}(?:,?\s+\d{4})?|\d{4})"
    r"\s*:(?=\s+[A-Z])"
)


def _dated_clauses(ctx: Context) -> None:
    """One candidate per date mention whose clause has a predicate."""
    doc = ctx.doc
    sentences = ctx.sentences
    starts = [base + s.start_char for base, s in sentences]
    last_actor = ""
    speaker = attribution.speaker_of(doc, ctx.words)
    ctx.places = mentions.countries(sentences)
    ctx.home = attribution.home_country(ctx)
    attribution.note_people(ctx)
    mentioned = mentions.party_mentions(ctx)
    by_sentence: dict[int, list[Any]] = {}

    for m in ctx.mentions:
        k = bisect.bisect_right(starts, m.start) - 1
        if k >= 0:
            by_sentence.setdefault(k, []).append(m)
    spans_in: dict[int, list[Any]] = {}
    for m in ctx.spans:
        k = bisect.bisect_right(starts, m.start) - 1
        if k >= 0:
            spans_in.setdefault(k, []).append(m)
    token_starts: dict[int, list[int]] = {}
    for k, (base, sent) in enumerate(sentences):
        s0 = base + sent.start_char
        s1 = base + sent.end_char
        if ctx.layout.is_masked(s0) and ctx.layout.is_masked(max(s0, s1 - 1)):
            continue
        seen_heads: set[int] = set()
        key = id(sent.doc)
        if key not in token_starts:
            token_starts[key] = [t.idx for t in sent.doc]
        dated = [] if question(sent) else by_sentence.get(k, [])  # asks, tells nothing
        items = [(m, None) for m in dated]
        for span in spans_in.get(k, []):
            items.extend(offsets.offset(ctx, base, sent, span, dated, token_starts[key]))
        for m, given in items:
            tokens = anchoring.mention_tokens(sent, m.start - base, m.end - base, token_starts[key])
            head = _dated_head(ctx, m, given, tokens)
            if head is None:
                continue
            found = clauses.clause(head, ctx.words)
            if found is None or found.head.i in seen_heads:
                continue
            if press.press_report(head, found, ctx.words):
                continue  # "the news agency reported Thursday": coverage, not an act
            first = len(ctx.candidates)  # the dated act's row, which the others are told with
            after = together.following(found, ctx.words)
            for act in [found, *together.conjoined(found, ctx.words), *after]:
                if act.head.i in seen_heads or idioms.done(act.head, ctx.words) is not act.head:
                    continue
                seen_heads.add(act.head.i)
                cand = _candidate(ctx, base, sent, m, act)
                cand.actor, cand.actor_span = attribution.actor_of(
                    ctx, base, act, sent, (last_actor, speaker)
                )
                if not cand.actor:
                    cand.theme = attribution.thing(act, ctx.words)
                    start = min(base + act.head.left_edge.idx, m.start)
                    own_side = act.cls.code in ctx.words.OWN_SIDE
                    # "the raid on Monday": who raided, the text does not say, and none is guessed
                    unguessed = act.cls.code in ctx.words.UNGUESSED or act.told_of
                    if not unguessed:
                        cand.actor = mentions.implied(
                            mentioned, start, base, act.head, own_side, ctx.words.ENVOYS
                        )
                    if cand.actor:
                        cand.actor_implied = True
                        cand.notes.append(f"actor implied: the party named last ({cand.actor})")
                elif not actors.is_pronoun(cand.actor, ctx.words):
                    last_actor = cand.actor
                if act in after:
                    cand.notes.append("dated by the act it follows")
                elif act is not found:
                    cand.told_with = ctx.candidates[first].predicate
                    cand.notes.append("dated by the act it is told with")
                ctx.candidates.append(cand)
        attribution.note_offices(ctx, sent)
        subject = next((t for t in sent if t.dep_ == "nsubj" and t.head.dep_ == "ROOT"), None)
        phrase, _ = actors.actor_phrase(subject, ctx.words)
        if phrase and actors.named(phrase) and not actors.is_pronoun(phrase, ctx.words):
            last_actor = phrase


def _dated_head(ctx: Context, m: Any, given: Any, tokens: list[Any]) -> Any | None:
    """The predicate a date mention dates (``given`` when an offset found it), or None: not a
    purpose or a deadline, not an act not done; a reaction in the present of an official
    document gives an earlier date to the act it names ("protests the detention on 9 April",
    published later)."""
    head = given if given is not None else anchoring.anchor(tokens, ctx.words)
    if head is None or idioms.purpose(head, tokens) or idioms.deadline(tokens, ctx.words):
        return None
    done = idioms.done(head, ctx.words)
    reference = ctx.reference or ctx.doc.published
    ahead = m.earliest is not None and reference is not None and m.earliest > reference
    if done is not None and done is not head and ahead:
        done = head  # "asked Valdoria to host talks on April 20": the talks ahead, not the asking
    head = done
    if head is None:
        return None  # "did not expel ... on Monday": no act
    head = _grounds_of(head, ctx.words)
    head = offsets.told_before(ctx, head, m.earliest) or head  # "condemned the attack on Sunday"
    told = clauses.present_object(head, ctx.words)
    published = ctx.doc.published
    late = m.latest is not None and published is not None and m.latest < published
    if told is not None and late and attribution.own_voice(ctx.doc):
        return told  # not a report's present of narration ("12 March: Orvo condemns ...")
    return head


def _grounds_of(head: Any, words: Words) -> Any:
    """The reaction a dated gerund gives the grounds of ("accused Valdoria of closing the
    border on Monday": the accusation, on Monday), else the gerund itself."""
    prep = head.head
    if head.tag_ != "VBG" or head.dep_ != "pcomp" or prep.lower_ not in words.GROUNDS:
        return head
    verb = prep.head
    if verb.pos_ != "VERB" or clauses.own_date(verb):
        return head  # "on Tuesday criticised X for closing the border on Monday": Monday's
    cls = clauses.verb_class(verb, words)
    return verb if cls is not None and merging.verbal(cls.code) else head


def _candidate(ctx: Context, base: int, sent: Any, m: Any, found: Any) -> Candidate:
    head = found.head
    a = base + head.idx
    sentence = (base + sent.start_char, base + sent.end_char)
    window = _window(head, sent)
    own = idioms.medium(head, ctx.words)  # "at a press conference" names no earlier act
    objects = _naming_words(found.objects, own, ctx.words)
    about = _lemmas(objects, head, ctx.words)
    points_back = any(
        t.lemma_.lower() in ctx.words.ANAPHORIC_NOUNS
        and any(c.dep_ == "det" and c.lower_ in ctx.words.POINTING for c in t.children)
        for t in objects
    )  # "condemned the move", not "announced new measures"
    context = _lemmas(_naming_words(window, own, ctx.words), head, ctx.words)
    names = _sentence_names(window, ctx.words)
    return Candidate(
        doc_id=ctx.doc.doc_id,
        predicate=(a, a + len(head.text)),
        sentence=sentence,
        lemma=found.lemma,
        code=found.cls.code,
        category=found.cls.category,
        when=tense.placed(_when(m), found, ctx.doc, ctx.words),
        about=about,
        context=context,
        names=names,
        nominal=found.nominal,
        points_back=points_back,
        planned=found.planned,
        speech=found.speech,
        reports=_reported_span(base, head) if found.speech else None,
        told_with=_span(base, anchoring.purpose_verb(head, ctx.words)),
        docs=[ctx.doc.doc_id],
    )


def _span(base: int, tok: Any) -> tuple[int, int] | None:
    """A token's character span in the document, or None (an act noun is told with the verb
    it is the purpose of: "arrived on Sunday for talks on Monday", the talks do not answer the
    trip)."""
    return None if tok is None else (base + tok.idx, base + tok.idx + len(tok.text))


def _reported_span(base: int, verb: Any) -> tuple[int, int] | None:
    """The character span of the act a verb of saying reports, the head of its reported
    clause ("Kestland will ban imports, the office said": the ban; not the expulsion in "said
    Arvelia's expulsion of two envoys was unjustified"), or None."""
    told = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis")]
    return _span(base, told[0]) if told else None


# Tokens either side of a predicate that count as its sentence (a run-on "sentence" of
# thousands of words would otherwise make every candidate cost its whole length).
_WINDOW = 40


def _window(head: Any, sent: Any) -> Any:
    """The predicate's sentence, cut to ``_WINDOW`` tokens either side of it."""
    return head.doc[max(sent.start, head.i - _WINDOW) : min(sent.end, head.i + _WINDOW + 1)]


def _naming_words(tokens: Any, own: frozenset[int], words: Any) -> list[Any]:
    """The tokens that may name an earlier act: not the act's own medium, and no verb of
    saying (a reaction's own voice)."""
    return [t for t in tokens if t.i not in own and not idioms.saying_verb(t, words)]


def _lemmas(tokens: Any, head: Any, words: Any) -> frozenset[str]:
    """Content lemmas of some tokens, without dates and the predicate itself; a word with
    the preposition of a listed phrase as one lemma ("calls for the release": "call for", an
    appeal, not a phone call)."""
    return frozenset(
        words.gerund_verbs.get(t.lemma_.lower(), t.lemma_.lower())
        if t.pos_ == "NOUN"  # "the summoning of its envoy" names a summons
        else with_particle(t, t.lemma_.lower(), words)
        for t in tokens
        if t.pos_ in ("NOUN", "PROPN", "VERB")
        and not t.is_stop
        and t.ent_type_ not in ("DATE", "TIME")
        and t.i != head.i
    )


def _document_act(ctx: Context) -> None:
    """An official statement or briefing document is itself a dated act of its publisher; a
    mention of the same class dated that day ("today's briefing by the spokesperson") is that
    act, told in its own words, and makes no second row."""
    doc = ctx.doc
    title = getattr(doc, "title", "") or ""
    if doc.published is None or not attribution.own_voice(doc):
        return
    titled = ctx.words.statement_title.search(title)
    opening = None if titled else undated.speaks_now(ctx)
    if not titled and opening is None:
        return  # neither titled a statement nor opening with its publisher's act
    briefing = bool(ctx.words.briefing_title.search(title))
    span = next(
        (
            (m.start, m.end)
            for m in ctx.mentions
            if m.earliest == (ctx.reference or doc.published) == m.latest and m.start < 800
        ),
        None,
    )
    # no dated mention: the document's first line (its heading) stands for it, not a word
    first = re.search(r"\S[^\n]{0,200}", doc.text)
    where = span or (
        (first.start(), first.start() + len(first.group().rstrip())) if first else (0, 0)
    )
    cls = opening or ctx.words.nouns["briefing" if briefing else "statement"]
    day = ctx.reference or doc.published  # the day its heading gives, else its publication
    if briefing:
        # "today's noon briefing by the spokesperson": the briefing itself, in its own words
        ctx.candidates = [c for c in ctx.candidates if not _names_itself(c, cls.code, doc)]
    ctx.candidates.append(
        Candidate(
            doc_id=doc.doc_id,
            predicate=where,
            sentence=(ctx.doc.text.rfind("\n", 0, where[0]) + 1, _line_end(ctx.doc.text, where[1])),
            lemma="briefing" if briefing else "statement",
            code=cls.code,
            category=cls.category,
            when=When(day, day, "day", doc.text[where[0] : where[1]], span),
            actor=doc.outlet or "",
            about=_not_own_kind(re.findall(r"\w+", title.lower()), cls.code, ctx.words),
            context=_not_own_kind(
                frozenset().union(
                    *(_lemmas(sent, sent[0], ctx.words) for _b, sent in ctx.sentences[:4])
                ),
                cls.code,
                ctx.words,
            ),
            names=frozenset().union(
                *(_sentence_names(sent, ctx.words) for _b, sent in ctx.sentences[:4])
            ),
            document_act=True,
            docs=[doc.doc_id],
            notes=["the document itself is the statement; dated by its publication"],
        )
    )


def _sentence_names(tokens: Any, words: Words) -> frozenset[str]:
    """The proper nouns of some tokens, lower-cased, but words of office ("Ministry",
    "Foreign", "Ambassador"): two sentences naming a foreign ministry share no name."""
    return frozenset(
        t.lower_
        for t in tokens
        if t.pos_ == "PROPN"
        and t.ent_type_ not in ("DATE", "TIME")
        and t.lower_ not in words.ROLE_WORDS
    )


def _not_own_kind(lemmas: Any, code: str, words: Words) -> frozenset[str]:
    """A statement document's words but those naming a statement or a briefing ("Press
    Briefing", "Statements", "Remarks") and verbs of words ("urges"): its title and opening
    name what it is about ("the Ultimatum"), not an earlier statement it answers."""
    own = {code, words.nouns["statement"].code, words.nouns["briefing"].code}
    out = set()
    for word in lemmas:
        base = next((w for w in (word, word[:-1], word[:-2]) if w in words.nouns), word)
        noun = words.nouns.get(base)
        verb = words.verbs.get(word) or words.verbs.get(word[:-1])
        if noun is not None and noun.code in own:
            continue
        if noun is None and verb is not None and merging.verbal(verb.code):
            continue
        out.add(word)
    return frozenset(out)


def _names_itself(cand: Candidate, code: str, doc: Any) -> bool:
    """A briefing document's mention of a briefing that day, by nobody or by a speaker of no
    other party than the publisher: the document itself ("today's noon briefing by the
    spokesman"), not another party's briefing."""
    if not cand.nominal or cand.code != code:
        return False
    if not cand.when.start == cand.when.end == doc.published:
        return False
    theirs = {k for k in party_keys(cand.actor) if is_gazetteer_key(k)}
    return not theirs or bool(theirs & party_keys(getattr(doc, "outlet", "") or ""))


def _line_end(text: str, offset: int) -> int:
    end = text.find("\n", offset)
    return len(text) if end < 0 else end


def _when(m: Any) -> When:
    """The bounds and precision a mention gives an event."""
    if m.earliest is None:
        return When(None, m.latest, "before", m.text, None)  # known only to precede a day
    start, end = m.earliest, m.latest if m.latest is not None else m.earliest
    value = str(getattr(m, "value", ""))
    if start == end:
        precision = "day"
    elif re.fullmatch(r"\d{4}", value) and (start.month, start.day, end.month, end.day) == (
        1,
        1,
        12,
        31,
    ):
        precision = "year"
    elif (
        re.fullmatch(r"\d{4}-\d{2}", value)
        and start.day == 1
        and (end + dt.timedelta(days=1)).day == 1
    ):
        precision = "month"
    elif re.fullmatch(r"\d{4}-\d{2}-\d{2}/\d{4}-\d{2}-\d{2}", value) and (end - start).days < 31:
        precision = "day"
    else:
        precision = "approximate"
    return When(start, end, precision, m.text, (m.start, m.end))


# TimeML's open-ended vague reference ("in the future"; "a few days ago", PAST_REF, has
# bounds): it dates nothing.
_VAGUE_VALUES = frozenset({"FUTURE_REF"})


def _usable(m: Any, ctx: Context) -> bool:
    """A DATE or TIME with a resolved lower bound, outside furniture, not a vague 'now' and
    not a deadline."""
    if getattr(m, "type", "DATE") not in ("DATE", "TIME") or m.earliest is None:
        return False
    if m.text.lower() in ctx.words.VAGUE_DATES:
        return False
    if getattr(m, "value", "") in _VAGUE_VALUES and getattr(m, "latest", None) is None:
        return False  # "in the future": open-ended ("a few days ago" has bounds)
    lead = ctx.doc.text[max(0, m.start - 60) : m.start]
    edge = ctx.words.PERIOD_EDGE.match(m.text)  # "until [the end of the week]"
    if ctx.words.DEADLINE_BEFORE.search(lead + (edge.group(0) if edge else "")):
        return False  # "until Saturday": a deadline, when nothing has happened yet
    return not ctx.layout.is_masked(m.start)


def _perfect_acts(ctx: Context) -> None:
    """Undated reactions told in the present perfect (``timeline.events.undated``)."""
    undated.perfect_acts(ctx, _candidate)


def _news_acts(ctx: Context) -> None:
    """Undated acts reducing relations a report tells as the day's news
    (``timeline.events.undated``)."""
    undated.news_acts(ctx, _candidate)


def _undated_reactions(ctx: Context) -> None:
    """Undated reactions in words of named parties (``timeline.events.undated``)."""
    undated.undated_reactions(ctx, _candidate)


def _score(ctx: Context) -> None:
    """Each candidate's confidence, and the content lemmas and proper names of its whole
    document."""
    lemmas = frozenset().union(
        *(_lemmas(sent, sent[0], ctx.words) for _base, sent in ctx.sentences)
    )
    names = _story_names(ctx)
    starts = [b + sent[0].idx for b, sent in ctx.sentences]
    for cand in ctx.candidates:
        cand.confidence = confidence.score(cand)
        cand.actor_plural = _plural(ctx, cand.actor_span, starts)
        cand.document = lemmas
        cand.story_names = {ctx.doc.doc_id: names}


def _plural(ctx: Context, span: tuple[int, int] | None, starts: list[int]) -> bool:
    """Whether the actor phrase at ``span`` is plural (``actors.plural``); ``starts``: the
    sentences' first offsets (found by bisection: a long text has thousands)."""
    if span is None:
        return False
    k = bisect.bisect_right(starts, span[0]) - 1
    if k < 0:
        return False
    base, sent = ctx.sentences[k]
    return actors.plural(sent, base, span, ctx.words)


def _story_names(ctx: Context) -> frozenset[str]:
    """The proper names a document uses (``proper_names``), to tell which documents tell
    one story."""
    return frozenset().union(*(proper_names(sent, ctx.words) for _base, sent in ctx.sentences))


def proper_names(tokens: Any, words: Any) -> frozenset[str]:
    """The proper names among some tokens: a name the tagger finds counts once, whatever its
    length ("Orvo Basin Council", not "Orvo", "Basin" and "Council"), without the words of offices
    ("Foreign Ministry" is no name of a story), and never a date."""
    roles = words.ROLE_WORDS
    out: set[str] = set()
    for t in tokens:
        if t.pos_ != "PROPN" or t.ent_type_ in ("DATE", "TIME") or t.lower_ in roles:
            continue
        if t.ent_iob_ in ("B", "I"):
            doc = t.doc
            start = t.i
            while start > 0 and doc[start].ent_iob_ == "I":
                start -= 1
            end = t.i + 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            name = [w.lower_ for w in doc[start:end] if w.is_alpha and w.lower_ not in roles]
            if name:
                out.add(" ".join(name))
            continue
        out.add(t.lower_)
    return frozenset(out)


def _merge(ctx: Context) -> None:
    ctx.candidates = merging.merge_within(ctx.candidates)


PASSES: tuple[Callable[[Context], None], ...] = (
    _find_mentions,
    _parse,
    _dated_clauses,
    _perfect_acts,
    _news_acts,
    _undated_reactions,
    _document_act,
    _score,
    _merge,
)
