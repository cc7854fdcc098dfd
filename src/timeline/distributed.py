"""Corpora beyond one machine: documents read where they are, extraction on a Dask cluster.

``extract_events(..., scheduler=...)`` hands its per-document function and the documents to
``map_documents`` (or a corpus location to ``map_corpus``); the per-document results come back
in document order and the cross-document merge runs on the client, so the table is the serial
run's, row for row.

A corpus location is a folder (with ``manifest.csv``, or of ``.txt`` files), a glob of files
(``news/2019-*.txt``) or one of these as any fsspec URL (``s3://bucket/news/*.txt``,
``file:///data/corpus``). With a scheduler the workers read the texts themselves: the client
lists the files (and reads the manifest) and sends only their names, in batches. The workers
must see the same paths (a shared file system or an object store) and have ``timeline``
installed; the documents then come back to the client with their results, because the merge
quotes evidence from them.

``scheduler`` is one of:

- ``"local"``: a ``dask.distributed.LocalCluster`` started for the call and closed after it,
  listening on loopback only, one single-threaded worker process per job (``jobs`` workers
  when ``jobs`` > 1, else Dask's default for the machine);
- a scheduler address such as ``"tcp://10.0.0.5:8786"``: that cluster, left running;
- a ``dask.distributed.Client``: used as it is and left open.
"""

from __future__ import annotations

import logging
import math
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from timeline.documents import (
    MANIFEST,
    Document,
    _build,
    _decode,
    _from_row,
    _read_manifest,
    load_document,
    load_documents,
)
from timeline.errors import ClusterError, DocumentError

_MAX_BATCH = 32
"""The most documents one task carries: enough to make the scheduler's cost per task small,
few enough that the progress bar moves and a slow document does not hold many others."""
_TASKS_PER_THREAD = 4
"""Tasks per worker thread at least, so that the last tasks do not leave workers idle."""
_CONNECT_TIMEOUT = "20s"


@dataclass(frozen=True)
class _Source:
    """A document still to be read: where it is, and its manifest row when there is one."""

    doc_id: str
    url: str
    row: tuple[tuple[str, str], ...] = ()
    number: int = 0  # the manifest row number; 0 without a manifest
    root: str = ""  # the corpus folder of a manifest row


# --------------------------------------------------------------------------- reading


def read_corpus(location: str | os.PathLike[str]) -> list[Document]:
    """Load the documents of a folder, a glob of files or an fsspec URL, sorted by ``doc_id``.

    A local folder is read by ``load_documents`` (manifest or bare ``.txt`` files); a glob
    (``corpus/*.txt``) or a URL (``s3://bucket/news/``, ``file:///data/*.txt``) is listed by
    fsspec, each file's ``doc_id`` being its stem unless a folder's ``manifest.csv`` names it.
    Texts are decoded as ``load_documents`` decodes them.

    Raises:
        DocumentError: nothing is found there, a text cannot be read or decoded, two files
            share a ``doc_id``, or the manifest is malformed (the message names the file).

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "b2.txt").write_text("Published on 3 May 2020.", encoding="utf-8")
    >>> _ = (folder / "a1.txt").write_text("Issued on 4 May 2020.", encoding="utf-8")
    >>> [d.doc_id for d in read_corpus(f"{folder}/*.txt")]
    ['a1', 'b2']
    """
    fs, path = _filesystem(location)
    if _is_local(fs) and not _is_glob(path):
        return load_documents(path if "://" in os.fspath(location) else location)
    return [_read(source) for source in _sources(location)]


def _filesystem(location: str | os.PathLike[str]) -> tuple[Any, str]:
    """The fsspec file system of a location and the path within it."""
    from fsspec.core import url_to_fs  # on use: fsspec takes ~0.1 s to import

    try:
        return url_to_fs(os.fspath(location))
    except (ImportError, ValueError) as exc:
        raise DocumentError(
            f"{location}: cannot open this location ({exc}); give a folder, a glob of files "
            "or an fsspec URL whose file system is installed (s3:// needs s3fs, gs:// gcsfs)"
        ) from exc


def _is_local(fs: Any) -> bool:
    from fsspec.implementations.local import LocalFileSystem  # on use, as above

    return isinstance(fs, LocalFileSystem)


def _is_glob(path: str) -> bool:
    return any(c in path for c in "*?[")


def _sources(location: str | os.PathLike[str]) -> list[_Source]:
    """List the documents of a corpus location without reading their texts."""
    fs, path = _filesystem(location)
    if _is_glob(path):
        files = _files(fs, path)
        if not files:
            raise DocumentError(f"{location}: no file matches this pattern")
        sources = [_Source(PurePosixPath(p).stem, fs.unstrip_protocol(p)) for p in files]
    elif fs.isdir(path):
        sources = _folder_sources(fs, path, location)
    else:
        raise DocumentError(f"{location}: corpus folder not found")
    return _checked(sources, location)


def _folder_sources(fs: Any, path: str, location: object) -> list[_Source]:
    """The documents of a folder: its manifest's rows, else its ``.txt`` files."""
    folder = path.rstrip("/")
    manifest = f"{folder}/{MANIFEST}"
    if not fs.isfile(manifest):
        files = _files(fs, f"{folder}/*.txt")
        if not files:
            raise DocumentError(f"{location}: no {MANIFEST} and no .txt files")
        return [_Source(PurePosixPath(p).stem, fs.unstrip_protocol(p)) for p in files]
    where = manifest if _is_local(fs) else fs.unstrip_protocol(manifest)
    rows = _read_manifest(where, _decode(fs.cat_file(manifest), where))
    if not rows:
        raise DocumentError(f"{where}: lists no documents")
    root = folder if _is_local(fs) else fs.unstrip_protocol(folder)
    return [
        _Source(
            row["doc_id"].strip(),
            f"{root}/{row['file'].strip()}",
            tuple(row.items()),
            number,
            root,
        )
        for number, row in rows
    ]


def _files(fs: Any, pattern: str) -> list[str]:
    """The files (not folders) matching a glob, sorted; one listing, no request per file."""
    found = fs.glob(pattern, detail=True)
    return sorted(p for p, info in found.items() if info.get("type") == "file")


def _checked(sources: list[_Source], location: object) -> list[_Source]:
    """The sources sorted by ``doc_id``; a ``doc_id`` seen twice is an error."""
    seen: dict[str, str] = {}
    for source in sources:
        if source.doc_id in seen:
            raise DocumentError(
                f"{location}: duplicate doc_id {source.doc_id!r} "
                f"({seen[source.doc_id]} and {source.url})"
            )
        seen[source.doc_id] = source.url
    return sorted(sources, key=lambda s: s.doc_id)


def _read(source: _Source) -> Document:
    """Read one document where it is (on a worker, or on the client)."""
    fs, path = _filesystem(source.url)
    if _is_local(fs):
        if source.number:
            return _from_row(Path(source.root), source.number, dict(source.row))
        return load_document(Path(path))
    row = dict(source.row)
    where = f"{source.root}/{MANIFEST} row {source.number}" if source.number else source.url
    try:
        data = fs.cat_file(path)
    except FileNotFoundError as exc:
        raise DocumentError(f"{where}: file {source.url} not found") from exc
    except OSError as exc:
        raise DocumentError(f"{where}: {source.url} cannot be read ({exc})") from exc
    values: dict[str, object] = {k: v for k, v in row.items() if k not in ("doc_id", "file")}
    if not source.doc_id:
        raise DocumentError(f"{where}: empty doc_id")
    return _build(source.doc_id, _decode(data, source.url), None, values, where)


# --------------------------------------------------------------------------- running


def map_documents(
    func: Callable[[Document], Any],
    documents: Sequence[Document],
    *,
    scheduler: Any,
    jobs: int = 1,
    progress: bool = False,
) -> list[Any]:
    """``func`` of every document, computed on a Dask cluster; the results in document order.

    ``func`` must be a module-level function (workers import it by name). The documents
    travel to the workers inside the tasks, in batches.

    Raises:
        ClusterError: the scheduler cannot be reached or started, or is not a valid value.

    Example (not run by the tests as a doctest: it starts worker processes)::

        map_documents(len_of_text, docs, scheduler="local", jobs=2)
    """
    return _run(_apply, func, list(documents), scheduler=scheduler, jobs=jobs, progress=progress)


def map_corpus(
    func: Callable[[Document], Any],
    location: str | os.PathLike[str],
    *,
    scheduler: Any,
    jobs: int = 1,
    progress: bool = False,
) -> tuple[list[Document], list[Any]]:
    """Read a corpus location on the workers and apply ``func`` there to each document.

    Returns:
        The documents, sorted by ``doc_id``, and ``func`` of each, in the same order.

    Raises:
        DocumentError: as ``read_corpus`` (raised on the client, whichever worker met it).
        ClusterError: as ``map_documents``.
    """
    sources = _sources(location)
    pairs = _run(_read_apply, func, sources, scheduler=scheduler, jobs=jobs, progress=progress)
    return [doc for doc, _ in pairs], [result for _, result in pairs]


def _apply(func: Callable[[Document], Any], docs: list[Document]) -> list[Any]:
    """One task: ``func`` of each document of a batch."""
    return [func(doc) for doc in docs]


def _read_apply(func: Callable[[Document], Any], sources: list[_Source]) -> list[Any]:
    """One task: read each document of a batch, then apply ``func`` to it."""
    out = []
    for source in sources:
        doc = _read(source)
        out.append((doc, func(doc)))
    return out


def _run(
    task: Callable[..., list[Any]],
    func: Callable[[Document], Any],
    items: list[Any],
    *,
    scheduler: Any,
    jobs: int,
    progress: bool,
) -> list[Any]:
    """Submit ``task(func, batch)`` for batches of ``items``; gather the results in order."""
    if not items:
        return []
    from dask.distributed import as_completed  # on use: Dask takes ~0.6 s to import

    with _client(scheduler, jobs) as client:
        threads = sum(client.nthreads().values()) or 1
        size = max(1, min(_MAX_BATCH, math.ceil(len(items) / (threads * _TASKS_PER_THREAD))))
        batches = [items[i : i + size] for i in range(0, len(items), size)]
        futures = [client.submit(task, func, batch, pure=False) for batch in batches]
        order = {future.key: i for i, future in enumerate(futures)}
        results: list[list[Any]] = [[] for _ in batches]
        bar = _bar(len(items)) if progress else None
        try:
            for future in as_completed(futures):
                i = order[future.key]
                results[i] = future.result()
                future.release()
                if bar is not None:
                    bar.update(len(batches[i]))
        finally:
            client.cancel([f for f in futures if not f.done()])
            if bar is not None:
                bar.close()
    return [result for batch in results for result in batch]


def _bar(total: int) -> Any:
    from tqdm import tqdm  # on use: only a run with a progress bar needs it

    return tqdm(total=total, desc="extracting (dask)", unit="doc", file=None)


@contextmanager
def _client(scheduler: Any, jobs: int) -> Iterator[Any]:
    """A Dask client for ``scheduler``; what this opens, it closes."""
    from dask.distributed import Client, LocalCluster  # on use: ~0.6 s to import

    if isinstance(scheduler, Client):
        yield scheduler
        return
    if scheduler == "local":
        workers = jobs if jobs > 1 else None
        try:
            cluster = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address="127.0.0.1:0",  # any free port: 8787 may be taken
                silence_logs=logging.ERROR,
            )
        except (OSError, RuntimeError) as exc:
            raise ClusterError(
                f"cannot start a local Dask cluster ({exc}); a script that starts one must "
                "do it under `if __name__ == '__main__':` (its workers import the script)"
            ) from exc
        with cluster, Client(cluster) as client:
            yield client
        return
    if not isinstance(scheduler, str) or not scheduler.strip():
        raise ClusterError(
            f"scheduler must be 'local', a Dask scheduler address such as "
            f"'tcp://10.0.0.5:8786' or a dask.distributed.Client, got {scheduler!r}"
        )
    try:
        client = Client(scheduler, timeout=_CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterError(
            f"cannot reach the Dask scheduler at {scheduler!r} ({exc}); give its address "
            "as tcp://HOST:PORT (dask scheduler prints it), or 'local' for this machine"
        ) from exc
    with client:
        yield client
