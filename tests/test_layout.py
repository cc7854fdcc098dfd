"""Page layout: furniture (headlines, bylines) is masked, prose never is.

Invented texts name made-up countries; the reference date is pinned.
"""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.documents import Document
from timeline.events import extract_events

PUB = dt.date(2031, 4, 12)  # a Saturday


def _categories(text: str) -> list[str]:
    doc = Document(
        doc_id="t1", text=text, published=PUB, outlet="Test Wire", publisher_type="news media"
    )
    return sorted(extract_events([doc])["category"])


@pytest.mark.parametrize(
    "text",
    [
        # two sentences on one line whose last has no stop: prose, not a headline
        "Kestland expelled a Valdorian diplomat on Monday. Valdoria recalled its envoy on Tuesday",
        # an emoji or a stray tag after the last stop
        "Kestland expelled a Valdorian diplomat on Monday. 🎉\nValdoria recalled its envoy today.",
        "Kestland expelled a Valdorian envoy on Monday.</p>\nValdoria recalled hers today.</p>",
    ],
)
def test_prose_without_a_final_stop_is_not_taken_for_a_headline(text):
    assert _categories(text) == ["expulsion", "withdrawal"]


def test_a_text_of_one_unended_line_is_its_body():
    assert _categories("Kestland expelled a Valdorian diplomat on Monday") == ["expulsion"]


def test_a_short_unended_line_above_the_body_is_still_a_headline():
    text = (
        "Valdoria recalls its envoy on Tuesday\nKestland expelled a Valdorian diplomat on Monday."
    )
    assert _categories(text) == ["expulsion"]


def test_markup_pasted_into_a_text_is_furniture_and_makes_no_actor():
    text = (
        "<script>alert('Kestland expelled a Valdorian diplomat on Monday.')</script> Valdoria "
        "recalled its ambassador on Tuesday. <p>Kestland <b>expelled</b> two Arvelian envoys on "
        "3 April.</p> Lirria said that 2 < 3 on 5 April."
    )
    doc = Document(doc_id="t1", text=text, published=PUB, outlet="W", publisher_type="news media")
    table = extract_events([doc])
    rows = sorted(zip(table["category"], table["date_start"].dt.day, table["actor"], strict=True))
    assert rows == [
        ("expulsion", 3, "Kestland"),
        ("statement", 5, "Lirria"),
        ("withdrawal", 8, "Valdoria"),
    ], rows
    assert not table["title"].str.contains("<|script", regex=True).any()


def test_a_release_dateline_of_place_and_full_date_names_no_actor():
    text = "Sarno, 12 April 2031 — River Watch today called on Arvelia to release more water."
    doc = Document(
        doc_id="r1", text=text, published=PUB, outlet="River Watch", publisher_type="NGO"
    )
    row = extract_events([doc]).iloc[0]
    assert (row["actor"], row["date_text"]) == ("River Watch", "today"), row.to_dict()


def test_the_lines_of_a_dated_list_are_each_an_event():
    text = (
        "Key events:\n\n- 4 March: Kestland expels four Valdorian diplomats.\n"
        "- 10 March: Valdoria recalls its ambassador.\n  * 12 March: Orvo condemns the expulsions."
    )
    assert _categories(text) == ["criticism", "expulsion", "withdrawal"]


@pytest.mark.parametrize("marker", ["- ", ""])
def test_a_date_heading_a_line_with_a_colon_dates_the_act_after_it(marker):
    # the parser reads "2 April:" as a sentence of its own in the past tense too
    text = (
        f"{marker}2 April: Kestland expelled the Valdorian ambassador.\n"
        f"{marker}5 April: Valdoria recalled its envoy from Kessburg.\n"
        f"{marker}8 April: Kestland closed the border."
    )
    assert _categories(text) == ["closure", "expulsion", "withdrawal"]
