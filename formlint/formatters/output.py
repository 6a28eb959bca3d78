"""Writing a rendered report: to a file or standard output, with colour only on a terminal."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TextIO


def colour_wanted(
    choice: str, stream: TextIO, *, to_file: bool, environ: Mapping[str, str] | None = None
) -> bool:
    """``always``/``never`` as given; ``auto`` means a terminal, not a file, no NO_COLOR, not CI,
    not TERM=dumb (https://no-color.org)."""
    if choice == "always":
        return True
    if choice == "never" or to_file:
        return False
    env = os.environ if environ is None else environ
    if env.get("NO_COLOR") or env.get("CI") or env.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def write_report(text: str, output: Path | None) -> None:
    """``text`` exactly as rendered (line ends kept: CSV's CRLF stays CRLF), UTF-8."""
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    output.write_bytes(text.encode("utf-8"))
