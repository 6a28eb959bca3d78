"""M202-M206: awaited assessments, service gaps, stop-gap safety, process-driven decisions and closure
with work outstanding, on short realistic forms."""

from __future__ import annotations

import datetime as dt

from formlint.finding import Severity
from formlint.rule import Context, Rule
from formlint_rules.completed_with_outstanding_actions import CompletedWithOutstandingActions
from formlint_rules.expert_assessment_awaited import ExpertAssessmentAwaited
from formlint_rules.practitioner_stopgap_safety import PractitionerStopgapSafety
from formlint_rules.process_driven_decision import ProcessDrivenDecision
from formlint_rules.service_gap_unescalated import ServiceGapUnescalated
from tests.helpers import form_from_text

AS_OF = dt.date(2024, 9, 1)


def run(rule: type[Rule], text: str, previous: str | None = None, as_of: dt.date = AS_OF):
    earlier = (form_from_text(previous),) if previous else ()
    return list(rule().check(form_from_text(text), Context(as_of=as_of, previous=earlier)))


# M202 expert-assessment-awaited


def test_awaited_paediatric_opinion_with_nothing_about_the_wait_is_flagged_and_quoted():
    found = run(ExpertAssessmentAwaited, "ANALYSIS\nWe are awaiting a paediatric opinion on the bruising.")
    assert len(found) == 1 and "paediatric opinion" in found[0].message


def test_awaiting_a_housing_decision_is_not_a_specialist_assessment():
    assert not run(
        ExpertAssessmentAwaited, "FAMILY AND ENVIRONMENT\nThe family are awaiting a housing decision."
    )


def test_a_chase_recorded_elsewhere_in_the_form_answers_the_wait():
    assert not run(
        ExpertAssessmentAwaited,
        "ANALYSIS\nThe psychiatric report on Ms Lowe is still awaited.\n\n"
        "GAPS IN INFORMATION\nPsychiatric report: I chased the author on 20/08/2024 and it is "
        "expected by 15/09/2024.",
    )


def test_results_reported_elsewhere_mean_the_check_is_no_longer_awaited():
    assert not run(
        ExpertAssessmentAwaited,
        "BASIS OF ASSESSMENT\nPolice checks on Mr Hale were requested and are outstanding.\n\n"
        "ANALYSIS\nPolice checks showed no trace of Mr Hale.",
    )


def test_a_request_dated_long_ago_with_no_chase_is_flagged_with_its_age():
    found = run(
        ExpertAssessmentAwaited, "ANALYSIS\nA referral was made to CAMHS on 02/02/2024 and is awaited."
    )
    assert len(found) == 1 and "02/02/2024" in found[0].message


def test_a_recent_dated_request_is_well_within_a_reasonable_wait():
    assert not run(
        ExpertAssessmentAwaited, "ANALYSIS\nA referral was made to CAMHS on 20/08/2024 and is awaited."
    )


def test_an_expected_date_that_has_passed_is_an_error():
    found = run(
        ExpertAssessmentAwaited,
        "ANALYSIS\nHair strand test results are outstanding; they were expected by 01/08/2024.",
    )
    assert len(found) == 1 and found[0].severity is Severity.ERROR and "01/08/2024" in found[0].message


def test_still_awaited_since_the_previous_version_is_an_error():
    found = run(
        ExpertAssessmentAwaited,
        "REVIEW\nThe parenting assessment is still awaited.",
        previous="REVIEW\nA parenting assessment has been requested.",
    )
    assert len(found) == 1 and found[0].severity is Severity.ERROR and "previous version" in found[0].message


def test_a_wait_told_in_the_history_but_still_open_is_flagged():
    found = run(
        ExpertAssessmentAwaited,
        "FAMILY HISTORY\nAfter the crisis in March, Mr Dale left hospital with a referral to the crisis "
        "team, which he has not yet attended.",
    )
    assert len(found) == 1 and "crisis team" in found[0].message


def test_a_doctors_report_not_yet_received_is_an_awaited_medical_report():
    found = run(
        ExpertAssessmentAwaited,
        "PROGRESS\nThe consultant's letter about Mr Abbott's blood results has not been received.",
    )
    assert len(found) == 1


def test_an_item_referred_last_time_and_only_booked_now_is_still_awaited_in_the_later_version():
    found = run(
        ExpertAssessmentAwaited,
        "PLAN\n2. Paediatric assessment of Ruby's growth (appointment 20/09/2024).",
        previous="PLAN\n2. Paediatrician referral for Ruby's growth (made 01/06/2024).",
    )
    assert len(found) == 1 and found[0].severity is Severity.ERROR


def test_a_booked_appointment_in_a_first_version_is_not_flagged():
    assert not run(
        ExpertAssessmentAwaited,
        "PLAN\n2. Paediatric assessment of Ruby's growth (appointment 20/09/2024).",
    )


def test_a_wait_told_as_family_history_is_not_flagged():
    assert not run(
        ExpertAssessmentAwaited,
        "FAMILY HISTORY\nIn 2020 Jack was awaiting a CAMHS assessment when the family moved.",
    )


# M203 service-gap-unescalated


def test_a_service_with_no_capacity_and_no_escalation_is_flagged_quoting_the_gap():
    found = run(
        ServiceGapUnescalated, "PLAN\nThe young carers service has no capacity to take Amir this year."
    )
    assert len(found) == 1 and "has no capacity" in found[0].message


def test_an_escalation_in_the_next_sentence_answers_the_gap():
    assert not run(
        ServiceGapUnescalated,
        "ANALYSIS\nThe short breaks panel declined funding for respite. I escalated this to the "
        "service manager "
        "on 12/08/2024.",
    )


def test_the_family_not_meeting_the_threshold_for_a_plan_is_not_a_service_gap():
    assert not run(
        ServiceGapUnescalated, "ANALYSIS\nThe family does not meet the threshold for a child protection plan."
    )


def test_the_parent_declining_a_referral_is_not_a_service_gap():
    assert not run(
        ServiceGapUnescalated, "ANALYSIS\nMother declined the referral to the parenting programme."
    )


def test_a_known_wait_with_nothing_done_meanwhile_is_still_a_gap():
    found = run(
        ServiceGapUnescalated,
        "SUMMARY\nMr Ince's low mood is the main barrier; the GP referred him to the counselling service "
        "and the waiting time is around 16 weeks.",
    )
    assert len(found) == 1 and "waiting time" in found[0].message


def test_a_waiting_list_with_a_start_date_to_come_is_a_queue_not_a_gap():
    assert not run(
        ServiceGapUnescalated,
        "ANALYSIS\nLeo is on the waiting list for the sleep clinic and has a first session on 02/10/2024.",
    )


def test_a_chase_of_the_same_service_elsewhere_in_the_form_answers_the_wait():
    assert not run(
        ServiceGapUnescalated,
        "BACKGROUND TO THE PLAN\nMaya is on the waiting list for the sensory play scheme.\n\n"
        "PLAN\n1. Ms Oduya to chase the sensory play scheme every fortnight from 05/09/2024.",
    )


def test_a_stopgap_for_a_different_service_does_not_answer_the_wait():
    found = run(
        ServiceGapUnescalated,
        "SERVICES\nMr Kane is on the waiting list for the anger management course.\n\n"
        "PLAN\n1. Ms Kane to chase the housing officer about repairs by 10/09/2024.",
    )
    assert len(found) == 1


def test_a_team_turning_the_referral_away_is_a_gap_though_the_referral_comes_just_before():
    found = run(
        ServiceGapUnescalated,
        "SERVICES\nThe midwife referred Ms Pike to the infant feeding team on 01/08/2024. The infant "
        "feeding team declined the referral because it did not meet their criteria.",
    )
    assert len(found) == 1 and "declined the referral" in found[0].message


# M204 practitioner-stopgap-safety


def test_open_ended_visits_while_a_service_is_awaited_are_information_on_a_cin_plan():
    found = run(
        PractitionerStopgapSafety,
        "CHILD IN NEED PLAN\n\nPLAN\n1. Family support worker to call in daily until a nursery place "
        "is found.",
    )
    assert len(found) == 1 and found[0].severity is Severity.INFO


def test_open_ended_visits_on_a_child_protection_plan_are_a_warning():
    found = run(
        PractitionerStopgapSafety,
        "CHILD PROTECTION PLAN\n\nPLAN\n1. Social worker will visit as often as possible while we wait for "
        "the parenting assessment.",
    )
    assert len(found) == 1 and found[0].severity is Severity.WARNING


def test_a_parent_checking_on_a_child_is_not_practitioner_monitoring():
    assert not run(
        PractitionerStopgapSafety,
        "SAFETY PLAN\n1. Grandmother will pop in daily until the respite service starts.",
    )


def test_visits_until_the_next_core_group_have_a_review_point():
    assert not run(
        PractitionerStopgapSafety,
        "PLAN\n1. Health visitor to visit weekly until the next core group, pending the paediatric "
        "assessment.",
    )


# M205 process-driven-decision


def test_closure_because_of_caseload_is_flagged_naming_the_process_reason():
    found = run(
        ProcessDrivenDecision, "MANAGER'S DECISION\nClose the case because of high caseloads in the team."
    )
    assert len(found) == 1 and "caseloads" in found[0].message


def test_a_timescale_stated_as_a_fact_beside_a_decision_is_not_its_reason():
    assert not run(
        ProcessDrivenDecision, "OUTCOME\nThe assessment was completed on day 38, within timescale."
    )


def test_parenting_capacity_is_not_team_capacity():
    assert not run(
        ProcessDrivenDecision,
        "RECOMMENDATION\nStep down to early help as Ms Ray's capacity to protect has improved.",
    )


# M206 completed-with-outstanding-actions


def test_closure_with_a_child_not_seen_alone_is_flagged_once_for_the_form():
    found = run(
        CompletedWithOutstandingActions,
        "CHILD'S VIEWS\nJosh was not seen alone.\n\nGAPS\nThe school has not yet responded.\n\n"
        "DECISION\nCase closed.",
    )
    assert len(found) == 1 and "Case closed" in found[0].message and "1 more" in found[0].message


def test_not_yet_walking_is_a_milestone_not_outstanding_work():
    assert not run(
        CompletedWithOutstandingActions, "DEVELOPMENT\nAva is not yet walking.\n\nOUTCOME\nNo further action."
    )


def test_outstanding_work_on_an_open_case_is_not_flagged():
    assert not run(
        CompletedWithOutstandingActions,
        "ANALYSIS\nPolice checks are outstanding.\n\nRECOMMENDATION\nChild in need plan.",
    )


def test_closure_made_conditional_on_the_outstanding_check_is_not_flagged():
    assert not run(
        CompletedWithOutstandingActions,
        "ANALYSIS\nPolice checks are outstanding.\n\nRECOMMENDATION\nThe case will close once the "
        "police checks "
        "are received.",
    )


def test_an_assessment_completion_date_with_a_relative_not_yet_spoken_to_is_flagged():
    found = run(
        CompletedWithOutstandingActions,
        "Child and Family Assessment\n\nDate completed: 20/08/2024\n\nANALYSIS\nThe maternal "
        "grandfather, who has not yet been spoken to, sees the children every week.",
    )
    assert len(found) == 1 and "20/08/2024" in found[0].message


def test_further_assessment_work_said_to_be_needed_is_outstanding():
    found = run(
        CompletedWithOutstandingActions,
        "ANALYSIS\nMore observations of bath time are needed before I can judge the risk.\n\n"
        "OUTCOME\nAssessment complete.",
    )
    assert len(found) == 1 and "needed" in found[0].message


def test_a_parent_who_has_not_responded_to_letters_is_an_outcome_not_outstanding_work():
    assert not run(
        CompletedWithOutstandingActions,
        "FATHER\nI wrote to Mr Lyle twice and rang him; he has not responded.\n\nOUTCOME\nNo further action.",
    )


def test_a_conference_report_completion_date_does_not_close_anything():
    assert not run(
        CompletedWithOutstandingActions,
        "Report to Initial Child Protection Conference\n\nDate completed: 20/08/2024\n\n"
        "ANALYSIS\nProbation records have not yet been received.",
    )


def test_an_outstanding_assessment_the_plan_takes_on_with_a_date_is_handed_on():
    assert not run(
        CompletedWithOutstandingActions,
        "Early Help Assessment\n\nDate completed: 20/08/2024\n\nWORRIES\nOur worry is that Theo's "
        "speech delay has not yet been assessed.\n\nPLAN\n1. Health visitor to refer Theo for a speech "
        "and language assessment by 06/09/2024.",
    )
