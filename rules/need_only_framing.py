"""T112 need-only-framing: the risk section names needs or strengths but no risk."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from formlint.finding import Finding, Severity
from formlint.language.negation import clause_bounds
from formlint.language.risk import harm_cues, need_cues, risk_factors
from formlint.model import Form
from formlint.rule import Context, Example, Rule
from formlint_rules.risk_sections import RISK_KINDS, answered


def names_risk(text: str) -> bool:
    """True if ``text`` says what could happen to a child, or names a risk factor as a risk.

    A risk factor counts unless its clause frames it only as a need for support
    ("would benefit from the alcohol service, since she drinks most evenings"):
    that names the adult's problem without saying what it means for the child.
    A factor explicitly ruled out counts: the risk was considered.
    """
    if harm_cues(text):
        return True
    needs = need_cues(text)
    for mention in risk_factors(text):
        if mention.negated:
            return True
        left, right = clause_bounds(text, mention.start, mention.end)
        if not any(left <= cue.start < right for cue in needs):
            return True
    return False


class NeedOnlyFraming(Rule):
    code = "T112"
    slug = "need-only-framing"
    summary = "The risk section names only needs or strengths and no risk to the child."
    pattern = "1b"
    sources = ("S1", "S27", "Ofsted inspection reports")
    severity = Severity.WARNING
    why = (
        "When a risk section is written in the language of need ('would benefit from', 'needs "
        "support with'), the harm the child could come to is never stated, so it cannot be weighed, "
        "planned against or reviewed (seed pattern 1b: a focus on need discourages naming risk). "
        "An adult's drinking or low mood written only as a need for a service reads as a referral, "
        "not as a danger to the child."
    )
    fix = (
        "Say what has happened or could happen to the child, and why: who could be hurt, how, and "
        "how likely that is (for example 'When Mum drinks until she passes out, Ellie (2) is left "
        "without care at night and could be hurt'). Keep the support needs, but put them after the "
        "risk they answer."
    )
    options: ClassVar[Mapping[str, Any]] = {"risk_kinds": list(RISK_KINDS)}
    examples = (
        Example(
            "RISKS\nMum would benefit from support with her alcohol use, since she drinks most "
            "evenings. The children need help with routines.",
            True,
            "an adult problem named only as the object of support",
        ),
        Example(
            "WHAT ARE WE WORRIED ABOUT\nDad needs support to manage his anger. The family require "
            "a parenting programme to meet the children's needs.",
            True,
            "need vocabulary only",
        ),
        Example(
            "MAPPING\n\n| What are we worried about? | What's working well? |\n|---|---|\n"
            "| Lola needs a dentist, as she has toothache. | Nan helps every day. |",
            True,
            "the worries column of a mapping table, written as needs",
        ),
        Example(
            "RISKS\nWhen Mum drinks until she passes out, Ellie (2) is left without care at night and "
            "could be hurt; Mum would benefit from support to cut down.",
            False,
            "the need follows a statement of harm",
        ),
        Example(
            "RISK ANALYSIS\nMum needs help with budgeting. There is no evidence of substance misuse "
            "or domestic abuse; police checks were clear.",
            False,
            "risk factors considered and ruled out",
        ),
        Example(
            "WHAT ARE WE WORRIED ABOUT\nDad has convictions for assaulting two former partners and "
            "moved into the home in March.",
            False,
            "a risk factor stated as a fact, not as a need",
        ),
    )

    def check(self, form: Form, context: Context) -> Iterator[Finding]:
        sections = answered(form, tuple(self.option(context, "risk_kinds")))
        if not sections or any(names_risk(s.text) for sec in sections for s in sec.sentences):
            return
        section = sections[0]
        needs = sorted({c.text.lower() for sec in sections for c in need_cues(sec.text)})
        framed = f" in the language of need ({', '.join(repr(n) for n in needs[:4])})" if needs else ""
        yield self.finding(
            f"The risk section '{section.heading}' is written{framed} and names no harm, danger "
            "or risk factor for the child. Say what has happened or could happen to the child "
            "and why, then the support that answers it.",
            section=section,
            block=next((b for b in section.blocks if not b.blank and b.text.strip()), None),
        )
