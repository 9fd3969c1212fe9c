"""Writing output files as a shell redirection would, and whole or not at all: exports, pictures, HTML reports.

``-o FILE`` writes where ``> FILE`` would: through a symbolic link to the file it points to, into
a FIFO or a device (``/dev/null``, ``/dev/stdout``) as a stream, never replacing the link, the
FIFO or the device node by a regular file. ``-o -`` is standard output. Only a regular file (or
a new one) is written aside and renamed over the old one at the end, so that it appears whole.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from provenance.errors import InvalidInput

STDOUT = "-"


def is_stdout(path: Path | str | None) -> bool:
    """Whether an ``-o`` value means standard output."""
    return path is not None and str(path) == STDOUT


@contextlib.contextmanager
def atomic_output(path: Path | str) -> Iterator[BinaryIO]:
    """A binary stream for ``path``: standard output for ``-``, the device or FIFO itself, else a file that appears whole."""
    if is_stdout(path):
        stream = sys.stdout.buffer
        yield stream
        stream.flush()
        return
    target = Path(os.path.realpath(path))
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as error:
        raise InvalidInput(f"{path}: cannot write there ({error.strerror})") from None
    if mode is not None and stat.S_ISDIR(mode):
        raise InvalidInput(f"{path}: is a directory; give a file name")
    if mode is not None and not stat.S_ISREG(mode):
        try:
            stream = open(target, "wb")  # noqa: SIM115 - closed below, after the caller has written
        except OSError as error:
            raise InvalidInput(f"{path}: cannot write there ({error.strerror})") from None
        with stream:
            yield stream
        return
    with _replacing(target, shown=Path(path)) as handle:
        yield handle


@contextlib.contextmanager
def _replacing(path: Path, *, shown: Path) -> Iterator[BinaryIO]:
    """A binary file that appears at ``path`` (a regular file or none) only once it is completely written."""
    import tempfile  # here: it loads shutil and the compression modules, which commands that write no file skip

    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise InvalidInput(f"{shown}: the folder {shown.parent} does not exist")
    try:
        handle = tempfile.NamedTemporaryFile(dir=directory, prefix=f".{path.name}.", delete=False)
    except OSError as error:
        raise InvalidInput(f"{shown}: cannot write in {shown.parent} ({error.strerror})") from None
    try:
        with handle:
            yield handle
        # NamedTemporaryFile creates 0600; give the file the mode a plain open() would.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(handle.name, 0o666 & ~umask)
        os.replace(handle.name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(handle.name)
        raise
