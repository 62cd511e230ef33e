"""Bytes to text: refuse binary files, decode UTF-8 and say so when another encoding was assumed."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

# Leading bytes of binary formats people are likely to point sitrep at by mistake.
_MAGIC = [
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document (convert it to text first)"),
    (b"PK\x03\x04", "a ZIP archive (also .docx/.xlsx/.odt; export the text first)"),
    (b"\x1f\x8b", "a gzip archive (decompress it first)"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document (export the text first)"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x7fELF", "an executable"),
]
# Share of control characters or undecodable bytes above which text is taken as binary data:
# real text has next to none (tabs and newlines do not count).
_MAX_CONTROL_SHARE = 0.05
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")
_SNIFF = 8192


@dataclass
class Decoded:
    text: str | None = None  # None: not text at all, see `error`
    error: str | None = None
    warnings: list[str] = field(default_factory=list)


def binary_reason(head: bytes) -> str | None:
    """Why the first bytes of a file show it is not text, or None if they may be text."""
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return f"binary file ({what}), not text"
    if b"\x00" in head[:_SNIFF] and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "binary file (contains NUL bytes), not text"
    return None


def decode_bytes(data: bytes) -> Decoded:
    """Decode a document: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 when
    that decodes cleanly, else UTF-8 with replacement characters. Binary data is refused."""
    reason = binary_reason(data)
    if reason:
        return Decoded(error=reason)
    decoded = _decode(data)
    sample = decoded.text[:_SNIFF] if decoded.text else ""
    if sample and len(_CONTROL.findall(sample)) / len(sample) > _MAX_CONTROL_SHARE:
        return Decoded(error="binary file (mostly control characters or undecodable bytes), not text")
    return decoded


def _decode(data: bytes) -> Decoded:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return Decoded(data.decode("utf-16"), warnings=["read as UTF-16 (byte order mark)"])
        except UnicodeDecodeError:
            pass
    try:
        return Decoded(data.decode("utf-8-sig"))
    except UnicodeDecodeError as err:
        offset = err.start
    try:
        text = data.decode("cp1252")
        return Decoded(text, warnings=[
            f"not valid UTF-8 (first invalid byte at offset {offset}); "
            "decoded as Windows-1252 (cp1252): check accented letters and quotes"
        ])
    except UnicodeDecodeError:
        text = data.decode("utf-8", errors="replace")
        return Decoded(text, warnings=[
            f"not valid UTF-8 (first invalid byte at offset {offset}) nor Windows-1252; "
            f"{text.count(chr(0xFFFD))} undecodable byte sequence(s) replaced with U+FFFD"
        ])


def decode_html(data: bytes) -> Decoded:
    """Like decode_bytes, but honour a charset the page declares in a <meta> tag."""
    declared = re.search(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", data[:4096], re.I)
    if declared and binary_reason(data) is None:
        name = declared.group(1).decode("ascii")
        try:
            codec = codecs.lookup(name).name
        except LookupError:
            codec = None
        # a tag readable as ASCII cannot be in UTF-16 or -32: the page is in neither (HTML's
        # own rule reads such a page as UTF-8)
        if codec and codec not in ("utf-8", "ascii") and not codec.startswith(("utf-16",
                                                                                 "utf-32")):
            try:
                text = data.decode(codec, errors="replace")
            except (LookupError, UnicodeError, ValueError):
                # a codec that is no character set (base64, zlib, rot13) or that cannot
                # replace what it fails on (idna)
                decoded = decode_bytes(data)
                decoded.warnings.insert(0, f"page declares charset {name}, which is not a "
                                           "text encoding sitrep can read; ignored")
                return decoded
            warnings = []
            if "\ufffd" in text:
                warnings.append(f"page declares charset {name}, but some bytes are not valid "
                                "in it; replaced with U+FFFD")
            return Decoded(text, warnings=warnings)
    return decode_bytes(data)
