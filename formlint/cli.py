"""The `formlint` command: check, sections, rule, rules.

Exit status: 0 no finding at or above --fail-on, 1 there is one, 2 an input or usage error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from formlint import __version__
from formlint.finding import Severity
from formlint.parsers import SUPPORTED_SUFFIXES

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
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument("--output", type=Path, help="write the report here instead of standard output")
    check.add_argument(
        "--as-of", type=_date, default=None, help="the date that date logic uses (default: today)"
    )
    check.add_argument(
        "--previous",
        action="append",
        default=[],
        metavar="PATH",
        help="an earlier version of the one form given, for revision rules",
    )
    check.add_argument("--profile", default=None, help="form profile (default: detected)")
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


def _check(args: argparse.Namespace) -> int:
    from formlint.api import check_one
    from formlint.formatters.text import format_error, format_report
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
    report = Report()
    for path in files:
        if path == "-":
            source: str | bytes = sys.stdin.buffer.read()
            result = check_one(
                source,
                name="<stdin>",
                previous=args.previous,
                as_of=args.as_of,
                profile=args.profile,
                rules=rules,
            )
        else:
            result = check_one(
                path, previous=args.previous, as_of=args.as_of, profile=args.profile, rules=rules
            )
        report.files.append(result)
        if result.error is not None:
            print(format_error(result), file=sys.stderr)
    text = (
        json.dumps(report.to_dict(), indent=2, ensure_ascii=False)
        if args.format == "json"
        else format_report(report)
    )
    if args.output:
        args.output.write_text(text + "\n", encoding="utf-8")
    else:
        print(text)
    if report.errors or ruleset.problems or any(r.rule_failures for r in report.files):
        return EXIT_ERROR
    return EXIT_FINDINGS if report.fails(args.fail_on) else EXIT_OK


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
    handlers = {"check": _check, "sections": _sections, "rule": _rule, "rules": _rules}
    try:
        return handlers[args.command](args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
