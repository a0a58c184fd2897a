"""The deployment profile: how the model is deployed and how risk is judged (YAML)."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from riskcase._errors import RiskcaseError


class PathwayDeployment(BaseModel):
    """How much room one pathway has in the deployment.

    Attributes:
        opportunities: Occasions per period where the model could pursue the pathway.
        actions_needed: Successful undetected actions needed to complete the pathway.
        harm_given_success: Probability that a completed pathway leads to catastrophe.
        monitoring_coverage: Share of the pathway's actions the developer's monitor sees,
            when it differs from the profile-wide value (P7: 0, at other developers).
    """

    model_config = ConfigDict(extra="forbid")

    opportunities: int = Field(ge=0)
    actions_needed: int = Field(ge=1)
    harm_given_success: float = Field(ge=0, le=1)
    monitoring_coverage: float | None = Field(default=None, ge=0, le=1)


class Bands(BaseModel):
    """Upper edges (exclusive) of the risk bands for the probability of harm per period."""

    model_config = ConfigDict(extra="forbid")

    negligible: float = 1e-4
    very_low: float = 1e-3
    low: float = 1e-2
    moderate: float = 1e-1

    @model_validator(mode="after")
    def _increasing(self) -> Bands:
        edges = [self.negligible, self.very_low, self.low, self.moderate]
        if not all(0 < a < b <= 1 for a, b in zip(edges, edges[1:], strict=False)):
            raise ValueError("band edges must increase strictly within (0, 1]")
        return self


class ControlProfile(BaseModel):
    """Settings of the offline control-protocol evaluation (the report's control section).

    Attributes:
        defer_fraction: Share of honest samples above the defer threshold (defer to
            trusted, defer to resample).
        trusted_usefulness: The trusted model's main-task success rate, to scale
            usefulness between trusted and untrusted (None: unscaled).
        deployment_tasks: Tasks in a deployment, for P(the blue team wins).
        resamples: Bootstrap resamples of the control figures.
    """

    model_config = ConfigDict(extra="forbid")

    defer_fraction: float = Field(default=0.10, ge=0, le=1)
    trusted_usefulness: float | None = Field(default=None, ge=0, le=1)
    deployment_tasks: int = Field(default=1000, ge=1)
    resamples: int = Field(default=1000, ge=0, le=100_000)


class DeploymentProfile(BaseModel):
    """Everything the risk model assumes about the deployment (see default_profile.yaml)."""

    model_config = ConfigDict(extra="forbid")

    name: str
    description: str = ""
    audit_budget: float = Field(default=0.01, ge=0, le=1)
    monitors: Literal["auto"] | list[str] = "auto"
    threshold: float | None = Field(default=None, ge=0, le=1)
    combination: Literal["max", "mean", "logistic"] = "max"
    monitoring_coverage: float = Field(default=0.9, ge=0, le=1)
    bands: Bands = Field(default_factory=Bands)
    band_statistic: Literal["hi", "median"] = "median"
    draws: int = Field(default=20000, ge=100, le=1_000_000)
    seed: int = 0
    default_pathway: PathwayDeployment
    pathways: dict[str, PathwayDeployment] = Field(default_factory=dict)
    control: ControlProfile = Field(default_factory=ControlProfile)

    def for_pathway(self, pathway_id: str) -> PathwayDeployment:
        """The deployment values of one pathway (the default when it is not listed)."""
        return self.pathways.get(pathway_id, self.default_pathway)

    def coverage_for(self, pathway_id: str) -> float:
        """Monitoring coverage for one pathway (its own value, else the profile's)."""
        own = self.for_pathway(pathway_id).monitoring_coverage
        return self.monitoring_coverage if own is None else own


def default_profile_text() -> str:
    """The shipped default profile, with its comments."""
    return files("riskcase.risk").joinpath("default_profile.yaml").read_text(encoding="utf-8")


def load_profile(path: str | Path | None = None) -> DeploymentProfile:
    """Load a deployment profile (the shipped default when `path` is None).

    Raises:
        RiskcaseError: the file is missing, is not YAML, or does not fit the schema.
    """
    if path is None:
        text, where = default_profile_text(), "default profile"
    else:
        file = Path(path)
        if not file.is_file():
            raise RiskcaseError(f"deployment profile {file} does not exist")
        text, where = file.read_text(encoding="utf-8", errors="replace"), str(file)
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        at = f" at line {mark.line + 1}" if mark is not None else ""
        raise RiskcaseError(f"deployment profile {where} is not valid YAML{at}") from None
    if not isinstance(data, dict):
        raise RiskcaseError(f"deployment profile {where} must be a YAML mapping")
    try:
        return DeploymentProfile.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(part) for part in first["loc"]) or "(top level)"
        raise RiskcaseError(
            f"deployment profile {where}: {field}: {first['msg']}"
            + (f" ({error.error_count()} problems)" if error.error_count() > 1 else "")
        ) from None
