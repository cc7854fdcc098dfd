"""The ``timeline`` command end to end, in a temporary folder."""

from __future__ import annotations

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
