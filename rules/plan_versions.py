"""The plan's own text, and how far it changed between two versions of a form.

Dates and numbers are removed before comparing, because re-issuing a plan with
only its review date moved on is the very thing the rule looks for.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection
from dataclasses import dataclass

import regex

from formlint.dates import find_dates
from formlint.model import Form, Section

# An unknown heading that names a plan in its first few words ("Interim plan
# agreed with Ms Nolan on 12/03/2024") is a plan; one that talks about the plan
# ("Why Lacey has a child protection plan", "Progress since the plan") is not.
_PLAN_HEADING = regex.compile(r"^\W*(?:[\w'’-]+\s+){0,3}(?:plan|actions)\b", regex.IGNORECASE)
_ABOUT_PLAN = regex.compile(
    r"\b(?:why|reason|progress|review|update|changes?|changed|views?|since|history|previous)\b",
    regex.IGNORECASE,
)
_LIST_MARKER = regex.compile(r"^\s*(?:[-*•·]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+", regex.MULTILINE)


def plan_sections(form: Form, kinds: Collection[str]) -> list[Section]:
    """Sections holding the plan itself: its actions, contingency and safety plan."""
    found = []
    for index, section in enumerate(form.sections):
        if section.is_blank:
            continue
        heading = section.heading or ""
        # The document's own title ("CHILD IN NEED PLAN") heads its details, not its actions.
        title = index == 0 or heading == form.metadata.title
        if section.kind in kinds or (
            section.kind is None
            and not title
            and _PLAN_HEADING.search(heading)
            and not _ABOUT_PLAN.search(heading)
        ):
            found.append(section)
    return found


def _tokens(text: str) -> list[str]:
    for mention in reversed(find_dates(text)):
        text = text[: mention.start] + " " + text[mention.end :]
    text = _LIST_MARKER.sub(" ", text)
    return regex.findall(r"[^\W\d_]+", text.casefold())


def plan_lines(sections: list[Section]) -> list[str]:
    """The plan's items, one per line, as written."""
    return [line.strip() for s in sections for line in s.text.splitlines() if _tokens(line)]


@dataclass(frozen=True)
class PlanComparison:
    similarity: float
    copied: int  # current items found word for word (dates aside) in the previous plan
    items: int

    def unchanged(self, threshold: float) -> bool:
        """Near-identical text, or nearly every item copied (a re-ordered plan is not a new one)."""
        return self.similarity >= threshold or (self.items >= 2 and self.copied >= threshold * self.items)


# A section answered only by pointing back ("As before.", "No change", "Same as
# the last plan") carries the previous version's section forward unchanged.
_AS_BEFORE = regex.compile(
    r"^\W*(?:as (?:before|above|previously|per (?:the )?(?:last|previous) (?:plan|review))|no change(?:s)?|"
    r"unchanged|same as (?:before|the (?:last|previous)(?: \w+)?))\W*$",
    regex.IGNORECASE,
)


def _carried(current: list[Section], previous: list[Section]) -> str:
    """The current plan's text, with "As before" sections read as the earlier section."""
    earlier = {(s.kind, (s.heading or "").casefold()): s.text for s in previous}
    parts = []
    for section in current:
        key = (section.kind, (section.heading or "").casefold())
        text = section.text
        parts.append(earlier[key] if _AS_BEFORE.match(text.strip()) and key in earlier else text)
    return "\n".join(parts)


def compare(current: list[Section], previous: list[Section]) -> PlanComparison:
    """How much of the current plan is the previous plan, dates and numbering aside."""
    now = _tokens(_carried(current, previous))
    before = _tokens("\n".join(s.text for s in previous))
    similarity = difflib.SequenceMatcher(None, before, now, autojunk=False).ratio()
    old_items = {tuple(_tokens(line)) for line in plan_lines(previous)}
    lines = plan_lines(current)
    copied = sum(1 for line in lines if tuple(_tokens(line)) in old_items)
    return PlanComparison(similarity, copied, len(lines))
