"""Versions of one case: ordering, pairing of sections and actions, and --previous on the command line."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from formlint.api import check_one
from formlint.cli import main, previous_versions
from formlint.rule import Context, Example
from formlint.ruledoc import render
from formlint.testing import run_example
from formlint.versions import (
    carried_actions,
    order_versions,
    pair_actions,
    pair_sections,
    section_chain,
    version_date,
    words,
)
from tests.helpers import form_from_text

ACTIONS = "ACTIONS\n1. Family support worker to visit weekly.\n2. Social worker to visit every four weeks.\n"


def plan(date_line: str, extra: str = "", actions: str = ACTIONS, name: str = "plan.txt"):
    return form_from_text(f"CHILD IN NEED PLAN\n{date_line}\n\n{extra}{actions}", name=name)


# Ordering


def test_version_date_prefers_the_plan_date_to_the_review_date():
    form = plan("Plan date: 01/03/2024\nReview date: 01/06/2024")
    assert version_date(form) == dt.date(2024, 3, 1)


def test_version_date_is_none_when_the_form_records_no_date():
    assert version_date(form_from_text("CHILD IN NEED PLAN\n\n" + ACTIONS)) is None


def test_versions_with_dates_are_ordered_by_date_not_by_name():
    late = plan("Plan date: 01/06/2024", name="a.txt")
    early = plan("Plan date: 01/01/2024", name="b.txt")
    assert order_versions([late, early]) == [early, late]


def test_versions_are_ordered_by_file_name_when_one_lacks_a_date():
    dated = plan("Plan date: 01/01/2024", name="review-10.txt")
    undated = form_from_text("CHILD IN NEED PLAN\n\n" + ACTIONS, name="review-2.txt")
    assert order_versions([dated, undated]) == [undated, dated]  # 2 before 10, numbers as numbers


# Pairing sections


def test_sections_pair_by_kind_even_when_the_heading_changes():
    before = form_from_text(
        "CIN PLAN\nPlan date: 01/01/2024\n\nANALYSIS\nOld.\n\nCHILD'S VIEWS\nLikes school."
    )
    after = form_from_text(
        "CIN REVIEW\n\nCHILD'S VIEWS\nStill likes school.\n\nANALYSIS OF RISK AND NEED\nNew."
    )
    pairs = {p.later.heading: p for p in pair_sections(before, after) if p.later is not None}
    views = pairs["CHILD'S VIEWS"]
    assert views.earlier is not None and views.earlier.heading == "CHILD'S VIEWS" and views.by == "kind"


def test_unknown_sections_pair_by_normalised_heading():
    before = form_from_text("CIN PLAN\n\n1. Football club:\nGoes on Fridays.")
    after = form_from_text("CIN REVIEW\n\nFootball club\nStopped going.")
    [pair] = [
        p for p in pair_sections(before, after) if p.later is not None and p.later.heading.startswith("Foot")
    ]
    assert pair.by == "heading" and pair.earlier is not None


def test_a_section_new_in_the_later_version_has_no_counterpart_and_old_ones_are_listed():
    before = form_from_text("CIN PLAN\n\nANALYSIS\nOld.")
    after = form_from_text("CIN REVIEW\n\nCHILD'S VIEWS\nNew.")
    pairs = pair_sections(before, after)
    assert any(p.later is not None and p.later.kind == "child_views" and p.earlier is None for p in pairs)
    assert any(p.later is None and p.earlier is not None and p.earlier.kind == "analysis" for p in pairs)


def test_section_chain_follows_a_section_back_through_every_version():
    versions = [form_from_text(f"CIN REVIEW\n\nANALYSIS\nText {n}.", name=f"v{n}.txt") for n in (1, 2, 3)]
    chain = section_chain(versions, versions[-1].sections_of("analysis")[0])
    assert [s.text for s in chain] == ["Text 1.", "Text 2.", "Text 3."]


# Pairing actions


def test_words_drop_dates_numbers_and_list_markers():
    assert words("2. Review on 19/09/2024 - SW") == ["review", "on", "sw"]


def test_actions_pair_by_similarity_whatever_their_order():
    before = plan("Plan date: 01/01/2024").actions
    after = plan(
        "Plan date: 01/04/2024",
        actions="ACTIONS\n1. SW to visit every four weeks.\n2. Family support worker to visit weekly.\n",
    ).actions
    pairs = pair_actions(before, after)
    assert [(p.earlier.text, p.later.text) for p in pairs] == [
        (before[1].text, after[0].text),
        (before[0].text, after[1].text),
    ]


def test_a_new_action_is_left_unpaired():
    before = plan("Plan date: 01/01/2024").actions
    after = plan(
        "Plan date: 01/04/2024", actions="ACTIONS\n1. Mr Bell not to come to the family home.\n"
    ).actions
    assert pair_actions(before, after) == []


def test_carried_actions_are_those_found_in_every_version():
    v1 = plan("Plan date: 01/01/2024")
    v2 = plan("Plan date: 01/04/2024", actions="ACTIONS\n1. Family support worker to visit weekly.\n")
    v3 = plan("Plan date: 01/07/2024")
    chains = carried_actions([v1, v2, v3])
    assert [[a.text for a in c] for c in chains] == [["Family support worker to visit weekly."] * 3]


# Examples with several previous versions


def test_an_example_may_give_several_previous_versions_oldest_first():
    example = Example(
        "CIN REVIEW\n\nANALYSIS\nNow.", True, previous=("CIN\n\nANALYSIS\nA.", "CIN\n\nANALYSIS\nB.")
    )
    assert example.previous_versions == ("CIN\n\nANALYSIS\nA.", "CIN\n\nANALYSIS\nB.")
    assert Example("x", True, previous="one").previous_versions == ("one",)
    assert Example("x", True).previous_versions == ()


def test_run_example_gives_the_rule_every_previous_version(monkeypatch):
    from formlint.rule import Rule

    seen: list[Context] = []

    class Spy(Rule):
        code, slug, summary, pattern = "T999", "spy", "spy", "1a"

        def check(self, form, context):
            seen.append(context)
            return iter(())

    run_example(
        Spy, Example("CIN\n\nANALYSIS\nC.", False, previous=("CIN\n\nANALYSIS\nA.", "CIN\n\nANALYSIS\nB."))
    )
    assert [f.sections[-1].text for f in seen[0].previous] == ["A.", "B."]


def test_docs_page_numbers_several_previous_versions():
    from formlint_rules.drift_across_reviews import DriftAcrossReviews

    page = render(DriftAcrossReviews)
    assert "Version 1 of 3:" in page and "Version 2 of 3:" in page and "Current version:" in page


# The command line


V1 = "CHILD IN NEED PLAN\nPlan date: 28/02/2024\n\n" + ACTIONS + "3. Plan to be reviewed on 20/05/2024.\n"
V2 = (
    "CHILD IN NEED REVIEW\nDate of review: 20/05/2024\n\nPROGRESS\nGoing well.\n\n"
    + ACTIONS
    + "3. Plan to be reviewed on 19/08/2024.\n"
)
V3 = (
    "CHILD IN NEED REVIEW\nDate of review: 19/08/2024\n\nCHANGES SINCE THE LAST PLAN\nOn 14/08/2024 police "
    "were "
    "called after Mr Bell cut Ms Bell's forehead.\n\n" + ACTIONS + "3. Plan to be reviewed on 19/11/2024.\n"
)


@pytest.fixture
def case(tmp_path: Path) -> Path:
    folder = tmp_path / "case"
    folder.mkdir()
    # File names deliberately out of date order: the recorded dates decide.
    (folder / "c-first.txt").write_text(V1, encoding="utf-8")
    (folder / "a-second.txt").write_text(V2, encoding="utf-8")
    (folder / "b-third.txt").write_text(V3, encoding="utf-8")
    return folder


def test_a_previous_folder_is_ordered_by_recorded_dates_and_excludes_the_checked_form(case):
    found = previous_versions([str(case)], str(case / "b-third.txt"), None)
    assert [Path(f.path).name for f in found if not isinstance(f, str)] == ["c-first.txt", "a-second.txt"]


def test_a_previous_folder_keeps_only_versions_before_the_checked_one(case):
    found = previous_versions([str(case)], str(case / "a-second.txt"), None)
    assert [Path(f.path).name for f in found if not isinstance(f, str)] == ["c-first.txt"]


def test_previous_files_are_kept_in_the_order_given(case):
    given = [str(case / "c-first.txt"), str(case / "a-second.txt")]
    assert previous_versions(given, str(case / "b-third.txt"), None) == given


def test_repeated_previous_reaches_the_revision_rule(case, capsys):
    status = main(
        [
            "check",
            "--format",
            "json",
            "--select",
            "unrevised-plan",
            "--as-of",
            "2024-08-25",
            "--previous",
            str(case / "c-first.txt"),
            "--previous",
            str(case / "a-second.txt"),
            str(case / "b-third.txt"),
        ]
    )
    report = json.loads(capsys.readouterr().out)
    [finding] = report["files"][0]["findings"]
    assert status == 1 and finding["message"].startswith("Plan unchanged from the previous version")


def test_a_previous_folder_reaches_the_revision_rule(case, capsys):
    args = [
        "check",
        "--select",
        "J601",
        "--as-of",
        "2024-08-25",
        "--previous",
        str(case),
        str(case / "b-third.txt"),
    ]
    assert main(args) == 1
    assert "Plan unchanged from the previous version" in capsys.readouterr().out


def test_previous_with_several_forms_to_check_is_still_a_usage_error(case, capsys):
    assert (
        main(["check", "--previous", str(case), str(case / "a-second.txt"), str(case / "b-third.txt")]) == 2
    )
    assert "exactly one form" in capsys.readouterr().err


def test_an_unreadable_form_in_a_previous_folder_is_an_input_error(case, capsys):
    (case / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    assert main(["check", "--previous", str(case), str(case / "b-third.txt")]) == 2
    assert "broken.docx: error:" in capsys.readouterr().err


def test_check_one_passes_every_previous_version_to_the_rules(case):
    from formlint.rule import Rule

    seen: list[int] = []

    class Count(Rule):
        code, slug, summary, pattern = "T998", "count", "count", "1a"

        def check(self, form, context):
            seen.append(len(context.previous))
            return iter(())

    check_one(case / "b-third.txt", previous=[case / "c-first.txt", case / "a-second.txt"], rules=[Count])
    assert seen == [2]
