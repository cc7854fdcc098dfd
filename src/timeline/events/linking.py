"""Linking: which earlier event a reaction answers, or none.

A candidate of a reactive class (statements, briefings, calls, protests, rejections,
expulsions, sanctions ...) answers the earlier event that scores best, if any scores at
least ``THRESHOLD``; so does a party's act of no known class ("Valdoria downgraded its
relations with Kestland", whose actor names a party: a state, a government, an office) when
the event is another party's act of a known class and the row's sentence names that party
(``_answering``), as what a party does next in a story is as often its answer as a statement
is. A candidate of another class (a vote, a resolution), or any other act of no known class
("the ferry sank", "Orvo opened a port"), answers only an event its own objects name,
scoring at least ``THRESHOLD_OTHER``. A row's parties are those its actor speaks for, not the
place an office sits in ("Kestland's embassy in Valdoria" is Kestland's, ``_home_keys``):

Only an event of the same story can be answered: told in the reaction's own document, or in
a sentence sharing two proper names with the reaction's, or by a document of the same story
(the two documents' proper names are alike, see ``timeline.events.stories``; such an event
counts as sharing two names). Then:

- +4 its objects name the event: the event's predicate lemma, or a word of the same class
  family ("the expulsion" names an act of expelling); +3 when only its sentence does, or
  when its objects point back ("condemned the move") and the event is an act, not words;
  +2 when only its document does;
- +2 the event is told in the reaction's own document;
- +1 their sentences share a proper name, +1 more when they share three;
- +1 the event is told by three documents or more (the story's focal event);
- +1 the event is of a class others react to (attacks, detentions, reports, expulsions ...);
- -1 the event happened the same day (a same-day event in the same document must be told
  before the reaction); -1 more than two months before, -3 more than a year before; -1 more
  when the reaction names it in neither its clause nor its sentence and it is more than
  ``UNNAMED_RECENT`` days older; such an event more than ``UNNAMED_FAR`` days older is
  background and cannot be answered at all, but by a measure in kind (an expulsion months
  after an expulsion or a seizure);
- +1 in kind: an expulsion answering an expulsion, a summons answering a recall;
- +1 the actors name different parties; -2 they name the same one, except for a measure in
  kind (a summons, an expulsion) after a salient act of its own side (its police's arrest of a
  foreign embassy's employee); a party's measure never answers its own measure of the same
  day (sanctions and expulsions announced together are one package).

A document's own act (the statement it is) comes after everything the document tells, so no
row of that document answers it. Nor does a row answer an event that none of its documents
tells and that began after the last of them was published: a recall announced for next week
does not answer an expulsion that only a later report tells (a day later is allowed for an
act the row's clause or sentence names: time zones). A doubtful row (confidence below
``DOUBTFUL``) is answered only by a reaction whose clause or sentence names it. A reaction
may answer an act dated the next day by another document when its clause or sentence names
it (time zones: a detention on the 2nd where it happened, condemned on the 1st by a capital
eight hours behind). A row dated only by its report's news day is answered by an act dated
that day only when the act names it.

A reaction's own medium ("at a press conference", "in a statement") and its verbs of saying
name no earlier statement. A reaction that answers a statement or a call without naming it
answers what that statement answers: the briefing after the clash answers the clash, not the
first statement on it.

An event dated only by its month or year (``COARSE_TARGETS``: background such as "the 2017
treaty", "sanctions imposed last month") is answered only by a row whose own objects name it;
a meeting or a visit (``ANSWERED_BY_NAME``, told around a dispute as often as its cause) only
by a row whose clause or sentence names it.
An undated act known to precede a day ("has lodged a protest", precision ``before``) is
placed at that day.

When nothing reaches the threshold, a reaction answers its story's focal act if it has one
(an act at least ``FOCAL_ANSWERS`` rows answer, at most ``FOCAL_DAYS`` before, of another
party); otherwise ``responds_to`` stays empty: never "the last earlier event". Ties go to the
nearest earlier event. A row that answers another is a ``response``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass

from timeline.events.merging import family, verbal
from timeline.events.model import Candidate
from timeline.events.parties import party_keys
from timeline.events.stories import story_documents
from timeline.events.words import Words
from timeline.schema import RESPONSE_GRACE_DAYS

THRESHOLD = 4
# Rows of other classes (a vote, a resolution, an unknown predicate whose actor names no
# party) answer an event only when they name it and score at least this.
THRESHOLD_OTHER = 6
# A row that does not name what it answers in its clause or sentence is linked only to one of
# this many events of its story told before it (nearest first); events it names there are all
# considered.
UNNAMED_REACH = 30
# An event a reaction names in neither its clause nor its sentence scores one less when it is
# more than this many days older (a reaction answers recent news unless it says otherwise).
UNNAMED_RECENT = 10
# ... and it answers none more than this many days older (background, not a cause).
UNNAMED_FAR = 60
# A row whose confidence is below this (``timeline.events.confidence``: a predicate of no class
# with a vague date, a plan, an undated saying ...) is answered only by a reaction whose
# clause or sentence names it.
DOUBTFUL = 0.5
# A story's focal act: one that at least this many rows answer; a reaction that names nothing
# answers it when it is at most FOCAL_DAYS older (see ``_to_focal``).
FOCAL_ANSWERS = 2
FOCAL_DAYS = 30
# An event dated only by its month or year is background ("the 2017 agreement", "sanctions
# imposed last month"): a row answers it only when its own objects name it.
COARSE_TARGETS = frozenset({"month", "year"})


def link(rows: list[Candidate], words: Words, published: dict[str, dt.date] | None = None) -> None:
    """Set ``target`` (an index into rows) and ``kind`` on every row that answers another.

    ``published`` (document id -> publication date) bounds what a row can answer: an event
    that began after the last of the row's documents was published is news to none of them.

    Only rows of the same story can score, so each row scores only the rows that share one of
    its documents, two of its proper names, or a document of its story (found through
    indexes, not by comparing every pair of rows): the work grows with the size of the
    stories, not with the square of the corpus.
    """
    order = sorted(range(len(rows)), key=lambda k: rows[k].when.end or rows[k].when.start)
    position = {k: n for n, k in enumerate(order)}
    # an implied actor is a guess from the context: it neither helps nor hurts a link
    posts = words.POSTED | words.PLACE_PREPOSITIONS
    parties = [set() if r.actor_implied else _home_keys(r.actor, posts) for r in rows]
    saying = words.SPEECH - words.nouns.keys()
    told = [_Told.of(r, words, saying) for r in rows]
    classes = _Classes(words.SALIENT, words.IN_KIND, words.REACTIVE)
    by_doc: dict[str, list[int]] = defaultdict(list)
    by_name: dict[str, list[int]] = defaultdict(list)
    named_by: dict[str, set[int]] = defaultdict(set)  # lemma or class family -> rows
    for k, r in enumerate(rows):
        for doc_id in {r.doc_id, *r.docs}:
            by_doc[doc_id].append(k)
        for name in r.names:
            by_name[name].append(k)
        named_by[r.lemma].add(k)
        if r.code != "000":
            named_by[family(r.code)].add(k)
    named: dict[int, int] = {}  # row -> how its words name what it answers
    stories = story_documents(rows)
    for i, row in enumerate(rows):
        if _day(row) is None:
            continue
        shared = Counter(k for name in row.names for k in by_name[name])
        mine = {row.doc_id, *row.docs}
        pool = {k for doc_id in mine for k in by_doc[doc_id]}
        pool.update(k for k, count in shared.items() if count >= 2)
        for doc_id in {d for own in mine for d in stories.get(own, ())}:
            pool.update(by_doc[doc_id])
        same_story = {d for own in mine for d in stories.get(own, ())} - mine
        pool.discard(i)
        unclassed = row.code == "000" and bool(parties[i])  # a party's act of no known class
        # the parties its sentence names, which such an act may answer (once per row)
        named_here = {k for n in row.names for k in party_keys(n.title())} if unclassed else set()
        needed = THRESHOLD if row.code in words.REACTIVE or unclassed else THRESHOLD_OTHER
        known = max((published[d] for d in mine if d in (published or {})), default=None)
        best = None
        for k, level in _reachable(row, told[i], rows, pool, position, named_by, classes):
            target = rows[k]
            if _told_together(row, target) or _announcing(row, target) or _said(row, target):
                continue
            if target.news_day and not row.news_day and _day(row) <= _day(target) and level < 3:
                continue  # a day guessed from the report's news is no earlier than a dated act
            if (
                known is not None
                and target.when.start is not None
                and (target.when.start - known).days > (1 if level >= 3 else 0)  # time zones
                and not mine & {target.doc_id, *target.docs}
            ):
                continue  # another's news, begun after every document of the row was out
            story = shared[k]
            if story < 2 and same_story & {target.doc_id, *target.docs}:
                story = 2  # told by a document of the same story
            score = _score(row, target, level, story, parties[i], parties[k], classes)
            # ... answers a known act done to it by another party, unless it names the act
            other = needed == THRESHOLD_OTHER or (
                unclassed and not _answering(named_here, parties[i], parties[k], target)
            )
            if score < (THRESHOLD_OTHER if other else needed) or barred(
                row, target, level, other, words
            ):
                continue
            distance = (_day(row) - (target.when.end or target.when.start)).days
            key = (score, -distance, -position[k])
            if (best is None or key > best[0]) and not _reaches(rows, k, i):
                best = (key, k, level)
        if best is not None:
            row.target = best[1]
            row.kind = "response"
            named[i] = best[2]
    _to_roots(rows, named, parties)
    _with_partners(rows)
    _to_focal(rows, words.REACTIVE, stories, parties)


def barred(row: Candidate, target: Candidate, level: int, other: bool, words: Words) -> bool:
    """Whether ``row`` may not answer ``target`` however it scores, given ``_naming``'s
    ``level`` (``other``: the row is of no reactive class)."""
    if other and level < 4:
        return True  # a row of another class answers only what its own objects name
    if other and row.code != "000" and family(row.code) == family(target.code):
        return True  # a visit after a visit is the same story told twice, not an answer
    if target.when.precision in COARSE_TARGETS and level < 4:
        return True  # background dated by a month or a year is answered only by name
    if target.confidence < DOUBTFUL and level < 3:
        return True  # a doubtful row is answered only when the reaction names it
    return target.code in words.ANSWERED_BY_NAME and level < 3  # a meeting or a visit


def _to_focal(
    rows: list[Candidate],
    reactive: frozenset[str],
    stories: dict[str, set[str]],
    parties: list[set[str]],
) -> None:
    """A reaction in words (a statement, a briefing, a condemnation) that answers nothing it
    names answers its story's focal act: an act (not words, not doubtful) that
    ``FOCAL_ANSWERS`` rows or more answer, told in the reaction's document or its story, up
    to ``FOCAL_DAYS`` before it, by another party (the noon briefing the day of a coup
    answers the coup). The act most answered, then the nearest."""
    answered = Counter(r.target for r in rows if r.target is not None)
    focal = [
        k
        for k, count in answered.items()
        if count >= FOCAL_ANSWERS and not verbal(rows[k].code) and rows[k].confidence >= DOUBTFUL
    ]
    if not focal:
        return
    for i, row in enumerate(rows):
        if row.target is not None or row.code not in reactive or _day(row) is None:
            continue
        if not verbal(row.code):
            continue  # a meeting or drills are no answer unless they name it
        mine = {row.doc_id, *row.docs}
        story = mine | {d for own in mine for d in stories.get(own, ())}
        best = None
        for k in focal:
            act = rows[k]
            gap = (_day(row) - (act.when.end or act.when.start)).days
            if not story & {act.doc_id, *act.docs} or gap > FOCAL_DAYS:
                continue
            if not _earlier(act, row, reactive) or _reaches(rows, k, i):
                continue
            if parties[i] & parties[k]:
                continue  # one's own act is no cause to react to
            key = (answered[k], -gap)
            if best is None or key > best[0]:
                best = (key, k)
        if best is not None:
            row.target = best[1]
            row.kind = "response"


def _told_together(a: Candidate, b: Candidate) -> bool:
    """Whether two rows are acts told in one breath ("expelled X and recalled Y")."""
    if a.doc_id != b.doc_id:
        return False
    return (
        a.predicate == b.told_with
        or b.predicate == a.told_with
        or (a.told_with is not None and a.told_with == b.told_with)
    )


def _announcing(row: Candidate, target: Candidate) -> bool:
    """The words that announce a planned act in its sentence, told before it or reporting it
    ("according to a statement on Thursday, the talks will resume"; "Kestland will recall its
    envoy, Tarn said"; not the threat in "said it will summon the envoy after Kess
    threatened ..."): its report, not its cause."""
    same = (row.doc_id, row.sentence) == (target.doc_id, target.sentence)
    told_first = target.predicate < row.predicate or _said(target, row)  # "..., Tarn said"
    return row.planned and same and verbal(target.code) and told_first


def _said(row: Candidate, target: Candidate) -> bool:
    """An act the row's own words report ("Kestland will ban imports, the office said"): what it
    says, not what it answers."""
    span = row.reports
    return (
        span is not None
        and target.doc_id == row.doc_id
        and span[0] <= target.predicate[0] < span[1]
    )


def _with_partners(rows: list[Candidate]) -> None:
    """An act told with a dated one answers what that one answers ("expelled the envoy and
    recalled its own": both answer the same call)."""
    by_span = {(r.doc_id, r.predicate): r for r in rows}
    for row in rows:
        if row.told_with is None:
            continue
        partner = by_span.get((row.doc_id, row.told_with))
        if partner is not None and partner.target is not None and rows[partner.target] is not row:
            row.target = partner.target
            row.kind = "response"


def _to_roots(rows: list[Candidate], named: dict[int, int], parties: list[set[str]]) -> None:
    """A reaction that answers another's words without naming them answers what those words
    answer: a briefing the day after a clash, told after a first statement on it, answers the
    clash, not the statement. So does one answering its own side's reaction, words or act (a
    summons after its own side's expulsion answers what the expulsion answered). A reaction
    that names what it answers ("rejected the remarks") keeps it, and so does one answering
    another party's act (an expulsion answering an expulsion)."""
    for i, level in named.items():
        k = rows[i].target
        seen = {i}
        while (
            k is not None
            and level < 3
            and (verbal(rows[k].code) or _own_side(parties[i], parties[k]))
            and rows[k].target is not None
            and rows[rows[k].target].when.precision not in COARSE_TARGETS
            and k not in seen
        ):
            seen.add(k)
            k = rows[k].target
        if k is not None and k not in seen:
            rows[i].target = k


@dataclass(frozen=True)
class _Told:
    """What a row's words name: lemmas and class families in its objects, its sentence and
    its document. Verbs of saying are left out: "said" in a reaction's sentence reports it and
    names no earlier statement ("the remarks", "the statement" do)."""

    about: frozenset[str]
    context: frozenset[str]
    document: frozenset[str]
    about_lemmas: frozenset[str]
    context_lemmas: frozenset[str]
    document_lemmas: frozenset[str]
    anaphoric: bool = False  # its objects point back ("the move", "the decision")

    @classmethod
    def of(cls, row: Candidate, words: Words, saying: frozenset[str] | None = None) -> _Told:
        """What the row names; ``saying``: the verbs of saying that are no noun ("the remarks"
        still name a statement), left out (computed once per table by ``link``)."""
        if saying is None:
            saying = words.SPEECH - words.nouns.keys()
        about = row.about - saying
        context = row.context - saying
        document = row.document - saying

        def families(lemmas: frozenset[str]) -> frozenset[str]:
            return frozenset(family(_code(lemma, words)) for lemma in lemmas)

        return cls(
            families(about),
            families(context),
            families(document & (about | context)),
            about,
            context,
            document,
            row.points_back,
        )


@dataclass(frozen=True)
class _Classes:
    """The language's class sets the scores read, taken once per ``link`` call."""

    salient: frozenset[str]
    in_kind: frozenset[str]
    reactive: frozenset[str]


def _reaches(rows: list[Candidate], start: int, goal: int) -> bool:
    """Whether following responds_to links from ``start`` reaches ``goal`` (a loop)."""
    seen = set()
    k: int | None = start
    while k is not None and k not in seen:
        if k == goal:
            return True
        seen.add(k)
        k = rows[k].target
    return False


def _earlier(target: Candidate, row: Candidate, reactive: frozenset[str]) -> bool:
    """The target happened before the row, or the same day (not the same predicate).

    Of two acts of one day told by one document, an act that is no reaction (a detention, a
    clash) comes before a reaction (a statement); otherwise the one told first.
    """
    end = target.when.end or target.when.start
    day = _day(row)
    if end is None or day is None or target.when.start is None:
        return False
    if target.when.start > day or _begun(target) > (row.when.end or day):
        return False  # a stay of days may be answered while it lasts
    if target.doc_id == row.doc_id and target.predicate == row.predicate:
        return False
    if target.document_act and (row.doc_id in target.docs or target.doc_id in row.docs):
        return False  # a document's own act comes after everything the document tells
    if end == day and target.doc_id == row.doc_id:
        if (target.code in reactive) != (row.code in reactive):
            return row.code in reactive
        return target.predicate < row.predicate
    return True


def _reachable(
    row: Candidate,
    told: _Told,
    rows: list[Candidate],
    pool: set[int],
    position: dict[int, int],
    named_by: dict[str, set[int]],
    classes: _Classes,
) -> list[tuple[int, int]]:
    """The rows of ``pool`` told before ``row`` that it may answer, with ``_naming``'s level.

    Every one its clause or sentence names, and of the others the ``UNNAMED_REACH`` nearest
    in time (so a document of many dated sentences costs time in proportion to its length).
    """
    last = row.when.end or row.when.start
    out = []
    weak = 0
    for k in sorted(pool, key=position.__getitem__, reverse=True):  # nearest first
        target = rows[k]
        ahead = _next_day_naming(row, told, target, classes.reactive)
        if ahead:
            out.append((k, ahead))
            continue
        if _begun(target) > last:
            continue
        if not _earlier(target, row, classes.reactive):
            continue
        level = _naming(row, told, target)
        if level < 3:
            weak += 1
            if weak > UNNAMED_REACH:
                break
        out.append((k, level))
    else:
        return out
    seen = {k for k, _level in out}
    keys = told.about_lemmas | told.context_lemmas | told.about | told.context
    for k in {k for key in keys for k in named_by.get(key, ())} & pool:
        target = rows[k]
        if k in seen or _begun(target) > last:
            continue
        if _earlier(target, row, classes.reactive):
            level = _naming(row, told, target)
            if level >= 3:
                out.append((k, level))
    return out


def _next_day_naming(
    row: Candidate, told: _Told, target: Candidate, reactive: frozenset[str]
) -> int:
    """How a reaction names an act dated up to ``RESPONSE_GRACE_DAYS`` after it by another
    document (``_naming``'s level, at least 3), else 0: told from another time zone (a
    detention on the 2nd where it happened, condemned on the 1st by a capital eight hours
    behind). Only an act that is no reaction."""
    if row.when.start is None or target.when.start is None or target.code in reactive:
        return 0
    if row.code not in reactive or row.doc_id in target.docs or target.doc_id in row.docs:
        return 0
    if not 0 < (target.when.start - (row.when.end or row.when.start)).days <= RESPONSE_GRACE_DAYS:
        return 0
    level = _naming(row, told, target)
    return level if level >= 3 else 0


def _naming(row: Candidate, told: _Told, target: Candidate) -> int:
    """How closely the row names the target (its lemma, or a word of its class family): 4 in
    the row's own objects, 3 in its sentence, 2 in its document, 0 not at all. An object that
    points back ("condemned the move") names, at 3, any act that is not words."""
    fam = family(target.code) if target.code != "000" else None
    if target.lemma in told.about_lemmas or fam in told.about:
        return 4
    if target.lemma in told.context_lemmas or fam in told.context:
        return 3
    if told.anaphoric and not verbal(target.code):
        return 3
    if target.lemma in told.document_lemmas or fam in told.document:
        return 2
    return 0


def _score(
    row: Candidate,
    target: Candidate,
    naming: int,
    story: int,
    mine: set[str],
    theirs: set[str],
    classes: _Classes,
) -> int:
    """The score of ``target`` as what ``row`` answers (see the module docstring).

    ``naming`` is ``_naming``'s level, ``story`` the number of proper names they share.
    """
    same_doc = row.doc_id in target.docs or target.doc_id in row.docs
    if not same_doc and story < 2:
        return 0  # another story: nothing ties the two documents together
    score = naming
    score += 2 if same_doc else 0
    score += 1 if story >= 1 else 0
    score += 1 if story >= 3 else 0
    score += 1 if len(target.docs) >= 3 else 0
    if target.code in classes.salient:
        score += 1
    if row.code in classes.in_kind and target.code in classes.in_kind:
        score += 1
    if mine and theirs:
        if not mine & theirs:
            score += 1
        elif row.code not in classes.in_kind or target.code not in classes.salient:
            score -= 2  # one's own act is answered only by a measure after a salient act
    gap = (_day(row) - (target.when.end or target.when.start)).days
    if gap == 0 and mine & theirs and _reducing(row.code) and _reducing(target.code):
        return 0  # a party's measures of one day (sanctions, expulsions) are one package
    in_kind = row.code in classes.in_kind and target.code in classes.in_kind | classes.salient
    if naming < 3 and gap > UNNAMED_FAR and not in_kind:
        return 0  # an event named only in the document, long before: background, not a cause
    if gap == 0:
        score -= 1
    elif gap > 365:
        score -= 3
    elif gap > 60:
        score -= 1
    if naming < 3 and gap > UNNAMED_RECENT:
        score -= 1  # what a reaction does not name it answers soon after
    return score


def _answering(named: set[str], mine: set[str], theirs: set[str], target: Candidate) -> bool:
    """Whether a party's act of no known class may answer a known act as a reaction does:
    the act is another party's, and the row's sentence names that party (``named``: the
    parties of its sentence's names; "Valdoria downgraded its relations with Kestland" after
    Kestland's expulsion), not another story's news ("Orvo opened a port in Lirria") nor the
    party's own business ("appointed a new cabinet")."""
    if target.code == "000" or not mine or not theirs or mine & theirs:
        return False
    return bool(theirs & named)


def _home_keys(actor: str, posts: frozenset[str]) -> set[str]:
    """The parties an actor speaks for: not the place an office sits in or is posted to
    ("Kestland's embassy in Valdoria", "the Kestland ambassador to Valdoria": Kestland's)."""
    words = actor.split()
    for n, word in enumerate(words[1:], 1):
        if word.lower() in posts:
            home = party_keys(" ".join(words[:n]))
            if home:
                return home
    return party_keys(actor)


def _own_side(mine: set[str], theirs: set[str]) -> bool:
    """Whether an earlier reaction is the row's own side's: its actor names no party the row's
    does not ("Kestland's foreign ministry" for Kestland; not "Kestland's embassy in Valdoria"
    nor "Kestland and Valdoria" for Valdoria)."""
    return bool(theirs) and theirs <= mine


def _reducing(code: str) -> bool:
    """Whether a class reduces relations (CAMEO root 16: sanctions, expulsions, closures)."""
    return code.startswith("16")


def _begun(target: Candidate):
    """When an act had happened by: its end, but the first day of a stay of days (a visit is
    answered while it lasts)."""
    end = target.when.end or target.when.start
    if target.when.precision == "day" and target.when.start and target.when.start < end:
        return target.when.start
    return end


def _day(row: Candidate):
    """The day a row is placed at: its start, or for an act known only to precede a day
    ("has lodged a protest", precision ``before``) that day."""
    return row.when.start or row.when.end


def _code(lemma: str, words: Words) -> str:
    cls = words.verbs.get(lemma) or words.nouns.get(lemma)
    return cls.code if cls else ""
