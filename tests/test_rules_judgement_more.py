"""danger-statement-missing (T114), optimism-without-evidence (J603), dispositional-attribution (J605)
and conclusion-contradicts-analysis (J606) on realistic passages."""

from __future__ import annotations

import datetime as dt

from formlint.engine import run_rules
from formlint.finding import Severity
from formlint.rule import Context
from formlint_rules.conclusion_contradicts_analysis import ConclusionContradictsAnalysis
from formlint_rules.danger_statement_missing import DangerStatementMissing
from formlint_rules.dispositional_attribution import DispositionalAttribution
from formlint_rules.optimism_without_evidence import OptimismWithoutEvidence
from tests.helpers import form_from_text


def findings(rule, text: str, context: Context | None = None):
    found, failures = run_rules(form_from_text(text), [rule], context or Context())
    assert failures == []
    return found


# danger-statement-missing (T114)

SOS_TITLE = "SIGNS OF SAFETY ASSESSMENT\n\n"
FULL_STATEMENT = (
    "DANGER STATEMENT\nChildren's services are worried that when Dad drinks he shouts at Mum while Lily is "
    "in "
    "the room, and if nothing changes Lily could be hurt.\n\n"
)


def test_danger_statement_rule_ignores_forms_that_are_not_signs_of_safety():
    text = (
        "CHILD AND FAMILY ASSESSMENT\n\nANALYSIS\nWe are worried about neglect.\n\nRECOMMENDATION\nCIN plan."
    )
    assert findings(DangerStatementMissing, text) == []


def test_a_signs_of_safety_form_without_any_danger_statement_is_reported():
    text = (
        SOS_TITLE + "WHAT ARE WE WORRIED ABOUT\nSee above.\n\nSAFETY GOAL\nLily will be safe for six months."
    )
    (finding,) = findings(DangerStatementMissing, text)
    assert "no danger statement" in finding.message


def test_a_category_noun_danger_statement_is_quoted_with_its_missing_parts():
    text = SOS_TITLE + "Danger statement: Neglect.\n\nSafety goal: Lily will be fed and clean every day."
    (finding,) = findings(DangerStatementMissing, text)
    assert "'Neglect.'" in finding.message and "who is worried" in finding.message


def test_a_full_statement_without_a_safety_goal_is_reported():
    (finding,) = findings(DangerStatementMissing, SOS_TITLE + FULL_STATEMENT)
    assert "no safety goal" in finding.message


def test_a_safety_goal_written_inline_under_another_heading_counts():
    text = SOS_TITLE + FULL_STATEMENT + "WHAT NEEDS TO HAPPEN\nSafety goal: Lily is kept out of arguments.\n"
    assert findings(DangerStatementMissing, text) == []


def test_worry_statements_without_a_safety_goal_are_reported():
    text = (
        SOS_TITLE + "WHAT ARE WE WORRIED ABOUT\nThe health visitor is worried that when Mum drinks she falls "
        "asleep with Noah on the sofa, and if nothing changes Noah could be smothered or fall.\n\n"
        "SAFETY PLAN\n1. Grandad to stay on Friday nights from 3 May."
    )
    (finding,) = findings(DangerStatementMissing, text)
    assert "no safety goal" in finding.message


def test_scores_with_no_reason_are_quoted_and_a_scale_definition_is_left_out():
    text = (
        SOS_TITLE + FULL_STATEMENT + "SAFETY GOAL\nLily is kept out of arguments.\n\nSCALING\n"
        "0 means Lily cannot stay at home; 10 means the case can close. Mum: 8. Social worker: 4."
    )
    (finding,) = findings(DangerStatementMissing, text)
    assert "'Mum: 8. Social worker: 4.'" in finding.message


def test_a_score_with_a_reason_is_not_reported():
    text = (
        SOS_TITLE + FULL_STATEMENT + "SAFETY GOAL\nLily is kept out of arguments.\n\nSCALING\n"
        "Social worker: 4, not higher because Lily still hears arguments."
    )
    assert findings(DangerStatementMissing, text) == []


# optimism-without-evidence (J603)


def optimism(text: str, context: Context | None = None):
    return findings(OptimismWithoutEvidence, text, context)


def test_bare_optimism_is_an_info_prompt_quoting_the_words():
    (finding,) = optimism("ANALYSIS\nMother has shown good insight and is engaging positively.")
    assert finding.severity is Severity.INFO and "'good insight'" in finding.message


def test_optimism_with_a_figure_in_the_same_sentence_is_not_reported():
    assert optimism("SUMMARY\nThere has been good progress: attendance went from 71% to 94% this term.") == []


def test_optimism_negated_or_in_the_plan_is_not_reported():
    assert optimism("ANALYSIS\nThere has not been good progress.") == []
    assert optimism("ANALYSIS\nWe hope Mum will make good progress.") == []


def test_a_later_dated_incident_makes_bare_optimism_a_warning():
    text = (
        "CHILD IN NEED PLAN\nDate of plan: 01/03/2024\n\nPROGRESS\nPolice were called to the home on "
        "12/04/2024 after an argument.\n\nSUMMARY\nThere has been significant progress."
    )
    (finding,) = optimism(text)
    assert finding.severity is Severity.WARNING and "Police were called" in finding.message


def test_optimism_in_a_parents_quoted_words_is_not_reported():
    assert optimism('ANALYSIS\nMum told me "things are going really well".') == []


def test_verdicts_on_a_parent_or_on_needs_being_met_are_optimism():
    for sentence in (
        "Ms Hale is a good mum.",
        "The children's needs are met.",
        "Mr Tait is a protective factor.",
        "The risks to Ruby are low.",
        "Progress is being made.",
    ):
        assert len(optimism(f"ANALYSIS\n{sentence}")) == 1, sentence


def test_a_confident_forecast_of_success_is_optimism_but_not_inside_a_condition():
    assert len(optimism("ANALYSIS\nMr Tait will step up.")) == 1
    assert optimism("ANALYSIS\nIf Mr Tait completes the course, the plan will keep Ruby safe.") == []


def test_negated_doubt_does_not_negate_the_evaluation_it_introduces():
    (finding,) = optimism("ANALYSIS\nThere is no doubt that Ms Hale is committed to change.")
    assert "'is committed'" in finding.message


def test_a_neighbour_recording_a_concern_is_not_outcome_evidence():
    text = (
        "ANALYSIS\nMr Tait and Ruby argued loudly when I visited on 3 May. The home is a safe place for Ruby."
    )
    assert len(optimism(text)) == 1
    shown = (
        "ANALYSIS\nWhen I visited Ruby on 3 May she was clean, fed and laughing with her mother. Ruby is "
        "well looked after."
    )
    assert optimism(shown) == []


def test_a_conclusion_drawn_from_a_parents_own_account_is_optimism():
    (finding,) = optimism("ANALYSIS\nDad says he has stopped drinking, so the risk to Ruby has reduced.")
    assert "family member's own account" in finding.message
    assert (
        optimism("ANALYSIS\nThe GP says Dad's liver tests are normal, so the risk to Ruby has reduced.") == []
    )


def test_an_aspiration_to_be_a_good_parent_is_not_an_evaluation():
    assert optimism("ANALYSIS\nMs Hale has started a course to become a good parent to Ruby.") == []


# dispositional-attribution (J605)


def labels(text: str) -> list[str]:
    return [f.text for f in findings(DispositionalAttribution, text)]


def test_a_character_label_on_a_named_person_is_reported_with_the_words_quoted():
    (finding,) = findings(DispositionalAttribution, "ANALYSIS\nMr Dunn remains hostile to professionals.")
    assert finding.text == "Mr Dunn remains hostile to professionals."
    assert "'Mr Dunn remains hostile'" in finding.message


def test_attributive_labels_such_as_a_chaotic_lifestyle_are_reported():
    assert labels("ANALYSIS\nMs Reid leads a chaotic lifestyle.") == ["Ms Reid leads a chaotic lifestyle."]


def test_a_label_reported_from_someone_else_or_quoted_is_not_reported():
    assert labels("ANALYSIS\nMum said Dad is hostile.") == []
    assert labels('ANALYSIS\nThe school called him "aggressive".') == []


def test_a_label_with_behaviour_in_the_next_sentence_is_not_reported():
    assert labels("ANALYSIS\nMother is chaotic. She missed four of six appointments in May.") == []


def test_a_label_as_a_condition_or_describing_a_room_is_not_reported():
    text = (
        "DANGER STATEMENT\nWe are worried Mia could be hurt if Jason is violent again.\n\n"
        "ANALYSIS\nThe home was chaotic."
    )
    assert labels(text) == []


def test_a_diagnosis_is_not_a_label():
    assert labels("ANALYSIS\nKai has a diagnosis of ADHD and can be aggressive.") == []


def test_a_background_fact_beside_a_label_does_not_explain_it():
    text = "ANALYSIS\nMs Day has a long history of anxiety. Ms Day is manipulative."
    assert labels(text) == ["Ms Day is manipulative."]


def test_the_labelled_persons_own_words_beside_a_label_do_not_explain_it():
    text = 'ANALYSIS\nMr Rowe said the school "has it in for him". Mr Rowe presented as hostile.'
    assert labels(text) == ["Mr Rowe presented as hostile."]


def test_the_writers_impression_in_a_views_section_is_a_label_but_a_paraphrase_is_not():
    assert labels("PARENTS' VIEWS\nMr Rowe wants Ruby home. Mr Rowe came across as hostile.") == [
        "Mr Rowe came across as hostile."
    ]
    assert labels("PARENTS' VIEWS\nMs Day is frightened of Mr Rowe, who is aggressive.") == []


# conclusion-contradicts-analysis (J606)


def contradiction(text: str):
    return findings(ConclusionContradictsAnalysis, text)


def test_high_risk_then_no_further_action_is_reported_at_the_decision():
    text = (
        "ANALYSIS\nThe children remain at risk of significant harm from Mr Lee's drinking.\n\n"
        "DECISION\nNo further action."
    )
    (finding,) = contradiction(text)
    assert finding.text == "No further action." and "remain at risk of significant harm" in finding.message


def test_a_reduced_risk_does_not_contradict_a_step_down():
    text = "ANALYSIS\nThe risk of significant harm has reduced.\n\nRECOMMENDATION\nStep down to early help."
    assert contradiction(text) == []


def test_a_decision_that_differs_by_child_is_not_reported():
    text = (
        "ANALYSIS\nAmy is at risk of significant harm. Ben is safe with his father.\n\n"
        "RECOMMENDATION\nNFA for Ben. Amy to remain on a child protection plan."
    )
    assert contradiction(text) == []


def test_a_risk_in_someone_elses_words_does_not_count():
    text = "ANALYSIS\nMum said the children are at risk of significant harm.\n\nDECISION\nCase closed."
    assert contradiction(text) == []


def test_no_concerns_then_a_conference_is_reported_only_when_no_risk_is_named():
    assert contradiction(
        "ANALYSIS\nThere are no concerns about the children's care.\n\nRECOMMENDATION\nInitial child "
        "protection "
        "conference."
    )
    assert not contradiction(
        "ANALYSIS\nThere are no concerns about school. Dad hit Kai with a belt.\n\nRECOMMENDATION\nInitial "
        "child protection conference."
    )


def test_a_step_down_to_a_child_in_need_plan_is_not_an_escalation():
    text = (
        "ANALYSIS\nBoth children are suffering significant harm.\n\n"
        "RECOMMENDATION\nThe plan should step down to a Child in Need plan."
    )
    (finding,) = contradiction(text)
    assert "step down to a Child in Need plan" in finding.message


def test_a_duration_or_engagement_reason_does_not_bridge_a_high_risk():
    analysis = "ANALYSIS\nThe children are at high risk of significant harm from domestic abuse.\n\n"
    process = (
        "RECOMMENDATION\nGiven that the plan has been in place for eighteen months and Ms Day has attended "
        "most meetings, the case should step down to CIN."
    )
    assert len(contradiction(analysis + process)) == 1
    change = (
        "RECOMMENDATION\nGiven that Mr Rowe has moved out and there have been no incidents since March, the "
        "case should step down to CIN."
    )
    assert contradiction(analysis + change) == []


def test_rules_run_over_a_long_form_quickly():
    body = "ANALYSIS\n" + "Mother is chaotic and the children were safe and well. " * 400
    start = dt.datetime.now()
    for rule in (DispositionalAttribution, OptimismWithoutEvidence, ConclusionContradictsAnalysis):
        findings(rule, body)
    assert (dt.datetime.now() - start).total_seconds() < 5
