"""Tests for timeline.views.export: offline HTML, images, TimelineJS3 JSON and plain JSON."""

from __future__ import annotations

import base64
import gzip
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from timeline.errors import ExportError
from timeline.views import export
from timeline.views.export import (
    to_records,
    to_timelinejs,
    write_html,
    write_image,
    write_json,
    write_timelinejs,
)
from timeline.views.figures import timeline_figure

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


def test_html_table_puts_an_event_before_a_response_of_the_same_day(tmp_path):
    events = _events()
    events.loc[4, "event_id"] = "a-reply"  # sorts before "audit-report" by name
    path = write_html(timeline_figure(events), tmp_path / "t.html", events=events)
    ids = re.findall(r'<tr data-event-id="([^"]*)">', path.read_text(encoding="utf-8"))
    assert ids[-2:] == ["audit-report", "a-reply"]


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
    plot_script = text[text.index("var fig = ") :]
    plot_script = plot_script[: plot_script.index("</script>")]
    assert "Plotly.newPlot" in plot_script
    assert "alert(1)" in plot_script  # the title is there, but encoded
    assert "</" not in plot_script
    assert text.count("</script>") == 3  # plotly's config, plotly.js, the chart


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


def _dense_page(tmp_path, rows: int) -> tuple[str, pd.DataFrame]:
    from timeline._synthetic import synthetic_events

    events = synthetic_events(rows)
    events.loc[3, "title"] = EVIL_TITLE
    path = write_html(timeline_figure(events), tmp_path / "dense.html", events=events)
    return path.read_text(encoding="utf-8"), events


def test_html_of_many_rows_keeps_the_rows_out_of_the_drawn_figure(tmp_path):
    text, events = _dense_page(tmp_path, 6000)  # above DETAIL_ROWS: the points start hidden
    figure = json.loads(text[text.index("var fig = ") + 10 : text.index(";\n  var meta")])
    marks = [t for t in figure["data"] if (t.get("meta") or {}).get("role") == "event-mark"]
    assert marks and all(t["x"] == [] and t["customdata"] == [] for t in marks)
    packed = re.search(
        r'<script type="application/gzip" id="timeline-rows">([A-Za-z0-9+/=]*)</script>', text
    ).group(1)  # base64 only: nothing in it can close the script
    block = gzip.decompress(base64.b64decode(packed)).decode("utf-8")
    rows = json.loads(block)["traces"]
    titles = [title for t in rows for title in t["title"]]
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in titles  # shown, never run
    assert sorted(t["trace"] for t in rows) == [figure["data"].index(t) for t in marks]
    ids = [i for t in rows for i in t["id"]]
    assert sorted(ids) == sorted(events["event_id"])  # every row, once
    assert all(len(t["title"]) == len(t["extra"]) == len(t["id"]) for t in rows)


def test_html_of_a_few_rows_has_no_rows_block(page):
    assert 'id="timeline-rows"' not in page[0].read_text(encoding="utf-8")


def test_html_of_many_rows_is_byte_identical(tmp_path):
    first, _ = _dense_page(tmp_path / "a", 6000)
    again, _ = _dense_page(tmp_path / "b", 6000)
    assert first == again


def test_html_folds_a_long_table_only(tmp_path, page):
    text, _ = _dense_page(tmp_path, 1000)
    fold = re.search(r'<details id="timeline-events-fold"><summary>(.*?)</summary>', text)
    assert fold and "1,000 rows" in fold.group(1)
    assert text.index(fold.group(0)) < text.index('<table id="timeline-events">')
    assert "<details" not in page[0].read_text(encoding="utf-8")  # 5 rows: open


def test_html_rejects_non_figure(tmp_path):
    with pytest.raises(ExportError, match="plotly Figure"):
        write_html({"data": []}, tmp_path / "t.html")


# ------------------------------------------------------------------------------ images
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def test_png_is_written_with_the_installed_chromium(tmp_path):
    path = write_image(timeline_figure(_events()), tmp_path / "t.png", width=900, height=500)
    data = path.read_bytes()
    assert data[:8] == PNG_MAGIC
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (900, 500)


def test_png_scale_multiplies_the_pixels(tmp_path):
    path = write_image(
        timeline_figure(_events()), tmp_path / "t.png", width=600, height=300, scale=2
    )
    data = path.read_bytes()
    assert int.from_bytes(data[16:20], "big") == 1200


def test_svg_is_well_formed_xml_with_one_point_per_row(tmp_path):
    events = _evil_events()
    path = write_image(timeline_figure(events), tmp_path / "t.img", format="svg")
    root = ET.fromstring(path.read_bytes())
    assert root.tag.endswith("svg")
    points = [el for el in root.iter() if "point" in (el.get("class") or "").split()]
    assert len(points) == len(events)  # three markers and two bars: each row drawn once
    tags = {el.tag.rsplit("}", 1)[-1] for el in root.iter()}
    assert "script" not in tags and "img" not in tags


def test_image_format_comes_from_the_suffix(tmp_path):
    path = write_image(timeline_figure(_events()), tmp_path / "t.svg")
    assert path.read_bytes().lstrip().startswith(b"<svg")


def test_unknown_image_format_is_named(tmp_path):
    with pytest.raises(ExportError, match="'gif'.*png, svg"):
        write_image(timeline_figure(_events()), tmp_path / "t.gif")


def test_missing_browser_says_how_to_get_one(tmp_path, monkeypatch):
    monkeypatch.delenv("BROWSER_PATH", raising=False)
    monkeypatch.setattr(export.shutil, "which", lambda name: None)
    monkeypatch.setattr(export, "_TYPICAL_BROWSERS", ())
    with pytest.raises(ExportError, match=r"apt-get install chromium.*BROWSER_PATH"):
        write_image(timeline_figure(_events()), tmp_path / "t.png")
    assert not (tmp_path / "t.png").exists()


def test_browser_path_pointing_nowhere_is_named(tmp_path, monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "no-such-chromium"))
    with pytest.raises(ExportError, match="no-such-chromium"):
        write_image(timeline_figure(_events()), tmp_path / "t.png")


def test_browser_that_fails_is_named_and_nothing_is_written(tmp_path, monkeypatch):
    broken = tmp_path / "broken-chromium"
    broken.write_text("#!/bin/sh\nexit 3\n")
    broken.chmod(0o755)
    monkeypatch.setenv("BROWSER_PATH", str(broken))
    with pytest.raises(ExportError, match="broken-chromium"):
        write_image(timeline_figure(_events()), tmp_path / "t.png")
    assert not (tmp_path / "t.png").exists()


def test_browser_path_is_used_first(tmp_path, monkeypatch):
    fake = tmp_path / "my-chromium"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    monkeypatch.setenv("BROWSER_PATH", str(fake))
    assert export.find_browser() == str(fake)


# ------------------------------------------------------------------------------ TimelineJS
def test_timelinejs_has_one_event_per_row_with_ids_and_groups():
    events = _events()
    data = to_timelinejs(events)
    assert set(data) == {"title", "events", "eras"}
    ids = [e["unique_id"] for e in data["events"]]
    assert sorted(ids) == sorted(events["event_id"])
    groups = {e["unique_id"]: e["group"] for e in data["events"]}
    assert groups["ministry-reply"] == "response" and groups["open-letter"] == "event"
    assert data["title"]["text"]["headline"]


def test_timelinejs_dates_keep_only_the_known_parts():
    events = _events()
    events.loc[1, ["date_precision", "date_start", "date_end"]] = [
        "month",
        pd.Timestamp("2016-04-01"),
        pd.Timestamp("2016-04-30"),
    ]
    by_id = {e["unique_id"]: e for e in to_timelinejs(events)["events"]}
    assert by_id["ministry-reply"]["start_date"] == {"year": "2016", "month": "4", "day": "11"}
    assert by_id["open-letter"]["start_date"] == {"year": "2016", "month": "4"}
    assert by_id["harbour-visit"]["end_date"] == {"year": "2016", "month": "3", "day": "16"}
    assert "end_date" not in by_id["ministry-reply"]


def test_timelinejs_before_uses_the_upper_bound_and_says_so():
    by_id = {e["unique_id"]: e for e in to_timelinejs(_events())["events"]}
    audit = by_id["audit-report"]
    assert audit["start_date"] == {"year": "2019", "month": "9", "day": "20"}
    assert "end_date" not in audit
    assert "on or before 2019-09-20" in audit["text"]["text"]
    assert audit["display_date"] == "on or before 2019-09-20"
    by_id_letter = by_id["open-letter"]
    assert by_id_letter["display_date"] == "about 2016-04-02 to 2016-04-08"
    assert "display_date" not in by_id["ministry-reply"]


def test_timelinejs_ranges_become_eras():
    eras = to_timelinejs(_events())["eras"]
    spans = {(e["start_date"]["day"], e["end_date"]["day"]) for e in eras}
    assert spans == {("14", "16"), ("2", "8")}


def test_timelinejs_escapes_text():
    data = to_timelinejs(_evil_events())
    blob = json.dumps(data)
    assert "<script>" not in blob and "<img" not in blob
    by_id = {e["unique_id"]: e for e in data["events"]}
    assert by_id["harbour-visit"]["text"]["headline"] == (
        "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"
    )


def test_write_timelinejs_is_deterministic_json(tmp_path):
    a = write_timelinejs(_events(), tmp_path / "a.json")
    b = write_timelinejs(_events().iloc[::-1], tmp_path / "b.json")
    assert a.read_bytes() == b.read_bytes()
    assert json.loads(a.read_text(encoding="utf-8")) == to_timelinejs(_events())


# ------------------------------------------------------------------------------ plain JSON
def test_json_round_trips_the_table(tmp_path):
    events = _events()
    path = write_json(events, tmp_path / "events.json")
    records = json.loads(path.read_text(encoding="utf-8"))
    assert [r["event_id"] for r in records][:3] == [
        "harbour-visit",
        "open-letter",
        "ministry-reply",
    ]
    back = pd.DataFrame.from_records(records)
    assert list(back.columns) == list(events.columns)
    original = events.set_index("event_id").sort_index()
    back = back.set_index("event_id").sort_index()
    for column in ("date_start", "date_end"):
        assert pd.to_datetime(back[column]).equals(original[column])
    for column in ("title", "evidence", "responds_to", "publisher_type"):
        assert back[column].astype("string").equals(original[column])
    assert back["evidence_start"].astype("Int64").equals(original["evidence_start"])
    assert back["reviewed"].astype("boolean").equals(original["reviewed"])


def test_json_uses_iso_dates_and_null_for_missing():
    by_id = {r["event_id"]: r for r in to_records(_events())}
    audit = by_id["audit-report"]
    assert audit["date_start"] is None and audit["date_end"] == "2019-09-20"
    assert audit["responds_to"] is None
    assert audit["evidence_start"] == 5 and audit["reviewed"] is False


def test_json_is_byte_identical_whatever_the_row_order(tmp_path):
    a = write_json(_events(), tmp_path / "a.json").read_bytes()
    b = write_json(_events().sample(frac=1, random_state=1), tmp_path / "b.json").read_bytes()
    assert a == b


def test_unreadable_date_is_named_with_its_row(tmp_path):
    events = _events().astype({"date_end": object})
    events.loc[2, "date_end"] = "next Monday"
    with pytest.raises(ExportError, match=r"'ministry-reply', column 'date_end'.*next Monday"):
        write_json(events, tmp_path / "e.json")
    with pytest.raises(ExportError, match="ministry-reply"):
        to_timelinejs(events)
    assert not (tmp_path / "e.json").exists()


def test_html_is_byte_identical_across_processes(tmp_path):
    """Same bytes whatever the string-hash seed (no set or dict order leaks into the page)."""

    script = (
        "import sys; sys.path.insert(0, sys.argv[2]);"
        "from test_export import _evil_events;"
        "from timeline.views.figures import timeline_figure;"
        "from timeline.views.export import write_html;"
        "e = _evil_events();"
        "fig = timeline_figure(e, lane='actor', color='publisher_type');"
        "write_html(fig, sys.argv[1], events=e)"
    )
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"page-{seed}.html"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run(
            [sys.executable, "-c", script, str(out), str(Path(__file__).parent)],
            check=True,
            env=env,
        )
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
