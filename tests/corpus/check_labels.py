#!/usr/bin/env python3
"""Check tests/corpus/labels.json against the corpus forms.

* every file in forms/ is labelled, and every labelled file exists;
* every form has all 47 rule labels as booleans, plus as_of/previous/notes
  and the six item lists (bare_assertions, unclear_actions,
  unattributed_reports, jargon_terms, undefined_acronyms, vague_quantifiers);
* each rule with an item list is true iff its list is non-empty
  (bare-assertion, unclear-action-ownership, unattributed-report,
  unexplained-jargon, undefined-acronym, vague-quantifier);
* every listed string appears verbatim in the form's text after
  hard-wrapped lines are joined with single spaces (.txt/.md directly; .json
  via its metadata and section headings/texts; .docx/.pdf via the source text
  in src/<name>.json, which tools/make_corpus_docs.py renders); jargon terms
  and acronyms must match as whole words (case-sensitive); no string is
  listed twice;
* "previous" is null, a labelled form, or (for a series of three or more
  versions) a list of labelled forms, oldest first, each with an earlier
  as_of than the form itself;
* every rule has at least MIN_POSITIVES positive forms.

Run: python tests/corpus/check_labels.py   (exit status 0 = pass)
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
    # the fourteen management, multi-agency and plan rules added later
    "mother-only-responsibility",
    "self-report-as-evidence",
    "expert-assessment-awaited",
    "service-gap-unescalated",
    "practitioner-stopgap-safety",
    "process-driven-decision",
    "completed-with-outstanding-actions",
    "incident-only-focus",
    "referrer-feedback-missing",
    "agency-contribution-missing",
    "one-off-assessment",
    "contingency-missing",
    "non-smart-action",
    "overestimated-service-remit",
    # the nineteen judgement-over-time, recording, writing-for-families and
    # structure rules added last
    "drift-across-reviews",
    "boilerplate-copy",
    "unattributed-report",
    "unrecorded-assessment-limitations",
    "thin-section",
    "description-without-analysis",
    "impact-on-child-missing",
    "danger-statement-missing",
    "optimism-without-evidence",
    "dispositional-attribution",
    "conclusion-contradicts-analysis",
    "unexplained-jargon",
    "undefined-acronym",
    "readability-for-families",
    "vague-quantifier",
    "missing-required-section",
    "missing-metadata",
    "timescale-metadata",
    "unparsed-content",
]
# every rule needs at least this many positive forms in the corpus
MIN_POSITIVES = 3
# rule -> the per-item list that must be non-empty exactly when it is true
LISTS = {
    "bare-assertion": "bare_assertions",
    "unclear-action-ownership": "unclear_actions",
    "unattributed-report": "unattributed_reports",
    "unexplained-jargon": "jargon_terms",
    "undefined-acronym": "undefined_acronyms",
    "vague-quantifier": "vague_quantifiers",
}
# lists of words/terms (matched as whole words) rather than sentences/lines
WORD_LISTS = {"jargon_terms", "undefined_acronyms"}


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
    by_file = {x["file"]: x for x in labels}
    counts = {r: 0 for r in RULES}
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
        try:
            dt.date.fromisoformat(e.get("as_of", ""))
        except ValueError:
            errors.append(f"{f}: as_of is not an ISO date")
        prev = e.get("previous")
        prevs = prev if isinstance(prev, list) else ([] if prev is None else [prev])
        if isinstance(prev, list) and (not prev or len(set(prev)) != len(prev)):
            errors.append(f"{f}: previous list is empty or has duplicates")
        last = ""
        for p in prevs:
            if not isinstance(p, str) or p not in files:
                errors.append(f"{f}: previous {p} is not a labelled form")
                continue
            p_as_of = by_file[p].get("as_of", "")
            if not (last < p_as_of < e.get("as_of", "")):
                errors.append(f"{f}: previous {p} is not older than the form or out of order")
            last = p_as_of
        text = form_text(HERE / f) if f in on_disk else None
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
                    if key in WORD_LISTS:
                        found = re.search(r"(?<![\w-])" + re.escape(norm(s)) + r"(?![\w-])", text)
                    else:
                        found = norm(s) in text
                    if not found:
                        errors.append(f"{f}: {key} entry not found verbatim: {s!r}")
            n_items[key] += len(items)
    for r in RULES:
        if counts[r] < MIN_POSITIVES:
            errors.append(f"rule {r}: only {counts[r]} positive forms (need {MIN_POSITIVES})")
    for err in errors:
        print("ERROR", err)
    print(
        f"{len(labels)} forms, {n_items['bare_assertions']} bare-assertion sentences, "
        f"{n_items['unclear_actions']} unclear actions, "
        f"{n_items['unattributed_reports']} unattributed reports, "
        f"{n_items['jargon_terms']} jargon terms, "
        f"{n_items['undefined_acronyms']} undefined acronyms, "
        f"{n_items['vague_quantifiers']} vague-quantifier sentences"
    )
    for r in RULES:
        print(f"  {r:34s} {counts[r]:2d} positive / {len(labels)}")
    print("FAIL" if errors else "PASS")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
