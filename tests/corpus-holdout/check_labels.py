#!/usr/bin/env python3
"""Check tests/corpus-holdout/labels.json against the held-out corpus forms.

Adapted from tests/corpus/check_labels.py (same checks, this folder as HERE);
imports nothing from formlint or rules/.

* every file in forms/ is labelled, and every labelled file exists;
* every form has all 7 rule labels as booleans, plus as_of/previous/notes;
* "bare-assertion" is true iff bare_assertions is non-empty;
* every bare_assertions string appears verbatim in the form's text after
  hard-wrapped lines are joined with single spaces (.txt/.md directly; .json
  via its metadata and section headings/texts; .docx/.pdf via the source
  text in src/<name>.json, which tools/make_corpus_docs.py renders);
* "previous" points at a labelled form whose as_of is not later than this one.

Run: python tests/corpus-holdout/check_labels.py   (exit status 0 = pass)
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
]


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def form_text(path: Path) -> str:
    if path.suffix in (".txt", ".md"):
        return norm(path.read_text(encoding="utf-8"))
    if path.suffix == ".json":
        data = json.loads(path.read_text(encoding="utf-8"))
        parts = [str(v) for v in data.get("metadata", {}).values() if v]
        for sec in data["sections"]:
            parts += [sec["heading"], sec["text"]]
        return norm("\n".join(parts))
    if path.suffix in (".docx", ".pdf"):
        src = HERE / "src" / (path.stem + ".json")
        spec = json.loads(src.read_text(encoding="utf-8"))
        parts = [spec["title"]] + [f"{k} {v}" for k, v in spec.get("details", [])]
        for sec in spec["sections"]:
            parts += [sec["heading"], sec["text"]]
        return norm("\n".join(parts))
    raise ValueError(f"unknown format: {path}")


def main() -> int:
    labels = json.loads((HERE / "labels.json").read_text(encoding="utf-8"))["forms"]
    errors: list[str] = []
    files = {e["file"] for e in labels}
    on_disk = {f"forms/{p.name}" for p in (HERE / "forms").iterdir() if p.is_file()}
    for missing in sorted(on_disk - files):
        errors.append(f"{missing}: not labelled")
    for extra in sorted(files - on_disk):
        errors.append(f"{extra}: labelled but missing")
    if len(files) != len(labels):
        errors.append("duplicate entries in labels.json")
    counts = {r: 0 for r in RULES}
    n_bare = 0
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
        for key in ("as_of", "previous", "notes", "bare_assertions"):
            if key not in e:
                errors.append(f"{f}: missing {key}")
        try:
            dt.date.fromisoformat(e.get("as_of", ""))
        except ValueError:
            errors.append(f"{f}: as_of is not an ISO date")
        prev = e.get("previous")
        if prev is not None and prev not in files:
            errors.append(f"{f}: previous {prev} is not a labelled form")
        elif prev is not None:
            prev_as_of = next(x.get("as_of", "") for x in labels if x["file"] == prev)
            if prev_as_of > e.get("as_of", ""):
                errors.append(f"{f}: previous {prev} is dated after this version")
        bare = e.get("bare_assertions", [])
        if rules.get("bare-assertion") != bool(bare):
            errors.append(
                f"{f}: bare-assertion={rules.get('bare-assertion')} but {len(bare)} sentences listed"
            )
        if f in on_disk:
            text = form_text(HERE / f)
            for s in bare:
                if norm(s) not in text:
                    errors.append(f"{f}: bare assertion not found verbatim: {s!r}")
        n_bare += len(bare)
    for err in errors:
        print("ERROR", err)
    print(f"{len(labels)} forms, {n_bare} bare-assertion sentences")
    for r in RULES:
        print(f"  {r:26s} {counts[r]:2d} positive / {len(labels)}")
    print("FAIL" if errors else "PASS")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
