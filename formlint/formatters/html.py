"""One self-contained HTML page a quality assurer can open, file and print.

For each form: a summary (counts by severity and by seed pattern), the findings about the
whole form, the form's own text section by section with each flagged passage highlighted and
its finding beside it (why it matters, how to put it right, a link to the rule page), and a
sign-off checklist. No scripts, no network, no external assets: the stylesheet
(``formlint/data/report.css``) is inlined.

Built with the standard library: ``string.Template`` for the page shell and small functions
that put every piece of the form's or the report's text through ``html.escape`` (one helper,
``_e``), so nothing from a form can become markup. A template engine would be a new
dependency for one page whose structure is driven by data (interleaving text and findings),
which plain functions express more directly.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from html import escape
from importlib import resources
from itertools import pairwise
from string import Template
from typing import TYPE_CHECKING, ClassVar

from formlint import __version__
from formlint.finding import Finding, Severity
from formlint.formatters import RenderOptions
from formlint.formatters.common import where
from formlint.model import Block, Form, Location
from formlint.report import FileResult, Report

if TYPE_CHECKING:
    from formlint.rule import Rule

SEVERITY_LABEL = {
    Severity.ERROR: ("✖", "Error"),
    Severity.WARNING: ("▲", "Warning"),
    Severity.INFO: ("ℹ", "Info"),
}
SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)

PAGE = Template(
    """<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="formlint $version">
<title>$title</title>
<style>
$css</style>
</head>
<body>
<a class="skip-link" href="#main">Skip to the report</a>
<header class="page-header">
<h1>$title</h1>
$subtitle
</header>
$nav
<main id="main" tabindex="-1">
$body
</main>
<footer class="page-footer">
<p class="muted">Made by formlint $version. formlint points at recording patterns that case reviews
find; it does not judge the quality of the social work. Check each finding against the form.</p>
</footer>
</body>
</html>
"""
)


def _e(text: object) -> str:
    """Text made safe for HTML content and attribute values."""
    return escape(str(text), quote=True)


def stylesheet() -> str:
    return resources.files("formlint.data").joinpath("report.css").read_text(encoding="utf-8")


def page(title: str, body: str, *, subtitle: str = "", nav: str = "") -> str:
    """A whole page with the inlined stylesheet; ``body``, ``subtitle`` and ``nav`` are markup."""
    return PAGE.substitute(
        title=_e(title), subtitle=subtitle, nav=nav, body=body, css=stylesheet(), version=_e(__version__)
    )


def severity_badge(severity: Severity) -> str:
    icon, word = SEVERITY_LABEL[severity]
    return f'<span class="sev sev-{severity}"><span aria-hidden="true">{icon}</span> {word}</span>'


def pattern_key(pattern_text: str) -> str:
    """"6c. Attribution error" -> "6c"; text without a key is returned as it is."""
    head = pattern_text.split(".", 1)[0].strip()
    return head if head and len(head) <= 3 and head[0].isdigit() else pattern_text


@dataclass
class _Placed:
    """Where each finding of a form is shown."""

    top: list[int] = field(default_factory=list)
    sections: dict[int, list[int]] = field(default_factory=dict)
    blocks: dict[tuple[int, int], list[int]] = field(default_factory=dict)


def _unspanned(location: Location) -> Location:
    return replace(location, start=None, end=None)


def place(form: Form, findings: Sequence[Finding]) -> _Placed:
    """Findings on a block go beside it, on a section under its heading, others at the top."""
    by_location: dict[Location, list[tuple[int, int]]] = {}
    for si, section in enumerate(form.sections):
        for bi, block in enumerate(section.blocks):
            by_location.setdefault(block.location, []).append((si, bi))
    placed = _Placed()
    for index, finding in enumerate(findings):
        key = _unspanned(finding.location)
        if key == Location():
            placed.top.append(index)
            continue
        candidates = by_location.get(key, [])
        if len(candidates) > 1 and finding.text:
            quoted = " ".join(finding.text.split())
            candidates = [
                c for c in candidates
                if quoted in " ".join(form.sections[c[0]].blocks[c[1]].text.split())
            ] or candidates
        if candidates:
            placed.blocks.setdefault(candidates[0], []).append(index)
            continue
        section_index = next((i for i, s in enumerate(form.sections) if s.location == key), None)
        if section_index is None and finding.heading:
            section_index = next(
                (i for i, s in enumerate(form.sections)
                 if s.heading == finding.heading and s.kind == finding.section),
                None,
            )
        if section_index is not None:
            placed.sections.setdefault(section_index, []).append(index)
        else:
            placed.top.append(index)
    return placed


def span_in(block: Block, finding: Finding) -> tuple[int, int] | None:
    """Where in the block's text the finding's words are: its quoted text (the occurrence
    nearest its offsets), else its offsets; None when neither can be found."""
    text = block.text
    loc = finding.location
    quoted = (finding.text or "").strip()
    if quoted and quoted != text.strip():
        starts = []
        at = text.find(quoted)
        while at != -1:
            starts.append(at)
            at = text.find(quoted, at + 1)
        if starts:
            best = min(starts, key=lambda s: abs(s - (loc.start or 0)))
            return best, best + len(quoted)
    if quoted and quoted == text.strip():
        lead = len(text) - len(text.lstrip())
        return lead, lead + len(quoted)
    if loc.start is not None and loc.end is not None and 0 <= loc.start < loc.end <= len(text):
        return loc.start, loc.end
    return None


def highlight(text: str, spans: Sequence[tuple[int, int, Finding, str]]) -> str:
    """``text`` escaped, with each span in a <mark> and a link to its finding after it.

    ``spans`` are (start, end, finding, anchor); overlapping spans are split into segments,
    each marked with the most severe finding covering it.
    """
    cuts = sorted({0, len(text), *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})
    out: list[str] = []
    for a, b in pairwise(cuts):
        covering = [sp for sp in spans if sp[0] <= a and b <= sp[1]]
        piece = _e(text[a:b])
        if covering:
            worst = max(sp[2].severity for sp in covering)
            piece = f'<mark class="sev-{worst}">{piece}</mark>'
        out.append(piece)
        for start, end, finding, anchor in spans:
            if end == b and start < end:
                out.append(_ref(finding, anchor))
    return "".join(out)


def _number(anchor: str) -> str:
    return anchor.rsplit("-", 1)[-1]


def _ref(finding: Finding, anchor: str) -> str:
    number = _number(anchor)
    label = f"Finding {number}: {SEVERITY_LABEL[finding.severity][1]}, {finding.code} {finding.rule}"
    return f'<a class="ref" href="#{anchor}" aria-label="{_e(label)}">[{number}]</a>'


@dataclass
class _Context:
    rules: dict[str, type[Rule]]
    docs_url: str | None
    # Per form: the first card of each rule (later cards of the rule refer to it, not repeat it).
    explained: dict[str, tuple[str, str]] = field(default_factory=dict)


def finding_card(finding: Finding, anchor: str, ctx: _Context, *, level: int, quote: bool) -> str:
    rule = ctx.rules.get(finding.code)
    number = _number(anchor)
    parts = [
        f'<article class="finding sev-{finding.severity}" id="{_e(anchor)}"'
        f' aria-labelledby="{_e(anchor)}-h">',
        f'<h{level} id="{_e(anchor)}-h">{severity_badge(finding.severity)} '
        f'<span class="num">{number}.</span> <span class="code">{_e(finding.code)}</span> {_e(finding.rule)}'
        f"</h{level}>",
        f"<p>{_e(finding.message)}</p>",
        f'<p class="where">Where: {_e(where(finding))}</p>',
    ]
    if quote and finding.text:
        parts.append(f"<blockquote>{_e(finding.text)}</blockquote>")
    details = []
    fix = finding.suggestion or (rule.fix if rule is not None else "")
    first = ctx.explained.get(finding.code)
    if first is None:
        ctx.explained[finding.code] = (anchor, fix)
        if rule is not None and rule.why:
            details.append(f"<dt>Why it matters</dt><dd>{_e(rule.why)}</dd>")
        if fix:
            details.append(f"<dt>How to put it right</dt><dd>{_e(fix)}</dd>")
    else:
        first_anchor, first_fix = first
        see = f'<a href="#{_e(first_anchor)}">finding {_number(first_anchor)}</a>'
        if fix and fix != first_fix:
            details.append(f"<dt>How to put it right</dt><dd>{_e(fix)}</dd>")
            details.append(f"<dt>Why it matters</dt><dd>See {see}.</dd>")
        else:
            details.append(f"<dt>Why it matters, how to put it right</dt><dd>See {see}.</dd>")
    if finding.pattern:
        details.append(f"<dt>Seed pattern</dt><dd>{_e(finding.pattern)}</dd>")
    if details:
        parts.append("<dl>" + "".join(details) + "</dl>")
    if ctx.docs_url:
        href = f"{ctx.docs_url}{finding.rule}.md"
        parts.append(
            f'<p><a class="rule-page" href="{_e(href)}">Rule page: {_e(finding.rule)}'
            f'<span class="visually-hidden"> ({_e(finding.code)})</span></a></p>'
        )
    parts.append("</article>")
    return "\n".join(parts)


def _counts_table(caption: str, rows: Iterable[tuple[str, int]], head: str, *, markup: bool = False) -> str:
    body = "".join(
        f'<tr><th scope="row">{label if markup else _e(label)}</th><td class="num">{count}</td></tr>'
        for label, count in rows
    )
    return (
        f'<table><caption>{_e(caption)}</caption><thead><tr><th scope="col">{_e(head)}</th>'
        f'<th scope="col" class="num">Findings</th></tr></thead><tbody>{body}</tbody></table>'
    )


def _summary(result: FileResult, form: Form) -> str:
    by_sev = Counter(f.severity for f in result.findings)
    by_pattern = Counter(f.pattern or "(none)" for f in result.findings)
    sev_rows = [(severity_badge(s), by_sev.get(s, 0)) for s in SEVERITIES]
    pattern_rows = sorted(by_pattern.items(), key=lambda kv: (-kv[1], pattern_key(kv[0])))
    facts = [f"format {form.format}", f"profile {form.profile or 'not recognised'}",
             f"{len(form.sections)} section(s)", f"{len(result.findings)} finding(s)"]
    tables = _counts_table("By severity", sev_rows, "Severity", markup=True)
    if pattern_rows:
        tables += _counts_table("By seed pattern", pattern_rows, "Seed pattern")
    return f'<p class="meta">{_e(", ".join(facts))}</p><div class="summary-grid">{tables}</div>'


def _block_html(
    block: Block, indices: Sequence[int], findings: Sequence[Finding], anchors: Sequence[str], ctx: _Context
) -> str:
    spans: list[tuple[int, int, Finding, str]] = []
    whole: list[int] = []
    for i in indices:
        span = span_in(block, findings[i])
        if span is None:
            whole.append(i)
        else:
            spans.append((*span, findings[i], anchors[i]))
    label = f'<span class="label">{_e(block.label)}:</span> ' if block.label else ""
    if block.blank:
        words = f'{label}<span class="blank">(left blank)</span>'
    else:
        words = label + highlight(block.text, spans)
    words += "".join(_ref(findings[i], anchors[i]) for i in whole)
    if not indices:
        return f'<div class="block"><p class="words">{words}</p></div>'
    cards = "\n".join(finding_card(findings[i], anchors[i], ctx, level=5, quote=False) for i in indices)
    return (
        f'<div class="block flagged"><p class="words">{words}</p>'
        f'<aside class="notes" aria-label="Findings on this passage">{cards}</aside></div>'
    )


def _signoff(result: FileResult, anchors: Sequence[str], form_id: str) -> str:
    items = []
    for finding, anchor in zip(result.findings, anchors, strict=True):
        box = f"{anchor}-done"
        items.append(
            f'<li><input type="checkbox" id="{_e(box)}"><label for="{_e(box)}">'
            f'<a href="#{_e(anchor)}">{_number(anchor)}.</a> {SEVERITY_LABEL[finding.severity][1]}: '
            f"{_e(finding.code)} {_e(finding.rule)}, {_e(where(finding))}: {_e(finding.message)}</label></li>"
        )
    listing = (
        f'<ul class="checklist">{"".join(items)}</ul>' if items
        else "<p>No findings to address.</p>"
    )
    fields = "".join(
        f'<label for="{form_id}-{key}">{_e(text)}</label>'
        f'<input type="{kind}" id="{form_id}-{key}" name="{key}">'
        for key, text, kind in (
            ("qa-name", "Quality assurer", "text"),
            ("qa-date", "Date checked", "date"),
            ("worker-name", "Practitioner", "text"),
            ("worker-date", "Date put right", "date"),
        )
    )
    return (
        f'<section class="signoff" aria-labelledby="{form_id}-signoff">'
        f'<h3 id="{form_id}-signoff">Sign-off</h3>'
        f"<p>Tick each finding when it has been put right or considered and left with a reason.</p>"
        f'{listing}<div class="signoff-fields">{fields}</div></section>'
    )


def form_html(result: FileResult, number: int, ctx: _Context) -> str:
    form_id = f"form-{number}"
    head = (
        f'<section class="form" id="{form_id}" aria-labelledby="{form_id}-h">'
        f'<h2 id="{form_id}-h">{_e(result.path)}</h2>'
    )
    if result.error is not None or result.form is None:
        message = result.error.message if result.error else "the form could not be read"
        code = f" [{result.error.code}]" if result.error else ""
        return f'{head}<p class="notice">This file could not be read: {_e(message)}{_e(code)}</p></section>'
    form = result.form
    findings = result.findings
    ctx.explained.clear()
    anchors = [f"{form_id}-f-{i}" for i in range(1, len(findings) + 1)]
    placed = place(form, findings)
    parts = [head, f'<h3 id="{form_id}-summary">Summary</h3>', _summary(result, form)]

    parts.append(f'<h3 id="{form_id}-top">Findings about the whole form</h3>')
    top = [finding_card(findings[i], anchors[i], ctx, level=4, quote=True) for i in placed.top]
    notes = [
        f"<li>{_e(w.location.describe())}: {_e(w.message)} <span class=\"muted\">[{_e(w.code)}]</span></li>"
        for w in form.warnings
    ]
    failures = [
        f"<li>Rule {_e(r.rule)} failed on this form: {_e(r.message)}</li>" for r in result.rule_failures
    ]
    parts.append("\n".join(top) if top else "<p>None.</p>")
    if notes:
        parts.append(f'<h4>Notes from reading the file</h4><ul>{"".join(notes)}</ul>')
    if failures:
        parts.append(
            f'<div class="notice"><h4>Rules that could not run</h4><ul>{"".join(failures)}</ul></div>'
        )

    parts.append(f'<h3 id="{form_id}-text">The form, section by section</h3><div class="form-text">')
    for si, section in enumerate(form.sections):
        heading = section.heading or "(before the first heading)"
        kind = f' <span class="muted">({_e(section.kind)})</span>' if section.kind else ""
        parts.append(f'<section class="form-section"><h4>{_e(heading)}{kind}</h4>')
        parts.extend(
            finding_card(findings[i], anchors[i], ctx, level=5, quote=True)
            for i in placed.sections.get(si, [])
        )
        for bi, block in enumerate(section.blocks):
            parts.append(_block_html(block, placed.blocks.get((si, bi), []), findings, anchors, ctx))
        parts.append("</section>")
    parts.append("</div>")
    parts.append(_signoff(result, anchors, form_id))
    parts.append("</section>")
    return "\n".join(parts)


def _overview(report: Report) -> str:
    rows = []
    for number, result in enumerate(report.files, 1):
        link = f'<a href="#form-{number}">{_e(result.path)}</a>'
        if result.error is not None:
            rows.append(f'<tr><th scope="row">{link}</th><td colspan="4">could not be read</td></tr>')
            continue
        by_sev = Counter(f.severity for f in result.findings)
        cells = "".join(f'<td class="num">{by_sev.get(s, 0)}</td>' for s in SEVERITIES)
        rows.append(f'<tr><th scope="row">{link}</th>{cells}<td class="num">{len(result.findings)}</td></tr>')
    head = "".join(f'<th scope="col" class="num">{severity_badge(s)}</th>' for s in SEVERITIES)
    return (
        '<nav class="contents" aria-labelledby="contents-h"><div class="page-header">'
        '<h2 id="contents-h">Forms in this report</h2>'
        f'<table><thead><tr><th scope="col">Form</th>{head}<th scope="col" class="num">All</th></tr></thead>'
        f'<tbody>{"".join(rows)}</tbody></table></div></nav>'
    )


def _rules(options: RenderOptions) -> Sequence[type[Rule]]:
    if options.rules is not None:
        return options.rules
    from formlint.registry import discover

    return discover().rules


def docs_base(options: RenderOptions) -> str | None:
    """The rule pages' base: --docs-url, else this checkout's docs/rules/ (as for SARIF)."""
    from formlint.formatters.sarif import default_docs_url

    base = options.docs_url if options.docs_url is not None else default_docs_url()
    if base and not base.endswith("/"):
        base += "/"
    return base or None


def report_html(report: Report, options: RenderOptions | None = None) -> str:
    options = options or RenderOptions()
    ctx = _Context({r.code: r for r in _rules(options)}, docs_base(options))
    s = report.summary()
    sev = s["by_severity"]
    subtitle = (
        f'<p class="meta">{s["files"]} form(s), {s["findings"]} finding(s): {sev["error"]} error, '
        f'{sev["warning"]} warning, {sev["info"]} info; {s["files_with_errors"]} could not be read.</p>'
    )
    if getattr(report, "redacted", False):
        subtitle += (
            '<p class="notice"><strong>Redacted.</strong> Names of people the form lists are replaced by '
            "their role, e.g. [mother], [child 1]. A name formlint did not recognise as a person is not "
            "replaced: read the report before sharing it.</p>"
        )
    body = "\n".join(form_html(result, n, ctx) for n, result in enumerate(report.files, 1))
    return page("formlint report", body, subtitle=subtitle, nav=_overview(report))


class HtmlFormatter:
    name: ClassVar[str] = "html"
    suffix: ClassVar[str] = ".html"

    def render(self, report: Report, options: RenderOptions) -> str:
        return report_html(report, options)


__all__ = ["HtmlFormatter", "page", "report_html", "severity_badge", "stylesheet"]
