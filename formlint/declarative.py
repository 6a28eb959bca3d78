"""Declarative rules: house-style checks written in TOML, no Python (docs/declarative-rules.md).

A file holds ``[[rule]]`` tables. Each names a ``kind`` (``existence``, ``substitution``,
``occurrence``, ``required-section``, ``conditional``, ``metric``), the section kinds it reads,
and its own flagged / not-flagged ``examples``. :func:`load_file` turns every table into a
:class:`~formlint.rule.Rule` subclass, so the engine, ``formlint rule``, the docs generator,
the formatters and :func:`formlint.testing.check_examples` treat it like any other rule.

Every mistake in a file is a :class:`DeclarativeError` naming the file, the line and, for a
misspelt key, kind, section or severity, the nearest valid choice.
"""

from __future__ import annotations

import copyreg
import difflib
import json
import re
import tomllib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, ClassVar, cast

import regex

from formlint.finding import Finding, Severity
from formlint.model import Form, Location, Section, Sentence
from formlint.rule import Context, Example, Rule

KINDS = ("existence", "substitution", "occurrence", "required-section", "conditional", "metric")
METRICS = ("reading-ease", "grade", "words-per-sentence", "density")
_COMMON = (
    "code",
    "slug",
    "kind",
    "summary",
    "severity",
    "sections",
    "why",
    "fix",
    "pattern",
    "sources",
    "message",
    "examples",
    "ignore-case",
)
_KIND_KEYS: dict[str, tuple[str, ...]] = {
    "existence": ("tokens", "regex"),
    "substitution": ("swap", "regex"),
    "occurrence": ("tokens", "regex", "min", "max"),
    "required-section": (),
    "conditional": ("if", "then"),
    "metric": ("metric", "tokens", "regex", "min", "max", "min-words"),
}
_EXAMPLE_KEYS = ("form", "flagged", "note")
_SIDE_KEYS = ("sections", "tokens", "regex")
_CODE = re.compile(r"^[A-Z]{1,4}[0-9]{1,4}$")
_SLUG = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
ALL_SECTIONS = "*"
_DEFAULT_PATTERN = "Local house style (a declarative rule)"
_DEFAULT_MESSAGES = {
    "existence": "'{match}' should not appear in the '{heading}' section.",
    "substitution": "Write '{replacement}' instead of '{match}'.",
    "occurrence": "'{heading}' has {count} of the phrases this rule counts (expected {expected}).",
    "required-section": "The form has no '{section}' section, or it is empty.",
    "conditional": "'{match}' is named in '{heading}' but not addressed in the {then} section(s).",
    "metric": "The '{heading}' section's {metric} is {value:.1f} (expected {expected}).",
}
_PLACEHOLDERS = dict(
    match="x",
    heading="x",
    section="x",
    replacement="x",
    count=0,
    expected="x",
    then="x",
    metric="x",
    value=0.0,
    min=0,
    max=0,
)


class DeclarativeError(ValueError):
    """A mistake in a declarative rule file: ``str()`` names the file and line."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path, self.line, self.message = path, line, message
        super().__init__(f"{path}:{line}: {message}" if line else f"{path}: {message}")


@cache
def known_section_kinds() -> frozenset[str]:
    """Every section kind the built-in profiles know (what ``sections`` may name)."""
    from formlint.profile import BUILTIN, GENERIC, load_profile

    kinds: set[str] = set()
    for name in (GENERIC, *BUILTIN):
        profile = load_profile(name)
        kinds.update(kind for _, kind in profile.sections)
        kinds.update(kind for _, kind in profile.patterns)
        kinds.update(profile.required)
    return frozenset(kinds)


def _nearest(word: str, choices: Sequence[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.5)
    return f"; did you mean {close[0]!r}?" if close else f"; choose from {', '.join(sorted(choices))}"


class _Lines:
    """Line numbers in the TOML text: where the n-th ``[[rule]]`` starts and where a key sits."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.starts = [i + 1 for i, line in enumerate(self.lines) if line.strip().startswith("[[rule]]")]

    def rule(self, index: int) -> int | None:
        return self.starts[index] if index < len(self.starts) else None

    def key(self, index: int, key: str) -> int | None:
        start = self.rule(index)
        if start is None:
            return None
        end = self.starts[index + 1] if index + 1 < len(self.starts) else len(self.lines) + 1
        pattern = re.compile(rf"^\s*(?:\[+\s*rule\.)?[\"']?{re.escape(key)}[\"']?\s*(?:=|\]|\.)")
        for number in range(start, end):
            if pattern.match(self.lines[number - 1]):
                return number
        return start


@dataclass(frozen=True)
class _Matcher:
    """Phrases (or regular expressions) matched case-insensitively as whole words."""

    patterns: tuple[regex.Pattern[str], ...]

    def find(self, text: str) -> Iterator[regex.Match[str]]:
        for pattern in self.patterns:
            yield from pattern.finditer(text)

    def count(self, text: str) -> int:
        return sum(1 for _ in self.find(text))


def _phrase(token: str, ignore_case: bool) -> regex.Pattern[str]:
    words = [regex.escape(w) for w in token.split()]
    flags = regex.IGNORECASE if ignore_case else 0
    return regex.compile(r"(?<![\w])" + r"\s+".join(words) + r"(?![\w])", flags)


@dataclass(frozen=True)
class _Spec:
    """A checked rule table, ready to run."""

    kind: str
    sections: tuple[str, ...]
    message: str
    tokens: _Matcher | None = None
    swap: tuple[tuple[regex.Pattern[str], str], ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    metric: str = ""
    min_words: int = 0
    then_sections: tuple[str, ...] = ()
    then_tokens: tuple[str, ...] = ()
    then_regex: bool = False
    ignore_case: bool = True


class _DeclarativeMeta(type):
    """The metaclass of generated rules, so they pickle (by their source table) into worker
    processes that never loaded the TOML file."""


class DeclarativeRule(Rule, metaclass=_DeclarativeMeta):
    """Base of every rule generated from a TOML table (see :func:`load_file`)."""

    kind: ClassVar[str] = ""
    source: ClassVar[str] = ""  # "path/to/file.toml:12"
    spec: ClassVar[_Spec]
    table: ClassVar[Mapping[str, Any]] = {}

    def check(self, form: Form, context: Context) -> Iterator[Finding]:
        yield from _CHECKS[self.spec.kind](self, form, self.spec)


_REBUILT: dict[str, type[Rule]] = {}


def _rebuild(path: str, index: int, table: dict[str, Any]) -> type[Rule]:
    """The rule class for a pickled table: built once per process, then shared."""
    key = json.dumps([path, index, table], sort_keys=True, default=str)
    if key not in _REBUILT:
        _REBUILT[key] = _build(
            path, index, table, _Lines(""), frozenset({ALL_SECTIONS, *_table_kinds(table)})
        )
    return _REBUILT[key]


def _table_kinds(table: Mapping[str, Any]) -> list[str]:
    """The section kinds a table names (already checked when it was first loaded)."""
    found: list[str] = []
    for side in (table, table.get("if", {}), table.get("then", {})):
        value = side.get("sections", []) if isinstance(side, dict) else []
        found.extend([value] if isinstance(value, str) else value)
    return found


def _reduce(cls: _DeclarativeMeta) -> tuple[Callable[..., Any], tuple[Any, ...]] | str:
    if cls is DeclarativeRule:
        return "DeclarativeRule"
    path, _, index = str(cls.__dict__.get("source", "")).rpartition("#")
    return _rebuild, (path, int(index or 0), dict(cls.__dict__.get("table", {})))


copyreg.pickle(_DeclarativeMeta, _reduce)


# -- the checks ---------------------------------------------------------------------------------


def _in_scope(form: Form, kinds: Sequence[str]) -> list[Section]:
    if ALL_SECTIONS in kinds or not kinds:
        return list(form.sections)
    return [s for s in form.sections if s.kind in kinds]


def _span(sentence: Sentence, match: regex.Match[str]) -> Location:
    return sentence.block.location.with_span(sentence.start + match.start(), sentence.start + match.end())


def _check_existence(rule: DeclarativeRule, form: Form, spec: _Spec) -> Iterator[Finding]:
    assert spec.tokens is not None
    for section in _in_scope(form, spec.sections):
        for sentence in section.sentences:
            for match in spec.tokens.find(sentence.text):
                message = spec.message.format_map(
                    _values(
                        match=match.group(), heading=section.heading, section=section.kind or section.heading
                    )
                )
                yield rule.finding(
                    message, section=section, sentence=sentence, location=_span(sentence, match)
                )


def _check_substitution(rule: DeclarativeRule, form: Form, spec: _Spec) -> Iterator[Finding]:
    for section in _in_scope(form, spec.sections):
        for sentence in section.sentences:
            for pattern, replacement in spec.swap:
                for match in pattern.finditer(sentence.text):
                    message = spec.message.format_map(
                        _values(
                            match=match.group(),
                            replacement=replacement,
                            heading=section.heading,
                            section=section.kind or section.heading,
                        )
                    )
                    yield rule.finding(
                        message,
                        section=section,
                        sentence=sentence,
                        location=_span(sentence, match),
                        suggestion=message,
                    )


def _expected(spec: _Spec) -> str:
    if spec.minimum is not None and spec.maximum is not None:
        return f"between {spec.minimum:g} and {spec.maximum:g}"
    if spec.minimum is not None:
        return f"at least {spec.minimum:g}"
    return f"at most {spec.maximum:g}"


def _outside(spec: _Spec, value: float) -> bool:
    return (spec.minimum is not None and value < spec.minimum) or (
        spec.maximum is not None and value > spec.maximum
    )


def _check_occurrence(rule: DeclarativeRule, form: Form, spec: _Spec) -> Iterator[Finding]:
    assert spec.tokens is not None
    for section in _in_scope(form, spec.sections):
        count = spec.tokens.count(section.text)
        if _outside(spec, count):
            message = spec.message.format_map(
                _values(
                    count=count, expected=_expected(spec), heading=section.heading, section=section.kind or ""
                )
            )
            yield rule.finding(message, section=section)


def _check_required(rule: DeclarativeRule, form: Form, spec: _Spec) -> Iterator[Finding]:
    for kind in spec.sections:
        present = [s for s in form.sections if s.kind == kind]
        if not present or all(s.is_blank for s in present):
            heading = present[0].heading if present else kind.replace("_", " ")
            message = spec.message.format_map(_values(section=kind, heading=heading))
            yield rule.finding(message, section=present[0] if present else None)


def _check_conditional(rule: DeclarativeRule, form: Form, spec: _Spec) -> Iterator[Finding]:
    assert spec.tokens is not None
    targets = _in_scope(form, spec.then_sections)
    answer = "\n".join(s.text for s in targets)
    seen: set[str] = set()
    for section in _in_scope(form, spec.sections):
        if section in targets:
            continue
        for sentence in section.sentences:
            for match in spec.tokens.find(sentence.text):
                key = match.group().casefold()
                if key in seen:
                    continue
                seen.add(key)
                needles = _Matcher(
                    tuple(
                        regex.compile(
                            t.replace("{match}", regex.escape(match.group())),
                            regex.IGNORECASE if spec.ignore_case else 0,
                        )
                        if spec.then_regex
                        else _phrase(t.replace("{match}", match.group()), spec.ignore_case)
                        for t in spec.then_tokens
                    )
                )
                if targets and any(True for _ in needles.find(answer)):
                    continue
                message = spec.message.format_map(
                    _values(
                        match=match.group(),
                        heading=section.heading,
                        section=section.kind or "",
                        then=" / ".join(f"'{k}'" for k in spec.then_sections),
                    )
                )
                yield rule.finding(
                    message, section=section, sentence=sentence, location=_span(sentence, match)
                )


@cache
def _readability() -> Callable[[str], tuple[int, int]] | None:
    """The built-in pack's syllable counter (Pyphen), when that pack is installed."""
    try:
        from formlint_rules.readability_for_families import count
    except ImportError:  # pragma: no cover - the built-in pack ships with formlint
        return None
    return count


_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’&-]*")


def _metric(spec: _Spec, section: Section) -> tuple[float, int] | None:
    """(value, words) of the metric over ``section``, or None when it cannot be measured."""
    sentences = [s.text for s in section.sentences if _WORD.search(s.text)]
    words = sum(len(_WORD.findall(s)) for s in sentences)
    if not words or words < spec.min_words:
        return None
    if spec.metric == "density":
        assert spec.tokens is not None
        return 1000 * spec.tokens.count(section.text) / words, words
    if spec.metric == "words-per-sentence":
        return words / len(sentences), words
    count = _readability()
    assert count is not None
    syllables = sum(count(s)[1] for s in sentences)
    per_sentence, per_word = words / len(sentences), syllables / words
    if spec.metric == "reading-ease":
        return 206.835 - 1.015 * per_sentence - 84.6 * per_word, words
    return 0.39 * per_sentence + 11.8 * per_word - 15.59, words


def _check_metric(rule: DeclarativeRule, form: Form, spec: _Spec) -> Iterator[Finding]:
    for section in _in_scope(form, spec.sections):
        measured = _metric(spec, section)
        if measured is None or not _outside(spec, measured[0]):
            continue
        message = spec.message.format_map(
            _values(
                value=measured[0],
                metric=spec.metric,
                expected=_expected(spec),
                heading=section.heading,
                section=section.kind or "",
                count=measured[1],
            )
        )
        yield rule.finding(message, section=section)


_CHECKS: dict[str, Callable[[DeclarativeRule, Form, _Spec], Iterator[Finding]]] = {
    "existence": _check_existence,
    "substitution": _check_substitution,
    "occurrence": _check_occurrence,
    "required-section": _check_required,
    "conditional": _check_conditional,
    "metric": _check_metric,
}


class _Values(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _values(**given: Any) -> _Values:
    return _Values(given)


# -- loading ------------------------------------------------------------------------------------


class _Table:
    """One ``[[rule]]`` table with error reporting that names the file and line."""

    def __init__(self, path: str, index: int, data: Mapping[str, Any], lines: _Lines) -> None:
        self.path, self.index, self.data, self.lines = path, index, data, lines
        self.name = str(data.get("slug") or data.get("code") or f"rule {index + 1}")

    def error(self, message: str, key: str | None = None) -> DeclarativeError:
        line = self.lines.key(self.index, key) if key else self.lines.rule(self.index)
        return DeclarativeError(self.path, line, f"rule {self.name!r}: {message}")

    def get(
        self, key: str, kind: type | tuple[type, ...], default: Any = None, *, required: bool = False
    ) -> Any:
        if key not in self.data:
            if required:
                raise self.error(f"missing required key {key!r}")
            return default
        value = self.data[key]
        if not isinstance(value, kind) or (isinstance(value, bool) and kind in (int, float, (int, float))):
            names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
            raise self.error(f"{key!r} must be {_TYPE_NAMES.get(names, names)}, not {value!r}", key)
        return value

    def strings(
        self,
        key: str,
        *,
        required: bool = False,
        data: Mapping[str, Any] | None = None,
        label: str | None = None,
    ) -> tuple[str, ...]:
        source = self.data if data is None else data
        if key not in source:
            if required:
                raise self.error(f"missing required key {label or key!r}", key)
            return ()
        value = source[key]
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.error(f"{label or repr(key)} must be a list of non-empty strings, not {value!r}", key)
        return tuple(value)


_TYPE_NAMES = {
    "str": "a string",
    "int": "a whole number",
    "bool": "true or false",
    "dict": "a table",
    "list": "a list",
    "int or float": "a number",
}


def _check_keys(table: _Table, data: Mapping[str, Any], allowed: Sequence[str], where: str = "") -> None:
    for key in data:
        if key not in allowed:
            raise table.error(
                f"unknown key {where}{key!r} for a {table.data.get('kind')!r} rule{_nearest(key, allowed)}",
                key,
            )


def _sections(
    table: _Table,
    key: str,
    data: Mapping[str, Any] | None = None,
    label: str | None = None,
    known: frozenset[str] | None = None,
) -> tuple[str, ...]:
    kinds = table.strings(key, data=data, label=label)
    valid = known if known is not None else known_section_kinds()
    for kind in kinds:
        if kind != ALL_SECTIONS and kind not in valid:
            raise table.error(
                f"unknown section kind {kind!r} in {label or key!r}{_nearest(kind, sorted(valid))} "
                "(see `formlint sections FORM` for the kinds a form has)",
                key,
            )
    return kinds


def _matcher(table: _Table, tokens: Sequence[str], use_regex: bool, ignore_case: bool, key: str) -> _Matcher:
    patterns = []
    for token in tokens:
        if use_regex:
            try:
                patterns.append(regex.compile(token, regex.IGNORECASE if ignore_case else 0))
            except regex.error as exc:
                raise table.error(f"token {token!r} is not a valid regular expression ({exc})", key) from None
        else:
            patterns.append(_phrase(token, ignore_case))
    return _Matcher(tuple(patterns))


def _number(table: _Table, key: str) -> float | None:
    value = table.get(key, (int, float))
    return None if value is None else float(value)


def _spec(table: _Table, kind: str, known: frozenset[str] | None) -> _Spec:
    data = table.data
    ignore_case = bool(table.get("ignore-case", bool, True))
    use_regex = bool(table.get("regex", bool, False))
    sections = _sections(table, "sections", known=known)
    message = table.get("message", str, _DEFAULT_MESSAGES[kind])
    try:
        message.format_map(_PLACEHOLDERS)
    except (KeyError, ValueError, IndexError) as exc:
        raise table.error(
            f"message {message!r} has an unknown placeholder {exc}; use "
            + ", ".join("{" + k + "}" for k in _PLACEHOLDERS),
            "message",
        ) from None
    common: dict[str, Any] = {
        "kind": kind,
        "sections": sections,
        "message": message,
        "ignore_case": ignore_case,
    }
    if kind in ("existence", "occurrence"):
        tokens = table.strings("tokens", required=True)
        common["tokens"] = _matcher(table, tokens, use_regex, ignore_case, "tokens")
    if kind == "substitution":
        swap = table.get("swap", dict, required=True)
        if not swap or not all(isinstance(v, str) for v in swap.values()):
            raise table.error("'swap' must be a table of phrase = \"replacement\" strings", "swap")
        matcher = _matcher(table, list(swap), use_regex, ignore_case, "swap")
        common["swap"] = tuple(zip(matcher.patterns, swap.values(), strict=True))
    if kind in ("occurrence", "metric"):
        common["minimum"], common["maximum"] = _number(table, "min"), _number(table, "max")
        if common["minimum"] is None and common["maximum"] is None:
            raise table.error(f"a {kind!r} rule needs 'min', 'max' or both")
    if kind == "required-section" and (not sections or ALL_SECTIONS in sections):
        raise table.error(
            "a 'required-section' rule needs 'sections' naming the section kinds required", "sections"
        )
    if kind == "conditional":
        first = table.get("if", dict, required=True)
        then = table.get("then", dict, required=True)
        _check_keys(table, first, _SIDE_KEYS, "if.")
        _check_keys(table, then, _SIDE_KEYS, "then.")
        if sections:
            raise table.error(
                "a 'conditional' rule names its sections in [rule.if] and [rule.then]", "sections"
            )
        common["sections"] = _sections(table, "sections", first, "if.sections", known) or (ALL_SECTIONS,)
        tokens = table.strings("tokens", data=first, required=True, label="if.tokens")
        common["tokens"] = _matcher(table, tokens, bool(first.get("regex", use_regex)), ignore_case, "if")
        common["then_sections"] = _sections(table, "sections", then, "then.sections", known)
        if not common["then_sections"]:
            raise table.error("missing required key 'then.sections' (where A must be addressed)", "then")
        common["then_tokens"] = table.strings("tokens", data=then, label="then.tokens") or ("{match}",)
        common["then_regex"] = bool(then.get("regex", use_regex))
        if common["then_regex"]:
            _matcher(
                table, [t for t in common["then_tokens"] if "{match}" not in t], True, ignore_case, "then"
            )
    if kind == "metric":
        metric = table.get("metric", str, required=True)
        if metric not in METRICS:
            raise table.error(f"unknown metric {metric!r}{_nearest(metric, METRICS)}", "metric")
        if metric in ("reading-ease", "grade") and _readability() is None:
            raise table.error(
                f"metric {metric!r} needs the built-in pack's syllable counter; "
                "use 'words-per-sentence' or 'density'",
                "metric",
            )
        common["metric"] = metric
        common["min_words"] = int(table.get("min-words", int, 50 if metric != "density" else 100))
        if metric == "density":
            tokens = table.strings("tokens", required=True)
            common["tokens"] = _matcher(table, tokens, use_regex, ignore_case, "tokens")
        elif "tokens" in data:
            raise table.error(f"'tokens' is only read by the 'density' metric, not {metric!r}", "tokens")
    return _Spec(**common)


def _examples(table: _Table) -> tuple[Example, ...]:
    raw = table.get("examples", list, required=True)
    examples = []
    for number, item in enumerate(raw, start=1):
        if not isinstance(item, dict):
            raise table.error(f"example {number} must be a table with 'form' and 'flagged'", "examples")
        for key in item:
            if key not in _EXAMPLE_KEYS:
                raise table.error(
                    f"example {number}: unknown key {key!r}{_nearest(key, _EXAMPLE_KEYS)}", "examples"
                )
        form, flagged = item.get("form"), item.get("flagged")
        if not isinstance(form, str) or not form.strip() or not isinstance(flagged, bool):
            raise table.error(
                f"example {number} needs 'form' (text) and 'flagged' (true or false)", "examples"
            )
        examples.append(Example(form, flagged, str(item.get("note", ""))))
    if not any(e.flagged for e in examples) or all(e.flagged for e in examples):
        raise table.error("needs at least one flagged and one not-flagged example", "examples")
    return tuple(examples)


def _class_name(slug: str) -> str:
    return "".join(part.capitalize() for part in slug.split("-")) + "Rule"


def _build(
    path: str, index: int, data: Mapping[str, Any], lines: _Lines, known: frozenset[str] | None = None
) -> type[Rule]:
    table = _Table(path, index, data, lines)
    kind = table.get("kind", str, required=True)
    if kind not in KINDS:
        raise table.error(f"unknown kind {kind!r}{_nearest(kind, KINDS)}", "kind")
    _check_keys(table, data, (*_COMMON, *_KIND_KEYS[kind]))
    code = table.get("code", str, required=True)
    if not _CODE.match(code):
        raise table.error(f"code {code!r} must be 1-4 capital letters then 1-4 digits, e.g. 'H101'", "code")
    slug = table.get("slug", str, required=True)
    if not _SLUG.match(slug):
        raise table.error(f"slug {slug!r} must be lower-case words joined by hyphens", "slug")
    severity_name = table.get("severity", str, "warning")
    try:
        severity = Severity.parse(severity_name)
    except ValueError:
        raise table.error(
            f"unknown severity {severity_name!r}{_nearest(severity_name, ('info', 'warning', 'error'))}",
            "severity",
        ) from None
    summary = table.get("summary", str, required=True)
    attrs: dict[str, Any] = {
        "code": code,
        "slug": slug,
        "summary": summary,
        "severity": severity,
        "pattern": table.get("pattern", str, _DEFAULT_PATTERN),
        "why": table.get("why", str, summary),
        "fix": table.get("fix", str, ""),
        "sources": table.strings("sources") or (f"declarative rule in {Path(path).name}",),
        "kind": kind,
        "spec": _spec(table, kind, known),
        "examples": _examples(table),
        "source": f"{path}#{index}",
        "table": dict(data),
        "__module__": __name__,
        "__doc__": f"{code} {slug}: {summary}",
    }
    rule = cast("type[Rule]", _DeclarativeMeta(_class_name(slug), (DeclarativeRule,), attrs))
    return rule


def load_text(
    text: str, path: str = "<rules>", *, known_sections: frozenset[str] | None = None
) -> list[type[Rule]]:
    """Rule classes from the TOML ``text`` of a rule file (``path`` is named in errors)."""
    lines = _Lines(text)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"at line (\d+)", str(exc))
        raise DeclarativeError(
            path, int(match.group(1)) if match else None, f"not valid TOML ({exc})"
        ) from None
    for key in data:
        if key != "rule":
            raise DeclarativeError(
                path,
                None,
                f"unknown top-level key {key!r}{_nearest(key, ['rule'])}; a rule file holds [[rule]] tables",
            )
    tables = data.get("rule", [])
    if not isinstance(tables, list) or not tables:
        raise DeclarativeError(path, None, "holds no [[rule]] tables")
    rules: list[type[Rule]] = []
    slugs: dict[str, int] = {}
    for index, table in enumerate(tables):
        rule = _build(path, index, table, lines, known_sections)
        for name in (rule.slug, rule.code):
            if name in slugs:
                raise DeclarativeError(path, lines.rule(index), f"{name!r} is defined twice in this file")
            slugs[name] = index
        rules.append(rule)
    return rules


def load_file(path: str | Path, *, known_sections: frozenset[str] | None = None) -> list[type[Rule]]:
    """Rule classes from a TOML rule file. Raises :class:`DeclarativeError` for any mistake."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DeclarativeError(str(path), None, "no such rule file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DeclarativeError(str(path), None, f"cannot be read ({exc})") from None
    return load_text(text, str(path), known_sections=known_sections)
