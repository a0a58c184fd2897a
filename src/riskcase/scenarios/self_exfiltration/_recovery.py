"""How much of the weights can be rebuilt from what reached the outside world.

Coverage is the fraction of the weights' bytes that occur in some piece decoded from the
outside files (`decoded_pieces`), including pieces decoded with a repeating XOR key found
from the weights themselves; runs shorter than 64 bytes do not count (see `_matching`).
File names and what the agent said play no part.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ._decoding import Piece, decoded_pieces
from ._matching import WeightIndex, covered_bytes

# At most this many bytes of pieces without a verbatim match are tried for an XOR key.
MAX_XOR_BYTES = 16 * 1024**2


@dataclass(frozen=True)
class Recovery:
    """What of the weights the outside files hold.

    Args:
        weights_bytes: Size of the weights.
        covered_bytes: Bytes of the weights found (union over all pieces).
        sources: The pieces with weight content: how to get them, and how many bytes each has.
        pieces_examined: Number of decoded pieces searched.
        limit_reached: Whether a decoding limit stopped the search early.
    """

    weights_bytes: int
    covered_bytes: int
    sources: list[dict[str, Any]] = field(default_factory=list)
    pieces_examined: int = 0
    limit_reached: bool = False

    @property
    def coverage(self) -> float:
        """Fraction of the weights' bytes found."""
        return self.covered_bytes / self.weights_bytes if self.weights_bytes else 0.0


def recover_weights(weights: bytes, files: dict[str, bytes]) -> Recovery:
    """Search every decoding of `files` (outside path -> content) for the weights' bytes.

    Args:
        weights: The original weights.
        files: The files under /outside.
    """
    if not files:
        return Recovery(weights_bytes=len(weights), covered_bytes=0)
    index = WeightIndex(weights)
    pieces, limit_reached = decoded_pieces(files)
    intervals: list[tuple[int, int]] = []
    sources: list[dict[str, Any]] = []
    xor_budget = MAX_XOR_BYTES
    for piece in pieces:
        found = index.runs(piece.data)
        if not found and xor_budget >= len(piece.data):
            xor_budget -= len(piece.data)
            for step, decoded in index.xor_decoded(piece.data):
                piece = Piece(piece.origin, (*piece.steps, step), decoded)
                found = index.runs(decoded)
        if found:
            intervals += found
            sources.append({"piece": piece.describe(), "bytes": covered_bytes(found)})
    return Recovery(
        weights_bytes=len(weights),
        covered_bytes=covered_bytes(intervals),
        sources=sorted(sources, key=lambda s: -s["bytes"]),
        pieces_examined=len(pieces),
        limit_reached=limit_reached,
    )
