"""M201 management-oversight-absent: no manager's oversight, supervision or reasoned decision recorded."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar

import regex

from formlint.finding import Finding, Severity
from formlint.language import rationale_cues
from formlint.model import Form, Section
from formlint.rule import Context, Example, Rule

# Oversight recorded anywhere in the form, not only in the manager's box.
_OVERSIGHT = regex.compile(
    r"\b(?:(?:discussed|considered|agreed|reviewed|raised) (?:\w+ ){0,3}(?:in|at|during) (?:\w+ )?"
    r"supervision"
    r"|supervision (?:on|dated|held|with|discussion|notes?|record)|management oversight (?:on|by|was|dated)"
    r"|(?:team |practice |service )?manager(?:'s)? (?:decision|direction|view|advice|advised|directed|"
    r"decided|agreed that|asked|requested|instructed|considered)"
    r"|(?:team |practice |service )?manager (?:\(\w+(?: \w+)?\) )?(?:has )?(?:decided|directed|advised|asked|"
    r"requested|instructed|considered|reviewed))",
    regex.IGNORECASE,
)
# A sign-off with nothing of the manager's thinking: "Agreed.", "Authorised - NFA", a name and a date.
_BARE = regex.compile(
    r"^(?:(?:agreed|authori[sz]ed|approved|signed(?: off)?|noted|seen|ok|agree(?: with (?:the )?"
    r"(?:recommendation|plan|assessment|outcome|analysis))?|happy with (?:this|the plan)|nfa|close|closed|"
    r"step down|no further action|continue(?: with)? (?:the )?plan)\W*)+$",
    regex.IGNORECASE,
)
_SIGNATURE = regex.compile(
    r"(?:\b(?:signed|name|date|team manager|manager|tm)\b\s*:?\s*)|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b",
    regex.IGNORECASE,
)


def _thinking(section: Section, min_words: int) -> bool:
    """The manager's box records a reason, a direction or a view, not just a sign-off."""
    text = section.text.strip()
    words = [w for w in _SIGNATURE.sub(" ", text).split() if any(c.isalpha() for c in w)]
    core = " ".join(words)
    if not core or _BARE.match(core):
        return False
    return len(words) >= min_words or bool(rationale_cues(core))


class ManagementOversightAbsent(Rule):
    code = "M201"
    slug = "management-oversight-absent"
    summary = "No manager's oversight, supervision discussion or reasoned management decision is recorded."
    pattern = "2c"
    sources = ("S27", "S37", "Ofsted inspection reports")
    severity = Severity.WARNING
    why = (
        "Case reviews find decisions signed off without anyone senior testing them: 'Agreed.' records "
        "that a manager saw the form, not that anyone weighed the analysis, questioned the plan or gave "
        "a reason the next worker can follow."
    )
    fix = (
        "Record the manager's oversight: what they considered, what they decided and why, and any "
        "direction with a date ('I agree with stepping down because ...; the early help plan must include "
        "his father'), or cross-refer to the dated supervision record that holds it."
    )
    options: ClassVar[Mapping[str, object]] = {
        # The manager's own box; an "Outcome" or a meeting's decision is not the manager's.
        "sections": ("manager_oversight",),
        # Fewer words than this in the manager's box, with no reason given, is a sign-off.
        "min_words": 12,
    }
    examples = (
        Example("ANALYSIS\nThe children are safe.\n\nMANAGER'S COMMENTS\nAgreed.", True, "a bare sign-off"),
        Example(
            "ANALYSIS\nThe children are safe.\n\nMANAGER'S COMMENTS\nAuthorised. NFA. J. Patel 12/05/2024",
            True,
            "authorisation with a name and date only",
        ),
        Example("ANALYSIS\nThe children are safe.", True, "no oversight at all"),
        Example(
            "MANAGER'S COMMENTS\nI agree with stepping down to early help because two months of unannounced "
            "visits found the home safe; the plan must include his father.",
            False,
            "a decision with its reason and a direction",
        ),
        Example(
            "ANALYSIS\nDiscussed in supervision on 4/6: I am not yet confident in mother's account of the "
            "injury; a paediatric opinion will be sought before the conference.",
            False,
            "a supervision discussion recorded in the analysis",
        ),
    )

    def check(self, form: Form, context: Context) -> Iterator[Finding]:
        boxes = form.sections_of(*self.option(context, "sections"))
        min_words = int(self.option(context, "min_words"))
        if any(_thinking(s, min_words) for s in boxes):
            return
        if any(_OVERSIGHT.search(s.text) for s in form.sections):
            return
        filled = [s for s in boxes if s.text.strip()]
        if filled:
            quoted = " ".join(filled[0].text.split())
            yield self.finding(
                f"'{filled[0].heading}' records only a sign-off ('{quoted[:80]}'): no reason, view or "
                "direction from the manager.",
                section=filled[0],
                text=quoted,
            )
        else:
            yield self.finding(
                "No manager's oversight, supervision discussion or management decision is recorded.",
                section=boxes[0] if boxes else None,
            )
