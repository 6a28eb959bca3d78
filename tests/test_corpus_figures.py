"""The labelled development corpus stays above the targets the rules were built to (a regression
guard: the figures themselves are printed by bench/evaluate_rules.py)."""

from __future__ import annotations

import pytest

from bench.evaluate_rules import TARGET_F1, TARGET_PRECISION, Score, evaluate
from tests.conftest import REPO

CORPUS = REPO / "tests" / "corpus"
# The rules with a precision and F1 target in their issues.
TARGETED = (
    "bare-assertion",
    "absent-uncertainty",
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
)


@pytest.fixture(scope="module")
def scores():
    found, problems = evaluate(CORPUS)
    assert problems == []
    return found


def assert_meets_targets(score: Score) -> None:
    assert score.tp > 0
    assert score.precision >= TARGET_PRECISION, score.false_alarms
    assert score.f1 >= TARGET_F1, score.misses


@pytest.mark.parametrize("slug", TARGETED)
def test_rule_meets_its_targets_on_the_development_corpus(scores, slug):
    assert_meets_targets(scores[slug])


HOLDOUTS = [
    REPO / "tests" / name
    for name in ("corpus-holdout", "corpus-holdout2", "corpus-holdout3", "corpus-holdout4", "corpus-holdout5")
]


@pytest.fixture(scope="module")
def pooled():
    """The five corpora once held out, pooled: they are development corpora now, and a change that
    helps one corpus's forms must not cost the others'."""
    totals: dict[str, Score] = {}
    for corpus in HOLDOUTS:
        found, problems = evaluate(corpus)
        assert problems == []
        for slug, score in found.items():
            total = totals.setdefault(slug, Score())
            total.tp, total.fp, total.fn = total.tp + score.tp, total.fp + score.fp, total.fn + score.fn
            total.misses += score.misses
            total.false_alarms += score.false_alarms
    return totals


@pytest.mark.parametrize("slug", TARGETED)
def test_rule_meets_its_targets_on_the_corpora_once_held_out(pooled, slug):
    assert_meets_targets(pooled[slug])
