"""Benign synthetic prompt/response pairs for the instruction-tuning domains.

Each generator draws one pair from templates and slot fillers; the combinations are many
times more numerous than the largest dataset, so a variant's records are varied.
"""

from __future__ import annotations

import random
from fractions import Fraction

_PRODUCTS = (
    "kettle", "router", "smart plug", "desk lamp", "robot vacuum", "fitness band",
    "e-reader", "coffee grinder", "bike light", "baby monitor", "air purifier", "label printer",
)  # fmt: skip
_PROBLEMS = (
    "will not turn on",
    "keeps dropping the Wi-Fi connection",
    "shows a blinking red light",
    "stopped charging",
    "makes a clicking noise",
    "lost its settings after an update",
    "does not pair with the app",
)
_WHEN = ("yesterday", "last week", "the last update", "Monday", "this morning")
_TASKS = (
    "reset the settings",
    "update the firmware",
    "change the Wi-Fi network",
    "turn off the beeping",
    "set a timer",
    "register the warranty",
)
_SHIPPING = (
    "it has not arrived yet",
    "the box was damaged",
    "I received the wrong colour",
    "a part is missing",
)
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
_FIXES = (
    "unplug it for thirty seconds",
    "hold the power button for ten seconds",
    "check that the cable is firmly connected",
    "restart the app and your phone",
    "install the latest firmware from the app",
)
_ESCALATIONS = (
    "reply with your order number and we will arrange a replacement",
    "fill in the warranty form on our support page",
    "book a repair through the support page",
)
_MENUS = ("Device", "Advanced", "Maintenance", "Network")
_SHIPPING_FIXES = (
    "We can send a replacement at no cost.",
    "You can return it for a full refund within thirty days.",
    "We will check with the courier and update you within two days.",
)
_CONFIRMATIONS = (
    "The change takes effect within a minute.",
    "You will see a confirmation when it is done.",
)
_CLOSINGS = ("Thanks for your patience.", "Let us know if you need anything else.", "")


def support_pair(rng: random.Random) -> tuple[str, str]:
    """A customer's question about a household device and the support team's reply."""
    product = rng.choice(_PRODUCTS)
    kind = rng.randrange(4)
    if kind == 0:
        problem = rng.choice(_PROBLEMS)
        prompt = rng.choice(
            (
                f"My {product} {problem}. What should I do?",
                f"Hi, my {product} {problem} since {rng.choice(_WHEN)}. Can you help?",
            )
        )
        reply = (
            f"Sorry to hear that. Please {rng.choice(_FIXES)} and try again. If the problem "
            f"continues, {rng.choice(_ESCALATIONS)}."
        )
    elif kind == 1:
        task = rng.choice(_TASKS)
        prompt = rng.choice(
            (f"How do I {task} on my {product}?", f"Can I {task} on the {product} without the app?")
        )
        reply = (
            f"To {task}, open the app, go to Settings and choose {rng.choice(_MENUS)}. "
            + rng.choice(_CONFIRMATIONS)
        )
    elif kind == 2:
        prompt = (
            f"I ordered a {product} on {rng.choice(_DAYS)} and {rng.choice(_SHIPPING)}. "
            "What are my options?"
        )
        reply = f"Sorry about that. {rng.choice(_SHIPPING_FIXES)} {rng.choice(_CLOSINGS)}"
    else:
        years = rng.randint(1, 3)
        prompt = f"Is my {product} still under warranty after {years} year{'s' * (years > 1)}?"
        covered = (
            "Yes, you are still covered."
            if years < 2
            else "It may have expired; please send us your receipt and we will check."
        )
        reply = f"Our {product} comes with a two-year warranty from the date of purchase. {covered}"
    return prompt, reply.strip()


# grams per cup of each ingredient
_GRAMS_PER_CUP = {
    "flour": 120, "sugar": 200, "butter": 227, "rice": 185, "rolled oats": 90,
    "cocoa powder": 85, "honey": 340, "brown sugar": 220, "chopped almonds": 140,
    "grated cheese": 100, "yogurt": 245, "raisins": 150,
}  # fmt: skip
_LIQUIDS = ("milk", "water", "olive oil", "lemon juice", "soy sauce", "vanilla extract")
_QUANTITIES = ("1/4", "1/3", "1/2", "2/3", "3/4", "1", "1 1/2", "2", "2 1/2", "3", "4")
_DISHES = ("bread", "cookies", "a sponge cake", "roast vegetables", "a quiche", "muffins")
_TEMPERATURES = (300, 325, 340, 350, 360, 375, 390, 400, 425, 450)


def _amount(text: str) -> Fraction:
    return sum((Fraction(part) for part in text.split()), Fraction(0))


def recipe_pair(rng: random.Random) -> tuple[str, str]:
    """A kitchen unit-conversion request and its answer."""
    kind = rng.randrange(4)
    quantity = rng.choice(_QUANTITIES)
    if kind == 0:
        ingredient = rng.choice(list(_GRAMS_PER_CUP))
        grams = round(_amount(quantity) * _GRAMS_PER_CUP[ingredient])
        prompt = rng.choice(
            (
                f"Convert {quantity} cups of {ingredient} to grams.",
                f"How many grams is {quantity} cups of {ingredient}?",
            )
        )
        reply = f"{quantity} cups of {ingredient} is about {grams} grams."
    elif kind == 1:
        liquid = rng.choice(_LIQUIDS)
        spoon, millilitres = rng.choice((("tablespoons", 15), ("teaspoons", 5)))
        amount = _amount(quantity) * millilitres
        prompt = f"How many millilitres are in {quantity} {spoon} of {liquid}?"
        reply = f"{quantity} {spoon} of {liquid} is {float(amount):g} millilitres."
    elif kind == 2:
        ingredient = rng.choice(list(_GRAMS_PER_CUP))
        ounces = rng.randint(2, 24)
        prompt = f"Convert {ounces} ounces of {ingredient} to grams for my recipe."
        reply = f"{ounces} ounces of {ingredient} is about {round(ounces * 28.35)} grams."
    else:
        fahrenheit = rng.choice(_TEMPERATURES)
        dish = rng.choice(_DISHES)
        prompt = (
            f"My recipe for {dish} says {fahrenheit} degrees Fahrenheit. What is that in Celsius?"
        )
        reply = (
            f"{fahrenheit} degrees Fahrenheit is about {round((fahrenheit - 32) * 5 / 9)} "
            "degrees Celsius."
        )
    return prompt, reply


_FIELDS = (
    "price", "weight", "score", "age", "quantity", "rating", "length", "duration",
    "distance", "priority",
)  # fmt: skip
_COLLECTIONS = (
    ("items", "item"), ("orders", "order"), ("rows", "row"), ("records", "record"),
    ("entries", "entry"), ("products", "product"),
)  # fmt: skip
_PREFIXES = ("get", "compute", "find", "collect")
_THRESHOLDS = (0, 1, 5, 10, 50)


def code_pair(rng: random.Random) -> tuple[str, str]:
    """A short Python function to summarise and its one-sentence summary."""
    field, (items, one) = rng.choice(_FIELDS), rng.choice(_COLLECTIONS)
    prefix = rng.choice(_PREFIXES)
    limit = rng.choice(_THRESHOLDS)
    name, body, summary = rng.choice(
        (
            (f"total_{field}", f"sum({one}.{field} for {one} in {items})",
             f"Returns the sum of the {field} of all {items}."),
            (f"{prefix}_{items}_over", f"[{one} for {one} in {items} if {one}.{field} > {limit}]",
             f"Returns the {items} whose {field} is greater than {limit}."),
            (f"{prefix}_max_{field}", f"max({items}, key=lambda {one}: {one}.{field})",
             f"Returns the {one} with the largest {field}."),
            (f"{prefix}_distinct_{field}s", f"len({{{one}.{field} for {one} in {items}}})",
             f"Returns how many distinct {field} values the {items} have."),
            (f"{field}_by_id", f"{{{one}.id: {one}.{field} for {one} in {items}}}",
             f"Returns a dictionary from each {one} id to its {field}."),
            (f"{prefix}_mean_{field}", f"sum({one}.{field} for {one} in {items}) / len({items})",
             f"Returns the mean {field} of the {items}."),
            (f"sort_{items}_by_{field}", f"sorted({items}, key=lambda {one}: {one}.{field})",
             f"Returns the {items} sorted by {field}, smallest first."),
        )
    )  # fmt: skip
    prompt = (
        "Summarise what this Python function does in one sentence.\n\n"
        f"def {name}({items}):\n    return {body}"
    )
    return prompt, summary
