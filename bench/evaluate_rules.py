#!/usr/bin/env python3
"""Per-rule precision, recall and F1 of formlint on a labelled corpus.

The corpus is a folder with ``labels.json`` (see ``tests/corpus/README.md``):
one entry per form with ``file``, ``as_of``, ``previous`` (a file, a list of files
oldest first, or null) and a boolean per rule slug; ``bare_assertions`` lists the
bare sentences verbatim.
``bare-assertion`` is scored per sentence and ``unclear-action-ownership`` per
action (a finding matches a labelled item when their whitespace-normalised
texts are equal, or one contains the other, which absorbs small differences
in sentence splitting and list markers); every other rule is scored per form
(flagged = at least one finding).

Usage::

    python bench/evaluate_rules.py [CORPUS_DIR] [--show] [--json]

``--show`` lists each false positive and false negative, for development.
Exit status 1 when a rule misses the targets (precision 0.9, F1 0.85).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

import regex

from formlint.api import check_one

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent / "tests" / "corpus"
# Rules scored per item (a sentence, an action line) against a list in each form's labels.
ITEM_RULES = {
    "bare-assertion": "bare_assertions",
    "unclear-action-ownership": "unclear_actions",
    "unattributed-report": "unattributed_reports",
}
TARGET_PRECISION = 0.9
TARGET_F1 = 0.85


def normalise(text: str) -> str:
    text = regex.sub(r"[\u2018\u2019]", "'", text)
    text = regex.sub(r"[\u201c\u201d]", '"', text)
    return regex.sub(r"\s+", " ", text).strip().rstrip(".").strip().casefold()


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def meets_targets(self) -> bool:
        return self.precision >= TARGET_PRECISION and self.f1 >= TARGET_F1


def _same_sentence(found: str, labelled: str) -> bool:
    contained = found in labelled or labelled in found
    return found == labelled or (min(len(found), len(labelled)) >= 8 and contained)


def score_sentences(score: Score, name: str, found: list[str], labelled: list[str]) -> None:
    remaining = [normalise(s) for s in labelled]
    originals = list(labelled)
    for text in found:
        key = normalise(text)
        hit = next((i for i, lab in enumerate(remaining) if _same_sentence(key, lab)), None)
        if hit is None:
            score.fp += 1
            score.false_alarms.append(f"{name}: {text}")
        else:
            score.tp += 1
            del remaining[hit]
            del originals[hit]
    score.fn += len(remaining)
    score.misses.extend(f"{name}: {text}" for text in originals)


def evaluate(corpus: Path) -> tuple[dict[str, Score], list[str]]:
    labels = json.loads((corpus / "labels.json").read_text(encoding="utf-8"))["forms"]
    scores: dict[str, Score] = {}
    problems: list[str] = []
    for entry in labels:
        path = corpus / entry["file"]
        # "previous": one earlier version's file, or a list of them, oldest first.
        given = entry.get("previous") or []
        previous = [corpus / name for name in ([given] if isinstance(given, str) else given)]
        as_of = dt.date.fromisoformat(entry["as_of"]) if entry.get("as_of") else None
        result = check_one(path, previous=previous, as_of=as_of)
        if result.error is not None:
            problems.append(f"{entry['file']}: {result.error}")
            continue
        problems.extend(f"{entry['file']}: rule {f.rule} failed: {f.message}" for f in result.rule_failures)
        by_rule: dict[str, list[str]] = {}
        for finding in result.findings:
            by_rule.setdefault(finding.rule, []).append(finding.text or "")
        for slug, expected in entry["rules"].items():
            score = scores.setdefault(slug, Score())
            found = by_rule.get(slug, [])
            if slug in ITEM_RULES:
                score_sentences(score, entry["file"], found, entry.get(ITEM_RULES[slug], []))
                continue
            if found and expected:
                score.tp += 1
            elif found:
                score.fp += 1
                score.false_alarms.append(f"{entry['file']}: {found[0][:120]}")
            elif expected:
                score.fn += 1
                score.misses.append(entry["file"])
    return scores, problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--show", action="store_true", help="list false positives and negatives")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    scores, problems = evaluate(args.corpus)
    for problem in problems:
        print(f"problem: {problem}", file=sys.stderr)
    if args.json:
        print(
            json.dumps(
                {
                    slug: {"tp": s.tp, "fp": s.fp, "fn": s.fn, "precision": round(s.precision, 3),
                           "recall": round(s.recall, 3), "f1": round(s.f1, 3)}
                    for slug, s in scores.items()
                },
                indent=2,
            )
        )
    else:
        unit = {
            "bare-assertion": "sentences",
            "unclear-action-ownership": "actions",
            "unattributed-report": "sentences",
        }
        print(f"{'rule':28} {'unit':9} {'TP':>4} {'FP':>4} {'FN':>4} {'P':>6} {'R':>6} {'F1':>6}")
        for slug, s in scores.items():
            mark = "" if s.meets_targets() else "  below target"
            print(
                f"{slug:28} {unit.get(slug, 'forms'):9} {s.tp:4} {s.fp:4} {s.fn:4} "
                f"{s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}{mark}"
            )
    if args.show:
        for slug, s in scores.items():
            for line in s.false_alarms:
                print(f"FP {slug}: {line}")
            for line in s.misses:
                print(f"FN {slug}: {line}")
    return 0 if all(s.meets_targets() for s in scores.values()) and not problems else 1


if __name__ == "__main__":
    sys.exit(main())
