"""J604 single-hypothesis: a concern is explained one way and no other explanation is considered."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any, ClassVar

import regex

from formlint.finding import Finding, Severity
from formlint.language import clause_bounds, reported_speech
from formlint.language.cues import Cue, find_cues, select_longest
from formlint.model import Form, Section, Sentence
from formlint.rule import Context, Example, Rule

_EXPLANATION = "explanation"
# Unlabelled sections whose heading says they weigh the evidence.
# "linked to bullying and to the arguments at home": more than one cause is weighed.
_MORE_CAUSES = regex.compile(
    r"[^;:]*?\b(?:and|or)\s+(?:also\s+)?(?:to|by|from|because\s+of|due\s+to|partly|in\s+part)\b",
    regex.IGNORECASE,
)
_JUDGEMENT_HEADING = regex.compile(
    r"analys|summary|conclusion|decision|outcome|judgement|worr|risk|recommend", regex.IGNORECASE
)


# "was not caused by", "nothing to suggest another explanation": a denial shortly before.
_DENIAL = regex.compile(r"(?:\b(?:not|never|no|nothing|none)|n't)\b(?:\W+\w+){0,3}\W*$", regex.IGNORECASE)


# "Conference made the children subject to plans under the category of neglect, because
# the home was dirty ...": the grounds for a decision, not the cause of a concern.
_DECISION = regex.compile(
    r"\b(?:subject (?:to|of) (?:an? |the )?(?:child protection|CP|child in need|CIN) plans?|"
    r"under the categor(?:y|ies)|"
    r"(?:decided|decision|agreed|recommend(?:s|ed)?|concluded|resolved) (?:that|to)\b)",
    regex.IGNORECASE,
)


def _grounds_for_decision(text: str, cue: Cue) -> bool:
    left, _ = clause_bounds(text, cue.start, cue.end)
    return bool(_DECISION.search(text, left, cue.start))


# "Ben to speak to Reece's father ... because Reece is left to care for his sister",
# "please invite him, as ...": the reason for a direction or an action.
_DIRECTIVE = regex.compile(
    r"\b(?:please|must|should|needs? to|(?-i:\p{Lu}[\p{L}'’-]+)\s+to\s+(?!be\b)\w+)\b", regex.IGNORECASE
)
# "We do not know how much he hears, because he has not been spoken to": the reason
# for a gap in knowledge, not an explanation of a concern.
_GAP = regex.compile(
    r"\b(?:do not|don't|does not|did not|cannot|can't) (?:yet )?know\b|\bnot (?:yet )?(?:known|clear)\b|"
    r"\bunclear\b|\bunknown\b",
    regex.IGNORECASE,
)


def _reason_for_action_or_gap(text: str, cue: Cue) -> bool:
    before = text[: cue.start]
    return bool(_DIRECTIVE.search(before) or _GAP.search(before))


def _denied(text: str, cue: Cue) -> bool:
    left, _ = clause_bounds(text, cue.start, cue.end)
    return bool(_DENIAL.search(text, left, cue.start))


def _concern_before(text: str, cue: Cue, cats: tuple[str, ...]) -> bool:
    """A concern ("the bruise", "Kai's behaviour") earlier in the clause that ``cue`` explains."""
    left, _ = clause_bounds(text, cue.start, cue.end)
    return any(c.end <= cue.start for c in find_cues(text[left : cue.start], _EXPLANATION, cats))


def _is_injury_account(text: str, previous: str) -> bool:
    """How a child was hurt, told as what happened: with the injury named in the same
    sentence ("he bruised his arm when he fell off the sofa"), or reported from someone's
    account ("Mum explained that he fell off the sofa") after the injury was named."""
    if find_cues(text, _EXPLANATION, ("concern",)):
        return True
    return reported_speech(text) and bool(find_cues(previous, _EXPLANATION, ("concern",)))


_SOURCE_TAIL = regex.compile(
    r",?\s*(?:according to|as (?:he|she|they|\w+) (?:told|said|says|described)|as reported by)\b",
    regex.IGNORECASE,
)


def explanation_cue(text: str, previous: str = "") -> Cue | None:
    """The words of ``text`` that adopt one explanation of a concern, if any.

    A causal claim about a concern ("the bruise was caused by a fall"), an injury
    accepted as accidental, or an account of how a child was hurt ("mum explained
    that he fell off the sofa", with the injury named here or in ``previous``).
    Tentative sentences (a hedge, a doubt, an alternative) and explanations
    resting on a medical or court opinion do not adopt one explanation.
    """
    if find_cues(text, _EXPLANATION, ("tentative", "medical", "alternative")):
        return None
    cues = select_longest(find_cues(text, _EXPLANATION, ("causal", "causal_weak", "accident", "account")))
    for cue in cues:
        if _denied(text, cue) or _grounds_for_decision(text, cue) or _reason_for_action_or_gap(text, cue):
            continue
        if cue.category == "causal" and not _concern_before(text, cue, ("concern", "concern_general")):
            continue
        if cue.category == "causal_weak" and not _concern_before(text, cue, ("concern",)):
            continue
        if cue.category == "account" and not _is_injury_account(text, previous):
            continue
        clause_end = clause_bounds(text, cue.start, cue.end)[1]
        # "..., according to his mother and to his own account": the sources, not a second cause.
        source = _SOURCE_TAIL.search(text, cue.end, clause_end)
        clause_end = source.start() if source else clause_end
        if cue.category.startswith("causal") and _MORE_CAUSES.match(text, cue.end, clause_end):
            continue
        return cue
    return None


_LATER_DOCTOR = regex.compile(
    r"\b(?:route|referral|refer(?:red)?|appointment|access|go back|return) (?:to|with) (?:a |the |an )?$",
    regex.IGNORECASE,
)
_CONDITION_AFTER = regex.compile(r"\s*(?:,\s*)?(?:if|should|when|in case)\b", regex.IGNORECASE)


def alternative_cue(text: str) -> Cue | None:
    """A sign in ``text`` that another explanation, or a medical opinion, was weighed."""
    for cue in select_longest(find_cues(text, _EXPLANATION, ("alternative", "medical"))):
        if _denied(text, cue):
            continue
        # A doctor's word counts when it is about a concern ("Dr Shah found the bruise ...").
        if cue.category == "medical" and not find_cues(text, _EXPLANATION, ("concern", "concern_general")):
            continue
        # "a same-day route to a paediatrician if her weight falls": a doctor to be seen later
        # has weighed nothing yet.
        if cue.category == "medical" and (
            _LATER_DOCTOR.search(text, 0, cue.start) or _CONDITION_AFTER.match(text, cue.end)
        ):
            continue
        return cue
    return None


class SingleHypothesis(Rule):
    code = "J604"
    slug = "single-hypothesis"
    summary = "A concern or injury is given one explanation and no other explanation is considered."
    pattern = "6"
    sources = ("S4", "S9", "S21")
    severity = Severity.WARNING
    why = (
        "Case reviews repeatedly find tunnel vision: the first explanation offered, often the "
        "parents' account of an injury, is accepted and later information is read to fit it. "
        "When the analysis records one explanation only, nobody can see whether another was "
        "considered and ruled out, or simply never thought of."
    )
    fix = (
        "Set out the other explanations you considered and what points to or away from each ('The "
        "bruise may have been caused by a fall, as Ms Lee says, or by rough handling; the "
        "paediatrician found ...'), and say what you still need to know to tell them apart."
    )
    options: ClassVar[Mapping[str, Any]] = {
        # Where the writer weighs the evidence; unlabelled sections count when their heading
        # says so ("Summary", "What are we worried about?").  The whole form (bar the
        # chronology) is read when it has none.
        "sections": (
            "analysis",
            "risk_analysis",
            "recommendation",
            "decision",
            "danger_statement",
            "manager_oversight",
        ),
        "never": ("chronology", "plan_actions", "contingency", "safety_plan"),
    }
    examples = (
        Example(
            "ANALYSIS\nThe bruise on Jack's cheek was caused by him falling off the sofa. Ms Lee "
            "acted appropriately and took him to the GP.",
            True,
            "one cause stated as fact",
        ),
        Example(
            "REFERRAL\nNursery saw a bruise on Leo's arm.\n\nANALYSIS\nLeo had a bruise on his arm. "
            "Mum explained that he fell off the sofa, and the injury was accepted as accidental.",
            True,
            "the parent's account adopted as the only explanation",
        ),
        Example(
            "ANALYSIS\nKai's behaviour may relate to his ADHD; it is also possible that what happens "
            "at home contributes, as his outbursts cluster after weekends.",
            False,
            "a second explanation is weighed",
        ),
        Example(
            "ANALYSIS\nMum said the bruise was caused by a fall. The paediatrician's view is that "
            "the bruising is inconsistent with a fall from that height.",
            False,
            "a medical opinion tests the parent's account",
        ),
        Example(
            "ANALYSIS\nThe bruise was not caused by the nursery; it happened at home, and we cannot "
            "rule out that it was inflicted.",
            False,
            "negated cause and an alternative left open",
        ),
    )

    def _judgement_sections(self, form: Form, context: Context) -> list[Section]:
        kinds = set(self.option(context, "sections"))
        never = set(self.option(context, "never"))
        chosen = [
            s
            for s in form.sections
            if not s.is_blank
            and (s.kind in kinds or (s.kind is None and _JUDGEMENT_HEADING.search(s.heading or "")))
        ]
        return chosen or [s for s in form.sections if not s.is_blank and s.kind not in never]

    def check(self, form: Form, context: Context) -> Iterator[Finding]:
        sections = self._judgement_sections(form, context)
        if any(alternative_cue(sentence.text) for section in sections for sentence in section.sentences):
            return
        found = _first_explanation(sections)
        if found is None:
            return
        section, sentence = found
        yield self.finding(
            f"'{sentence.text.strip()}' gives one explanation, and no other explanation is "
            "considered in the analysis. Say what else could explain it, what points to or away "
            "from each explanation (a medical opinion, the child's account, the timing), and what "
            "you still need to know.",
            section=section,
            sentence=sentence,
        )


def _first_explanation(sections: Sequence[Section]) -> tuple[Section, Sentence] | None:
    for section in sections:
        previous = ""
        for sentence in section.sentences:
            if explanation_cue(sentence.text, previous):
                return section, sentence
            previous = sentence.text
    return None
