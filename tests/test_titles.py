"""Titles of extracted rows: neutral paraphrases that read as English.

Invented texts name made-up countries and people; the reference date is pinned.
"""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.documents import Document
from timeline.events import extract_events
from timeline.events.rows import short_actor

PUB = dt.date(2031, 4, 12)
CAUSE = "Kestland expelled two Valdorian diplomats on 3 April. "


def _titles(text: str) -> dict[str, str]:
    """Title by actor of the rows of one invented report."""
    doc = Document(
        doc_id="t1", text=text, published=PUB, outlet="Test Wire", publisher_type="news media"
    )
    table = extract_events([doc])
    return dict(zip(table["actor"].fillna(""), table["title"], strict=True))


@pytest.mark.parametrize(
    ("reaction", "actor", "verb"),
    [
        (
            "Valdoria and Lirria condemned the expulsion on 5 April.",
            "Valdoria and Lirria",
            "respond",
        ),
        (
            "Arvelian diplomats protested against the expulsion on 5 April.",
            "Arvelian diplomats",
            "respond",
        ),
        (
            "The Arvelian foreign ministry condemned the expulsion on 5 April.",
            "Arvelian foreign ministry",
            "responds",
        ),
        # a proper name in the plural names one party
        (
            "The United Provinces condemned the expulsion on 5 April.",
            "United Provinces",
            "responds",
        ),
        # two titles of one holder
        (
            "Arvelian Deputy Premier and Foreign Minister Ivo Tarn condemned the expulsion on "
            "5 April.",
            "Arvelian Deputy Premier and Foreign Minister Ivo Tarn",
            "responds",
        ),
    ],
)
def test_a_response_title_agrees_with_its_actor(reaction, actor, verb):
    titles = _titles(CAUSE + reaction)
    said, _, answered = titles[actor].partition(" to the ")
    assert said.endswith(f" {verb}") and answered.startswith("expulsion by Kestland"), titles


def test_a_response_to_an_act_of_no_class_names_it_as_an_act():
    text = (
        "Kestland's navy rammed a Valdorian trawler on 3 April. Valdoria condemned the ramming "
        "of its trawler on 4 April."
    )
    titles = _titles(text)
    assert "to the act (ram) by Kestland" in titles["Valdoria"], titles


@pytest.mark.parametrize(
    ("reaction", "shown"),
    [
        # two titles of one holder: the last title and the whole name, never half of it
        (
            "Deputy Premier and Foreign Minister Ivo Tarn condemned it on 5 April.",
            "Foreign Minister Ivo Tarn responds",
        ),
        (
            "Lirria's Deputy Premier and Foreign Minister Ivo Tarn condemned it on 5 April.",
            "Lirria's Foreign Minister Ivo Tarn responds",
        ),
    ],
)
def test_a_long_actor_keeps_whole_names_in_the_title(reaction, shown):
    titles = _titles(CAUSE + "The expulsion was widely criticised. " + reaction)
    assert any(t.startswith(shown) for t in titles.values()), titles


def test_joined_titles_are_shortened_only_for_one_party():
    one = "Arvelian Deputy Premier and Foreign Minister Ivo Tarn"
    titles = frozenset({"premier", "minister"})
    assert short_actor(one, True, titles) == "Foreign Minister Ivo Tarn"
    assert short_actor(one, False, titles) == "Arvelian Deputy Premier and Foreign Minister"
    # an office's name with "and" in it is no pair of titles, nor two holders
    office = "Valdorian Department of Foreign Affairs and International Trade"
    assert short_actor(office, True, titles).startswith("Valdorian Department")
    two = "Lirria's Prime Minister and Valdoria's President Orla Kess"
    assert "Lirria" in short_actor(two, True, titles)
