"""unrevised-plan (J601): the three cases, the reviewed-and-explained near miss, what the message quotes."""

from __future__ import annotations

import datetime as dt

from formlint.api import check_one
from formlint.finding import Finding
from formlint.rule import Example
from formlint.ruledoc import render
from formlint.testing import run_example
from formlint_rules.unrevised_plan import UnrevisedPlan
from tests.helpers import form_from_text

PLAN_V1 = """CHILD IN NEED PLAN
Plan date: 28/03/2024
Review date: 20/06/2024

WHY WE ARE INVOLVED
The health visitor found no clean bedding for Daisy. Ms Bell has been diagnosed with anxiety.

ACTIONS
1. Family support worker two sessions a week for home routines - from 02/04/2024.
2. Daisy's immunisations - Ms Bell with health visitor - by 30/04/2024.
3. Social worker to visit every four weeks.
4. Plan to be reviewed on 20/06/2024.

CONTINGENCY
If home conditions do not improve, the case will be discussed with the team manager.
"""

PLAN_V2_COPIED = """CHILD IN NEED PLAN - REVIEW
Review meeting held: 20/06/2024
Next review date: 19/09/2024

CHANGES SINCE THE LAST PLAN
Mr Bell moved back into the family home at the end of May.
On 14/06/2024 police were called by a neighbour after Mr Bell threw a phone at Ms Bell and cut her forehead.

ACTIONS
1. Family support worker two sessions a week for home routines - from 02/04/2024.
2. Daisy's immunisations - Ms Bell with health visitor - by 30/04/2024.
3. Social worker to visit every four weeks.
4. Plan to be reviewed on 19/09/2024.

CONTINGENCY
If home conditions do not improve, the case will be discussed with the team manager.
"""


def check(text: str, *, as_of: str, previous: tuple[str, ...] = ()) -> list[Finding]:
    result = check_one(
        form_from_text(text),
        previous=[form_from_text(p, name="previous.txt") for p in previous],
        as_of=dt.date.fromisoformat(as_of),
        rules=[UnrevisedPlan],
    )
    return list(result.findings)


# (a) plan-unchanged-from-previous


def test_plan_copied_from_previous_version_after_a_new_incident_is_flagged():
    [finding] = check(PLAN_V2_COPIED, as_of="2024-06-20", previous=(PLAN_V1,))
    assert finding.message.startswith("Plan unchanged from the previous version")
    assert "all 5 plan items are copied" in finding.message
    assert "14/06/2024" in finding.message and "police were called" in finding.message
    assert finding.heading == "ACTIONS"


def test_copied_plan_is_not_case_a_without_a_previous_version():
    findings = check(PLAN_V2_COPIED, as_of="2024-06-20")
    assert not any("previous version" in f.message for f in findings)


def test_copied_plan_with_no_new_information_is_not_case_a():
    quiet = PLAN_V2_COPIED.replace(
        "Mr Bell moved back into the family home at the end of May.\nOn 14/06/2024 police were called "
        "by a neighbour after Mr Bell threw a phone at Ms Bell and cut her forehead.",
        "Ms Bell has kept the kitchen clean on each of my visits.",
    )
    assert check(quiet, as_of="2024-06-20", previous=(PLAN_V1,)) == []


def test_revised_plan_after_a_new_incident_is_not_flagged():
    revised = PLAN_V2_COPIED.replace(
        "3. Social worker to visit every four weeks.",
        "3. Social worker to visit every week, seeing Logan alone each time.\n"
        "4. Mr Bell not to return to the family home while the police investigation continues.\n"
        "5. Referral to the domestic abuse service for Ms Bell, by 28/06/2024.",
    ).replace(
        "If home conditions do not improve, the case will be discussed with the team manager.",
        "If Mr Bell returns to the home, a strategy discussion will be held the same day.",
    )
    assert check(revised, as_of="2024-06-20", previous=(PLAN_V1,)) == []


def test_history_reworded_in_the_new_version_is_not_new_information():
    reworded = PLAN_V2_COPIED.replace(
        "Mr Bell moved back into the family home at the end of May.\nOn 14/06/2024 police were called "
        "by a neighbour after Mr Bell threw a phone at Ms Bell and cut her forehead.",
        "Back in December 2023 Mr Bell moved out of the family home.",
    )
    assert check(reworded, as_of="2024-06-20", previous=(PLAN_V1,)) == []


def test_unchanged_plan_reviewed_with_reasons_is_not_flagged():
    explained = PLAN_V2_COPIED.replace(
        "ACTIONS\n",
        "REVIEW OF THE PLAN\nThe core group went through each action at the review. We agreed to keep "
        "the actions unchanged because Mr Bell has been bailed to an address away from the family and "
        "the domestic abuse service is already working with Ms Bell.\n\nACTIONS\n",
        1,
    )
    assert check(explained, as_of="2024-06-20", previous=(PLAN_V1,)) == []


def test_unchanged_plan_said_to_continue_without_a_reason_is_still_flagged():
    bare = PLAN_V2_COPIED.replace("ACTIONS\n", "SUMMARY\nThe plan should continue.\n\nACTIONS\n", 1)
    assert len(check(bare, as_of="2024-06-20", previous=(PLAN_V1,))) == 1


# (b) review-date-passed

EARLY_HELP = """EARLY HELP PLAN
Plan date: 05/02/2024
Review date: 06/05/2024

PLAN
1. Visual timetable and reward chart - Mrs Doyle - by 19/02/2024.
2. School nurse referral - school - by 01/03/2024.
"""


def test_review_date_before_as_of_with_no_record_of_the_review_is_flagged():
    [finding] = check(EARLY_HELP, as_of="2024-06-10")
    assert finding.message.startswith("Review date passed")
    assert "06/05/2024" in finding.message and "10/06/2024" in finding.message


def test_review_date_after_as_of_is_not_flagged():
    assert check(EARLY_HELP, as_of="2024-04-01") == []


def test_review_date_passed_but_review_recorded_is_not_flagged():
    reviewed = EARLY_HELP + (
        "\nREVIEW\nThe plan was reviewed at a family meeting on 07/05/2024: the chart is working.\n"
    )
    assert check(reviewed, as_of="2024-06-10") == []


def test_review_date_on_a_review_record_is_the_date_of_that_review():
    review = (
        "CIN REVIEW\nDate of review: 20/05/2024\nNext review date: 19/08/2024\n\n"
        "PROGRESS SINCE LAST REVIEW\nAttendance is up to 94%.\n\nPLAN\n1. Mentor weekly.\n"
    )
    assert check(review, as_of="2024-05-28") == []


def test_date_of_the_last_review_is_not_a_review_due():
    review = EARLY_HELP.replace(
        "Review date: 06/05/2024", "Date of last review: 06/05/2024\nNext review: 06/08/2024"
    )
    assert check(review, as_of="2024-06-10") == []


def test_a_childs_health_review_is_not_a_plan_review():
    health = EARLY_HELP.replace("Review date: 06/05/2024", "Next review: 06/09/2024") + (
        "\nHEALTH\nAva's two-year review was on 20/02/2024.\n"
    )
    assert check(health, as_of="2024-06-10") == []


# (c) plan-predates-incident

CP_PLAN = """CHILD PROTECTION PLAN
Plan agreed at initial conference: 03/06/2024
Next review conference: 02/09/2024

PLAN
1. Jason not to come to the family home.
2. Social worker to visit every 10 working days.

CONTINGENCY
If Jason returns to the home, a strategy discussion will be held the same day.

UPDATE (CORE GROUP, 01/07/2024)
On 19/06/2024 police were called after Jason came to the house drunk and forced his way in.
The plan above continues.
"""


def test_incident_after_the_plan_date_with_no_revision_is_flagged():
    [finding] = check(CP_PLAN, as_of="2024-07-01")
    assert finding.message.startswith("Plan predates an incident")
    assert "03/06/2024" in finding.message and "19/06/2024" in finding.message
    assert "forced his way in" in finding.message


def test_incident_after_the_plan_date_with_the_plan_amended_is_not_flagged():
    amended = CP_PLAN.replace(
        "The plan above continues.",
        "Following the incident a strategy discussion was held on 20/06/2024 and the plan was amended.",
    )
    assert check(amended, as_of="2024-07-01") == []


def test_plan_item_added_after_the_incident_counts_as_a_revision():
    added = CP_PLAN.replace(
        "2. Social worker to visit every 10 working days.",
        "2. Social worker to visit weekly (increased from every 10 working days on 21/06/2024).",
    )
    assert check(added, as_of="2024-07-01") == []


def test_incident_before_the_plan_date_is_not_flagged():
    history = CP_PLAN.replace("On 19/06/2024", "On 19/05/2024")
    assert check(history, as_of="2024-07-01") == []


def test_negated_or_hypothetical_events_are_not_incidents():
    calm = CP_PLAN.replace(
        "On 19/06/2024 police were called after Jason came to the house drunk and forced his way in.\n"
        "The plan above continues.",
        "On 19/06/2024 school reported no further injuries. If Jason is arrested, the core group will meet.",
    )
    assert check(calm, as_of="2024-07-01") == []


def test_an_arranged_police_visit_is_not_an_incident():
    visit = CP_PLAN.replace(
        "On 19/06/2024 police were called after Jason came to the house drunk and forced his way in.",
        "On 19/06/2024 the social worker and police attended a joint visit as planned.",
    )
    assert check(visit, as_of="2024-07-01") == []


def test_chronology_row_dated_in_its_own_cell_is_read_as_an_incident():
    chronology = (
        "CHILD PROTECTION PLAN - REVIEW\nPlan date: 02/05/2025\n\nCHRONOLOGY\n"
        "18/05/2025 - police called, father assaulted mother.\n\n"
        "PLAN\n1. Mother to engage with parenting support.\n2. School to monitor attendance.\n"
    )
    [finding] = check(chronology, as_of="2025-05-30")
    assert "18/05/2025" in finding.message


# One finding per form


def test_several_cases_give_one_finding_naming_the_others():
    both = CP_PLAN.replace("Next review conference: 02/09/2024", "Next review conference: 24/06/2024")
    [finding] = check(both, as_of="2024-07-01")
    assert finding.message.startswith("Plan predates an incident")
    assert "Also: the review due on 24/06/2024 is not recorded." in finding.message


# Examples carrying a previous version


def test_example_previous_version_is_given_to_the_rule():
    example = next(e for e in UnrevisedPlan.examples if e.previous is not None and e.flagged)
    assert run_example(UnrevisedPlan, example)
    alone = Example(example.form, True, example.note)
    assert not any("previous version" in f.message for f in run_example(UnrevisedPlan, alone))


def test_example_as_of_overrides_the_default_date():
    example = Example(EARLY_HELP, False, "checked before the review was due", as_of=dt.date(2024, 4, 1))
    assert run_example(UnrevisedPlan, example) == []
    assert run_example(UnrevisedPlan, Example(EARLY_HELP, True, "")) != []


def test_docs_page_shows_the_previous_version():
    page = render(UnrevisedPlan)
    assert "Previous version:" in page and "Current version:" in page


def test_team_around_the_family_review_due_in_a_details_table_is_a_review_date():
    plan = (
        "# Early Help Plan\n\n| | |\n|---|---|\n| Family | Okafor |\n"
        "| TAF review due | 03/06/2024 |\n\n## Plan\n\n"
        "- Citizens Advice referral for the rent arrears - family worker - by 15/03/2024\n\n"
        "## Update\n\nThe arrears are now on a payment plan and Tobi goes to breakfast club.\n"
    )
    [finding] = check(plan, as_of="2024-07-15")
    assert finding.message.startswith("Review date passed")
    assert "03/06/2024" in finding.message


def test_continue_as_it_is_is_not_a_reason_the_plan_still_fits():
    text = PLAN_V2_COPIED.replace(
        "ACTIONS", "The review agreed that the plan should continue as it is.\n\nACTIONS", 1
    )
    assert check(text, as_of="2024-06-20", previous=(PLAN_V1,))


# --- holdout-3 failure types ---------------------------------------------------------


def test_contingency_answered_as_before_counts_as_copied_from_the_previous_plan():
    v2 = PLAN_V2_COPIED.replace(
        "If home conditions do not improve, the case will be discussed with the team manager.", "As before."
    )
    assert check(v2, as_of="2024-06-21", previous=(PLAN_V1,))


def test_incident_dated_by_the_sentence_that_opens_its_paragraph_predates_the_plan_check():
    text = (
        "CP PLAN: CORE GROUP REVIEW\nPlan made at the initial conference on 03/03/2025.\n\n"
        "PROGRESS\nOn 15/04/2025 a neighbour found Maisie in the car park. Police attended and recorded "
        "that both parents had been drinking. The RAG ratings were updated.\n\n"
        "THE PLAN\n1. Social worker to visit weekly from 03/03/2025.\n"
    )
    [finding] = check(text, as_of="2025-04-30")
    assert "predates an incident" in finding.message


def test_a_strategy_review_date_is_not_the_plans_review_date():
    text = (
        "ICPC REPORT\nStrategy discussion: 03/06/2025; strategy review 12/06/2025\n\n"
        "ANALYSIS\nThe children are staying with their grandparents.\n"
    )
    assert check(text, as_of="2025-06-16") == []
