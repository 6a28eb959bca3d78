"""Forms that another system already holds as fields (schema in docs/input-json.md).

    {"metadata": {"title": ..., "assessment_start": "05/04/2024", ...},
     "sections": [{"heading": "Analysis", "text": "..."}, ...]}

``text`` may also be a list of paragraphs. Locations: ``field`` is the
heading, ``paragraph`` the 0-based index of the paragraph within the section.
"""

from __future__ import annotations

import json
from typing import Any

from formlint.errors import CorruptDocument
from formlint.model import Location
from formlint.parsers.raw import RawDocument, RawItem, Role


def _paragraphs(value: Any) -> list[str]:
    if isinstance(value, str):
        return [p for p in value.replace("\r\n", "\n").split("\n\n")] or [""]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value) or [""]
    raise ValueError("'text' must be a string or a list of strings")


def parse_json(data: bytes, path: str) -> RawDocument:
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise CorruptDocument(path, f"not valid JSON ({exc})") from exc
    if not isinstance(doc, dict) or not isinstance(doc.get("sections"), list):
        raise CorruptDocument(
            path, "JSON form must be an object with a 'sections' list (see docs/input-json.md)"
        )
    raw = RawDocument(format="json")
    metadata = doc.get("metadata") or {}
    if not isinstance(metadata, dict):
        raise CorruptDocument(path, "'metadata' must be an object")
    for key, value in metadata.items():
        if isinstance(value, str | int | float):
            raw.items.append(
                RawItem(
                    str(value), Location(field=f"metadata.{key}"), Role.FIELD, label=key.replace("_", " ")
                )
            )
    for number, section in enumerate(doc["sections"]):
        if not isinstance(section, dict) or not isinstance(section.get("heading"), str):
            raise CorruptDocument(path, f"section {number} needs a string 'heading'")
        heading = section["heading"]
        try:
            paragraphs = _paragraphs(section.get("text", ""))
        except ValueError as exc:
            raise CorruptDocument(path, f"section {number} ({heading!r}): {exc}") from exc
        raw.items.append(RawItem(heading, Location(field=heading), Role.HEADING))
        for index, text in enumerate(paragraphs):
            raw.items.append(
                RawItem(text.strip(), Location(paragraph=index, field=heading), blank=not text.strip())
            )
    return raw
