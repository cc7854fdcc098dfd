"""Idioms: word combinations whose class is not their head's, and the words of a clause that
are its own medium rather than a naming of an earlier act.

"ordered two diplomats to leave" is an expulsion, "crossed the border" an incursion, "added
fourteen firms to its list" no saying; "at a press conference" names no earlier statement.
All word lists are the language's data.
"""

from __future__ import annotations

from typing import Any

from timeline.events.merging import verbal
from timeline.events.tokens import NOUN_POS, PARTY_ENTITIES, with_particle
from timeline.events.tokens import lemma as _lemma
from timeline.events.words import PredicateClass, Words


def sent_away(verb: Any, words: Words) -> Any | None:
    """The compelling verb of "ordered / asked / gave X ... to leave": an expulsion, when X is
    an envoy, a group named by nationality, or a pronoun told to leave a country. The date
    may be on either verb."""
    if _lemma(verb) in words.COMPELLING and verb.pos_ == "VERB":
        for child in verb.children:
            if _to_leave(child, words) and _sent(verb, child, words):
                return verb
        return None
    if not _to_leave(verb, words):
        return None
    above = verb
    for _ in range(4):  # "ordered 23 officers who were spies to leave": up the parse
        if above.head.i == above.i:
            return None
        above = above.head
        if above.pos_ == "VERB" and _lemma(above) in words.COMPELLING:
            return above if _sent(above, verb, words) else None
        if above.dep_ == "relcl":
            continue  # "ordered 23 Russians who Kess says were spies to leave": past the aside
        if any(c.dep_ == "nsubj" and c.tag_ not in ("WP", "WDT") for c in above.children):
            return None  # "X told reporters that Y wanted to leave": another clause's subject
    return None


def _sent(compelling: Any, leave: Any, words: Words) -> bool:
    """Whether the one told to leave is sent away from a country (see ``sent_away``)."""
    for c in compelling.children:
        if c.dep_ not in ("dobj", "dative", "nsubjpass"):
            continue
        if _lemma(c) in words.ENVOYS or c.ent_type_ == "NORP":
            return True  # "two diplomats", "23 Russians"
        if c.pos_ == "PRON":  # "giving them until Saturday to leave the country"
            return any(
                o.dep_ == "dobj" and (o.ent_type_ in ("GPE", "FAC") or _lemma(o) in words.HOMELAND)
                for o in leave.children
            )
    return False


def verb_with_object(verb: Any, words: Words) -> PredicateClass | None:
    """The class a verb has with a given object ("crossed the border", "entered airspace",
    "declared two diplomats personae non gratae"), from the language's VERB_OBJECT pairs, or
    None. The object may sit anywhere in the verb's phrase: the parse hangs "persona non
    grata" on the envoy as often as on the verb."""
    lemma = _lemma(verb)
    # a particle, or the preposition the parse makes of it right after the verb ("called in
    # the ambassador": "in" with the ambassador as its object)
    after = next(
        (c for c in verb.children if c.dep_ == "prt" or (c.dep_ == "prep" and c.i == verb.i + 1)),
        None,
    )
    phrasal = f"{lemma} {after.lower_}" if after is not None else lemma
    if phrasal in words.VERB_ENVOY and _acts_on_envoy(verb, after, words):
        return words.verbs[words.VERB_ENVOY[phrasal]]
    if lemma in words.VERB_OFFICIAL and _acts_on_official(verb, words):
        return words.verbs[words.VERB_OFFICIAL[lemma]]
    if lemma in words.VERB_TIES and _breaks_ties(verb, words):
        return words.verbs[words.VERB_TIES[lemma]]
    frontier = [c for c in verb.children if c.dep_ not in _OTHER_CLAUSES]
    for _ in range(3):  # the verb's own phrase, a few words deep: not the clauses joined to it
        following = []
        for tok in frontier:
            # a compound of a negating prefix by its last word too ("non-gratae": "gratae")
            lemma_ = _lemma(tok)
            first, _, last = lemma_.partition("-")
            for obj in dict.fromkeys((lemma_, last if first in words.NEGATING_PREFIXES else "")):
                if (lemma, obj) not in words.VERB_OBJECT:
                    continue
                if obj in words.DIRECT_OBJECT_ONLY and not (
                    tok.dep_ == "dobj" and tok.head.i == verb.i
                ):
                    continue  # "opened an investigation into the fire": not "opened fire"
                return words.verbs[words.VERB_OBJECT[(lemma, obj)]]
            following.extend(c for c in tok.children if c.dep_ not in _OTHER_CLAUSES)
        frontier = following
    return None


def _acts_on_envoy(verb: Any, particle: Any, words: Words) -> bool:
    """Whether a verb with its particle acts on an envoy ("called in the ambassador", "the
    ambassador was called in"), with no task of its own ("called in an adviser to lead")."""
    if any(c.dep_ == "xcomp" for c in verb.children):
        return False
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if particle is not None:
        objects += [c for c in particle.children if c.dep_ == "pobj"]
    return any(_lemma(c) in words.ENVOYS for c in objects)


def _acts_on_official(verb: Any, words: Words) -> bool:
    """Whether a verb's direct object (its subject in the passive) is a person or an office
    holder (``OFFICIALS``), and not a target ("was fired upon", ``AIMED``)."""
    if any(c.dep_ == "prep" and c.lower_ in words.AIMED for c in verb.children):
        return False
    return any(
        c.dep_ in ("dobj", "nsubjpass")
        and any(  # the person, or an office holder's title before the name ("chief Ivo Tarn")
            t.ent_type_ == "PERSON" or _lemma(t) in words.OFFICIALS for t in c.subtree if t.i <= c.i
        )
        for c in verb.children
    )


def _breaks_ties(verb: Any, words: Words) -> bool:
    """Whether a verb's direct object (its subject in the passive) is ties or relations that
    are not of another kind (``TIES``, ``OTHER_TIES``)."""
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass") and _lemma(c) in words.TIES:
            kinds = {_lemma(m) for m in c.children if m.dep_ in ("amod", "compound")}
            if not kinds & words.OTHER_TIES:
                return True
    return False


# dependencies that start another clause, where a verb's object is not
_OTHER_CLAUSES = frozenset({"conj", "cc", "advcl", "relcl", "parataxis", "acl"})


def plain_object(verb: Any) -> bool:
    """A direct object and no reported clause."""
    deps = {c.dep_ for c in verb.children}
    return "dobj" in deps and "ccomp" not in deps


def _to_leave(verb: Any, words: Words) -> bool:
    """A "to leave" complement."""
    return (
        _lemma(verb) in words.LEAVING
        and verb.dep_ in ("xcomp", "advcl", "ccomp")
        and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)
    )


def when_clause(verb: Any, words: Words) -> bool:
    """A relative clause opened by a relative adverb of time ("when")."""
    return any(c.dep_ == "advmod" and c.lower_ in words.TIME_RELATIVES for c in verb.children)


def setting_of(noun: Any, words: Words) -> Any | None:
    """The participle of talking a briefing noun is the setting of ("speaking at a news
    conference on Friday": the date, hung on the noun, is the talking's), or None."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in words.SETTINGS:
        return None
    cls = words.nouns.get(_lemma(noun))
    verb = noun.head.head
    if cls is None or not verbal(cls.code) or verb.tag_ != "VBG":
        return None
    talk = words.verbs.get(_lemma(verb))
    return verb if talk is not None and talk.code in words.TALKS else None


def speaking_aside(verb: Any, words: Words) -> Any | None:
    """ "X, speaking at a news conference on Friday, said ...": the saying (or the act in
    words: "accused", "urged") a participle of talking sets the scene of (it hangs on the
    saying, or on the saying's subject), or None."""
    cls = words.verbs.get(_lemma(verb))
    if verb.tag_ != "VBG" or cls is None:
        return None
    if cls.code not in words.TALKS and _lemma(verb) not in words.SPEECH:
        return None
    saying = verb.head
    if verb.dep_ == "acl" and saying.dep_ == "nsubj":
        saying = saying.head
    elif verb.dep_ != "advcl":
        return None
    if saying.pos_ != "VERB":
        return None
    if _lemma(saying) in words.SPEECH:
        return saying
    # an act in words with no reported clause: "accused Arvelia of ...", "criticised the move"
    own = words.verbs.get(_lemma(saying))
    told = any(c.dep_ == "ccomp" for c in saying.children)
    return saying if own is not None and verbal(own.code) and not told else None


def ranked(noun: Any, words: Words) -> bool:
    """An act noun ranked against others ("the first expulsion", "the largest protest")."""
    return any(
        c.dep_ == "amod" and (c.lower_ in words.RANKS or c.tag_ == "JJS") for c in noun.children
    )


def scene_act(verb: Any, words: Words) -> Any | None:
    """The act a dated scene-setting clause leads into after a colon or semicolon ("Tension
    rose on Friday; Kestland expelled two diplomats", parsed as the act's complement): the
    act's verb, of a class and no saying, or None."""
    act = verb.head
    if verb.dep_ != "ccomp" or act.pos_ != "VERB" or act.i < verb.i:
        return None
    if not any(t.text in (";", ":") for t in verb.doc[verb.i : act.i]):
        return None
    cls = verb_with_object(act, words) or words.verbs.get(_lemma(act))
    return act if cls is not None and not verbal(cls.code) else None


def in_public(verb: Any, words: Words) -> bool:
    """Whether talking is done in public: to an audience ("spoke to reporters"), at a
    briefing ("spoke at a news conference"), or speaking with no one ("spoke in Orvo on
    Monday", "spoke at the rally"); not with a party ("spoke with Tarn", "Tarn and Kess
    spoke")."""
    if _lemma(verb) in words.SPEAKING and has_date(verb) and not _partner(verb, words):
        return True  # (undated, "spoke in Orvo" is background: no news-day statement)
    for prep in verb.children:
        if prep.dep_ != "prep":
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            if prep.lower_ == "to" and _lemma(obj) in words.AUDIENCES:
                return True
            cls = words.nouns.get(_lemma(obj))
            if prep.lower_ in words.SETTINGS and cls is not None and verbal(cls.code):
                return True
    return False


def _partner(verb: Any, words: Words) -> bool:
    """Whether talking has a partner: an object, a "with" or "to" phrase, two subjects, or a
    line ("by phone", "in a call", "by video link")."""
    if any(t.lower_ in words.LINES for t in verb.subtree):
        return True
    for child in verb.children:
        if child.dep_ in ("dobj", "dative") or (
            child.dep_ == "prep" and child.lower_ in words.WITH_PARTNER
        ):
            return True
        if child.dep_ == "nsubj" and (
            child.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in child.children)
        ):
            return True
    return False


def medium(head: Any, words: Words) -> frozenset[int]:
    """Indices of the words that give the act's own medium, not what it answers: "at a press
    conference", "in a statement", "addressing a briefing", "issued a statement". A reaction's
    medium names no earlier statement; "rejected the remarks" names one."""

    def saying(tok: Any) -> bool:
        cls = words.nouns.get(_lemma(tok))
        return cls is not None and verbal(cls.code)

    def noun_phrase(tok: Any) -> list[int]:
        return [tok.i] + [c.i for c in tok.children if c.dep_ in ("compound", "amod")]

    out: list[int] = noun_phrase(head) if saying(head) else []  # "press" of "press briefing"
    heads = [head]
    if head.dep_ in ("dobj", "attr") and _lemma(head.head) in words.LIGHT_VERBS:
        heads.append(head.head)  # "made remarks at a briefing": the light verb's settings
    doc = head.doc
    for h in heads:
        own = _lemma(h) in words.SPEECH or _lemma(h) in words.LIGHT_VERBS
        for child in h.children:
            if child.dep_ == "dobj" and own and saying(child):
                out.extend(noun_phrase(child))
        # a setting anywhere in the clause ("called the raid a provocation at a briefing",
        # where the parse hangs "at" on "provocation"); within 40 tokens of the head
        for tok in doc[max(h.left_edge.i, h.i - 40) : min(h.right_edge.i, h.i + 40) + 1]:
            if tok.dep_ == "prep" and tok.lower_ in words.SETTINGS:
                for obj in tok.children:
                    if obj.dep_ == "pobj" and saying(obj):
                        out.extend(noun_phrase(obj))
    return frozenset(out)


def saying_verb(tok: Any, words: Words) -> bool:
    """A verb of saying ("claimed", "stressed"): in a reaction's sentence it is the reaction's
    own voice, and names no earlier statement ("the claims" as a noun does)."""
    if tok.pos_ != "VERB":
        return False
    if _lemma(tok) in words.SPEECH:
        return True  # "ordered the expulsion" names no order
    cls = words.verbs.get(_lemma(tok))
    return cls is not None and verbal(cls.code)


def envoy_state(verb: Any, words: Words) -> Any | None:
    """Who acts on an envoy in the passive with no agent: the host state of one summoned or
    expelled ("the ambassador to Arvelia was summoned": by Arvelia, where the envoy is
    posted), the sending state of one recalled ("the Valdorian ambassador was recalled": by
    Valdoria); with no such state, the office one is summoned to ("was summoned to the
    Foreign Ministry": by the ministry; ``CALLED_IN``, ``CALLED_TO``)."""
    cls = words.verbs.get(_lemma(verb)) if verb.pos_ == "VERB" else None
    if cls is None or cls.code not in words.HOSTED | words.SENDING:
        return None
    for child in verb.children:
        if child.dep_ != "nsubjpass" or _lemma(child) not in words.ENVOYS:
            continue
        if cls.code in words.SENDING:
            # "the Valdorian ambassador to Kess was recalled": by Valdoria, who sent them
            own = next((c for c in child.children if c.ent_type_ in ("NORP", "GPE")), None)
            if own is not None and own.i < child.i:
                return own
            continue
        for prep in child.children:
            if prep.dep_ == "prep" and prep.lower_ in words.POSTED:
                place = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if place is not None and place.ent_type_ == "GPE":
                    return place
    if cls.code in words.CALLED_IN and any(c.dep_ == "nsubjpass" for c in verb.children):
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in words.CALLED_TO:
                office = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if office is not None and _lemma(office) in words.AGENT_HEADS:
                    return office
    return None


def saying_dated(date: Any, verb: Any, words: Words) -> Any:
    """The verb a date before a reported clause's subject modifies: the saying, not the
    reported act ("told reporters Saturday he had ordered ... on Wednesday", "said on Friday
    it would expel ...": the saying was on that day; the parse hangs the date on the reported
    verb)."""
    if date.dep_ not in ("npadvmod", "prep") or verb.dep_ != "ccomp":
        return verb
    if verb.head.pos_ not in ("VERB", "AUX"):
        return verb
    if verb.head.lemma_.lower() not in words.SPEECH or not verb.head.i < date.i < verb.i:
        return verb
    if any(t.is_punct for t in date.doc[verb.head.i + 1 : date.i]):
        return verb  # 'said, "On 3 May the talks failed"': the quotation's own date
    if any(c.dep_ == "mark" and c.i < date.i for c in verb.children):
        return verb  # "said that on 3 May the talks failed"
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return verb.head if subject is not None and date.i < subject.i else verb


def gerund_subject(verb: Any, words: Words) -> Any | None:
    """The party right before a gerund, as the object of "for" (``GERUND_SUBJECT_PREPS``):
    "in retaliation for Kess ejecting two envoys" (the parse hangs the gerund on the noun or
    the verb above, Kess on "for"). Nothing between them, not even a comma: "recalled its
    envoy from Kess, accusing ..." is the recaller's accusing."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("acl", "advcl") or verb.i == verb.sent.start:
        return None
    before = verb.doc[verb.i - 1]
    prep = before.head
    if before.dep_ != "pobj" or prep.lower_ not in words.GERUND_SUBJECT_PREPS:
        return None
    if verb.head.i != prep.head.i and verb.head not in prep.ancestors:
        return None
    return before if before.ent_type_ in PARTY_ENTITIES and before.pos_ in NOUN_POS else None


def description(prep: Any, verb: Any, words: Words) -> bool:
    """An "as" phrase describing the verb's object ("branded the move as a provocation"),
    not one of manner ("called his counterpart as part of a tour")."""
    if prep.dep_ != "prep" or prep.lower_ not in words.DESCRIBED_AS:
        return False
    described = next((c for c in prep.children if c.dep_ == "pobj"), None)
    has_object = any(c.dep_ == "dobj" and c.i < prep.i for c in verb.children)
    return has_object and described is not None and _lemma(described) not in words.NO_DESCRIPTION


def measure_start(verb: Any, words: Words) -> Any:
    """The act a "starting from" participle dates ("will ban imports starting from
    Thursday": the ban, from Thursday), else the verb itself (``STARTING``)."""
    if (
        verb.tag_ != "VBG"
        or verb.dep_ not in ("advcl", "acl")
        or _lemma(verb) not in words.STARTING
    ):
        return verb
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return verb
    above = verb.head
    return above if above.pos_ in ("VERB", "AUX", "NOUN") and above.i != verb.i else verb


def topic(noun: Any, words: Words) -> bool:
    """An event noun of an act done to someone (CAMEO roots 16-19, ``DONE_ROOTS``) that is what
    its clause is about ("offered to shed light on the killing"), not the clause's act ("set
    off on a tour", "headed to talks" are the subject's own)."""
    cls = words.nouns.get(_lemma(noun))
    return (
        cls is not None
        and cls.code[:2] in words.DONE_ROOTS
        and noun.pos_ in ("NOUN", "PROPN")
        and noun.dep_ == "pobj"
        and noun.head.lower_ in words.TOPIC_MARKERS
    )


def triggering(verb: Any, subject: Any, words: Words) -> Any | None:
    """The act of force or of reducing relations (CAMEO roots 15-19, ``TRIGGER_ROOTS``) in an
    "after"/"when" clause with no date of its own below an unknown verb whose subject is no
    party ("violence erupted on Monday when troops stormed the town"): what happened is the
    storming, done by its own subject (``TRIGGERING``)."""
    if subject is None or subject.pos_ != "NOUN" or subject.ent_type_:
        return None
    if _lemma(subject) in words.AGENT_HEADS | words.ROLE_WORDS:
        return None
    for c in verb.children:
        cls = words.verbs.get(_lemma(c))
        if c.dep_ != "advcl" or cls is None or cls.code[:2] not in words.TRIGGER_ROOTS:
            continue
        if has_date(c):
            continue  # "gathered on Monday after Kestland expelled the envoy in March"
        marks = {m.lower_ for m in c.children if m.dep_ in ("mark", "advmod")}
        if marks & words.TRIGGERING and any(s.dep_ == "nsubj" for s in c.children):
            return c
    return None


def has_date(verb: Any, besides: Any = None) -> bool:
    """Whether a verb has a date of its own among its modifiers (other than ``besides``)."""
    return any(
        (besides is None or c.i != besides.i)
        and c.dep_ in ("prep", "npadvmod", "advmod")
        and any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree)
        for c in verb.children
    )


def purpose(verb: Any, date: Any) -> bool:
    """A date the parse hangs on an infinitive of purpose right after its object ("recalled
    its envoy to protest the opening last week of a consulate"): it dates the object, not the
    purpose, which is no act of its own (``date``: the mention's tokens)."""
    if verb.tag_ != "VB" or verb.dep_ != "advcl":
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return any(
        t.dep_ == "npadvmod" and t.head.i == verb.i and any(o.i < t.i for o in objects)
        for t in date
    )


def deadline(date: Any, words: Words) -> bool:
    """A date that modifies a deadline an act is done to ("set a Friday deadline for a
    reply", "rejected the Monday ultimatum"): it is when something is due, not when the act
    took place (``date``: the mention's tokens). A deadline that is itself the subject ("the
    Thursday deadline passed") dates its clause."""
    inside = {t.i for t in date}
    return any(
        t.dep_ in ("compound", "nmod", "amod", "npadvmod")
        and t.head.i not in inside
        and _lemma(t.head) in words.DEADLINE_NOUNS
        and t.head.dep_ in ("dobj", "pobj", "attr", "oprd")
        for t in date
    )


def modal_name(verb: Any) -> Any | None:
    """A capitalised "modal" right before a verb in the past tense, which no modal takes: a
    name the tagger misread ("May expelled four envoys"), the verb's subject. Not a month
    ("May brought sanctions on 3 May": the word is a month elsewhere in the sentence)."""
    if verb.tag_ != "VBD":
        return None
    for c in verb.children:
        if (
            c.dep_ == "aux"
            and c.tag_ == "MD"
            and c.i == verb.i - 1
            and c.text[:1].isupper()
            and c.ent_type_ not in ("DATE", "TIME")
            and not any(  # the same word as a month elsewhere in the sentence ("on 3 May")
                t.i != c.i and t.lower_ == c.lower_ and t.ent_type_ == "DATE" for t in c.sent
            )
        ):
            return c
    return None


def quoted_speaker(verb: Any, words: Words) -> Any | None:
    """Who a report quotes ("the agency quoted spokesman Tarn as saying ..."): the speaker of
    the words, whoever quotes them (``QUOTING``), or None. ``verb`` is the quoting verb or
    its "saying" ("quoted Tarn as saying on Friday": the date hangs on the saying)."""
    if verb.dep_ == "pcomp" and verb.head.lower_ == "as" and _lemma(verb) in words.SPEECH:
        verb = verb.head.head
    if _lemma(verb) not in words.QUOTING:
        return None
    saying = any(
        c.dep_ == "prep"
        and c.lower_ == "as"
        and any(_lemma(g) in words.SPEECH for g in c.children if g.dep_ == "pcomp")
        for c in verb.children
    )
    speaker = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return speaker if saying else None


def done(head: Any, words: Words) -> Any | None:
    """The predicate a dated act is told by when it was done, or None when it was not: a
    negated verb ("did not expel", "never recalled"; not "not only ... but"), an indirect
    question ("asked whether X had ...") or a condition ("if
    X expels ...") makes no row (a direct question: ``question``), and
    an infinitive under a verb of ``NOT_DONE`` ("refused to sign on Monday") is that verb's
    act when the verb has a class ("refuse": a rejection), else none."""
    if head.pos_ not in ("VERB", "AUX"):
        return head
    for child in head.children:
        if child.dep_ == "neg" and not (
            child.i + 1 < len(child.doc) and child.doc[child.i + 1].lower_ in words.NOT_ONLY
        ):
            return None
        if child.dep_ == "mark" and child.lower_ in words.UNTOLD_MARKS and not _even(child):
            return None  # "asked whether X had recalled ...": a question
    if _denied(head, words) or any(
        c.dep_ in ("nsubj", "nsubjpass")
        and (
            c.lower_ in words.NONE_SUBJECTS
            or any(d.dep_ == "det" and d.lower_ in words.NONE_DONE for d in c.children)
        )
        for c in head.children
    ):
        return None  # "denied that its forces fired on 3 March", "No envoy was summoned"
    if head.dep_ == "xcomp" and head.head.lemma_.lower() in words.NOT_DONE:
        return head.head if head.head.lemma_.lower() in words.verbs else None
    return _asked(head, words) or head


def _asked(head: Any, words: Words) -> Any | None:
    """The verb that asks for the act of its infinitive ("urged Arvelia to free them on
    Monday", "demanded that Arvelia release them"): the asking, not a release; None for
    other acts and for one a verb of ordering imposes ("demanded Arvelia close its consulate")."""
    gov = head.head
    if gov.pos_ != "VERB" or head.tag_ not in ("VB", "VBP"):
        return None
    if head.dep_ not in ("xcomp", "ccomp"):
        return None
    if head.dep_ == "ccomp" and any(c.dep_ == "aux" for c in head.children):
        return None  # "said Arvelia would release ...": a report, not a request
    cls = words.verbs.get(with_particle(gov, _lemma(gov), words))
    if cls is None or cls.code not in words.ASKING:
        return None
    return None if imposed(head, words) else gov


def imposed(head: Any, words: Words) -> bool:
    """An act that a party's verb of ordering imposes on the party it names as the act's
    subject, in a bare infinitive ("Kestland demanded [that] Arvelia close its consulate"):
    the orderer's, as in "ordered Arvelia to close ..."; not the demand of a crowd
    ("protesters demanded the government expel ...")."""
    gov = head.head
    if head.dep_ != "ccomp" or head.tag_ != "VB" or _lemma(gov) not in words.MANDATIVE:
        return False
    if any(c.dep_ == "aux" for c in head.children):
        return False  # "demanded to know why Arvelia would close ...": a told fact
    cls = words.verbs.get(_lemma(head))
    if cls is None or cls.code not in words.IMPOSED:
        return False
    orderer = next((c for c in gov.children if c.dep_ == "nsubj"), None)
    if orderer is None or not (
        orderer.ent_type_ in PARTY_ENTITIES or _lemma(orderer) in words.AGENT_HEADS
    ):
        return False
    # the addressee's own mission or staff ("close its consulate", "expel its diplomats"),
    # not a third party's ("expel the Arvelian diplomats") nor a base
    mission = next((c for c in head.children if c.dep_ == "dobj"), None)
    own = mission is not None and any(
        c.dep_ == "poss" and (c.tag_ == "PRP$" or c.lower_.startswith(addressee.lower_[:5]))
        for c in mission.children
        for addressee in [c for c in head.children if c.dep_ == "nsubj"]
    )
    named = {_lemma(mission)} | {_lemma(c) for c in mission.children if c.dep_ == "compound"}
    return own and bool(named & (words.MISSIONS | words.ENVOYS))  # "its consulate general"


def _denied(head: Any, words: Words) -> bool:
    """Whether a verb's clause is what a denial denies: the complement of "deny" ("denied
    that its forces fired") or of a report it denies ("denied reports that X closed ...")."""
    gov = head.head
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
        return False  # "rejected the statement dated 13 May": a description, no claim
    if head.dep_ in ("acl", "ccomp") and gov.pos_ == "NOUN" and gov.dep_ in ("dobj", "pobj"):
        gov = gov.head if gov.dep_ == "dobj" else gov.head.head
    elif head.dep_ != "ccomp":
        return False
    return gov.pos_ == "VERB" and gov.lemma_.lower() in words.DENIALS


def _even(mark: Any) -> bool:
    """ "even if": a concession, which tells its clause as true or due ("even if the
    restrictions expire on 15 September")."""
    before = mark.doc[mark.i - 1] if mark.i > 0 else None
    return before is not None and before.lower_ == "even"
