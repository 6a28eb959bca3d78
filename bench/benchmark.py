"""Forms per second per format, and formlint's overhead over bare text extraction.

    python bench/benchmark.py [PATH ...] [--repeat N]

Default inputs: the bundled samples. For each file: the median of N runs of
(a) bare extraction — python-docx paragraph and table-cell text for .docx,
pdfplumber ``extract_text`` per page for .pdf, ``read_text`` for .txt/.md/.json;
(b) ``formlint.parse`` (read + sections + metadata); (c) ``formlint.check``
(parse + every installed rule). Reported per format: files, median ms for each,
forms per second for check, and the ratio of parse to bare extraction.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from formlint.api import check_one, parse  # noqa: E402
from formlint.cli import expand  # noqa: E402
from formlint.errors import UnreadableForm  # noqa: E402
from formlint.language.cues import forget  # noqa: E402
from formlint.registry import discover  # noqa: E402


def bare_docx(path: Path) -> str:
    import docx

    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def bare_pdf(path: Path) -> str:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        out = []
        for page in pdf.pages:
            out.append(page.extract_text() or "")
            page.close()
        return "\n".join(out)


def bare_text(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace")


BARE: dict[str, Callable[[Path], str]] = {".docx": bare_docx, ".pdf": bare_pdf}


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        # Each run reads the text afresh, as it would for a new form.
        forget()
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=[str(REPO / "samples")])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    rules = list(discover().rules)
    rows: dict[str, list[tuple[float, float, float]]] = defaultdict(list)
    skipped = 0
    for name in expand(args.paths):
        path = Path(name)
        suffix = path.suffix.lower()
        try:
            parse(path)  # warm-up, and skip what formlint cannot read
        except UnreadableForm:
            skipped += 1
            continue
        bare = BARE.get(suffix, bare_text)
        try:
            bare_ms = median_ms(lambda p=path, b=bare: b(p), args.repeat)
        except Exception:  # the baseline reader fails on some files formlint reads
            bare_ms = float("nan")
        parse_ms = median_ms(lambda p=path: parse(p), args.repeat)
        check_ms = median_ms(lambda p=path: check_one(p, rules=rules), args.repeat)
        rows[suffix].append((bare_ms, parse_ms, check_ms))
    header = ("format", "files", "bare ms", "parse ms", "check ms", "forms/s", "parse/bare")
    print("{:<7} {:>5} {:>9} {:>9} {:>9} {:>8} {:>10}".format(*header))
    for suffix, values in sorted(rows.items()):
        bare = statistics.median(v[0] for v in values)
        parsed = statistics.median(v[1] for v in values)
        checked = statistics.median(v[2] for v in values)
        total_check = sum(v[2] for v in values) / 1000
        print(
            f"{suffix:<7} {len(values):>5} {bare:>9.2f} {parsed:>9.2f} {checked:>9.2f} "
            f"{len(values) / total_check:>8.0f} {parsed / bare:>10.2f}"
        )
    if skipped:
        print(f"({skipped} file(s) formlint could not read were skipped)")


if __name__ == "__main__":
    main()
