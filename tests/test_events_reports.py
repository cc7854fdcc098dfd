"""How news reports tell acts: quotations (who 'we' is, the decisions a quoted statement
announces), undated reactions dated by the report's news day, and the words that class them.

Every text is invented (Arvelia, Valdoria, Kestland): no corpus words.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from timeline.documents import Document
from timeline.events import extract_events
from timeline.events.layout import unwrap
from timeline.events.parties import same_party
from timeline.events.quotes import quotations, quoted
from timeline.events.words import words_for

PUB = dt.date(2031, 4, 12)  # a Saturday: "Wednesday" is 2031-04-09


def _doc(
    text: str, publisher_type: str = "news media", published: dt.date = PUB, outlet: str = ""
) -> Document:
    return Document(
        doc_id="q1",
        text=text,
        published=published,
        outlet=outlet or "Test Wire",
        publisher_type=publisher_type,
    )


@pytest.mark.parametrize(
    "quote",
    [
        '"We held talks with Kestland on Monday," the Valdorian ministry said in a statement.',
        'The Valdorian ministry said in a statement: "We held talks with Kestland on Monday."',
        "“We held talks with Kestland on Monday,” the Valdorian ministry said.",
    ],
)
def test_we_in_a_quotation_of_a_report_is_whoever_the_quotation_is_attributed_to(quote):
    # the party named last before the quotation is Arvelia: without the quotation's speaker,
    # 'we' would be Arvelia's
    text = "Arvelia rejected the plan on Tuesday. " + quote
    df = extract_events([_doc(text)])
    (meeting,) = df[df["category"] == "meeting"].itertuples()
    assert same_party(meeting.actor, "Valdoria"), meeting.actor


def test_we_outside_any_quotation_stays_the_party_named_last():
    text = "Arvelia rejected the plan on Tuesday. We held talks with Kestland on Monday."
    df = extract_events([_doc(text)])
    (meeting,) = df[df["category"] == "meeting"].itertuples()
    assert same_party(meeting.actor, "Arvelia"), meeting.actor


LEAD = "Valdoria will recall its ambassador, the Valdorian Foreign Ministry said on Wednesday. "


@pytest.mark.parametrize(
    ("sentence", "rows"),
    [
        ('"We have also decided to suspend all visits," the ministry said in a statement.', 1),
        # the same words outside a quotation are the report's own narration: no row
        ("Valdoria has also decided to suspend all visits, analysts believe.", 0),
        # a decision of words is no act
        ('"We have decided to say nothing more," the ministry said.', 0),
    ],
)
def test_a_decision_quoted_in_a_report_is_dated_by_the_reports_news_day(sentence, rows):
    df = extract_events([_doc(LEAD + sentence)])
    found = df[df["notes"].str.contains("decision quoted")]
    assert len(found) == rows, df[["category", "actor", "notes"]]
    if rows:
        row = found.iloc[0]
        assert row["date_start"].date() == dt.date(2031, 4, 9), row["date_start"]
        assert row["category"] == "ban" and same_party(row["actor"], "Valdoria"), row["actor"]


def test_missiles_launched_are_an_attack_and_a_campaign_launched_an_announcement():
    df = extract_events(
        [
            _doc(
                "On Tuesday, Arvelian forces launched missiles and drones at a base in "
                "Valdoria. On Thursday, Valdoria launched a campaign for the vote."
            )
        ]
    )
    by_day = {row.date_start.date(): row.category for row in df.itertuples()}
    assert by_day[dt.date(2031, 4, 8)] == "attack", by_day
    assert by_day[dt.date(2031, 4, 10)] != "attack", by_day


def test_quotations_pair_their_marks_and_an_open_one_runs_to_the_end_of_its_paragraph():
    text = 'He said: "We agree." Then “they left”.\n"We will return\nNext line.'
    spans = quotations(text)
    assert [text[a:b] for a, b in spans] == ["We agree.", "they left", "We will return"]
    assert quoted(spans, text.index("agree")) is not None
    assert quoted(spans, text.index("Then")) is None
    assert quoted(spans, text.index("Next")) is None


def test_a_typographic_opening_mark_may_close_with_a_straight_one():
    # pasted text mixes marks: the quotation ends at the straight mark, so what follows it
    # ('he said') is its attribution, not part of it
    text = '“We will return," he said. Then they left.'
    spans = quotations(text)
    assert [text[a:b] for a, b in spans] == ["We will return,"]
    assert quoted(spans, text.index("he said")) is None


@pytest.mark.parametrize("mark", ["”", '"'])
def test_we_in_a_quotation_said_by_he_is_the_person_named_last_as_speaking(mark):
    # 'he' names no party: the speaker is the person last named as saying something, not
    # the party named last (Kestland, whose sanctions the quotation answers)
    text = (
        "Valdoria will act, President Ivo Tarn said on Wednesday. The move comes after "
        "Kestland imposed sanctions on two Valdorian ministers on Monday. "
        f"“Today we are freezing the assets of the two Kestland ministers,{mark} he said."
    )
    df = extract_events([_doc(text)])
    (freeze,) = df[df["date_start"] == pd.Timestamp(PUB)].itertuples()
    assert "Tarn" in freeze.actor, df[["date_start", "category", "actor"]]


NEWS_LEAD = "Kestland's air force launched strikes in Valdoria early Thursday. "


@pytest.mark.parametrize(
    ("sentence", "rows"),
    [
        ("Valdorian Foreign Minister Ivo Tarn said the strikes were a grave violation.", 1),
        ("The Valdorian foreign ministry said the strikes were a grave violation.", 1),
        # a country, a company, "officials" or a pronoun: background as often as news
        ("Valdoria said the strikes were a grave violation.", 0),
        ("The Orvo Steel Company said the strikes were a grave violation.", 0),
        ("Officials said the strikes were a grave violation.", 0),
        ("He said the strikes were a grave violation.", 0),
        ("Ivo Tarn did not say anything.", 0),
    ],
)
def test_an_undated_saying_of_a_named_person_or_office_is_dated_by_the_news_day(sentence, rows):
    df = extract_events([_doc(NEWS_LEAD + sentence)])
    found = df[df["notes"].str.contains("news day") & (df["category"] == "statement")]
    assert len(found) == rows, df[["category", "actor", "notes"]]
    if rows:
        assert found.iloc[0]["date_start"].date() == dt.date(2031, 4, 10)
        assert same_party(found.iloc[0]["actor"], "Valdoria"), found.iloc[0]["actor"]


@pytest.mark.parametrize(
    ("dated", "undated"),
    [
        (
            "Valdorian Foreign Minister Ivo Tarn said on Tuesday the talks had failed. ",
            "Tarn said the strikes were a grave violation.",
        ),
        # a dated act in words of another class (a condemnation) counts as its saying too
        (
            "Valdoria condemned the blockade on Tuesday. ",
            "Valdoria responded that the strikes were a grave violation.",
        ),
        (
            "The Valdorian foreign ministry condemned the blockade on Tuesday. ",
            "Valdoria responded that the strikes were a grave violation.",
        ),
    ],
)
def test_a_party_whose_saying_is_dated_makes_no_second_row_for_an_undated_one(dated, undated):
    text = NEWS_LEAD + dated + undated
    df = extract_events([_doc(text)])
    assert not df["notes"].str.contains("news day").any(), df[["category", "actor", "notes"]]


def test_a_partys_words_of_long_before_leave_its_undated_saying_a_row():
    text = (
        NEWS_LEAD + "Valdoria rejected a Kestland peace plan on 2 February. "
        "The Valdorian foreign ministry said the strikes were a grave violation."
    )
    df = extract_events([_doc(text)])
    assert df["notes"].str.contains("news day").sum() == 1, df[["category", "actor", "notes"]]


@pytest.mark.parametrize(
    ("act", "saying", "rows"),
    [
        # the same voice: the undated words tell of that day's act (of another class)
        (
            "Valdorian Foreign Minister Ivo Tarn accepted the envoy's resignation on Thursday.",
            "Tarn said the strikes were a grave violation.",
            0,
        ),
        (
            "The Valdorian foreign ministry recalled its ambassador on Thursday.",
            "The Valdorian foreign ministry said the strikes were a grave violation.",
            0,
        ),
        # another official of the same state speaks in another voice
        (
            "Valdorian Prime Minister Ivo Tarn met the Kestland ambassador on Thursday.",
            "The Valdorian foreign minister said the strikes were a grave violation.",
            1,
        ),
        # another office of the same state, or an actor only implied: the words stay a row
        (
            "Valdorian police arrested two Kestland citizens on Thursday.",
            "The Valdorian foreign ministry said the strikes were a grave violation.",
            1,
        ),
        (
            "Two Valdorian diplomats were expelled from Kestland on Thursday.",
            "Valdoria's foreign ministry said the strikes were a grave violation.",
            1,
        ),
        (
            "The Valdorian foreign ministry recalled its ambassador on Thursday.",
            "Orvo's Prime Minister Ana Lind said it was wrong.",
            1,
        ),
    ],
)
def test_a_speaker_with_an_act_dated_the_news_day_makes_no_undated_saying_that_day(
    act, saying, rows
):
    df = extract_events([_doc(NEWS_LEAD + act + " " + saying)])
    found = df["notes"].str.contains("news day").sum()
    assert found == rows, df[["category", "actor", "notes"]]


def test_an_undated_saying_in_a_statement_of_the_publisher_itself_makes_no_row():
    df = extract_events([_doc(NEWS_LEAD + "Ivo Tarn said it was a violation.", "government")])
    assert not df["notes"].str.contains("news day").any(), df[["category", "notes"]]


def test_a_statement_on_a_hyphenated_clash_answers_the_clash_and_not_a_meeting():
    text = (
        "Valdoria's foreign ministry on Tuesday issued a statement on a violent face-off "
        "between Valdorian and Kestland troops. Commanders had a productive meeting on 6 "
        "April. On the night of 7 April a violent face-off happened in the valley."
    )
    df = extract_events([_doc(text)]).set_index("event_id")
    statement = df[df["category"] == "statement"].iloc[0]
    target = df.loc[statement["responds_to"]]
    assert target["category"] == "clash", target[["category", "evidence"]]


def test_a_row_dated_only_by_the_news_day_is_less_sure_than_one_dated_in_its_sentence():
    text = (
        NEWS_LEAD + "Valdorian Foreign Minister Ivo Tarn said the strikes were a violation. "
        "Kestland's foreign ministry said on Thursday the strikes were defensive."
    )
    df = extract_events([_doc(text)])
    confidence = df["notes"].str.extract(r"confidence ([0-9.]+)")[0].astype(float)
    inferred = confidence[df["notes"].str.contains("news day")]
    dated = confidence[~df["notes"].str.contains("news day") & (df["category"] == "statement")]
    assert len(inferred) == 1 and len(dated) == 1, df[["category", "notes"]]
    assert inferred.iloc[0] < dated.iloc[0], df["notes"].tolist()


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        ("Valdoria condemned the strikes as a grave violation.", "criticism"),
        ("The Valdorian foreign office dismissed the charge as nonsense.", "rejection"),
        ("Valdorian Foreign Minister Ivo Tarn telephoned his Kestland counterpart.", "phone call"),
    ],
)
def test_an_undated_reaction_in_words_of_a_named_party_is_dated_by_the_news_day(sentence, category):
    df = extract_events([_doc(NEWS_LEAD + sentence)])
    found = df[df["notes"].str.contains("news day")]
    assert list(found["category"]) == [category], df[["category", "actor", "notes"]]
    assert found.iloc[0]["date_start"].date() == dt.date(2031, 4, 10)
    assert same_party(found.iloc[0]["actor"], "Valdoria"), found.iloc[0]["actor"]


def test_an_undated_reaction_of_a_class_the_party_has_a_dated_row_of_makes_no_second_row():
    text = (
        NEWS_LEAD + "Valdoria condemned the strikes on Friday. Valdoria condemned the raid. "
        "Kestland vetoed the draft on Friday. Kestland's ambassador Ivo Tarn told the council "
        "the text was one-sided."
    )
    df = extract_events([_doc(text)])
    undated = df[df["notes"].str.contains("news day")]
    # the second condemnation continues the first; a veto is no saying, so the ambassador's
    # words are a row of their own
    assert list(undated["category"]) == ["statement"], df[["category", "actor", "notes"]]


def test_a_bare_day_before_a_reported_clause_dates_the_saying_and_the_act_keeps_its_own():
    # the parse hangs "Saturday" on "ordered"; the telling was on Saturday, the order on
    # Wednesday (PUB is Saturday 2031-04-12)
    text = (
        "Tarn told reporters Saturday he had initially ordered the military on Wednesday to "
        "shoot down the craft."
    )
    df = extract_events([_doc(text)])
    days = {row.category: row.date_start.date() for row in df.itertuples()}
    assert days.get("statement") == dt.date(2031, 4, 12), days
    assert dt.date(2031, 4, 9) in days.values(), days


def test_a_country_branding_an_act_and_a_union_calling_for_calm_beside_it_are_rows():
    text = (
        NEWS_LEAD + "Kessburg branded the strikes as a dangerous provocation, while the "
        "Orvo Union called for a de-escalation of tensions."
    )
    df = extract_events([_doc(text)])
    found = df[df["notes"].str.contains("news day")].set_index("category")
    assert set(found.index) == {"statement", "appeal"}, df[["category", "actor", "notes"]]
    assert found.loc["statement", "actor"] == "Kessburg"
    assert "Orvo Union" in found.loc["appeal", "actor"]


def test_a_country_that_only_said_something_undated_makes_no_row_but_one_that_described_does():
    said = extract_events([_doc(NEWS_LEAD + "Valdoria said the strikes were a provocation.")])
    described = extract_events(
        [_doc(NEWS_LEAD + "Valdoria described the strikes as a provocation.")]
    )
    assert not said["notes"].str.contains("news day").any(), said[["category", "notes"]]
    assert described["notes"].str.contains("news day").sum() == 1, described[["category"]]


def test_a_question_word_or_a_bare_country_noun_is_no_actor():
    text = (
        "Valdoria's envoy asked the council on Monday: What did happen on 2 April? "
        "The row comes as that country prepares for its own election on Wednesday."
    )
    df = extract_events([_doc(text)])
    actors = [str(a).lower() for a in df["actor"].dropna()]
    assert "what" not in actors and "country" not in actors, df[["category", "actor"]]


def test_attending_a_council_is_a_meeting():
    text = "On 9 April the Valdorian foreign minister attended the Orvo Council."
    df = extract_events([_doc(text)])
    assert list(df["category"]) == ["meeting"], df[["category", "evidence"]]


def test_a_plural_role_word_names_no_party():
    from timeline.events.parties import party_keys

    assert party_keys("Senior Commanders") == set()
    assert party_keys("Valdorian Envoys") == party_keys("Valdoria")


def test_a_gerund_after_for_has_the_party_before_it_as_its_subject():
    text = (
        "Valdoria expelled two Kestland diplomats on Thursday in retaliation for Kestland "
        "ejecting two employees of the Valdorian Embassy on 2 April."
    )
    df = extract_events([_doc(text)])
    earlier = df[df["date_start"] == "2031-04-02"].iloc[0]
    assert earlier["category"] == "expulsion", earlier[["category", "evidence"]]
    assert earlier["actor"] == "Kestland" and "implied" not in earlier["notes"], earlier["actor"]


def test_a_killing_investigated_is_not_the_act_of_whoever_fails_to_cooperate():
    text = (
        "The Kessburg foreign ministry said they had been declared persona non grata in "
        "protest at Valdoria's failure to cooperate with investigations into the killing of "
        "Ivo Tarn, a Kessian national shot dead in a park in March."
    )
    df = extract_events([_doc(text)])
    (killing,) = df[df["category"] == "attack"].itertuples()
    # no party of its own: at most one implied by the context, and flagged so
    stated = not pd.isna(killing.actor) and "implied" not in killing.notes
    assert not stated, (killing.actor, killing.notes)


@pytest.mark.parametrize(
    ("text", "category", "party"),
    [
        (
            "Valdorian police detained protesters in Kestland, seizing their phones on 2 April.",
            "detention",
            "Valdoria",
        ),
        (
            "Valdorian troops fired at protesters in Kestland, killing two people on 2 April.",
            "attack",
            "Valdoria",
        ),
    ],
)
def test_a_participle_after_a_comma_is_the_main_subjects_act(text, category, party):
    df = extract_events([_doc(text)])
    rows = df[df["category"] == category]
    assert len(rows) and all(same_party(a, party) for a in rows["actor"]), df[["actor"]]


def test_calling_someone_as_part_of_a_tour_is_a_call_not_a_description():
    text = "On Monday Valdorian minister Tarn called his Kestland counterpart as part of a tour."
    df = extract_events([_doc(text)])
    assert list(df["category"]) == ["phone call"], df[["category", "evidence"]]


def test_a_quotation_belongs_to_the_saying_that_introduces_it_not_to_a_later_clause():
    text = (
        'Arvelia rejected the plan on Tuesday. Valdorian minister Ivo Tarn said "we held talks '
        'with Kestland on Monday" and the Orvo ministry said nothing more.'
    )
    df = extract_events([_doc(text)])
    (meeting,) = df[df["category"] == "meeting"].itertuples()
    assert same_party(meeting.actor, "Valdoria"), meeting.actor


def test_a_quoted_decision_takes_the_day_of_its_dated_saying():
    quote = '"We have decided to suspend all visits," the Valdorian ministry said on Monday.'
    text = NEWS_LEAD + quote
    df = extract_events([_doc(text)])
    (ban,) = df[df["category"] == "ban"].itertuples()
    assert ban.date_start.date() == dt.date(2031, 4, 7), ban.date_start
    assert "news day" not in ban.notes


def test_starting_from_a_day_dates_the_measure_it_hangs_on():
    text = "Valdoria will ban imports of fish from Kestland starting from 14 April."
    df = extract_events([_doc(text)])
    (ban,) = df[df["category"] == "ban"].itertuples()
    assert ban.date_start.date() == dt.date(2031, 4, 14), ban.date_start
    assert same_party(ban.actor, "Valdoria"), ban.actor


def test_a_reaction_answers_a_meeting_only_when_it_names_it():
    # the meeting is nearer and told by three reports; the statement names neither act
    meeting = "Senior commanders of Kestland and Valdoria held a meeting in Orvo on 10 April. "
    docs = [
        Document(
            doc_id=k,
            text=meeting + "The commanders agreed to pull back.",
            published=dt.date(2031, 4, 11),
            outlet="Test Wire",
            publisher_type="news media",
        )
        for k in "ab"
    ]
    docs.append(
        Document(
            doc_id="c",
            text="Kestland and Valdoria troops clashed in the valley on 5 April. "
            + meeting
            + "The spokesperson, Ana Lind, said on 11 April that both sides suffered casualties.",
            published=dt.date(2031, 4, 12),
            outlet="Test Wire",
            publisher_type="news media",
        )
    )
    df = extract_events(docs).set_index("event_id")
    statement = df[df["category"] == "statement"].iloc[0]
    assert df.loc[statement["responds_to"], "category"] == "clash", df[["responds_to"]]


@pytest.mark.parametrize(
    "sentence, category",
    [
        ("Valdoria condemned the strikes as a grave violation, it said.", "criticism"),
        (
            'Valdorian Foreign Minister Ivo Tarn called the strikes a "reckless and cynical '
            'escalation" that put "our whole region" at risk, he said.',
            "statement",
        ),
    ],
)
def test_an_undated_reaction_before_a_pronouns_saying_is_the_main_clause(sentence, category):
    # "X did Y, it said": the saying's subject is a pronoun, the act's subject names who
    df = extract_events([_doc(NEWS_LEAD + sentence)])
    found = df[df["notes"].str.contains("news day")]
    assert len(found) == 1, df[["category", "actor", "notes"]]
    assert found.iloc[0]["category"] == category
    assert same_party(found.iloc[0]["actor"], "Valdoria"), found.iloc[0]["actor"]


def test_a_named_persons_undated_saying_is_not_taken_for_the_dated_one_of_officials():
    text = (
        # a country of the gazetteer (an invented one has no key apart from its name)
        NEWS_LEAD + "Peruvian officials said on Wednesday the drone had been tracked. "
        "Peruvian Foreign Minister Ivo Tarn said the raid was a violation."
    )
    df = extract_events([_doc(text)])
    undated = df[df["notes"].str.contains("news day")]
    assert list(undated["category"]) == ["statement"], df[["category", "actor", "notes"]]
    assert "Tarn" in undated.iloc[0]["actor"]


@pytest.mark.parametrize(
    "sentence, category",
    [
        ("Kessburg police chief Ivo Tarn was dismissed on Thursday.", "dismissal"),
        ("Valdoria on Thursday dismissed its ambassador to Kestland.", "dismissal"),
        ("Valdoria on Thursday dismissed the claims as baseless.", "rejection"),
        ("Valdoria dismissed the post as fake on Thursday.", "rejection"),
        # a particle that turns the verb into another ("ruled out", not a ruling)
        ("Ivo Tarn ruled out on Thursday expelling anyone in retaliation.", "rejection"),
        ("Kestland troops fired shells at the border on Thursday.", "clash"),
        ("Kestland soldiers fired from their positions on Thursday.", "clash"),
        ("The minister was fired upon by gunmen on Thursday.", "clash"),
        ("Valdoria severed diplomatic relations with Kestland on Thursday.", "break in relations"),
        ("Valdoria broke off ties with Kestland on Thursday.", "break in relations"),
        ("A ship severed the undersea cable on Thursday.", "other"),
        ("Valdoria broke its silence on the relations with Kestland on Thursday.", "other"),
    ],
)
def test_officials_removed_and_ties_broken_are_told_from_their_objects(sentence, category):
    df = extract_events([_doc(sentence)])
    assert list(df["category"]) == [category], df[["category", "actor", "notes"]]


@pytest.mark.parametrize(
    "sentence, party",
    [
        ("Violence erupted on Thursday when Kestland troops stormed the town.", "Kestland"),
        ("Panic spread on Thursday after Orvo militants bombed the bridge.", "Orvo"),
    ],
)
def test_a_state_change_of_no_party_is_told_by_the_act_that_set_it_off(sentence, party):
    # the date hangs on "erupted" / "spread", whose subject is nobody's: the attack is the
    # event, and its own subject the actor
    df = extract_events([_doc(sentence)])
    assert list(df["category"]) == ["attack"], df[["category", "actor", "notes"]]
    assert party in df.iloc[0]["actor"], df.iloc[0]["actor"]


def test_an_envoy_summoned_to_a_ministry_is_summoned_by_that_ministry():
    text = (
        "Valdoria's charge d'affaires Ivo Tarn was summoned to the Arvelian Ministry of "
        "Foreign Affairs on Thursday over the incident."
    )
    df = extract_events([_doc(text)])
    assert list(df["category"]) == ["summons"], df[["category", "actor", "notes"]]
    assert df.iloc[0]["actor"] == "Arvelian Ministry of Foreign Affairs"


def test_a_when_the_parse_hangs_on_a_subject_is_no_part_of_the_actor():
    # the parse hangs "when" on "unidentified", the first modifier of the subject
    text = (
        "The envoy was summoned on Friday over an incident, when unidentified, uniformed men "
        "with rifles stormed a Kestland border post on Thursday."
    )
    df = extract_events([_doc(text)])
    attack = df[df["category"] == "attack"]
    assert len(attack) == 1, df[["category", "actor"]]
    actor = attack.iloc[0]["actor"]
    assert actor.endswith("uniformed men") and not actor.lower().startswith("when"), actor


def test_a_killing_a_party_offers_to_shed_light_on_is_not_that_partys_act():
    text = "Valdoria offered on Friday to shed light on the killing of a man in Kess on Thursday."
    df = extract_events([_doc(text)])
    attack = df[df["category"] == "attack"]
    assert len(attack) == 1, df[["category", "actor", "notes"]]
    actor = attack.iloc[0]["actor"]
    assert pd.isna(actor) or "Valdoria" not in actor, actor


@pytest.mark.parametrize(
    "sentence, category, day",
    [
        (
            "After a council session on Tuesday, Foreign Minister Ivo Tarn issued a statement on "
            "the strikes.",
            "statement",
            dt.date(2031, 4, 8),
        ),
        (
            "After talks on Tuesday, Kestland recalled its ambassador.",
            "withdrawal",
            dt.date(2031, 4, 8),
        ),
        # an act with a date of its own keeps it
        (
            "Kestland recalled its ambassador on Friday after talks on Tuesday.",
            "withdrawal",
            dt.date(2031, 4, 11),
        ),
    ],
)
def test_an_act_following_a_dated_event_takes_its_day_unless_it_has_its_own(
    sentence, category, day
):
    df = extract_events([_doc(sentence)])
    act = df[df["category"] == category]
    assert len(act) == 1, df[["category", "actor", "date_start", "notes"]]
    assert act.iloc[0]["date_start"].date() == day


def test_an_open_ended_vague_reference_dates_nothing_but_a_few_days_ago_does():
    df = extract_events(
        [_doc("Tarn said the two sides would explore regular talks in the future.")]
    )
    assert df.empty, df[["category", "date_start", "notes"]]
    df = extract_events([_doc("A few days ago, a group of Arvelian officials sent a letter.")])
    assert len(df) == 1, df[["category", "date_start", "notes"]]
    assert df.iloc[0]["date_start"].date() < PUB


def test_an_infinitive_of_purpose_is_no_act_of_its_own():
    text = (
        "Valdoria said on Friday it was recalling its ambassador to Kestland to protest the "
        "opening last week of a Kestland consulate in Kess."
    )
    df = extract_events([_doc(text)])
    assert list(df["category"]) == ["withdrawal"], df[["category", "actor", "date_start"]]


def test_a_name_the_tagger_reads_as_a_modal_is_the_subject_of_a_past_verb():
    text = "May expelled four Arvelian envoys on Wednesday, the ministry said."
    df = extract_events([_doc(text)])
    expulsion = df[df["category"] == "expulsion"]
    assert list(expulsion["actor"]) == ["May"], df[["category", "actor"]]


def test_an_act_after_which_something_happened_keeps_its_own_date():
    text = "Protesters gathered on Monday after Kestland expelled the envoy in March."
    df = extract_events([_doc(text)])
    expulsion = df[df["category"] == "expulsion"]
    assert [d.month for d in expulsion["date_start"]] == [3], df[["category", "date_start"]]


@pytest.mark.parametrize(
    "sentence",
    [
        "Valdoria embarked on a state visit to Kestland on Monday.",
        "President Ivo Tarn set off on a tour of Kestland on Monday.",
    ],
)
def test_a_visit_a_party_sets_off_on_is_its_own(sentence):
    df = extract_events([_doc(sentence)])
    assert list(df["category"]) == ["visit"], df[["category", "actor"]]
    assert "Kestland" not in df.iloc[0]["actor"], df.iloc[0]["actor"]


def test_an_envoy_posted_to_a_named_state_is_summoned_by_that_state_whatever_the_office():
    text = "The Kestland ambassador to Valdoria was summoned to the ministry on Thursday."
    df = extract_events([_doc(text)])
    assert list(df["actor"]) == ["Valdoria"], df[["category", "actor"]]


@pytest.mark.parametrize(
    "sentence, category, year",
    [
        # the reported act has a date of its own
        (
            "Following the meeting on Tuesday, Tarn said Valdoria had recalled its envoy in 2029.",
            "withdrawal",
            2029,
        ),
        # an offset: not the day of the election
        ("Weeks after the election on 3 March, Valdoria expelled two envoys.", "expulsion", None),
    ],
)
def test_an_act_following_a_dated_event_is_not_dated_by_it_when_told_otherwise(
    sentence, category, year
):
    df = extract_events([_doc(sentence)])
    act = df[df["category"] == category]
    assert [d.year for d in act["date_start"]] == ([year] if year else []), df[
        ["category", "date_start", "notes"]
    ]


@pytest.mark.parametrize(
    "sentence, category",
    [
        ("Ivo Tarn flew to Kess to sign the treaty on Monday.", "agreement"),
        ("Kestland deployed troops to the border to attack Kess on Monday.", "attack"),
    ],
)
def test_a_date_on_an_infinitive_of_purpose_itself_still_makes_a_row(sentence, category):
    df = extract_events([_doc(sentence)])
    assert list(df["category"]) == [category], df[["category", "date_start"]]


def test_a_month_at_the_head_of_a_sentence_is_no_person():
    df = extract_events([_doc("May brought sanctions on Kestland on 3 May 2030.")])
    assert df["actor"].isna().all() or "May" not in set(df["actor"]), df[["category", "actor"]]


def test_an_office_saying_again_undated_makes_no_second_row():
    text = (
        NEWS_LEAD + "The Valdorian Foreign Ministry said on Wednesday the raid was unlawful. "
        "The Valdorian Foreign Ministry said the strikes were a violation."
    )
    df = extract_events([_doc(text)])
    assert not df["notes"].str.contains("news day").any(), df[["category", "actor", "notes"]]


def _rows(text: str, **kw) -> list[tuple[str, dt.date, str]]:
    """(category, day, actor) of the rows of one invented report (``_doc``'s keywords)."""
    table = extract_events([_doc(text, **kw)])
    return sorted((r.category, r.date_start.date(), r.actor) for r in table.itertuples(index=False))


def test_a_reported_act_with_a_date_of_its_own_keeps_it():
    rows = _rows(
        "Ivo Tarn said on Friday that Valdoria had expelled three Kestlandic diplomats on Monday."
    )
    assert ("expulsion", dt.date(2031, 4, 7), "Valdoria") in rows, rows
    assert ("statement", dt.date(2031, 4, 11), "Ivo Tarn") in rows, rows
    # with no date of its own, the act still takes the saying's
    (row,) = _rows("Ivo Tarn said on Friday that Valdoria had expelled three diplomats.")
    assert row[:2] == ("expulsion", dt.date(2031, 4, 11)), row


def test_the_date_between_a_saying_and_its_planned_act_is_the_sayings():
    rows = _rows("Kestland said on Friday it would expel Valdorian diplomats.")
    # the plan is no act of next Friday: the saying is Friday's
    assert all(day <= PUB for _c, day, _a in rows), rows
    assert ("statement", dt.date(2031, 4, 11), "Kestland") in rows, rows


@pytest.mark.parametrize(
    "text",
    [
        'Ivo Tarn said, "On Thursday Valdoria expelled two Kestlandic diplomats."',
        "Ivo Tarn said that on Thursday Valdoria had expelled two Kestlandic diplomats.",
    ],
)
def test_a_date_inside_the_reported_clause_is_the_reported_acts(text):
    rows = _rows(text)
    assert ("expulsion", dt.date(2031, 4, 10), "Valdoria") in rows, rows


def test_a_reaction_in_the_present_gives_an_earlier_date_to_its_object():
    text = (
        "The Embassy strongly protests the detention of Kestlandic national Ivo Lind by "
        "Valdorian authorities on April 9 and demands his immediate release."
    )
    rows = _days(text, published=dt.date(2031, 4, 11))
    assert ("detention", dt.date(2031, 4, 9)) in rows, rows
    assert ("protest", dt.date(2031, 4, 9)) not in rows, rows
    # the same day, the reaction is that day's too
    rows = _days("We condemn the attack on the border post this morning.", published=PUB)
    assert ("criticism", PUB) in rows, rows


def _days(text: str, published: dt.date) -> list[tuple[str, dt.date]]:
    """(category, day) of the rows of one invented embassy statement."""
    embassy = {"publisher_type": "government", "outlet": "Embassy of Kestland in Valdoria"}
    return [(c, day) for c, day, _a in _rows(text, published=published, **embassy)]


@pytest.mark.parametrize("mark", ["‘Baseless’", '"Baseless"', "“Baseless”"])
def test_a_quoted_word_before_its_speaker_is_not_the_speaker(mark):
    text = f"Ivo Tarn criticised Valdoria on Thursday. {mark}, Orla Kess replied on Friday."
    rows = _rows(text)
    assert ("statement", dt.date(2031, 4, 11), "Orla Kess") in rows, rows


def test_a_report_told_in_the_present_keeps_its_own_dates():
    # a timeline's present of narration: the criticism is 12 March's, not its object's
    rows = _rows("12 March: Orvo condemns the expulsion of two Lirrian envoys on 3 March.")
    assert ("criticism", dt.date(2031, 3, 12), "Orvo") in rows, rows


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Valdoria responded on Wednesday by expelling two Kestland diplomats.", "expulsion"),
        ("On Wednesday Valdoria responded by closing its airspace to Kestland.", "closure"),
        # a saying done by saying is still a statement
        ("Valdoria responded on Wednesday by saying it would study the note.", "statement"),
    ],
)
def test_a_response_made_by_an_act_is_that_act(text, category):
    df = extract_events([_doc("Kestland expelled Valdoria's ambassador on Monday. " + text)])
    row = df[df["date_start"] == pd.Timestamp(2031, 4, 9)].iloc[0]
    assert row["category"] == category, df[["date_start", "category", "actor"]]
    assert same_party(row["actor"], "Valdoria"), row["actor"]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "Valdoria's foreign minister Orla Kess, speaking at a news conference on "
            "Wednesday, said her country would not be intimidated.",
            "statement",
        ),
        (
            "Speaking to reporters on Wednesday, Orla Kess said Valdoria would stand firm.",
            "statement",
        ),
        ("Orla Kess spoke to reporters on Wednesday.", "statement"),
        # talking with a party is a call
        ("Orla Kess spoke with Kestland's foreign minister Ivo Tarn on Wednesday.", "phone call"),
    ],
)
def test_talking_in_public_is_a_statement_and_with_a_party_a_call(text, category):
    df = extract_events([_doc(text)])
    (row,) = df.itertuples()
    assert row.category == category, (row.category, row.actor)
    assert "Kess" in str(row.actor), row.actor


@pytest.mark.parametrize(
    "text",
    [
        "Kestland, a member of the Orvo Pact since 2012, on Wednesday expelled two "
        "Valdorian diplomats.",
        "Ivo Tarn, Kestland's ambassador to Valdoria since 2027, was summoned on Wednesday to "
        "the Valdorian foreign ministry.",
    ],
)
def test_a_year_in_an_apposition_dates_the_noun_not_the_act(text):
    df = extract_events([_doc(text)])
    (row,) = df.itertuples()
    assert row.date_start.date() == dt.date(2031, 4, 9), df[["date_start", "category"]]


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("Kestland expelled two Valdorian diplomats in May.", dt.date(2030, 5, 1)),
        ("Kestland had expelled two Valdorian diplomats on 2 May.", dt.date(2030, 5, 2)),
        # a plan stays ahead, a year told stays, a day's name is the finder's
        ("Kestland will expel two Valdorian diplomats in May.", dt.date(2031, 5, 1)),
        ("Kestland expelled two Valdorian diplomats in May 2031.", dt.date(2031, 5, 1)),
    ],
)
def test_a_past_act_in_a_month_after_the_report_is_of_the_year_before(text, start):
    (row,) = extract_events([_doc(text)]).itertuples()
    assert row.date_start.date() == start, row.date_start


@pytest.mark.parametrize(
    ("text", "named"),
    [
        (
            "Ivo Tarn, Kestland's foreign minister, on Wednesday accused Valdoria of sheltering "
            "rebels.",
            True,
        ),
        ("Ivo Tarn, the Kestland foreign minister, on Wednesday accused Valdoria.", True),
        # an organ apposed by the parse is no title; a title with no country adds none
        ("Ivo Tarn, a veteran diplomat, on Wednesday accused Valdoria of lying.", False),
    ],
)
def test_a_title_after_a_name_and_a_comma_gives_the_persons_country(text, named):
    (row,) = extract_events([_doc(text)]).itertuples()
    assert "Tarn" in row.actor and same_party(row.actor, "Kestland") == named, row.actor


@pytest.mark.parametrize(
    "text",
    [
        "The ministry denied reports that Kestland had closed the border on Thursday.",
        "Kestland has repeatedly denied that its forces fired on Valdorian positions on 3 March.",
        "Valdoria dismissed as fabricated reports that its troops crossed the border on Tuesday.",
        "No ambassador was summoned on Friday, contrary to earlier reports.",
    ],
)
def test_an_act_denied_or_told_as_not_done_makes_no_row(text):
    df = extract_events([_doc(text)])
    assert not set(df["category"]) & {"closure", "clash", "summons"}, df[["category", "actor"]]


def test_a_denial_of_a_dated_statement_keeps_the_statement():
    text = "We reject the groundless statement of the Valdorian Foreign Ministry dated 9 April."
    df = extract_events([_doc(text)])
    assert list(df["date_start"]) == [pd.Timestamp(2031, 4, 9)], df[["date_start", "category"]]


def test_a_past_day_just_after_the_publication_is_not_moved_a_year_back():
    # a publication date a day early in the metadata is likelier than last year's 13 April
    df = extract_events([_doc("On the evening of 13 April, Kestland cut off the gas supply.")])
    assert list(df["date_start"]) == [pd.Timestamp(2031, 4, 13)], df["date_start"]


@pytest.mark.parametrize("paper", ["the Orvo Herald", "Kestland Daily", "Valdoria TV"])
def test_a_named_newspapers_report_is_coverage_not_an_act(paper):
    text = f"Kestland detained a Valdorian businessman on Tuesday, {paper} reported on Wednesday."
    df = extract_events([_doc(text)])
    assert list(df["category"]) == ["detention"], df[["category", "actor"]]


@pytest.mark.parametrize(
    "text",
    [
        "Kestland on Wednesday expelled two Valdorian diplomats, its first expulsion since 2027.",
        "The protest on Wednesday was the largest demonstration since 2019.",
    ],
)
def test_an_act_ranked_since_a_year_tells_no_act_that_year(text):
    df = extract_events([_doc(text)])
    assert list(df["date_start"]) == [pd.Timestamp(2031, 4, 9)], df[["date_start", "category"]]


def test_a_reaction_whose_date_the_parse_hangs_on_an_act_told_before_takes_the_date():
    text = (
        "Protesters stormed Kestland's embassy in Valdoria on Monday. Kestland condemned the "
        "attack on Tuesday and demanded protection for its diplomats."
    )
    df = extract_events([_doc(text)])
    by_day = dict(zip(df["date_start"].dt.day, df["category"], strict=True))
    assert by_day == {7: "attack", 8: "criticism"}, df[["date_start", "category", "actor"]]


@pytest.mark.parametrize("raising", ["is set to", "is expected to", "was scheduled to"])
def test_the_subject_of_a_raising_passive_is_the_actor_of_its_act(raising):
    text = f"Valdoria {raising} impose sanctions on Kestland on Monday, diplomats said."
    (row,) = extract_events([_doc(text)]).itertuples()
    assert same_party(row.actor, "Valdoria"), row.actor


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Kestland was due to recall its ambassador on Thursday.", 10),
        ("Kestland had been expected to recall its ambassador on Thursday.", 10),
        ("Kestland is expected to recall its ambassador on Thursday.", 17),
    ],
)
def test_a_plan_told_in_the_past_keeps_its_past_day(text, day):
    (row,) = extract_events([_doc(text)]).itertuples()
    assert row.date_start == pd.Timestamp(2031, 4, day), row.date_start


# ---- a reviewer's counter-examples to this file's rules (each failed at some commit) ----


def test_speaking_at_a_conference_keeps_the_saying_and_the_reported_acts_own_date():
    text = (
        "Speaking at a news conference on Friday, Ivo Tarn said Kestland had expelled two "
        "Valdorian diplomats on Thursday."
    )
    df = extract_events([_doc(text)])
    by_day = dict(zip(df["date_start"].dt.day, df["category"], strict=True))
    assert by_day == {10: "expulsion", 11: "statement"}, df[["date_start", "category"]]


@pytest.mark.parametrize(
    "text",
    [
        "Kestland said on Friday it planned to expel two Valdorian diplomats on Monday.",
        "The summit between Kestland and Valdoria has been scheduled for Monday.",
    ],
)
def test_a_plan_said_in_the_past_or_the_perfect_still_points_ahead(text):
    df = extract_events([_doc(text)])
    assert pd.Timestamp(2031, 4, 14) in set(df["date_start"]), df[["date_start", "category"]]


def test_the_subject_of_a_passive_raised_act_is_acted_on_not_the_actor():
    (row,) = extract_events([_doc("Two Valdorian diplomats are set to be expelled on Monday.")])[
        ["actor"]
    ].itertuples()
    assert pd.isna(row.actor) or "diplomats" not in row.actor, row.actor


@pytest.mark.parametrize(
    ("text", "not_category"),
    [
        ("Kestland launched an anti-missile defence programme on Friday.", "attack"),
        ("Kestland violated cross-border fishing rules on Thursday.", "clash"),
    ],
)
def test_a_hyphenated_word_is_not_read_by_its_last_word(text, not_category):
    df = extract_events([_doc(text)])
    assert not_category not in set(df["category"]), df[["category"]]


def test_a_straight_pair_inside_a_typographic_quotation_does_not_close_it():
    text = (
        '“Kestland\'s so-called "peace plan" is dead. We recalled our ambassador from Kestland '
        "on Thursday,” Orla Kess said on Friday."
    )
    df = extract_events([_doc(text)])
    assert set(df["actor"]) == {"Orla Kess"}, df[["category", "actor"]]


def test_a_body_told_with_its_own_place_is_not_the_one_named_before_with_another_country():
    text = (
        "Arvelian fishermen were detained by Kestland on Monday. On Tuesday, fishermen in "
        "Kestland blocked the port of Orvo to protest Arvelian fishing."
    )
    df = extract_events([_doc(text)])
    assert "Arvelian fishermen" not in set(df["actor"]), df[["category", "actor"]]


def test_a_month_an_act_is_put_off_to_is_not_moved_a_year_back():
    (row,) = extract_events(
        [_doc("Kestland postponed the vote on the treaty to May.")]
    ).itertuples()
    assert row.date_start == pd.Timestamp(2031, 5, 1), row.date_start


def test_the_attack_on_a_day_long_after_the_last_attack_told_is_a_new_one():
    text = (
        "Gunmen attacked a Kestland border post in March. Valdoria condemned the attack on "
        "Thursday on the Kestland embassy in Orvo, which killed two guards."
    )
    df = extract_events([_doc(text)])
    assert (df["category"] == "attack").sum() == 2, df[["date_start", "category"]]


def test_a_titled_official_with_a_newspaper_like_word_is_not_the_press():
    text = (
        "Kestland's Permanent Observer to the United Nations said on Friday that Valdoria had "
        "violated the treaty."
    )
    assert len(extract_events([_doc(text)])) == 1


def test_a_region_named_with_america_is_not_the_united_states():
    assert not same_party("Latin America", "the United States")
    assert same_party("America", "the United States")


def test_none_as_subject_tells_no_act():
    assert extract_events([_doc("None of the Valdorian diplomats was expelled on Friday.")]).empty


def test_a_quotation_attributed_to_a_name_with_its_title_is_the_persons():
    text = (
        '"We expelled two Valdorian diplomats on Thursday," Ivo Tarn, Kestland\'s foreign '
        "minister, said on Friday."
    )
    df = extract_events([_doc(text)])
    (expulsion,) = df[df["category"] == "expulsion"].itertuples()
    assert "Tarn" in str(expulsion.actor), expulsion.actor


@pytest.mark.parametrize(
    ("act", "noun"),
    [
        ("summoned Valdoria's ambassador", "summoning of its ambassador"),
        ("closed the border with Valdoria", "closing of the border"),
    ],
)
def test_an_ing_noun_names_the_act_of_its_verb(act, noun):
    text = (
        f"Kestland {act} on Monday. Kestland banned Valdorian wine imports on Tuesday. "
        f"On Wednesday Valdoria criticised Kestland's {noun}."
    )
    df = extract_events([_doc(text)]).set_index("date_start")
    cause = df.loc[pd.Timestamp(2031, 4, 7), "event_id"]
    assert df.loc[pd.Timestamp(2031, 4, 9), "responds_to"] == cause, df[["category", "responds_to"]]


@pytest.mark.parametrize(
    "text",
    [
        "Arvelia called in the Kestland ambassador on Wednesday.",
        "The Kestland ambassador was called in on Wednesday and Arvelia's concerns were conveyed.",
    ],
)
def test_an_envoy_called_in_is_summoned(text):
    df = extract_events([_doc(text)])
    assert "summons" in set(df["category"]), df[["category", "actor"]]


def test_a_transcript_put_online_the_day_after_counts_today_from_its_heading():
    title = "Foreign Ministry Spokesperson's Regular Press Conference on April 9, 2031"
    doc = Document(
        doc_id="t1",
        text=f"{title}\n\nQ: Any news?\n\nA: Today Foreign Minister Ivo Tarn met the Kestland "
        "ambassador.",
        published=dt.date(2031, 4, 10),
        outlet="Ministry of Foreign Affairs of Valdoria",
        publisher_type="government",
        title=title,
    )
    df = extract_events([doc])
    assert set(df["date_start"]) == {pd.Timestamp(2031, 4, 9)}, df[["date_start", "category"]]


def test_the_accusation_of_a_saying_that_reports_an_act_is_not_the_acts_class():
    text = (
        "Tesmark troops crossed into the disputed Orvo region on Monday and took control of two "
        "border villages, Lirria's government said, accusing its neighbour of aggression."
    )
    (row,) = extract_events([_doc(text)]).itertuples()
    assert row.category != "criticism" and "Tesmark" in row.actor, (row.category, row.actor)


# ---- a second review's counter-examples ----


def test_a_past_day_in_a_news_headline_is_not_the_documents_today():
    doc = Document(
        doc_id="t1",
        text="Valdoria expelled two Kestland diplomats today, the foreign ministry said.",
        published=PUB,
        outlet="Test Wire",
        publisher_type="news media",
        title="Valdoria answers April 9, 2031 shelling with expulsions",
    )
    (row,) = extract_events([doc]).itertuples()
    assert row.date_start == pd.Timestamp(PUB), row.date_start


@pytest.mark.parametrize(
    "text",
    [
        "Kestland on Friday called in a former defence minister to lead the talks with Valdoria.",
        "Tesmark's president called in the army chief on Friday to restore order in Orvo.",
    ],
)
def test_calling_in_someone_who_is_no_envoy_is_no_summons(text):
    assert "summons" not in set(extract_events([_doc(text)])["category"])


def test_a_gerund_of_a_verb_whose_noun_names_no_act_names_nothing():
    text = (
        "Kestland's foreign minister Ivo Tarn visited Lirria on Tuesday. Kestland troops shelled "
        "Orvo on Wednesday. On Thursday, Valdoria condemned the landing of Kestland marines on "
        "Lirria island."
    )
    df = extract_events([_doc(text)]).set_index("date_start")
    answered = df.loc[pd.Timestamp(2031, 4, 10), "responds_to"]
    assert answered == df.loc[pd.Timestamp(2031, 4, 9), "event_id"], df[["category", "responds_to"]]


def test_an_act_noun_object_of_a_verb_of_its_own_class_is_the_verbs_act():
    text = "The Valdorian cabinet approved a bill on Wednesday banning imports of Kestland grain."
    (row,) = extract_events([_doc(text)]).itertuples()
    assert same_party(row.actor, "Valdoria"), row.actor


def test_a_meeting_a_proposal_would_hold_is_a_plan_ahead():
    text = "Kestland rejected on Thursday a Valdorian proposal to hold talks on Monday."
    df = extract_events([_doc(text)]).set_index("category")
    assert df.loc["meeting", "date_start"] == pd.Timestamp(2031, 4, 14), df["date_start"]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Tension rose sharply on Friday; Kestland expelled two Valdorian diplomats.", "expulsion"),
        ("The crisis deepened on Friday: Kestland recalled its ambassador.", "withdrawal"),
    ],
)
def test_a_dated_scene_before_a_colon_dates_the_act_after_it(text, category):
    (row,) = extract_events([_doc(text)]).itertuples()
    assert (row.category, row.actor) == (category, "Kestland"), (row.category, row.actor)


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("Kestland will host the next round of talks in March.", dt.date(2032, 3, 1)),
        ("Kestland plans to host talks on 2 March.", dt.date(2032, 3, 2)),
        ("Kestland hosted talks in March.", dt.date(2031, 3, 1)),
    ],
)
def test_a_plan_in_a_month_before_the_report_is_next_years(text, start):
    (row,) = extract_events([_doc(text)]).itertuples()
    assert row.date_start.date() == start, row.date_start


def test_an_official_document_opening_with_its_publishers_act_is_that_act_whatever_its_title():
    doc = Document(
        doc_id="g1",
        text="The Ministry of Foreign Affairs of Valdoria strongly condemns the detention of "
        "journalist Orla Kess by Kestland's police on 10 April. The Ministry demands her "
        "immediate release.",
        published=PUB,
        outlet="Ministry of Foreign Affairs of Valdoria",
        publisher_type="government",
        title="Valdoria demands release of detained journalist",
    )
    df = extract_events([doc]).set_index("date_start")
    own = df.loc[pd.Timestamp(PUB)]
    assert own["responds_to"] == df.loc[pd.Timestamp(2031, 4, 10), "event_id"], df


@pytest.mark.parametrize(
    ("text", "category", "actor"),
    [
        ("On Friday Valdoria condemned the detention of its consul.", "criticism", "Valdoria"),
        ("On Friday Ivo Tarn said the talks had failed.", "statement", "Ivo Tarn"),
        ("Late on Friday Kestland recalled its ambassador.", "withdrawal", "Kestland"),
    ],
)
def test_a_name_right_after_a_fronted_day_is_the_subject_not_part_of_the_date(
    text, category, actor
):
    # the tagger reads "Friday Valdoria" as one name, the object of "On"
    (row,) = extract_events([_doc(text)]).itertuples()
    assert (row.category, row.actor, row.date_start.date()) == (
        category,
        actor,
        dt.date(2031, 4, 11),
    ), row


def test_every_party_of_a_list_with_commas_is_the_actor():
    (row,) = extract_events([_doc("Kestland, Arvelia and Lirria expelled envoys on Monday.")])[
        ["actor"]
    ].itertuples()
    assert row.actor == "Kestland, Arvelia and Lirria", row.actor


def test_a_quantifier_opening_a_sentence_names_no_party_of_its_own():
    text = (
        "Kestland and Arvelia traded accusations on Sunday. Both sides expelled envoys on Monday."
    )
    df = extract_events([_doc(text)]).set_index("category")
    assert df.loc["expulsion", "actor"] == "Kestland and Arvelia", df["actor"]


@pytest.mark.parametrize("subject", ["Others", "Several countries"])
def test_unnamed_others_are_not_the_party_named_before(subject):
    text = f"Kestland recalled its ambassador on Monday. {subject} followed on Tuesday."
    df = extract_events([_doc(text)])
    later = df[df["date_start"] == pd.Timestamp(2031, 4, 8)].iloc[0]
    assert later["actor"] == subject, df[["actor"]]


@pytest.mark.parametrize(
    ("text", "category", "actor"),
    [
        (
            "Kestland demanded that Arvelia withdraw its troops from Orvo on Monday.",
            "demand",
            "Kestland",
        ),
        ("Protesters demanded the government expel the envoy on Sunday.", "demand", "Protesters"),
    ],
)
def test_a_withdrawal_or_a_crowds_demand_is_no_imposed_act(text, category, actor):
    (row,) = extract_events([_doc(text)]).itertuples()
    assert (row.category, row.actor) == (category, actor), (row.category, row.actor)


@pytest.mark.parametrize(
    ("dateline", "day"),
    [
        ("KESSBURG, April 10 (Kess Wire) - ", dt.date(2031, 4, 9)),  # filed two days before
        ("KESSBURG, April 12 (Kess Wire) - ", dt.date(2031, 4, 11)),
        ("", dt.date(2031, 4, 11)),
    ],
)
def test_yesterday_counts_from_the_wire_datelines_day_not_from_a_later_posting(dateline, day):
    text = dateline + "Kestland expelled two Arvelian diplomats yesterday, the ministry said."
    (row,) = extract_events([_doc(text)]).itertuples()
    assert row.date_start.date() == day, row.date_start


def test_a_hard_wrapped_text_is_read_as_paragraphs_and_quotes_its_own_characters():
    # a mailing-list post: lines of about 70 characters, each a piece of a sentence
    text = (
        "The Valdorian foreign ministry said its coast guard had seized two\n"
        "Kestland fishing boats in the disputed waters on Monday, and that the\n"
        "crews would be questioned.\n"
        "\n"
        "Kestland summoned the Valdorian ambassador on Tuesday to protest the\n"
        "seizure, the Kestland foreign ministry said in a statement issued in\n"
        "the capital late on Tuesday.\n"
        "\n"
        "Fishing in the waters around the islands has been disputed by the two\n"
        "neighbours for decades, and talks on a shared fishing zone have made\n"
        "little progress.\n"
    )
    doc = _doc(text)
    df = extract_events([doc]).set_index("category")
    assert df.loc["detention", "date_start"].date() == dt.date(2031, 4, 7), df
    assert df.loc["summons", "date_start"].date() == dt.date(2031, 4, 8), df
    for row in df.itertuples():
        assert text[row.evidence_start : row.evidence_end] == row.evidence


@pytest.mark.parametrize(
    "lines",
    [
        # headlines of related stories: no line goes on with the next one's words
        [
            f"Kestland expels two envoys of Arvelia and closes consulate number {n}"
            for n in range(8)
        ],
        # a dated list whose items end their sentences
        [
            f"- {n} April: Kestland expelled two envoys of Arvelia and closed a consulate."
            for n in range(8)
        ],
        # paragraphs, one per line
        ["Kestland expelled two envoys on Monday, the ministry said. " * 3] * 6,
    ],
)
def test_lines_that_are_not_a_wrapped_paragraph_stay_lines(lines):
    text = "\n".join(lines) + "\n"
    assert unwrap(text, words_for()) == text


def test_a_date_between_the_and_a_noun_dates_the_noun_not_the_verb():
    # the tagger reads "shelling" as a verb and hangs "March 26" on "condemned"
    text = "President Tarn condemned the March 26 shelling of the island."
    df = extract_events([_doc(text)])
    dated = df[df["date_start"] == pd.Timestamp(2031, 3, 26)]
    assert list(dated["category"]) == ["clash"], df[["category", "date_start"]]


def test_a_that_clause_after_told_a_briefing_is_what_was_told_not_part_of_the_briefing():
    text = (
        "Kestland's foreign ministry spokesman told a regular news briefing that Kestland had "
        "been notified on Tuesday that it must close its consulate."
    )
    (row,) = extract_events([_doc(text)]).itertuples()
    assert (row.category, row.date_start.date()) == ("other", dt.date(2031, 4, 8)), row
    assert row.title.endswith("notify"), row.title


@pytest.mark.parametrize(
    ("text", "lemma", "start"),
    [
        (
            "President Tarn called the March 26 sinking of the patrol boat a provocation.",
            "sinking",
            dt.date(2031, 3, 26),
        ),
        (
            "Tension grew after Tarn came to power following Kestland's 2027 Harvest Revolution.",
            "revolution",
            dt.date(2027, 1, 1),
        ),
    ],
)
def test_a_date_before_a_noun_of_no_class_dates_that_noun_not_the_verb(text, lemma, start):
    (row,) = extract_events([_doc(text)]).itertuples()
    assert (row.category, row.date_start.date()) == ("other", start), row
    assert row.title.lower().endswith(lemma), row.title


@pytest.mark.parametrize(
    "text",
    [
        "Kestland abruptly demanded Arvelia close its consulate in Orvo on April 8.",
        "Kestland demanded that Arvelia close its consulate in Orvo on April 8.",
        "Kestland ordered Arvelia to close its consulate in Orvo on April 8.",
    ],
)
def test_a_closure_a_party_is_ordered_to_make_is_the_orderers_act(text):
    (row,) = extract_events([_doc(text)]).itertuples()
    assert (row.category, row.actor) == ("closure", "Kestland"), (row.category, row.actor)


def test_two_acts_of_one_named_party_that_day_stay_two_rows():
    a = _doc("Ivo Tarn flew home on Monday.")
    b = Document(
        doc_id="b",
        text="Ivo Tarn expelled two Arvelian envoys on Monday.",
        published=PUB,
        outlet="Other Wire",
        publisher_type="news media",
    )
    df = extract_events([a, b])
    assert len(df[df["date_start"] == pd.Timestamp(2031, 4, 7)]) == 2, df


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Kestland urged Arvelia to free the detained journalists on Monday.", "appeal"),
        ("Kestland called on Arvelia to release the detained journalists on Monday.", "appeal"),
        ("Kestland demanded that Arvelia release the journalists on Monday.", "demand"),
    ],
)
def test_an_act_asked_for_is_not_done_the_asking_is_the_row(text, category):
    (row,) = extract_events([_doc(text)]).itertuples()
    assert (row.category, row.actor) == (category, "Kestland"), (row.category, row.actor)


def test_an_attack_whose_doer_the_text_does_not_name_is_pinned_on_nobody():
    text = (
        "Kestland recalled its ambassador to Arvelia on Monday. The raid on the aid convoy on "
        "Sunday killed nine people."
    )
    df = extract_events([_doc(text)]).set_index("category")
    assert pd.isna(df.loc["attack", "actor"]), df[["actor"]]


@pytest.mark.parametrize("initials", ["US", "UK"])
def test_initials_as_subject_are_a_party_not_the_pronoun_us(initials):
    text = f"Ivo Tarn spoke in Orvo on Monday. On Tuesday, the {initials} expelled two envoys."
    df = extract_events([_doc(text)]).set_index("category")
    assert df.loc["expulsion", "actor"] == initials, df[["actor"]]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Ivo Tarn spoke in Orvo on Monday.", "statement"),
        ("Ivo Tarn spoke at the rally on Monday.", "statement"),
        ("Ivo Tarn spoke with Orla Kess on Monday.", "phone call"),
        ("Ivo Tarn and Orla Kess spoke on Monday.", "phone call"),
    ],
)
def test_speaking_with_no_partner_is_a_saying_not_a_call(text, category):
    (row,) = extract_events([_doc(text)]).itertuples()
    assert row.category == category, row


@pytest.mark.parametrize(
    "text",
    [
        "Kess said in a Tuesday post on social media that talks had failed.",
        "Kess told lawmakers at a Tuesday hearing that Arvelia had been warned.",
    ],
)
def test_a_date_on_the_medium_or_the_setting_of_a_saying_dates_the_saying(text):
    (row,) = extract_events([_doc(text)]).itertuples()
    assert (row.category, row.actor, row.date_start.date()) == (
        "statement",
        "Kess",
        dt.date(2031, 4, 8),
    ), row


def test_an_act_of_no_class_a_party_tells_of_is_not_that_partys():
    text = "Arvelia blamed Kestland for the March 26 sinking of the patrol boat Orvo."
    (row,) = extract_events([_doc(text)]).itertuples()
    assert (row.category, row.date_start.date()) == ("other", dt.date(2031, 3, 26)), row
    assert pd.isna(row.actor), row.actor


def test_a_dated_gerund_of_nothing_is_no_act():
    df = extract_events([_doc("Tarn criticised the 2029 spending on the border wall.")])
    assert df.empty, df[["category", "date_start"]]


def test_a_dateline_further_down_a_text_does_not_date_its_lead():
    text = (
        "Kestland expelled two Arvelian diplomats yesterday, the ministry said.\n\n"
        "Background:\nTESMARK, April 9 (Test Wire) - Talks failed, officials said.\n"
    )
    df = extract_events([_doc(text)]).set_index("category")
    assert df.loc["expulsion", "date_start"].date() == dt.date(2031, 4, 11), df


def test_a_relative_clause_with_two_objects_stays_the_nouns():
    text = "Kestland received the letter that Arvelia sent the embassy on Tuesday."
    (row,) = extract_events([_doc(text)]).itertuples()
    assert (row.category, row.actor) == ("publication", "Arvelia"), row


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "would meet with",
            "Mr. Tarn on Monday to discuss the closure of the Arvelian consulate in",
        ),
        (
            "would meet with Gen.",
            "Tarn on Monday to discuss the closure of the Arvelian consulate in",
        ),
    ],
)
def test_a_wrapped_line_opening_or_ending_with_an_abbreviation_goes_on(first, second):
    para = (
        f"The foreign ministry of Kestland said its delegation {first}\n{second}\n"
        "the city of Orvo, a step both sides have said they want to avoid.\n\n"
    )
    text = para * 3
    assert unwrap(text, words_for()).count("\n") == 6, unwrap(text, words_for())


def test_a_headline_is_not_joined_to_the_dateline_under_it():
    body = (
        "KESSBURG, April 10 (Kess Wire) - Kestland expelled two Arvelian diplomats yesterday\n"
        "in a move that the foreign ministry said was a response to the detention of\n"
        "two of its nationals in the capital of Arvelia earlier in the week, and it\n"
        "warned that further steps would follow if the two were not released soon.\n"
    )
    text = "Kestland expels two Arvelian envoys as the row over the detentions deepens\n" + body
    assert unwrap(text, words_for()).startswith(
        "Kestland expels two Arvelian envoys as the row over the detentions deepens\n"
    )


def test_speaking_at_a_news_conference_sets_the_scene_of_an_accusation_too():
    text = "Ivo Tarn, speaking at a news conference on Thursday, accused Arvelia of lying."
    (row,) = extract_events([_doc(text)]).itertuples()
    assert (row.actor, row.date_start.date()) == ("Ivo Tarn", dt.date(2031, 4, 10)), row


def test_granting_bail_to_a_detained_man_is_no_detention():
    text = "A court in Orvo on Friday granted bail to the detained executive."
    df = extract_events([_doc(text)])
    assert "detention" not in set(df["category"]), df[["category", "actor"]]


def test_a_killing_a_party_denies_is_not_pinned_on_it():
    text = (
        "Arvelia has denied any involvement in the killing, which took place in Orvo on 23 August."
    )
    (row,) = extract_events([_doc(text)]).itertuples()
    assert row.category == "attack" and pd.isna(row.actor), (row.category, row.actor)


@pytest.mark.parametrize(
    ("text", "category", "actor"),
    [
        ("Kestland asked Valdoria to host talks on April 20.", "meeting", "Valdoria"),
        (
            "Kestland demanded that the Arvelian authorities release them on Monday.",
            "demand",
            "Kestland",
        ),
        (
            "Kestland demanded that Valdoria expel the Arvelian diplomats on Monday.",
            "demand",
            "Kestland",
        ),
        ("Ivo Tarn spoke by phone on Monday, the ministry said.", "phone call", "Ivo Tarn"),
    ],
)
def test_asking_imposing_and_calling_stay_within_their_cases(text, category, actor):
    (row,) = extract_events([_doc(text)]).itertuples()
    assert (row.category, row.actor) == (category, actor), (row.category, row.actor)


@pytest.mark.parametrize(
    "text",
    [
        "Arvelia accused Kestland on Monday of bombing a hospital on Sunday.",
        "Kestland blamed Arvelia for the shooting of a border guard on Monday.",
    ],
)
def test_an_attack_a_party_accuses_another_of_is_pinned_on_nobody(text):
    df = extract_events([_doc(text)]).set_index("category")
    assert pd.isna(df.loc["attack", "actor"]), df[["actor"]]


def test_a_date_on_a_crisis_the_verb_tells_of_dates_no_criticism():
    df = extract_events([_doc("Kestland criticised Arvelia's conduct during the 2030 crisis.")])
    assert df.empty, df[["category", "date_start"]]


def test_a_dateline_under_a_headline_and_a_byline_dates_yesterday():
    text = (
        "Kestland expels envoys\nBy Ann Lee\nWorld\n3 min read\n"
        "KESSBURG, April 10 (Kess Wire) - Kestland expelled two Arvelian diplomats yesterday, "
        "the foreign ministry said.\n"
    )
    df = extract_events([_doc(text)]).set_index("category")
    assert df.loc["expulsion", "date_start"].date() == dt.date(2031, 4, 9), df


@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "The defence ministry released video footage of the interception on Tuesday.",
            "publication",
        ),
        ("Arvelia released the two detained Kestland sailors on Friday.", "release"),
        ("The two Kestland sailors were freed on Friday.", "release"),
        ("Ivo Tarn returned home from Orvo on Friday.", "other"),
    ],
)
def test_a_release_is_of_people_or_things_held_not_of_footage_nor_a_trip_home(text, category):
    (row,) = extract_events([_doc(text)]).itertuples()
    assert row.category == category, row


@pytest.mark.parametrize(
    "text",
    [
        "Kestland will host a summit on May 3, its foreign ministry said on Friday.",
        "Kestland's president visited Orvo on Thursday. Its foreign ministry said on Friday "
        "the talks went well.",
    ],
)
def test_its_foreign_ministry_is_the_ministry_of_the_party_named_before(text):
    df = extract_events([_doc(text)]).set_index("category")
    assert df.loc["statement", "actor"] == "Kestland's foreign ministry", df[["actor"]]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "Ivo Tarn told the Council on Monday that Arvelia had violated the ceasefire.",
            "statement",
        ),
        ("Kestland said on Monday its forces had shelled rebel positions.", "clash"),
        ("The ministry said on Monday that it had recalled its ambassador.", "withdrawal"),
    ],
)
def test_force_a_speaker_reports_of_another_party_is_the_speakers_claim(text, category):
    (row,) = extract_events([_doc(text)]).itertuples()
    assert row.category == category, row


@pytest.mark.parametrize(
    ("text", "category", "actor"),
    [
        ("Police said on Tuesday that gunmen killed three people in Orvo.", "attack", "gunmen"),
        (
            "Kestland said on Monday its forces had shelled the border.",
            "clash",
            "Kestland's forces",
        ),
        ("Ivo Tarn was arrested in March and freed on Friday.", "release", None),
        (
            "Arvelian forces seized the Orvo Star on Monday, its owner said on Tuesday.",
            "statement",
            "owner",
        ),
    ],
)
def test_claims_its_and_releases_stay_within_their_cases(text, category, actor):
    df = extract_events([_doc(text)])
    row = df[df["category"] == category].iloc[0]
    got = None if pd.isna(row["actor"]) else row["actor"]
    assert got == actor, df[["category", "actor"]]


def test_its_ministry_after_a_person_names_no_person_as_owner():
    df = extract_events(
        [_doc("Ivo Tarn visited Lirria on May 3, its foreign ministry said on May 4.")]
    )
    assert "Ivo Tarn's" not in " ".join(df["actor"].dropna()), df[["category", "actor"]]


@pytest.mark.parametrize(
    "reaction, answers",
    [
        # a party's act of no known class, after its story's act: it answers that act
        ("Valdoria downgraded its relations with Kestland on Thursday.", True),
        # an act of no known class by no party (a ship, a crowd of one) answers nothing
        ("The old ferry sank in the harbour on Thursday.", False),
        # nor another story's news, nor a party's own business or its own act
        ("On Thursday, Orvo opened a new port in Lirria.", False),
        ("On Thursday, Valdoria's president appointed a new cabinet.", False),
        ("On Thursday, Kestland opened a new embassy in Orvo.", False),
    ],
)
def test_a_partys_act_of_no_known_class_answers_the_act_before_it(reaction, answers):
    text = "Kestland expelled two Valdorian diplomats on Tuesday. " + reaction
    df = extract_events([_doc(text)]).set_index("event_id")
    (other,) = df[df["category"] == "other"].itertuples()
    target = other.responds_to
    if answers:
        assert df.loc[target, "category"] == "expulsion", df[["category", "responds_to"]]
    else:
        assert pd.isna(target), df[["category", "responds_to"]]


@pytest.mark.parametrize(
    "sentence, category, actor",
    [
        # the date ends a description of the met delegation: the meeting's day
        (
            "Valdorian officials met a Kestland delegation led by Orla Kess last Tuesday.",
            "meeting",
            "Valdoria",
        ),
        # a description of an act, not of who a party is, keeps its date
        ("Valdoria condemned the remarks made by Ivo Tarn last Tuesday.", "statement", "Tarn"),
        (
            "Valdoria condemned the troops sent by Kestland last Tuesday to guard the border.",
            "other",
            "Kestland",
        ),
        # a classed description keeps its own date: the arrest by the police
        (
            "Valdoria named two envoys arrested by Kestland police last Tuesday.",
            "detention",
            "Kestland",
        ),
    ],
)
def test_a_date_ending_a_passive_description_of_no_class_dates_the_main_act(
    sentence, category, actor
):
    df = extract_events([_doc(sentence)])
    assert list(df["category"]) == [category], df[["category", "actor"]]
    assert same_party(df.iloc[0]["actor"], actor), df.iloc[0]["actor"]


def test_a_description_does_not_take_the_date_of_a_verb_dated_itself():
    rows = _rows("Valdoria on Friday condemned the raid carried out by Kestland forces on Monday.")
    assert [(c, d) for c, d, _ in rows] == [
        ("attack", dt.date(2031, 4, 7)),
        ("criticism", dt.date(2031, 4, 11)),
    ], rows


def test_a_second_date_before_an_infinitive_keeps_its_own_act():
    rows = _rows(
        "Kestland summoned the Valdorian envoy on Monday, then on Tuesday to protest the raid."
    )
    assert ("protest", dt.date(2031, 4, 8)) in [(c, d) for c, d, _ in rows], rows


@pytest.mark.parametrize(
    "text, actor",
    [
        # the party named last is a person: "he" stays that person
        (
            "Kestland's foreign minister met Ivo Tarn on Monday, and on Tuesday he recalled the "
            "ambassador.",
            "foreign minister",
        ),
        # "he" is no "Ms."
        (
            "The Kestland ministry thanked Ms. Kess on Monday, and on Tuesday he expelled the "
            "Valdorian envoy.",
            "ministry",
        ),
    ],
)
def test_he_resolves_to_a_person_named_before_only_as_it_can(text, actor):
    (act,) = [r for r in _rows(text) if r[1] == dt.date(2031, 4, 8)]
    assert actor in act[2], act


@pytest.mark.parametrize("office", ["presidency", "chancellery"])
def test_a_presidencys_undated_statement_is_dated_by_the_reports_news_day(office):
    # an office of state, like a ministry: its undated saying is the report's news
    sentence = f'Defending the move, Kestland\'s {office} said in a statement: "We will not yield."'
    df = extract_events([_doc(NEWS_LEAD + sentence)])
    found = df[df["notes"].str.contains("news day")]
    assert list(found["category"]) == ["statement"], df[["category", "actor", "notes"]]
    assert same_party(found.iloc[0]["actor"], "Kestland"), found.iloc[0]["actor"]


def test_a_date_before_a_purpose_infinitive_dates_the_main_act():
    from spacy.tokens import Doc

    from timeline.events.anchoring import anchor
    from timeline.events.parse import _pipeline

    # "Valdoria summoned the envoy on Monday to seek an explanation", parsed as real news
    # sometimes is: "on Monday" hung on "seek"
    words = ["Valdoria", "summoned", "the", "envoy", "on", "Monday", "to", "seek", "answers"]
    doc = Doc(
        _pipeline("en").vocab,
        words=words,
        heads=[1, 1, 3, 1, 7, 4, 7, 1, 7],
        deps=["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "aux", "advcl", "dobj"],
        pos=["PROPN", "VERB", "DET", "NOUN", "ADP", "PROPN", "PART", "VERB", "NOUN"],
        tags=["NNP", "VBD", "DT", "NN", "IN", "NNP", "TO", "VB", "NNS"],
        lemmas=["Valdoria", "summon", "the", "envoy", "on", "Monday", "to", "seek", "answer"],
    )
    assert anchor([doc[5]], words_for("en")).i == 1  # the summons
    # a date after the infinitive's marker is the infinitive's own ("to meet on Monday")
    late = Doc(
        _pipeline("en").vocab,
        words=["Valdoria", "summoned", "the", "envoy", "to", "seek", "answers", "on", "Monday"],
        heads=[1, 1, 3, 1, 5, 1, 5, 5, 7],
        deps=["nsubj", "ROOT", "det", "dobj", "aux", "advcl", "dobj", "prep", "pobj"],
        pos=["PROPN", "VERB", "DET", "NOUN", "PART", "VERB", "NOUN", "ADP", "PROPN"],
        tags=["NNP", "VBD", "DT", "NN", "TO", "VB", "NNS", "IN", "NNP"],
        lemmas=["Valdoria", "summon", "the", "envoy", "to", "seek", "answer", "on", "Monday"],
    )
    assert anchor([late[8]], words_for("en")).i == 5


@pytest.mark.parametrize("named", ["the Kestland envoy, Ivo Tarn,", "Kestland's envoy, Mr. Tarn,"])
def test_he_is_the_person_his_sentence_named_before_not_the_state(named):
    text = (
        f"Valdoria summoned {named} on Monday over remarks he made against Valdoria's "
        "government on Friday."
    )
    (statement,) = [r for r in _rows(text) if r[0] == "statement"]
    assert "Tarn" in statement[2], statement


@pytest.mark.parametrize(
    "sentence, category",
    [
        # quoted, "persona" is parsed as a verb complement that takes the date
        (
            'Valdoria declared the ambassador of Kestland, Ivo Tarn, "persona non grata" on '
            "Saturday night.",
            "expulsion",
        ),
        # a complement with its own "to" keeps its date
        ("Valdoria agreed to meet Kestland's envoy on Thursday.", "meeting"),
    ],
)
def test_a_date_on_a_small_clause_of_no_class_dates_its_verb(sentence, category):
    df = extract_events([_doc(sentence)])
    assert list(df["category"]) == [category], df[["category", "actor"]]
    assert same_party(df.iloc[0]["actor"], "Valdoria"), df.iloc[0]["actor"]


def test_an_undated_measure_takes_the_day_its_paragraph_told_before():
    text = (
        "ORVO, April 12. Kestland diplomats left Orvo on Saturday, the embassy said.\n\n"
        "On April 9, Valdoria imposed new sanctions on Kestland. These apply to several "
        "companies. Besides that, Valdoria expelled 35 Kestland diplomats."
    )
    table = extract_events([_doc(text)]).set_index("category")
    assert table.loc["expulsion", "date_start"].date() == dt.date(2031, 4, 9), table
    assert "paragraph" in table.loc["expulsion", "notes"]
    # a party's measures of one day are one package: neither answers the other
    assert pd.isna(table.loc["expulsion", "responds_to"]), table[["responds_to"]]


def test_an_undated_measure_after_another_partys_act_keeps_the_news_day():
    text = (
        "ORVO, April 12. Kestland diplomats left Orvo on Saturday, the embassy said.\n\n"
        "On April 9, Arvelia imposed new sanctions on Kestland. Valdoria expelled 35 Kestland "
        "diplomats."
    )
    table = extract_events([_doc(text)]).set_index("category")
    assert table.loc["expulsion", "date_start"].date() == dt.date(2031, 4, 12), table


def test_a_reaction_after_its_own_sides_reaction_answers_what_that_answered():
    text = (
        "Valdoria closed the Kestland consulate in Orvo on Monday. Kestland imposed sanctions "
        "on Valdoria on Tuesday. Kestland summoned the Valdorian ambassador on Wednesday."
    )
    table = extract_events([_doc(text)]).set_index("event_id")
    (summons,) = table[table["category"] == "summons"].itertuples()
    assert table.loc[summons.responds_to, "category"] == "closure", table[["responds_to"]]


@pytest.mark.parametrize(
    "sentence, published, year",
    [
        # published in April 2031: November is this year's, still to come
        (
            "The row between Kestland and Valdoria has grown ahead of November's election.",
            PUB,
            2031,
        ),
        (
            "The row between Kestland and Valdoria will grow ahead of November's election.",
            PUB,
            2031,
        ),
        # a past clause awaiting it was told lately: the November after it
        ("The row between Kestland and Valdoria grew ahead of November's election.", PUB, 2031),
        # ... the November just gone, in a December report
        ("Kestland closed its border ahead of the November election.", dt.date(2031, 12, 10), 2031),
        # told as past, the month without a year is last year's; "last" says so itself
        ("The row between Kestland and Valdoria grew after November's election.", PUB, 2030),
        ("The row has grown ahead of last November's election.", PUB, 2030),
    ],
)
def test_an_act_awaited_in_a_month_without_its_year_is_the_next_such_month(
    sentence, published, year
):
    (row,) = extract_events([_doc(sentence, published=published)]).itertuples()
    assert row.category == "election" and row.date_start.year == year, row


def test_presently_dates_no_act():
    rows = _rows(
        "Kestland on Monday urged Valdoria to refrain from settling the presently empty islands."
    )
    assert [(c, d) for c, d, _ in rows] == [("appeal", dt.date(2031, 4, 7))], rows


@pytest.mark.parametrize(
    "sentence",
    [
        "The Valdorian ambassador to Kestland, Orla Kess, who was recalled for consultations "
        "last Tuesday, will not return.",
        "Valdoria's ambassador, who was recalled last Tuesday, will not return.",
    ],
)
def test_an_envoy_recalled_in_a_relative_clause_is_recalled_by_its_own_state(sentence):
    (row,) = extract_events([_doc(sentence)]).itertuples()
    assert row.category == "withdrawal" and same_party(row.actor, "Valdoria"), row


@pytest.mark.parametrize(
    "sentence, rows",
    [
        # an office's own press service speaks for it; the act it reports is the row
        (
            "Kestland's foreign ministry filed a note of protest with Valdoria, the ministry press "
            "service said Monday.",
            [("protest", "Kestland")],
        ),
        (
            "Kestland expelled two Valdorian diplomats, the Kessburg press service said on Monday.",
            [("expulsion", "Kestland")],
        ),
    ],
)
def test_an_offices_press_service_is_its_voice_not_the_press(sentence, rows):
    df = extract_events([_doc(sentence)])
    found = [(r.category, r.actor) for r in df.itertuples()]
    assert len(found) == len(rows), found
    for (category, actor), (want, party) in zip(found, rows, strict=True):
        assert category == want and same_party(actor, party), found


@pytest.mark.parametrize(
    "sentence", ["Kestland will host talks in March.", "Kestland will hold a meeting in March."]
)
def test_a_plan_named_by_a_noun_in_a_month_before_the_report_is_next_years(sentence):
    # published in April 2031: the March ahead is 2032's, whether the verb or its noun is the act
    (row,) = extract_events([_doc(sentence)]).itertuples()
    assert row.date_start.date() == dt.date(2032, 3, 1), row.date_start


def test_an_act_of_the_other_side_told_from_its_soil_is_not_ones_own():
    # "Kestland's embassy in Valdoria" names Valdoria too: the expulsion does not answer
    # Valdoria's own detention through it
    text = (
        "Valdoria detained a Kestland journalist on Monday. Kestland's embassy in Valdoria "
        "suspended visa services on Tuesday. Valdoria expelled two Kestland diplomats on "
        "Wednesday."
    )
    table = extract_events([_doc(text)]).set_index("event_id")
    (expulsion,) = table[table["category"] == "expulsion"].itertuples()
    assert table.loc[expulsion.responds_to, "category"] != "detention", table[["responds_to"]]


@pytest.mark.parametrize(
    "sentence, category",
    [
        # a verb changing a measure is the measure, also reported
        (
            "Kestland officials announced Wednesday they will increase tariffs on Valdorian cars.",
            "sanction",
        ),
        ("Kestland extended the ban on Valdorian fish on Wednesday.", "ban"),
        # holding measures in reserve is no measure taken
        ("Ivo Tarn said on Wednesday that Kestland has more sanctions ready.", "statement"),
        # only a carrier noun's "of" phrase names the act
        ("Kestland announced the date of the election on Monday.", "announcement"),
        ("Kestland announced the end of sanctions on Valdoria on Monday.", "announcement"),
        ("Kestland handed Valdoria a note of protest on Monday.", "protest"),
    ],
)
def test_a_measure_is_told_by_the_verb_changing_it_or_the_note_carrying_it(sentence, category):
    df = extract_events([_doc(sentence)])
    assert list(df["category"]) == [category], df[["category", "actor"]]


def test_an_envoy_recalled_from_a_post_is_not_the_posts():
    text = "Kestland's envoy to the Valdorian capital, who was recalled on Tuesday, returned home."
    (row,) = extract_events([_doc(text)]).itertuples()
    assert row.category == "withdrawal" and same_party(row.actor, "Kestland"), row


def test_a_press_agency_with_a_countrys_name_is_still_the_press():
    text = "Kestland's press agency reported on Monday that Valdoria expelled two diplomats."
    df = extract_events([_doc(text)])
    assert not df["actor"].fillna("").str.contains("agency").any(), df[["category", "actor"]]


@pytest.mark.parametrize(
    "text, day",
    [
        # a day the other party's act told in between moves the narration on
        (
            "On Monday, Kestland summoned Valdoria's ambassador. On Thursday, Valdoria expelled "
            "two Kestland diplomats. Kestland expelled three Valdorian diplomats in response, "
            "the foreign ministry said.",
            dt.date(2031, 4, 7),
        ),
        # a plan is no day the narration has reached
        (
            "Kestland will summon Valdoria's ambassador on Monday, the foreign ministry said. "
            "Kestland also expelled two Valdorian diplomats, the ministry said. Valdoria "
            "condemned the expulsions on Friday.",
            dt.date(2031, 4, 14),
        ),
        # "Relations have worsened since" moves time on
        (
            "Valdoria imposed sanctions on Kestland on 2 March. Relations have worsened since. "
            "Valdoria also expelled two Kestland diplomats, the foreign ministry said. Kestland "
            "condemned the expulsions on Friday.",
            dt.date(2031, 3, 2),
        ),
    ],
)
def test_an_undated_measure_keeps_the_news_day_when_the_narration_moved_on(text, day):
    table = extract_events([_doc(text)])
    undated = table[table["notes"].str.contains("no date in its sentence")]
    assert len(undated) == 1, table[["category", "date_start", "notes"]]
    assert undated.iloc[0]["date_start"].date() != day, undated[["category", "date_start"]]
    assert "news day" in undated.iloc[0]["notes"]


def test_a_date_inside_a_description_since_a_year_is_not_the_acts():
    text = (
        "Kestland closed the Valdorian trade mission, headed by Ivo Tarn since 2029, the "
        "foreign ministry said on Friday."
    )
    rows = _rows(text)
    assert ("closure", dt.date(2031, 4, 11), "Kestland") in rows, rows


def test_a_month_awaited_by_a_dated_act_is_not_moved_from_the_report():
    text = "Valdoria closed its border with Kestland in December ahead of the January election."
    rows = _rows(text)
    assert ("election", dt.date(2031, 1, 1), "Valdoria") in rows, rows


@pytest.mark.parametrize(
    "text, answered",
    [
        (
            "Kestland police arrested a Valdorian diplomat on Monday. Valdoria expelled two "
            "Kestland diplomats on Tuesday. Kestland's embassy in Valdoria protested on Wednesday.",
            "expulsion",
        ),
        (
            "Valdoria expelled ten Kestland diplomats on Monday. On Monday evening Kestland's "
            "embassy in Valdoria suspended all visa services.",
            "expulsion",
        ),
    ],
)
def test_an_embassy_speaks_for_its_state_not_for_the_place_it_sits_in(text, answered):
    table = extract_events([_doc(text)]).set_index("event_id")
    (row,) = table[table["actor"].str.contains("embassy", na=False)].itertuples()
    assert table.loc[row.responds_to, "category"] == answered, table[["actor", "responds_to"]]
