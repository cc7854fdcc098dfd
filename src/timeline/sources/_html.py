"""Web pages: decoding, main text (trafilatura) and metadata with where each value came from.

The publication date is looked for in this order, the first found wins, and
``published_source`` says which: ``page metadata`` (meta tags, JSON-LD and the page head, read
by htmldate), ``url`` (a date in the URL path), ``text`` (a byline or dateline in the body,
htmldate's extensive search). When none is found the date stays empty and ``load_documents``
infers one from the text later (``inferred``).
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
import urllib.parse
from dataclasses import dataclass

from timeline.errors import SourceError

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE
)
_HTML_LANG = re.compile(r"""<html[^>]*\blang\s*=\s*["']?([A-Za-z]{2,3})""", re.IGNORECASE)
_HEAD = re.compile(r"<head\b.*?</head>", re.IGNORECASE | re.DOTALL)
_JSONLD = re.compile(
    r"""<script[^>]+application/ld\+json[^>]*>.*?</script>""", re.IGNORECASE | re.DOTALL
)
_LATEST = "2100-12-31"


@dataclass(frozen=True)
class Page:
    """What a web page gives: its main text and metadata, each with its origin."""

    text: str
    title: str = ""
    outlet: str = ""
    author: str = ""
    url: str = ""
    language: str = ""
    published: str = ""
    published_source: str = ""


def decode_html(data: bytes, charset: str = "", where: str = "page") -> tuple[str, str]:
    """Decode page bytes: HTTP charset, else a byte-order mark, else the meta tag, else UTF-8.

    Returns the text and the encoding used. Raises ``SourceError`` for bytes that are no text.

    >>> decode_html("<meta charset='iso-8859-1'>caf\\xe9".encode("latin-1"))
    ("<meta charset='iso-8859-1'>café", 'iso8859-1')
    """
    if b"\x00" in data[:4096] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise SourceError(f"{where}: binary content (NUL bytes), not a web page; nothing was saved")
    found = _META_CHARSET.search(data[:4096])
    candidates = [charset]
    if data.startswith(codecs.BOM_UTF8):
        candidates.insert(0, "utf-8-sig")
    candidates += [found.group(1).decode("ascii") if found else "", "utf-8"]
    for name in candidates:
        try:
            encoding = codecs.lookup(name).name if name else ""
        except LookupError:
            continue
        if not encoding:
            continue
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise SourceError(
        f"{where}: not decodable as {' or '.join(n for n in candidates if n)} and declares no "
        "other encoding; nothing was saved"
    )


def extract_page(html: str, url: str = "", where: str = "page") -> Page:
    """Main text and metadata of a decoded page.

    Raises:
        SourceError: no main text could be found (the message says what to try).
    """
    import trafilatura  # on use: ~0.2 s to import, and only saved pages need it

    doc = trafilatura.bare_extraction(
        html,
        url=url or None,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params={"max_date": _LATEST, "extensive_search": False},
    )
    text = (getattr(doc, "text", "") or "").strip() if doc is not None else ""
    if not text:
        raise SourceError(
            f"{where}: no main text found in the page (is it a login wall, a script-only page "
            "or an image?); save the article's text as a .txt file and add that instead"
        )
    published, how = find_published(html, url)
    lang = _HTML_LANG.search(html)
    return Page(
        text=text + "\n",
        title=_clean(doc.title),
        outlet=_clean(doc.sitename),
        author=_clean(doc.author),
        url=_clean(doc.url) or url,
        language=(lang.group(1).lower() if lang else _clean(doc.language)),
        published=published,
        published_source=how,
    )


def find_published(html: str, url: str = "") -> tuple[str, str]:
    """The publication date (ISO) and where it was found, or ``("", "")``.

    >>> find_published('<html><head><meta property="article:published_time" '
    ...                'content="2021-03-04T10:00"></head><body></body></html>')
    ('2021-03-04', 'page metadata')
    >>> find_published("<html><body><p>x</p></body></html>", "https://a.example/2020/05/06/x")
    ('2020-05-06', 'url')
    """
    from htmldate import find_date  # on use: ~0.1 s to import, only pages need it

    head = _HEAD.search(html)
    metadata = (head.group(0) if head else "") + "".join(_JSONLD.findall(html))
    options = {"original_date": True, "max_date": _LATEST}
    if metadata:
        found = find_date(
            f"<html>{metadata}<body></body></html>", extensive_search=False, **options
        )
        if found:
            return found, "page metadata"
    from_url = url_date(url)
    if from_url:
        return from_url, "url"
    found = find_date(html, extensive_search=True, **options)
    if found:
        return found, "text"
    return "", ""


_URL_DATE = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})[/_-]([01]?[0-9])[/_-]([0-3]?[0-9])(?![0-9])")


def url_date(url: str) -> str:
    """An ISO date written in a URL's path (``/2020/05/06/`` or ``2020-05-06``), or ``""``.

    >>> url_date("https://a.example/news/2020-05-06-talks"), url_date("https://a.example/x")
    ('2020-05-06', '')
    """
    path = urllib.parse.urlsplit(url).path
    for match in _URL_DATE.finditer(path):
        year, month, day = (int(g) for g in match.groups())
        try:
            return dt.date(year, month, day).isoformat()
        except ValueError:
            continue
    return ""


def _clean(value: object) -> str:
    return " ".join(str(value).split()) if value else ""
