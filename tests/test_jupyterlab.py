"""Every notebook in a live JupyterLab, as a person sees it, and the review card driven by keys.

One JupyterLab server (tests/livelab.py: 127.0.0.1, a random port and token, its own settings
and a copy of notebooks/ and data/) serves the whole module and is stopped when the module
ends, also when a test fails. Playwright drives the system Chromium: open a notebook, Run > Run
All Cells, then look at what the page shows. Notebooks that read ../shared skip, saying so,
where it is absent.
"""

from __future__ import annotations

import json
import re
import urllib.request
from pathlib import Path

import pandas as pd
import pytest
from conftest import SHARED
from livelab import CHROMIUM, open_notebook, run_all, running_lab

from timeline import extract_events, load_documents, read_events
from timeline.review_session import ReviewSession, read_rejections, rejections_path
from timeline.table import COLUMNS

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
#: What each notebook shows once run: plotly charts (in widgets too) and top-level widgets.
EXPECTED = {
    "01-explore.ipynb": {"charts": 2, "widgets": 1},  # the figure; the explorer and its chart
    "02-extraction.ipynb": {"charts": 0, "widgets": 0},
    "03-teaching.ipynb": {"charts": 2, "widgets": 0},  # lag and perspective figures
    "04-review.ipynb": {"charts": 1, "widgets": 1},  # the review card and the table's chart
}
REVIEWED_TABLE = "build/review/events.csv"
SHOTS = ROOT / "build" / "screenshots"  # notebooks/04-review.ipynb's TABLE, from the root

_SHOWN = """() => ({
    cells: document.querySelectorAll('.jp-Notebook .jp-CodeCell').length,
    run: [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]
        .filter(p => /\\[\\d+\\]/.test(p.textContent)).length,
    errors: [...document.querySelectorAll(
        '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')]
        .map(e => e.textContent.slice(0, 400)),
    charts: document.querySelectorAll('.jp-Notebook .js-plotly-plot').length,
    widgets: document.querySelectorAll('.jp-OutputArea-output > .jupyter-widgets').length,
})"""


def _needs_shared(name: str) -> bool:
    source = (ROOT / "notebooks" / name).read_text(encoding="utf-8")
    return "../../shared" in source or "shared/" in source


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    if not CHROMIUM.exists():
        pytest.fail(
            f"no Chromium at {CHROMIUM}: the JupyterLab tests need it; "
            "install it with `sudo apt-get install chromium` (Debian) or set TIMELINE_CHROMIUM"
        )
    with running_lab(tmp_path_factory.mktemp("lab"), shared=SHARED) as server:
        yield server


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    page.problems = []
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    yield page
    context.close()


def _open_and_run(page, lab, name: str) -> dict:
    if _needs_shared(name) and not SHARED.exists():
        pytest.skip(f"{name} reads {SHARED}, which is absent")
    open_notebook(page, lab, name)
    run_all(page)
    return page.evaluate(_SHOWN)


def test_every_notebook_has_its_expected_views():
    assert sorted(EXPECTED) == NOTEBOOKS


@pytest.mark.parametrize("name", [n for n in NOTEBOOKS if n != "04-review.ipynb"])
def test_notebook_runs_in_jupyterlab(page, lab, name):
    shown = _open_and_run(page, lab, name)
    assert shown["errors"] == []
    assert shown["run"] == shown["cells"] > 0  # no cell stopped the run
    assert (shown["charts"], shown["widgets"]) == (
        EXPECTED[name]["charts"],
        EXPECTED[name]["widgets"],
    )
    assert page.problems == []


def test_the_server_is_stopped_when_the_block_fails(tmp_path):
    with pytest.raises(RuntimeError, match="a failing test"), running_lab(tmp_path) as server:
        url = server.url
        raise RuntimeError("a failing test")
    with pytest.raises(OSError):
        urllib.request.urlopen(f"{url}/api/status", timeout=3)


# --- 04: the review card ----------------------------------------------------------------------


def _queue() -> list[dict]:
    """The candidates of notebook 04 in the order the card shows them (same code, same corpus)."""
    docs = load_documents(SHARED / "corpus-dev")
    session = ReviewSession(extract_events(docs), Path("/nonexistent/events.csv"), documents=docs)
    return [session.rows[i] for i in session.pending]


def _press(page, key: str) -> None:
    card = page.locator(".tlr-card")
    serial = card.get_attribute("data-serial")
    page.keyboard.press(key)
    page.wait_for_function(
        "s => document.querySelector('.tlr-card').dataset.serial !== s", arg=serial
    )


def _marks(page, count: int) -> str:
    """Wait until the table's chart draws ``count`` marks; return the chart's data as JSON."""
    page.wait_for_function(
        "n => document.querySelectorAll('.widget-output .js-plotly-plot .point').length === n",
        arg=count,
        timeout=30_000,
    )
    return page.evaluate(
        "() => JSON.stringify(document.querySelector('.widget-output .js-plotly-plot').data)"
    )


def _expected_row(candidate: dict, **changes: object) -> dict:
    row = {c: candidate[c] for c in COLUMNS}
    row.update(reviewed=True, **changes)
    return row


def _same(written: pd.Series, expected: dict) -> None:
    for column in COLUMNS:
        got, want = written[column], expected[column]
        assert (pd.isna(got) and pd.isna(want)) or got == want, column


def test_review_in_jupyterlab_accept_reject_edit_undo(page, lab):
    shown = _open_and_run(page, lab, "04-review.ipynb")
    assert shown["errors"] == []
    assert shown["run"] == shown["cells"]
    assert (shown["charts"], shown["widgets"]) == (1, 1)
    queue = _queue()
    table = lab.root / REVIEWED_TABLE
    card = page.locator(".tlr-card")
    assert card.get_attribute("data-key") == queue[0]["event_id"]
    assert page.locator(".tlr-progress").text_content() == (
        f"0 of {len(queue)} reviewed (0 accepted, 0 merged, 0 rejected)"
    )
    assert page.locator(".tlr-passage mark.event-evidence").count() >= 1
    assert page.locator(".tlr-passage mark.date-mention").count() >= 1
    _marks(page, 0)

    # Accept the first candidate as it is.
    page.locator(".tlr-heading").click()
    _press(page, "a")
    written = read_events(table)
    assert written["event_id"].tolist() == [queue[0]["event_id"]]
    _same(written.iloc[0], _expected_row(queue[0]))
    after_accept = table.read_bytes()
    _marks(page, 1)

    # Reject the second: remembered beside the table, the table and the chart unchanged.
    assert card.get_attribute("data-key") == queue[1]["event_id"]
    _press(page, "r")
    assert read_rejections(rejections_path(table))["event_id"].tolist() == [queue[1]["event_id"]]
    assert table.read_bytes() == after_accept
    _marks(page, 1)

    # Edit the third one's actor, then accept it.
    assert card.get_attribute("data-key") == queue[2]["event_id"]
    page.locator(".tlr-field-actor").fill("Edited actor")
    page.keyboard.press("Escape")
    _press(page, "a")
    written = read_events(table).set_index("event_id", drop=False)
    assert sorted(written.index) == sorted([queue[0]["event_id"], queue[2]["event_id"]])
    _same(written.loc[queue[2]["event_id"]], _expected_row(queue[2], actor="Edited actor"))
    assert "Actor: Edited actor" in _marks(page, 2)

    # Undo it: the file is as it was after the first accept, the chart too.
    _press(page, "u")
    assert table.read_bytes() == after_accept
    assert card.get_attribute("data-key") == queue[2]["event_id"]
    assert "Actor: Edited actor" not in _marks(page, 1)
    assert page.locator(".tlr-progress").text_content() == (
        f"2 of {len(queue)} reviewed (1 accepted, 0 merged, 1 rejected)"
    )
    assert page.locator(".tlr-message").text_content() == "undid accept"

    # A refused write: the card moves on at once, then comes back with the reason and the edit.
    page.locator(".tlr-field-date_start").fill("not-a-date")
    _press(page, "Control+Enter")
    assert card.get_attribute("data-key") == queue[2]["event_id"]
    assert page.locator(".tlr-field-date_start").input_value() == "not-a-date"
    assert "not-a-date" in page.locator(".tlr-message.tlr-error").text_content()
    assert table.read_bytes() == after_accept
    assert len(page.locator(".jp-Notebook .jp-Cell").all()) == len(
        json.loads((ROOT / "notebooks" / "04-review.ipynb").read_text())["cells"]
    )  # the keys went to the card, not to JupyterLab (A would have inserted a cell)
    assert page.problems == []


# --- the charts in JupyterLab's light and dark themes -------------------------------------------

_CHART_COLOURS = """() => {
    const rgb = (text) => (text.match(/[\\d.]+/g) || []).map(Number);
    const light = (text) => {
        const [r, g, b] = rgb(text);
        return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    };
    const chart = (gd) => {
        let node = gd.querySelector('.main-svg');
        let back = getComputedStyle(node).backgroundColor;
        while (node && (rgb(back).length === 4 && rgb(back)[3] === 0 || back === 'transparent')) {
            node = node.parentElement;  // what shows through the chart's clear background
            back = node ? getComputedStyle(node).backgroundColor : 'rgb(255, 255, 255)';
        }
        return {
            height: gd.getBoundingClientRect().height,
            paper: gd._fullLayout.paper_bgcolor,
            background: light(back),
            tick: light(getComputedStyle(gd.querySelector('.xtick text')).fill),
            legend: light(getComputedStyle(gd.querySelector('.legendtext')).fill),
        };
    };
    return {
        jpLight: document.body.dataset.jpThemeLight,
        charts: [...document.querySelectorAll('.jp-Notebook .js-plotly-plot')].map(chart),
        hidden: [...document.querySelectorAll('.jp-Notebook .jp-OutputArea-child')]
            .filter((c) => getComputedStyle(c).display === 'none')
            .map((c) => c.querySelector('.jp-OutputArea-output').innerHTML.slice(0, 30)),
    };
}"""


def test_charts_follow_jupyterlab_light_and_dark_themes(page, lab):
    shown = _open_and_run(page, lab, "01-explore.ipynb")
    assert shown["errors"] == []
    light = page.evaluate(_CHART_COLOURS)
    assert light["jpLight"] == "true" and len(light["charts"]) == 2  # the figure, the explorer's
    for chart in light["charts"]:
        assert chart["paper"] == "rgba(0,0,0,0)" and chart["background"] > 0.8
        assert chart["tick"] < 0.4 and chart["legend"] < 0.4
    # only the two style outputs are hidden (no empty output shows), every chart is drawn
    assert light["hidden"] == ['<style class="tl-auto-theme">\n'] * 2
    assert all(chart["height"] > 200 for chart in light["charts"])

    page.get_by_role("menuitem", name="Settings", exact=True).click()  # as a person does
    page.locator(".lm-Menu-itemLabel", has_text=re.compile("^Theme$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile("^JupyterLab Dark$")).click()
    page.wait_for_function("() => document.body.dataset.jpThemeLight === 'false'", timeout=30_000)
    page.wait_for_timeout(500)  # the theme's stylesheet applies
    for chart in page.evaluate(_CHART_COLOURS)["charts"]:
        assert chart["background"] < 0.25  # the chart sits on JupyterLab's dark background
        assert chart["tick"] > 0.6 and chart["legend"] > 0.6  # and its text is light
    assert page.problems == []
    SHOTS.mkdir(parents=True, exist_ok=True)  # for people to look at
    page.locator(".jp-Notebook .js-plotly-plot").first.screenshot(
        path=str(SHOTS / "jupyterlab-dark.png")
    )
