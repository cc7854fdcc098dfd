"""PDFs: text page by page with pypdf, and the offset where each page starts.

Pages are joined with a blank line; ``page_starts[i]`` is the character offset of page
``i + 1`` in the joined text, so evidence offsets map back to a page number
(``page_of``). A PDF with no text layer (a scan) is refused with a message saying OCR is needed.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from bisect import bisect_right
from dataclasses import dataclass

from timeline.errors import SourceError

_SEPARATOR = "\n\n"


@dataclass(frozen=True)
class PdfText:
    """The text of a PDF, where each page starts in it, and its title and date if declared."""

    text: str
    page_starts: tuple[int, ...]
    title: str = ""
    author: str = ""
    published: str = ""


def extract_pdf(data: bytes, where: str = "PDF") -> PdfText:
    """Text of every page of a PDF, with page start offsets.

    Raises:
        SourceError: the bytes are not a readable PDF, it is encrypted, or no page has a
            text layer (a scanned PDF: run OCR first, for example ``ocrmypdf in.pdf out.pdf``).
    """
    # on use: pypdf takes ~0.15 s to import, and only PDFs need it
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise SourceError(f"{where}: the PDF is encrypted; save a decrypted copy and add that")
        pages = [_clean(page.extract_text() or "") for page in reader.pages]
        info = reader.metadata
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        if isinstance(exc, SourceError):
            raise
        raise SourceError(f"{where}: not a readable PDF ({exc})") from exc
    if not pages:
        raise SourceError(f"{where}: the PDF has no pages")
    if not any(page.strip() for page in pages):
        raise SourceError(
            f"{where}: none of its {len(pages)} page(s) has a text layer (a scanned PDF?); "
            "OCR is needed: run it through OCR (for example `ocrmypdf in.pdf out.pdf`) "
            "and add the result; nothing was saved"
        )
    starts, offset = [], 0
    for page in pages:
        starts.append(offset)
        offset += len(page) + len(_SEPARATOR)
    return PdfText(
        text=_SEPARATOR.join(pages) + "\n",
        page_starts=tuple(starts),
        title=_info(info, "/Title"),
        author=_info(info, "/Author"),
        published=_pdf_date(_info(info, "/CreationDate")),
    )


def page_of(page_starts: tuple[int, ...] | list[int], offset: int) -> int:
    """The 1-based page holding character ``offset``.

    >>> page_of((0, 120, 300), 150)
    2
    """
    return max(1, bisect_right(list(page_starts), offset))


def _clean(page: str) -> str:
    lines = [line.rstrip() for line in page.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "\n".join(lines).strip("\n")


def _info(info: object, key: str) -> str:
    try:
        value = info.get(key) if info is not None else None  # type: ignore[attr-defined]
    except (KeyError, TypeError, ValueError):
        return ""
    return " ".join(str(value).split()) if value else ""


def _pdf_date(value: str) -> str:
    """``D:20310710...`` -> ``2031-07-10`` (``""`` when absent or malformed)."""
    match = re.match(r"D:([0-9]{4})([0-9]{2})([0-9]{2})", value)
    if not match:
        return ""
    try:
        return dt.date(*(int(g) for g in match.groups())).isoformat()
    except ValueError:
        return ""
