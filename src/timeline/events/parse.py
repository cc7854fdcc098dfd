"""Parsing a document with the language's spaCy pipeline (loaded once per process)."""

from __future__ import annotations

from functools import cache
from typing import Any

from timeline.errors import DocumentError
from timeline.events.words import words_for

# spaCy keeps a document's parse in memory; longer texts are parsed in pieces at line breaks.
_PIECE = 100_000


@cache
def _pipeline(language: str) -> Any:
    """The spaCy pipeline of a language's data (``MODEL``), without parts the engine skips."""
    import importlib

    name = words_for(language).MODEL
    try:
        package = importlib.import_module(name)
    except ModuleNotFoundError as exc:
        raise DocumentError(
            f"the spaCy pipeline {name!r} for language {language!r} is not installed "
            f"(pip install {name.replace('_', '-')})"
        ) from exc
    return package.load()


def parse(pieces: list[tuple[int, str]], language: str = "en") -> list[tuple[int, Any]]:
    """Parse pieces of a text (each with its start offset): ``[(start, spacy Doc), ...]``.

    A token's offset in the whole text is ``start + token.idx``. Pieces longer than
    ``_PIECE`` characters are cut at spaces, so memory and time stay linear in the length.
    """
    nlp = _pipeline(language)
    cut: list[tuple[int, str]] = []
    for start, text in pieces:
        while len(text) > _PIECE:
            at = text.rfind(" ", 0, _PIECE)
            at = at if at > 0 else _PIECE
            cut.append((start, text[:at]))
            start, text = start + at, text[at:]
        cut.append((start, text))
    parsed = nlp.pipe([text for _, text in cut], batch_size=64)
    return [(start, doc) for (start, _), doc in zip(cut, parsed, strict=True)]
