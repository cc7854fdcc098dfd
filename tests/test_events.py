"""Tests of timeline.events: rule behaviour on invented sentences, and the real corpora."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.documents import Document
from timeline.events import extract_events
from timeline.table import COLUMNS, validate_events

PUB = dt.date(2031, 4, 12)  # a Saturday


def _doc(text: str, doc_id: str = "t1", published: dt.date | None = PUB, **kw) -> Document:
    kw.setdefault("outlet", "Test Wire")
    kw.setdefault("publisher_type", "news media")
    return Document(doc_id=doc_id, text=text, published=published, **kw)


def test_columns_dtypes_and_validity():
    doc = _doc("The Defence Minister of Arvelia visited Port Sable on Thursday.")
    df = extract_events([doc])
    assert tuple(df.columns) == COLUMNS
    assert str(df["date_start"].dtype) == "datetime64[ns]"
    assert str(df["evidence_start"].dtype) == "Int64"
    assert str(df["reviewed"].dtype) == "boolean"
    assert not df["reviewed"].any()
    validate_events(df, corpus=[doc])


def test_visit_trigger_gives_visit_category_and_weekday_date():
    df = extract_events([_doc("The Defence Minister of Arvelia visited Port Sable on Thursday.")])
    assert df["category"].tolist() == ["visit"]
    assert df["date_start"].iloc[0].date() == dt.date(2031, 4, 10)
    assert "Defence Minister" in df["actor"].iloc[0]


def test_bad_jobs_is_a_clear_error():
    with pytest.raises(ValueError, match="jobs"):
        extract_events([], jobs=0)
