"""Invented web pages and PDFs, and a loopback HTTP server that serves them (tests and bench).

Every text here is written for the tests: no real page is copied. The server listens on
127.0.0.1 on a random port; nothing leaves the machine.
"""

from __future__ import annotations

import http.server
import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

NAV = """<nav class="menu"><a href="/">Home</a> <a href="/world">World</a>
<a href="/sport">Sport</a> <a href="/weather">Weather</a>
<a href="/subscribe">Subscribe now</a></nav>"""
COOKIES = """<div id="cookie-banner" class="cookie-consent">We use cookies to improve your
experience. By continuing you accept all cookies. <button>Accept all</button></div>"""
COMMENTS = """<section id="comments" class="comments"><h3>Comments</h3>
<div class="comment"><p>Reader99 wrote: totally outrageous, cancel my subscription!</p></div>
<div class="comment"><p>Another reader wrote: first comment, great site.</p></div></section>"""
FOOTER = """<footer><p>Copyright Riverton Gazette. All rights reserved. Terms. Privacy.</p>
<ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li></ul></footer>"""

ARTICLE_BODY = [
    "The Riverton city council voted on Tuesday to reject the harbour report that the port "
    "authority published on 14 March 2031, saying its traffic figures were out of date.",
    "The report had recommended closing the old quay to cargo ships from June. Council "
    "members asked the authority to count the ships again before the summer.",
    "The port authority said on Wednesday it would answer the council within two weeks and "
    "that the quay would stay open until then.",
]


def article_page(paragraphs: list[str] | None = None) -> str:
    """A news article with navigation, a cookie banner, comments and a footer."""
    body = "".join(f"<p>{p}</p>" for p in (paragraphs or ARTICLE_BODY))
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Council rejects the harbour report | Riverton Gazette</title>
<meta property="og:site_name" content="Riverton Gazette">
<meta property="og:title" content="Council rejects the harbour report">
<meta property="article:published_time" content="2031-04-02T09:30:00+02:00">
<meta name="author" content="Ada Lind">
<link rel="canonical" href="https://gazette.example/2031/council-harbour">
</head><body>{NAV}{COOKIES}
<main><article><h1>Council rejects the harbour report</h1>
<p class="byline">By Ada Lind</p>{body}</article></main>{COMMENTS}{FOOTER}</body></html>"""


STATEMENT_BODY = (
    "The Ministry of Coastal Affairs of Eastmark notes the decision of the Riverton council. "
    "The ministry will send a delegation to the harbour on 20 April 2031 to review the quay "
    "with the port authority. The ministry regrets that the council acted before the review."
)


def url_dated_statement() -> str:
    """An official statement with no date in its metadata or text: only its URL has one."""
    return f"""<html lang="en"><head><title>Statement on the council decision</title></head>
<body>{NAV}<div class="content"><h1>Statement on the council decision</h1>
<p>{STATEMENT_BODY}</p><p>The ministry thanks the harbour staff for their work during the
review period, and it will publish the findings of the delegation in due course.</p></div>
{FOOTER}</body></html>"""


def jsonld_statement() -> str:
    """A statement whose date is only in its JSON-LD block."""
    return """<html lang="en"><head><title>Joint communique on fishing quotas</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
"headline": "Joint communique on fishing quotas", "datePublished": "2031-05-06T08:00:00Z",
"author": {"@type": "Organization", "name": "Northern Fisheries Council"}}</script></head>
<body><article><h1>Joint communique on fishing quotas</h1>
<p>The members of the Northern Fisheries Council agreed to lower the cod quota by a tenth
for the next season. Two members abstained and asked for a new count of the stock.</p>
<p>The council will meet again in the autumn to review the quota against the new count.</p>
</article></body></html>"""


def briefing_transcript() -> str:
    """A press briefing transcript: questions and answers, dated in a byline."""
    turns = [
        (
            "Spokesperson Mira Osk",
            "Good afternoon. I have one announcement: the minister "
            "will visit the northern ports from 3 to 5 June 2031.",
        ),
        ("Reporter", "Will the minister meet the Riverton council during the visit?"),
        ("Spokesperson Mira Osk", "The programme is not final. We will share it next week."),
        ("Reporter", "How does the ministry answer the council's vote on the harbour report?"),
        (
            "Spokesperson Mira Osk",
            "We have said what we had to say in our statement of "
            "2 April. The review will go ahead as planned.",
        ),
    ]
    body = "".join(f"<p><strong>{who}:</strong> {said}</p>" for who, said in turns)
    return f"""<html lang="en"><head><title>Regular press briefing, 28 May 2031</title></head>
<body>{NAV}<div class="transcript"><h1>Regular press briefing</h1>
<p class="date">Published on 28 May 2031</p>{body}</div>{FOOTER}</body></html>"""


LATIN1_TEXT = (
    "Le conseil municipal de Riverton a rejeté le rapport du port le mardi 2 avril 2031. "
    "Les élus ont demandé un nouveau comptage des navires avant l'été, et la capitainerie "
    "répondra dans deux semaines."
)


def latin1_page() -> bytes:
    """A French page encoded as ISO-8859-1, declared only in a meta tag."""
    html = f"""<html lang="fr"><head><meta http-equiv="Content-Type"
content="text/html; charset=iso-8859-1"><title>Le conseil rejette le rapport</title></head>
<body><article><h1>Le conseil rejette le rapport</h1><p>{LATIN1_TEXT}</p></article></body>
</html>"""
    return html.encode("iso-8859-1")


# --------------------------------------------------------------------------- PDFs


def _pdf(pages: list[bytes]) -> bytes:
    """A minimal valid PDF whose pages draw the given content streams (Helvetica font)."""
    objects: list[bytes] = []
    count = len(pages)
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(count))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for i, stream in enumerate(pages):
        packed = zlib.compress(stream)
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>".encode()
        )
        objects.append(
            f"<< /Length {len(packed)} /Filter /FlateDecode >>\nstream\n".encode()
            + packed
            + b"\nendstream"
        )
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)


def _text_stream(lines: list[str]) -> bytes:
    def escape(line: str) -> str:
        return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    ops = ["BT", "/F1 11 Tf", "14 TL", "56 780 Td"]
    ops += [f"({escape(line)}) Tj T*" for line in lines]
    ops.append("ET")
    return "\n".join(ops).encode("latin-1")


REPORT_PAGES = [
    [
        "Assessment of the northern harbours",
        "Published by the Northern Fisheries Council",
        "10 July 2031",
        "The council sent a team to the northern ports from 3 to 5 June 2031.",
        "The team counted the ships at each quay over the three days.",
    ],
    [
        "Findings",
        "The old quay of Riverton saw fewer than ten cargo ships a week.",
        "The council recommends a second count in September 2031.",
    ],
]


def two_page_pdf(pages: list[list[str]] | None = None) -> bytes:
    """A two-page report with a text layer."""
    return _pdf([_text_stream(lines) for lines in (pages or REPORT_PAGES)])


def scanned_pdf() -> bytes:
    """A one-page PDF with no text layer: only drawn shapes, as a scan without OCR has."""
    return _pdf([b"0.5 g 56 500 480 280 re f 0 g 56 400 300 20 re f"])


# --------------------------------------------------------------------------- the server


@dataclass
class Route:
    """What the server answers on one path."""

    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    location: str = ""
    delay: float = 0.0
    length: int | None = None  # stream this many bytes of filler instead of ``body``


@dataclass
class Site:
    """Routes by path, editable while the server runs; ``hits`` counts requests per path."""

    routes: dict[str, Route] = field(default_factory=dict)
    hits: dict[str, int] = field(default_factory=dict)
    agents: list[str] = field(default_factory=list)
    base: str = ""

    def url(self, path: str) -> str:
        return self.base + path


def _handler(site: Site) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:  # keep test output quiet
            return

        def do_GET(self) -> None:  # noqa: N802 (the http.server API)
            path = self.path.split("?", 1)[0]
            site.hits[path] = site.hits.get(path, 0) + 1
            site.agents.append(self.headers.get("User-Agent", ""))
            route = site.routes.get(path)
            if route is None:
                route = Route(b"<html><body><h1>Not found</h1></body></html>", status=404)
            if route.delay:
                time.sleep(route.delay)
            self.send_response(route.status)
            if route.location:
                self.send_header("Location", route.location)
            self.send_header("Content-Type", route.content_type)
            size = route.length if route.length is not None else len(route.body)
            self.send_header("Content-Length", str(size))
            self.end_headers()
            try:
                if route.length is None:
                    self.wfile.write(route.body)
                    return
                chunk = b"<p>" + b"x" * 65_000 + b"</p>"
                sent = 0
                while sent < size:
                    part = chunk[: size - sent]
                    self.wfile.write(part)
                    sent += len(part)
            except (BrokenPipeError, ConnectionResetError):
                return

    return Handler


@contextmanager
def serve(site: Site) -> Iterator[Site]:
    """Serve ``site`` on 127.0.0.1 (random port) for the duration of the block."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def loopback_site() -> Site:
    """The pages the tests and the benchmark use, by path."""
    html = "text/html; charset=utf-8"
    routes = {
        "/2031/council-harbour": Route(article_page().encode(), html),
        "/statements/2031/04/03/council-decision": Route(url_dated_statement().encode(), html),
        "/communique": Route(jsonld_statement().encode(), html),
        "/briefing": Route(briefing_transcript().encode(), html),
        "/fr/conseil": Route(latin1_page(), "text/html"),
        "/report.pdf": Route(two_page_pdf(), "application/pdf"),
        "/scan.pdf": Route(scanned_pdf(), "application/pdf"),
        "/loop-a": Route(status=302, location="/loop-b"),
        "/loop-b": Route(status=302, location="/loop-a"),
        "/moved": Route(status=301, location="/communique"),
        "/huge": Route(length=50 * 1024 * 1024),
        "/binary": Route(bytes(range(256)) * 64, html),
        "/image": Route(b"\x89PNG\r\n\x1a\n" + bytes(100), "image/png"),
        "/slow": Route(article_page().encode(), html, delay=2.0),
    }
    return Site(routes=routes)
