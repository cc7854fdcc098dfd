"""Attribution: who did a dated clause's act, with what the document says around it.

The clause's subject (``timeline.events.actors``) is resolved against the document: pronouns
and first-person subjects, bare offices ("the ministry"), titled people named more fully
elsewhere, "the two neighbours", measures reported by an office, the speaker of a transcript.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from timeline.events import actors, quotes, subjects
from timeline.events.parties import is_gazetteer_key, party_keys
from timeline.events.tokens import PARTY_ENTITIES as _PARTIES
from timeline.events.tokens import own_party
from timeline.events.words import Words

if TYPE_CHECKING:
    from timeline.events.document import Context


def note_offices(ctx: Context, sent: Any) -> None:
    """Record each office the sentence names with its party ("the Council of Arvelia",
    "Arvelia's foreign ministry"), by its head word."""
    for tok in sent:
        if tok.pos_ not in ("NOUN", "PROPN"):
            continue
        if tok.lemma_.lower() not in ctx.words.AGENT_HEADS and not _of_country(tok):
            continue
        phrase, _ = actors.actor_phrase(tok, ctx.words)
        if phrase and party_keys(phrase):
            ctx.offices[tok.lower_] = phrase  # by the word itself: "ministers" is not "minister"
        elif phrase and tok.dep_ == "nsubj" and tok.head.lemma_.lower() in ctx.words.SPEECH:
            # "Arvelia expelled two diplomats, the foreign ministry said": Arvelia's ministry
            country = _country_reported(tok.head, ctx.words)
            if country:
                ctx.offices[tok.lower_] = f"{phrase} of {country}"


def _of_country(tok: Any) -> bool:
    """Whether a common noun is told with its country ("Arvelia's junta", "the Arvelian
    regulator"): named so once, it is that country's where it comes back alone."""
    if tok.pos_ != "NOUN" or any(c.dep_ == "conj" for c in tok.children):
        return False  # "Arvelia's junta and its partners" is not what "the junta" names
    return any(
        (c.dep_ in ("poss", "amod", "compound") and c.ent_type_ in ("GPE", "NORP"))
        or (c.dep_ == "poss" and c.pos_ == "PROPN")
        for c in tok.children
    )


def _country_reported(verb: Any, words: Words) -> str:
    """The country that is the subject of what a saying verb reports, or ''."""
    for child in verb.children:
        if child.dep_ != "ccomp":
            continue
        subject = next((c for c in child.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.pos_ != "PROPN" or subject.ent_type_ not in ("GPE", ""):
            continue  # a country's name (one the tagger does not know has no type)
        phrase, _ = actors.actor_phrase(subject, words)
        keys = party_keys(phrase)
        if keys and (subject.ent_type_ == "GPE" or len(phrase.split()) == 1):
            return phrase
    return ""


def actor_of(
    ctx: Context, base: int, found: Any, sent: Any, context: tuple[str, str]
) -> tuple[str, tuple[int, int] | None]:
    """The clause's actor, with pronouns and first-person subjects resolved.

    ``context`` is the last named actor of the document and the transcript's speaker.

    An event noun with no party of its own ("the summit on 11 January") takes the named
    subject of the sentence it sits in.
    """
    last_actor, speaker = context
    words = ctx.words
    subject = found.subject
    if subject is None and not found.nominal and found.cls.code in words.AUTHORED:
        subject = _by_agent(found.head)
    if found.cls.code in words.UNGUESSED and not own_party(found, subject):
        # "Arvelia denied any role in the killing on 23 August", "accused Kestland of
        # bombing a hospital on Sunday": who killed or bombed, the clause does not say
        return "", None
    if subject is None and found.nominal and not found.told_of:
        subject = _subject_of_nominal(found.head, words)
    subject, settled = _party_subject(found, subject, last_actor, words)
    if settled is not None:
        return settled, None
    phrase, span = actors.actor_phrase(subject, words)
    if phrase.lower() in words.REFERRING_NOUNS:
        return "", None  # "that country prepares for its election": no actor of its own
    if span is not None:
        span = (base + span[0], base + span[1])
        if ctx.layout.is_masked(span[0]):
            phrase, span = "", None
    person = actors.is_pronoun(phrase, ctx.words) if phrase else ""
    if person == "first":
        turn = ctx.layout.turn(base + found.head.idx)
        if turn == "A" and speaker:
            return speaker, None
        if own_voice(ctx.doc):
            return ctx.doc.outlet or last_actor, None
        return _quoted_speaker(ctx, base + found.head.idx) or last_actor, None
    owned = _owner(subject, base, words)
    if owned is not None:
        return owned  # "Kestland announced its decision to close ...": Kestland
    if person == "third":
        # "X announced that it is expelling ...": the reporting verb's subject
        reporter = _reporter(found.head, words)
        if reporter is not None:
            said, _ = actors.actor_phrase(reporter, words)
            if said and not actors.is_pronoun(said, words) and party_keys(said):
                return said, None
            if said and reporter.lemma_.lower() in words.AGENT_HEADS:
                # "the ministry said it had summoned ...": the ministry, as named before
                return _as_office(ctx, said, reporter), None
        # "he" is no country or ministry: the person the sentence named before, if any
        body = last_actor in ctx.places or actors.institution(last_actor, words)
        return (actors.person_before(subject, words) if body else "") or last_actor, None
    if (
        phrase
        and not actors.named(phrase)
        and found.subject is not None
        and found.subject.pos_ == "PRON"
    ):
        return last_actor, None
    if phrase and not party_keys(phrase) and _pair(subject, words) and len(ctx.places) >= 2:
        # "the two neighbours", "both sides": the two countries the document names most
        return " and ".join(ctx.places[:2]), span
    if phrase and not party_keys(phrase):
        owner = _its_owner(ctx, subject, last_actor)
        if owner:  # "Kestland will host a summit, its foreign ministry said": Kestland's
            return f"{owner}'s {phrase}", span
        return _as_office(ctx, phrase, subject), span
    if not phrase and found.cls.code in words.MEASURES:
        # "the duties will be collected from March 16, the authority said": a measure with
        # no agent, reported by an office, is that office's
        reporter = _reporter(found.head, words)
        if reporter is not None:
            phrase, _ = actors.actor_phrase(reporter, words)
            if phrase and not actors.is_pronoun(phrase, words):
                return (_office(ctx, phrase, reporter) if not party_keys(phrase) else phrase), None
    if (
        phrase
        and subject is not None
        and _bare_name(subject, phrase, words)
        and subject.text not in ctx.shared_surnames
    ):
        # "Tarn expelled ...": the document's fuller naming of that person, when it gave one
        fuller = ctx.people.get(subject.text) or ctx.titled.get(subject.text)
        if fuller:
            return fuller, span
    if phrase and subject is not None and _titled_person(subject, words):
        # "Foreign Minister Tarn": the fuller naming the document gives ("Kestland's Foreign
        # Minister Ivo Tarn"), else, in a government's own document, its own
        fuller = ctx.people.get(subject.text)
        if fuller:
            return fuller, span
        country = _publisher_country(ctx.doc, words)
        if country and own_voice(ctx.doc):
            return f"{phrase} of {country}", span
    return _home(ctx, phrase, subject), span


def _its_owner(ctx: Context, subject: Any, last_actor: str) -> str:
    """Whose office "its" names ("Kestland will host a summit, its foreign ministry said"):
    the state or organisation of the act the saying comes after, else the one named last; ''
    for a subject that is no office, or an owner that is a person or no state the text names
    (a ship's "its owner", a company's "its chief executive" stay as they are)."""
    words = ctx.words
    if subject is None or subject.lemma_.lower() not in words.AGENT_HEADS | words.ROLE_WORDS:
        return ""
    if not any(c.dep_ == "poss" and c.lower_ in words.ITS for c in subject.children):
        return ""
    verb = subject.head
    owner, entity = "", False
    before = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i), None)
    if before is None and verb.dep_ in ("ccomp", "parataxis") and verb.head.i < verb.i:
        before = verb.head  # "Kestland said its forces had shelled ...": the speaker's own
    told = next((c for c in before.children if c.dep_ == "nsubj"), None) if before else None
    if told is not None:  # "Kestland will host a summit, its foreign ministry said"
        owner = actors.actor_phrase(told, words)[0]
        entity = told.ent_type_ in ("GPE", "ORG", "NORP")
    owner = re.split(r"['’]s\b", owner or last_actor)[0].strip()  # "Kestland's president"
    keys = party_keys(owner)
    state = entity or owner in ctx.places or any(is_gazetteer_key(k) for k in keys)
    return owner if keys and state else ""


def _quoted_speaker(ctx: Context, offset: int) -> str:
    """Who says the quotation holding ``offset`` ('"We have decided ...," the ministry said'),
    named as the document names the party; '' outside quotations or for an unnamed speaker."""
    span = quotes.quoted(ctx.layout.quotes, offset)
    if span is None:
        return ""
    said = quotes.speaker(ctx.sentences, span, ctx.words)
    if said is not None and said.lower_ in ctx.words.PERSON_PRONOUNS:
        said = quotes.last_speaker(ctx.sentences, span[0], ctx.words)  # '..." he said'
    if said is None:
        return ""
    phrase, _ = actors.actor_phrase(said, ctx.words)
    if not phrase or actors.is_pronoun(phrase, ctx.words):
        return ""
    return phrase if party_keys(phrase) else _as_office(ctx, phrase, said)


def _as_office(ctx: Context, phrase: str, tok: Any) -> str:
    """A phrase naming no party, as an office the document names more fully ("the ministry"
    -> "Arvelia's foreign ministry"), else as its state's own office in its own document."""
    office = _office(ctx, phrase, tok)
    return office if party_keys(office) else _home(ctx, office, tok)


def thing(found: Any, words: Words) -> str:
    """The subject of an unclassed verb used without an object when it is a thing rather than
    a party ("the third phase of filling began", "the trawler went down"): a common noun
    naming no party and no office, and not an act the language classes. '' otherwise. A verb
    with an object or a complement has an agent ("the airline asked passengers to leave").

    A noun a date modifies is an event, whatever the verb: "the October 16 blast ...,
    killing two people" (no party takes a date as its modifier)."""
    subject = found.subject
    if subject is None or subject.pos_ != "NOUN" or found.nominal or subject.ent_type_:
        return ""
    if not _dated_noun(subject):
        if found.cls.code != "000" or subject.dep_ not in ("nsubj", "nsubjpass"):
            return ""
        if any(c.dep_ in ("dobj", "xcomp", "ccomp", "dative") for c in found.head.children):
            return ""
    lemma = subject.lemma_.lower()
    if lemma in words.AGENT_HEADS or lemma in words.nouns or lemma in words.ANAPHORIC_NOUNS:
        return ""
    if lemma in words.PAIR_NOUNS or subject.lower_ in words.QUANTIFIERS:
        return ""  # "several countries followed", "others followed": parties, unnamed
    phrase, _ = actors.actor_phrase(subject, words)
    return "" if party_keys(phrase) else phrase


def _dated_noun(noun: Any) -> bool:
    """Whether a date modifies a noun before it ("the October 16 blast", "Monday's vote")."""
    return any(t.ent_type_ in ("DATE", "TIME") for t in noun.subtree if t.i < noun.i)


# publisher types whose documents speak for one state
_STATE_PUBLISHERS = frozenset({"government", "parliament"})


def _home(ctx: Context, phrase: str, subject: Any) -> str:
    """An office with no country ("the ministry", "the Standing Committee") in a state's own
    document: that state's ("the Standing Committee of Valdoria")."""
    if not phrase or subject is None or not ctx.home:
        return phrase
    if (getattr(ctx.doc, "publisher_type", "") or "") not in _STATE_PUBLISHERS:
        return phrase
    if subject.lemma_.lower() not in ctx.words.HOME_HEADS:
        return phrase
    if any(is_gazetteer_key(k) for k in party_keys(phrase)):
        return phrase  # "the Kestland ministry", "the UN Secretariat"
    places = set().union(*(party_keys(p) for p in ctx.places))
    for tok in subject.subtree:
        if tok.i == subject.i:
            continue
        if tok.ent_type_ in ("GPE", "NORP") or (tok.pos_ == "PROPN" and _possessive(tok)):
            return phrase  # "the Kestlandic government", "Kestland's spokesman"
        if tok.text[:1].isupper() and party_keys(tok.text) & places:
            return phrase  # a place the tagger did not type
    if party_keys(phrase) & party_keys(ctx.home):
        return phrase
    return f"{phrase} of {ctx.home}"


def _possessive(tok: Any) -> bool:
    return any(c.dep_ == "case" for c in tok.children)


def home_country(ctx: Context) -> str:
    """The state a publisher speaks for, or ''.

    The name's own state ("Ministry of External Affairs, Arvelia"; "Embassy of the Republic
    of Valdoria in Orvo": not the host, Orvo; "Mission of Valdoria to the Orvo Council": not
    the organisation): a country of the gazetteer, else the name's last "of X" when the text uses
    X as a name of its own ("Valdoria expects", "Valdorian"), not only in "Ministry of X"
    (a portfolio such as "Commerce").
    """
    outlet = getattr(ctx.doc, "outlet", "") or ""
    own = re.split(ctx.words.PUBLISHER_HOST, outlet)[0]  # "Embassy of X in Orvo": not Orvo
    keys = [k for k in party_keys(own) if is_gazetteer_key(k)]
    if len(keys) == 1:
        found = next((p for p in ctx.places if keys[0] in party_keys(p)), "")
        return found or _publisher_country(ctx.doc, ctx.words) or keys[0].title()
    owner = list(re.finditer(ctx.words.PUBLISHER_STATE, outlet))
    name = owner[-1].group(1) if owner else ""
    # "of the Republic of X", "Ministry of Trade of X": X is a state; "Ministry of Commerce"
    # alone may be a portfolio, a state only when the text also names it on its own
    nested = len(re.findall(r"\bof\b", outlet)) >= 2
    state = name and name.lower() not in ctx.words.ROLE_WORDS
    if state and (nested or _named_alone(ctx.doc.text, name)):
        return name
    for place in ctx.places:  # most named first
        if party_keys(place) & party_keys(own):
            return place
    name = _publisher_country(ctx.doc, ctx.words)
    return name if name and _named_alone(ctx.doc.text, name) else ""


def _named_alone(text: str, name: str) -> bool:
    """Whether the text uses a name (or a word of its stem, "Valdorian") other than after
    "of" ("Valdoria expects", not only "Ministry of Commerce")."""
    stem = re.escape(name[:5])
    return re.search(rf"(?<!\bof )\b{stem}\w*", text) is not None


def _titled_person(head: Any, words: Words) -> bool:
    """A person's name with a title and no country ("Foreign Minister Ivo Tarn")."""
    if head.pos_ != "PROPN" or head.ent_type_ in ("GPE", "NORP", "ORG"):
        return False
    if head.lower_ in words.ROLE_WORDS:
        return False  # "Director-General": a title, no name
    left = list(head.lefts) + [t for c in head.lefts for t in c.subtree]
    titled = any(t.lower_ in words.AGENT_HEADS for t in left)
    return titled and not any(_country_word(t) for t in left)


def _country_word(tok: Any) -> bool:
    """A word that names a party: a place, a demonym, an organisation, a possessive name
    ("Kestland's")."""
    if tok.ent_type_ in ("GPE", "NORP", "ORG"):
        return True
    if tok.pos_ == "ADJ" and tok.text[:1].isupper():
        return True  # "Kestlandic"
    return tok.pos_ == "PROPN" and any(c.dep_ == "case" for c in tok.children)


def _by_agent(verb: Any) -> Any | None:
    """The "by" agent of the noun a participle of issuing modifies (``AUTHORED``): "an
    investigation by the Kestland daily Orvo Post published on 24 July" was published by that
    daily; "the use of force by the police, condemned on Monday" was not condemned by it."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN":
        return None
    for prep in verb.head.children:  # "an investigation by X published on ..."
        if prep.dep_ == "prep" and prep.lower_ == "by" and prep.i < verb.i:
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    tok = verb.head  # the parse hung the participle on the agent's last name ("... Kess TV")
    for _ in range(6):
        if tok.dep_ == "pobj" and tok.head.lower_ == "by" and tok.head.head.pos_ == "NOUN":
            return tok
        if tok.dep_ not in ("appos", "conj", "compound", "pobj") or tok.head is tok:
            return None
        tok = tok.head
    return None


def note_people(ctx: Context) -> None:
    """Record, by surname, each titled person the document names with a country (and, apart,
    the first titled naming of each with none); and the surnames two people share ("Ivo Tarn"
    and "Orla Tarn"), which name nobody alone."""
    full: dict[str, set[str]] = {}
    for _base, sent in ctx.sentences:
        for tok in sent:
            if tok.pos_ != "PROPN" or tok.dep_ == "compound":
                continue  # the last word of a name
            if tok.ent_type_ == "PERSON":
                given = [
                    t.lower_ for t in tok.lefts if t.dep_ == "compound" and t.ent_type_ == "PERSON"
                ]
                if given:
                    full.setdefault(tok.text, set()).add(" ".join(given))
            left = [t for c in tok.lefts for t in c.subtree]
            if not any(t.lower_ in ctx.words.AGENT_HEADS for t in left):
                continue
            phrase, _ = actors.actor_phrase(tok, ctx.words)
            if not phrase:
                continue
            if any(_country_word(t) for t in left):
                ctx.people.setdefault(tok.text, phrase)
            elif tok.ent_type_ == "PERSON":
                ctx.titled.setdefault(tok.text, phrase)
    ctx.shared_surnames.update(name for name, given in full.items() if len(given) > 1)


def _bare_name(subject: Any, phrase: str, words: Words) -> bool:
    """A person's surname alone ("Tarn", "Mr. Tarn") as a clause's subject."""
    if subject.pos_ != "PROPN" or subject.ent_type_ not in ("PERSON", ""):
        return False
    return (
        all(
            t.dep_ in ("compound", "punct") and t.lower_.rstrip(".") in words.HONORIFICS
            for t in subject.lefts
        )
        and len(phrase.split()) <= 2
    )


def _publisher_country(doc: Any, words: Words) -> str:
    """The words of the publisher's name that are no role word ("Ministry of Foreign Affairs
    of Kestland" -> "Kestland"), or ''."""
    names = [w for w in re.findall(r"[A-Z][\w'’-]+", getattr(doc, "outlet", "") or "")]
    names = [w for w in names if w.lower() not in words.ROLE_WORDS]
    return " ".join(names) if len(names) == 1 else ""


def _pair(subject: Any, words: Words) -> bool:
    """A plural subject counted as two ("the two neighbours", "both sides")."""
    if subject is None or subject.tag_ not in ("NNS", "NNPS"):
        return False
    if subject.lemma_.lower() not in words.PAIR_NOUNS:
        return False  # "the two countries", not "two gunmen"
    return any(c.lower_ in words.PAIR_WORDS for c in subject.children)


def _party_subject(
    found: Any, subject: Any, last_actor: str, words: Words
) -> tuple[Any, str | None]:
    """The subject to read the actor from, or (None, the actor) when an act or a thing as
    subject settles it: "Arvelian naval exercises are to start", "the move came after" (an
    act as subject: its own party, else the party named last for "the move", nobody for
    "protests spread"); "the trawler went down" (a thing: its own party, else none)."""
    if subject is None or subject.pos_ != "NOUN" or subject.i == found.head.i:
        return subject, None
    lemma = subject.lemma_.lower()
    act = lemma in words.nouns or lemma in words.ANAPHORIC_NOUNS
    if not act and not thing(found, words):
        return subject, None
    own = subjects.subject_of(subject, words)
    if own is not None:
        return own, None
    return None, (last_actor if lemma in words.ANAPHORIC_NOUNS else "")


def _owner(subject: Any, base: int, words: Words) -> tuple[str, tuple[int, int] | None] | None:
    """The actor a possessive pronoun as subject stands for when it is the clause's subject
    (``_possessor_subject``), with its span; else None."""
    owner = _possessor_subject(subject, words)
    if owner is None:
        return None
    named, span = actors.actor_phrase(owner, words)
    if not named or actors.is_pronoun(named, words):
        return None
    return named, (base + span[0], base + span[1]) if span else None


def _possessor_subject(pronoun: Any, words: Words) -> Any | None:
    """The subject of the verb whose object or setting a possessive pronoun's noun is
    ("Kestland announced its decision", "the Council agreed at its meeting": Kestland, the
    Council), or None."""
    if pronoun is None or pronoun.dep_ != "poss" or pronoun.tag_ != "PRP$":
        return None
    noun = pronoun.head
    if noun.dep_ == "pobj" and noun.head.lower_ in words.OWN_SETTINGS:
        noun = noun.head  # not "after their meeting": who met is not who attends
    verb = noun.head
    if noun.dep_ not in ("dobj", "prep") or verb.pos_ not in ("VERB", "AUX"):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ != "PRON"), None)


def _office(ctx: Context, phrase: str, subject: Any) -> str:
    """An actor phrase that names no party ("the ministry", "the spokesperson", "the
    Council"): the party named before with that role, else the phrase."""
    head = subject.lemma_.lower() if subject is not None else ""
    at = _offset(ctx, subject)
    recent = list(reversed(ctx.candidates[-50:]))
    # rows are not all made in text order: one named before it first, then one after (a
    # caption's "a spokesman" is named in the story below it)
    before = [c for c in recent if at is None or c.predicate[0] < at or c.doc_id != ctx.doc.doc_id]
    seen = {id(c) for c in before}
    for earlier in before + [c for c in recent if id(c) not in seen]:
        if not (earlier.actor and actors.named(earlier.actor) and head):
            continue
        if head in earlier.actor.lower() and _same_office(ctx, phrase, subject, earlier.actor):
            return earlier.actor
    if subject is not None and subject.lower_ in ctx.offices and not _placed(subject, ctx.words):
        fuller = ctx.offices[subject.lower_]
        if _same_office(ctx, phrase, subject, fuller):
            return fuller
    outlet = ctx.doc.outlet or ""
    if own_voice(ctx.doc) and head in ctx.words.AGENT_HEADS and head in outlet.lower():
        return outlet  # "the ministry" in the ministry's own statement
    return phrase


def _placed(tok: Any, words: Words) -> bool:
    """Whether a noun is told with its own place ("fishermen in Kestland"): then it is not
    the same body named before with another country."""
    return any(
        c.dep_ == "prep"
        and c.lower_ in words.ORIGIN_PREPOSITIONS
        and any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in c.children)
        for c in tok.children
    )


def _offset(ctx: Context, tok: Any) -> int | None:
    """A token's offset in the document, or None."""
    if tok is None:
        return None
    return next((base + tok.idx for base, sent in ctx.sentences if sent.doc is tok.doc), None)


def _same_office(ctx: Context, phrase: str, subject: Any, fuller: str) -> bool:
    """Whether a fuller naming holds every word of the office besides its head ("the
    ministry" is the "Ministry of Interior" named before; the "Ministry of Foreign Affairs"
    is not)."""
    skip = ctx.words.DETERMINERS | {subject.lower_}
    own = {w for w in _words(phrase) if w not in skip}
    return own <= set(_words(fuller))


def _words(phrase: str) -> list[str]:
    """The words of a phrase, lower-cased, a possessive ending dropped ("ministry's")."""
    return re.findall(r"\w+", re.sub(r"['’]s\b", "", phrase.lower()))


def _reporter(head: Any, words: Words) -> Any | None:
    """The subject of the saying verb whose reported clause holds ``head``, or None."""
    tok = head
    for _ in range(4):
        if tok.head.i == tok.i:
            return None
        if tok.dep_ in ("ccomp", "parataxis") or tok.head.dep_ == "ROOT":
            verb = tok.head
            if verb.lemma_.lower() in words.SPEECH:
                return next((c for c in verb.children if c.dep_ == "nsubj"), None)
        tok = tok.head
    return None


def _subject_of_nominal(noun: Any, words: Words) -> Any | None:
    """The party whose act an event noun without a party of its own is, or None.

    The nearest verb above the noun lends its subject: "the ministers held the summit on 11
    January", "the spokesman said at a press conference on Tuesday". Not when the noun is the thing
    reacted to or spoken of ("condemned Monday's coup"), nor the context or topic of its
    clause ("called for calm following the coup", "concern over the elections").
    """
    tok = noun
    path: list[str] = []
    setting_word = ""
    for _ in range(6):
        head = tok.head
        if head.i == tok.i:
            return None
        if tok.dep_ == "pobj" and head.lower_ in words.TOPIC_MARKERS:
            return None
        if head.pos_ in ("VERB", "AUX"):
            lemma = head.lemma_.lower()
            cls = words.verbs.get(lemma)
            # "defended the response at a news conference": the parse hangs the occasion on
            # the object; it is still where the subject acted
            route = path + [tok.dep_]
            setting = route == ["pobj", "prep", "dobj"] and setting_word in words.SETTINGS
            reacts = lemma in words.SPEECH or (cls is not None and cls.code in words.REACTIVE)
            if reacts and tok.dep_ in ("dobj", "nsubjpass", "ccomp", "xcomp") and not setting:
                return None
            subject = subjects.subject_of(head, words)
            if subject is None:
                return None
            if subject.ent_type_ in _PARTIES:
                return subject
            # "in a statement on Monday, it said", "the minister spoke at a news conference":
            # a pronoun (resolved later) or an office, for a noun right under its verb
            adjunct = route == ["pobj", "prep"] or setting
            if adjunct and (subject.pos_ == "PRON" or subject.lemma_.lower() in words.AGENT_HEADS):
                return subject
            return None
        if tok.dep_ not in ("pobj", "prep", "dobj", "compound", "conj", "appos", "npadvmod"):
            return None
        if tok.dep_ == "prep" and not path[1:]:
            setting_word = tok.lower_
        path.append(tok.dep_)
        tok = head
    return None


def own_voice(doc: Any) -> bool:
    """Whether 'we' in the document is its publisher (an official or NGO document)."""
    return (getattr(doc, "publisher_type", "") or "") in ("government", "intergovernmental", "NGO")


def speaker_of(doc: Any, words: Words) -> str:
    """Who answers in a briefing transcript: the role its title names, or the outlet."""
    title = getattr(doc, "title", "") or ""
    if not words.briefing_title.search(title):
        return ""
    return getattr(doc, "outlet", "") or ""
