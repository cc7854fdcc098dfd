"""Language data, apart from the engines that use it: one subpackage per language code.

``date_language(code)`` returns the ``DateLanguage`` of a code, looked up in this order:

1. a language registered with ``register_language`` (a test or a user adding one as data);
2. a module ``timeline.lang.<code>.dates`` defining ``LANGUAGE`` (English: ``lang/en``);
3. dateparser's locale data, which covers about 200 languages: a language without its own
   module gets its month and weekday names from there, and with them written dates ("10
   juillet 2019", "juillet 2019") and weekday names, nothing more.

Loading reads no file at import time; each language is built on first request and cached.

>>> date_language("en").word("month", "july")
7
>>> date_language("fr").word("month", "juillet")
7
"""

from __future__ import annotations

import importlib
from functools import lru_cache
from importlib import resources

from timeline.lang.generic import from_dateparser
from timeline.lang.model import DateLanguage, Scanner

__all__ = [
    "DateLanguage",
    "Scanner",
    "date_language",
    "register_language",
    "unregister_language",
]

_REGISTERED: dict[str, DateLanguage] = {}


def register_language(language: DateLanguage) -> DateLanguage:
    """Make ``language`` what ``date_language(language.code)`` returns, and return it.

    A registered language takes precedence over a module or dateparser's data of the same
    code; registering another language under the code replaces it.

    >>> lang = register_language(DateLanguage("x-demo", scanners=()))
    >>> date_language("x-demo") is lang
    True
    """
    _REGISTERED[language.code] = language
    return language


def unregister_language(code: str) -> None:
    """Forget the language registered under ``code`` (nothing happens if there is none).

    >>> unregister_language("x-demo")
    >>> "x-demo" in _REGISTERED
    False
    """
    _REGISTERED.pop(code, None)


def date_language(code: str) -> DateLanguage:
    """The date grammar and words of language ``code`` (``"en"``, ``"fr"`` ...).

    Raises:
        ValueError: no module, registration or dateparser locale knows ``code``.
    """
    if not isinstance(code, str):
        raise ValueError(f"language must be a language code such as 'en', got {code!r}")
    if code in _REGISTERED:
        return _REGISTERED[code]
    return _built_in(code)


@lru_cache(maxsize=64)
def _built_in(code: str) -> DateLanguage:
    if code.isidentifier() and resources.files(__name__).joinpath(code, "dates.py").is_file():
        return importlib.import_module(f"{__name__}.{code}.dates").LANGUAGE
    language = from_dateparser(code)
    if language is None:
        raise ValueError(
            f"language {code!r} is not supported: timeline.lang has no module for it and "
            "dateparser has no locale of that code; use a code such as 'en', 'fr', 'de', or "
            "register a DateLanguage with timeline.lang.register_language"
        )
    return language
