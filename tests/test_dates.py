"""Tests for timeline.dates: finding and normalising temporal expressions.

Sentences are invented; reference dates are pinned. The corpus and TimeML tests read ../shared.
"""

from __future__ import annotations

import csv
import datetime as dt

import pytest

from timeline.dates import DateMention, find_dates, infer_reference

D = dt.date
REF = D(2019, 7, 11)  # a Thursday


def one(text: str, ref: dt.date | dt.datetime | None = REF, **kw: str) -> DateMention:
    found = find_dates(text, ref, **kw)
    assert len(found) == 1, found
    return found[0]


def spans(text: str, ref: dt.date | None = REF) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in find_dates(text, ref)]


# ---- API contract --------------------------------------------------------------------------


def test_offsets_index_the_text() -> None:
    text = "The fair opened on 3 March 2020 and closed two days later."
    for m in find_dates(text, REF):
        assert text[m.start : m.end] == m.text


def test_results_sorted_by_start() -> None:
    found = find_dates("On Monday, then on 4 July 2019, then yesterday.", REF)
    assert [m.start for m in found] == sorted(m.start for m in found)
    assert len(found) == 3


def test_mention_is_frozen() -> None:
    m = one("It rained on 2 June 2019.")
    with pytest.raises(AttributeError):
        m.value = "x"  # type: ignore[misc]


def test_unknown_language_rejected_naming_the_code_and_the_way_out() -> None:
    with pytest.raises(ValueError, match="'xx-nowhere' is not supported.*register_language"):
        find_dates("le 3 mars", REF, language="xx-nowhere")


def test_unknown_anchor_rejected() -> None:
    with pytest.raises(ValueError, match="anchor 'story'"):
        find_dates("today", REF, anchor="story")


def test_reference_must_be_a_date() -> None:
    with pytest.raises(TypeError, match="reference"):
        find_dates("today", "2019-07-11")  # type: ignore[arg-type]


def test_datetime_reference_uses_its_date() -> None:
    assert one("They left yesterday.", dt.datetime(2019, 7, 11, 23, 5)).value == "2019-07-10"


def test_empty_text() -> None:
    assert find_dates("", REF) == []


# ---- full dates ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "surface",
    ["10 July 2019", "July 10th, 2019", "July 10, 2019", "10th of July 2019", "2019-07-10"],
)
def test_full_date_forms(surface: str) -> None:
    m = one(f"The vote took place on {surface} in the capital.")
    assert (m.text, m.type, m.value, m.precision) == (surface, "DATE", "2019-07-10", "day")
    assert m.earliest == m.latest == D(2019, 7, 10)


def test_day_month_year_with_hyphens() -> None:
    assert spans("Filed 11-Jul-2019 by the clerk.") == [("11-Jul-2019", "2019-07-11")]


def test_numeric_us_date_with_two_digit_year() -> None:
    assert spans("Signed 01/08/98 in ink.") == [("01/08/98", "1998-01-08")]


def test_abbreviated_month_with_period_no_year() -> None:
    assert spans("The talks end Sept. 1 in the city.", D(2022, 9, 13)) == [
        ("Sept. 1", "2022-09-01")
    ]


def test_abbreviated_month_without_period() -> None:
    assert spans("The talks ended Aug 31 in the hall.", D(2022, 9, 13))[0] == (
        "Aug 31",
        "2022-08-31",
    )


def test_month_day_without_year_prefers_past() -> None:
    # In a March article, "November 20" is last November, not next.
    assert one("The board met on November 20.", D(2020, 3, 2)).value == "2019-11-20"


def test_month_day_without_year_takes_reference_year() -> None:
    assert one("The board met on June 2.", REF).value == "2019-06-02"


def test_month_and_year() -> None:
    m = one("Prices fell in March 2018 across the region.")
    assert (m.value, m.precision, m.earliest, m.latest) == (
        "2018-03",
        "month",
        D(2018, 3, 1),
        D(2018, 3, 31),
    )


def test_impossible_date_is_dropped() -> None:
    assert all("02-30" not in m.value for m in find_dates("Due February 30, 2019.", REF))
    assert all("02-29" not in m.value for m in find_dates("Due 29 February 2019.", REF))


def test_year_after_2099_in_a_full_date() -> None:
    assert one("The target is December 31, 2100.").value == "2100-12-31"


def test_count_after_a_month_day_is_not_its_year() -> None:
    assert find_dates("On May 3, 5000 troops left.", REF) == []


def test_leap_day_kept() -> None:
    assert one("Due 29 February 2020.").value == "2020-02-29"


def test_no_reference_gives_underspecified_month_day() -> None:
    m = one("The board met on July 10.", None)
    assert (m.value, m.earliest, m.latest) == ("XXXX-07-10", None, None)


# ---- weekdays ------------------------------------------------------------------------------


def test_weekday_is_latest_on_or_before_reference() -> None:
    m = one("The minister spoke on Monday.")
    assert (m.text, m.value) == ("Monday", "2019-07-08")


def test_weekday_equal_to_reference_day() -> None:
    assert one("The minister spoke on Thursday.").value == "2019-07-11"


def test_next_weekday_points_forward() -> None:
    assert one("They meet next Friday.").value == "2019-07-12"


def test_future_tense_weekday_points_forward() -> None:
    assert one("The hearings are to start Monday in the capital.").value == "2019-07-15"


def test_a_future_verb_before_that_does_not_make_the_weekday_after_it_future() -> None:
    # "will" belongs to "recall"; the clause after "that" is in the past
    assert one("You will recall that on Monday we issued a statement.").value == "2019-07-08"


@pytest.mark.parametrize(
    "text",
    ["The vote was scheduled for Monday.", "Talks had been expected to start on Monday."],
)
def test_a_plan_told_in_the_past_points_back(text: str) -> None:
    assert one(text).value == "2019-07-08"


def test_weekday_with_date_in_brackets() -> None:
    m = one("A spokesman on Saturday (July 6) rejected it.")
    assert (m.text, m.value) == ("Saturday (July 6)", "2019-07-06")


def test_weekday_before_a_date_with_a_clock_time_is_one_mention() -> None:
    m = one("They were given until Saturday, July 20, 2019, at 11:59 PM to leave.")
    assert (m.text, m.value) == ("Saturday, July 20, 2019, at 11:59 PM", "2019-07-20T23:59")


def test_late_on_weekday() -> None:
    m = one("The ship docked late on Tuesday.")
    assert m.value == "2019-07-09" and m.text.endswith("Tuesday")


def test_weekday_without_reference() -> None:
    assert one("It happened on Friday.", None).value == "XXXX-WXX-5"


def test_weekday_evening_is_a_time() -> None:
    m = one("Fans gathered Tuesday evening.")
    assert (m.type, m.value) == ("TIME", "2019-07-09TEV")


# ---- ranges --------------------------------------------------------------------------------


def test_day_range_with_year_is_one_mention() -> None:
    m = one("Envoys toured the site during December 28-30, 2018.")
    assert (m.text, m.value) == ("December 28-30, 2018", "2018-12-28/2018-12-30")
    assert (m.earliest, m.latest) == (D(2018, 12, 28), D(2018, 12, 30))


def test_day_range_without_year_takes_reference_year() -> None:
    m = one("The envoy visited from June 13-15 with aides.")
    assert (m.text, m.value) == ("June 13-15", "2019-06-13/2019-06-15")


def test_from_to_day_range() -> None:
    m = one("The fair runs from May 23 to 28 this time.", D(2019, 5, 1))
    assert (m.text, m.value) == ("May 23 to 28", "2019-05-23/2019-05-28")


def test_open_range_takes_its_year_from_the_end() -> None:
    found = find_dates("Troops left from November 15 to February 15, 1989.", REF)
    assert [m.value for m in found] == ["1988-11-15", "1989-02-15"]


def test_month_day_and_day_is_one_mention_covering_both_days() -> None:
    m = one("Talks were held on September 15 and 16 in the capital.", D(2024, 9, 20))
    assert (m.text, m.value) == ("September 15 and 16", "2024-09-15/2024-09-16")
    assert (m.earliest, m.latest, m.precision) == (D(2024, 9, 15), D(2024, 9, 16), "day")


def test_day_and_day_month_is_one_mention_covering_both_days() -> None:
    m = one("The envoys met on 18 and 19 January in the port.", D(2024, 9, 20))
    assert (m.text, m.value) == ("18 and 19 January", "2024-01-18/2024-01-19")
    assert (m.earliest, m.latest) == (D(2024, 1, 18), D(2024, 1, 19))


def test_day_and_day_month_year_is_one_mention() -> None:
    m = one("Voting took place on 15 and 16 September 2024, officials said.", D(2025, 1, 5))
    assert (m.text, m.value) == ("15 and 16 September 2024", "2024-09-15/2024-09-16")


def test_counted_number_after_month_day_and_is_no_second_day() -> None:
    assert spans("On May 5 and 12 people were hurt in a storm.") == [("May 5", "2019-05-05")]


def test_two_full_dates_joined_by_and_stay_two_mentions() -> None:
    assert spans("The polls of 18 January and 19 February drew crowds.") == [
        ("18 January", "2019-01-18"),
        ("19 February", "2019-02-19"),
    ]


def test_year_range() -> None:
    m = one("The plan for 2017-2019 was adopted.")
    assert (m.value, m.earliest, m.latest) == ("2017/2019", D(2017, 1, 1), D(2019, 12, 31))


# ---- relative expressions ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("yesterday", "2019-07-10"),
        ("tomorrow", "2019-07-12"),
        ("last week", "2019-W27"),
        ("next month", "2019-08"),
        ("last year", "2018"),
        ("this year", "2019"),
        ("two years ago", "2017"),
        ("three days ago", "2019-07-08"),
    ],
)
def test_relative_expression(phrase: str, value: str) -> None:
    m = one(f"The council decided it {phrase} after a vote.")
    assert (m.text, m.value) == (phrase, value)


def test_last_month_and_day() -> None:
    m = one("The president took office last June 30 in the capital.")
    assert (m.text, m.value) == ("last June 30", "2019-06-30")


def test_iso_date_and_time() -> None:
    m = one("Posted 2019-07-10T22:46 by staff.")
    assert (m.type, m.value) == ("TIME", "2019-07-10T22:46")


def test_a_decade_ago_is_a_year() -> None:
    assert one("The dam was built a decade ago.").value == "2009"


def test_the_past_decade_is_a_duration() -> None:
    m = one("Exports doubled over the past decade.")
    assert (m.type, m.value, m.earliest, m.latest) == ("DURATION", "P10Y", D(2009, 7, 11), REF)


def test_the_next_decade_is_a_duration() -> None:
    m = one("Output will double over the next decade.")
    assert (m.type, m.value, m.earliest, m.latest) == ("DURATION", "P10Y", REF, D(2029, 7, 11))


def test_first_half_of_the_year() -> None:
    assert one("Sales rose in the first half of the year.").value == "2019-H1"


def test_a_number_with_thousands_separator_is_read_whole() -> None:
    m = one("The craft took 1,500 years of work.")
    assert (m.text, m.value) == ("1,500 years", "P1500Y")


def test_end_hyphen_year() -> None:
    m = one("The plant opens by end-2020.")
    assert (m.text, m.value, m.mod) == ("end-2020", "2020", "END")


def test_a_few_days_ago_is_vague_past() -> None:
    m = one("A few days ago, officials arrived.")
    assert (m.text, m.value) == ("A few days ago", "PAST_REF")
    assert (m.earliest, m.latest) == (D(2019, 7, 2), D(2019, 7, 10))


def test_earlier_this_month() -> None:
    m = one("Talks collapsed earlier this month.")
    assert (m.text, m.value, m.mod) == ("earlier this month", "2019-07", "START")


def test_earlier_this_month_runs_to_the_day_before_the_reference() -> None:
    m = one("Talks collapsed earlier this month.", D(2024, 9, 20))
    assert (m.earliest, m.latest) == (D(2024, 9, 1), D(2024, 9, 19))


def test_earlier_this_month_on_its_first_day_is_that_day() -> None:
    m = one("Talks collapsed earlier this month.", D(2024, 9, 1))
    assert (m.earliest, m.latest) == (D(2024, 9, 1), D(2024, 9, 1))


def test_later_this_year_runs_from_the_day_after_the_reference() -> None:
    m = one("A vote is due later this year.", D(2024, 9, 20))
    assert (m.value, m.mod) == ("2024", "END")
    assert (m.earliest, m.latest) == (D(2024, 9, 21), D(2024, 12, 31))


def test_last_week_has_week_bounds() -> None:
    m = one("Rain fell last week.")
    assert (m.earliest, m.latest) == (D(2019, 7, 1), D(2019, 7, 7))


def test_relative_without_reference_is_underspecified() -> None:
    m = one("Rain fell yesterday.", None)
    assert (m.value, m.earliest, m.latest) == ("XXXX-XX-XX", None, None)


def test_today_takes_reference_date() -> None:
    m = one("Today, the river is calm.")
    assert (m.type, m.value, m.earliest) == ("DATE", "2019-07-11", REF)


def test_now_is_present_ref() -> None:
    m = one("The valley now enjoys calm.")
    assert (m.value, m.earliest, m.latest) == ("PRESENT_REF", REF, REF)


def test_recently_is_past_ref() -> None:
    assert one("He recently moved.").value == "PAST_REF"


def test_recent_years_is_past_ref_ending_at_reference() -> None:
    m = one("The town has in recent years grown.")
    assert (m.value, m.earliest, m.latest) == ("PAST_REF", None, REF)


def test_narrative_anchor_uses_last_absolute_date() -> None:
    text = "The siege began on 4 May 1821. Two days later the walls fell."
    found = find_dates(text, D(2012, 2, 18), anchor="narrative")
    assert [(m.text, m.value) for m in found] == [
        ("4 May 1821", "1821-05-04"),
        ("Two days later", "1821-05-06"),
    ]


# "the next day" and kin count from the last day mentioned before them (reference a Friday)
DAY_REF = D(2024, 9, 20)


def test_next_morning_counts_from_a_weekday() -> None:
    text = "Crowds gathered on Tuesday. The next morning police arrived."
    assert spans(text, DAY_REF) == [
        ("Tuesday", "2024-09-17"),
        ("The next morning", "2024-09-18TMO"),
    ]


def test_following_day_counts_from_yesterday() -> None:
    text = "He was held yesterday and freed the following day."
    assert spans(text, DAY_REF)[1] == ("the following day", "2024-09-20")


def test_a_day_later_counts_from_the_last_day_not_the_last_full_date() -> None:
    text = "The poll was on 3 March 2020. On Tuesday the count began; a day later it ended."
    assert spans(text, DAY_REF)[-1] == ("a day later", "2024-09-18")


def test_two_days_later_counts_from_a_weekday() -> None:
    text = "Rebels struck on Monday; two days later the army replied."
    assert spans(text, DAY_REF)[-1] == ("two days later", "2024-09-18")


@pytest.mark.parametrize(
    "text", ["They fired overnight Tuesday.", "They fired overnight on Tuesday."]
)
def test_overnight_before_a_weekday_is_that_weekdays_night(text: str) -> None:
    assert spans(text, DAY_REF) == [(text[11:-1], "2024-09-17TNI")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Rebels struck on Monday. Hours later, the army replied.", "2024-09-16TXX"),
        ("Rebels struck on Monday; minutes earlier the army had fired.", "2024-09-16TXX"),
        # with no day told before, a later day that is not known
        ("Hours later, the army replied.", "FUTURE_REF"),
    ],
)
def test_hours_later_is_the_day_told_before(text: str, value: str) -> None:
    assert spans(text, DAY_REF)[-1][1] == value


def test_previous_day_goes_back_from_the_last_day() -> None:
    text = "Talks ended on Wednesday. The previous day, envoys had met."
    assert spans(text, DAY_REF)[-1] == ("The previous day", "2024-09-17")


def test_day_before_goes_back_from_the_last_day() -> None:
    text = "Talks ended on Wednesday, and envoys had met the day before."
    assert spans(text, DAY_REF)[-1] == ("the day before", "2024-09-17")


def test_next_day_after_a_pair_of_days_follows_the_second() -> None:
    text = "Talks ran September 15 and 16; the next day envoys left."
    assert spans(text, DAY_REF)[-1] == ("the next day", "2024-09-17")


def test_next_day_without_a_day_before_counts_from_the_reference() -> None:
    assert spans("The following day, envoys left.", DAY_REF) == [
        ("The following day", "2024-09-21")
    ]


def test_next_day_after_a_period_leaving_the_last_day_counts_from_the_reference() -> None:
    text = "It fell on Monday. Last year it rose too. The next day it rose."
    assert spans(text, DAY_REF)[-1] == ("The next day", "2024-09-21")


def test_narrative_month_takes_year_of_story() -> None:
    text = "Fighting resumed in 1917. In March the army withdrew."
    found = find_dates(text, D(2012, 2, 18), anchor="narrative")
    assert [m.value for m in found] == ["1917", "1917-03"]


def test_narrative_aside_year_does_not_move_the_anchor() -> None:
    text = "The war began in 1920. A fort built in 1813 fell. On August 2 the army crossed."
    found = find_dates(text, D(2012, 2, 18), anchor="narrative")
    assert [m.value for m in found] == ["1920", "1813", "1920-08-02"]


# ---- parts of periods ----------------------------------------------------------------------


def test_late_month() -> None:
    m = one("The envoy came in late May.", D(2022, 9, 13))
    assert (m.text, m.value, m.mod) == ("late May", "2022-05", "END")
    assert (m.earliest, m.latest) == (D(2022, 5, 21), D(2022, 5, 31))


def test_early_year() -> None:
    m = one("Work starts in early 2020.")
    assert (m.text, m.value, m.mod) == ("early 2020", "2020", "START")
    assert m.earliest == D(2020, 1, 1) and m.latest < D(2020, 6, 1)


def test_mid_month() -> None:
    m = one("Harvest ends by mid-July.")
    assert (m.text, m.value, m.mod) == ("mid-July", "2019-07", "MID")


def test_end_of_month_year() -> None:
    m = one("The deadline is the end of August 2018.")
    assert (m.text, m.value, m.mod) == ("the end of August 2018", "2018-08", "END")


def test_decade() -> None:
    m = one("Growth was fast in the 1990s.")
    assert (m.text, m.value, m.precision) == ("the 1990s", "199", "decade")
    assert (m.earliest, m.latest) == (D(1990, 1, 1), D(1999, 12, 31))


def test_the_2000s_is_a_decade_the_1800s_a_century() -> None:
    assert [m.value for m in find_dates("From the 1800s to the 2000s.", REF)] == ["18", "200"]


def test_reference_at_the_end_of_the_calendar() -> None:
    found = find_dates("It ends tomorrow, next year.", D(9999, 12, 31))
    assert all(m.latest is None or m.latest <= D(9999, 12, 31) for m in found)


def test_season_with_year() -> None:
    m = one("Crops failed in the summer of 2012.")
    assert (m.value, m.precision) == ("2012-SU", "season")


def test_quarter() -> None:
    m = one("Profit rose in the third quarter.", D(2019, 10, 20))
    assert (m.text, m.value) == ("the third quarter", "2019-Q3")


# ---- durations -----------------------------------------------------------------------------


def test_the_past_two_years() -> None:
    m = one("No unrest was seen over the past two years in the region.")
    assert (m.text, m.type, m.value) == ("the past two years", "DURATION", "P2Y")
    assert (m.earliest, m.latest) == (D(2017, 7, 11), REF)


def test_adjectival_duration() -> None:
    m = one("She paid a six-day visit.")
    assert (m.text, m.type, m.value, m.earliest) == ("six-day", "DURATION", "P6D", None)


def test_almost_three_years_less_than() -> None:
    m = one("No attacks have occurred in the city for almost three years.")
    assert (m.text, m.value, m.mod) == ("almost three years", "P3Y", "LESS_THAN")
    assert (m.earliest, m.latest) == (D(2016, 7, 11), REF)


def test_months_long() -> None:
    m = one("After a months-long inquiry the panel reported.")
    assert (m.text, m.type, m.value) == ("months-long", "DURATION", "PXM")


def test_the_past_few_months() -> None:
    m = one("Police worked together over the past few months.")
    assert (m.value, m.earliest, m.latest) == ("PXM", None, REF)


def test_age_is_not_a_duration() -> None:
    assert find_dates("A 30-year-old man was held.", REF) == []


def test_a_rate_is_not_a_duration() -> None:
    assert find_dates("The plant runs 24 hours a day.", REF)[0].text == "24 hours"
    assert [m.text for m in find_dates("It adds 700 seats a week.", REF)] == []


def test_duration_before_an_event_is_not_a_date() -> None:
    m = one("He filed at least 30 days before the vote.")
    assert (m.type, m.value) == ("DURATION", "P30D")


def test_daily_is_a_set() -> None:
    m = one("The ferry runs daily.")
    assert (m.type, m.value, m.precision) == ("SET", "P1D", "day")


def test_set_precision_is_its_unit() -> None:
    assert one("Buses leave every week.").precision == "week"
    assert one("Trains leave hourly.").precision == "time"


# ---- times ---------------------------------------------------------------------------------


def test_byline_time_with_day_month_year() -> None:
    m = one("Updated 22:46, 11-Jul-2019\nText follows.", None)
    assert (m.text, m.type, m.value) == ("22:46, 11-Jul-2019", "TIME", "2019-07-11T22:46")
    assert m.earliest == m.latest == D(2019, 7, 11)


def test_byline_time_with_month_day_year() -> None:
    m = one("Published: 12:20, September 13, 2022 | more", None)
    assert (m.text, m.value) == ("12:20, September 13, 2022", "2022-09-13T12:20")


def test_clock_with_a_dot_before_a_time_zone() -> None:
    m = one("Thu 11 Jul 2019 22.46 BST")
    assert (m.type, m.value) == ("TIME", "2019-07-11T22:46")


def test_decimal_number_is_not_a_clock() -> None:
    assert [m.text for m in find_dates("The index closed at 6.43, on Friday.", REF)] == ["Friday"]


def test_night_of_a_date() -> None:
    m = one("The raid came on the night of 8 February 1904.")
    assert (m.text, m.type, m.value) == ("the night of 8 February 1904", "TIME", "1904-02-08TNI")


def test_clock_time_with_pm() -> None:
    m = one("The polls close at 8 p.m. sharp.")
    assert (m.type, m.value) == ("TIME", "2019-07-11T20:00")


# ---- years ---------------------------------------------------------------------------------


def test_year_alone() -> None:
    m = one("By 2020, every village will have a school.")
    assert (m.text, m.value, m.earliest, m.latest) == (
        "2020",
        "2020",
        D(2020, 1, 1),
        D(2020, 12, 31),
    )


def test_year_before_christ() -> None:
    m = one("Athens fell in 404 BC after a long war.")
    assert (m.text, m.value, m.earliest) == ("404 BC", "BC0404", None)


def test_decade_in_words() -> None:
    assert one("Prices fell through the nineties.").value == "199"


@pytest.mark.parametrize(("text", "value"), [("in mid-2000", "2000"), ("since pre-2001", "2001")])
def test_a_year_after_a_time_word_and_a_hyphen_is_still_a_year(text: str, value: str) -> None:
    assert one(text, REF).value == value


def test_fiscal_year() -> None:
    assert one("Sales in fiscal 1989 rose.", D(1989, 11, 2)).value == "1989"


# ---- not dates -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Envoys of 22 countries signed it.",
        "Envoys of 100 countries signed it.",
        "He cited Resolution No. 2020 at length.",
        "The air force used Mirage-2000 jets.",  # a designation joined by a hyphen
        "Its Su-2024 fighters flew.",
        "Some 2,000 people marched.",
        "About 2019 people marched.",
        "We may see rain.",
        "Theresa May spoke to reporters.",
        "He studied the May Fourth Movement.",
        "The dispute may well go on.",
        "Prices rose 2.5 percent.",
        "They had to march in step.",
        "We will win.",
    ],
)
def test_not_a_date(text: str) -> None:
    assert find_dates(text, REF) == []


# ---- infer_reference -----------------------------------------------------------------------


def test_infer_reference_from_published_byline() -> None:
    text = "Headline\nPublished: 12:20, September 13, 2022 | Updated: 12:24, September 13, 2022\n"
    assert infer_reference(text) == (D(2022, 9, 13), "byline")


def test_infer_reference_from_updated_byline() -> None:
    assert infer_reference("Title\nUpdated 22:46, 11-Jul-2019\n\nBody.") == (
        D(2019, 7, 11),
        "byline",
    )


def test_infer_reference_from_date_line() -> None:
    text = "Statement of the Office\n\n10 July 2019\n\nA few days ago, a letter came."
    assert infer_reference(text) == (D(2019, 7, 10), "date line")


def test_infer_reference_from_date_line_with_time() -> None:
    text = "Envoy summoned over visit\n\nMarch 3, 2021 12:15 MYT\nThe envoy was summoned."
    assert infer_reference(text) == (D(2021, 3, 3), "date line")


def test_infer_reference_ignores_a_date_line_deep_in_the_text() -> None:
    body = "\n".join(f"Paragraph {i} of the story goes on." for i in range(12))
    assert infer_reference(body + "\n\nMarch 2, 2021\n\nMore text.") is None


def test_infer_reference_from_weekday_date_pair() -> None:
    text = "LONDON (AGENCY) - A spokesman on Saturday (July 10) said the report was false."
    found = infer_reference(text)
    assert found is not None and found[0] == D(2021, 7, 10)


def test_infer_reference_pair_year_follows_evidence() -> None:
    # 10 July fell on a Saturday in 2010 and 2021; a 2009 mention points to 2010.
    text = "A spokesman on Saturday (July 10) recalled the 2009 riots."
    assert infer_reference(text) == (D(2010, 7, 10), "weekday-date pair")


def test_infer_reference_dateline_needs_year() -> None:
    assert infer_reference("GENEVA, Oct. 6 (Agency) -- Delegates met.") is None


def test_infer_reference_dateline_with_pair_year() -> None:
    text = "GENEVA, Oct. 6 (Agency) -- Delegates met on Wednesday (Oct. 6) in the hall."
    assert infer_reference(text) == (D(2021, 10, 6), "dateline")


def test_infer_reference_dateline_year_from_the_same_day_in_full() -> None:
    text = "GENEVA, Oct. 6 (Agency) -- The council met. Its session of Oct. 6, 2020 was short."
    assert infer_reference(text) == (D(2020, 10, 6), "dateline")


def test_infer_reference_none_without_evidence() -> None:
    assert infer_reference("Delegates met on Friday to talk.") is None


# ---- gold files in ../shared ---------------------------------------------------------------


def test_corpus_gold_timexes(gold_dir, corpus_dir) -> None:
    manifest = (corpus_dir / "manifest.csv").read_text(encoding="utf-8").splitlines()
    published = {
        row["file"]: D.fromisoformat(row["published"][:10]) for row in csv.DictReader(manifest)
    }
    rows = list(csv.DictReader((gold_dir / "timexes.csv").read_text("utf-8").splitlines()))
    assert len(rows) == 32
    found = {
        name: {(m.start, m.end): m for m in find_dates((corpus_dir / name).read_text("utf-8"), ref)}
        for name, ref in published.items()
    }
    missed = []
    for row in rows:
        m = found[row["file"]].get((int(row["start"]), int(row["end"])))
        got = None
        if m is not None:
            got = (m.text, m.type, m.value, str(m.earliest or ""), str(m.latest or ""))
        want = (row["text"], row["type"], row["value"], row["earliest"], row["latest"])
        if got != want:
            missed.append((want, got))
    assert missed == []


def test_tempeval3_train_scores(tempeval_dir) -> None:
    """TempEval-3 Task A on TimeBank + AQUAINT: relaxed F1 >= 90, value F1 >= 80."""
    from timeline.evaluation.dates import evaluate_dates

    scores = evaluate_dates(tempeval_dir, baseline=False).scores
    assert scores.gold == 1822
    assert scores.relaxed_f1 >= 0.90, scores
    assert scores.value_f1 >= 0.80, scores


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # what a plan was made for lies ahead of the report, even in the past tense
        ("The visit, originally planned for the fall, was called off.", "2018-FA"),
        ("The visit took place in the fall.", "2017-FA"),
    ],
)
def test_a_season_a_plan_was_made_for_lies_ahead(text: str, value: str) -> None:
    (m,) = find_dates(text, dt.date(2018, 7, 12))
    assert m.value == value


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        # in December the summer and fall just past are this year's
        ("killed last summer", dt.date(2019, 12, 12), "2019-SU"),
        ("talks last fall", dt.date(2019, 12, 12), "2019-FA"),
        ("talks next summer", dt.date(2019, 12, 12), "2020-SU"),
        ("killed last summer", dt.date(2019, 7, 1), "2018-SU"),
        # the winter after the one under way, or the coming one
        ("talks next winter", dt.date(2019, 1, 10), "2019-WI"),
        ("talks next winter", dt.date(2019, 7, 1), "2019-WI"),
    ],
)
def test_last_and_next_season_seen_from_any_month(text: str, published: dt.date, value: str):
    (m,) = find_dates(text, published)
    assert m.value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Kestland expelled an attaché on the 3rd.", "2019-07-03"),  # this month
        ("Orvo detained a reporter on the 20th, officials said.", "2019-06-20"),  # still to come
        ("The talks will resume on the 3rd.", "2019-08-03"),  # a future clause: the coming one
        ("No decision has been taken since the 1st of this month.", "2019-07-01"),
    ],
)
def test_a_day_of_the_month_alone_is_the_reports_month_or_the_one_before(text, value):
    (found,) = [m for m in find_dates(text, REF) if m.text.startswith("the ")]
    assert (found.text[:4], found.value) == ("the ", value)


def test_an_ordinal_that_names_no_day_is_no_date():
    assert find_dates("The talks were held on the 3rd floor.", REF) == []
    assert find_dates("Orvo's envoy arrived on the 31st.", D(2019, 5, 2)) == []  # April has 30


def test_a_day_of_the_month_in_a_story_told_forward_follows_its_last_date():
    text = "The delegation made an offer on 2 October 1920. On the 5th, the council replied."
    found = find_dates(text, D(2012, 2, 18), anchor="narrative")
    assert [m.value for m in found] == ["1920-10-02", "1920-10-05"]


def test_days_later_with_no_day_told_before_is_not_counted_from_the_report():
    # later than an act the text does not date: not two days after publication
    (found,) = find_dates("Two days later, Valdoria expelled a Kestland diplomat.", REF)
    assert found.value == "XXXX-XX-XX" and found.earliest is None
    found = find_dates("Orvo expelled an envoy on Monday. Two days later, Lirria did.", REF)
    assert [m.value for m in found] == ["2019-07-08", "2019-07-10"]


def test_a_span_of_two_years_before_a_comma_is_one_mention():
    assert spans("Orvo signed the accord in 1957-58, and it lapsed.") == [("1957-58", "1957/1958")]
    assert spans("The fund grew to 1957-58,000 units.") == []  # a number, not years


def test_a_day_of_the_month_follows_the_month_told_before_it():
    text = "On 2 July Orvo expelled an envoy. On the 5th, Lirria recalled its ambassador."
    assert [m.value for m in find_dates(text, REF)] == ["2019-07-02", "2019-07-05"]
    text = "On 28 June Orvo expelled an envoy. On the 2nd, Lirria recalled its ambassador."
    assert [m.value for m in find_dates(text, REF)] == ["2019-06-28", "2019-07-02"]
    # "the 1st and 2nd of May" is one date of May, not the 1st of this month
    assert [m.value for m in find_dates("Lirria acted on the 1st and 2nd of May.", REF)] == [
        "2019-05-02"
    ]
