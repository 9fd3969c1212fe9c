"""Reading user files and writing output safely: clear errors, atomic files, JSON as UTF-8."""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from provenance.errors import InvalidInput


def read_text_file(path: Path) -> str:
    """The UTF-8 text of a file (a BOM is dropped), or InvalidInput saying why not."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise InvalidInput(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InvalidInput(f"{path}: is a directory, not a file") from None
    except OSError as error:
        raise InvalidInput(f"{path}: cannot read it ({error.strerror})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InvalidInput(f"{path}: not UTF-8 text (byte {error.start}); convert it to UTF-8 first") from None


def emit_json(data: Any) -> None:
    """Print data as indented UTF-8 JSON on stdout."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[BinaryIO]:
    """A binary file that appears at ``path`` only once it is completely written."""
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise InvalidInput(f"{path}: the folder {directory} does not exist")
    handle = tempfile.NamedTemporaryFile(dir=directory, prefix=f".{path.name}.", delete=False)
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
