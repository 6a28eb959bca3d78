from __future__ import annotations

from formlint.api import parse
from formlint.model import Form


def form_from_text(text: str, name: str = "form.txt", profile: str | None = None) -> Form:
    return parse(text.encode("utf-8"), name=name, profile=profile)
