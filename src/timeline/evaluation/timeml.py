"""TimeML corpora: reading ``.tml`` files (the gold that ``evaluation.dates`` scores against).

``read_timeml`` turns one TimeML file into a ``TimeMLDocument``: the content of ``<TEXT>`` with
every tag removed and entities unescaped, the document creation time (``<DCT>``) and the gold
``TIMEX3`` annotations as ``Timex`` records whose offsets index that text;
``read_timeml_folder`` reads every ``.tml`` file below a folder.
"""

from __future__ import annotations

import datetime as dt
import os
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from timeline.errors import DocumentError

__all__ = [
    "TimeMLDocument",
    "Timex",
    "read_timeml",
    "read_timeml_folder",
]


@dataclass(frozen=True)
class Timex:
    """One TIMEX3: its span in the document text, its surface, type, value and TimeML id.

    >>> Timex(3, 9, "Friday", "DATE", "1998-08-07", "t1").end
    9
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    tid: str = ""


@dataclass(frozen=True)
class TimeMLDocument:
    """A TimeML file: its name (file stem), text, creation date and gold timexes.

    ``text`` is the content of ``<TEXT>`` with tags removed and entities unescaped;
    ``dct_value`` is the DCT's TIMEX3 value as written (it may carry a time of day).
    """

    name: str
    text: str
    dct: dt.date
    timexes: tuple[Timex, ...]
    dct_value: str = ""


def _local(tag: object) -> str:
    """The tag name without an XML namespace (comments and PIs give '')."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def read_timeml(path: str | os.PathLike[str]) -> TimeMLDocument:
    """Read one TimeML ``.tml`` file: its text, creation date and gold TIMEX3 annotations.

    Args:
        path: the ``.tml`` file.

    Returns:
        The document; ``timexes`` are in text order, each with ``text[start:end] == timex.text``.
        The creation time is never one of them, even where it stands inside ``<TEXT>``.

    Raises:
        DocumentError: the file is not well-formed XML, has no ``<TEXT>``, no creation time
            (a TIMEX3 in ``<DCT>`` or one marked ``functionInDocument="CREATION_TIME"``)
            whose value starts with a ``YYYY-MM-DD`` date, or a TIMEX3 in the text without a
            ``type`` or ``value``.

    Example (not run by the tests: it needs files outside the package)::

        doc = read_timeml("../shared/data/tempeval3/train/AQUAINT/APW19980807.0261.tml")
        doc.dct, doc.timexes[0].text
        (datetime.date(1998, 8, 7), 'Friday')
    """
    path = Path(path)
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise DocumentError(f"{path}: not well-formed TimeML XML ({exc})") from exc
    except OSError as exc:
        raise DocumentError(f"{path}: cannot read ({exc.strerror or exc})") from exc

    text_el = next((el for el in root.iter() if _local(el.tag) == "TEXT"), None)
    if text_el is None:
        raise DocumentError(f"{path}: no <TEXT> element")
    dct_value = _dct_value(path, root)
    try:
        dct = dt.date.fromisoformat(dct_value[:10])
    except ValueError as exc:
        raise DocumentError(
            f"{path}: DCT value {dct_value!r} does not start with a YYYY-MM-DD date"
        ) from exc

    pieces: list[str] = []
    spans: list[tuple[int, int, ET.Element]] = []
    _walk(text_el, pieces, spans, 0)
    text = "".join(pieces)
    timexes = sorted(
        (
            _timex(path, text, start, end, el)
            for start, end, el in spans
            if not _is_creation_time(el)
        ),
        key=lambda t: (t.start, t.end),
    )
    return TimeMLDocument(path.stem, text, dct, tuple(timexes), dct_value)


def _dct_value(path: Path, root: ET.Element) -> str:
    """The value of the creation-time TIMEX3: the one in ``<DCT>``, else one marked
    ``functionInDocument="CREATION_TIME"`` anywhere (some TimeML files put it in the text)."""
    for dct in (el for el in root.iter() if _local(el.tag) == "DCT"):
        for timex in (el for el in dct.iter() if _local(el.tag) == "TIMEX3"):
            value = timex.get("value")
            if value:
                return value
    for timex in (el for el in root.iter() if _local(el.tag) == "TIMEX3"):
        if _is_creation_time(timex) and timex.get("value"):
            return timex.get("value", "")
    raise DocumentError(f"{path}: no <DCT><TIMEX3 value=...> giving the document creation time")


def _is_creation_time(el: ET.Element) -> bool:
    return el.get("functionInDocument") == "CREATION_TIME"


def _walk(
    el: ET.Element, pieces: list[str], spans: list[tuple[int, int, ET.Element]], pos: int
) -> int:
    """Append the text under ``el`` to ``pieces`` and the TIMEX3 spans in it to ``spans``.

    ``pos`` is the offset at which ``el``'s text starts; returns the offset where it ends.
    """
    if el.text:
        pieces.append(el.text)
        pos += len(el.text)
    for child in el:
        start = pos
        pos = _walk(child, pieces, spans, pos)
        if _local(child.tag) == "TIMEX3":
            spans.append((start, pos, child))
        if child.tail:
            pieces.append(child.tail)
            pos += len(child.tail)
    return pos


def _timex(path: Path, text: str, start: int, end: int, el: ET.Element) -> Timex:
    tid = el.get("tid", "")
    missing = [a for a in ("type", "value") if el.get(a) is None]
    if missing:
        raise DocumentError(
            f"{path}: TIMEX3 {tid or '(no tid)'} at offset {start} lacks attribute "
            + " and ".join(missing)
        )
    return Timex(start, end, text[start:end], el.get("type", ""), el.get("value", ""), tid)


def read_timeml_folder(folder: str | os.PathLike[str]) -> tuple[TimeMLDocument, ...]:
    """Read every ``*.tml`` file under ``folder`` (recursively), sorted by relative path.

    Raises:
        DocumentError: the folder does not exist, is not a folder, or holds no ``.tml`` file;
            or a file cannot be read (see ``read_timeml``).

    Example (not run by the tests: it needs files outside the package)::

        docs = read_timeml_folder("../shared/data/tempeval3/train")
        len(docs)
        256
    """
    root = Path(folder)
    if not root.exists():
        raise DocumentError(f"{root}: TimeML folder not found")
    if not root.is_dir():
        raise DocumentError(f"{root}: not a folder (expected a folder of .tml files)")
    files = sorted(p for p in root.rglob("*.tml") if p.is_file())
    if not files:
        raise DocumentError(f"{root}: no .tml files in this folder or below it")
    return tuple(read_timeml(p) for p in files)
