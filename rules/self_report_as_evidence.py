"""F504 self-report-as-evidence: progress rests only on what parents say, or on their attendance."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, ClassVar

import regex

from formlint.finding import Finding, Severity
from formlint.language import is_negated, uncertainty_cues
from formlint.model import Form, Section, Sentence
from formlint.people import Member
from formlint.rule import Context, Example, Rule
from formlint_rules.people_checks import compile_alternatives, name_alternatives
from formlint_rules.sectioned_lexicon import pattern

_LEXICON = "self_report_as_evidence"
_PARENT_WORDS = (
    r"mum|mother|mam|dad|father|parents?|carers?|step-?(?:mum|dad|father|mother)|partner|"
    r"grand(?:mother|father|ma|pa|parents?)|nan|she|he|they|both"
)
# Family adults whose own account this is (a professional's account is independent).
_FAMILY_ROLES = frozenset(
    {
        "mother",
        "father",
        "stepfather",
        "stepmother",
        "partner",
        "boyfriend",
        "girlfriend",
        "parent",
        "carer",
        "grandmother",
        "grandfather",
        "aunt",
        "uncle",
        "lodger",
    }
)
# "Mum reports ...", "Ms Carr has told me ...", "Mother and father both state ...".
_GAP = (
    r"(?:\s+(?:and\s+(?:\p{L}+\s+){1,2}?|has|have|had|also|both|now|again|herself|himself|repeatedly|"
    r"consistently|clearly|told\s+me\s+and)){0,4}\s+"
)
_ACCORDING = r"according\s+to\s+(?:(?:her|his|their|the)\s+)?"
_ACCORDING_TO = regex.compile(_ACCORDING, regex.IGNORECASE)
# A sentence that draws the conclusion from the one before ("This shows the risk has reduced").
_CONCLUDES = regex.compile(
    r"^\W*(?:this|which|that)\s+(?:shows|means|demonstrates|indicates|suggests|evidences)|^\W*(?:therefore|"
    r"so|as a result|"
    r"consequently|hence)\b",
    regex.IGNORECASE,
)
_TENSE_FUTURE = regex.compile(
    r"\b(?:will|would|should|needs? to|must|hope|hopes|aim|goal)\b", regex.IGNORECASE
)
# A sentence that draws its own conclusion from the account or the attendance.
_INFERS = regex.compile(
    r"(?:,|;)\s*(?:so|therefore|which means|meaning|and so|and therefore|as a result)\b"
    r"|\b(?:this|which) (?:shows|means|demonstrates|evidences)\b",
    regex.IGNORECASE,
)
# Headings of unnamed sections that report progress ("Update 28/06", "What has changed").
_PROGRESS_HEADING = regex.compile(
    r"\b(?:progress|update|changed|has happened since|since the|review of|how the plan)\b", regex.IGNORECASE
)


@dataclass(frozen=True)
class _Basis:
    kind: str  # "report" or "compliance"
    words: str
    claim: str


def _family_adults(members: Sequence[Member]) -> list[Member]:
    return [m for m in members if not m.child and (m.role in _FAMILY_ROLES or not m.professional)]


def _reporting(form: Form) -> regex.Pattern[str]:
    alternatives = [_PARENT_WORDS]
    for member in _family_adults(form.people.members):
        alternatives += name_alternatives(member)
    # "Ms Carr says ...": a titled name is a family member's unless a professional has that surname.
    professionals = "|".join(
        regex.escape(m.name.split()[-1])
        for m in form.people
        if m.professional and m.name and m.role not in _FAMILY_ROLES
    )
    unless = f"(?!(?:{professionals})\\b)" if professionals else ""
    alternatives.append(rf"(?-i:Mrs|Ms|Miss|Mr)\.?\s+{unless}(?-i:\p{{Lu}}[\p{{Ll}}'’-]+)")
    who = compile_alternatives(alternatives)
    assert who is not None
    verbs = pattern(_LEXICON, "reporting").pattern
    return regex.compile(
        rf"(?:{who.pattern}){_GAP}(?:{verbs})|{_ACCORDING}(?:{who.pattern})", regex.IGNORECASE
    )


def _claim_after(text: str, start: int) -> regex.Match[str] | None:
    for claim in pattern(_LEXICON, "claim").finditer(text, start):
        if not is_negated(text, claim.start(), claim.end()):
            return claim
    return None


def _basis(text: str, reporting: Callable[[], regex.Pattern[str]]) -> _Basis | None:
    """Why ``text`` is flagged: a claim of change inside a parent's account, or beside attendance."""
    if _TENSE_FUTURE.search(text):
        return None
    # The form's own pattern (its people's names with every reporting verb) is costly to
    # compile, and most sentences have no reporting verb at all: look for one first.
    may_report = pattern(_LEXICON, "reporting").search(text) or _ACCORDING_TO.search(text)
    for report in reporting().finditer(text) if may_report else ():
        claim = _claim_after(text, report.end())
        if claim:
            return _Basis("report", report.group(), claim.group())
    compliance = pattern(_LEXICON, "compliance").search(text)
    if compliance:
        claim = _claim_after(text, 0)
        if claim and not (compliance.start() <= claim.start() < compliance.end()):
            return _Basis("compliance", compliance.group(), claim.group())
    return None


def _engagement_then_claim(sentence: Sentence, following: Sentence) -> bool:
    """A sentence of attendance or engagement and nothing else, then a bare claim of change."""
    return (
        pattern(_LEXICON, "compliance").search(sentence.text) is not None
        and _claim_after(sentence.text, 0) is None
        and _claim_after(following.text, 0) is not None
        # "Staff say he is more settled": the claim has its own source.
        and pattern(_LEXICON, "reporting").search(following.text) is None
    )


def _independent(text: str) -> bool:
    if pattern(_LEXICON, "independent").search(text) or pattern(_LEXICON, "doubt").search(text):
        return True
    return any(c.category == "gap" for c in uncertainty_cues(text))


def _sections(form: Form, kinds: Sequence[str]) -> list[Section]:
    return [
        s
        for s in form.sections
        if s.kind in kinds or (s.kind is None and s.blocks and _PROGRESS_HEADING.search(s.heading))
    ]


class SelfReportAsEvidence(Rule):
    code = "F504"
    slug = "self-report-as-evidence"
    summary = (
        "Progress or a lower risk is evidenced only by what a parent says, or by their attendance and "
        "engagement, with nothing seen or confirmed by anyone else."
    )
    pattern = "5"
    severity = Severity.WARNING
    why = (
        "Family-professional interactions shape what workers believe: inspections find 'too much emphasis "
        "on parental self-reporting of progress', and reviews find a focus on adults' engagement with "
        "services rather than on safer outcomes for the child. A parent's account and their attendance "
        "are worth recording, but on their own they do not show that anything has changed for the child."
    )
    fix = (
        "Add what shows the change independently: what you saw (on which visits, announced or not), what "
        "school, nursery, health or the service provider report, test results or figures; or say plainly "
        "that the account has not yet been checked and how it will be."
    )
    options: ClassVar[Mapping[str, Any]] = {
        # Where progress is weighed; unnamed sections headed "Update"/"Progress" are read too.
        "sections": (
            "analysis",
            "review_progress",
            "decision",
            "recommendation",
            "scaling",
            "manager_oversight",
        ),
    }
    examples = (
        Example(
            "ANALYSIS\nMum reports that things are much better at home and she has stopped drinking.",
            True,
            "the mother's account is the only evidence of change",
        ),
        Example(
            "PROGRESS SINCE LAST REVIEW\nFather has engaged well with the programme and attended all "
            "sessions, so the risk has reduced.",
            True,
            "attendance is taken as reduced risk",
        ),
        Example(
            "ANALYSIS\nParents state the children now go to bed on time.",
            True,
            "a reported routine with nothing to confirm it",
        ),
        Example(
            "ANALYSIS\nMum says she has stopped drinking; her last three saliva tests were negative and "
            "school say Lily now arrives on time and rested.",
            False,
            "tests and the school confirm the account",
        ),
        Example(
            "PROGRESS SINCE LAST REVIEW\nFather attended all sessions; the facilitator reports he can "
            "describe the effect of his behaviour on the children, and there have been no police call-outs "
            "since March.",
            False,
            "the provider's report and police records, not attendance alone",
        ),
        Example(
            "ANALYSIS\nParents say the children go to bed on time; on two unannounced evening visits both "
            "were asleep by 8pm.",
            False,
            "the account is checked on unannounced visits",
        ),
    )

    def check(self, form: Form, context: Context) -> Iterator[Finding]:
        kinds = tuple(self.option(context, "sections") or ())
        reporting = cache(lambda: _reporting(form))
        for section in _sections(form, kinds):
            sentences = section.sentences
            for index, sentence in enumerate(sentences):
                basis = _basis(sentence.text, reporting)
                following = sentences[index + 1] if index + 1 < len(sentences) else None
                if basis is None and following is not None and _CONCLUDES.match(following.text):
                    # "Father attended every session. This shows the risk has reduced."
                    joined = f"{sentence.text} {following.text}"
                    basis = _basis(joined, reporting)
                elif basis is None and following is not None and _engagement_then_claim(sentence, following):
                    # "Ms Bell has engaged well with the plan. Home conditions are now good enough.":
                    # the claim's only stated support is the engagement just before it.
                    basis = _basis(f"{sentence.text} {following.text}", reporting)
                if basis is None:
                    continue
                window = [s for s in (sentences[index - 1] if index else None, sentence, following) if s]
                if _INFERS.search(sentence.text):
                    # "..., so the risk has reduced": the conclusion is drawn here, from this basis.
                    window = [sentence]
                if any(_independent(s.text) for s in window):
                    continue
                yield self._finding(section, sentence, basis)

    def _finding(self, section: Section, sentence: Sentence, basis: _Basis) -> Finding:
        if basis.kind == "report":
            what = f"rests only on the family's own account ('{basis.words}')"
        else:
            what = f"rests only on attendance or engagement ('{basis.words}')"
        return self.finding(
            f"The change claimed here ('{basis.claim}') {what}: '{sentence.text.strip().rstrip('.')}'. Add "
            "what you or another agency saw or measured, or say that it has not yet been checked.",
            section=section,
            sentence=sentence,
        )
