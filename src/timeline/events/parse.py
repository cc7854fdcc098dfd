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


def parse(text: str, language: str = "en") -> list[Any]:
    """The tokens of a text, each with its parse, in order; offsets are ``token.idx``.

    Long texts are cut at line breaks into pieces of at most ``_PIECE`` characters, so the
    cost stays linear in the length; offsets are shifted back into the whole text.
    """
    nlp = _pipeline(language)
    out = []
    start = 0
    while start < len(text):
        end = min(len(text), start + _PIECE)
        if end < len(text):
            cut = text.rfind("\n", start, end)
            end = cut + 1 if cut > start else end
        out.append((start, nlp(text[start:end])))
        start = end
    return out
