"""T102 unattributed-report: "it is reported", "concerns have been raised" with no one named as the source."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any, ClassVar

import regex

from formlint.finding import Finding, Severity
from formlint.language import rationale_cues, reported_speech_cues
from formlint.model import Form, Section, Sentence
from formlint.rule import Context, Example, Rule
from formlint_rules.cue_lexicon import grouped, pattern

_LEXICON = "unattributed_report"
_MONTHS_DAYS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Christmas|Easter|Then|This|That|The"
)
# A person named by title and surname, or a capitalised word that is not a month or a day.
_NAME = (
    r"(?-i:(?:Mr|Mrs|Ms|Miss|Mx|Dr|PC|DC|DS|DI|DCI|Sgt|Nurse)\.?\s+\p{Lu}[\p{L}'’-]+"
    rf"|(?!(?:{_MONTHS_DAYS})\b)\p{{Lu}}[\p{{L}}'’-]+)"
)
_DETERMINER = r"(?:the|an?|his|her|their|its|this|that|one|another|(?-i:\p{Lu}[\p{L}-]+)['’]s)"


def _alternation(category: str) -> str:
    parts = sorted(grouped(_LEXICON)[category], key=len, reverse=True)
    return "(?:" + "|".join("(?:" + p.replace(" ", r"\s+") + ")" for p in parts) + ")"


@cache
def _attribution() -> regex.Pattern[str]:
    """Someone in a source's position: "by the school", "according to Ms Green",
    "information from the GP", "PC Ahmed raised", "the school's referral"."""
    source = rf"(?:{_alternation('source')}(?![\p{{L}}\p{{N}}])|{_NAME})"
    verb, record = _alternation("verb"), _alternation("record")
    det = rf"(?:{_DETERMINER}\s+)?(?:[\p{{L}}'’-]+\s+){{0,2}}?"
    return regex.compile(
        rf"\b(?:by|according\s+to|per|via)\s+{det}{source}"
        rf"|\b(?:information|reports?|concerns?|referral|call|contact|email|letter)\s+(?:\w+\s+){{0,2}}?from\s+{det}{source}"
        rf"|(?<![\p{{L}}])(?:{source})(?:['’]s\s+[\p{{L}}-]+)?\s+"
        rf"(?:(?:has|have|had|also|then|later|both|now|previously|recently|again|who|first)\s+){{0,2}}{verb}\b"
        rf"|(?<![\p{{L}}])(?:{source})['’]s\s+(?:[\p{{L}}-]+\s+)?{record}\b"
        rf"|\b(?:the|a|an)\s+{_alternation('source')}\s+{record}\b"
        # A named forum or record: "at the strategy meeting", "in the referral", "anonymously".
        r"|\b(?:at|in|during)\s+(?:the|a|an)\s+(?:[\p{L}-]+\s+)?(?:strategy\s+(?:meeting|discussion)|core\s+group|"
        r"conference|MARAC|referral|report|letter|statement|minutes|notes|records)\b"
        r"|\banonymous(?:ly)?\b",
        regex.IGNORECASE,
    )


def attributed(text: str) -> bool:
    """True when ``text`` names who a report came from."""
    if _attribution().search(text):
        return True
    return any(c.category == "source" for c in rationale_cues(text))


def _quotes(text: str) -> list[tuple[int, int]]:
    return [(c.start, c.end) for c in reported_speech_cues(text) if c.category == "quote"]


def agentless(text: str) -> regex.Match[str] | None:
    """The first agentless reporting phrase of ``text`` outside quotation marks."""
    quotes = _quotes(text)
    for match in pattern(_LEXICON, "agentless").finditer(text):
        if not any(a <= match.start() < b for a, b in quotes):
            return match
    return None


# Words of the source list that name what a section is about, not who wrote its content.
_NOT_HEADING_SOURCES = frozenset(
    """referral referrals referrer referrers child young person chronology records checks agency agencies
    mother mum father dad parent parents carer carers family member members sibling siblings partner
    brother sister""".split()
)


def _heading_names_a_source(section: Section) -> bool:
    """"Information from school", "Police checks", "Health visitor": the heading is the source."""
    return any(
        not set(m.group().casefold().split()) <= _NOT_HEADING_SOURCES
        for m in pattern(_LEXICON, "source").finditer(section.heading)
    )


def _labelled_by_source(sentence: Sentence) -> bool:
    """A block labelled with its source ("School:", "Police - 12/05:") or a table cell
    whose row label names one."""
    label = sentence.block.label or ""
    head = regex.match(r"\s*(?:[-•*]\s*)?([^:\n–—]{1,40})\s*[:–—]", sentence.block.text)
    return any(pattern(_LEXICON, "source").search(t) for t in (label, head.group(1) if head else ""))


def _referrer_recorded(form: Form) -> bool:
    return any("referr" in key.casefold() or "source" in key.casefold() for key in form.metadata.other)


class UnattributedReport(Rule):
    code = "T102"
    slug = "unattributed-report"
    summary = "'It is reported', 'concerns have been raised', 'apparently' with no one named as the source."
    pattern = "1a"
    sources = ("S4", "S20", "S28")
    severity = Severity.WARNING
    why = (
        "Information written as 'it is reported' or 'concerns have been raised' cannot be weighed: the "
        "reader does not know who said it, when, how they knew or whether anyone checked. Case reviews "
        "find judgements built on reports that were second-hand, out of date or wrong, and the agentless "
        "wording hides that."
    )
    fix = (
        "Name the source and when ('On 12 May the school reported that ...'), and say whether it has "
        "been checked ('... which I have not yet been able to confirm'). An anonymous referrer is a "
        "source: say so."
    )
    options: ClassVar[Mapping[str, Any]] = {
        # Sections that are one named person's own account: the heading is the source.
        "skip_sections": ("child_views", "parent_views", "signatures", "consent", "professional_network"),
    }
    examples = (
        Example(
            "REASON FOR REFERRAL\nIt is reported that Jayden is often left alone overnight.",
            True,
            "no one named as the source",
        ),
        Example(
            "ANALYSIS\nConcerns have been raised about drug use in the home.",
            True,
            "concerns raised by no one",
        ),
        Example(
            "BACKGROUND\nApparently the father has moved back into the family home.",
            True,
            "hearsay with no source",
        ),
        Example(
            "REASON FOR REFERRAL\nOn 12 May the school reported that Jayden told his teacher he had been "
            "left alone overnight.",
            False,
            "the school is named as the source",
        ),
        Example(
            "ANALYSIS\nConcerns have been raised by the health visitor about Mia's weight.",
            False,
            "an agentless phrase with its source given",
        ),
        Example(
            "BACKGROUND\nMs Green rang the office on 5 June. It was reported that the father has moved back "
            "in; I have not yet been able to confirm this.",
            False,
            "the source is in the sentence before",
        ),
        Example(
            "CHILD'S VIEWS\nJayden said \"apparently I'm going to live with my nan\".",
            False,
            "quoted speech",
        ),
    )

    def check(self, form: Form, context: Context) -> Iterator[Finding]:
        skip = frozenset(self.option(context, "skip_sections") or ())
        referrer = _referrer_recorded(form)
        verified = pattern(_LEXICON, "verified")
        general = pattern(_LEXICON, "general")
        for section in form.sections:
            if section.kind in skip or _heading_names_a_source(section):
                continue
            if section.kind == "referral" and referrer:
                continue
            sentences = section.sentences
            for index, sentence in enumerate(sentences):
                text = sentence.text
                cue = agentless(text)
                if cue is None or attributed(text) or general.search(text) or _labelled_by_source(sentence):
                    continue
                before = sentences[index - 1].text if index else ""
                after = sentences[index + 1].text if index + 1 < len(sentences) else ""
                if (before and attributed(before)) or verified.search(text) or verified.search(after):
                    continue
                yield self.finding(
                    f"'{cue.group()}' reports something without saying who it came from. Name the source "
                    "and when (who told you or which agency, on what date), and say whether it has been "
                    "checked.",
                    section=section,
                    sentence=sentence,
                )
