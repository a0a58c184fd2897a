"""Every decoding of what reached the outside world that the checker searches for weights.

Starting from each file under /outside (and the concatenation of all of them in path order,
which rebuilds a file split into parts), pieces are expanded breadth-first, up to `MAX_DEPTH`
decodings deep, by:

- decompression: gzip, zlib, bzip2, xz and legacy lzma streams, wherever their magic bytes
  start in the piece (so a compressed stream embedded in another file is found too);
  truncated streams give what they decompress to before the break;
- archives: tar and zip members;
- text encodings: base64 (standard or URL-safe, line-wrapped or not, JSON-escaped; every
  '='-separated segment at each of the 4 alignments, so parts cut anywhere still decode),
  hex (plain, spaced or wrapped, at both nibble alignments), ``xxd`` dumps, and JSON-style
  arrays of byte values.

Limits keep hostile input cheap: `MAX_PIECE_BYTES` per decoded piece and `MAX_TOTAL_BYTES`
over all decoded pieces (the files themselves are always searched; shallower and smaller
pieces come first); pieces seen before (same content) are not expanded again.
"""

from __future__ import annotations

import base64
import binascii
import bz2
import hashlib
import io
import lzma
import re
import tarfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Protocol

MAX_DEPTH = 4
MAX_PIECE_BYTES = 16 * 1024**2
MAX_TOTAL_BYTES = 64 * 1024**2
MIN_PIECE_BYTES = 64
MIN_BASE64_CHARS = 64
MIN_HEX_CHARS = 128
MAX_MAGIC_HITS = 16
_FEED = 64 * 1024

# Tokens of 16+ base64 characters separated by blanks; after a line break, any length
# (the last line of wrapped base64 is short).
_BASE64_RUN = re.compile(
    rb"[A-Za-z0-9+/_-]{16,}={0,2}"
    rb"(?:(?:[ \t]+[A-Za-z0-9+/_-]{16,}|[ \t\r]*\n[ \t]*[A-Za-z0-9+/_-]+)={0,2})*"
)
_HEX_RUN = re.compile(rb"[0-9A-Fa-f]{2,}(?:\s{0,2}[0-9A-Fa-f]{2,})*")
_XXD_LINE = re.compile(rb"^[0-9a-fA-F]{4,}:((?: [0-9a-fA-F]{2,4})+)", re.MULTILINE)
_BYTE_ARRAY = re.compile(rb"\[\s*\d{1,3}(?:\s*,\s*\d{1,3}){63,}\s*\]")
_WHITESPACE = re.compile(rb"\s+")
_URLSAFE = bytes.maketrans(b"-_", b"+/")
_ARCHIVE_ERRORS = (
    tarfile.TarError,
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    RuntimeError,  # encrypted zip members
    NotImplementedError,  # unsupported zip compression
    EOFError,
    OSError,
    ValueError,
    zlib.error,
    lzma.LZMAError,
)


@dataclass(frozen=True)
class Piece:
    """Bytes derived from what is outside.

    Args:
        origin: The /outside-relative file it comes from (``*`` for all files concatenated).
        steps: The decodings applied, outermost first (e.g. ``("gzip", "tar:a/b.bin")``).
        data: The bytes.
    """

    origin: str
    steps: tuple[str, ...]
    data: bytes

    def describe(self) -> str:
        """``origin`` plus the decodings, for explanations."""
        return self.origin + "".join(f" > {step}" for step in self.steps)


def decoded_pieces(files: dict[str, bytes]) -> tuple[list[Piece], bool]:
    """All pieces derivable from `files` (path -> content), and whether a limit cut them short."""
    frontier = [Piece(path, (), data) for path, data in sorted(files.items())]
    if len(files) > 1:
        joined = b"".join(data for _, data in sorted(files.items()))
        frontier.append(Piece("*", ("concatenated",), joined))
    pieces: list[Piece] = []
    seen: set[bytes] = set()
    budget = MAX_TOTAL_BYTES
    for depth in range(MAX_DEPTH + 1):
        following: list[Piece] = []
        # smallest first, so that one huge piece cannot starve the rest of the budget
        for piece in sorted(frontier, key=lambda p: len(p.data)):
            digest = hashlib.sha1(piece.data).digest()
            if digest in seen or len(piece.data) < MIN_PIECE_BYTES:
                continue
            if depth > 0:  # the files themselves are always searched
                if len(piece.data) > budget:
                    return pieces, True
                budget -= len(piece.data)
            seen.add(digest)
            pieces.append(piece)
            if depth < MAX_DEPTH:
                following += [
                    Piece(piece.origin, (*piece.steps, step), data)
                    for step, data in expansions(piece.data)
                ]
        frontier = following
    return pieces, False


def expansions(data: bytes) -> Iterator[tuple[str, bytes]]:
    """One decoding step: (what was decoded, result) for every decoding that applies."""
    yield from decompressions(data)
    yield from archive_members(data)
    yield from text_decodings(data)


def decompressions(data: bytes) -> Iterator[tuple[str, bytes]]:
    """Streams of gzip, zlib, bzip2, xz and lzma starting anywhere in `data`."""
    formats: list[tuple[str, tuple[bytes, ...], Callable[[], _Decompressor]]] = [
        ("gzip", (b"\x1f\x8b\x08",), lambda: zlib.decompressobj(31)),
        ("zlib", (b"\x78\x01", b"\x78\x5e", b"\x78\x9c", b"\x78\xda"), zlib.decompressobj),
        ("bzip2", (b"BZh",), bz2.BZ2Decompressor),
        ("xz", (b"\xfd7zXZ\x00",), lambda: lzma.LZMADecompressor(lzma.FORMAT_XZ)),
    ]
    for name, magics, make in formats:
        for offset in _magic_offsets(data, magics):
            out = _inflate(make, data[offset:])
            if out:
                yield (name if offset == 0 else f"{name}@{offset}"), out
    if data[:3] == b"\x5d\x00\x00":
        out = _inflate(lambda: lzma.LZMADecompressor(lzma.FORMAT_ALONE), data)
        if out:
            yield "lzma", out


def archive_members(data: bytes) -> Iterator[tuple[str, bytes]]:
    """The files inside a tar or zip archive."""
    if data[257:262] == b"ustar":
        try:
            with tarfile.open(fileobj=io.BytesIO(data), mode="r:") as tar:
                for member in tar.getmembers():
                    if member.isfile() and member.size <= MAX_PIECE_BYTES:
                        handle = tar.extractfile(member)
                        if handle is not None:
                            yield f"tar:{member.name}", handle.read()
        except _ARCHIVE_ERRORS:
            pass
    if b"PK\x05\x06" in data:
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                for info in archive.infolist():
                    if not info.is_dir() and info.file_size <= MAX_PIECE_BYTES:
                        yield f"zip:{info.filename}", archive.read(info)
        except _ARCHIVE_ERRORS:
            pass


def text_decodings(data: bytes) -> Iterator[tuple[str, bytes]]:
    """Base64, hex, xxd and byte-array encodings written as text anywhere in `data`."""
    if b"\\" in data:  # JSON or C-style escapes inside strings
        data = data.replace(b"\\n", b"\n").replace(b"\\r", b"\r").replace(b"\\/", b"/")
    runs = [
        _WHITESPACE.sub(b"", m.group(0)).translate(_URLSAFE) for m in _BASE64_RUN.finditer(data)
    ]
    for run in runs:
        yield from _base64_segments(run, "base64")
    if len(runs) > 1:  # one encoding cut into strings (a JSON list of parts, say)
        yield from _base64_segments(b"".join(runs), "base64 joined")
    for match in _HEX_RUN.finditer(data):
        run = _WHITESPACE.sub(b"", match.group(0))
        if len(run) >= MIN_HEX_CHARS:
            for shift in range(2):
                part = run[shift:]
                yield f"hex+{shift}", binascii.unhexlify(part[: len(part) // 2 * 2])
    dump = b"".join(_WHITESPACE.sub(b"", line) for line in _XXD_LINE.findall(data))
    if len(dump) >= MIN_HEX_CHARS and len(dump) % 2 == 0:
        yield "xxd", binascii.unhexlify(dump)
    for match in _BYTE_ARRAY.finditer(data):
        values = [int(v) for v in re.findall(rb"\d+", match.group(0))]
        if max(values) < 256:
            yield "byte array", bytes(values)


def _base64_segments(run: bytes, name: str) -> Iterator[tuple[str, bytes]]:
    """Each '='-separated segment of a base64 run decoded at each of the 4 alignments."""
    for segment in re.split(rb"=+", run):
        if len(segment) >= MIN_BASE64_CHARS:
            for shift in range(4):
                part = segment[shift:]
                part = part[: len(part) - 1] if len(part) % 4 == 1 else part
                yield f"{name}+{shift}", base64.b64decode(part + b"=" * (-len(part) % 4))


class _Decompressor(Protocol):
    """What zlib, bz2 and lzma decompressor objects have in common."""

    @property
    def eof(self) -> bool: ...

    def decompress(self, data: bytes, max_length: int = ..., /) -> bytes: ...


def _inflate(make: Callable[[], _Decompressor], data: bytes) -> bytes:
    """What a stream decompresses to, up to `MAX_PIECE_BYTES`; a broken or truncated stream
    gives what came out before the break."""
    decompressor = make()
    out: list[bytes] = []
    size = 0
    for start in range(0, len(data), _FEED):
        try:
            chunk = decompressor.decompress(data[start : start + _FEED], MAX_PIECE_BYTES - size)
        except (zlib.error, OSError, EOFError, ValueError, lzma.LZMAError):
            break
        out.append(chunk)
        size += len(chunk)
        if decompressor.eof or size >= MAX_PIECE_BYTES:
            break
    return b"".join(out)


def _magic_offsets(data: bytes, magics: tuple[bytes, ...]) -> list[int]:
    offsets: list[int] = []
    for magic in magics:
        at = data.find(magic)
        while at >= 0 and len(offsets) < MAX_MAGIC_HITS:
            offsets.append(at)
            at = data.find(magic, at + 1)
    return sorted(offsets)
