"""F502 mother-only-responsibility: the plan makes the mother answer for a risk another adult poses."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

import regex

from formlint.finding import Finding, Severity
from formlint.language import is_negated, reported_spans, risk_factors
from formlint.model import Form, Section, Sentence
from formlint.plan import PlanAction
from formlint.rule import Context, Example, Rule
from formlint_rules.carers import Carers, carers

# What a mother is told to do to keep the children safe from someone else.
_SAFETY = regex.compile(
    r"\b(?:ensure|ensures|make sure|makes sure|keep|keeps|prevent|prevents|protect|protects|stop|stops|"
    r"supervise|supervises|not (?:to )?(?:allow|let|leave)|(?:will|must|should) not (?:allow|let|leave)|"
    r"no (?:unsupervised )?contact|away from|call (?:the )?police|ring (?:the )?police|phone (?:the )?police|"
    r"(?:tell|inform|contact|call|ring|phone|alert|notify) (?:the )?(?:social worker|police|"
    r"sw)\b[^.;]*\bif\b|"
    r"if (?:he|they) (?:comes?|arrives?|turns? up|visits?|returns?)|end (?:the|her) relationship|"
    r"not (?:to )?(?:resume|restart|continue) (?:the |her )?relationship|safe from|decide (?:whether|if))\b",
    regex.IGNORECASE,
)
_JOINT = regex.compile(
    r"\b(?:parents|both|mum and dad|dad and mum|mother and father|father and mother|the couple|"
    r"(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+(?:and|&)\s+(?:Mr|Mrs|Ms|Miss|Mx)\.?(?=\s+\p{Lu}))\b",
    regex.IGNORECASE,
)
_FAILED = regex.compile(
    r"\b(?:fail(?:ed|s|ing|ure)? to protect|(?:has|have|had) not protected|did not protect|"
    r"unable to protect|not (?:been )?(?:able|willing) to protect|not (?:a )?protective)\b",
    regex.IGNORECASE,
)
# A clause about what is being waited for: it gives the man no action.
_WAITING = regex.compile(
    r"\b(?:while|whilst|until|pending)\b[^.;]*|\bwait(?:ing)? (?:for|on)\b[^.;]*", regex.IGNORECASE
)
# He is named only to say he is out of the picture.
_ABSENT = regex.compile(
    r"\b(?:not involved|no (?:contact|involvement)|"
    r"(?:whereabouts|address) (?:is |are )?(?:unknown|not known)|"
    r"has not (?:been )?(?:seen|in touch)|lives (?:abroad|overseas)|"
    r"since (?:\w+\s+){1,3}(?:left|moved out|separated)|"
    r"(?:left|moved out of) the (?:home|house|household|family))\b",
    regex.IGNORECASE,
)
# Not a risk factor, but his behaviour or a clash over the child's care ("they see Kai's behaviour
# differently", "the shouting", "his drinking"); a shared "difficulties" is not about him.
_CONCERN = regex.compile(
    r"\b(?:conflict\w*|argu\w+|shout\w*|temper|aggress\w*|"
    r"controll\w+|cannabis|drugs?|drinking|alcohol|violen\w*|undermin\w+|inconsisten\w+|see\w* [\w'’]+ "
    r"(?:[\w'’]+ )?differently|disagree\w*)\b",
    regex.IGNORECASE,
)
_DECEASED = regex.compile(r"\b(?:deceased|died|passed away|is dead)\b", regex.IGNORECASE)


def _owned_by_mother(action: PlanAction, who: Carers) -> bool:
    owner = action.owner or ""
    return who.is_mother(owner) and not who.is_other(owner) and not _JOINT.search(owner)


def _addresses_other(action: PlanAction, who: Carers) -> bool:
    """An action the other adult owns, shares, or that some other person carries out with him."""
    owner = action.owner or ""
    if who.is_other(owner) or (_JOINT.search(owner) and not who.is_mother(owner)):
        return True
    if _JOINT.search(owner) and who.is_mother(owner):
        return True  # "Mum and Dad will ...", "Ms Lee and Mr Lee will ..."
    # "Grandmother to supervise Dad's contact" - but not "while we wait for the perpetrator programme".
    text = _WAITING.sub("", action.text)
    return not _owned_by_mother(action, who) and who.is_other(text)


def _risk_sentences(form: Form, kinds: tuple[str, ...]) -> Iterator[tuple[Section, Sentence]]:
    for section in form.sections:
        if section.kind in kinds:
            for sentence in section.sentences:
                yield section, sentence


def _risky(text: str) -> bool:
    spans = reported_spans(text)
    return any(not m.negated and not any(a <= m.start < b for a, b in spans) for m in risk_factors(text))


class MotherOnlyResponsibility(Rule):
    code = "F502"
    slug = "mother-only-responsibility"
    summary = (
        "The plan puts the job of keeping the children safe on the mother while the risk comes from "
        "another adult who has no actions of his own."
    )
    pattern = "5a"
    severity = Severity.WARNING
    why = (
        "Services work with whoever is present and cooperative, usually the mother, so the plan and the "
        "responsibility for 'safety' settle on her while the father, partner or person causing harm is "
        "left out. Reviews find plans that tell mothers to keep men away but ask nothing of the men; "
        "'failure to protect' language blames her for harm someone else caused."
    )
    fix = (
        "Give the adult who poses the risk his own actions (what he will do or stop doing, the service "
        "he will attend, the checks or assessment of him, who will hold him to it), and say what "
        "professionals will do to protect the mother and children rather than leaving it to her alone."
    )
    options: ClassVar[Mapping[str, Any]] = {
        # Where the risk from the other adult is identified.
        "risk_sections": (
            "risk_analysis",
            "analysis",
            "danger_statement",
            "referral",
            "decision",
            "recommendation",
            "summary",
        ),
        # Where "failure to protect" language is read.
        "sections": (
            "analysis",
            "risk_analysis",
            "danger_statement",
            "recommendation",
            "decision",
            "referral",
            "manager_oversight",
        ),
        # This many actions for the mother and none for the other adult is reported.
        "min_mother_actions": 1,
    }
    examples = (
        Example(
            "PLAN\n1. Mother to ensure Dean does not have unsupervised contact with the baby.",
            True,
            "the mother is to keep the baby safe from Dean, who has no action",
        ),
        Example(
            "PLAN\n1. Mum to keep the children away from Dad when he has been drinking.\n"
            "2. Social worker to visit fortnightly from 6 May.",
            True,
            "the father's drinking is managed through the mother",
        ),
        Example(
            "ANALYSIS\nMr Cole has hit Ms Cole in front of the children. Mother has failed to protect the "
            "children from domestic abuse.\n\nPLAN\n1. Ms Cole to attend the Freedom Programme by June.\n"
            "2. Ms Cole to call the police if Mr Cole comes to the house.",
            True,
            "blame on the mother; every action is hers",
        ),
        Example(
            "Mother: Kim Walsh\nMother's partner: Dean Walsh\n\nANALYSIS\nDean and Kim see Ava's crying "
            "differently, which makes evenings harder.\n\nPLAN\n1. Kim to attend a parenting group from 4/6.",
            True,
            "the partner is part of the problem the analysis names but only the mother has an action",
        ),
        Example(
            "PLAN\n1. Dean will not care for Ava alone until the risk assessment is complete (he agreed "
            "this on 3/5); mother will call the social worker if he arrives unannounced.",
            False,
            "the man has his own commitment",
        ),
        Example(
            "PLAN\n1. Dad will attend the alcohol service (first appointment 6/5) and will not come to the "
            "house after drinking.\n2. Mum will call the police if Dad comes to the house drunk.",
            False,
            "the father has actions of his own",
        ),
        Example(
            "ANALYSIS\nFather is responsible for the abuse; mother is working with the IDVA on a safety "
            "plan for her and the children.",
            False,
            "responsibility is placed on the father; no action asks the mother to manage him",
        ),
    )

    def check(self, form: Form, context: Context) -> Iterator[Finding]:
        who = carers(form)
        if who.mother is None or who.other is None:
            return
        actions = form.actions
        if any(_addresses_other(a, who) for a in actions):
            return
        sections = {(s.kind, s.heading): s for s in form.sections}
        reported = False
        for action in actions:
            other = who.controlled(action.text)
            if _owned_by_mother(action, who) and other and _SAFETY.search(action.text):
                reported = True
                yield self.finding(
                    f"This action makes the mother responsible for keeping the children safe from "
                    f"{other}, who has no action of their own in the plan: '{action.text.rstrip('.')}'. Give "
                    f"{other} their own actions and say what professionals will do.",
                    section=sections.get((action.kind, action.heading)),
                    text=action.text,
                    location=action.location,
                )
        yield from self._failure_to_protect(form, who, context)
        if reported:
            return
        mothers = [a for a in actions if _owned_by_mother(a, who)]
        minimum = int(self.option(context, "min_mother_actions") or 2)
        identified = self._identified(form, who, context)
        if len(mothers) >= minimum and identified is not None:
            section, sentence, name = identified
            yield self.finding(
                f"{len(mothers)} plan actions are for the mother and none for {name}, though the form "
                f"names him in the risk ('{sentence.text.strip().rstrip('.')}'). Give him actions of his "
                f"own.",
                section=sections.get((mothers[0].kind, mothers[0].heading)) or section,
                text=mothers[0].text,
                location=mothers[0].location,
            )

    def _identified(self, form: Form, who: Carers, context: Context) -> tuple[Section, Sentence, str] | None:
        """The first risk sentence that names the other adult, with the words naming him."""
        kinds = tuple(self.option(context, "risk_sections") or ())
        named: tuple[Section, Sentence, str] | None = None
        for section, sentence in _risk_sentences(form, kinds):
            other = who.other_in(sentence.text)
            if not other or _DECEASED.search(sentence.text) or _ABSENT.search(sentence.text):
                continue
            if _risky(sentence.text):
                return section, sentence, other.group()
            # Named where the form weighs what is happening, as a source of worry, or as an adult
            # the form elsewhere ties to a risk.
            if (
                named is None
                and section.kind != "referral"
                and (_CONCERN.search(sentence.text) or self._risky_elsewhere(form, who))
            ):
                named = section, sentence, other.group()
        return named

    @staticmethod
    def _risky_elsewhere(form: Form, who: Carers) -> bool:
        return any(
            # A risk reported by someone else counts here ("the police disclosed that he has ...").
            who.other_in(sentence.text)
            and any(not m.negated for m in risk_factors(sentence.text))
            and not _DECEASED.search(sentence.text)
            for sentence in form.sentences()
        )

    def _failure_to_protect(self, form: Form, who: Carers, context: Context) -> Iterator[Finding]:
        kinds = tuple(self.option(context, "sections") or ())
        for section, sentence in _risk_sentences(form, kinds):
            text = sentence.text
            match = _FAILED.search(text)
            if not match or is_negated(text, match.start(), match.end()):
                continue
            if any(a <= match.start() < b for a, b in reported_spans(text)):
                continue
            if not (who.is_mother(text) or regex.search(r"\bshe\b", text[: match.start()], regex.I)):
                continue
            yield self.finding(
                f"'{match.group()}' places the blame on the mother, and the plan has no action for the adult "
                "who caused the harm. Describe what he did and give him actions; say what the mother "
                "needs to keep herself and the children safe.",
                section=section,
                sentence=sentence,
            )
