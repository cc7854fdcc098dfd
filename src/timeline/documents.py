"""Documents: one article or statement with its metadata, and loading a corpus folder.

A corpus folder is either a folder with ``manifest.csv`` (one row per document: ``doc_id``
and ``file`` required; ``title``, ``outlet``, ``publisher_type``, ``published``, ``language``
and ``url`` optional; any other column is kept in ``Document.extra``) or a bare folder of
text files, whose ``doc_id`` is the file stem. A text file is ``.txt`` or ``.md`` (read as
below), a saved web page ``.html``/``.htm`` (its main text, through ``timeline.sources``) or a
``.pdf`` (its text layer, page by page); ``timeline add`` turns URLs and such files into
``.txt`` files and manifest rows.

``publisher_type`` is an open vocabulary: ``PUBLISHER_TYPES`` are suggestions, any other value
is kept as written. A missing value is guessed from the document's URL with the domain table
of ``timeline.sources`` where it says so (``extra["publisher_type_source"]`` then says
``guessed ...``), else it is ``unknown``.

Texts are read as UTF-8 and decoded exactly as ``Path.read_text(encoding="utf-8-sig")`` does:
a leading byte-order mark is dropped and line endings are universal (``\\r\\n`` and ``\\r``
become ``\\n``). Every character offset in the events table (``evidence_start``,
``evidence_end``) and in a ``DateMention`` is an index into that string.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from timeline._io import csv_cells_up_to
from timeline._published import parse_published
from timeline.dates import infer_reference
from timeline.errors import DocumentError
from timeline.schema import ID_PATTERN, TEXT_SUFFIXES

MANIFEST = "manifest.csv"
_REQUIRED = ("doc_id", "file")
_OPTIONAL = ("title", "outlet", "publisher_type", "published", "language", "url")
UNKNOWN_PUBLISHER = "unknown"


@dataclass(frozen=True)
class Document:
    """One source text and what is known about its publication.

    ``published`` is the reference date for relative expressions (``None`` when unknown);
    ``published_text`` is the manifest's value as written (ISO date or date-time);
    ``published_inferred`` is true when the date was read from the text by ``infer_reference``.
    ``extra`` keeps manifest columns the schema does not name.
    """

    doc_id: str
    text: str
    path: Path | None = None
    title: str = ""
    outlet: str = ""
    publisher_type: str = ""
    published: dt.date | None = None
    published_text: str = ""
    published_inferred: bool = False
    url: str = ""
    language: str = "en"
    extra: Mapping[str, str] = field(default_factory=dict)


def load_documents(folder: str | os.PathLike[str]) -> list[Document]:
    """Load every document of a corpus folder, sorted by ``doc_id``.

    Args:
        folder: a folder holding ``manifest.csv`` and the texts it names, or a bare folder of
            ``.txt`` files (``doc_id`` is the file stem, no other metadata).

    Returns:
        The documents, sorted by ``doc_id``. A document whose manifest gives no ``published``
        value gets the date ``timeline.dates.infer_reference`` reads from its text, with
        ``published_inferred=True`` and ``extra["published_how"]`` saying how; when nothing
        can be inferred ``published`` stays ``None``.

    Raises:
        DocumentError: the folder is missing or holds no documents; the manifest lacks a
            required column, has a malformed row, a duplicate ``doc_id``, a row whose file is
            missing or an unparseable ``published`` value; a text is not valid UTF-8 (the
            message names the file and the byte offset); a page or PDF yields no text.

    Example (not run by the tests: it needs files outside the package)::

        docs = load_documents("../shared/corpus")
        [d.doc_id for d in docs]
        ['000', '001', '002', '003', '004']
    """
    root = Path(folder)
    if not root.exists():
        raise DocumentError(f"{root}: corpus folder not found")
    if not root.is_dir():
        raise DocumentError(f"{root}: not a folder (expected a corpus folder)")
    manifest = root / MANIFEST
    if manifest.exists():
        docs = [_from_row(root, number, row) for number, row in _read_manifest(manifest)]
        if not docs:
            raise DocumentError(f"{manifest}: lists no documents")
    else:
        files = sorted(
            p for p in root.iterdir() if p.suffix.lower() in TEXT_SUFFIXES and p.is_file()
        )
        if not files:
            raise DocumentError(
                f"{root}: no {MANIFEST} and no text files ({', '.join(TEXT_SUFFIXES)})"
            )
        for p in files:
            _check_inside(root, p, f"{root}: file {p.name!r}")
        docs = [load_document(p) for p in files]
    seen: dict[str, Path | None] = {}
    for doc in docs:
        if doc.doc_id in seen:
            raise DocumentError(
                f"{manifest if manifest.exists() else root}: duplicate doc_id {doc.doc_id!r} "
                f"({seen[doc.doc_id]} and {doc.path})"
            )
        seen[doc.doc_id] = doc.path
    return sorted(docs, key=lambda d: d.doc_id)


def load_document(path: str | os.PathLike[str], **metadata: object) -> Document:
    """Load one text file as a ``Document``.

    Args:
        path: the UTF-8 text file.
        **metadata: values for ``Document`` fields (``doc_id`` defaults to the file stem;
            ``published`` may be a ``datetime.date`` or an ISO date or date-time string);
            any other keyword goes into ``extra``.

    Raises:
        DocumentError: the file is missing or not valid UTF-8, or a metadata value is invalid.

    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a1.txt"
    >>> _ = p.write_text("Published on 3 May 2020.", encoding="utf-8")
    >>> doc = load_document(p, published="2020-05-03")
    >>> doc.doc_id, doc.published
    ('a1', datetime.date(2020, 5, 3))
    """
    source = Path(path)
    values = {key: value for key, value in metadata.items()}
    doc_id = str(values.pop("doc_id", "") or source.stem)
    where = f"{source}"
    _check_doc_id(doc_id, where)
    text = _document_text(source)
    return _build(doc_id, text, source, values, where)


def _read_manifest(manifest: Path, raw: str | None = None) -> list[tuple[int, dict[str, str]]]:
    """Read ``manifest.csv`` (or its given text) into (row number, row) pairs, checking its shape.

    Rows are numbered as records, the header being row 1 (a quoted value may span lines).
    """
    raw = _read_text(manifest) if raw is None else raw
    reader = csv.reader(io.StringIO(raw, newline=""), strict=True)
    try:
        with csv_cells_up_to(len(raw)):
            rows = list(reader)
    except csv.Error as exc:
        raise DocumentError(f"{manifest}: malformed CSV ({exc})") from exc
    if not rows:
        raise DocumentError(f"{manifest}: empty (expected a header with doc_id and file)")
    header = [name.strip() for name in rows[0]]
    missing = [name for name in _REQUIRED if name not in header]
    if missing:
        raise DocumentError(
            f"{manifest}: missing required column(s) {', '.join(missing)} "
            f"(found: {', '.join(header) or 'nothing'})"
        )
    duplicated = sorted({name for name in header if header.count(name) > 1})
    if duplicated:
        raise DocumentError(f"{manifest}: duplicate column(s) {', '.join(duplicated)}")
    out = []
    for number, cells in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(header):
            raise DocumentError(
                f"{manifest}: row {number} has {len(cells)} fields, the header has {len(header)}"
            )
        out.append((number, dict(zip(header, cells, strict=True))))
    return out


def _from_row(root: Path, number: int, row: dict[str, str]) -> Document:
    """Build the ``Document`` of one manifest row."""
    where = f"{root / MANIFEST} row {number}"
    doc_id = row["doc_id"].strip()
    name = row["file"].strip()
    if not doc_id:
        raise DocumentError(f"{where}: empty doc_id")
    if not name:
        raise DocumentError(f"{where}: empty file for doc_id {doc_id!r}")
    _check_doc_id(doc_id, where)
    path = root / name
    _check_inside(root, path, f"{where}: file {name!r} of doc_id {doc_id!r}")
    if not path.is_file():
        raise DocumentError(f"{where}: file {name!r} of doc_id {doc_id!r} not found in {root}")
    values: dict[str, object] = {k: v for k, v in row.items() if k not in _REQUIRED}
    return _build(doc_id, _document_text(path), path, values, where)


def _check_doc_id(doc_id: str, where: str) -> None:
    """Refuse a doc id the events table could not cite (``sources`` splits on ``;``)."""
    if not re.fullmatch(ID_PATTERN, doc_id):
        raise DocumentError(
            f"{where}: doc_id {doc_id!r} is not a valid doc id (letters A-Z, digits, '.', '_' "
            "and '-', starting with a letter or digit); rename the file or give it a doc_id "
            f"in {MANIFEST}"
        )


def _check_inside(root: Path, path: Path, where: str) -> None:
    """Refuse a document file that resolves outside the corpus folder (symbolic links too)."""
    folder = root.resolve()
    resolved = path.resolve()
    if not resolved.is_relative_to(folder):
        raise DocumentError(
            f"{where} resolves to {resolved}, outside the corpus folder {folder}; "
            "a corpus reads only files inside its own folder"
        )


def _build(
    doc_id: str, text: str, path: Path | None, values: dict[str, object], where: str
) -> Document:
    """Check metadata values and make the ``Document``."""
    given = values.get("published")
    if isinstance(given, dt.date):  # a datetime too: its date as written
        values["published"] = given.isoformat()
    fields = {name: str(values.pop(name, "") or "").strip() for name in _OPTIONAL}
    extra = {str(k): str(v) for k, v in values.items()}
    publisher_type = fields["publisher_type"] or _guess_publisher(fields["url"], path, extra)
    published_text = fields["published"]
    published = parse_published(published_text, where) if published_text else None
    inferred = extra.get("published_source") == "inferred"
    if published is None:
        found = infer_reference(text)
        if found is not None:
            published, how = found
            inferred = True
            extra["published_how"] = str(how)
    return Document(
        doc_id=doc_id,
        text=text,
        path=path,
        title=fields["title"],
        outlet=fields["outlet"],
        publisher_type=publisher_type,
        published=published,
        published_text=published_text,
        published_inferred=inferred,
        url=fields["url"],
        language=fields["language"] or "en",
        extra=extra,
    )


def _guess_publisher(url: str, path: Path | None, extra: dict[str, str]) -> str:
    """A missing publisher type: the domain table's guess (marked in ``extra``) or unknown."""
    # on use: timeline.sources reads table cells, and timeline.table imports this module
    from timeline.sources import guess_publisher

    guess = guess_publisher(url, path.parent if path is not None else None) if url else None
    if guess is None:
        return UNKNOWN_PUBLISHER
    extra["publisher_type_source"] = f"guessed from the domain table ({guess.pattern})"
    return guess.publisher_type


def _document_text(path: Path) -> str:
    """The text of a corpus file: saved pages and PDFs through ``timeline.sources``."""
    if path.suffix.lower() in (".html", ".htm", ".pdf"):
        from timeline.sources import read_source_text  # on use: an import circle (above)

        return read_source_text(path)
    return _read_text(path)


def _read_text(path: Path) -> str:
    """Read a UTF-8 file as ``read_text(encoding="utf-8-sig")`` would, with clear errors."""
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise DocumentError(f"{path}: file not found") from exc
    except IsADirectoryError as exc:
        raise DocumentError(f"{path}: is a folder, expected a text file") from exc
    except OSError as exc:
        raise DocumentError(f"{path}: cannot be read ({exc.strerror})") from exc
    return _decode(data, path)


def _decode(data: bytes, path: object) -> str:
    """Decode a text's bytes as ``_read_text`` does; ``path`` names it in errors."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DocumentError(
            f"{path}: not valid UTF-8 at byte {exc.start} ({exc.reason}: "
            f"{data[exc.start : exc.start + 1]!r})"
        ) from exc
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")
