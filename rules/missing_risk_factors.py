"""T110 missing-risk-factors: the form has no risk section, or only an empty or placeholder one."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from formlint.finding import Finding, Severity
from formlint.model import Form
from formlint.rule import Context, Example, Rule
from formlint_rules.placeholder_text import leading_answer
from formlint_rules.risk_sections import RISK_KINDS, answered, content, is_placeholder


class MissingRiskFactors(Rule):
    code = "T110"
    slug = "missing-risk-factors"
    summary = "The form has no risk section, or the risk section is empty or holds only a placeholder."
    pattern = "1b"
    sources = ("S1", "S11", "S13", "S14", "S29")
    severity = Severity.WARNING
    why = (
        "Assessment frameworks are organised around a child's needs, and filling the need domains "
        "can crowd out saying plainly what could happen to the child, how likely it is and how "
        "serious it would be (seed pattern 1b: a focus on need discourages naming risk). A form "
        "with no risk section, or one left as 'N/A' or 'see above', gives the reader no statement "
        "of risk to plan against, and case reviews repeatedly find risks that were known but never "
        "written down as risks."
    )
    fix = (
        "Add a risk section ('Risk analysis' or 'What are we worried about?') and say what harm "
        "the child has suffered or could suffer, from whom or what, and how likely and serious it "
        "is. If you considered a risk and found none, say what you checked and what you found "
        "(for example 'Police and GP checks show no domestic abuse; both parents were asked')."
    )
    options: ClassVar[Mapping[str, Any]] = {"risk_kinds": list(RISK_KINDS)}
    examples = (
        Example(
            "ANALYSIS\nLeo is a happy boy whose needs are met by his mother.\n\n"
            "RECOMMENDATION\nClose the case.",
            True,
            "no risk section at all",
        ),
        Example(
            "WHAT ARE WE WORRIED ABOUT\nSee above.\n\nSUMMARY\nMum is a protective parent.",
            True,
            "a risk section holding only 'See above.'",
        ),
        Example(
            "Risk analysis: N/A\n\nANALYSIS\nThe children are safe.",
            True,
            "a bare N/A in the risk section",
        ),
        Example(
            "RISK ANALYSIS\nLeo is at risk of being hurt when his father has been drinking.",
            False,
            "a risk section that names a risk",
        ),
        Example(
            "WHAT ARE WE WORRIED ABOUT\nThere is no evidence of domestic abuse or substance misuse; "
            "police and GP checks were clear and both parents were asked directly.",
            False,
            "risks considered and ruled out is an answer",
        ),
        Example(
            "DANGER STATEMENT\nSchool are worried that Mia will be hurt if her father is violent "
            "to her mother again.",
            False,
            "a Signs of Safety danger statement is a risk section",
        ),
    )

    def check(self, form: Form, context: Context) -> Iterator[Finding]:
        kinds = tuple(self.option(context, "risk_kinds"))
        if answered(form, kinds):
            return
        sections = form.sections_of(*kinds)
        if not sections:
            yield self.finding(
                "The form has no risk section: nothing says what harm the child has suffered or "
                "could suffer. Add a 'Risk analysis' or 'What are we worried about?' section.",
            )
            return
        section = sections[0]
        held = content(section)
        if held and not is_placeholder(held):
            held = leading_answer(section)  # the answer before a heading the form did not mark
        if held:
            what = f"holds only '{held}'"
        elif any(b.blank and b.text.strip() for b in section.blocks):
            what = "still shows only the template prompt"
        else:
            what = "is empty"
        yield self.finding(
            f"The risk section '{section.heading}' {what}, so the form names no risk. Say what "
            "harm the child has suffered or could suffer, or what was checked to rule it out.",
            section=section,
            block=next((b for b in section.blocks if b.text.strip()), None),
        )
