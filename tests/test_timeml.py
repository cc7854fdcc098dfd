"""Tests for timeline.evaluation: reading TimeML (timeml), TempEval-3 scoring and evaluate_dates."""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

import pytest

import timeline.dates
from timeline.cli import main
from timeline.errors import DocumentError
from timeline.evaluation.dates import (
    DateEvaluation,
    Scores,
    _locate,
    baseline_dates,
    evaluate_dates,
    match_timexes,
    measure_throughput,
    score_timexes,
)
from timeline.evaluation.timeml import Timex, read_timeml, read_timeml_folder

DATA = Path(__file__).resolve().parent / "data"
SMALL = DATA / "timeml_small"
HARBOUR = SMALL / "harbour.tml"


def _t(start: int, end: int, value: str = "V", type_: str = "DATE") -> Timex:
    return Timex(start, end, "x" * (end - start), type_, value)


# --- reader -----------------------------------------------------------------------------


def test_reader_removes_tags_and_unescapes_entities():
    doc = read_timeml(HARBOUR)
    assert "PORTVALE & DUNMORE" in doc.text
    assert '"worked three days" <non-stop> since April 7, 2003.' in doc.text
    assert "café" in doc.text
    assert "<" not in doc.text.replace("<non-stop>", "")
    assert "sank on Thursday, the harbour office said." in doc.text


def test_reader_text_is_the_content_of_text_only():
    doc = read_timeml(HARBOUR)
    assert doc.text.startswith("\nPORTVALE")
    assert doc.text.endswith("reopens soon.\n")
    assert "title timex" not in doc.text
    assert "MAKEINSTANCE" not in doc.text


def test_reader_dct_is_a_date_and_never_a_timex():
    doc = read_timeml(HARBOUR)
    assert doc.dct == dt.date(2003, 4, 11)
    assert doc.dct_value == "2003-04-11T09:30"
    assert "t0" not in [t.tid for t in doc.timexes]
    assert "t99" not in [t.tid for t in doc.timexes]  # the one in <TITLE>
    assert doc.name == "harbour"


def test_reader_parses_attributes_in_any_order():
    doc = read_timeml(HARBOUR)
    got = [(t.tid, t.text, t.type, t.value) for t in doc.timexes]
    assert got == [
        ("t1", "Thursday", "DATE", "2003-04-10"),
        ("t2", "three days", "DURATION", "P3D"),
        ("t3", "April 7, 2003", "DATE", "2003-04-07"),
        ("t4", "every week", "SET", "P1W"),
        ("t5", "soon", "DATE", "FUTURE_REF"),
    ]


def test_reader_offsets_index_the_text():
    doc = read_timeml(HARBOUR)
    for t in doc.timexes:
        assert doc.text[t.start : t.end] == t.text
    thursday = doc.timexes[0]
    assert thursday.start == doc.text.index("Thursday")
    # offsets count the unescaped text: "&quot;" and "&lt;" are one character each
    assert doc.timexes[2].start == doc.text.index("April 7, 2003")


def test_reader_keeps_a_timex_wrapping_an_event():
    soon = read_timeml(HARBOUR).timexes[-1]
    assert soon.text == "soon"
    assert soon.end - soon.start == 4


def test_reader_takes_a_creation_time_inside_text_as_dct_not_as_a_timex():
    doc = read_timeml(DATA / "timeml_inline_dct.tml")
    assert doc.dct == dt.date(2005, 11, 2)
    assert doc.text.startswith("November 2, 2005\nThe mill closed yesterday.")
    assert [(t.tid, t.text) for t in doc.timexes] == [("t1", "yesterday")]
    assert doc.timexes[0].start == doc.text.index("yesterday")


def test_reader_error_names_file_without_dct():
    with pytest.raises(DocumentError, match=r"timeml_bad_nodct\.tml.*creation time"):
        read_timeml(DATA / "timeml_bad_nodct.tml")


def test_reader_error_names_file_with_bad_xml():
    with pytest.raises(DocumentError, match=r"timeml_bad_xml\.tml: not well-formed"):
        read_timeml(DATA / "timeml_bad_xml.tml")


def test_reader_error_names_timex_without_value():
    with pytest.raises(DocumentError, match=r"timeml_bad_novalue\.tml: TIMEX3 t7 .* value"):
        read_timeml(DATA / "timeml_bad_novalue.tml")


def test_folder_is_searched_recursively_and_sorted():
    docs = read_timeml_folder(SMALL)
    assert [d.name for d in docs] == ["harbour", "orchard"]
    assert docs[1].dct == dt.date(1999, 10, 5)


def test_folder_without_tml_files_is_an_error_naming_it():
    with pytest.raises(DocumentError, match=r"timeml_empty: no \.tml files"):
        read_timeml_folder(DATA / "timeml_empty")


def test_missing_folder_is_an_error_naming_it(tmp_path):
    with pytest.raises(DocumentError, match="nowhere: TimeML folder not found"):
        read_timeml_folder(tmp_path / "nowhere")


# --- scorer -------------------------------------------------------------------------------


def test_identical_spans_match_strict_and_relaxed():
    sc = score_timexes([([_t(0, 5)], [_t(0, 5)])])
    assert (sc.relaxed, sc.strict) == (1, 1)
    assert sc.relaxed_f1 == sc.strict_f1 == 1.0


def test_overlap_matches_relaxed_only():
    sc = score_timexes([([_t(0, 3)], [_t(2, 8)])])
    assert (sc.relaxed, sc.strict) == (1, 0)
    assert sc.relaxed_p == sc.relaxed_r == 1.0
    assert sc.strict_f1 == 0.0


def test_touching_spans_do_not_overlap():
    sc = score_timexes([([_t(0, 3)], [_t(3, 8)])])
    assert sc.relaxed == 0
    assert sc.relaxed_p == sc.relaxed_r == sc.relaxed_f1 == 0.0


def test_pairing_is_one_to_one():
    # one long system span over two gold timexes: only one of them is matched
    sc = score_timexes([([_t(0, 20)], [_t(0, 5), _t(10, 15)])])
    assert sc.relaxed == 1
    assert sc.relaxed_p == 1.0
    assert sc.relaxed_r == 0.5
    assert sc.relaxed_f1 == pytest.approx(2 / 3)


def test_pairing_is_greedy_left_to_right():
    # gold is given out of order on purpose; the first system span takes the leftmost gold
    gold = [_t(6, 10, "B"), _t(0, 4, "A")]
    m = match_timexes([_t(0, 8, "A"), _t(7, 9, "B")], gold)
    assert [(s.value, g.value) for s, g in m.pairs] == [("A", "A"), ("B", "B")]
    assert not m.missed and not m.spurious


def test_greedy_pairing_can_miss_a_better_pair():
    # system [0,8) takes gold [0,4) (leftmost overlap); gold [6,10) then pairs with nothing
    # since the second system span [12,14) overlaps neither: greedy, not optimal
    m = match_timexes([_t(0, 8), _t(12, 14)], [_t(0, 4), _t(6, 10)])
    assert len(m.pairs) == 1
    assert [(g.start, g.end) for g in m.missed] == [(6, 10)]
    assert [(s.start, s.end) for s in m.spurious] == [(12, 14)]


def test_value_accuracy_is_over_relaxed_matches():
    system = [_t(0, 5, "2019-07-11"), _t(10, 14, "2019"), _t(30, 35, "P2Y")]
    gold = [_t(0, 5, "2019-07-11"), _t(11, 14, "2020"), _t(20, 25, "PRESENT_REF")]
    sc = score_timexes([(system, gold)])
    assert (sc.relaxed, sc.strict, sc.value_correct) == (2, 1, 1)
    assert sc.relaxed_p == pytest.approx(2 / 3)
    assert sc.relaxed_r == pytest.approx(2 / 3)
    assert sc.value_accuracy == 0.5
    assert sc.value_f1 == pytest.approx(0.5 * 2 / 3)


def test_type_f1_is_type_accuracy_times_relaxed_f1():
    system = [_t(0, 5, type_="DATE"), _t(10, 15, type_="DATE")]
    gold = [_t(0, 5, type_="DATE"), _t(10, 15, type_="DURATION")]
    sc = score_timexes([(system, gold)])
    assert sc.type_accuracy == 0.5
    assert sc.type_f1 == 0.5
    assert sc.value_f1 == 1.0


def test_scores_are_micro_averaged_over_documents():
    doc1 = ([_t(0, 5)], [_t(0, 5)])
    doc2 = ([_t(0, 5), _t(8, 9), _t(20, 22)], [_t(30, 40)])
    sc = score_timexes([doc1, doc2])
    assert (sc.documents, sc.system, sc.gold, sc.relaxed) == (2, 4, 2, 1)
    assert sc.relaxed_p == 0.25
    assert sc.relaxed_r == 0.5


def test_spans_in_different_documents_never_match():
    sc = score_timexes([([_t(0, 5)], []), ([], [_t(0, 5)])])
    assert sc.relaxed == 0
    assert (sc.system, sc.gold) == (1, 1)


def test_no_system_output_scores_zero_without_dividing_by_zero():
    sc = score_timexes([([], [_t(0, 5)])])
    assert sc.relaxed_p == sc.relaxed_f1 == sc.value_f1 == sc.type_f1 == 0.0


def test_strict_counts_identical_spans_one_to_one():
    sc = score_timexes([([_t(0, 5), _t(0, 5)], [_t(0, 5)])])
    assert sc.strict == 1
    assert sc.relaxed == 1
    assert sc.strict_p == 0.5


# --- baseline adapter -----------------------------------------------------------------------


def test_locate_searches_forward_from_the_previous_match():
    text = "today and today, then 3 May"
    got = _locate(
        text,
        [
            ("today", dt.datetime(2001, 5, 9)),
            ("today", dt.datetime(2001, 5, 9, 13, 5)),
            ("3 May", dt.datetime(2001, 5, 3)),
        ],
    )
    assert [(t.start, t.end) for t in got] == [(0, 5), (10, 15), (22, 27)]
    assert [t.value for t in got] == ["2001-05-09", "2001-05-09", "2001-05-03"]
    assert {t.type for t in got} == {"DATE"}


def test_locate_drops_a_substring_not_found_after_the_previous_one():
    got = _locate(
        "May then April", [("April", dt.datetime(2001, 4, 1)), ("May", dt.datetime(1, 5, 1))]
    )
    assert [t.text for t in got] == ["April"]


def test_baseline_dates_gives_valid_offsets_and_iso_values():
    text = "Talks ended on 3 March 1998 and resumed today, the envoy said."
    found = baseline_dates(text, dt.date(1998, 3, 9))
    assert found, "dateparser found nothing in an obvious date"
    for t in found:
        assert text[t.start : t.end] == t.text
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", t.value)
        assert t.type == "DATE"
    assert "1998-03-03" in [t.value for t in found]
    assert [t.start for t in found] == sorted(t.start for t in found)


# --- evaluate_dates -------------------------------------------------------------------------


def _fake_find_dates(text, reference=None, *, language="en", anchor="news"):
    """Tags only 'Thursday' (right value) and 'three days' (wrong value and type)."""
    out = []
    for surface, type_, value in (("Thursday", "DATE", "2003-04-10"), ("three", "DATE", "P3Y")):
        i = text.find(surface)
        if i >= 0:
            out.append(Timex(i, i + len(surface), surface, type_, value))
    assert anchor == "narrative"
    return out


def test_evaluate_dates_scores_find_dates_on_a_folder(monkeypatch):
    monkeypatch.setattr(timeline.dates, "find_dates", _fake_find_dates)
    ev = evaluate_dates(SMALL, anchor="narrative", baseline=False)
    assert isinstance(ev, DateEvaluation)
    assert ev.baseline is None
    assert (ev.documents, ev.gold) == (2, 7)
    s = ev.scores
    assert (s.system, s.relaxed, s.strict, s.value_correct, s.type_correct) == (2, 2, 1, 1, 1)
    assert s.relaxed_p == 1.0
    assert s.relaxed_r == pytest.approx(2 / 7)
    assert s.value_f1 == pytest.approx(0.5 * s.relaxed_f1)
    table = ev.to_text()
    assert "find_dates" in table
    assert "dateparser" not in table
    assert f"{100 * s.relaxed_f1:.2f}" in table


def test_evaluate_dates_with_baseline_scores_both(monkeypatch):
    monkeypatch.setattr(timeline.dates, "find_dates", _fake_find_dates)
    ev = evaluate_dates(SMALL, anchor="narrative")
    assert isinstance(ev.baseline, Scores)
    docs = read_timeml_folder(SMALL)
    assert ev.baseline.system == sum(len(baseline_dates(d.text, d.dct)) for d in docs)
    assert ev.baseline.gold == ev.gold == 7
    assert "dateparser.search_dates" in ev.to_text()


def test_evaluate_dates_with_the_real_find_dates():
    docs = read_timeml_folder(SMALL)
    ev = evaluate_dates(SMALL, baseline=False)
    found = [timeline.dates.find_dates(d.text, d.dct) for d in docs]
    assert ev.scores.system == sum(map(len, found))
    assert 0.0 <= ev.scores.value_f1 <= ev.scores.relaxed_f1 <= 1.0


def test_evaluate_dates_rejects_an_empty_folder():
    with pytest.raises(DocumentError, match="timeml_empty"):
        evaluate_dates(DATA / "timeml_empty", baseline=False)


def test_evaluate_dates_rejects_an_unknown_anchor():
    with pytest.raises(ValueError, match="anchor must be 'news' or 'narrative'"):
        evaluate_dates(SMALL, anchor="story")


def test_cli_reports_an_empty_folder_on_one_line(capsys):
    assert main(["evaluate", "dates", str(DATA / "timeml_empty"), "--no-baseline"]) == 1
    err = capsys.readouterr().err
    assert "timeml_empty: no .tml files" in err
    assert "Traceback" not in err


def test_cli_prints_the_table(capsys):
    assert main(["evaluate", "dates", str(SMALL), "--anchor", "narrative"]) == 0
    out = capsys.readouterr().out
    assert "on 2 TimeML documents" in out
    assert "gold TIMEX3: 7" in out
    assert "anchor: narrative" in out
    assert "find_dates" in out and "dateparser.search_dates" in out


def test_measure_throughput_counts_every_document_once():
    docs = read_timeml_folder(SMALL)
    calls = []
    tp = measure_throughput(lambda text, ref: calls.append(ref), docs)
    assert calls == [docs[0].dct, docs[0].dct, docs[1].dct]  # warm-up, then each once
    assert tp.documents == 2
    assert tp.characters == sum(len(d.text) for d in docs)
    assert tp.seconds >= 0


def test_measure_throughput_keeps_the_fastest_of_repeated_passes():
    docs = read_timeml_folder(SMALL)
    calls = []
    tp = measure_throughput(lambda text, ref: calls.append(ref), docs, warmup=False, repeat=3)
    assert len(calls) == 3 * len(docs)
    assert tp.documents == len(docs)
    with pytest.raises(ValueError, match="repeat must be at least 1"):
        measure_throughput(lambda text, ref: None, docs, repeat=0)


# --- the real TBAQ corpus --------------------------------------------------------------------


def _raw_timex_surfaces(path: Path) -> list[str]:
    """The TIMEX3 surfaces inside <TEXT>, read from the raw file with regular expressions."""
    raw = path.read_text(encoding="utf-8")
    body = raw[raw.index("<TEXT>") : raw.index("</TEXT>")]
    inner = re.findall(r"<TIMEX3\b[^>]*>(.*?)</TIMEX3>", body, flags=re.S)
    return [html.unescape(re.sub(r"<[^>]+>", "", s)) for s in inner]


def test_tbaq_has_1822_gold_timexes_that_index_the_text(tempeval_dir):
    docs = read_timeml_folder(tempeval_dir)
    assert len(docs) == 256
    by_part = {
        part: sum(len(d.timexes) for d in read_timeml_folder(tempeval_dir / part))
        for part in ("TimeBank", "AQUAINT")
    }
    assert by_part == {"TimeBank": 1243, "AQUAINT": 579}
    assert sum(len(d.timexes) for d in docs) == 1822
    files = {p.stem: p for p in tempeval_dir.rglob("*.tml")}
    for d in docs:
        for t in d.timexes:
            assert d.text[t.start : t.end] == t.text, (d.name, t)
            assert t.tid != "t0"
        assert [t.text for t in d.timexes] == _raw_timex_surfaces(files[d.name]), d.name


def test_wikiwars_dct_is_the_download_date(wikiwars_dir):
    docs = read_timeml_folder(wikiwars_dir / "testset")
    assert len(docs) == 6
    assert {d.dct for d in docs} == {dt.date(2009, 12, 19)}
    assert all(d.text[t.start : t.end] == t.text for d in docs for t in d.timexes)
