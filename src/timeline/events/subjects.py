"""Subjects: who acts in a predicate's clause, when the parse says so and when it does not.

The subject or the passive's agent; an act noun's possessor, its named modifier or the parties
it names ("talks between X and Y"); a verb without a subject of its own takes the one of the
verb it depends on, or the one a misreading parse left in the phrase just before it.
"""

from __future__ import annotations

from typing import Any

from timeline.events import idioms
from timeline.events.merging import family, verbal
from timeline.events.tokens import NOUN_POS as _NOUN_POS
from timeline.events.tokens import PARTY_ENTITIES as _PARTY_ENTITIES
from timeline.events.tokens import lemma as _lemma
from timeline.events.words import Words

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})


def subject_of(head: Any, words: Words) -> Any | None:
    """The token heading the actor of a predicate: subject, agent, possessor or inherited."""
    if idioms.imposed(head, words):
        return subject_of(head.head, words)  # "demanded Arvelia close its consulate"
    for child in head.children:
        if child.dep_ == "agent":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    named = [c for c in head.children if c.dep_ in _SUBJECTS and c.dep_ != "nsubjpass"]
    for child in head.children:
        if child.dep_ in _SUBJECTS and child.dep_ != "nsubjpass":
            if len(named) > 1 and (child.pos_ == "ADJ" or _quoted(child)):
                continue  # "'Baseless', Kess replied": the quoted word is what was said
            relative = child.tag_ in ("WDT", "WP", "WP$") or any(
                c.tag_ == "WP$" for c in child.children
            )
            if relative and head.dep_ == "relcl":
                return head.head  # "the envoy, who met ...", "whose term ended": the antecedent
            return child
        if child.dep_ == "poss" and child.tag_ == "WP$" and head.dep_ == "relcl":
            return head.head
    name = idioms.modal_name(head)
    if name is not None:
        return name
    host = idioms.envoy_state(head, words)
    if host is not None:
        return host
    if head.pos_ in _NOUN_POS:
        # "the Orvo Basin deal between X and Y": the parties named as such, not the modifier
        between = _party_after(head, words, ("between", "among"))
        for child in head.children:
            if child.ent_type_ in ("DATE", "TIME"):
                continue  # "Monday's coup": a date, not a party
            named = (child.dep_ == "amod" and child.ent_type_ == "NORP") or (
                child.dep_ == "compound" and child.ent_type_ in ("GPE", "ORG", "NORP", "PERSON")
            )
            if child.dep_ == "poss":
                return _fronted_owner(head, child, words) or child
            if named and between is None:
                return child
        if between is not None:
            return between
        for child in head.children:  # "a military coup", "army exercises": an agent word
            if child.dep_ in ("amod", "compound") and child.lower_ in words.AGENT_MODIFIERS:
                return child
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "by":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
        if head.dep_ in ("dobj", "attr", "nsubjpass") and _lemma(head.head) in words.LIGHT_VERBS:
            # "X issued a statement": X's statement; "the statement of X was issued": X's
            return subject_of(head.head, words) or _party_after(head, words)
        return _party_after(head, words) or _participant(head, words)
    return _inherited_subject(head, words)


def _fronted_owner(noun: Any, poss: Any, words: Words) -> Any | None:
    """Whose "his" or "her" is on words told before the subject ("In his speech on 19 April,
    Tarn noted ...": Tarn's); None elsewhere ("Orvo protested during his visit"; "During her
    visit, Tarn announced ...": a host and his guest)."""
    prep = noun.head
    if poss.tag_ != "PRP$" or noun.dep_ != "pobj" or prep.lower_ not in words.SETTINGS:
        return None
    cls = words.nouns.get(_lemma(noun))
    if cls is None or not verbal(cls.code):
        return None  # "During her visit, Tarn announced ...": the host speaks of a guest
    verb = prep.head
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if verb.pos_ != "VERB" or subject is None or subject.i < noun.i:
        return None
    return subject


def _participant(noun: Any, words: Words) -> Any | None:
    """Who takes part in a meeting, visit or call: the subject of a verb that arranges or calls
    it off ("Tarn cancelled a meeting with Kess", "Kestland requested talks"), not one that
    reacts to it ("Orvo condemned the meeting") or reports it; or of any verb whose act it is
    the setting of ("Tarn and Kess discussed the row in a phone call on Thursday")."""
    cls = words.nouns.get(_lemma(noun))
    if cls is None or family(cls.code) not in words.GATHERINGS:
        return None
    if noun.dep_ == "pobj" and noun.head.lower_ in words.PARTAKING:
        verb = noun.head.head
        own = idioms.verb_with_object(verb, words) or words.verbs.get(_lemma(verb))
        deps = {c.dep_ for c in verb.children}
        if verb.pos_ != "VERB" or deps & {"neg", "nsubjpass", "auxpass"}:
            return None  # "did not take part in the meeting", "was criticised at the summit"
        return subject_of(verb, words) if own is None or verbal(own.code) else None
    if noun.dep_ != "dobj":
        return None
    verb = noun.head
    lemma = _lemma(verb)
    if verb.pos_ != "VERB" or lemma in words.REPORTING or lemma in words.SPEECH:
        return None
    own = words.verbs.get(lemma)
    if own is not None and own.code not in words.ARRANGING:
        return None
    return subject_of(verb, words)


def _party_after(
    noun: Any, words: Words, preps: tuple[str, ...] = ("between", "of", "among")
) -> Any | None:
    """'talks between X and Y', 'a visit of X', 'the comments of the ambassador': a party
    (a named one, or an office) after the noun. The "of" phrase of an act done to someone
    ("the expulsion of two diplomats", "the shelling of Orvo") is who it is done to."""
    cls = words.nouns.get(_lemma(noun))
    done_to = cls is not None and cls.code in words.DONE_TO  # "the expulsion of two diplomats"
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of" and done_to:
            continue
        if child.dep_ == "prep" and child.lower_ in preps:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and (
                pobj.ent_type_ in _PARTY_ENTITIES
                or pobj.lemma_.lower() in words.AGENT_HEADS
                or (pobj.pos_ == "PROPN" and not pobj.ent_type_)  # "of the Forum Chair"
            ):
                return pobj
    return None


def _inherited_subject(head: Any, words: Words) -> Any | None:
    """A verb without a subject of its own takes the one of the verb it depends on.

    A participle of an act noun takes the noun's party; a subject the parse left in the
    phrase before the verb is found there (``_stray_subject``).
    """
    gerund = idioms.gerund_subject(head, words)
    if gerund is not None:
        return gerund
    noun = _participle_noun(head)
    if noun is not None:
        if _lemma(noun) in words.nouns or _lemma(noun) in words.ANAPHORIC_NOUNS:
            # "Arvelia's decision, announced on Wednesday", "a declaration by the envoy
            # issued on 24 January": the act of the noun's own party
            return subject_of(noun, words)
        if head.dep_ == "acl":
            return None
    if head.dep_ == "acl" and head.head.pos_ in _NOUN_POS and _infinitive(head):
        return subject_of(head.head, words)  # "the decision of the Council to hold a session"
    if head.dep_ == "acomp":
        return subject_of(head.head, words)  # "X is due to visit": X (through "due")
    if head.dep_ in ("xcomp", "conj", "advcl") and head.head.i != head.i:
        if head.dep_ == "advcl" and any(c.dep_ == "mark" for c in head.children):
            return None
        if head.dep_ in ("advcl", "conj") and head.tag_ != "VBG":  # "..., seizing": the main
            stray = _stray_subject(head, words)
            if stray is not None:
                return stray
        if head.dep_ == "xcomp":
            # "prompting Arvelia to recall its envoy", "urged the envoy to leave": the object
            # of the verb above is the one who acts
            controller = next(
                (c for c in head.head.children if c.dep_ == "dobj" and c.i < head.i), None
            )
            party = controller is not None and (
                controller.ent_type_ in _PARTY_ENTITIES or _lemma(controller) in words.AGENT_HEADS
            )
            if party and _lemma(head.head) not in words.DECIDING:  # "ordered X to leave": the order
                return controller
            if _lemma(head.head) in words.RAISING and not any(
                c.dep_ == "auxpass" for c in head.children
            ):  # "X is set to be expelled": X is acted on
                raised = next((c for c in head.head.children if c.dep_ == "nsubjpass"), None)
                if raised is not None:
                    return raised  # "X is set to impose", "X is expected to sign": X
        return subject_of(head.head, words)
    if head.dep_ == "ROOT" and head.pos_ in ("VERB", "AUX"):
        return _stray_subject(head, words)
    above = head.head.head
    if head.dep_ == "pcomp" and head.tag_ == "VBG" and above.pos_ in ("VERB", "AUX"):
        return subject_of(above, words)  # "before departing on Tuesday, the minister said"
    return None


def _quoted(tok: Any) -> bool:
    """A word right after an opening quotation mark ("'Baseless', Kess replied")."""
    return tok.i > 0 and tok.doc[tok.i - 1].tag_ == "``"


def _infinitive(verb: Any) -> bool:
    """Whether a verb is a to-infinitive ("to hold")."""
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _participle_noun(verb: Any) -> Any | None:
    """The noun a past participle modifies ("the decision, announced on Monday"), or None.

    The parse gives it as the noun's ``acl``, or as a clause of the main verb right after the
    noun (a participle with no subject, auxiliary or conjunction of its own).
    """
    if verb.tag_ != "VBN":
        return None
    if verb.dep_ == "acl":
        return verb.head if verb.head.pos_ in _NOUN_POS else None
    if verb.dep_ != "advcl" or any(
        c.dep_ in ("aux", "auxpass", "mark", "nsubj", "nsubjpass") for c in verb.children
    ):
        return None
    first = verb.sent.start
    end = verb.i - 1
    while end >= first and verb.doc[end].is_punct:
        end -= 1
    if end < first:
        return None
    tok = verb.doc[end]
    while tok.head.i != tok.i and tok.head.right_edge.i == end and tok.head.pos_ in _NOUN_POS:
        tok = tok.head
    return tok if tok.pos_ in _NOUN_POS and tok.head.i == verb.head.i else None


def _stray_subject(verb: Any, words: Words) -> Any | None:
    """The stray subject of a verb joined to the one above ("after A, B and C announced":
    only there, and with no comma before the verb), else ``_stray_subject_of``."""
    if verb.dep_ != "conj":
        return _stray_subject_of(verb, words)
    before = verb.doc[verb.i - 1] if verb.i > verb.sent.start else None
    if before is None or before.is_punct:
        return None  # "expelled two diplomats from Arvelia, recalled its envoy": a list
    if _joined_to_date(before):
        return before  # "expelled X on Monday and Valdoria recalled ...": read as "Monday and V"
    found = _stray_subject_of(verb, words)
    if found is None or found.dep_ != "pobj" or found.head.lower_ not in words.CLAUSE_PREPOSITIONS:
        return None
    return found


def _joined_to_date(tok: Any) -> bool:
    """A party the parse joined to a date ("on Monday and Valdoria"): a date and a party are
    never one list, so the party begins the next clause."""
    return (
        tok.dep_ == "conj"
        and tok.head.ent_type_ in ("DATE", "TIME")
        and tok.ent_type_ in _PARTY_ENTITIES
        and tok.pos_ in _NOUN_POS
    )


def _stray_subject_of(verb: Any, words: Words) -> Any | None:
    """The subject a parse left inside the phrase just before a verb that has none.

    "X spoke after the Office, on Aug 31, issued a report" (read as "after the Office" and a
    clause without a subject; "after A, B and C announced a deal" read as a verb joined to the
    main one); "At the invitation of A, minister B will pay a visit" (B read
    as A's apposition): the named phrase that ends right before the verb (only the verb's own
    modifiers and punctuation between) is its subject. It is the highest phrase ending there
    that stands as an apposition or as the object of a preposition on a verb.
    """
    first = verb.sent.start
    end = verb.i - 1
    # the verb's own modifiers before it ("will", "on Friday"), not a fronted phrase's
    # apposition ("At the invitation of A, minister B will visit")
    while end >= first and (verb.doc[end].is_punct or _below(verb.doc[end], verb, 2)):
        end -= 1
    if end < first:
        return None
    tok = verb.doc[end]
    for _ in range(12):
        if tok.dep_ == "appos" or (
            tok.dep_ == "pobj"
            and (
                tok.head.head.pos_ in ("VERB", "AUX")
                or tok.head.lower_ in words.CLAUSE_PREPOSITIONS
            )
        ):
            break
        if tok.head.i == tok.i or tok.head.right_edge.i != end or tok.head.i > verb.i:
            return None
        tok = tok.head
    else:
        return None
    if tok.ent_type_ in _PARTY_ENTITIES and tok.pos_ in _NOUN_POS:
        return tok
    return None


def _below(tok: Any, top: Any, levels: int = 5) -> bool:
    """Whether a token lies in the subtree of another (``levels`` up at most)."""
    for _ in range(levels + 1):
        if tok.i == top.i:
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False
