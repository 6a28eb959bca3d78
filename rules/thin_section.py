"""T105 thin-section: a free-text answer far shorter than its purpose needs."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

import regex

from formlint.finding import Finding, Severity
from formlint.model import Form, Section
from formlint.profile import load_profile
from formlint.rule import Context, Example, Rule
from formlint_rules.risk_sections import content, is_placeholder

_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’-]*")
_LETTERS = regex.compile(r"\p{L}{2}")
# The answer points to where the rest of it is: a section, an attachment, another record.
_ELSEWHERE = regex.compile(
    r"\b(?:see|refer to|please refer to)\s+(?:section|part|question|box|page|above|below|attached|appendix|"
    r"the\s+(?:attached|chronology|observations?|\w+\s+section)|observations?|chronology)\b"
    r"|\b(?:as\s+set\s+out|(?:described|recorded|covered|detailed|set\s+out)\s+(?:in|under|at|elsewhere|above|"
    r"below))\b|\battached\b|\bappendix\b",
    regex.IGNORECASE,
)
# A plan or plan review: its "Summary" sums up the plan, it is not an assessment's analysis.
_ASSESSMENT_PROFILES = frozenset({"cfa", "cp_conference", "sos"})
_ASSESSMENT_TITLE = regex.compile(
    r"\b(?:assessment|conference|mapping|signs of safety|enquiry|strategy)\b", regex.IGNORECASE
)
_PLAN_TITLE = regex.compile(r"\b(?:plan|review|core group)\b", regex.IGNORECASE)
_ANALYSIS_HEADING = regex.compile(r"\banaly[sz]", regex.IGNORECASE)
# Sections the writer reasons in: a thin one is a warning wherever it is.
_REASONING = frozenset({"analysis", "risk_analysis", "parenting_capacity", "danger_statement"})
# What a full answer of each kind says, for the message.
_WHAT = {
    "analysis": "what the information means for the child, what you weighed and why you reached your view",
    "risk_analysis": "what could happen to the child, how likely it is and what it rests on",
    "parenting_capacity": "how each carer meets the child's needs day to day, with what you saw",
    "danger_statement": "who is worried, about what behaviour, and what could happen to the child",
    "child_views": "the child's own words, wishes and feelings, or for a baby what you saw of them",
    "parent_views": "each parent's own account and view of the concerns and the plan",
    "review_progress": "what has changed for the child since the last review, and how you know",
    "strengths": "what each strength is and how it keeps the child safe or well",
    "safety_goal": "what the family will be doing that shows the child is safe, and for how long",
}


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def is_plan_record(form: Form) -> bool:
    """A plan or plan review rather than an assessment, conference report or mapping."""
    if form.profile in _ASSESSMENT_PROFILES:
        return False
    if form.profile == "plan":
        return True
    title = form.metadata.title or (form.sections[0].heading if form.sections else "") or ""
    return bool(_PLAN_TITLE.search(title)) and not _ASSESSMENT_TITLE.search(title)


def held_to_threshold(form: Form, section: Section) -> bool:
    """Whether the section's kind threshold applies: in a plan, a "Summary" or "Conclusion" answer
    sums up the plan and is not held to an assessment's analysis length; an "Analysis" heading is."""
    if section.kind != "analysis" or not is_plan_record(form):
        return True
    return bool(_ANALYSIS_HEADING.search(section.heading or ""))


class ThinSection(Rule):
    code = "T105"
    slug = "thin-section"
    summary = "A free-text answer (analysis, risks, child's views ...) far shorter than its purpose needs."
    pattern = "1a"
    sources = ("S1", "S27", "Ofsted inspection reports")
    severity = Severity.WARNING
    why = (
        "Forms with many boxes invite a word or two in each, and a two-word analysis ('Medium risk') "
        "or child's views ('Happy') records a conclusion without the thinking or the child behind it. "
        "Inspections find plans 'limited in content, only briefly capturing their views'; a reader "
        "cannot check, challenge or build on what was never written."
    )
    fix = (
        "Write the answer out: for an analysis, what the information means for the child and why; for "
        "a child's views, their own words or what you saw. If the answer is recorded elsewhere, say "
        "where ('see the observations in section 3')."
    )
    options: ClassVar[Mapping[str, Any]] = {
        # Section kind -> fewest words; entries here override the profile's [thresholds] table.
        "thresholds": {},
    }
    examples = (
        Example("ANALYSIS\nMum needs to engage.", True, "a four-word analysis"),
        Example("CHILD'S VIEWS\nHappy.", True, "a one-word child's views"),
        Example("RISK ANALYSIS\nMedium risk.", True, "a rating with nothing behind it"),
        Example(
            "CHILD'S VIEWS\nAva is 3 weeks old. On both visits she fed well and settled; see observations "
            "in section 3.",
            False,
            "short, but says where the rest is",
        ),
        Example(
            "ANALYSIS\nThree things worry me. Mr Lee has moved back in, although the written agreement says "
            "he would not, and Ms Carter did not tell us. Leo's nursery attendance has fallen to 60% since "
            "March. Against that, Ms Carter has kept every health appointment and Leo is warm and settled "
            "with her, so I think the risk is of neglect drifting rather than of sudden harm. What would "
            "change my view is another month of low attendance or Mr Lee staying overnight again, and I "
            "will check both with the nursery and at my next visit.",
            False,
            "an analysis of a reasonable length",
        ),
        Example(
            "CHILD IN NEED PLAN - REVIEW\n\nSUMMARY\nThe plan is working: attendance is up to 94%.",
            False,
            "a plan's summary is not held to an assessment's analysis length",
        ),
        Example(
            "CHILD AND FAMILY ASSESSMENT\n\nMANAGER'S COMMENTS\nAgreed.", True, "a bare manager sign-off"
        ),
        Example("CHILD'S VIEWS\nN/A", False, "a placeholder is placeholder-text's finding, not this one"),
    )

    def check(self, form: Form, context: Context) -> Iterator[Finding]:
        profile = load_profile(form.profile or "common")
        thresholds = {**dict(profile.thresholds), **dict(self.option(context, "thresholds") or {})}
        by_kind: dict[str, list[tuple[Section, str]]] = {}
        for section in form.sections:
            if section.kind is not None and section.kind in thresholds and held_to_threshold(form, section):
                text = content(section)
                # A date or a number alone is a field value that took a heading's place, not prose.
                if not is_placeholder(text) and _LETTERS.search(text):
                    by_kind.setdefault(section.kind, []).append((section, text))
        for kind, answers in by_kind.items():
            minimum = int(thresholds[kind])
            text = " ".join(t for _, t in answers)
            words = word_count(text)
            if words >= minimum or _ELSEWHERE.search(text):
                continue
            section = answers[0][0]
            warning = kind in _REASONING or kind in profile.required
            quoted = text if len(text) <= 120 else text[:117].rstrip() + "..."
            what = _WHAT.get(kind, "what the question asks, in full")
            yield self.finding(
                f"'{section.heading}' has {words} word{'s' * (words != 1)} ('{quoted}'), under the "
                f"{minimum} set as the least for this kind of answer. Say {what}; if the answer is "
                "recorded elsewhere, say where.",
                section=section,
                block=next((b for b in section.blocks if not b.blank and b.text.strip()), None),
                severity=Severity.WARNING if warning else Severity.INFO,
            )
