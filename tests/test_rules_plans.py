"""one-off-assessment (A401), contingency-missing (A402), non-smart-action (A404) and
overestimated-service-remit (A405) on realistic plan and assessment passages."""

from __future__ import annotations

import pytest

from formlint.engine import run_rules
from formlint.finding import Severity
from formlint.rule import Context
from formlint_rules.contingency_missing import ContingencyMissing, is_conditional
from formlint_rules.non_smart_action import NonSmartAction, names_area_only, restates
from formlint_rules.one_off_assessment import OneOffAssessment, finality
from formlint_rules.overestimated_service_remit import OverestimatedServiceRemit
from tests.helpers import form_from_text


def findings(rule, text: str, name: str = "form.txt"):
    found, failures = run_rules(form_from_text(text, name=name), [rule], Context())
    assert failures == []
    return found


CP_PLAN = (
    "CHILD PROTECTION PLAN\nChild: Leo Grant (4)\nCategory: neglect\n\n"
    "WHAT ARE WE WORRIED ABOUT?\nLeo has arrived at nursery hungry on most days and his weight has "
    "dropped to the 9th centile.\n\n"
    "PLAN\n1. Ms Grant to take Leo to the GP for a weight check by 06/09/2024.\n"
    "2. Health visitor (Nkechi Obi) to weigh Leo every two weeks from 09/09/2024.\n"
    "3. Social worker (Sam Reid) to visit every 10 working days from 02/09/2024.\n"
)


# --- contingency-missing ------------------------------------------------------------------


def test_cp_plan_without_any_contingency_is_a_warning_at_the_plan():
    (finding,) = findings(ContingencyMissing, CP_PLAN)
    assert finding.severity is Severity.WARNING
    assert finding.heading == "PLAN"
    assert "no contingency" in finding.message and "by whom" in finding.message


def test_early_help_plan_without_contingency_is_only_info():
    text = (
        "EARLY HELP ASSESSMENT AND PLAN\n\nWHAT ARE WE WORRIED ABOUT?\nRent arrears may lead to eviction.\n\n"
        "FAMILY PLAN\n1. Citizens Advice appointment for Mr Akinola by 12/07/2024.\n"
        "2. School counsellor to see Esther weekly until the end of term.\n"
    )
    (finding,) = findings(ContingencyMissing, text)
    assert finding.severity is Severity.INFO


def test_assessment_with_next_steps_is_not_required_to_have_a_contingency():
    text = (
        "CHILD AND FAMILY ASSESSMENT\n\nANALYSIS\nThe children's needs can be met with family support.\n\n"
        "PLAN\n1. Family support worker to help with morning routines twice a week from 3 June.\n"
    )
    assert findings(ContingencyMissing, text) == []


@pytest.mark.parametrize(
    "answer", ["N/A", "To be discussed.", "TBC", "Not yet agreed.", "None", "N/A - case closing."]
)
def test_contingency_section_left_as_a_placeholder_is_flagged_and_quoted(answer):
    (finding,) = findings(ContingencyMissing, CP_PLAN + f"\nContingency: {answer}\n")
    assert finding.heading == "Contingency"
    assert finding.severity is Severity.WARNING
    assert answer.rstrip(".") in finding.message


def test_contingency_that_only_points_to_another_section_is_info():
    (finding,) = findings(ContingencyMissing, CP_PLAN + "\nCONTINGENCY\nSee safety plan (section 7).\n")
    assert finding.severity is Severity.INFO
    assert "points elsewhere" in finding.message


def test_contingency_section_with_a_trigger_and_response_clears_the_plan():
    text = CP_PLAN + (
        "\nWHAT WILL HAPPEN IF THE PLAN DOES NOT WORK\nIf Leo's weight falls below the 2nd centile, the "
        "social worker will ask for a legal planning meeting within five working days.\n"
    )
    assert findings(ContingencyMissing, text) == []


def test_contingency_written_into_a_plan_action_counts():
    text = CP_PLAN + "4. Grandmother to collect Leo the same day if Ms Grant has been drinking.\n"
    assert findings(ContingencyMissing, text) == []


def test_a_note_that_a_contingency_is_needed_is_not_one():
    text = CP_PLAN + "\nMANAGEMENT OVERSIGHT\nA contingency needs to be added before the first core group.\n"
    assert len(findings(ContingencyMissing, text)) == 1


def test_vague_conditions_are_not_contingencies():
    assert not is_conditional("Family support worker to offer more sessions if needed.")
    assert not is_conditional("Mother should attend all appointments.")
    assert is_conditional("If father comes to the home, mother will call 999.")
    assert is_conditional("Should Kai miss three days in a week, the school will ring the social worker.")


def test_a_reporting_line_in_a_plan_is_not_a_contingency():
    text = (
        "CHILD IN NEED PLAN\n\nPLAN\n1. Nursery to let the social worker know if Ava is absent for two "
        "days.\n"
        "2. Social worker to visit monthly from 02/09/2024."
    )
    assert [f.rule for f in findings(ContingencyMissing, text)] == ["contingency-missing"]


def test_a_condition_with_a_protective_response_in_the_plan_is_a_contingency():
    text = (
        "CHILD PROTECTION PLAN\n\nPLAN\n1. Ms Hale to phone the police if Mr Hale comes to the flat.\n"
        "2. Social worker to visit weekly from 02/09/2024."
    )
    assert findings(ContingencyMissing, text) == []


def test_staff_having_concerns_is_too_vague_to_be_a_contingency():
    assert not is_conditional("College to contact the front door if they have concerns.")


@pytest.mark.parametrize(
    "form",
    [
        "CHILD AND FAMILY ASSESSMENT\n\nINTERIM PLAN\n- Mr Dunn to register the boys with a dentist.\n"
        "- Social worker to visit weekly from 04/03/2024.\n\nOUTCOME\nClose once the dentist is found.",
        "REVIEW CHILD PROTECTION CONFERENCE REPORT\n\nCHILD PROTECTION PLAN (UNCHANGED)\n"
        "1. Ms Kirk to attend the Freedom Programme weekly.\n"
        "2. Social worker to visit every 10 working days.",
        "SIGNS OF SAFETY MAPPING AND PLAN\n\nWHAT NEEDS TO HAPPEN\n- Ms Carr to attend the drug service "
        "weekly from 04/03/2024.\n- Grandmother to have the children on Saturdays.",
    ],
    ids=["interim-plan-in-assessment", "plan-reproduced-in-review-conference", "signs-of-safety-plan"],
)
def test_a_plan_inside_an_assessment_or_conference_report_needs_a_contingency(form):
    assert [f.rule for f in findings(ContingencyMissing, form)] == ["contingency-missing"]


def test_an_escalation_trigger_in_the_managers_entry_is_a_contingency():
    text = (
        "EARLY HELP PLAN\n\nPLAN\n1. Ms Obi to attend the cookery course on Thursdays from 07/11/2024.\n\n"
        "MANAGER'S OVERSIGHT\nIf Zain's weight drops again at the next weigh, the lead practitioner will "
        "discuss a referral to children's social care with me the same day."
    )
    assert findings(ContingencyMissing, text) == []


# --- one-off-assessment ---------------------------------------------------------------------


def test_closure_with_no_review_or_trigger_is_flagged_at_the_sentence():
    text = (
        "CHILD AND FAMILY ASSESSMENT\n\nANALYSIS\nMs Lowe has kept the flat clean on three unannounced "
        "visits.\n\nRECOMMENDATION\nThe family's needs have been fully assessed. No further involvement "
        "is required from children's social care."
    )
    found = findings(OneOffAssessment, text)
    assert [f.text for f in found] == [
        "The family's needs have been fully assessed.",
        "No further involvement is required from children's social care.",
    ]
    assert all(f.severity is Severity.INFO for f in found)
    assert "review point" in found[0].message


def test_closure_that_says_what_would_bring_the_family_back_is_not_flagged():
    text = (
        "RECOMMENDATION\nNo further action by children's social care. If the school see new marks or "
        "Ava's attendance falls again, they will re-refer to the front door the same day."
    )
    assert findings(OneOffAssessment, text) == []


def test_a_review_date_on_the_form_keeps_the_assessment_open():
    text = "Review date: 03/07/2024\n\nSUMMARY\nAssessment complete. No further involvement required."
    assert findings(OneOffAssessment, text) == []


def test_a_dated_trigger_in_the_plan_keeps_the_assessment_open():
    text = (
        "RECOMMENDATION\nNo further action by children's social care.\n\nPLAN\n1. Childminder to tell the "
        "health visitor the same day if Flo arrives with any mark she cannot explain, until 31/03/2025."
    )
    assert findings(OneOffAssessment, text) == []


def test_an_open_ended_reporting_line_in_a_closing_plan_does_not_keep_the_assessment_open():
    text = (
        "CHILD AND FAMILY ASSESSMENT\n\nPLAN\n- Mr Dunn to register the boys with a dentist.\n"
        "- College to tell the social worker if Amir stops attending.\n\n"
        "OUTCOME\nClose to children's social care once the dentist registration is done."
    )
    assert [f.rule for f in findings(OneOffAssessment, text)] == ["one-off-assessment"]


def test_an_assessment_with_no_review_point_is_flagged_without_a_finality_phrase():
    text = (
        "CHILD AND FAMILY ASSESSMENT\n\nANALYSIS\nMs Ryder settles Noor quickly and the flat is warm. "
        "Mr Ali will support her.\n\nRECOMMENDATION\nChild in Need plan with a housing referral.\n\n"
        "MANAGER'S DECISION\nAgreed. K Bell 03/06/2024"
    )
    (finding,) = findings(OneOffAssessment, text)
    assert "review point" in finding.message


@pytest.mark.parametrize(
    "forward",
    [
        "CIN plan review: 14/10/2024.",
        "Before the first CIN meeting the social worker must see Noor's father.",
        "We do not yet know whether Ms Ryder's low mood is postnatal depression.",
        "If the rent arrears grow again, a strategy discussion should be considered.",
        "A child protection enquiry will follow.",
        "Strategy discussion booked for 12/06/2024.",
    ],
)
def test_review_points_pending_information_and_escalation_triggers_keep_an_assessment_open(forward):
    text = (
        "CHILD AND FAMILY ASSESSMENT\n\nANALYSIS\nMs Ryder settles Noor quickly and the flat is warm.\n\n"
        f"RECOMMENDATION\nChild in Need plan with a housing referral. {forward}"
    )
    assert findings(OneOffAssessment, text) == []


def test_a_dated_review_row_in_the_plan_table_keeps_the_assessment_open():
    text = (
        "EARLY HELP ASSESSMENT\n\nANALYSIS\nTom's sleep has improved since the new routine.\n\n"
        "PLAN\n| Need | Action | Who | By when |\n|---|---|---|---|\n"
        "| Sleep | Bedtime routine chart | Ms Pike | 01/05/2024 |\n"
        "| Progress is checked | Team Around the Family review | Lead practitioner | 12/07/2024 |\n"
    )
    assert findings(OneOffAssessment, text) == []


def test_plans_and_conference_reports_are_not_judged_as_one_off_assessments():
    text = "CHILD IN NEED PLAN\n\nANALYSIS\nThe home is warm and clean.\n\nPLAN\n1. SW to visit monthly."
    assert findings(OneOffAssessment, text) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Father has not been fully assessed because he declined to meet me.",
        "Mum said the assessment is complete as far as she is concerned.",
        "At this stage father poses no identified risk, though police checks are not yet back.",
    ],
)
def test_negated_reported_or_provisional_finality_is_not_flagged(sentence):
    assert findings(OneOffAssessment, f"ANALYSIS\n{sentence}") == []


def test_finality_is_only_read_in_conclusion_sections():
    assert finality("This assessment concludes that Mr Lee poses no risk to the children.") is not None
    assert findings(OneOffAssessment, "BACKGROUND\nA previous assessment in 2019 was complete. NFA.") == []


# --- non-smart-action -------------------------------------------------------------------------


def test_generic_action_finding_quotes_the_action_and_says_how_to_fix_it():
    text = (
        "PLAN\n1. Mr Hart to engage with services.\n"
        "2. Social worker to visit every four weeks from 3 June and see Amy alone."
    )
    (finding,) = findings(NonSmartAction, text)
    assert finding.text == "Mr Hart to engage with services."
    assert "generic" in finding.message and "how anyone will know" in finding.message
    assert finding.severity is Severity.INFO


@pytest.mark.parametrize(
    "action",
    [
        "Parenting support will be offered.",
        "Support to be offered to mother.",
        "The situation at home will be monitored.",
        "Regular check-ins with the family.",
        "Ms Cole to accept support.",
        "Parents to comply with the plan.",
    ],
)
def test_generic_actions_are_flagged(action):
    assert [f.text for f in findings(NonSmartAction, f"PLAN\n1. {action}")] == [action]


@pytest.mark.parametrize(
    "action",
    [
        "Ms Fox to engage with Kelsworth Recovery Service and attend weekly.",
        "Mother to attend all CAMHS appointments with Kai from 3 June.",
        "Ms Grant to continue to take Leo to nursery on his four booked days.",
        "School to tell the social worker the same day if Kai arrives hungry.",
    ],
)
def test_named_services_and_maintenance_actions_are_not_generic(action):
    assert findings(NonSmartAction, f"PLAN\n1. {action}") == []


@pytest.mark.parametrize(
    "action",
    [
        "Mr Lowe to engage with alcohol support services.",
        "A referral to the school nurse to be considered.",
    ],
)
def test_engaging_with_a_kind_of_service_or_an_action_left_to_be_considered_is_generic(action):
    assert [f.text for f in findings(NonSmartAction, f"PLAN\n1. {action}")] == [action]


def test_a_need_column_naming_an_area_is_not_an_outcome_fault():
    text = (
        "PLAN\n| Need | Action | Who | By when |\n|---|---|---|---|\n"
        "| Bedtimes | Sleep diary and routine chart | Ms Pike | 19/02/2024 |\n"
    )
    assert findings(NonSmartAction, text) == []


def test_table_outcome_that_restates_the_action_is_flagged():
    text = (
        "PLAN\n| Action | Who | When | Outcome |\n|---|---|---|---|\n"
        "| Family support worker sessions | FSW Kim Doran | weekly from 02/04/2024 | Sessions attended |\n"
        "| Nursery to weigh Ava | Little Oaks | monthly | Weight back on the 25th centile by September |\n"
    )
    (finding,) = findings(NonSmartAction, text)
    assert finding.text == "Family support worker sessions"
    assert "restates" in finding.message


def test_table_with_a_blank_outcome_cell_is_flagged():
    text = (
        "PLAN\n| Action | Who | When | How we will know |\n|---|---|---|---|\n"
        "| GP review of mother's medication | Ms Lindley | by 31/07/2024 |  |\n"
        "| Nursery to weigh Ava | Little Oaks | monthly | Weight back on the 25th centile by September |\n"
    )
    (finding,) = findings(NonSmartAction, text)
    assert finding.text == "GP review of mother's medication"
    assert "left blank" in finding.message


def test_outcomes_that_name_an_area_rather_than_a_change():
    assert names_area_only("Parenting")
    assert names_area_only("Callum's behaviour")
    assert not names_area_only("Jasmine gets enough sleep")
    assert not names_area_only("The home is clean and safe")
    assert not names_area_only("Visit records")


def test_restating_compares_content_words_not_completion_words():
    assert restates("Parenting support", "parenting support received")
    assert not restates("Freedom Programme", "she can describe the warning signs of controlling behaviour")


def test_plan_that_answers_none_of_the_analysed_risks_is_a_warning():
    text = (
        "RISK ANALYSIS\nMr Hart's drinking is the main worry: he has twice collected the children from "
        "school drunk.\n\nPLAN\n1. Nursery to offer Ava a funded place from 3 June.\n"
        "2. Family support worker to help Ms Hart with a bedtime routine by 30 June."
    )
    found = [f for f in findings(NonSmartAction, text) if f.severity is Severity.WARNING]
    assert len(found) == 1 and "substance misuse" in found[0].message


def test_plan_linked_to_the_risk_through_a_service_name_is_not_a_warning():
    text = (
        "RISK ANALYSIS\nMr Hart's drinking is the main worry: he has twice collected the children from "
        "school drunk.\n\nPLAN\n1. Mr Hart to attend Kelsworth Recovery Service weekly from 3 June.\n"
        "2. Family support worker to help Ms Hart with a bedtime routine by 30 June."
    )
    assert all(f.severity is not Severity.WARNING for f in findings(NonSmartAction, text))


# --- overestimated-service-remit ----------------------------------------------------------------


def test_monitoring_handed_to_school_in_a_passive_is_flagged():
    action = "Tobi's behaviour in class will be monitored by school."
    (finding,) = findings(OverestimatedServiceRemit, f"PLAN\n1. {action}")
    assert finding.text == action
    assert "school" in finding.message and "agreed" in finding.message


def test_monitoring_placed_at_nursery_without_an_owner_is_flagged():
    text = "PLAN\n1. Tommy's weight will be monitored at nursery."
    assert len(findings(OverestimatedServiceRemit, text)) == 1


@pytest.mark.parametrize(
    "action",
    [
        "School will monitor Kai and report any concerns in line with their safeguarding procedures.",
        "Probation to monitor Mr Hart's licence conditions.",
        "Health visitor has agreed to monitor Ava's weight.",
        "Nursery to monitor attendance daily and ring the social worker by 10am if Ava is absent.",
        "Social worker to monitor the home conditions at each visit.",
    ],
)
def test_agreed_specific_statutory_or_own_monitoring_is_not_flagged(action):
    assert findings(OverestimatedServiceRemit, f"PLAN\n1. {action}") == []
