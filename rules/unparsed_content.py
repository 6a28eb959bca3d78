"""S804 unparsed-content: content formlint could not read, so no finding can speak for it.

Reads what the parsers record rather than the document again:

- ``form.warnings`` (:class:`~formlint.model.ParseWarning`): images and embedded documents
  (``image``), scanned pages without a text layer (``no-text-layer``, ``no-text``), pages
  that failed to load or whose text cannot be decoded (``page-unreadable``,
  ``unreadable-text``), pages past the page limit (``page-limit``), XFA form data
  (``xfa``), unresolved tracked changes (``tracked-change``) and open comments
  (``open-comment``). ``encoding`` is not reported: the text was read, only its
  encoding was guessed.
- unfilled fields: a field left empty (``Block.blank`` with no text) inside a section that
  holds other answers, under a readable label, outside the plan table. Unfilled controls
  that still show their prompt, and sections with nothing in them, are *not* reported
  here: ``placeholder-text`` (T106) reports those, and a plan row's empty "Who" cell is
  ``unclear-action-ownership``'s (A403).

A document that has no text layer at all is refused before any rule runs
(``ScannedDocument``), so it never reaches this rule.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

import regex

from formlint.finding import Finding, Severity
from formlint.model import Form, Location, ParseWarning
from formlint.rule import Context, Example, Rule
from formlint_rules.lexicon import whole_match

# What each warning means for the reader, and what to do about it.
_ADVICE: Mapping[str, str] = {
    "image": "Any words in it (a scanned letter, a photographed genogram, a chart) were not checked: "
    "type them into the form, or say in the text what the image shows.",
    "no-text-layer": "The page looks scanned, so nothing on it was checked: run OCR or attach a text "
    "version.",
    "no-text": "Nothing in the document could be read: export it again with its text, or run OCR.",
    "page-unreadable": "The page was skipped: export the document again and re-check it.",
    "unreadable-text": "The page's font has no text map, so its words were not checked: export the PDF again "
    "from the original document.",
    "page-limit": "The remaining pages were not checked: split the document, or raise the page limit.",
    "xfa": "Answers kept only in the XFA data were not read: save the form as a standard (AcroForm) PDF.",
    "tracked-change": "The text was read as if the change were accepted: accept or reject it so the "
    "record says one thing.",
    "open-comment": "Comments are not part of the record's text: resolve the comment, or move what it says "
    "into the form.",
}
_SKIP_CODES = frozenset({"encoding"})
_PLURAL: Mapping[str, str] = {
    "image": "images or drawings not read",
    "tracked-change": "unresolved tracked changes",
    "open-comment": "open comments",
    "no-text-layer": "pages without a text layer",
    "unreadable-text": "pages whose text cannot be decoded",
    "page-unreadable": "pages that could not be loaded",
    "empty-field": "empty fields",
}
# Field names a PDF tool invents ("Text57", "Check3"): the question they answer is unknown.
_CRYPTIC = regex.compile(
    r"^(?:text|check|field|fill|textfield|checkbox|dropdown|combo|untitled)[\s_-]*\d*$", regex.I
)
_PLAN_KINDS = frozenset({"plan_actions", "safety_plan", "contingency"})
# Answers a family or a reader expects to find filled in (views, reasoning, decisions).
_ANSWER_KINDS = frozenset(
    {
        "child_views", "parent_views", "analysis", "risk_analysis", "recommendation", "decision",
        "danger_statement",
    }
)
# "[Insert father's views here]", "<<child's name>>", "[Enter date]": template markers left in.
_TEMPLATE_MARKER = regex.compile(
    r"\[(?:insert|enter|add|type|include|complete)\b[^\]]{0,80}\]|<<[^<>]{2,60}>>|\{\{[^{}]{2,60}\}\}",
    regex.IGNORECASE,
)
_TYPED_IMAGE = regex.compile(r"!\[(?P<alt>[^\]]*)\]\([^)]*\)|<img\b[^>]*>", regex.I)


class UnparsedContent(Rule):
    code = "S804"
    slug = "unparsed-content"
    summary = (
        "Part of the form could not be read (an image, a scanned page, a tracked change, a comment or an "
        "empty field), so formlint's findings do not cover it."
    )
    pattern = "1a"
    sources = ("form-sections.md §9–§10",)
    severity = Severity.WARNING
    why = (
        "A clean report on a form that was only partly read is false reassurance: the scanned page may be "
        "the one with the police checks, and the text in a photographed genogram or an unaccepted tracked "
        "change may be what the analysis rests on. Saying what was not read keeps the human reader in the "
        "loop."
    )
    fix = (
        "Check the named part by hand. Where you can, put the content into the form as text: type out what a "
        "scanned or photographed page says, accept or reject tracked changes, resolve comments, and fill "
        "or explain empty fields."
    )
    options: ClassVar[Mapping[str, Any]] = {
        # ParseWarning codes not to report (for example "image" where forms carry a logo in the body).
        "ignore": (),
        # Report fields left empty (outside plan tables and the sections placeholder-text reports).
        "empty_fields": True,
        # At most this many findings of one kind per form; the rest are counted in one more finding.
        "max_each": 5,
    }
    examples = (
        Example(
            "CHILD'S DETAILS\n\n| Name | Kian Mallory |\n| School | |\n| Date of birth | 22/10/2012 |\n\n"
            "ANALYSIS\nKian is settled at home.",
            True,
            "a details field left empty",
        ),
        Example(
            "CHILD'S DETAILS\n\n| Name | Kian Mallory |\n| GP | |\n| Interpreter needed | |\n\n"
            "ANALYSIS\nKian is settled at home.",
            True,
            "two empty fields: each is reported",
        ),
        Example(
            "CHILD'S DETAILS\n\n| Name | Kian Mallory |\n| School | Brackenford Academy (Year 7) |\n\n"
            "ANALYSIS\nKian is settled at home.",
            False,
            "every field filled",
        ),
        Example(
            "FATHER'S VIEWS\nClick or tap here to enter text.\n\nANALYSIS\nKian is settled at home.",
            True,
            "an unfilled control still showing its prompt: nothing there was read",
        ),
        Example(
            "GENOGRAM\n![Genogram](genogram.png)\n\nANALYSIS\nKian is settled at home.",
            True,
            "an image in a Markdown form",
        ),

    )

    def check(self, form: Form, context: Context) -> Iterator[Finding]:
        ignore = set(self.option(context, "ignore")) | _SKIP_CODES
        seen: set[tuple[str, str, Location]] = set()
        groups: dict[str, list[Finding]] = {}
        for warning in form.warnings:
            key = (warning.code, warning.message, warning.location)
            if warning.code in ignore or key in seen:
                continue
            seen.add(key)
            groups.setdefault(warning.code, []).append(self._from_warning(warning))
        if self.option(context, "empty_fields"):
            groups["empty-field"] = list(self._empty_fields(form))
        groups["unfilled"] = list(self._unfilled(form))
        groups["image"] = groups.get("image", []) + list(self._typed_images(form))
        limit = max(1, int(self.option(context, "max_each")))
        for code, found in groups.items():
            yield from found[:limit]
            rest = found[limit:]
            if rest:
                places = ", ".join(f.location.describe() for f in rest[:8]) + (
                    ", ..." if len(rest) > 8 else ""
                )
                what = _PLURAL.get(code, f"'{code}' notes from the reader")
                yield self.finding(
                    f"{len(rest)} more {what} ({places}). Check them by hand.",
                    location=rest[0].location,
                    suggestion=rest[0].suggestion,
                )

    def _from_warning(self, warning: ParseWarning) -> Finding:
        advice = _ADVICE.get(warning.code, "Check this part of the document by hand.")
        where = warning.location.describe()
        place = f" ({where})" if where != "whole form" else ""
        message = warning.message[:1].upper() + warning.message[1:]
        return self.finding(
            f"{message}{place}. {advice}",
            location=warning.location,
            suggestion=advice,
        )

    def _unfilled(self, form: Form) -> Iterator[Finding]:
        """Template text left in the answer: a control still showing its prompt ("Click or tap
        here to enter text."), "[Insert father's views here]", or a labelled answer left empty."""
        for index, section in enumerate(form.sections):
            if section.kind in _PLAN_KINDS:
                continue
            for block in section.blocks:
                text = block.text.strip()
                prompt = (block.blank and bool(text)) or bool(_TEMPLATE_MARKER.search(text))
                answer = text.partition(":")[2].strip() if ":" in text[:60] else text
                if prompt or (answer and whole_match("control_prompt").match(answer)):
                    yield self.finding(
                        f"'{section.heading or 'The form'}' still holds the template's text ('{text[:80]}'): "
                        "nothing was written there, so nothing there was checked.",
                        section=section,
                        block=block,
                    )
            following = form.sections[index + 1] if index + 1 < len(form.sections) else None
            empty = section.kind is not None and section.kind in _ANSWER_KINDS and not section.text.strip()
            nested = following is not None and following.kind == section.kind
            if empty and not nested:
                yield self.finding(
                    f"'{section.heading}' has nothing in it: an empty field is read as nothing to say.",
                    section=section,
                )

    def _typed_images(self, form: Form) -> Iterator[Finding]:
        """Images in text and Markdown forms ("![Genogram](genogram.png)")."""
        for section in form.sections:
            for block in section.blocks:
                for match in _TYPED_IMAGE.finditer(block.text):
                    what = match.group("alt") or "an image"
                    yield self.finding(
                        f"An image ('{what}') is part of the form and was not read. {_ADVICE['image']}",
                        section=section,
                        block=block,
                        suggestion=_ADVICE["image"],
                    )

    def _empty_fields(self, form: Form) -> Iterator[Finding]:
        for section in form.sections:
            if section.kind in _PLAN_KINDS or (section.kind is not None and not section.text.strip()):
                continue  # plan cells are A403's; an empty known section is placeholder-text's
            for block in section.blocks:
                label = (block.label or "").strip()
                if not block.blank or block.text.strip() or label == "guidance" or not label:
                    continue
                if _CRYPTIC.match(label) or (label == section.heading and section.kind is not None):
                    continue
                yield self.finding(
                    f"The field '{label}' in '{section.heading or 'the form'}' was left empty: "
                    "fill it in, or "
                    "write why it does not apply.",
                    section=section,
                    block=block,
                    text=label,
                )
