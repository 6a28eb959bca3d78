"""T113 impact-on-child-missing: an adult's problem described with nothing on what it means for the child."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

import regex

from formlint.finding import Finding, Severity
from formlint.language import reported_spans
from formlint.language.risk import RiskMention, risk_factors
from formlint.model import Block, Form, Section, Sentence
from formlint.rule import Context, Example, Rule
from formlint_rules.cue_lexicon import pattern
from formlint_rules.risk_sections import FACTOR_NAMES
from formlint_rules.support import names_in

_LEXICON = "impact_on_child_missing"
# "Mr Hale's alcohol appointments", "the mental health team": a service for the problem, not the problem.
_SERVICE = regex.compile(
    r"\s*(?:(?:and|&)\s+(?:drugs?|alcohol|substance misuse)\s+)?(?:appointments?|workers?|services?|teams?|"
    r"support|programmes?|courses?|counsell\w*|clinics?|sessions?|groups?|key ?workers?|nurses?|"
    r"practitioners?|treatment|referrals?|recovery|records?|reports?|checks?|officers?|assessments?)\b",
    regex.IGNORECASE,
)
# "whether her anxiety is the bigger barrier": an open question, not a described problem.
_OPEN_QUESTION = regex.compile(r"\bwhether\b[^.;:!?]*$", regex.IGNORECASE)
_BULLET = regex.compile(r"^\s*(?:[-*\u2022\u25aa\u2013]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+")
# A line broken mid-sentence: the next block carries on in lower case.
_UNFINISHED = regex.compile(r"[^.!?:;\"”’)\]]\s*$")
_LOWER_START = regex.compile(r"^\s*\p{Ll}")
# A paragraph that opens on the one before ("The risk may be increasing: ...", "This means ...").
_OPENS_ON_PREVIOUS = regex.compile(
    r"^\W*(?:(?:this|these|that|those|such|it)\b|(?:the|this|that|these|those) (?:same )?"
    r"(?:risks?|incidents?|concerns?|worr(?:y|ies)|pattern|harm|behaviour|situation)\b)",
    regex.IGNORECASE,
)
# A next paragraph that carries on about the same thing ("On those evenings ...", "She ...").
_CONTINUES = regex.compile(
    r"\b(?:this|these|those|that|such|it|its|she|he|they|her|his|their|them|him)\b", regex.IGNORECASE
)


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
        if (
            mention.category in categories
            and not mention.negated
            and not any(a <= mention.start < b for a, b in spans)
            and not _SERVICE.match(text, mention.end)
            and not _OPEN_QUESTION.search(text, 0, mention.start)
        ):
            return mention
    return None


def _paragraphs(section: Section) -> list[list[Block]]:
    """The answer's paragraphs; a run of list items is one paragraph (a list answers as one)."""
    out: list[list[Block]] = []
    previous_item = False
    for block in section.blocks:
        if block.blank or not block.text.strip():
            previous_item = False
            continue
        item = bool(_BULLET.match(block.text))
        wrapped = bool(out) and _UNFINISHED.search(out[-1][-1].text) and _LOWER_START.match(block.text)
        if (item and previous_item) or wrapped:
            out[-1].append(block)
        else:
            out.append([block])
        previous_item = item
    return out


def _window(paragraphs: list[list[Block]], index: int, mention: RiskMention) -> str:
    """The paragraph, the one before when this one opens on it ("The risk may be increasing"),
    and the next one when it carries on about the same adult or problem; a new topic in the
    next paragraph ("The home conditions are now unsafe") is not a link."""
    text = "\n".join(b.text for b in paragraphs[index])
    if index > 0 and _OPENS_ON_PREVIOUS.match(text):
        text = "\n".join(b.text for b in paragraphs[index - 1]) + "\n" + text
    if index + 1 < len(paragraphs):
        following = "\n".join(b.text for b in paragraphs[index + 1])
        same_problem = any(m.category == mention.category for m in risk_factors(following))
        if same_problem or _CONTINUES.search(following):
            text += "\n" + following
    return text


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
            "ANALYSIS\nOn 4 June Jo was in a wet nappy.\n\nMs Lane has a long history of depression and is "
            "not taking her medication.\n\nThe home conditions are now unsafe for Jo.",
            True,
            "the illness in a paragraph of its own; the next paragraph is a new topic",
        ),
        Example(
            "ANALYSIS\nMr Hale's alcohol appointments are real steps, but we do not yet know whether the "
            "separation will last.",
            False,
            "a service for the problem, not the problem",
        ),
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
            names = _names_pattern(form, section.text)
            paragraphs = _paragraphs(section)
            for index, blocks in enumerate(paragraphs):
                found = [
                    (s, m)
                    for s in section.sentences
                    if any(s.block is b for b in blocks)
                    and (m := adult_problem(s.text, categories)) is not None
                ]
                if not found or says_impact(_window(paragraphs, index, found[0][1]), names):
                    continue
                sentence, mention = found[0]
                yield self._finding(form, section, sentence, mention)
                break  # one finding a section

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
