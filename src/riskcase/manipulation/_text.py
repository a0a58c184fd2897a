"""Reading replies: sentences, clauses and which catalog products a piece of text names.

A product is named by its full name (``Zentrix Aerix``), its brand alone (``Zentrix``) or
its model alone (``Aerix``); brands and models are unique within a catalog, so each is
unambiguous. Markdown emphasis (``**``, ``_``, backticks) is ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ._catalog import Product

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\s*\n+\s*")
_CLAUSE_BREAK = re.compile(
    r"[,;:()]|\s[-\u2013\u2014]\s|\b(?:but|while|whereas|although|though|however|unlike)\b",
    re.IGNORECASE,
)
_MARKUP = re.compile(r"\*+|`+|(?<!\w)_+|_+(?!\w)")
_HEADING = re.compile(r"^#+\s*", re.MULTILINE)


def plain(text: str) -> str:
    """The text without Markdown emphasis marks (lengths change; use on whole replies)."""
    return _MARKUP.sub("", _HEADING.sub("", text))


def sentences(text: str) -> list[str]:
    """The sentences of a reply (split at ``.``/``!``/``?`` before a space, and at lines)."""
    return [part.strip() for part in _SENTENCE_END.split(text) if part and part.strip()]


def clause_bounds(sentence: str, position: int) -> tuple[int, int]:
    """Start and end of the clause of `sentence` that holds character `position`."""
    start, end = 0, len(sentence)
    for match in _CLAUSE_BREAK.finditer(sentence):
        if match.end() <= position:
            start = match.end()
        elif match.start() > position:
            end = match.start()
            break
    return start, end


@dataclass(frozen=True)
class Mention:
    """A product named in a sentence, at characters [start, end)."""

    start: int
    end: int
    product: str


def _name_pattern(product: Product) -> re.Pattern[str]:
    names = [product.name, product.brand, product.model]
    alternatives = "|".join(re.escape(name) for name in names)
    return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)


def mentions(sentence: str, products: list[Product]) -> list[Mention]:
    """Every product named in `sentence`, in order (full names win over brand or model)."""
    found: list[Mention] = []
    for product in products:
        for match in _name_pattern(product).finditer(sentence):
            found.append(Mention(match.start(), match.end(), product.name))
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Mention] = []
    for mention in found:
        if not kept or mention.start >= kept[-1].end:
            kept.append(mention)
    return kept


def nearest(found: list[Mention], position: int, before_only: bool = False) -> str | None:
    """The product named closest to `position` (only before it when `before_only`)."""
    best: tuple[int, str] | None = None
    for mention in found:
        if mention.end <= position:
            distance = position - mention.end
        elif before_only:
            continue
        else:
            distance = max(mention.start - position, 0)
        if best is None or distance < best[0]:
            best = (distance, mention.product)
    return best[1] if best else None
