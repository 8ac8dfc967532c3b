"""Write a new snapshot of data_dir/missions atomically, or leave the old one byte-for-byte as it was.

The swap, step by step (why each step is there):
1. Lock the data dir (flock on the directory itself: no lock file to leave behind), so two syncs never
   interleave; under the lock, remove staging folders that a killed sync left behind.
2. Stage: copy missions/ into data_dir/.sync-ll2-XXXX/missions/ (same file system, so a rename can swap
   it in), write the new and changed files there, fsync them. Nothing under missions/ is touched yet.
3. Validate the staged folder with the one record loader (`load_store`), exactly as the service will read
   it: if any record is invalid, the staging folder is deleted and missions/ never changed.
4. Swap: on Linux, renameat2(RENAME_EXCHANGE) exchanges the two folders in one atomic step: a reader sees
   the whole old snapshot or the whole new one, and there is no instant without a missions/. Where the
   kernel or file system cannot exchange, two renames are used (old aside, new in; the first undone if the
   second fails), which leaves a window of microseconds without missions/ but never a mix.
5. fsync the data dir so the swap survives a crash, delete the old snapshot (now in the staging folder).
An exception or Ctrl-C at any step before 4 leaves missions/ untouched; the `finally` removes the staging
folder. The service picks the new snapshot up on reload (SIGHUP or POST /v1/admin/reload), which loads it
with the same validation and keeps its old store when the new one fails.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from ..errors import InputError

STAGING_PREFIX = ".sync-ll2-"
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


@contextlib.contextmanager
def locked(data_dir: Path) -> Iterator[None]:
    fd = os.open(data_dir, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise InputError(f"{data_dir}: another sync is running (the data dir is locked)") from None
        for stale in data_dir.glob(STAGING_PREFIX + "*"):
            shutil.rmtree(stale, ignore_errors=True)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def write_snapshot(data_dir: Path, writes: dict[str, str], validate: Callable[[Path], None]) -> None:
    """Stage missions/ + `writes` (file name -> text), `validate(staged_data_dir)`, then swap it in."""
    live = data_dir / "missions"
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=data_dir))
    try:
        staged = staging / "missions"
        if live.is_dir():
            shutil.copytree(live, staged, symlinks=True)
        else:
            staged.mkdir()
        for name, text in sorted(writes.items()):
            _write_synced(staged / name, text.encode("utf-8"))
        _fsync_dir(staged)
        validate(staging)  # raises: nothing has been swapped
        if live.is_dir():
            _exchange(staged, live)
        else:
            os.rename(staged, live)
        _fsync_dir(data_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def write_file_atomically(path: Path, text: str) -> None:
    """A small file (the sync state) replaced in one rename: readers see the old or the new, never half."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(text.encode("utf-8"))
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


def _write_synced(path: Path, data: bytes) -> None:
    with open(path, "wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())


def _exchange(new: Path, live: Path) -> None:
    if _renameat2_exchange(new, live):
        return
    aside = new.with_name("missions.old")
    os.rename(live, aside)
    try:
        os.rename(new, live)
    except BaseException:
        os.rename(aside, live)
        raise


def _renameat2_exchange(a: Path, b: Path) -> bool:
    """Atomically exchange two paths (Linux >= 3.15, glibc >= 2.28); False where that is not available."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):  # kernel or file system cannot exchange
        return False
    raise OSError(err, f"cannot swap in the new snapshot: {os.strerror(err)}", str(b))


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
