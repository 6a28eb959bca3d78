"""C304 agency-contribution-missing: an agency listed as involved contributes nothing recorded."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

import regex

from formlint.finding import Finding, Severity
from formlint.model import Block, Form, Section
from formlint.rule import Context, Example, Rule
from formlint_rules.agencies import NAMES, agencies_in, speaks_of

# "Agencies consulted: ...", "Professionals involved: ...", "Invited: ...", "Present: ...".
_LIST_LABEL = regex.compile(
    r"^\W*(?:(?:other\s+)?(?:partner\s+)?(?:agencies|professionals|services|organisations)"
    r"(?:\s+[\p{L}'’]+){0,3}?\s+(?:involved|consulted|contacted|invited|present|attending|checked|"
    r"approached|contributing|working with (?:the )?(?:family|child(?:ren)?))"
    r"|professional network|professionals?|agency involvement|invited|invitees|attendees|present|"
    r"in attendance|(?:agency )?checks (?:made|completed|requested|undertaken|sought) (?:with|from)|"
    r"information (?:gathered|obtained|requested|sought|received) from|consulted|contacted)"
    r"\s*[:\-–]\s*(?P<value>.+)$",
    regex.IGNORECASE,
)
# A mention that is not a contribution: who was invited or copied in.
_NOT_CONTRIBUTION = regex.compile(
    r"\b(?:invited|invitation|copied to|copy to|cc|distribution|circulat\w+ to|to be contacted|will be "
    r"(?:asked|contacted|invited))\b",
    regex.IGNORECASE,
)
_INFORMATION = regex.compile(
    r"\b(?:report\w*|said|say|says|told|shared|information|checks?|checked|view|views|confirm\w*|"
    r"no (?:information|concerns|involvement|record|records)|known|noted|describe\w*|record\w*|summar\w*|"
    r"attend\w*|observ\w*|found|state\w*|advised|raised|feedback)\b",
    regex.IGNORECASE,
)


@dataclass(frozen=True)
class _Listing:
    section: Section
    block: Block
    line: str
    agencies: tuple[str, ...]


def _listings(form: Form) -> list[_Listing]:
    out: list[_Listing] = []
    for section in form.sections:
        network = section.kind == "professional_network"
        for block in section.blocks:
            if block.blank:
                continue
            label = f"{block.label}: " if block.label and not network else ""
            for line in block.text.splitlines():
                match = _LIST_LABEL.match(f"{label}{line}") or _LIST_LABEL.match(line)
                value = match.group("value") if match else (line if network else None)
                if value:
                    found = agencies_in(value)
                    if found:
                        out.append(_Listing(section, block, line.strip(), tuple(found)))
    return out


def _contributes(form: Form, key: str, listed: list[_Listing], kinds: frozenset[str]) -> bool:
    skipped = {id(item.block) for item in listed}
    for section in form.sections:
        if section.kind in kinds:
            continue
        for sentence in section.sentences:
            if id(sentence.block) in skipped and _LIST_LABEL.match(sentence.text.strip()):
                continue
            text = sentence.text
            if not speaks_of(key, text) or _LIST_LABEL.match(text.strip()):
                continue
            if _NOT_CONTRIBUTION.search(text) and not _INFORMATION.search(_NOT_CONTRIBUTION.sub("", text)):
                continue
            return True
    return False


class AgencyContributionMissing(Rule):
    code = "C304"
    slug = "agency-contribution-missing"
    summary = "An agency the form lists as involved or consulted has nothing recorded from it anywhere."
    pattern = "3d"
    severity = Severity.INFO
    why = (
        "Good multi-agency work depends on practitioners knowing each other and what each holds; reviews "
        "find significant information known to other professionals overlooked. When a form lists an "
        "agency as involved or consulted but records nothing from it, the reader cannot tell whether it "
        "was asked, what it knows, or whether it holds nothing."
    )
    fix = (
        "Record what the agency contributed (information, view, check result, with the date), that it "
        "holds nothing ('GP: no information beyond routine immunisations, checked 2/5'), or that it sent "
        "apologies and where its report is summarised."
    )
    options: ClassVar[Mapping[str, Any]] = {
        # Sections whose mentions of an agency are not its contribution (what it will do, who signed).
        "skipped_sections": (
            "plan_actions",
            "safety_plan",
            "contingency",
            "signatures",
            "consent",
            "professional_network",
        ),
    }
    examples = (
        Example(
            "BASIS OF ASSESSMENT\nProfessionals involved: school, health visitor, GP and "
            "CAMHS.\n\nANALYSIS\nThe school report Leo's "
            "attendance is 82%. The health visitor saw Leo on 3/5 and describes him as thriving.",
            True,
            "the GP and CAMHS are listed but contribute nothing",
        ),
        Example(
            "BASIS OF ASSESSMENT\nAgencies consulted: police, probation\n\nANALYSIS\nMs Lee's care of "
            "Jack is warm and consistent, as seen on four visits.",
            True,
            "no police or probation information appears",
        ),
        Example(
            "BASIS OF ASSESSMENT\nAgencies consulted: GP, probation\n\nAGENCY CHECKS\nGP: no information "
            "held beyond routine immunisations (checked 2/5).\nProbation: no current involvement with either "
            "parent (checked 3/5).",
            False,
            "each agency's check result is recorded, even when it holds nothing",
        ),
        Example(
            "CONFERENCE DETAILS\nInvited: GP, health visitor\n\nANALYSIS\nGP sent apologies; their written "
            "report is summarised in section 5. The health visitor reports Ava is gaining weight.",
            False,
            "apologies with a report, and the health visitor's information",
        ),
    )

    def check(self, form: Form, context: Context) -> Iterator[Finding]:
        listed = _listings(form)
        kinds = frozenset(self.option(context, "skipped_sections") or ())
        reported: set[str] = set()
        for item in listed:
            for key in item.agencies:
                if key in reported or _contributes(form, key, listed, kinds):
                    continue
                reported.add(key)
                name = NAMES.get(key, key)
                yield self.finding(
                    f"{name[0].upper()}{name[1:]} is listed as involved ('{item.line}') but nothing from "
                    f"{name} is recorded: no information, view or check result. Record what they shared or "
                    "found, that they hold nothing, or that they sent apologies and where their report is.",
                    section=item.section,
                    block=item.block,
                    text=item.line,
                )
