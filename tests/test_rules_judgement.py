"""bare-assertion (T101) and absent-uncertainty (T103) on realistic passages."""

from __future__ import annotations

from formlint.engine import run_rules
from formlint.rule import Context
from formlint_rules.absent_uncertainty import AbsentUncertainty
from formlint_rules.bare_assertion import BareAssertion
from tests.helpers import form_from_text


def findings(rule, text: str):
    found, failures = run_rules(form_from_text(text), [rule], Context())
    assert failures == []
    return found


def bare(text: str) -> list[str]:
    return [f.text for f in findings(BareAssertion, text)]


def test_bare_assertion_quotes_the_sentence_exactly_and_names_its_section():
    text = (
        "ANALYSIS\nKai lives with his mother in a two-bedroom flat. Ms Morgan is a strong and capable "
        "parent.\n\nRECOMMENDATION\nStep down to early help."
    )
    (finding,) = findings(BareAssertion, text)
    assert finding.text == "Ms Morgan is a strong and capable parent."
    assert finding.heading == "ANALYSIS" and finding.section == "analysis"
    assert finding.location.paragraph is not None


def test_evidence_about_the_same_person_in_the_next_sentence_supports_a_judgement():
    text = (
        "PARENTING CAPACITY\nMs Moss is emotionally warm with both children. She reads to Ruby most "
        "nights and Ruby went straight to her for comfort when I arrived."
    )
    assert bare(text) == []


def test_evidence_about_someone_else_does_not_support_a_judgement_about_a_named_person():
    text = (
        "FAMILY\nIsla (10 months) lives with her mother, Chloe, in a one-bedroom flat.\n\n"
        "PARENTING CAPACITY\nIsla sleeps in a travel cot squeezed between the sofa and the wall. "
        "Chloe is a devoted mother."
    )
    assert bare(text) == ["Chloe is a devoted mother."]


def test_a_neighbouring_judgement_with_its_own_reason_is_not_evidence():
    text = (
        "ANALYSIS\nThe threshold for a child protection plan is met because Freya was left alone on "
        "12 August. Mr Ellwood is a protective factor."
    )
    assert bare(text) == ["Mr Ellwood is a protective factor."]


def test_a_hedged_judgement_without_a_reason_is_still_bare():
    assert bare("ANALYSIS\nMum may not be able to keep the children safe.") == [
        "Mum may not be able to keep the children safe."
    ]


def test_reported_views_questions_and_stated_gaps_are_not_bare_assertions():
    text = (
        "PARENTS' VIEWS\nDanielle says Craig is supportive and good with the children.\n\n"
        "ANALYSIS\nIs Mia safe when Mr Lee visits? We do not know how Ms Fox will cope with the "
        "anniversary in July."
    )
    assert bare(text) == []


def test_a_named_source_in_the_sentence_supports_it():
    assert bare("ANALYSIS\nAmira is doing well; her teacher predicts the expected standard in reading.") == []


def test_case_decisions_and_plan_goals_are_left_to_other_rules():
    text = "RECOMMENDATION\nStep down to early help.\n\nPLAN\nThe home is clean and safe."
    assert bare(text) == []


def test_absent_uncertainty_reads_only_the_judgement_sections():
    text = (
        "BACKGROUND\nIt is not known when Mr Lee moved out.\n\n"
        "ANALYSIS\nThe children are safe in Ms Carter's care, as I saw on four visits."
    )
    (finding,) = findings(AbsentUncertainty, text)
    assert finding.heading == "ANALYSIS" and "'ANALYSIS'" in finding.message


def test_a_gaps_section_that_says_none_records_no_uncertainty():
    text = "ANALYSIS\nThe children are safe, as seen on four visits.\n\nGAPS IN INFORMATION\nNone."
    assert len(findings(AbsentUncertainty, text)) == 1


def test_an_unknown_heading_that_announces_doubt_counts_as_a_gaps_section():
    text = (
        "ANALYSIS\nThe children are safe, as seen on four visits.\n\n"
        "THINGS WE ARE NOT SURE OF\nWhether Mr Lee still visits at weekends."
    )
    assert findings(AbsentUncertainty, text) == []


def test_a_form_without_judgement_sections_is_read_whole():
    text = "PLAN\nMs Khan to visit weekly.\n\nCONTINGENCY\nA strategy discussion will be held."
    (finding,) = findings(AbsentUncertainty, text)
    assert "no analysis, risk or conclusion section" in finding.message
    uncertain = text + "\n\nPROGRESS\nIt is unclear whether Mr Lee has moved back in."
    assert findings(AbsentUncertainty, uncertain) == []


def test_child_words_quoted_in_another_agencys_account_are_not_their_voice():
    from formlint_rules.child_voice_absent import ChildVoiceAbsent

    text = (
        "Child: Kobe Lawson (4)\n\nNURSERY ACCOUNT\nKobe told his key worker that Owen grabbed him.\n\n"
        "CHILD'S VIEWS\nKobe is too young to be interviewed.\n"
    )
    assert len(findings(ChildVoiceAbsent, text)) == 1


def test_a_not_applicable_with_a_two_word_reason_is_still_a_placeholder():
    from formlint_rules.placeholder_text import PlaceholderText

    assert findings(PlaceholderText, "CONTINGENCY\nN/A - case closing.\n")
    assert not findings(
        PlaceholderText,
        "CHILD'S VIEWS\nN/A - Ava is three weeks old; her presentation is described under observations.\n",
    )


# --- holdout-3 failure types ---------------------------------------------------------


def test_possessive_verdict_on_a_bond_is_a_judgement():
    text = "STRENGTHS\nNoor has a strong and secure attachment to her father."
    assert bare(text) == ["Noor has a strong and secure attachment to her father."]


def test_telegraphic_verdict_without_a_verb_is_a_judgement():
    text = "ANALYSIS\nHome visit planned.\n\nSUMMARY\nDad not coping. Children's needs not met."
    assert bare(text) == ["Dad not coping.", "Children's needs not met."]


def test_needs_verdict_about_a_hyphenated_name_is_a_judgement():
    assert bare("ANALYSIS\nSam is able to meet Lily-Rose's emotional needs.") == [
        "Sam is able to meet Lily-Rose's emotional needs."
    ]


def test_verdict_addressed_to_you_needs_evidence_about_you_not_about_someone_else():
    text = (
        "WHAT I THINK\nYou have been open and honest with me. "
        "The incident on 02/03 was serious because Dean hit the door."
    )
    assert bare(text) == ["You have been open and honest with me."]


def test_verdict_about_mum_needs_evidence_about_mum():
    text = "STRENGTHS\nMum is a loving mother. Grandad visits twice a week."
    assert bare(text) == ["Mum is a loving mother."]


def test_verdict_drawn_from_an_observation_supports_the_next_judgement():
    text = (
        "PARENTING\nOn all three visits I observed that the flat was clean and warm. "
        "The home is suitable for a baby."
    )
    assert bare(text) == []


def test_source_named_in_a_relative_clause_supports_the_judgement():
    text = "RISKS\nA second risk is emotional harm from the arguments, which Ava says make her hide."
    assert bare(text) == []


def test_danger_statement_is_not_read_for_bare_assertions():
    text = "DANGER STATEMENT\nMia needs support to keep the baby's sleep safe."
    assert bare(text) == []


def test_hedge_inside_a_condition_is_a_trigger_not_doubt():
    text = (
        "ANALYSIS\nMason is safe at home, as I saw on four visits.\n\n"
        "RECOMMENDATION\nThe school will tell me the same day if Mason seems frightened."
    )
    assert [f.rule for f in findings(AbsentUncertainty, text)] == ["absent-uncertainty"]
