"""S801 missing-required-section: a section the form's profile requires is not there at all.

Only *absence* is this rule's business. A required section that is present but empty,
"N/A", "see above" or an unfilled control is reported by ``placeholder-text`` (T106),
which raises it to an error for required sections; reporting it here as well would
say the same thing twice. A short section is ``thin-section``'s.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

import regex

from formlint.finding import Finding, Severity
from formlint.model import Form
from formlint.rule import Context, Example, Rule
from formlint_rules.missing_metadata import label_fact, labelled_values, read_facts

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


def _present(form: Form, kind: str) -> bool:
    kinds = {s.kind for s in form.sections}
    if kind in kinds or any(k in kinds for k in _SATISFIED_BY.get(kind, ())):
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
_REVIEW = regex.compile(r"\breview\b", _I)
# A review record: the reason for the first referral, the consent and the basis of the first
# assessment were recorded when the work began; the review adds the progress since then.
_NOT_AT_REVIEW = ("referral", "consent", "basis_of_assessment")
_AT_REVIEW = ("review_progress",)


def _is_review(form: Form) -> bool:
    return bool(_REVIEW.search(form.metadata.title or "")) or bool(form.sections_of("review_progress"))


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
    return next((h for h in (*headings, *labels) if pattern.search(h)), None)


class MissingRequiredSection(Rule):
    code = "S801"
    slug = "missing-required-section"
    summary = (
        "A section the form's type requires (for example the analysis of an assessment) is not there at all."
    )
    pattern = "1a"
    sources = ("S24", "S25", "form-sections.md §3–§6")
    severity = Severity.ERROR
    why = (
        "A section left out of a form leaves out the thinking it asks for: an assessment with no analysis "
        "records information but no judgement, a child protection plan with no contingency says nothing "
        "about what happens if it fails, and a conference report with no child's views leaves the child "
        "unheard. A section that is present but empty or 'N/A' is reported by placeholder-text instead."
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
            r"\b(?:section 47|s47|strategy (?:discussion|meeting))\b": (
                "referral",
                "child_views",
                "parent_views",
                "analysis",
                "recommendation",
            ),
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
            False,
            "a required section present but 'N/A' is placeholder-text's finding, not this rule's",
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
        if _is_review(form):
            skip |= set(_NOT_AT_REVIEW)
            extra = (*extra, *_AT_REVIEW)
        required = [k for k in dict.fromkeys((*base, *extra)) if k not in skip]
        article = "an" if profile.name[:1].lower() in "aeiou" else "a"
        for kind in required:
            if _present(form, kind) or _maybe_under(form, kind):
                continue
            heading, content = _NAMES.get(kind, (kind.replace("_", " ").capitalize(), "what it asks for"))
            yield self.finding(
                f"No '{heading}' section: {article} {profile.name.lower()} needs one. "
                f"Add it, recording {content}.",
                suggestion=f"Add a section headed '{heading.split(' / ')[0]}' recording {content}.",
            )
