"""The bundled samples are read into the sections a person sees in them, in every format."""

from __future__ import annotations

import datetime as dt

import pytest

from formlint.api import check_one, parse
from tests.conftest import SAMPLES


def kinds(name: str) -> list[str | None]:
    return [s.kind for s in parse(SAMPLES / name).sections]


@pytest.mark.parametrize(
    ("name", "fmt", "profile", "expected"),
    [
        (
            "cfa-table-form.docx",
            "docx",
            "cfa",
            [
                "family_composition",
                "referral",
                "basis_of_assessment",
                "child_views",
                "parent_views",
                "parenting_capacity",
                "gaps",
                "analysis",
                "recommendation",
                "plan_actions",
                "manager_oversight",
            ],
        ),
        (
            "cp-conference-headings.docx",
            "docx",
            "cp_conference",
            [
                "referral",
                "chronology",
                "child_views",
                "parent_views",
                "risk_analysis",
                "strengths",
                "analysis",
                "gaps",
                "recommendation",
                "plan_actions",
                "contingency",
                "manager_oversight",
            ],
        ),
        (
            "cin-plan-controls.docx",
            "docx",
            "plan",
            ["review_progress", "child_views", "parent_views", "plan_actions", "contingency"],
        ),
        (
            "cfa-guidance-left.docx",
            "docx",
            "cfa",
            ["referral", "child_views", "parent_views", "analysis", "recommendation", "manager_oversight"],
        ),
        (
            "eha-flattened.pdf",
            "pdf",
            "eha",
            [
                "child_details",
                "family_composition",
                "consent",
                "referral",
                "child_views",
                "parent_views",
                "strengths",
                "risk_analysis",
                "plan_actions",
            ],
        ),
        (
            "cp-plan-fillable.pdf",
            "pdf",
            "plan",
            [
                "family_composition",
                "danger_statement",
                "safety_goal",
                "child_views",
                "parent_views",
                "plan_actions",
            ],
        ),
        (
            "sos-assessment.txt",
            "txt",
            "sos",
            ["risk_analysis", "strengths", "danger_statement", "safety_goal", "child_views", "scaling"],
        ),
        (
            "cfa-review.md",
            "md",
            "plan",
            [
                "family_composition",
                "review_progress",
                "child_views",
                "parent_views",
                "analysis",
                "plan_actions",
                "contingency",
                "manager_oversight",
            ],
        ),
        (
            "icpc-from-system.json",
            "json",
            "cp_conference",
            [
                "referral",
                "child_views",
                "parent_views",
                "risk_analysis",
                "strengths",
                "analysis",
                "gaps",
                "recommendation",
                "plan_actions",
                "manager_oversight",
            ],
        ),
    ],
)
def test_each_sample_is_read_into_its_sections_in_order(name, fmt, profile, expected):
    form = parse(SAMPLES / name)
    assert (form.format, form.profile) == (fmt, profile)
    found = [k for k in kinds(name) if k in expected]
    # every expected section present, in the order the form has them
    deduped = [k for i, k in enumerate(found) if i == 0 or found[i - 1] != k]
    assert [k for k in expected if k in deduped] == expected
    positions = [deduped.index(k) for k in expected]
    assert positions == sorted(positions)


def test_sample_metadata_is_typed():
    md = parse(SAMPLES / "cfa-table-form.docx").metadata
    assert md.title == "Child and Family Assessment"
    assert md.assessment_start == dt.date(2024, 2, 27) and md.assessment_completed == dt.date(2024, 4, 23)
    assert md.worker == "Priya Shanmugam" and md.manager == "Joanne Whitlock"
    assert md.children[0].name == "Ellie-Mae Harrow" and md.children[0].date_of_birth == dt.date(2017, 2, 14)
    plan = parse(SAMPLES / "cp-plan-fillable.pdf").metadata
    assert plan.title == "Child Protection Plan" and plan.plan_date == dt.date(2024, 6, 24)


def test_fillable_pdf_answers_arrive_with_their_labels_and_pages():
    form = parse(SAMPLES / "cp-plan-fillable.pdf")
    views = form.sections_of("child_views")[0]
    assert views.blocks[0].location.page == 3 and views.blocks[0].location.field == "child_views"
    assert len(views.text.split()) > 20


def test_content_control_values_are_read_and_unfilled_ones_are_blank():
    form = parse(SAMPLES / "cin-plan-controls.docx")
    father = next(s for s in form.sections if s.heading == "Father's views")
    assert father.is_blank and father.blocks[0].blank
    assert father.blocks[0].text.strip() == "Click or tap here to enter text."
    assert not form.sections_of("child_views")[0].is_blank


def test_template_guidance_left_in_a_word_form_is_not_the_workers_words():
    analysis = parse(SAMPLES / "cfa-guidance-left.docx").sections_of("analysis")[0]
    assert analysis.is_blank and any(b.label == "guidance" for b in analysis.blocks)


@pytest.mark.parametrize(
    ("name", "heading", "quote"),
    [
        ("cfa-table-form.docx", "Child's views", "N/A"),
        ("cfa-guidance-left.docx", "Analysis", None),
        ("cfa-guidance-left.docx", "Parents' views", "See above."),
        ("cin-plan-controls.docx", "Father's views", "Click or tap here to enter text."),
        ("sos-assessment.txt", "Complicating factors", "see above"),
        ("icpc-from-system.json", "Gaps in information", "TBC"),
    ],
)
def test_placeholder_findings_on_the_samples(name, heading, quote):
    result = check_one(SAMPLES / name, as_of=dt.date(2024, 9, 1))
    hits = [f for f in result.findings if f.rule == "placeholder-text" and f.heading == heading]
    assert hits and (quote is None or hits[0].text.strip() == quote)


def test_good_sample_has_no_placeholder_findings():
    result = check_one(SAMPLES / "cp-conference-headings.docx")
    assert [f for f in result.findings if f.rule == "placeholder-text"] == []


def test_household_members_come_from_the_family_composition_table():
    people = parse(SAMPLES / "cfa-table-form.docx").metadata.household
    by_name = {p.name: p for p in people}
    assert by_name["Danielle Harrow"].role == "Mother" and by_name["Danielle Harrow"].in_household is True
    assert by_name["Danielle Harrow"].date_of_birth == dt.date(1994, 6, 11)
    assert by_name["Lee Parkin"].role == "Father" and by_name["Lee Parkin"].in_household is False
