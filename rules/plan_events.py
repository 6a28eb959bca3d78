"""What a form records happening to a plan: new incidents, revisions, reviews, reasons to keep it.

The vocabulary is about events, not topics: "police were called", "moved back in",
"taken to hospital" are things that happened and should reopen a plan, whereas
"alcohol" or "domestic abuse" alone may be history the plan was built on. Mentions
that are negated ("no further injuries") or hypothetical ("if he returns ...") are
not events.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import regex

from formlint.dates import find_dates
from formlint.language.negation import clause_bounds, is_negated
from formlint.model import Form, Section, Sentence

_I = regex.IGNORECASE

# Things that happened to or around the child and call the plan into question
# (rule-catalogue J601: injury, police call-out, arrest, disclosure, hospital
# attendance, missing episode, overdose; plus changes in the household).
_EVENT_TERMS = {
    "incident": (
        r"police (?:were |was |had been )?(?:called|attended|came|went|involved|notified|informed)",
        r"(?:called|rang|phoned) (?:the )?police",
        r"999",
        r"arrest(?:ed)?",
        r"charged with",
        r"(?:released )?on bail",
        r"assault(?:ed|ing)?",
        r"(?:hit|punched|kicked|slapped|pushed|shoved|grabbed|shook|strangled|choked|threw|thrown|smashed)",
        r"forced (?:his|her|their|its) way",
        r"threat(?:s|ened)",
        r"injur(?:y|ies|ed)",
        r"bruis(?:e|es|ed|ing)",
        r"fractur(?:e|ed|es)",
        r"burn(?:s|ed)",
        r"handprint",
        r"(?:taken|admitted|went|rushed) to (?:\w+ ){0,2}(?:hospital|a&e)",
        r"ambulance",
        r"overdose",
        r"(?:took|taken|swallowed) (?:\w+ )?(?:tablets|pills)",
        r"self-?harm(?:ed|ing)?",
        r"suicid(?:e|al)",
        r"unconscious",
        r"(?:detained|sectioned)",
        r"disclos(?:ed|ure)",
        r"allegation",
        r"strategy (?:discussion|meeting)",
        r"section 47",
        r"(?:went|was reported|reported|gone) missing",
        r"missing (?:from home|episode)",
        r"(?:left|found) (?:alone|unsupervised)",
        r"drunk",
        r"under the influence",
        r"relapsed",
        r"breach(?:ed)?",
    ),
    "household change": (
        r"moved (?:back )?(?:in|into|out|away|back)",
        r"(?:has|have) moved",
        r"new (?:partner|boyfriend|girlfriend|baby|address|lodger)",
        r"gave birth",
        r"(?:is|was) born",
        r"(?:is|became|now) pregnant",
        r"left the (?:family )?(?:home|household|house)",
        r"returned (?:home|to the (?:family )?home|to live)",
        r"(?:have|had|has) separated",
        r"died",
        r"evict(?:ed|ion)",
        r"homeless",
    ),
    "new concern": (
        r"(?:new|further|fresh|another) (?:concern|referral|incident|allegation)s?",
        r"(?:concerns?|referral) (?:was |were |has been |have been )?(?:raised|received|made)"
        r" (?:by|about|on)",
        r"re-?referr(?:al|ed)",
    ),
}
_EVENT = {
    name: regex.compile(r"\b(?:" + "|".join(terms) + r")\b", _I) for name, terms in _EVENT_TERMS.items()
}
# A sentence about what might happen, or about a plan's own terms ("if he returns,
# the police will be called"), records no event.
_HYPOTHETICAL = regex.compile(
    r"\b(?:if|unless|will|would|could|may|might|should|must|in case|likely|risk (?:is|that|of)|"
    r"worried (?:that|about)|worry (?:is|that)|to be|to (?:call|report|tell|contact))\b",
    _I,
)
# Arranged contact with police or hospital is the plan being carried out, not an incident.
_ROUTINE = regex.compile(
    r"\b(?:as planned|planned|scheduled|as agreed|arranged|joint (?:home )?visit|appointment|check-?up)\b", _I
)

_REVISION = regex.compile(
    r"\b(?:(?:was|were|has been|have been|had been|is now|now)\s+(?:\w+\s+)?"
    r"(?:amended|revised|updated|changed|rewritten|strengthened|extended|added|replaced)"
    r"|(?:amended|revised|updated|changed|rewrote|strengthened|extended)\s+(?:the\s+|our\s+|her\s+|his\s+)?"
    r"(?:\w+\s+)?(?:plan|actions?|contingency|safety plan)"
    r"|(?:amended|revised|updated|new)\s+(?:\w+\s+)?(?:plan|actions?|contingency)\b(?!\s+(?:will|would))"
    r"|added\s+(?:\w+\s+){0,2}actions?"
    r"|actions?\s+(?:\d+\s*[-–]\s*\d+\s+)?(?:were|was|have been|has been)\s+added"
    r"|increased\s+(?:from|to)|how the plan has changed|changes to the plan"
    r"|\(new(?:\s+action)?\)|\bnew:\s)",
    _I,
)
_NOT_REVISED = regex.compile(
    r"\b(?:no|not|never|without|nothing|un(?:changed|altered|amended))\b[^.;:]{0,40}$|"
    r"\b(?:no|any)\s+(?:changes?|amendments?|revisions?)\b",
    _I,
)
_FUTURE = regex.compile(r"\b(?:will|would|should|to be|needs? to|if|unless)\b", _I)
_NOT_THE_PLAN = regex.compile(
    r"\b(?:ratings?|rag|scores?|scaling|status(?:es)?|progress|records?|columns?|chronology|log|minutes)\s*$",
    _I,
)

# "The plan continues / remains appropriate / is unchanged", "we agreed to keep the actions".
_KEPT = regex.compile(
    r"\b(?:plan|actions?|contingency|arrangements)\b[^.;]{0,30}?\b(?:continues?|continued|remains?|remained|"
    r"stays?|unchanged|(?:is|are|was|were) (?:kept|retained|the same)|"
    r"still (?:fits?|appropriate|right|works?|"
    r"working|meets?|needed|relevant))\b"
    r"|\b(?:keep|kept|retain(?:ed)?|continue with|no (?:changes?|amendments?) (?:to|in))\b[^.;]{0,40}?"
    r"\b(?:plan|actions?|contingency|arrangements)\b",
    _I,
)
# A reason given for keeping the plan: a connective, or a colon or dash introducing a clause.
_REASON = regex.compile(
    r"\b(?:because|since|given (?:that )?|due to|so that|"
    r"as (?:the|they|it|this|these|she|he|there|we|her|his|"
    r"mr|ms|mrs|miss|both|all|each)\b"
    # "continue as it is", "stay as they are": sameness, not a reason.
    r"(?!\s+(?:is|are|was|were|stands?|stood)\b\s*(?:[.,;:)]|$))"
    r"|this is because)"
    r"|[:–—]\s*(?!see\b|n/?a\b|as above)(?:[\w'’,-]+\s+){3}\w",
    _I,
)
_REVIEW_MENTION = regex.compile(
    r"\b(?:at|in|during) (?:the|this|today's|our) (?:(?:core group|cin|child in need|cp|child protection|"
    r"plan|taf|family|conference|first|second|third) )?review\b|\breview (?:meeting |conference )?"
    r"(?:was |has been )?(?:held|took place|happened)|\b(?:was|were|has been|have been|we|they|conference|"
    r"group) (?!not |never )(?:\w+ )?reviewed\b|"
    r"\bwent through (?:each|every|all|the) (?:action|item|part)s?\b|"
    r"\bconsidered (?:each|every|all the) actions?\b",
    _I,
)
_REVIEW_HEADING = regex.compile(
    r"\breview\b(?!\s+date)|\bprogress (?:since|against)\b|\bwhat has changed\b", _I
)
_DUE_SENTENCE = regex.compile(r"\b(?:next|due|will|to be reviewed|review (?:on|at|by|date))\b", _I)


@dataclass(frozen=True)
class Event:
    """A recorded event that should reopen a plan."""

    kind: str
    sentence: Sentence
    section: Section
    date: dt.date | None

    @property
    def text(self) -> str:
        return " ".join(self.sentence.text.split())


def _event_kind(text: str) -> str | None:
    for kind, pattern in _EVENT.items():
        for match in pattern.finditer(text):
            # Only a condition or prediction governing the event itself makes it hypothetical:
            # "police were called on 14/06 and the plan should continue" is still an event.
            left, right = clause_bounds(text, match.start(), match.end())
            if _HYPOTHETICAL.search(text, left, match.start()) or _HYPOTHETICAL.match(text, match.start()):
                continue
            if _ROUTINE.search(text, left, right):
                continue
            if not is_negated(text, match.start(), match.end()):
                return kind
    return None


_LEAD_IN = regex.compile(r"[\W_]*(?:(?:on|at|in|from|by)\s+)?", _I)


def _sentence_date(sentence: Sentence, as_of: dt.date) -> dt.date | None:
    """The sentence's first date, else a date opening its block (a chronology row)."""
    for mention in find_dates(sentence.text):
        if mention.date <= as_of:
            return mention.date
    # A chronology row: the date opens the row's text or sits in the row's label cell.
    # A paragraph opening "On 15/04/2025 ..." dates the sentences that go on about it.
    for opening in (sentence.block.text[:20], sentence.block.label or ""):
        lead = find_dates(opening)
        start = _LEAD_IN.match(opening)
        if lead and lead[0].start <= (start.end() if start else 0) + 2 and lead[0].date <= as_of:
            return lead[0].date
    return None


def events(sections: Iterable[Section], as_of: dt.date) -> Iterator[Event]:
    """Recorded events in ``sections``, each with its date where the form gives one."""
    for section in sections:
        opened: dt.date | None = None  # the date a sentence of this block opened with
        block = None
        for sentence in section.sentences:
            if sentence.block is not block:
                block, opened = sentence.block, None
            lead = find_dates(sentence.text[:20])
            start = _LEAD_IN.match(sentence.text)
            if lead and lead[0].start <= (start.end() if start else 0) + 2 and lead[0].date <= as_of:
                opened = lead[0].date
            kind = _event_kind(sentence.text)
            if kind is not None:
                # "On 15/04/2025 a neighbour found her ... Police attended": the sentence
                # that opened with the date dates the ones that go on about it.
                yield Event(kind, sentence, section, _sentence_date(sentence, as_of) or opened)


@dataclass(frozen=True)
class Revision:
    """A record that the plan was changed, dated where the form says when."""

    text: str
    date: dt.date | None


def _is_revision(text: str) -> bool:
    for match in _REVISION.finditer(text):
        before = text[max(0, match.start() - 60) : match.start()]
        if _NOT_REVISED.search(before) or _NOT_REVISED.search(match.group()):
            continue
        if _FUTURE.search(text[max(0, match.start() - 25) : match.start()]):
            continue
        # "The RAG ratings were updated": a progress rating, not the plan, was changed.
        if _NOT_THE_PLAN.search(text[max(0, match.start() - 30) : match.start()]):
            continue
        return True
    return False


def revisions(form: Form, as_of: dt.date) -> list[Revision]:
    """Records that the plan was revised: sentences, and headings with content under them."""
    found: list[Revision] = []
    for section in form.sections:
        if section.heading and not section.is_blank and _is_revision(section.heading):
            found.append(Revision(section.heading, None))
        for sentence in section.sentences:
            if _is_revision(sentence.text):
                dates = [m.date for m in find_dates(sentence.text) if m.date <= as_of]
                found.append(Revision(sentence.text, max(dates) if dates else None))
    return found


def kept_with_reason(form: Form) -> Sentence | None:
    """A sentence saying the plan is kept as it is and why."""
    for section in form.sections:
        for sentence in section.sentences:
            text = sentence.text
            kept = _KEPT.search(text)
            if kept and _REASON.search(text, kept.end()):
                return sentence
    return None


def review_record(form: Form) -> str | None:
    """Something recording that a review took place (not one that is only scheduled)."""
    for section in form.sections:
        for sentence in section.sentences:
            if _REVIEW_MENTION.search(sentence.text) and not _FUTURE.search(sentence.text):
                return sentence.text
        # By heading, not by section kind: a bare "Progress" or "Update" may be news, not a review.
        if _REVIEW_HEADING.search(section.heading or ""):
            for sentence in section.sentences:
                words = regex.findall(r"\w+", sentence.text)
                if len(words) >= 4 and not _DUE_SENTENCE.search(sentence.text):
                    return f"{section.heading}: {sentence.text}"
    return None
