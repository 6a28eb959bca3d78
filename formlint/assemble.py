"""Turn a parser's ordered items into sections and typed metadata, the same way for every format."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import regex

from formlint.dates import parse_date
from formlint.headings import clean_heading, normalise, without_number
from formlint.model import Block, Form, Location, Metadata, ParseWarning, Person, Section
from formlint.parsers.raw import LABEL_VALUE, RawDocument, RawItem, Role
from formlint.profile import Profile, detect_profile, load_profile
from formlint.roles import roles
from formlint.roster import household

PREAMBLE = ""  # heading of the section holding what comes before the first heading
TITLE_LABELS = ("title", "form", "form type", "document type")


# Details that forms type as a label line with the answer below ("ADDRESS" / "27 Ashby Road").
_DETAIL_LABELS = frozenset(
    {
        "name", "address", "school", "gender", "ethnicity", "religion", "language", "first language",
        "interpreter", "interpreter required", "referrer", "date of referral", "nhs number", "case number",
        "case ref", "dob", "age", "legal status", "disability",
    }
)
_NAMED_POSSESSIVE = regex.compile(r"^((?:\p{Lu}[\p{L}-]+\s+){0,2}\p{Lu}[\p{L}-]+)['’][sS]\s+(.+)$")
_PROFESSIONAL_TITLE = regex.compile(r"(?i:dr|doctor|pc|dc|ds|sergeant|inspector|nurse|professor)\b")
_PERSON_FIELD = regex.compile(
    r"^(?i:household member|family member|member|person|child|parent|carer|adult|sibling)s?\s*\d{1,2}$"
)
_ACTION_LABEL = regex.compile(r"^(?i:action|objective|goal|outcome|target|priority|step)\s*\d{1,2}$")
# What follows "Jade's" in a heading that gives a family member's own views.
_VIEWS_WORDS = regex.compile(
    r"^(?i:views?|views and wishes|wishes and feelings|words|voice|thoughts|perspective)\W*$"
)
_WHO = r"(?P<who>\p{Lu}[\p{L}'’ -]{0,40}?)"
_WHOSE_VIEWS = regex.compile(
    rf"^(?i:what (?:does|do|did) ){_WHO}(?i: (?:think|say|want|feel|tell us|wish for))(?:\W*$|,)"
    rf"|^(?i:what ){_WHO}(?i: (?:says|said|thinks|wants|told me|told us|wishes for))\W*$"
    rf"|^(?i:what matters to ){_WHO}\W*$"
)
# A family adult named in such a heading: "Ruby's dad", "Mum", "Jade's partner".
_FAMILY_ADULT = regex.compile(
    r"\b(?i:mum|dad|mother|father|parents?|carers?|partner|stepdad|stepmum|nan|gran|grandma|grandad|family)\b"
)
# A table cell that makes its row a child's: an age under 18, months, or a child's relationship.
_CHILD_CELL = regex.compile(
    r"^\W*(?:(?:1[0-7]|[0-9])\b(?!\s*(?:/|years? ago))|\d{1,2}\s*(?:months?|weeks?)\b"
    r"|(?i:son|daughter|brother|sister|half[- ]?(?:brother|sister)|step(?:son|daughter|brother|sister)|"
    r"child|baby|grandson|granddaughter|niece|nephew|subject child)\b)"
)
_CHILD_LABEL = regex.compile(
    r"\b(?i:child|children|young person|subject)\b\W{0,3}:\s*(?P<value>[^:\n]{0,120})"
)
_AGE_AFTER = regex.compile(
    r"\s*(?:\p{Lu}[\p{L}'’-]+\s*)?(?:,\s*(?i:male|female|boy|girl))?(?:,?\s*(?i:born|dob)[^()]{0,20})?"
    r"\((?:[^()]{0,30}?\b(?i:age|aged)\s+)?"
    r"\s*(?P<age>\d{1,2})\s*(?P<unit>\p{L}*)"
)


@functools.lru_cache(maxsize=1024)
def _name_pattern(name: str, *, at_start: bool = False) -> regex.Pattern[str]:
    return regex.compile(rf"^\W*{regex.escape(name)}\b" if at_start else rf"\b{regex.escape(name)}\b")


def _child_named(name: str, text: str) -> bool:
    """True when ``text`` names ``name`` as a child: with an age under 18 or in months, or in the
    value of a "Child:" / "Children:" label."""
    named = _name_pattern(name)
    for match in named.finditer(text):
        age = _AGE_AFTER.match(text, match.end())
        if age and (int(age.group("age")) < 18 or age.group("unit").lower().startswith(("month", "week"))):
            return True
    return any(named.search(m.group("value")) for m in _CHILD_LABEL.finditer(text))


# "What other agencies told us", "What the school says": not a family member's views.
_NOT_A_PERSON = regex.compile(
    r"\b(?i:other|agenc\w*|professionals?|school|nursery|police|health|services?|we|they|you|people|staff)\b"
)
_WHY_PLAN = regex.compile(
    r"^(?i:why )\p{Lu}[\p{L}'’ -]{0,60}? (?i:has|have|needs|need) (?i:a|an|this) "
    r"(?:[\p{L}-]+ ){0,3}(?i:plan)\W*$"
)


def _is_family_adults_views(who: str, what: str) -> bool:
    """ "Jade's views" when Jade is not the child: not an agency's or a professional's."""
    someone_else = _NOT_A_PERSON.search(who) or _PROFESSIONAL_TITLE.match(who)
    return bool(_VIEWS_WORDS.match(what)) and not someone_else


@dataclass
class _Builder:
    profile: Profile
    sections: list[Section] = field(default_factory=list)
    metadata: Metadata = field(default_factory=Metadata)
    # True when the current section was opened by a label/answer field, so an
    # unrelated field after it must not be merged into it.
    opened_by_field: bool = False
    # Tables whose column headings are all section questions (a Signs of Safety map:
    # "What are we worried about?" | "What is working well?" | "What needs to happen?").
    section_tables: frozenset[tuple[int | None, int | None]] = frozenset()

    def current(self, location: Location) -> Section:
        if not self.sections:
            self.sections.append(Section(None, PREAMBLE, location))
        return self.sections[-1]

    def heading(self, item: RawItem) -> None:
        no_sections_yet = not any(s.kind for s in self.sections)
        # The form type's name is its title, even after a council's name took the place.
        titled = self.metadata.title is not None and self.profile.is_title(self.metadata.title)
        if no_sections_yet and not titled and self.profile.is_title(item.text):
            # The form's title names its type ("Child Protection Plan"): not a plan section.
            self.metadata.title = clean_heading(item.text)
            self.sections.append(Section(None, clean_heading(item.text), item.location, level=item.level))
            self.opened_by_field = False
            return
        section = self.open(item.text, item.location, by_field=False, level=item.level)
        parent = self._parent_of(section)
        if section.kind is None and parent is not None:
            # "Leah" under "Children's views" is still the children's views.
            section.kind = parent.kind
        if self.metadata.title is None and section.kind is None and not self.has_content():
            self.metadata.title = section.heading

    def fold_label_sections(self, sections: list[Section]) -> list[Section]:
        """ "MOTHER" then "Leah Clarke (19)": a details label typed as a heading with its answer
        on the next line is a field of the section before it, not a section of its own."""
        out: list[Section] = []
        for section in sections:
            answer = [b for b in section.blocks if b.text.strip()]
            label = section.heading
            if out and len(answer) == 1 and len(answer[0].text.split()) <= 15 and self._is_field_label(label):
                meta = self.profile.metadata_field(label)
                if meta is not None:
                    self._set_metadata(meta, answer[0].text)
                block = answer[0]
                out[-1].blocks.append(Block(block.text, block.location, blank=block.blank, label=label))
                continue
            out.append(section)
        return out

    def _is_field_label(self, label: str) -> bool:
        key = normalise(label)
        if self.profile.section_kind(label) is not None and self.profile.metadata_field(label) is None:
            return False
        return self.profile.metadata_field(label) is not None or key in _DETAIL_LABELS or key in roles()

    def has_content(self) -> bool:
        return any(b.text.strip() for s in self.sections for b in s.blocks)

    def _parent_of(self, section: Section) -> Section | None:
        if section.level is None:
            return None
        for earlier in reversed(self.sections[:-1]):
            if earlier.level is not None and earlier.level < section.level:
                # "# Our Family Plan — Hall family" over every "##": the form's title, not a parent.
                is_title = earlier is self.sections[0] or earlier.heading == self.metadata.title
                return earlier if earlier.kind and not is_title else None
        return None

    def _kind_of(self, heading: str) -> str | None:
        kind = self.profile.section_kind(heading)
        if kind is not None:
            return kind
        cleaned = clean_heading(heading)
        named = _NAMED_POSSESSIVE.match(cleaned)
        if named and self._is_child(named.group(1).split()[0]):
            # "Kai's views" is the child's-views section when Kai is the child the form is about.
            return self.profile.section_kind("child's " + named.group(2))
        if named and _is_family_adults_views(named.group(1), named.group(2)):
            return "parent_views"  # "Jade's views", "Aaron Pike's views": a family adult's own
        asked = _WHOSE_VIEWS.match(cleaned)
        if asked and not _NOT_A_PERSON.search(asked.group("who")):
            # "What does Mia think?", "What Jade told me", "What matters to Eira": whose views.
            who = asked.group("who")
            if _FAMILY_ADULT.search(who):
                return "parent_views"
            return "child_views" if self._is_child(who.split()[0]) else "parent_views"
        if _WHY_PLAN.match(cleaned):
            return "referral"
        return None

    def _is_child(self, name: str) -> bool:
        """The name is a child's: in the child's details or the title, written with a child's age
        ("Harvey Tolland (9)", "Leo, born 12/01/2024 (9 months)") or under a "Child:" label."""
        folded = name.casefold()
        children = {w.casefold() for child in self.metadata.children for w in child.name.split()}
        title = (self.metadata.title or "").casefold().split()
        if folded in children or folded in title:
            return True
        texts = [t for section in self.sections for t in (section.heading, *(b.text for b in section.blocks))]
        return any(_child_named(name, text) for text in texts) or self._child_in_a_table(name)

    def _child_in_a_table(self, name: str) -> bool:
        """A family table row naming the person with an age under 18 or a child's relationship."""
        rows: dict[tuple[int | None, int | None], list[str]] = {}
        for section in self.sections:
            for block in section.blocks:
                if block.location.row is not None:
                    rows.setdefault((block.location.table, block.location.row), []).append(block.text)
        pattern = _name_pattern(name, at_start=True)
        return any(
            any(pattern.match(cell) for cell in cells)
            and any(_CHILD_CELL.match(cell) for cell in cells if not pattern.match(cell))
            for cells in rows.values()
        )

    def open(self, heading: str, location: Location, *, by_field: bool, level: int | None = None) -> Section:
        kind = self._kind_of(heading)
        section = Section(kind, clean_heading(heading), location, level=level)
        self.sections.append(section)
        self.opened_by_field = by_field
        return section

    def add(self, item: RawItem, section: Section) -> None:
        blank = item.blank or (bool(item.text.strip()) and self.profile.is_guidance(item.text))
        label = "guidance" if blank and not item.blank else item.label
        section.blocks.append(Block(item.text, item.location, blank=blank, label=label))

    def body(self, item: RawItem) -> None:
        if item.label and (item.location.page, item.location.table) in self.section_tables:
            # Each column of such a table answers its own question: a section per column.
            self.field(RawItem(item.text, item.location, Role.FIELD, label=item.label))
            return
        match = LABEL_VALUE.match(item.text) if item.label is None else None
        if match and len(match.group(1).split()) <= 5:
            label, value = match.group(1), match.group(2).strip()
            if self.profile.metadata_field(label) or self.profile.section_kind(label):
                self.field(RawItem(value, item.location, Role.FIELD, label=label, weak=True))
                return
        self.add(item, self.current(item.location))

    def _answers_heading(self, location: Location) -> bool:
        """True when a known heading has nothing under it yet: a "Label: text" paragraph
        there is its answer ("Recommendation" then "Child in Need plan: referral to ...")."""
        section = self.current(location)
        return section.kind is not None and not self.opened_by_field and not section.text.strip()

    def field(self, item: RawItem) -> None:
        label = item.label or ""
        meta = self.profile.metadata_field(label)
        here = self.current(item.location)
        if _PERSON_FIELD.match(label) or (_ACTION_LABEL.match(label) and here.kind != "plan_actions"):
            # "Household member 2: Dean Walsh, mother's partner, 27" is one of a run of numbered
            # details fields, and "Action 3: visits on 02/04 ..." in running notes reports on an
            # action: neither opens a section.
            self.add(item, here)
            return
        if here.kind == "plan_actions" and meta is None and self.profile.is_column(without_number(label)):
            # "Outcome: ..." / "Lead: ..." lines of one action: the plan's columns, not sections.
            self.add(item, here)
            return
        kind = self.profile.section_kind(label) if meta is None else None
        answers = item.weak and meta is None and kind is not None and self._answers_heading(item.location)
        if meta is None and (kind is None or answers) and (item.weak or self.profile.is_column(label)):
            if item.weak:
                # "Mum said: ..." is a sentence, not a form field: keep the words whole.
                item = RawItem(f"{label}: {item.text}", item.location, Role.BODY)
            self.add(item, self.current(item.location))
            return
        if meta is not None and not item.blank:
            self._set_metadata(meta, item.text)
        if kind is not None or (self.opened_by_field and meta is None):
            self.open(label, item.location, by_field=True)
        self.add(item, self.current(item.location))

    def _set_metadata(self, name: str, value: str) -> None:
        value = value.strip()
        md = self.metadata
        if name in ("worker", "manager", "title"):
            if getattr(md, name) is None:
                setattr(md, name, value)
        elif name == "child_name":
            pending_dob = md.other.pop("child_dob", None)
            age = md.other.pop("child_age", None)
            md.children.append(Person(value, "child", parse_date(pending_dob) if pending_dob else None, age))
        elif name in ("child_dob", "child_age"):
            if not md.children:
                md.other[name] = value  # a date of birth before the name: attached when it comes
                return
            last = md.children[-1]
            dob = parse_date(value) if name == "child_dob" else last.date_of_birth
            age = value if name == "child_age" else last.age
            md.children[-1] = Person(last.name, last.role, dob, age, last.in_household)
        elif hasattr(md, name):
            if getattr(md, name) is None:
                setattr(md, name, parse_date(value))
        else:
            md.other[name] = value


def _title_lines(raw: RawDocument) -> list[str]:
    lines = [i.text for i in raw.items[:6] if i.role is Role.HEADING or i.location.paragraph in (0, 1)]
    labelled = [i.text for i in raw.items if i.role is Role.FIELD and (i.label or "").lower() in TITLE_LABELS]
    return labelled + lines + raw.extra_text[:4]


def _section_tables(raw: RawDocument, profile: Profile) -> frozenset[tuple[int | None, int | None]]:
    """Tables with a heading row whose every column heading is a section question, and none a
    plan column ("Who", "By when"): their columns are sections, not a table of rows."""
    labels: dict[tuple[int | None, int | None], set[str]] = {}
    for item in raw.items:
        if item.role is Role.BODY and item.label and item.location.row is not None:
            labels.setdefault((item.location.page, item.location.table), set()).add(item.label)
    return frozenset(
        key
        for key, names in labels.items()
        if len(names) >= 2
        and all(profile.section_kind(n) for n in names)
        and not any(profile.is_column(n) for n in names)
    )


def assemble(raw: RawDocument, path: str, *, profile: str | None = None) -> Form:
    """Build a Form. ``profile`` forces a profile id; otherwise it is detected."""
    if profile is None:
        generic = load_profile("common")
        kinds = {
            generic.section_kind(i.text if i.role is Role.HEADING else i.label or "")
            for i in raw.items
            if i.role is not Role.BODY
        }
        profile = detect_profile(_title_lines(raw), kinds)
    chosen = load_profile(profile)
    builder = _Builder(chosen, section_tables=_section_tables(raw, chosen))
    for item in raw.items:
        if item.role is Role.HEADING:
            builder.heading(item)
        elif item.role is Role.FIELD:
            builder.field(item)
        else:
            builder.body(item)
    sections = builder.fold_label_sections([s for s in builder.sections if s.heading or s.blocks])
    builder.metadata.household = household(sections)
    warnings: list[ParseWarning] = list(raw.warnings)
    return Form(
        path=path,
        format=raw.format,
        profile=profile,
        metadata=builder.metadata,
        sections=sections,
        warnings=warnings,
    )
