"""File handling shared by the table and the exports: atomic writes, the table lock, CSV rows."""

from __future__ import annotations

import contextlib
import csv
import os
import re
import stat
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from timeline.errors import OutputError

STALE_SECONDS = 60
"""A leftover temp file older than this (against a fresh one's timestamp) is from a dead write."""

LOCK_TIMEOUT = 60.0
"""How long ``table_lock`` waits for another run to release a table, in seconds."""


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write(
    path: str | os.PathLike[str],
    data: str | bytes,
    *,
    encoding: str = "utf-8",
    refuse_read_only: bool = False,
) -> Path:
    """Write ``data`` to ``path`` atomically: a temp file in the same folder, then a rename.

    Creates missing parent folders. A reader sees the old file or the new one, never half
    of one; on any error the temp file is removed and the old file is left as it was.
    A new file gets the usual permissions (0666 less the umask), not mkstemp's 0600; a file
    that exists keeps its permissions, and a symbolic link stays a link (its target is
    replaced); with ``refuse_read_only`` (the tables), a file nobody may write is refused
    rather than replaced. Temp files of this name left by a killed write
    (``.NAME.xxxxxxxx.tmp``, older than a minute) are removed. Text is written with ``\\n``
    line endings whatever the platform.

    Raises:
        OutputError: the path is a folder, a folder on its path is a file, or (with
            ``refuse_read_only``) the file is read-only; nothing is written.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
    >>> atomic_write(p, "hello\\n").read_text()
    'hello\\n'
    """
    target = Path(os.path.realpath(path))
    mode = _writable_mode(Path(path), target, refuse_read_only)
    _make_parent(Path(path), target.parent)
    payload = data.encode(encoding) if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        _remove_stale_temps(target, Path(tmp))
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(path)


def _writable_mode(given: Path, target: Path, refuse_read_only: bool) -> int:
    """The permissions the new file gets; refuse a folder, and a file nobody may write."""
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        return 0o666 & ~_umask()
    except NotADirectoryError:
        return 0o666 & ~_umask()  # reported by _make_parent, with the folder that is a file
    if target.is_dir():
        raise OutputError(f"{given}: is a folder; give a file name to write")
    if refuse_read_only and not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise OutputError(
            f"{given}: is read-only (mode {mode:o}); refusing to replace it "
            "(make it writable with chmod u+w, or write elsewhere)"
        )
    return mode


def _make_parent(given: Path, parent: Path) -> None:
    """Create the folder to write into, naming the part of the path that is a file."""
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError) as exc:
        blocker = next((p for p in (parent, *parent.parents) if p.is_file()), parent)
        raise OutputError(
            f"{given}: cannot write there, {blocker} is a file, not a folder"
        ) from exc


def _temp_pattern(target: Path) -> re.Pattern[str]:
    """Names ``tempfile.mkstemp`` gives our temp files for ``target`` (8 random characters)."""
    return re.compile(re.escape(f".{target.name}.") + r"[a-z0-9_]{8}" + re.escape(".tmp"))


def _remove_stale_temps(target: Path, fresh: Path) -> None:
    """Delete our temp files for ``target`` older than ``STALE_SECONDS`` against ``fresh``.

    The age is measured against the modification time of the temp file just written, so
    no clock is read; a temp file of a write still running elsewhere is younger and stays.
    """
    pattern = _temp_pattern(target)
    now = fresh.stat().st_mtime
    for entry in os.scandir(target.parent):
        if entry.name == fresh.name or not pattern.fullmatch(entry.name):
            continue
        with contextlib.suppress(OSError):
            if entry.is_file(follow_symlinks=False) and (
                now - entry.stat(follow_symlinks=False).st_mtime > STALE_SECONDS
            ):
                os.unlink(entry.path)


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """Whether two paths name one file (also through a symbolic or hard link).

    >>> same_file(__file__, __file__)
    True
    """
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


@contextlib.contextmanager
def table_lock(path: str | os.PathLike[str], *, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the lock of a table (``.NAME.lock`` beside it) across a read-merge-write.

    Waits up to ``timeout`` seconds for another run holding it; the lock file records who
    holds it (process id and command), which the error names.

    Raises:
        OutputError: another run still holds the lock after ``timeout`` seconds.

    >>> import tempfile, pathlib
    >>> with table_lock(pathlib.Path(tempfile.mkdtemp()) / "events.csv"):
    ...     pass
    """
    from filelock import FileLock, Timeout  # on use: ~0.1 s to import, only --merge locks

    target = Path(os.path.realpath(path))
    _make_parent(Path(path), target.parent)
    lock_path = target.parent / f".{target.name}.lock"
    lock = FileLock(str(lock_path), timeout=timeout)
    try:
        lock.acquire()
    except Timeout as exc:
        holder = _holder(lock_path)
        raise OutputError(
            f"{path}: another run holds this table's lock ({holder}); waited {timeout:g} s. "
            f"Try again when it has finished (or delete {lock_path.name} if it died)"
        ) from exc
    try:
        with contextlib.suppress(OSError):
            lock_path.write_text(f"pid {os.getpid()}: {' '.join(sys.argv)}\n", encoding="utf-8")
        yield
    finally:
        lock.release()


def _holder(lock_path: Path) -> str:
    """Who holds a lock, as its holder wrote it, on one line."""
    try:
        text = lock_path.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        text = ""
    text = " ".join(text.split())
    return text[:200] if text else "holder unknown"


@contextlib.contextmanager
def csv_cells_up_to(size: int) -> Iterator[None]:
    """Let the ``csv`` module read cells of up to ``size`` characters inside the block.

    ``csv`` refuses cells over ``csv.field_size_limit()`` (131072 characters by default);
    the limit is raised for the block and then restored, so a table ``write_events`` wrote
    (any cell length) can always be read back.

    >>> import io
    >>> text = 'a,b' + chr(10) + '"' + "y" * 200000 + '",1' + chr(10)
    >>> with csv_cells_up_to(len(text)):
    ...     rows = list(csv.reader(io.StringIO(text)))
    >>> len(rows[1][0])
    200000
    """
    old = csv.field_size_limit()
    csv.field_size_limit(max(old, size + 1))
    try:
        yield
    finally:
        csv.field_size_limit(old)
