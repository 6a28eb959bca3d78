"""A404 non-smart-action: a plan action with no observable outcome, or a plan that misses the risks."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any, ClassVar

import regex

from formlint.finding import Finding, Severity
from formlint.language.risk import risk_topics
from formlint.model import Form, Section
from formlint.plan import PlanAction, column_kind
from formlint.rule import Context, Example, Rule
from formlint_rules.lexicon import entries
from formlint_rules.risk_sections import factor_name, recorded_factors

_GENERIC = regex.compile(
    "|".join(f"(?:{e})" for e in entries("non_smart_action")), regex.IGNORECASE | regex.MULTILINE
)
# Detail that makes a generic-sounding action checkable: a number or threshold, a stated
# purpose or measure, or a trigger ("... and tell the social worker if ...").
_SPECIFIC = regex.compile(
    r"\d|%|\bso that\b|\bin order to\b"
    r"|\bto (?:show|check|see whether|make sure|learn|understand|help (?:her|him|them) to)\b"
    r"|\bevidenced by\b|\bmeasured by\b|\bwhich will (?:show|mean)\b|\bif\b|\bwhen (?:she|he|they)\b"
    r"|\bon (?:\w+ )?(?:how|why|what)\b",
    regex.IGNORECASE,
)
# "...; outcome: she can describe ...", "How we will know: ...": an outcome written into the action line.
_INLINE_OUTCOME = regex.compile(
    r"(?:^|[;.,(]\s*|\s[-–—]\s*)(?:expected |desired )?"
    r"(?:outcome|how (?:we will|will we) know|what will be different|"
    r"success (?:looks like|will be|measure))\s*[:\-–—]\s*(?P<outcome>[^)]+)",
    regex.IGNORECASE,
)
_WORD = regex.compile(r"\p{L}[\p{L}'’-]+")
_STOP = frozenset(
    "the a an and or of to for with by at in on from her his their its our is are be been will "
    "would should shall can has have had this that these those who what when all any some she he "
    "they them it as into up mum mother dad father parent parents child children".split()
)
# An outcome that only says the action happened ("received", "completed") restates the action.
_DONE = frozenset(
    "received receives receiving completed complete completes done achieved attended attends attending "
    "provided offered given place accessed access engaged engaging engagement started starts ongoing "
    "continued continues continue successfully successful fully regularly regular in".split()
)
# Categories a plan action cannot answer on its own: history is read, not acted on.
_NOT_ACTIONABLE = frozenset({"previous_cp_plan"})
# Where the analysis names the risks the plan should answer.
_ANALYSIS_KINDS = ("risk_analysis", "danger_statement", "analysis")


@cache
def _topics() -> dict[str, regex.Pattern[str]]:
    groups: dict[str, list[str]] = {}
    current = ""
    for line in entries("non_smart_action_topics"):
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            continue
        groups.setdefault(current, []).append(line)
    return {c: regex.compile(r"\b(?:" + "|".join(p) + r")\b", regex.IGNORECASE) for c, p in groups.items()}


def _stem(word: str) -> str:
    word = word.casefold().replace("’", "'").removesuffix("'s")
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def _content(text: str) -> set[str]:
    return {_stem(w) for w in _WORD.findall(text) if w.casefold() not in _STOP}


def restates(action: str, outcome: str) -> bool:
    """True when the outcome adds nothing to the action: at least 80% of its content words are
    the action's own, or it only says the action was done ("support received")."""
    said = _content(outcome) - {_stem(w) for w in _DONE}
    if not said:
        return True
    return len(said & _content(action)) / len(said) >= 0.8


# An outcome that states a change or a sign of one: a state, a verb, a measure or a negation.
_CHANGE = regex.compile(
    r"\d|%|\b(?:is|are|was|has|have|can|will|gets?|feels?|knows?|attends?|attending|shows?|goes|stays?|"
    r"sleeps?|eats?|says?|tells?|understands?|safe|clean|managed|improv\w*|reduc\w*|increas\w*|better|"
    r"fewer|less|more|enough|every|each|on time|without|no|not|never|seen|met|stable|consistent|able|"
    r"free|back|within|below|above|rather|instead|only|always|reported|recorded|checked)\b",
    regex.IGNORECASE,
)
# "How we will know: visit records": where the evidence will be found, which is an answer.
_EVIDENCE = regex.compile(
    r"\b(?:records?|reports?|logs?|results?|notes|minutes|letters?|feedback|diary|chart)\b", regex.IGNORECASE
)


def names_area_only(outcome: str) -> bool:
    """An outcome that names an area ("Parenting", "Home conditions") rather than a change in it."""
    words = _WORD.findall(outcome)
    return 0 < len(words) <= 4 and not _CHANGE.search(outcome) and not _EVIDENCE.search(outcome)


def inline_outcome(text: str) -> str | None:
    m = _INLINE_OUTCOME.search(text)
    return m.group("outcome").strip(" .") if m else None


def generic_phrase(text: str) -> str | None:
    """The generic wording of an action with nothing that makes it checkable, else None."""
    match = _GENERIC.search(text)
    if match is None or _SPECIFIC.search(text) or inline_outcome(text):
        return None
    return match.group().strip()


def action_topics(action: PlanAction) -> set[str]:
    text = " ".join(t for t in (action.text, action.outcome or "", action.owner or "") if t)
    return _merge(risk_topics(text) | {c for c, p in _topics().items() if p.search(text)})


def _merge(found: set[str]) -> set[str]:
    if "non_mobile_injury" in found:
        found = (found - {"non_mobile_injury"}) | {"physical_abuse"}
    return found - _NOT_ACTIONABLE


def analysis_risks(form: Form) -> tuple[set[str], set[str]]:
    """Risk categories the risk and analysis sections record (not those ruled out), and every
    category they discuss in looser words; a plan touching any of the latter answers the analysis."""
    sections = form.sections_of(*_ANALYSIS_KINDS)
    recorded = {
        m.category for section in sections for sentence in section.sentences
        for m in recorded_factors(section, sentence)
    }
    discussed = {c for section in sections for c in risk_topics(section.text)}
    discussed |= {c for c, p in _topics().items() if any(p.search(s.text) for s in sections)}
    return _merge(recorded), _merge(discussed | recorded)


def _has_outcome_column(form: Form, action: PlanAction) -> bool:
    if action.location.table is None:
        return False
    kinds = {
        column_kind(b.label)
        for s in form.sections
        if s.heading == action.heading
        for b in s.blocks
        if b.location.table == action.location.table
    }
    return "outcome" in kinds and "action" in kinds


# Columns that say which need an action answers ("Need | Action | Who | When"), not what will change:
# naming an area is what they are for, so only a restatement is a fault there.
_NEED_COLUMNS = frozenset({"need", "needs", "why", "the need", "identified need", "area of need"})


def _outcome_label(form: Form, action: PlanAction) -> str | None:
    """The heading of the table column the action's outcome was read from, if any."""
    if action.location.table is None or not action.outcome:
        return None
    for section in form.sections:
        if section.heading != action.heading:
            continue
        for block in section.blocks:
            if block.location.table == action.location.table and block.text.strip() == action.outcome.strip():
                return block.label
    return None


def _names_need(form: Form, action: PlanAction) -> bool:
    label = _outcome_label(form, action)
    return label is not None and regex.sub(r"[^a-z ]", "", label.casefold()).strip() in _NEED_COLUMNS


class NonSmartAction(Rule):
    code = "A404"
    slug = "non-smart-action"
    summary = "A plan action with no observable outcome, an outcome that restates it, or generic wording."
    pattern = "4b"
    severity = Severity.INFO
    why = (
        "Seed pattern 4b (clarity of roles and responsibilities): an action such as 'engage with "
        "services' or 'parenting support' says what kind of help is meant but not what should change "
        "or how anyone will know it has, so progress cannot be judged and drift goes unnoticed. "
        "Inspectors find that 'most plans are too generic and do not relate to the identified risks "
        "for the child'. This is not a demand for a SMART template: one concrete sign of change is enough."
    )
    fix = (
        "Say what will be different and how it will be seen, tied to the worry it answers: 'Mother to "
        "attend the 10-week Freedom Programme from 4 June; outcome: she can describe the warning signs "
        "of controlling behaviour and her safety plan, checked by the social worker at week 10'."
    )
    options: ClassVar[Mapping[str, Any]] = {
        # Plans with fewer actions are not judged for missing the analysed risks.
        "min_actions_for_linkage": 2,
    }
    examples = (
        Example("PLAN\n1. Mother to engage with services.", True, "generic: no task, no sign of change"),
        Example(
            "PLAN\n1. Parenting support. Outcome: parenting support received.",
            True,
            "the outcome only says the action happened",
        ),
        Example("PLAN\n1. Continue to monitor.", True, "monitoring with nothing to look for"),
        Example(
            "RISK ANALYSIS\nFather's drinking is the main worry: he has twice driven the children while "
            "drunk.\n\nPLAN\n1. Nursery to offer Ava a funded place from 3 June.\n2. Family support worker "
            "to help mother with a bedtime routine by 30 June.",
            True,
            "the plan answers none of the risks in the analysis (reported as a warning)",
        ),
        Example(
            "PLAN\n1. Mother to attend the 10-week Freedom Programme from 4 June; outcome: she can describe "
            "the warning signs of controlling behaviour and her safety plan, checked by the social worker "
            "at week 10.",
            False,
            "an observable outcome and who will check it",
        ),
        Example(
            "PLAN\n1. Father to provide weekly saliva tests for 12 weeks from 10 May; outcome: no positive "
            "tests (a positive test triggers the contingency).",
            False,
            "a measurable outcome",
        ),
        Example(
            "PLAN\n1. Nursery to weigh Ava monthly; outcome: weight back on the 25th centile by September.",
            False,
            "a measurable outcome with a date",
        ),
    )

    def check(self, form: Form, context: Context) -> Iterator[Finding]:
        actions = form.actions
        if not actions:
            return
        sections = {(s.kind, s.heading): s for s in form.sections}
        for action in actions:
            found = self._check_action(form, action, sections.get((action.kind, action.heading)))
            if found is not None:
                yield found
        yield from self._check_linkage(form, actions, sections, context)

    def _check_action(self, form: Form, action: PlanAction, section: Section | None) -> Finding | None:
        outcome = action.outcome or inline_outcome(action.text)
        action_words = action.text if action.outcome else _INLINE_OUTCOME.split(action.text)[0]
        if outcome and restates(action_words, outcome):
            message = (
                f"The outcome of this action only restates it ('{outcome}'): '{action.text}'. Say what will "
                "be different for the child and how it will be seen."
            )
        elif outcome and names_area_only(outcome) and not _names_need(form, action):
            message = (
                f"The outcome of this action names an area, not a change ('{outcome}'): '{action.text}'. "
                "Say what will be different for the child and how it will be seen."
            )
        elif not outcome and _has_outcome_column(form, action):
            message = (
                f"This action's outcome is left blank: '{action.text}'. Say what will be different for the "
                "child and how it will be seen."
            )
        elif (phrase := generic_phrase(action.text)) is not None:
            message = (
                f"This action is generic ('{phrase}'): '{action.text}'. Say what will be done, what should "
                "change as a result and how anyone will know."
            )
        else:
            return None
        return self.finding(message, section=section, text=action.text, location=action.location)

    def _check_linkage(
        self,
        form: Form,
        actions: list[PlanAction],
        sections: dict[tuple[str | None, str], Section],
        context: Context,
    ) -> Iterator[Finding]:
        if len(actions) < int(self.option(context, "min_actions_for_linkage") or 2):
            return
        risks, discussed = analysis_risks(form)
        if not risks or any(action_topics(a) & discussed for a in actions):
            return
        names = ", ".join(sorted(factor_name(r) for r in risks))
        first = actions[0]
        yield self.finding(
            f"The analysis records {names}, but none of the plan's {len(actions)} actions addresses "
            "it. Add actions that answer the risks found, or say in the analysis why they no longer apply.",
            section=sections.get((first.kind, first.heading)),
            severity=Severity.WARNING,
        )
