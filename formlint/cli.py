"""The `formlint` command: check, stats, sections, rule, rules, config.

Exit status: 0 no finding at or above --fail-on (or --exit-zero), 1 there is one, 2 an input,
configuration or usage error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
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
    from formlint.config import Config
    from formlint.model import Form
    from formlint.profile import Profile
    from formlint.registry import RuleSet
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
    check.add_argument(
        "--profile", default=None, help="form profile: a built-in or configured one (default: detected)"
    )
    _config_arguments(check)
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
        default=None,
        help="lowest severity that makes the exit status 1 (default: warning, or the config's fail-on)",
    )
    check.add_argument(
        "--min-severity",
        type=_severity,
        default=None,
        help="lowest severity shown in the report (default: info, or the config's min-severity)",
    )
    check.add_argument(
        "--exit-zero",
        action="store_true",
        default=None,
        help="exit 0 even when findings are at or above --fail-on (2 still means an error)",
    )
    _selection_arguments(check)
    _suppression_arguments(check)  # --waivers, --baseline (formlint.waivers, formlint.baseline)

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
    _selection_arguments(stats)
    _config_arguments(stats)

    sections = sub.add_parser("sections", help="show how a form was read: sections, locations and metadata")
    sections.add_argument("path")
    sections.add_argument("--format", choices=("text", "json"), default="text")
    sections.add_argument("--profile", default=None, help="form profile (default: detected)")
    _config_arguments(sections)

    config = sub.add_parser(
        "config", help="show the effective configuration and where each value came from"
    )
    config.add_argument(
        "path", nargs="?", default=None, help="the file or folder whose configuration to show (default: .)"
    )
    config.add_argument("--format", choices=("text", "json"), default="text")
    _config_arguments(config)
    _selection_arguments(config)

    rule = sub.add_parser("rule", help="explain a rule")
    rule.add_argument("name", help="slug or code, e.g. placeholder-text or T106")
    sub.add_parser("rules", help="list the installed rules")
    _extension_commands(sub)  # baseline, test-rules
    return parser


def _config_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config",
        type=Path,
        default=None,
        metavar="FILE",
        help=(
            "read this configuration file instead of searching for .formlint.toml, pyproject.toml "
            "[tool.formlint] or setup.cfg [formlint] from the checked path upwards"
        ),
    )


def _selection_arguments(parser: argparse.ArgumentParser) -> None:
    names = "rule slugs, codes or code prefixes (F, J6, ALL); repeatable or comma-separated"
    parser.add_argument(
        "--select", action="append", default=[], metavar="RULE", help=f"run only these: {names}"
    )
    parser.add_argument(
        "--extend-select", action="append", default=[], metavar="RULE", help=f"run these as well: {names}"
    )
    parser.add_argument("--ignore", action="append", default=[], metavar="RULE", help=f"do not run: {names}")
    parser.add_argument(
        "--require-plugins",
        action="append",
        default=[],
        metavar="PACK",
        help="fail (exit 2) unless this rule pack is installed or configured; repeatable",
    )


def effective_config(args: argparse.Namespace, start: str | None) -> Config:
    """The configuration file (``--config`` or found from ``start`` upwards) with the command
    line's flags on top. Raises :class:`formlint.config.ConfigError`."""
    from formlint.config import load_config

    config = load_config(getattr(args, "config", None), start=start)
    return config.with_cli(
        select=getattr(args, "select", None),
        extend_select=getattr(args, "extend_select", None),
        ignore=getattr(args, "ignore", None),
        min_severity=getattr(args, "min_severity", None),
        fail_on=getattr(args, "fail_on", None),
        exit_zero=getattr(args, "exit_zero", None),
        profile=getattr(args, "profile", None),
        require_plugins=getattr(args, "require_plugins", None),
    )


def ruleset_for(config: Config) -> RuleSet:
    """Every rule the configuration makes available: installed packs, ``rules-dir`` folders and
    ``declarative`` files; a pack named in ``require-plugins`` that is missing is a problem."""
    from formlint.profile import BUILTIN, GENERIC, load_profile
    from formlint.registry import discover

    kinds = None
    if config.user_profiles:
        profiles = [*(load_profile(p) for p in (*BUILTIN, GENERIC)), *config.user_profiles]
        kinds = frozenset(kind for p in profiles for _, kind in p.sections)
    return discover(
        rules_dir=config.rules_dir_paths,
        declarative=config.declarative_paths,
        require=config.require_plugins,
        section_kinds=kinds,
    )


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


def previous_versions(
    given: Sequence[str], current: str | None, profile: str | None, profiles: Sequence[Profile] = ()
) -> list[str | Form]:
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
        forms = [parse(path, profile=profile, profiles=profiles) for path in expand([raw])]
        ordered = order_versions(forms)
        names = [Path(f.path).resolve() for f in ordered]
        if here is not None and here in names:
            ordered = ordered[: names.index(here)]
        found.extend(ordered)
    return found


def _check(args: argparse.Namespace) -> int:
    from formlint.api import check_one
    from formlint.batch import Progress, auto_jobs, check_files
    from formlint.config import ConfigError
    from formlint.formatters import RenderOptions
    from formlint.formatters import get as get_formatter
    from formlint.formatters.output import colour_wanted, write_report
    from formlint.formatters.text import format_error
    from formlint.report import Report

    try:
        config = effective_config(args, args.paths[0] if args.paths else None)
    except ConfigError as exc:
        print(f"formlint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    ruleset = ruleset_for(config)
    for problem in ruleset.problems:
        print(f"formlint: error: rule pack {problem.plugin!r}: {problem.message}", file=sys.stderr)
    rules = list(ruleset.rules)
    try:
        config = config.resolve_rules(rules)
    except ConfigError as exc:
        print(f"formlint: error: {exc} (see `formlint rules`)", file=sys.stderr)
        return EXIT_ERROR
    files = list(expand(args.paths))
    if args.previous and len(files) != 1:
        print("formlint: error: --previous needs exactly one form to check", file=sys.stderr)
        return EXIT_ERROR
    try:
        previous = previous_versions(
            args.previous,
            files[0] if files else None,
            config.forced_profile(files[0] if files else None),
            config.user_profiles,
        )
    except UnreadableForm as exc:
        print(f"{exc.path}: error: {exc.message} [{exc.code}]", file=sys.stderr)
        return EXIT_ERROR
    report = Report(config=config)
    if files == ["-"]:
        source = sys.stdin.buffer.read()
        result = check_one(
            source, name="<stdin>", previous=previous, as_of=args.as_of, rules=rules, config=config
        )
        results = [result]
    else:
        progress = Progress(len(files), enabled=not args.quiet)
        jobs = args.jobs if args.jobs > 0 else auto_jobs(len(files))
        results = check_files(
            files, jobs=jobs, previous=previous, as_of=args.as_of, rules=rules, config=config,
            on_result=progress,
        )
        progress.close()
    for result in results:
        report.files.append(result)
        if result.error is not None:
            print(format_error(result), file=sys.stderr)
    # ---- waivers, baseline and inline disables: the one point where findings are suppressed ----
    failed = suppress_findings(report, args, config, rules)
    if failed is not None:
        return failed
    ran = _rules_that_ran(config, rules, report)
    if args.statistics:
        return _write_statistics(report, args, ran, ruleset.problems, config)
    if args.redact:
        from formlint.redact import redact_report

        report = redact_report(report)
    options = RenderOptions(
        style=args.style,
        color=colour_wanted(args.color, sys.stdout, to_file=args.output is not None),
        include_errors=args.output is not None,  # on a terminal they already went to stderr
        fail_on=config.fail_on,
        rules=ran,
        docs_url=args.docs_url,
        bom=args.output is not None,  # CSV files open cleanly in spreadsheets; stdout stays plain
    )
    write_report(get_formatter(args.format).render(report, options), args.output)
    return _status(report, ruleset.problems, config)


def _status(report: Report, problems: Sequence[object], config: Config) -> int:
    """2 for an unreadable file, a rule failure or a broken pack; 1 for a finding at or above
    fail-on unless exit-zero; else 0."""
    if report.errors or problems or any(r.rule_failures for r in report.files):
        return EXIT_ERROR
    if report.fails(config.fail_on) and not config.exit_zero:
        return EXIT_FINDINGS
    return EXIT_OK


def _rules_that_ran(config: Config, rules: Sequence[type[Rule]], report: Report) -> list[type[Rule]]:
    """The rules the base selection runs, plus any that per-profile or per-path entries added
    and that reported something (for SARIF rule metadata and the statistics)."""
    chosen = set(config.choose(rules).rules)
    found = {f.rule for f in report.findings}
    return [r for r in rules if r in chosen or r.slug in found]


def _write_statistics(
    report: Report,
    args: argparse.Namespace,
    rules: Sequence[type[Rule]],
    problems: Sequence[object],
    config: Config,
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
    return _status(report, problems, config)


def _stats(args: argparse.Namespace) -> int:
    """`formlint stats`: `check --statistics` on the same check path; exit 0 (2 for unreadable files)."""
    check_args = _parser().parse_args(["check", "--statistics", "--format", args.format, "--", *args.paths])
    check_args.output, check_args.as_of = args.output, args.as_of
    check_args.profile, check_args.select = args.profile, args.select
    check_args.extend_select, check_args.ignore = args.extend_select, args.ignore
    check_args.require_plugins, check_args.config = args.require_plugins, args.config
    status = _check(check_args)
    return EXIT_OK if status == EXIT_FINDINGS else status


def _sections(args: argparse.Namespace) -> int:
    from formlint.api import parse_explained
    from formlint.config import COMMAND_LINE, ConfigError
    from formlint.errors import UnreadableForm
    from formlint.formatters.sections import sections_json, sections_text

    try:
        config = effective_config(args, args.path)
    except ConfigError as exc:
        print(f"formlint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    forced = config.forced_profile(args.path)
    if forced is None:
        forced_by = ""
    elif config.origin("profile") == COMMAND_LINE:
        forced_by = "--profile"
    else:
        forced_by = _forced_by(config, args.path)
    try:
        if args.path == "-":
            source: str | bytes = sys.stdin.buffer.read()
            form, detection = parse_explained(
                source, name="<stdin>", profile=forced, forced_by=forced_by, profiles=config.user_profiles
            )
        else:
            form, detection = parse_explained(
                args.path, profile=forced, forced_by=forced_by, profiles=config.user_profiles
            )
    except UnreadableForm as exc:
        print(f"{exc.path}: error: {exc.message} [{exc.code}]", file=sys.stderr)
        return EXIT_ERROR
    except KeyError as exc:
        print(f"formlint: error: {exc.args[0]}", file=sys.stderr)
        return EXIT_ERROR
    if args.format == "json":
        print(sections_json(form, detection))
    else:
        print(sections_text(form, detection))
    return EXIT_OK


def _forced_by(config: Config, path: str) -> str:
    """Which configuration entry forces the profile for ``path``, with its file and line."""
    for glob, entry in reversed(config.per_path):
        if entry.profile is not None and config.path_matches(glob, path):
            return f"per-path {glob!r} at {config.origin(f'per-path.{glob}.profile')}"
    return f"the profile key at {config.origin('profile')}"


def _config(args: argparse.Namespace) -> int:
    """`formlint config`: the effective configuration, each value with where it came from."""
    from formlint import __version__
    from formlint.config import ConfigError

    try:
        config = effective_config(args, args.path)
        ruleset = ruleset_for(config)
        config = config.resolve_rules(ruleset.rules)
    except ConfigError as exc:
        print(f"formlint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    for problem in ruleset.problems:
        print(f"formlint: error: rule pack {problem.plugin!r}: {problem.message}", file=sys.stderr)
    chosen = config.choose(ruleset.rules).rules
    if args.format == "json":
        data = {
            "formlint": __version__,
            "file": config.file,
            "hash": config.hash(),
            "settings": config.to_dict(),
            "origins": {
                _dotted_key(parts): str(config.origin(".".join(parts))) for parts, _ in _config_rows(config)
            },
            "rules": [r.slug for r in chosen],
        }
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        print(_config_text(config, len(chosen), len(ruleset.rules)))
    return EXIT_ERROR if ruleset.problems else EXIT_OK


def _config_rows(config: Config) -> list[tuple[tuple[str, ...], object]]:
    """Every value of the effective configuration as (key path, value), in schema order:
    tables are opened one level (``severity``, ``options``) or two (``per-profile``,
    ``per-path``: one row per key of each entry)."""
    rows: list[tuple[tuple[str, ...], object]] = []
    for key, value in config.to_dict().items():
        if isinstance(value, dict) and value:
            for sub, inner in value.items():
                if isinstance(inner, dict) and inner and key in ("per-profile", "per-path"):
                    rows.extend(((key, sub, k), v) for k, v in inner.items())
                else:
                    rows.append(((key, sub), inner))
        else:
            rows.append(((key,), value))
    return rows


def _dotted_key(parts: tuple[str, ...]) -> str:
    """A TOML dotted key: ``per-path."plans/*.docx".severity``."""
    import re

    return ".".join(p if re.fullmatch(r"[A-Za-z0-9_-]+", p) else json.dumps(p) for p in parts)


def _config_text(config: Config, selected: int, available: int) -> str:
    from formlint import __version__

    lines = [
        f"# formlint {__version__}",
        f"# configuration file: {config.file or '(none found: defaults)'}",
        f"# configuration hash: {config.hash()}",
        f"# rules selected: {selected} of {available} (per-profile and per-path entries may change this)",
    ]
    rows = [
        (
            f"{_dotted_key(parts)} = {json.dumps(value, ensure_ascii=False)}",
            str(config.origin(".".join(parts))),
        )
        for parts, value in _config_rows(config)
    ]
    width = min(max(len(text) for text, _ in rows), 72)
    lines.extend(f"{text:<{width}}  # {origin}" for text, origin in rows)
    return "\n".join(lines)


def _configured_rules(args: argparse.Namespace) -> RuleSet | None:
    """Installed rules plus the current folder's configured rules-dir and declarative rules
    (None, after saying why, when the configuration is unusable)."""
    from formlint.config import ConfigError

    try:
        return ruleset_for(effective_config(args, "."))
    except ConfigError as exc:
        print(f"formlint: error: {exc}", file=sys.stderr)
        return None


def _rule(args: argparse.Namespace) -> int:
    from formlint.ruledoc import render

    ruleset = _configured_rules(args)
    if ruleset is None:
        return EXIT_ERROR
    rule = ruleset.find(args.name)
    if rule is None:
        names = ", ".join(r.slug for r in ruleset.rules)
        print(f"formlint: error: no rule {args.name!r}; installed rules: {names}", file=sys.stderr)
        return EXIT_ERROR
    print(render(rule))
    return EXIT_OK


def _rules(args: argparse.Namespace) -> int:
    ruleset = _configured_rules(args)
    if ruleset is None:
        return EXIT_ERROR
    for problem in ruleset.problems:
        print(f"formlint: error: {problem}", file=sys.stderr)
    for rule in ruleset.rules:
        print(f"{rule.code}  {rule.slug:<34} {rule.severity!s:<8} {rule.summary}")
    return EXIT_ERROR if ruleset.problems else EXIT_OK


# ---- waivers, baselines and rule testing (docs/waivers-and-baselines.md, docs/writing-rules.md) ----


def _suppression_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--waivers",
        type=Path,
        default=None,
        metavar="FILE",
        help="TOML file of waived findings (default: the config's waivers; docs/waivers-and-baselines.md)",
    )
    parser.add_argument(
        "--baseline",
        type=Path,
        default=None,
        metavar="FILE",
        help="leave out the findings recorded by `formlint baseline` (default: the config's baseline)",
    )


def _extension_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    baseline = sub.add_parser(
        "baseline", help="record the findings forms already have, so `check --baseline` shows only new ones"
    )
    baseline.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (searched recursively)")
    baseline.add_argument(
        "--output", type=Path, required=True, metavar="FILE", help="the baseline file to write (JSON)"
    )
    baseline.add_argument("--as-of", type=_date, default=None, help="the date that date logic uses")
    baseline.add_argument("--jobs", type=int, default=0, metavar="N", help="check files in N processes")
    baseline.add_argument(
        "--waivers", type=Path, default=None, metavar="FILE", help="waived findings are not recorded"
    )
    _config_arguments(baseline)
    _selection_arguments(baseline)
    test = sub.add_parser(
        "test-rules", help="run the flagged / not-flagged examples of declarative and local rules"
    )
    test.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="declarative rule files (.toml), rule modules (.py) or rules folders (default: configured ones)",
    )
    _config_arguments(test)


def suppress_findings(
    report: Report, args: argparse.Namespace, config: Config, rules: Sequence[type[Rule]]
) -> int | None:
    """Take waived, baselined and inline-disabled findings out of ``report``, record how many
    on it (formatters show the counts) and note expired and unused waivers on standard error.
    Returns EXIT_ERROR when a waiver or baseline file cannot be used, else None."""
    from formlint.baseline import BaselineError, load_baseline
    from formlint.waivers import WaiverError, apply_suppressions, load_waivers

    waiver_file = getattr(args, "waivers", None) or config.waivers_path
    baseline_file = getattr(args, "baseline", None) or config.baseline_path
    try:
        waivers = load_waivers(waiver_file, rules) if waiver_file is not None else []
        baseline = load_baseline(baseline_file) if baseline_file is not None else None
    except (WaiverError, BaselineError) as exc:
        print(f"formlint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    done = apply_suppressions(report, waivers=waivers, baseline=baseline, as_of=args.as_of, rules=rules)
    if waiver_file is not None or baseline_file is not None or done.total:
        report.suppressions = done
    for note in done.notes():
        print(f"formlint: warning: {note}", file=sys.stderr)
    return None


def _baseline(args: argparse.Namespace) -> int:
    """`formlint baseline`: check the forms as `check` would and record their findings."""
    from dataclasses import replace

    from formlint.baseline import write_baseline
    from formlint.batch import auto_jobs, check_files
    from formlint.config import ConfigError
    from formlint.formatters.text import format_error
    from formlint.report import Report

    try:
        config = effective_config(args, args.paths[0])
        ruleset = ruleset_for(config)
        config = config.resolve_rules(list(ruleset.rules))
    except ConfigError as exc:
        print(f"formlint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    for problem in ruleset.problems:
        print(f"formlint: error: rule pack {problem.plugin!r}: {problem.message}", file=sys.stderr)
    if ruleset.problems:
        print("formlint: error: no baseline written while a rule pack is broken or missing", file=sys.stderr)
        return EXIT_ERROR
    rules = list(ruleset.rules)
    files = list(expand(args.paths))
    jobs = args.jobs if args.jobs > 0 else auto_jobs(len(files))
    results = check_files(files, jobs=jobs, as_of=args.as_of, rules=rules, config=config)
    report = Report(results, config=config)
    for result in report.errors:
        print(format_error(result), file=sys.stderr)
    args.baseline = None
    no_baseline = replace(config, baseline=None)
    failed = suppress_findings(report, args, no_baseline, rules)
    if failed is not None:
        return failed
    count = write_baseline(report, args.output)
    forms = sum(1 for r in report.files if r.findings)
    left_out = "" if report.suppressions is None else f" ({report.suppressions.summary_line().rstrip('.')})"
    print(
        f"Wrote {args.output}: {count} finding(s) in {forms} of {len(report.files)} form(s){left_out}; "
        f"{len(report.errors)} file(s) could not be read."
    )
    return EXIT_ERROR if report.errors else EXIT_OK


def _test_rules(args: argparse.Namespace) -> int:
    """`formlint test-rules`: 0 every example behaves, 1 one does not, 2 a rule file is broken."""
    from formlint.config import ConfigError
    from formlint.declarative import DeclarativeError, load_file
    from formlint.registry import PluginProblem, load_rules_dir
    from formlint.testing import check_examples

    rules: list[type[Rule]] = []
    problems: list[PluginProblem] = []
    given = [Path(f) for f in args.files]
    if not given:
        try:
            config = effective_config(args, ".")
        except ConfigError as exc:
            print(f"formlint: error: {exc}", file=sys.stderr)
            return EXIT_ERROR
        given = [*config.declarative_paths, *config.rules_dir_paths]
        if not given:
            print(
                "formlint: error: no rule files given and none configured (declarative, rules-dir)",
                file=sys.stderr,
            )
            return EXIT_ERROR
    for path in given:
        if path.suffix == ".toml":
            try:
                rules.extend(load_file(path))
            except DeclarativeError as exc:
                problems.append(PluginProblem(str(path), str(exc)))
        else:
            folder, only = (path, None) if path.is_dir() else (path.parent, path.stem)
            modules, found = load_rules_dir(folder)
            problems.extend(p for p in found if only is None or Path(p.plugin).stem == only)
            rules.extend(r for name, module_rules in modules if only in (None, name) for r in module_rules)
            if only is not None and not any(name == only for name, _ in modules) and not found:
                problems.append(PluginProblem(str(path), "no such rule module"))
    for problem in problems:
        print(f"formlint: error: {problem}", file=sys.stderr)
    failures = 0
    for rule in rules:
        bad = check_examples(rule)
        failures += bool(bad)
        status = "FAIL" if bad else "ok  "
        print(f"{status} {rule.code} {rule.slug} ({len(rule.examples)} example(s))")
        for line in bad:
            print(f"     {line}")
    print(f"{len(rules) - failures} of {len(rules)} rule(s) behave as their examples say.")
    if problems:
        return EXIT_ERROR
    return EXIT_FINDINGS if failures else EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    handlers = {
        "check": _check,
        "stats": _stats,
        "sections": _sections,
        "rule": _rule,
        "rules": _rules,
        "config": _config,
        "baseline": _baseline,
        "test-rules": _test_rules,
    }
    try:
        return handlers[args.command](args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
