"""Structure rules: missing-required-section (S801), missing-metadata (S802),
timescale-metadata (S803) and unparsed-content (S804)."""

from __future__ import annotations

import datetime as dt

import pytest

from formlint.engine import run_rules
from formlint.finding import Severity
from formlint.model import Form, Location, Metadata, ParseWarning, Section
from formlint.rule import Context
from formlint_rules.missing_metadata import MissingMetadata, label_fact, names_child_age, read_facts
from formlint_rules.missing_required_section import MissingRequiredSection
from formlint_rules.timescale_metadata import TimescaleMetadata, working_days
from formlint_rules.unparsed_content import UnparsedContent
from tests.helpers import form_from_text


def findings(rule, form_or_text, *, options=None, profile=None):
    form = form_or_text if isinstance(form_or_text, Form) else form_from_text(form_or_text, profile=profile)
    found, failures = run_rules(form, [rule], Context(options=options or {}))
    assert failures == []
    return found


CFA = (
    "CHILD AND FAMILY ASSESSMENT\n"
    "Child: Ellie Ward (8)\nHousehold: Rachel Ward (mother), Finn Ward (4)\n"
    "Social worker: Karen Bright\nTeam manager: Simon Ojo\n"
    "Assessment start: 02/09/2024\nDate completed: 14/10/2024\n\n"
    "REASON FOR REFERRAL\nMs Ward asked for help with Ellie's hitting.\n\n"
    "HOW THE ASSESSMENT WAS DONE\nFour home visits; Ellie was seen alone twice.\n\n"
    "CHILD'S VIEWS\nEllie said school is 'too loud'.\n\n"
    "PARENTS' VIEWS\nMs Ward said she is exhausted.\n\n"
    "ANALYSIS\nEllie's hitting has grown since Finn was born; it may be sensory overload.\n\n"
    "RECOMMENDATION\nChild in need plan.\n\n"
    "MANAGER'S COMMENTS\nAgreed: the school and the GP describe the same pattern. S Ojo 15/10/2024\n"
)


# --- missing-required-section (S801) -------------------------------------------------------


def test_complete_assessment_has_no_missing_section():
    assert findings(MissingRequiredSection, CFA) == []


def test_assessment_without_analysis_is_an_error_naming_the_section_and_what_to_write():
    text = CFA.replace(
        "ANALYSIS\nEllie's hitting has grown since Finn was born; it may be sensory overload.\n\n", ""
    )
    (finding,) = findings(MissingRequiredSection, text)
    assert finding.severity is Severity.ERROR
    assert "'Analysis'" in finding.message and "child and family assessment" in finding.message
    assert "what the information means" in finding.message


def test_required_section_answered_only_na_or_see_above_counts_as_missing():
    for placeholder in ("N/A", "See above."):
        text = CFA.replace("Ellie said school is 'too loud'.", placeholder)
        (finding,) = findings(MissingRequiredSection, text)
        assert "has no answer" in finding.message and "CHILD'S VIEWS" in finding.message
    # An optional section left "N/A" is placeholder-text's alone.
    assert findings(MissingRequiredSection, CFA.replace("Ms Ward said she is exhausted.", "N/A")) == []


def test_analysis_of_see_above_is_empty_even_beside_a_summary():
    text = CFA.replace(
        "ANALYSIS\nEllie's hitting has grown since Finn was born; it may be sensory overload.\n\n",
        "ANALYSIS\nSee above.\n\nSUMMARY\nEllie is fine.\n\n",
    )
    (finding,) = findings(MissingRequiredSection, text)
    assert "'ANALYSIS' has no answer" in finding.message


def test_contingency_na_with_a_short_reason_is_still_empty():
    text = (
        "CHILD IN NEED PLAN - REVIEW AND CLOSURE\nChild: Leo Grant (4)\n\n"
        "PLAN\n1. Health visitor to weigh Leo every two weeks.\n\nCONTINGENCY\nN/A - case closing.\n"
    )
    (finding,) = findings(MissingRequiredSection, text)
    assert "CONTINGENCY" in finding.message


def test_only_the_core_sections_of_each_form_type_are_required():
    # A conference report needs its risk section and recommendation, not a strengths heading.
    text = (
        "REPORT TO INITIAL CHILD PROTECTION CONFERENCE\nChild: Leo Grant (4)\n\n"
        "RISK ANALYSIS\nLeo was hit with a belt.\n\nRECOMMENDATION\nChild protection plan.\n"
    )
    assert findings(MissingRequiredSection, text) == []
    (finding,) = findings(
        MissingRequiredSection, text.replace("RISK ANALYSIS\nLeo was hit with a belt.\n\n", "")
    )
    assert "Risk analysis" in finding.message


def test_contingency_merged_into_plan_or_manager_entry_counts():
    base = "CHILD IN NEED PLAN\nChild: Kai Morgan (9)\n\nPLAN\n1. Ms Morgan to attend the parenting group.\n"
    assert len(findings(MissingRequiredSection, base)) == 1
    merged = base + "2. Contingency: if Mr Achebe returns, a strategy discussion will be held the same day.\n"
    assert findings(MissingRequiredSection, merged) == []
    manager = base + (
        "\nMANAGER'S OVERSIGHT\nIf Kai's attendance falls again by half-term, the social worker must "
        "discuss a referral with me the same day.\n"
    )
    assert findings(MissingRequiredSection, manager) == []


def test_scaling_scores_given_in_another_section_count_as_scaling():
    text = (
        "SIGNS OF SAFETY ASSESSMENT\nChild: Mia Cole (10)\n\nDANGER STATEMENT\nThe social worker is "
        "worried that Mia will be hurt if her mother drinks.\n\nSAFETY GOAL\nMia will be cared for by a "
        "sober adult.\n\n"
        "MIA'S VIEWS\nMia put home at 7 out of 10.\n"
    )
    assert findings(MissingRequiredSection, text, profile="sos") == []


def test_assessment_titled_and_plan_needs_the_plan_sections():
    text = CFA.replace("CHILD AND FAMILY ASSESSMENT\n", "CHILD AND FAMILY ASSESSMENT AND PLAN\n").replace(
        "RECOMMENDATION\n", "PLAN\n"
    )
    (finding,) = findings(MissingRequiredSection, text)
    assert "'Contingency plan'" in finding.message


def test_early_help_worries_section_stands_in_for_the_analysis():
    text = (
        "EARLY HELP ASSESSMENT AND PLAN\nChild: Esther Akinola (9)\n\nWHAT ARE WE WORRIED ABOUT?\nThe family "
        "could be evicted.\n\nESTHER'S VIEWS\nEsther said she is worried.\n\nPLAN\n1. Mrs Akinola to see the "
        "debt adviser by 01/07/2024.\n\nCONTINGENCY\nIf the eviction goes ahead the lead practitioner "
        "will call housing the same day.\n"
    )
    assert findings(MissingRequiredSection, text, profile="eha") == []


def test_decision_stands_in_for_a_recommendation():
    text = CFA.replace("RECOMMENDATION\n", "DECISION\n")
    assert findings(MissingRequiredSection, text) == []


def test_child_details_and_household_given_as_labelled_fields_count_as_present():
    # CFA has no "Child's details" or "Family composition" heading, only "Child:" and "Household:".
    assert not any("Child's details" in f.message for f in findings(MissingRequiredSection, CFA))
    assert not any("Family composition" in f.message for f in findings(MissingRequiredSection, CFA))


def test_unrecognised_heading_that_may_be_the_section_keeps_the_rule_quiet():
    text = CFA.replace("REASON FOR REFERRAL\n", "WHY WE BECAME INVOLVED WITH ELLIE\n")
    assert not any("Reason for referral" in f.message for f in findings(MissingRequiredSection, text))


def test_merged_heading_covers_both_sections():
    text = CFA.replace("RECOMMENDATION\nChild in need plan.\n\n", "").replace(
        "ANALYSIS\n", "ANALYSIS AND RECOMMENDATION\n"
    )
    assert findings(MissingRequiredSection, text) == []


def test_child_protection_plan_without_contingency_is_flagged():
    text = (
        "CHILD PROTECTION PLAN\nChild: Leo Grant (4)\n\n"
        "PLAN\n1. Health visitor to weigh Leo every two weeks.\n\n"
        "CHILD'S VIEWS\nLeo said 'I like my bed'.\n"
    )
    (finding,) = findings(MissingRequiredSection, text)
    assert "'Contingency plan'" in finding.message


def test_section_47_record_is_held_to_the_assessment_list():
    text = (
        "SECTION 47 ENQUIRY - OUTCOME RECORD\nChild: Kobe Lawson (4)\n\nREFERRAL\nNursery saw a bruise.\n\n"
        "CHILD'S VIEWS\nKobe said he fell.\n\nMOTHER'S ACCOUNT\nMs Lawson said he fell off the sofa.\n\n"
        "ANALYSIS\nThe bruise fits the account given.\n\nOUTCOME\nNot substantiated.\n"
    )
    assert findings(MissingRequiredSection, text) == []
    messages = [
        f.message
        for f in findings(MissingRequiredSection, text.replace("CHILD'S VIEWS\nKobe said he fell.\n\n", ""))
    ]
    assert len(messages) == 1 and "Child's views" in messages[0]


def test_options_add_and_remove_required_sections():
    assert any(
        "'Gaps in information'" in f.message
        for f in findings(MissingRequiredSection, CFA, options={"also_required": {"cfa": ("gaps",)}})
    )
    text = CFA.replace(
        "ANALYSIS\nEllie's hitting has grown since Finn was born; it may be sensory overload.\n\n", ""
    )
    assert findings(MissingRequiredSection, text, options={"not_required": ("analysis",)}) == []


# --- missing-metadata (S802) ---------------------------------------------------------------


def test_complete_details_have_no_missing_metadata():
    assert findings(MissingMetadata, CFA) == []


def test_plan_without_next_review_date_is_flagged_with_an_example_of_the_field():
    text = (
        "CHILD IN NEED PLAN\nChild: Kian Mallory (11)\nSocial worker: Sophie Adeyemi\n"
        "Team manager: Gareth Lowe\n"
        "Plan date: 15/04/2024\n\nPLAN\n1. Sophie to visit Kian every four weeks.\n\n"
        "MANAGER'S OVERSIGHT\nAgreed. G Lowe 16/04/2024\n"
    )
    (finding,) = findings(MissingMetadata, text)
    assert finding.severity is Severity.WARNING
    assert "next review date" in finding.message
    assert "Next review date:" in (finding.suggestion or "")


def test_form_of_unknown_type_is_not_asked_for_metadata():
    text = "Child's views\nAva said she likes school.\n\nAnalysis\nMs Dale has kept Ava safe.\n"
    assert findings(MissingMetadata, text) == []


def test_closing_record_needs_no_next_review():
    text = (
        "CHILD IN NEED PLAN - REVIEW AND CLOSURE\nChild: Kian Mallory (11)\nSocial worker: Sophie Adeyemi\n"
        "Team manager: Gareth Lowe\nPlan date: 15/04/2024\n\nDECISION\nThe plan closes today.\n\n"
        "MANAGER'S OVERSIGHT\nAgreed, closure. G Lowe 16/04/2024\n"
    )
    assert findings(MissingMetadata, text) == []


def test_assessment_missing_completion_worker_manager_and_age_reports_each():
    text = (
        "CHILD AND FAMILY ASSESSMENT\nChild: Ellie Ward\nAssessment start: 02/09/2024\n\n"
        "ANALYSIS\nEllie is hitting.\n"
    )
    messages = " | ".join(f.message for f in findings(MissingMetadata, text))
    for missing in ("completed", "worker", "manager", "date of birth or age"):
        assert missing in messages


def test_manager_named_in_the_header_without_a_dated_sign_off_is_not_authorisation():
    text = CFA.replace("S Ojo 15/10/2024", "")
    messages = [f.message for f in findings(MissingMetadata, text)]
    assert messages == [
        "The form does not record the manager who authorised it. "
        "Add it in the form's details at the top as a labelled field."
    ]
    # A sign-off with a name but no date, and a date that is not the sign-off's, do not count.
    undated = CFA.replace("S Ojo 15/10/2024", "Strategy discussion booked for 24/10/2024. S Ojo")
    assert any("manager who authorised" in f.message for f in findings(MissingMetadata, undated))


@pytest.mark.parametrize(
    "sign_off",
    [
        "Agreed. S Ojo 15/10/2024",
        "O. Belcher, 15/10/2024.",
        "Supervisor's note: Agreed. SO 15/10/2024",
        "Simon Ojo, team manager, 15/10/2024: I have read the assessment.",
    ],
)
def test_dated_sign_offs_and_initials_count_as_authorisation(sign_off):
    text = CFA.replace("Agreed: the school and the GP describe the same pattern. S Ojo 15/10/2024", sign_off)
    assert findings(MissingMetadata, text) == []


def test_sign_off_date_stands_in_for_the_completion_date():
    text = CFA.replace("Date completed: 14/10/2024\n", "")
    assert findings(MissingMetadata, text) == []
    assert read_facts(form_from_text(text)).dates["assessment_completed"] == dt.date(2024, 10, 15)


def test_review_conference_field_is_this_meeting_not_the_next_review():
    text = (
        "CHILD PROTECTION PLAN - REVIEW\nChildren: Oakley Whitworth (6)\n"
        "Previous review conference: 15/04/2024 "
        "\u00b7 Review conference: 15/10/2024 \u00b7 Next review conference: 15/04/2025\n"
        "Lead social worker: Tariq Hussain (allocated 06/01/2025) \u00b7 Team manager: Martin Kerr\n\n"
        "PLAN\n1. Weigh Leo.\n\nMANAGER'S OVERSIGHT\nAgreed. M Kerr 16/10/2024\n"
    )
    facts = read_facts(form_from_text(text))
    assert facts.dates["meeting_date"] == dt.date(2024, 10, 15)
    assert facts.dates["review_date"] == dt.date(2025, 4, 15)
    assert facts.worker and facts.worker.startswith("Tariq Hussain")
    assert findings(MissingMetadata, text) == []


def test_agentless_referral_in_an_assessment_is_flagged():
    text = CFA.replace(
        "Ms Ward asked for help with Ellie's hitting.",
        "The MASH received a referral on 27/08/2024. It is reported that Ellie hits.",
    )
    (finding,) = findings(MissingMetadata, text)
    assert "who made the referral" in finding.message
    named = text.replace("The MASH received a referral", "The MASH received a referral from the school")
    assert findings(MissingMetadata, named) == []


def test_side_by_side_and_markdown_fields_are_read():
    text = (
        "# Child and Family Assessment\n\n**Child:** Amira Haddad (11), Year 6\n"
        "**Social worker:** Tom Greaves | **Manager:** Funmi Adeyemi\n"
        "**Assessment start:** 08/05/2024 | **Authorised:** 19/06/2024\n\n"
        "## Analysis\nAmira is a young carer.\n"
    )
    facts = read_facts(form_from_text(text, name="form.md"))
    assert facts.worker == "Tom Greaves"
    assert facts.authorised
    assert facts.dates["assessment_start"] == dt.date(2024, 5, 8)
    assert facts.dates["assessment_completed"] == dt.date(2024, 6, 19)
    assert facts.child_age_known


@pytest.mark.parametrize(
    ("label", "fact"),
    [
        ("Assessment started", "assessment_start"),
        ("Completed", "assessment_completed"),
        ("Plan started", "plan_date"),
        ("Review meeting held", "meeting_date"),
        ("Next review (Team Around the Family)", "review_date"),
        ("Lead practitioner", "worker"),
        ("Team manager", "manager"),
        ("Date of birth", "child_dob"),
        ("Parents", "family"),
    ],
)
def test_label_wording_maps_to_the_fact_it_names(label, fact):
    assert label_fact(label) == fact


@pytest.mark.parametrize(
    ("text", "known"),
    [
        ("Kayden Moss (7), Ruby Moss (4)", True),
        ("Freya Lomax, 11 months", True),
        ("Reuben Ashcroft, 8, Year 4", True),
        ("unborn, EDD 03/02/2025", True),
        ("Rochelle Morris (mother, 38)", False),
        ("Ellie Ward", False),
    ],
)
def test_child_age_is_recognised_after_a_name(text, known):
    assert names_child_age(text) is known


# --- timescale-metadata (S803) -------------------------------------------------------------


def test_working_days_skip_weekends_and_england_bank_holidays():
    # Thursday 23/05/2024 to Thursday 30/05/2024: Fri, Tue, Wed, Thu; Monday 27/05 is a bank holiday.
    assert working_days(dt.date(2024, 5, 23), dt.date(2024, 5, 30)) == 4
    # The 2023 coronation (Monday 08/05/2023) is a one-off bank holiday from the library.
    assert working_days(dt.date(2023, 5, 5), dt.date(2023, 5, 9)) == 1
    assert working_days(dt.date(2024, 9, 2), dt.date(2024, 10, 14)) == 30
    assert working_days(dt.date(2024, 5, 30), dt.date(2024, 5, 23)) == -4


def test_assessment_duration_is_reported_as_information_with_both_dates():
    (finding,) = findings(TimescaleMetadata, CFA)
    assert finding.severity is Severity.INFO
    assert finding.message == "30 working days from start (02/09/2024) to completion (14/10/2024)."


def test_assessment_beyond_45_working_days_says_so_and_asks_for_the_reason():
    text = CFA.replace("Assessment start: 02/09/2024", "Date of referral: 01/07/2024")
    (finding,) = findings(
        TimescaleMetadata, text.replace("Date completed: 14/10/2024", "Date completed: 25/09/2024")
    )
    assert "61 working days from referral (01/07/2024)" in finding.message
    assert "45-working-day timescale" in finding.message and "Record why" in finding.message


def test_recorded_extension_is_acknowledged():
    text = CFA.replace("Date completed: 14/10/2024", "Date completed: 20/12/2024").replace(
        "Agreed:", "Extension agreed on 10/11/2024 while we waited for the paediatric report. Agreed:"
    )
    (finding,) = findings(TimescaleMetadata, text)
    assert "extension or a reason" in finding.message


def test_review_interval_of_a_conference_is_reported_and_long_gaps_named():
    text = (
        "REVIEW CHILD PROTECTION CONFERENCE\nChild: Leo Grant (4)\nConference date: 02/01/2024\n"
        "Next review date: 15/08/2024\n\nRECOMMENDATION\nPlan continues.\n"
    )
    (finding,) = findings(TimescaleMetadata, text, profile="cp_conference")
    assert "7.4 months after the meeting (02/01/2024)" in finding.message
    assert "6 months" in finding.message


def test_plan_with_only_start_and_review_dates_reports_no_duration():
    text = (
        "CHILD PROTECTION PLAN\nChild: Leo Grant (4)\nPlan date: 02/01/2024\nNext review date: 15/08/2024\n"
        "Assessment start: 01/12/2023\n\nPLAN\n1. Health visitor to weigh Leo.\n"
    )
    assert findings(TimescaleMetadata, text) == []


def test_assessment_and_plan_counts_the_plan_date_as_completion():
    text = (
        "EARLY HELP ASSESSMENT AND PLAN\nChild: Esther Akinola (9)\nAssessment started: 03/06/2024\n"
        "Plan agreed: 01/07/2024\n\nPLAN\n1. Mrs Akinola to see the debt adviser.\n"
    )
    (finding,) = findings(TimescaleMetadata, text, profile="eha")
    assert "20 working days from start (03/06/2024) to completion (01/07/2024)" in finding.message


def test_review_conference_counts_from_the_previous_conference():
    text = (
        "REVIEW CHILD PROTECTION CONFERENCE\nChild: Leo Grant (4)\nPrevious review conference: 12/06/2024\n"
        "Review conference: 12/12/2024\n\nRECOMMENDATION\nPlan continues.\n"
    )
    messages = [f.message for f in findings(TimescaleMetadata, text, profile="cp_conference")]
    assert any("from previous meeting (12/06/2024) to completion (12/12/2024)" in m for m in messages)


def test_no_dates_no_timescale():
    assert findings(TimescaleMetadata, "CHILD PROTECTION PLAN\n\nPLAN\n1. Weigh Leo.\n") == []


def test_region_option_uses_that_calendar():
    # 02/01/2024 is a bank holiday in Scotland only.
    text = CFA.replace("Assessment start: 02/09/2024", "Assessment start: 29/12/2023").replace(
        "Date completed: 14/10/2024", "Date completed: 03/01/2024"
    )
    (england,) = findings(TimescaleMetadata, text)
    (scotland,) = findings(TimescaleMetadata, text, options={"region": "SCT"})
    assert england.message.startswith("2 working days")
    assert scotland.message.startswith("1 working days")


# --- unparsed-content (S804) ---------------------------------------------------------------


def _form(*warnings: ParseWarning, sections: list[Section] | None = None) -> Form:
    return Form("form.docx", "docx", "cfa", Metadata(), sections or [], list(warnings))


def test_parser_warnings_become_findings_with_their_place_and_advice():
    form = _form(
        ParseWarning("image", "an image or drawing formlint cannot read", Location(page=2, paragraph=14)),
        ParseWarning(
            "tracked-change", "unresolved tracked deletion by J Patel: 'no concerns'", Location(paragraph=3)
        ),
        ParseWarning(
            "no-text-layer",
            "page 4 has no text layer (scanned?): its content is not checked",
            Location(page=4),
        ),
    )
    found = findings(UnparsedContent, form)
    assert [f.severity for f in found] == [Severity.WARNING] * 3
    image, tracked, scanned = (
        next(f.message for f in found if word in f.message) for word in ("image", "tracked", "no text layer")
    )
    assert "(p2 para 14)" in image and "type them into the form" in image
    assert "'no concerns'" in tracked and "accept or reject" in tracked
    assert "run OCR" in scanned


def test_encoding_guess_is_not_unread_content():
    assert findings(UnparsedContent, _form(ParseWarning("encoding", "not valid UTF-8"))) == []


def test_many_warnings_of_one_kind_are_summarised():
    form = _form(*(ParseWarning("tracked-change", f"change {i}", Location(paragraph=i)) for i in range(12)))
    found = findings(UnparsedContent, form)
    assert len(found) == 6
    assert found[-1].message.startswith("7 more unresolved tracked changes")


def test_ignore_option_drops_a_warning_code():
    form = _form(ParseWarning("image", "an image", Location(paragraph=1)))
    assert findings(UnparsedContent, form, options={"ignore": ("image",)}) == []


def test_empty_details_fields_and_prompts_left_showing_are_both_reported():
    text = (
        "CHILD'S DETAILS\n\n| Name | Kian Mallory |\n| School | |\n\n"
        "FATHER'S VIEWS\nClick or tap here to enter text.\n\nANALYSIS\nKian is settled at home.\n"
    )
    messages = [f.message for f in findings(UnparsedContent, text)]
    assert any("'School'" in m and "left empty" in m for m in messages)
    assert any("template's text" in m for m in messages)
