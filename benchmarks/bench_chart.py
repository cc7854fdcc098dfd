"""The chart at scale: timeline_figure on 100,000 rows against plotly.express on the same rows.

Usage: python benchmarks/bench_chart.py [--rows N] [--repeat N] [--shots FOLDER]

Prints, for an invented table of N rows (``timeline._synthetic``, default 100,000):

- build time of ``timeline_figure`` and of ``plotly.express.scatter`` (x = date_start, y = kind,
  colour = kind, hover name = title, hover data = event_id; WebGL as px chooses for many
  points) on the same rows, fastest of ``--repeat`` runs after a warm-up, and their ratio
  (target: under 3);
- the size of the page ``write_html`` writes (target: under 15 MB);
- render time in Chromium (``/usr/bin/chromium`` or ``TIMELINE_CHROMIUM``, driven by Playwright):
  from navigation start until the chart is drawn and fitted to the window (1200 px), for our
  page, for the px figure saved as a page the plotly way, and for a page of an empty figure
  (plotly.js alone: the floor any inlined plotly page pays) both as ``write_html`` writes it
  (plotly.js with V8's compile hint) and as plotly writes it, in the same run (target: 3 s; on
  a shared machine the ratios are the steadier figures).

With ``--shots FOLDER`` it also saves the chart at 1,000 rows and at N rows, 1200 px wide, as
``timeline-1000.png`` and ``timeline-<N>.png`` for the README. Not a test: nothing here asserts.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("TIMELINE_CHROMIUM", "/usr/bin/chromium")
WIDTH = 1200

_DRAWN = """() => {
  const gd = document.getElementById("timeline-chart");
  if (!gd || !gd._fullLayout) { return false; }
  const meta = gd.layout.meta || {};
  if (!meta.layouts) { return true; }
  const room = gd.parentElement.getBoundingClientRect().width;
  let chosen = null;
  meta.layouts.forEach((l) => { if (l.min_width <= room) { chosen = l; } });
  return gd.layout.height === chosen.relayout.height && gd._fullLayout.width === Math.floor(room);
}"""


def _best(function, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def _render(browser, path: Path, shot: Path | None = None) -> float:
    """Seconds from navigation start until the chart is drawn (and fitted, for our pages)."""
    context = browser.new_context(viewport={"width": WIDTH, "height": 900})
    try:
        page = context.new_page()
        page.goto(path.resolve().as_uri(), wait_until="load", timeout=300_000)
        page.wait_for_function(_DRAWN, timeout=300_000)
        page.evaluate("() => new Promise((done) => requestAnimationFrame(() => done()))")
        seconds = page.evaluate("() => performance.now()") / 1000
        if shot is not None:
            page.wait_for_timeout(300)
            target = page.locator("#timeline-figure")
            (target if target.count() else page).screenshot(path=str(shot))
        return seconds
    finally:
        context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--shots", type=Path, default=None)
    args = parser.parse_args()

    import plotly.express as px
    import plotly.graph_objects as go
    import plotly.io as pio
    from playwright.sync_api import sync_playwright

    from timeline import timeline_figure, write_html
    from timeline._synthetic import synthetic_events

    events = synthetic_events(args.rows)

    def ours():
        return timeline_figure(events)

    def theirs():
        return px.scatter(
            events,
            x="date_start",
            y="kind",
            color="kind",
            hover_name="title",
            hover_data=["event_id"],
        )

    ours(), theirs()  # warm-up: imports and caches
    mine, base = _best(ours, args.repeat), _best(theirs, args.repeat)
    print(f"rows: {args.rows:,}")
    print(f"build  timeline_figure {mine:.3f} s  px.scatter {base:.3f} s  ratio {mine / base:.2f}")

    folder = Path(tempfile.mkdtemp(prefix="bench-chart-"))
    page = write_html(ours(), folder / "timeline.html", events=events)
    size = page.stat().st_size / 1e6
    print(f"html   {size:.1f} MB (plotly.js inlined, {len(events):,} rows)")
    px_page = folder / "px.html"
    pio.write_html(theirs(), px_page, include_plotlyjs=True, div_id="timeline-chart")
    floor_page = write_html(go.Figure(), folder / "empty.html")
    plotly_floor_page = folder / "empty-plotly.html"
    pio.write_html(go.Figure(), plotly_floor_page, include_plotlyjs=True, div_id="timeline-chart")

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            _render(browser, page)  # warm-up: the browser's caches
            ours_s = min(_render(browser, page) for _ in range(2))
            px_s = min(_render(browser, px_page) for _ in range(2))
            floor_s = min(_render(browser, floor_page) for _ in range(2))
            plotly_floor_s = min(_render(browser, plotly_floor_page) for _ in range(2))
            print(
                f"render timeline page {ours_s:.2f} s  px.scatter page {px_s:.2f} s  "
                f"ratio {ours_s / px_s:.2f} (Chromium, {WIDTH} px)"
            )
            print(
                f"render empty figure (plotly.js alone) {floor_s:.2f} s  "
                f"timeline page beyond it {ours_s - floor_s:.2f} s  "
                f"(written by plotly: {plotly_floor_s:.2f} s)"
            )
            if args.shots is not None:
                args.shots.mkdir(parents=True, exist_ok=True)
                small = synthetic_events(1000)
                small_page = write_html(timeline_figure(small), folder / "small.html", events=small)
                _render(browser, small_page, args.shots / "timeline-1000.png")
                _render(browser, page, args.shots / f"timeline-{args.rows}.png")
                print(f"screenshots in {args.shots}")
        finally:
            browser.close()


if __name__ == "__main__":
    main()
