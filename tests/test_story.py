"""The story page: steps, order, responses and lags, escaping, offline and byte-stable output."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from timeline import SchemaError, read_events
from timeline.views.story import story_html, write_story

DATA = Path(__file__).resolve().parent / "data"
STORY_CSV = DATA / "story_events.csv"
HOSTILE_CSV = DATA / "browser_hostile.csv"


def _events(path: Path) -> pd.DataFrame:
    return read_events(path)


def _raw(path: Path) -> pd.DataFrame:
    """The CSV as plain strings, as a user might build a table by hand."""
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def _payload(page: str) -> dict:
    match = re.search(
        r'<script type="application/json" id="story-data">(.*?)</script>', page, re.DOTALL
    )
    assert match, "the page embeds its data as a JSON script block"
    return json.loads(match.group(1))


def _row(**fields: str) -> dict[str, str]:
    base = dict(
        event_id="e1",
        kind="event",
        date_start="2030-01-02",
        date_end="2030-01-02",
        date_precision="day",
        date_text="2 January",
        title="A visit",
        actor="A delegation",
        responds_to="",
    )
    base.update(fields)
    return base


def test_steps_are_events_in_date_order_plus_unanswered_responses():
    steps = _payload(story_html(_events(STORY_CSV)))["steps"]
    ids = [step["event_id"] for step in steps]
    # Five steps: four events and the response whose event is not in the table, by date.
    assert ids == [
        "harbour-visit-2030",
        "fisheries-letter-2031",
        "quota-protest-2032",
        "council-note-2032",
        "audit-report-2033",
    ]


def test_each_step_carries_its_responses_in_date_order():
    steps = {s["event_id"]: s for s in _payload(story_html(_events(STORY_CSV)))["steps"]}
    assert [r["event_id"] for r in steps["harbour-visit-2030"]["responses"]] == [
        "harbour-reply-2030",
        "harbour-briefing-2030",
    ]
    assert steps["audit-report-2033"]["responses"] == []


def test_lag_counts_days_from_the_end_of_the_event():
    steps = {s["event_id"]: s for s in _payload(story_html(_events(STORY_CSV)))["steps"]}
    reply = steps["harbour-visit-2030"]["responses"][0]
    # The visit ran 2-4 March; the reply came on 5 March.
    assert reply["lag_days"] == 1
    assert reply["lag"] == "Answered 1 day after the event ended"


def test_lag_of_a_before_response_says_on_or_before():
    steps = {s["event_id"]: s for s in _payload(story_html(_events(STORY_CSV)))["steps"]}
    briefing = steps["harbour-visit-2030"]["responses"][1]
    # Only an upper bound, 10 March: six days after 4 March at most.
    assert briefing["lag_days"] == 6
    assert briefing["lag"] == "Answered on or before day 6 after the event ended"
    assert briefing["when"] == "on or before 2030-03-10"


def test_lag_after_an_approximate_event_says_about():
    steps = {s["event_id"]: s for s in _payload(story_html(_events(STORY_CSV)))["steps"]}
    answer = steps["fisheries-letter-2031"]["responses"][0]
    # The letter is dated about 1-7 June; the answer 12 June.
    assert answer["lag_days"] == 5
    assert answer["lag"] == "Answered about 5 days after the event ended"


def test_same_day_and_earlier_responses_are_worded_plainly():
    rows = [
        _row(),
        _row(event_id="r1", kind="response", responds_to="e1"),
        _row(
            event_id="r2",
            kind="response",
            responds_to="e1",
            date_start="2029-12-31",
            date_end="2029-12-31",
        ),
    ]
    responses = _payload(story_html(pd.DataFrame(rows)))["steps"][0]["responses"]
    lags = {r["event_id"]: r["lag"] for r in responses}
    assert lags == {
        "r1": "Answered the same day as the event",
        "r2": "Answered 2 days before the event",
    }


def test_dates_keep_their_precision_in_words():
    steps = {s["event_id"]: s for s in _payload(story_html(_events(STORY_CSV)))["steps"]}
    assert steps["quota-protest-2032"]["when"] == "May 2032"
    assert steps["fisheries-letter-2031"]["when"] == "about 2031-06-01 to 2031-06-07"
    assert steps["harbour-visit-2030"]["date_text"] == "2-4 March 2030"


def test_plain_string_columns_give_the_same_page_as_read_events():
    assert story_html(_raw(STORY_CSV)) == story_html(_events(STORY_CSV))


def test_data_text_is_escaped_in_the_page():
    page = story_html(_events(HOSTILE_CSV), title="<i>Lesson</i> & quiz")
    body_without_script = page.split('<script type="application/json"', 1)[0]
    assert "<script>window" not in page
    assert "<img" not in page
    assert "</script><script>" not in page
    assert "&lt;i&gt;Lesson&lt;/i&gt; &amp; quiz" in body_without_script
    # Still the same data once the JSON is parsed.
    titles = [s["title"] for s in _payload(page)["steps"]]
    assert titles == ["<script>window.__pwned = 1</script>A visit"]


def test_the_script_never_writes_html_from_data():
    page = story_html(_events(STORY_CSV))
    assert "innerHTML" not in page
    assert "outerHTML" not in page
    assert "insertAdjacentHTML" not in page
    assert "document.write" not in page


def test_page_is_self_contained():
    page = story_html(_events(STORY_CSV))
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "@import" not in page
    assert "url(" not in page
    assert "default-src 'none'" in page


def test_links_open_without_referrer_or_opener():
    page = story_html(_events(STORY_CSV))
    assert 'a.rel = "noopener noreferrer"' in page


def test_output_is_byte_stable_and_independent_of_row_order():
    frame = _events(STORY_CSV)
    shuffled = frame.sample(frac=1, random_state=3).reset_index(drop=True)
    assert story_html(frame) == story_html(frame)
    assert story_html(shuffled) == story_html(frame)


def test_predict_option_starts_checked_only_when_asked():
    assert re.search(r'id="predict" checked', story_html(_events(STORY_CSV), predict=True))
    assert not re.search(r'id="predict" checked', story_html(_events(STORY_CSV)))


def test_counter_and_accessible_controls_are_present():
    page = story_html(_events(STORY_CSV))
    assert re.search(r'<span id="counter" aria-live="polite"[^>]*>1 / 5</span>', page)
    assert 'aria-label="Previous event"' in page
    assert 'aria-label="Next event"' in page


def test_empty_table_gives_a_page_with_no_steps():
    empty = _events(STORY_CSV).iloc[0:0]
    page = story_html(empty)
    assert _payload(page)["steps"] == []
    assert ">0 / 0</span>" in page


def test_missing_column_is_named():
    frame = _events(STORY_CSV).drop(columns=["responds_to"])
    with pytest.raises(SchemaError, match="responds_to"):
        story_html(frame)


def test_bad_date_is_reported_with_its_column():
    frame = _raw(STORY_CSV)
    frame.loc[0, "date_end"] = "the day after"
    with pytest.raises(SchemaError, match="date_end"):
        story_html(frame)


def test_write_story_writes_the_same_page(tmp_path):
    frame = _events(STORY_CSV)
    out = write_story(frame, tmp_path / "sub" / "story.html", title="T", predict=True)
    assert out == tmp_path / "sub" / "story.html"
    assert out.read_text(encoding="utf-8") == story_html(frame, title="T", predict=True)


def test_an_event_that_reacts_to_another_is_a_step_not_a_response():
    # One meaning in every view: a response is a row of kind "response".
    rows = [
        _row(),
        _row(event_id="e2", responds_to="e1", date_start="2030-01-04", date_end="2030-01-04"),
    ]
    page = story_html(pd.DataFrame(rows))
    steps = _payload(page)["steps"]
    assert [s["event_id"] for s in steps] == ["e1", "e2"]
    assert steps[0]["responses"] == []
    assert steps[1]["reacts_to"] == _row()["title"]
    assert "with 0 responses" in page


def test_a_response_is_listed_under_the_event_it_answers():
    rows = [
        _row(),
        _row(
            event_id="r1",
            kind="response",
            responds_to="e1",
            date_start="2030-01-04",
            date_end="2030-01-04",
        ),
    ]
    steps = _payload(story_html(pd.DataFrame(rows)))["steps"]
    assert [s["event_id"] for s in steps] == ["e1"]
    assert [r["event_id"] for r in steps[0]["responses"]] == ["r1"]
    assert steps[0]["responses"][0]["lag"] == "Answered 2 days after the event"


def test_unknown_kind_is_named_with_its_row():
    rows = [_row(), _row(event_id="odd", kind="reply")]
    with pytest.raises(SchemaError, match=r"row 3 \(odd\), column 'kind': 'reply'"):
        story_html(pd.DataFrame(rows))


def test_source_documents_are_listed_primary_first():
    steps = {s["event_id"]: s for s in _payload(story_html(_events(STORY_CSV)))["steps"]}
    assert steps["harbour-visit-2030"]["sources"] == "d01, d02"
    assert steps["harbour-visit-2030"]["outlet"] == "Lindholm Courier"
    assert steps["harbour-visit-2030"]["url"] == "https://example.org/lindholm/harbour-visit"
