"""T111 risk-not-carried-forward: a risk factor recorded in the form is absent from its risk and analysis."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from formlint.dates import find_dates
from formlint.finding import Finding, Severity
from formlint.language.cues import compiled
from formlint.language.risk import RiskMention, risk_topics
from formlint.model import Form, Section, Sentence
from formlint.rule import Context, Example, Rule
from formlint_rules.risk_sections import (
    ADULT,
    ADULT_ONLY,
    REASONING_KINDS,
    RISK_KINDS,
    answered,
    factor_name,
    recorded_factors,
)

# Sections that do not record what happened: actions and goals look forward, a
# gaps section lists questions. A factor only named there has still not been analysed.
NOT_EVIDENCE = ("plan_actions", "contingency", "safety_plan", "safety_goal", "gaps", "scaling")

# Categories never excused by another category in the same sentence: a previous
# plan is history in its own right ("start again syndrome"), and a non-mobile
# baby's injury always needs its own analysis (NICE CG89).
STANDALONE = frozenset({"previous_cp_plan", "non_mobile_injury"})

# Categories that describe how the child presented ("dirty and hungry", "frightened"):
# usually the consequence of the incident told in the sentence before or after, so
# that incident's category being discussed carries them too.
PRESENTATION = frozenset({"neglect", "emotional_abuse"})


@dataclass(frozen=True)
class _Recorded:
    category: str
    section: Section
    sentence: Sentence
    mention: RiskMention


def _covered(form: Form, sections: list[Section]) -> set[str]:
    """Categories the reasoning sections discuss, asserted, ruled out or in looser words.

    A sentence about a child alone ("Jade's anxiety about school is genuine") does not
    discuss a parent's mental health or learning disability, whatever words it shares.
    """
    found: set[str] = set()
    for section in sections:
        for sentence in section.sentences:
            topics = risk_topics(sentence.text)
            if topics & ADULT_ONLY and _about_a_child_only(form, sentence.text):
                topics -= ADULT_ONLY
            found |= topics
    # An injury discussed at all covers the non-mobile sub-category, and back.
    if found & {"physical_abuse", "non_mobile_injury"}:
        found |= {"physical_abuse", "non_mobile_injury"}
    return found


def _about_a_child_only(form: Form, text: str) -> bool:
    people = form.people
    child = any(people.mentioned_in(m, text) for m in people.children)
    adult = bool(ADULT.search(text)) or any(people.mentioned_in(m, text) for m in people.adults)
    return child and not adult


def _injury_seen(mention: RiskMention) -> bool:
    """A mark or injury seen ("bruising", "marks on her"), not an act of abuse ("hit him")."""
    return compiled("risk", "_injury").fullmatch(mention.text) is not None


def _dates(text: str) -> set[dt.date]:
    return {m.date for m in find_dates(text)}


def _missing(
    form: Form, covered: set[str], skip: set[str], discussed: set[dt.date] | None = None
) -> dict[str, _Recorded]:
    """The first sentence recording each category the reasoning sections do not discuss.

    ``discussed`` holds the dates the reasoning sections refer to: a dated incident
    they discuss by its date ("the events of 28/05/2024") has been carried forward,
    whatever words the analysis uses for it.
    """
    discussed = discussed or set()
    missing: dict[str, _Recorded] = {}
    for section in form.sections:
        if section.kind in skip:
            continue
        sentences = section.sentences
        found = [recorded_factors(section, sentence) for sentence in sentences]
        for i, (sentence, mentions) in enumerate(zip(sentences, found, strict=True)):
            # One incident often touches several categories ("came home drunk and forced
            # his way in"): if the analysis discusses one of them, the incident is carried.
            incident = {m.category for m in mentions} & covered
            nearby = {
                m.category
                for j in (i - 1, i + 1)
                if 0 <= j < len(found) and sentences[j].block is sentence.block
                for m in found[j]
            } & covered
            dated = bool(discussed & _dates(sentence.text))
            for m in mentions:
                if m.category in covered or m.category in missing:
                    continue
                if dated and m.category not in STANDALONE:
                    continue
                if (incident and m.category not in STANDALONE) or (nearby and m.category in PRESENTATION):
                    continue
                if m.category == "physical_abuse" and "domestic_abuse" in nearby and _injury_seen(m):
                    # "Police found her with marks on her neck", next to the assault it follows:
                    # the injury found at a domestic incident belongs to that incident.
                    continue
                missing[m.category] = _Recorded(m.category, section, sentence, m)
    if "non_mobile_injury" in missing and "physical_abuse" in missing:
        # One finding for the baby's injury, at the first sentence that records an injury.
        first = missing.pop("physical_abuse")
        missing["non_mobile_injury"] = _Recorded(
            "non_mobile_injury", first.section, first.sentence, first.mention
        )
    return missing


class RiskNotCarriedForward(Rule):
    code = "T111"
    slug = "risk-not-carried-forward"
    summary = "A risk factor recorded in the form is not mentioned in its risk or analysis sections."
    pattern = "1b"
    sources = ("S4", "S10", "S27", "Ofsted inspection reports")
    severity = Severity.WARNING
    why = (
        "Risk factors written into the referral, history or chronology are easily left behind when "
        "the analysis is written in terms of the child's current needs (seed pattern 1b: a focus "
        "on need discourages naming risk). Case reviews and inspections repeatedly find that "
        "history was 'not used well enough to understand risk' and that cumulative harm was missed "
        "because each incident was looked at on its own."
    )
    fix = (
        "In the risk analysis or analysis, say what the recorded factor means for the child now: "
        "whether it is current, how it affects the child, and how the plan answers it. If you "
        "judge it no longer relevant, say so and why (for example 'Mother's heroin use ended in "
        "2015 and monthly tests since have been negative; we do not think it is a current risk')."
    )
    options: ClassVar[Mapping[str, Any]] = {
        "reasoning_kinds": list(REASONING_KINDS),
        "not_evidence_kinds": list(NOT_EVIDENCE),
    }
    examples = (
        Example(
            "FAMILY HISTORY\nFather received a custodial sentence in 2019 for assaulting a previous "
            "partner.\n\nANALYSIS\nThe children need help with routines and school attendance.",
            True,
            "domestic abuse in the history, absent from the analysis",
        ),
        Example(
            "CHRONOLOGY\n22/04/2024 The health visitor saw a bruise on Isla's arm; Isla is 4 months "
            "old and not yet rolling.\n\nRISK ANALYSIS\nThe main risk is that mother's postnatal "
            "depression worsens.",
            True,
            "an injury to a non-mobile baby left out of the risk analysis (reported as an error)",
        ),
        Example(
            "REFERRAL\nGP reports mother has relapsed into heroin use.\n\nANALYSIS\nMother's drug use "
            "is the main worry: when she uses, Ava (3) is left without a sober adult.",
            False,
            "the category carried forward in different words",
        ),
        Example(
            "REFERRAL\nSchool smelled alcohol on Dad at pick-up.\n\nANALYSIS\nThere is no evidence of "
            "substance misuse: three unannounced visits and the GP found nothing.",
            False,
            "the factor named and ruled out in the analysis",
        ),
        Example(
            "BACKGROUND\nThere is no known domestic abuse and police checks were clear.\n\n"
            "ANALYSIS\nAmira is a young carer whose education is suffering.",
            False,
            "a negated mention elsewhere is not a recorded risk factor",
        ),
    )

    def check(self, form: Form, context: Context) -> Iterator[Finding]:
        kinds = tuple(self.option(context, "reasoning_kinds"))
        reasoning = answered(form, kinds)
        # With no risk or analysis section at all, missing-risk-factors (T110) reports the form.
        if not any(s.kind in (*RISK_KINDS, "analysis") for s in reasoning):
            return
        skip = set(kinds) | set(self.option(context, "not_evidence_kinds"))
        discussed = set().union(*(_dates(s.text) for s in reasoning))
        missing = _missing(form, _covered(form, reasoning), skip, discussed)
        names = ", ".join(sorted({f"'{s.heading}'" for s in reasoning}))
        for item in missing.values():
            yield self._report(item, names)

    def _report(self, item: _Recorded, names: str) -> Finding:
        factor = factor_name(item.category)
        where = f"'{item.section.heading}'" if item.section.heading else "the form"
        return self.finding(
            f"{factor[0].upper()}{factor[1:]} is recorded in {where} ('{item.mention.text}') but the "
            f"risk and analysis sections ({names}) do not mention it. Say what it means for the "
            "child now, or why it no longer applies.",
            section=item.section,
            sentence=item.sentence,
            severity=Severity.ERROR if item.category == "non_mobile_injury" else None,
        )
