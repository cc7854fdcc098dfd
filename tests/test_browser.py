"""The exported pages in a real browser: Playwright driving Debian's Chromium.

Playwright's own browser download does not work here, so the tests use the system Chromium
(``/usr/bin/chromium``, installed by ``.ci/run`` with ``apt-get install chromium``; another
path can be given in ``TIMELINE_CHROMIUM``). Every request the page makes is recorded and
anything but the ``file://`` page itself is aborted. Screenshots go to ``build/screenshots/``
for people to look at.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pytest

from timeline import read_events, timeline_figure, write_html
from timeline.views.story import write_story

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
SHOTS = ROOT / "build" / "screenshots"
#: Placed before any script of the page runs; the hostile rows try to change it.
TRAP = "window.__pwned = undefined;"


def _events(name: str) -> pd.DataFrame:
    return read_events(DATA / name)


@dataclass
class Loaded:
    """A page opened from a file, with what it asked for and what it complained about."""

    page: object
    url: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def pwned(self) -> object:
        return self.page.evaluate("() => window.__pwned")


@pytest.fixture
def open_page(browser) -> Iterator[object]:
    contexts = []

    def _open(path: Path, *, width: int = 1000, height: int = 800) -> Loaded:
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        page = context.new_page()
        url = path.resolve().as_uri()
        loaded = Loaded(page=page, url=url)

        def on_request(request) -> None:
            loaded.requests.append(request.url)

        def route(route_) -> None:
            if route_.request.url == url:
                route_.continue_()
            else:
                route_.abort()

        page.on("request", on_request)
        page.on(
            "console",
            lambda message: loaded.errors.append(message.text) if message.type == "error" else None,
        )
        page.on("pageerror", lambda error: loaded.errors.append(str(error)))
        context.route("**/*", route)
        page.add_init_script(TRAP)
        page.goto(url, wait_until="load")
        return loaded

    yield _open
    for context in contexts:
        context.close()


def _shot(loaded: Loaded, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    loaded.page.screenshot(path=str(SHOTS / name), full_page=True)


# --- the story page ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def story_page(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("story") / "story.html"
    return write_story(_events("story_events.csv"), out, title="Harbour and fisheries")


def test_story_loads_offline_without_errors(open_page, story_page):
    loaded = open_page(story_page)
    assert loaded.errors == []
    assert loaded.requests == [loaded.url]
    assert loaded.page.text_content("#counter") == "1 / 5"
    assert "Arvenia tours the harbour" in loaded.page.text_content("#step h2")
    _shot(loaded, "story.png")


def test_story_of_the_events_table_walks_every_event_in_date_order(open_page, tmp_path):
    table = read_events(ROOT / "data" / "events.csv")
    events = table[table["kind"] == "event"]
    orphans = table[(table["kind"] == "response") & ~table["responds_to"].isin(events["event_id"])]
    steps = pd.concat([events, orphans])
    steps = steps.assign(_day=steps["date_start"].fillna(steps["date_end"]))
    titles = steps.sort_values(["_day", "event_id"])["title"].tolist()

    loaded = open_page(write_story(table, tmp_path / "story.html"), width=900)
    page = loaded.page
    _shot(loaded, "story-events-table.png")
    seen = []
    for number in range(1, len(titles) + 1):
        assert page.text_content("#counter") == f"{number} / {len(titles)}"
        seen.append(page.text_content("#step h2"))
        page.keyboard.press("ArrowRight")
    assert seen == titles
    assert loaded.errors == []
    assert loaded.requests == [loaded.url]


def test_arrow_keys_step_the_story_forward_and_back(open_page, story_page):
    loaded = open_page(story_page)
    page = loaded.page
    first = page.text_content("#step h2")
    page.keyboard.press("ArrowRight")
    assert page.text_content("#counter") == "2 / 5"
    assert page.text_content("#step h2") != first
    page.keyboard.press("ArrowRight")
    assert page.text_content("#counter") == "3 / 5"
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    assert page.text_content("#counter") == "1 / 5"
    assert page.text_content("#step h2") == first
    page.keyboard.press("ArrowLeft")  # stays on the first step
    assert page.text_content("#counter") == "1 / 5"
    assert page.is_disabled("#prev")
    for _ in range(6):
        page.keyboard.press("ArrowRight")
    assert page.text_content("#counter") == "5 / 5"
    assert page.is_disabled("#next")
    assert loaded.errors == []


def test_buttons_step_the_story(open_page, story_page):
    page = open_page(story_page).page
    page.get_by_role("button", name="Next event").click()
    assert page.text_content("#counter") == "2 / 5"
    page.get_by_role("button", name="Previous event").click()
    assert page.text_content("#counter") == "1 / 5"


def test_story_shows_responses_with_their_lag(open_page, story_page):
    page = open_page(story_page).page
    lags = page.locator(".responses .lag").all_text_contents()
    assert lags == [
        "Answered 1 day after the event ended",
        "Answered on or before day 6 after the event ended",
    ]
    link = page.locator("#step a").first
    assert link.get_attribute("rel") == "noopener noreferrer"


def test_predict_hides_responses_until_revealed(open_page, tmp_path):
    path = write_story(_events("story_events.csv"), tmp_path / "predict.html", predict=True)
    loaded = open_page(path)
    page = loaded.page
    assert page.is_checked("#predict")
    assert page.locator(".responses li").count() == 0
    assert "Lindholm's ministry welcomes" not in page.text_content("#step")
    _shot(loaded, "story-predict.png")
    page.get_by_role("button", name="Reveal the responses to this event").click()
    assert page.locator(".responses li").count() == 2
    # The next step is hidden again; unticking the box shows everything.
    page.keyboard.press("ArrowRight")
    assert page.locator(".responses li").count() == 0
    page.uncheck("#predict")
    assert page.locator(".responses li").count() == 1
    assert loaded.errors == []


def test_hostile_text_in_the_story_is_shown_and_never_run(open_page, tmp_path):
    events = _events("browser_hostile.csv")
    # The story does not validate URLs: a javascript: URL must still never become a link.
    events.loc[0, "source_url"] = "javascript:window.__pwned=3"
    path = write_story(events, tmp_path / "hostile.html", predict=True)
    loaded = open_page(path)
    page = loaded.page
    page.get_by_role("button", name="Reveal the responses to this event").click()
    assert loaded.pwned() is None
    assert page.locator("#step img").count() == 0
    assert page.locator("#step script").count() == 0
    shown = page.text_content("#step")
    assert "<script>window.__pwned = 1</script>A visit" in shown
    assert '<img src=x onerror="window.__pwned=2">Mayor' in shown
    assert "Reply </script><script>window.__pwned=5</script>" in shown
    assert page.get_by_text("<script>window.__pwned = 1</script>A visit").is_visible()
    # A javascript: URL is text, never a link.
    assert page.locator("#step a[href^='javascript']").count() == 0
    assert loaded.requests == [loaded.url]
    assert loaded.errors == []
    _shot(loaded, "story-hostile.png")


# --- the exported chart page ------------------------------------------------------------------


def _chart(events: pd.DataFrame, path: Path) -> Path:
    return write_html(timeline_figure(events), path, events=events, title="Timeline under test")


def _squash(text: str) -> str:
    """Text without any whitespace, to compare a wrapped hover label with its source."""
    return "".join(text.split())


def _marks(page) -> object:
    # figures.py: every row is one mark (a scatter point or a bar), and only marks are .point.
    return page.locator("#timeline-chart .point")


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    return read_events(ROOT / "data" / "events.csv")


@pytest.fixture(scope="module")
def chart_page(tmp_path_factory, table) -> Path:
    return _chart(table, tmp_path_factory.mktemp("chart") / "timeline.html")


def test_chart_loads_offline_without_errors(open_page, chart_page):
    loaded = open_page(chart_page, width=1200, height=900)
    loaded.page.wait_for_selector("#timeline-chart .main-svg")
    assert loaded.errors == []
    assert loaded.requests == [loaded.url]
    _shot(loaded, "chart.png")


@pytest.mark.parametrize("name", ["data/events.csv", "tests/data/story_events.csv"])
def test_one_drawn_mark_per_row(open_page, tmp_path, name):
    events = read_events(ROOT / name)
    loaded = open_page(_chart(events, tmp_path / "chart.html"), width=1200, height=900)
    loaded.page.wait_for_selector("#timeline-chart .main-svg")
    assert _marks(loaded.page).count() == len(events)
    # The table under the chart lists the same rows.
    assert loaded.page.locator("tr[data-event-id]").count() == len(events)


def test_hovering_a_mark_shows_its_evidence(open_page, chart_page, table):
    loaded = open_page(chart_page, width=1200, height=900)
    page = loaded.page
    page.wait_for_selector("#timeline-chart .main-svg")
    evidence = dict(zip(table["event_id"], table["evidence"].fillna(""), strict=True))
    checked = 0
    for index in range(_marks(page).count()):
        box = _marks(page).nth(index).bounding_box()
        if box is None or box["width"] == 0:
            continue
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        label = page.locator(".hoverlayer .hovertext")
        label.first.wait_for(state="visible", timeout=2000)
        text = label.first.text_content()
        match = [event_id for event_id in evidence if f"id: {event_id}" in text]
        assert match, f"hover label names no row: {text!r}"
        assert _squash(evidence[match[-1]]) in _squash(text)
        if checked == 0:
            _shot(loaded, "chart-hover.png")
        checked += 1
        if checked == 3:
            break
        page.mouse.move(1, 1)
    assert checked == 3
    assert loaded.errors == []


def test_hostile_text_in_the_chart_page_is_shown_and_never_run(open_page, tmp_path):
    events = _events("browser_hostile.csv")
    loaded = open_page(_chart(events, tmp_path / "hostile.html"), width=1200, height=900)
    page = loaded.page
    page.wait_for_selector("#timeline-chart .main-svg")
    box = _marks(page).first.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.locator(".hoverlayer .hovertext").first.wait_for(state="visible", timeout=2000)
    assert loaded.pwned() is None
    assert page.locator("body img").count() == 0
    table_text = page.text_content("table")
    assert "<script>window.__pwned = 1</script>A visit" in table_text
    assert "<img src=x onerror=window.__pwned=4> said on 1 April 2030" in table_text
    assert page.get_by_text("Reply </script><script>window.__pwned=5</script>").first.is_visible()
    assert loaded.requests == [loaded.url]
    assert loaded.errors == []
    _shot(loaded, "chart-hostile.png")


def test_story_in_a_frame_makes_the_frame_as_tall_as_its_content(open_page, tmp_path):
    # As notebook 03 shows it: the page in an iframe's srcdoc, no scrollbar inside the frame.
    import html

    story = write_story(_events("story_events.csv"), tmp_path / "story.html", predict=True)
    host = tmp_path / "host.html"
    page_text = html.escape(story.read_text(encoding="utf-8"))
    host.write_text(
        f'<!DOCTYPE html><iframe id="frame" width="100%" height="200" srcdoc="{page_text}">'
        "</iframe>",
        encoding="utf-8",
    )
    loaded = open_page(host, width=900)
    page = loaded.page
    frame = page.frame_locator("#frame")
    frame.locator("#counter").wait_for()

    def fits() -> bool:
        return page.evaluate(
            """() => {
              const frame = document.getElementById("frame");
              const inner = frame.contentDocument.documentElement.scrollHeight;
              return Math.abs(frame.clientHeight - inner) <= 2 && inner > 200;
            }"""
        )

    assert fits()
    before = page.evaluate("() => document.getElementById('frame').getBoundingClientRect().height")
    frame.get_by_role("button", name="Reveal the responses to this event").click()
    assert fits()
    after = page.evaluate("() => document.getElementById('frame').getBoundingClientRect().height")
    assert after > before  # the revealed responses are inside the frame, not below its fold
    assert loaded.errors == []
