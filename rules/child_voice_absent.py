"""F503 child-voice-absent: nothing records what the child said, wants or feels, or how they were seen."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar

import regex

from formlint.finding import Finding, Severity
from formlint.language import reported_spans, reported_speech_cues
from formlint.model import Form, Section
from formlint.people import Member
from formlint.rule import Context, Example, Rule

# The child's own voice: their words, wishes, feelings or what they showed or drew.
_VOICE = (
    r"(?:said|says|told|tells|telling|explained|described|asked|answered|replied|shared|disclosed|drew|"
    r"wrote|chose|pointed|showed|wants|wanted|wishes|wished|would like|likes|liked|loves|enjoys|dislikes|"
    r"hates|misses|worries|worried|feels|felt|is scared|was scared|is frightened|is happy|was happy|"
    r"is sad|was sad|was upset|is upset|talked|spoke|speaks|expressed|voiced|his words|her words|their words)"
)
# What a worker saw of a baby or a child who does not talk.
_OBSERVED = (
    r"(?:observed|watched|noticed|presented|smiled|smiling|babbled|babbling|cooed|cried|crying|"
    r"giggled|laughed|played|playing|crawled|crawling|toddled|walked|fed|feeding|settled|slept|reached|"
    r"responded|turned to|made eye contact|eye contact|interacted|clung|flinched|startled|explored|"
    r"was alert|appeared|looked)"
)
_NEGATED = regex.compile(r"\b(?:not|never|unable|declined|refused|too young)\b", regex.IGNORECASE)
# "(as reported by mother)", "according to his dad": a parent's account of the child.
_PARENT_REPORT = regex.compile(
    r"\b(?:(?:as\s+)?(?:reported|told|described|said)\s+by|according\s+to)\s+(?:\w+\s+)?"
    r"(?:mum|mother|dad|father|parents?|carers?|grandmother|grandfather|nan|stepfather|stepmother)\b",
    regex.IGNORECASE,
)
_GENERIC_CHILD = r"(?:the child|the children|the young person|the baby|both children|all the children)"
# In the child's-views answer, "he", "she" or a first name not of a parent is the child;
# elsewhere they may be anyone.
_PRONOUNS = r"(?:he|she|they|(?-i:(?!Mum|Dad|Mother|Father|Nan|Gran)\p{Lu}\p{Ll}+))"
_VIEWS_KINDS = ("child_views",)
_SKIP = (
    "child_details", "family_composition", "professional_network", "consent", "signatures", "plan_actions",
    "contingency", "safety_plan",
)


def _names(children: list[Member]) -> list[str]:
    out: list[str] = []
    for child in children:
        if child.name:
            out.append(regex.escape(child.name.split()[0]))
    return out


def _child_pattern(children: list[Member], *, pronouns: bool = False) -> regex.Pattern[str]:
    names = "|".join([*_names(children), _GENERIC_CHILD, *([_PRONOUNS] if pronouns else [])])
    subject = rf"\b(?:{names})\b(?:'s)?"
    return regex.compile(
        rf"{subject}(?:\s+\(\d{{1,2}}\))?(?:\s+\w+){{0,3}}?\s+(?P<voice>{_VOICE})\b"
        rf"|(?:\b(?:I|we)\s+(?:\w+\s+){{0,2}}(?:observed|watched|spent time with|played with|"
        rf"spoke with|talked with)\s+(?:\w+\s+){{0,2}}{subject})"
        rf"|{subject}(?:\s+\(\d{{1,2}}\))?(?:\s+\w+){{0,3}}?\s+(?P<seen>{_OBSERVED})\b",
        regex.IGNORECASE,
    )


def _records_voice(pattern: regex.Pattern[str], section: Section) -> bool:
    """A sentence where the child speaks, wishes, feels or is observed, not negated and not
    inside someone else's report ("Mum says Jack is happy" is mum's voice)."""
    for sentence in section.sentences:
        text = sentence.text
        if _PARENT_REPORT.search(text):
            continue
        spans = reported_spans(text)
        for match in pattern.finditer(text):
            if _NEGATED.search(text[max(0, match.start() - 40) : match.end()]):
                continue
            if any(a <= match.start() and match.end() <= b for a, b in spans):
                continue
            return True
    return False


def _quotes_the_child(section: Section) -> bool:
    """Quoted words in a child's-views answer are the child's own."""
    quoted = any(c.category == "quote" for c in reported_speech_cues(section.text))
    return quoted and not _PARENT_REPORT.search(section.text)


class ChildVoiceAbsent(Rule):
    code = "F503"
    slug = "child-voice-absent"
    summary = "No record of the child's views, wishes or feelings, or, for a baby, of how they were observed."
    pattern = "5"
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
            "Child: Jack Reed (7)\n\nANALYSIS\nThe children were seen. Mum's parenting is good.",
            True,
            "seen, but nothing of what the child said or showed",
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
        pattern = _child_pattern(form.people.children)
        in_views = _child_pattern(form.people.children, pronouns=True)
        for section in form.sections:
            in_views_section = section.kind in _VIEWS_KINDS
            if in_views_section and _quotes_the_child(section):
                return
            if section.kind not in _SKIP and _records_voice(in_views if in_views_section else pattern, section):
                return
        views = form.sections_of(*_VIEWS_KINDS)
        names = ", ".join(m.name for m in form.people.subjects if m.name) or "the child"
        yield self.finding(
            f"Nothing records what {names} said, wants or feels, or what was observed of them"
            + (f" ('{views[0].heading}' has no words of the child's own)." if views else "."),
            section=views[0] if views else None,
        )
