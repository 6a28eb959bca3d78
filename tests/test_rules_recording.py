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
    (finding,) = findings(UnrecordedAssessmentLimitations, text, profile="cfa", seen_alone_min_age=3)
    assert "Amir" in finding.message and "seen alone" in finding.message
    seen = text + " I saw Amir alone at school on 9 May."
    assert findings(UnrecordedAssessmentLimitations, seen, profile="cfa", seen_alone_min_age=3) == []
    # Off by default: the sub-check is the catalogue's detection note, not the rule's definition.
    assert findings(UnrecordedAssessmentLimitations, text, profile="cfa") == []


def test_an_initial_plan_is_not_judged_but_its_review_is():
    plan = "EARLY HELP PLAN\n\nSUMMARY\nThe children are well cared for.\n\nPLAN\n1. Mum to attend the GP."
    assert findings(UnrecordedAssessmentLimitations, plan, profile="eha") == []
    review = plan.replace("EARLY HELP PLAN", "EARLY HELP PLAN - REVIEW")
    assert findings(UnrecordedAssessmentLimitations, review, profile="eha")


def test_a_vague_basis_box_is_flagged_though_a_visit_is_cited_as_evidence_elsewhere():
    text = (
        "BASIS OF ASSESSMENT\nSee chronology.\n\nANALYSIS\nOn 4 June I visited and the flat was cold, so "
        "I am worried about the baby."
    )
    (finding,) = findings(UnrecordedAssessmentLimitations, text, profile="cfa")
    assert "'See chronology.'" in finding.message


def test_someone_speaking_to_the_writer_or_a_dated_meeting_is_a_method():
    told = "ANALYSIS\nMs Lane told me that the baby sleeps in her room."
    assert findings(UnrecordedAssessmentLimitations, told, profile="sos") == []
    met = "WHAT'S WORKING WELL\nBoth parents came to the mapping meeting and were open about the mornings."
    assert findings(UnrecordedAssessmentLimitations, met, profile="sos") == []
    by_name = "SOCIAL WORKER: Dan Holt\n\nSTRENGTHS\nThe flat was clean when Dan visited on 09/05/2024."
    assert findings(UnrecordedAssessmentLimitations, by_name, profile="sos") == []


def test_a_ticked_box_labelled_with_the_method_answers_the_basis():
    text = "CHILD SEEN ALONE\n☒\n\nANALYSIS\nThe children are well cared for."
    assert findings(UnrecordedAssessmentLimitations, text, profile="cfa") == []


# thin-section (T105)


def test_a_thin_analysis_is_a_warning_quoting_its_words():
    (finding,) = findings(ThinSection, "ANALYSIS\nMum needs to engage.")
    assert finding.severity is Severity.WARNING
    assert "'Mum needs to engage.'" in finding.message and "4 words" in finding.message


def test_boxes_of_one_kind_are_counted_together():
    text = (
        "CHILD'S VIEWS\nLeo told me he likes his new school and his teacher.\n\n"
        "WISHES AND FEELINGS\nHe wants to see his dad at weekends and to keep his bedroom."
    )
    assert findings(ThinSection, text) == []


def test_thresholds_come_from_the_profile_and_the_options_override_them():
    catalogue = {"analysis": 80, "risk_analysis": 60, "parenting_capacity": 60, "child_views": 20,
                 "manager_oversight": 20}
    assert catalogue.items() <= dict(load_profile("cfa").thresholds).items()
    text = "ANALYSIS\n" + " ".join(["word"] * 79) + "."
    assert findings(ThinSection, text, profile="cfa")
    assert findings(ThinSection, text, profile="cfa", thresholds={"analysis": 40}) == []


def test_a_plan_summary_is_not_held_to_the_analysis_threshold_but_an_analysis_heading_is():
    summary = "CHILD IN NEED PLAN\n\nSUMMARY\nThe plan is working: attendance is up to 94% this term."
    assert findings(ThinSection, summary) == []
    analysis = "CHILD IN NEED PLAN\n\nANALYSIS\nThe plan is working: attendance is up to 94% this term."
    assert findings(ThinSection, analysis)
    assessment = "EARLY HELP ASSESSMENT\n\nSUMMARY\nThe plan is working: attendance is up to 94% this term."
    assert findings(ThinSection, assessment)


def test_a_bare_manager_sign_off_is_thin():
    (finding,) = findings(ThinSection, "CHILD AND FAMILY ASSESSMENT\n\nMANAGER'S COMMENTS\nAgreed. NFA.")
    assert "2 words" in finding.message


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


def test_a_dated_chronology_standing_in_for_the_analysis_is_flagged_despite_a_judgement_or_two():
    text = (
        "ANALYSIS\nOn 2 June the referral was received. On 4 June I visited and Mum was asleep. On 9 June "
        "the flat was cold. On 12 June Mum missed the clinic. Mum is hostile. The home is unsafe for Jo."
    )
    (finding,) = findings(DescriptionWithoutAnalysis, text)
    assert finding.text == "On 2 June the referral was received."


def test_weighing_a_baby_is_not_weighing_the_evidence_and_a_counted_observation_is_a_record():
    text = (
        "ANALYSIS\nOn 4 June the health visitor weighed Jo. Home conditions were poor on two of four visits. "
        "Attendance is 76%. Two appointments were missed."
    )
    assert findings(DescriptionWithoutAnalysis, text)


def test_a_claim_with_its_evidence_is_analysis_and_field_lines_are_not_sentences():
    text = (
        "SUMMARY AND ANALYSIS\n- Callum's speech is behind for his age, as his key worker counts 20 words.\n"
        "- Bethany is tired in class, as her teacher saw on 3 June.\n- Skye's nappy rash was treated twice.\n"
        "- The neglect has lasted six months.\nFirst review: 04/11/2025.\nAuthorised: A Shah 21/10/2025"
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


def test_a_problem_in_a_paragraph_of_its_own_is_flagged_when_the_next_paragraph_changes_topic():
    text = (
        "ANALYSIS\nOn 4 June Jo was in a wet nappy.\n\nMs Lane has a long history of depression and is not "
        "taking her medication.\n\nThe home conditions are now unsafe for Jo."
    )
    (finding,) = findings(ImpactOnChildMissing, text)
    assert finding.text.startswith("Ms Lane has a long history of depression")


def test_a_paragraph_that_opens_on_the_one_before_shares_its_impact():
    text = (
        "RISK ANALYSIS\nThe main risk is emotional harm to Leah from the repeated domestic abuse.\n\n"
        "The risk may be increasing: the incidents are more serious and alcohol seems to be a factor."
    )
    assert findings(ImpactOnChildMissing, text) == []


def test_a_service_for_the_problem_or_an_open_question_is_not_a_described_problem():
    text = (
        "ANALYSIS\nMr Hale's alcohol appointments are real steps. I am not sure whether her anxiety is the "
        "bigger barrier."
    )
    assert findings(ImpactOnChildMissing, text) == []


def test_a_list_answers_as_one_paragraph():
    text = (
        "RISKS\n- Ms Fox drinks up to two bottles of wine a day.\n- Lacey has been late to nursery on most "
        "days.\n- Ms Fox's drinking increased after her mother's death."
    )
    assert findings(ImpactOnChildMissing, text) == []


def test_problems_ruled_out_or_in_someone_elses_words_are_not_described_problems():
    text = "ANALYSIS\nThere is no evidence of drug use. Mum said \"he drinks too much\"."
    assert findings(ImpactOnChildMissing, text) == []
