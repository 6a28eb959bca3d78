"""Decide a file's format from its first bytes, not only its name."""

from __future__ import annotations

import json

ZIP_MAGIC = b"PK\x03\x04"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
TEXT_SUFFIXES = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md"}


def sniff(data: bytes, name: str) -> str:
    """One of ``docx``, ``pdf``, ``json``, ``md``, ``txt``, ``ole2``, ``zip``, ``binary``."""
    lower = name.lower()
    if data.startswith(ZIP_MAGIC):
        return "docx" if not lower.endswith((".odt", ".xlsx", ".pptx", ".zip")) else "zip"
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(OLE2_MAGIC):
        return "ole2"
    head = data[:4096]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "binary"
    if lower.endswith(".json") or head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        try:
            json.loads(data.decode("utf-8-sig"))
            return "json"
        except (UnicodeDecodeError, ValueError):
            if lower.endswith(".json"):
                return "json"  # let the JSON parser say what is wrong with it
    for suffix, kind in TEXT_SUFFIXES.items():
        if lower.endswith(suffix):
            return kind
    return "txt"
