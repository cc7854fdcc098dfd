"""Merging: one row per real-world event, within a document and across documents.

Two candidates are the same event when their dates agree (the same interval, or one inside
the other at day precision), their classes belong to the same family, and their actors do
not name different parties. The kept candidate is the more confident one (the more precise
date on a tie); it takes the other's sources.
"""

from __future__ import annotations

from collections import defaultdict

from timeline.events.model import Candidate, When
from timeline.events.parties import is_gazetteer_key, party_keys

# Classes that report one act of saying: a statement and the remarks it makes.
_FAMILIES = {
    "171": "seize",
    "172": "seize",
    "010": "say",
    "012": "say",
    "040": "say",
    "050": "say",
    "111": "say",
    "112": "say",
    "120": "say",
    "020": "say",
    "100": "say",
    "130": "say",
    "036": "call",
    "0431": "call",
    "043": "meet",
    "042": "meet",
}


# Families of acts made in words (statements, briefings, calls).
VERBAL_FAMILIES = frozenset({"say", "call"})


def family(code: str) -> str:
    """The family a class belongs to (classes outside a family are their own)."""
    return _FAMILIES.get(code, code)


def verbal(code: str) -> bool:
    """Whether a class is of an act made in words (see ``VERBAL_FAMILIES``)."""
    return family(code) in VERBAL_FAMILIES


def same_event(a: Candidate, b: Candidate) -> bool:
    """Whether two candidates report the same event (see the module docstring)."""
    if not _dates_agree(a, b):
        return False
    if _two_things(a, b):
        return False
    unknown_in_one_sentence = "000" in (a.code, b.code) and _one_sentence(a, b)
    if family(a.code) != family(b.code) and not unknown_in_one_sentence:
        return False
    if _one_thing(a, b):
        return True
    # an implied actor is a guess from the context: it never keeps two reports apart
    pa = set() if a.actor_implied else party_keys(a.actor)
    pb = set() if b.actor_implied else party_keys(b.actor)
    if pa and pb and not pa & pb:
        return False
    if (a.document_act or b.document_act) and a.doc_id != b.doc_id and not pa & pb:
        return False  # a statement document is another's report of it only by a named party
    # two speakers of one party (a ministry's spokesman, its customs office) stay apart
    own_a, own_b = _distinctive(pa), _distinctive(pb)
    return not (own_a and own_b and not own_a & own_b)


def _one_thing(a: Candidate, b: Candidate) -> bool:
    """One document naming the same event noun on the same day twice, whoever it credits:
    "the Office issued its assessment on 31 August" and "the commissioner, who released the
    31 August assessment" are one assessment."""
    return (
        a.doc_id == b.doc_id
        and a.nominal
        and b.nominal
        and a.lemma == b.lemma
        and a.when.precision == b.when.precision == "day"
        and (a.when.start, a.when.end) == (b.when.start, b.when.end)
        # "the expulsion of two Arvelian diplomats" and "the expulsion of three Kestland
        # envoys" are two: their objects differ; a bare "the assessment" names no other
        and (not a.about or not b.about or bool(a.about & b.about))
    )


def _two_things(a: Candidate, b: Candidate) -> bool:
    """Two nouns for two things, one dated only within the other's span: in one document "the
    motion, put forward late last month" is not "a letter dated 28 January" (the same noun
    would be); across documents, nouns of two classes ("the coup in March", "the arrest on 10
    March"), while another document's "meeting earlier this week" is its "talks on Tuesday"."""
    same_span = (a.when.start, a.when.end) == (b.when.start, b.when.end)
    if not (a.nominal and b.nominal) or a.lemma == b.lemma or same_span:
        return False
    # across documents, "talks" and "the meeting" (one class) are one; a coup and an arrest
    # (one family) are not
    return a.doc_id == b.doc_id or a.code != b.code


def _one_sentence(a: Candidate, b: Candidate) -> bool:
    """Told in the same sentence of the same document (spans alone repeat across documents)."""
    return a.doc_id == b.doc_id and a.sentence == b.sentence


def _distinctive(keys: set[str]) -> set[str]:
    """The keys of an actor that are not a country or organisation (names of people, organs)."""
    return {k for k in keys if not is_gazetteer_key(k)}


_COARSE = frozenset({"year", "month", "approximate"})


def _dates_agree(a: Candidate, b: Candidate) -> bool:
    """The same interval, or a coarse date (year, month, vague) that contains the other."""
    if (a.when.start, a.when.end) == (b.when.start, b.when.end):
        return True
    for wide, narrow in ((a, b), (b, a)):
        if wide.when.precision in _COARSE and wide.when.start and narrow.when.start:
            end = wide.when.end or wide.when.start
            if (
                wide.when.start <= narrow.when.start
                and (narrow.when.end or narrow.when.start) <= end
            ):
                return True
    return False


def _rank(cand: Candidate) -> tuple:
    """Order of preference for keeping: day precision, then confidence, then a known class."""
    return (cand.when.precision == "day", cand.confidence, cand.code != "000", -len(cand.docs))


def _better(a: Candidate, b: Candidate) -> bool:
    """Whether a should be kept over b."""
    return _rank(a) >= _rank(b)


def absorb(keep: Candidate, gone: Candidate) -> None:
    """Fold a duplicate into the kept candidate: sources, and an actor when it had none."""
    for doc_id in gone.docs:
        if doc_id not in keep.docs:
            keep.docs.append(doc_id)
    if (not keep.actor or keep.actor_implied) and gone.actor and not gone.actor_implied:
        keep.actor, keep.actor_implied = gone.actor, False  # a stated actor over a guess
        keep.actor_plural = gone.actor_plural
        keep.notes = [n for n in keep.notes if not n.startswith("actor implied")]
    elif not keep.actor and gone.actor:
        keep.actor, keep.actor_implied = gone.actor, gone.actor_implied
        keep.actor_plural = gone.actor_plural
        keep.notes += [n for n in gone.notes if n.startswith("actor implied")]
    keep.about = keep.about | gone.about
    keep.context = keep.context | gone.context
    keep.names = keep.names | gone.names
    keep.document = keep.document | gone.document
    keep.story_names = {**gone.story_names, **keep.story_names}
    keep.points_back = keep.points_back or gone.points_back


def merge_within(cands: list[Candidate]) -> list[Candidate]:
    """Merge the duplicates of one document (compared only within a class family)."""
    kept = _merge(cands, lambda a, b: True)
    kept.sort(key=lambda c: c.predicate)
    return kept


def merge_across(per_doc: list[list[Candidate]]) -> list[Candidate]:
    """Merge the candidates of all documents into one list of rows (document order kept)."""
    flat = [cand for cands in per_doc for cand in cands]
    return _stays(_merge(flat, lambda a, b: not (set(a.docs) & set(b.docs))))


def _stays(cands: list[Candidate]) -> list[Candidate]:
    """A stay told day by day ("touched down Tuesday night", "visited the parliament on
    Wednesday") is one visit spanning the days: visits of one document on consecutive days,
    by actors that name no different parties, become one row from the first day to the last."""
    visits = sorted(
        (c for c in cands if c.code in STAYS and c.when.precision == "day" and c.when.start),
        key=lambda c: c.when.start,
    )
    gone: set[int] = set()
    for k, a in enumerate(visits):
        if id(a) in gone:
            continue
        for b in visits[k + 1 :]:
            if id(b) in gone or not set(a.docs) & set(b.docs):
                continue
            if (b.when.start - (a.when.end or a.when.start)).days != 1:
                continue
            pa = set() if a.actor_implied else party_keys(a.actor)
            pb = set() if b.actor_implied else party_keys(b.actor)
            if pa and pb and not pa & pb:
                continue
            keep, other = (a, b) if _better(a, b) else (b, a)
            absorb(keep, other)
            last = b.when.end or b.when.start
            keep.when = When(a.when.start, last, "day", keep.when.text, keep.when.span)
            gone.add(id(other))
            if keep is b:
                break
            a = keep
    return [c for c in cands if id(c) not in gone]


# Classes of acts that last (a visit): told on consecutive days, one act (``_stays``).
STAYS = frozenset({"042"})


def _merge(cands: list[Candidate], allowed) -> list[Candidate]:
    """Fold each candidate into an earlier kept one it duplicates; keep the better of two.

    Kept candidates are found through an index of their dates and sentences, so merging costs
    time in proportion to the candidates that could be the same event, not to all pairs.
    """
    order = sorted(range(len(cands)), key=lambda k: (not _rank(cands[k])[0], k))
    kept: list[Candidate] = []
    index = _Index()
    for k in order:
        cand = cands[k]
        pool = index.pool(cand)
        twin = next((j for j in pool if allowed(kept[j], cand) and same_event(kept[j], cand)), None)
        if twin is None:
            index.add(len(kept), cand, new=True)
            kept.append(cand)
        elif _better(cand, kept[twin]) and kept[twin].when.precision == cand.when.precision:
            absorb(cand, kept[twin])
            kept[twin] = cand
            index.add(twin, cand, new=False)
        else:
            absorb(kept[twin], cand)
    position = {id(c): k for k, c in enumerate(cands)}
    kept.sort(key=lambda c: position.get(id(c), 0))
    return kept


_SPAN_YEARS = 60  # a kept date spanning more years than this is checked against every candidate


class _Index:
    """Where kept candidates are: by family and date (exact interval, and each year spanned)
    and by sentence; and the family each slot was first kept under (the order of the pool)."""

    def __init__(self) -> None:
        self.slot_family: list[str] = []
        self.rank: dict[str, int] = {}
        self.exact: dict[tuple, set[int]] = defaultdict(set)
        self.years: dict[tuple[str, int], set[int]] = defaultdict(set)
        self.wide: dict[str, set[int]] = defaultdict(set)
        self.members: dict[str, set[int]] = defaultdict(set)
        self.sentence: dict[tuple, set[int]] = defaultdict(set)

    def add(self, j: int, cand: Candidate, *, new: bool) -> None:
        fam = family(cand.code)
        if new:
            self.slot_family.append(fam)
            self.rank.setdefault(fam, len(self.rank))
        start, end = cand.when.start, cand.when.end or cand.when.start
        self.exact[(fam, cand.when.start, cand.when.end)].add(j)
        self.members[fam].add(j)
        self.sentence[(cand.doc_id, cand.sentence)].add(j)
        if start is None:
            return
        if end.year - start.year > _SPAN_YEARS:
            self.wide[fam].add(j)
        else:
            for year in range(start.year, end.year + 1):
                self.years[(fam, year)].add(j)

    def _dated(self, fam: str, cand: Candidate) -> set[int]:
        """Kept slots of a family whose dates may agree with the candidate's (a superset)."""
        found = set(self.exact.get((fam, cand.when.start, cand.when.end), ()))
        start, end = cand.when.start, cand.when.end or cand.when.start
        if start is None:
            return found
        if end.year - start.year > _SPAN_YEARS:
            return found | self.members.get(fam, set())
        for year in range(start.year, end.year + 1):
            found |= self.years.get((fam, year), set())
        return found | self.wide.get(fam, set())

    def pool(self, cand: Candidate) -> list[int]:
        """The kept slots to compare, in the order of a scan by family (see ``same_event``)."""
        fam = family(cand.code)
        found = self._dated(fam, cand) | self.sentence.get((cand.doc_id, cand.sentence), set())
        if cand.code == "000":
            return sorted(found, key=lambda j: (self.rank[self.slot_family[j]], j))
        found = {j for j in found if self.slot_family[j] in (fam, "000")}
        return sorted(found, key=lambda j: (self.slot_family[j] != fam, j))
