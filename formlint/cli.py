"""The `formlint` command: check, stats, sections, rule, rules.

Exit status: 0 no finding at or above --fail-on, 1 there is one, 2 an input or usage error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from formlint import __version__
from formlint.errors import UnreadableForm
from formlint.finding import Severity
from formlint.formatters import FORMATS, STYLES
from formlint.parsers import SUPPORTED_SUFFIXES

if TYPE_CHECKING:
    from formlint.model import Form
    from formlint.report import Report
    from formlint.rule import Rule

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date in the form YYYY-MM-DD") from None


def _severity(text: str) -> Severity:
    try:
        return Severity.parse(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="formlint", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"formlint {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    check = sub.add_parser("check", help="lint forms and report findings")
    check.add_argument(
        "paths", nargs="+", metavar="PATH", help="files, folders (searched recursively) or - for stdin"
    )
    check.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="report format (default: text); see docs/output-formats.md",
    )
    check.add_argument(
        "--style", choices=STYLES, default="full", help="text format: full (default) or concise"
    )
    check.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="text format: colour on a terminal only (default: auto; off for files, NO_COLOR and CI)",
    )
    check.add_argument(
        "--docs-url",
        default=None,
        metavar="URL",
        help="sarif format: base URL of the rule pages for helpUri (default: this checkout's docs/rules/)",
    )
    check.add_argument("--output", type=Path, help="write the report here instead of standard output")
    check.add_argument(
        "--as-of", type=_date, default=None, help="the date that date logic uses (default: today)"
    )
    check.add_argument(
        "--previous",
        action="append",
        default=[],
        metavar="PATH",
        help=(
            "an earlier version of the one form given, for revision rules; repeat it for several "
            "(oldest first), or give a folder of the case's versions (ordered by their recorded dates)"
        ),
    )
    check.add_argument("--profile", default=None, help="form profile (default: detected)")
    check.add_argument(
        "--jobs",
        type=int,
        default=0,
        metavar="N",
        help="check files in N processes (default: all cores for 8 or more files, else 1)",
    )
    check.add_argument("--quiet", action="store_true", help="no progress count on the terminal")
    check.add_argument(
        "--fail-on",
        type=_severity,
        default=Severity.WARNING,
        help="lowest severity that makes the exit status 1 (default: warning)",
    )
    check.add_argument(
        "--select",
        action="append",
        default=[],
        metavar="RULE",
        help="run only these rules (slug or code); repeatable",
    )

    check.add_argument(
        "--redact",
        action="store_true",
        help="replace the names of people the form lists by their role ([mother], [child 1])",
    )
    check.add_argument(
        "--statistics",
        action="store_true",
        help="write the cohort figures (as `formlint stats`) instead of the findings",
    )

    stats = sub.add_parser("stats", help="how often each rule, seed pattern and section fails across forms")
    stats.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (searched recursively)")
    stats.add_argument("--format", choices=("text", "json", "csv", "html"), default="text")
    stats.add_argument("--output", type=Path, help="write the figures here instead of standard output")
    stats.add_argument("--as-of", type=_date, default=None, help="the date that date logic uses")
    stats.add_argument("--profile", default=None, help="form profile (default: detected per form)")
    stats.add_argument("--select", action="append", default=[], metavar="RULE", help="run only these rules")

    sections = sub.add_parser("sections", help="show how a form was read: sections, locations and metadata")
    sections.add_argument("path")
    sections.add_argument("--format", choices=("text", "json"), default="text")
    sections.add_argument("--profile", default=None)

    rule = sub.add_parser("rule", help="explain a rule")
    rule.add_argument("name", help="slug or code, e.g. placeholder-text or T106")
    sub.add_parser("rules", help="list the installed rules")
    return parser


def _is_form_file(path: Path) -> bool:
    # Hidden files, Word lock files ("~$form.docx") and a folder's README are not forms.
    return (
        path.is_file()
        and path.suffix.lower() in SUPPORTED_SUFFIXES
        and not path.name.startswith((".", "~$"))
        and path.stem.upper() != "README"
    )


def expand(paths: Sequence[str]) -> Iterator[str]:
    """Files as given; folders searched recursively for supported forms, in a stable order."""
    for raw in paths:
        path = Path(raw)
        if raw != "-" and path.is_dir():
            for found in sorted(path.rglob("*")):
                if _is_form_file(found):
                    yield str(found)
        else:
            yield raw


def previous_versions(given: Sequence[str], current: str | None, profile: str | None) -> list[str | Form]:
    """The earlier versions named by ``--previous``, oldest first.

    Files are taken in the order given. A folder stands for all the versions of the case it
    holds, ordered by :func:`formlint.versions.order_versions` (recorded dates, else file
    name); when the folder also holds the form being checked, only the versions ordered before
    it count. Raises :class:`~formlint.errors.UnreadableForm` for a folder's unreadable file.
    """
    from formlint.api import parse
    from formlint.versions import order_versions

    found: list[str | Form] = []
    here = Path(current).resolve() if current not in (None, "-") else None
    for raw in given:
        folder = Path(raw)
        if not folder.is_dir():
            found.append(raw)
            continue
        forms = [parse(path, profile=profile) for path in expand([raw])]
        ordered = order_versions(forms)
        names = [Path(f.path).resolve() for f in ordered]
        if here is not None and here in names:
            ordered = ordered[: names.index(here)]
        found.extend(ordered)
    return found


def _check(args: argparse.Namespace) -> int:
    from formlint.api import check_one
    from formlint.batch import Progress, auto_jobs, check_files
    from formlint.formatters import RenderOptions
    from formlint.formatters import get as get_formatter
    from formlint.formatters.output import colour_wanted, write_report
    from formlint.formatters.text import format_error
    from formlint.registry import discover
    from formlint.report import Report

    if args.profile is not None:
        from formlint.profile import BUILTIN

        if args.profile not in BUILTIN:
            print(
                f"formlint: error: unknown profile {args.profile!r}; choose from {', '.join(BUILTIN)}",
                file=sys.stderr,
            )
            return EXIT_ERROR
    ruleset = discover()
    for problem in ruleset.problems:
        print(f"formlint: error: rule pack {problem.plugin!r}: {problem.message}", file=sys.stderr)
    rules = list(ruleset.rules)
    if args.select:
        chosen = [ruleset.find(name) for name in args.select]
        unknown = [n for n, r in zip(args.select, chosen, strict=True) if r is None]
        if unknown:
            print(
                f"formlint: error: unknown rule(s): {', '.join(unknown)} (see `formlint rules`)",
                file=sys.stderr,
            )
            return EXIT_ERROR
        rules = [r for r in chosen if r is not None]
    files = list(expand(args.paths))
    if args.previous and len(files) != 1:
        print("formlint: error: --previous needs exactly one form to check", file=sys.stderr)
        return EXIT_ERROR
    try:
        previous = previous_versions(args.previous, files[0] if files else None, args.profile)
    except UnreadableForm as exc:
        print(f"{exc.path}: error: {exc.message} [{exc.code}]", file=sys.stderr)
        return EXIT_ERROR
    report = Report()
    if files == ["-"]:
        source = sys.stdin.buffer.read()
        result = check_one(
            source, name="<stdin>", previous=previous, as_of=args.as_of, profile=args.profile, rules=rules
        )
        results = [result]
    else:
        progress = Progress(len(files), enabled=not args.quiet)
        jobs = args.jobs if args.jobs > 0 else auto_jobs(len(files))
        results = check_files(
            files, jobs=jobs, previous=previous, as_of=args.as_of, profile=args.profile, rules=rules,
            on_result=progress,
        )
        progress.close()
    for result in results:
        report.files.append(result)
        if result.error is not None:
            print(format_error(result), file=sys.stderr)
    if args.statistics:
        return _write_statistics(report, args, rules, ruleset.problems)
    if args.redact:
        from formlint.redact import redact_report

        report = redact_report(report)
    options = RenderOptions(
        style=args.style,
        color=colour_wanted(args.color, sys.stdout, to_file=args.output is not None),
        include_errors=args.output is not None,  # on a terminal they already went to stderr
        fail_on=args.fail_on,
        rules=rules,
        docs_url=args.docs_url,
        bom=args.output is not None,  # CSV files open cleanly in spreadsheets; stdout stays plain
    )
    write_report(get_formatter(args.format).render(report, options), args.output)
    if report.errors or ruleset.problems or any(r.rule_failures for r in report.files):
        return EXIT_ERROR
    return EXIT_FINDINGS if report.fails(args.fail_on) else EXIT_OK


def _write_statistics(
    report: Report, args: argparse.Namespace, rules: Sequence[type[Rule]], problems: Sequence[object]
) -> int:
    """`check --statistics`: the cohort figures in place of the findings; check's exit status."""
    from formlint.formatters.output import write_report
    from formlint.stats import STATS_FORMATS, render_stats

    if args.format not in STATS_FORMATS:
        print(
            f"formlint: error: --statistics is written as {', '.join(STATS_FORMATS)}, not {args.format}",
            file=sys.stderr,
        )
        return EXIT_ERROR
    write_report(render_stats(report, args.format, rules=rules, bom=args.output is not None), args.output)
    if report.errors or problems or any(r.rule_failures for r in report.files):
        return EXIT_ERROR
    return EXIT_FINDINGS if report.fails(args.fail_on) else EXIT_OK


def _stats(args: argparse.Namespace) -> int:
    """`formlint stats`: `check --statistics` on the same check path; exit 0 (2 for unreadable files)."""
    check_args = _parser().parse_args(["check", "--statistics", "--format", args.format, "--", *args.paths])
    check_args.output, check_args.as_of = args.output, args.as_of
    check_args.profile, check_args.select = args.profile, args.select
    status = _check(check_args)
    return EXIT_OK if status == EXIT_FINDINGS else status


def _sections(args: argparse.Namespace) -> int:
    from formlint.api import parse
    from formlint.errors import UnreadableForm
    from formlint.formatters.sections import sections_json, sections_text

    try:
        if args.path == "-":
            form = parse(sys.stdin.buffer.read(), name="<stdin>", profile=args.profile)
        else:
            form = parse(args.path, profile=args.profile)
    except UnreadableForm as exc:
        print(f"{exc.path}: error: {exc.message} [{exc.code}]", file=sys.stderr)
        return EXIT_ERROR
    except KeyError as exc:
        print(f"formlint: error: {exc.args[0]}", file=sys.stderr)
        return EXIT_ERROR
    print(sections_json(form) if args.format == "json" else sections_text(form))
    return EXIT_OK


def _rule(args: argparse.Namespace) -> int:
    from formlint.registry import discover
    from formlint.ruledoc import render

    ruleset = discover()
    rule = ruleset.find(args.name)
    if rule is None:
        names = ", ".join(r.slug for r in ruleset.rules)
        print(f"formlint: error: no rule {args.name!r}; installed rules: {names}", file=sys.stderr)
        return EXIT_ERROR
    print(render(rule))
    return EXIT_OK


def _rules(args: argparse.Namespace) -> int:
    from formlint.registry import discover

    for rule in discover().rules:
        print(f"{rule.code}  {rule.slug:<34} {rule.severity!s:<8} {rule.summary}")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    handlers = {"check": _check, "stats": _stats, "sections": _sections, "rule": _rule, "rules": _rules}
    try:
        return handlers[args.command](args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
