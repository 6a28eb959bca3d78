"""drift-across-reviews (J602) and boilerplate-copy (T107): rules that read across versions."""

from __future__ import annotations

import datetime as dt

from formlint.finding import Finding, Severity
from formlint.rule import Context, Rule
from formlint_rules.boilerplate_copy import BoilerplateCopy
from formlint_rules.drift_across_reviews import DriftAcrossReviews
from tests.helpers import form_from_text

AS_OF = dt.date(2024, 9, 1)


def run(rule: type[Rule], text: str, *previous: str) -> list[Finding]:
    earlier = tuple(form_from_text(p, name=f"v{n}.txt") for n, p in enumerate(previous, start=1))
    return list(rule().check(form_from_text(text), Context(as_of=AS_OF, previous=earlier)))


ACTIONS = (
    "PLAN\n1. Ms Reid to engage with the family support worker weekly.\n2. School to monitor attendance.\n"
    "3. Social worker to visit every four weeks."
)


def review(date: str, progress: str, decision: str = "Plan continues.", actions: str = ACTIONS) -> str:
    return (
        f"CHILD IN NEED REVIEW\nDate of review: {date}\n\nPROGRESS\n{progress}\n\n"
        f"DECISION\n{decision}\n\n{actions}"
    )


R1 = review("20/11/2023", "Home conditions are poor; attendance is 74%.", "CIN plan agreed.")
R2 = review("20/02/2024", "Home conditions are still poor and attendance is 76%.")
R3 = review("20/05/2024", "Home conditions remain poor; attendance 75%.")


# drift-across-reviews: persistence across versions


def test_same_concerns_and_actions_over_three_reviews_is_drift():
    [finding] = run(DriftAcrossReviews, R3, R1, R2)
    assert finding.message.startswith("Drift across 3 versions (v1.txt, v2.txt, form.txt)")
    assert "neglect" in finding.message and "3 of 3 actions" in finding.message
    assert finding.severity is Severity.WARNING


def test_two_versions_are_not_enough_for_drift():
    assert run(DriftAcrossReviews, R3, R2) == []


def test_a_recorded_change_of_approach_is_not_drift():
    escalated = review(
        "20/05/2024",
        "Home conditions remain poor; attendance 75%.",
        "Because there has been no sustained change in nine months, the case has been referred to a legal "
        "planning meeting.",
    )
    assert run(DriftAcrossReviews, escalated, R1, R2) == []


def test_a_negated_escalation_is_no_change_of_approach():
    kept = review("20/05/2024", "Home conditions remain poor; attendance 75%.", "No escalation is needed.")
    assert len(run(DriftAcrossReviews, kept, R1, R2)) == 1


def test_a_new_set_of_actions_is_a_change_of_plan():
    new_plan = (
        "PLAN\n1. Parenting assessment by the Bridge service by 30/06/2024.\n2. Ms Reid to attend the "
        "anxiety group on Tuesdays.\n3. Daily breakfast club for Jay from 03/06/2024."
    )
    current = review("20/05/2024", "Home conditions remain poor; attendance 75%.", actions=new_plan)
    assert run(DriftAcrossReviews, current, R1, R2) == []


def test_different_concerns_across_reviews_are_not_drift():
    earlier = review("20/11/2023", "Mr Reid hit Ms Reid in front of the children; police attended.")
    assert run(DriftAcrossReviews, R3, earlier, R2) == []


def test_flat_scaling_scores_with_the_same_concerns_are_drift_even_with_new_wording():
    def scaled(date: str, actions: str) -> str:
        return review(date, "Home conditions remain poor. Scaling: 3/10.", actions=actions)

    first = scaled("20/11/2023", "PLAN\n1. Weekly home visits by the family support worker.")
    second = scaled("20/02/2024", "PLAN\n1. Ms Reid to attend the parenting group.")
    third = scaled("20/05/2024", "PLAN\n1. Budgeting advice from the housing officer.")
    [finding] = run(DriftAcrossReviews, third, first, second)
    assert "scaling scores of 3/10, 3/10, 3/10" in finding.message


# drift-across-reviews: resets


def conference(since: str, progress: str) -> str:
    return (
        "REVIEW CHILD PROTECTION CONFERENCE REPORT\nChild protection plan since: "
        f"{since}\nReview conference: 01/08/2024\n\nPROGRESS\n{progress}"
    )


def test_plan_continues_beyond_the_policy_duration_without_a_reason_is_drift():
    [finding] = run(
        DriftAcrossReviews, conference("01/01/2023", "Plan continues. Things are getting better.")
    )
    assert "has run for 19 months" in finding.message and finding.text == "Plan continues."


def test_a_plan_duration_stated_in_words_counts():
    text = (
        "REVIEW CHILD PROTECTION CONFERENCE REPORT\n\nPROGRESS\nThe child protection plan has been in "
        "place for twenty-one months. The plan continues."
    )
    [finding] = run(DriftAcrossReviews, text)
    assert "21 months" in finding.message


def test_a_long_plan_that_continues_for_a_stated_reason_is_not_drift():
    reason = (
        "The plan continues because Leo's new school placement started in May and we want one full term "
        "of evidence before stepping down."
    )
    assert run(DriftAcrossReviews, conference("01/01/2023", reason)) == []


def test_plan_continues_within_the_policy_duration_is_not_drift():
    assert run(DriftAcrossReviews, conference("01/02/2024", "Plan continues.")) == []


def test_a_fresh_start_is_a_reset_of_the_history():
    [finding] = run(
        DriftAcrossReviews, "SUMMARY\nWe have agreed to give mum a fresh start now she has a new worker."
    )
    assert finding.message.startswith("History reset") and "fresh start" in finding.message


def test_a_clean_slate_is_a_reset():
    assert run(DriftAcrossReviews, "ANALYSIS\nThe new team will approach the family with a clean slate.")


def test_a_parents_wish_for_a_fresh_start_is_not_a_reset():
    assert (
        run(DriftAcrossReviews, "PARENT'S VIEWS\nMs Reid would like a fresh start away from the estate.")
        == []
    )
    assert run(DriftAcrossReviews, "PARENT'S VIEWS\nMs Reid said she wants a fresh start.") == []


def test_a_fresh_start_at_a_new_school_is_not_a_reset():
    assert (
        run(DriftAcrossReviews, "EDUCATION\nJay has had a fresh start at his new school since April.") == []
    )


def test_a_negated_fresh_start_is_not_a_reset():
    assert (
        run(DriftAcrossReviews, "SUMMARY\nThis is not a fresh start: the chronology has been shared.") == []
    )


# boilerplate-copy: between sections


SIBLINGS = "CHILD AND FAMILY ASSESSMENT\nChildren: Tyler Shaw (8), Ava Shaw (3)\n\n"


def test_a_paragraph_repeated_in_two_sections_with_only_names_changed_is_copy():
    text = (
        SIBLINGS
        + "TYLER'S VIEWS\nTyler said he is happy at home and likes his bedroom and his toys a lot.\n\n"
        "AVA'S VIEWS\nAva said she is happy at home and likes her bedroom and her toys a lot."
    )
    [finding] = run(BoilerplateCopy, text)
    assert finding.message.startswith("Copied between sections") and finding.heading == "AVA'S VIEWS"


def test_different_paragraphs_in_two_sections_are_not_copy():
    text = (
        SIBLINGS
        + "TYLER'S VIEWS\nTyler said he is happy at home and likes his bedroom and his toys a lot.\n\n"
        "AVA'S VIEWS\nAva is too young to give her views; she ran to her mother when the door banged."
    )
    assert run(BoilerplateCopy, text) == []


def test_consent_wording_repeated_by_design_is_not_copy():
    line = "This assessment has been shared with Ms Reid and she has signed to say she has read it."
    assert run(BoilerplateCopy, f"CONSENT\n{line}\n\nSIGNATURES\n{line}") == []


def test_plan_items_restated_in_the_recommendation_are_not_copy():
    item = (
        "(2) Mr Reid to have no overnight stays at the flat; his contact with the children to be supervised."
    )
    assert run(BoilerplateCopy, f"PLAN\n{item}\n\nRECOMMENDATION\n{item}") == []


def test_short_formulaic_fields_are_not_copy():
    assert run(BoilerplateCopy, "CHILD'S VIEWS\nSeen alone: yes\n\nHEALTH\nSeen alone: yes") == []


# boilerplate-copy: unchanged from the previous version


ANALYSIS = (
    "ANALYSIS\nMs Reid has kept the home clean since March and the family support worker found the kitchen "
    "and bedrooms tidy on each of six visits."
)


def test_an_analysis_unchanged_from_the_previous_version_apart_from_dates_is_copy():
    earlier = "CIN PLAN\nPlan date: 20/02/2024\n\n" + ANALYSIS.replace("March", "March 2024")
    [finding] = run(BoilerplateCopy, "CIN REVIEW\nDate of review: 20/05/2024\n\n" + ANALYSIS, earlier)
    assert finding.message.startswith("Unchanged from the previous version") and finding.section == "analysis"


def test_an_unchanged_section_that_need_not_move_on_is_not_copy():
    history = "FAMILY HISTORY\n" + ANALYSIS.split("\n", 1)[1]
    assert run(BoilerplateCopy, history, history) == []


def test_an_analysis_that_quotes_the_previous_plan_to_move_on_is_not_copy():
    earlier = "CIN PLAN\n\nANALYSIS\nMs Reid needs to attend a parenting course."
    current = (
        "CIN REVIEW\n\nANALYSIS\nThe previous plan said 'mother to attend parenting course'; she has now "
        "completed it, so this action is removed."
    )
    assert run(BoilerplateCopy, current, earlier) == []


def test_only_the_latest_previous_version_is_compared():
    earlier = "CIN PLAN\n\n" + ANALYSIS
    middle = "CIN REVIEW\n\nANALYSIS\nThe home has been cluttered again on two of four visits since May."
    assert run(BoilerplateCopy, "CIN REVIEW\n\n" + ANALYSIS, earlier, middle) == []


# boilerplate-copy: copy residue


LEO = (
    "CHILD AND FAMILY ASSESSMENT\nChildren: Leo Carr (5)\n\nANALYSIS\nLeo is doing well in class and he "
    "reads "
    "every day. Leo talks about his dog and he draws him often. Leo's teeth are fine and he sleeps well.\n\n"
)


def test_the_wrong_pronoun_for_a_child_is_copy_residue_and_an_error():
    [finding] = run(
        BoilerplateCopy, LEO + "HEALTH\nLeo said she is happy at nursery and likes her new shoes."
    )
    assert finding.message.startswith("Copy residue") and finding.severity is Severity.ERROR


def test_a_pronoun_for_someone_else_in_the_sentence_is_not_residue():
    assert run(BoilerplateCopy, LEO + "HEALTH\nLeo said his mum thinks she is tired in the mornings.") == []


def test_without_a_clear_pronoun_pattern_there_is_no_residue():
    text = "CHILD AND FAMILY ASSESSMENT\nChildren: Leo Carr (5)\n\nHEALTH\nLeo said she is happy at nursery."
    assert run(BoilerplateCopy, text) == []


def test_another_child_as_the_subject_of_a_childs_own_section_is_residue():
    text = (
        "CHILD AND FAMILY ASSESSMENT\nChildren: Leo Carr (5), Mia Carr (2)\n\n"
        "LEO'S DEVELOPMENT\nMia enjoys nursery and is meeting all of the milestones."
    )
    [finding] = run(BoilerplateCopy, text)
    assert "Copy residue" in finding.message and "Mia Carr" in finding.message


def test_a_sibling_mentioned_as_a_sibling_is_not_residue():
    text = (
        "CHILD AND FAMILY ASSESSMENT\nChildren: Leo Carr (5), Mia Carr (2)\n\n"
        "LEO'S DEVELOPMENT\nMia copies everything her big brother does at home."
    )
    assert run(BoilerplateCopy, text) == []


def test_a_name_found_nowhere_else_as_the_subject_of_a_childs_section_is_residue():
    text = (
        "CHILD AND FAMILY ASSESSMENT\nChildren: Leo Carr (5)\n\n"
        "LEO'S DEVELOPMENT\nPoppy enjoys the home corner and is meeting all of the milestones."
    )
    [finding] = run(BoilerplateCopy, text)
    assert "'Poppy', a name found nowhere else" in finding.message and finding.severity is Severity.ERROR


def test_a_friend_named_elsewhere_in_the_form_is_not_residue():
    text = (
        "CHILD AND FAMILY ASSESSMENT\nChildren: Leo Carr (5)\n\nLEO'S VIEWS\nLeo's best friend is Kai.\n\n"
        "LEO'S DEVELOPMENT\nKai enjoys football with him at break every day."
    )
    assert run(BoilerplateCopy, text) == []
