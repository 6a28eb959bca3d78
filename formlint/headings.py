"""Normalise headings and labels so that "4.2 Child's Views:" matches "child's views"."""

from __future__ import annotations

import regex

# "Section 4 -" is numbering; "Section 47 enquiry" is the Children Act 1989.
_NUMBERING = regex.compile(
    r"""^\s*(?:
        (?:section(?!\s+(?:17|20|31|37|47)\b)|part|step|question|q)(?:\s+|(?=\d))(?:\d{1,3}[a-z]?|[A-Za-z])\b(?:\.\d+)*\s*[.):\-–—]?\s*
      | \d{1,2}(?:\.\d{1,2})*[a-z]?\s*[.):\-–—]?\s+
      | \(?[A-Za-z]\)\s*
      | [A-Z][.:\-–—]\s+
      | (?:i{1,3}|iv|v|vi{1,3}|ix|x)[.)]\s+
    )""",
    regex.IGNORECASE | regex.VERBOSE,
)
_EXPLANATION = regex.compile(r"\s*\([^()]{3,}\)\s*$")
_ACRONYM = regex.compile(r"\s*\((?-i:\p{Lu}{2,6})\)")
_NOT_KEY = regex.compile(r"[^\p{L}\p{N}'/&]+")
_TRAILING = regex.compile(r"[\s:?.\-–—*]+$")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


_NUMBER_AFTER = regex.compile(r"\s*\d{1,2}$")


def without_number(label: str) -> str:
    """ "Action 4" -> "Action", "Child 2" -> "Child": a label numbered as one of a run."""
    return _NUMBER_AFTER.sub("", label)


def clean_heading(text: str) -> str:
    """The heading as a person would read it: numbering and trailing colon/question mark gone."""
    text = text.strip().strip("#").strip()
    text = _NUMBERING.sub("", text, count=1)
    return _TRAILING.sub("", text).strip()


def normalise(text: str) -> str:
    """Lower-case key used for synonym matching."""
    # "Reason for assessment (what is the assessment trying to find out?)": the bracket explains.
    text = _EXPLANATION.sub("", clean_heading(text))
    # "Next Team Around the Family (TAF) review": an acronym spelled out beside its words.
    text = _ACRONYM.sub("", text).translate(_QUOTES).lower()
    text = _NOT_KEY.sub(" ", text)
    return " ".join(text.split())
