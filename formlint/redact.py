"""Redaction: names of people replaced by their role, so a report can be shared beyond the case.

``redact_report(report)`` returns a new report in which every name the form's people roster
knows (:mod:`formlint.people`) is replaced by the person's role in square brackets:
"[mother]", "[father]", "[social worker]", "[child 1]" (children are numbered, subjects
first), "[aunt 1]"/"[aunt 2]" when two people share a role. Findings' messages, quoted text,
headings and suggestions, reader notes, rule-failure messages, the form's own text and details
and the form's file name are all redacted; numbers and dates are kept.

What it replaces, longest first: full names and alias + surname ("Leanne Morgan"), title and
surname ("Ms Morgan"), then single first names, aliases and surnames, which must start with a
capital ("Leanne", "Flo", "Morgan") so that ordinary words are left alone. A surname shared by
several people ("Booth") becomes "[surname]", a title with a shared surname "Mr [surname]".

Redaction is only as good as the roster: a name the roster did not pick up is not replaced.
Read a redacted report before sending it on.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import PurePath

import regex

from formlint.engine import RuleFailure
from formlint.finding import Finding
from formlint.model import Block, Form, Location, Metadata, ParseWarning, Person
from formlint.people import Member, Roster
from formlint.report import FileResult, Report

__all__ = ["RedactedReport", "Redactor", "labels_for", "redact_form", "redact_report", "redactor_for"]

_TITLES = ("Mr", "Mrs", "Ms", "Miss", "Mx", "Dr")
_TITLE = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?"
# A name word: letters with inner apostrophes or hyphens ("O'Neill", "Smith-Jones").
_WORD = regex.compile(r"\p{L}[\p{L}'’\-]*")


class RedactedReport(Report):
    """A report whose names have been replaced by roles (writers may say so)."""

    redacted = True


def labels_for(roster: Iterable[Member]) -> dict[Member, str]:
    """Each member's stand-in: "[child 1]" for children (subjects first), "[mother]" for others,
    numbered when two people share a role ("[aunt 1]", "[aunt 2]")."""
    members = list(roster)
    children = sorted((m for m in members if m.child), key=lambda m: not m.subject)
    out: dict[Member, str] = {m: f"[child {i}]" for i, m in enumerate(children, 1)}
    others = [m for m in members if not m.child]
    base = {m: (m.role or "person") for m in others}
    shared = Counter(base.values())
    seen: Counter[str] = Counter()
    for member in others:
        role = base[member]
        if shared[role] > 1:
            seen[role] += 1
            out[member] = f"[{role} {seen[role]}]"
        else:
            out[member] = f"[{role}]"
    return out


def _name_words(name: str) -> list[str]:
    words: list[str] = _WORD.findall(name)
    while words and words[0].rstrip(".") in _TITLES:
        words.pop(0)
    return words


def _spaced(words: Iterable[str]) -> str:
    return r"\s+".join(regex.escape(w) for w in words)


@dataclass(frozen=True)
class Redactor:
    """Replaces known names in text. Build one with :func:`redactor_for`."""

    # (pattern, replacement) applied in order; a replacement may use \g<title>.
    passes: tuple[tuple[regex.Pattern[str], Callable[[regex.Match[str]], str]], ...] = ()

    def __call__(self, text: str) -> str:
        for pattern, replacement in self.passes:
            text = pattern.sub(replacement, text)
        return text

    def optional(self, text: str | None) -> str | None:
        return None if text is None else self(text)

    def path(self, path: str) -> str:
        """A form's path with names in its file name replaced (in any case: "ava carter.md")."""
        if not self.passes:
            return path
        pure = PurePath(path)
        name = pure.name
        for pattern, replacement in self.passes:
            loose = regex.compile(pattern.pattern, pattern.flags | regex.IGNORECASE)
            name = loose.sub(replacement, name)
        return str(pure.with_name(name)) if name != pure.name else path


def _lookup(table: dict[str, str]) -> Callable[[regex.Match[str]], str]:
    def replace_match(match: regex.Match[str]) -> str:
        key = " ".join(match.group("name").split()).casefold()
        title = match.groupdict().get("title")
        label = table.get(key, "[name]")
        return f"{title} {label}" if title and label == "[surname]" else label

    return replace_match


def _alternation(phrases: Iterable[str]) -> str:
    # Longest first, so "Leanne Morgan" wins over "Leanne".
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "|".join(_spaced(p.split()) for p in ordered)


def redactor_for(roster: Iterable[Member]) -> Redactor:
    """A redactor for the named members of ``roster``."""
    labels = labels_for(roster)
    full: dict[str, str] = {}
    titled: dict[str, set[str]] = {}
    single: dict[str, set[str]] = {}
    surnames: dict[str, set[str]] = {}
    for member, label in labels.items():
        if not member.name:
            continue
        words = _name_words(member.name)
        if not words:
            continue
        forenames = [words[0], *member.aliases] if len(words) > 1 else [*words, *member.aliases]
        if len(words) > 1:
            surname = words[-1]
            full[" ".join(words).casefold()] = label
            for alias in member.aliases:
                full[f"{alias} {surname}".casefold()] = label
            surnames.setdefault(surname, set()).add(label)
            titled.setdefault(surname, set()).add(label)
        elif member.name.split()[0].rstrip(".") in _TITLES:
            # "Mr Achebe": a title and surname only.
            titled.setdefault(words[0], set()).add(label)
            surnames.setdefault(words[0], set()).add(label)
            forenames = list(member.aliases)
        for forename in forenames:
            single.setdefault(forename, set()).add(label)
    passes: list[tuple[regex.Pattern[str], Callable[[regex.Match[str]], str]]] = []
    if full:
        pattern = regex.compile(rf"(?<![\p{{L}}\[])(?:{_TITLE}\s+)?(?P<name>{_alternation(full)})(?!\p{{L}})",
                                regex.IGNORECASE)
        passes.append((pattern, _lookup(full)))
    if titled:
        table = {s.casefold(): (next(iter(ls)) if len(ls) == 1 else "[surname]") for s, ls in titled.items()}
        pattern = regex.compile(
            rf"(?<![\p{{L}}\[])(?P<title>{_TITLE})\s+(?P<name>{_alternation(titled)})(?!\p{{L}})"
        )
        passes.append((pattern, _lookup(table)))
    by_word: dict[str, str] = {}
    for surname, ls in surnames.items():
        by_word[surname.casefold()] = next(iter(ls)) if len(ls) == 1 else "[surname]"
    for forename, ls in single.items():
        # A first name two people share is still a name; which one is not known.
        by_word[forename.casefold()] = next(iter(ls)) if len(ls) == 1 else "[name]"
    originals = {*surnames, *single}
    if originals:
        # Case-sensitive: "Will" the name, not "will" the verb.
        pattern = regex.compile(rf"(?<![\p{{L}}\[])(?P<name>{_alternation(originals)})(?!\p{{L}})")
        passes.append((pattern, _lookup(by_word)))
    return Redactor(tuple(passes))


def _redact_location(location: Location, text: str | None, redact: Redactor) -> Location:
    """Character offsets moved to where the same words are in the redacted block."""
    if text is None or location.start is None or location.end is None:
        return location
    start = len(redact(text[: location.start]))
    end = start + len(redact(text[location.start : location.end]))
    return location.with_span(start, end)


def _unspanned(location: Location) -> Location:
    return replace(location, start=None, end=None)


def _redact_person(person: Person, redact: Redactor) -> Person:
    return replace(person, name=redact(person.name), role=redact.optional(person.role))


def _redact_metadata(metadata: Metadata, redact: Redactor) -> Metadata:
    return replace(
        metadata,
        title=redact.optional(metadata.title),
        worker=redact.optional(metadata.worker),
        manager=redact.optional(metadata.manager),
        children=[_redact_person(p, redact) for p in metadata.children],
        household=[_redact_person(p, redact) for p in metadata.household],
        other={redact(k): redact(v) for k, v in metadata.other.items()},
    )


def redact_form(form: Form, redact: Redactor | None = None) -> Form:
    """A copy of ``form`` with names replaced in its text, details, notes and file name; its
    people roster keeps roles, ages and the rest, with each name replaced by its stand-in."""
    roster = form.people
    redact = redact or redactor_for(roster)
    labels = labels_for(roster)
    sections = [
        dataclasses.replace(
            section,
            heading=redact(section.heading),
            blocks=[
                Block(redact(b.text), b.location, b.blank, redact.optional(b.label)) for b in section.blocks
            ],
        )
        for section in form.sections
    ]
    out = Form(
        path=redact.path(form.path),
        format=form.format,
        profile=form.profile,
        metadata=_redact_metadata(form.metadata, redact),
        sections=sections,
        warnings=[ParseWarning(w.code, redact(w.message), w.location) for w in form.warnings],
    )
    people = Roster(
        replace(m, name=labels[m] if m.name else None, aliases=()) for m in roster
    )
    out.__dict__["people"] = people  # the cached roster: built from names, not from stand-ins
    return out


def _redact_finding(finding: Finding, redact: Redactor, blocks: dict[Location, str]) -> Finding:
    return replace(
        finding,
        message=redact(finding.message),
        heading=redact.optional(finding.heading),
        text=redact.optional(finding.text),
        suggestion=redact(finding.suggestion),
        location=_redact_location(finding.location, blocks.get(_unspanned(finding.location)), redact),
    )


def _redact_result(result: FileResult) -> FileResult:
    form = result.form
    if form is None:
        return result
    redact = redactor_for(form.people)
    blocks = {b.location: b.text for s in form.sections for b in s.blocks}
    new_form = redact_form(form, redact)
    return FileResult(
        path=new_form.path if result.path == form.path else redact.path(result.path),
        form=new_form,
        findings=[_redact_finding(f, redact, blocks) for f in result.findings],
        error=result.error,
        rule_failures=[RuleFailure(r.rule, redact(r.message)) for r in result.rule_failures],
    )


def redact_report(report: Report) -> RedactedReport:
    """A copy of ``report`` with each form's people named by role (see the module docstring)."""
    return RedactedReport([_redact_result(r) for r in report.files])

