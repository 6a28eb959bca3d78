"""unchallenged-consensus (A406) and single-hypothesis (J604) on realistic passages."""

from __future__ import annotations

import pytest

from formlint.engine import run_rules
from formlint.rule import Context
from formlint_rules.single_hypothesis import SingleHypothesis, alternative_cue, explanation_cue
from formlint_rules.unchallenged_consensus import UnchallengedConsensus, records_dissent, unanimity_cue
from tests.helpers import form_from_text


def findings(rule, text: str):
    found, failures = run_rules(form_from_text(text), [rule], Context())
    assert failures == []
    return found


def consensus(text: str) -> list[str]:
    return [f.text for f in findings(UnchallengedConsensus, text)]


def hypothesis(text: str) -> list[str]:
    return [f.text for f in findings(SingleHypothesis, text)]


# --- unchallenged-consensus -------------------------------------------------------------


def test_consensus_finding_quotes_the_first_unanimity_sentence_once_per_form():
    text = (
        "STRATEGY DISCUSSION\nPolice, school and health took part. It was unanimously agreed that a "
        "section 47 enquiry should begin.\n\nCONFERENCE DECISION\nAll agencies agreed that Amy should "
        "be made subject to a child protection plan."
    )
    (finding,) = findings(UnchallengedConsensus, text)
    assert finding.text == "It was unanimously agreed that a section 47 enquiry should begin."
    assert finding.heading == "STRATEGY DISCUSSION"
    assert "unanimous" in finding.message and "asked" in finding.message


@pytest.mark.parametrize(
    "sentence",
    [
        "All agencies agreed that the threshold for a child protection plan is not met.",
        "It was agreed by all that the children remain at home.",
        "Everyone at the core group meeting agreed that the plan is working.",
        "The conference unanimously agreed that Leo should be subject to a plan.",
        "All professionals were in agreement that Ms Lee is protective.",
        "There was a clear consensus that the case should step down to early help.",
        "The network is in agreement that mother is protective.",
        "No one disagreed with the recommendation to close the case.",
    ],
)
def test_unanimous_decisions_are_recognised(sentence):
    assert unanimity_cue(sentence) is not None
    assert consensus(f"DECISION\n{sentence}") == [sentence]


@pytest.mark.parametrize(
    "sentence",
    [
        "Ms Lee agreed to the plan and agreed to attend the parenting course.",
        "Plan agreed at initial conference: 03/06/2024",
        "Interim plan agreed with Ms Nolan on 12/03/2024.",
        "All agencies agreed to share information before each core group.",
        "All the family agreed that Nan would collect the children on Fridays.",
        'Ms Lee said "everyone agreed I was doing better" at the last meeting.',
        "The conference agreed to look at contact again at the next review.",
    ],
)
def test_agreement_that_is_not_multi_agency_unanimity_is_not_flagged(sentence):
    assert consensus(f"DECISION\n{sentence}") == []


@pytest.mark.parametrize(
    "other_view",
    [
        "The school's view differed: they think the risk is higher.",
        "Ms Heath does not accept that Amy is neglected.",
        "The health visitor disagreed and her minority view is recorded.",
        "The chair asked whether anyone had a different view.",
        "The IRO challenged the decision to step down at the first review.",
        "Concerns were raised by the GP about Amy's weight, but the plan was agreed.",
        "Not all agencies agreed with the recommendation.",
        "There was no consensus about contact.",
    ],
)
def test_a_differing_view_anywhere_in_the_form_answers_the_unanimity(other_view):
    assert records_dissent(other_view)
    text = (
        "CONFERENCE DECISION\nAll agencies agreed that Amy should be subject to a child protection "
        f"plan.\n\nVIEWS\n{other_view}"
    )
    assert consensus(text) == []


def test_an_exception_named_in_the_same_sentence_is_a_differing_view():
    text = (
        "TAF DECISION\nAll agencies agreed that the family should stay with early help, except the "
        "school nurse, who thought a referral was needed."
    )
    assert consensus(text) == []


def test_recording_that_nobody_disagreed_is_not_dissent():
    assert not records_dissent("No one disagreed with the recommendation.")
    assert not records_dissent("There was no dissent.")


def test_plan_rows_are_not_read_as_decision_records():
    text = "PLAN\n1. All agencies agreed that school will check in with Kai daily - from 03/06/2024."
    assert consensus(text) == []


def test_a_different_views_heading_answers_the_unanimity():
    text = (
        "DECISION\nAll agencies agreed that the plan should continue.\n\nDifferent views\n"
        "Ms Lee thinks the plan is no longer needed."
    )
    assert consensus(text) == []


# --- single-hypothesis ------------------------------------------------------------------


def test_single_explanation_finding_quotes_the_explanation_once_per_form():
    text = (
        "ANALYSIS\nJack is a lively boy. The bruise on Jack's cheek was caused by him falling off the "
        "sofa. His lateness is due to his mother's early shifts."
    )
    (finding,) = findings(SingleHypothesis, text)
    assert finding.text == "The bruise on Jack's cheek was caused by him falling off the sofa."
    assert finding.section == "analysis"
    assert "other explanation" in finding.message


@pytest.mark.parametrize(
    "sentence",
    [
        "The bruise was caused by Jack falling off the sofa.",
        "Kai's behaviour is due to his ADHD.",
        "The poor home conditions are because of the family's housing situation.",
        "The injury to Mia's arm was accepted as accidental.",
        "Her anger is mostly about feeling she has no space of her own.",
        "His poor attendance reflects the pressure of caring for his mother.",
        "The burn was an accident.",
    ],
)
def test_one_explanation_adopted_is_flagged(sentence):
    assert explanation_cue(sentence) is not None
    assert hypothesis(f"ANALYSIS\n{sentence} Ms Lee is a caring mother.") == [sentence]


def test_a_parents_account_of_the_injury_adopted_in_the_analysis_is_flagged():
    text = (
        "ANALYSIS\nLeo had a bruise on his upper arm on 3 May. Mum explained that he fell off the sofa. "
        "The family do not need further support."
    )
    assert hypothesis(text) == ["Mum explained that he fell off the sofa."]


@pytest.mark.parametrize(
    "alternative",
    [
        "Alternatively, the bruise may have been caused by rough handling.",
        "We cannot rule out that the bruise was inflicted.",
        "We considered whether Leo was pushed by his older brother.",
        "The paediatrician's view is that the bruising is inconsistent with a fall.",
        "It is also possible that what happens at home contributes.",
        "There are other possibilities, such as a grip by an adult.",
        "Either the bruise happened at nursery or it happened at home.",
    ],
)
def test_an_alternative_in_the_judgement_sections_answers_the_explanation(alternative):
    assert alternative_cue(alternative) is not None
    text = f"ANALYSIS\nThe bruise was caused by a fall.\n\nRISK ANALYSIS\n{alternative}"
    assert hypothesis(text) == []


def test_an_alternative_only_in_the_background_does_not_count():
    text = (
        "BACKGROUND\nNursery wondered whether there was another explanation.\n\n"
        "ANALYSIS\nThe bruise was caused by a fall from the sofa."
    )
    assert hypothesis(text) == ["The bruise was caused by a fall from the sofa."]


def test_ruling_out_every_other_explanation_is_still_one_explanation():
    text = "ANALYSIS\nThe bruise was caused by a fall, and there is no other explanation for it."
    assert len(hypothesis(text)) == 1


@pytest.mark.parametrize(
    "sentence",
    [
        "Mum said the bruise was caused by a fall; the paediatrician considered it consistent with a grip.",
        "Dr Qureshi concluded that the bruises were caused by an implement.",
        "The bruise was not caused by the nursery.",
        "Kai's behaviour may be due to his ADHD.",
        "The injury was non-accidental.",
        "Kian's low mood was linked to bullying at school and to the arguments at home.",
        "The concerns remain because Ms Lee has not engaged with the plan.",
        "Mia is safe because her mother moved to a refuge.",
    ],
)
def test_tested_hedged_negated_or_multiple_explanations_are_not_flagged(sentence):
    assert hypothesis(f"ANALYSIS\n{sentence}") == []


def test_explanations_in_the_chronology_are_not_read_when_there_is_an_analysis():
    text = (
        "CHRONOLOGY\n03/2023 - School noted a bruise; Noah said he fell off his bike.\n\n"
        "ANALYSIS\nNoah has been physically harmed, as Dr Qureshi found."
    )
    assert hypothesis(text) == []


def test_a_narrative_mention_of_a_fall_is_not_an_explanation():
    text = (
        "RISKS\nProtective factors: Oliver went to his mother for comfort when he bumped his head, "
        "and his grandmother visits every week."
    )
    assert hypothesis(text) == []


def test_grounds_for_a_conference_decision_are_not_one_explanation_adopted():
    assert not hypothesis(
        "SUMMARY AND ANALYSIS\nConference made both children subject to child protection plans under the "
        "category of neglect, because the home was dirty on four visits and the baby missed her "
        "immunisations."
    )


# --- holdout-3 failure types ---------------------------------------------------------


def test_a_differing_view_recorded_as_hers_is_dissent():
    assert records_dissent(
        "The health visitor said she felt the children could go home; her view was recorded and will be "
        "put to conference."
    )


def test_the_family_sorting_out_disagreements_is_not_professional_dissent():
    text = (
        "DECISION\nEveryone at the mapping agreed that the children can stay at home.\n\n"
        "SAFETY GOAL\nThe adults will sort out disagreements without shouting."
    )
    assert consensus(text) == ["Everyone at the mapping agreed that the children can stay at home."]


def test_the_reason_for_a_managers_direction_is_not_an_explanation_of_a_concern():
    text = (
        "MANAGEMENT OVERSIGHT\nBen to speak to Reece's father before 16/05/2025, because Reece is being "
        "left to care for his sister."
    )
    assert hypothesis(text) == []


def test_the_reason_for_a_gap_in_knowledge_is_not_an_explanation_of_a_concern():
    text = "ANALYSIS\nWe do not know how much Ollie hears of the arguments, because he has not been seen."
    assert hypothesis(text) == []
