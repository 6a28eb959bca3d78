"""W701 unexplained-jargon: professional jargon in the parts of a form the family reads.

Also home to the small helpers the plain-language (W) rules share: which sections are
family-facing, and which spans of a sentence are someone else's words.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, ClassVar

import regex

from formlint.finding import Finding, Severity
from formlint.language import reported_speech_cues
from formlint.model import Block, Form, Section
from formlint.profile import BUILTIN, GENERIC, load_profile
from formlint.rule import Context, Example, Rule
from formlint_rules.lexicon import entries

# --- shared by the W rules -------------------------------------------------------------------


def family_facing_kinds(form: Form, chosen: Sequence[str] | None) -> frozenset[str]:
    """The section kinds treated as family-facing: ``chosen`` if given, else the form profile's."""
    if chosen:
        return frozenset(chosen)
    name = form.profile if form.profile in BUILTIN else GENERIC
    return frozenset(load_profile(name).family_facing)


def family_facing_sections(form: Form, chosen: Sequence[str] | None) -> list[Section]:
    kinds = family_facing_kinds(form, chosen)
    return [s for s in form.sections if s.kind in kinds and not s.is_blank]


def shared_sections(form: Form, chosen: Sequence[str] | None, professional: Sequence[str]) -> list[Section]:
    """The sections a family is given to read: ``chosen`` kinds if given, else every section but
    the ``professional`` (professional-only) kinds. Assessments, conference reports and plans are
    shared with parents in full in England, not only their views and plan sections."""
    if chosen:
        return family_facing_sections(form, chosen)
    skip = frozenset(professional)
    return [s for s in form.sections if s.kind not in skip and not s.is_blank]


# A template field line ("Review held: 10/03/2025", "- **Child:** Amy (3)"): a label and a value.
_FIELD_LINE = regex.compile(r"^(?:[-*•]\s+)?[*_]{0,2}[^\W\d][^:.;!?\d*_]{0,40}:[*_]{0,2}\s*(?P<value>\S.*)$")


def _short_value(value: str) -> bool:
    value = value.strip()
    return len(value.split()) <= 6 and not value.endswith((".", "!", "?"))


def details_line(form: Form, section: Section, block: Block) -> bool:
    """A line of a details block that the template wrote, not a sentence of the writer's: in the
    form's title and details section (the first, unnamed one) the title, a field label or value;
    in any other unnamed section a labelled field with a short value ("Assessment type: Section 17")."""
    if section.kind is not None:
        return False
    text = block.text.strip()
    if form.sections and section is form.sections[0]:
        return block.label is not None or not text.endswith((".", "!", "?")) or bool(_FIELD_LINE.match(text))
    return block.label is not None and _short_value(text)


def field_label_end(text: str) -> int:
    """Where the label of a template field line ends ("Strategy discussion: 03/03/2025" -> after
    the colon), or 0 when ``text`` is not a field label with a short value."""
    match = _FIELD_LINE.match(text)
    return match.start("value") if match and _short_value(match.group("value")) else 0


# A reporting clause whose speaker is the family: their words, not the writer's.
_FAMILY_SPEAKER = regex.compile(
    r"\b(?:mum|mummy|mother|mom|dad|daddy|father|parents?|carers?|step-?(?:mum|dad|mother|father)|"
    r"grand(?:mother|father|ma|pa|parents?)|nan|nana|nanny|gran|grandad|aunt(?:ie)?|uncle|"
    r"partner|brother|sister|siblings?|child(?:ren)?|son|daughter|he|she|they)\b",
    regex.IGNORECASE,
)
_AGENTLESS = regex.compile(
    r"^\W*(?:it\s+(?:is|was|has\s+been|had\s+been)\s+(?:\w+\s+)?(?:reported|said|alleged|understood|"
    r"believed|thought|known|suggested|claimed|noted)|reportedly|allegedly)\b",
    regex.IGNORECASE,
)
_CLAUSE_START = regex.compile(r"[.;:!?]\s|,\s(?:and|but|while|whereas)\s")


def others_words(
    text: str, family_names: Sequence[str] = (), *, views_section: bool = False, any_speaker: bool = False
) -> list[tuple[int, int]]:
    """Spans of ``text`` that are not the writer's own words.

    Quoted words always; a reported clause ("Mum said that ...") when its speaker is a
    family member, the child or a named member of the household, or is in a section of the
    family's views (``views_section``). What a professional is reported to have said stays the
    writer's choice of words and is not excluded, unless ``any_speaker`` (a vague "often" in
    "his teacher says he is often tired" is the teacher's word, and the figure is theirs to give).
    """
    spans: list[tuple[int, int]] = []
    for cue in reported_speech_cues(text):
        if cue.category == "quote":
            spans.append((cue.start, cue.end))
            continue
        starts = [m.end() for m in _CLAUSE_START.finditer(text, 0, cue.start)]
        speaker = text[starts[-1] if starts else 0 : cue.end]
        # "Lily-Mae's key worker reports": a name in the possessive belongs to someone else's title.
        named = any(regex.search(rf"\b{regex.escape(n)}\b(?!['’]s\b)", speaker) for n in family_names)
        if _AGENTLESS.match(speaker):
            continue  # "It is reported that ...": nobody's words but the writer's
        if any_speaker or views_section or named or _FAMILY_SPEAKER.search(speaker):
            end = next((m.start() for m in regex.finditer(r"[.;!?](?:\s|$)", text[cue.end :])), None)
            spans.append((cue.start, len(text) if end is None else cue.end + end))
    return spans


def family_names(form: Form) -> tuple[str, ...]:
    """Names (full, first and family names) of the children and family adults the form names."""
    names: list[str] = []
    for member in (*form.people.children, *form.people.adults):
        if member.name:
            names.append(member.name)
            names.extend(member.first_names)
            names.append(member.name.split()[-1])
    professionals = {m.name.split()[-1] for m in form.people.professionals if m.name}
    return tuple(dict.fromkeys(n for n in names if len(n) > 1 and n not in professionals))


# Sections written for professionals only: checks with other agencies, the manager's direction
# to the worker, and the identifying details and sign-off blocks.
PROFESSIONAL_SECTIONS = (
    "agency_checks",
    "manager_oversight",
    "child_details",
    "family_composition",
    "professional_network",
    "signatures",
    "consent",
)

# Sections holding the family's own views, where a reported clause is theirs.
VIEWS_SECTIONS = frozenset({"child_views", "parent_views"})


def inside(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


# --- the jargon lexicon ----------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    pattern: str
    plain: str


@cache
def jargon_terms() -> tuple[Term, ...]:
    out = []
    for line in entries("jargon"):
        pattern, _, plain = line.partition(" | ")
        out.append(Term(pattern.strip(), plain.strip()))
    return tuple(out)


@cache
def jargon_pattern() -> regex.Pattern[str]:
    """One pattern with a named group per lexicon entry (``t0``, ``t1`` ...): one pass a sentence."""
    space = r"\s+"
    body = "|".join(f"(?P<t{i}>{term.pattern.replace(' ', space)})" for i, term in enumerate(jargon_terms()))
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}-])(?:{body})(?![\p{{L}}\p{{N}}]|-\p{{L}})", regex.IGNORECASE)


# After the term: an explanation in the same sentence.
_EXPLAINED_AFTER = regex.compile(
    r"""^[\s'"’”]*(?:
        (?:\s*[\w'’-]+){0,4}?,?\s*
        (?:(?:which|this|that|it)\s+(?:means|is\s+(?:when|where|a\s+way)|describes|refers)
          |meaning|in\s+other\s+words|that\s+is(?:\s+to\s+say)?|i\.e\.?|by\s+which\s+(?:I|we)\s+mean)
      | ,?\s*(?:where|when)\s+(?:the|a|we|you|your|workers|professionals|people|police|family)\b
      | \s*\((?:[^()]*?\s){2,}[^()]*\)
      | \s*[—–:]\s*(?:\S+\s+){2,}
      | \s+-\s+(?:\S+\s+){2,}
    )""",
    regex.IGNORECASE | regex.VERBOSE,
)
# Before the term: the plain words come first and the term is named ("a meeting of ... (the
# core group)", "what we call disguised compliance").
_EXPLAINED_BEFORE = regex.compile(
    r"(?:(?:what|which|this\s+is\s+what)\s+(?:we|professionals|social\s+workers)\s+call|known\s+as|called|"
    r"(?:the\s+)?(?:legal\s+|professional\s+)?(?:term|name|phrase)(?:\s+for\s+this)?(?:\s+is)?)\s*['\"‘“(]?\s*$"
    r"|(?:\S+\s+){3,}\(\s*(?:the\s+|a\s+|an\s+)?$",
    regex.IGNORECASE,
)
_EXPLAINED_NEXT = regex.compile(
    r"^\W*(?:this|that|what\s+this)\s+(?:means|is\s+(?:when|where|a\s+meeting|the))|^\W*by\s+(?:this|that)\s+(?:I|we)\s+mean",
    regex.IGNORECASE,
)


def explained(sentence: str, start: int, end: int, following: str = "") -> bool:
    """True if the jargon at ``sentence[start:end]`` is explained where it stands."""
    return bool(
        _EXPLAINED_AFTER.match(sentence[end:])
        or _EXPLAINED_BEFORE.search(sentence[:start])
        or (sentence[end:].strip(" .") == "" and _EXPLAINED_NEXT.match(following))
    )


class UnexplainedJargon(Rule):
    code = "W701"
    slug = "unexplained-jargon"
    summary = (
        "Professional jargon a family is unlikely to understand, used without explanation in a "
        "family-facing section."
    )
    pattern = "5"
    sources = ("S30", "S23", "S27", "Ofsted inspection reports")
    severity = Severity.INFO
    why = (
        "Parents and children have a right to understand what is written about them, and they cannot "
        "agree with, challenge or act on a plan written in the office's own language. Reviews and "
        "judgments describe reports that 'might just as well have been written in a foreign "
        "language'; inspectors criticise 'too much social work and legal jargon' and praise plans that "
        "explain concerns plainly. A label such as 'disguised compliance' also hides what was actually "
        "seen. Findings are information, and warnings in the plan, danger statement, safety goal and "
        "contingency, where the family must act on the words; legal terms such as 'significant harm' "
        "are flagged so that they are explained, not removed. Every section the family is given is read "
        "(assessments, conference reports and plans are shared in full), except professional-only ones "
        "such as agency checks and the manager's entry. The word list goes beyond the commonest terms "
        "to others practitioners use without thinking ('universal services', 'legal planning meeting'), "
        "so it leans towards asking: a term your families know can be removed by a local lexicon."
    )
    fix = (
        "Say it in the words you would use to the family, or explain the term where it is first used "
        "('a core group, which is the workers and your family meeting every month to check the plan'). "
        "Where a label stands for behaviour, describe the behaviour instead."
    )
    options: ClassVar[Mapping[str, Any]] = {
        # Section kinds read; empty means every section except the professional-only ones below
        # (assessments, conference reports and plans are shared with the family in full).
        "sections": (),
        # Sections written for professionals only, not read unless named in `sections`.
        "professional_sections": PROFESSIONAL_SECTIONS,
        # Where the family must act on the words: findings here are warnings.
        "warning_sections": ("plan_actions", "danger_statement", "safety_goal", "contingency"),
    }
    examples = (
        Example("ANALYSIS\nMs Carter shows disguised compliance.", True, "a label for behaviour"),
        Example(
            "PLAN\n1. The case will be stepped down to early help at the next core group.",
            True,
            "process words the family is left to decode",
        ),
        Example(
            "ANALYSIS\nMr Lee is in the pre-contemplative stage of change about his drinking.",
            True,
            "a model's vocabulary",
        ),
        Example(
            "PLAN\n1. The workers and your family will meet every four weeks (the core group) to check "
            "the plan is working.",
            False,
            "explained where it is used",
        ),
        Example(
            "ANALYSIS\nMs Carter agrees with the plan in meetings but missed two GP appointments, so we "
            "are not yet sure the changes will last.",
            False,
            "the behaviour is described instead of labelled",
        ),
        Example(
            "PARENTS' VIEWS\nMs Carter said the core group was 'a waste of time'.",
            False,
            "the family's own words are reported",
        ),
        Example(
            "AGENCY CHECKS\nA strategy discussion was held on 4/3 with police and health.",
            False,
            "a professional-only section",
        ),
    )

    def check(self, form: Form, context: Context) -> Iterator[Finding]:
        warn = frozenset(self.option(context, "warning_sections") or ())
        names = family_names(form)
        pattern = jargon_pattern()
        terms = jargon_terms()
        done: set[str] = set()
        professional = self.option(context, "professional_sections") or ()
        for section in shared_sections(form, self.option(context, "sections"), professional):
            sentences = section.sentences
            for index, sentence in enumerate(sentences):
                text = sentence.text
                if details_line(form, section, sentence.block):
                    continue
                matches = list(pattern.finditer(text))
                if not matches:
                    continue
                spans = others_words(text, names, views_section=section.kind in VIEWS_SECTIONS)
                label_end = field_label_end(text)
                if label_end:
                    spans.append((0, label_end))  # a template field label, not the writer's words
                following = sentences[index + 1].text if index + 1 < len(sentences) else ""
                for match in matches:
                    key = match.lastgroup or ""
                    if key in done or inside(spans, match.start(), match.end()):
                        continue
                    done.add(key)
                    if explained(text, match.start(), match.end(), following):
                        continue
                    words = match.group()
                    plain = terms[int(key[1:])].plain
                    yield self.finding(
                        f"'{words}' is professional jargon the family may not understand. Say it in "
                        f"plain words (for example: {plain}), or explain it where it is first used.",
                        section=section,
                        sentence=sentence,
                        severity=Severity.WARNING if section.kind in warn else None,
                        suggestion=f"Instead of '{words}': {plain}.",
                    )
