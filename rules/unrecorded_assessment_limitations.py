"""T104 unrecorded-assessment-limitations: nothing on how the assessment was done or what limited it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

import regex

from formlint.finding import Finding, Severity
from formlint.language import rationale_cues
from formlint.language.negation import clause_bounds
from formlint.model import Form, Section
from formlint.people import Member
from formlint.rule import Context, Example, Rule
from formlint_rules.cue_lexicon import pattern
from formlint_rules.risk_sections import content
from formlint_rules.thin_section import is_plan_record

_LEXICON = "unrecorded_assessment_limitations"
_VISIT = regex.compile(r"\bvisit(?:s|ed|ing)?\b", regex.IGNORECASE)
# "from various sources: the school, the GP and ..." names them after all.
_LIST_FOLLOWS = regex.compile(
    r"\s*(?::|\(|,?\s*(?:including|such as|namely|e\.g\.|i\.e\.|for example))", regex.IGNORECASE
)
# Outside the basis section a methodology sentence is the writer's own ("I visited", "we could not").
_WRITER = regex.compile(
    r"\b(?:I|we|me|my|our|the assessment|this assessment)\b|\bseen alone\b|\binterpret", regex.IGNORECASE
)
_SEEN_ALONE = regex.compile(
    r"\b(?:seen|saw|see|spoke|spoken|speak|talked|talk|met|meet|visited|interviewed|time)\b[^.\n]{0,60}?"
    r"\b(?:alone|on (?:his|her|their) own|privately|separately|without (?:\w+ )?(?:parents?|carers?|mum|"
    r"mother|dad|father|adults?) (?:present|there|in the room))\b|\balone\b[^.\n]{0,30}\b(?:seen|spoken to)\b"
    r"|\btoo young to\b",
    regex.IGNORECASE,
)
_REVIEW = regex.compile(r"\breview\b", regex.IGNORECASE)
_AGE = regex.compile(r"(\d{1,2})\s*(years?|yrs?|y\b|months?|weeks?|days?)?", regex.IGNORECASE)


def _writer_pattern(form: Form) -> regex.Pattern[str] | None:
    """The worker who wrote the form, by name: "when Daniel visited on 09/05" is the writer's visit."""
    words = [w for w in regex.findall(r"\p{Lu}[\p{L}'’-]+", form.metadata.worker or "") if len(w) > 2]
    if not words:
        return None
    return regex.compile(r"\b(?:" + "|".join(regex.escape(w) for w in words) + r")\b")


def is_method(text: str, *, basis: bool, writer: regex.Pattern[str] | None = None) -> bool:
    """True when ``text`` says how the assessment was done or what limited it."""
    vague = pattern(_LEXICON, "vague")
    for match in vague.finditer(text):
        if not _LIST_FOLLOWS.match(text, match.end()):
            left, right = clause_bounds(text, match.start(), match.end())
            text = text[:left] + " " + text[right:]
    if pattern(_LEXICON, "activity").search(text):
        return True
    found = pattern(_LEXICON, "method").search(text) or pattern(_LEXICON, "limitation").search(text)
    if found is None and _VISIT.search(text):
        found = next((c for c in rationale_cues(text) if c.category in ("date", "quantity")), None)
    return found is not None and (
        basis or bool(_WRITER.search(text)) or (writer is not None and bool(writer.search(text)))
    )


def _age_in_years(member: Member, as_of: dt.date) -> int | None:
    if member.age and (m := _AGE.match(member.age.strip())):
        unit = (m.group(2) or "y").casefold()
        return int(m.group(1)) if unit.startswith("y") else 0
    if member.date_of_birth:
        born = member.date_of_birth
        return as_of.year - born.year - ((as_of.month, as_of.day) < (born.month, born.day))
    return None


class UnrecordedAssessmentLimitations(Rule):
    code = "T104"
    slug = "unrecorded-assessment-limitations"
    summary = "Nothing on how the assessment was done (visits, who was seen, seen alone) or what limited it."
    pattern = "1a"
    sources = ("S1", "S9", "S28")
    severity = Severity.WARNING
    why = (
        "A reader can only weigh an assessment if they know what it rests on: how often and where the "
        "family was seen, who was spoken to, whether the child was seen alone, who could not be seen and "
        "what was still missing. Forms that ask for none of this hide thin assessments, and case reviews "
        "find conclusions drawn from one visit, or without ever seeing the child alone."
    )
    fix = (
        "Say how the assessment was done and what limited it: visits and their dates, who you saw and "
        "spoke to (and whether the child was seen alone), who you could not see and why, interpreters, "
        "and checks or reports still outstanding."
    )
    options: ClassVar[Mapping[str, Any]] = {
        "basis_sections": ("basis_of_assessment",),
        # Assessments that must say how they were done; other profiles only when they have a basis section.
        "warning_profiles": ("cfa", "cp_conference"),
        "info_profiles": ("eha", "sos"),
        # A subject child at least this old should be recorded as seen alone (or why not); None: off.
        # Off by default (the catalogue's detection note, not part of the rule's definition).
        "seen_alone_min_age": None,
    }
    examples = (
        Example("BASIS OF ASSESSMENT\nAssessment completed.", True, "says nothing about how"),
        Example(
            "SOURCES OF INFORMATION\nInformation gathered from various sources.",
            True,
            "names no source",
        ),
        Example("BASIS OF ASSESSMENT\nSources: see chronology.", True, "a pointer, not a method"),
        Example(
            "CHILD AND FAMILY ASSESSMENT\nChild: Amir Khan (8)\n\nBASIS OF ASSESSMENT\nI visited three "
            "times (2, 9 and 16 May), saw Amir alone at school on 9 May, and spoke with mother, the health "
            "visitor and the GP surgery; father declined to meet, and police checks are still outstanding.",
            False,
            "visits, who was seen and what is missing",
        ),
        Example(
            "BASIS OF ASSESSMENT\nA Tigrinya interpreter was used for all conversations with Mr and Mrs "
            "Tesfay.",
            False,
            "an interpreter is how it was done",
        ),
        Example(
            "BASIS OF ASSESSMENT\nWithin the 10-day timescale I have not been able to speak to the paternal "
            "grandmother, who cares for the children every weekend; this is a gap in the assessment.",
            False,
            "a limitation recorded",
        ),
    )

    def check(self, form: Form, context: Context) -> Iterator[Finding]:
        basis_kinds = tuple(self.option(context, "basis_sections"))
        basis = [s for s in form.sections_of(*basis_kinds) if content(s)]
        title = form.metadata.title or (form.sections[0].heading if form.sections else "")
        review = bool(_REVIEW.search(title))
        if not basis and not review and is_plan_record(form):
            return  # an initial plan is not an assessment; its review says what it rests on
        if form.profile in self.option(context, "warning_profiles") and not review:
            severity = Severity.WARNING
        elif form.profile in self.option(context, "warning_profiles") or form.profile in self.option(
            context, "info_profiles"
        ):
            severity = Severity.INFO
        elif basis:
            severity = Severity.WARNING
        else:
            return
        if basis:
            # The box the form gives for it answers the question; a dated visit cited as evidence in
            # the analysis does not make "Information gathered from various sources." an answer.
            # A tick-box field answers with its label ("Child seen alone: ☒"), a date field with a date.
            method = any(is_method(s.text, basis=True) for sec in basis for s in sec.sentences) or any(
                is_method(f"{sec.heading}: {content(sec)}", basis=True)
                or any(c.category == "date" for c in rationale_cues(content(sec)))
                for sec in basis
            )
        else:
            writer = _writer_pattern(form)
            method = any(
                is_method(s.text, basis=False, writer=writer)
                for sec in form.sections
                if sec.kind not in ("chronology", "history", "agency_checks")
                for s in sec.sentences
            )
        if not method:
            yield self._nothing_recorded(form, basis, severity)
            return
        minimum = self.option(context, "seen_alone_min_age")
        if minimum is None or severity is not Severity.WARNING or form.profile not in self.option(
            context, "warning_profiles"
        ):
            return
        yield from self._seen_alone(form, context, int(minimum))

    def _nothing_recorded(self, form: Form, basis: list[Section], severity: Severity) -> Finding:
        if basis:
            text = " ".join(content(s) for s in basis)
            quoted = text if len(text) <= 120 else text[:117].rstrip() + "..."
            return self.finding(
                f"'{basis[0].heading}' ('{quoted}') does not say how the assessment was done or what "
                "limited it. Give the visits and their dates, who you saw and spoke to, whether the child "
                "was seen alone, who you could not see and what is still outstanding.",
                section=basis[0],
                severity=severity,
            )
        fallback = form.sections[0] if form.sections else None
        first = next((s for s in form.sections if not s.is_blank), fallback)
        return self.finding(
            "Nothing in the form says how the assessment was done or what limited it. Add a basis of "
            "assessment: visits and their dates, who you saw and spoke to, whether the child was seen "
            "alone, who you could not see and what is still outstanding.",
            section=first,
            severity=severity,
        )

    def _seen_alone(self, form: Form, context: Context, minimum: int) -> Iterator[Finding]:
        children = [
            m for m in form.people.subjects
            if m.name and (age := _age_in_years(m, context.as_of)) is not None and age >= minimum
        ]
        if not children or any(_SEEN_ALONE.search(s.text) for s in form.sections):
            return
        names = " and ".join(m.first_names[0] if m.first_names else str(m.name) for m in children)
        where = form.sections_of(*self.option(context, "basis_sections")) or form.sections_of("child_views")
        yield self.finding(
            f"The form does not record whether {names} {'was' if len(children) == 1 else 'were'} seen alone. "
            "Say when and where each child was seen on their own, or why they were not.",
            section=where[0] if where else None,
        )
