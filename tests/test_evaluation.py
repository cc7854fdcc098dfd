"""Tests for timeline.evaluation.events: scoring an events table against gold."""

from __future__ import annotations

import pandas as pd
import pytest

from timeline.errors import SchemaError
from timeline.evaluation.events import EventEvaluation, evaluate_events


def _gold(*rows: tuple) -> pd.DataFrame:
    columns = ["key", "kind", "category", "date_start", "date_end", "precision", "actor"]
    columns += ["summary", "doc_ids", "responds_to", "evidence"]
    return pd.DataFrame(
        [
            dict(
                zip(
                    columns,
                    (key, kind, "statement", s, e, p, "", f"about {key}", d, r, ""),
                    strict=True,
                )
            )
            for key, kind, s, e, p, d, r in rows
        ],
        columns=columns,
    )


def _pred(*rows: tuple) -> pd.DataFrame:
    columns = ["event_id", "kind", "date_start", "date_end", "date_precision", "sources"]
    columns += ["responds_to", "title"]
    return pd.DataFrame(
        [dict(zip(columns, (*row, f"title {row[0]}"), strict=True)) for row in rows],
        columns=columns,
    )


GOLD = _gold(
    ("pier-survey", "event", "2031-03-30", "2031-03-30", "day", "a1;b2", ""),
    ("council-reply", "response", "2031-04-02", "2031-04-02", "day", "b2", "pier-survey"),
    ("inspection", "event", "", "2031-04-02", "before", "b2", ""),
    ("storm", "event", "2031-01-10", "2031-01-20", "approximate", "a1", ""),
)


def test_perfect_prediction_scores_one():
    pred = _pred(
        ("survey", "event", "2031-03-30", "2031-03-30", "day", "a1", ""),
        ("reply", "response", "2031-04-02", "2031-04-02", "day", "b2", "survey"),
        ("insp", "event", "", "2031-04-02", "before", "b2", ""),
        ("storm", "event", "2031-01-15", "2031-01-15", "day", "a1", ""),
    )
    result = evaluate_events(pred, GOLD)
    assert isinstance(result, EventEvaluation)
    assert (result.recall, result.precision, result.kind_accuracy) == (1.0, 1.0, 1.0)
    assert result.responds_to_accuracy == 1.0
    assert result.matches == (
        ("pier-survey", "survey"),
        ("council-reply", "reply"),
        ("inspection", "insp"),
        ("storm", "storm"),
    )
    assert result.misses == ()
    assert result.false_positives == ()


def test_day_precision_needs_the_same_day_and_a_shared_document():
    wrong_day = _pred(("survey", "event", "2031-03-31", "2031-03-31", "day", "a1", ""))
    other_doc = _pred(("survey", "event", "2031-03-30", "2031-03-30", "day", "z9", ""))
    secondary = _pred(("survey", "event", "2031-03-30", "2031-03-30", "day", "b2", ""))
    assert evaluate_events(wrong_day, GOLD).found == 0
    assert evaluate_events(other_doc, GOLD).found == 0
    assert evaluate_events(secondary, GOLD).matches == (("pier-survey", "survey"),)


def test_before_precision_accepts_same_bound_or_a_date_within_it():
    same_bound = _pred(("x", "event", "", "2031-04-02", "before", "b2", ""))
    other_bound = _pred(("x", "event", "", "2031-04-05", "before", "b2", ""))
    dated_inside = _pred(("x", "event", "2031-01-05", "2031-01-05", "day", "b2", ""))
    dated_after = _pred(("x", "event", "2031-04-03", "2031-04-03", "day", "b2", ""))
    gold = GOLD[GOLD.key == "inspection"]
    assert evaluate_events(same_bound, gold).found == 1
    assert evaluate_events(other_bound, gold).found == 0
    assert evaluate_events(dated_inside, gold).found == 1
    assert evaluate_events(dated_after, gold).found == 0


def test_approximate_precision_needs_overlap():
    gold = GOLD[GOLD.key == "storm"]
    overlapping = _pred(("x", "event", "2031-01-18", "2031-01-25", "approximate", "a1", ""))
    disjoint = _pred(("x", "event", "2031-01-21", "2031-01-25", "approximate", "a1", ""))
    assert evaluate_events(overlapping, gold).found == 1
    assert evaluate_events(disjoint, gold).found == 0


def test_month_precision_needs_the_prediction_within_the_month():
    gold = _gold(("m", "event", "2031-02-01", "", "month", "a1", ""))
    inside = _pred(("x", "event", "2031-02-28", "2031-02-28", "day", "a1", ""))
    outside = _pred(("x", "event", "2031-03-01", "2031-03-01", "day", "a1", ""))
    assert evaluate_events(inside, gold).found == 1
    assert evaluate_events(outside, gold).found == 0


def test_matching_is_one_to_one_and_counts_false_positives():
    gold = GOLD[GOLD.key == "pier-survey"]
    pred = _pred(
        ("first", "event", "2031-03-30", "2031-03-30", "day", "a1", ""),
        ("again", "event", "2031-03-30", "2031-03-30", "day", "b2", ""),
    )
    result = evaluate_events(pred, gold)
    assert result.matches == (("pier-survey", "first"),)
    assert result.false_positives == ("again",)
    assert result.precision == 0.5


def test_matching_prefers_the_same_kind():
    gold = _gold(
        ("act", "event", "2031-04-02", "2031-04-02", "day", "b2", ""),
        ("reply", "response", "2031-04-02", "2031-04-02", "day", "b2", "act"),
    )
    pred = _pred(
        ("p-reply", "response", "2031-04-02", "2031-04-02", "day", "b2", "p-act"),
        ("p-act", "event", "2031-04-02", "2031-04-02", "day", "b2", ""),
    )
    result = evaluate_events(pred, gold)
    assert result.matches == (("act", "p-act"), ("reply", "p-reply"))
    assert result.kind_accuracy == 1.0
    assert result.responds_to_accuracy == 1.0


def test_matching_prefers_the_same_category():
    gold = _gold(
        ("briefing", "response", "2031-04-02", "2031-04-02", "day", "b2", ""),
        ("statement", "response", "2031-04-02", "2031-04-02", "day", "b2", ""),
    )
    gold["category"] = ["press briefing", "statement"]
    pred = _pred(
        ("p-statement", "response", "2031-04-02", "2031-04-02", "day", "b2", ""),
        ("p-briefing", "response", "2031-04-02", "2031-04-02", "day", "b2", ""),
    )
    pred["category"] = ["statement", "press briefing"]
    result = evaluate_events(pred, gold)
    assert result.matches == (("briefing", "p-briefing"), ("statement", "p-statement"))


def test_matching_finds_every_event_a_one_to_one_matching_can():
    # "wide" agrees with both rows and prefers the one of its own kind; "narrow" agrees only
    # with that one: best pairs first would find one event, the optimal matching both
    gold = _gold(
        ("wide", "event", "2031-04-01", "2031-04-30", "approximate", "b2", ""),
        ("narrow", "response", "2031-04-02", "2031-04-02", "day", "b2", ""),
    )
    pred = _pred(
        ("p-day", "event", "2031-04-02", "2031-04-02", "day", "b2", ""),
        ("p-other", "response", "2031-04-10", "2031-04-10", "day", "b2", ""),
    )
    result = evaluate_events(pred, gold)
    assert dict(result.matches) == {"wide": "p-other", "narrow": "p-day"}


def test_matching_pairs_each_event_with_the_row_naming_its_actor_before_its_category():
    gold = _gold(
        ("orvo-says", "response", "2031-04-02", "2031-04-02", "day", "b2", ""),
        ("kess-says", "response", "2031-04-02", "2031-04-02", "day", "b2", ""),
    )
    gold["actor"] = ["Orvo foreign ministry", "Kessburg city council"]
    gold["category"] = ["statement", "press briefing"]
    pred = _pred(
        ("p-kess", "response", "2031-04-02", "2031-04-02", "day", "b2", ""),
        ("p-orvo", "response", "2031-04-02", "2031-04-02", "day", "b2", ""),
    )
    pred["actor"] = ["Kessburg council", "Orvo ministry"]
    pred["category"] = ["statement", "press briefing"]
    result = evaluate_events(pred, gold)
    assert dict(result.matches) == {"orvo-says": "p-orvo", "kess-says": "p-kess"}
    assert result.right_actor == 2 and not result.wrong_actor


def test_a_large_group_of_agreeing_rows_is_matched_one_to_one():
    from timeline.evaluation import matching

    n = matching.LARGEST + 5
    rows = [(f"g{k}", "event", "", "2031-04-02", "before", "b2", "") for k in range(n)]
    gold = _gold(*rows)
    rows = [(f"p{k}", "event", "2031-04-01", "2031-04-01", "day", "b2", "") for k in range(n)]
    pred = _pred(*rows)
    result = evaluate_events(pred, gold)
    assert result.found == n
    assert len({p for _, p in result.matches}) == n


def test_wrong_kind_and_wrong_link_are_reported():
    pred = _pred(
        ("survey", "event", "2031-03-30", "2031-03-30", "day", "a1", ""),
        ("reply", "event", "2031-04-02", "2031-04-02", "day", "b2", "insp"),
        ("insp", "event", "", "2031-04-02", "before", "b2", ""),
    )
    result = evaluate_events(pred, GOLD)
    assert result.recall == 0.75
    assert result.misses == (("storm", "about storm"),)
    assert result.wrong_kind == ("council-reply",)
    assert result.kind_accuracy == pytest.approx(2 / 3)
    assert (result.responses_found, result.responses_linked) == (1, 0)
    assert result.wrong_responds_to == ("council-reply",)
    text = result.to_text()
    assert "found 3 of 4 gold events: recall 0.75, precision 1.00" in text
    assert "missed (a1): storm: about storm" in text
    assert "wrong responds_to: council-reply" in text


def test_links_to_rows_no_gold_event_has_are_counted():
    # "ghost" matches no gold event (no gold row cites c3): a link to it points at an invented row
    pred = _pred(
        ("survey", "event", "2031-03-30", "2031-03-30", "day", "a1", ""),
        ("ghost", "event", "2031-03-31", "2031-03-31", "day", "c3", ""),
        ("reply", "response", "2031-04-02", "2031-04-02", "day", "b2", "ghost"),
        ("echo", "response", "2031-04-02", "2031-04-02", "day", "b2", "survey"),
    )
    result = evaluate_events(pred, GOLD)
    assert (result.links_to_unmatched, result.links_total) == (("reply",), 2)
    text = result.to_text()
    assert "links to rows matched to no gold event: 1 of 2 links" in text
    assert "link to an unmatched row: reply" in text


def test_a_table_in_our_schema_is_accepted_as_gold():
    pred = _pred(
        ("survey", "event", "2031-03-30", "2031-03-30", "day", "a1", ""),
        ("reply", "response", "2031-04-02", "2031-04-02", "day", "b2", "survey"),
    )
    result = evaluate_events(pred, pred.copy())
    assert result.recall == 1.0
    assert result.responds_to_accuracy == 1.0
    assert result.matches == (("survey", "survey"), ("reply", "reply"))


def test_datetime_columns_are_accepted():
    pred = _pred(("survey", "event", "2031-03-30", "2031-03-30", "day", "a1", ""))
    pred["date_start"] = pd.to_datetime(pred["date_start"])
    pred["date_end"] = pd.to_datetime(pred["date_end"])
    assert evaluate_events(pred, GOLD).matches == (("pier-survey", "survey"),)


def test_empty_prediction_has_undefined_precision():
    result = evaluate_events(_pred(), GOLD)
    assert result.recall == 0.0
    assert result.precision is None
    assert "precision n/a" in result.to_text()


def test_missing_column_is_named():
    with pytest.raises(SchemaError, match=r"pred table: missing column\(s\) sources"):
        evaluate_events(_pred().drop(columns=["sources"]), GOLD)


def test_bad_date_names_the_row():
    pred = _pred(("survey", "event", "30 March", "2031-03-30", "day", "a1", ""))
    with pytest.raises(SchemaError, match=r"pred table row 0 \(survey\): date_start '30 March'"):
        evaluate_events(pred, GOLD)


def test_gold_csv_path_is_read(tmp_path):
    path = tmp_path / "gold.csv"
    GOLD.to_csv(path, index=False)
    pred = _pred(("survey", "event", "2031-03-30", "2031-03-30", "day", "a1", ""))
    assert evaluate_events(pred, path).matches == (("pier-survey", "survey"),)


def test_gold_scores_itself_perfectly_through_our_schema(gold_dir):
    gold = pd.read_csv(gold_dir / "events.csv", dtype=str, keep_default_na=False)
    as_pred = gold.rename(
        columns={"key": "event_id", "precision": "date_precision", "doc_ids": "sources"}
    )
    result = evaluate_events(as_pred, gold_dir / "events.csv")
    assert result.gold_total == 14
    assert (result.recall, result.precision, result.responds_to_accuracy) == (1.0, 1.0, 1.0)


def test_shipped_events_table_finds_every_gold_event(root, gold_dir):
    result = evaluate_events(root / "data" / "events.csv", gold_dir / "events.csv")
    assert result.gold_total == 14
    assert result.recall == 1.0
    assert result.kind_accuracy == 1.0
    assert result.responds_to_accuracy == 1.0
    assert result.misses == ()


def test_right_actor_and_category_agreement_are_scored():
    gold = pd.DataFrame(
        {
            "key": ["x", "y"],
            "kind": ["event", "event"],
            "category": ["expulsion", "visit"],
            "date_start": ["2030-01-02", "2030-01-05"],
            "date_end": ["2030-01-02", "2030-01-05"],
            "precision": ["day", "day"],
            "doc_ids": ["d1", "d1"],
            "responds_to": ["", ""],
            "actor": ["Brazilian Foreign Ministry", "Peruvian envoy Ana Costa"],
            "summary": ["an expulsion", "a visit"],
        }
    )
    pred = pd.DataFrame(
        {
            "event_id": ["a", "b"],
            "kind": ["event", "event"],
            "category": ["expulsion", "meeting"],
            "date_start": ["2030-01-02", "2030-01-05"],
            "date_end": ["2030-01-02", "2030-01-05"],
            "date_precision": ["day", "day"],
            "sources": ["d1", "d1"],
            "responds_to": ["", ""],
            "actor": ["Brazil", "Chile"],
        }
    )
    result = evaluate_events(pred, gold)
    assert (result.right_actor, result.wrong_actor) == (1, ("y",))
    assert (result.categories_agreed, result.categories_compared) == (1, 2)
    assert "found with the right actor 1 of 2: 0.50" in result.to_text()


def test_an_actor_agrees_whatever_the_case_of_its_first_letter():
    from timeline.evaluation.events import _actor_agrees

    assert _actor_agrees("riot police", "Riot police")
    assert _actor_agrees("regional bloc", "Regional bloc (the text names no member)")
    assert not _actor_agrees("riot police", "Border guards")


def test_a_gold_event_without_an_actor_is_matched_to_a_row_naming_none():
    gold = _gold(("blast", "event", "2031-04-02", "2031-04-02", "day", "b2", ""))
    pred = _pred(
        ("p-named", "event", "2031-04-02", "2031-04-02", "day", "b2", ""),
        ("p-none", "event", "2031-04-02", "2031-04-02", "day", "b2", ""),
    )
    pred["actor"] = ["Valdoria", ""]
    result = evaluate_events(pred, gold)
    assert result.matches == (("blast", "p-none"),)
    assert result.right_actor == 1 and not result.wrong_actor
