"""T107 boilerplate-copy: text copied where the form's own thinking should be.

Three cases, one finding each:

* **copied between sections** — a paragraph of one section repeated (near) word for word
  in another section of the same form;
* **unchanged from the previous version** — a paragraph of a section that should move on
  between versions (analysis, progress, the child's views, supervision) copied from the
  previous version's matching section (sections paired by :mod:`formlint.versions`);
* **copy residue** (error) — a child's own section naming another child of the form as its
  subject, or a sentence about one child using the other sex's pronoun where the rest of
  the form is consistent about that child.

Comparison: person names become one token, he/she and his/her/him become pronoun tokens,
dates and numbers go. Paragraphs of 25 words or more are compared by word 5-gram shingles
(the share of the shorter one's shingles found in the other, so a copy with a sentence added
still counts), shorter ones (down to ``min_words``) by ``difflib`` ratio over words. Standard
library only: a form has at most a few hundred paragraphs, so pairwise comparison is cheap
and MinHash (datasketch) would only pay for large multi-document runs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

import regex

from formlint.finding import Finding, Severity
from formlint.model import Block, Form, Section, Sentence
from formlint.people import Member
from formlint.rule import Context, Example, Rule
from formlint.versions import pair_sections, similarity, words

_I = regex.IGNORECASE
_PRONOUN_TOKEN = {"he": "<p>", "she": "<p>", "his": "<q>", "her": "<q>", "him": "<q>", "hers": "<q>"}
_MALE = frozenset({"he", "him", "his", "himself"})
_FEMALE = frozenset({"she", "her", "hers", "herself"})
_TITLE_WORDS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr"})
# Text repeated by design: consent, sharing and statutory wording; signatures.
_BY_DESIGN = regex.compile(
    r"\b(?:(?:has|have|was|were|will\s+be)\s+(?:been\s+)?shared\s+with|consent|data\s+protection|privacy\s+notice|"
    r"GDPR|information\s+sharing|right\s+to\s+(?:complain|see|request|access)|complaints?\s+procedure|"
    r"signed|signature|Children\s+Act|Working\s+Together)\b",
    _I,
)
_SIBLING = regex.compile(
    r"\b(?:brother|sister|sibling|siblings|twin|half-?(?:brother|sister)|step-?(?:brother|sister))\b", _I
)
_WORD = regex.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_PLAN_KINDS = ("plan_actions", "contingency", "safety_plan", "plan")
_LIST_ITEM = regex.compile(r"^\s*(?:[-*•·◦▪●–]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+")
# A sentence whose subject is a first name followed by a lower-case verb.
_SUBJECT = regex.compile(
    r"^\W*(\p{Lu}[^\W\d_]+)\s+(?:is|was|has|had|enjoys|likes|loves|said|says|told|\p{Ll}+s|\p{Ll}+ed)\b"
)
# A child-like sentence whose subject is a first name: "Poppy enjoys the home corner".
_CHILD_SUBJECT = regex.compile(
    r"^\W*(\p{Lu}\p{Ll}+)\s+(?:enjoys|likes|loves|plays|attends|is\s+meeting|was\s+meeting|is\s+happy|"
    r"was\s+happy|sleeps|eats|said|says|told\s+me)\b"
)
# Sections that hold a child's own story, where another child's name as the subject is residue.
_NOT_OWN = regex.compile(r"\b(?:who|household|family|lives|living|details|composition|contact|network)\b", _I)
# Words for someone other than the child, whom a pronoun may stand for.
_SOMEONE_ELSE = regex.compile(
    r"\b(?:mum|mummy|mam|mother|dad|daddy|father|parents?|carers?|step-?\w+|nan|nanna|nana|gran|granny|grandma|"
    r"grandmother|grandad|grandfather|grandparents?|aunt|auntie|uncle|cousin|partner|girlfriend|boyfriend|"
    r"friends?|teacher|worker|nurse|visitor|doctor|GP|midwife|officer|police|staff|baby|girl|boy|woman|man|"
    r"lady|sister|brother|sibling|siblings|twin|they|someone|somebody|person|Mr|Mrs|Ms|Miss)\b",
    _I,
)


def _quote(text: str, limit: int = 140) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def name_words(form: Form) -> frozenset[str]:
    """Lower-case words of the names the form's people go by (titles aside)."""
    found: set[str] = set()
    for member in form.people:
        for name in (member.name or "", *member.aliases):
            found.update(w.casefold().rstrip(".") for w in name.split())
    return frozenset(w for w in found if w and w not in _TITLE_WORDS)


def comparable(text: str, names: frozenset[str]) -> list[str]:
    """Words for comparison: names as ``<name>``, he/she and his/her/him as pronoun tokens."""
    out = []
    for word in words(text):
        base = regex.sub(r"['’]s$", "", word)
        out.append("<name>" if base in names else _PRONOUN_TOKEN.get(word, word))
    return out


def _shingles(tokens: Sequence[str], n: int = 5) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1))}


def _alike(a: Sequence[str], b: Sequence[str], shingle_overlap: float, short_ratio: float) -> float | None:
    """How alike two paragraphs are, or None when below the thresholds."""
    if min(len(a), len(b)) >= 25:
        # Containment of the shorter in the longer: a paragraph copied with a sentence added is a copy.
        sa, sb = _shingles(a), _shingles(b)
        score = len(sa & sb) / min(len(sa), len(sb))
        return score if score >= shingle_overlap else None
    score = similarity(a, b)
    return score if score >= short_ratio else None


@dataclass(frozen=True)
class _Para:
    section: Section
    block: Block
    tokens: list[str]


def _paragraphs(
    form: Form, names: frozenset[str], min_words: int, sections: Sequence[Section]
) -> list[_Para]:
    found = []
    for section in sections:
        for block in section.blocks:
            # Plan items (numbered or bulleted) are restated by design: a recommendation repeats the plan.
            if block.blank or _BY_DESIGN.search(block.text) or _LIST_ITEM.match(block.text):
                continue
            tokens = comparable(block.text, names)
            if len(tokens) >= min_words:
                found.append(_Para(section, block, tokens))
    return found


class BoilerplateCopy(Rule):
    code = "T107"
    slug = "boilerplate-copy"
    summary = (
        "Paragraphs copied between sections, or unchanged from the previous version where the section "
        "should have moved on; copy residue (another child's name, the wrong pronoun)."
    )
    pattern = "1a"
    sources = ("S27", "Ofsted inspection reports")
    severity = Severity.WARNING
    why = (
        "Forms that ask the same question in several boxes, and a case-management cycle that re-issues "
        "the same document, invite cut and paste (seed pattern 1a; 2c for supervision records copied "
        "from one session to the next; 6b, drift hidden by re-used text). Copied text looks complete "
        "but records no new thinking, and text copied from another child's record — a name or 'he' "
        "left behind — shows the child was not the one being written about. Inspections report "
        "'information cut and pasted from different documents' and supervision 'copied from previous "
        "supervision sessions, with no reflection'."
    )
    fix = (
        "Write each section for its own question and for this child. In a new version, say what has "
        "changed since the last one and what that means — or say plainly that nothing has changed and "
        "what will be done about it. Check every name and pronoun in text brought from elsewhere."
    )
    options: ClassVar[Mapping[str, Any]] = {
        "min_words": 10,
        "shingle_overlap": 0.85,
        "short_ratio": 0.9,
        # Sections that should move on from one version to the next.
        "moving_kinds": ("analysis", "risk_analysis", "review_progress", "child_views", "manager_oversight"),
    }
    examples = (
        Example(
            "CHILD AND FAMILY ASSESSMENT\nChildren: Tyler Shaw (8), Ava Shaw (3)\n\n"
            "TYLER'S VIEWS\nTyler said he is happy at home and likes his bedroom and his toys a lot.\n\n"
            "AVA'S VIEWS\nAva said she is happy at home and likes her bedroom and her toys a lot.",
            True,
            "two children's views read the same with only the name and pronouns changed",
        ),
        Example(
            "CHILD AND FAMILY ASSESSMENT\nChildren: Leo Carr (5)\n\nANALYSIS\nLeo is doing well in class "
            "and he reads every day. Leo talks about his dog and he draws him often.\n\n"
            "LEO'S HEALTH\nLeo's immunisations are up to date and he sleeps well. Leo said she "
            "is happy at nursery and likes her new shoes.",
            True,
            "copy residue: a sentence about Leo says 'she' and 'her', though the form calls Leo 'he'",
        ),
        Example(
            "CIN REVIEW\nDate of review: 20/05/2024\n\nANALYSIS\nMs Reid has kept the home clean since March "
            "and the family support worker found the kitchen and bedrooms tidy on each of six visits.",
            True,
            "the analysis is unchanged from the previous review apart from the date",
            previous=(
                "CIN PLAN\nPlan date: 20/02/2024\n\nANALYSIS\nMs Reid has kept the home clean since March "
                "and the family support worker found the kitchen and bedrooms tidy on each of six visits."
            ),
        ),
        Example(
            "CIN REVIEW\nDate of review: 20/05/2024\n\nANALYSIS\nThe previous plan said 'mother to attend "
            "parenting course'; she has now completed it, so this action is removed.\n\n"
            "CONSENT\nThis assessment has been shared with Ms Reid and she has signed to say she read it.",
            False,
            "the previous plan quoted in order to move on; consent wording is the same by design",
            previous=(
                "CIN PLAN\nPlan date: 20/02/2024\n\nANALYSIS\nMs Reid needs to attend a parenting course.\n\n"
                "CONSENT\nThis assessment has been shared with Ms Reid and she has signed to say she read it."
            ),
        ),
    )

    def check(self, form: Form, context: Context) -> Iterator[Finding]:
        names = name_words(form)
        min_words = int(self.option(context, "min_words"))
        thresholds = (
            float(self.option(context, "shingle_overlap")),
            float(self.option(context, "short_ratio")),
        )
        found = self._residue(form)
        if found is not None:
            yield found
        found = self._between_sections(form, names, min_words, thresholds)
        if found is not None:
            yield found
        if context.previous:
            found = self._from_previous(form, context.previous[-1], names, min_words, thresholds, context)
            if found is not None:
                yield found

    def _between_sections(
        self, form: Form, names: frozenset[str], min_words: int, thresholds: tuple[float, float]
    ) -> Finding | None:
        prose = [s for s in form.sections if s.kind not in _PLAN_KINDS]
        paras = _paragraphs(form, names, min_words, prose)
        for i, later in enumerate(paras):
            for earlier in paras[:i]:
                if earlier.section is later.section:
                    continue
                score = _alike(earlier.tokens, later.tokens, *thresholds)
                if score is None:
                    continue
                return self.finding(
                    f"Copied between sections: this paragraph under '{later.section.heading}' repeats one "
                    f"under '{earlier.section.heading}' ({score:.0%} alike, names and dates aside): "
                    f'"{_quote(later.block.text)}"',
                    section=later.section,
                    block=later.block,
                )
        return None

    def _from_previous(
        self,
        form: Form,
        previous: Form,
        names: frozenset[str],
        min_words: int,
        thresholds: tuple[float, float],
        context: Context,
    ) -> Finding | None:
        moving = set(self.option(context, "moving_kinds"))
        both = names | name_words(previous)
        for pair in pair_sections(previous, form):
            if pair.later is None or pair.earlier is None or pair.later.kind not in moving:
                continue
            before = _paragraphs(previous, both, min_words, [pair.earlier])
            for para in _paragraphs(form, both, min_words, [pair.later]):
                for old in before:
                    score = _alike(old.tokens, para.tokens, *thresholds)
                    if score is None:
                        continue
                    return self.finding(
                        f"Unchanged from the previous version: under '{para.section.heading}', a section "
                        "that should say what has changed, this paragraph is the previous version's "
                        f'({score:.0%} alike, names and dates aside): "{_quote(para.block.text)}"',
                        section=para.section,
                        block=para.block,
                    )
        return None

    # Copy residue
    def _residue(self, form: Form) -> Finding | None:
        children = [c for c in form.people.children if c.name]
        if not children:
            return None
        genders = {c: self._gender(form, c) for c in children}
        for index, section in enumerate(form.sections):
            named = [c for c in children if form.people.mentioned_in(c, section.heading)]
            own_section = (
                index > 0
                and section.kind not in ("child_details", "family_composition")
                and section.heading != form.metadata.title
                and not _NOT_OWN.search(section.heading)
            )
            own = named[0] if len(named) == 1 and own_section else None
            for sentence in section.sentences:
                people = form.people.find(sentence.text)
                stranger = self._stranger(sentence, own, form) if own is not None else None
                if own is not None and stranger is not None:
                    return self.finding(
                        f"Copy residue: in {own.name}'s section '{section.heading}', this sentence is about "
                        f"'{stranger}', a name found nowhere else in the form: \"{_quote(sentence.text)}\"",
                        section=section,
                        sentence=sentence,
                        severity=Severity.ERROR,
                    )
                if own is not None and self._other_child_subject(sentence, own, children, form):
                    other = next(c for c in children if c is not own and self._starts_with(sentence.text, c))
                    return self.finding(
                        f"Copy residue: in {own.name}'s section '{section.heading}', this sentence is about "
                        f'{other.name}: "{_quote(sentence.text)}"',
                        section=section,
                        sentence=sentence,
                        severity=Severity.ERROR,
                    )
                if len(people) == 1 and genders.get(people[0]) and not _SOMEONE_ELSE.search(sentence.text):
                    child = people[0]
                    said = self._near_pronouns(sentence.text, child)
                    if said and said[0] != genders[child]:
                        return self.finding(
                            f"Copy residue: this sentence about {child.name} says "
                            f"'{'he' if said[0] == 'male' else 'she'}', but the rest of the form writes of "
                            f"{child.name} as '{'he' if genders[child] == 'male' else 'she'}': "
                            f'"{_quote(sentence.text)}"',
                            section=section,
                            sentence=sentence,
                            severity=Severity.ERROR,
                        )
        return None

    @staticmethod
    def _near_pronouns(text: str, child: Member) -> list[str]:
        """Sexes of the pronouns that follow the child's first name closely: within six words,
        nothing but words and spaces between ("Ava said he is", "Leo is meeting her")."""
        if not child.first_names:
            return []
        names = "|".join(regex.escape(n) for n in child.first_names)
        pattern = regex.compile(
            rf"\b(?:{names})\b(?:['’]s)?(?:\s+[^\W\d_]+){{0,6}}?\s+(he|she|his|her|him)\b"
        )
        return ["male" if m.group(1).casefold() in _MALE else "female" for m in pattern.finditer(text)]

    @staticmethod
    def _starts_with(text: str, child: Member) -> bool:
        """The sentence opens with the child's first name as its subject: "Mia enjoys nursery ..."
        (not "Mia's father: ...", "Mia Clarke, 8" or a bare list entry)."""
        first = _SUBJECT.match(text)
        return first is not None and first.group(1) in child.first_names

    def _other_child_subject(
        self, sentence: Sentence, own: Member, children: list[Member], form: Form
    ) -> bool:
        text = sentence.text
        if len(text.split()) < 6 or form.people.mentioned_in(own, text) or _SIBLING.search(text):
            return False
        return any(c is not own and self._starts_with(text, c) for c in children)

    @staticmethod
    def _stranger(sentence: Sentence, own: Member, form: Form) -> str | None:
        """The first name a child-like sentence is about, when nobody in the form has it and the
        form uses the word nowhere else (so it is neither a person of this family nor a common word)."""
        m = _CHILD_SUBJECT.match(sentence.text)
        if m is None or form.people.mentioned_in(own, sentence.text) or _SIBLING.search(sentence.text):
            return None
        name = m.group(1)
        if _SOMEONE_ELSE.fullmatch(name) or form.people.find(name):
            return None
        text = "\n".join(s.text for s in form.sections) + "\n" + "\n".join(s.heading for s in form.sections)
        uses = regex.findall(rf"\b{regex.escape(name)}\b", text, flags=regex.IGNORECASE)
        return name if len(uses) == 1 else None

    @staticmethod
    def _gender(form: Form, child: Member) -> str | None:
        """The child's sex as the form writes it: a clear majority (at least three) of the pronouns
        that closely follow the child's name in sentences naming this child and no one else."""
        votes: Counter[str] = Counter()
        for sentence in form.sentences():
            if form.people.find(sentence.text) == [child] and not _SOMEONE_ELSE.search(sentence.text):
                votes.update(BoilerplateCopy._near_pronouns(sentence.text, child)[:1])
        if not votes:
            return None
        (top, count), *rest = votes.most_common()
        other = rest[0][1] if rest else 0
        return top if count >= 3 and other <= 1 and count >= 3 * other else None
