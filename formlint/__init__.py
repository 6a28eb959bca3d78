"""formlint: lint completed social-work assessment forms for the recording failings case reviews find."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from formlint.api import check, parse

__all__ = ["__version__", "check", "parse"]


def __getattr__(name: str) -> Any:
    # Lazy so that importing a submodule (or `formlint --version`) stays cheap.
    if name in ("check", "parse"):
        from formlint import api

        return getattr(api, name)
    raise AttributeError(name)
