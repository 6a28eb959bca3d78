"""Dates that a form gives to its plan and its reviews, read from labels and running text.

Forms put these dates everywhere: a details table ("Plan date | 02/04/2024"), a
header line holding several fields ("Plan date: 28/03/2024   Review date: ..."),
a plan item ("Plan to be reviewed on 17/05/2024") or a heading ("Child protection
plan (agreed 10/05/2024, unchanged)"). The words just before a date say what it
is, so each date is classified by the text between it and the previous date or
clause break, not by where the parser put it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

import regex

from formlint.dates import find_dates
from formlint.model import Block, Form, Section

DateKind = Literal["plan", "review_due", "review_held"]

_I = regex.IGNORECASE

# Reviews of a child's health or schooling, not of the plan ("Ava's two-year review").
_OTHER_REVIEW = regex.compile(
    r"\b(?:\w+[- ](?:year|month)s?(?:[- ]old)?|health|gp|medical|medication|asthma|dental|"
    r"developmental|development|paediatric|hospital|clinic|camhs|ehcp?|annual|sentence|housing|"
    r"benefits?|tenancy|hearing|eye|sight|immunisation|case file|"
    # A strategy review belongs to the section 47 enquiry, not to a plan.
    r"strategy(?:\s+(?:discussion|meeting))?)\s+review",
    _I,
)
# A manager's or auditor's review of the record itself is sign-off, not a review of the plan.
_NOT_PLAN_REVIEW = regex.compile(
    r"\b(?:manager|supervisor|management|audit|quality assurance|authoris\w*|signed)\b", _I
)
# The cue must *end* with the words that name the date, so "Plan: 1. Referral ... by"
# is a deadline inside a plan, not the plan's date.
_PLAN_CUE = regex.compile(
    r"(?:\bplan\b[^.;:|]{0,40}?\b(?:dated|agreed|made|started|starts?|signed|written|began|"
    r"drawn up|set up|put in place|implemented)\b[^.;|]{0,40}"
    r"|\b(?:plan|planning)\s+(?:start\s+)?date\b[^:.;|]{0,15}"
    r"|\bdate\s+(?:of\s+(?:the\s+)?)?plan\b[^:.;|]{0,15}"
    r"|\b(?:icpc|initial\s+(?:child\s+protection\s+)?(?:case\s+)?conference)\b(?:\s+(?:was\s+)?(?:held|date|on))?"
    r")[\s:*()\-–—,]*(?:on|of)?\s*$",
    _I,
)
_HELD_CUE = regex.compile(
    r"(?:\breview\w*\b[^.;|]{0,40}\b(?:held|took\s+place|happened|completed)\b[^.;|]{0,15}"
    r"|\b(?:last|previous|most\s+recent)\s+(?:\w+\s+)?review\b[^.;|]{0,30}"
    r"|\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+reviewed\b[^.;|]{0,30}"
    r"|\b(?:we|they|conference|the\s+core\s+group|the\s+meeting)\s+reviewed\b[^.;|]{0,30}"
    r")[\s:*()\-–—,]*(?:on|at)?\s*$",
    _I,
)
_DUE_CUE = regex.compile(
    r"(?:\breview\w*\b[^.;|]{0,45}"
    r"|\bnext\s+(?:core\s+group|conference|meeting|taf)\b[^.;|]{0,30}"
    r")[\s:*()\-–—,]*(?:on|at|by)?\s*$",
    _I,
)
# A label naming the date of a review, on a form that is itself a review record: the
# date of this review, not the next one.
_THIS_REVIEW_LABEL = regex.compile(
    r"(?:^|\*\*|[:;]\s)\W*(?:(?:first|second|third|\d+(?:st|nd|rd|th))\s+)?(?:review\s+(?:child\s+protection\s+)?"
    r"(?:conference|meeting)?\s*date|review\s+(?:child\s+protection\s+)?(?:conference|meeting)|"
    r"date\s+of\s+(?:the\s+|this\s+)?review(?:\s+(?:conference|meeting))?)\W*$",
    _I,
)
_REVIEW_TITLE = regex.compile(r"\breview\b", _I)
# Clause and field breaks: a cue never reaches back across these.
_BREAK = regex.compile(r"[.;|·•]\s|\s{3,}|\t|\*\*\s*·")


@dataclass(frozen=True)
class DatedCue:
    """A date with the words that name it, and where it was found."""

    kind: DateKind
    date: dt.date
    cue: str
    section: Section
    block: Block | None


def _units(form: Form) -> Iterator[tuple[Section, Block | None, str]]:
    """Each heading and each block, a labelled block read as "Label: value"."""
    for section in form.sections:
        if section.heading:
            yield section, None, section.heading
        for block in section.blocks:
            if block.blank:
                continue
            text = f"{block.label}: {block.text}" if block.label else block.text
            yield section, block, text


def _tidy(cue: str) -> str:
    """The cue as a reader would quote it: no Markdown emphasis or dangling punctuation."""
    return regex.sub(r"\s+", " ", cue.replace("**", "").replace("__", "")).strip(" :*|·-–—(,")


def _is_review_form(form: Form) -> bool:
    title = form.metadata.title or (form.sections[0].heading if form.sections else "")
    return bool(_REVIEW_TITLE.search(title or ""))


def classify(cue: str, *, review_form: bool = False) -> DateKind | None:
    """What a date is, from the words just before it."""
    if _NOT_PLAN_REVIEW.search(cue[-60:]):
        return None
    if _HELD_CUE.search(cue):
        return "review_held"
    if _DUE_CUE.search(cue):
        tail = cue[-60:]
        if _OTHER_REVIEW.search(tail):
            return None
        if review_form and _THIS_REVIEW_LABEL.search(cue.strip()):
            return "review_held"
        if regex.search(r"\breviewed\b", tail, _I) and not regex.search(r"\bto\s+be\s+reviewed\b", tail, _I):
            return "review_held"
        return "review_due"
    if _PLAN_CUE.search(cue) and not regex.search(r"\bcontingency\b", cue[-60:], _I):
        return "plan"
    return None


def dated_cues(form: Form) -> list[DatedCue]:
    """Every plan or review date the form names, in form order."""
    review_form = _is_review_form(form)
    found: list[DatedCue] = []
    for section, block, text in _units(form):
        for line in text.split("\n"):
            previous_end = 0
            for mention in find_dates(line):
                cue = line[previous_end : mention.start]
                breaks = list(_BREAK.finditer(cue))
                if breaks:
                    cue = cue[breaks[-1].end() :]
                previous_end = mention.end
                kind = classify(cue, review_form=review_form)
                if kind is not None:
                    found.append(DatedCue(kind, mention.date, _tidy(cue), section, block))
    return found


def plan_date(form: Form, cues: list[DatedCue], as_of: dt.date) -> DatedCue | dt.date | None:
    """The date the current plan was made: the latest named one not after ``as_of``."""
    named = [c for c in cues if c.kind == "plan" and c.date <= as_of]
    if named:
        return max(named, key=lambda c: c.date)
    if form.metadata.plan_date and form.metadata.plan_date <= as_of:
        return form.metadata.plan_date
    return None
