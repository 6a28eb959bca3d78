"""J602 drift-across-reviews: the same worries and the same plan, review after review.

Three cases. (a) Across three or more versions (the form and ``--previous``), the same
concerns persist with the same plan actions, or the same scaling scores, and the latest
version records no change of approach (escalation, legal planning, a new or revised plan,
step up or down). (b) The writer resets the history: "fresh start", "clean slate",
"draw a line under" — not when it is quoted, reported, wished for or negated. (c) A plan
has run beyond the policy duration (child protection 15 months, child in need 12, both
configurable) and the form records "plan continues" with no reason beside it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from itertools import combinations, pairwise
from typing import Any, ClassVar

import regex

from formlint.dates import find_dates
from formlint.finding import Finding
from formlint.language import is_negated, reported_spans
from formlint.language.risk import risk_topics
from formlint.model import Form, Section, Sentence
from formlint.rule import Context, Example, Rule
from formlint.versions import carried_actions, words
from formlint_rules.plan_versions import compare, plan_sections

_I = regex.IGNORECASE

_RESET = regex.compile(
    r"\b(?:(?:a|the)\s+fresh\s+start|(?:a\s+)?(?:clean|blank)\s+slate|wipe\s+the\s+slate|start(?:ing)?\s+afresh"
    r"|draw(?:ing|n)?\s+a\s+line\s+under|(?:a|the)\s+new\s+chapter)\b",
    _I,
)
# The family's own hope ("Ms Bell would like a fresh start") or a new school is not a reset of the case.
_WISH = regex.compile(
    r"\b(?:wants?|wanted|would\s+like|likes?\s+the\s+idea|hopes?|hoped|wish(?:es|ed)?|asked\s+for|"
    r"looking\s+(?:for|forward\s+to)|keen\s+(?:on|for)|deserves?)\b[^.;]{0,40}$",
    _I,
)
_PLACE = regex.compile(r"^[^.;]{0,30}\b(?:school|nursery|college|placement|class|job)\b", _I)

# A change of approach recorded in the latest version.
_CHANGE = regex.compile(
    r"\b(?:legal\s+(?:planning|gateway|meeting|advice)|public\s+law\s+outline|PLO|pre-?proceedings|"
    r"care\s+proceedings|letter\s+before\s+proceedings|escalat\w*|step(?:ped|ping)?\s+(?:up|down)|"
    r"initial\s+child\s+protection\s+conference|child\s+protection\s+(?:conference|enquiry|plan\s+is\s+needed)|"
    r"section\s+47|strategy\s+(?:discussion|meeting)|second\s+opinion|"
    r"(?:change|changes)\s+(?:of|to|in)\s+(?:the\s+)?(?:plan|approach)|(?:new|different)\s+approach|"
    r"(?:plan|approach)\s+(?:has\s+been|was|is\s+being|will\s+be)\s+(?:changed|revised|amended|rewritten)|"
    r"revised\s+plan|case\s+(?:is\s+to\s+be\s+|will\s+be\s+)?clos\w+|closure|no\s+longer\s+needed)\b",
    _I,
)
_CONDITIONAL = regex.compile(r"\b(?:if|unless|whether|should\s+(?:this|things|there)|in\s+case)\b", _I)
_SCORE = regex.compile(
    r"\b(?:scal\w*|scor\w*|rat(?:ed|ing)|safety\s+(?:scale|score))\b[^.\n]{0,40}?"
    r"\b(?P<score>10|[0-9](?:\.5)?)\s*(?:/|out\s+of)\s*10\b",
    _I,
)
_WHERE = ("decision", "recommendation", "review_progress", "summary", "analysis")

# (c) "Plan continues": the plan rolled forward as it is.
_CONTINUES = regex.compile(
    r"\b(?:(?:the|this|current|child\s+protection|CP|child\s+in\s+need|CIN)\s+)*plans?\s+"
    r"(?:(?:is|are|will|should|to)\s+)?(?:continue|continues|continuing|remain(?:s)?\s+(?:in\s+place|the\s+same|unchanged))\b"
    r"|\b(?:remain|remains|continue|continues)\s+(?:to\s+be\s+)?(?:on|subject\s+to|under)\s+(?:a\s+|the\s+|their\s+|his\s+|her\s+)?"
    r"(?:child\s+protection|CP|child\s+in\s+need|CIN)\s+plans?\b",
    _I,
)
# A reason given for continuing: the catalogue's near miss "The plan continues because ...".
_REASON = regex.compile(
    r"\b(?:because|as\s+(?:the|we|he|she|they|there|this|it|\p{Lu}\w+)|so\s+that|in\s+order\s+to|given|"
    r"due\s+to|since\s+(?!\d)|to\s+allow|to\s+give|until|while|whilst|the\s+reason|rationale|we\s+want|"
    r"needs?\s+(?:more|another|a\s+further|one\s+(?:more|full))|in\s+light\s+of)\b",
    _I,
)
# When the plan began: a details line ("Child protection plans since: 10/03/2023") or the
# initial conference that made it.
_PLAN_START = regex.compile(
    r"(?:(?:child\s+protection|CP|child\s+in\s+need|CIN)\s+plans?\s*(?:since|started|start(?:\s+date)?|began|"
    r"from|date)|(?:subject\s+to|on)\s+(?:a\s+)?(?:child\s+protection|CP|child\s+in\s+need|CIN)\s+plans?\s+since|"
    r"initial\s+child\s+protection\s+conference|ICPC)\b[^\n\d]{0,12}",
    _I,
)
# How long the plan has run, stated in words: "in place for twenty-one months", "in its 20th month".
_STATED = regex.compile(
    r"\b(?:in\s+place|open|running|subject\s+to\s+(?:a\s+|the\s+)?plans?|on\s+(?:a\s+|the\s+)?plans?)"
    r"\s+for\s+(?:(?:over|more\s+than|almost|nearly|about)\s+)?(?P<n>[\w-]+)\s+(?P<unit>months?|years?)\b"
    r"|\b(?:in\s+)?(?:its|their|the)\s+(?P<nth>\d+)(?:st|nd|rd|th)\s+month\b"
    r"|\bmonth\s+(?P<num>\d+)\s+of\s+(?:the|a|their|his|her)\s+plans?\b",
    _I,
)
_UNITS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen".split()
    )
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}


def _number(word: str) -> int | None:
    """``21``, ``twenty-one`` or ``eighteen`` as a number; ``None`` for anything else."""
    word = word.casefold()
    if word.isdigit():
        return int(word)
    if word in _UNITS:
        return _UNITS[word]
    tens, _, unit = word.partition("-")
    if tens in _TENS and (not unit or unit in _UNITS):
        return _TENS[tens] + (_UNITS[unit] if unit else 0)
    return None


def _months_between(start: dt.date, end: dt.date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month - (end.day < start.day)


# The documented examples' first two versions.
_ACTIONS = "1. Ms Reid to engage with the family support worker weekly.\n2. School to monitor attendance."
_EARLIER = (
    "CHILD IN NEED PLAN\nPlan date: 20/11/2023\n\nPROGRESS\nHome conditions are poor and school "
    "attendance is 74%. Scaling: 4/10.\n\nDECISION\nCIN plan.\n\nPLAN\n" + _ACTIONS,
    "CHILD IN NEED REVIEW\nDate of review: 20/02/2024\n\nPROGRESS\nHome conditions are still poor "
    "and school attendance is 76%. Scaling: 4/10.\n\nDECISION\nPlan continues.\n\nPLAN\n" + _ACTIONS,
)


def _quote(text: str, limit: int = 140) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def concerns(form: Form) -> set[str]:
    """Risk categories the form discusses (asserted, ruled out or as topic words)."""
    return risk_topics("\n".join(s.text for s in form.sections if not s.is_blank))


def scores(form: Form) -> list[float]:
    """Scaling scores out of 10 the form records ("scaled at 4/10", "score 4 out of 10")."""
    return [float(m.group("score")) for s in form.sections for m in _SCORE.finditer(s.text)]


def _change_of_approach(form: Form) -> Sentence | None:
    """A change of approach the form records as made, not one the contingency plan holds in reserve
    ("if ... the social worker will ask whether a child protection enquiry is needed")."""
    for section in form.sections:
        if section.kind in ("contingency", "history", "chronology"):
            continue
        for sentence in section.sentences:
            for m in _CHANGE.finditer(sentence.text):
                before = sentence.text[: m.start()]
                if is_negated(sentence.text, m.start(), m.end()) or _CONDITIONAL.search(before):
                    continue
                return sentence
    return None


class DriftAcrossReviews(Rule):
    code = "J602"
    slug = "drift-across-reviews"
    summary = (
        "The same concerns with the same actions (or the same scaling scores) across three or more "
        "versions and no change of approach; or the history reset as a 'fresh start'."
    )
    pattern = "6b"
    sources = ("S3", "S10", "S15", "S16")
    why = (
        "Drift is rarely visible in one form: each review reads reasonably, but set side by side they "
        "show the same worries, the same actions and the same scores while nothing changes for the "
        "child (seed pattern 6b, drift into failure). Reviews find plans rolled forward with 'plan "
        "continues' and optimistic wording for months. Calling a new worker or a new period a 'fresh "
        "start' or a 'clean slate' resets the history — the start-again syndrome — so a pattern of "
        "harm is lost."
    )
    fix = (
        "Set the versions side by side and say plainly whether anything has changed for the child. If "
        "not, record a decision to change approach — a different intervention, escalation, a step up "
        "to a child protection conference or legal planning — or the specific reason why continuing "
        "the same plan is still right. Never reset the history: carry the chronology forward."
    )
    options: ClassVar[Mapping[str, Any]] = {
        # Plan durations beyond which "plan continues" needs a reason (local policy, in months).
        "max_months_cp": 15,
        "max_months_cin": 12,
        "min_versions": 3,
        "concern_jaccard": 0.8,
        "action_similarity": 0.6,
        # Share of the latest plan's actions found in every version of the window.
        "carried_share": 0.6,
        "plan_similarity": 0.8,
        # Scores that vary by no more than this across the window are "the same".
        "score_spread": 1.0,
        "plan_kinds": ("plan_actions", "contingency", "safety_plan"),
    }
    examples = (
        Example(
            "CHILD IN NEED REVIEW\nDate of review: 20/05/2024\n\nPROGRESS\nHome conditions remain poor and "
            "school attendance is 75%. Scaling: 4/10.\n\nDECISION\nPlan continues.\n\nPLAN\n" + _ACTIONS,
            True,
            "three reviews record the same neglect concerns, the same actions and 4/10 each time",
            previous=_EARLIER,
        ),
        Example(
            "CHILD IN NEED REVIEW\nDate of review: 20/05/2024\n\nPROGRESS\nHome conditions remain poor and "
            "school attendance is 75%. Scaling: 4/10.\n\nDECISION\nBecause there has been no sustained "
            "change in nine months, the case has been referred to a legal planning meeting.\n\nPLAN\n"
            + _ACTIONS,
            False,
            "the same concerns and plan, but the third review records a change of approach",
            previous=_EARLIER,
        ),
        Example(
            "CHILD IN NEED REVIEW\nDate of review: 20/05/2024\n\nSUMMARY\nWe have agreed to give mum a fresh "
            "start now she has a new worker.",
            True,
            "the history is reset",
        ),
        Example(
            "CHILD IN NEED REVIEW\nDate of review: 20/05/2024\n\nSUMMARY\nMum has a new worker; the full "
            "chronology has been shared with her so that the history is not lost. Ms Reid said she wants a "
            "fresh start.",
            False,
            "a new worker with the history carried forward; the mother's own wish is reported",
        ),
        Example(
            "REVIEW CHILD PROTECTION CONFERENCE REPORT\nChild protection plan since: 10/03/2023\n"
            "Review conference: 12/12/2024\n\nPROGRESS\nPlan continues. Progress is being made.",
            True,
            "a child protection plan in its 21st month rolled forward with no reason",
        ),
        Example(
            "REVIEW CHILD PROTECTION CONFERENCE REPORT\nChild protection plan since: 10/03/2023\n"
            "Review conference: 12/12/2024\n\nPROGRESS\nThe plan continues because Leo's new school "
            "placement started in November and we want one full term of evidence before stepping down.",
            False,
            "a long plan that continues for a stated reason",
        ),
    )

    def check(self, form: Form, context: Context) -> Iterator[Finding]:
        reset = self._reset(form)
        if reset is not None:
            section, sentence, phrase = reset
            yield self.finding(
                f"History reset: \"{_quote(sentence.text)}\" Calling it '{phrase}' puts the case's history "
                "aside, but what happened before still matters for the child.",
                section=section,
                sentence=sentence,
            )
            return
        overdue = self._overdue(form, context)
        if overdue is not None:
            yield overdue
            return
        window = [*context.previous, form][-int(self.option(context, "min_versions")) :]
        if len(context.previous) + 1 < int(self.option(context, "min_versions")):
            return
        finding = self._drift(window, context)
        if finding is not None:
            yield finding

    def _reset(self, form: Form) -> tuple[Section, Sentence, str] | None:
        for section in form.sections:
            for sentence in section.sentences:
                text = sentence.text
                spans = reported_spans(text)
                for m in _RESET.finditer(text):
                    if any(a <= m.start() < b for a, b in spans) or is_negated(text, m.start(), m.end()):
                        continue
                    if _WISH.search(text[: m.start()]) or _PLACE.search(text[m.end() :]):
                        continue
                    return section, sentence, " ".join(m.group().split()).lower()
        return None

    def _overdue(self, form: Form, context: Context) -> Finding | None:
        """(c) "Plan continues" with no reason, in a plan that has run beyond the policy duration."""
        found = self._continues(form)
        if found is None:
            return None
        section, sentence = found
        months, kind = self._plan_age(form, context)
        if months is None:
            return None
        limit = int(self.option(context, "max_months_cp" if kind == "cp" else "max_months_cin"))
        if months <= limit:
            return None
        name = "child protection" if kind == "cp" else "child in need"
        return self.finding(
            f'Drift: "{_quote(sentence.text)}" The {name} plan has run for {months} months, beyond the '
            f"{limit} months policy expects, and the form gives no reason for continuing it. Say what "
            "continuing will achieve that the last months did not, or change the approach.",
            section=section,
            sentence=sentence,
        )

    @staticmethod
    def _continues(form: Form) -> tuple[Section, Sentence] | None:
        """The writer's own "plan continues" with no reason in it or in the next sentence."""
        for section in form.sections:
            if section.kind not in _WHERE:
                continue
            sentences = section.sentences
            for index, sentence in enumerate(sentences):
                text = sentence.text
                spans = reported_spans(text)
                for m in _CONTINUES.finditer(text):
                    if any(a <= m.start() < b for a, b in spans) or is_negated(text, m.start(), m.end()):
                        continue
                    if _CONDITIONAL.search(text[: m.start()]):
                        continue
                    following = sentences[index + 1].text if index + 1 < len(sentences) else ""
                    if _REASON.search(text) or _REASON.search(following):
                        continue
                    return section, sentence
        return None

    @staticmethod
    def _plan_age(form: Form, context: Context) -> tuple[int | None, str]:
        """How many months the plan has run, and whether it is a child protection ("cp") or child in
        need ("cin") plan: from a stated duration, else from its start date to this form's date."""
        text = "\n".join(s.text for s in form.sections if not s.is_blank)
        kind = "cp" if regex.search(r"\b(?:child\s+protection|CP)\s+plans?\b", text, _I) else "cin"
        for m in _STATED.finditer(text):
            if m.group("n"):
                n = _number(m.group("n"))
                if n is not None:
                    return (n * 12 if m.group("unit").lower().startswith("year") else n), kind
            else:
                return int(m.group("nth") or m.group("num")), kind
        meta = form.metadata
        own = [d for d in (meta.meeting_date, meta.review_date, meta.plan_date) if d and d <= context.as_of]
        today = max(own) if own else context.as_of
        for section in form.sections:
            # A details line may be read as a heading with its answer below ("Plans since:" / date).
            for line in f"{section.heading}: {section.text}".splitlines():
                start = _PLAN_START.search(line)
                if start is None:
                    continue
                dates = [d.date for d in find_dates(line[start.end() - 1 :]) if d.date < today]
                if dates:
                    return _months_between(dates[0], today), kind
        return None, kind

    def _drift(self, window: Sequence[Form], context: Context) -> Finding | None:
        latest = window[-1]
        topics = [concerns(f) for f in window]
        if not topics[-1] or any(
            _jaccard(a, b) < float(self.option(context, "concern_jaccard"))
            for a, b in combinations(topics, 2)
        ):
            return None
        change = _change_of_approach(latest)
        if change is not None:
            return None
        same, evidence = self._same_plan(window, context)
        score_lists = [scores(f) for f in window]
        flat = all(score_lists) and (
            max(s[-1] for s in score_lists) - min(s[-1] for s in score_lists)
            <= float(self.option(context, "score_spread"))
        )
        if not same and not flat:
            return None
        # Versions by file name: a form's "review date" may be the next one due, so not its own date.
        dates = ", ".join(f.name for f in window)
        parts = []
        if same:
            parts.append(f"the same plan ({evidence})")
        if flat:
            parts.append("scaling scores of " + ", ".join(f"{s[-1]:g}/10" for s in score_lists))
        message = (
            f"Drift across {len(window)} versions ({dates}): the same concerns "
            f"({', '.join(sorted(c.replace('_', ' ') for c in topics[-1]))}) and "
            f"{' and '.join(parts)}, and the latest version records no change of approach."
        )
        where = next((s for s in latest.sections if s.kind in _WHERE and not s.is_blank), None)
        plans = plan_sections(latest, self.option(context, "plan_kinds"))
        section = where or (plans[0] if plans else None)
        text = section.text.splitlines()[0] if section is not None and section.text else None
        return self.finding(message, section=section, text=text)

    def _same_plan(self, window: Sequence[Form], context: Context) -> tuple[bool, str]:
        actions = window[-1].actions
        if len(actions) >= 2:
            chains = carried_actions(window, float(self.option(context, "action_similarity")))
            share = len(chains) / len(actions)
            if share >= float(self.option(context, "carried_share")):
                first = chains[0][-1].text
                return (
                    True,
                    f'{len(chains)} of {len(actions)} actions in every version, e.g. "{_quote(first)}"',
                )
            return False, ""
        kinds = self.option(context, "plan_kinds")
        plans = [plan_sections(f, kinds) for f in window]
        if not all(plans) or not all(words("\n".join(s.text for s in p)) for p in plans):
            return False, ""
        threshold = float(self.option(context, "plan_similarity"))
        if all(compare(b, a).similarity >= threshold for a, b in pairwise(plans)):
            return True, "plan text unchanged, dates aside"
        return False, ""
