"""Behaviour of the risk rules: missing-risk-factors (T110), risk-not-carried-forward (T111),
need-only-framing (T112)."""

from __future__ import annotations

from formlint.engine import run_rules
from formlint.finding import Finding, Severity
from formlint.rule import Context, Rule
from formlint_rules.missing_risk_factors import MissingRiskFactors
from formlint_rules.need_only_framing import NeedOnlyFraming
from formlint_rules.risk_not_carried_forward import RiskNotCarriedForward
from tests.helpers import form_from_text


def findings(rule: type[Rule], text: str) -> list[Finding]:
    found, failures = run_rules(form_from_text(text), [rule], Context())
    assert not failures
    return [f for f in found if f.rule == rule.slug]


# --- missing-risk-factors (T110) ----------------------------------------------


def test_form_without_a_risk_section_gets_one_form_level_finding() -> None:
    [finding] = findings(MissingRiskFactors, "ANALYSIS\nLeo is doing well.\n\nRECOMMENDATION\nClose.")
    assert finding.section is None
    assert "no risk section" in finding.message


def test_placeholder_risk_section_is_quoted_where_it_sits() -> None:
    [finding] = findings(MissingRiskFactors, "WHAT ARE WE WORRIED ABOUT\nSee above.\n\nSUMMARY\nAll well.")
    assert finding.section == "risk_analysis"
    assert finding.text == "See above."
    assert "'See above.'" in finding.message


def test_two_empty_risk_sections_give_one_finding() -> None:
    text = "RISK ANALYSIS\nnil\n\nDANGER STATEMENT\nas before\n\nANALYSIS\nFine."
    assert len(findings(MissingRiskFactors, text)) == 1


def test_parent_risk_heading_with_filled_sub_heading_is_answered() -> None:
    text = "WHAT ARE WE WORRIED ABOUT\n\nPAST HARM\nOn 3 May Dad hit Leo with a belt, leaving bruises."
    assert findings(MissingRiskFactors, text) == []


def test_what_are_you_worried_about_counts_as_a_risk_section() -> None:
    text = "What are you worried about?\nWe are worried that Tayla could be exploited by older boys."
    assert findings(MissingRiskFactors, text) == []


# --- need-only-framing (T112) -------------------------------------------------


def test_need_only_risk_section_is_flagged_with_the_need_words_quoted() -> None:
    text = (
        "RISKS\nDonna would benefit from support from the alcohol service, since she is drinking "
        "a bottle of wine most evenings. Maisie needs a reliable adult to collect her from school."
    )
    [finding] = findings(NeedOnlyFraming, text)
    assert finding.section == "risk_analysis"
    assert "'would benefit'" in finding.message


def test_adult_problem_in_its_own_clause_names_a_risk() -> None:
    text = "RISKS\nDad drinks most evenings until he falls asleep; the children need a bedtime routine."
    assert findings(NeedOnlyFraming, text) == []


def test_ruled_out_risk_factor_is_not_need_only() -> None:
    text = "RISKS\nMum needs help with budgeting. There is no evidence of domestic abuse or drug use."
    assert findings(NeedOnlyFraming, text) == []


def test_harm_to_the_child_is_not_need_only() -> None:
    text = "RISKS\nMum needs support because Ellie (2) could be hurt when she is left without care at night."
    assert findings(NeedOnlyFraming, text) == []


def test_need_only_framing_leaves_a_missing_risk_section_to_t110() -> None:
    text = "RISKS\nN/A.\n\nANALYSIS\nMum would benefit from a parenting course."
    assert findings(NeedOnlyFraming, text) == []
    assert len(findings(MissingRiskFactors, text)) == 1


# --- risk-not-carried-forward (T111) ------------------------------------------


def test_finding_sits_on_the_sentence_that_records_the_factor() -> None:
    text = (
        "FAMILY HISTORY\nThe family moved here in 2021. Father received a custodial sentence in 2019 "
        "for assaulting a previous partner.\n\nANALYSIS\nThe children need help with routines."
    )
    found = findings(RiskNotCarriedForward, text)
    assert {f.rule for f in found} == {"risk-not-carried-forward"}
    domestic = next(f for f in found if f.message.startswith("Domestic abuse"))
    assert domestic.text == "Father received a custodial sentence in 2019 for assaulting a previous partner."
    assert "'FAMILY HISTORY'" in domestic.message and "'ANALYSIS'" in domestic.message
    assert domestic.location.start is not None


def test_one_finding_per_missing_category() -> None:
    text = (
        "REFERRAL\nMum was drunk at pick-up.\n\nHISTORY\nMum has drunk heavily since 2020.\n\n"
        "ANALYSIS\nLily needs help with her reading."
    )
    found = findings(RiskNotCarriedForward, text)
    assert len(found) == 1
    assert found[0].text == "Mum was drunk at pick-up."


def test_negated_mention_elsewhere_is_not_a_recorded_factor() -> None:
    text = "BACKGROUND\nThere is no known domestic abuse.\n\nANALYSIS\nAmira is a young carer."
    assert findings(RiskNotCarriedForward, text) == []


def test_factor_ruled_out_in_the_analysis_is_addressed() -> None:
    text = (
        "REFERRAL\nSchool smelled alcohol on Dad.\n\nANALYSIS\nThere is no evidence of substance "
        "misuse: three unannounced visits found nothing."
    )
    assert findings(RiskNotCarriedForward, text) == []


def test_category_discussed_in_other_words_is_carried_forward() -> None:
    text = (
        "HISTORY\nPolice attended three domestic incidents in 2023.\n\n"
        "ANALYSIS\nThe violence stopped when Mr Hart moved out, but Kai still startles at raised voices."
    )
    assert findings(RiskNotCarriedForward, text) == []


def test_injury_to_non_mobile_baby_is_one_error() -> None:
    text = (
        "CHRONOLOGY\n22/04/2024 The health visitor saw a bruise on Isla's arm; Isla is 4 months old "
        "and not yet rolling.\n\nRISK ANALYSIS\nThe main risk is mother's postnatal depression."
    )
    [finding] = findings(RiskNotCarriedForward, text)
    assert finding.severity is Severity.ERROR
    assert "non-mobile baby" in finding.message


def test_no_risk_or_analysis_section_is_left_to_t110() -> None:
    text = "HISTORY\nDad uses cocaine at weekends.\n\nPLAN\nRefer to the drug service."
    assert findings(RiskNotCarriedForward, text) == []
    assert len(findings(MissingRiskFactors, text)) == 1


def test_childs_own_anxiety_is_not_a_parental_risk_factor() -> None:
    text = (
        "HEALTH\nKai has anxiety and is waiting for CAMHS.\n\n"
        "ANALYSIS\nKai's school refusal began after his grandmother died."
    )
    assert findings(RiskNotCarriedForward, text) == []


def test_plan_category_and_questions_asked_record_nothing() -> None:
    text = (
        "CHILD PROTECTION PLAN\nCategory: emotional abuse\n\nVISITS\nI asked both parents about "
        "alcohol and drugs.\n\nRISK ANALYSIS\nThe children are at risk of being hurt by their father."
    )
    assert findings(RiskNotCarriedForward, text) == []


def test_incident_discussed_under_its_main_category_carries_the_rest() -> None:
    text = (
        "UPDATE\nPolice were called after Jason came to the house drunk and punched Ms Hart.\n\n"
        "RISK ANALYSIS\nThe children have lived with repeated domestic abuse."
    )
    assert findings(RiskNotCarriedForward, text) == []


def test_previous_plan_is_never_carried_by_its_category() -> None:
    text = (
        "CHRONOLOGY\n2020 - Kai made subject to a child protection plan (neglect).\n\n"
        "ANALYSIS\nFreya suffered neglect when she was left alone."
    )
    [finding] = findings(RiskNotCarriedForward, text)
    assert finding.message.startswith("Previous children's services involvement")


# --- holdout failure types: table columns, peers, dated incidents, headings ------


SOS_TABLE = """# Signs of Safety mapping

## Mapping table

| What are we worried about? | What's working well? | What needs to happen? |
|---|---|---|
| {worry} | Grandad walks Kai to school each day. | Health visitor to visit fortnightly. |

## Analysis

Kai is settled at nursery, according to his key worker.
"""


def test_worries_column_of_a_mapping_table_is_the_risk_section() -> None:
    text = SOS_TABLE.format(worry="Kai could be hurt when his uncle visits drunk, as he did on 2 May.")
    assert findings(MissingRiskFactors, text) == []
    assert findings(NeedOnlyFraming, text) == []


def test_worries_column_written_as_needs_is_need_only() -> None:
    text = SOS_TABLE.format(worry="Kai needs a bed of his own, as he sleeps on the sofa.")
    assert findings(MissingRiskFactors, text) == []
    [finding] = findings(NeedOnlyFraming, text)
    assert "What are we worried about" in finding.message


def test_child_hitting_other_children_is_not_harm_to_the_child() -> None:
    text = (
        "WHAT ARE WE WORRIED ABOUT\nAmir needs help with his temper, as he has hit other pupils "
        "three times this term. The family would benefit from help with rent arrears, since "
        "they owe two months."
    )
    assert len(findings(NeedOnlyFraming, text)) == 1


def test_child_hurt_by_an_adult_is_still_harm() -> None:
    text = "WHAT ARE WE WORRIED ABOUT\nAmir needs a safe adult, as his stepfather hit him last week."
    assert findings(NeedOnlyFraming, text) == []


def test_assault_on_a_parent_in_front_of_the_children_is_domestic_abuse() -> None:
    text = (
        "BACKGROUND\nMs Kane said her ex-partner punched her in the face in front of both children "
        "in 2022.\n\nANALYSIS\nThe children need help with school routines, as they are often late."
    )
    [finding] = findings(RiskNotCarriedForward, text)
    assert finding.message.startswith("Domestic abuse")


def test_a_childs_fights_in_the_analysis_do_not_carry_a_parents_assault() -> None:
    text = (
        "FAMILY HISTORY\nMum said Dad hit her for years before he left in 2021.\n\n"
        "ANALYSIS\nJo has hit other children at school, as the head teacher reported."
    )
    assert len(findings(RiskNotCarriedForward, text)) == 1


def test_dated_incident_discussed_by_its_date_is_carried_forward() -> None:
    text = (
        "PROGRESS\nOn 03/06/2024 police were called after Mr Lowe arrived at the house drunk and "
        "smashed a window.\n\nANALYSIS\nWhat happened on 03/06/2024 shows the plan is not yet "
        "keeping the children safe, because Ms Lowe let him in."
    )
    assert findings(RiskNotCarriedForward, text) == []


def test_dated_incident_not_discussed_is_still_reported() -> None:
    text = (
        "PROGRESS\nOn 03/06/2024 police were called after Mr Lowe arrived at the house drunk and "
        "smashed a window.\n\nANALYSIS\nThe plan agreed on 01/05/2024 is working well: attendance "
        "is 95%."
    )
    [finding] = findings(RiskNotCarriedForward, text)
    assert "Substance misuse" in finding.message


def test_other_wordings_of_impact_and_conclusion_headings_are_analysis() -> None:
    text = (
        "Family background\nIn March Mum was admitted to a psychiatric ward after an overdose.\n\n"
        "What is the impact on the child?\nBen is tired in class, as he is up late gaming.\n\n"
        "Overall conclusion\nBen is a child in need because of his school attendance."
    )
    messages = [f.message for f in findings(RiskNotCarriedForward, text)]
    assert messages and all("'Overall conclusion'" in m for m in messages)


# --- placeholder-text (T106) on wordings the profile does not know ----------------


def placeholders(text: str) -> list[Finding]:
    from formlint_rules.placeholder_text import PlaceholderText

    return findings(PlaceholderText, text)


def test_unknown_heading_answered_as_before_is_a_placeholder() -> None:
    text = "CIN PLAN\n\nWhat Priya told us\nAs before.\n\nSummary\nPriya is settled, as school report."
    [finding] = placeholders(text)
    assert finding.text == "As before."


def test_unknown_heading_answered_none_is_not_reported() -> None:
    text = "CIN PLAN\n\nInterpreter needed\nNone\n\nSummary\nPriya is settled, as school report."
    assert placeholders(text) == []


def test_sub_heading_answered_na_inside_a_section_is_a_placeholder() -> None:
    text = (
        "Education\nSam attends Year 4 and his attendance is 97%.\n\nVoices: Grandma\nN/A\n\n"
        "Analysis\nSam is doing well, as his teacher says."
    )
    [finding] = placeholders(text)
    assert finding.text == "N/A"
    assert "Voices: Grandma" in finding.message


def test_na_with_a_reason_inside_a_section_is_an_answer() -> None:
    text = (
        "Education\nSam attends Year 4.\n\nVoices: Grandma\nN/A - she lives in Canada and could "
        "not be reached by phone.\n\nAnalysis\nSam is doing well, as his teacher says."
    )
    assert placeholders(text) == []


# --- holdout-2 failure types ---------------------------------------------------


def test_cross_reference_to_another_question_is_a_placeholder_risk_section() -> None:
    text = "Q6. Risk analysis\nSee Q8.\n\nQ8. Analysis\nTia's lateness is linked to her mother's shifts."
    [finding] = findings(MissingRiskFactors, text)
    assert "See Q8." in finding.message


def test_see_above_before_an_unmarked_capitals_heading_is_still_a_placeholder() -> None:
    from formlint_rules.placeholder_text import PlaceholderText

    text = (
        "SUMMARY\nThe home was dirty on three visits, as the family support worker also found.\n\n"
        "WHAT ARE WE WORRIED ABOUT?\nSee above.\n\nWHAT THE CHILDREN HAVE SAID TO US AND WHAT WE HAVE SEEN\n"
        "- Kai said his bed is wet most mornings.\n"
    )
    assert findings(MissingRiskFactors, text)
    assert any("See above." in f.message for f in findings(PlaceholderText, text))


def test_need_only_framing_leaves_a_placeholder_risk_section_to_missing_risk_factors() -> None:
    assert not findings(NeedOnlyFraming, "RISK ANALYSIS\nSee question 11.\n\nANALYSIS\nMum needs support.")


def test_parents_overdose_of_tablets_is_carried_by_an_analysis_of_her_mental_health() -> None:
    text = (
        "BACKGROUND\nIn March Ms Hill took an overdose of paracetamol and was seen by the crisis team.\n\n"
        "ANALYSIS\nMs Hill's low mood is treated and her mental health nurse sees her fortnightly."
    )
    assert not findings(RiskNotCarriedForward, text)


def test_childs_anxiety_in_the_analysis_does_not_carry_a_parents_mental_health_crisis() -> None:
    text = (
        "Child: Maisie Hart (13)\nMother: Donna Hart\n\n"
        "BACKGROUND\nIn January Donna was admitted to a psychiatric ward for three weeks.\n\n"
        "ANALYSIS\nMaisie's anxiety about school is the main concern and she needs a mentor."
    )
    [finding] = findings(RiskNotCarriedForward, text)
    assert finding.message.startswith("Mental ill-health")


def test_marks_found_on_the_mother_at_a_domestic_incident_belong_to_that_incident() -> None:
    text = (
        "REASON FOR CONFERENCE\nLuca rang 999 during a domestic abuse incident at home. "
        "Officers found Ms Rossi with marks on her arms and a smashed mirror.\n\n"
        "ANALYSIS\nThe domestic abuse has escalated and Luca is frightened at home."
    )
    assert not findings(RiskNotCarriedForward, text)


def test_a_plan_in_the_chronology_is_a_previous_plan_even_unnamed_as_previous() -> None:
    text = (
        "CHRONOLOGY\n2021: Ruby subject to a child protection plan for neglect; ended 2022.\n"
        "2024: Referral from the health visitor about Ruby's weight.\n\n"
        "ANALYSIS\nRuby's weight has dropped because feeds are missed when her parents use drugs."
    )
    found = findings(RiskNotCarriedForward, text)
    assert any("Previous children's services involvement" in f.message for f in found)


# --- holdout-3 failure types ---------------------------------------------------------


def test_a_caution_for_assaulting_a_former_partner_left_out_of_the_analysis_is_flagged() -> None:
    text = (
        "AGENCY CHECKS\nPolice: Mr Cole received a caution in 2021 for common assault on a former "
        "partner.\n\nRISK ANALYSIS\nThe main worry is that Theo goes to school hungry."
    )
    messages = [f.message.casefold() for f in findings(RiskNotCarriedForward, text)]
    assert any(m.startswith("domestic abuse") for m in messages)


def test_an_arrest_in_the_background_left_out_of_the_analysis_is_flagged() -> None:
    text = (
        "BACKGROUND\nKieran Dolan was arrested for assaulting Leah in February.\n\n"
        "ANALYSIS\nLeah's low mood is being treated by her GP."
    )
    assert findings(RiskNotCarriedForward, text)


def test_a_previous_plan_referred_to_as_the_familys_history_is_carried_forward() -> None:
    text = (
        "PREVIOUS INVOLVEMENT\nAria was subject to a child protection plan in 2018 for emotional abuse.\n\n"
        "ANALYSIS\nThe arguments may be a return to what the family experienced before 2019; the "
        "history means I cannot rule it out."
    )
    assert findings(RiskNotCarriedForward, text) == []


def test_going_without_breakfast_in_the_worries_carries_hunger_forward() -> None:
    text = (
        "ASSESSMENT\nKian arrives hungry on Mondays, according to nursery records.\n\n"
        "WHAT ARE WE WORRIED ABOUT\nWe are worried that Kian could go without breakfast and clean clothes."
    )
    assert findings(RiskNotCarriedForward, text) == []
