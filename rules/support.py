"""Does a sentence state a judgement, and does a neighbouring sentence support it?

Shared by rules that ask whether a conclusion is supported (T101 now; the
optimism and dispositional rules later).  The tests are deliberately lexical:
a judgement is a sentence with the writer's own judgement words; support is a
neighbouring statement of fact, observation or source that is about the same
person, not another judgement and not a statement of doubt.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import regex

from formlint.language import (
    Cue,
    SentenceKind,
    classify_cues,
    judgement_cues,
    rationale_cues,
    reported_speech_cues,
    spans_of,
    uncertainty_cues,
)

_WORD = regex.compile(r"[\p{L}][\p{L}'’-]*")
_TOKEN = regex.compile(r"(\S+)(\s*)")
# A capital after these begins a sentence, a line or a quotation.
_OPENERS = frozenset(".!?:;\n\"'“‘-–—•*(")
# What will or should happen is a plan or a prediction, not evidence of what is.
_FUTURE = regex.compile(
    r"\b(?:will|shall|should|is going to|are going to|(?:work|task|plan|aim) is to|needs? to|must)\b",
    regex.IGNORECASE,
)
_CONDITIONAL = regex.compile(r"^\W*(?:if|unless|should)\b", regex.IGNORECASE)
_ELABORATION = regex.compile(r"[:;]\s")
_THIRD_PERSON = frozenset("he she they him her them his hers their theirs".split())
# Capitalised words that are not names: sentence openers, titles, form words.
_NOT_NAMES = frozenset(
    """the a an this that these those it its his her their he she they we i our my there
    mr mrs ms miss mx dr mum dad mother father baby child children family parents""".split()
)
# The person a judgement is about when it is named by role or spoken to:
# "Mum not coping", "You have been open with me".  The neighbour must be about
# the same person ("mum", "mother", "she"; "you", "your").
_ROLES = {
    "you": frozenset({"you", "your", "yours", "yourself"}),
    "your": frozenset({"you", "your", "yours", "yourself"}),
    "mum": frozenset({"mum", "mother", "mum's", "mother's"}),
    "mother": frozenset({"mum", "mother", "mum's", "mother's"}),
    "dad": frozenset({"dad", "father", "dad's", "father's"}),
    "father": frozenset({"dad", "father", "dad's", "father's"}),
}
_ROLE_PRONOUNS = {"mum": "she her", "mother": "she her", "dad": "he him his", "father": "he him his"}
# Case decisions ("step down to early help") are judged by other rules; these
# helpers are about verdicts on the child, the parents and the risk.
_NOT_VERDICTS = frozenset({"decision"})


@dataclass(frozen=True)
class Reading:
    """What one sentence does, worked out once: its kind, the writer's own verdict
    words, and its reasons, reported words and doubts."""

    text: str
    kind: SentenceKind
    verdicts: tuple[Cue, ...]
    reasons: tuple[Cue, ...]
    reported: tuple[Cue, ...]
    doubts: tuple[Cue, ...]

    @classmethod
    def of(cls, text: str) -> Reading:
        judgements = judgement_cues(text)
        reported = reported_speech_cues(text)
        spans = spans_of(text, reported)
        verdicts = tuple(
            c
            for c in judgements
            if c.category not in _NOT_VERDICTS and not any(a <= c.start and c.end <= b for a, b in spans)
        )
        return cls(
            text,
            classify_cues(text, judgements, reported),
            verdicts,
            tuple(rationale_cues(text)),
            tuple(reported),
            tuple(uncertainty_cues(text)),
        )

    def bare_verdict(self) -> Cue | None:
        """The first verdict of a sentence that states the writer's own judgement with
        no reason, evidence or source inside it; ``None`` otherwise."""
        if self.kind is not SentenceKind.JUDGEMENT or self.reasons or self.reported or not self.verdicts:
            return None
        first = self.verdicts[0]
        # A gap in knowledge stated in the same sentence ("We do not know how she will
        # cope", "...; we do not yet know") makes it a statement of doubt.
        if any(c.category == "gap" or (c.category == "question" and c.start < first.start)
               for c in self.doubts):
            return None
        # "If an adult hit Freya, she is at risk of ...": a consequence reasoned from a
        # condition, not a verdict on what is.
        if _CONDITIONAL.match(self.text):
            return None
        # "Jade and Callum are attentive parents: they have kept every appointment ...":
        # what follows the colon or semicolon is the evidence, when it is a statement of fact.
        split = _ELABORATION.search(self.text, first.end)
        if split and len(_WORD.findall(self.text[split.end():])) >= 4:
            rest = Reading.of(self.text[split.end():])
            if rest.is_evidence() and rest.kind is not SentenceKind.JUDGEMENT:
                return None
        return first

    def is_evidence(self) -> bool:
        """A statement of fact, observation or source: not a question, not another
        judgement and not doubt.  A sentence that argues with "because" or "as" is
        making its own claim, and its reasons support that claim, not a neighbour."""
        if _FUTURE.search(self.text) or self.kind is SentenceKind.QUESTION:
            return False
        # A verdict drawn from what the writer saw ("the flat was clean on all
        # three visits") still reports the observation.
        if self.kind is SentenceKind.JUDGEMENT:
            return any(c.category == "observation" for c in self.reasons)
        if self.reasons and all(c.category == "connective" for c in self.reasons):
            return False
        return bool(self.reasons) or not self.doubts

    def has_evidence_markers(self) -> bool:
        """An observation, a named source, a date, a figure or an example."""
        return self.kind is SentenceKind.REPORTED or any(c.category != "connective" for c in self.reasons)


def _fold(word: str) -> str:
    return word.casefold().removesuffix("'s").removesuffix("’s").removesuffix("s")


def names_in(text: str, people: Iterable[str] = ()) -> frozenset[str]:
    """The names used in ``text``: words written with a capital inside a sentence,
    plus every word of the ``people`` named in the form's details.

    A sentence's or a line's first word is capitalised whatever it is, so it only
    counts as a name when the same word is capitalised mid-sentence somewhere.
    """
    names = {_fold(w) for person in people for w in _WORD.findall(person)}
    previous = ""
    for token in _TOKEN.finditer(text):
        chunk, gap = token.group(1), token.group(2)
        word = _WORD.search(chunk)
        if word and chunk[0].isupper() and previous and previous[-1] not in _OPENERS:
            names.add(_fold(word.group()))
        previous = "\n" if "\n" in gap else chunk
    return frozenset(names - {_fold(w) for w in _NOT_NAMES})


def _mentions(text: str, names: set[str], *, pronouns: bool, known: frozenset[str]) -> bool:
    """True when ``text`` names one of ``names`` or, with ``pronouns``, refers to them
    as "he" or "she" without naming anyone else the pronoun could mean."""
    folded = {_fold(w) for w in _WORD.findall(text) if w[0].isupper()}
    if names & folded:
        return True
    words = {w.casefold() for w in _WORD.findall(text)}
    return pronouns and bool(words & _THIRD_PERSON) and not (folded & known)


def _mentions_role(text: str, role: str, *, pronouns: bool) -> bool:
    """True when ``text`` refers to the person a judgement names by ``role``."""
    words = {w.casefold() for w in _WORD.findall(text)}
    if words & _ROLES[role]:
        return True
    return pronouns and bool(words & set(_ROLE_PRONOUNS.get(role, "").split()))


def supports(judgement: Reading, neighbour: Reading, *, after: bool, known_names: frozenset[str]) -> bool:
    """True when ``neighbour`` (the sentence just before or ``after`` the judgement) is
    evidence about what the judgement is about."""
    if not neighbour.is_evidence():
        return False
    end = judgement.verdicts[0].start if judgement.verdicts else len(judgement.text)
    names = {_fold(w) for w in _WORD.findall(judgement.text[:end]) if w[0].isupper()} & known_names
    # A judgement about a named person needs evidence about that person; one about
    # care, a home or a risk needs a neighbour that shows its evidence (a visit, a
    # date, a figure, a source), not any passing fact.
    if not names:
        roles = [w.casefold() for w in _WORD.findall(judgement.text[:end]) if w.casefold() in _ROLES]
        if roles:
            about = _mentions_role(neighbour.text, roles[0], pronouns=after)
            return about and neighbour.has_evidence_markers()
        return neighbour.has_evidence_markers()
    return _mentions(neighbour.text, names, pronouns=after, known=known_names)
