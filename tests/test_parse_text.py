"""Plain text, Markdown and JSON forms are read into the right sections with their locations."""

from __future__ import annotations

import json

import pytest

from formlint.api import parse
from formlint.errors import CorruptDocument
from tests.helpers import form_from_text

TEXT_FORM = """\
CHILD AND FAMILY ASSESSMENT

Child's name: Ava Carter
Date of birth: 03/05/2021
Social worker: Jo Ellis
Team manager: Priya Shah
Start date: 5 April 2024
Date completed: 17 May 2024

Reason for referral
===================
The school reported a bruise on Ava's arm on 4 March
2024. Mr. Carter said she fell from the climbing frame
at the park.

[Child's views]
Ava said she likes living with her mum.

Parents' views:
Ms Carter said she would do anything to keep Ava safe.

4.2 Analysis
Consider: what is the impact on the child?
Ms Carter's parenting is good enough.

FAVOURITE PLACES
Ava likes the park.
"""


def test_text_headings_in_every_style_become_sections():
    form = form_from_text(TEXT_FORM)
    kinds = [(s.kind, s.heading) for s in form.sections]
    assert kinds == [
        (None, "CHILD AND FAMILY ASSESSMENT"),
        ("referral", "Reason for referral"),
        ("child_views", "Child's views"),
        ("parent_views", "Parents' views"),
        ("analysis", "Analysis"),
        (None, "FAVOURITE PLACES"),
    ]


def test_unknown_headings_are_kept_as_their_own_section():
    form = form_from_text(TEXT_FORM)
    assert form.sections[-1].text == "Ava likes the park."


def test_hard_wrapped_lines_are_joined_back_into_one_paragraph():
    form = form_from_text(TEXT_FORM)
    (block,) = form.sections_of("referral")[0].blocks
    assert block.text.startswith("The school reported a bruise on Ava's arm on 4 March 2024. Mr. Carter said")
    assert block.location.paragraph == 12
    sentences = [s.text for s in form.sections_of("referral")[0].sentences]
    assert sentences[1] == "Mr. Carter said she fell from the climbing frame at the park."


def test_template_guidance_under_a_heading_is_not_content():
    analysis = form_from_text(TEXT_FORM).sections_of("analysis")[0]
    assert analysis.text == "Ms Carter's parenting is good enough."
    assert analysis.blocks[0].label == "guidance" and analysis.blocks[0].blank


def test_metadata_is_typed():
    md = form_from_text(TEXT_FORM).metadata
    assert md.title == "CHILD AND FAMILY ASSESSMENT"
    assert md.worker == "Jo Ellis" and md.manager == "Priya Shah"
    assert md.assessment_start.isoformat() == "2024-04-05"
    assert md.assessment_completed.isoformat() == "2024-05-17"
    assert md.children[0].name == "Ava Carter"
    assert md.children[0].date_of_birth.isoformat() == "2021-05-03"


def test_profile_is_detected_from_the_title():
    assert form_from_text(TEXT_FORM).profile == "cfa"
    assert form_from_text("CHILD PROTECTION PLAN\n\nContingency\nIf ...").profile == "plan"
    assert form_from_text("Signs of Safety assessment\n\nDanger statement\nWe are worried").profile == "sos"


def test_reported_speech_with_a_colon_stays_one_sentence():
    form = form_from_text("Parents' views\n\nMum said: I will keep her safe.\n")
    assert form.sections_of("parent_views")[0].text == "Mum said: I will keep her safe."


def test_markdown_headings_lists_and_comments():
    md = (
        "# Child in need review\n\n## Plan\n\n- Mum will attend Triple P by 30 May\n- School will\n"
        "  report attendance weekly\n\n<!-- note -->\n"
        "## Contingency\nIf attendance falls, a strategy meeting.\n"
    )
    form = parse(md.encode(), name="review.md")
    assert form.format == "md"
    plan = form.sections_of("plan_actions")[0]
    assert [b.text for b in plan.blocks] == [
        "- Mum will attend Triple P by 30 May",
        "- School will report attendance weekly",
    ]
    assert form.sections_of("contingency")[0].text == "If attendance falls, a strategy meeting."


@pytest.mark.parametrize(
    ("encoded", "warned"),
    [
        ("Analysis\nAva’s views — recorded.".encode("utf-8-sig"), False),
        ("Analysis\nAva’s views — recorded.".encode("utf-16"), False),
        ("Analysis\nAva’s views — recorded.".encode("cp1252"), True),
    ],
)
def test_text_encodings(encoded, warned):
    form = parse(encoded, name="form.txt")
    assert form.sections_of("analysis")[0].text == "Ava’s views — recorded."
    assert any(w.code == "encoding" for w in form.warnings) is warned


def test_json_form_sections_metadata_and_locations():
    doc = {
        "metadata": {
            "title": "Initial child protection conference report",
            "worker": "Jo Ellis",
            "meeting_date": "12 Jun 2024",
        },
        "sections": [
            {"heading": "Child's views", "text": "Ava said she misses her dad."},
            {"heading": "Analysis", "text": ["First paragraph.", "Second paragraph."]},
            {"heading": "Gaps in information", "text": ""},
        ],
    }
    form = parse(json.dumps(doc).encode(), name="icpc.json")
    assert form.profile == "cp_conference"
    assert form.metadata.meeting_date.isoformat() == "2024-06-12"
    analysis = form.sections_of("analysis")[0]
    assert [b.text for b in analysis.blocks] == ["First paragraph.", "Second paragraph."]
    assert analysis.blocks[1].location.paragraph == 1 and analysis.blocks[1].location.field == "Analysis"
    assert form.sections_of("gaps")[0].is_blank


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (b'{"sections": 3}', "'sections' list"),
        (b'{"sections": [{"text": "x"}]}', "section 0 needs a string 'heading'"),
        (b'{"sections": [{"heading": "A", "text": 5}]}', "section 0 ('A')"),
        (b'{"sections": [', "not valid JSON"),
    ],
)
def test_bad_json_forms_get_specific_errors(payload, message):
    with pytest.raises(CorruptDocument, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse(payload, name="bad.json")


def test_a_heading_named_for_the_child_is_the_childs_views_section():
    form = form_from_text(
        "Child's name: Kai Morgan\n\nKAI'S VIEWS\nKai said he misses Dom.\n\n"
        "LEANNE'S VIEWS\nShe wants Kai to feel safe.\n"
    )
    kinds = {s.heading: s.kind for s in form.sections}
    assert kinds["KAI'S VIEWS"] == "child_views"
    # Not the child: a named person's own views are a family adult's (a professional's heading
    # names the role or agency, "Health visitor's view", and is not read as views at all).
    assert kinds["LEANNE'S VIEWS"] == "parent_views"


def test_a_label_line_directly_under_a_known_heading_is_its_answer():
    form = form_from_text(
        "RECOMMENDATION\nChild in Need plan: referral to the alcohol service and after-school care.\n"
    )
    (section,) = [s for s in form.sections if s.heading]
    assert section.kind == "recommendation"
    assert section.text.startswith("Child in Need plan: referral")


def test_pipe_tables_become_cells_labelled_by_their_column():
    form = form_from_text(
        "PLAN\n\n| What needs to change | Action | Who | When |\n|---|---|---|---|\n"
        "| Jasmine sleeps well | Quiet evenings | Mr and Mrs Aziz | From 20/05/2024 |\n"
        "| Asthma is managed | GP review | Mrs Aziz | |\n",
        name="plan.md",
    )
    (plan,) = form.sections_of("plan_actions")
    cells = [(b.label, b.text, b.location.row, b.location.cell) for b in plan.blocks]
    assert ("Who", "Mr and Mrs Aziz", 2, 3) in cells
    assert ("Action", "GP review", 3, 2) in cells
    assert not any(label == "When" and row == 3 for label, _, row, _ in cells)  # empty cell: nothing to read
    assert len(form.sections) == 1  # column headings open no sections of their own


def test_a_lone_na_under_a_heading_is_an_answer_not_a_heading():
    form = form_from_text("CONTINGENCY PLAN\n\nN/A\n\nMANAGER'S COMMENTS\nAgreed.\n")
    (contingency,) = form.sections_of("contingency")
    assert contingency.text.strip() == "N/A"


def test_a_capitalised_short_answer_is_not_a_heading():
    form = form_from_text("CONTINGENCY\nTBC\n\nPLAN\n1. Mum to attend the GP by 3 May.\n")
    (contingency,) = form.sections_of("contingency")
    assert contingency.text.strip() == "TBC"


def test_case_system_prints_with_numbered_questions_and_answers():
    form = form_from_text(
        "Q1. Reason for assessment (what is the assessment trying to find out?)\n"
        "A: Kian was reported missing three times in January.\n\n"
        "Q2. Sources of information / how the assessment was completed\n"
        "A: Home visits on 29/01 and 12/02.\n"
    )
    kinds = [s.kind for s in form.sections if s.heading]
    assert kinds == ["referral", "basis_of_assessment"]
    assert form.sections_of("referral")[0].text.startswith("Kian was reported")


def test_details_blocks_keep_one_field_or_person_per_line():
    form = form_from_text(
        "ASSESSMENT\n\n"
        "Children:      Amber Walker, born 03/05/2018 (6)\n"
        "               Leo Walker, born 12/01/2024 (9 months)\n"
        "Mother:        Jade Walker (26)\n"
        "Manager: Paul Ogden    Manager authorised: 20/03/2025\n\n"
        "FAMILY AND HOUSEHOLD\n"
        "Harris McLeod, born 19/09/2012 (12), Strathmore Primary\n"
        "Morag McLeod (36), mother, lives at 8 Burnside Road\n"
    )
    assert form.metadata.manager == "Paul Ogden"
    names = {(m.name, m.role) for m in form.people}
    assert ("Jade Walker", "mother") in names and ("Morag McLeod", "mother") in names
    assert {"Amber Walker", "Leo Walker", "Harris McLeod"} <= {m.name for m in form.people.children}


def test_markdown_heading_levels_bold_run_ins_and_bilingual_headings_are_read():
    form = form_from_text(
        "# Report to conference\n\n## 3. Agency reports\n\n### 3.1 Police\n\nTwo call-outs.\n\n"
        "### 3.2 Social care\n\n**Risk analysis.** The violence is escalating.\n\n"
        "## Adran 11: Dadansoddiad / Section 11: Analysis\n\nWe do not yet know why.\n",
        name="report.md",
    )
    kinds = {s.heading: s.kind for s in form.sections}
    assert kinds["Police"] == "agency_checks"  # "### 3.1 Police": a sub-section of "Agency reports"
    assert kinds["Risk analysis"] == "risk_analysis"
    assert kinds["Adran 11: Dadansoddiad / Section 11: Analysis"] == "analysis"


def test_question_prompts_and_ruled_headings_open_sections():
    form = form_from_text(
        "REPORT TO INITIAL CHILD PROTECTION CONFERENCE\n\nQ: Why has this conference been called?\n"
        "    The nursery referred Demi on 30/05/2025.\n\nQ: What is your analysis?\n"
        "    Demi has been neglected.\n\n== Worries ==\n\nDemi may go hungry.\n"
    )
    kinds = {s.heading: s.kind for s in form.sections}
    assert kinds["Why has this conference been called"] == "referral"
    assert kinds["What is your analysis"] == "analysis"
    assert kinds["Worries"] == "risk_analysis"
