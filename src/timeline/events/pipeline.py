"""``extract_events``: documents in, a candidate events table out.

The pipeline: every document through ``document.PASSES`` (date mentions, parse, dated
clauses, the document's own act, confidence, merging within the document), then across
documents: merge, link reactions to what they answer, build rows.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

import pandas as pd

from timeline.errors import DocumentError
from timeline.events import linking, merging, rows
from timeline.events.document import document_candidates
from timeline.events.model import Candidate
from timeline.events.words import words_for


def extract_events(
    documents: Iterable[Any] | str | os.PathLike[str],
    *,
    jobs: int = 1,
    progress: bool = False,
    min_confidence: float = 0.0,
    scheduler: Any = None,
) -> pd.DataFrame:
    """Extract candidate events and responses from documents into an events table.

    Args:
        documents: ``Document`` records (as ``load_documents`` returns them), or where they
            are: a corpus folder, a glob of files or an fsspec URL (``timeline.read_corpus``).
        jobs: worker processes; above 1 the documents are processed by a process pool, with
            the same result as ``jobs=1``. With ``scheduler="local"``, the Dask workers.
        progress: show a progress bar on standard error.
        min_confidence: drop rows whose confidence (see ``timeline.events.confidence``) is
            below this value.
        scheduler: run the per-document step on Dask: ``"local"`` (a
            ``LocalCluster`` for this call), a scheduler address (``"tcp://host:8786"``) or a
            ``dask.distributed.Client``; a location is then read by the workers. The merge
            across documents runs here, so the table is the same as without a scheduler.

    Returns:
        A DataFrame with the columns of ``timeline.table.COLUMNS`` and their dtypes, every
        row ``reviewed`` false, sorted by date then ``event_id``.

    Raises:
        DocumentError: an item is not a document, or two documents share a ``doc_id``.
        ClusterError: the Dask scheduler cannot be reached or started.
        ValueError: ``jobs`` is not a positive integer.

    >>> import datetime as dt
    >>> from timeline.documents import Document
    >>> doc = Document("d1", "The ministry issued a statement on 3 May 2021.",
    ...                published=dt.date(2021, 5, 4))
    >>> extract_events([doc])[["category", "date_start"]].astype(str).values.tolist()
    [['statement', '2021-05-03']]
    """
    if isinstance(documents, str | os.PathLike):
        from timeline import distributed

        if scheduler is not None:
            _checked([], jobs)
            docs, per_doc = distributed.map_corpus(
                document_candidates, documents, scheduler=scheduler, jobs=jobs, progress=progress
            )
            return candidates_table(docs, per_doc, min_confidence=min_confidence)
        documents = distributed.read_corpus(documents)
    docs = _checked(documents, jobs)
    per_doc = map_documents(docs, jobs=jobs, progress=progress, scheduler=scheduler)
    return candidates_table(docs, per_doc, min_confidence=min_confidence)


def _checked(documents: Iterable[Any], jobs: int) -> list[Any]:
    docs = list(documents)
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise ValueError(f"jobs must be a positive integer, got {jobs!r}")
    seen: set[str] = set()
    for number, doc in enumerate(docs):
        if not hasattr(doc, "doc_id") or not isinstance(getattr(doc, "text", None), str):
            raise DocumentError(
                f"extract_events: item {number} is a {type(doc).__name__}, not a Document "
                "(use timeline.load_documents to read a corpus folder)"
            )
        if doc.doc_id in seen:
            raise DocumentError(f"extract_events: doc_id {doc.doc_id!r} occurs twice")
        seen.add(doc.doc_id)
    return docs


def map_documents(
    docs: list[Any], *, jobs: int = 1, progress: bool = False, scheduler: Any = None
) -> list[list[Candidate]]:
    """Candidates of every document, in order (process pool if jobs > 1; Dask if a scheduler)."""
    if scheduler is not None:
        from timeline import distributed

        return distributed.map_documents(
            document_candidates, docs, scheduler=scheduler, jobs=jobs, progress=progress
        )
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(docs), desc="extracting", unit="doc", file=None)
    try:
        if jobs == 1 or len(docs) < 2:
            results = map(document_candidates, docs)
            out = []
            for result in results:
                out.append(result)
                if bar is not None:
                    bar.update()
            return out
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            out = []
            for result in pool.map(
                document_candidates, docs, chunksize=max(1, len(docs) // (jobs * 8))
            ):
                out.append(result)
                if bar is not None:
                    bar.update()
            return out
    finally:
        if bar is not None:
            bar.close()


def candidates_table(
    docs: list[Any], per_doc: list[list[Candidate]], *, min_confidence: float = 0.0
) -> pd.DataFrame:
    """The cross-document step: merge, link, and build the sorted table."""
    from timeline.table import COLUMNS, events_frame, sort_events

    by_id = {doc.doc_id: doc for doc in docs}
    language = next((getattr(d, "language", "en") or "en" for d in docs), "en")
    words = words_for(language)
    merged = [c for c in merging.merge_across(per_doc) if c.confidence >= min_confidence]
    published = {doc.doc_id: doc.published for doc in docs if doc.published is not None}
    linking.link(merged, words, published)
    ids = rows.event_ids(merged)
    records = []
    for k, cand in enumerate(merged):
        target = merged[cand.target] if cand.target is not None else None
        answer = ids[cand.target] if cand.target is not None else ""
        record = rows.record(cand, ids[k], answer, by_id[cand.doc_id], target, words)
        records.append({key: value for key, value in record.items() if key in COLUMNS})
    return sort_events(events_frame(records))
