"""Shared fixtures: the project root and the ../shared data (skipped with a reason where absent)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from livelab import ARGS, CHROMIUM  # one definition of the browser the tests drive

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = Path(__file__).resolve().parent / "data"


def _shared(sub: str) -> Path:
    path = SHARED / sub
    if not path.exists():
        pytest.skip(
            f"{path} is absent (it sits beside the project in CI; a user's clone may lack it)"
        )
    return path


@pytest.fixture
def root() -> Path:
    return ROOT


@pytest.fixture
def corpus_dir() -> Path:
    """The five-document corpus of the first subject, ../shared/corpus."""
    return _shared("corpus")


@pytest.fixture
def corpus_dev_dir() -> Path:
    """The ten-document development corpus, ../shared/corpus-dev."""
    return _shared("corpus-dev")


@pytest.fixture
def gold_dir() -> Path:
    """Hand-made answers for the corpus, ../shared/gold."""
    return _shared("gold")


@pytest.fixture
def tempeval_dir() -> Path:
    """TempEval-3 TBAQ training data, ../shared/data/tempeval3/train."""
    return _shared("data/tempeval3/train")


@pytest.fixture
def wikiwars_dir() -> Path:
    """WikiWars TIMEX3 conversion, ../shared/data/wikiwars/timeml_syntime_conversion."""
    return _shared("data/wikiwars/timeml_syntime_conversion")


@pytest.fixture
def corpus_dev2_dir() -> Path:
    """The fifteen-document development corpus of three other sequences, ../shared/corpus-dev2."""
    return _shared("corpus-dev2")


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """One Chromium (Debian's, driven by Playwright) for every browser test of the run."""
    if not CHROMIUM.exists():
        pytest.fail(
            f"no Chromium at {CHROMIUM}: the browser tests need it; "
            "install it with `sudo apt-get install chromium` (Debian) or set TIMELINE_CHROMIUM"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()
