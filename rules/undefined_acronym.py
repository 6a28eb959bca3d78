"""W702 undefined-acronym: an acronym the family meets before anyone has said what it stands for."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any, ClassVar

import regex

from formlint.finding import Finding, Severity
from formlint.model import Block, Form, Section, Sentence
from formlint.rule import Context, Example, Rule
from formlint_rules.lexicon import entries
from formlint_rules.unexplained_jargon import (
    VIEWS_SECTIONS,
    details_line,
    family_names,
    field_label_end,
    inside,
    others_words,
)


# Capitals (and "&") of 2-8 characters, an optional digit ("GCP2") and an optional plural "s", or
# an acronym of the table written in mixed case ("SENCo", "DoLS").
# Not inside a longer word, a code ("SS2/279") or a hyphenated name.
@cache
def _token() -> regex.Pattern[str]:
    table, _ = acronym_table()
    mixed = sorted(
        (a for a in table if not regex.fullmatch(r"[A-Z][A-Z&]{1,7}\d?", a)), key=len, reverse=True
    )
    alternatives = "|".join([*map(regex.escape, mixed), r"[A-Z][A-Z&]{1,7}\d?"])
    return regex.compile(
        rf"(?<![\p{{L}}\p{{N}}&/'’.-])(?P<acr>{alternatives})(?P<plural>s)?(?![\p{{L}}\p{{N}}&/-])"
    )


_NAME_BEFORE = regex.compile(r"\b\p{Lu}\p{Ll}+[ \t]+$")
_NAME_AFTER = regex.compile(r",?[ \t]*\p{Lu}\p{Ll}+\b(?![ \t]+\p{Ll})")
_ROMAN = regex.compile(r"[IVXLC]+")
# Capitals a writer uses for emphasis or as a label, not an acronym.
_EMPHASIS = frozenset(
    """NOT NO ALL AND OR THE MUST NEVER ONLY ANY YES NONE NIL NAME DATE PLAN SAFE WILL HAS HAVE IS ARE
    CHILD CHILDREN MOTHER FATHER MUM DAD PARENT PARENTS BABY AT TO OF IN ON BY FOR WITH IF DO DONT
    BEFORE AFTER EVERY EACH ALONE STOP NOW DAILY WEEKLY NOTE NB URGENT""".split()
)
# "ACR (Full Words)" or "Full Words (ACR)" and "ACR stands for ...".
_BRACKET_AFTER = regex.compile(r"^s?\s*\((?P<words>[^()]*)\)")
_STANDS_FOR = regex.compile(r"^s?,?\s*(?:stands\s+for|means|is\s+short\s+for)\b")
_WORDS_BEFORE_BRACKET = regex.compile(r"(?P<words>(?:\p{L}[\p{L}'’-]*[ \t]+){1,10})\(\s*$")
# Small words an acronym usually leaves out ("Child and Adolescent Mental Health Services").
_SMALL_WORDS = frozenset("and of the for a an to in on at with &".split())


_NOTE = regex.compile(r"\s+\([^()]*\)$")


def _initials_match(acronym: str, words: str) -> bool:
    """The acronym is the initials of the last few of ``words``, with or without the small words
    ("Independent Domestic Violence Adviser" -> IDVA); the last word may give more than its first
    letter ("Special Educational Needs Coordinator" -> SENCo)."""
    letters = "".join(c for c in acronym.casefold() if c.isalpha())
    parts = [w.casefold() for w in regex.split(r"[\s/-]+", words.strip()) if w and w[0].isalpha()]
    for keep_small in (True, False):
        kept = [w for w in parts if keep_small or w not in _SMALL_WORDS]
        for n in range(1, min(len(kept), len(letters)) + 1):
            head = "".join(w[0] for w in kept[-n:-1])
            if letters.startswith(head) and kept[-1].startswith(letters[len(head) :]):
                return True
    return False


def _is_expansion(acronym: str, words: str, expansion: str | None) -> bool:
    """``words`` spell ``acronym`` out: its initials, or the table's expansion."""
    folded = words.casefold()
    if expansion is not None:
        # The expansion, or the plain gloss in its note ("the children's mental health service").
        forms = [_NOTE.sub("", w) for w in expansion.split(" / ")]
        forms += [n.strip()[1:-1] for w in expansion.split(" / ") for n in _NOTE.findall(w)]
        if any(f.casefold() in folded for f in forms if f):
            return True
    return _initials_match(acronym, words)


def _expanded(text: str, start: int, end: int, expansion: str | None) -> bool:
    """Spelled out here: "ACR (full words)", "full words (ACR)", "ACR stands for", or the full words
    earlier in the same sentence ("Family support worker ... - FSW Kim Doran"). A bracket that does
    not spell the acronym out ("referral (EPDS 17)", "Thornbury Academy (DSL Mrs Begum)") is not an
    expansion."""
    acronym = text[start:end]
    if _STANDS_FOR.match(text[end:]):
        return True
    after = _BRACKET_AFTER.match(text[end:])
    if after and len(regex.findall(r"\p{L}{2,}", after.group("words"))) >= 2:
        words = after.group("words")
        if _is_expansion(acronym, words, expansion) or not regex.search(r"\d|\b\p{Lu}{2,}\b", words):
            return True  # "CAMHS (the children's mental health service)": words, not a figure or a name
    before = _WORDS_BEFORE_BRACKET.search(text[:start])
    if before and _is_expansion(acronym, before.group("words"), expansion):
        return True
    return expansion is not None and any(
        _NOTE.sub("", w).casefold() in text[:start].casefold() for w in expansion.split(" / ")
    )


@cache
def acronym_table() -> tuple[dict[str, str], frozenset[str]]:
    """(acronym -> expansion, acronyms everyone knows) from ``lexicons/acronyms.txt``."""
    table: dict[str, str] = {}
    known: set[str] = set()
    category = ""
    for line in entries("acronyms"):
        if line.startswith("[") and line.endswith("]"):
            category = line[1:-1]
            continue
        acronym, _, expansion = line.partition(" = ")
        acronym = acronym.strip()
        table[acronym] = expansion.strip()
        if category == "known":
            known.add(acronym)
    return table, frozenset(known)


def _shouted(block: Block) -> bool:
    """A block written mostly in capitals (a heading, a label, a shouted line)."""
    letters = [c for c in block.text if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) / len(letters) > 0.6


def _names_in_capitals(form: Form) -> frozenset[str]:
    """People's names written in capitals and their initials ("MOSS", "PN"), which are not acronyms."""
    out: set[str] = set()
    for member in form.people:
        if not member.name:
            continue
        parts = [p for p in regex.split(r"[\s.'’-]+", member.name) if p and p[0].isalpha()]
        out.update(p.upper() for p in parts)
        letters = "".join(p[0].upper() for p in parts if p[0].isupper())
        if len(letters) >= 2:
            out.add(letters)
    return frozenset(out)


class UndefinedAcronym(Rule):
    code = "W702"
    slug = "undefined-acronym"
    summary = "An acronym is used without being spelled out the first time it appears."
    pattern = "5"
    sources = ("S30", "Ofsted inspection reports")
    severity = Severity.INFO
    why = (
        "A form full of service initials ('referred to CAMHS and the MASH; ICPC booked') tells the family "
        "very little about what is happening to them, and a parent may not like to ask. Spelling a term out "
        "once, where it first appears, costs a few words and lets every reader follow the rest. This "
        "is an information-level prompt that leans towards asking: capitals it does not know are "
        "flagged too (with no expansion to offer), so a local term your families know may need the "
        "`allow` option."
    )
    fix = (
        "Write the words in full the first time, with the short form in brackets after them ('an "
        "independent domestic violence adviser (IDVA)'), or use the full words throughout. Acronyms "
        "nearly everyone knows (GP, NHS, A&E, PE ...) are not flagged; add your own with the `allow` "
        "option."
    )
    options: ClassVar[Mapping[str, Any]] = {
        # Acronyms your readers know, on top of the built-in ones (GP, NHS, UK, A&E, ADHD ...).
        "allow": (),
        # Flag capitals that are not in the built-in table (with no expansion to suggest).
        "flag_unknown": True,
    }
    examples = (
        Example("PLAN\n1. Referred to CAMHS and the MASH; ICPC booked for 3 June.", True, "service initials"),
        Example("PARENTS' VIEWS\nMs Carter has an IDVA.", True, "an adviser's title in initials"),
        Example(
            "PLAN\n1. Leo has been referred to the children's mental health service (CAMHS); CAMHS will "
            "write to Ms Carter with a date.",
            False,
            "spelled out at first use, short form after",
        ),
        Example("PLAN\n1. The GP will see Leo on 4 June.", False, "an acronym everyone knows"),
        Example(
            "ANALYSIS\nMs Carter is supported by an independent domestic violence adviser (IDVA); the IDVA "
            "sees her weekly.",
            False,
            "the expansion comes first, the acronym in brackets",
        ),
        Example("ANALYSIS\nLeo must NOT be left alone with Mr Lee.", False, "capitals for emphasis"),
    )

    def check(self, form: Form, context: Context) -> Iterator[Finding]:
        table, known = acronym_table()
        allowed = known | frozenset(self.option(context, "allow") or ())
        flag_unknown = bool(self.option(context, "flag_unknown"))
        not_acronyms = _names_in_capitals(form) | _EMPHASIS
        names = family_names(form)
        seen: set[str] = set()
        token = _token()
        for section in form.sections:
            for sentence in section.sentences:
                text = sentence.text
                if (
                    not token.search(text)
                    or _shouted(sentence.block)
                    or details_line(form, section, sentence.block)
                ):
                    continue
                spans: list[tuple[int, int]] | None = None
                label_end = field_label_end(text)
                for match in token.finditer(text):
                    if match.end() <= label_end:
                        continue  # a template field label ("ICPC date: 3/6/2024")
                    acronym = match.group("acr")
                    if match.group("plural") and acronym + "s" in table:
                        acronym += "s"
                    if acronym in seen or acronym in allowed or acronym in not_acronyms:
                        continue
                    if _ROMAN.fullmatch(acronym) or text[match.end() :].startswith(":"):
                        continue
                    if acronym not in table and (
                        not flag_unknown or len(acronym) < 3 or any(c.isdigit() for c in acronym)
                    ):
                        continue  # an unknown pair of capitals is more often someone's initials
                    if acronym not in table and (
                        _NAME_BEFORE.search(text, 0, match.start()) or _NAME_AFTER.match(text, match.end())
                    ):
                        continue  # a family name in capitals: "Kayden MOSS", "MOSS, Kayden"
                    if spans is None:
                        spans = others_words(text, names, views_section=section.kind in VIEWS_SECTIONS)
                    if inside(spans, match.start(), match.end()):
                        continue  # the family's own words: they know the term
                    seen.add(acronym)
                    if _expanded(text, match.start(), match.end(), table.get(acronym)):
                        continue
                    yield self._finding(section, sentence, acronym, table.get(acronym))

    def _finding(self, section: Section, sentence: Sentence, acronym: str, expansion: str | None) -> Finding:
        if expansion:
            words = [_NOTE.sub("", w) for w in expansion.split(" / ")]
            full = " or ".join(f"'{w}'" for w in words)
            note = _NOTE.search(expansion)
            advice = f"Write it in full the first time ({full}) with '{acronym}' in brackets after it."
            if note:
                advice += f" (It is {note.group().strip()[1:-1]}.)"
            suggestion = f"{words[0]} ({acronym})"
        else:
            advice = "Write it in full the first time, with the short form in brackets after it."
            suggestion = self.fix
        return self.finding(
            f"'{acronym}' is not spelled out where it is first used. {advice}",
            section=section,
            sentence=sentence,
            suggestion=suggestion,
        )
