#!/usr/bin/env python3
"""Score ``formlint.language.uncertainty_cues`` on third-party uncertainty corpora.

A sentence is predicted "uncertain" iff ``uncertainty_cues(text, profile)`` is
non-empty.  Reports precision / recall / F1 of the ``uncertain`` class (the
CoNLL-2010 Task 1 metric) on the test split of Szeged bio, Szeged wiki and
BioScope full papers, then the same on the train split (the only split that
may be looked at when refining lexicons), then throughput.

Usage (from the repository root)::

    PYTHONPATH=. .venv/bin/python bench/uncertainty_benchmark.py [--shared DIR]

The corpora are research-only data in the shared folder; nothing here ships.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from formlint.language import uncertainty_cues

REPO = Path(__file__).resolve().parent.parent
PROFILES = ("forms", "benchmark")

Row = dict[str, object]


def load(path: Path) -> list[Row]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def datasets(shared: Path) -> dict[str, list[Row]]:
    bench = shared / "benchmarks"
    szeged = load(bench / "szeged_uncertainty" / "sentences.jsonl")
    return {
        "szeged bio": [r for r in szeged if r["domain"] == "bio"],
        "szeged wiki": [r for r in szeged if r["domain"] == "wiki"],
        "bioscope": load(bench / "bioscope" / "sentences.jsonl"),
    }


def score(rows: Iterable[Row], predict: Callable[[str], bool]) -> dict[str, float]:
    tp = fp = fn = n = 0
    for row in rows:
        n += 1
        gold = row["label"] == "uncertain"
        pred = predict(str(row["text"]))
        tp += gold and pred
        fp += pred and not gold
        fn += gold and not pred
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"n": n, "tp": tp, "fp": fp, "fn": fn, "p": p, "r": r, "f1": f}


def baseline(shared: Path) -> dict[str, dict[str, float]]:
    path = shared / "benchmarks" / "baseline_results.json"
    if not path.exists():
        return {}
    results = json.loads(path.read_text(encoding="utf-8"))["results"]
    names = {
        "szeged bio": "szeged bio",
        "szeged wiki": "szeged wiki",
        "bioscope": "bioscope (abstracts->full papers)",
    }
    return {ours: results[theirs] for ours, theirs in names.items() if theirs in results}


def report(shared: Path, profiles: Iterable[str]) -> None:
    data = datasets(shared)
    base = baseline(shared)
    for split in ("test", "train"):
        print(f"\n## {split} split")
        print("| set | profile | n | TP | FP | FN | P | R | F1 |")
        print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
        for name, rows in data.items():
            part = [r for r in rows if r["split"] == split]
            if split == "test" and name in base:
                b = base[name]
                print(
                    f"| {name} | baseline_lexicon | {b['n']} | {b['tp']} | {b['fp']} "
                    f"| {b['fn']} | {b['precision']:.3f} | {b['recall']:.3f} "
                    f"| {b['f1']:.3f} |"
                )
            for profile in profiles:
                s = score(part, lambda t, p=profile: bool(uncertainty_cues(t, p)))  # type: ignore[misc]
                print(
                    f"| {name} | {profile} | {s['n']} | {s['tp']} | {s['fp']} | {s['fn']} "
                    f"| {s['p']:.3f} | {s['r']:.3f} | {s['f1']:.3f} |"
                )
    texts = [str(r["text"]) for rows in data.values() for r in rows]
    print("\n## speed")
    for profile in profiles:
        start = time.perf_counter()
        for text in texts:
            uncertainty_cues(text, profile)  # type: ignore[arg-type]
        elapsed = time.perf_counter() - start
        print(
            f"{profile}: {len(texts)} sentences in {elapsed:.2f} s = {len(texts) / elapsed:,.0f} sentences/s"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--shared",
        type=Path,
        default=REPO.parent / "shared",
        help="shared research folder (default: ../shared)",
    )
    parser.add_argument("--profile", choices=(*PROFILES, "both"), default="both")
    args = parser.parse_args()
    profiles = PROFILES if args.profile == "both" else (args.profile,)
    report(args.shared, profiles)


if __name__ == "__main__":
    main()
