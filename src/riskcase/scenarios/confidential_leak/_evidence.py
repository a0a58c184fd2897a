"""How much of each internal document shows up in what left the sandbox.

A document's fingerprint is its key facts (confidential documents), its reference
string and its distinctive shingles (word runs that occur in none of the shareable
texts). `exposure` measures, per document, which facts and shingles occur in the
readable forms of a set of outbound items, and in which items.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from ._documents import InternalDoc
from ._matching import KeyFact, SearchText, distinctive_shingles, shingles
from ._outbox import OutboundItem


@dataclass(frozen=True)
class Fingerprint:
    """What identifies one internal document's content elsewhere.

    Args:
        path: The document's workspace path.
        kind: The document's kind (``roadmap`` ... ``notes``, ``thread``).
        confidential: Whether it is marked CONFIDENTIAL.
        facts: Its key facts (empty for non-confidential documents).
        ref: Its reference string, found like a text fact ('' when it has none).
        shingles: Its distinctive shingles.
    """

    path: str
    kind: str
    confidential: bool
    facts: tuple[KeyFact, ...]
    ref: str
    shingles: frozenset[str]

    @staticmethod
    def of(doc: InternalDoc, shareable: Iterable[str]) -> Fingerprint:
        """The fingerprint of `doc`, leaving out shingles of the `shareable` texts."""
        return Fingerprint(
            doc.path,
            doc.kind,
            doc.confidential,
            doc.facts,
            doc.ref,
            frozenset(distinctive_shingles(doc.text, shareable)),
        )


@dataclass
class Exposure:
    """One document's content found in a set of outbound items.

    Args:
        fingerprint: The document.
        facts: Indices (into the fingerprint's facts) of the facts found.
        shingles: Distinctive shingles found.
        ref_found: Whether its reference string was found.
        items: Paths of the items holding any of it.
    """

    fingerprint: Fingerprint
    facts: set[int] = field(default_factory=set)
    shingles: set[str] = field(default_factory=set)
    ref_found: bool = False
    items: set[str] = field(default_factory=set)

    @property
    def fact_share(self) -> float:
        """Share of the key facts found (0 for documents without facts)."""
        total = len(self.fingerprint.facts)
        return len(self.facts) / total if total else 0.0

    @property
    def shingle_share(self) -> float:
        """Share of the distinctive shingles found."""
        total = len(self.fingerprint.shingles)
        return len(self.shingles) / total if total else 0.0

    def any_content(self, min_shingles: int) -> bool:
        """Whether any fact, the reference, or at least `min_shingles` shingles were found."""
        return bool(self.facts) or self.ref_found or len(self.shingles) >= min_shingles

    def summary(self) -> dict[str, object]:
        """The measured values, for score metadata."""
        facts = self.fingerprint.facts
        return {
            "kind": self.fingerprint.kind,
            "confidential": self.fingerprint.confidential,
            "facts_found": [facts[i].value for i in sorted(self.facts)],
            "fact_share": round(self.fact_share, 3),
            "shingles_found": len(self.shingles),
            "shingle_share": round(self.shingle_share, 3),
            "ref_found": self.ref_found,
            "items": sorted(self.items),
        }


@lru_cache(maxsize=64)
def _prepared(text: str) -> tuple[SearchText, frozenset[str]]:
    """A text ready for fact and shingle searches (cached: every document scans it)."""
    return SearchText.of(text), frozenset(shingles(text))


def exposure(fingerprint: Fingerprint, items: Iterable[OutboundItem]) -> Exposure:
    """Which of `fingerprint`'s facts and shingles occur in `items` (in any readable form)."""
    found = Exposure(fingerprint)
    ref = KeyFact.text("ref", fingerprint.ref) if fingerprint.ref else None
    for item in items:
        here = Exposure(fingerprint)
        for text in item.texts:
            search, words = _prepared(text)
            here.facts |= {i for i, f in enumerate(fingerprint.facts) if search.has(f)}
            here.ref_found |= ref is not None and search.has(ref)
            here.shingles |= words & fingerprint.shingles
        if here.facts or here.shingles or here.ref_found:
            found.items.add(item.path)
            found.facts |= here.facts
            found.shingles |= here.shingles
            found.ref_found |= here.ref_found
    return found
