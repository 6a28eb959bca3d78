"""Write docs/rules/<slug>.md and docs/rules/index.md from the installed rules' metadata."""

from __future__ import annotations

from pathlib import Path

from formlint.registry import discover
from formlint.ruledoc import render

DOCS = Path(__file__).resolve().parents[1] / "docs" / "rules"


def main() -> None:
    DOCS.mkdir(parents=True, exist_ok=True)
    rules = discover().rules
    index = ["# Rules", "", "| code | rule | default severity | what it flags |", "| --- | --- | --- | --- |"]
    for rule in rules:
        (DOCS / f"{rule.slug}.md").write_text(render(rule), encoding="utf-8")
        index.append(f"| {rule.code} | [`{rule.slug}`]({rule.slug}.md) | {rule.severity} | {rule.summary} |")
    (DOCS / "index.md").write_text("\n".join(index) + "\n", encoding="utf-8")
    print(f"wrote {len(rules)} rule pages to {DOCS}")


if __name__ == "__main__":
    main()
