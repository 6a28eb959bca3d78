"""T108 description-without-analysis: the analysis retells events and rarely says what they mean."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

import regex

from formlint.finding import Finding, Severity
from formlint.language import judgement_cues, rationale_cues, reported_spans, uncertainty_cues
from formlint.model import Form, Section, Sentence
from formlint.rule import Context, Example, Rule
from formlint_rules.cue_lexicon import pattern

_LEXICON = "description_without_analysis"
_MOVES = ("explain", "weigh", "view", "child")
_WORD = regex.compile(r"[\p{L}\p{N}]+")
_ANALYSED = regex.compile(r"analys|assessment", regex.IGNORECASE)
# "First CIN meeting: 04/11/2024.", "Authorised: A Firth 30/08/2024": a field line, not a sentence.
_FIELD = regex.compile(r"^[^:\n]{1,40}:\s*[^:\n]{1,60}$")


def is_record(text: str) -> bool:
    """True when a sentence carries a date or a count: a recorded event or figure."""
    return any(c.category in ("date", "quantity") for c in rationale_cues(text))


def is_analytical(text: str) -> bool:
    """True when a sentence explains, weighs, judges or links facts to the child, in the
    writer's own voice (a judgement inside someone else's words does not count). An
    evaluative word on a dated or counted observation ("Home conditions were poor on two
    of four visits.") records what was seen; it is not a reading of it."""
    if any(pattern(_LEXICON, move).search(text) for move in _MOVES) or uncertainty_cues(text):
        return True
    if any(c.category == "connective" for c in rationale_cues(text)):
        return True  # a claim with its reason or evidence ("..., as his key worker counts ...")
    if is_record(text):
        return False
    spans = reported_spans(text)
    return any(
        c.category != "concern" and not any(a <= c.start < b for a, b in spans) for c in judgement_cues(text)
    )


def _shingles(text: str, size: int = 4) -> set[tuple[str, ...]]:
    words = [w.casefold() for w in _WORD.findall(text)]
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def copied_share(sentences: list[Sentence], sources: list[Section]) -> float:
    """The share of ``sentences`` at least half of whose four-word runs appear in ``sources``."""
    if not sentences or not sources:
        return 0.0
    other: set[tuple[str, ...]] = set().union(*(_shingles(s.text) for s in sources))
    copied = 0
    for sentence in sentences:
        own = _shingles(sentence.text)
        copied += bool(own) and len(own & other) >= len(own) / 2
    return copied / len(sentences)


class DescriptionWithoutAnalysis(Rule):
    code = "T108"
    slug = "description-without-analysis"
    summary = "The analysis mostly retells events and facts and rarely says what they mean for the child."
    pattern = "1a"
    sources = ("S21", "S27", "S28", "Ofsted inspection reports")
    severity = Severity.WARNING
    why = (
        "An analysis that lists what happened ('On 3 May police attended ... On 5 May I visited ...') "
        "leaves the reader to do the thinking: why it happened, how the events fit together, what they "
        "mean for the child and what follows. Inspections repeatedly find assessments 'descriptive, "
        "rather than analytical', and a plan built on a retelling has no stated reason."
    )
    fix = (
        "Move the events to the history or chronology and use the analysis to say what they mean: "
        "link them to each other and to the child ('this is the third call-out in six months; each "
        "followed weekend drinking, which suggests ...'), weigh what points the other way, and say "
        "what you conclude and why."
    )
    options: ClassVar[Mapping[str, Any]] = {
        "sections": ("analysis",),
        # Risk sections only when headed as analysis: a Signs of Safety "what are we worried about"
        # or "past harm" box is a list of what happened by design.
        "analysed_risk_sections": ("risk_analysis",),
        # Fewer sentences than this is too little to judge (thin-section's business).
        "min_sentences": 4,
        # Flag when fewer than this share of sentences explain, weigh or link to the child.
        "min_analytical_share": 0.2,
        # ... or when at least this share of sentences are dated or counted events with nothing
        # drawn from them (a chronology standing in for the analysis) and fewer than
        # max_analytical_share of them analyse.
        "min_record_share": 0.5,
        "max_analytical_share": 0.4,
        # ... or when this share of the section repeats the history or chronology word for word.
        "max_copied_share": 0.5,
        "source_sections": ("history", "chronology"),
    }
    examples = (
        Example(
            "ANALYSIS\nOn 3 May police attended after a report of shouting. On 5 May I visited. Mother said "
            "the argument was about money. The children were at school. On 10 May a strategy meeting was "
            "held.",
            True,
            "a list of events",
        ),
        Example(
            "SUMMARY\nMum has attended 4 of 6 appointments. Dad has not attended. The school has raised "
            "concerns. Attendance is 82%.",
            True,
            "facts and figures with no reading of them",
        ),
        Example(
            "CHRONOLOGY\n03/05/2024 Police attended the home after neighbours reported shouting.\n"
            "05/05/2024 Home visit; Ms Hart said the argument was about money.\n"
            "10/05/2024 Strategy meeting held; section 47 enquiry agreed.\n\n"
            "ANALYSIS\nPolice attended the home after neighbours reported shouting. I made a home visit; "
            "Ms Hart said the argument was about money. Strategy meeting held; section 47 enquiry "
            "agreed. The children are worried about what happens at home, as they told me.",
            True,
            "the chronology retold",
        ),
        Example(
            "ANALYSIS\nOn 2 June the referral was received. On 4 June I visited and Mum was asleep. "
            "On 9 June the flat was cold. On 12 June Mum missed the clinic. Mum is hostile. The home is "
            "unsafe for Jo.",
            True,
            "a dated chronology with a verdict or two at the end",
        ),
        Example(
            "ANALYSIS\nThe 3 May call-out is the third in six months and each followed weekend drinking. "
            "This suggests the children are regularly exposed to frightening arguments. School notice Kai is "
            "tired and withdrawn on Mondays. Mum has kept every appointment, although Dad has not yet met "
            "me.",
            False,
            "explains, links and weighs",
        ),
        Example(
            "CHRONOLOGY\nOn 3 May police attended. On 5 May I visited. On 10 May a strategy meeting was "
            "held. The children were at school.",
            False,
            "a chronology is meant to be a list",
        ),
    )

    def check(self, form: Form, context: Context) -> Iterator[Finding]:
        minimum = int(self.option(context, "min_sentences"))
        share = float(self.option(context, "min_analytical_share"))
        copied_limit = float(self.option(context, "max_copied_share"))
        record_share = float(self.option(context, "min_record_share"))
        analytical_cap = float(self.option(context, "max_analytical_share"))
        sources = [s for s in form.sections_of(*self.option(context, "source_sections")) if not s.is_blank]
        risk = self.option(context, "analysed_risk_sections")
        chosen = [
            s for s in form.sections
            if s.kind in self.option(context, "sections") or (s.kind in risk and _ANALYSED.search(s.heading))
        ]
        for section in chosen:
            sentences = [
                s for s in section.sentences
                if _WORD.search(s.text) and not s.text.isupper() and not _FIELD.match(s.text.strip())
            ]
            if len(sentences) < minimum:
                continue
            plain = [s for s in sentences if not is_analytical(s.text)]
            analytical = len(sentences) - len(plain)
            copied = copied_share(sentences, sources)
            records = [s for s in plain if is_record(s.text)]
            chronology = (
                len(records) / len(sentences) >= record_share and analytical / len(sentences) < analytical_cap
            )
            if analytical / len(sentences) >= share and copied <= copied_limit and not chronology:
                continue
            yield self._finding(
                section, records if chronology else plain or sentences, analytical, len(sentences), copied,
                copied_limit,
            )

    def _finding(
        self,
        section: Section,
        plain: list[Sentence],
        analytical: int,
        total: int,
        copied: float,
        limit: float,
    ) -> Finding:
        example = plain[0].text if len(plain[0].text) <= 100 else plain[0].text[:97].rstrip() + "..."
        if copied > limit:
            what = (
                f"{round(copied * 100)}% of the sentences in '{section.heading}' repeat the history or "
                "chronology word for word"
            )
        else:
            what = (
                f"Only {analytical} of {total} sentences in '{section.heading}' explain, weigh or say what "
                f"the facts mean for the child; the rest retell events (e.g. '{example}')"
            )
        return self.finding(
            f"{what}. Say what the events mean for the child, how they fit together, what points the "
            "other way and what you conclude.",
            section=section,
            sentence=plain[0],
        )
