"""J605 dispositional-attribution: a character label applied to a person with no behaviour,
date or source to show what it rests on."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Mapping
from typing import Any, ClassVar

import regex

from formlint.finding import Finding, Severity
from formlint.language import clause_bounds, rationale_cues, reported_speech_cues, spans_of
from formlint.model import Form
from formlint.rule import Context, Example, Rule
from formlint_rules.cue_lexicon import grouped
from formlint_rules.support import Reading, names_in, supports

LEXICON = "dispositional_attribution"
_I = regex.IGNORECASE
_SPACE = r"\s+"


@functools.cache
def _labels() -> str:
    return "|".join("(?:" + e.replace(" ", _SPACE) + ")" for e in grouped(LEXICON)["label"])


# Who a label can be about: a name, a title and name, a family role or a pronoun.
_PERSON = (
    r"(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+)?(?-i:\p{Lu}[\p{L}'’-]+)"
    r"|(?:she|he|they|mum|mother|dad|father|parents?|carers?|stepfather|stepdad|stepmother|stepmum|"
    r"partner|grandmother|grandfather|nan|nanna|grandad|the family|the couple|both parents|the child|"
    r"the boy|the girl|the young person)"
)
# Capitalised words that begin a sentence but are not people.
_NOT_PEOPLE = frozenset(
    """it this that there here the what which who home house flat situation meeting conference school
    nursery everything life behaviour relationship contact time visit environment household atmosphere
    room kitchen bedroom morning evening night weekend day week presentation picture area""".split()
)
_COPULA = (
    r"(?:is|was|are|were|can be|could be|has been|have been|had been|remains?|remained|appears?|appeared|"
    r"seems?|seemed|presents? as|presented as|presenting as|comes? across as|came across as|became|"
    r"becomes|has become|continues to be|continued to be|is being|was being|gets|got|is known to be|"
    r"was known to be)"
)
_DEGREE = (
    r"(?:(?:a|an|very|quite|extremely|really|often|increasingly|so|highly|particularly|at times|"
    r"generally|also|still|now|verbally|physically|emotionally|both|always|frequently|rather|more|"
    r"somewhat|sometimes|incredibly|deeply|totally|completely|too)\s+)*"
)
_NOUNS = (
    r"(?:mother|mum|father|dad|parents?|carers?|family|families|lifestyle|man|woman|person|individual|"
    r"household|partner|stepfather|boyfriend|girlfriend|teenager|young person|child|boy|girl)"
)


@functools.cache
def _patterns() -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str]]:
    labels = _labels()
    copular = regex.compile(
        rf"(?<![\p{{L}}'’-])(?P<who>{_PERSON})\s+{_COPULA}\s+{_DEGREE}(?P<label>{labels})(?![\p{{L}}-])"
        r"(?!\s+(?:towards|toward|to|with|at)\s+(?:me|us)\b)",
        _I,
    )
    attributive = regex.compile(
        rf"(?<![\p{{L}}'’-])(?:a|an|the|her|his|their|this|very|{_PERSON}(?:'s|’s)?)\s+{_DEGREE}"
        rf"(?P<label>{labels})(?:,?\s+(?:and\s+)?[\p{{L}}-]+)?\s+(?P<noun>{_NOUNS})(?![\p{{L}}-])",
        _I,
    )
    lacks = regex.compile(
        rf"(?<![\p{{L}}'’-])(?P<who>{_PERSON})\s+(?:(?:still|also|clearly|continues to)\s+)?"
        r"(?P<label>" + "|".join(grouped(LEXICON)["lacks"]).replace(" ", _SPACE) + ")",
        _I,
    )
    return copular, attributive, lacks


# A diagnosis is not a label ("has a diagnosis of", "diagnosed with").
_DIAGNOSIS = regex.compile(r"\b(?:diagnos\w*|disorder|condition|syndrome)\b", _I)
# The writer's own impression of a person: in a views section only these apply a label.
_IMPRESSION = regex.compile(
    r"\b(?:presents? as|presented as|presenting as|comes? across as|came across as|appeared|appears|"
    r"seemed|seems|was observed to be|(?:I|we) (?:found|observed|noted) (?:him|her|them))\b",
    _I,
)
# An explanation in the same sentence: a "when ..." clause with what happened, or "for example".
_CONDITION = regex.compile(r"\b(?:if|unless|whether|in case|should)\b", _I)
_EXPLAINED = regex.compile(r"\b(?:when (?:I|we|asked|she|he|they|the)\b|for example|such as|e\.g\.)", _I)


def find_label(text: str) -> regex.Match[str] | None:
    """The first character label applied to a person in ``text``, outside quotation and
    reported speech; ``None`` when there is none."""
    spans = spans_of(text, reported_speech_cues(text))
    for pattern in _patterns():
        for match in pattern.finditer(text):
            who = match.groupdict().get("who")
            if who and who.casefold() in _NOT_PEOPLE:
                continue
            start, end = match.span("label")
            if any(a <= start and end <= b for a, b in spans):
                continue
            return match
    return None


def _explained(text: str, match: regex.Match[str]) -> bool:
    """The sentence itself says what the label rests on: a date, a number, an observation,
    a source, an example, a reason, a 'when' clause or a diagnosis (the label's own words,
    "presented as", do not count)."""
    start, end = match.span()
    reasons = [c for c in rationale_cues(text) if c.end <= start or c.start >= end]
    return bool(reasons or _EXPLAINED.search(text) or _DIAGNOSIS.search(text))


_PRONOUNS = frozenset({"he", "she", "they"})


def own_words(neighbour: Reading, match: regex.Match[str], *, after: bool) -> bool:
    """True when the neighbour's only evidence is what the labelled person said ("Mr Kemp said the
    social worker 'never listens'"): their view of the work is not the conduct a character label
    claims to describe, and it carries no date."""
    who = (match.groupdict().get("who") or "").split()
    sources = [c for c in neighbour.reasons if c.category != "connective"]
    if not who or not sources or any(c.category != "source" for c in sources):
        return False
    surname = who[-1].casefold()
    for cue in sources:
        words = [w.casefold() for w in regex.findall(r"[\p{L}'’-]+", cue.text)]
        if surname not in words and not (after and words and words[0] in _PRONOUNS):
            return False
    return True


def _conditional(text: str, match: regex.Match[str]) -> bool:
    """The label is a condition or a possibility, not a description ("if Jason is violent again")."""
    left, _ = clause_bounds(text, match.start(), match.end())
    return bool(_CONDITION.search(text, left, match.start()))


def _shows(
    here: Reading, neighbour: Reading, match: regex.Match[str], *, after: bool, names: frozenset[str]
) -> bool:
    """The neighbouring sentence shows what the label rests on: evidence about the person with a
    date, a figure, an observation or a source. A background fact about them ("has a long history
    of depression") is not the behaviour a label rests on, nor are their own words alone."""
    if own_words(neighbour, match, after=after):
        return False
    return neighbour.has_evidence_markers() and supports(here, neighbour, after=after, known_names=names)


class DispositionalAttribution(Rule):
    code = "J605"
    slug = "dispositional-attribution"
    summary = (
        "A character label ('chaotic', 'manipulative', 'hostile', 'attention-seeking') applied to a person "
        "with no behaviour, date or source to show what it rests on."
    )
    pattern = "6c"
    sources = ("S1", "S20", "S30", "S37")
    severity = Severity.WARNING
    why = (
        "Case reviews find that labels explain behaviour by a person's character rather than their "
        "situation, travel unexamined through the file and shape how every later worker reads the family. "
        "'Mother is chaotic' cannot be checked or challenged; 'Mother missed four of six appointments in "
        "May' can, and it is also language a family can recognise and respond to."
    )
    fix = (
        "Replace the label with what the person did, when and where, and who saw or reported it ('Dad "
        "raised his voice and stood in the doorway when I asked about the bruise on 3 May'). If the word is "
        "someone else's, quote it and say whose it is."
    )
    options: ClassVar[Mapping[str, Any]] = {
        # Lists, headings and records of checks, where labels are quoted, not applied.
        "skip_sections": (
            "child_details",
            "family_composition",
            "professional_network",
            "consent",
            "signatures",
            "agency_checks",
        ),
        # Sections of other people's words: a sentence there paraphrases the speaker ("Dad is
        # aggressive and she is scared of him") unless the writer reports their own impression of
        # the person ("Mr Kemp presented as hostile"), which is the writer's label.
        "views_sections": ("parent_views", "child_views"),
    }
    examples = (
        Example("ANALYSIS\nMother is chaotic and manipulative.", True, "two labels, nothing behind them"),
        Example(
            "ANALYSIS\nDad presented as hostile and aggressive.", True, "'presented as' is still a label"
        ),
        Example("ANALYSIS\nJade is attention-seeking.", True, "a label on a child"),
        Example(
            "ANALYSIS\nMother missed four of six appointments and moved address twice in May; she told me "
            "she "
            "'can't keep track of days' since losing her phone.",
            False,
            "behaviour, numbers and dates instead of a label",
        ),
        Example(
            "ANALYSIS\nThe school describes Dad as hostile.",
            False,
            "a label reported from someone else, with its source",
        ),
        Example(
            'ANALYSIS\nMs Reid said that the social worker was "hostile" at the visit.',
            False,
            "quoted speech",
        ),
        Example(
            "ANALYSIS\nMr Lee was aggressive when I asked about the bruise on 3 May: he shouted and stood in "
            "the doorway.",
            False,
            "a label explained with the behaviour and the date",
        ),
        Example(
            "ANALYSIS\nMs Day has a long history of anxiety. Ms Day is manipulative.",
            True,
            "a background fact beside the label is not the behaviour it rests on",
        ),
        Example(
            'PARENTS\' VIEWS\nMr Rowe said the school "has it in for him". Mr Rowe presented as hostile.',
            True,
            "the writer's own impression in a views section, beside only his own words",
        ),
    )

    def check(self, form: Form, context: Context) -> Iterator[Finding]:
        skip = frozenset(self.option(context, "skip_sections") or ())
        views = frozenset(self.option(context, "views_sections") or ())
        people = [p.name for p in (*form.metadata.children, *form.metadata.household)]
        names: frozenset[str] | None = None
        for section in form.sections:
            if section.kind in skip:
                continue
            sentences = section.sentences
            read: Callable[[int], Reading] = functools.cache(
                lambda i, sentences=sentences: Reading.of(sentences[i].text)
            )
            for index, sentence in enumerate(sentences):
                match = find_label(sentence.text)
                if match is None or _explained(sentence.text, match) or _conditional(sentence.text, match):
                    continue
                if section.kind in views and not _IMPRESSION.search(sentence.text, 0, match.end()):
                    continue
                if names is None:
                    names = names_in("\n".join(s.text for s in form.sections), people)
                here = read(index)
                if (index > 0 and _shows(here, read(index - 1), match, after=False, names=names)) or (
                    index + 1 < len(sentences)
                    and _shows(here, read(index + 1), match, after=True, names=names)
                ):
                    continue
                label = match.group("label")
                yield self.finding(
                    f"'{match.group().strip()}' labels a person's character ('{label}') without saying what "
                    "they did, when, or who saw it. Describe the behaviour, with its date and source, "
                    "instead "
                    "of the label.",
                    section=section,
                    sentence=sentence,
                )
