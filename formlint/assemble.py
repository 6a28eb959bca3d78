"""Turn a parser's ordered items into sections and typed metadata, the same way for every format."""

from __future__ import annotations

from dataclasses import dataclass, field

from formlint.dates import parse_date
from formlint.headings import clean_heading
from formlint.model import Block, Form, Location, Metadata, ParseWarning, Person, Section
from formlint.parsers.raw import RawDocument, RawItem, Role
from formlint.profile import Profile, detect_profile, load_profile

PREAMBLE = ""  # heading of the section holding what comes before the first heading


@dataclass
class _Builder:
    profile: Profile
    sections: list[Section] = field(default_factory=list)
    metadata: Metadata = field(default_factory=Metadata)
    # True when the current section was opened by a label/answer field, so an
    # unrelated field after it must not be merged into it.
    opened_by_field: bool = False

    def current(self, location: Location) -> Section:
        if not self.sections:
            self.sections.append(Section(None, PREAMBLE, location))
        return self.sections[-1]

    def open(self, heading: str, location: Location, *, by_field: bool, level: int | None = None) -> Section:
        section = Section(self.profile.section_kind(heading), clean_heading(heading), location, level=level)
        self.sections.append(section)
        self.opened_by_field = by_field
        return section

    def add(self, item: RawItem, section: Section) -> None:
        blank = item.blank or (bool(item.text.strip()) and self.profile.is_guidance(item.text))
        label = "guidance" if blank and not item.blank else item.label
        section.blocks.append(Block(item.text, item.location, blank=blank, label=label))

    def field(self, item: RawItem) -> None:
        label = item.label or ""
        meta = self.profile.metadata_field(label)
        if item.weak and meta is None and self.profile.section_kind(label) is None:
            # "Mum said: ..." is a sentence, not a form field: keep the words whole.
            whole = RawItem(f"{label}: {item.text}", item.location, Role.BODY)
            self.add(whole, self.current(item.location))
            return
        if meta is not None and not item.blank:
            self._set_metadata(meta, item.text)
        kind = self.profile.section_kind(label) if meta is None else None
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
            md.children.append(Person(name=value, role="child"))
        elif name in ("child_dob", "child_age") and md.children:
            last = md.children[-1]
            dob = parse_date(value) if name == "child_dob" else last.date_of_birth
            age = value if name == "child_age" else last.age
            md.children[-1] = Person(last.name, last.role, dob, age, last.in_household)
        elif hasattr(md, name):
            if getattr(md, name) is None:
                setattr(md, name, parse_date(value))
        else:
            md.other[name] = value


TITLE_LABELS = ("title", "form", "form type", "document type")


def _title_lines(raw: RawDocument) -> list[str]:
    lines = [i.text for i in raw.items[:6] if i.role is Role.HEADING or i.location.paragraph in (0, 1)]
    labelled = [i.text for i in raw.items if i.role is Role.FIELD and (i.label or "").lower() in TITLE_LABELS]
    return labelled + lines + raw.extra_text[:4]


def assemble(raw: RawDocument, path: str, *, profile: str | None = None) -> Form:
    """Build a Form. ``profile`` forces a profile id; otherwise it is detected."""
    if profile is None:
        # Detect from titles first; section kinds need a profile, so use the generic one.
        generic = load_profile("common")
        kinds = {
            generic.section_kind(i.text if i.role is Role.HEADING else i.label or "")
            for i in raw.items
            if i.role is not Role.BODY
        }
        profile = detect_profile(_title_lines(raw), kinds)
    builder = _Builder(load_profile(profile))
    for item in raw.items:
        if item.role is Role.HEADING:
            builder.open(item.text, item.location, by_field=False, level=item.level)
            if builder.metadata.title is None and not builder.sections[-1].kind:
                builder.metadata.title = clean_heading(item.text)
        elif item.role is Role.FIELD:
            builder.field(item)
        else:
            builder.add(item, builder.current(item.location))
    sections = [s for s in builder.sections if s.heading or s.blocks]
    warnings: list[ParseWarning] = list(raw.warnings)
    return Form(
        path=path,
        format=raw.format,
        profile=profile,
        metadata=builder.metadata,
        sections=sections,
        warnings=warnings,
    )
