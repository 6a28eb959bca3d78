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
        "Child: Kayden MOSS (7)\nSocial worker: Priya Natarajan\n\n"
        "ANALYSIS\nKayden MOSS is settled. PN 4/6."
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
