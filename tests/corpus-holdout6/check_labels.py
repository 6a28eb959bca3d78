#!/usr/bin/env python3
"""Check tests/corpus-holdout6/labels.json against the held-out forms.

Adapted from tests/corpus-holdout5/check_labels.py for this folder (.txt,
.md, .docx and .pdf forms) and the fourteen rules this corpus is labelled
for.

* .docx text is read with python-docx: body paragraphs and table-cell
  paragraphs in document order (nested tables included, merged cells once);
* .pdf text is read with pypdfium2: each page's text layer
  (``page.get_textpage().get_text_range()``), pages joined by a newline.

Checks:

* every file in forms/ is labelled, and every labelled file exists;
* every form has all 14 rule labels as booleans (and no others), plus
  as_of/previous/notes and the bare_assertions and unclear_actions lists;
* "bare-assertion" is true iff bare_assertions is non-empty, and
  "unclear-action-ownership" is true iff unclear_actions is non-empty;
* every bare_assertions / unclear_actions string appears verbatim in the
  form's text after wrapped lines are joined with single spaces, and no
  string is listed twice;
* "previous" points at a labelled form that is older than the form;
* the .docx and .pdf forms are byte-identical to what make_docs.py
  generates;
* every rule has at least MIN_POSITIVES positive forms, and is named as a
  deliberate near miss (after "Near misses:" in notes) in at least
  MIN_NEAR_MISSES forms where it is labelled false.

Run: .venv/bin/python tests/corpus-holdout6/check_labels.py   (exit status 0 = pass)
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
RULES = [
    "bare-assertion",
    "absent-uncertainty",
    "placeholder-text",
    "missing-risk-factors",
    "need-only-framing",
    "risk-not-carried-forward",
    "unrevised-plan",
    "absent-male-carer",
    "wider-children-overlooked",
    "child-voice-absent",
    "management-oversight-absent",
    "unclear-action-ownership",
    "unchallenged-consensus",
    "single-hypothesis",
]
# every rule needs at least this many positive forms in the corpus
MIN_POSITIVES = 2
# ... and at least this many forms where it is a recorded, deliberate near miss
MIN_NEAR_MISSES = 2
# rule -> the per-item list that must be non-empty exactly when it is true
LISTS = {
    "bare-assertion": "bare_assertions",
    "unclear-action-ownership": "unclear_actions",
}
FORMATS = (".txt", ".md", ".docx", ".pdf")


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _docx_blocks(parent):
    """Yield paragraph texts of a document body or table cell, in order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in parent.iter_inner_content():
        if isinstance(child, Paragraph):
            yield child.text
        elif isinstance(child, Table):
            for row in child.rows:
                seen = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:  # horizontally merged cell
                        continue
                    seen.add(id(cell._tc))
                    yield from _docx_blocks(cell)


def docx_text(path: Path) -> str:
    import docx

    return "\n".join(_docx_blocks(docx.Document(str(path))))


def pdf_text(path: Path) -> str:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()


def form_text(path: Path) -> str:
    if path.suffix in (".txt", ".md"):
        return norm(path.read_text(encoding="utf-8"))
    if path.suffix == ".docx":
        return norm(docx_text(path))
    if path.suffix == ".pdf":
        return norm(pdf_text(path))
    raise ValueError(f"unsupported format in this corpus: {path}")


def check_generated(errors: list[str]) -> None:
    import importlib.util

    sys.dont_write_bytecode = True
    spec = importlib.util.spec_from_file_location("make_docs", HERE / "make_docs.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    for name, data in mod.all_outputs().items():
        path = HERE / "forms" / name
        if not path.exists() or path.read_bytes() != data:
            errors.append(f"forms/{name}: differs from make_docs.py output (re-run make_docs.py)")


def near_miss_rules(notes: str) -> set[str]:
    """Rules named after the first 'Near misses:' in a form's notes."""
    i = notes.find("Near misses:")
    if i < 0:
        return set()
    tail = notes[i:]
    return {r for r in RULES if re.search(r"(?<![\w-])" + re.escape(r) + r"(?![\w-])", tail)}


def main() -> int:
    labels = json.loads((HERE / "labels.json").read_text(encoding="utf-8"))["forms"]
    errors: list[str] = []
    files = {e["file"] for e in labels}
    on_disk = {f"forms/{p.name}" for p in (HERE / "forms").iterdir() if p.is_file()}
    for missing in sorted(on_disk - files):
        errors.append(f"{missing}: not labelled")
    for extra in sorted(files - on_disk):
        errors.append(f"{extra}: labelled but missing")
    for f in sorted(on_disk):
        if Path(f).suffix not in FORMATS:
            errors.append(f"{f}: only .txt, .md, .docx and .pdf forms belong in this corpus")
    if len(files) != len(labels):
        errors.append("duplicate entries in labels.json")
    counts = {r: 0 for r in RULES}
    near = {r: 0 for r in RULES}
    n_items = {key: 0 for key in LISTS.values()}
    for e in labels:
        f = e["file"]
        rules = e.get("rules", {})
        for r in RULES:
            if not isinstance(rules.get(r), bool):
                errors.append(f"{f}: rule {r} not labelled true/false")
            elif rules[r]:
                counts[r] += 1
        extra = set(rules) - set(RULES)
        if extra:
            errors.append(f"{f}: unknown rules {sorted(extra)}")
        for key in ("as_of", "previous", "notes", *LISTS.values()):
            if key not in e:
                errors.append(f"{f}: missing {key}")
        for r in near_miss_rules(e.get("notes", "")):
            if rules.get(r) is False:
                near[r] += 1
        try:
            dt.date.fromisoformat(e.get("as_of", ""))
        except ValueError:
            errors.append(f"{f}: as_of is not an ISO date")
        prev = e.get("previous")
        if prev is not None:
            older = next((x for x in labels if x["file"] == prev), None)
            if older is None:
                errors.append(f"{f}: previous {prev} is not a labelled form")
            elif older.get("as_of", "") >= e.get("as_of", ""):
                errors.append(f"{f}: previous {prev} is not older than the form")
        text = None
        if f in on_disk and Path(f).suffix in FORMATS:
            text = form_text(HERE / f)
        for rule, key in LISTS.items():
            items = e.get(key, [])
            if not isinstance(items, list) or not all(isinstance(s, str) and s.strip() for s in items):
                errors.append(f"{f}: {key} must be a list of non-empty strings")
                continue
            if rules.get(rule) != bool(items):
                errors.append(f"{f}: {rule}={rules.get(rule)} but {len(items)} items in {key}")
            if len({norm(s) for s in items}) != len(items):
                errors.append(f"{f}: duplicate entries in {key}")
            if text is not None:
                for s in items:
                    if norm(s) not in text:
                        errors.append(f"{f}: {key} entry not found verbatim: {s!r}")
            n_items[key] += len(items)
    check_generated(errors)
    for r in RULES:
        if counts[r] < MIN_POSITIVES:
            errors.append(f"rule {r}: only {counts[r]} positive forms (need {MIN_POSITIVES})")
        if near[r] < MIN_NEAR_MISSES:
            errors.append(f"rule {r}: only {near[r]} near-miss forms (need {MIN_NEAR_MISSES})")
    for err in errors:
        print("ERROR", err)
    print(
        f"{len(labels)} forms, {n_items['bare_assertions']} bare-assertion sentences, "
        f"{n_items['unclear_actions']} unclear actions"
    )
    for r in RULES:
        print(f"  {r:34s} {counts[r]:2d} positive / {len(labels)}   {near[r]:2d} near-miss forms")
    print("FAIL" if errors else "PASS")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
