"""The cohort page: bar charts (plain generated SVG) and tables of the cohort figures.

The charts are a few dozen <rect> and <text> elements written here: no plotting library (which
would be a large dependency, slow to import, and whose SVG output carries fonts, ids and
metadata that vary between versions) for horizontal bars on a 0-100% scale. Each chart has a
title and description for screen readers and the same figures are in a table beneath it, so
nothing is shown by the chart alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from formlint.formatters.html import page
from formlint.stats import _GROUP_TITLES, GROUPS, CohortStats, Row, percent

BAR_COLOUR = "#1d4f91"  # 8.6:1 against white
TRACK_COLOUR = "#e8f0fa"
CHART_ROWS = 25  # the most common; the table lists them all


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def bar_chart(
    rows: Sequence[Row], *, title: str, chart_id: str, label_width: int = 260, use_label: bool = False
) -> str:
    """Horizontal bars, one per row, length = share of forms; the percentage written beside."""
    rows = [r for r in rows if r.forms][:CHART_ROWS]
    if not rows:
        return "<p>No findings in this group.</p>"
    bar_h, gap, top, plot_w, right = 20, 8, 26, 420, 150
    width = label_width + plot_w + right
    height = top + len(rows) * (bar_h + gap) + 4
    desc = "; ".join(f"{r.key} {percent(r.share)} of {r.total} forms" for r in rows)
    out = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-labelledby="{chart_id}-t {chart_id}-d">',
        f'<title id="{chart_id}-t">{_e(title)}</title>',
        f'<desc id="{chart_id}-d">{_e(desc)}</desc>',
    ]
    for tick in (0, 25, 50, 75, 100):
        x = label_width + plot_w * tick / 100
        out.append(
            f'<line x1="{x:.1f}" y1="{top - 6}" x2="{x:.1f}" y2="{height}" stroke="#b1b4b6"/>'
        )
        out.append(f'<text x="{x:.1f}" y="{top - 10}" font-size="12" text-anchor="middle">{tick}%</text>')
    for i, row in enumerate(rows):
        y = top + i * (bar_h + gap)
        text = row.label if use_label else row.key
        limit = label_width // 7
        name = text if len(text) <= limit else text[: limit - 1] + "…"
        bar = plot_w * row.share
        text_y = f"{y + bar_h * 0.72:.1f}"
        out.append(
            f'<text x="{label_width - 8}" y="{text_y}" font-size="13" text-anchor="end">{_e(name)}</text>'
        )
        out.append(
            f'<rect x="{label_width}" y="{y}" width="{plot_w}" height="{bar_h}" fill="{TRACK_COLOUR}"/>'
            f'<rect x="{label_width}" y="{y}" width="{bar:.1f}" height="{bar_h}" fill="{BAR_COLOUR}"/>'
        )
        out.append(
            f'<text x="{label_width + plot_w + 8}" y="{y + bar_h * 0.72:.1f}" font-size="13">'
            f"{percent(row.share)} of {row.total} ({row.forms})</text>"
        )
    out.append("</svg>")
    return "\n".join(out)


def _table(group: str, rows: Sequence[Row]) -> str:
    extra_head = {
        "rule": '<th scope="col">Code</th>',
        "section": '<th scope="col" class="num">Forms with the section</th>',
    }
    head = (
        f'<tr><th scope="col">{"Profile" if group == "profile" else "Name"}</th>{extra_head.get(group, "")}'
        '<th scope="col" class="num">Forms with a finding</th><th scope="col" class="num">Share</th>'
        '<th scope="col" class="num">Findings</th>'
        + ('<th scope="col">Description</th>' if group in ("rule", "pattern") else "")
        + "</tr>"
    )
    body = []
    for r in rows:
        cells = [f'<th scope="row">{_e(r.key)}</th>']
        if group == "rule":
            cells.append(f"<td>{_e(r.extra.get('code') or '')}</td>")
        if group == "section":
            cells.append(f'<td class="num">{r.extra.get("forms_with_section", "")}</td>')
        cells.append(f'<td class="num">{r.forms} of {r.total}</td>')
        cells.append(f'<td class="num">{percent(r.share)}</td><td class="num">{r.findings}</td>')
        if group in ("rule", "pattern"):
            cells.append(f"<td>{_e(r.label)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    caption = f"{_GROUP_TITLES[group]}: every row"
    return (
        f"<table><caption>{_e(caption)}</caption><thead>{head}</thead>"
        f"<tbody>{''.join(body)}</tbody></table>"
    )


def stats_html(stats: CohortStats) -> str:
    subtitle = (
        f'<p class="meta">{stats.forms} form(s) checked, {stats.findings} finding(s); '
        f"{stats.forms_with_findings} form(s) with at least one finding"
        + (f"; {len(stats.unreadable)} file(s) could not be read" if stats.unreadable else "")
        + ". Each bar is the share of forms with at least one finding (the number of forms in brackets).</p>"
    )
    parts = []
    for group in GROUPS:
        rows = stats.group(group)
        title = f"{_GROUP_TITLES[group]}: share of forms with at least one finding"
        parts.append(
            f'<section aria-labelledby="{group}-h"><h2 id="{group}-h">{_e(_GROUP_TITLES[group])}</h2>'
        )
        if group in ("rule", "pattern"):
            pattern = group == "pattern"
            parts.append(
                bar_chart(rows, title=title, chart_id=f"chart-{group}", label_width=330 if pattern else 260,
                          use_label=pattern)
            )
        parts.append(_table(group, rows))
        parts.append("</section>")
    if stats.unreadable:
        items = "".join(f"<li>{_e(p)}</li>" for p in stats.unreadable)
        parts.append(f'<section aria-labelledby="unreadable-h"><h2 id="unreadable-h">Could not be read</h2>'
                     f"<ul>{items}</ul></section>")
    return page("formlint: patterns across forms", "\n".join(parts), subtitle=subtitle)


__all__ = ["bar_chart", "stats_html"]
