"""Genre word lists for event extraction: trigger phrases, categories, roles, cue words.

Everything here is generic vocabulary of diplomatic news and official statements (verbs of
acting and reacting, nouns for documents and meetings, titles of office holders). Nothing
names a person, place or story. ``events`` compiles these into regular expressions on
first use.
"""

from __future__ import annotations

# Calendar words (names that start or sit inside a date phrase) live with the other English
# date words in timeline.lang.en.dates; these names stay for the event extractor.
from timeline.lang.en import dates as _english_dates

WEEKDAYS = _english_dates.WEEKDAY_NAMES
MONTHS = _english_dates.MONTH_NAMES
MONTH_ABBREVIATIONS = _english_dates.MONTH_ABBREVIATIONS


# (regular expression, category, flags). Flags:
#   "speech"   - a verb of saying: an event only when a date governs it;
#   "response" - the phrase itself is an official reaction to something else;
#   "nominal"  - a noun naming an event ("the visit", "a report"): its actor is a possessive
#                before it or a "by ..." phrase after it.
# Expressions are matched case-insensitively on word boundaries, in this order; the first
# trigger that covers a stretch of text wins.
TRIGGERS: tuple[tuple[str, str, frozenset[str]], ...] = tuple(
    (pattern, category, frozenset(flags.split()))
    for pattern, category, flags in (
        # official reactions
        (r"hit(?:s|ting)? back", "statement", "response"),
        (r"c(?:a|o)me(?:s)? down hard on", "statement", "response"),
        (r"rebuk(?:ed|es|ing)", "statement", "response"),
        (r"reject(?:ed|s|ing)?", "statement", "response"),
        (r"denounc(?:ed|es|ing)", "statement", "response"),
        (r"condemn(?:ed|s|ing)?", "statement", "response"),
        (r"slamm?(?:ed|s|ing)?", "statement", "response"),
        (r"decr(?:ied|ies|y)", "statement", "response"),
        (r"criti(?:ci[sz](?:ed|es|ing)|ci[sz]e)", "statement", "response"),
        (r"hail(?:ed|s|ing)?", "statement", "response"),
        (r"den(?:ied|ies|ying)|refut(?:ed|es|ing)|accus(?:ed|es)", "statement", "response"),
        (r"defend(?:ed|s|ing)", "statement", "response"),
        (
            r"rais(?:ed|es|ing) (?:the|this|that|their|its|our) (?:[\w-]+ )?(?:case|issue|matter)"
            r"|rais(?:ed|es|ing) (?:[\w-]+ )?concerns?",
            "statement",
            "response",
        ),
        (r"welcom(?:ed|es|ing)", "statement", "response"),
        (
            r"express(?:ed|es|ing)? (?:\w+ )?(?:\w+ )?(?:outrage|opposition|dissatisfaction"
            r"|indignation|regret|concern)",
            "statement",
            "response",
        ),
        (r"(?:firmly |strongly |resolutely )?oppos(?:es|ed|e)", "statement", "response"),
        (
            r"(?:lodg|mad|mak)(?:ed|es|ing|e) (?:a |an )?(?:\w+ )?(?:\w+ )?(?:protests?"
            r"|representations|complaints?|demarches?)",
            "protest",
            "response",
        ),
        # street protests are events by the crowd, not an official's protest
        (
            r"(?:peaceful |mass |street |large |angry |violent )protests?"
            r"|protests (?:began|erupted|broke out|spread|continued)"
            r"|demonstrations?|demonstrators|protesters|rall(?:y|ies)",
            "demonstration",
            "",
        ),
        (r"protest(?:ed|s|ing)?", "protest", "response"),
        (r"retaliat(?:ed|es|ing|ion|ory)", "statement", "response"),
        # summons, expulsions, sanctions, bans
        (r"summon(?:ed|s|ing)?", "summons", "response"),
        (r"expel(?:led|s|ling)?|expulsions?", "expulsion", ""),
        (r"personae? non gratae?", "expulsion", ""),
        (
            r"order(?:ed|s|ing)? (?:the |its |their )?(?:[\w'’-]+ ){0,6}?"
            r"(?:consulates?|embass(?:y|ies)|missions?|offices?) (?:[\w'’-]+ ){0,6}?"
            r"to (?:close|shut)"
            r"|(?:clos|shut)(?:e|es|ed|ing|ure of|down of)? (?:down )?(?:the |its |their |a )?"
            r"(?:[\w'’-]+ ){0,3}?(?:consulates?|embass(?:y|ies)|missions?)"
            r"|(?:consulates?|embass(?:y|ies)|missions?) (?:must|to|would|will) (?:close|shut)",
            "expulsion",
            "",
        ),
        (r"ordered (?:[\w'’.-]+ ){1,10}?to leave", "expulsion", ""),
        (
            r"add(?:ed|s|ing)? (?:[\w'’-]+ ){0,6}?to (?:its|their|the|a) (?:[\w-]+ )?"
            r"(?:sanctions|black|entity|export control) ?list",
            "sanction",
            "",
        ),
        (r"(?:impos(?:ed|es|ing) )?sanctions?(?:ed)?", "sanction", ""),
        (
            r"(?:adopt(?:ed|s|ing) |impos(?:ed|es|ing) |announc(?:ed|es|ing) )?"
            r"(?:restrictive measures|counter-?measures)",
            "sanction",
            "",
        ),
        (r"ban(?:ned|s|ning)?", "ban", ""),
        (r"(?:halt|suspend)(?:ed|s|ing)? (?:\w+ )?(?:\w+ )?imports?", "ban", ""),
        # documents
        (r"(?:joint )?letters?", "letter", "nominal"),
        (r"white papers?", "report", "nominal"),
        (r"reports?", "report", "nominal"),
        (r"assessments?", "assessment", "nominal"),
        (
            r"(?:issu|releas|publish)(?:ed|es|ing) (?:a |an |its |their )?(?:[\w-]+ ){0,3}?"
            r"(?:statements?|communiques?|declarations?)",
            "statement",
            "",
        ),
        (
            r"said in a (?:separate |joint |written )?statement"
            r"|(?:in|a) (?:separate |joint |written )?statement",
            "statement",
            "speech",
        ),
        (r"statements? (?:of|by)", "statement", "nominal"),
        # decisions of courts and bodies
        (r"(?:final |arbitral )?awards?", "ruling", "nominal"),
        (
            r"(?:court|tribunal|panel|judges?)['’]?s? (?:[\w-]+ )?(?:decision|verdict|finding)s?",
            "ruling",
            "nominal",
        ),
        (r"rulings?|verdicts?|judg(?:e)?ments?", "ruling", "nominal"),
        (r"sentenc(?:ed|es|ing)", "ruling", ""),
        (r"vot(?:ed|es|ing)|votes?|veto(?:ed|es|ing)?", "vote", ""),
        (
            r"(?:tabl|pass|adopt|approv|submitt|put forward)(?:ed|es|s|ing)? (?:a |an |the )?"
            r"(?:[\w-]+ ){0,2}?(?:motions?|resolutions?|bills?)",
            "vote",
            "",
        ),
        (r"motions?", "vote", "nominal"),
        (r"resolutions?", "vote", "nominal"),
        # movements of people
        (r"repatriat(?:ed|es|ing|ions?)", "repatriation", ""),
        (r"deport(?:ed|s|ing|ations?)", "repatriation", ""),
        (r"extradit(?:ed|es|ing|ions?)", "repatriation", ""),
        (r"paid (?:a |an )?(?:\w+ )?(?:\w+ )?visits?", "visit", ""),
        (r"visit(?:ed|s|ing)?", "visit", "nominal"),
        (r"trips?", "visit", "nominal"),
        (r"touch(?:ed|es) down|land(?:ed|s) in|arriv(?:ed|es) in", "visit", ""),
        (r"depart(?:ed|s|ing)? (?:on \w+ )?for|left for", "visit", ""),
        (r"met with|held talks with|meets with|met|meets", "meeting", ""),
        (
            r"recall(?:ed|s|ing)? (?:its|their|the|his|her) (?:\w+ )?"
            r"(?:ambassador|envoy|diplomats?)",
            "recall",
            "",
        ),
        (r"meetings?|talks with|summit", "meeting", "nominal"),
        (
            r"talks|negotiations|hearings?|(?:emergency |special |extraordinary )sessions?",
            "meeting",
            "nominal",
        ),
        (
            r"(?:agreements?|accords?|treat(?:y|ies)|deals?|pacts?|memorand(?:um|a)) signed"
            r"|sign(?:ed|s|ing) (?:a |an |the |two |several |new )?(?:[\w-]+ ){0,3}?"
            r"(?:agreements?|accords?|treat(?:y|ies)|deals?|pacts?|memorand(?:um|a))",
            "agreement",
            "",
        ),
        (r"withdr(?:ew|awn|awal|aws|awing)", "withdrawal", ""),
        (
            r"(?:diplomatic )?(?:ties|relations)(?: between (?:[\w'’-]+ ){1,5}?)?"
            r" ?(?:were |was |had been |have been )?"
            r"(?:established|restored|severed|cut|broken off|downgraded|normali[sz]ed)"
            r"|(?:establish|restor|sever|cut|normali[sz])(?:ed|es|ing)? (?:full )?diplomatic"
            r" (?:ties|relations)",
            "diplomatic relations",
            "",
        ),
        (r"(?:truce|ceasefire|cease-fire|armistice)s?", "agreement", "nominal"),
        (
            r"entry into force|entered into force|came into (?:force|effect)|took effect",
            "agreement",
            "",
        ),
        (
            r"entered|landed on|crossed into|seized|occupied"
            r"|storm(?:ed|ing)|raid(?:ed|s)?|inva(?:ded|des|sion)|incursions?",
            "military operation",
            "",
        ),
        (r"(?:announced|unveiled|proposed|declared) by", "statement", ""),
        (r"(?:was|were|been|being) signed", "agreement", ""),
        (
            r"shell(?:ed|ing|s)|artillery fire|(?:air|drone|missile|rocket) ?strikes?"
            r"|bomb(?:ed|ing|ings)|mortar (?:fire|attacks?)|open(?:ed)? fire|fired on"
            r"|ambush(?:ed|es)?|clash(?:ed|es)",
            "attack",
            "",
        ),
        (
            r"spoke (?:by (?:tele)?phone )?(?:with|to)|(?:held|had) (?:a )?(?:phone |telephone "
            r"|video )?(?:call|conversation)s? with"
            r"|(?:phone|telephone|video) (?:call|conversation)s?",
            "meeting",
            "",
        ),
        (
            r"arrest(?:ed|s|ing)?|detain(?:ed|s|ing)?|detentions?"
            r"|took (?:[\w-]+ ){0,3}?into custody",
            "arrest",
            "",
        ),
        (r"dispers(?:ed|e|al|ing)|crack(?:ed|s)? down|crackdowns?", "crackdown", ""),
        (
            r"fil(?:ed|es|ing) (?:a |an )?(?:[\w-]+ )?(?:complaint|lawsuit|appeal|case|suit)",
            "complaint",
            "",
        ),
        (r"inaugurat(?:ed|ion)|sworn in|took office|relinquish(?:ed|es) power", "inauguration", ""),
        # force and harm
        (r"(?:military |live-fire |naval |joint )?(?:exercises|drills)", "military exercise", ""),
        (r"fired (?:\w+ )?missiles", "military exercise", ""),
        (
            r"(?:missile|nuclear|weapons?|rocket) tests?|test-fir(?:ed|es|ing)"
            r"|test launch(?:es)?",
            "weapons test",
            "",
        ),
        (r"poison(?:ed|ing)|exposed to a \w+ agent|attack(?:ed)?", "attack", ""),
        (r"found (?:slumped|unconscious|dead)", "attack", ""),
        (r"incident", "attack", "nominal"),
        # industrial releases
        (
            r"(?:began|begun|started|start|starting|set) to (?:release|discharge|dump)"
            r"|discharg(?:ed|es|ing)|dump(?:ed|s|ing)?",
            "discharge",
            "",
        ),
        # saying
        (
            r"(?:held|gave|at) (?:a |an |the |its |his |her )?(?:\w+ )?(?:\w+ )?"
            r"(?:press conference|press briefing|news briefing|news conference|media briefing)",
            "press briefing",
            "speech",
        ),
        (
            r"told (?:a |the )?(?:\w+ )?(?:news briefing|press conference|press briefing)",
            "press briefing",
            "speech",
        ),
        (r"made (?:the|these|those|his|her) (?:remarks|comments)", "statement", "speech"),
        (r"(?:news agency |agency |media |outlets? )?reported", "statement", "speech media"),
        (r"told reporters|told journalists", "statement", "speech"),
        (
            r"said|says|told|stressed|noted|added|reiterated|announced|declared|vowed|warned"
            r"|urged|called on|set out|emphasi[sz]ed|insisted|argued|remarked|pointed out"
            r"|unveiled",
            "statement",
            "speech",
        ),
    )
)

# Categories whose events are reactions by their nature (they answer something).
REACTIVE_CATEGORIES: frozenset[str] = frozenset(
    {"summons", "expulsion", "sanction", "ban", "protest", "recall"}
)

# Categories a speech event takes when its sentence names one of these settings.
BRIEFING_WORDS: tuple[str, ...] = (
    "press conference",
    "press briefing",
    "news briefing",
    "news conference",
    "media briefing",
    "regular briefing",
    "routine briefing",
)

# Phrases that introduce what a response answers.
RESPONSE_CUES: tuple[str, ...] = (
    r"in response to",
    r"in reaction to",
    r"in retaliation (?:for|against)",
    r"respond(?:ing|ed|s)? to",
    r"react(?:ing|ed|s)? to",
    r"following",
    r"over",
    r"at",
    r"against",
    r"to",
    r"after",
)

# Words that mark a sentence as a reaction even when the trigger is a verb of saying.
RESPONSE_WORDS: tuple[str, ...] = (
    r"in response to",
    r"responding to",
    r"responded to",
    r"in retaliation",
    r"retaliat\w+",
    r"oppos\w+",
    r"opposition",
    r"dissatisf\w+",
    r"reject\w*",
    r"condemn\w*",
    r"denounc\w+",
    r"deplor\w+",
    r"regrettable",
    r"unacceptable",
    r"null and void",
    r"interfer\w+ in",
    r"provocation",
    r"protests?",
    r"representations",
    r"irresponsible",
    r"unjustified",
    r"unwarranted",
    r"hostile",
    r"unfriendly",
    r"outrageous",
    r"deplorable",
    r"absurd",
    r"smear\w*",
    r"slander\w*",
    r"disinformation",
    r"groundless",
    r"baseless\w*",
    r"lies",
    r"complaints?",
    r"accusations",
    r"tit-for-tat",
    r"in kind",
    r"countermeasures",
    r"retaliatory",
    r"escalation",
    r"violat\w*",
    r"accountable",
    r"egregious",
    r"stern",
    r"strongly",
    r"firmly",
    r"null and void",
    r"no binding force",
)

# Titles and offices: words that make a noun phrase an actor with a role.
ROLE_WORDS: frozenset[str] = frozenset(
    [
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "spokespersons",
        "official",
        "officials",
        "minister",
        "ministry",
        "ministers",
        "president",
        "vice",
        "premier",
        "prime",
        "chancellor",
        "secretary",
        "speaker",
        "ambassador",
        "envoy",
        "envoys",
        "interior",
        "ambassadors",
        "embassy",
        "consulate",
        "mission",
        "delegation",
        "committee",
        "commission",
        "council",
        "office",
        "government",
        "administration",
        "department",
        "parliament",
        "house",
        "senate",
        "congress",
        "cabinet",
        "tribunal",
        "court",
        "agency",
        "authorities",
        "commissioner",
        "chief",
        "director",
        "head",
        "leader",
        "leaders",
        "representative",
        "foreign",
        "defense",
        "defence",
        "general",
        "customs",
        "army",
        "military",
        "navy",
        "high",
        "deputy",
        "senior",
        "former",
        "acting",
        "special",
        "permanent",
        "press",
        "spokespeople",
        "diplomats",
        "diplomat",
        "countries",
        "country",
        "organizations",
        "bloc",
        "blocs",
        "operator",
        "company",
        "officers",
        "police",
        "forces",
        "troops",
        "guards",
        "prosecutors",
        "lawyers",
        "negotiator",
        "rapporteur",
        "organisation",
        "organization",
        "alliance",
        "union",
        "states",
        "members",
        "secretary-general",
    ]
)

# Words that are not names even when capitalized at the start of a sentence.
NOT_NAMES: frozenset[str] = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "he",
        "she",
        "they",
        "we",
        "i",
        "his",
        "her",
        "their",
        "our",
        "us",
        "and",
        "or",
        "but",
        "of",
        "for",
        "to",
        "in",
        "on",
        "at",
        "by",
        "with",
        "from",
        "as",
        "after",
        "before",
        "while",
        "when",
        "since",
        "also",
        "then",
        "meanwhile",
        "however",
        "earlier",
        "later",
        "today",
        "yesterday",
        "tonight",
        *WEEKDAYS,
        *MONTHS,
        *MONTH_ABBREVIATIONS,
        "mr",
        "mrs",
        "ms",
        "dr",
        "former",
        "last",
        "next",
        "early",
        "late",
        "whoever",
        "whatever",
        "incumbent",
        "new",
        "some",
        "certain",
        "relevant",
        "other",
        "several",
        "many",
    ]
)

# Pronouns and definite role phrases that stand for an actor named earlier.
PRONOUNS: frozenset[str] = frozenset({"he", "she", "it", "they", "we", "i"})

# Words too common to tie two rows together.
STOPWORDS: frozenset[str] = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "and",
        "or",
        "but",
        "as",
        "is",
        "was",
        "were",
        "be",
        "been",
        "being",
        "are",
        "has",
        "have",
        "had",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "when",
        "where",
        "why",
        "how",
        "said",
        "says",
        "say",
        "told",
        "his",
        "her",
        "their",
        "our",
        "your",
        "my",
        "he",
        "she",
        "they",
        "we",
        "i",
        "you",
        "them",
        "him",
        "us",
        "not",
        "no",
        "so",
        "also",
        "such",
        "than",
        "then",
        "there",
        "here",
        "into",
        "over",
        "after",
        "before",
        "about",
        "against",
        "between",
        "under",
        "during",
        "within",
        "without",
        "would",
        "will",
        "could",
        "should",
        "may",
        "might",
        "can",
        "must",
        "do",
        "does",
        "did",
        "all",
        "any",
        "some",
        "more",
        "most",
        "other",
        "another",
        "each",
        "both",
        "few",
        "many",
        "much",
        "very",
        "just",
        "only",
        "own",
        "same",
        "new",
        "old",
        "one",
        "two",
        "three",
        "first",
        "last",
        "latest",
        "year",
        "years",
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "months",
        "time",
        "so-called",
        "called",
        "calling",
    ]
)

# Lines that carry publication data, photo credits or page furniture, not events.
HEADER_PATTERNS: tuple[str, ...] = (
    r"\b(?:published|updated|posted|last updated|first published)\b\s*(?::|at|as of|on)",
    r"^\s*updated\b",
    r"^\s*by [A-Z][a-z]+ [A-Z]",
    r"^\s*(?:read more|read|related|see also|more|watch|listen)\s*:",
    r"^\s*volume \d+:",
)

CAPTION_PATTERNS: tuple[str, ...] = (
    r"\bphoto\s*:",
    r"\[photo\b",
    r"\(photo\b",
    r"/\s*\w+ photo\b",
    r"\bphoto\s*/",
    r"\bfile ?photo\b",
    r"\bfilepic\b",
    r"\bphoto: [A-Z]",
    r"\b[A-Z]{3,}/[A-Z][\w]+",
)

# Neutral verb phrases for titles, by category (and by kind for responses).
TITLE_VERBS: dict[str, str] = {
    "visit": "visits",
    "letter": "sends a letter",
    "report": "publishes a report",
    "assessment": "issues an assessment",
    "statement": "issues a statement",
    "press briefing": "speaks at a press briefing",
    "repatriation": "carries out a repatriation",
    "vote": "holds a vote",
    "sanction": "announces sanctions",
    "meeting": "holds a meeting",
    "summons": "summons a diplomat",
    "expulsion": "orders expulsions",
    "ban": "announces a ban",
    "protest": "lodges a protest",
    "military exercise": "holds military exercises",
    "ruling": "issues a ruling",
    "inauguration": "takes office",
    "attack": "is reported in an attack",
    "discharge": "begins a discharge",
    "recall": "recalls an envoy",
    "weapons test": "conducts a weapons test",
    "demonstration": "holds demonstrations",
    "agreement": "signs an agreement",
    "withdrawal": "withdraws",
    "arrest": "carries out detentions",
    "crackdown": "disperses a gathering",
    "complaint": "files a complaint",
    "diplomatic relations": "changes diplomatic relations",
    "military operation": "carries out a military operation",
}

# How a title names the event a response answers, by that event's category.
CATEGORY_NOUNS: dict[str, str] = {
    "visit": "visit",
    "letter": "letter",
    "report": "report",
    "assessment": "assessment",
    "statement": "statement",
    "press briefing": "remarks",
    "repatriation": "repatriation",
    "vote": "vote",
    "sanction": "sanctions",
    "meeting": "meeting",
    "summons": "summons",
    "expulsion": "expulsions",
    "ban": "ban",
    "protest": "protest",
    "military exercise": "military exercises",
    "ruling": "ruling",
    "inauguration": "inauguration",
    "attack": "attack",
    "discharge": "discharge",
    "recall": "recall of an envoy",
    "weapons test": "weapons test",
    "demonstration": "demonstrations",
    "agreement": "agreement",
    "withdrawal": "withdrawal",
    "arrest": "detentions",
    "crackdown": "crackdown",
    "complaint": "complaint",
    "diplomatic relations": "diplomatic relations",
    "military operation": "military operation",
}

RESPONSE_TITLE_VERBS: dict[str, str] = {
    "statement": "responds in a statement to",
    "press briefing": "responds at a press briefing to",
    "protest": "protests over",
    "summons": "summons a diplomat over",
    "expulsion": "orders expulsions in response to",
    "sanction": "announces sanctions over",
    "ban": "announces a ban over",
    "military exercise": "holds military exercises after",
    "recall": "recalls an envoy over",
}

# Nouns by which a reaction names what it answers ("denounced the expulsions", "condemns the
# detention of ..."), with the category of the event they name.
OBJECT_NOUNS: tuple[tuple[str, str], ...] = (
    (r"expulsions?|expelling", "expulsion"),
    (r"detentions?|arrests?", "arrest"),
    (r"sanctions?|restrictive measures|blacklisting|listing", "sanction"),
    (r"resolutions?|motions?|votes?|bills?", "vote"),
    (r"visits?|trips?|stopovers?", "visit"),
    (r"drills|exercises|manoeuvres|maneuvers", "military exercise"),
    (r"talks|negotiations|meetings?|summit", "meeting"),
    (r"reports?|white papers?", "report"),
    (r"letters?", "letter"),
    (r"bans?|import ban", "ban"),
    (r"dispersal|crackdowns?|use of (?:lethal |excessive )?force", "crackdown"),
    (r"rulings?|awards?|verdicts?|judg(?:e)?ments?", "ruling"),
    (r"summons|summoning", "summons"),
    (r"discharges?|release of", "discharge"),
    (r"tests?|launch(?:es)?", "weapons test"),
    (r"agreements?|accords?|treat(?:y|ies)|deals?|truce|ceasefire", "agreement"),
    (
        r"closures?|clos(?:e|ing) (?:the|its|their|a)|shut(?:ting)? (?:down )?(?:the|its)",
        "expulsion",
    ),
    (r"shelling|strikes?|bombing|attacks?|killing", "attack"),
    (r"raids?|invasion|incursions?|landing|seizure|occupation", "military operation"),
)
