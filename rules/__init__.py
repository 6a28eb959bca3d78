"""The built-in formlint rule pack (installed as ``formlint_rules``).

Registered through the ``formlint.rules`` entry point, exactly as a third-party
pack would be; the engine never imports this package directly.
"""

from __future__ import annotations

import importlib
import pkgutil

from formlint.rule import Rule


def get_rules() -> list[type[Rule]]:
    """Every rule class defined in the pack's modules, in code order.

    A rule is a module of this package that defines a :class:`~formlint.rule.Rule`
    subclass with a ``code``; adding a rule is adding its module. Modules are imported
    here, not at package import, so loading the entry point stays cheap.
    """
    found: dict[str, type[Rule]] = {}
    for module_info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, Rule)
                and value is not Rule
                and value.__module__ == module.__name__
                and getattr(value, "code", None)
            ):
                found[value.code] = value
    return [found[code] for code in sorted(found)]
