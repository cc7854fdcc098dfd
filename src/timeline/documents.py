"""Documents: one article or statement with its metadata, and loading a corpus folder.

(Skeleton: the ``Document`` record is the agreed contract; loading is being written.)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path


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


def load_documents(*args, **kwargs):
    raise NotImplementedError
