"""Recording rules: unattributed-report (T102), unrecorded-assessment-limitations (T104),
thin-section (T105), description-without-analysis (T108) and impact-on-child-missing (T113)."""

from __future__ import annotations

from formlint.engine import run_rules
from formlint.finding import Severity
from formlint.profile import load_profile
from formlint.rule import Context
from formlint_rules.description_without_analysis import DescriptionWithoutAnalysis
from formlint_rules.impact_on_child_missing import ImpactOnChildMissing
from formlint_rules.thin_section import ThinSection
from formlint_rules.unattributed_report import UnattributedReport
from formlint_rules.unrecorded_assessment_limitations import UnrecordedAssessmentLimitations
from tests.helpers import form_from_text


def findings(rule, text: str, profile: str | None = None, **options):
    found, failures = run_rules(form_from_text(text, profile=profile), [rule], Context(options=options))
    assert failures == []
    return found


# unattributed-report (T102)


def test_each_unattributed_sentence_is_its_own_finding_quoting_the_sentence():
    text = (
        "BACKGROUND\nIt is reported that Jayden is often left alone overnight. Jayden is 9. Apparently the "
        "father has moved back in."
    )
    found = findings(UnattributedReport, text)
    assert [f.text for f in found] == [
        "It is reported that Jayden is often left alone overnight.",
        "Apparently the father has moved back in.",
    ]
    assert "'It is reported that'" in found[0].message and "source" in found[0].message


def test_a_passive_report_about_a_person_is_unattributed():
    assert findings(UnattributedReport, "ANALYSIS\nDad is believed to have moved back in.")


def test_a_named_source_in_the_sentence_attributes_the_report():
    for sentence in (
        "Concerns have been raised by the health visitor about Mia's weight.",
        "According to PC Ahmed, it is alleged that Mr Lee has a knife.",
        "It was reported anonymously that Mr Lee is back.",
        "Concerns were raised at the strategy meeting about the bruise.",
        "In the referral it is alleged that Mr Lee hit Jayden.",
    ):
        assert findings(UnattributedReport, f"ANALYSIS\n{sentence}") == [], sentence


def test_the_family_member_a_report_is_about_is_not_its_source():
    assert findings(UnattributedReport, "ANALYSIS\nIt is reported that mum drinks every night.")


def test_a_source_in_the_sentence_before_attributes_the_report():
    text = "BACKGROUND\nThe school rang on 3 May. It was reported that Jayden arrived hungry."
    assert findings(UnattributedReport, text) == []


def test_a_statement_that_the_report_is_unconfirmed_is_enough():
    text = "BACKGROUND\nApparently Mr Lee is back. We have not yet been able to confirm this."
    assert findings(UnattributedReport, text) == []


def test_quoted_words_research_and_agreements_are_not_reports():
    text = (
        "ANALYSIS\nMum said \"apparently I'm the problem\". Research suggests that children are harmed by "
        "domestic abuse. It was agreed that Mum would attend the course."
    )
    assert findings(UnattributedReport, text) == []


def test_a_section_headed_by_its_source_is_attributed():
    text = "INFORMATION FROM SCHOOL\nIt is reported that Jayden is often hungry."
    assert findings(UnattributedReport, text) == []


# unrecorded-assessment-limitations (T104)


def test_a_basis_section_that_names_no_method_is_quoted():
    (finding,) = findings(UnrecordedAssessmentLimitations, "BASIS OF ASSESSMENT\nAssessment completed.")
    assert "'Assessment completed.'" in finding.message and finding.section == "basis_of_assessment"


def test_various_sources_followed_by_a_list_names_them():
    text = "BASIS OF ASSESSMENT\nInformation gathered from various sources: the school, the GP, the police."
    assert findings(UnrecordedAssessmentLimitations, text) == []


def test_an_assessment_with_no_method_anywhere_is_flagged_and_a_plan_is_not():
    text = "ANALYSIS\nThe children are well cared for.\n\nRECOMMENDATION\nClose the case."
    assert findings(UnrecordedAssessmentLimitations, text, profile="cfa")
    assert findings(UnrecordedAssessmentLimitations, text, profile="plan") == []
    (info,) = findings(UnrecordedAssessmentLimitations, text, profile="eha")
    assert info.severity is Severity.INFO


def test_a_child_old_enough_and_never_recorded_as_seen_alone_is_flagged():
    text = (
        "CHILD AND FAMILY ASSESSMENT\nChild: Amir Khan (8)\n\nBASIS OF ASSESSMENT\nI visited on 2 and 9 May "
        "and spoke with mother and the school."
    )
    (finding,) = findings(UnrecordedAssessmentLimitations, text, profile="cfa")
    assert "Amir" in finding.message and "seen alone" in finding.message
    seen = text + " I saw Amir alone at school on 9 May."
    assert findings(UnrecordedAssessmentLimitations, seen, profile="cfa") == []
    assert findings(UnrecordedAssessmentLimitations, text, profile="cfa", seen_alone_min_age=None) == []


# thin-section (T105)


def test_a_thin_analysis_is_a_warning_quoting_its_words():
    (finding,) = findings(ThinSection, "ANALYSIS\nMum needs to engage.")
    assert finding.severity is Severity.WARNING
    assert "'Mum needs to engage.'" in finding.message and "4 words" in finding.message


def test_boxes_of_one_kind_are_counted_together():
    text = (
        "CHILD'S VIEWS\nLeo told me he likes his new school and his teacher.\n\n"
        "WISHES AND FEELINGS\nHe wants to see his dad at weekends."
    )
    assert findings(ThinSection, text) == []


def test_thresholds_come_from_the_profile_and_the_options_override_them():
    assert dict(load_profile("cfa").thresholds)["analysis"] > dict(load_profile("eha").thresholds)["analysis"]
    text = "ANALYSIS\n" + " ".join(["word"] * 17) + "."
    assert findings(ThinSection, text, profile="cfa")
    assert findings(ThinSection, text, profile="eha") == []
    assert findings(ThinSection, text, profile="eha", thresholds={"analysis": 40})


def test_a_date_standing_in_a_box_is_not_a_thin_answer():
    assert findings(ThinSection, "PROGRESS\n17/05/2024") == []


# description-without-analysis (T108)


def test_a_retelling_is_flagged_and_quotes_a_descriptive_sentence():
    text = (
        "ANALYSIS\nOn 3 May police attended. On 5 May I visited. Mother said the argument was about money. "
        "The children were at school. On 10 May a strategy meeting was held."
    )
    (finding,) = findings(DescriptionWithoutAnalysis, text)
    assert finding.text == "On 3 May police attended." and "0 of 5" in finding.message


def test_a_short_dense_analysis_is_left_to_thin_section():
    assert findings(DescriptionWithoutAnalysis, "ANALYSIS\nMum drinks. Kai is late.") == []


def test_a_signs_of_safety_worry_list_is_not_an_analysis():
    text = (
        "WHAT ARE WE WORRIED ABOUT\nOn 3 May police attended. On 5 May Mum was drunk. On 9 May Kai was late. "
        "On 10 May the school rang."
    )
    assert findings(DescriptionWithoutAnalysis, text) == []


# impact-on-child-missing (T113)


def test_an_adult_problem_with_no_child_in_the_answer_is_flagged_once_per_section():
    text = "ANALYSIS\nFather uses cannabis daily. Mother drinks most evenings."
    (finding,) = findings(ImpactOnChildMissing, text)
    assert finding.text == "Father uses cannabis daily." and "'uses cannabis'" in finding.message


def test_impact_in_another_bullet_of_the_same_answer_counts():
    text = (
        "RISK ANALYSIS\n- Mother drinks most evenings.\n- On those evenings Ellie (4) is put to bed late and "
        "is tired at nursery."
    )
    assert findings(ImpactOnChildMissing, text) == []


def test_a_child_named_only_in_the_text_is_still_a_child():
    text = "ANALYSIS\nThere were three domestic incidents; Kai was in the room and hides under his bed."
    assert findings(ImpactOnChildMissing, text) == []


def test_problems_ruled_out_or_in_someone_elses_words_are_not_described_problems():
    text = "ANALYSIS\nThere is no evidence of drug use. Mum said \"he drinks too much\"."
    assert findings(ImpactOnChildMissing, text) == []
