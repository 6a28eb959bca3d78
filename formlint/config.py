"""Project configuration: which rules run, how severe their findings are, what fails the run.

Configuration is read from the first of these found in the checked path's folder or any folder
above it (within one folder, in this order; the first found wins, files are never merged):

1. ``.formlint.toml`` (top-level keys),
2. ``pyproject.toml``, only when it has a ``[tool.formlint]`` table,
3. ``setup.cfg``, only when it has a ``[formlint]`` section.

``--config PATH`` names the file instead of searching; command-line flags override the file.
Every value remembers where it came from (:class:`Origin`) so ``formlint config`` can say, and
every report records :meth:`Config.hash` so a QA decision can be reproduced.

The key schema (``KEYS``) is the single list of valid keys: an unknown key, rule name, severity
or profile name is a :class:`ConfigError` naming the file, the line and the nearest valid choice.
``tomllib`` and ``configparser`` give no line numbers, so :func:`key_line` finds a key's line by
a simple scan of the file's text (table headers and ``key =`` lines); for a key inside an inline
table it gives the line of the enclosing key.

See docs/configuration.md.
"""

from __future__ import annotations

import configparser
import difflib
import hashlib
import json
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from formlint.errors import UsageError
from formlint.finding import Finding, Severity

if TYPE_CHECKING:
    from formlint.profile import Profile
    from formlint.rule import Rule

__all__ = [
    "CONFIG_FILES",
    "KEYS",
    "OVERRIDE_KEYS",
    "Config",
    "ConfigError",
    "Origin",
    "Override",
    "RuleChoice",
    "discover_config",
    "from_mapping",
    "key_line",
    "load_config",
    "scan_lines",
]

# Searched in this order in each folder, from the checked path upwards.
CONFIG_FILES = (".formlint.toml", "pyproject.toml", "setup.cfg")

# key -> kind of value. Kinds: "names" (list of rule selectors), "rules" (list of rule names),
# "severity", "bool", "str", "paths", "path", "strs", "severity-table", "options-table",
# "per-profile", "per-path".
KEYS: dict[str, str] = {
    "select": "names",
    "extend-select": "names",
    "ignore": "names",
    "severity": "severity-table",
    "options": "options-table",
    "min-severity": "severity",
    "fail-on": "severity",
    "exit-zero": "bool",
    "profile": "profile",
    "profiles": "paths",
    "per-profile": "per-profile",
    "per-path": "per-path",
    "rules-dir": "paths",
    "declarative": "paths",
    "require-plugins": "strs",
    "waivers": "path",
    "baseline": "path",
}
# Keys an entry of per-profile or per-path may set (per-path may also force the profile).
OVERRIDE_KEYS: dict[str, str] = {
    "select": "names",
    "extend-select": "names",
    "ignore": "names",
    "severity": "severity-table",
    "options": "options-table",
}
PER_PATH_KEYS: dict[str, str] = {**OVERRIDE_KEYS, "profile": "profile"}

SEVERITIES = ("info", "warning", "error")
ALL = "ALL"


class ConfigError(UsageError):
    """A configuration file or value formlint cannot use (exit status 2).

    ``str(error)`` is the whole message: ``path:line: what is wrong; did you mean 'x'?``.
    """

    def __init__(self, message: str, origin: Origin | None = None) -> None:
        where = f"{origin}: " if origin is not None and origin.source != "default" else ""
        super().__init__(f"{where}{message}")
        self.message = message
        self.origin = origin


def nearest(word: str, choices: Iterable[str]) -> str:
    """``; did you mean 'x'?`` for the closest choice, else the list of choices."""
    options = sorted(set(choices))
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if close:
        return f"; did you mean {close[0]!r}?"
    if len(options) <= 12:
        return f"; choose from {', '.join(options)}"
    return ""


@dataclass(frozen=True)
class Origin:
    """Where a value came from: a file and line, ``command line``, ``api`` or ``default``."""

    source: str
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.source}:{self.line}" if self.line is not None else self.source

    @property
    def is_file(self) -> bool:
        return self.source not in ("default", "command line", "api")


DEFAULT = Origin("default")
COMMAND_LINE = Origin("command line")
API = Origin("api")


@dataclass(frozen=True)
class Override:
    """One per-profile or per-path entry: what it changes for the forms it matches."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    profile: str | None = None
    origin: Origin = DEFAULT

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.select is not None:
            out["select"] = list(self.select)
        if self.extend_select:
            out["extend-select"] = list(self.extend_select)
        if self.ignore:
            out["ignore"] = list(self.ignore)
        if self.severity:
            out["severity"] = {k: str(v) for k, v in sorted(self.severity.items())}
        if self.options:
            out["options"] = {k: dict(v) for k, v in sorted(self.options.items())}
        if self.profile is not None:
            out["profile"] = self.profile
        return out


@dataclass(frozen=True)
class RuleChoice:
    """What the configuration says for one form: the rules to run, their options and severities."""

    rules: tuple[type[Rule], ...]
    options: Mapping[str, Mapping[str, Any]]
    severity: Mapping[str, Severity]

    def options_for(self, rule: type[Rule]) -> Mapping[str, Any]:
        return self.options.get(rule.slug, {})

    def apply_severity(self, finding: Finding) -> Finding:
        wanted = self.severity.get(finding.rule)
        return finding if wanted is None or wanted == finding.severity else replace(finding, severity=wanted)


@dataclass(frozen=True)
class Config:
    """The effective configuration. Build with :func:`load_config`, :func:`from_mapping` or
    :meth:`with_cli`; never mutate the mappings it holds.

    Rule names in ``select``/``extend-select``/``ignore`` are kept as written (slug, code, code
    prefix such as ``F`` or ``J6``, or ``ALL``); in ``severity``/``options`` as written too, and
    resolved to slugs by :meth:`resolve_rules` once the rules are known. Paths are kept as
    written; :meth:`path_of` resolves them against ``root`` (the config file's folder).
    """

    select: tuple[str, ...] = (ALL,)
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    min_severity: Severity = Severity.INFO
    fail_on: Severity = Severity.WARNING
    exit_zero: bool = False
    profile: str | None = None
    profiles: tuple[str, ...] = ()
    per_profile: Mapping[str, Override] = field(default_factory=dict)
    per_path: tuple[tuple[str, Override], ...] = ()
    rules_dir: tuple[str, ...] = ()
    declarative: tuple[str, ...] = ()
    require_plugins: tuple[str, ...] = ()
    waivers: str | None = None
    baseline: str | None = None
    # Where each value came from, by key ("select", "severity.thin-section", "per-path.docs/*").
    origins: Mapping[str, Origin] = field(default_factory=dict)
    # The file read (None: defaults only) and the folder relative paths are resolved against.
    file: str | None = None
    root: str = "."
    # The user profiles ``profiles`` names, read and checked when the configuration was read.
    user_profiles: tuple[Profile, ...] = ()
    # True once :meth:`resolve_rules` has checked the rule names (tables keyed by slug).
    resolved: bool = False

    # ---- reading values -------------------------------------------------------------
    def origin(self, key: str) -> Origin:
        """Where ``key`` (or the table holding it) came from."""
        while key:
            if key in self.origins:
                return self.origins[key]
            if "." not in key:
                break
            key = key.rsplit(".", 1)[0]
        return DEFAULT

    def path_of(self, written: str) -> Path:
        """A path from the configuration, resolved against the config file's folder."""
        path = Path(written).expanduser()
        return path if path.is_absolute() else Path(self.root) / path

    @property
    def profile_paths(self) -> tuple[Path, ...]:
        return tuple(self.path_of(p) for p in self.profiles)

    @property
    def rules_dir_paths(self) -> tuple[Path, ...]:
        return tuple(self.path_of(p) for p in self.rules_dir)

    @property
    def declarative_paths(self) -> tuple[Path, ...]:
        return tuple(self.path_of(p) for p in self.declarative)

    @property
    def waivers_path(self) -> Path | None:
        return self.path_of(self.waivers) if self.waivers is not None else None

    @property
    def baseline_path(self) -> Path | None:
        return self.path_of(self.baseline) if self.baseline is not None else None

    # ---- canonical form ---------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """The effective values under their config-file keys (JSON-ready, stable order)."""
        return {
            "select": list(self.select),
            "extend-select": list(self.extend_select),
            "ignore": list(self.ignore),
            "severity": {k: str(v) for k, v in sorted(self.severity.items())},
            "options": {k: _jsonable(v) for k, v in sorted(self.options.items())},
            "min-severity": str(self.min_severity),
            "fail-on": str(self.fail_on),
            "exit-zero": self.exit_zero,
            "profile": self.profile,
            "profiles": list(self.profiles),
            "per-profile": {k: v.to_dict() for k, v in sorted(self.per_profile.items())},
            "per-path": {k: v.to_dict() for k, v in self.per_path},
            "rules-dir": list(self.rules_dir),
            "declarative": list(self.declarative),
            "require-plugins": list(self.require_plugins),
            "waivers": self.waivers,
            "baseline": self.baseline,
        }

    def canonical_json(self) -> str:
        """``to_dict()`` as compact JSON with sorted keys, plus the sha256 of each user profile
        and declarative rule file it names (their content decides findings too)."""
        data = self.to_dict()
        data["files"] = {
            written: _file_hash(self.path_of(written)) for written in (*self.profiles, *self.declarative)
        }
        return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)

    def hash(self) -> str:
        """sha256 (hex) of :meth:`canonical_json`: the same settings always give the same hash."""
        return hashlib.sha256(self.canonical_json().encode("utf-8")).hexdigest()

    # ---- layering -------------------------------------------------------------------
    def with_cli(
        self,
        *,
        select: Sequence[str] | None = None,
        extend_select: Sequence[str] | None = None,
        ignore: Sequence[str] | None = None,
        min_severity: Severity | None = None,
        fail_on: Severity | None = None,
        exit_zero: bool | None = None,
        profile: str | None = None,
        require_plugins: Sequence[str] | None = None,
        origin: Origin = COMMAND_LINE,
    ) -> Config:
        """This configuration with command-line values on top (``None``/empty: not given).

        ``--select`` replaces the file's ``select``; ``--extend-select`` and ``--ignore`` add to
        the file's lists; the others replace.
        """
        changes: dict[str, Any] = {}
        origins = dict(self.origins)

        def put(key: str, attr: str, value: Any) -> None:
            changes[attr] = value
            origins[key] = origin

        if select:
            put("select", "select", _split_names(select))
        if extend_select:
            put("extend-select", "extend_select", (*self.extend_select, *_split_names(extend_select)))
        if ignore:
            put("ignore", "ignore", (*self.ignore, *_split_names(ignore)))
        if min_severity is not None:
            put("min-severity", "min_severity", min_severity)
        if fail_on is not None:
            put("fail-on", "fail_on", fail_on)
        if exit_zero:
            put("exit-zero", "exit_zero", True)
        if profile is not None:
            if profile not in known_profiles(self):
                raise ConfigError(
                    f"unknown profile {profile!r}{nearest(profile, known_profiles(self))}", origin
                )
            put("profile", "profile", profile)
        if require_plugins:
            put("require-plugins", "require_plugins", (*self.require_plugins, *require_plugins))
        return replace(self, origins=origins, **changes)

    # ---- rules ------------------------------------------------------------------------
    def resolve_rules(self, rules: Sequence[type[Rule]]) -> Config:
        """Check every rule name against ``rules`` (raising :class:`ConfigError` with the origin
        and nearest name for an unknown one) and return the configuration with the ``severity``
        and ``options`` tables keyed by slug."""
        self._check_selectors(self.select, "select", rules)
        self._check_selectors(self.extend_select, "extend-select", rules)
        self._check_selectors(self.ignore, "ignore", rules)
        severity = self._by_slug(self.severity, "severity", rules)
        options = self._by_slug(self.options, "options", rules)
        self._check_options(options, "options", rules)
        origins = dict(self.origins)
        for table in ("severity", "options"):
            for written in self._written_names(table):
                rule = _find(written, rules)
                if rule is not None and rule.slug != written:
                    for key, origin in self.origins.items():
                        if key == f"{table}.{written}" or key.startswith(f"{table}.{written}."):
                            origins[f"{table}.{rule.slug}{key[len(table) + 1 + len(written):]}"] = origin
        per_profile = {}
        for name, entry in self.per_profile.items():
            per_profile[name] = self._resolve_override(entry, f"per-profile.{name}", rules)
        per_path = tuple(
            (glob, self._resolve_override(e, f"per-path.{glob}", rules)) for glob, e in self.per_path
        )
        return replace(
            self,
            severity=severity,
            options=options,
            per_profile=per_profile,
            per_path=per_path,
            origins=origins,
            resolved=True,
        )

    def choose(
        self, rules: Sequence[type[Rule]], *, profile: str | None = None, path: str | None = None
    ) -> RuleChoice:
        """The rules to run on a form of ``profile`` at ``path``, with their options and
        severities: the base settings, then the form's ``per-profile`` entry, then each matching
        ``per-path`` entry in file order. Call :meth:`resolve_rules` first."""
        select, extend, ignore = self.select, self.extend_select, self.ignore
        severity = dict(self.severity)
        options = {k: dict(v) for k, v in self.options.items()}
        for entry in self.overrides_for(profile=profile, path=path):
            if entry.select is not None:
                select, extend = entry.select, ()
            extend = (*extend, *entry.extend_select)
            ignore = (*ignore, *entry.ignore)
            severity.update(entry.severity)
            for slug, table in entry.options.items():
                options.setdefault(slug, {}).update(table)
        chosen = tuple(r for r in rules if is_selected(r, (*select, *extend), ignore))
        return RuleChoice(chosen, options, severity)

    def overrides_for(self, *, profile: str | None = None, path: str | None = None) -> list[Override]:
        found = []
        if profile is not None and profile in self.per_profile:
            found.append(self.per_profile[profile])
        if path is not None:
            found.extend(entry for glob, entry in self.per_path if self.path_matches(glob, path))
        return found

    def forced_profile(self, path: str | None) -> str | None:
        """The profile to read the form at ``path`` with (None: detect it): ``--profile``, else
        the last matching ``per-path`` entry that sets one, else the ``profile`` key."""
        forced = self.profile
        if path is not None and self.origin("profile") != COMMAND_LINE:
            for glob, entry in self.per_path:
                if entry.profile is not None and self.path_matches(glob, path):
                    forced = entry.profile
        return forced

    def path_matches(self, glob: str, path: str) -> bool:
        """``glob`` against ``path`` relative to the config file's folder (``/`` separators).
        ``*`` and ``?`` stay within one folder, ``**`` spans folders; a pattern without ``/``
        matches the file name in any folder."""
        if path in ("-", "<stdin>", "<bytes>"):
            return False
        candidate = Path(path)
        try:
            rel = candidate.resolve().relative_to(Path(self.root).resolve())
        except (ValueError, OSError):
            rel = candidate
        text = PurePosixPath(*rel.parts).as_posix()
        if glob.endswith("/"):
            glob += "**"
        pattern = _glob_regex(glob)
        if "/" not in glob:
            return pattern.fullmatch(rel.name) is not None or pattern.fullmatch(text) is not None
        return pattern.fullmatch(text) is not None

    def _check_selectors(self, names: Sequence[str], key: str, rules: Sequence[type[Rule]]) -> None:
        for name in names:
            if not any(_selector_matches(name, rule) for rule in rules):
                choices = [r.slug for r in rules] + [r.code for r in rules] + [ALL]
                origin = self.origin(key)
                label = f"--{key}" if origin == COMMAND_LINE else key
                raise ConfigError(
                    f"unknown rule or code prefix {name!r} in {label}{nearest(name, choices)}", origin
                )

    def _by_slug(self, table: Mapping[str, Any], key: str, rules: Sequence[type[Rule]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, value in table.items():
            rule = _find(name, rules)
            if rule is None:
                choices = [r.slug for r in rules] + [r.code for r in rules]
                raise ConfigError(
                    f"unknown rule {name!r} in {key}{nearest(name, choices)}", self.origin(f"{key}.{name}")
                )
            out[rule.slug] = value
        return out

    def _check_options(
        self, options: Mapping[str, Mapping[str, Any]], key: str, rules: Sequence[type[Rule]]
    ) -> None:
        by_slug = {r.slug: r for r in rules}
        for slug, table in options.items():
            known = dict(by_slug[slug].options)
            for option in table:
                if option not in known:
                    written = next(
                        (n for n in self._written_names(key) if _find(n, rules) is by_slug[slug]), slug
                    )
                    hint = nearest(option, known) if known else f"; rule {slug!r} takes no options"
                    raise ConfigError(
                        f"unknown option {option!r} for rule {slug!r}{hint}",
                        self.origin(f"{key}.{written}.{option}"),
                    )

    def _written_names(self, key: str) -> list[str]:
        prefix = key + "."
        return [k[len(prefix) :].split(".", 1)[0] for k in self.origins if k.startswith(prefix)]

    def _resolve_override(self, entry: Override, key: str, rules: Sequence[type[Rule]]) -> Override:
        for sub, names in (
            ("select", entry.select or ()),
            ("extend-select", entry.extend_select),
            ("ignore", entry.ignore),
        ):
            self._check_selectors(names, f"{key}.{sub}", rules)
        severity = self._by_slug(entry.severity, f"{key}.severity", rules)
        options = self._by_slug(entry.options, f"{key}.options", rules)
        self._check_options(options, f"{key}.options", rules)
        return replace(entry, severity=severity, options=options)


# ---- selection ------------------------------------------------------------------------


def _find(name: str, rules: Sequence[type[Rule]]) -> type[Rule] | None:
    for rule in rules:
        if name == rule.slug or name.upper() == rule.code.upper():
            return rule
    return None


def _selector_matches(selector: str, rule: type[Rule]) -> bool:
    return _specificity(selector, rule) is not None


def _specificity(selector: str, rule: type[Rule]) -> int | None:
    """How specifically ``selector`` names ``rule``: ALL 0, a code prefix its length, the slug
    or whole code 100; None when it does not name it."""
    if selector == ALL:
        return 0
    if selector == rule.slug or selector.upper() == rule.code.upper():
        return 100
    if selector[:1].isalpha() and selector.isalnum() and rule.code.upper().startswith(selector.upper()):
        return len(selector)
    return None


def is_selected(rule: type[Rule], select: Sequence[str], ignore: Sequence[str]) -> bool:
    """Whether ``rule`` runs: the most specific selector naming it decides (a slug or whole
    code beats a longer prefix, which beats a shorter one, which beats ``ALL``); at equal
    specificity ``ignore`` wins. A rule no selector names does not run."""
    best_select = max((s for n in select if (s := _specificity(n, rule)) is not None), default=None)
    best_ignore = max((s for n in ignore if (s := _specificity(n, rule)) is not None), default=None)
    if best_select is None:
        return False
    return best_ignore is None or best_select > best_ignore


# ---- reading files --------------------------------------------------------------------


def discover_config(start: str | Path | None = None) -> Path | None:
    """The configuration file for ``start`` (a file or folder; default the current folder):
    the first of :data:`CONFIG_FILES` that holds formlint settings, in ``start``'s folder or
    the nearest folder above it."""
    here = Path(start) if start not in (None, "-") else Path.cwd()
    here = here.resolve() if here.exists() else Path.cwd().resolve()
    folder = here if here.is_dir() else here.parent
    for candidate in (folder, *folder.parents):
        for name in CONFIG_FILES:
            path = candidate / name
            if path.is_file() and _has_settings(path):
                return path
    return None


def _has_settings(path: Path) -> bool:
    if path.name == ".formlint.toml":
        return True
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    if path.name == "pyproject.toml":
        return re.search(r"^\s*\[\s*tool\s*\.\s*formlint\s*[\].]", text, re.M) is not None
    return re.search(r"^\s*\[\s*formlint\s*[\].]", text, re.M) is not None


def load_config(path: str | Path | None = None, *, start: str | Path | None = None) -> Config:
    """Read ``path`` (e.g. from ``--config``), else the file :func:`discover_config` finds from
    ``start``; defaults when there is none. Raises :class:`ConfigError`."""
    if path is None:
        found = discover_config(start)
        if found is None:
            return Config()
        path = found
    path = Path(path)
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: configuration file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: configuration file cannot be read ({exc})") from None
    prefix: tuple[str, ...]
    data: Mapping[str, Any]
    if path.suffix == ".cfg" or path.name.endswith(".ini"):
        data, prefix = _read_cfg(path, text), ("formlint",)
    else:
        try:
            parsed = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: not valid TOML ({exc})") from None
        if path.name == "pyproject.toml":
            tool = parsed.get("tool", {})
            if not isinstance(tool, dict) or "formlint" not in tool:
                raise ConfigError(f"{path}: has no [tool.formlint] table")
            data, prefix = tool["formlint"], ("tool", "formlint")
        else:
            data, prefix = parsed, ()
    reader = _Reader(str(path), text, prefix, prefix == ("formlint",))
    return from_mapping(data, _reader=reader, root=path.resolve().parent, file=str(path))


def from_mapping(
    data: Mapping[str, Any],
    *,
    root: str | Path = ".",
    file: str | None = None,
    _reader: _Reader | None = None,
) -> Config:
    """A Config from a mapping of config-file keys (as in ``.formlint.toml``); the API's way in.
    Raises :class:`ConfigError` for unknown keys and bad values."""
    reader = _reader or _Reader(None, "", (), False)
    values: dict[str, Any] = {}
    origins: dict[str, Origin] = {}
    data = dict(data)
    profile_files = data.get("profiles")
    loaded: tuple[Profile, ...] = ()
    if profile_files is not None:
        written = _as_list(profile_files, reader.ini)
        if written is None:
            raise ConfigError(
                f"profiles must be a list of paths, not {profile_files!r}", reader.origin(("profiles",))
            )
        loaded = _load_user_profiles(written, Path(root), reader.origin(("profiles",)))
    user_profiles = {p.id for p in loaded}
    for key, value in data.items():
        if key not in KEYS:
            raise ConfigError(f"unknown key {key!r}{nearest(key, KEYS)}", reader.origin((key,)))
        origins[key] = reader.origin((key,))
        kind = KEYS[key]
        if kind in ("per-profile", "per-path"):
            if not isinstance(value, Mapping):
                raise ConfigError(f"{key} must be a table", origins[key])
            entries = {}
            for name, sub in value.items():
                sub_origin = reader.origin((key, name))
                origins[f"{key}.{name}"] = sub_origin
                choices = _profile_choices(user_profiles)
                if kind == "per-profile" and name not in choices:
                    raise ConfigError(
                        f"unknown profile {name!r} in per-profile{nearest(name, choices)}", sub_origin
                    )
                entries[name] = _override(sub, (key, name), reader, origins, user_profiles, kind)
            values[key] = entries if kind == "per-profile" else tuple(entries.items())
        else:
            values[key] = _value(kind, value, (key,), reader, origins, user_profiles)
    return Config(
        **{k.replace("-", "_"): v for k, v in values.items()},
        origins=origins,
        file=file,
        root=str(root),
        user_profiles=loaded,
    )


def _override(
    value: Any,
    where: tuple[str, ...],
    reader: _Reader,
    origins: dict[str, Origin],
    user_profiles: set[str],
    kind: str,
) -> Override:
    origin = reader.origin(where)
    if not isinstance(value, Mapping):
        raise ConfigError(f"{'.'.join(where)} must be a table", origin)
    allowed = PER_PATH_KEYS if kind == "per-path" else OVERRIDE_KEYS
    out: dict[str, Any] = {}
    for key, sub in value.items():
        sub_where = (*where, key)
        if key not in allowed:
            raise ConfigError(
                f"unknown key {key!r} in {where[0]} entry {where[1]!r}{nearest(key, allowed)}",
                reader.origin(sub_where),
            )
        origins[".".join(sub_where)] = reader.origin(sub_where)
        out[key.replace("-", "_")] = _value(allowed[key], sub, sub_where, reader, origins, user_profiles)
    return Override(origin=origin, **out)


def _value(
    kind: str,
    value: Any,
    where: tuple[str, ...],
    reader: _Reader,
    origins: dict[str, Origin],
    user_profiles: set[str],
) -> Any:
    origin = reader.origin(where)
    key = ".".join(where)
    if kind in ("names", "strs", "paths"):
        items = _as_list(value, reader.ini)
        if items is None:
            raise ConfigError(f"{key} must be a list of strings, not {value!r}", origin)
        return _split_names(items) if kind == "names" else tuple(items)
    if kind == "severity":
        return _parse_severity(value, key, origin)
    if kind == "bool":
        if (
            isinstance(value, str)
            and reader.ini
            and value.strip().lower() in ("true", "false", "yes", "no", "1", "0")
        ):
            return value.strip().lower() in ("true", "yes", "1")
        if not isinstance(value, bool):
            raise ConfigError(f"{key} must be true or false, not {value!r}", origin)
        return value
    if kind == "path":
        if not isinstance(value, str):
            raise ConfigError(f"{key} must be a path (a string), not {value!r}", origin)
        return value
    if kind == "profile":
        if not isinstance(value, str):
            raise ConfigError(f"{key} must be a profile name, not {value!r}", origin)
        if value not in _profile_choices(user_profiles):
            raise ConfigError(
                f"unknown profile {value!r}{nearest(value, _profile_choices(user_profiles))}", origin
            )
        return value
    if kind == "severity-table":
        if not isinstance(value, Mapping):
            raise ConfigError(f"{key} must be a table of rule = severity", origin)
        table = {}
        for rule, level in value.items():
            sub = reader.origin((*where, rule))
            origins[f"{key}.{rule}"] = sub
            table[str(rule)] = _parse_severity(level, f"{key}.{rule}", sub)
        return table
    if kind == "options-table":
        if not isinstance(value, Mapping):
            raise ConfigError(f"{key} must be a table of rule = {{ option = value }}", origin)
        tables: dict[str, dict[str, Any]] = {}
        for rule, opts in value.items():
            sub = reader.origin((*where, rule))
            origins[f"{key}.{rule}"] = sub
            if not isinstance(opts, Mapping):
                raise ConfigError(f"{key}.{rule} must be a table of option = value", sub)
            for name in opts:
                origins[f"{key}.{rule}.{name}"] = reader.origin((*where, rule, name))
            tables[str(rule)] = dict(opts)
        return tables
    raise AssertionError(kind)  # pragma: no cover


def _parse_severity(value: Any, key: str, origin: Origin) -> Severity:
    if not isinstance(value, str) or value.lower() not in SEVERITIES:
        raise ConfigError(
            f"unknown severity {value!r} for {key}{nearest(str(value).lower(), SEVERITIES)}", origin
        )
    return Severity.parse(value)


def _as_list(value: Any, ini: bool) -> list[str] | None:
    if isinstance(value, str):
        return [part.strip() for part in re.split(r"[,\n]", value) if part.strip()]
    if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
        return [str(v) for v in value]
    return None


def _split_names(names: Iterable[str]) -> tuple[str, ...]:
    """``["T1,F", "thin-section"]`` -> ``("T1", "F", "thin-section")``: the CLI takes commas too."""
    return tuple(part.strip() for name in names for part in name.split(",") if part.strip())


def _profile_choices(user_profiles: set[str]) -> list[str]:
    from formlint.profile import BUILTIN, GENERIC

    return [*BUILTIN, GENERIC, *sorted(user_profiles)]


def known_profiles(config: Config) -> list[str]:
    """Built-in profile ids plus those of the configuration's user profile files."""
    return _profile_choices({p.id for p in config.user_profiles})


def _load_user_profiles(files: Sequence[str], root: Path, origin: Origin) -> tuple[Profile, ...]:
    from formlint.profile import ProfileError, read_user_profile

    loaded: dict[str, Profile] = {}
    for written in files:
        path = Path(written).expanduser()
        try:
            profile = read_user_profile(path if path.is_absolute() else root / path)
        except ProfileError as exc:
            raise ConfigError(f"in profiles: {exc}", origin) from None
        if profile.id in loaded:
            raise ConfigError(f"in profiles: two files define profile {profile.id!r}", origin)
        loaded[profile.id] = profile
    return tuple(loaded.values())


class _Reader:
    """Finds the line of a key in the config file's text (see :func:`key_line`)."""

    def __init__(self, path: str | None, text: str, prefix: tuple[str, ...], ini: bool) -> None:
        self.path, self.prefix, self.ini = path, prefix, ini
        self.lines = _scan(text, ini) if path is not None else {}

    def origin(self, where: tuple[str, ...]) -> Origin:
        if self.path is None:
            return API
        return Origin(self.path, key_line(self.lines, (*self.prefix, *where)))


def scan_lines(text: str) -> dict[tuple[str, ...], int]:
    """Each TOML table header and key of ``text`` (a dotted path) -> its 1-based line."""
    return _scan(text, False)


def key_line(lines: Mapping[tuple[str, ...], int], where: tuple[str, ...]) -> int | None:
    """The line of ``where`` (a dotted key path) in a scanned file, else of its nearest
    enclosing key or table (a key inside an inline table is on its parent's line)."""
    while where:
        if where in lines:
            return lines[where]
        where = where[:-1]
    return None


_HEADER = re.compile(r"^\s*\[\[?\s*(.+?)\s*\]\]?\s*(?:#.*)?$")
_TOML_KEY = re.compile(
    r"""^\s*((?:"[^"]*"|'[^']*'|[A-Za-z0-9_-]+)(?:\s*\.\s*(?:"[^"]*"|'[^']*'|[A-Za-z0-9_-]+))*)\s*="""
)
_INI_KEY = re.compile(r"^([^\s#;=:][^=:]*?)\s*[=:]")
_PART = re.compile(r"""\s*("[^"]*"|'[^']*'|[^."']+)\s*(?:\.|$)""")


def _dotted(text: str) -> tuple[str, ...]:
    return tuple(m.group(1).strip().strip("\"'") for m in _PART.finditer(text) if m.group(1).strip())


def _scan(text: str, ini: bool) -> dict[tuple[str, ...], int]:
    """Map each table header and key (as a dotted path) to the 1-based line it is first on.

    A simple line scan, not a parser: ``[a.b]`` headers and ``key =`` lines. In setup.cfg a
    section ``[formlint.per-path.docs/*]`` splits into ``formlint``, ``per-path`` and the rest.
    """
    found: dict[tuple[str, ...], int] = {}
    table: tuple[str, ...] = ()
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            name = header.group(1)
            if ini:
                parts = name.split(".", 2)
                table = tuple(parts)
            else:
                table = _dotted(name)
            for end in range(1, len(table) + 1):
                found.setdefault(table[:end], number)
            continue
        if ini and line[:1].isspace():
            continue  # a continuation line of a multi-line value
        key = (_INI_KEY if ini else _TOML_KEY).match(line)
        if key:
            parts = (key.group(1).strip(),) if ini else _dotted(key.group(1))
            found.setdefault((*table, *parts), number)
    return found


def _read_cfg(path: Path, text: str) -> dict[str, Any]:
    """``[formlint]`` and its sub-sections as the same mapping a TOML file gives.

    ``[formlint]`` holds the plain keys (lists comma- or newline-separated);
    ``[formlint.severity]`` holds ``rule = severity``; ``[formlint.options.RULE]``,
    ``[formlint.per-profile.PROFILE]`` and ``[formlint.per-path.GLOB]`` hold tables, whose
    values are read as TOML values when they parse as one (``12``, ``true``, ``["a", "b"]``)
    and as text otherwise.
    """
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=", ":"))
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    try:
        parser.read_string(text, source=str(path))
    except configparser.Error as exc:
        raise ConfigError(f"{path}: not a valid setup.cfg ({exc})") from None
    data: dict[str, Any] = {}
    for section in parser.sections():
        if section == "formlint":
            data.update(dict(parser[section]))
            continue
        if not section.startswith("formlint."):
            continue
        parts = section.split(".", 2)
        items = {k: _ini_value(v) for k, v in parser[section].items()}
        if len(parts) == 2:
            data[parts[1]] = items
        else:
            data.setdefault(parts[1], {})
            target = data[parts[1]]
            if not isinstance(target, dict):
                raise ConfigError(f"[{section}] conflicts with the {parts[1]} key", Origin(str(path)))
            target[parts[2]] = items
    for name in ("per-path", "per-profile"):
        for entry in data.get(name, {}).values() if isinstance(data.get(name), dict) else ():
            if isinstance(entry, dict) and isinstance(entry.get("severity"), str):
                entry["severity"] = _ini_table(entry["severity"])
    return data


def _ini_value(text: str) -> Any:
    try:
        return tomllib.loads(f"v = {text}")["v"]
    except tomllib.TOMLDecodeError:
        return text


def _ini_table(text: str) -> dict[str, str]:
    pairs = (line.split("=", 1) for line in text.splitlines() if "=" in line)
    return {k.strip(): v.strip() for k, v in pairs}


def _jsonable(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in sorted(value.items())}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


def _file_hash(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _glob_regex(glob: str) -> re.Pattern[str]:
    out = []
    i = 0
    while i < len(glob):
        if glob.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif glob.startswith("**", i):
            out.append(".*")
            i += 2
        elif glob[i] == "*":
            out.append("[^/]*")
            i += 1
        elif glob[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(glob[i]))
            i += 1
    return re.compile("".join(out))
