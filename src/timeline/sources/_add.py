"""``add_source``: one URL, saved page, PDF or text file into a corpus folder.

What lands in the corpus folder:

- ``<doc_id>.txt``: the main text (UTF-8), which everything downstream reads;
- ``raw/<sha256>.<ext>``: the bytes as fetched or read, never overwritten (a changed page gets
  a new file beside the old one), and ``raw/<sha256>.json``: where and when they came from;
- one row of ``manifest.csv`` (created when absent, rewritten atomically), whose extra columns
  say where each value came from (``published_source``, ``publisher_type_source``,
  ``field_sources``) and which bytes the text was derived from (``source``, ``raw``,
  ``sha256``, ``fetched``, ``media_type``, ``pages``).

A source already in the manifest (same URL, same file path or same bytes) is not fetched or
read again unless ``refresh`` is true; then a change of bytes re-derives the text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import urllib.parse
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from timeline._io import atomic_write
from timeline._published import parse_published
from timeline.dates import infer_reference
from timeline.errors import SourceError
from timeline.schema import ID_PATTERN
from timeline.sources._fetch import Fetched, Limits, fetch
from timeline.sources._html import decode_html, extract_page
from timeline.sources._manifest import (
    BASE_COLUMNS,
    MANIFEST,
    RAW,
    read_manifest,
    write_manifest,
)
from timeline.sources._pdf import extract_pdf
from timeline.sources._publishers import guess_publisher

GIVEN_FIELDS = ("doc_id", "title", "outlet", "publisher_type", "published", "language", "url")
FILE_TYPES = {
    ".html": "text/html",
    ".htm": "text/html",
    ".pdf": "application/pdf",
    ".txt": "text/plain",
    ".md": "text/markdown",
}
_EXTENSIONS = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "application/pdf": ".pdf",
    "text/plain": ".txt",
    "text/markdown": ".md",
}


@dataclass(frozen=True)
class Added:
    """What ``add_source`` did with one source.

    ``status`` is ``added``, ``unchanged`` (refreshed, same bytes), ``changed`` (refreshed,
    new bytes, text re-derived) or ``present`` (already in the corpus; nothing fetched).
    """

    source: str
    doc_id: str
    status: str
    file: str
    row: Mapping[str, str] = field(default_factory=dict)

    def to_text(self) -> str:
        """One line for the command's output.

        >>> Added("a.html", "a-1", "added", "a-1.txt").to_text()
        'added a.html as a-1 (a-1.txt)'
        """
        if self.status == "present":
            return (
                f"already in the corpus: {self.source} as {self.doc_id} "
                "(use --refresh to fetch again)"
            )
        if self.status == "changed":
            return (
                f"changed: {self.source} ({self.doc_id}): new bytes kept beside the old ones, "
                f"text re-derived in {self.file}; re-anchor evidence with "
                "`timeline validate EVENTS --corpus DIR --fix`"
            )
        if self.status == "unchanged":
            return f"unchanged: {self.source} ({self.doc_id})"
        return f"added {self.source} as {self.doc_id} ({self.file})"


def add_source(
    source: str | os.PathLike[str],
    corpus: str | os.PathLike[str],
    *,
    refresh: bool = False,
    limits: Limits = Limits(),  # noqa: B008 (a frozen dataclass)
    given: Mapping[str, str] | None = None,
    clock: Callable[[], dt.datetime] | None = None,
) -> Added:
    """Add one source (URL or file) to a corpus folder as a text file and a manifest row.

    Args:
        source: an ``http(s)://`` URL, or a ``.html``/``.htm``/``.pdf``/``.txt``/``.md`` file.
        corpus: the corpus folder (created when absent).
        refresh: fetch (or read) a source already in the corpus again and re-derive its text
            when its bytes changed.
        limits: timeout, size and redirect limits for URLs.
        given: values the user states (``doc_id``, ``title``, ``outlet``, ``publisher_type``,
            ``published``, ``language``, ``url``); they win over what is extracted and are
            marked ``given``.
        clock: returns the fetch time (UTC); the default reads the system clock. It is the
            only clock reading, and only for URLs.

    Raises:
        SourceError: the source cannot be fetched or read, or gives no text (the message
            names it and says what to do); nothing is written then.

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "note.txt").write_text("Talks began on 3 May 2030.", encoding="utf-8")
    >>> add_source(folder / "note.txt", folder / "corpus").status
    'added'
    >>> add_source(folder / "note.txt", folder / "corpus").status
    'present'
    """
    root = Path(corpus)
    if root.exists() and not root.is_dir():
        raise SourceError(f"{root}: not a folder (expected a corpus folder)")
    stated = _check_given(given or {})
    header, rows = read_manifest(root)
    text = str(source)
    is_url = bool(re.match(r"[A-Za-z][A-Za-z0-9+.-]*://", text))
    key = text if is_url else str(Path(text).resolve())
    existing = _find(rows, key, None)
    if existing is not None and not refresh:
        return Added(text, existing["doc_id"], "present", existing["file"], existing)
    if is_url:
        fetched = fetch(text, limits)
        when = (clock or _utc_now)().astimezone(dt.UTC).isoformat(timespec="seconds")
    else:
        fetched = _read_file(Path(text))
        when = ""
    sha = hashlib.sha256(fetched.body).hexdigest()
    existing = existing or (None if is_url else _find(rows, None, sha))
    if existing is not None:
        stated = {**_given_before(existing), **stated}
    if existing is not None and existing.get("sha256") == sha:
        status = "unchanged" if refresh else "present"
        return Added(text, existing["doc_id"], status, existing["file"], existing)
    derived = _derive(fetched, text, stated)
    row = _row(derived, stated, fetched, key, sha, when, rows, existing, root)
    if existing is None and (root / row["file"]).exists():
        raise SourceError(
            f"{root / row['file']}: already exists but is not in the manifest; nothing was "
            "overwritten (move it away or give another --doc-id)"
        )
    _write_raw(root, sha, fetched, key, when)
    atomic_write(root / row["file"], derived["text"])
    rows = [row if r is existing else r for r in rows] if existing else [*rows, row]
    write_manifest(root, header, rows)
    return Added(text, row["doc_id"], "changed" if existing else "added", row["file"], row)


def _check_given(given: Mapping[str, object]) -> dict[str, str]:
    """The values a user states, checked: known fields, a slug doc_id, an ISO date."""
    stated = {k: str(v).strip() for k, v in given.items() if str(v or "").strip()}
    unknown = sorted(set(stated) - set(GIVEN_FIELDS))
    if unknown:
        raise SourceError(
            f"unknown field(s) {', '.join(unknown)} (known: {', '.join(GIVEN_FIELDS)})"
        )
    if "doc_id" in stated and not re.fullmatch(ID_PATTERN, stated["doc_id"]):
        raise SourceError(
            f"doc_id {stated['doc_id']!r} is not a slug of letters, digits, '.', '_' and '-' "
            "starting with a letter or digit"
        )
    if "published" in stated:
        parse_published(stated["published"], "the published value given")
    return stated


def _given_before(row: Mapping[str, str]) -> dict[str, str]:
    """The values a user stated when the source was first added (kept on refresh)."""
    marks = row.get("field_sources", "")
    kept = {n: row.get(n, "") for n in GIVEN_FIELDS[1:] if f"{n}: given" in marks}
    if row.get("published_source") == "given":
        kept["published"] = row.get("published", "")
    if row.get("publisher_type_source") == "given":
        kept["publisher_type"] = row.get("publisher_type", "")
    return {k: v for k, v in kept.items() if v}


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _find(rows: list[dict[str, str]], key: str | None, sha: str | None) -> dict[str, str] | None:
    for row in rows:
        if key is not None and row.get("source") == key:
            return row
        if sha is not None and row.get("sha256") == sha:
            return row
    return None


def _read_file(path: Path) -> Fetched:
    suffix = path.suffix.lower()
    if suffix not in FILE_TYPES:
        raise SourceError(
            f"{path}: unsupported file type {suffix or '(no suffix)'!r} "
            f"(supported: {', '.join(FILE_TYPES)}, or an http(s):// URL)"
        )
    try:
        body = path.read_bytes()
    except FileNotFoundError as exc:
        raise SourceError(f"{path}: file not found") from exc
    except OSError as exc:
        raise SourceError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    return Fetched(str(path), str(path), FILE_TYPES[suffix], "", body)


def derive_text(fetched: Fetched, where: str) -> dict[str, str]:
    """Text and metadata from raw bytes, by media type (no network, no files written)."""
    if fetched.media_type == "application/pdf":
        pdf = extract_pdf(fetched.body, where)
        return {
            "text": pdf.text,
            "title": pdf.title,
            "author": pdf.author,
            "pages": ";".join(str(s) for s in pdf.page_starts),
            "sources": "title: PDF metadata" if pdf.title else "",
        }
    if fetched.media_type in ("text/html", "application/xhtml+xml"):
        html, _ = decode_html(fetched.body, fetched.charset, where)
        url = fetched.final_url if "://" in fetched.final_url else ""
        page = extract_page(html, url, where)
        sources = []
        if page.title:
            sources.append("title: page metadata")
        if page.outlet:
            parts = urllib.parse.urlsplit(url)
            hosts = {parts.hostname or "", parts.netloc, parts.netloc.removeprefix("www.")}
            sources.append(f"outlet: {'url host' if page.outlet in hosts else 'page metadata'}")
        if page.author:
            sources.append("author: page metadata")
        if page.url:
            sources.append(f"url: {'fetched' if page.url == url else 'canonical link'}")
        if page.language:
            sources.append("language: page metadata")
        return {
            "text": page.text,
            "title": page.title,
            "outlet": page.outlet,
            "author": page.author,
            "url": page.url,
            "language": page.language,
            "published": page.published,
            "published_source": page.published_source,
            "sources": "; ".join(sources),
        }
    text = _plain_text(fetched, where)
    return {"text": text}


def _derive(fetched: Fetched, where: str, stated: Mapping[str, str]) -> dict[str, str]:
    derived = derive_text(fetched, where)
    if not derived["text"].strip():
        raise SourceError(f"{where}: holds no text; nothing was added")
    if not derived.get("published") and "published" not in stated:
        found = infer_reference(derived["text"])
        if found is not None:
            derived["published"] = found[0].isoformat()
            derived["published_source"] = "inferred"
    return derived


def _plain_text(fetched: Fetched, where: str) -> str:
    try:
        text = fetched.body.decode(fetched.charset or "utf-8-sig")
    except (UnicodeDecodeError, LookupError) as exc:
        raise SourceError(
            f"{where}: not valid {fetched.charset or 'UTF-8'} text ({exc}); save it as UTF-8"
        ) from exc
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return text if text.endswith("\n") else text + "\n"


def _row(
    derived: Mapping[str, str],
    stated: Mapping[str, str],
    fetched: Fetched,
    key: str,
    sha: str,
    when: str,
    rows: list[dict[str, str]],
    existing: Mapping[str, str] | None,
    root: Path,
) -> dict[str, str]:
    """The manifest row: given values first, then extracted ones, then guesses."""
    url = stated.get("url") or derived.get("url", "") or (key if "://" in key else "")
    values = {name: stated.get(name) or derived.get(name, "") for name in BASE_COLUMNS[2:]}
    values["url"] = url
    sources = [s for s in derived.get("sources", "").split("; ") if s]
    sources = [s for s in sources if s.split(":")[0] not in stated]
    sources += [f"{name}: given" for name in GIVEN_FIELDS[1:] if name in stated]
    published_source = "given" if "published" in stated else derived.get("published_source", "")
    kind_source = "given" if "publisher_type" in stated else ""
    if not values["publisher_type"]:
        guess = guess_publisher(url, root) if url else None
        if guess is not None:
            values["publisher_type"] = guess.publisher_type
            kind_source = f"guessed from the domain table ({guess.pattern}: {guess.why})"
            if not values["outlet"] and guess.outlet:
                values["outlet"] = guess.outlet
                sources.append("outlet: domain table (guessed)")
        else:
            values["publisher_type"], kind_source = "unknown", "missing"
    doc_id = existing["doc_id"] if existing else _doc_id(stated, key, sha, rows)
    return {
        "doc_id": doc_id,
        "file": existing["file"] if existing else f"{doc_id}.txt",
        **values,
        "author": derived.get("author", ""),
        "published_source": published_source if values["published"] else "",
        "publisher_type_source": kind_source,
        "field_sources": "; ".join(sources),
        "source": key,
        "raw": f"{RAW}/{sha}{_EXTENSIONS.get(fetched.media_type, '.bin')}",
        "sha256": sha,
        "fetched": when,
        "media_type": fetched.media_type,
        "pages": derived.get("pages", ""),
    }


def _doc_id(stated: Mapping[str, str], key: str, sha: str, rows: list[dict[str, str]]) -> str:
    """The given doc_id (refused when the manifest has it already) or a new one."""
    if "doc_id" not in stated:
        return _new_id(key, sha, rows)
    if any(r.get("doc_id") == stated["doc_id"] for r in rows):
        raise SourceError(
            f"doc_id {stated['doc_id']!r} is already in the manifest for another source; "
            "give another --doc-id"
        )
    return stated["doc_id"]


def _new_id(key: str, sha: str, rows: list[dict[str, str]]) -> str:
    """``<host or file stem>-<8 hex digits>``, unique in the manifest."""
    if "://" in key:
        stem = urllib.parse.urlsplit(key).hostname or "page"
        stem = stem.removeprefix("www.")
    else:
        stem = Path(key).stem
    slug = re.sub(r"[^A-Za-z0-9]+", "-", stem).strip("-").lower()[:40] or "doc"
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest() if "://" in key else sha
    taken = {r.get("doc_id") for r in rows}
    for width in range(8, 65, 4):
        candidate = f"{slug}-{digest[:width]}"
        if candidate not in taken:
            return candidate
    raise SourceError(f"{key}: cannot make a doc_id not already in the manifest")


def _write_raw(root: Path, sha: str, fetched: Fetched, key: str, when: str) -> None:
    """Keep the bytes and where they came from; an existing file with this hash is kept."""
    target = root / RAW / f"{sha}{_EXTENSIONS.get(fetched.media_type, '.bin')}"
    if not target.exists():
        atomic_write(target, fetched.body)
    record = {
        "sha256": sha,
        "source": key,
        "final_url": fetched.final_url if "://" in key else "",
        "media_type": fetched.media_type,
        "charset": fetched.charset,
        "bytes": len(fetched.body),
        "fetched": when,
    }
    sidecar = root / RAW / f"{sha}.json"
    if not sidecar.exists():
        atomic_write(sidecar, json.dumps(record, indent=2, sort_keys=True) + "\n")


def read_source_text(path: str | os.PathLike[str]) -> str:
    """The main text of a saved page (``.html``/``.htm``) or a PDF, as a corpus reads it.

    Raises:
        DocumentError: the file cannot be read or yields no text (a ``SourceError``).

    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "p.html"
    >>> _ = p.write_text("<html><body><article><p>The envoy arrived on 3 May 2030 for two "
    ...                  "days of talks on the harbour.</p></article></body></html>")
    >>> read_source_text(p)
    'The envoy arrived on 3 May 2030 for two days of talks on the harbour.\\n'
    """
    source = Path(path)
    fetched = _read_file(source)
    return derive_text(fetched, str(source))["text"]


def rederive(corpus: str | os.PathLike[str]) -> list[Added]:
    """Derive every text of a corpus again from its raw bytes, offline; rewrite the changed ones.

    Run it after upgrading the extractors (trafilatura, pypdf) or editing a saved page; then
    ``timeline validate EVENTS --corpus DIR --fix`` re-anchors evidence whose offsets drifted.
    Only ``raw/`` is read: nothing is fetched. Rows without raw bytes (hand-written rows) are
    left alone. The status of each row is ``changed`` or ``unchanged``.

    Raises:
        SourceError: a raw file named by the manifest is missing or yields no text.

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "n.txt").write_text("Talks began on 3 May 2030.", encoding="utf-8")
    >>> _ = add_source(folder / "n.txt", folder / "c")
    >>> [a.status for a in rederive(folder / "c")]
    ['unchanged']
    """
    root = Path(corpus)
    header, rows = read_manifest(root)
    done: list[Added] = []
    changed = False
    for row in rows:
        if not row.get("raw"):
            continue
        raw = _inside(root, row["raw"], row["doc_id"])
        target = _inside(root, row["file"], row["doc_id"])
        try:
            body = raw.read_bytes()
        except OSError as exc:
            raise SourceError(
                f"{raw}: raw bytes of {row['doc_id']!r} cannot be read ({exc})"
            ) from exc
        record = _sidecar(root, row.get("sha256", ""))
        final = record.get("final_url") or row.get("source", "")
        fetched = Fetched(
            row.get("source", ""), final, row.get("media_type", ""), record.get("charset", ""), body
        )
        derived = derive_text(fetched, str(raw))
        old = target.read_text(encoding="utf-8") if target.exists() else None
        status = "unchanged" if old == derived["text"] else "changed"
        if status == "changed":
            atomic_write(target, derived["text"])
            row["pages"] = derived.get("pages", row.get("pages", ""))
            changed = True
        done.append(Added(row.get("source", ""), row["doc_id"], status, row["file"], row))
    if changed:
        write_manifest(root, header, rows)
    return done


def _inside(root: Path, name: str, doc_id: str) -> Path:
    """``root / name``, refusing a manifest path that leads out of the corpus folder."""
    path = (root / name).resolve()
    if not path.is_relative_to(root.resolve()):
        raise SourceError(
            f"{root / MANIFEST}: {name!r} of doc_id {doc_id!r} is outside the corpus folder"
        )
    return path


def _sidecar(root: Path, sha: str) -> dict[str, str]:
    path = root / RAW / f"{sha}.json"
    try:
        return {k: str(v) for k, v in json.loads(path.read_text(encoding="utf-8")).items()}
    except (OSError, ValueError):
        return {}
