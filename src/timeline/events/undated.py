"""Acts a document tells with no date of their own: "Kestland has lodged stern
representations", "Kestland summoned Valdoria's charge d'affaires.", "Tarn condemned the raid."

A protest a document reports as already made ("has lodged stern representations", "have
criticised the verdict") but does not date happened before the document's publication, or
before the dated saying that reports it: a row of precision ``before``. Only the classes of
``UNDATED_CLASSES`` (protests, representations, condemnations: the reactions reports most
often leave undated), in the perfect tense of the language data (``PERFECT_AUXILIARIES``),
affirmative, with a named actor, and in no clause a date already anchors. Other perfects
("has said", "has received") are how reports speak, and make no row.

And a report's day: an act reducing relations that a news report tells with no date
("Kestland summoned Valdoria's charge d'affaires.") is dated by the report's news day, the
first day it tells within three days of its publication (``news_acts``), unless its
paragraph told an act of the same party on a day just before ("On December 29, Kestland
imposed sanctions. [...] Besides that, Kestland expelled 35 diplomats.": the 29th).

One more: in a document that speaks for its publisher (a ministry's statement), a decision
in the perfect ("Valdoria has decided to recall its ambassador") is what the statement
announces: the act decided is a row dated the day the statement is published. Quoted in a
news report ('"We have decided to suspend the visits," the ministry said'), the decision is
dated by the saying, or when that has no date by the report's news day.

And reactions in words: a report's undated saying, condemnation, rejection, warning, appeal
or phone call of a named person, office or (for all but plain sayings) place or organisation
is dated by the report's news day (``undated_reactions``).
"""

from __future__ import annotations

import bisect
import dataclasses
from typing import TYPE_CHECKING, Any

from timeline.events import actors, attribution, clauses, press, quotes, subjects
from timeline.events.merging import verbal
from timeline.events.model import Candidate, Derived, When
from timeline.events.parties import is_gazetteer_key, party_keys, same_party
from timeline.events.tokens import first_person

if TYPE_CHECKING:
    from timeline.events.document import Context


def perfect_acts(ctx: Context, make: Any) -> None:
    """Add a ``before`` candidate for each undated reaction in the present perfect.

    ``make(ctx, base, sent, mention, found)`` builds the candidate (``document._candidate``).
    """
    doc = ctx.doc
    if doc.published is None:
        return
    words = ctx.words
    taken = {c.predicate[0] for c in ctx.candidates if c.doc_id == doc.doc_id}
    saying = {c.predicate[0]: c for c in ctx.candidates if c.speech and c.when.start}
    speaker = attribution.speaker_of(doc, words)
    starts = sorted(m.start for m in ctx.mentions)
    own = attribution.own_voice(doc)
    news_day = _report_day(ctx)
    for base, sent in ctx.sentences:
        if ctx.layout.is_masked(base + sent.start_char):
            continue
        for tok in sent:
            if not _perfect(tok, words):
                continue
            decided = None
            if own:
                decided = _decided(tok, words)
            elif news_day is not None and quotes.quoted(ctx.layout.quotes, base + tok.idx):
                # '"We have decided to suspend the visits," the ministry said': quoted in a
                # report, the decision is the report's news
                decided = _decided(tok, words)
            found = decided or clauses.clause(tok, words)
            if found is None or found.planned:
                continue
            classes = words.UNDATED_CLASSES | (
                words.UNDATED_NOUN_CLASSES if found.nominal else set()
            )
            if decided is None and found.cls.code not in classes:
                continue  # "has lodged a protest", not "have marched into the town"
            if base + found.head.idx in taken or _dated(starts, base, found.head):
                continue
            text = " ".join(t.text for t in _verb_group(tok))
            at = base + tok.idx
            mention = Derived(text, at, at + len(tok.text), None, doc.published)
            cand = make(ctx, base, sent, mention, found)
            cand.actor, cand.actor_span = attribution.actor_of(
                ctx, base, found, sent, ("", speaker)
            )
            if not cand.actor or not actors.named(cand.actor):
                continue  # "has been criticised": nobody the row could name
            if actors.is_pronoun(cand.actor, words):
                continue
            if decided is not None:
                # "X has decided to recall its ambassador" in X's own statement: the decision
                # is what the statement announces, on the day it is published
                # ('"We have decided ...," the ministry said on Monday': the saying's day;
                # quoted in a report with no day of its own, the report's news day)
                said = None if news_day is None else _reported_on(ctx, base, tok, saying)
                day = doc.published if news_day is None else said or news_day
                cand.when = When(day, day, "day", text, None)
                cand.news_day = news_day is not None and said is None
                if news_day is None:
                    cand.notes.append(f"announced by the document itself ('{text}')")
                elif said is not None:
                    cand.notes.append(f"a decision quoted in the report ('{text}'), said {day}")
                else:
                    cand.notes.append(
                        f"a decision quoted in the report ('{text}'): its news day ({day})"
                    )
                taken.add(cand.predicate[0])
                ctx.candidates.append(cand)
                continue
            reported = _reported_on(ctx, base, tok, saying)
            if reported is not None:
                cand.when = When(None, reported, "before", text, None)  # before the saying
            cand.notes.append(f"dated before its report: told in the perfect ('{text}')")
            taken.add(cand.predicate[0])
            ctx.candidates.append(cand)


def _decided(tok: Any, words: Any) -> clauses.Clause | None:
    """The act a perfect of deciding announces ("has decided to recall its ambassador"): a
    classed act that is not words, with the decider as its party; else None."""
    if tok.lemma_.lower() not in words.DECIDING:
        return None
    act = next((c for c in tok.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
    if act is None:
        return None
    found = clauses.clause(act, words)
    if found is None or found.cls.code == "000" or verbal(found.cls.code):
        return None
    subject = subjects.subject_of(tok, words)
    return dataclasses.replace(found, subject=subject) if subject is not None else found


def _perfect(tok: Any, words: Any) -> bool:
    """A past participle with a present-tense perfect auxiliary, not negated."""
    if tok.tag_ != "VBN" or tok.pos_ != "VERB":
        return False
    children = list(tok.children)
    if not any(c.dep_ == "aux" and c.lower_ in words.PERFECT_AUXILIARIES for c in children):
        return False
    return not any(c.dep_ == "neg" for c in children)


def _reported_on(ctx: Context, base: int, tok: Any, saying: dict[int, Candidate]) -> Any:
    """The day of the dated saying that reports the act ("said on Tuesday that X has
    lodged"), or None."""
    for up in tok.ancestors:
        cand = saying.get(base + up.idx)
        if cand is not None and cand.when.precision == "day":
            return cand.when.start
    return None


def _verb_group(tok: Any) -> list[Any]:
    """The auxiliaries and the participle ("has already lodged")."""
    group = [
        c for c in tok.children if c.dep_ in ("aux", "auxpass", "advmod", "neg") and c.i < tok.i
    ]
    return sorted([*group, tok], key=lambda t: t.i)


def _dated(starts: list[int], base: int, head: Any) -> bool:
    """Whether a date mention (``starts``: their sorted offsets) lies in the clause of the
    predicate (its own row is made)."""
    left = base + head.left_edge.idx
    right = base + head.right_edge.idx + len(head.right_edge.text)
    k = bisect.bisect_left(starts, left)
    return k < len(starts) and starts[k] < right


def news_acts(ctx: Context, make: Any) -> None:
    """Add a candidate for each undated act reducing relations that a news report tells as the
    day's news: "Kestland summoned Valdoria's charge d'affaires." in a report whose lead dates its
    news ("launched strikes early Thursday").

    Only in a report (not a document speaking for its publisher) that tells a day within
    ``NEWS_DAY_REACH`` days before its publication (the first such is the news day); only
    acts of the CAMEO root 16 (summons, expulsions, recalls, sanctions, closures,
    cancellations), told in the simple past, affirmative, with a named actor, in a sentence
    with no date at all. The row is dated by the news day and says so in its notes. Attacks,
    clashes and statements left undated are background or the day before as often as the
    day's news: no row.
    """
    doc = ctx.doc
    day = _report_day(ctx)
    if day is None:
        return
    words = ctx.words
    taken = {c.predicate[0] for c in ctx.candidates if c.doc_id == doc.doc_id}
    for base, sent, tok in _undated_verbs(ctx):
        if tok.pos_ != "VERB" or tok.dep_ not in ("ROOT", "conj"):
            continue
        found = clauses.clause(tok, words)
        if found is None or found.planned or not found.cls.code.startswith("16"):
            continue
        if base + found.head.idx in taken or _not_done(found.head):
            continue
        cand = _news_row(ctx, make, base, sent, tok, found, day)
        if cand is not None:
            _told_on(ctx, cand)
            taken.add(cand.predicate[0])
            ctx.candidates.append(cand)


def _told_on(ctx: Context, cand: Candidate) -> None:
    """Date an undated measure by the act of the same party its paragraph told just before,
    not by the news day: "On December 29, Kestland imposed sanctions on Valdoria. These apply
    to ten firms. Besides that, Kestland expelled 35 diplomats." is the 29th's, in a report
    of the 1st. The narration keeps its day until a new one is told: only the last dated act
    of the paragraph (of any party) counts, a done act (not a plan) on or before the
    publication, in the sentence before or two before with only a present-tense sentence
    between ("These apply to ten firms"; not "Relations have worsened since")."""
    text = ctx.doc.text
    start = cand.sentence[0]
    published = ctx.doc.published
    told = [
        c
        for c in ctx.candidates
        if c.doc_id == cand.doc_id
        and c.sentence[1] <= start
        and not c.news_day
        and c.when.start is not None
        and "\n" not in text[c.sentence[1] : start].strip()
    ]
    if not told:
        return
    last = max(told, key=lambda c: (c.sentence[1], c.predicate[0]))
    if (
        last.planned
        or last.when.precision != "day"
        or last.when.start != last.when.end
        or (published is not None and last.when.start > published)
        or not same_party(last.actor, cand.actor)
    ):
        return
    between = [s for b, s in ctx.sentences if last.sentence[1] <= b + s.start_char < start]
    if len(between) > 1 or any(not _present(s) for s in between):
        return
    day = last.when.start
    cand.when = When(day, day, "day", cand.when.text, None)
    cand.notes[-1] = f"no date in its sentence: dated by the act its paragraph told before ({day})"
    cand.news_day = False


def _present(sent: Any) -> bool:
    """Whether a sentence tells a state in the simple present ("These sanctions apply to ten
    firms"), not an act nor a change ("Relations have worsened since")."""
    root = sent.root
    return root.tag_ in ("VBZ", "VBP") and not any(
        c.dep_ in ("aux", "auxpass") for c in root.children
    )


# how many days before its publication a report's first date may be to be its news day
NEWS_DAY_REACH = 3


def _report_day(ctx: Context) -> Any:
    """The news day of a report (``_news_day``); None for a document that speaks for its
    publisher, or has no publication date."""
    if ctx.doc.published is None or attribution.own_voice(ctx.doc):
        return None
    return _news_day(ctx)


def _news_day(ctx: Context) -> Any:
    """The day a report's news happened: the first date of one day it tells that lies within
    ``NEWS_DAY_REACH`` days before the publication, or None."""
    published = ctx.doc.published
    for m in sorted(ctx.mentions, key=lambda m: m.start):
        first, last = getattr(m, "earliest", None), getattr(m, "latest", None)
        if first is not None and first == last and 0 <= (published - first).days <= NEWS_DAY_REACH:
            return first
    return None


def _not_done(verb: Any) -> bool:
    """A verb negated, or with an auxiliary (perfect, modal, passive): no simple past act."""
    return any(c.dep_ in ("neg", "aux", "auxpass") or c.lower_ == "never" for c in verb.children)


def undated_reactions(ctx: Context, make: Any) -> None:
    """Add a candidate for each undated reaction in words of a named party: "Foreign Minister
    Tarn said the strikes were a violation.", "The Foreign Office dismissed the charge.",
    "Valdoria condemned the raid.", "Tarn telephoned his Kestland counterpart."

    Only the main verb of a sentence with no date (or one told beside it with its own
    subject: "..., while Orvo called for calm"), outside quotations, in the simple past,
    affirmative, of saying or of a class of reactions in words (``NEWS_DAY_REACTIONS``:
    statements, appeals, criticism, rejections, warnings, phone calls). Its subject is a
    named party, never a pronoun: for a plain saying (``PLAIN_SAYINGS``: "said", "told")
    a person or an office (``SPEAKING_HEADS``), as a report quotes countries, firms and
    "officials" on background as often as on the day's news; for the other verbs a named
    place, organisation or nationality as well. A party that already has a dated saying in
    the document (for a saying) or a row of the same class makes no second one (a later
    "the ministry said" continues the statement dated before; a dated act in words of any
    class, such as a condemnation, counts as a saying here), and a party with an act of any
    class dated the news day makes no undated saying that day (its words tell of that act).

    Only in a report that tells its news day, which dates the row (the notes say so). In a
    publisher's own statement, or a report with no day near its publication, such a saying
    is as often background as news: no row (tried as rows ``before`` the publication: one
    right for six wrong over our sets).
    """
    doc = ctx.doc
    day = _report_day(ctx)
    if day is None:
        return
    words = ctx.words
    taken = {c.predicate[0] for c in ctx.candidates if c.doc_id == doc.doc_id}
    told = [
        (c.code, c.speech, c.actor, _recent(c, day))
        for c in ctx.candidates
        if c.actor and c.when.end
    ]
    # a person's act dated the news day: their undated words that day tell of it
    that_day = [
        c.actor
        for c in ctx.candidates
        if c.actor and not c.actor_implied and c.when.start == day == c.when.end
    ]
    for base, sent, tok in _undated_verbs(ctx):
        if not _main(tok, words) or tok.lemma_.lower() in words.DECIDING:
            continue
        if base + tok.idx in taken or quotes.quoted(ctx.layout.quotes, base + tok.idx):
            continue
        found = clauses.clause(tok, words)
        if found is None or found.head.i != tok.i or found.planned:
            continue
        if not (found.speech or found.cls.code in words.NEWS_DAY_REACTIONS):
            continue
        if not _speaks(found, words):
            continue
        cand = _news_row(ctx, make, base, sent, tok, found, day)
        person = _person(found.subject, words)
        if cand is None or any(
            (code == cand.code or (cand.speech and (speech or (recent and verbal(code)))))
            and (person in party_keys(other) if person else same_party(cand.actor, other))
            for code, speech, other, recent in told
        ):
            continue  # that party's saying (or act of that class) is told with its date
        if cand.speech and any(_same_voice(cand.actor, person, other) for other in that_day):
            continue  # "Tarn accepted on Monday ... Tarn stated": the words of that act
        taken.add(cand.predicate[0])
        told.append((cand.code, cand.speech, cand.actor, True))
        ctx.candidates.append(cand)


def _undated_verbs(ctx: Context) -> Any:
    """(base, sentence, verb) for each verb in the simple past, affirmative, with no
    auxiliary, in a prose sentence that tells no date."""
    for base, sent in ctx.sentences:
        if ctx.layout.is_masked(base + sent.start_char):
            continue
        if any(t.ent_type_ in ("DATE", "TIME") for t in sent):
            continue
        for tok in sent:
            if tok.tag_ == "VBD" and not _not_done(tok):
                yield base, sent, tok


def _news_row(
    ctx: Context, make: Any, base: int, sent: Any, tok: Any, found: Any, day: Any
) -> Candidate | None:
    """The row of an undated act dated by the report's news day, or None when its actor is
    nobody the row could name (none, a pronoun, an unnamed group)."""
    at = base + tok.idx
    mention = Derived(tok.text, at, at + len(tok.text), day, day)
    cand = make(ctx, base, sent, mention, found)
    cand.actor, cand.actor_span = attribution.actor_of(ctx, base, found, sent, ("", ""))
    if not cand.actor or not actors.named(cand.actor) or actors.is_pronoun(cand.actor, ctx.words):
        return None
    cand.when = When(day, day, "day", tok.text, None)
    cand.notes.append(f"no date in its sentence: dated by the report's news day ({day})")
    cand.news_day = True
    return cand


def _main(verb: Any, words: Any) -> bool:
    """The main verb of its sentence, or one told beside it with a subject of its own
    ("Kessburg condemned the raid, while Orvo called for calm"; "... and Orvo urged")."""
    if verb.dep_ == "ROOT":
        return True
    if verb.head.dep_ != "ROOT" or not any(c.dep_ == "nsubj" for c in verb.children):
        return False
    if verb.dep_ == "conj":
        return True
    if verb.dep_ == "ccomp" and verb.i < verb.head.i:
        # "Orvo condemned the raid, he said"; "Tarn said ..., news agencies reported"
        return _pronoun_saying(verb.head, words) or press.press_saying(verb.head, words)
    return verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in words.SIMULTANEOUS for c in verb.children
    )


def _person(subject: Any, words: Any) -> str | None:
    """The key of the person a subject names ("Tarn" in "Foreign Minister Ivo Tarn"), or
    None: a name the tagger calls a person, or a proper noun after a role word ("Secretary
    of Defense Ivo Tarn", which it may call an organisation). A person's saying is not the
    one their country's officials made."""
    if subject is not None and subject.pos_ == "NOUN":
        # "Kestland's ambassador Ivo Tarn": the name told beside the title
        subject = next(
            (c for c in subject.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None
        )
    if subject is None or subject.pos_ != "PROPN" or subject.ent_type_ in ("GPE", "NORP"):
        return None
    if subject.lemma_.lower() in words.AGENT_HEADS | words.ROLE_WORDS:
        return None  # "the Valdorian Foreign Ministry": an office, not a person
    before = {t.lower_ for t in subject.subtree if t.i < subject.i}
    if subject.ent_type_ == "PERSON" or before & words.ROLE_WORDS - {"the", "of", "and", "a", "an"}:
        return subject.lower_[:5]
    return None


def _recent(cand: Candidate, day: Any) -> bool:
    """Dated within ``RECENT_WORDS_DAYS`` before the news day: words a party's undated saying
    that day may continue."""
    end = cand.when.end or cand.when.start
    return end is not None and 0 <= (day - end).days <= RECENT_WORDS_DAYS


RECENT_WORDS_DAYS = 3


def _same_voice(speaker: str, person: str | None, actor: str) -> bool:
    """Whether an act's actor is the speaker: the same person; for a country or a capital
    speaking ("Valdoria said", "Orvo City said"), the same party; for an office, the same
    office of the same party ("the foreign ministry", not its police)."""
    if person:
        return person in party_keys(actor)
    if not same_party(speaker, actor):
        return False
    words = speaker.split()
    if all(w[:1].isupper() for w in words) and all(
        is_gazetteer_key(k) for k in party_keys(speaker)
    ):
        return True  # a place names its state
    return words[-1].lower() == actor.split()[-1].lower()  # the same office


def _pronoun_saying(verb: Any, words: Any) -> bool:
    """Whether a verb is a plain saying whose subject is a pronoun ("..., it said"): the
    clause it reports, told before it, is the main one, and its own subject names the
    speaker."""
    return verb.lemma_.lower() in words.PLAIN_SAYINGS and any(
        c.dep_ == "nsubj" and c.pos_ == "PRON" for c in verb.children
    )


def _speaks(found: Any, words: Any) -> bool:
    """Whether the clause's subject may make an undated reaction a row (``undated_reactions``)."""
    subject = found.subject
    if subject is None or subject.pos_ == "PRON":
        return False
    if subject.ent_type_ == "PERSON" or subject.lemma_.lower() in words.SPEAKING_HEADS:
        return True
    plain = found.speech and found.lemma in words.PLAIN_SAYINGS
    return not plain and subject.ent_type_ in ("GPE", "ORG", "NORP")


# how many opening sentences of an official document are read for its own act
OPENING_SENTENCES = 3


def speaks_now(ctx: Context) -> Any:
    """The class of the act an official document opens with, its publisher's, in the present
    ("The Ministry of Foreign Affairs of Valdoria strongly condemns the detention ...", "We
    reject ..."): the document is that act, whatever its title. None otherwise."""
    publisher = party_keys(getattr(ctx.doc, "outlet", "") or "")
    for _base, sent in ctx.sentences[:OPENING_SENTENCES]:
        for tok in sent:
            if tok.pos_ != "VERB" or tok.tag_ not in ("VBZ", "VBP"):
                continue
            if any(c.dep_ in ("aux", "auxpass") for c in tok.children):
                continue
            cls = ctx.words.verbs.get(tok.lemma_.lower())
            if cls is None or not verbal(cls.code) or tok.lemma_.lower() in ctx.words.PLAIN_SAYINGS:
                continue
            subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subject is None:
                continue
            if first_person(subject, ctx.words):
                return cls
            phrase, _ = actors.actor_phrase(subject, ctx.words)
            if publisher and party_keys(phrase) & publisher:
                return cls
    return None
