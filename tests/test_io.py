"""Atomic writes shared by the table and the exports."""

from __future__ import annotations

import os
import stat

import pytest

from timeline._io import atomic_write


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
