"""`formlint sections`: how a form was understood, for checking that a template is read right."""

from __future__ import annotations

import json
from typing import Any

from formlint.model import Form
from formlint.people import Member
from formlint.profile import Detection


def form_to_dict(form: Form, detection: Detection | None = None) -> dict[str, Any]:
    return {
        "path": form.path,
        "format": form.format,
        "profile": form.profile,
        "profile_reason": (
            {"reason": detection.reason, "detail": detection.detail} if detection is not None else None
        ),
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
        "people": [m.to_dict() for m in form.people],
        "actions": [a.to_dict() for a in form.actions],
        "warnings": [
            {"code": w.code, "message": w.message, "location": w.location.to_dict()} for w in form.warnings
        ],
    }


def sections_json(form: Form, detection: Detection | None = None) -> str:
    return json.dumps(form_to_dict(form, detection), indent=2, ensure_ascii=False)


def _person(member: Member) -> str:
    facts = [member.role or "role not stated"]
    if member.subject:
        facts.append("subject")
    if member.gender:
        facts.append(member.gender)
    if member.age:
        facts.append(f"age {member.age}")
    if member.in_household is not None:
        facts.append("in household" if member.in_household else "not in household")
    group = "professional" if member.professional else "child" if member.child else "adult"
    return f"{member.name or '(unnamed)'}: {group}, {', '.join(facts)}"


def sections_text(form: Form, detection: Detection | None = None) -> str:
    md = form.metadata.to_dict()
    lines = [f"{form.path}  format={form.format}  profile={form.profile}"]
    if detection is not None:
        lines.append(f"  profile chosen: {detection.detail}")
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
    if len(form.people):
        lines.append("\npeople:")
        lines.extend(f"    {_person(m)}" for m in form.people)
    if form.actions:
        lines.append("\nplan actions:")
        for a in form.actions:
            lines.append(f"    {a.location.describe():<28} {' '.join(a.text.split())[:100]}")
            lines.append(f"    {'':<28}   owner: {a.owner or '(none)'} | when: {a.timescale or '(none)'}"
                         + (f" | outcome: {a.outcome}" if a.outcome else ""))
    for w in form.warnings:
        lines.append(f"warning: {w.code}: {w.message} @ {w.location.describe()}")
    return "\n".join(lines)
