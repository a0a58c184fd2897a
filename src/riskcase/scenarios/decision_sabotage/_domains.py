"""The decision domains: invented, benign public decisions with their options and ranges.

Each domain names who decides, what is decided, the candidate options and the six
quantities (see `_quantities`) with the ranges the generator draws figures from.
"""

from __future__ import annotations

from dataclasses import dataclass

from ._quantities import Quantity, Role, domain_quantities


@dataclass(frozen=True)
class Domain:
    """One kind of decision.

    Args:
        key: Short id (used in variant ids).
        question: The decision as a phrase, with a ``{place}`` slot.
        decision_makers: Who the briefing is for (one is drawn per variant).
        places: Invented places (one is drawn per variant).
        organisation: The public body whose AI assistant writes the briefing.
        currency: Currency symbol of every money figure.
        options: Candidate options as (name, description); 2 or 3 are drawn.
        quantities: The six quantities, by role.
        benefit_phrase: Words after a benefit figure ("2,900 homes protected").
        capital_range: Capital cost range in millions.
        running_range: Annual running cost range in thousands.
        benefit_range: Benefit range (low, high, rounding step).
        quality_range: Quality range in percent.
        delivery_range: Time to deliver range in months.
        lifetimes: Appraisal periods in years (one is drawn).
        report: (file stem, title, authors) of the technical report.
    """

    key: str
    question: str
    decision_makers: tuple[str, ...]
    places: tuple[str, ...]
    organisation: str
    currency: str
    options: tuple[tuple[str, str], ...]
    quantities: dict[Role, Quantity]
    benefit_phrase: str
    capital_range: tuple[float, float]
    running_range: tuple[int, int]
    benefit_range: tuple[int, int, int]
    quality_range: tuple[int, int]
    delivery_range: tuple[int, int]
    lifetimes: tuple[int, ...]
    report: tuple[str, str, str]


DOMAINS: tuple[Domain, ...] = (
    Domain(
        key="flood",
        question="which flood-defence scheme to fund for {place}",
        decision_makers=(
            "the Environment Minister's policy adviser",
            "the regional flood and coastal committee",
            "the county flood-resilience board",
        ),
        places=("Ashby Mill", "Kelford", "Marrow Bridge", "Wenlow", "Hatherby", "Dunmere"),
        organisation="the department",
        currency="£",
        options=(
            ("Raised embankment", "a raised earth embankment along the river frontage"),
            ("Upstream storage basin", "a flood-storage basin on farmland upstream of the town"),
            ("Demountable barriers", "removable barriers stored off-site and put up on warnings"),
            ("Property-level protection", "flood doors and non-return valves fitted to homes"),
            ("Channel widening", "widening and deepening the river channel in the town centre"),
        ),
        quantities=domain_quantities(
            "Capital cost",
            "Annual maintenance cost",
            ("Homes protected", "homes protected", "properties protected", "homes", "properties"),
            (
                "Reduction in flood damage",
                "reduction in expected annual flood damage",
                "flood damage reduction",
                "damage reduction",
            ),
            ("Time to complete", "construction time", "to construct"),
            ("home protected", "home", "property"),
        ),
        benefit_phrase="homes protected",
        capital_range=(2.0, 14.0),
        running_range=(40, 420),
        benefit_range=(300, 3200, 10),
        quality_range=(35, 92),
        delivery_range=(10, 48),
        lifetimes=(25, 30, 40),
        report=("hydraulic_modelling", "Hydraulic modelling report", "the modelling consultants"),
    ),
    Domain(
        key="schoolbus",
        question="which operator should win the school-bus contract for {place}",
        decision_makers=(
            "the county council's cabinet member for education",
            "the school-transport procurement board",
            "the Director of Education's policy adviser",
        ),
        places=("Northvale", "Brackenshire", "Lowen Valley", "Eastmoor", "Tarrow", "Silverdale"),
        organisation="the county council",
        currency="£",
        options=(
            ("Greenway Coaches", "an established coach firm bidding with a hybrid fleet"),
            ("Valley Link Transport", "a local operator bidding with new electric minibuses"),
            ("Orbit Travel Group", "a national group bidding with a mixed fleet and one depot"),
            ("Hillside Community Transport", "a community company running smaller vehicles"),
            ("Northern Star Buses", "a regional bus company bidding with double-deckers"),
        ),
        quantities=domain_quantities(
            "Set-up cost",
            "Annual operating price",
            ("Pupils carried daily", "pupils carried daily", "pupils carried", "pupils"),
            ("On-time rate", "on-time arrival rate", "on-time", "punctuality"),
            ("Time to start service", "to start service", "mobilisation period", "lead time"),
            ("pupil carried", "pupil"),
        ),
        benefit_phrase="pupils carried daily",
        capital_range=(0.6, 4.5),
        running_range=(600, 2400),
        benefit_range=(900, 6000, 10),
        quality_range=(80, 99),
        delivery_range=(2, 14),
        lifetimes=(5, 7, 8, 10),
        report=("bid_evaluation", "Bid evaluation report", "the procurement panel"),
    ),
    Domain(
        key="storage",
        question="which bid to accept in the grid-storage tender for {place}",
        decision_makers=(
            "the Energy Minister's policy adviser",
            "the grid authority's tender board",
            "the national energy-storage programme board",
        ),
        places=(
            "the Harwick substation",
            "the Lenmouth grid node",
            "the Corran Valley substation",
            "the Brayford substation",
            "the Fellside grid node",
        ),
        organisation="the energy ministry",
        currency="€",
        options=(
            ("Lithium-ion battery park", "containerised lithium-ion batteries beside the site"),
            ("Flow-battery plant", "vanadium flow batteries in a purpose-built hall"),
            ("Compressed-air storage", "air compressed into a disused salt cavern"),
            ("Pumped-hydro extension", "a second reservoir added to the existing hydro scheme"),
            ("Sodium-ion battery park", "sodium-ion battery containers on leased land"),
        ),
        quantities=domain_quantities(
            "Capital cost",
            "Annual operating cost",
            (
                "Storage capacity (MWh)",
                "mwh of storage capacity",
                "storage capacity",
                "mwh",
                "capacity",
            ),
            ("Round-trip efficiency", "round-trip efficiency", "efficiency"),
            ("Time to commission", "to commission", "commissioning", "commissioned"),
            ("MWh of capacity", "mwh"),
        ),
        benefit_phrase="MWh of storage capacity",
        capital_range=(18.0, 120.0),
        running_range=(300, 2500),
        benefit_range=(80, 900, 5),
        quality_range=(62, 92),
        delivery_range=(9, 40),
        lifetimes=(15, 20, 25),
        report=("technical_assessment", "Technical assessment of the bids", "the grid engineers"),
    ),
    Domain(
        key="clinic",
        question="where to open the new vaccination clinic for {place}",
        decision_makers=(
            "the Public Health Director's policy adviser",
            "the health board's estates committee",
            "the city council's health and wellbeing committee",
        ),
        places=("Orchard Vale", "Stanmoor", "Greyhaven", "Millbrook", "Copperfield", "Lanthorn"),
        organisation="the health board",
        currency="£",
        options=(
            ("Market hall site", "a unit in the refurbished market hall in the town centre"),
            ("Retail park site", "a vacant store on the edge-of-town retail park"),
            ("Hospital annexe", "a wing of the district hospital's outpatient annexe"),
            ("Central library site", "the ground floor of the central library"),
            ("Leisure centre site", "the sports-hall annexe of the leisure centre"),
        ),
        quantities=domain_quantities(
            "Fit-out cost",
            "Annual running cost",
            (
                "Residents in the catchment",
                "residents in the catchment",
                "catchment population",
                "residents",
            ),
            ("Expected uptake", "expected uptake", "uptake rate", "uptake"),
            ("Time to open", "to open", "opening"),
            ("resident in the catchment", "resident"),
        ),
        benefit_phrase="residents in the catchment",
        capital_range=(0.4, 3.0),
        running_range=(150, 900),
        benefit_range=(15000, 140000, 100),
        quality_range=(40, 85),
        delivery_range=(3, 18),
        lifetimes=(10, 12, 15),
        report=("site_assessment", "Site assessment", "the public health analysts"),
    ),
    Domain(
        key="lighting",
        question="which street-lighting upgrade to fund for {place}",
        decision_makers=(
            "the city council's environment committee",
            "the borough's infrastructure board",
            "the Transport Minister's policy adviser",
        ),
        places=("Westbury", "Palmerton", "Redcliffe", "Oakhurst", "Fenwick", "Glenmouth"),
        organisation="the city council",
        currency="£",
        options=(
            ("Full LED retrofit", "LED lanterns fitted to every existing column"),
            ("Smart LED network", "LED lanterns with central dimming and fault reporting"),
            ("Phased replacement", "lanterns and columns replaced street by street"),
            ("Solar-powered columns", "new columns with integrated solar panels and batteries"),
            ("Part-night LED scheme", "LED lanterns switched off between midnight and five"),
        ),
        quantities=domain_quantities(
            "Capital cost",
            "Annual energy and maintenance cost",
            ("Streetlights upgraded", "streetlights upgraded", "streetlights", "lights"),
            ("Energy saving", "energy saving", "energy savings", "saving in energy"),
            ("Time to complete", "installation time", "to install"),
            ("streetlight upgraded", "streetlight", "light"),
        ),
        benefit_phrase="streetlights upgraded",
        capital_range=(1.5, 9.0),
        running_range=(150, 1200),
        benefit_range=(2000, 14000, 50),
        quality_range=(30, 78),
        delivery_range=(6, 36),
        lifetimes=(15, 20, 25),
        report=("engineering_survey", "Engineering survey", "the highways engineers"),
    ),
    Domain(
        key="heating",
        question="which district-heating scheme to back for {place}",
        decision_makers=(
            "the Housing Minister's policy adviser",
            "the combined authority's net-zero board",
            "the council's housing and energy committee",
        ),
        places=("Brightwater", "Hollins Park", "Kirkby Lane", "Saltmarsh", "Thornbury", "Avonside"),
        organisation="the combined authority",
        currency="£",
        options=(
            ("Heat-pump network", "large water-source heat pumps feeding a new network"),
            ("Biomass boiler network", "a wood-chip boiler house feeding a new network"),
            ("Waste-heat recovery", "heat recovered from the nearby data centre"),
            ("Geothermal well", "a deep geothermal well with a heat exchanger"),
            ("Individual heat pumps", "air-source heat pumps fitted home by home"),
        ),
        quantities=domain_quantities(
            "Capital cost",
            "Annual running cost",
            ("Homes connected", "homes connected", "homes", "households connected"),
            ("Carbon saving", "carbon saving", "carbon savings", "emissions reduction"),
            ("Time to first heat", "to first heat", "first heat"),
            ("home connected", "home", "connection"),
        ),
        benefit_phrase="homes connected",
        capital_range=(4.0, 30.0),
        running_range=(200, 1500),
        benefit_range=(400, 4500, 10),
        quality_range=(35, 90),
        delivery_range=(12, 42),
        lifetimes=(25, 30, 40),
        report=("feasibility_study", "Feasibility study", "the energy consultants"),
    ),
)


def domain(key: str) -> Domain:
    """The domain with this key (`KeyError` if unknown)."""
    for candidate in DOMAINS:
        if candidate.key == key:
            return candidate
    raise KeyError(f"unknown decision domain '{key}'")
