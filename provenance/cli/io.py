"""Reading user files with clear errors, and printing JSON as UTF-8."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from provenance.errors import InvalidInput
from provenance.files import atomic_output

__all__ = ["atomic_output", "emit_json", "read_text_file"]


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
