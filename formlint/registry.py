"""Find rules: installed packs, a local rules folder and declarative rule files.

Three sources, one result (docs/writing-rules.md, docs/declarative-rules.md):

- installed packs, through the ``formlint.rules`` entry point group (the built-in pack
  included): each entry point names a callable returning rule classes;
- Python modules in a local folder named by the ``rules-dir`` configuration key;
- TOML rule files named by the ``declarative`` key (:mod:`formlint.declarative`).

Every source loads on its own, so a broken one is reported by name (a :class:`PluginProblem`)
and the rest still run; problems are collected, never raised, and the CLI shows them all and
exits 2. ``require`` names packs that must be present: a missing one is a problem too.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from importlib.metadata import EntryPoint, entry_points
from pathlib import Path
from types import ModuleType

from formlint.rule import Rule

GROUP = "formlint.rules"


@dataclass(frozen=True)
class PluginProblem:
    plugin: str
    message: str

    def __str__(self) -> str:
        return f"rule pack {self.plugin!r}: {self.message}"


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[type[Rule], ...]
    problems: tuple[PluginProblem, ...] = field(default=())
    # Names of the sources that loaded: entry point names and their distributions' names,
    # rules-dir module names and declarative file stems (what ``require-plugins`` may name).
    packs: tuple[str, ...] = field(default=())

    def find(self, name: str) -> type[Rule] | None:
        """A rule by slug or code (case-insensitive for codes)."""
        for rule in self.rules:
            if name == rule.slug or name.upper() == rule.code:
                return rule
        return None


def _check_rules(rules: Iterable[object]) -> list[type[Rule]]:
    out = []
    for rule in rules:
        if not (isinstance(rule, type) and issubclass(rule, Rule)):
            raise TypeError(f"{rule!r} is not a formlint Rule subclass")
        for attr in ("code", "slug", "summary", "pattern"):
            if not isinstance(getattr(rule, attr, None), str) or not getattr(rule, attr):
                raise TypeError(f"rule class {rule.__name__} has no {attr!r}")
        out.append(rule)
    return out


def _load(ep: EntryPoint) -> list[type[Rule]]:
    provider: Callable[[], Iterable[type[Rule]]] = ep.load()
    if not callable(provider):
        raise TypeError(f"{ep.value} is not callable (it should return rule classes)")
    return _check_rules(provider())


def _module_rules(module: ModuleType) -> list[type[Rule]]:
    """A module's rules: its ``get_rules()`` if it has one, else the Rule subclasses it defines."""
    provider = getattr(module, "get_rules", None)
    if callable(provider):
        return _check_rules(provider())
    found = [
        value
        for value in vars(module).values()
        if isinstance(value, type)
        and issubclass(value, Rule)
        and value.__module__.split(".")[0] == module.__name__
        and "code" in vars(value)
    ]
    return sorted(_check_rules(found), key=lambda r: r.code)


def load_rules_dir(folder: str | Path) -> tuple[list[tuple[str, list[type[Rule]]]], list[PluginProblem]]:
    """The rules of each module (``*.py`` file or package) in a local rules folder.

    The folder is appended to ``sys.path`` (as flake8's ``local-plugins`` paths are) and each
    module imported under its own name, so worker processes can import it too. A module whose
    name an installed module already takes is a problem, never silently the other module.
    Files starting with ``_`` or ``test`` are skipped (helpers and the rules' own tests).
    """
    path = Path(folder).resolve()
    label = str(folder)
    if not path.is_dir():
        return [], [PluginProblem(f"rules-dir {label}", "no such folder")]
    if str(path) not in sys.path:
        sys.path.append(str(path))
    loaded: list[tuple[str, list[type[Rule]]]] = []
    problems: list[PluginProblem] = []
    for info in sorted(pkgutil.iter_modules([str(path)]), key=lambda m: m.name):
        if info.name.startswith(("_", "test")):
            continue
        name = f"{label.rstrip('/')}/{info.name}{'' if info.ispkg else '.py'}"
        try:
            module = importlib.import_module(info.name)
            where = Path(getattr(module, "__file__", "") or "").resolve()
            if path not in where.parents:
                problems.append(
                    PluginProblem(
                        name,
                        f"the module name {info.name!r} is already taken by {where or 'a built-in module'}; "
                        "rename the file",
                    )
                )
                continue
            rules = _module_rules(module)
        except Exception as exc:  # a local rule file may fail in any way
            problems.append(PluginProblem(name, f"failed to import: {type(exc).__name__}: {exc}"))
            continue
        if not rules:
            problems.append(PluginProblem(name, "defines no Rule subclass with a code"))
            continue
        loaded.append((info.name, rules))
    return loaded, problems


def discover(
    eps: Iterable[EntryPoint] | None = None,
    *,
    rules_dir: Sequence[str | Path] = (),
    declarative: Sequence[str | Path] = (),
    require: Sequence[str] = (),
    section_kinds: frozenset[str] | None = None,
) -> RuleSet:
    """All rules from installed packs, ``rules_dir`` folders and ``declarative`` TOML files,
    sorted by code; problems kept, never raised. ``section_kinds`` are the section kinds a
    declarative rule may name (default: those of the built-in profiles)."""
    found: dict[str, type[Rule]] = {}
    by_code: dict[str, type[Rule]] = {}
    origin: dict[str, str] = {}
    problems: list[PluginProblem] = []
    packs: list[str] = []

    def add(source: str, rules: Iterable[type[Rule]]) -> None:
        for rule in rules:
            slug_owner, code_owner = found.get(rule.slug), by_code.get(rule.code)
            if slug_owner is not None and slug_owner is not rule:
                problems.append(
                    PluginProblem(
                        source, f"rule {rule.slug!r} is defined twice (first by {origin[rule.slug]})"
                    )
                )
            elif code_owner is not None and code_owner is not rule:
                problems.append(
                    PluginProblem(
                        source,
                        f"code {rule.code} of {rule.slug!r} is already used by {code_owner.slug!r} "
                        f"from {origin[code_owner.slug]}",
                    )
                )
            else:
                found[rule.slug], by_code[rule.code] = rule, rule
                origin.setdefault(rule.slug, source)

    for ep in eps if eps is not None else entry_points(group=GROUP):
        try:
            rules = _load(ep)
        except Exception as exc:  # a third-party pack may fail in any way
            problems.append(PluginProblem(ep.name, f"failed to load {ep.value}: {type(exc).__name__}: {exc}"))
            continue
        add(ep.name, rules)
        packs.append(ep.name)
        dist = getattr(ep, "dist", None)
        if dist is not None and getattr(dist, "name", None):
            packs.append(dist.name)
    for folder in rules_dir:
        modules, module_problems = load_rules_dir(folder)
        problems.extend(module_problems)
        for name, rules in modules:
            add(f"{folder}/{name}", rules)
            packs.append(name)
    if declarative:
        from formlint.declarative import DeclarativeError, load_file

        for file in declarative:
            try:
                rules = load_file(file, known_sections=section_kinds)
            except DeclarativeError as exc:
                where = f"line {exc.line}: " if exc.line else ""
                problems.append(PluginProblem(str(file), f"{where}{exc.message}"))
                continue
            add(str(file), rules)
            packs.append(Path(file).stem)
    for name in require:
        if name not in packs:
            problems.append(
                PluginProblem(
                    name,
                    "is required (require-plugins) but not installed; installed packs: "
                    + (", ".join(dict.fromkeys(packs)) or "none"),
                )
            )
    rules_sorted = tuple(sorted(found.values(), key=lambda r: r.code))
    return RuleSet(rules_sorted, tuple(problems), tuple(dict.fromkeys(packs)))
