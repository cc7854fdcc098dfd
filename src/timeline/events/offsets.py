"""Acts dated from another: by a duration ("said on Friday, two days after police entered the
embassy": the entering, two days before Friday; "a day after X expelled ... on Monday, Y
recalled ...": the recall, a day after Monday), and a reaction whose date the parse hung on
an act told before ("condemned the attack on Sunday", ``told_before``)."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from timeline.events import anchoring, clauses
from timeline.events.merging import family
from timeline.events.model import Derived
from timeline.events.tokens import lemma as _lemma

if TYPE_CHECKING:
    from timeline.events.document import Context

# durations that can date an act from another: "two days", "a week", "hours"
DAYS = re.compile(r"P(\d+)([DW])|PT(\d+)H")


def offset(
    ctx: Context, base: int, sent: Any, span: Any, dated: list[Any], starts: list[int]
) -> list[tuple[Derived, Any]]:
    """The act a duration's "after"/"before" clause tells, dated from its sentence's date.

    "X said on Friday, two days after police entered the embassy": the entering is two days
    before Friday; "a week before the vote": the vote is a week after. The sentence's date is
    the nearest day-precise mention outside that clause. When only the "after" clause is
    dated ("a day after X expelled ... on Monday, Y recalled ..."), the clause it hangs on is
    dated from it. Returns ``[(mention, predicate)]``.
    """
    tokens = anchoring.mention_tokens(sent, span.start - base, span.end - base, starts)
    if not tokens or tokens[-1].i + 1 >= sent.end:
        return []
    marker = sent.doc[tokens[-1].i + 1]
    sign = ctx.words.OFFSET_MARKERS.get(marker.lower_)
    if sign is None:
        return []
    if marker.dep_ == "mark":
        act = marker.head
    else:
        act = next((c for c in marker.children if c.dep_ in ("pobj", "pcomp")), None)
    if act is None or act.pos_ not in ("VERB", "AUX", "NOUN", "PROPN"):
        return []
    found = DAYS.fullmatch(str(span.value))
    if found is None or getattr(span, "mod", ""):
        return []  # "less than two days after": no day follows
    count, unit, hours = found.groups()
    shift = int(hours) // 24 if hours else int(count) * (7 if unit == "W" else 1)
    if shift == 0:
        return []  # "hours after": the same day, most likely; told as one act with the other
    # the date of the clause the "after" phrase hangs on ("X said on Friday, two days after")
    own = {t.i for t in tokens}
    attached = act.head if marker.dep_ == "mark" else marker.head
    while attached.i in own and attached.head.i != attached.i:
        attached = attached.head  # "left on 3 March, 48 hours after": past the duration
    days = _days_of(ctx, base, sent, dated, starts, attached)
    dated_act = act
    if not days:
        # "a day after X expelled ... on Monday, Y recalled ...": the clause it hangs on is
        # the one dated, from the act the "after" clause dates
        days = _days_of(ctx, base, sent, dated, starts, act)
        sign, dated_act = -sign, attached
        if not days or attached.pos_ not in ("VERB", "AUX") or attached.i in own:
            return []
    anchor = min(days, key=lambda m: abs(m.start - span.start))
    try:
        day = anchor.earliest + dt.timedelta(days=sign * shift)
    except OverflowError:
        return []
    text = ctx.doc.text[span.start : base + marker.idx + len(marker.text)]
    mention = Derived(
        text, span.start, base + marker.idx + len(marker.text), day, day, day.isoformat()
    )
    return [(mention, dated_act)]


def _days_of(
    ctx: Context, base: int, sent: Any, dated: list[Any], starts: list[int], head: Any
) -> list[Any]:
    """The day-precise mentions of a sentence that date the predicate ``head``."""
    days = []
    for m in dated:
        if m.earliest is None or m.earliest != (m.latest or m.earliest):
            continue
        words_of_m = anchoring.mention_tokens(sent, m.start - base, m.end - base, starts)
        found = anchoring.anchor(words_of_m, ctx.words)
        if found is not None and found.i == head.i:
            days.append(m)
    return days


def told_before(ctx: Context, head: Any, day: Any) -> Any | None:
    """The reaction whose date the parse hung on its object: "Protesters stormed the embassy
    on Saturday. Kestland condemned the attack on Sunday": "the attack" points back at an act
    the document told before, on another day, so Sunday is the condemnation's. The reaction
    verb, or None."""
    verb = head.head
    if head.dep_ != "dobj" or verb.pos_ != "VERB" or clauses.own_date(verb):
        return None
    cls = ctx.words.nouns.get(_lemma(head))
    reaction = clauses.verb_class(verb, ctx.words)
    if cls is None or reaction is None or reaction.code not in ctx.words.REACTIVE:
        return None
    if not any(c.dep_ == "det" and c.lower_ in ctx.words.POINTING for c in head.children):
        return None
    preps = [c for c in head.children if c.dep_ == "prep"]
    if len(preps) > 1 or any(c.dep_ in ("amod", "compound", "poss") for c in head.children):
        return None  # "the attack on Thursday on the embassy": a new act, told in full
    fam = family(cls.code)
    earlier = (
        c
        for c in ctx.candidates
        if c.doc_id == ctx.doc.doc_id and family(c.code) == fam and c.when.start is not None
    )
    # the act pointed back at is told within days of the date (a reaction follows its cause;
    # "the attack on Thursday" when the last one was in March is a new one)
    recent = (c for c in earlier if day is not None and abs((day - c.when.start).days) <= _RECENT)
    return verb if any(recent) else None


# how many days from a reaction's date the act it points back at may be (``told_before``)
_RECENT = 7
