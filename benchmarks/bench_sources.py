"""`timeline add` from a loopback server: pages per second, main text kept, boilerplate dropped.

Usage: python benchmarks/bench_sources.py [--rounds N]

Serves the tests' invented pages and PDF (tests/sources_site.py) on 127.0.0.1 and prints:

- pages per second through ``add_source`` after one untimed warm-up round (fetch, extract,
  write text, raw bytes and manifest), beside the baseline of plain ``urllib`` GETs of the
  same URLs in the same run, and the ratio between the two (the cost of extraction and
  archiving per page);
- on the test pages with known main text, the share of its sentences kept and the share of
  the boilerplate snippets the page holds (navigation, cookie banner, comments, footer) dropped;
- pypdf against pdfplumber on one generated 100-page PDF (the choice in the README), when
  pdfplumber is installed (it is not a dependency).

Not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import sources_site as site_data  # noqa: E402

from timeline.sources import USER_AGENT, add_source  # noqa: E402

PAGES = (
    "/2031/council-harbour",
    "/statements/2031/04/03/council-decision",
    "/communique",
    "/briefing",
    "/fr/conseil",
    "/report.pdf",
)
MAIN = {
    "/2031/council-harbour": site_data.ARTICLE_BODY,
    "/statements/2031/04/03/council-decision": [site_data.STATEMENT_BODY],
    "/fr/conseil": [site_data.LATIN1_TEXT],
}
BOILERPLATE = (
    "Subscribe now",
    "Weather",
    "cookies",
    "Accept all",
    "Reader99",
    "first comment",
    "All rights reserved",
    "About us",
)


def _sentences(paragraphs: list[str]) -> list[str]:
    return [s.strip() for p in paragraphs for s in p.split(". ") if s.strip()]


def _speed(site: site_data.Site, rounds: int) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as folder:  # untimed warm-up: imports, compiled rules
        for path in PAGES:
            add_source(site.url(path), folder)
    start = time.perf_counter()
    for _ in range(rounds):
        for path in PAGES:
            request = urllib.request.Request(site.url(path), headers={"User-Agent": USER_AGENT})
            with urllib.request.urlopen(request, timeout=10) as response:
                response.read()
    fetch_only = rounds * len(PAGES) / (time.perf_counter() - start)
    start = time.perf_counter()
    for _ in range(rounds):
        with tempfile.TemporaryDirectory() as folder:
            for path in PAGES:
                add_source(site.url(path), folder)
    added = rounds * len(PAGES) / (time.perf_counter() - start)
    return added, fetch_only


def _quality(site: site_data.Site) -> tuple[int, int, int, int]:
    kept = total = dropped = snippets = 0
    with tempfile.TemporaryDirectory() as folder:
        for path, paragraphs in MAIN.items():
            done = add_source(site.url(path), folder)
            text = " ".join((Path(folder) / done.file).read_text(encoding="utf-8").split())
            sentences = _sentences(paragraphs)
            kept += sum(s in text for s in sentences)
            total += len(sentences)
            raw = site.routes[path].body.decode("latin-1")
            present = [b for b in BOILERPLATE if b in raw]
            dropped += sum(b not in text for b in present)
            snippets += len(present)
    return kept, total, dropped, snippets


def _pdf_libraries() -> None:
    lines = [f"Line {i}: the council met on 3 June 2031 and voted nine to four." for i in range(50)]
    pdf = site_data._pdf([site_data._text_stream(lines) for _ in range(100)])
    from pypdf import PdfReader

    start = time.perf_counter()
    chars = sum(len(p.extract_text()) for p in PdfReader(io.BytesIO(pdf)).pages)
    pypdf_s = time.perf_counter() - start
    print(f"pypdf       100 pages: {pypdf_s:6.2f} s ({chars:,} characters)")
    try:
        import pdfplumber
    except ImportError:
        print("pdfplumber  not installed (not a dependency); no comparison")
        return
    start = time.perf_counter()
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        chars = sum(len(p.extract_text() or "") for p in doc.pages)
    plumber_s = time.perf_counter() - start
    print(f"pdfplumber  100 pages: {plumber_s:6.2f} s ({chars:,} characters)")
    print(f"pdfplumber / pypdf time ratio: {plumber_s / pypdf_s:.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with site_data.serve(site_data.loopback_site()) as site:
        added, fetch_only = _speed(site, args.rounds)
        kept, total, dropped, snippets = _quality(site)
    print(f"timeline add: {added:6.1f} pages/s ({args.rounds} rounds of {len(PAGES)} sources)")
    print(f"plain GET   : {fetch_only:6.1f} pages/s (baseline, same server, same run)")
    print(f"plain GET / timeline add ratio: {fetch_only / added:.1f}")
    print(f"main text kept: {kept}/{total} sentences = {kept / total:.0%}")
    print(f"boilerplate dropped: {dropped}/{snippets} snippets = {dropped / snippets:.0%}")
    _pdf_libraries()


if __name__ == "__main__":
    main()
