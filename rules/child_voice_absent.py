"""F503 child-voice-absent: nothing records what a child said, wants or feels, or how they were seen."""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping, Sequence
from typing import ClassVar

import regex

from formlint.finding import Finding, Severity
from formlint.language import reported_spans, reported_speech_cues
from formlint.model import Form, Section, Sentence
from formlint.people import Member
from formlint.rule import Context, Example, Rule

# The child's own voice: their words, wishes, feelings or what they showed or drew.
_VOICE = (
    r"(?:said|says|told|tells|explained|described|asked|answered|replied|shared|disclosed|drew|wrote|chose|"
    r"pointed|showed|wants|wanted|wishes|wished|would like|likes|liked|loves|enjoys|dislikes|hates|misses|"
    r"worries|worried|feels|felt|is scared|was scared|is frightened|talked|spoke|speaks|expressed|voiced|"
    r"(?:his|her|their) words|(?:his|her|their) views?|(?:his|her|their) wishes)"
)
# What a worker saw of a baby or a child who does not talk.
_OBSERVED = (
    r"(?:was observed|were observed|observed|watched|presented|smiled|smiling|babbled|babbling|cooed|cooing|"
    # Not "fed" or "feeds": "Nova was sick after feeds" is about her care, not what was seen of her.
    r"gurgled|giggled|laughed|played|playing|crawled|crawling|toddled|settled|slept|reached|"
    r"responded|turned to|made eye contact|interacted|clung|flinched|startled|explored|fixes on|fixed on|"
    r"tracked|tracks|grasped|babbles|smiles|plays|crawls|settles|responds|reaches|was alert|"
    r"went (?:straight )?to|ran to|came to|hid|chatted|cuddled|snuggled|reaching|running to|cuddling|"
    r"clinging|laughing|waving|pointing|reached for|babbled|brought|handed|gave|named|fetched|"
    r"took (?:me|my hand)|led (?:me|us))"
)
# Words between the child's name and the verb that make someone else the speaker.
_OTHER_SPEAKER = regex.compile(
    r"\b(?:who|whose|which|that|mum|mother|dad|father|parents?|teacher|nurse|worker|visitor|officer|"
    r"grandmother|nan|carer|doctor|gp|police)\b|['’]s\b",
    regex.IGNORECASE,
)
_NEGATED = regex.compile(r"\b(?:not|never|unable|declined|refused|too young|no)\b", regex.IGNORECASE)
# "(as reported by mother)", "according to his dad": a parent's account of the child.
_PARENT_REPORT = regex.compile(
    r"\b(?:(?:as\s+)?(?:reported|told|described|said)\s+by|according\s+to)\s+(?:\w+\s+)?"
    r"(?:mum|mother|dad|father|parents?|carers?|grandmother|grandfather|nan|stepfather|stepmother)\b",
    regex.IGNORECASE,
)
# A section that is someone else's account ("Nursery account", "Information from school"): the
# child's words quoted there are the other professional's report, not the child's voice.
_OTHERS_ACCOUNT = regex.compile(
    r"\b(?:account|accounts|information from|report from|reports from|checks|chronology|referral)\b",
    regex.IGNORECASE,
)
# What the child told another professional is that agency's account, not the child's voice
# as the writer heard or saw it (a corpus labelling decision, held across every corpus).
_TOLD_A_PROFESSIONAL = regex.compile(
    r"\s+(?:to\s+)?(?:his|her|their|the|a)\s+(?:class\s+|form\s+|head\s+|school\s+)?"
    r"(?:teacher|tutor|teaching assistant|nurse|gp|doctor|police|officers?|health visitor|youth worker|"
    r"key ?worker|dsl|designated safeguarding lead|mentor|counsellor|midwife|paediatrician)\b",
    regex.IGNORECASE,
)
_PRONOUN = r"(?:he|she|they)"
# In the child's own views answer the child may also be called by a first name not an adult's.
_IN_VIEWS = (
    r"(?:he|she|they|(?-i:(?!Mum|Dad|Mother|Father|Nan|Gran|Mr|Mrs|Ms|Miss|Dr|The|His|Her)\p{Lu}\p{Ll}+))"
)
_GENERIC_CHILD = r"(?:the child|the children|the young person|the baby|both children|all the children)"
_SKIP = (
    "child_details", "family_composition", "professional_network", "consent", "signatures", "plan_actions",
    "contingency", "safety_plan", "basis_of_assessment",
)


@functools.lru_cache(maxsize=256)
def _pattern(subject: str) -> regex.Pattern[str]:
    # Words between the child and the verb, quoted words and list commas included
    # ("Maisie brought me her shape sorter, named "circle" and "star", and went to").
    words = r"(?:\s+[\w'’()\"“”,-]+){0,12}?"
    return regex.compile(
        rf"\b(?P<who>{subject})\b{words}\s+(?:{_VOICE}|{_OBSERVED})\b"
        rf"|\b(?:I|we)\s+(?:\w+\s+){{0,2}}(?:observed|watched|spent time with|played with|spoke with|"
        rf"talked with|talked to)\s+(?:\w+\s+){{0,2}}(?P<who>{subject})\b",
        regex.IGNORECASE,
    )


# A sentence about an adult: after it, "she said" is the adult's words.
_ADULT_START = regex.compile(
    r"^(?:Mr|Mrs|Ms|Miss|Dr)\b"
    r"|^(?:Mum|Dad|Mother|Father|(?:His|Her|Their|The) (?:mother|father|mum|dad|parents?))\b"
)
_OPENS_WITH_PRONOUN = regex.compile(rf"{_PRONOUN}\b", regex.IGNORECASE)
# The child as the object of someone else's verb: "spoke warmly about Leo", "asked Kai".
_OBJECT_BEFORE = regex.compile(
    r"\b(?:about|to|with|for|at|of|from|on|asked|saw|told|took|collected|brought|left)\s+$",
    regex.IGNORECASE,
)


def _speaks(pattern: regex.Pattern[str], sentence: Sentence) -> bool:
    """The child speaks, wishes, feels or is observed in this sentence: not negated, not a
    parent's report, and not someone else's words about the child."""
    text = sentence.text
    if _PARENT_REPORT.search(text):
        return False
    spans = reported_spans(text)
    for match in pattern.finditer(text):
        between = text[match.end("who") : match.end()]
        if match.start("who") == match.start() and _OBJECT_BEFORE.search(text, 0, match.start()):
            continue
        near_verb = text[max(match.start(), match.end() - 40) : match.end()]
        if _OTHER_SPEAKER.search(between) or _NEGATED.search(near_verb):
            continue
        if any(a <= match.start() < b for a, b in spans):
            continue
        if _TOLD_A_PROFESSIONAL.match(text, match.end()):
            continue  # "Jordan told his form tutor that ...": the school's account of what he said
        return True
    return False


_VIEWS_WORDS = r"['’]s?\s+(?:own\s+)?(?:views?|wishes|feelings|voice|words)\b"


def _views_heading_of(names: tuple[str, ...] | None, heading: str) -> bool:
    """A heading giving one child's own views by name ("KACEY'S VIEWS", "Leo's wishes and
    feelings"), whatever kind the reader gave the section."""
    return bool(names) and any(
        regex.search(rf"\b{regex.escape(n)}{_VIEWS_WORDS}", heading, regex.IGNORECASE) for n in names or ()
    )


def _heard(
    names: tuple[str, ...] | None,
    sections: Sequence[Section],
    others: Sequence[str],
    adults: Sequence[str] = (),
) -> bool:
    """Some sentence gives the child's voice: by name, by "he"/"she" while the child is the
    last child named in the section, or, in a child's-views answer that is theirs, by quotation."""
    named = _pattern("|".join(regex.escape(n) for n in names) if names else _GENERIC_CHILD)
    for section in sections:
        # Names are compared without case: the roster may spell "Ellie-Mae" as "Ellie-mae".
        where = f"{section.heading}\n{section.text}".casefold()
        # "What Harvey says" is Harvey's even when it mentions his sister.
        heading = section.heading.casefold()
        theirs = (
            names is None
            or any(n.casefold() in heading for n in names)
            or not any(o.casefold() in where for o in others)
        )
        views = (section.kind == "child_views" and theirs) or _views_heading_of(names, section.heading)
        quoted = any(c.category == "quote" for c in reported_speech_cues(section.text))
        if views and quoted and not _PARENT_REPORT.search(section.text):
            return True
        pronoun = _pattern(_IN_VIEWS if views else _PRONOUN)
        current = views  # the child is the one "he" or "she" refers to
        for sentence in section.sentences:
            text = sentence.text.lstrip("-*• ")
            starts_with_child = bool(names) and any(text.startswith(n) for n in names or ())
            # In the child's own views answer only a sentence that opens with an adult is someone
            # else's; elsewhere any other person named may be who "she" is.
            named_other = any(n in text for n in (*others, *(() if views else adults)))
            # A sentence opening "She ..." straight after one about the child goes on
            # about the child, whoever else it names ("She said she hid behind Mrs Rowe").
            continues = current and bool(_OPENS_WITH_PRONOUN.match(text))
            someone_else = bool(_ADULT_START.match(text)) or (named_other and not continues)
            pronoun_is_child = starts_with_child or (current and not someone_else)
            if _speaks(named, sentence) or (pronoun_is_child and _speaks(pronoun, sentence)):
                return True
            if starts_with_child:
                current = True
            elif someone_else and not views:
                current = False
    return False


def _about(form: Form) -> list[Member]:
    """The children the form is about: those its details name; else those it writes about in
    more than one section (a sibling named once in a household list is another rule's matter)."""
    marked = [m for m in form.people.children if m.subject and m.name]
    if marked:
        return marked
    # Without the details naming them, a child the form is about has an age or a date of birth.
    named = [m for m in form.people.children if m.name and (m.age or m.date_of_birth)]
    written_about = [
        m for m in named if sum(1 for s in form.sections if any(n in s.text for n in m.first_names)) > 1
    ]
    return written_about or named[:1]


class ChildVoiceAbsent(Rule):
    code = "F503"
    slug = "child-voice-absent"
    summary = "No record of a child's views, wishes or feelings, or, for a baby, of how they were observed."
    pattern = "5"
    sources = ("S17", "S22", "S27", "S28", "S38", "Ofsted inspection reports")
    severity = Severity.WARNING
    why = (
        "Case reviews repeatedly find children who were seen but not heard: the form describes the "
        "adults and the incidents, and the child's own experience goes unrecorded. Views passed on "
        "by a parent are not the child's voice; for a baby, what the worker saw is."
    )
    fix = (
        "Record what the child said, drew or showed you, in their words where you can, whether they "
        "were seen alone, and for a baby or a child who does not speak, what you observed: how they "
        "presented, fed, played and responded to their carers."
    )
    options: ClassVar[Mapping[str, object]] = {}
    examples = (
        Example(
            "Child: Jack Reed (7)\n\nCHILD'S VIEWS\nJack is happy at home (as reported by mother).",
            True,
            "views only through a parent",
        ),
        Example(
            "Child: Jack Reed (7)\n\nANALYSIS\nJack was seen. Mum's parenting is good.",
            True,
            "seen, but nothing of what the child said or showed",
        ),
        Example(
            "Children: Leon Price (8), Jaxon Price (18 months)\n\nCHILD'S VIEWS\nLeon told me he likes his "
            "school.\n\nANALYSIS\nJaxon is too young to give a view.",
            True,
            "one child heard, the baby neither heard nor observed",
        ),
        Example(
            "Child: Jack Reed (7)\n\nCHILD'S VIEWS\nJack, seen alone at school, told me: 'I like it when "
            "Dad's not shouting.' He drew his bedroom as the quiet place.",
            False,
            "the child's own words",
        ),
        Example(
            "Child: Ava Cole (4 months)\n\nOBSERVATIONS\nAva was observed on two visits: she fed well, "
            "settled in her mother's arms and turned to her voice.",
            False,
            "a baby observed",
        ),
    )

    def check(self, form: Form, context: Context) -> Iterator[Finding]:
        sections = [s for s in form.sections if s.kind not in _SKIP and not _OTHERS_ACCOUNT.search(s.heading)]
        views = form.sections_of("child_views")
        children = _about(form)
        names: list[tuple[str, ...] | None] = [m.first_names for m in children if m.first_names] or [None]
        adults = [n for m in form.people if not m.child and m.name for n in m.first_names]
        for name in names:
            others = [n for other in names if other and other != name for n in other]
            if _heard(name, sections, others, adults):
                continue
            who = name[0] if name else None
            yield self.finding(
                f"Nothing records what {who or 'the child'} said, wants or feels, or what was observed of "
                f"{who or 'them'}"
                + (f" ('{views[0].heading}' has no words of the child's own)." if views else "."),
                section=views[0] if views else None,
            )
