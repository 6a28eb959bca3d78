"""Median ms per PDF: formlint's PDFium reader vs pdfplumber ``extract_text`` per page.

Run from the repo root:  PYTHONPATH=. .venv/bin/python bench/pdf_speed.py [repeats]

Sets: the shared fixtures that open, and generated 4-page fillable assessment
forms (the builder from tests/test_parse_pdf.py, with varied values).
Columns: in-process parse, the same through the isolated worker (what
``parse_pdf`` costs), and pdfplumber for comparison.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pdfplumber

from formlint.limits import Limits
from formlint.parsers.pdf import parse_pdf, parse_pdf_in_process

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT.parent / "shared" / "corpus" / "fixtures" / "pdf"
LIMITS = Limits()


def ours(data: bytes) -> None:
    parse_pdf_in_process(data, "bench.pdf", LIMITS.max_pdf_pages)


def ours_isolated(data: bytes) -> None:
    parse_pdf(data, "bench.pdf", LIMITS)


def plumber(data: bytes) -> None:
    import io

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()


def opens(data: bytes) -> bool:
    try:
        ours(data)
        plumber(data)
    except Exception:  # the bench only keeps files both readers can open
        return False
    return True


def median_ms(func: Callable[[bytes], None], docs: list[bytes], repeats: int) -> tuple[float, float]:
    """(median over documents of the per-document median, total seconds of one pass)."""
    per_doc = []
    for data in docs:
        times = []
        for _ in range(repeats):
            start = time.perf_counter()
            func(data)
            times.append(time.perf_counter() - start)
        per_doc.append(statistics.median(times))
    return statistics.median(per_doc) * 1000, sum(per_doc)


def generated_forms(count: int) -> list[bytes]:
    sys.path.insert(0, str(ROOT))
    from tests.test_parse_pdf import build_assessment_form

    return [build_assessment_form(values=i % 4 != 0) for i in range(count)]


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    fixtures = [p.read_bytes() for p in sorted(FIXTURES.glob("*.pdf"))] if FIXTURES.is_dir() else []
    sets = {
        f"fixtures that open ({sum(map(opens, fixtures))})": [d for d in fixtures if opens(d)],
        "generated 4-page forms (20)": generated_forms(20),
    }
    approaches: dict[str, Callable[[bytes], None]] = {
        "formlint PDFium, in process": ours,
        "formlint parse_pdf (isolated worker)": ours_isolated,
        "pdfplumber extract_text per page": plumber,
    }
    print(f"{'approach':40} " + " ".join(f"{name:>34}" for name in sets))
    for label, func in approaches.items():
        cells = []
        for docs in sets.values():
            med, total = median_ms(func, docs, repeats)
            cells.append(f"{med:8.1f} ms median, {total:6.2f} s total")
        print(f"{label:40} " + " ".join(f"{c:>34}" for c in cells))


if __name__ == "__main__":
    main()
