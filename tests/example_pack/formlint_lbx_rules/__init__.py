"""The (fictional) London Borough of X's house rules: a worked example of a formlint rule pack.

The pack's entry point (``formlint.rules``: ``lbx = "formlint_lbx_rules:get_rules"``) names
:func:`get_rules`; the same folder also works as a ``rules-dir`` (docs/writing-rules.md).
"""

from __future__ import annotations

from formlint.rule import Rule
from formlint_lbx_rules.service_user import ServiceUserTerm


def get_rules() -> list[type[Rule]]:
    """Every rule of the pack (formlint calls this once per run)."""
    return [ServiceUserTerm]
