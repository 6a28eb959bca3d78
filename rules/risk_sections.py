"""What the risk rules (T110-T112) share: which sections hold risk or content, and what a form records."""

from __future__ import annotations

import regex

from formlint.headings import clean_heading, normalise
from formlint.language.negation import clause_bounds, is_negated
from formlint.language.risk import RiskMention, risk_factors
from formlint.model import Form, Section, Sentence
from formlint.profile import load_profile
from formlint_rules.lexicon import whole_match
from formlint_rules.placeholder_text import leading_answer

# Sections whose job is to name risk: a risk analysis ("What are we worried
# about?", "Harm and danger") or a Signs of Safety danger statement.
RISK_KINDS = ("risk_analysis", "danger_statement")

# Sections where the worker reasons to a judgement. A risk factor discussed
# here has been carried forward. Recommendation and decision count because they
# carry the conclusion; plans, contingency and gaps do not: an action or an
# open question is not an analysis of the risk.
REASONING_KINDS = (*RISK_KINDS, "analysis", "recommendation", "decision")

# Plain words for each category, for messages.
FACTOR_NAMES = {
    "domestic_abuse": "domestic abuse",
    "substance_misuse": "substance misuse",
    "parental_mental_health": "mental ill-health",
    "learning_disability": "learning disability",
    "previous_cp_plan": "previous children's services involvement",
    "offending": "offending",
    "physical_abuse": "physical abuse or injury",
    "non_mobile_injury": "an injury to a non-mobile baby",
    "neglect": "neglect",
    "sexual_abuse": "sexual abuse",
    "criminal_exploitation": "exploitation",
    "emotional_abuse": "emotional abuse",
    "self_harm": "self-harm",
}


def content(section: Section) -> str:
    """The worker's own words in a section: no unfilled controls, no template guidance."""
    return "\n".join(b.text for b in section.blocks if not b.blank and b.label != "guidance").strip()


def is_placeholder(text: str) -> bool:
    """Empty, or only "N/A", "see above", "nil", "as before" or a template prompt."""
    return not text or bool(
        whole_match("placeholder").match(text) or whole_match("control_prompt").match(text)
    )


def answered(form: Form, kinds: tuple[str, ...]) -> list[Section]:
    """Sections of ``kinds`` that hold real content, not a placeholder, including table
    columns headed as one of them (see :func:`columns_of`)."""
    found = [*form.sections_of(*kinds), *columns_of(form, kinds)]
    return [s for s in found if not is_placeholder(content(s)) and not is_placeholder(leading_answer(s))]


def columns_of(form: Form, kinds: tuple[str, ...]) -> list[Section]:
    """Labelled cells whose label names a section of ``kinds``, one section per label.

    A Signs of Safety mapping is often one three-column table ("What are we worried
    about? | What's working well? | What needs to happen?") under a heading such as
    "The mapping": the worries column is the risk section, though no heading says so.
    """
    try:
        profile = load_profile(form.profile or "common")
    except KeyError:
        return []
    columns: dict[tuple[int, str], Section] = {}
    for index, section in enumerate(form.sections):
        if section.kind in kinds:
            continue
        for block in section.blocks:
            if not block.label:
                continue
            kind = profile.section_kind(block.label)
            if kind not in kinds:
                continue
            key = (index, normalise(block.label))
            if key not in columns:
                columns[key] = Section(kind, clean_heading(block.label), block.location)
            columns[key].blocks.append(block)
    return list(columns.values())


def factor_name(category: str) -> str:
    return FACTOR_NAMES.get(category, category.replace("_", " "))


# "Category: neglect", "under the category of emotional abuse": the label of a
# plan, decided elsewhere, not a risk factor recorded as evidence.
_CATEGORY_LABEL = regex.compile(r"categor(?:y|ies)\b[^.;\n]{0,30}$", regex.IGNORECASE)
_CATEGORY_FIELD = regex.compile(r"categor(?:y|ies)", regex.IGNORECASE)

# "I asked both parents about alcohol and drugs": a question put, not a factor recorded.
_ENQUIRY = regex.compile(
    r"\b(?:asked|ask|asking|enquired|checked|screened)\b[^.;\n]{0,40}\b(?:about|whether|if|for)\b",
    regex.IGNORECASE,
)

# "Mum works as a nurse on a psychiatric ward": a job, not a risk factor recorded.
_OCCUPATION = regex.compile(
    r"\b(?:works?|worked|working|employed)\s+(?:as|at|in|for)\b"
    r"(?:\s+(?!(?:and|but|who|which|while|so|then)\b)\S+){0,8}\s+$",
    regex.IGNORECASE,
)
# "Grandfather died of alcoholism": a cause of death in the family history.
_DEATH = regex.compile(
    r"\b(?:died|death|passed away)\s+(?:of|from|after|following)\b[^.;\n]{0,30}$", regex.IGNORECASE
)

# In sections about the child, "anxiety" or "learning difficulties" are usually
# the child's own; they are a parental risk factor only when an adult is named.
CHILD_KINDS = ("child_details", "dev_needs", "child_views")
ADULT_ONLY = frozenset({"parental_mental_health", "learning_disability"})
ADULT = regex.compile(
    r"\b(?:mum|mother|dad|father|parents?|carers?|step-?\w+|partner|grand\w+|aunt|uncle|M[rs]s?|Miss)\b",
    regex.IGNORECASE,
)

# "Previously known", "previous referrals": history worth reading, but only a
# plan, proceedings or a removal is a risk factor in itself.
_SERIOUS_HISTORY = regex.compile(
    r"plan|proceedings|removed|removal|adopt|guardianship|\bSGO\b|\bPLO\b|child protection|\bCP\b",
    regex.IGNORECASE,
)


# In a history or chronology every entry is past: "Kayla subject to a child protection
# plan (neglect)" there records a previous plan, though nothing says "previous".
HISTORY_KINDS = ("history", "chronology")
_PLAN_HELD = regex.compile(
    r"\b(?:subject (?:of|to)|on|had) (?:an? |the )?(?:child protection|CP) plans?\b", regex.IGNORECASE
)


def recorded_factors(section: Section, sentence: Sentence) -> list[RiskMention]:
    """Risk factors the sentence records (negated mentions and questions asked record nothing)."""
    text = sentence.text
    if sentence.block.label and _CATEGORY_FIELD.search(sentence.block.label):
        return []
    child_only = section.kind in CHILD_KINDS and not ADULT.search(text)
    mentions = risk_factors(text)
    if section.kind in HISTORY_KINDS and not any(m.category == "previous_cp_plan" for m in mentions):
        mentions += [
            RiskMention(
                "previous_cp_plan", p.start(), p.end(), p.group(), is_negated(text, p.start(), p.end())
            )
            for p in _PLAN_HELD.finditer(text)
        ]
    found = [m for m in mentions if _records(text, m, child_only=child_only)]
    # "He hit her for years": the same words read as domestic abuse are not also a
    # separate physical-abuse factor.
    abuse = [m for m in found if m.category == "domestic_abuse"]
    return [
        m
        for m in found
        if m.category != "physical_abuse" or not any(a.start < m.end and m.start < a.end for a in abuse)
    ]


def _records(text: str, m: RiskMention, *, child_only: bool) -> bool:
    """False for a mention that names a factor without recording it as the family's."""
    if m.negated or _CATEGORY_LABEL.search(text, max(0, m.start - 40), m.start):
        return False
    if child_only and m.category in ADULT_ONLY:
        return False
    if m.category == "previous_cp_plan" and not _SERIOUS_HISTORY.search(m.text):
        return False
    left, _ = clause_bounds(text, m.start, m.end)
    return not any(p.search(text, left, m.start) for p in (_ENQUIRY, _OCCUPATION, _DEATH))
