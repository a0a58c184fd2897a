"""Finding the weights' bytes inside other bytes: exact runs, and repeating-key XOR.

Exact runs: the 8-byte windows of the weights at every `INDEX_STEP`-th offset are indexed; a
piece is probed every `STRIDE` bytes (coprime to `INDEX_STEP`, so every run of
``INDEX_STEP * STRIDE + GRAM`` bytes or more is hit), and each hit is extended byte-exactly
both ways. A run counts when it is at least `MIN_RUN` bytes long, which random weights never
give by chance, so parts cut anywhere lose nothing measurable.

XOR: a piece XORed with a repeating key of length L (up to `MAX_KEY`) satisfies
``p[i] ^ p[i+L] == w[j] ^ w[j+L]`` wherever it holds weights, whatever the key. Windows of
the weights' difference at spread offsets are searched in the piece's difference; a hit
gives the key, and the piece decoded with it is searched for exact runs like any other.
"""

from __future__ import annotations

from collections.abc import Iterator

GRAM = 8
INDEX_STEP = 4
STRIDE = 31
MIN_RUN = 64
MAX_KEY = 16
PROBES = 16
PROBE_BYTES = 32
MIN_XOR_PIECE = 4096
# Random-looking data has nearly every byte value in a 4 KiB window; text has far fewer.
MIN_DISTINCT_BYTES = 200


class WeightIndex:
    """The weights, indexed to find where their bytes occur in other data.

    Args:
        weights: The original weights.
    """

    def __init__(self, weights: bytes) -> None:
        self.weights = weights
        self._offsets: dict[bytes, int] = {}
        for offset in range(len(weights) - GRAM, -1, -INDEX_STEP):
            self._offsets[weights[offset : offset + GRAM]] = offset
        self._probes = _xor_probes(weights)

    def runs(self, data: bytes) -> list[tuple[int, int]]:
        """Intervals ``[start, end)`` of the weights that occur verbatim in `data`."""
        weights, found = self.weights, []
        position = 0
        while position + GRAM <= len(data):
            offset = self._offsets.get(data[position : position + GRAM])
            if offset is None:
                position += STRIDE
                continue
            back = _common_suffix(data, position, weights, offset)
            ahead = _common_prefix(data, position, weights, offset)
            if back + ahead >= MIN_RUN:
                found.append((offset - back, offset + ahead))
                position += max(ahead, 1)
            else:
                position += STRIDE
        return found

    def xor_decoded(self, data: bytes) -> Iterator[tuple[str, bytes]]:
        """`data` decoded with the repeating XOR key that turns part of it into the weights
        (nothing when no key up to `MAX_KEY` bytes does)."""
        if len(data) < MIN_XOR_PIECE or not _random_looking(data):
            return
        for length, probes in self._probes.items():
            difference = _xor(data[length:], data[:-length])
            for offset, probe in probes:
                at = difference.find(probe)
                if at < 0:
                    continue
                key = _xor(data[at : at + length], self.weights[offset : offset + length])
                if any(key):
                    phase = (-at) % length
                    rotated = key[phase:] + key[:phase]
                    stream = (rotated * (len(data) // length + 1))[: len(data)]
                    yield f"xor key {key.hex()}", _xor(data, stream)
                return


def covered_bytes(intervals: list[tuple[int, int]]) -> int:
    """Bytes covered by the union of ``[start, end)`` intervals."""
    total, reach = 0, 0
    for start, end in sorted(intervals):
        start = max(start, reach)
        if end > start:
            total += end - start
            reach = end
    return total


def _xor_probes(weights: bytes) -> dict[int, list[tuple[int, bytes]]]:
    """For each key length, windows of the weights' difference at spread offsets."""
    probes: dict[int, list[tuple[int, bytes]]] = {}
    span = len(weights) - MAX_KEY - PROBE_BYTES
    if span <= 0:
        return probes
    offsets = [span * index // PROBES for index in range(PROBES)]
    for length in range(1, MAX_KEY + 1):
        difference = _xor(weights[length:], weights[:-length])
        probes[length] = [(o, difference[o : o + PROBE_BYTES]) for o in offsets]
    return probes


def _random_looking(data: bytes) -> bool:
    middle = len(data) // 2
    windows = (data[:4096], data[middle : middle + 4096], data[-4096:])
    return any(len(set(window)) >= MIN_DISTINCT_BYTES for window in windows)


def _xor(a: bytes, b: bytes) -> bytes:
    size = min(len(a), len(b))
    value = int.from_bytes(a[:size], "big") ^ int.from_bytes(b[:size], "big")
    return value.to_bytes(size, "big")


def _common_prefix(a: bytes, a_at: int, b: bytes, b_at: int) -> int:
    """Length of the longest common run of `a` from `a_at` and `b` from `b_at`."""
    low, high = 0, min(len(a) - a_at, len(b) - b_at)
    if a[a_at : a_at + high] == b[b_at : b_at + high]:
        return high
    while low < high:
        middle = (low + high + 1) // 2
        if a[a_at : a_at + middle] == b[b_at : b_at + middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _common_suffix(a: bytes, a_end: int, b: bytes, b_end: int) -> int:
    """Length of the longest common run of `a` ending at `a_end` and `b` ending at `b_end`."""
    low, high = 0, min(a_end, b_end)
    if a[a_end - high : a_end] == b[b_end - high : b_end]:
        return high
    while low < high:
        middle = (low + high + 1) // 2
        if a[a_end - middle : a_end] == b[b_end - middle : b_end]:
            low = middle
        else:
            high = middle - 1
    return low
