"""T101 bare-assertion: a professional judgement with no reason or evidence beside it."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Mapping
from typing import Any, ClassVar

from formlint.finding import Finding, Severity
from formlint.language import judgement_cues
from formlint.model import Form
from formlint.rule import Context, Example, Rule
from formlint_rules.support import Reading, names_in, supports


def _supported_beside(read: Callable[[int], Reading], index: int, count: int, names: frozenset[str]) -> bool:
    judgement = read(index)
    return (index > 0 and supports(judgement, read(index - 1), after=False, known_names=names)) or (
        index + 1 < count and supports(judgement, read(index + 1), after=True, known_names=names)
    )


class BareAssertion(Rule):
    code = "T101"
    slug = "bare-assertion"
    summary = "A judgement about safety, risk, needs, parenting or engagement with no reason or evidence."
    pattern = "1a"
    sources = ("S1", "S20", "S28", "S37")
    severity = Severity.WARNING
    why = (
        "Case reviews find forms that invite conclusions without the reasoning behind them. A bare "
        "judgement ('parenting is good enough') cannot be checked, challenged or revised by a manager, "
        "a conference or the next worker, and it hides how much of the picture is actually known."
    )
    fix = (
        "Give the reason or evidence in the same sentence or the one beside it: what you saw, who "
        "told you and when, a fact or an example ('because on all four visits ...', 'the school "
        "reports attendance of 96% this term')."
    )
    options: ClassVar[Mapping[str, Any]] = {
        # Sections holding other people's words or bare facts, where the writer's
        # judgements are rare and quoting is the norm.
        "skip_sections": (
            "child_details",
            "family_composition",
            "professional_network",
            "consent",
            "signatures",
            "scaling",
            "agency_checks",
            "chronology",
            # A list of what is not known is doubt, not a verdict.
            "gaps",
            "parent_views",
            # Plans state goals and actions ("the home is clean and safe" is a target).
            "plan_actions",
            "contingency",
            "safety_plan",
            "safety_goal",
            # A danger statement names the worry and what must change for the
            # child; its evidence is in the harm and complicating-factor lists.
            "danger_statement",
        ),
    }
    examples = (
        Example(
            "ANALYSIS\nMs Carter's parenting is good enough. The plan is to close the case.",
            True,
            "a verdict on parenting with nothing to support it",
        ),
        Example(
            "ANALYSIS\nThere are no concerns about Leo's development.",
            True,
            "an absence verdict is still a judgement",
        ),
        Example(
            "ANALYSIS\nMum may not be able to keep the children safe.",
            True,
            "a hedge alone is not a reason",
        ),
        Example(
            "ANALYSIS\nMs Carter's parenting is good enough: on all four visits Mia was clean, fed "
            "and settled, and the health visitor reports she is gaining weight.",
            False,
            "the evidence is in the same sentence",
        ),
        Example(
            "ANALYSIS\nOn each of my four visits the flat was warm and clean and there was food in. "
            "The home conditions are suitable for a young child.",
            False,
            "the evidence is in the sentence before",
        ),
        Example(
            "PARENTS' VIEWS\nMother said she felt the house was safe.",
            False,
            "a view reported from someone else",
        ),
        Example("ANALYSIS\nIs Mia safe when Mr Lee visits?", False, "a question"),
        Example(
            "ANALYSIS\nJayden has coped well with what happened.",
            True,
            "a verdict on how a child is coping, with nothing to show it",
        ),
        Example(
            "ANALYSIS\nJade and Callum are attentive parents: they have kept every appointment and share "
            "the night feeds.",
            False,
            "the evidence follows the colon",
        ),
        Example(
            "RISK ANALYSIS\nIf an adult hit Freya again, she is at risk of more serious injury.",
            False,
            "a consequence reasoned from a condition, not a verdict on what is",
        ),
    )

    def check(self, form: Form, context: Context) -> Iterator[Finding]:
        skip = frozenset(self.option(context, "skip_sections") or ())
        people = [p.name for p in (*form.metadata.children, *form.metadata.household)]
        names = names_in("\n".join(section.text for section in form.sections), people)
        for section in form.sections:
            if section.kind in skip:
                continue
            sentences = section.sentences
            # Sentences are read in full only where a verdict is possible, and
            # then their neighbours: most sentences carry no judgement words.
            read = functools.cache(lambda i, sentences=sentences: Reading.of(sentences[i].text))
            for index, sentence in enumerate(sentences):
                if not judgement_cues(sentence.text):
                    continue
                cue = read(index).bare_verdict()
                if cue is None or _supported_beside(read, index, len(sentences), names):
                    continue
                yield self.finding(
                    f"'{cue.text}' is a judgement with no reason or evidence given in this sentence or "
                    "the ones beside it.",
                    section=section,
                    sentence=sentence,
                )
