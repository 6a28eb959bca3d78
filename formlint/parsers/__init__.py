"""Read a file of any supported format into a RawDocument (one module per format)."""

from __future__ import annotations

from formlint.errors import (
    EmptyFile,
    PasswordProtected,
    ResourceLimitExceeded,
    UnsupportedFileType,
)
from formlint.limits import DEFAULT_LIMITS, Limits
from formlint.parsers.raw import RawDocument
from formlint.parsers.sniff import sniff

SUPPORTED_SUFFIXES = (".docx", ".pdf", ".txt", ".md", ".markdown", ".json")


def read_raw(data: bytes, path: str, limits: Limits = DEFAULT_LIMITS) -> RawDocument:
    """Parse bytes whose origin is ``path`` (used for messages and the suffix hint)."""
    if not data.strip():
        raise EmptyFile(path, "the file is empty")
    if len(data) > limits.max_file_bytes:
        raise ResourceLimitExceeded(
            path, f"file is {len(data) // 2**20} MB, over the {limits.max_file_bytes // 2**20} MB limit"
        )
    fmt = sniff(data, path)
    # Heavy readers are imported only for their own format, to keep start-up fast.
    if fmt == "docx":
        from formlint.parsers.docx import parse_docx

        return parse_docx(data, path, limits)
    if fmt == "pdf":
        from formlint.parsers.pdf import parse_pdf

        return parse_pdf(data, path, limits)
    if fmt == "json":
        from formlint.parsers.jsonform import parse_json

        return parse_json(data, path)
    if fmt in ("txt", "md"):
        from formlint.parsers.text import parse_text

        return parse_text(data, path, fmt)
    if fmt == "ole2":
        raise PasswordProtected(
            path,
            "this is an OLE2 container: a password-protected .docx or a legacy .doc; "
            "remove the password or save it as .docx first",
        )
    if fmt == "zip":
        raise UnsupportedFileType(path, "a zip archive that is not a Word document (.docx)")
    raise UnsupportedFileType(
        path, "binary content of an unknown type; formlint reads .docx, .pdf, .txt, .md and .json"
    )
