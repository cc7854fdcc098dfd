"""Tests of the shipped data: data/events.csv, data/sources.csv and data/datapackage.json.

They check the curated table against ../shared (the corpus texts, their manifest and the
gold events), read independently of the code under test where that is cheap.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pandas as pd
import pytest

from timeline.table import (
    MAX_EVIDENCE_WORDS,
    SOURCE_COLUMNS,
    datapackage,
    read_events,
    read_sources,
    validate_events,
)

# The longest run of consecutive words a title may share with its sources.
MAX_SHARED_RUN = 7


@pytest.fixture
def events(root: Path) -> pd.DataFrame:
    return read_events(root / "data" / "events.csv")


@pytest.fixture
def manifest(corpus_dir: Path) -> dict[str, dict[str, str]]:
    with (corpus_dir / "manifest.csv").open(encoding="utf-8", newline="") as handle:
        return {row["doc_id"]: row for row in csv.DictReader(handle)}


@pytest.fixture
def texts(corpus_dir: Path, manifest) -> dict[str, str]:
    """Each document's text, decoded as documents.py documents it (utf-8-sig)."""
    return {
        doc_id: (corpus_dir / row["file"]).read_text(encoding="utf-8-sig")
        for doc_id, row in manifest.items()
    }


@pytest.fixture
def gold(gold_dir: Path) -> pd.DataFrame:
    df = pd.read_csv(gold_dir / "events.csv", dtype=str, keep_default_na=False)
    for column in ("date_start", "date_end"):
        df[column] = pd.to_datetime(df[column].replace("", None))
    return df


def _docs(value: str) -> set[str]:
    return set(value.split(";"))


def _match(gold_row: pd.Series, events: pd.DataFrame) -> pd.DataFrame:
    """Rows of ours with the gold row's kind and category, a shared document and dates that
    overlap the gold interval (an open start counts as open)."""
    first, last = pd.Timestamp("0001-01-01"), pd.Timestamp("9999-12-31")  # the table's range
    lo = gold_row["date_start"] if pd.notna(gold_row["date_start"]) else first
    ours_lo = events["date_start"].fillna(first)
    ours_hi = events["date_end"].fillna(last)
    mask = (
        (events["kind"] == gold_row["kind"])
        & (events["category"] == gold_row["category"])
        & events["sources"].map(lambda s: bool(_docs(s) & _docs(gold_row["doc_ids"])))
        & (ours_lo <= gold_row["date_end"])
        & (ours_hi >= lo)
    )
    return events[mask.astype(bool)]


def _mapping(gold: pd.DataFrame, events: pd.DataFrame) -> dict[str, str]:
    """Gold key -> our event_id, one to one."""
    found = {}
    for _, row in gold.iterrows():
        matches = _match(row, events)
        assert len(matches) == 1, f"gold {row['key']!r} matches {matches['event_id'].tolist()}"
        found[row["key"]] = matches["event_id"].iloc[0]
    assert len(set(found.values())) == len(found), "two gold rows map to one of ours"
    return found


def test_events_validate_against_the_corpus(events, corpus_dir):
    validate_events(events, corpus=corpus_dir)


def test_every_row_is_reviewed(events):
    assert events["reviewed"].all()


def test_every_gold_event_has_exactly_one_row(events, gold):
    assert len(_mapping(gold, events)) == len(gold) == 14


def test_dates_are_within_the_gold_precision(events, gold):
    mapping = _mapping(gold, events)
    ours = events.set_index("event_id")
    for _, row in gold.iterrows():
        mine = ours.loc[mapping[row["key"]]]
        assert mine["date_precision"] == row["precision"], row["key"]
        if row["precision"] == "day":
            assert (mine["date_start"], mine["date_end"]) == (row["date_start"], row["date_end"])
        elif row["precision"] == "approximate":
            assert row["date_start"] <= mine["date_start"] <= mine["date_end"] <= row["date_end"]
        else:  # before: only the upper bound is known
            assert pd.isna(mine["date_start"]) and mine["date_end"] == row["date_end"]


def test_responds_to_links_the_gold_pairs(events, gold):
    mapping = _mapping(gold, events)
    ours = events.set_index("event_id")
    for _, row in gold.iterrows():
        expected = mapping[row["responds_to"]] if row["responds_to"] else None
        got = ours.loc[mapping[row["key"]], "responds_to"]
        assert (None if pd.isna(got) else got) == expected, row["key"]


def test_sources_cover_the_gold_documents(events, gold):
    mapping = _mapping(gold, events)
    ours = events.set_index("event_id")
    for _, row in gold.iterrows():
        assert _docs(ours.loc[mapping[row["key"]], "sources"]) == _docs(row["doc_ids"])


def test_every_evidence_phrase_is_verbatim_at_its_offsets(events, texts):
    for _, row in events.iterrows():
        primary = row["sources"].split(";")[0]
        start, end = int(row["evidence_start"]), int(row["evidence_end"])
        assert texts[primary][start:end] == row["evidence"], row["event_id"]


def test_no_evidence_is_longer_than_allowed(events):
    lengths = events["evidence"].str.split().str.len()
    assert (lengths <= MAX_EVIDENCE_WORDS).all(), events.loc[lengths > MAX_EVIDENCE_WORDS]


def test_every_evidence_phrase_carries_the_date_as_written(events):
    for _, row in events.iterrows():
        assert row["date_text"] in row["evidence"], row["event_id"]


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _runs(words: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def test_titles_are_paraphrases_not_copied_sentences(events, texts):
    n = MAX_SHARED_RUN + 1
    for _, row in events.iterrows():
        title = _runs(_words(row["title"]), n)
        for doc_id in row["sources"].split(";"):
            shared = title & _runs(_words(texts[doc_id]), n)
            assert not shared, (row["event_id"], doc_id, shared)


def test_primary_source_facts_come_from_the_manifest(events, manifest):
    for _, row in events.iterrows():
        doc = manifest[row["sources"].split(";")[0]]
        assert row["outlet"] == doc["outlet"], row["event_id"]
        assert row["publisher_type"] == doc["publisher_type"], row["event_id"]
        assert (row["source_url"] if pd.notna(row["source_url"]) else "") == doc["url"]


def test_sources_csv_agrees_with_the_manifest(root, manifest):
    sources = read_sources(root / "data" / "sources.csv")
    assert sources["doc_id"].tolist() == sorted(manifest)
    for _, row in sources.iterrows():
        for column in SOURCE_COLUMNS:
            value = row[column] if pd.notna(row[column]) else ""
            assert value == manifest[row["doc_id"]][column], (row["doc_id"], column)


def test_every_event_source_is_listed_in_sources_csv(root, events):
    known = set(read_sources(root / "data" / "sources.csv")["doc_id"])
    used = set().union(*(_docs(s) for s in events["sources"]))
    assert used <= known


def test_datapackage_json_is_the_generated_descriptor(root):
    shipped = json.loads((root / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert shipped == datapackage()


def test_datapackage_resources_name_the_shipped_files(root):
    for resource in datapackage()["resources"]:
        assert (root / "data" / resource["path"]).is_file()
