"""Behaviour tests for formlint.language (the shared language tools).

Form sentences come from shared/domain/rule-examples.jsonl (T101, T103, T110,
T111) or are fictional; no real case material.
"""

from __future__ import annotations

import dataclasses

import pytest

from formlint.language import (
    RISK_CATEGORIES,
    Cue,
    SentenceKind,
    classify_sentence,
    is_negated,
    judgement_cues,
    rationale_cues,
    reported_spans,
    reported_speech,
    risk_factors,
    sentence_has_question,
    uncertainty_cues,
)


def categories_of(cues: list[Cue]) -> set[str]:
    return {c.category for c in cues}


def risk_summary(text: str) -> set[tuple[str, bool]]:
    return {(m.category, m.negated) for m in risk_factors(text)}


# --- uncertainty -----------------------------------------------------------


def test_gap_statement_is_a_gap_cue_with_offsets_into_the_text() -> None:
    text = "It is unclear whether Mr Jones still lives at the address."
    cues = uncertainty_cues(text)
    assert [c.category for c in cues] == ["gap"]
    cue = cues[0]
    assert text[cue.start : cue.end] == cue.text == "It is unclear whether"


@pytest.mark.parametrize(
    "text",
    [
        "There is no doubt that Amy is safe.",
        "It is clear that the flat is cold.",
        "Without question, Leo is attached to his grandmother.",
        "We will visit as soon as possible.",
        "The bruise was on 4 May 2024.",
    ],
)
def test_certain_sentences_have_no_uncertainty_cues(text: str) -> None:
    assert uncertainty_cues(text) == []


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Mum said she may move.", "hedge"),
        ("Father might return to the home.", "hedge"),
        ("The bruise appears to be old.", "hedge"),
        ("It is not unlikely that he will drink again.", "hedge"),
        ("Mr Lewis has possibly moved back in.", "hedge"),
        ("We do not know who else lives there.", "gap"),
        ("It is not known whether the injury was accidental.", "gap"),
        ("It has not been possible to speak to the father.", "gap"),
        ("The paediatric opinion is awaited.", "gap"),
        ("I was unable to verify his new address.", "gap"),
        ("Is Leo safe when his father visits?", "question"),
        ("Another explanation is that the dog knocked her over.", "alternative"),
        ("Alternatively, the mark came from the car seat.", "alternative"),
        ("The parents dispute the school's account.", "contested"),
        ("There were differing views at the strategy discussion.", "contested"),
    ],
)
def test_uncertainty_markers_by_category(text: str, category: str) -> None:
    assert category in categories_of(uncertainty_cues(text))


@pytest.mark.parametrize(
    "text",
    [
        # rule-examples.jsonl, absent-uncertainty near misses
        "Mr Lewis says he has moved out, but we have not been able to confirm his new address and "
        "Ruby's school has seen him at the gate twice; we do not yet know whether he is staying "
        "at the house.",
        "It is not clear whether mother will be able to keep the separation going; she has ended the "
        "relationship twice before and returned each time within a month.",
        "The explanation is plausible, but the paediatric opinion is still awaited and we cannot yet "
        "rule out an inflicted injury.",
    ],
)
def test_absent_uncertainty_near_misses_record_uncertainty(text: str) -> None:
    assert uncertainty_cues(text)


@pytest.mark.parametrize(
    "section",
    [
        # rule-examples.jsonl, absent-uncertainty flags: whole sections that read as certain
        "Ruby is safe in her mother's care. Mother has engaged with all services. The risk from "
        "Mr Lewis has been removed as he has moved out. The case can step down to early help.",
        "The children are at high risk of emotional harm due to domestic abuse. Father is the "
        "perpetrator. Mother is a protective factor. A child protection plan is required.",
        "The injury was accidental. The family are cooperative. No further action.",
    ],
)
def test_absent_uncertainty_flag_sections_have_no_cues(section: str) -> None:
    assert uncertainty_cues(section) == []


def test_placeholders_and_encoding_debris_are_not_questions() -> None:
    assert not sentence_has_question("???")
    assert not sentence_has_question("Dad (?) was present.")
    assert not sentence_has_question("Scale bar is 50 ? wide.")
    assert sentence_has_question("What does Amy say about home?")


def test_benchmark_profile_adds_research_hedges_only() -> None:
    text = "We investigated whether the police were called."
    assert "question" in categories_of(uncertainty_cues(text, "benchmark"))
    assert uncertainty_cues("Police investigated the incident.") == []
    assert uncertainty_cues("If mum drinks, dad will care for Leo.") == []
    assert uncertainty_cues("If mum drinks, dad will care for Leo.", "benchmark")


# --- rationale -------------------------------------------------------------


def test_observation_with_inference_has_rationale_and_hedge() -> None:
    text = "I observed Leo crying when his father entered the room, which suggests he is frightened of him."
    assert "observation" in categories_of(rationale_cues(text))
    assert "hedge" in categories_of(uncertainty_cues(text))


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("The flat is unsuitable because there is no heating.", "connective"),
        ("Amy is hungry at school, as evidenced by her taking food from others.", "connective"),
        ("She is withdrawn, for example she no longer plays outside.", "example"),
        ("Leo was seen to flinch when Mr Jones raised his voice.", "observation"),
        ("According to the health visitor, Mia is gaining weight.", "source"),
        ("Police records show three call-outs.", "source"),
        ("PC Smith said the door was locked.", "source"),
        ("The school reported that Jayden was late.", "source"),
        ("On 4 March Mia was seen at nursery.", "date"),
        ("The review took place on 12/03/2024.", "date"),
        ("Attendance is 82% this term.", "quantity"),
        ("She attended 4 of 6 appointments.", "quantity"),
    ],
)
def test_rationale_markers_by_category(text: str, category: str) -> None:
    assert category in categories_of(rationale_cues(text))


def test_bare_assertion_examples_split_into_bare_and_supported() -> None:
    bare = [
        "Ms Carter's parenting is good enough.",
        "There are no concerns about Leo's development.",
        "The home conditions are unsuitable for a young child.",
    ]
    supported = [
        "Ms Carter's parenting is good enough: on all four visits Mia was clean, fed and settled, "
        "and the health visitor confirms her weight is tracking the 50th centile.",
        "Nursery report no concerns about Leo's development; his two-year check on 3 March was "
        "within the expected range.",
        "The home conditions are unsuitable because the stair gate is missing and there are exposed "
        "wires in the room where Mia sleeps.",
    ]
    for text in bare + supported:
        assert judgement_cues(text), text
    assert all(rationale_cues(text) == [] for text in bare)
    assert all(rationale_cues(text) for text in supported)


# --- judgement, reported speech, classification ----------------------------


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Amy is safe.", "safety"),
        ("Mother is unable to keep the children safe.", "safety"),
        ("Leo is at risk of significant harm.", "risk"),
        ("Ms Green is meeting Leo's needs.", "needs"),
        ("Father engages well with the plan.", "engagement"),
        ("Mother lacks insight into the impact of her drinking.", "honesty"),
        ("The concerns are not substantiated.", "substantiation"),
        ("He has the capacity to change.", "change"),
        ("There are no concerns.", "concern"),
        ("No further action.", "decision"),
    ],
)
def test_judgement_markers_by_category(text: str, category: str) -> None:
    assert category in categories_of(judgement_cues(text))


def test_factual_sentence_has_no_judgement() -> None:
    assert judgement_cues("Mr Jones lives at 4 Elm Road with his partner.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Mum said she may move.",
        "Leo told me that he likes his new school.",
        "She reported that the boiler is broken.",
        "In his words, 'it was just a push'.",
        'Jade described the flat as "always cold".',
    ],
)
def test_reported_speech_is_detected(text: str) -> None:
    assert reported_speech(text)


def test_writer_own_speech_is_not_reported() -> None:
    assert not reported_speech("I told mum that I would visit on Friday.")


def test_reported_span_covers_the_reported_clause_only() -> None:
    text = "Mum said there are no concerns, but I saw empty bottles."
    ((start, end),) = reported_spans(text)
    assert "no concerns" in text[start:end]
    assert "empty bottles" not in text[start:end]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Ms Carter's parenting is good enough.", SentenceKind.JUDGEMENT),
        ("Mum said there are no concerns.", SentenceKind.REPORTED),
        ("Is Amy safe at home?", SentenceKind.QUESTION),
        ('Mum asked "Is he safe?"', SentenceKind.REPORTED),
        ("Mr Jones lives at 4 Elm Road.", SentenceKind.FACT),
        (
            "Her parenting is good enough, and the health visitor confirms Mia's weight is on the "
            "50th centile.",
            SentenceKind.JUDGEMENT,
        ),
    ],
)
def test_classify_sentence_precedence(text: str, kind: SentenceKind) -> None:
    assert classify_sentence(text) is kind


# --- risk factors ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("There is no evidence of substance misuse.", "substance_misuse"),
        ("Mother denies any domestic abuse.", "domestic_abuse"),
        ("There have been no incidents of domestic abuse.", "domestic_abuse"),
        ("Father is not known to misuse alcohol.", "substance_misuse"),
    ],
)
def test_ruled_out_risks_are_negated(text: str, category: str) -> None:
    assert (category, True) in risk_summary(text)


def test_negation_scope_stops_at_but() -> None:
    text = "Mother denies any domestic abuse, but police attended a domestic incident in June."
    mentions = [m for m in risk_factors(text) if m.category == "domestic_abuse"]
    assert [m.negated for m in mentions] == [True, False]


def test_pseudo_negation_does_not_rule_out() -> None:
    assert ("substance_misuse", False) in risk_summary("Mother has not been able to stop drinking.")
    assert ("substance_misuse", False) in risk_summary("Mum did not attend the drug and alcohol service.")


def test_checks_list_rules_out_each_domain() -> None:
    text = (
        "Police, GP and midwifery checks show no known domestic abuse, substance use or mental "
        "health history for either parent; both were asked directly and said there was none."
    )
    assert {"domestic_abuse", "substance_misuse", "parental_mental_health"} <= {
        m.category for m in risk_factors(text) if m.negated
    }


def test_bruise_on_young_baby_is_non_mobile_injury() -> None:
    text = "Harvey (14 weeks) had a small bruise on his cheek; mum thinks the dummy clip caused it."
    assert {("non_mobile_injury", False), ("physical_abuse", False)} <= risk_summary(text)
    assert "non_mobile_injury" not in {m.category for m in risk_factors("Leo (6) had a bruise on his knee.")}


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Father received a custodial sentence in 2019 for assaulting a previous partner.", "domestic_abuse"),
        ("2021 — child protection plan (neglect) for sibling.", "previous_cp_plan"),
        ("GP reports mother has relapsed into heroin use.", "substance_misuse"),
        ("Mother was sectioned under the Mental Health Act in 2020.", "parental_mental_health"),
        ("The home was dirty and there was no food in the fridge.", "neglect"),
        ("Amy disclosed inappropriate touching by her uncle.", "sexual_abuse"),
        ("Jayden is believed to be involved in county lines.", "criminal_exploitation"),
        ("Mia has been self-harming since the spring.", "self_harm"),
        ("Leo said his dad smacked him.", "physical_abuse"),
    ],
)
def test_risk_categories_are_found(text: str, category: str) -> None:
    assert (category, False) in risk_summary(text)


def test_required_risk_categories_exist() -> None:
    required = {
        "domestic_abuse", "substance_misuse", "parental_mental_health", "previous_cp_plan",
        "non_mobile_injury", "neglect", "sexual_abuse", "physical_abuse",
        "criminal_exploitation", "self_harm",
    }  # fmt: skip
    assert required <= set(RISK_CATEGORIES)


def test_is_negated_works_on_any_span() -> None:
    text = "There is no indication of neglect."
    start = text.index("neglect")
    assert is_negated(text, start, start + len("neglect"))


def test_cue_is_immutable() -> None:
    cue = uncertainty_cues("He may leave.")[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        cue.start = 0  # type: ignore[misc]
