"""W701-W704, the writing-for-families rules, on short forms beyond their documented examples."""

from formlint.finding import Finding, Severity
from formlint.rule import Context, Rule
from formlint_rules.readability_for_families import ReadabilityForFamilies, count
from formlint_rules.undefined_acronym import UndefinedAcronym
from formlint_rules.unexplained_jargon import UnexplainedJargon, jargon_pattern, jargon_terms, others_words
from formlint_rules.vague_quantifier import VagueQuantifier
from tests.helpers import form_from_text


def run(rule: Rule, text: str, profile: str | None = None, **options: object) -> list[Finding]:
    return list(rule.check(form_from_text(text, profile=profile), Context(options=options)))


# Shared helpers


def test_every_jargon_entry_compiles_and_has_plain_words():
    assert jargon_pattern().groups >= len(jargon_terms())
    assert all(term.plain for term in jargon_terms())


def test_family_reported_clause_is_their_words_but_a_professionals_is_not():
    text = "Mum said the core group was pointless."
    assert others_words(text) and others_words(text)[0][0] <= text.index("core group")
    assert not others_words("The health visitor said there are attachment difficulties.")


# W701 unexplained-jargon


def test_jargon_finding_quotes_the_term_and_offers_plain_words():
    (found,) = run(UnexplainedJargon(), "ANALYSIS\nMr Lee shows disguised compliance with the plan.")
    assert "'disguised compliance'" in found.message
    assert found.suggestion and "agreed" in found.suggestion


def test_jargon_in_a_plan_is_a_warning_and_in_the_analysis_information():
    plan = run(UnexplainedJargon(), "PLAN\n1. Core group meetings every 6 weeks from 3 June.")
    analysis = run(UnexplainedJargon(), "ANALYSIS\nThe case will be stepped down to early help.")
    assert [f.severity for f in plan] == [Severity.WARNING]
    assert [f.severity for f in analysis] == [Severity.INFO]


def test_jargon_explained_with_which_means_is_not_flagged():
    assert not run(
        UnexplainedJargon(),
        "ANALYSIS\nThe case will step down to early help, which means a family support worker will visit "
        "instead of a social worker.",
    )


def test_jargon_explained_at_first_use_clears_later_uses():
    found = run(
        UnexplainedJargon(),
        "PLAN\n1. A strategy discussion (a meeting between police, health and us) will be held if Mr Lee "
        "returns.\n2. The strategy discussion will decide what happens next.",
    )
    assert not found


def test_each_jargon_term_is_reported_once_per_form():
    found = run(
        UnexplainedJargon(),
        "ANALYSIS\nMs Carter shows disguised compliance.\n\nRECOMMENDATION\nGiven the disguised compliance, "
        "a plan is needed.",
    )
    assert len(found) == 1


def test_jargon_in_quoted_words_is_not_the_writers():
    assert not run(UnexplainedJargon(), 'ANALYSIS\nMs Carter told me the plan felt "robust" to her.')


def test_jargon_in_a_professional_only_section_is_not_read_by_default_but_can_be():
    text = "AGENCY CHECKS\nPolice describe disguised compliance in 2022."
    assert not run(UnexplainedJargon(), text)
    assert run(UnexplainedJargon(), text, sections=("agency_checks",))


def test_family_facing_sections_follow_the_profile():
    text = "DANGER STATEMENT\nSocial workers are worried the toxic trio will harm Amy."
    assert run(UnexplainedJargon(), text, profile="sos")


def test_plain_words_near_a_jargon_stem_are_not_flagged():
    assert not run(
        UnexplainedJargon(),
        "ANALYSIS\nMs Carter took a step up the ladder to the loft; she presented me with her diary.",
    )


def test_jargon_is_read_in_every_section_shared_with_the_family_not_only_views_and_plan():
    text = "REASON FOR CONFERENCE\nA strategy discussion was held on 4 March and a section 47 enquiry began."
    found = run(UnexplainedJargon(), text, profile="cp_conference")
    assert {f.message.split("'")[1] for f in found} == {"strategy discussion", "section 47 enquiry"}


def test_jargon_explained_in_an_earlier_section_clears_its_use_in_the_plan():
    text = (
        "PROGRESS\nThe core group (the workers and the family, who meet every six weeks) met on 5 May.\n\n"
        "PLAN\n1. Core group every six weeks, next on 14 June."
    )
    assert not run(UnexplainedJargon(), text, profile="plan")


def test_manager_entry_is_professional_only_for_jargon():
    assert not run(UnexplainedJargon(), "MANAGER'S COMMENTS\nAgree step down to early help.")


def test_template_field_labels_and_details_lines_are_not_the_writers_jargon():
    text = (
        "SECTION 47 ENQUIRY OUTCOME\nFirst core group: 17/09/2024\n\n"
        "BACKGROUND\nStrategy discussion: 03/03/2025\nMs Lee lives with Amy."
    )
    assert not run(UnexplainedJargon(), text)


def test_starter_table_terms_in_their_everyday_inflections_are_jargon():
    for sentence in (
        "Ms Lee has engaged well with the plan.",
        "Mr Lee is non-engaging.",
        "Ms Lee has agreed a safety plan with the adviser.",
        "The threshold for a child protection plan is met.",
        "Ms Lee's parenting is good enough.",
        "A family network meeting will be held.",
        "Mr Lee's contact with the children will be supervised by his mother.",
    ):
        assert run(UnexplainedJargon(), "ANALYSIS\n" + sentence), sentence


def test_everyday_senses_of_contact_and_engage_are_not_jargon():
    for sentence in (
        "Mr Lee has had no contact with the children since May.",
        "Ms Lee limits her contact with her sister.",
        "This is the family's first contact with children's social care.",
        "Amy made good eye contact and is an engaging girl.",
        "Ms Lee got engaged to Mr Hill in June.",
        "Mr Lee has not been in contact with the children since 2020.",
    ):
        assert not run(UnexplainedJargon(), "ANALYSIS\n" + sentence), sentence


# W702 undefined-acronym


def test_acronym_finding_suggests_the_expansion():
    (found,) = run(UndefinedAcronym(), "PLAN\n1. Referral to CAMHS by 3 June.")
    assert "'CAMHS'" in found.message
    assert found.suggestion == "Child and Adolescent Mental Health Services (CAMHS)"


def test_each_acronym_is_reported_at_first_use_only():
    found = run(UndefinedAcronym(), "ANALYSIS\nThe IDVA visits weekly.\n\nPLAN\n1. IDVA to continue.")
    assert len(found) == 1 and found[0].section == "analysis"


def test_acronym_after_its_expansion_in_the_same_sentence_is_not_flagged():
    assert not run(UndefinedAcronym(), "PLAN\n1. Family support worker visits weekly - FSW Kim Doran.")


def test_local_allow_list_suppresses_an_acronym():
    assert not run(UndefinedAcronym(), "PLAN\n1. TAF meeting on 4 June.", allow=("TAF",))


def test_initials_of_people_and_names_in_capitals_are_not_acronyms():
    text = (
        "Child: Kayden MOSS (7)\nSocial worker: Priya Natarajan\n\nANALYSIS\nKayden MOSS is settled. PN 4/6."
    )
    assert not run(UndefinedAcronym(), text)


def test_headings_and_shouted_lines_are_not_read_for_acronyms():
    assert not run(UndefinedAcronym(), "ANALYSIS\nCHILD PROTECTION PLAN REVIEW FOR KAYDEN\nHe is well.")


def test_unknown_capitals_are_flagged_without_an_expansion_unless_turned_off():
    text = "PLAN\n1. SEMHX screening by 4 June."
    (found,) = run(UndefinedAcronym(), text)
    assert "in brackets" in found.message
    assert not run(UndefinedAcronym(), text, flag_unknown=False)


def test_codes_and_postcodes_are_not_acronyms():
    assert not run(UndefinedAcronym(), "ANALYSIS\nForm SS2/279 was sent to KE14 3TR.")


def test_a_bracket_that_does_not_spell_the_acronym_out_is_not_an_expansion():
    for sentence in (
        "HV referral (EPDS 17).",
        "Thornbury Academy (DSL Mrs Begum) will check in each morning.",
        "Information from the community mental health team (CPN Gail Hurst).",
    ):
        found = run(UndefinedAcronym(), "ANALYSIS\n" + sentence)
        assert any(a in found[-1].message for a in ("EPDS", "DSL", "CPN")), sentence


def test_expansion_by_initials_before_the_bracket_clears_an_unknown_acronym():
    assert not run(UndefinedAcronym(), "PLAN\n1. Kelsworth Parenting Support Team (KPST) to visit weekly.")


def test_acronyms_written_in_mixed_case_are_recognised():
    (found,) = run(UndefinedAcronym(), "ANALYSIS\nThe SENCo said Amy is behind in writing.")
    assert "'SENCo'" in found.message
    assert not run(UndefinedAcronym(), "ANALYSIS\nThe special educational needs coordinator (SENCo) said so.")


def test_acronym_in_the_forms_details_block_is_not_flagged():
    text = (
        "REVIEW CONFERENCE REPORT\nFirst review: 22/08/2024 (ICPC held 23/05/2024)\n\nANALYSIS\nHe is well."
    )
    assert not run(UndefinedAcronym(), text)


def test_adhd_is_spelled_out_once_like_other_diagnoses_but_pe_is_everyday():
    assert run(UndefinedAcronym(), "ANALYSIS\nLeo is waiting for an ADHD assessment.")
    assert not run(UndefinedAcronym(), "ANALYSIS\nLeo enjoys PE.")


# W703 readability-for-families

HARD = (
    "It is the professional opinion of the allocated practitioner that the demonstrated parenting capacity "
    "is insufficient to meet the holistic developmental requirements of the children, notwithstanding the "
    "considerable intervention previously provided by universal and targeted services. "
)


def test_hard_section_reports_score_target_and_hardest_sentence():
    (found,) = run(ReadabilityForFamilies(), "ANALYSIS\n" + HARD * 4)
    assert "Flesch Reading Ease" in found.message and "target 60" in found.message
    assert "Hardest sentences: 'It is the professional opinion" in found.message
    assert found.text and found.text.startswith("It is the professional opinion")


def test_readability_target_is_an_option():
    assert not run(ReadabilityForFamilies(), "ANALYSIS\n" + HARD * 4, target=-100, max_sentence_words=60)


def test_short_sections_are_not_scored():
    assert not run(ReadabilityForFamilies(), "ANALYSIS\n" + HARD)


def test_names_do_not_make_a_sentence_hard():
    plain_words, plain_syllables = count("I saw Anastasia and Maximilian Featherstonehaugh at home.")
    assert plain_syllables <= plain_words + 4


def test_plain_words_in_25_word_sentences_are_not_flagged_for_length_alone():
    sentence = (
        "Mum told me that she wants the children to be happy at home and at school, and she has asked "
        "the school to help with the mornings. "
    )
    assert not run(ReadabilityForFamilies(), "ANALYSIS\n" + sentence * 5)


def test_a_short_section_written_as_one_long_nominalised_sentence_is_flagged():
    text = (
        "RECOMMENDATION\nIt is the professional opinion of the allocated social worker that, in the context "
        "of the holistic assessment undertaken and the cumulative impact of the concerns identified, the "
        "threshold for ongoing statutory intervention is not considered to be met at this time, and that "
        "the developmental needs can appropriately be met within the framework of universal services."
    )
    assert run(ReadabilityForFamilies(), text)


# W704 vague-quantifier


def test_vague_frequency_is_quoted_with_advice():
    (found,) = run(VagueQuantifier(), "ANALYSIS\nKai often misses school.")
    assert "'often'" in found.message and "how many times" in found.message


def test_figure_in_the_same_clause_clears_the_vague_word():
    assert not run(VagueQuantifier(), "ANALYSIS\nKai has often been late, 9 times since 4 March.")


def test_figure_in_another_clause_does_not_clear_it():
    assert run(VagueQuantifier(), "ANALYSIS\nKai was seen on 4 March; he is often hungry.")


def test_several_counting_events_is_flagged_but_not_in_passing():
    assert run(VagueQuantifier(), "ANALYSIS\nThere have been several incidents.")
    assert not run(VagueQuantifier(), "ANALYSIS\nThere could be several reasons for this.")


def test_generalisation_about_children_is_not_flagged():
    assert not run(VagueQuantifier(), "ANALYSIS\nChildren who live with shouting often feel frightened.")


def test_comparison_is_not_a_frequency():
    assert not run(VagueQuantifier(), "ANALYSIS\nMs Carter now visits the GP more often than before.")


def test_warning_sections_option_raises_severity():
    found = run(
        VagueQuantifier(), "PLAN\n1. Ms Carter to attend regularly.", warning_sections=("plan_actions",)
    )
    assert [f.severity for f in found] == [Severity.WARNING]


def test_vague_word_in_a_professionals_reported_account_is_theirs():
    assert not run(VagueQuantifier(), "ANALYSIS\nHis teacher says he is often tired in the mornings.")
    assert not run(VagueQuantifier(), "ANALYSIS\nThe strap was used many times, as Leo described it.")


def test_agentless_it_is_reported_is_still_the_writers_claim():
    assert run(VagueQuantifier(), "ANALYSIS\nIt is reported that Arlo is often left in his cot.")


def test_a_clock_time_is_not_a_count():
    assert run(VagueQuantifier(), "ANALYSIS\nOliver is often still awake at 11pm.")


def test_the_vague_words_own_rate_is_not_a_figure():
    assert run(VagueQuantifier(), "ANALYSIS\nMr Cross stays several nights a week.")
    assert not run(VagueQuantifier(), "ANALYSIS\nMr Cross stays three nights a week.")


def test_household_composition_is_read_for_vague_quantifiers():
    assert run(VagueQuantifier(), "FAMILY COMPOSITION\nMr Cross stays several nights a week.")


def test_vague_plan_timescales_are_flagged():
    for line in (
        "By when: as required.",
        "4. Social worker to visit as often as possible.",
        "3. Regular check-ins with the family.",
        "Timescale: ongoing.",
        "1. The health visitor will monitor his weight going forward.",
    ):
        assert run(VagueQuantifier(), "PLAN\n" + line), line


def test_some_counting_events_is_flagged_but_not_in_a_hedged_hypothesis():
    assert run(VagueQuantifier(), "ANALYSIS\nLeo has stayed with his father in some school holidays.")
    assert not run(VagueQuantifier(), "ANALYSIS\nSome days may be linked to hard mornings.")


def test_a_present_tense_when_clause_describes_a_situation_not_a_count():
    assert not run(VagueQuantifier(), "ANALYSIS\nWe worry how Kyle copes when Rosie cries for a long time.")
    assert run(VagueQuantifier(), "ANALYSIS\nShe did not ask for help when things were hard in the past.")
