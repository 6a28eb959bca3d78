"""T113 impact-on-child-missing: an adult's problem described with nothing on what it means for the child."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

import regex

from formlint.finding import Finding, Severity
from formlint.language import reported_spans
from formlint.language.risk import RiskMention, risk_factors
from formlint.model import Form, Section, Sentence
from formlint.rule import Context, Example, Rule
from formlint_rules.cue_lexicon import pattern
from formlint_rules.risk_sections import FACTOR_NAMES
from formlint_rules.support import names_in

_LEXICON = "impact_on_child_missing"


def _names_pattern(form: Form, text: str) -> regex.Pattern[str] | None:
    """The children's names: the roster's, and any other name the text uses that is not an adult's
    (a child the details table missed, "Kai was in the room")."""
    adults = {w.casefold() for m in form.people if not m.child and m.name for w in m.name.split()}
    names = {n for m in form.people.children for n in m.first_names if len(n) > 1}
    # A capital after a semicolon is a name, not a sentence start ("...; Kai was in the room").
    found = names_in(text.replace(";", ","))
    names |= {n.capitalize() for n in found if n not in adults and len(n) > 1}
    if not names:
        return None
    ordered = sorted(names, key=len, reverse=True)
    return regex.compile(r"\b(?:" + "|".join(regex.escape(n) for n in ordered) + r")(?:['’]s)?\b", regex.I)


def adult_problem(text: str, categories: frozenset[str]) -> RiskMention | None:
    """The first adult risk factor stated in the writer's own words (not ruled out, not quoted)."""
    spans = reported_spans(text)
    for mention in risk_factors(text):
        if mention.category in categories and not mention.negated and not any(
            a <= mention.start < b for a, b in spans
        ):
            return mention
    return None


def says_impact(text: str, names: regex.Pattern[str] | None) -> bool:
    """True when ``text`` names a child and says something of what happens to them."""
    child = pattern(_LEXICON, "child").search(text) or (names is not None and names.search(text))
    return bool(child) and bool(pattern(_LEXICON, "impact").search(text))


class ImpactOnChildMissing(Rule):
    code = "T113"
    slug = "impact-on-child-missing"
    summary = "An adult's problem (drinking, violence, low mood) with nothing on what it means for the child."
    pattern = "1b"
    sources = ("S23", "S27", "Ofsted inspection reports")
    severity = Severity.WARNING
    why = (
        "'Father uses cannabis daily' or 'there have been three domestic incidents' describes the adult, "
        "not the child. Unless the form says what the child sees, hears, misses or is at risk of, the "
        "danger stays abstract: it cannot be weighed, planned against or checked at review. Inspections "
        "find assessments that 'do not consider the impact on the child of parental behaviours'."
    )
    fix = (
        "Say what the problem means for the child, with what you know: when it happens and where the "
        "child is, what they see or hear, what they miss (meals, school, sleep), how they are and what "
        "could happen to them ('Rosie (6) gets herself and her brother ready and has been late 14 times "
        "this term')."
    )
    options: ClassVar[Mapping[str, Any]] = {
        "sections": ("analysis", "risk_analysis", "parenting_capacity"),
        # Adult problems whose effect on the child should be said.
        "categories": ("domestic_abuse", "substance_misuse", "parental_mental_health", "offending"),
    }
    examples = (
        Example(
            "ANALYSIS\nMother has a long history of depression and is not currently taking her medication.",
            True,
            "the adult's illness, nothing about the child",
        ),
        Example(
            "RISK ANALYSIS\nThere have been three domestic incidents since January.",
            True,
            "incidents counted, the child not mentioned",
        ),
        Example("PARENTING CAPACITY\nFather uses cannabis daily.", True, "the adult's use alone"),
        Example(
            "ANALYSIS\nMother's depression means she often stays in bed until midday; Rosie (6) gets herself "
            "and her brother ready and has been late 14 times this term.",
            False,
            "what the illness means for Rosie",
        ),
        Example(
            "RISK ANALYSIS\nThere have been three domestic incidents since January; Kai was in the room for "
            "two and told his teacher he hides under the bed when they shout.",
            False,
            "where the child was and how he copes",
        ),
        Example(
            "ANALYSIS\nFather uses cannabis daily after the children are in bed; he says he never uses when "
            "caring for them alone, which we have not yet been able to check.",
            False,
            "when it happens and where the children are",
        ),
        Example(
            "ANALYSIS\nThere is no evidence of domestic abuse or drug use.",
            False,
            "problems ruled out",
        ),
    )

    def check(self, form: Form, context: Context) -> Iterator[Finding]:
        categories = frozenset(self.option(context, "categories"))
        for section in form.sections_of(*self.option(context, "sections")):
            found = [
                (s, m) for s in section.sentences if (m := adult_problem(s.text, categories)) is not None
            ]
            # The whole answer is the window: the impact is often told in the next bullet or paragraph.
            if not found or says_impact(section.text, _names_pattern(form, section.text)):
                continue
            sentence, mention = found[0]
            yield self._finding(form, section, sentence, mention)

    def _finding(self, form: Form, section: Section, sentence: Sentence, mention: RiskMention) -> Finding:
        children = [n for m in form.people.subjects for n in m.first_names[:1]]
        who = " and ".join(children[:3]) if children else "the child"
        return self.finding(
            f"'{mention.text}' ({FACTOR_NAMES.get(mention.category, mention.category)}) is described with "
            f"nothing on what it means for {who}. Say what {who} sees, hears, misses or is at risk of "
            "because of it, and how you know.",
            section=section,
            sentence=sentence,
        )
