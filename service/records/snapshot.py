"""Write a new snapshot of data_dir/missions atomically, or leave the old one byte-for-byte as it was.

Layout. `data_dir/missions` is a symlink to one complete, never-modified folder `data_dir/.snapshots/<name>/`
(or, as shipped and as an editor may keep it, a plain folder: the first sync turns it into the symlink).
A reader (`store.load_store`) opens missions/ once, as a directory descriptor, takes a shared flock on it,
and reads every file through that descriptor: whatever is swapped in meanwhile, it reads one snapshot.

The swap, step by step (why each step is there):
1. Lock the data dir (flock on the directory itself: no lock file to leave behind), so two writers (sync,
   import) never interleave; under the lock, remove staging folders and unreferenced snapshots that a
   killed writer left behind.
2. Stage: copy the current snapshot's files into data_dir/.sync-ll2-XXXX/missions/ (same file system, so a
   rename can move it), write the new and changed files there; fsync every file and the folder.
3. Validate the staged folder with the one record loader (`load_store`), exactly as the service will read
   it: if any record is invalid, the staging folder is deleted and missions/ never changed.
4. Publish: move the staged folder to .snapshots/<name> and point missions at it with one rename of a new
   symlink over the old (atomic). When missions/ is still a plain folder, renameat2(RENAME_EXCHANGE) swaps
   the symlink and the folder in one step and the old folder is kept as a retired snapshot; where the
   kernel cannot exchange, two renames (a window of microseconds without missions/, never a mix).
5. fsync the folders so the swap survives a crash; delete retired snapshots that no reader holds (a reader's
   shared lock makes the writer leave that one for the next run).
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
import secrets
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from ..errors import InputError

STAGING_PREFIX = ".sync-ll2-"
SNAPSHOTS = ".snapshots"
_LINK_PREFIX = ".missions-link-"
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


@contextlib.contextmanager
def locked(data_dir: Path) -> Iterator[None]:
    try:
        fd = os.open(data_dir, os.O_RDONLY)
    except (FileNotFoundError, NotADirectoryError):
        raise InputError(f"{data_dir}: no such folder (a data dir holds missions/<id>.toml)") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise InputError(f"{data_dir}: another sync is running (the data dir is locked)") from None
        for stale in data_dir.glob(STAGING_PREFIX + "*"):
            shutil.rmtree(stale, ignore_errors=True)
        for link in data_dir.glob(_LINK_PREFIX + "*"):
            with contextlib.suppress(OSError):
                link.unlink() if link.is_symlink() else shutil.rmtree(link)
        retire_unused(data_dir)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def write_snapshot(data_dir: Path, writes: dict[str, str], validate: Callable[[Path], None]) -> None:
    """Stage missions/ + `writes` (file name -> text), `validate(staged_data_dir)`, then swap it in."""
    live = data_dir / "missions"
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=data_dir))
    try:
        staged = staging / "missions"
        staged.mkdir()
        if live.is_dir():
            _copy_synced(live, staged)
        for name, text in sorted(writes.items()):
            _write_synced(staged / name, text.encode("utf-8"))
        _fsync_dir(staged)
        validate(staging)  # raises: nothing has been swapped
        _publish(data_dir, staged)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    retire_unused(data_dir)


def _copy_synced(source: Path, target: Path) -> None:
    """Every file of the current snapshot, copied and fsynced (a copy only in the page cache could be lost
    in a crash after the swap, leaving a symlink to a folder of empty files)."""
    fd = os.open(source, os.O_RDONLY | os.O_DIRECTORY)
    try:
        for entry in os.scandir(fd):
            if entry.is_dir(follow_symlinks=False):
                shutil.copytree(source / entry.name, target / entry.name, symlinks=True)
                continue
            src = os.open(entry.name, os.O_RDONLY, dir_fd=fd)
            with os.fdopen(src, "rb") as handle:
                _write_synced(target / entry.name, handle.read())
    finally:
        os.close(fd)


def _publish(data_dir: Path, staged: Path) -> None:
    snapshots = data_dir / SNAPSHOTS
    snapshots.mkdir(exist_ok=True)
    name = f"{time.strftime('%Y%m%dT%H%M%S', time.gmtime())}-{secrets.token_hex(4)}"
    os.rename(staged, snapshots / name)
    _fsync_dir(snapshots)
    live = data_dir / "missions"
    link = data_dir / f"{_LINK_PREFIX}{secrets.token_hex(4)}"
    os.symlink(f"{SNAPSHOTS}/{name}", link)
    try:
        if live.is_symlink() or not live.exists():
            os.replace(link, live)  # one rename: readers resolve the old target or the new one
        elif _renameat2_exchange(link, live):  # a plain folder (as shipped): swap it for the symlink
            os.rename(link, snapshots / f"retired-{name}")  # `link` is now the old folder
        else:
            aside = snapshots / f"retired-{name}"
            os.rename(live, aside)
            try:
                os.rename(link, live)
            except BaseException:
                os.rename(aside, live)
                raise
    finally:
        with contextlib.suppress(FileNotFoundError):
            if link.is_symlink():
                link.unlink()
    _fsync_dir(snapshots)
    _fsync_dir(data_dir)


def retire_unused(data_dir: Path) -> None:
    """Delete the snapshots missions/ no longer points at, unless a reader holds one (its shared flock):
    that one is left for the next writer. Call with the data dir locked."""
    snapshots = data_dir / SNAPSHOTS
    if not snapshots.is_dir():
        return
    live = data_dir / "missions"
    current = os.path.realpath(live) if live.is_symlink() else None
    for old in snapshots.iterdir():
        if current is not None and os.path.realpath(old) == current:
            continue
        try:
            fd = os.open(old, os.O_RDONLY | os.O_DIRECTORY)
        except OSError:
            continue
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                continue  # a reader is loading it right now
            shutil.rmtree(old, ignore_errors=True)
        finally:
            os.close(fd)


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
