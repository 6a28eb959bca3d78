"""W703 readability-for-families: a family-facing section harder to read than the target.

Scores are Flesch Reading Ease and Flesch-Kincaid grade, the formulas textstat uses, worked out
over the form's own sentences (the project's splitter copes with "Mr", dates and lists, where a
generic splitter makes one long sentence of a list). Syllables are counted with Pyphen's English
hyphenation dictionary, the counter textstat itself falls back on: recent textstat releases fetch
the CMU pronouncing dictionary over the network on first use for English, which a tool that
never sends anything anywhere must not do (and which fails offline).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, ClassVar

import regex

from formlint.finding import Finding, Severity
from formlint.language import reported_speech_cues
from formlint.model import Form, Sentence
from formlint.rule import Context, Example, Rule
from formlint_rules.unexplained_jargon import family_facing_sections

_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’&-]*")
_VOWELS = regex.compile(r"[aeiouy]+")


@cache
def _hyphenator() -> Any:
    try:
        import pyphen

        return pyphen.Pyphen(lang="en_US")
    except (ImportError, KeyError):  # pragma: no cover - fallback when Pyphen is missing
        return None


@cache
def syllables(word: str) -> int:
    """Syllables in one lower-case word (Pyphen, else a vowel-group count)."""
    hyphenator = _hyphenator()
    if hyphenator is not None:
        return len(hyphenator.positions(word)) + 1
    groups = len(_VOWELS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee")) and groups > 1:
        groups -= 1
    return max(1, groups)


@dataclass(frozen=True)
class Counts:
    words: int
    syllables: int
    sentences: int

    @property
    def reading_ease(self) -> float:
        """Flesch Reading Ease: 60-70 is plain English; below 50 is hard for many adults."""
        return 206.835 - 1.015 * self.words / self.sentences - 84.6 * self.syllables / self.words

    @property
    def grade(self) -> float:
        """Flesch-Kincaid grade (US school grade; add 5 for a reading age in years)."""
        return 0.39 * self.words / self.sentences + 11.8 * self.syllables / self.words - 15.59


def count(text: str) -> tuple[int, int]:
    """(words, syllables) of a sentence.

    Names and other capitalised words after the first count as one syllable, and numbers and
    dates as one word of one syllable, so a family's names do not make a plain sentence score as
    hard.
    """
    words = syll = 0
    for index, match in enumerate(_WORD.finditer(text)):
        word = match.group()
        words += 1
        if (index > 0 and word[0].isupper()) or not word[0].isalpha():
            syll += 1
        else:
            syll += sum(syllables(part) for part in word.casefold().replace("’", "'").split("-") if part)
    return words, syll


def _own_words(text: str) -> str:
    """``text`` without quoted material (a child's words, quoted legal text)."""
    cues = [c for c in reported_speech_cues(text) if c.category == "quote"]
    for cue in reversed(cues):
        text = text[: cue.start] + " " + text[cue.end :]
    return text


def _shorten(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + " …"


class ReadabilityForFamilies(Rule):
    code = "W703"
    slug = "readability-for-families"
    summary = "A family-facing section is harder to read than the readability target."
    pattern = "5"
    sources = ("S30", "S23", "S27")
    severity = Severity.INFO
    why = (
        "Parents read assessments and plans about their own children, often under stress and "
        "sometimes with limited literacy. A judge described one such report as one that 'might just as well "
        "have been written in a foreign language'. Long sentences and abstract nouns ('the parenting "
        "capacity demonstrated is insufficient to meet the holistic needs') hide what the worry is and "
        "what the family must do. Reading-ease formulas are rough on short or list-like text, so this "
        "is an information-level prompt: sections under `min_words` are not scored, quoted words are "
        "left out, and names count as one syllable. A section is reported when its reading ease is below "
        "the target or its sentences are very long on average, and any section when one sentence runs "
        "to 50 words or more of hard words (a recommendation written as one long sentence). Plain words "
        "in 25-word sentences are not reported on length alone, so some dense sections will be missed."
    )
    fix = (
        "Use shorter sentences (one point each, under 20 words) and everyday words; say who does what "
        "('I think', 'we are worried that', 'you need to') rather than abstract nouns. Start with the "
        "hardest sentences listed. The score is a prompt, not a verdict: read the section aloud as if "
        "to the parent."
    )
    options: ClassVar[Mapping[str, Any]] = {
        # Section kinds scored; empty means the form profile's family-facing sections.
        "sections": (),
        # Flesch Reading Ease the section should reach (60 = plain English).
        "target": 60.0,
        # Mean words a sentence above which the section is also reported, whatever its score. Set
        # well above the plain-English 20 because plain words in 25-word sentences (reading ease 60
        # or more) read well enough for a family; length alone is the signal only at this point.
        "max_sentence_words": 35,
        # A single sentence this long with a reading ease below `long_sentence_ease` is reported
        # even in a short section: a key recommendation written as one nominalised sentence.
        "long_sentence_words": 50,
        "long_sentence_ease": 30.0,
        # Sections shorter than this are not scored: the formulas are unreliable on short text.
        "min_words": 100,
        # How many of the hardest sentences to quote.
        "show_sentences": 2,
    }
    examples = (
        Example(
            "ANALYSIS\nIt is the professional opinion of the allocated social worker that the parenting "
            "capacity demonstrated by Ms Green is insufficient to meet the holistic developmental needs of "
            "the children in the context of the cumulative impact of chronic neglect. Consequently, the "
            "recommendation is that the children's circumstances necessitate consideration under child "
            "protection procedures, incorporating comprehensive multi-agency involvement and intensive "
            "monitoring of parental compliance. Furthermore, the identified deficiencies in supervision, "
            "nutrition and educational attendance represent a significant deterioration in comparison "
            "with the previous assessment period, notwithstanding the additional intervention provided by "
            "universal and targeted services throughout the intervening months. Accordingly, continued "
            "statutory oversight is considered proportionate.",
            True,
            "long sentences of abstract nouns",
        ),
        Example(
            "PLAN\n"
            + " ".join(
                [
                    "Following consultation with the relevant professionals and the family, it has been "
                    "determined that the implementation of a structured programme of intervention is "
                    "necessary in order to address the identified concerns regarding the supervision and "
                    "emotional wellbeing of the children, including attendance at appointments and "
                    "engagement with the allocated practitioners."
                ]
                * 3
            ),
            True,
            "a plan written as one long official sentence after another",
        ),
        Example(
            "ANALYSIS\nI think Ms Green loves her children. She is not able to give them what they need "
            "every day. They need food, clean clothes and to get to school. This has gone on for two "
            "years. It is harming them. Amy is often hungry at school. Her teacher gives her toast. Leo "
            "has missed 30 days of school this year. When I visit, the fridge is often empty. Ms Green "
            "told me she feels low and finds mornings hard. She wants help. I think she can make changes "
            "if she gets the right help now. We will ask her GP to see her. A family worker will come "
            "three mornings a week to help with getting up and out. We will check how things are going "
            "every two weeks. If things do not get better by June, we will hold a meeting to talk about "
            "what to do next.",
            False,
            "short sentences and everyday words",
        ),
        Example(
            "ANALYSIS\nThe parenting capacity demonstrated is insufficient to meet the holistic "
            "developmental needs of the children.",
            False,
            "too short to score (under 100 words)",
        ),
        Example(
            "AGENCY CHECKS\n" + "Police National Computer checks were undertaken regarding all adults "
            "residing at the property, with subsequent verification of previous involvement documented in "
            "the corresponding electronic recording systems. " * 5,
            False,
            "a professional-only section",
        ),
    )

    def check(self, form: Form, context: Context) -> Iterator[Finding]:
        target = float(self.option(context, "target"))
        min_words = int(self.option(context, "min_words"))
        show = int(self.option(context, "show_sentences"))
        max_mean = float(self.option(context, "max_sentence_words"))
        long_words = int(self.option(context, "long_sentence_words"))
        long_ease = float(self.option(context, "long_sentence_ease"))
        for section in family_facing_sections(form, self.option(context, "sections")):
            scored = [(s, *count(_own_words(s.text))) for s in section.sentences]
            scored = [(s, w, y) for s, w, y in scored if w]
            total = Counts(sum(w for _, w, _ in scored), sum(y for _, _, y in scored), len(scored))
            mean = total.words / max(total.sentences, 1)
            one_long = any(w >= long_words and Counts(w, y, 1).reading_ease < long_ease for _, w, y in scored)
            hard = total.words >= min_words and (total.reading_ease < target or mean > max_mean)
            if not (hard or one_long):
                continue
            hardest = self._hardest(scored, show)
            quoted = "; ".join(
                f"'{_shorten(s.text)}' ({w} words, reading ease {Counts(w, y, 1).reading_ease:.0f})"
                for s, w, y in hardest
            )
            yield self.finding(
                f"The '{section.heading}' section is hard to read for a family: Flesch Reading Ease "
                f"{total.reading_ease:.0f} (target {target:.0f} or more), grade {total.grade:.1f}, "
                f"{mean:.0f} words a sentence on average (aim for {max_mean:.0f} or fewer). Hardest "
                f"sentences: {quoted}. Split long sentences and use everyday words.",
                section=section,
                sentence=hardest[0][0] if hardest else None,
            )

    @staticmethod
    def _hardest(scored: Sequence[tuple[Sentence, int, int]], show: int) -> list[tuple[Sentence, int, int]]:
        """The sentences of eight words or more with the lowest reading ease (length and long words)."""
        candidates = [item for item in scored if item[1] >= 8]
        return sorted(candidates, key=lambda item: Counts(item[1], item[2], 1).reading_ease)[:show]
