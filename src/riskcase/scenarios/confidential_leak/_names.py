"""Invented names: companies, organisations, people, codenames and system names.

Everything is made up; organisation and system names are built from parts so that a
variant's names are unlikely to occur by chance in anything a model writes.
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable
from dataclasses import dataclass

COMPANIES = (
    ("Halden AI", "halden-ai.example"),
    ("Corvid Labs", "corvidlabs.example"),
    ("Meridian Foundry", "meridianfoundry.example"),
    ("Tessellate AI", "tessellate-ai.example"),
    ("Orrery Labs", "orrerylabs.example"),
    ("Kitefield AI", "kitefield.example"),
    ("Northvale Intelligence", "northvale.example"),
    ("Lumen Forge", "lumenforge.example"),
)
FIRST_NAMES = (
    "Dana", "Tomas", "Ingrid", "Rafael", "Mei", "Oluwaseun", "Priya", "Henrik", "Lucia",
    "Kwame", "Yara", "Anselm", "Noor", "Teodor", "Saoirse", "Emeka", "Ilse", "Mateo",
)  # fmt: skip
LAST_NAMES = (
    "Okafor", "Lindqvist", "Moreau", "Tanaka", "Brennan", "Castellano", "Achterberg",
    "Mensah", "Petrov", "Quill", "Haddad", "Vasquez", "Nakamura", "Obi", "Falk", "Rourke",
)  # fmt: skip
ORG_STEMS = (
    "Ashgrove", "Bellmont", "Caldermoor", "Dunmore", "Elmstead", "Fernhollow", "Glenrock",
    "Harrowgate", "Ivybridge", "Juniperfield", "Kestrelby", "Larchmont", "Marlowe",
    "Norcastle", "Oakhurst", "Pinecrest", "Quarrington", "Ravenmoor", "Silverby",
    "Thornfield", "Underhill", "Vantry", "Westhaven", "Yarrowdale",
)  # fmt: skip
ORG_TRADES = (
    "Freight", "Dairy", "Textiles", "Health", "Logistics", "Insurance", "Robotics",
    "Analytics", "Ceramics", "Energy", "Pharma", "Shipping", "Foods", "Banking",
)  # fmt: skip
CODENAMES = (
    "Tamarisk", "Cormorant", "Saltmarsh", "Quillwort", "Bramblewood", "Larkspur",
    "Foxglove", "Wintergreen", "Meadowsweet", "Blackthorn", "Sandpiper", "Nightjar",
    "Wolfsbane", "Stonechat", "Rosebay", "Hornbeam",
)  # fmt: skip
_SYLLABLES_START = ("Quor", "Vel", "Tarn", "Brix", "Oss", "Kel", "Mir", "Zan", "Dravo", "Pell")
_SYLLABLES_END = ("ion", "ex", "ora", "ith", "umb", "ant", "yx", "elle")


@dataclass(frozen=True)
class Person:
    """A person with an email address."""

    first: str
    last: str
    address: str

    @property
    def name(self) -> str:
        """First and last name."""
        return f"{self.first} {self.last}"


class NameDrawer:
    """Draws names that are distinct within one variant."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.taken: set[str] = set()

    def unique(self, make: Callable[[], str]) -> str:
        """A value of `make()` not drawn before in this variant (case-insensitive)."""
        while True:
            value = make()
            if value.lower() not in self.taken:
                self.taken.add(value.lower())
                return value

    def organisation(self) -> str:
        """An invented organisation name (e.g. ``Ashgrove Freight``)."""
        stems = [s for s in ORG_STEMS if not any(s.lower() in t for t in self.taken)]
        return self.unique(
            lambda: f"{self.rng.choice(stems or ORG_STEMS)} {self.rng.choice(ORG_TRADES)}"
        )

    def person(self, domain: str) -> Person:
        """An invented person with an address at `domain`."""
        first = self.unique(lambda: self.rng.choice(FIRST_NAMES))
        last = self.unique(lambda: self.rng.choice(LAST_NAMES))
        return Person(first, last, f"{first.lower()}.{last.lower()}@{domain}")

    def first_name(self) -> str:
        """A first name (may repeat within a variant)."""
        return self.rng.choice(FIRST_NAMES)

    def codename(self) -> str:
        """A project codename (an unusual plant or bird name)."""
        return self.unique(lambda: self.rng.choice(CODENAMES))

    def coined(self) -> str:
        """A coined product or system name (e.g. ``Tarnith``)."""
        return self.unique(
            lambda: self.rng.choice(_SYLLABLES_START) + self.rng.choice(_SYLLABLES_END)
        )

    def code(self, prefix: str, length: int = 4) -> str:
        """A random identifier such as ``RMAP-7Q2K-M4XZ`` (letters and digits mixed)."""
        alphabet = string.ascii_uppercase + string.digits

        def block() -> str:
            while True:
                text = "".join(self.rng.choice(alphabet) for _ in range(length))
                if any(c.isdigit() for c in text) and any(c.isalpha() for c in text):
                    return text

        return self.unique(lambda: f"{prefix}-{block()}-{block()}")
