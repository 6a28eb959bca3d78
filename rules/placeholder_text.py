"""T106 placeholder-text: a free-text answer that is empty, "N/A", "see above" or a template prompt."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from itertools import pairwise
from typing import Any, ClassVar

from formlint.finding import Finding, Severity
from formlint.model import Block, Form, Section
from formlint.rule import Context, Example, Rule
from formlint_rules.lexicon import whole_match

# Sections that hold identifying details or tick boxes, where a short answer such
# as "None" is a true answer to a closed question rather than a missing one.
NOT_FREE_TEXT = frozenset(
    {"child_details", "family_composition", "professional_network", "consent", "signatures", "scaling"}
)


def _is_parent_heading(form: Form, index: int) -> bool:
    """An empty heading followed by a deeper heading, or by a sub-heading of the same kind
    ("What are we worried about?" then "Past harm"), is a container, not an empty answer."""
    section = form.sections[index]
    following = form.sections[index + 1] if index + 1 < len(form.sections) else None
    if following is None:
        return False
    if section.level is not None and following.level is not None:
        return following.level > section.level
    if section.level is not None and following.kind is not None:
        # A heading, then at once a question answered in a field or a bold run-in
        # ("Social care" then "**Risk analysis.** ..."): the questions are its content.
        return True
    return following.kind == section.kind


def _unambiguous(text: str) -> bool:
    """A placeholder that answers no question: "N/A", "see above", "as before", not "None" or "No"."""
    return bool(whole_match("placeholder").match(text)) and not whole_match("placeholder_closed").match(text)


# A line that asks or labels rather than answers: short, and not ended like a sentence.
_SENTENCE_END = (".", "!", ",", ";", '"', "”")


def _is_sub_heading(block: Block) -> bool:
    text = block.text.strip()
    if not text or text.endswith(_SENTENCE_END):
        return False
    words = text.split()
    # A line in capitals is a heading even when long ("WHAT THE CHILDREN HAVE TOLD US / WHAT WE HAVE SEEN").
    shouted = text.upper() == text and any(c.isalpha() for c in text)
    return len(words) <= 8 or (shouted and len(words) <= 16)


def leading_answer(section: Section) -> str:
    """The section's own answer: its text up to the first line that heads something else.

    A heading the reader did not split off ("See above." then "WHAT THE CHILDREN
    HAVE TOLD US") leaves the next section's content inside this one; the answer
    to this section's question is only what comes before it.
    """
    blocks = [b for b in section.blocks if not b.blank and b.label != "guidance" and b.text.strip()]
    for i, block in enumerate(blocks):
        if i and block.location.table is None and not block.label and _is_sub_heading(block):
            return "\n".join(b.text for b in blocks[:i]).strip()
    return "\n".join(b.text for b in blocks).strip()


def _answer_part(text: str) -> str:
    """The answer of a "Label: answer" line typed as running text, else the whole text."""
    head, colon, tail = text.partition(":")
    return tail.strip() if colon and len(head) <= 50 and tail.strip() else text.strip()


class PlaceholderText(Rule):
    code = "T106"
    slug = "placeholder-text"
    summary = "A free-text section left empty or filled with N/A, 'see above' or a template prompt."
    pattern = "1a"
    sources = ("S1",)
    severity = Severity.WARNING
    why = (
        "A form that can be completed with 'N/A' or 'see above' records nothing about the quality "
        "or depth of the assessment: the reader cannot tell whether the question was considered. "
        "Case reviews find that forms which allow this discourage recording the reasoning behind "
        "conclusions."
    )
    fix = (
        "Write what was found for this section, or say why it does not apply with a reason "
        "(for example 'Not applicable: Ava is three weeks old; her presentation is described under "
        "observations'). Replace any template prompt with the answer."
    )
    options: ClassVar[Mapping[str, Any]] = {"required_severity": "error"}
    examples = (
        Example("Child's views: N/A", True, "a bare N/A in a free-text section"),
        Example("ANALYSIS\n\nSee above.", True, "a cross-reference with no content"),
        Example(
            "Father's details: Click or tap here to enter text.",
            True,
            "an unfilled Word content-control prompt, in any section",
        ),
        Example(
            "PARENTING CAPACITY\n\n\nHOUSING\nTwo-bedroom flat, in good repair.",
            True,
            "a heading with nothing under it",
        ),
        Example(
            "Child's views: Not applicable — Ava is 3 weeks old; her presentation is described "
            "under observations.",
            False,
            "N/A with a reason is an answer",
        ),
        Example(
            "Education: N/A, Ava is not yet of nursery age; she is cared for at home by her mother.",
            False,
            "N/A followed by a reason",
        ),
        Example(
            "What Rhys told us\nAs before.\n\nSUMMARY\nRhys is settled, as his teacher reports.",
            True,
            "a cross-reference under a heading the profile does not know",
        ),
        Example(
            "HEALTH\nRhys is up to date with his jabs.\n\nVoices: Grandad\nN/A",
            True,
            "a sub-heading inside a section answered only 'N/A'",
        ),
        Example("CHILD'S DETAILS\nKnown allergies: None", False, "'None' answering a closed question"),
        Example(
            "Interpreter needed\nNone\n\nSUMMARY\nRhys is settled, as his teacher reports.",
            False,
            "'None' under an unknown heading may answer a closed question",
        ),
    )

    def check(self, form: Form, context: Context) -> Iterator[Finding]:
        profile_required = self._required(form)
        for index, section in enumerate(form.sections):
            required = section.kind in profile_required
            prompts = list(self._prompts(section, self._severity(context) if required else None))
            yield from prompts
            if prompts or section.kind in NOT_FREE_TEXT:
                continue
            severity = self._severity(context) if required else None
            content = section.text.strip()
            if section.kind is None:
                # A heading the profile does not know ("What Ethan says"): the question
                # is unknown, so only an answer that could answer no question is reported.
                if section.heading and _unambiguous(content):
                    yield self._only(section, content, None)
                continue
            if not content:
                if _is_parent_heading(form, index):
                    continue
                why = self._emptiness(section)
                yield self.finding(
                    f"'{section.heading}' is {why}: nothing is recorded for this section.",
                    section=section,
                    severity=severity,
                )
            elif whole_match("placeholder").match(content):
                yield self._only(section, content, severity)
            elif _unambiguous(leading := leading_answer(section)):
                # "See above." and then a heading the form did not mark as one.
                yield self._only(section, leading, severity)
            else:
                yield from self._sub_answers(section)

    def _only(self, section: Section, content: str, severity: Severity | None) -> Finding:
        return self.finding(
            f"'{section.heading}' holds only '{content}', which records nothing about what was found.",
            section=section,
            block=next(b for b in section.blocks if not b.blank),
            severity=severity,
        )

    def _sub_answers(self, section: Section) -> Iterator[Finding]:
        """A sub-question inside a section answered only by a placeholder on the next line
        ("Dad's views" then "N/A"), where the template's sub-heading was read as text."""
        blocks = [b for b in section.blocks if not b.blank and b.text.strip()]
        for before, block in pairwise(blocks):
            if block.location.table is not None or block.label or before.label:
                continue  # table cells and labelled fields: a closed question's answer
            if _unambiguous(block.text) and _is_sub_heading(before) and not _unambiguous(before.text):
                question = before.text.strip().rstrip(":")
                yield self.finding(
                    f"'{question}' in '{section.heading}' is answered only '{block.text.strip()}', "
                    "which records nothing about what was found.",
                    section=section,
                    block=block,
                )

    def _severity(self, context: Context) -> Severity:
        return Severity.parse(self.option(context, "required_severity"))

    def _prompts(self, section: Section, severity: Severity | None) -> Iterator[Finding]:
        """Unfilled controls and template prompts left in any answer."""
        for block in section.blocks:
            if block.label == "guidance":
                continue
            answer = _answer_part(block.text)
            prompt = block.blank and bool(block.text.strip())
            if prompt or (answer and whole_match("control_prompt").match(answer)):
                where = f"'{block.label}'" if block.label else f"'{section.heading or 'the form'}'"
                yield self.finding(
                    f"{where} still shows the template prompt '{answer}': it was never filled in.",
                    section=section,
                    block=block,
                    severity=severity,
                )

    @staticmethod
    def _emptiness(section: Section) -> str:
        if any(b.label == "guidance" for b in section.blocks):
            return "left with only the template's guidance"
        if any(b.blank for b in section.blocks):
            return "an unfilled field"
        return "empty"

    @staticmethod
    def _required(form: Form) -> frozenset[str]:
        from formlint.profile import load_profile

        try:
            return frozenset(load_profile(form.profile or "common").required)
        except KeyError:
            return frozenset()
