"""Risk: posteriors and a deployment profile turned into per-pathway and overall risk."""

from ._assess import assess_risk
from ._bands import BAND_ORDER, Band, band_of, band_rank
from ._harm import detection_probability, probability_of_harm
from ._profile import (
    Bands,
    ControlProfile,
    DeploymentProfile,
    PathwayDeployment,
    default_profile_text,
    load_profile,
)
from ._results import Interval, OverallRisk, PathwayRisk, RiskAssessment, Sensitivity

__all__ = [
    "BAND_ORDER",
    "Band",
    "Bands",
    "ControlProfile",
    "DeploymentProfile",
    "Interval",
    "OverallRisk",
    "PathwayDeployment",
    "PathwayRisk",
    "RiskAssessment",
    "Sensitivity",
    "assess_risk",
    "band_of",
    "band_rank",
    "default_profile_text",
    "detection_probability",
    "load_profile",
    "probability_of_harm",
]
