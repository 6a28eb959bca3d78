"""W704 vague-quantifier: "often", "several", "recently" where a count, a frequency or a date is needed."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

import regex

from formlint.finding import Finding, Severity
from formlint.language import clause_bounds
from formlint.model import Form
from formlint.rule import Context, Example, Rule
from formlint_rules.sectioned_lexicon import categories, pattern
from formlint_rules.unexplained_jargon import VIEWS_SECTIONS, family_names, inside, others_words

_LEXICON = "vague_quantifiers"

_NUMBER_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|hundred|dozen|once|twice|half|single|both"
)
_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
# A figure, a date or a stated frequency in the same clause answers the question.
_FIGURE = regex.compile(
    rf"""\d
    | \b(?:{_NUMBER_WORDS})\b
    | \b(?:{_MONTHS})\b(?!\s+(?:be|have|not)\b)
    | \b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekends?|christmas|easter
          |half[- ]term)s?\b
    | \b(?:daily|nightly|weekly|fortnightly|monthly|yearly|annually|hourly)\b
    | \b(?:every|each|per|a|times\s+a)\s+
        (?:day|night|morning|evening|week|fortnight|month|term|year|visit|weekend)\b
    | \b(?:last|this|next|previous)\s+
        (?:week|fortnight|month|term|year|night|weekend|summer|spring|autumn|winter)\b
    | \b(?:yesterday|today|tonight)\b
    | \bper\s*cent\b | %
    """,
    regex.IGNORECASE | regex.VERBOSE,
)
# "We do not know how often" records a gap; it is not a vague claim.
_GAP = regex.compile(
    r"\bhow\s+(?:often|many|much|long|frequently|regularly|recently)\b|\b(?:not|don't|do\s+not|does\s+not)\s+(?:yet\s+)?"
    r"(?:know|clear|sure|certain)\b|\bunclear\b|\bunknown\b|\bnot\s+(?:been\s+)?(?:able|possible)\s+to\s+(?:say|find\s+out|establish)\b",
    regex.IGNORECASE,
)
# A generalisation about children or parents in general needs no figure ("Babies often cry").
_GENERAL_SUBJECT = regex.compile(
    r"^\W*(?:(?:young|small|older|many|most|some|all)\s+)?(?:children|babies|toddlers|teenagers|adolescents|"
    r"young\s+people|parents|carers|families|people|victims|survivors)\b",
    regex.IGNORECASE,
)
# A vague quantity matters when it counts events or harm ("several incidents", "a few bruises"),
# not when it counts things in passing ("several reasons", "a few toys").
_COUNTED = regex.compile(
    r"\s+(?:[\w'’]+\s+){0,2}?(?:times|occasions|incidents|injur(?:y|ies)|bruis(?:es|ing)|marks|call-?outs|calls|"
    r"referrals|reports|notifications|visits|appointments|sessions|days|nights|weeks|months|years|absences|"
    r"episodes|arguments|assaults|fights|attacks|drinks|cans|bottles|units|exclusions|detentions|complaints|"
    r"warnings|arrests|admissions|attendances|lates|late\s+marks|missed|disclosures|allegations|concerns|"
    r"messages|texts|overdoses|cuts|self-harm|sources|holidays|weekends|evenings|mornings|hitting|shouting|"
    r"smacking|check-?ins|contacts|meetings|phone\s+calls)\b",
    regex.IGNORECASE,
)
# A time of day ("awake at 11pm", "at 8.30") says when, not how often or how many.
_CLOCK = regex.compile(
    r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s*o'?\s*clock\b",
    regex.IGNORECASE,
)
# The vague word's own rate ("several nights a week", "a few times a month") is not a figure: the
# count is still missing.
_OWN_RATE = regex.compile(
    r"\s+(?:\w+\s+){0,2}?(?:times|days|nights|evenings|mornings|weekends|visits|drinks|cans)"
    r"\s+(?:a|per|each|every)\s+(?:day|night|week|fortnight|month|term|year)\b",
    regex.IGNORECASE,
)
# "His teacher says ...", "Mrs Doyle said ...", "The school reported that ...": someone else's account
# from the reporting verb to the end of the sentence. Not "I think", "we found" (the writer) or an
# agentless "It is reported that" (an unattributed claim, still the writer's).
_REPORTED = regex.compile(
    r"(?:^|(?<=[;:,]\s))\W*(?!(?:I|we|it|there)\b)(?:[\p{L}'’.-]+\s+){1,4}?"
    r"(?:said|says|say|told\s+(?:me|us|the\s+\w+|her|him)|tells\s+(?:me|us)|reports?|reported|describes?|described|"
    r"explained|explains|thinks|thought|feels|felt|believes|believed|recalls|recalled|admits|admitted)\b[^.;!?]*",
    regex.IGNORECASE,
)
# "..., as Reuben described it": the clause before is attributed to him.
_ATTRIBUTED_AFTER = regex.compile(
    r"^[^;]*?,\s*as\s+(?!(?:I|we)\b)(?:[\p{L}'’-]+\s+){1,3}?(?:said|says|described|describes|told|tells|"
    r"reported|reports|explained|explains|recalled|put\s+it)\b",
    regex.IGNORECASE,
)
# A hedged hypothesis about the vague quantity ("some days may be linked to ...").
_HEDGE_AFTER = regex.compile(r"(?:\s+[\w'’-]+){0,4}?\s+(?:may|might|could)\b", regex.IGNORECASE)
# A present-tense "when" clause describes a kind of situation, not events to count ("how he copes
# when the baby cries for a long time"); a past one still does ("when things were hard in the past").
_WHEN_BEFORE = regex.compile(r"\b(?:when|whenever)\s+(?P<between>(?:[\w'’-]+\s+){1,5}?)$", regex.IGNORECASE)
_PAST = regex.compile(r"\b(?:was|were|had|did|been|\w+ed)\b", regex.IGNORECASE)
# "as often as", "more often than": comparisons, not frequencies of what happened.
_COMPARISON = regex.compile(r"\b(?:as|more|less|most)\s+$", regex.IGNORECASE)

_ADVICE = {
    "frequency": "say how many times, over what period ('3 times in the last 4 weeks')",
    "quantity": "give the number ('4 incidents')",
    "time": "give the date or how long ago ('on 12 March', 'since January')",
}


class VagueQuantifier(Rule):
    code = "W704"
    slug = "vague-quantifier"
    summary = "A vague word ('often', 'several', 'recently') where a number, frequency or date is needed."
    pattern = "1a"
    sources = ("S20", "S27", "S28")
    severity = Severity.INFO
    why = (
        "'Kai often misses school' and 'there have been several incidents recently' cannot be checked, "
        "compared with the next review or challenged by the family, and they let a worrying pattern "
        "sound like an impression. Recording guidance warns against 'vague and imprecise' entries; "
        "inspectors find plans without timescales. A figure or a date is usually already in the file. "
        "This is an information-level prompt that leans towards asking: it will sometimes ask about a "
        "passing 'often' that needed no figure. Set `warning_sections` (for example the plan) to make "
        "it a warning where timescales matter most."
    )
    fix = (
        "Replace the vague word with the count, frequency or date: '18 of the last 60 school days', "
        "'6 to 8 cans most evenings, by her account', 'three police call-outs since 1 March'. If you do "
        "not know, say so ('we do not know how often Mr Lee visits')."
    )
    options: ClassVar[Mapping[str, Any]] = {
        # Sections that hold identifying details or other people's words.
        "skip_sections": (
            "child_details",
            "professional_network",
            "signatures",
            "consent",
        ),
        # Where a vague word stands for a timescale or evidence of harm: findings here are warnings.
        "warning_sections": (),
    }
    examples = (
        Example("ANALYSIS\nKai often misses school.", True, "how often?"),
        Example("RISK ANALYSIS\nMother drinks regularly.", True, "how much, how often?"),
        Example("ANALYSIS\nThere have been several incidents recently.", True, "how many, and when?"),
        Example("ANALYSIS\nKai has missed 18 of the last 60 school days.", False, "a figure"),
        Example(
            "ANALYSIS\nThere have been three police call-outs since 1 March (4/3, 21/3, 2/4), and Kai often "
            "hides in his room when they happen, as he told me on 5 April.",
            False,
            "the figure and the date are in the same clause",
        ),
        Example(
            "GAPS\nWe do not know how often Mr Lee visits the flat.",
            False,
            "a recorded gap, not a vague claim",
        ),
        Example(
            'CHILD\'S VIEWS\nKai said "Dad shouts a lot and I often go upstairs".',
            False,
            "the child's own words",
        ),
    )

    def check(self, form: Form, context: Context) -> Iterator[Finding]:
        skip = frozenset(self.option(context, "skip_sections") or ())
        warn = frozenset(self.option(context, "warning_sections") or ())
        patterns = [(category, pattern(_LEXICON, category)) for category in categories(_LEXICON)]
        names = family_names(form)
        for section in form.sections:
            if section.kind in skip:
                continue
            for sentence in section.sentences:
                text = sentence.text
                hits = [(c, m) for c, p in patterns for m in p.finditer(text)]
                if not hits:
                    continue
                # Anyone's reported words, not only the family's: "his teacher says he is often
                # tired" is the teacher's word, and the figure is theirs to give.
                spans = others_words(
                    text, names, views_section=section.kind in VIEWS_SECTIONS, any_speaker=True
                )
                spans += [(m.start(), m.end()) for m in _REPORTED.finditer(text)]
                spans += [(m.start(), m.end()) for m in _ATTRIBUTED_AFTER.finditer(text)]
                vague = [
                    (category, match)
                    for category, match in sorted(hits, key=lambda hit: hit[1].start())
                    if not inside(spans, match.start(), match.end())
                    and self._needs_figure(text, category, match)
                ]
                if not vague:
                    continue
                words = ", ".join(dict.fromkeys(f"'{m.group()}'" for _, m in vague))
                advice = "; ".join(dict.fromkeys(_ADVICE[c] for c, _ in vague))
                yield self.finding(
                    f"{words} leaves the reader to guess a number or a date: {advice}. If it is not known, "
                    "say so.",
                    section=section,
                    sentence=sentence,
                    severity=Severity.WARNING if section.kind in warn else None,
                )

    @staticmethod
    def _needs_figure(text: str, category: str, match: regex.Match[str]) -> bool:
        if category == "quantity" and not _COUNTED.match(text, match.end()):
            return False
        left, right = clause_bounds(text, match.start(), match.end())
        own = _OWN_RATE.match(text, match.end())
        if own and own.end() <= right:
            clause = text[left : match.start()] + " " * (own.end() - match.start()) + text[own.end() : right]
        else:
            clause = text[left:right]
        if _HEDGE_AFTER.match(text, match.end(), right):
            return False
        when = _WHEN_BEFORE.search(text, left, match.start())
        if when and not _PAST.search(when.group("between")):
            return False
        if _FIGURE.search(_CLOCK.sub(" ", clause)) or _GAP.search(clause) or _GENERAL_SUBJECT.match(clause):
            return False
        return not _COMPARISON.search(text[left : match.start()])
