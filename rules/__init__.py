"""The built-in formlint rule pack (installed as ``formlint_rules``).

Registered through the ``formlint.rules`` entry point, exactly as a third-party
pack would be; the engine never imports this package directly.
"""

from __future__ import annotations

from formlint.rule import Rule


def get_rules() -> list[type[Rule]]:
    # Imported here so that loading the entry point stays cheap until rules are needed.
    from formlint_rules.placeholder_text import PlaceholderText

    return [PlaceholderText]
