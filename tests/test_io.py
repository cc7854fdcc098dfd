"""Atomic writes shared by the table and the exports."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from timeline._io import atomic_write, same_file, table_lock
from timeline.errors import OutputError


def test_written_file_has_the_umask_permissions_not_0600(tmp_path):
    old = os.umask(0o022)
    try:
        target = atomic_write(tmp_path / "page.html", "<p>hi</p>")
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_a_failed_rename_leaves_the_old_file_and_no_temp_file(tmp_path, monkeypatch):
    target = tmp_path / "events.csv"
    target.write_text("old\n", encoding="utf-8")

    def refuse(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError, match="disk full"):
        atomic_write(target, "new\n")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["events.csv"]


def test_missing_parent_folders_are_created(tmp_path):
    target = atomic_write(tmp_path / "a" / "b" / "out.bin", b"\x00\x01")
    assert target.read_bytes() == b"\x00\x01"


def test_a_symlinked_file_stays_a_link_and_its_target_gets_the_data(tmp_path):
    real = tmp_path / "real.csv"
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "events.csv"
    link.symlink_to(real)
    atomic_write(link, "new\n")
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "new\n"


def test_an_existing_file_keeps_its_mode(tmp_path):
    target = tmp_path / "events.csv"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    atomic_write(target, "new\n")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_read_only_table_is_refused_and_left_as_it_was(tmp_path):
    target = tmp_path / "events.csv"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o444)
    with pytest.raises(OutputError, match=r"events.csv: is read-only \(mode 444\).*chmod u\+w"):
        atomic_write(target, "new\n", refuse_read_only=True)
    assert target.read_text(encoding="utf-8") == "old\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o444
    assert [p.name for p in tmp_path.iterdir()] == ["events.csv"]


def test_a_path_through_a_file_is_one_clear_error(tmp_path):
    (tmp_path / "ev.csv").write_text("x\n", encoding="utf-8")
    with pytest.raises(OutputError, match=r"ev.csv is a file, not a folder"):
        atomic_write(tmp_path / "ev.csv" / "x.csv", "new\n")


def _aged(path, seconds):
    st = path.stat()
    os.utime(path, (st.st_atime - seconds, st.st_mtime - seconds))


def test_stale_temp_files_of_a_killed_write_are_removed_on_the_next_write(tmp_path):
    target = tmp_path / "events.csv"
    stale = tmp_path / ".events.csv.ab12cd_3.tmp"
    fresh = tmp_path / ".events.csv.zz99yy_1.tmp"  # another write still running
    foreign = tmp_path / ".events.csv.notes.tmp"  # not our name pattern
    other = tmp_path / ".other.csv.ab12cd_3.tmp"  # another file's temp
    for p in (stale, fresh, foreign, other):
        p.write_text("partial", encoding="utf-8")
    for p in (stale, foreign, other):
        _aged(p, 3600)
    _aged(fresh, 5)
    atomic_write(target, "new\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["events.csv", fresh.name, foreign.name, other.name]
    )


def test_same_file_sees_symlinks_and_hard_links(tmp_path):
    real = tmp_path / "a.csv"
    real.write_text("x\n", encoding="utf-8")
    (tmp_path / "sym.csv").symlink_to(real)
    os.link(real, tmp_path / "hard.csv")
    assert same_file(real, tmp_path / "sym.csv")
    assert same_file(real, tmp_path / "hard.csv")
    assert not same_file(real, tmp_path / "absent.csv")


def test_a_held_table_lock_times_out_naming_the_table_and_its_holder(tmp_path):
    target = tmp_path / "events.csv"
    holder = (
        "import sys, time\n"
        "from timeline._io import table_lock\n"
        f"with table_lock({str(target)!r}):\n"
        "    print('held', flush=True)\n"
        "    sys.stdin.readline()\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", holder],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")},
    )
    try:
        assert proc.stdout.readline().strip() == "held"
        with pytest.raises(OutputError) as info, table_lock(target, timeout=0.3):
            pass
        message = str(info.value)
        assert "events.csv: another run holds this table's lock" in message
        assert f"pid {proc.pid}" in message
        assert "\n" not in message
    finally:
        proc.communicate("done\n", timeout=30)
    with table_lock(target, timeout=5):  # released when the holder ends
        pass


def test_other_read_only_files_are_replaced_and_stay_read_only(tmp_path):
    target = tmp_path / "manifest.csv"  # say, copied from a read-only corpus
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o444)
    atomic_write(target, "new\n")
    assert target.read_text(encoding="utf-8") == "new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o444
