"""A406 unchallenged-consensus: a decision recorded as unanimous, and no dissent recorded or sought."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

import regex

from formlint.finding import Finding, Severity
from formlint.language import reported_spans
from formlint.language.cues import Cue, find_cues, select_longest
from formlint.model import Form, Section, Sentence
from formlint.rule import Context, Example, Rule

_CONSENSUS = "consensus"
# "All the family agreed" or "everyone in the safety network" is not a
# multi-agency decision.
_FAMILY = regex.compile(
    r"\b(?:family|families|parents?|children|siblings|relatives|mum|dad|mother|father|"
    r"grandparents?|household|safety network|family network)\b",
    regex.IGNORECASE,
)
# "All agencies agreed to share information" commits to an action; it does not record
# a decision about the child.
_ACTION = regex.compile(
    r"\s+to\s+(?:attend|share|visit|meet|provide|support|contact|update|complete|monitor|offer|"
    r"liaise|check|inform|send|invite|arrange|keep|feed\s+back|report|write|help|work|continue\s+"
    r"(?:to|their|its)|be\s+(?:invited|updated|informed|contacted))\b",
    regex.IGNORECASE,
)

# "Kai said everybody agreed ...": someone else's report of agreement.
_REPORTED_BEFORE = regex.compile(
    r"(?<!\b(?:I|we)\s)\b(?:said|says|told|tells|explained|explains|reported|reports|stated|states|claimed|"
    r"claims|feels|felt|thinks|thought|believes|believed)\b",
    regex.IGNORECASE,
)


def unanimity_cue(sentence: str) -> Cue | None:
    """The first phrase of ``sentence`` that records a unanimous professional view, if any.

    A phrase inside a quotation or someone's reported words, one about the family,
    one committing to an action, or one in a sentence that names an exception
    ("all agencies except the school nurse agreed") does not count.
    """
    cues = select_longest(find_cues(sentence, _CONSENSUS, ("unanimity", "dissent", "sought")))
    if any(c.category != "unanimity" for c in cues) or find_cues(sentence, _CONSENSUS, ("exception",)):
        return None
    spans = reported_spans(sentence)
    for cue in cues:
        if any(a <= cue.start < b for a, b in spans) or _REPORTED_BEFORE.search(sentence, 0, cue.start):
            continue
        if _FAMILY.search(cue.text) or _ACTION.match(sentence, cue.end):
            continue
        return cue
    return None


# "the adults sort out disagreements without shouting": the family's arguments, not a
# professional's differing view.
_FAMILY_CONFLICT = regex.compile(
    r"\b(?:sort(?:s|ed|ing)? out|resolv\w*|settl\w*|manag\w*|handl\w*|deal(?:s|t|ing)? with|have|has|had)"
    r"\s+(?:\w+\s+)?$",
    regex.IGNORECASE,
)


def records_dissent(sentence: str) -> bool:
    """True if ``sentence`` records a differing view, a challenge or dissent, or asks for one."""
    return any(
        c.category in ("dissent", "sought")
        and not (
            c.text.casefold().startswith("disagreement") and _FAMILY_CONFLICT.search(sentence, 0, c.start)
        )
        for c in select_longest(find_cues(sentence, _CONSENSUS, ("unanimity", "dissent", "sought")))
    )


class UnchallengedConsensus(Rule):
    code = "A406"
    slug = "unchallenged-consensus"
    summary = "A multi-agency decision recorded as unanimous, with no differing view, challenge or dissent."
    pattern = "4c"
    sources = ("S1", "S31", "S32")
    severity = Severity.WARNING
    why = (
        "Case reviews find that professional networks settle too quickly on a shared view: doubts are "
        "not voiced, the most confident agency carries the meeting and the family's disagreement goes "
        "unrecorded. A decision written as 'all agencies agreed' with no trace of a different view "
        "cannot show that the view was tested, and a later reader cannot tell whose concerns were "
        "set aside."
    )
    fix = (
        "Record how the decision was reached: whether the chair asked each agency for its view, any "
        "view that differed (an agency's, the parents' or the child's) and how it was weighed ('The "
        "health visitor thought the risk was higher because ...; conference decided ... because ...'). "
        "If every agency truly agreed, say that each was asked and on what evidence they agreed."
    )
    options: ClassVar[Mapping[str, Any]] = {
        # Plan tables list actions "agreed" with people; they are not decision records.
        "skip_sections": ("plan_actions", "contingency", "safety_plan", "signatures", "consent"),
    }
    examples = (
        Example(
            "CONFERENCE DECISION\nAll agencies agreed that Amy should be made subject to a child "
            "protection plan under the category of neglect.",
            True,
            "a unanimous decision with no other view anywhere",
        ),
        Example(
            "STRATEGY DISCUSSION\nThe police, the school and the health visitor took part. It was "
            "unanimously agreed that a section 47 enquiry should begin.\n\nANALYSIS\nMs Lee has "
            "engaged well with the enquiry.",
            True,
            "'unanimously agreed' in a meeting record",
        ),
        Example(
            "DECISION\nAll agencies agreed to step down to early help, except the school nurse, who "
            "thought a referral was needed because Zara's weight has fallen.",
            False,
            "an exception is named in the same sentence",
        ),
        Example(
            "CONFERENCE DECISION\nAll agencies agreed that Amy should be subject to a child "
            "protection plan.\n\nPARENTS' VIEWS\nMs Heath does not accept that Amy is neglected, "
            "and her view is recorded for conference.",
            False,
            "the mother's differing view is recorded elsewhere in the form",
        ),
        Example(
            "PLAN\nMs Heath agreed to the plan and agreed to attend the parenting course.",
            False,
            "a parent agreeing to a plan is not a multi-agency decision",
        ),
        Example(
            "CORE GROUP\nThe chair asked whether anyone had a different view; all agencies agreed "
            "that the plan is working.",
            False,
            "dissent was sought",
        ),
    )

    def check(self, form: Form, context: Context) -> Iterator[Finding]:
        skip = set(self.option(context, "skip_sections"))
        first: tuple[Section, Sentence] | None = None
        for section in form.sections:
            for sentence in section.sentences:
                if records_dissent(sentence.text):
                    return
                if first is None and section.kind not in skip and unanimity_cue(sentence.text):
                    first = section, sentence
        # A differing view may sit in a heading ("Different views") or a section skipped above.
        if first is None or any(records_dissent(s.heading) for s in form.sections):
            return
        section, sentence = first
        yield self.finding(
            f"'{sentence.text.strip()}' records the decision as unanimous, and nothing in the form "
            "records a differing view, a challenge or dissent, or that anyone was asked for one. "
            "Record whether each agency, the parents and the child were asked for their view, any "
            "view that differed, and how the decision weighed it.",
            section=section,
            sentence=sentence,
        )
