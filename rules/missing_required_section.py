"""S801 missing-required-section: a section the form's profile requires is absent, or has no answer.

The required sections are the core of each form type (the ``required`` list of its
profile): an assessment's analysis and child's views; a conference report's risk section
and recommendation; a plan's actions and contingency (an early help assessment and plan,
and a child and family assessment titled "... and Plan", need both sets); a Signs of
Safety form's danger statement, safety goal and scaling.

A section counts as present when it holds an answer. One whose only content is blank,
"N/A", "See above" or an unfilled prompt is reported here as empty (``placeholder-text``
reports the same answer too, for every section). A section merged into another counts:
a contingency written into the plan actions or the manager's entry ("Contingency: ...",
"If Zara's weight has fallen again ..., the lead practitioner must ..."), a scaling score
given in the children's views ("Mia put herself at 7 out of 10"), and for early help an
analysis written as a "Summary" or "What are we worried about?". A short section is
``thin-section``'s.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

import regex

from formlint.finding import Finding, Severity
from formlint.model import Form, Section
from formlint.rule import Context, Example, Rule
from formlint_rules.missing_metadata import label_fact, labelled_values, read_facts
from formlint_rules.placeholder_text import leading_answer
from formlint_rules.risk_sections import answered, content, is_placeholder

_I = regex.IGNORECASE

# What each section is called in a message, and what it should hold.
_NAMES: Mapping[str, tuple[str, str]] = {
    "child_details": ("Child's details", "the child's name, date of birth or age, and where they live"),
    "family_composition": (
        "Family composition",
        "who lives in the household and who else matters to the child",
    ),
    "professional_network": ("Professionals involved", "the agencies and workers involved"),
    "referral": ("Reason for referral", "why the family came to the service's attention and when"),
    "basis_of_assessment": (
        "Basis of assessment",
        "how the assessment was done: visits, who was seen (and whether the child was seen alone), "
        "who was spoken to",
    ),
    "chronology": ("Chronology", "the significant events in date order"),
    "child_views": (
        "Child's views",
        "what the child said, or what was seen of them if they are too young to say",
    ),
    "parent_views": ("Parents' views", "what each parent or carer said, in their own words where possible"),
    "dev_needs": ("Child's developmental needs", "health, education, emotional development, identity"),
    "parenting_capacity": (
        "Parenting capacity",
        "basic care, safety, warmth, stimulation, boundaries, stability",
    ),
    "family_env": ("Family and environmental factors", "housing, income, wider family, community"),
    "risk_analysis": (
        "Risk analysis / What are we worried about?",
        "the harm, the risks and what makes them worse",
    ),
    "strengths": ("Strengths / What's working well?", "the protective factors and existing safety"),
    "analysis": ("Analysis", "what the information means for the child, and why"),
    "gaps": ("Gaps in information", "what is not yet known and how it will be found out"),
    "danger_statement": (
        "Danger statement",
        "who is worried, what they fear could happen, and the impact on the child",
    ),
    "safety_goal": ("Safety goal", "what the family will be doing that shows the child is safe"),
    "scaling": ("Scaling", "each person's score from 0 to 10 and the reason for it"),
    "recommendation": ("Recommendation / Decision", "the proposed outcome and the reason for it"),
    "decision": ("Decision", "the decision and the reason for it"),
    "plan_actions": ("Plan", "each action with who will do it, by when and how you will know it worked"),
    "contingency": ("Contingency plan", "what will happen, and who will act, if the plan does not work"),
    "safety_plan": ("Safety plan", "the immediate safety arrangements"),
    "review_progress": ("Progress since the last review", "what has changed against each action"),
    "manager_oversight": ("Manager's comments", "the manager's decision, with the reason and any direction"),
    "consent": ("Consent", "who consented to the assessment and to sharing information, and when"),
    "signatures": ("Signatures", "who signed and when the form was shared with the family"),
}

# A required section is also present under another section that does the same job.
_SATISFIED_BY: Mapping[str, tuple[str, ...]] = {
    # An assessment whose outcome is a plan ("Child and Family Assessment and Plan") has one.
    "recommendation": ("decision", "plan_actions"),
    "decision": ("recommendation",),
    "risk_analysis": ("danger_statement",),
    "plan_actions": ("safety_plan",),
}
# Per profile: an early help "What are we worried about?" (or summary of worries) is its analysis.
_PROFILE_SATISFIED_BY: Mapping[str, Mapping[str, tuple[str, ...]]] = {
    "eha": {"analysis": ("risk_analysis",)},
}
# Where a contingency is often written into another section, and how it reads there: "Contingency:
# ...", or a condition with what someone will then do ("If Mr Achebe returns, a strategy discussion
# will be held the same day").
_CONTINGENCY_HOSTS = ("plan_actions", "safety_plan", "manager_oversight", "decision", "recommendation")
_CONTINGENCY_TEXT = regex.compile(
    r"\b(?:contingenc\w*|plan b)\b"
    r"|\b(?:if|should)\b[^.;\n]{3,160},\s*[^.;\n]{0,80}?\b(?:will|must|would|is to|are to)\b",
    _I,
)
# A scaling score recorded in any section: "7/10", "6 out of 10", "scaled at 4", "a 3 on the scale".
_SCORE = regex.compile(
    r"\b(?:10|\d)\s*(?:/\s*10|out of (?:10|ten))\b|\bscal(?:ed|ing)\b[^.\n]{0,40}?\b(?:10|\d)\b",
    _I,
)

# Wording of a heading the profile did not recognise that may still be the section: with one of
# these present, absence is not certain, and an error-level rule keeps quiet.
_CUES: Mapping[str, str] = {
    "child_details": r"\b(?:child|children|young person)(?:'s|s'|ren's)?\b.*\b(?:details|information|name)\b",
    "family_composition": r"\b(?:family|household|genogram|lives with|living with|who lives)\b",
    "referral": r"\b(?:reason|why|referr\w*|request\w*|presenting|concerns? raised|cause for concern)\b",
    "basis_of_assessment": r"\bhow (?:the |this |i |we )?.*\b(?:assess\w*|done|completed|carried out)\b"
    r"|\bbasis\b|\bsources? of information\b|\binformation (?:gathered|used)\b|\bmethodology\b"
    r"|\bwho (?:i|we) (?:spoke|saw)\b",
    "chronology": r"\bchronolog\w*|\btimeline\b|\bsignificant events\b",
    "child_views": r"\b(?:views?|voice|wishes|feelings|words|lived experience|told (?:me|us)|says?|said"
    r"|thinks?)\b",
    "parent_views": r"\b(?:views?|say|said|told|think|thinks|account)\b",
    "dev_needs": r"\b(?:health|education|develop\w*|needs|school)\b",
    "parenting_capacity": r"\bparent\w*|\bcare\b|\bboundaries\b|\bwarmth\b",
    "family_env": r"\b(?:housing|income|environment\w*|wider family|accommodation|community|home)\b",
    "risk_analysis": r"\b(?:risks?|worr\w*|harm|danger|concerns?)\b",
    "strengths": r"\b(?:strengths?|working well|going well|protective|safety)\b",
    "analysis": r"\b(?:analysis|analys\w*|judgement|conclu\w*|summary|evaluation|what (?:we|i) think"
    r"|formulation)\b",
    "gaps": r"\b(?:gaps?|don't know|do not know|unknowns?|unsure|not sure|uncertain\w*"
    r"|further information)\b",
    "danger_statement": r"\b(?:danger|worry statement|worried (?:will|could|might))\b",
    "safety_goal": r"\bgoals?\b",
    "scaling": r"\bscal\w*|\b0\s*(?:-|–|to)\s*10\b|\bout of 10\b",
    "recommendation": r"\b(?:recommend\w*|outcome|decision|next steps|proposed|way forward)\b",
    "decision": r"\b(?:decision|outcome|recommend\w*)\b",
    "plan_actions": r"\b(?:plan|actions?|next steps|what (?:needs to|will) happen)\b",
    "contingency": r"\b(?:contingency|plan b"
    r"|if (?:the plan|this|things) (?:does not|doesn't|do not|don't) work)\b",
    "safety_plan": r"\bsafety plan\w*",
    "review_progress": r"\b(?:progress|what has changed|updates?"
    r"|since (?:the )?(?:last|first|previous|initial))\b",
    "manager_oversight": r"\b(?:manager\w*|management|supervis\w*|oversight|authoris\w*|team leader)\b",
    "consent": r"\b(?:consent\w*|information sharing)\b",
    "signatures": r"\b(?:signature|signed|sign-off)\b",
}

# Details that forms often give as labelled fields in a details block rather than as a section.
_FIELD_FACTS: Mapping[str, tuple[str, ...]] = {
    "child_details": ("child", "child_dob", "child_age"),
    "family_composition": ("family",),
}


def _alternatives(form: Form, kind: str) -> tuple[str, ...]:
    own = _PROFILE_SATISFIED_BY.get(form.profile or "common", {}).get(kind, ())
    return (kind, *_SATISFIED_BY.get(kind, ()), *own)


def _merged(form: Form, kind: str) -> bool:
    """True when the section's content is written inside another section."""
    if kind == "contingency":
        hosts = answered(form, _CONTINGENCY_HOSTS)
        return any(_CONTINGENCY_TEXT.search(s.text) for s in hosts)
    if kind == "scaling":
        return any(_SCORE.search(s.text) for s in form.sections)
    return False


def _empty(form: Form, kind: str) -> Section | None:
    """A section of ``kind`` that is there with no answer (blank, "N/A", "See above", a prompt),
    or None.

    A section headed as the kind itself is empty when it holds no answer, even if another one
    (an "Analysis" of "See above." after a "Summary") has words: the heading asks for the
    sectionand the answer declines it. Sections that only stand in for it ("Decision" for a
    recommendation) are empty only when none of them, and no merged text, answers.
    """
    for section in form.sections_of(kind):
        # A blank one may be a heading over sub-sections of the same kind; a placeholder is not.
        text = content(section)
        if text and (is_placeholder(text) or is_placeholder(leading_answer(section))):
            return section
    kinds = _alternatives(form, kind)
    found = form.sections_of(*kinds)
    if found and not answered(form, kinds) and not _merged(form, kind):
        return found[0]
    return None


def _present(form: Form, kind: str) -> bool:
    kinds = {s.kind for s in form.sections}
    if any(k in kinds for k in _alternatives(form, kind)) or _merged(form, kind):
        return True
    if kind == "child_details":
        facts = read_facts(form)
        if facts.child_named or facts.child_age_known:
            return True
    if kind == "family_composition" and form.metadata.household:
        return True
    wanted = _FIELD_FACTS.get(kind)
    return bool(wanted and any(label_fact(label) in wanted for label, _ in labelled_values(form)))


_MERGED = regex.compile(r"\s(?:and|&|/|\+)\s", _I)


def _maybe_under(form: Form, kind: str) -> str | None:
    """An unrecognised heading (or field label) that may be this section, quoted; else None."""
    cue = _CUES.get(kind)
    if cue is None:
        return None
    pattern = regex.compile(cue, _I)
    # Unrecognised headings, and merged ones ("Analysis and recommendation", "Strengths / risks").
    headings = [
        s.heading for s in form.sections if s.heading and (s.kind is None or _MERGED.search(s.heading))
    ]
    labels = [b.label for s in form.sections for b in s.blocks if b.label and b.label != "guidance"]
    if kind == "child_views":
        # "What does Aaliyah say?" read as another kind's heading is still the child's views.
        names = {n.casefold() for m in form.people.subjects for n in m.first_names[:1]}
        headings += [
            s.heading
            for s in form.sections
            if s.heading and names & set(regex.findall(r"\p{L}+", s.heading.casefold()))
        ]
    return next((h for h in (*headings, *labels) if pattern.search(h)), None)


class MissingRequiredSection(Rule):
    code = "S801"
    slug = "missing-required-section"
    summary = (
        "A section the form's type requires (for example the analysis of an assessment) is not there, or "
        "is answered only 'N/A', 'See above' or a prompt."
    )
    pattern = "1a"
    sources = ("S24", "S25", "form-sections.md §3–§6")
    severity = Severity.ERROR
    why = (
        "A section left out of a form leaves out the thinking it asks for: an assessment with no analysis "
        "records information but no judgement, a child protection plan with no contingency says nothing "
        "about what happens if it fails, and a conference report with no risk section leaves the harm "
        "unweighed. A required section answered only 'N/A' or 'See above' leaves the same gap."
    )
    fix = (
        "Add the section under its usual heading and write what it asks for. If your template calls it "
        "something else, add that heading to the form profile so formlint recognises it."
    )
    options: ClassVar[Mapping[str, Any]] = {
        # Extra required sections per profile id, on top of the profile's own ``required`` list.
        "also_required": {},
        # Sections never required here, whatever the profile says.
        "not_required": (),
        # Records the conference profile also reads (by their titles) that are not conference
        # reports: a title matching the pattern requires only these sections.
        "record_types": {
            r"\b(?:section 47|s47|strategy (?:discussion|meeting))\b": ("analysis", "child_views"),
        },
        # Per profile id: a title matching the pattern (an assessment "and Plan") makes the form a
        # plan as well, so it also needs these sections.
        "plan_titles": {
            "cfa": (r"\band (?:\w+ )?plan\b", ("plan_actions", "contingency")),
        },
    }
    examples = (
        Example(
            "CHILD AND FAMILY ASSESSMENT\nChild: Ellie Ward (8)\n"
            "Household: Rachel Ward (mother), Finn Ward (4)\n\n"
            "REASON FOR REFERRAL\nMs Ward asked for help with Ellie's hitting.\n\n"
            "HOW THE ASSESSMENT WAS DONE\nFour home visits; Ellie seen alone twice.\n\n"
            "CHILD'S VIEWS\nEllie said school is 'too loud'.\n\n"
            "PARENTS' VIEWS\nMs Ward said she is exhausted.\n\n"
            "RECOMMENDATION\nChild in need plan.\n\nMANAGER'S COMMENTS\nAgreed, because the school and GP "
            "describe the same escalating pattern.",
            True,
            "an assessment with no analysis section",
        ),
        Example(
            "CHILD PROTECTION PLAN\nChild: Leo Grant (4)\n\nPLAN\n1. Health visitor to weigh Leo every two "
            "weeks from 09/09/2024.\n\nCHILD'S VIEWS\nLeo is 4; he showed me his bedroom and said 'I like my "
            "bed'.",
            True,
            "a child protection plan with no contingency section",
        ),
        Example(
            "CHILD PROTECTION PLAN\nChild: Leo Grant (4)\n\nPLAN\n1. Health visitor to weigh Leo every two "
            "weeks from 09/09/2024.\n\nCONTINGENCY\nIf Leo loses weight again the social worker will call a "
            "strategy discussion within one working day.\n\nCHILD'S VIEWS\nLeo said 'I like my bed'.",
            False,
            "every required section present",
        ),
        Example(
            "CHILD PROTECTION PLAN\nChild: Leo Grant (4)\n\nPLAN\n1. Health visitor to weigh Leo every two "
            "weeks from 09/09/2024.\n\nCONTINGENCY\nN/A\n\nCHILD'S VIEWS\nLeo said 'I like my bed'.",
            True,
            "a required section answered only 'N/A' is empty",
        ),
    )

    def check(self, form: Form, context: Context) -> Iterator[Finding]:
        from formlint.profile import load_profile

        name = form.profile or "common"
        try:
            profile = load_profile(name)
        except KeyError:
            return
        extra = dict(self.option(context, "also_required")).get(name, ())
        skip = set(self.option(context, "not_required"))
        base: tuple[str, ...] = profile.required
        title = form.metadata.title or (form.sections[0].heading if form.sections else "")
        for title_pattern, kinds in dict(self.option(context, "record_types")).items():
            if regex.search(title_pattern, title, _I):
                base = tuple(kinds)
        plan_title = dict(self.option(context, "plan_titles")).get(name)
        if plan_title and regex.search(plan_title[0], title, _I):
            extra = (*extra, *plan_title[1])
        required = [k for k in dict.fromkeys((*base, *extra)) if k not in skip]
        article = "an" if profile.name[:1].lower() in "aeiou" else "a"
        for kind in required:
            heading, content = _NAMES.get(kind, (kind.replace("_", " ").capitalize(), "what it asks for"))
            section = _empty(form, kind)
            if section is not None:
                yield self.finding(
                    f"'{section.heading or heading}' has no answer: {article} {profile.name.lower()} "
                    f"needs it. Record {content}.",
                    section=section,
                    suggestion=f"Replace the placeholder with {content}.",
                )
                continue
            if _present(form, kind) or _maybe_under(form, kind):
                continue
            yield self.finding(
                f"No '{heading}' section: {article} {profile.name.lower()} needs one. "
                f"Add it, recording {content}.",
                suggestion=f"Add a section headed '{heading.split(' / ')[0]}' recording {content}.",
            )
