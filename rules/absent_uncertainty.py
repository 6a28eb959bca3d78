"""T103 absent-uncertainty: the judgement sections record no doubt, gap or alternative."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any, ClassVar

import regex

from formlint.finding import Finding, Severity
from formlint.language import Cue, uncertainty_cues
from formlint.model import Form, Section
from formlint.rule import Context, Example, Rule
from formlint_rules.lexicon import whole_match

# "No gaps" / "None identified" in a gaps section records certainty, not a gap.
_NOTHING = ("none", "no gaps", "nil", "none identified", "no gaps identified", "n/a", "not applicable")


def _has_content(section: Section) -> bool:
    text = section.text.strip().rstrip(".").strip().casefold()
    return bool(text) and text not in _NOTHING and not whole_match("placeholder").match(text)


def _announces_doubt(section: Section) -> bool:
    """An unknown heading can still announce doubt ("Things we are not sure of")."""
    return section.kind is None and bool(uncertainty_cues(section.heading))


# A hedge inside a condition ("will tell us if Mason seems frightened") is the
# trigger for an action, not a doubt about the case.
_CONDITION = regex.compile(r"\b(?:if|when|whenever|should|in case)\b[^,;:.]*$", regex.IGNORECASE)


def _doubts(text: str) -> list[Cue]:
    return [
        c
        for c in uncertainty_cues(text)
        if not (c.category == "hedge" and _CONDITION.search(text[: c.start]))
    ]


_SUMMARY_HEADING = regex.compile(r"\b(?:summary|conclusions?|overall view)\b", regex.IGNORECASE)


def first_uncertainty(sections: Sequence[Section]) -> tuple[Section, Cue] | None:
    """The first uncertainty cue recorded in ``sections``, with its section."""
    for section in sections:
        for sentence in section.sentences:
            cues = _doubts(sentence.text)
            if cues:
                return section, cues[0]
    return None


class AbsentUncertainty(Rule):
    code = "T103"
    slug = "absent-uncertainty"
    summary = "The analysis and conclusions record no doubt, gap in knowledge, question or alternative view."
    pattern = "1a"
    sources = ("S1", "S28", "S35", "S36")
    severity = Severity.WARNING
    why = (
        "Case reviews find that forms leave no room for a healthy unease: conclusions are written as "
        "certainties, so what is not known (an unseen father, an unverified account, an awaited "
        "assessment) drops out of sight and the judgement is not revisited when new information "
        "arrives."
    )
    fix = (
        "Say in the analysis what you do not yet know and how that affects your judgement: gaps in "
        "information, accounts you could not verify, questions still open, and any other "
        "explanation you considered ('We do not yet know whether ...; until the paediatric report "
        "is received ...')."
    )
    options: ClassVar[Mapping[str, Any]] = {
        # Where the writer weighs the evidence; the whole form is read if it has none.
        "sections": ("analysis", "risk_analysis", "recommendation", "decision", "danger_statement"),
        # A section whose content is uncertainty by definition.
        "gap_sections": ("gaps",),
    }
    examples = (
        Example(
            "BACKGROUND\nIt is unclear when Mr Lee moved out.\n\nANALYSIS\nMs Carter's parenting is good "
            "enough, as I saw on four visits. The children are safe in her care.",
            True,
            "doubt only in the background does not count",
        ),
        Example(
            "ANALYSIS\nThere is no doubt that Amy is safe with her grandmother, who has cared for her "
            "since birth.",
            True,
            "negated doubt is certainty",
        ),
        Example(
            "ANALYSIS\nMs Carter's parenting is good enough. We do not yet know whether Mr Lee still "
            "visits; until police checks are back this remains a gap.",
            False,
            "a gap in information is recorded in the analysis",
        ),
        Example(
            "ANALYSIS\nLeo's bruise may have been caused by a fall, as his mother says, or by rough "
            "handling; the paediatric opinion is awaited.",
            False,
            "an alternative explanation and an awaited report",
        ),
        Example(
            "ANALYSIS\nThe children are safe in Ms Carter's care, as seen on four visits.\n\n"
            "WHAT WE DON'T KNOW\nWhether Mr Lee has moved back in.",
            False,
            "a gaps section with real content",
        ),
    )

    def check(self, form: Form, context: Context) -> Iterator[Finding]:
        gap_kinds = self.option(context, "gap_sections")
        gaps = [s for s in form.sections if s.kind in gap_kinds or _announces_doubt(s)]
        if any(_has_content(s) for s in gaps):
            return
        kinds = set(self.option(context, "sections"))
        # "Core group review: summary of progress": a section headed as a summary or
        # conclusion is where the writer weighs things, whatever else it is.
        judgement = [
            s for s in form.sections
            if (s.kind in kinds or _SUMMARY_HEADING.search(s.heading)) and not s.is_blank
        ]
        read = judgement or [s for s in form.sections if not s.is_blank]
        if not read or first_uncertainty(read) is not None:
            return
        where = (
            "the " + ", ".join(dict.fromkeys(f"'{s.heading}'" for s in read)) + " section(s)"
            if judgement
            else "the form (it has no analysis, risk or conclusion section)"
        )
        yield self.finding(
            f"No uncertainty is recorded in {where}: no gap in information, unanswered question, "
            "unverified account or alternative explanation.",
            section=read[0],
        )
