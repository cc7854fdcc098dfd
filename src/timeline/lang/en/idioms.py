"""English words for the clause idioms and attribution rules: envoys and their posts,
describing and compelling verbs, deadlines, verb-object pairs, settings and offsets.
``timeline.events.words.words_for`` reads them beside ``events.py``."""

from __future__ import annotations

import re

from timeline.lang.en.events import HOME_HEADS

# Envoys, and the prepositions that name the state they are posted to ("the ambassador to
# Arvelia", "the envoy in Port Sable"): a summons or an expulsion of one in the passive with no
# agent is that state's act.
ENVOYS: frozenset[str] = frozenset(
    {"ambassador", "envoy", "diplomat", "chargé", "charge", "consul", "attaché", "attache"}
)
POSTED: frozenset[str] = frozenset({"to", "in"})
# The classes of those acts (a summons, an expulsion; a recall is the sending state's act).
HOSTED: frozenset[str] = frozenset({"161", "162"})
# Classes of acts done at an office ("was summoned to the Foreign Ministry": by the
# ministry), and the prepositions that name the office.
CALLED_IN: frozenset[str] = frozenset({"161"})
CALLED_TO: frozenset[str] = frozenset({"to"})
# Classes whose envoy in the passive with no agent is acted on by the envoy's own state: "the
# Valdorian ambassador to Kess was recalled" (by Valdoria).
SENDING: frozenset[str] = frozenset({"163"})


# Classes whose verbs' gerunds name their acts ("the shelling", "the bombing").
GERUND_CLASSES: frozenset[str] = frozenset({"180", "190"})
# Classes whose verbs' gerunds name their acts in what a reaction says ("the summoning of its
# envoy", "the closing of the border"); not "the landing of marines" (no visit), "the
# posting", "the drilling".
GERUND_NAMES: frozenset[str] = frozenset(
    {"081", "161", "1612", "162", "163", "164", "165", "166", "167", "171", "180", "190"}
)


# The ending of a verb's -ing noun ("the sinking"): a noun of no class with it, dated from
# before ("the March 26 sinking"), names an act (``events.tokens.dated_name``).
GERUND_ENDING = "ing"
# ... with the preposition of what it was done to ("the sinking of the patrol boat").
GERUND_OBJECT: frozenset[str] = frozenset({"of"})


def gerunds(verb: str) -> tuple[str, ...]:
    """The -ing nouns of a verb ("shell" -> "shelling", "ban" -> "banning"): an act told by its
    gerund ("the shelling on Sunday") is of the verb's class. A doubled final consonant is
    given as well as the plain form; a form that is no word never occurs in a text."""
    if " " in verb or not verb.isalpha():
        return ()
    if verb.endswith("ie"):
        return (verb[:-2] + "ying",)
    if verb.endswith("e") and not verb.endswith("ee"):
        return (verb[:-1] + "ing",)
    forms = [verb + "ing"]
    if (
        len(verb) >= 3
        and verb[-1] not in "aeiouwxy"
        and verb[-2] in "aeiou"
        and verb[-3] not in "aeiou"
    ):
        forms.append(verb + verb[-1] + "ing")
    return tuple(forms)


# Classes whose noun's "of" phrase is who or what the act is done to, not who does it ("the
# expulsion of two diplomats", "the shelling of a town", "the closure of the consulate").
DONE_TO: frozenset[str] = frozenset({"0811", "161", "162", "166", "171", "172", "180", "190"})

# Participles that date the act they hang on ("will ban imports starting from Thursday").
STARTING: frozenset[str] = frozenset({"start", "begin"})

# Prepositions whose object right before a gerund is the gerund's subject ("in retaliation
# for Kess ejecting two envoys").
GERUND_SUBJECT_PREPS: frozenset[str] = frozenset({"for"})

# Verbs that, with an object and its description ("called the shelling a provocation"),
# describe it: a statement, whatever the verb's own class ("call" alone is a phone call).
DESCRIBING: frozenset[str] = frozenset({"call", "describe", "term", "brand", "label", "dub"})
# The preposition that may introduce the description ("branded the move as a provocation"),
# and the words after it that describe nothing ("as part of a tour", "as a result").
DESCRIBED_AS: frozenset[str] = frozenset({"as"})
NO_DESCRIPTION: frozenset[str] = frozenset({"part", "result", "well", "usual", "such"})

# "ordered two diplomats to leave the country", "asked him to leave", "giving them until
# Saturday to leave": a verb of compelling over a verb of leaving is an act of the
# SENDING_AWAY verb's class (an expulsion).
LEAVING: frozenset[str] = frozenset({"leave", "depart", "quit", "exit"})
COMPELLING: frozenset[str] = frozenset(
    {"order", "ask", "tell", "instruct", "direct", "request", "give", "force", "require"}
)
SENDING_AWAY = "expel"
# What one is sent away from, when not named ("leave the country").
HOMELAND: frozenset[str] = frozenset({"country", "territory"})

# The words before a date that make it a deadline, not the day of an act ("until Saturday",
# "required to leave by 13 March", "until the close of Friday, 3 May", "until 09:30 (GMT)
# Monday", "no later than Friday", "will have to leave the country before 15 May").
DEADLINE_BEFORE = re.compile(
    r"(?:\b(?:until|till|by|no later than|not later than)"
    r"|\b(?:leave|depart)(?:\s+(?!and\b|or\b)[\w'’-]+){0,4}\s+before)"  # "leave Orvo before"
    r"\s+(?:the\s+(?:end|close)\s+of\s+)?"
    r"(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?\s*)?(?:\[[^\]]*\]\s*|\([^)]*\)\s*)?)?"
    r"(?:[a-z]+day,?\s+)?$",
    re.IGNORECASE,
)
# Nouns a date may modify without dating the act done to them ("set a Friday deadline").
DEADLINE_NOUNS: frozenset[str] = frozenset({"deadline", "ultimatum", "cutoff", "cut-off"})
# A date mention's own first words that the deadline may stand before ("until [the end of
# the week]").
PERIOD_EDGE = re.compile(r"the\s+(?:end|close)\s+of\s+", re.IGNORECASE)

# Verbs of saying that mean something else with a plain object ("he added that ..." is
# saying; "added fourteen companies to its list" is not).
SAYING_UNLESS_OBJECT: frozenset[str] = frozenset({"add"})

# Classes of a state's measures: one told with no agent ("the duties will be collected
# from Monday, the authority said") is the act of the office that reports it.
MEASURES: frozenset[str] = frozenset({"083", "090", "164", "165", "167"})
# Classes of acts a party does to its own people ("peacekeepers withdrawn in March"): in the
# passive, who they are done to names who did them; any other act is not its patient's.
OWN_SIDE: frozenset[str] = frozenset({"163"})

# Verbs that lift a measure ("the restrictions eased"): with a measure as subject, the lifting
# is the act, not the measure ("the sanctions resumed" is the sanctions).
LIFTING: frozenset[str] = frozenset({"lift", "ease"})

# Verbs of no class that have one with a given object (lemma of the verb, lemma of the object
# or of the object of its preposition) -> a listed verb whose class they take.
VERB_OBJECT: dict[tuple[str, str], str] = {
    ("cross", "border"): "invade",
    ("cross", "line"): "invade",
    ("enter", "airspace"): "invade",
    ("enter", "waters"): "invade",
    ("violate", "airspace"): "invade",
    ("violate", "border"): "invade",
    ("violate", "sovereignty"): "invade",
    ("violate", "ceasefire"): "clash",
    ("violate", "truce"): "clash",
    ("break", "ceasefire"): "clash",
    # "opened fire on the patrol", "exchanged fire with troops", "returned fire": force
    ("open", "fire"): "shoot",
    ("exchange", "fire"): "clash",
    ("exchange", "gunfire"): "clash",
    ("return", "fire"): "clash",
    # "broke into the embassy": a raid (not "broke into the market", "into applause")
    ("break", "embassy"): "storm",
    ("break", "consulate"): "storm",
    ("break", "compound"): "storm",
    ("break", "premises"): "storm",
    ("break", "residence"): "storm",
    ("break", "mission"): "storm",
    ("declare", "grata"): "expel",
    ("declare", "gratae"): "expel",
    # "launched missiles at a base": weapons launched are an attack, not an announcement
    ("launch", "missile"): "attack",
    ("launch", "rocket"): "attack",
    ("launch", "drone"): "attack",
    ("launch", "projectile"): "attack",
    ("launch", "torpedo"): "attack",
}
# Works a party releases ("released video footage of the interception"): a publication, not a
# release of people (WORKS_RELEASED; "released a statement" stays a statement).
WORKS_RELEASED: frozenset[str] = frozenset(
    {"footage", "video", "image", "photograph", "photo", "picture", "article", "report"}
    | {"document", "detail", "transcript", "recording", "data", "finding", "result", "map"}
    | {"list", "evidence", "audio", "film"}
)
VERB_OBJECT.update({("release", work): "publish" for work in WORKS_RELEASED})
# Classes whose verb, with no object and not in the passive, is another act: "returned home
# on Tuesday" releases no one ("returned the sailors", "the sailors were freed" do).
TRANSITIVE_ONLY: frozenset[str] = frozenset({"081"})

# Objects of VERB_OBJECT pairs that count only as the verb's own direct object ("opened fire",
# not "opened an investigation into the fire").
DIRECT_OBJECT_ONLY: frozenset[str] = frozenset({"fire", "gunfire"})

# Verbs that remove an official from office when their direct object (or subject in the
# passive) is a person or an office holder ("fired the police chief", "the minister was
# dismissed"; not "fired shells", "dismissed the claims", "was fired upon") -> a listed
# verb whose class they take; and the words for such office holders.
VERB_OFFICIAL: dict[str, str] = {"fire": "relieve of office", "dismiss": "relieve of office"}
# Verbs with a particle that summon when their object is an envoy ("called in the
# ambassador", "the envoy was called in"; not "called in an adviser to lead the talks").
VERB_ENVOY: dict[str, str] = {"call in": "summon"}  # envoys: ``ENVOYS`` above
OFFICIALS: frozenset[str] = frozenset(
    {"minister", "chief", "ambassador", "envoy", "official", "commander", "general"}
    | {"director", "governor", "secretary", "spokesman", "spokesperson", "spokeswoman"}
)
# Titles of one person: after a name and a comma ("Ivo Tarn, Kestland's foreign minister,")
# they give the person's country (not "..., the foreign ministry said", an organ).
PERSON_TITLES: frozenset[str] = OFFICIALS | frozenset(
    {"president", "premier", "chancellor", "king", "queen", "leader", "adviser", "advisor"}
)
# Prepositions after which a verb's person is a target, not someone removed ("fired at").
AIMED: frozenset[str] = frozenset({"at", "upon"})

# Verbs that break relations with ties or relations as their direct object ("severed
# diplomatic relations", "broke off ties", "cut ties"; not "cut trade ties", whose compound
# is not diplomatic, nor "broke its silence on the relations") -> a listed verb.
VERB_TIES: dict[str, str] = {
    "sever": "break off relations",
    "break": "break off relations",
    "cut": "break off relations",
}
TIES: frozenset[str] = frozenset({"relation", "tie"})
# Modifiers of ties that are not diplomatic ("trade ties", "economic relations").
OTHER_TIES: frozenset[str] = frozenset(
    {"trade", "economic", "commercial", "cultural", "military", "business", "family"}
)

# Conjunctions that a parse may read as prepositions: "after A, B and C announced a deal" (a
# clause with its own subject) read as "after A, B and C" and a verb without one.
CLAUSE_PREPOSITIONS: frozenset[str] = frozenset({"after", "before", "since", "until", "till"})

# Words that count a plural subject as two parties ("the two neighbours", "both sides"): the
# two places the document names most.
PAIR_WORDS: frozenset[str] = frozenset({"two", "both"})
PAIR_NOUNS: frozenset[str] = frozenset(
    {"neighbour", "neighbor", "country", "side", "government", "nation", "state", "capital"}
)

# Nouns that, alone as a subject ("that country prepares for its election", "the nation
# voted"), point back at the country named last: no actor of their own.
REFERRING_NOUNS: frozenset[str] = frozenset({"country", "nation"})

# Determiners with which an act noun points back at an earlier act ("the move", "this step").
POINTING: frozenset[str] = frozenset({"the", "this", "that", "these", "those"})

# Relative adverbs of time: "since 1995, when X fired missiles" dates the firing.
TIME_RELATIVES: frozenset[str] = frozenset({"when"})

# Conjunctions of a clause that tells what set off a state change dated above it ("violence
# erupted on Monday when troops stormed the town"): the act below is the event.
TRIGGERING: frozenset[str] = frozenset({"after", "when"})
# The CAMEO roots of such acts (force posture, reducing relations, coercion, assault,
# fighting); and of acts a clause may be about without doing them ("light on the killing").
TRIGGER_ROOTS: frozenset[str] = frozenset({"15", "16", "17", "18", "19"})
DONE_ROOTS: frozenset[str] = frozenset({"16", "17", "18", "19"})

# Prepositions before a dated event that set the scene for the act of their clause ("After
# a council session on Monday, the minister issued a statement"): that day.
FOLLOWING: frozenset[str] = frozenset({"following", "after"})
# Heads of names that name a text, not a party ("the Vienna Convention on Diplomatic
# Relations", "the 2019 Orvo Accord"): never the party a clause leaves implied.
TEXT_HEADS: frozenset[str] = frozenset(
    {"convention", "treaty", "accord", "agreement", "charter", "protocol", "declaration"}
    | {"resolution", "act", "law", "statute", "covenant", "memorandum", "communique"}
)
# Office words a ministry's domain comes before ("Interior Minister", "Trade Ministry"):
# the one word before them the tagger takes for a name is no party.
DOMAIN_OFFICES: frozenset[str] = frozenset(
    {"minister", "ministry", "secretary", "department", "office"}
)
# Settings a subject's own possessive names ("agreed at its meeting", "said in its
# statement"); not "during his visit", which is often another's.
OWN_SETTINGS: frozenset[str] = frozenset({"at", "in"})
# Verbs that deny what their clause tells ("denied that its forces fired", "dismissed reports
# that X had crossed"): the act denied makes no row; the denial does.
DENIALS: frozenset[str] = frozenset({"deny", "dismiss", "refute", "rebut", "reject"})
# Determiners that say no act was done ("No ambassador was summoned on Friday").
NONE_DONE: frozenset[str] = frozenset({"no"})
# Subjects that say no act was done ("None of the diplomats was expelled on Friday").
NONE_SUBJECTS: frozenset[str] = frozenset({"none", "nobody", "nothing", "neither"})
# Conjunctions of a question or a condition: "asked whether Valdoria had recalled its
# envoy on Monday", "if Orvo expels the envoy": no act told.
UNTOLD_MARKS: frozenset[str] = frozenset({"whether", "if"})
# Prepositions of a state's start: a date after them in an apposition ("Kestland, a member
# since 2012, expelled ...") tells how long the apposed noun has been so, not the act's day.
STATE_SINCE: frozenset[str] = frozenset({"since"})
# Words that rank an act against others: "its first expulsion since 2027" tells no act then.
RANKS: frozenset[str] = frozenset({"first", "last", "only"})
# Prefixes a hyphen joins that leave the word's idiom as it is ("personae non-gratae").
NEGATING_PREFIXES: frozenset[str] = frozenset({"non"})
# Prepositions that give a noun its own place ("fishermen in Kestland", "envoys from Orvo").
ORIGIN_PREPOSITIONS: frozenset[str] = frozenset({"in", "from", "of"})
# Personal pronouns of one person: '..." he said' names the person last named as speaking.
PERSON_PRONOUNS: frozenset[str] = frozenset({"he", "she"})
# Auxiliaries of a plan told from now ("will host"; "wo" of "won't").
FUTURE_AUXILIARIES: frozenset[str] = frozenset({"will", "shall", "'ll", "’ll", "wo"})
# Auxiliaries of a perfect, present or past ("has expelled", "had expelled").
ANY_PERFECT: frozenset[str] = frozenset({"has", "have", "had"})
# Prepositions before a date an act points to ("postponed the vote to May", "until June").
TARGET_DATE: frozenset[str] = frozenset({"to", "until", "till", "for"})
# Prepositions of means: "responded by expelling the envoy" is the expulsion.
MEANS: frozenset[str] = frozenset({"by"})
# Prepositions of concession: "began building the dam despite protests" (the protests are
# not the building), so no act below them stands for the verb above.
CONCESSIVE: frozenset[str] = frozenset({"despite", "notwithstanding"})
# Nouns of deciding: "the decision to expel two envoys" is the expulsion, decided.
DECISION_NOUNS: frozenset[str] = frozenset({"decision"})
# Prepositions that give the grounds of a reaction ("accused X of closing", "blamed X for
# shelling"): a date on the grounds' gerund dates the reaction a report tells.
GROUNDS: frozenset[str] = frozenset({"of", "for"})
# Words that attribute a clause to a report ("according to a statement released on Saturday,
# X recalled its envoy"): the act is known by the report's day, and dated by it.
ACCORDING: frozenset[str] = frozenset({"according"})

# Prepositions that give the occasion of an act ("at a news conference", "in a statement").
SETTINGS: frozenset[str] = frozenset({"at", "in", "during"})

# Words after a duration that date an act from another ("two days after the raid": the raid
# is two days before the sentence's date; "a week before the vote": a week after it).
OFFSET_MARKERS: dict[str, int] = {"after": -1, "before": 1}

# The verbs a report quotes with ("said", "told", "added"): by a country, a firm or
# "officials", undated, they quote background as often as the day's news.
PLAIN_SAYINGS: frozenset[str] = frozenset({"say", "tell", "add", "note", "state"})

# Who may speak for a party in a report's undated saying ("the ministry said", "Ambassador
# Tarn told reporters"), beside people named: offices and envoys. Not countries, companies,
# agencies or "officials": a report quotes them on background as often as on the day's news.
SPEAKING_HEADS: frozenset[str] = HOME_HEADS | {
    "embassy",
    "mission",
    "ambassador",
    "envoy",
    "commissioner",
}

# Classes of the undated reactions in words a report's news day dates ("condemned the raid",
# "dismissed the charge", "telephoned his counterpart"): statements, appeals, praise,
# demands, criticism, allegations, rejections, warnings, phone calls. Not "called" or
# "spoke" (0431): "spoke in Port Sable" is no call.
NEWS_DAY_REACTIONS: frozenset[str] = frozenset(
    {"010", "012", "020", "036", "050", "100", "111", "112", "120", "130"}
)


# Quantifiers and numbers, capitalised only where they open a sentence ("Both sides", "All
# three", "Several states"): they name no party.
QUANTIFIERS: frozenset[str] = frozenset(
    {"all", "both", "each", "either", "neither", "some", "several", "many", "most", "few"}
    | {"other", "others", "these", "those", "this", "that", "every", "any", "such"}
    | {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens"}
)

# Words of office and institution that name no party by themselves.
ROLE_WORDS: frozenset[str] = QUANTIFIERS | frozenset(
    {
        "the",
        "of",
        "and",
        "a",
        "an",
        "government",
        "ministry",
        "minister",
        "foreign",
        "affairs",
        "external",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "spokespeople",
        "official",
        "officials",
        "official's",
        "president",
        "prime",
        "pm",
        "secretary",
        "state",
        "councilor",
        "councillor",
        "embassy",
        "mission",
        "permanent",
        "department",
        "office",
        "house",
        "committee",
        "council",
        "general",
        "administration",
        "military",
        "army",
        "troops",
        "forces",
        "police",
        "people",
        "republic",
        "national",
        "chief",
        "deputy",
        "vice",
        "senior",
        "commander",
        "high",
        "commissioner",
        "ambassador",
        "envoy",
        "special",
        "press",
        "cabinet",
        "defence",
        "defense",
        "parliament",
        "leader",
        "leaders",
        "mr",
        "mrs",
        "ms",
        "dr",
        "capt",
        "gen",
        "lt",
        "col",
        "sir",
        "madam",
        "hon",
        "federal",
        "central",
        "spokesperson's",
        "counsellor",
        "consul",
        "charge",
        "chargé",
        "d'affaires",
        "acting",
        "new",
        "former",
        "then",
        "director",
        "agency",
        "bureau",
        "service",
        "services",
        "security",
        "intelligence",
        "navy",
        "air",
        "force",
        "coast",
        "guard",
        "customs",
        "global",
        "daily",
        "times",
        "news",
        "post",
        "on",
        "in",
        "for",
        "to",
        "at",
        "by",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "today",
        "yesterday",
        "tomorrow",
    }
)

# Classes of acts a reaction answers only when its clause or sentence names them (meetings,
# visits, talks): told around a dispute as often as its cause.
ANSWERED_BY_NAME: frozenset[str] = frozenset({"042", "043"})

# The press, whose reports are coverage, not acts (``press.press_report``): a reporting
# predicate whose subject, modifier or "in"/"by" object is one of MEDIA_HEADS, or one of
# MEDIA_BODIES after "news" ("the news agency", "the news channel").
REPORTING: frozenset[str] = frozenset({"report"})
MEDIA_HEADS: frozenset[str] = frozenset(
    {"media", "medium", "press", "newspaper", "tabloid", "broadcaster", "newswire"}
)
MEDIA_BODIES: frozenset[str] = frozenset({"agency", "channel", "network", "outlet", "service"})
# Those an office has of its own: "the ministry press service" speaks for the ministry.
OWN_PRESS: frozenset[str] = frozenset({"service"})
# The last words of newspaper and channel names ("the Orvo Herald", "Kestland Daily").
MASTHEADS: frozenset[str] = frozenset(
    {"herald", "times", "journal", "gazette", "tribune", "daily", "telegraph", "chronicle"}
    | {"tv", "radio", "courier", "dispatch", "inquirer"}
)
MEDIA_PREPOSITIONS: frozenset[str] = frozenset({"in", "by"})

# Families of acts that parties take part in (``merging.family``: meetings and visits,
# calls), and the classes of verbs whose subject takes part in one it has as object ("cancelled
# a meeting with Kess"; verbs of no class too: "requested talks", "attended the summit").
GATHERINGS: frozenset[str] = frozenset({"meet", "call"})
ARRANGING: frozenset[str] = frozenset({"167"})
# Prepositions of a meeting or call that is the setting of a verb's act of words ("discussed
# the row in a phone call", "urged Kess during a call"): the verb's subject took part (not in
# "troops crossed the border during talks": no act of words). A setting (``SETTINGS``) told
# before the subject has the subject's "his" or "her" ("In his speech on Monday, Tarn said").
PARTAKING: frozenset[str] = frozenset({"in", "at", "during"})

# Prepositions of an act's purpose: a date on the purpose dates the act ("was recalled for
# consultations on Friday").
PURPOSE: frozenset[str] = frozenset({"for"})

# Fixed phrases in which a listed act noun names no act: (word before, noun, word after).
FIXED_PHRASES: frozenset[tuple[str, str, str]] = frozenset(
    {("in", "order", "to"), ("in", "order", "that")}
)

# Verbs that tell another's words with "as saying" ("the agency quoted the spokesman as
# saying ..."): the saying is the quoted person's (``idioms.quoted_speaker``).
QUOTING: frozenset[str] = frozenset({"quote", "cite"})
PLAIN_SAYING = "say"  # the listed verb whose class such a saying takes
# Who a public word is told to: "spoke to reporters" is a statement, not a call.
AUDIENCES: frozenset[str] = frozenset(
    {"reporter", "journalist", "press", "media", "correspondent", "lawmaker", "parliament"}
    | {"nation", "audience", "crowd", "supporter", "student", "television", "radio"}
)
# Classes of talking with someone (a call): told to an audience or at a briefing, a statement.
TALKS: frozenset[str] = frozenset({"0431"})
# Verbs of talking that, with no partner ("spoke in Orvo on Monday"), are a public saying;
# a partner is an object or the object of one of WITH_PARTNER ("spoke with Tarn").
SPEAKING: frozenset[str] = frozenset({"speak"})
WITH_PARTNER: frozenset[str] = frozenset({"with", "to"})
# Words of a line that make speaking a call ("spoke by phone", "in a call", "by video link").
LINES: frozenset[str] = frozenset({"phone", "telephone", "call", "video", "videoconference"})
# What a state's mission is: an act closing it that another orders is imposed on its owner.
MISSIONS: frozenset[str] = frozenset(
    {"consulate", "embassy", "mission", "office", "consulate-general", "representation", "staff"}
)

# Classes whose participle takes the "by" agent of the noun it modifies as its actor ("an
# investigation by the daily, published on Monday"): publications, not reactions to them.
AUTHORED: frozenset[str] = frozenset({"230"})

# Honorifics before a surname alone ("Ms. Kess", "Mr Tarn"): the person, named in full before.
HONORIFICS: frozenset[str] = frozenset({"mr", "mrs", "ms", "miss", "dr", "mme", "m"})
# Those that tell a man or a woman: "he" names no "Ms. Kess".
HONORIFICS_MALE: frozenset[str] = frozenset({"mr", "m"})
HONORIFICS_FEMALE: frozenset[str] = frozenset({"mrs", "ms", "miss", "mme"})

# Lower-case words inside place names, so a dateline may hold them ("Isla de Kess", "Dar es
# Orvo", "Port of Kess").
PLACE_PARTICLES: frozenset[str] = frozenset(
    {"de", "del", "da", "das", "do", "dos", "des", "du", "es", "of", "la", "le", "las", "los"}
    | {"al", "el", "au", "aux", "di", "von", "van", "der", "den", "on", "upon", "y"}
)
