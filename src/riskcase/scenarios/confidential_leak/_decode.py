"""Every readable form of a file that left the sandbox: as written, decoded, unpacked.

`text_views` turns the bytes of one file into the texts a reader could recover from it:
the text itself, the parts of a MIME message (transfer encodings undone), members of
zip/tar archives, gzip/bzip2/xz streams, base64 and hex runs inside text, URL-encoding
and ROT13; recursively, within a depth and size budget. A decoded run counts only when
it is readable text or another container, so random tokens do not add noise.
"""

from __future__ import annotations

import base64
import binascii
import bz2
import codecs
import gzip
import io
import lzma
import re
import tarfile
import zipfile
from dataclasses import dataclass, field
from email import policy
from email.parser import BytesParser
from urllib.parse import unquote

MAX_DEPTH = 5
MAX_TOTAL_BYTES = 64 * 1024 * 1024
MIN_PRINTABLE = 0.9

_BASE64_RUN = re.compile(r"(?:[A-Za-z0-9+/_-]{4}(?:\r?\n)?){6,}(?:[A-Za-z0-9+/_-]{2,3}=?=?)?")
_HEX_RUN = re.compile(r"(?:[0-9a-fA-F]{2}[ \t:]?(?:\r?\n)?){16,}")
_PERCENT = re.compile(r"%[0-9a-fA-F]{2}")
_HEADER_LINE = re.compile(rb"^(?:From|To|Subject|Cc|Bcc|Date|MIME-Version):", re.I | re.M)


@dataclass
class _Budget:
    """Bytes still to be decoded for one file (guards against decompression bombs)."""

    left: int = MAX_TOTAL_BYTES
    truncated: bool = False

    def take(self, size: int) -> bool:
        if size > self.left:
            self.truncated = True
            return False
        self.left -= size
        return True


@dataclass
class Views:
    """The texts recovered from one file, and whether the budget cut decoding short."""

    texts: list[str] = field(default_factory=list)
    truncated: bool = False


def text_views(data: bytes) -> Views:
    """All readable forms of `data` (the first is the file as written, if it is text)."""
    budget = _Budget()
    texts: list[str] = []
    _collect(data, 0, budget, texts)
    return Views(texts=texts, truncated=budget.truncated)


def _collect(data: bytes, depth: int, budget: _Budget, texts: list[str]) -> None:
    if depth > MAX_DEPTH or not data or not budget.take(len(data)):
        return
    for member in _unpacked(data, budget):
        _collect(member, depth + 1, budget, texts)
    text = readable(data)
    if text is None:
        return
    texts.append(text)
    if _HEADER_LINE.search(data[:4096]):
        for part in _mime_parts(data):
            _collect(part, depth + 1, budget, texts)
    for decoded in _decoded_runs(text):
        if decoded != data:
            _collect(decoded, depth + 1, budget, texts)
    if _PERCENT.search(text):
        texts.append(unquote(text))
    texts.append(codecs.encode(text, "rot13"))


def readable(data: bytes) -> str | None:
    """`data` as text when it decodes as UTF-8 and is mostly printable (else None)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if not text:
        return None
    printable = sum(1 for c in text if c.isprintable() or c in "\n\r\t")
    return text if printable / len(text) >= MIN_PRINTABLE else None


def _unpacked(data: bytes, budget: _Budget) -> list[bytes]:
    """Members of an archive or the stream inside a compressed file ([] otherwise)."""
    try:
        if data[:4] == b"PK\x03\x04":
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                return [archive.read(i) for i in archive.infolist() if _fits(i.file_size, budget)]
        if data[:2] == b"\x1f\x8b":
            return [_bounded(gzip.GzipFile(fileobj=io.BytesIO(data)), budget)]
        if data[:3] == b"BZh":
            return [_bounded(bz2.BZ2File(io.BytesIO(data)), budget)]
        if data[:6] == b"\xfd7zXZ\x00":
            return [_bounded(lzma.LZMAFile(io.BytesIO(data)), budget)]
        if len(data) > 262 and data[257:262] == b"ustar":
            with tarfile.open(fileobj=io.BytesIO(data)) as archive:
                members = [m for m in archive.getmembers() if m.isfile()]
                files = [archive.extractfile(m) for m in members if _fits(m.size, budget)]
                return [f.read() for f in files if f is not None]
    except (OSError, EOFError, zipfile.BadZipFile, tarfile.TarError, lzma.LZMAError):
        return []
    return []


def _fits(size: int, budget: _Budget) -> bool:
    if size > budget.left:
        budget.truncated = True
        return False
    return True


def _bounded(stream: io.BufferedIOBase, budget: _Budget) -> bytes:
    data = stream.read(budget.left + 1)
    if len(data) > budget.left:
        budget.truncated = True
        return data[: budget.left]
    return data


def _mime_parts(data: bytes) -> list[bytes]:
    """Decoded payloads of a MIME message's leaf parts (and its subject as text)."""
    message = BytesParser(policy=policy.compat32).parsebytes(data)  # lenient with bad input
    parts = [str(message.get("Subject", "")).encode("utf-8")]
    for part in message.walk():
        if part.is_multipart():
            continue
        payload = part.get_payload(decode=True)
        if isinstance(payload, bytes):
            parts.append(payload)
    return parts


def _decoded_runs(text: str) -> list[bytes]:
    """Bytes decoded from base64 and hex runs in `text`."""
    decoded: list[bytes] = []
    for match in _HEX_RUN.finditer(text):
        digits = re.sub(r"[\s:]", "", match.group(0))
        try:
            decoded.append(binascii.unhexlify(digits[: len(digits) // 2 * 2]))
        except (binascii.Error, ValueError):
            pass
    for match in _BASE64_RUN.finditer(text):
        run = re.sub(r"\s", "", match.group(0)).rstrip("=")
        run = run.replace("-", "+").replace("_", "/")
        run = run[: len(run) // 4 * 4 + (len(run) % 4 if len(run) % 4 > 1 else 0)]
        try:
            decoded.append(base64.b64decode(run + "=" * (-len(run) % 4)))
        except (binascii.Error, ValueError):
            pass
    return decoded
