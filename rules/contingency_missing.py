"""A402 contingency-missing: a plan that says nothing about what happens if it is not followed.

Which forms need a contingency (the catalogue's "CIN/CP/early-help plan"):

- a child in need or child protection plan or review (the ``plan`` profile, or a title
  naming such a plan) and any form with a safety plan: reported as a warning;
- an early help plan (the ``eha`` profile with plan actions): reported as info;
- assessments and conference reports (CFA, ICPC/RCPC, Signs of Safety mapping) are not
  plans, even with a "next steps" list, and are not checked.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

import regex

from formlint.finding import Finding, Severity
from formlint.model import Form, Section, Sentence
from formlint.rule import Context, Example, Rule
from formlint_rules.lexicon import entries
from formlint_rules.risk_sections import content, is_placeholder

_TITLE_PLAN = regex.compile(
    r"\b(?:child protection|child in need|cin|cp|safety|child's|children's) plan\b|\bcore group\b",
    regex.IGNORECASE,
)
# A plan section inside another form that names itself a statutory or interim plan.
_HEADING_PLAN = regex.compile(
    r"\b(?:child protection|child in need|cin|cp|safety|interim|protection) plan\b", regex.IGNORECASE
)
# Sections where a contingency may be written: the plan itself and what concludes the form.
PLAN_KINDS = ("plan_actions", "safety_plan", "contingency")
FORWARD_KINDS = (
    *PLAN_KINDS, "recommendation", "decision", "manager_oversight", "safety_goal", "analysis", None,
)
# What a contingency escalates to: a referral, a strategy discussion, a conference, legal advice.
_ESCALATION = regex.compile(
    r"\b(?:refer(?:ral|red)?|step(?:ped)? up|strategy (?:discussion|meeting)|section 47|s\.?47|"
    r"(?:child protection|review|initial) (?:case )?conference|legal (?:planning|gateway|advice|meeting)|"
    r"pre-?proceedings|public law outline|plo|care proceedings|emergency protection|police protection|"
    r"accommodat\w+|section 20|escalat\w+|reassess\w*|re-assess\w*|child protection (?:plan|enquir\w+))\b",
    regex.IGNORECASE,
)
# "School to let the social worker know if attendance falls": passing information on is monitoring,
# not a plan for what will be done. Calling the police or 999 is a protective response.
_INFORM = regex.compile(
    r"\b(?:let (?:\w+ ){1,4}know|tell|tells|inform|informs|notify|notifies|alert|alerts|report|reports|"
    r"contact|contacts|ring|rings|phone|phones|call|calls|e-?mail|message|update|share)\b",
    regex.IGNORECASE,
)
_PROTECTIVE = regex.compile(r"\b(?:police|999|ambulance|emergency)\b", regex.IGNORECASE)
_PHRASES = regex.compile(r"\b(?:" + "|".join(entries("contingency_missing")) + r")\b", regex.IGNORECASE)
# "If father comes to the home after drinking, mother will call 999": a condition and a response.
_CONDITION = regex.compile(
    r"(?:^|[,;:(]\s*|\b(?:and|or|but|then|straight away|immediately|same day)\s+|\b\w+\s+)"
    r"(?P<word>if|should|in case|where|unless|whenever)\s+(?P<rest>[^,;]{3,})",
    regex.IGNORECASE,
)
_VAGUE_CONDITION = regex.compile(
    r"^(?:needed|required|necessary|appropriate|possible|available|wanted|they wish|she wishes|he wishes|"
    r"they want|she wants|he wants|it is (?:needed|required|appropriate|safe)"
    r"|any (?:concerns|issues) (?:arise|are raised)?"
    r"|(?:they|he|she|we|you|staff|anyone|someone|school|nursery) (?:have|has|are|is|feel|feels) (?:any )?"
    r"(?:concerns?|worries|worried|concerned)"
    r"|there (?:is|are) (?:any )?(?:concerns?|issues?|worries)(?: at all)?)\b",
    regex.IGNORECASE,
)
_RESPONSE = regex.compile(r"\b(?:will|to|must|should|would|is to|are to|can|shall)\s+\w+", regex.IGNORECASE)
# "Contingency: see safety plan (section 7)": the contingency is said to be elsewhere.
_CROSS_REFERENCE = regex.compile(
    r"^\W*(?:please\s+)?(?:see|refer to|as per|as set out in|set out in|included in|covered in|in)\b",
    regex.IGNORECASE,
)
# "Contingency: to be discussed", "will be agreed at core group": a promise of one, not one.
_DEFERRED = regex.compile(
    r"^\W*(?:(?:contingency|plan)\s+)?(?:is\s+|will\s+be\s+|to\s+be\s+|still\s+to\s+be\s+|yet\s+to\s+be\s+)"
    r"(?:discussed|agreed|confirmed|decided|completed|arranged|added|drafted|written|considered|developed)\b"
    r"|^\W*(?:not (?:yet )?(?:discussed|agreed|known|needed|required|applicable)|none(?: needed| required)?|"
    r"no contingency\b|not at this (?:time|stage))",
    regex.IGNORECASE,
)


def is_plan_form(form: Form) -> bool:
    """A child in need, child protection or safety plan (or a review of one), wherever it is written:
    a plan form, a Signs of Safety "what needs to happen" plan, or a plan section that names itself a
    CIN, CP, safety or interim plan inside an assessment or conference report."""
    title = form.metadata.title or (form.sections[0].heading if form.sections else "")
    if form.profile == "plan" or _TITLE_PLAN.search(title) or form.sections_of("safety_plan"):
        return True
    plans = form.sections_of("plan_actions")
    if form.profile == "sos" and plans:
        return True
    return any(_HEADING_PLAN.search(section.heading or "") for section in plans)


def is_early_help_plan(form: Form) -> bool:
    return form.profile == "eha" and bool(form.sections_of("plan_actions"))


def is_conditional(text: str) -> bool:
    """A sentence that says what will be done if something happens ("if X, Y will ...")."""
    for m in _CONDITION.finditer(text):
        opening = m.group(0).lstrip(",;:( ").casefold()
        if m.group("word").casefold() == "should" and not opening.startswith("should"):
            continue  # "mother should attend": an instruction, not "should X happen"
        if _VAGUE_CONDITION.match(m.group("rest")):
            continue
        if _RESPONSE.search(text):
            return True
    return False


# "Contingency: if he returns, ...", "Plan B - grandmother will ...": a labelled contingency.
_LABEL = regex.compile(
    r"^\W*(?:contingency(?: plan| arrangements?)?|plan b)\s*[:\-–—]\s*(?P<answer>.+)", regex.IGNORECASE
)


def contingency_sentence(sentence: Sentence, kind: str | None) -> bool:
    """A sentence that states a contingency: a labelled answer, a contingency phrase, or (in a
    plan) a condition with a response. "A contingency needs adding" states none."""
    text = sentence.text
    label = _LABEL.match(text)
    if label:
        answer = label.group("answer")
        return not (is_placeholder(answer) or _DEFERRED.match(answer) or _CROSS_REFERENCE.match(answer))
    if _PHRASES.search(text):
        return True
    if not is_conditional(text):
        return False
    main = _main_clause(text)
    if escalates(text):
        return True  # "if X, the lead practitioner will discuss a referral to children's social care"
    if kind not in PLAN_KINDS:
        return False
    return kind == "contingency" or not (_INFORM.search(main) and not _PROTECTIVE.search(main))


def escalates(text: str) -> bool:
    """The response of a conditional sentence is an escalation (a referral, a strategy discussion, a
    conference, legal advice) rather than more of the same."""
    return bool(_ESCALATION.search(_main_clause(text)))


def _main_clause(text: str) -> str:
    """The response of a conditional sentence, without its condition ("If X, Y will ..." -> "Y will ...";
    "Y to ... if X" -> "Y to ...")."""
    opening = regex.match(
        r"^\W*(?:\d{1,2}[.)]\s*)?(?:if|should|where|whenever|in case|unless)\b[^,;]*[,;]\s*(?P<rest>.*)",
        text,
        regex.IGNORECASE | regex.DOTALL,
    )
    if opening:
        return opening.group("rest")
    inner = regex.search(r"\s(?:if|should|whenever|in case|unless)\s", text, regex.IGNORECASE)
    return text[: inner.start()] if inner else text


# "N/A - case closing": a placeholder with a short excuse (under six words, as for T106) is no answer.
_EXCUSED = regex.compile(
    r"^\W*(?:n\s*/\s*a|none|not applicable|nil)\b\s*[-–—:,;(]?\s*(?P<reason>.*)$",
    regex.IGNORECASE | regex.DOTALL,
)


def _section_state(section: Section) -> str:
    """'answered', 'cross-reference', or 'empty' for a contingency section."""
    text = content(section)
    excused = _EXCUSED.match(text)
    if excused and len(excused.group("reason").split()) < 6:
        return "empty"
    if is_placeholder(text) or _DEFERRED.match(text):
        return "empty"
    if _CROSS_REFERENCE.match(text) and len(text.split()) <= 12:
        return "cross-reference"
    return "answered"


class ContingencyMissing(Rule):
    code = "A402"
    slug = "contingency-missing"
    summary = (
        "A child in need, child protection or early help plan says nothing about what happens if it is "
        "not followed."
    )
    pattern = "4a"
    severity = Severity.WARNING
    why = (
        "Seed pattern 4a: when assessment and planning are treated as a one-off event, the plan is "
        "written as if it will work, and nobody has agreed in advance what will happen if it does not. "
        "Ofsted inspections repeatedly find that 'most plans lack detail of contingency arrangements', "
        "so when things get worse the response is improvised, late, or not made at all."
    )
    fix = (
        "Add a contingency: what would show the plan is not working or the child is less safe, and "
        "what will then be done, by whom and how quickly ('If Kai's attendance is below 90% at the "
        "review, the social worker will ask legal whether the threshold for pre-proceedings is met')."
    )
    options: ClassVar[Mapping[str, Any]] = {
        # Early help plans are checked too, at this severity.
        "early_help_severity": "info",
    }
    examples = (
        Example(
            "CHILD PROTECTION PLAN\nCategory: neglect\n\nPLAN\n1. Social worker to visit weekly from 6 May.\n"
            "2. Mother to take Ava to the GP by 10 May.\n3. Nursery to weigh Ava monthly.",
            True,
            "a CP plan with actions and no contingency at all",
        ),
        Example(
            "CHILD IN NEED PLAN\n\nPLAN\n1. School to offer Kai a daily check-in from 3 June.\n\n"
            "CONTINGENCY\nN/A",
            True,
            "a contingency section answered 'N/A'",
        ),
        Example(
            "CHILD PROTECTION PLAN\n\nPLAN\n1. Social worker to visit every 10 working days.\n\n"
            "CONTINGENCY\nTo be discussed.",
            True,
            "a contingency promised, not written",
        ),
        Example(
            "CHILD AND FAMILY ASSESSMENT\n\nINTERIM PLAN\n- Mr Dunn to register the boys with a dentist.\n"
            "- College to tell the social worker if Amir stops attending.",
            True,
            "an interim plan in an assessment, whose only condition passes information on",
        ),
        Example(
            "CHILD PROTECTION PLAN\n\nPLAN\n1. Father not to come to the home.\n2. If father comes to the "
            "home after drinking, mother will call 999 and the social worker will convene a strategy "
            "discussion within one working day.",
            False,
            "a contingency written into the plan's actions",
        ),
        Example(
            "CHILD IN NEED PLAN\n\nPLAN\n1. School to send weekly attendance to the social worker.\n\n"
            "CONTINGENCY\nIf Kai's attendance is below 90% at the review, we will ask legal whether the "
            "threshold for pre-proceedings is met.",
            False,
            "a contingency section with a trigger and a response",
        ),
        Example(
            "CHILD AND FAMILY ASSESSMENT\n\nANALYSIS\nThe children's needs can be met with support.\n\n"
            "PLAN\n1. Family support worker to help with routines from 3 June.",
            False,
            "an assessment with next steps is not a plan that needs a contingency",
        ),
    )

    def check(self, form: Form, context: Context) -> Iterator[Finding]:
        if is_plan_form(form):
            severity = Severity.WARNING
        elif is_early_help_plan(form):
            severity = Severity.parse(str(self.option(context, "early_help_severity")))
        else:
            return
        sections = form.sections_of("contingency")
        # A plan form with no actions is only judged on a contingency box it leaves unanswered.
        if not (form.actions or form.sections_of("plan_actions", "safety_plan") or sections):
            return
        states = {_section_state(s): s for s in sections}
        if "answered" in states:
            return
        if any(
            contingency_sentence(sentence, section.kind)
            for section in form.sections
            if section.kind in FORWARD_KINDS
            for sentence in section.sentences
        ):
            return
        if "cross-reference" in states:
            section = states["cross-reference"]
            yield self.finding(
                f"The contingency only points elsewhere ('{content(section)}'). Check that the section it "
                "names says what will happen if the plan is not followed, or write the contingency here.",
                section=section,
                severity=Severity.INFO,
                text=content(section),
            )
            return
        if "empty" in states:
            section = states["empty"]
            answer = content(section).split("\n")[0]
            yield self.finding(
                f"The contingency section is not filled in ('{answer or 'empty'}'). Say what "
                "would show the plan is not working and what will then be done, by whom and how quickly.",
                section=section,
                severity=severity,
                text=answer or None,
            )
            return
        first = form.actions[:1]
        plan = [s for a in first for s in form.sections if (s.kind, s.heading) == (a.kind, a.heading)]
        plan = plan or form.sections_of("plan_actions", "safety_plan")
        yield self.finding(
            "This plan has no contingency: nothing says what will happen if it is not followed or things "
            "get worse. Add what would trigger a change and what will then be done, by whom and how quickly.",
            section=plan[0] if plan else None,
            severity=severity,
        )
