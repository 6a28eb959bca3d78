"""J606 conclusion-contradicts-analysis: the recommendation or decision goes the other way from the
risk the analysis describes, with no reason bridging the two."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any, ClassVar

import regex

from formlint.finding import Finding, Severity
from formlint.language import is_negated, reported_speech_cues, risk_factors, spans_of
from formlint.language.risk import harm_cues
from formlint.model import Form, Section, Sentence
from formlint.rule import Context, Example, Rule
from formlint_rules.cue_lexicon import pattern

LEXICON = "conclusion_contradicts_analysis"
_I = regex.IGNORECASE
# A risk put in the past, reduced or made conditional is not the present risk.
_NOT_NOW = regex.compile(
    r"\b(?:no longer|reduced|has reduced|have reduced|lower|decreased|diminished|previously|in the past|"
    r"at the time|before|if|unless|would|could|might|may|was|were|had been|until)\b",
    _I,
)
# A decision that depends on something still to happen is not the decision now.
_CONDITIONAL = regex.compile(r"\b(?:if|once|unless|provided|until|subject to|when)\b", _I)


def _own(text: str, match: regex.Match[str]) -> bool:
    """The words are the writer's, asserted: not quoted, reported or negated."""
    start, end = match.span()
    spans = spans_of(text, reported_speech_cues(text))
    return not any(a <= start and end <= b for a, b in spans) and not is_negated(text, start, end)


def _first(
    sentences: Sequence[Sentence], category: str, *, present: bool = False
) -> tuple[Sentence, str] | None:
    for sentence in sentences:
        text = sentence.text
        for match in pattern(LEXICON, category).finditer(text):
            if _own(text, match) and not (present and _NOT_NOW.search(text)):
                return sentence, match.group()
    return None


def _decision(sentences: Sequence[Sentence], category: str) -> tuple[Sentence, str] | None:
    for sentence in sentences:
        text = sentence.text
        for match in pattern(LEXICON, category).finditer(text):
            if _own(text, match) and not _CONDITIONAL.search(text):
                return sentence, match.group()
    return None


def _any(sentences: Sequence[Sentence], category: str) -> bool:
    return any(pattern(LEXICON, category).search(s.text) for s in sentences)


def _escalates(sentences: Sequence[Sentence]) -> bool:
    """A step towards the risk, outside the destination of a step away ("step down to a Child in
    Need plan" names a plan but moves away from child protection)."""
    up, destination = pattern(LEXICON, "up"), pattern(LEXICON, "destination")
    return any(up.search(destination.sub(" ", s.text)) for s in sentences)


def _bridged(sentences: Sequence[Sentence]) -> bool:
    """A reason in the decision that bridges it to the analysis. A reason of time or process alone
    (how long the plan has run, how well the family attends or engages) does not bridge a stated
    risk: only one that says what has changed for the child does."""
    for sentence in sentences:
        text = sentence.text
        if not pattern(LEXICON, "bridge").search(text):
            continue
        if pattern(LEXICON, "process").search(text) and not any(
            not is_negated(text, *m.span()) for m in pattern(LEXICON, "change").finditer(text)
        ):
            continue
        return True
    return False


def _risk_named(sections: Sequence[Section]) -> bool:
    """A risk factor asserted (not ruled out), or a word for harm, anywhere in the analysis outside
    its words of reassurance ("no concerns", "low risk")."""
    for section in sections:
        for sentence in section.sentences:
            rest = pattern(LEXICON, "low").sub(" ", sentence.text)
            if any(not m.negated for m in risk_factors(rest)):
                return True
            if any(not is_negated(rest, c.start, c.end) for c in harm_cues(rest)):
                return True
    return False


class ConclusionContradictsAnalysis(Rule):
    code = "J606"
    slug = "conclusion-contradicts-analysis"
    summary = (
        "The recommendation or decision goes the other way from the analysis (significant risk, then no "
        "further action, closure or step-down; no concerns, then a child protection conference) with no "
        "reason given for the difference."
    )
    pattern = "6"
    sources = ("S1", "S4")
    severity = Severity.WARNING
    why = (
        "Reviews find decisions that do not follow from the assessment: a case closed or stepped down while "
        "the analysis still describes significant harm, often under pressure of caseloads and targets "
        "('borrowing from safety'). When the conclusion and the analysis disagree, a manager, a conference "
        "or the family cannot tell which one is the worker's real judgement."
    )
    fix = (
        "Either revise the analysis or the recommendation so they agree, or say in the recommendation what "
        "bridges them: what has changed, what makes the step safe, or why the risk is now held elsewhere "
        "('Although the risk is high, mother and Kai have moved to a refuge and the receiving authority "
        "has accepted a transfer-in conference, so ...')."
    )
    options: ClassVar[Mapping[str, Any]] = {
        "analysis_sections": ("analysis", "risk_analysis"),
        "decision_sections": ("recommendation", "decision"),
    }
    examples = (
        Example(
            "ANALYSIS\nKai is at high risk of significant harm from ongoing domestic abuse.\n\n"
            "RECOMMENDATION\nStep down to early help.",
            True,
            "high risk, then a step down with no reason",
        ),
        Example(
            "ANALYSIS\nThe home conditions are now unsafe for the baby.\n\nDECISION\nCase closed.",
            True,
            "unsafe, then closure",
        ),
        Example(
            "ANALYSIS\nThere are no concerns about the children's care.\n\nRECOMMENDATION\nInitial child "
            "protection conference.",
            True,
            "no concerns, then a conference",
        ),
        Example(
            "ANALYSIS\nKai is at high risk of significant harm from ongoing domestic abuse.\n\n"
            "RECOMMENDATION\nAlthough the risk is high, mother and Kai have moved to a refuge out of area "
            "and the receiving authority has accepted a transfer-in conference (4/6); we recommend closure "
            "after transfer.",
            False,
            "the recommendation says what bridges the two",
        ),
        Example(
            "ANALYSIS\nThe home was unsafe on 2/5; by 16/5 the landlord had repaired the wiring and the "
            "stair gate was fitted (seen).\n\nRECOMMENDATION\nClose the case.",
            False,
            "the risk is in the past",
        ),
        Example(
            "ANALYSIS\nKai is at high risk of significant harm from ongoing domestic abuse.\n\n"
            "RECOMMENDATION\nInitial child protection conference.",
            False,
            "the decision follows the analysis",
        ),
        Example(
            "ANALYSIS\nBoth children are suffering significant harm.\n\nRECOMMENDATION\nIn light of the "
            "duration of the plan, now twenty-one months, the case should step down to a Child in Need plan.",
            True,
            "a duration reason does not bridge a stated risk, and a Child in Need plan here is a step down",
        ),
    )

    def check(self, form: Form, context: Context) -> Iterator[Finding]:
        analysis = form.sections_of(*self.option(context, "analysis_sections"))
        decisions = form.sections_of(*self.option(context, "decision_sections"))
        if not analysis or not decisions:
            return
        said = [sentence for s in analysis for sentence in s.sentences]
        decided = [sentence for s in decisions for sentence in s.sentences]
        if _bridged(decided):
            return
        high = _first(said, "high", present=True)
        down = _decision(decided, "down")
        if high and down and not _escalates(decided):
            yield self._finding(form, down, high, "steps away from the risk")
            return
        low = _first(said, "low")
        up = _decision(decided, "up")
        if (
            low
            and up
            and not _any(decided, "down")
            and _first(said, "high") is None
            and not _risk_named(analysis)
            and not regex.search(r"\b(?:child in need|CIN)\b", up[1], _I)
        ):
            yield self._finding(form, up, low, "escalates although the analysis records little or no risk")

    def _finding(
        self, form: Form, decision: tuple[Sentence, str], analysis: tuple[Sentence, str], how: str
    ) -> Finding:
        (decided, what), (said, why) = decision, analysis
        section = next(s for s in form.sections if decided in s.sentences)
        return self.finding(
            f"The decision '{what}' {how}: the analysis says '{said.text.strip()}' ('{why}'). Say what "
            "bridges them (what has changed, what makes this safe), or bring the analysis and the decision "
            "into line.",
            section=section,
            sentence=decided,
        )
