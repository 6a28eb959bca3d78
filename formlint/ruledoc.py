"""A rule's documentation page, generated from its metadata (the only source)."""

from __future__ import annotations

from formlint.rule import Rule


def render(rule: type[Rule]) -> str:
    lines = [
        f"# `{rule.slug}` ({rule.code})",
        "",
        rule.summary,
        "",
        f"- **Default severity:** {rule.severity}",
        f"- **Seed pattern:** {rule.pattern_text()}",
    ]
    if rule.sources:
        refs = ", ".join(f"[{s}]" if s[:1] == "S" and s[1:].isdigit() else s for s in rule.sources)
        lines.append(f"- **Sources:** rule catalogue entry {rule.code}; {refs}")
    if rule.options:
        opts = ", ".join(f"`{k}` = `{v!r}`" for k, v in rule.options.items())
        lines.append(f"- **Options:** {opts}")
    lines += ["", "## Why it matters", "", rule.why, "", "## How to put it right", "", rule.fix, ""]
    for flagged, title in ((True, "Flagged"), (False, "Not flagged")):
        cases = [e for e in rule.examples if e.flagged is flagged]
        if not cases:
            continue
        lines += [f"## {title}", ""]
        for case in cases:
            lines.append(f"{case.note[:1].upper()}{case.note[1:]}:" if case.note else "Example:")
            if case.as_of is not None:
                lines += ["", f"Checked as of {case.as_of.isoformat()}."]
            versions = case.previous_versions
            for n, text in enumerate(versions, start=1):
                title = "Previous version" if len(versions) == 1 else f"Version {n} of {len(versions) + 1}"
                lines += ["", f"{title}:", "", "```text", text, "```"]
            if versions:
                lines += ["", "Current version:"]
            lines += ["", "```text", case.form, "```", ""]
    lines.append(
        "*Generated from the rule's metadata by `python tools/gen_rule_docs.py`; do not edit by hand.*"
    )
    return "\n".join(lines) + "\n"
