"""Rows: candidates into the events table (ids, neutral titles, evidence, provenance)."""

from __future__ import annotations

import re
from typing import Any

from timeline.events.model import Candidate
from timeline.events.words import Words
from timeline.schema import MAX_EVIDENCE_WORDS


def event_ids(rows: list[Candidate]) -> list[str]:
    """Stable slugs category-actor-date, numbered deterministically when they collide."""
    raw = []
    for cand in rows:
        actor = "" if cand.actor_implied else cand.actor  # an implied actor is a guess
        who = "-".join(re.findall(r"[A-Z][a-z]+|[A-Z]{2,}", actor)[:2])
        day = cand.when.start or cand.when.end
        parts = [cand.category, who, day.isoformat() if day else "undated"]
        slug = re.sub(r"[^a-z0-9]+", "-", "-".join(p for p in parts if p).lower()).strip("-")
        raw.append(slug or "event")
    order = sorted(range(len(rows)), key=lambda k: (raw[k], rows[k].doc_id, rows[k].predicate))
    out = [""] * len(rows)
    used: dict[str, int] = {}
    for k in order:
        used[raw[k]] = used.get(raw[k], 0) + 1
        out[k] = raw[k] if used[raw[k]] == 1 else f"{raw[k]}-{used[raw[k]]}"
    return out


def title(cand: Candidate, target: Candidate | None, words: Words) -> str:
    """A neutral paraphrase in the project's own words: actor, class and what it answers.

    >>> import datetime as dt
    >>> from timeline.events.model import When
    >>> from timeline.events.words import words_for
    >>> day = When(dt.date(2021, 5, 3), dt.date(2021, 5, 3), "day")
    >>> title(Candidate("d", (0, 1), (0, 9), "expel", "162", "expulsion", day, actor="Arvelia"),
    ...       None, words_for())
    'Arvelia: expulsion'
    """
    # an implied actor is a guess from the context: the title does not state it
    # a thing as subject ("the trial opened") says more than "an unnamed party"
    titles = words.TITLE_WORDS
    actor = (
        not cand.actor_implied and short_actor(cand.actor, not cand.actor_plural, titles)
    ) or _theme(cand, words)
    if cand.kind == "response" and target is not None:
        stated = not cand.actor_implied and bool(cand.actor)
        if target.code != "000":
            answered = target.category
        else:
            answered = (
                target.lemma
                if target.nominal
                else words.TITLE_UNCLASSED_ACT.format(lemma=target.lemma)
            )
        text = words.TITLE_RESPONSE.format(
            actor=actor,
            verb=words.TITLE_RESPONSE_VERB_PLURAL
            if stated and cand.actor_plural
            else words.TITLE_RESPONSE_VERB,
            target=answered,
            target_actor=(
                not target.actor_implied
                and short_actor(target.actor, not target.actor_plural, titles)
            )
            or _theme(target, words).lower(),
        )
        text = f"{text} ({cand.category if cand.code != '000' else cand.lemma})"
    else:
        text = f"{actor}: {cand.category if cand.code != '000' else cand.lemma}"
    if cand.planned:
        text = words.TITLE_PLANNED.format(title=text)
    return text[:1].upper() + text[1:]


def _theme(cand: Candidate, words: Words) -> str:
    return short_actor(cand.theme) if cand.theme else words.TITLE_UNKNOWN_ACTOR


def short_actor(actor: str, one: bool = False, titles: frozenset[str] = frozenset()) -> str:
    """An actor phrase cut to at most six words, not ending on a short linking word; for
    ``one`` party (not "X and Y"), two titles joined before a name keep the last title and
    the name ("Deputy Premier and Foreign Minister Ivo Tarn": "Foreign Minister Ivo Tarn").

    >>> short_actor("Foreign Minister Ana Lind of the Republic of Arvelia")
    'Foreign Minister Ana Lind'
    >>> short_actor("Heads of State and Government of Arvelia")
    'Heads of State and Government'
    >>> short_actor("Former high commissioner for human rights Ana Maria Lind")
    'Former high commissioner Ana Maria Lind'
    """
    words = actor.split()
    if len(words) <= 6:
        return " ".join(words)
    joined = _after_joined_titles(words, titles) if one else []
    if joined:
        return " ".join(joined)
    name = _trailing_name(words)
    if name:
        # an office's long "for"/"of" phrase before a name: the office's head and the name
        cut = next(k for k, w in enumerate(words) if w in ("for", "of"))
        if cut + len(name) <= 6:
            return " ".join(words[:cut] + name)
    words = words[:6]
    while len(words) > 1 and (
        (words[-1].islower() and len(words[-1]) <= 3) or words[-1][-1] in ",;:"
    ):
        words.pop()
    return " ".join(words)


def _after_joined_titles(words: list[str], titles: frozenset[str]) -> list[str]:
    """The last title and the name after two titles joined by "and" ("Deputy Premier and
    Foreign Minister Ivo Tarn": "Foreign Minister Ivo Tarn"), with a possessor that opens the
    phrase ("Lirria's ..."), when that fits in six words; else []. The word before "and" is a
    title (``titles``): not "Department of Foreign Affairs and International Trade"."""
    k = len(words)
    while k > 0 and words[k - 1][:1].isupper():
        k -= 1
    run = words[k:]
    if len(run) < 2 or k < 2 or words[k - 1] not in ("and", "&"):
        return []
    if words[k - 2].lower() not in titles or any(w.endswith(("'s", "’s")) for w in run):
        return []
    owner = [words[0]] if words[0].endswith(("'s", "’s")) and k > 1 else []
    return owner + run if len(owner) + len(run) <= 6 else []


def _trailing_name(words: list[str]) -> list[str]:
    """The run of two or more capitalised words that ends the phrase after a lower-case
    "for" or "of" phrase ("... for human rights Ana Lind"), or [] ("... of the Orvo Council",
    "... Resources and Energy")."""
    k = len(words)
    while k > 0 and words[k - 1][:1].isupper():
        k -= 1
    before = words[:k]
    if len(words) - k < 2 or not before or not ({"for", "of"} & set(before)):
        return []
    last = before[-1]
    return words[k:] if last.islower() and len(last) > 3 else []


def evidence_span(text: str, cand: Candidate) -> tuple[int, int]:
    """The phrase from actor or predicate to the date mention, at most 25 words, in the sentence."""
    s, e = cand.sentence
    points = [cand.predicate]
    if cand.when.span is not None and s <= cand.when.span[0] < e:
        points.append(cand.when.span)
    if cand.actor_span is not None and s <= cand.actor_span[0] < e:
        points.append(cand.actor_span)
    a = min(p[0] for p in points)
    b = max(p[1] for p in points)
    words = [(s + m.start(), s + m.end()) for m in re.finditer(r"\S+", text[s:e])]
    inside = [k for k, (x, y) in enumerate(words) if y > a and x < b]
    if not inside:
        return a, b
    lo, hi = inside[0], inside[-1]
    while hi - lo + 1 > MAX_EVIDENCE_WORDS:
        # keep the date mention: drop words from the side away from it
        date_at = cand.when.span[0] if cand.when.span else a
        if words[lo][1] <= date_at:
            lo += 1
        else:
            hi -= 1
    start, end = words[lo][0], words[hi][1]
    while end > start and text[end - 1] in '.,;:"“”’)':
        end -= 1
    while start < end and text[start] in '"“‘(':
        start += 1
    return start, end


def record(
    cand: Candidate,
    event_id: str,
    responds_to: str,
    doc: Any,
    target: Candidate | None,
    words: Words,
) -> dict:
    """One row of the events table for a candidate."""
    text = doc.text
    ev_start, ev_end = evidence_span(text, cand)
    notes = [
        "extracted",
        f"confidence {cand.confidence:.2f}",
        f"class {cand.code} ({cand.category}), predicate '{cand.lemma}'",
        *cand.notes,
    ]
    return {
        "event_id": event_id,
        "kind": cand.kind if responds_to else "event",
        "category": cand.category if cand.code != "000" else "other",
        "date_start": cand.when.start,
        "date_end": cand.when.end,
        "date_precision": cand.when.precision,
        "date_text": cand.when.text or None,
        "title": title(cand, target, words),
        "actor": cand.actor or None,
        "responds_to": responds_to or None,
        "sources": ";".join(cand.docs),
        "source_url": getattr(doc, "url", "") or None,
        "outlet": getattr(doc, "outlet", "") or None,
        "publisher_type": getattr(doc, "publisher_type", "") or None,
        "evidence": text[ev_start:ev_end],
        "evidence_start": ev_start,
        "evidence_end": ev_end,
        "reviewed": False,
        "notes": "; ".join(notes),
        "confidence": cand.confidence,
    }
