"""The ``timeline`` command end to end, in a temporary folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from timeline import read_events, write_events


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "timeline", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture
def events_csv(root, tmp_path) -> Path:
    target = tmp_path / "events.csv"
    shutil.copy(root / "data" / "events.csv", target)
    return target


def test_build_writes_the_html_and_prints_its_path(events_csv, tmp_path):
    result = run("build", str(events_csv), "-o", "out/chart.html", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = tmp_path / "out" / "chart.html"
    assert Path(result.stdout.strip()) == out.resolve()
    assert "<table" in out.read_text(encoding="utf-8")


def test_build_defaults_to_data_events_and_build_timeline_html(events_csv, tmp_path):
    (tmp_path / "data").mkdir()
    shutil.move(events_csv, tmp_path / "data" / "events.csv")
    result = run("build", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "build" / "timeline.html").is_file()


def test_build_story_and_timelinejs(events_csv, tmp_path):
    story = run("build", str(events_csv), "--story", "-o", "story.html", cwd=tmp_path)
    assert story.returncode == 0, story.stderr
    assert "ArrowRight" in (tmp_path / "story.html").read_text(encoding="utf-8")
    tl = run("build", str(events_csv), "--format", "timelinejs", "-o", "tl.json", cwd=tmp_path)
    assert tl.returncode == 0, tl.stderr
    assert '"events"' in (tmp_path / "tl.json").read_text(encoding="utf-8")


def test_build_of_a_missing_file_is_one_line_on_stderr(tmp_path):
    result = run("build", "nowhere.csv", cwd=tmp_path)
    assert result.returncode == 1
    assert "nowhere.csv" in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_validate_accepts_the_shipped_table(events_csv, tmp_path):
    result = run("validate", str(events_csv), cwd=tmp_path)
    assert result.returncode == 0, result.stderr


def test_validate_prints_one_line_per_problem(events_csv, tmp_path):
    lines = events_csv.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    kind = header.index("kind")
    bad = []
    for line in lines[1:3]:
        cells = line.split(",")
        cells[kind] = "rumour"
        bad.append(",".join(cells))
    broken = tmp_path / "broken.csv"
    broken.write_text("\n".join([lines[0], *bad]) + "\n", encoding="utf-8")
    result = run("validate", str(broken), cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    problems = [line for line in result.stderr.splitlines() if "rumour" in line]
    assert len(problems) == 2


def test_validate_with_corpus_checks_evidence(events_csv, corpus_dir, tmp_path):
    result = run("validate", str(events_csv), "--corpus", str(corpus_dir), cwd=tmp_path)
    assert result.returncode == 0, result.stderr


def _invented_corpus(folder: Path) -> Path:
    folder.mkdir()
    (folder / "a.txt").write_text(
        "The foreign ministry of Ruritania said on Monday that it rejected the report "
        "published by a parliamentary committee of Freedonia.\n",
        encoding="utf-8",
    )
    (folder / "manifest.csv").write_text(
        "doc_id,file,title,outlet,publisher_type,published,language,url\n"
        "a,a.txt,,Ruritania Today,state media,2024-03-06,en,\n",
        encoding="utf-8",
    )
    return folder


def test_extract_then_merge_keeps_reviewed_rows(tmp_path):
    corpus = _invented_corpus(tmp_path / "corpus")
    out = tmp_path / "events.csv"
    first = run("extract", str(corpus), "-o", str(out), "--no-progress", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    table = read_events(out)
    assert len(table) >= 1
    table.loc[0, "title"] = "Edited by a reviewer"
    table.loc[0, "reviewed"] = True
    write_events(table, out)
    before = out.read_bytes()
    again = run("extract", str(corpus), "-o", str(out), "--merge", "--no-progress", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    merged = read_events(out)
    kept = merged[merged["event_id"] == table.loc[0, "event_id"]]
    assert kept["title"].tolist() == ["Edited by a reviewer"]
    assert len(merged) == len(table)
    assert out.read_bytes() == before


def test_extract_without_merge_refuses_to_overwrite_reviewed_rows(events_csv, tmp_path):
    corpus = _invented_corpus(tmp_path / "corpus")
    before = events_csv.read_bytes()
    result = run("extract", str(corpus), "-o", str(events_csv), "--no-progress", cwd=tmp_path)
    assert result.returncode != 0
    assert "--merge" in result.stderr
    assert events_csv.read_bytes() == before


def test_extract_names_a_missing_corpus(tmp_path):
    result = run("extract", "no-such-folder", "-o", "x.csv", cwd=tmp_path)
    assert result.returncode == 1
    assert "no-such-folder" in result.stderr
    assert "Traceback" not in result.stderr


def test_evaluate_events_against_gold(root, gold_dir, tmp_path):
    result = run(
        "evaluate",
        "events",
        str(root / "data" / "events.csv"),
        str(gold_dir / "events.csv"),
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert "recall" in result.stdout.lower()


@pytest.mark.parametrize("jobs", ["0", "-1", "many"])
def test_extract_refuses_a_job_count_that_is_not_positive(jobs, tmp_path):
    corpus = _invented_corpus(tmp_path / "corpus")
    result = run("extract", str(corpus), "-o", "x.csv", "--jobs", jobs, cwd=tmp_path)
    assert result.returncode == 2
    assert "--jobs" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "x.csv").exists()


def test_validate_names_a_missing_file(tmp_path):
    result = run("validate", "nonexist.csv", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip() == "timeline validate: nonexist.csv: file not found"


# --------------------------------------------------------------------------- nothing lost


def _one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.mark.parametrize(
    "extra", [[], ["--format", "json"], ["--format", "png"], ["--story"], ["--format", "csv"]]
)
def test_build_refuses_to_write_over_the_table_it_reads(events_csv, tmp_path, extra):
    before = events_csv.read_bytes()
    result = run("build", str(events_csv), "-o", str(events_csv), *extra, cwd=tmp_path)
    assert "is the events table being read" in _one_line_error(result)
    assert events_csv.read_bytes() == before


@pytest.mark.parametrize("link", ["symlink", "hardlink"])
def test_build_refuses_an_output_that_is_the_table_through_a_link(events_csv, tmp_path, link):
    alias = tmp_path / "alias.html"
    if link == "symlink":
        alias.symlink_to(events_csv)
    else:
        os.link(events_csv, alias)
    before = events_csv.read_bytes()
    result = run("build", str(events_csv), "-o", str(alias), cwd=tmp_path)
    assert "is the events table being read" in _one_line_error(result)
    assert events_csv.read_bytes() == before


def test_extract_into_a_path_through_a_file_is_one_line(tmp_path):
    corpus = _invented_corpus(tmp_path / "corpus")
    (tmp_path / "ev.csv").write_text("not a folder\n", encoding="utf-8")
    result = run("extract", str(corpus), "-o", "ev.csv/x.csv", "--no-progress", cwd=tmp_path)
    assert "ev.csv is a file, not a folder" in _one_line_error(result)


def test_build_into_a_path_through_a_file_is_one_line(events_csv, tmp_path):
    result = run("build", str(events_csv), "-o", f"{events_csv}/x.html", cwd=tmp_path)
    assert "events.csv is a file, not a folder" in _one_line_error(result)


def test_evaluate_events_of_an_empty_file_is_one_line(root, tmp_path):
    (tmp_path / "empty.csv").write_text("", encoding="utf-8")
    gold = root / "data" / "events.csv"
    result = run("evaluate", "events", "empty.csv", str(gold), cwd=tmp_path)
    assert "empty.csv: empty file" in _one_line_error(result)


def test_build_excel_safe_csv_prefixes_formulas_and_keeps_the_table(events_csv, tmp_path):
    table = read_events(events_csv)
    table.loc[0, "title"] = '=HYPERLINK("http://example.org","x")'
    write_events(table, events_csv)
    before = events_csv.read_bytes()
    result = run("build", str(events_csv), "-o", "sheet.csv", "--excel-safe", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    sheet = (tmp_path / "sheet.csv").read_text(encoding="utf-8")
    assert "\"'=HYPERLINK(" in sheet
    assert events_csv.read_bytes() == before


def test_excel_safe_needs_a_csv_output(events_csv, tmp_path):
    result = run("build", str(events_csv), "-o", "x.html", "--excel-safe", cwd=tmp_path)
    assert result.returncode == 1
    assert "--excel-safe goes with --format csv" in result.stderr


def _second_corpus(folder: Path) -> Path:
    folder.mkdir()
    (folder / "b.txt").write_text(
        "The government of Freedonia expelled two diplomats of Ruritania on Tuesday.\n",
        encoding="utf-8",
    )
    (folder / "manifest.csv").write_text(
        "doc_id,file,outlet,publisher_type,published\n"
        "b,b.txt,Freedonia Daily,news media,2024-03-08\n",
        encoding="utf-8",
    )
    return folder


def test_two_merges_at_once_keep_both_sets_of_rows(tmp_path):
    from timeline._io import table_lock

    first = _invented_corpus(tmp_path / "one")
    second = _second_corpus(tmp_path / "two")
    out = tmp_path / "big.csv"
    runs = []
    with table_lock(out):  # both runs finish extracting, then queue on the lock
        for corpus in (first, second):
            runs.append(
                subprocess.Popen(
                    [sys.executable, "-m", "timeline", "extract", str(corpus), "-o", str(out)]
                    + ["--merge", "--no-progress"],
                    cwd=tmp_path,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                )
            )
        for proc in runs:
            with pytest.raises(subprocess.TimeoutExpired):
                proc.wait(timeout=4)  # still waiting for the lock
    for proc in runs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    cited = {doc for cell in read_events(out)["sources"] for doc in cell.split(";")}
    assert cited == {"a", "b"}
