"""Every installed rule's documented examples behave as documented, and its docs page is current."""

from __future__ import annotations

import pytest

from formlint.registry import discover
from formlint.ruledoc import render
from formlint.testing import check_examples
from tests.conftest import REPO

RULES = discover().rules


def test_the_builtin_pack_is_found_through_its_entry_point():
    assert discover().problems == ()
    assert any(r.slug == "placeholder-text" for r in RULES)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.slug)
def test_rule_examples_behave_as_documented(rule):
    assert check_examples(rule) == []


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.slug)
def test_rule_metadata_is_complete(rule):
    assert rule.code[0] in "TMCAFJWS" and rule.code[1:].isdigit()
    assert rule.slug == rule.slug.lower() and " " not in rule.slug
    for text in (rule.summary, rule.why, rule.fix, rule.pattern_text()):
        assert text.strip()


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.slug)
def test_generated_rule_docs_page_is_up_to_date(rule):
    page = REPO / "docs" / "rules" / f"{rule.slug}.md"
    assert page.read_text(encoding="utf-8") == render(rule), "run: python tools/gen_rule_docs.py"
