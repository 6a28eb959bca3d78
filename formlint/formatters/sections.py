"""`formlint sections`: how a form was understood, for checking that a template is read right."""

from __future__ import annotations

import json
from typing import Any

from formlint.model import Form


def form_to_dict(form: Form) -> dict[str, Any]:
    return {
        "path": form.path,
        "format": form.format,
        "profile": form.profile,
        "metadata": form.metadata.to_dict(),
        "sections": [
            {
                "kind": s.kind,
                "heading": s.heading,
                "location": s.location.to_dict(),
                "blocks": [
                    {"text": b.text, "blank": b.blank, "label": b.label, "location": b.location.to_dict()}
                    for b in s.blocks
                ],
            }
            for s in form.sections
        ],
        "warnings": [
            {"code": w.code, "message": w.message, "location": w.location.to_dict()} for w in form.warnings
        ],
    }


def sections_json(form: Form) -> str:
    return json.dumps(form_to_dict(form), indent=2, ensure_ascii=False)


def sections_text(form: Form) -> str:
    md = form.metadata.to_dict()
    lines = [f"{form.path}  format={form.format}  profile={form.profile}"]
    facts = {k: v for k, v in md.items() if v not in (None, [], {})}
    for key, value in facts.items():
        lines.append(f"  {key}: {value}")
    for s in form.sections:
        kind = s.kind or "(unrecognised)"
        lines.append(f"\n[{kind}] {s.heading or '(before the first heading)'}  @ {s.location.describe()}")
        for b in s.blocks:
            label = f"{b.label}: " if b.label else ""
            flag = " (blank)" if b.blank else ""
            text = " ".join(b.text.split())
            lines.append(
                f"    {b.location.describe():<28} {label}{text[:160]}{'…' if len(text) > 160 else ''}{flag}"
            )
    for w in form.warnings:
        lines.append(f"warning: {w.code}: {w.message} @ {w.location.describe()}")
    return "\n".join(lines)
