"""Typed errors for input that formlint cannot read.

Each carries the path and a message a person can act on; the CLI prints them
as one line and carries on with the other files (exit status 2).
"""

from __future__ import annotations


class FormlintError(Exception):
    """Base class for every error formlint raises on purpose."""


class UnreadableForm(FormlintError):
    """A file formlint could not read as a form. ``code`` is stable for JSON output."""

    code = "unreadable"

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message

    def __reduce__(self) -> tuple[type[UnreadableForm], tuple[str, str]]:
        # So that a result from a worker process carries its error back intact.
        return (type(self), (self.path, self.message))


class MissingFile(UnreadableForm):
    code = "missing-file"


class EmptyFile(UnreadableForm):
    code = "empty-file"


class UnsupportedFileType(UnreadableForm):
    code = "unsupported-type"


class CorruptDocument(UnreadableForm):
    code = "corrupt"


class PasswordProtected(UnreadableForm):
    code = "password-protected"


class ScannedDocument(UnreadableForm):
    code = "no-text-layer"


class ResourceLimitExceeded(UnreadableForm):
    code = "resource-limit"


class ParseTimeout(UnreadableForm):
    code = "timeout"


class InternalReadError(UnreadableForm):
    """A bug in a reader: reported like bad input so the other files are still checked."""

    code = "internal-error"


class UsageError(FormlintError):
    """Wrong options or arguments (exit status 2)."""
