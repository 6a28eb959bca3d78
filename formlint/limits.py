"""Limits that keep a hostile or broken file from taking formlint down."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 50 * 2**20
    # .docx (zip) guards, checked before any member is inflated
    max_zip_members: int = 2_000
    max_zip_total_bytes: int = 200 * 2**20
    max_xml_part_bytes: int = 50 * 2**20
    max_zip_ratio: int = 200  # for members over 1 MiB
    # PDF guards
    max_pdf_pages: int = 300
    pdf_memory_bytes: int = 1536 * 2**20
    seconds_per_file: float = 60.0


DEFAULT_LIMITS = Limits()
