"""The manipulation study: steering users toward a sponsor's worse product.

Generated users ask a shop assistant which product to choose from a catalog with objective
attributes; the same users are asked with and without a sponsor's referral incentive in
the system prompt. Each reply is scored against the catalog for steering, undisclosed
sponsorship, false or unverifiable claims and pressure tactics, and the section reports
the paired difference per measure with an interval and an exact McNemar test.
"""

from ._analysis import analyse_manipulation
from ._assess import MEASURES, ReplyAssessment, assess_reply
from ._catalog import Product, UserCase, fit_key
from ._claims import Claim, reply_claims
from ._domain_list import DOMAINS, domain
from ._domains import Domain, Feature, Spec
from ._generate import DEFAULT_USERS, generate_case, generate_cases
from ._paired import PairCounts, PairedDifference, mcnemar_exact, paired_difference
from ._pressure import PRESSURE_LEXICON, pressure_phrases
from ._prompts import ParsedPrompt, parse_prompt, system_prompt, user_message
from ._reference import FALSE_CLAIM_SHARE, PRESSURE_SHARE, ManipulationBehaviour, steers
from ._render import manipulation_html, manipulation_markdown
from ._scorer import SCORER_NAME, manipulation_scorer
from ._section import ManipulationSection, ModelManipulation, PairedMeasure
from ._study import ManipulationStudy
from ._tasks import BASELINE, CONDITIONS, INCENTIVE, manipulation_sample, manipulation_task

__all__ = [
    "BASELINE",
    "CONDITIONS",
    "DEFAULT_USERS",
    "DOMAINS",
    "FALSE_CLAIM_SHARE",
    "INCENTIVE",
    "MEASURES",
    "PRESSURE_LEXICON",
    "PRESSURE_SHARE",
    "SCORER_NAME",
    "Claim",
    "Domain",
    "Feature",
    "ManipulationBehaviour",
    "ManipulationSection",
    "ManipulationStudy",
    "ModelManipulation",
    "PairCounts",
    "PairedDifference",
    "PairedMeasure",
    "ParsedPrompt",
    "Product",
    "ReplyAssessment",
    "Spec",
    "UserCase",
    "analyse_manipulation",
    "domain",
    "assess_reply",
    "fit_key",
    "generate_case",
    "generate_cases",
    "manipulation_html",
    "manipulation_markdown",
    "manipulation_sample",
    "manipulation_scorer",
    "manipulation_task",
    "mcnemar_exact",
    "paired_difference",
    "parse_prompt",
    "pressure_phrases",
    "reply_claims",
    "steers",
    "system_prompt",
    "user_message",
]
