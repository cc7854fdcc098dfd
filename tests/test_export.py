"""Tests for timeline.export: offline HTML, images, TimelineJS3 JSON and plain JSON."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from timeline import export
from timeline.errors import ExportError
from timeline.export import (
    write_html,
)
from timeline.figures import timeline_figure

DATA = Path(__file__).parent / "data"
EVIL_TITLE = "</script><script>alert(1)</script>"
EVIL_EVIDENCE = '<img src=x onerror="alert(2)">'


def _events(name: str = "figures_events.csv") -> pd.DataFrame:
    """Read a fixture CSV with the dtypes ``read_events`` gives."""
    df = pd.read_csv(DATA / name, dtype=str, keep_default_na=False)
    for column in df.columns:
        if column in ("date_start", "date_end"):
            df[column] = pd.to_datetime(df[column].replace("", None))
        elif column in ("evidence_start", "evidence_end"):
            df[column] = pd.to_numeric(df[column].replace("", None)).astype("Int64")
        elif column == "reviewed":
            df[column] = df[column].map({"true": True, "false": False}).astype("boolean")
        else:
            df[column] = df[column].replace("", None).astype("string")
    return df


def _evil_events() -> pd.DataFrame:
    df = _events()
    df.loc[0, "title"] = EVIL_TITLE
    df.loc[1, "evidence"] = EVIL_EVIDENCE
    return df


class _Tags(HTMLParser):
    """Collect start tags with their attributes, and the text of <script> elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False
        self.cells: list[str] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if tag == "td":
            self._cell = []

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False
        if tag == "td" and self._cell is not None:
            self.cells.append("".join(self._cell))
            self._cell = None

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)
        if self._cell is not None:
            self._cell.append(data)


def _parse(text: str) -> _Tags:
    parser = _Tags()
    parser.feed(text)
    parser.close()
    return parser


@pytest.fixture
def page(tmp_path) -> tuple[Path, pd.DataFrame]:
    events = _evil_events()
    path = write_html(timeline_figure(events), tmp_path / "out" / "t.html", events=events)
    return path, events


# ------------------------------------------------------------------------------ HTML
def test_html_has_no_external_resource(page):
    text = page[0].read_text(encoding="utf-8")
    tags = _parse(text).tags
    for tag, attrs in tags:
        for name in ("src", "href"):
            value = attrs.get(name)
            assert value is None or not re.match(r"(?i)\s*(https?:)?//", value), (tag, attrs)
        assert not (tag == "link" and attrs.get("rel") == "stylesheet"), attrs
    assert not any(tag == "script" and "src" in attrs for tag, attrs in tags)
    assert "<script src" not in text
    assert not re.search(r"<script[^>]+src=", text)


def test_html_inlines_plotlyjs_and_has_page_basics(page):
    text = page[0].read_text(encoding="utf-8")
    parser = _parse(text)
    assert text.startswith("<!DOCTYPE html>")
    assert ("html", {"lang": "en"}) in parser.tags
    assert re.search(r"<title>[^<]+</title>", text)
    assert len(text) > 3_000_000  # plotly.js itself is inlined
    assert sum("Plotly.newPlot" in s for s in parser.scripts) == 1
    assert f'id="{export.CHART_ID}"' in text


def test_html_is_byte_identical_for_the_same_input(tmp_path):
    events = _evil_events()
    a = write_html(timeline_figure(events), tmp_path / "a.html", events=events)
    b = write_html(timeline_figure(events), tmp_path / "b.html", events=events)
    assert a.read_bytes() == b.read_bytes()
    assert not re.search(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-", a.read_text(encoding="utf-8"))


def test_html_table_has_one_row_per_event_sorted_by_date(page):
    path, events = page
    text = path.read_text(encoding="utf-8")
    ids = re.findall(r'<tr data-event-id="([^"]*)">', text)
    assert sorted(ids) == sorted(events["event_id"])
    assert ids.index("harbour-visit") < ids.index("open-letter") < ids.index("ministry-reply")
    assert ids.index("ministry-reply") < ids.index("audit-report")
    assert "<caption>" in text
    assert text.count('<th scope="col">') == len(export._TABLE_COLUMNS)


def test_html_escapes_script_in_title_in_the_table(page):
    text = page[0].read_text(encoding="utf-8")
    parser = _parse(text)
    # shown as text in a cell, never as markup
    assert EVIL_TITLE in parser.cells
    assert EVIL_EVIDENCE in parser.cells
    assert "&lt;/script&gt;&lt;script&gt;alert(1)" in text
    assert "<img src=x" not in text
    # the only <script> elements are plotly's config, plotly.js and the newPlot call
    assert sum(1 for tag, _ in parser.tags if tag == "script") == 3
    assert not any(tag == "img" for tag, _ in parser.tags)


def test_html_embedded_json_cannot_close_the_script(tmp_path):
    events = _evil_events()
    path = write_html(timeline_figure(events, title=EVIL_TITLE), tmp_path / "t.html", events=events)
    text = path.read_text(encoding="utf-8")
    plot_script = text[text.index("Plotly.newPlot") :]
    plot_script = plot_script[: plot_script.index("</script>")]
    assert "alert(1)" in plot_script  # the title is there, but encoded
    assert "</" not in plot_script
    assert text.count("</script>") == 3


def test_html_notes_who_published_the_sources(page):
    text = page[0].read_text(encoding="utf-8")
    note = re.search(r'<p class="note" id="publisher-note">(.*?)</p>', text).group(1)
    assert "state media (3)" in note
    assert "government (2)" in note
    assert "NGO" in note  # an absent publisher type is named as absent


def test_html_without_events_has_no_table(tmp_path):
    path = write_html(timeline_figure(_events()), tmp_path / "t.html", title="Harbour")
    text = path.read_text(encoding="utf-8")
    assert "<table" not in text
    assert "<title>Harbour</title>" in text


def test_html_rejects_non_figure(tmp_path):
    with pytest.raises(ExportError, match="plotly Figure"):
        write_html({"data": []}, tmp_path / "t.html")
