"""Fetching one URL with limits: timeout, size, redirects, content type, a User-Agent.

Only ``http`` and ``https`` are fetched. Redirects are followed by hand (so each hop is
checked and counted); the body is read in chunks and abandoned past the size limit.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from email.message import Message
from typing import Any

from timeline.errors import SourceError

USER_AGENT = (
    "timeline/0.1 (research tool that archives single pages for a sourced events table; "
    "fetches only URLs a user gives it)"
)
"""The User-Agent sent with every request: says what the tool is and why it fetches."""

ACCEPTED_TYPES: tuple[str, ...] = (
    "text/html",
    "application/xhtml+xml",
    "application/pdf",
    "text/plain",
    "text/markdown",
)


@dataclass(frozen=True)
class Limits:
    """How far a fetch may go: seconds per network step, bytes, redirects.

    >>> Limits().max_bytes
    20971520
    """

    timeout: float = 20.0
    max_bytes: int = 20 * 1024 * 1024
    max_redirects: int = 5


@dataclass(frozen=True)
class Fetched:
    """The answer to a fetch: the final URL, its media type and charset, and the raw bytes."""

    url: str
    final_url: str
    media_type: str
    charset: str
    body: bytes


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def fetch(url: str, limits: Limits = Limits()) -> Fetched:  # noqa: B008 (frozen default)
    """Fetch ``url`` within ``limits``; raise ``SourceError`` saying what went wrong.

    Raises:
        SourceError: not an http(s) URL, a network failure or timeout, an HTTP error status,
            too many redirects or a redirect loop, a body over ``limits.max_bytes``, or a
            media type that is not a page, a PDF or plain text.
    """
    _check_scheme(url, url)
    seen = [url]
    current = url
    while True:
        response = _open(url, current, limits)
        status = response.status
        if status in (301, 302, 303, 307, 308):
            location = response.headers.get("Location", "")
            response.close()
            current = _next_hop(url, current, location, seen, limits)
            seen.append(current)
            continue
        with response:
            media_type, charset = _media_type(response.headers)
            if media_type not in ACCEPTED_TYPES:
                raise SourceError(
                    f"{url}: served as {media_type or 'no content type'}, not a web page, PDF "
                    f"or text (accepted: {', '.join(ACCEPTED_TYPES)}); nothing was saved"
                )
            body = _read_body(url, response, limits)
        return Fetched(url, current, media_type, charset, body)


def _check_scheme(url: str, target: str) -> None:
    scheme = urllib.parse.urlsplit(target).scheme.lower()
    if scheme not in ("http", "https"):
        raise SourceError(f"{url}: only http:// and https:// URLs are fetched (got {target!r})")


def _open(url: str, current: str, limits: Limits) -> Any:
    """Open one hop without following redirects (a 3xx comes back as the response)."""
    request = urllib.request.Request(current, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        return _OPENER.open(request, timeout=limits.timeout)
    except urllib.error.HTTPError as exc:
        if exc.code in (301, 302, 303, 307, 308):
            return exc
        exc.close()
        hint = {404: "not found", 410: "gone", 403: "forbidden", 401: "needs a login"}
        raise SourceError(
            f"{url}: the server answered HTTP {exc.code} ({hint.get(exc.code, exc.reason)})"
            f"{'' if current == url else f' at {current}'}; nothing was saved"
        ) from exc
    except TimeoutError as exc:
        raise SourceError(
            f"{url}: no answer within {limits.timeout:g} s (timed out); try again later"
        ) from exc
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError):
            raise SourceError(
                f"{url}: no answer within {limits.timeout:g} s (timed out); try again later"
            ) from exc
        raise SourceError(f"{url}: cannot be fetched ({reason})") from exc
    except OSError as exc:
        raise SourceError(f"{url}: cannot be fetched ({exc})") from exc


def _next_hop(url: str, current: str, location: str, seen: list[str], limits: Limits) -> str:
    if not location:
        raise SourceError(f"{url}: a redirect from {current} without a Location header")
    target = urllib.parse.urljoin(current, location)
    _check_scheme(url, target)
    if target in seen:
        chain = " -> ".join([*seen, target])
        raise SourceError(f"{url}: redirect loop ({chain}); nothing was saved")
    if len(seen) > limits.max_redirects:
        raise SourceError(
            f"{url}: more than {limits.max_redirects} redirects (last: {target}); nothing was saved"
        )
    return target


def _media_type(headers: Message) -> tuple[str, str]:
    """The media type (lower case, no parameters) and the charset parameter of a response."""
    raw = headers.get("Content-Type", "")
    message = Message()
    message["Content-Type"] = raw
    media = message.get_content_type() if raw else ""
    charset = message.get_param("charset") or ""
    return media.lower(), str(charset).strip().lower()


def _read_body(url: str, response: Any, limits: Limits) -> bytes:
    """Read at most ``limits.max_bytes``; refuse a longer body (declared or streamed)."""
    declared = response.headers.get("Content-Length", "")
    too_big = (
        f"{url}: larger than the size limit of {limits.max_bytes:,} bytes; nothing was saved "
        "(raise it with --max-bytes if the source is really this large)"
    )
    if declared.isdigit() and int(declared) > limits.max_bytes:
        raise SourceError(too_big)
    chunks: list[bytes] = []
    size = 0
    deadline = time.monotonic() + limits.timeout * 4
    try:
        while chunk := response.read(64 * 1024):
            size += len(chunk)
            if size > limits.max_bytes:
                raise SourceError(too_big)
            if time.monotonic() > deadline:
                raise SourceError(
                    f"{url}: the body took longer than {limits.timeout * 4:g} s to arrive; "
                    "nothing was saved"
                )
            chunks.append(chunk)
    except TimeoutError as exc:
        raise SourceError(
            f"{url}: the body stopped arriving for {limits.timeout:g} s (timed out)"
        ) from exc
    return b"".join(chunks)
