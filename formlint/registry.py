"""Find rules through the ``formlint.rules`` entry point group (the built-in pack included).

Each entry point names a callable returning rule classes. Packs load one at a
time, so a broken third-party pack is reported by name and the rest still run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib.metadata import EntryPoint, entry_points

from formlint.rule import Rule

GROUP = "formlint.rules"


@dataclass(frozen=True)
class PluginProblem:
    plugin: str
    message: str


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[type[Rule], ...]
    problems: tuple[PluginProblem, ...] = field(default=())

    def find(self, name: str) -> type[Rule] | None:
        """A rule by slug or code (case-insensitive for codes)."""
        for rule in self.rules:
            if name == rule.slug or name.upper() == rule.code:
                return rule
        return None


def _load(ep: EntryPoint) -> list[type[Rule]]:
    provider: Callable[[], Iterable[type[Rule]]] = ep.load()
    rules = list(provider())
    for rule in rules:
        if not (isinstance(rule, type) and issubclass(rule, Rule)):
            raise TypeError(f"{rule!r} is not a formlint Rule subclass")
    return rules


def discover(eps: Iterable[EntryPoint] | None = None) -> RuleSet:
    """All rules from installed packs, sorted by code; problems kept, never raised."""
    found: dict[str, type[Rule]] = {}
    problems: list[PluginProblem] = []
    for ep in eps if eps is not None else entry_points(group=GROUP):
        try:
            rules = _load(ep)
        except Exception as exc:  # a third-party pack may fail in any way
            problems.append(PluginProblem(ep.name, f"failed to load {ep.value}: {exc}"))
            continue
        for rule in rules:
            if rule.slug in found and found[rule.slug] is not rule:
                problems.append(PluginProblem(ep.name, f"rule {rule.slug!r} is defined twice"))
                continue
            found[rule.slug] = rule
    return RuleSet(tuple(sorted(found.values(), key=lambda r: r.code)), tuple(problems))
