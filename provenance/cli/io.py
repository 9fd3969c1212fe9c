"""Reading user files with clear errors, and printing JSON as UTF-8."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

from provenance import limits
from provenance.errors import InvalidInput
from provenance.files import atomic_output

__all__ = ["atomic_output", "emit_json", "read_bytes", "read_text_file"]


def read_text_file(path: Path, limit: str = "document_bytes") -> str:
    """The UTF-8 text of a file (a BOM is dropped) within the size limit named ``limit``, or InvalidInput saying why not."""
    data = read_bytes(path, limit)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InvalidInput(f"{path}: not UTF-8 text (byte {error.start}); convert it to UTF-8 first") from None


def read_bytes(path: Path, limit: str) -> bytes:
    """The bytes of a file within the size limit named ``limit``, or InvalidInput saying why not."""
    try:
        with open(path, "rb") as handle:
            limits.check_size(os.fstat(handle.fileno()).st_size, limit, str(path))
            # A pipe or device says nothing of its size: read one byte over the limit to tell.
            data = handle.read(getattr(limits.current(), limit) + 1)
        limits.check_size(len(data), limit, str(path))
    except FileNotFoundError:
        raise InvalidInput(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InvalidInput(f"{path}: is a directory, not a file") from None
    except OSError as error:
        raise InvalidInput(f"{path}: cannot read it ({error.strerror})") from None
    return data


def emit_json(data: Any) -> None:
    """Print data as indented UTF-8 JSON on stdout."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
