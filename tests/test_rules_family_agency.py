"""F502, F504, C302, C303 and C304 on short realistic forms, beyond their documented examples."""

from formlint.finding import Finding, Severity
from formlint.rule import Context, Rule
from formlint_rules.agency_contribution_missing import AgencyContributionMissing
from formlint_rules.incident_only_focus import IncidentOnlyFocus
from formlint_rules.mother_only_responsibility import MotherOnlyResponsibility
from formlint_rules.referrer_feedback_missing import ReferrerFeedbackMissing
from formlint_rules.self_report_as_evidence import SelfReportAsEvidence
from tests.helpers import form_from_text


def run(rule: Rule, text: str, profile: str | None = None) -> list[Finding]:
    return list(rule.check(form_from_text(text, profile=profile), Context()))


# F502 mother-only-responsibility

HOUSEHOLD = "Child: Ava Walsh (1)\nHousehold: Kim Walsh (mother), Dean Walsh (mother's partner)\n\n"


def test_mother_told_to_keep_named_partner_away_is_flagged_naming_him():
    found = run(
        MotherOnlyResponsibility(),
        HOUSEHOLD + "PLAN\n1. Ms Walsh to make sure Dean does not stay overnight. Timescale: throughout.",
    )
    assert len(found) == 1 and "Dean" in found[0].message


def test_two_actions_for_mother_and_none_for_partner_named_in_risk_is_flagged():
    found = run(
        MotherOnlyResponsibility(),
        HOUSEHOLD + "RISK ANALYSIS\nDean Walsh has assaulted Ms Walsh twice when drunk.\n\n"
        "PLAN\n1. Ms Walsh to attend the Freedom Programme by 30 June.\n"
        "2. Ms Walsh to register Ava with the GP by 14 May.",
    )
    assert len(found) == 1 and "2 plan actions" in found[0].message


def test_partner_with_his_own_action_clears_the_plan():
    assert not run(
        MotherOnlyResponsibility(),
        HOUSEHOLD + "PLAN\n1. Mum to keep Ava away from Dean when he has been drinking.\n"
        "2. Dean to attend the alcohol service weekly from 6 May.",
    )


def test_mother_as_the_only_adult_with_her_own_actions_is_not_flagged():
    assert not run(
        MotherOnlyResponsibility(),
        "Child: Leo Grant (6)\nMother: Amy Grant\n\nANALYSIS\nMs Grant's drinking means Leo is often "
        "late.\n\n"
        "PLAN\n1. Ms Grant to attend the recovery service weekly.\n2. Ms Grant to take Leo to school daily.",
    )


def test_negated_failure_to_protect_is_not_blame():
    assert not run(
        MotherOnlyResponsibility(),
        HOUSEHOLD + "ANALYSIS\nThis is not a failure to protect: Ms Walsh called the police herself.",
    )


# F504 self-report-as-evidence


def test_parent_account_of_change_in_progress_section_is_flagged_with_the_words():
    found = run(
        SelfReportAsEvidence(), "PROGRESS SINCE LAST REVIEW\nMs Carr says the arguments have stopped."
    )
    assert len(found) == 1 and "Ms Carr says" in found[0].message


def test_attendance_followed_by_a_conclusion_sentence_is_flagged():
    found = run(
        SelfReportAsEvidence(),
        "ANALYSIS\nMr Lee has attended every session of the programme. This shows the risk has reduced.",
    )
    assert found


def test_account_checked_by_school_in_the_next_sentence_is_not_flagged():
    assert not run(
        SelfReportAsEvidence(),
        "ANALYSIS\nMum reports that the children now get to school on time. The school confirms attendance "
        "is 97% this term.",
    )


def test_account_the_writer_says_is_untested_is_not_flagged():
    assert not run(
        SelfReportAsEvidence(),
        "ANALYSIS\nMum reports that she has stopped drinking; this has not yet been tested.",
    )


def test_parent_views_section_is_not_read():
    assert not run(SelfReportAsEvidence(), "PARENTS' VIEWS\nMum says things are much better at home.")


def test_engagement_without_a_claim_of_change_is_not_flagged():
    assert not run(SelfReportAsEvidence(), "ANALYSIS\nMr Lee has attended all six sessions.")


# C302 incident-only-focus

ICPC = "REPORT TO INITIAL CHILD PROTECTION CONFERENCE\n\n"


def test_conference_report_about_only_the_injury_is_flagged_as_info():
    found = run(
        IncidentOnlyFocus(),
        ICPC + "ANALYSIS\nThe fracture is unexplained. Police are investigating and a skeletal survey was "
        "clear.",
    )
    assert len(found) == 1 and found[0].severity is Severity.INFO


def test_conference_report_covering_health_school_and_friendships_is_not_flagged():
    assert not run(
        IncidentOnlyFocus(),
        ICPC + "ANALYSIS\nThe fracture is unexplained. Mia's immunisations are up to date, her school "
        "attendance is 96% and she has close friends in her class.",
    )


def test_plan_that_never_names_an_enquiry_is_out_of_scope():
    assert not run(IncidentOnlyFocus(), "CHILD IN NEED PLAN\n\nANALYSIS\nThe incident is closed.")


# C303 referrer-feedback-missing


def test_professional_referrer_not_told_on_an_assessment_is_a_warning():
    found = run(
        ReferrerFeedbackMissing(),
        "CHILD AND FAMILY ASSESSMENT\n\nREASON FOR REFERRAL\nReferral from Hill Primary School on 3 May.\n\n"
        "DECISION\nNo further action.",
    )
    assert (
        len(found) == 1
        and found[0].severity is Severity.WARNING
        and "Hill Primary School" in found[0].message
    )


def test_self_referral_by_a_parent_needs_no_feedback():
    assert not run(
        ReferrerFeedbackMissing(),
        "REASON FOR REFERRAL\nReferral from mother, who asked for help with Leo's behaviour.\n\n"
        "DECISION\nSignposted to early help.",
    )


def test_referrer_updated_on_the_decision_passes():
    assert not run(
        ReferrerFeedbackMissing(),
        "REASON FOR REFERRAL\nPC Hale made a referral after a call-out.\n\nDECISION\nNFA. PC Hale was "
        "informed of the decision by email on 8 May.",
    )


def test_plan_review_is_not_a_referral_outcome():
    assert not run(
        ReferrerFeedbackMissing(),
        "CHILD IN NEED PLAN\n\nREASON FOR PLAN\nReferral from Hill Primary School.\n\nDECISION\nPlan to "
        "continue.",
        profile="plan",
    )


# C304 agency-contribution-missing


def test_consulted_agency_with_nothing_recorded_is_flagged_once():
    found = run(
        AgencyContributionMissing(),
        "BASIS OF ASSESSMENT\nAgencies consulted: school, probation.\n\nANALYSIS\nThe school reports Jack is "
        "settled and attends every day.",
    )
    assert len(found) == 1 and "probation" in found[0].message


def test_invitation_alone_is_not_a_contribution():
    found = run(
        AgencyContributionMissing(),
        "CONFERENCE DETAILS\nInvited: GP\n\nANALYSIS\nThe GP was invited to conference.",
    )
    assert found


def test_plan_action_is_not_a_contribution():
    found = run(
        AgencyContributionMissing(),
        "BASIS OF ASSESSMENT\nProfessionals involved: CAMHS.\n\nPLAN\n1. CAMHS to offer an appointment by "
        "June.",
    )
    assert found


def test_agencies_named_in_a_prose_source_sentence_are_listed():
    found = run(
        AgencyContributionMissing(),
        "HOW THE ASSESSMENT WAS DONE\nTwo home visits. I spoke to the health visitor and the school nurse."
        "\n\nANALYSIS\nThe health visitor says Mia's weight is on the 50th centile.",
    )
    assert len(found) == 1 and "school nurse" in found[0].message


def test_a_parent_going_to_the_gp_is_not_the_gp_contributing():
    found = run(
        AgencyContributionMissing(),
        "SOURCES OF INFORMATION\nSchool and GP contacted by phone.\n\nANALYSIS\nThe class teacher said Sam "
        "is often hungry. Ms Day said she has not been back to her GP since March.",
    )
    assert len(found) == 1 and "GP" in found[0].message


def test_a_person_named_in_the_source_list_speaks_for_their_agency():
    assert not run(
        AgencyContributionMissing(),
        "BASIS OF ASSESSMENT\nI spoke with his form tutor Mr Okoro and PC Lund.\n\nANALYSIS\nMr Okoro said "
        "Tom's attendance is 88%. PC Lund confirmed there have been no further call-outs.",
    )


def test_places_and_agencies_that_made_contact_are_not_source_lists():
    assert not run(
        AgencyContributionMissing(),
        "HOW THE ASSESSMENT WAS DONE\nMia was seen alone at school on 3 May.\n\nREASON FOR INVOLVEMENT\n"
        "Bright Stars Nursery contacted the front door on 1 May.",
    )


def test_referral_told_as_a_disclosure_to_a_teacher_is_a_referral():
    found = run(
        ReferrerFeedbackMissing(),
        "CHILD AND FAMILY ASSESSMENT\n\nREASON FOR REFERRAL\nOn 2 May Ella told her teacher that her dad "
        "hits her.\n\nRECOMMENDATION\nChild in need plan.",
    )
    assert len(found) == 1 and "school" in found[0].message


def test_a_parent_asking_the_school_for_help_is_a_self_referral():
    assert not run(
        ReferrerFeedbackMissing(),
        "EARLY HELP ASSESSMENT\n\nWHY WE ARE INVOLVED\nMs Kerr asked the school for help with Jay's "
        "sleep.\n\nPLAN\n1. School nurse to meet Ms Kerr by 1 June.",
    )


def test_referrer_at_the_deciding_meeting_needs_no_separate_feedback():
    assert not run(
        ReferrerFeedbackMissing(),
        "SIGNS OF SAFETY MAPPING\n\nREASON FOR INVOLVEMENT\nThe health visitor referred on 4 March.\n\n"
        "WHO CAME TO THE MAPPING\nMs Pye, the health visitor and the social worker.\n\n"
        "DECISION\nAgreed: child in need plan.",
    )


def test_an_earlier_anonymous_referral_in_the_history_does_not_excuse_this_one():
    found = run(
        ReferrerFeedbackMissing(),
        "CHILD AND FAMILY ASSESSMENT\n\nREASON FOR REFERRAL\nReferral from Hill Primary School on 3 May.\n\n"
        "BACKGROUND\nIn 2020 an anonymous caller reported concerns; the referrer could not be contacted.\n\n"
        "DECISION\nNo further action.",
    )
    assert len(found) == 1


def test_referring_school_that_leads_the_early_help_needs_no_feedback():
    assert not run(
        ReferrerFeedbackMissing(),
        "EARLY HELP ASSESSMENT\nLead professional: Amy Hart, Pastoral Lead, Oak Academy\n\n"
        "REASON FOR ASSESSMENT\nOak Academy is worried about Kai's attendance.\n\nPLAN\n1. Mentor weekly "
        "from 1 May.",
    )


def test_partner_named_only_in_the_text_is_recognised():
    found = run(
        MotherOnlyResponsibility(),
        "Child: Ava Walsh (1)\nMother: Kim Walsh\n\nHOUSEHOLD\nKim's new partner, Lee Dunn, moved in during "
        "May. Police disclosed that Lee has a conviction for assaulting a former partner.\n\n"
        "WHAT ARE WE WORRIED ABOUT\nWe are worried about Lee's temper.\n\n"
        "PLAN\n1. Kim to attend the Freedom Programme from 3 June.",
    )
    assert len(found) == 1 and "Lee" in found[0].message


def test_waiting_for_his_programme_is_not_an_action_for_him():
    found = run(
        MotherOnlyResponsibility(),
        HOUSEHOLD + "RISK ANALYSIS\nDean Walsh has assaulted Ms Walsh twice when drunk.\n\n"
        "PLAN\n1. Ms Walsh to attend the Freedom Programme by 30 June.\n"
        "2. Social worker to visit weekly while we wait for Dean's place on the perpetrator programme.",
    )
    assert found


def test_parents_clashing_over_care_with_only_the_mother_acting_is_flagged():
    found = run(
        MotherOnlyResponsibility(),
        HOUSEHOLD + "ANALYSIS\nDean and Ms Walsh see Ava's crying differently, which makes evenings "
        "harder.\n\nPLAN\n1. Ms Walsh to attend a parenting group from 4 June.",
    )
    assert len(found) == 1


def test_a_man_who_has_left_the_home_needs_no_actions():
    assert not run(
        MotherOnlyResponsibility(),
        "Child: Leo Bell (4)\nMother: Amy Bell\nFather: Sam Bell\n\nANALYSIS\nMs Bell has struggled since "
        "Mr Bell left the home.\n\nPLAN\n1. Ms Bell to see her GP by 1 May.",
    )


def test_a_joint_action_for_mr_and_ms_clears_the_plan():
    assert not run(
        MotherOnlyResponsibility(),
        "Child: Leo Tate (4)\nMother: Amy Tate\nFather: Sam Tate\n\nANALYSIS\nMr Tate's drinking worries "
        "the school.\n\nPLAN\n1. Ms Tate to see her GP by 1 May.\n2. Mr and Ms Tate to attend the "
        "parenting course from 6 May.",
    )


def test_engagement_then_a_bare_claim_of_change_is_flagged():
    found = run(
        SelfReportAsEvidence(),
        "SUMMARY\nMr Rudd has engaged with the family support worker. The home is now clean.",
    )
    assert len(found) == 1


def test_attendance_then_a_change_staff_report_is_not_flagged():
    assert not run(
        SelfReportAsEvidence(),
        "PROGRESS\nJo has attended nursery every day. Staff say she is more settled at drop-off.",
    )


def test_a_parents_feelings_and_care_checks_are_not_the_childs_wider_needs():
    found = run(
        IncidentOnlyFocus(),
        "SECTION 47 ENQUIRY OUTCOME\n\nENQUIRIES\nThe home was clean and Ben was dressed appropriately.\n\n"
        "MOTHER'S ACCOUNT\nShe said she was upset that nursery had not asked her first.\n\n"
        "ANALYSIS\nThe bruise was caused by Mr Cole gripping Ben's arm.",
    )
    assert len(found) == 1
