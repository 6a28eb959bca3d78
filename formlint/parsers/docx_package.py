"""The .docx container: a guarded zip, relationship lookup and hardened XML parsing.

Everything here assumes the bytes are hostile: sizes are checked from the zip
directory before any member is inflated, members are streamed in bounded
chunks (the directory can lie), and no lxml/zipfile exception leaves this module
except as a :class:`~formlint.errors.UnreadableForm` subclass.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib

from lxml import etree

from formlint.errors import CorruptDocument, ResourceLimitExceeded
from formlint.limits import Limits

_CHUNK = 64 * 1024
_RATIO_FLOOR = 2**20  # small members compress absurdly well; only big ones can be bombs
_RELS_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"

# ISO 29500 Strict uses different namespace URIs for the same vocabulary; rewriting
# them up front lets one walker serve both flavours.
_STRICT_REWRITES = (
    (b"http://purl.oclc.org/ooxml/wordprocessingml/main",
     b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"),
    (b"http://purl.oclc.org/ooxml/officeDocument/relationships",
     b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
)

# Errors zipfile/zlib raise on damaged archives (CRC, truncated streams, odd methods).
_ZIP_ERRORS = (
    zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError,
    ValueError, NotImplementedError, RuntimeError, KeyError,
)

NOT_A_DOCX = "not a valid .docx (the zip is damaged or truncated)"


def _mb(n: int) -> str:
    return f"{n / 2**20:.0f} MB"


class Package:
    """A .docx opened for reading: checked once on open, parts parsed on demand."""

    def __init__(self, data: bytes, path: str, limits: Limits) -> None:
        self.path = path
        self.limits = limits
        self._bytes_read = 0
        self._rels: dict[str, list[tuple[str, str]]] = {}
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except _ZIP_ERRORS as exc:
            raise CorruptDocument(path, NOT_A_DOCX) from exc
        self._check_directory(infos)
        # OPC part names are case-insensitive; zip names are not.
        self._names = {info.filename.lower(): info for info in infos}

    def _check_directory(self, infos: list[zipfile.ZipInfo]) -> None:
        lim = self.limits
        if len(infos) > lim.max_zip_members:
            raise ResourceLimitExceeded(
                self.path, f"the .docx holds {len(infos)} files, over the limit of {lim.max_zip_members}"
            )
        total = sum(i.file_size for i in infos)
        if total > lim.max_zip_total_bytes:
            raise ResourceLimitExceeded(
                self.path,
                f"the .docx unpacks to {_mb(total)}, over the {_mb(lim.max_zip_total_bytes)} limit",
            )
        for info in infos:
            if info.file_size > lim.max_xml_part_bytes and _is_xml(info.filename):
                raise ResourceLimitExceeded(
                    self.path,
                    f"part {info.filename} unpacks to {_mb(info.file_size)}, "
                    f"over the {_mb(lim.max_xml_part_bytes)} per-part limit",
                )
            ratio_cap = lim.max_zip_ratio * max(info.compress_size, 1)
            if info.file_size > _RATIO_FLOOR and info.file_size > ratio_cap:
                raise ResourceLimitExceeded(
                    self.path,
                    f"part {info.filename} is compressed {info.file_size // max(info.compress_size, 1)}:1, "
                    f"over the {lim.max_zip_ratio}:1 compression-ratio limit (a zip bomb?)",
                )

    def has(self, name: str) -> bool:
        return name.lower() in self._names

    def read_bytes(self, name: str) -> bytes:
        """A member's bytes, streamed so neither a lying header nor a bomb can run away."""
        info = self._names[name.lower()]
        lim = self.limits
        cap = lim.max_xml_part_bytes
        chunks: list[bytes] = []
        size = 0
        try:
            with self._zip.open(info) as stream:
                while chunk := stream.read(_CHUNK):
                    size += len(chunk)
                    self._bytes_read += len(chunk)
                    if size > cap:
                        raise ResourceLimitExceeded(
                            self.path, f"part {name} unpacks to more than the {_mb(cap)} per-part limit"
                        )
                    if self._bytes_read > lim.max_zip_total_bytes:
                        raise ResourceLimitExceeded(
                            self.path,
                            f"the .docx unpacks to more than the {_mb(lim.max_zip_total_bytes)} limit",
                        )
                    if size > _RATIO_FLOOR and size > lim.max_zip_ratio * max(info.compress_size, 1):
                        raise ResourceLimitExceeded(
                            self.path,
                            f"part {name} inflates past the {lim.max_zip_ratio}:1 compression-ratio limit "
                            "(a zip bomb?)",
                        )
                    chunks.append(chunk)
        except _ZIP_ERRORS as exc:
            raise CorruptDocument(self.path, f"{NOT_A_DOCX}: part {name} cannot be unpacked") from exc
        return b"".join(chunks)

    def read_xml(self, name: str) -> etree._Element:
        return self.parse(name, self.read_bytes(name))

    def parse(self, name: str, data: bytes) -> etree._Element:
        """Parse bytes of part ``name`` with the hardened parser."""
        # A DTD has no business in an OOXML part; refusing it closes entity tricks for good.
        if b"<!DOCTYPE" in data or "<!DOCTYPE".encode("utf-16-le") in data:
            raise CorruptDocument(self.path, _doctype(name))
        if b"purl.oclc.org/ooxml" in data:
            for strict, transitional in _STRICT_REWRITES:
                data = data.replace(strict, transitional)
        parser = etree.XMLParser(
            resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False,
            remove_comments=True, remove_pis=True,
        )
        try:
            root = etree.fromstring(data, parser)
        except etree.XMLSyntaxError as exc:
            msg = str(exc).splitlines()[0] if str(exc) else "syntax error"
            raise CorruptDocument(self.path, f"part {name} is not well-formed XML ({msg})") from exc
        except (etree.LxmlError, ValueError) as exc:
            raise CorruptDocument(self.path, f"part {name} cannot be read as XML ({exc})") from exc
        if root is None:
            raise CorruptDocument(self.path, f"part {name} is empty")
        # Belt and braces for encodings the byte search above cannot see (UTF-16 BE, UTF-32).
        if getattr(root.getroottree().docinfo, "doctype", ""):
            raise CorruptDocument(self.path, _doctype(name))
        return root

    def rels(self, source: str) -> list[tuple[str, str]]:
        """(relationship type, resolved part name) for a part; '' for the package itself."""
        if source in self._rels:
            return self._rels[source]
        folder, base = posixpath.split(source)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        if not self.has(rels_name):
            self._rels[source] = []
            return []
        root = self.read_xml(rels_name)
        out: list[tuple[str, str]] = []
        for rel in root.iter(_RELS_NS + "Relationship"):
            if rel.get("TargetMode", "").lower() == "external":
                continue
            target = rel.get("Target") or ""
            rtype = rel.get("Type") or ""
            if not target:
                continue
            if target.startswith("/"):
                name = target.lstrip("/")
            else:
                name = posixpath.normpath(posixpath.join(folder, target))
            out.append((rtype, name))
        self._rels[source] = out
        return out

    def rel_targets(self, source: str, kind: str) -> list[str]:
        """Existing parts a relationship of ``kind`` (last URI segment) points at.

        Matching on the last segment covers both Transitional and Strict type URIs.
        """
        return [name for rtype, name in self.rels(source)
                if rtype.rsplit("/", 1)[-1] == kind and self.has(name)]

    def main_part(self) -> str:
        targets = self.rel_targets("", "officeDocument")
        if targets:
            return targets[0]
        if self.has("word/document.xml"):
            return "word/document.xml"
        raise CorruptDocument(
            self.path,
            "a zip file without a Word document part (no word/document.xml); is it really a .docx?",
        )


def _doctype(name: str) -> str:
    return f"part {name} declares a DOCTYPE, which Word never writes; refusing it"


def _is_xml(name: str) -> bool:
    return name.lower().endswith((".xml", ".rels"))
