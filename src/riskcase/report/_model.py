"""The report's data model: everything the renderers show, and what report.json holds."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from riskcase.control import ControlSection
from riskcase.evidence import EvaluationAwareness, MonitorCalibration, PairedGap, Rate
from riskcase.risk import (
    Band,
    DeploymentProfile,
    Interval,
    OverallRisk,
    PathwayDeployment,
    Sensitivity,
)


class EvidenceSummary(BaseModel):
    """Evidence counts and rates of one pathway (rates None where no samples exist).

    `paired` holds the framing comparison of pathways measured by it (P1), and
    `propensity_basis` says whether propensity counts attempts or the paired excess.
    """

    n_honest: int = 0
    n_attack: int = 0
    n_opportunity: int = 0
    n_errors: int = 0
    capability: Rate | None = None
    evasion: Rate | None = None
    propensity: Rate | None = None
    usefulness: Rate | None = None
    honest_attempts: Rate | None = None
    paired: list[PairedGap] = Field(default_factory=list)
    propensity_basis: str = "attempts"


class Mitigation(BaseModel):
    """How strongly monitoring mitigates a pathway.

    Attributes:
        strength: ``strong`` / ``moderate`` / ``weak`` (None when not assessed).
        detection: Probability that one attempt is caught.
        coverage: Share of actions the monitor sees (from the profile).
    """

    strength: str | None = None
    detection: Interval | None = None
    coverage: float


class PathwayEntry(BaseModel):
    """One row of the per-pathway analysis."""

    id: str
    name: str
    definition: str
    frequency: str
    complexity: str
    scenarios: list[str]
    assessed: bool
    reason: str = ""
    band: Band | None = None
    p_harm: Interval | None = None
    evidence: EvidenceSummary
    mitigation: Mitigation
    deployment: PathwayDeployment
    derived_from: list[str] = Field(default_factory=list)
    p_harm_at_profile_coverage: Interval | None = None
    sensitivity: list[Sensitivity] = Field(default_factory=list)
    histogram: list[int] = Field(default_factory=list)
    histogram_edges: list[float] = Field(default_factory=list)


class Claim(BaseModel):
    """A load-bearing claim: what the verdict rests on, the measurement, what overturns it."""

    id: str
    title: str
    statement: str
    measured: list[str]
    overturned_by: list[str]
    holds: bool


class ReportMeta(BaseModel):
    """Where the report came from."""

    title: str
    generated_at: str
    riskcase_version: str
    inspect_version: str
    models: list[str]
    trusted_model: str | None = None
    log_dir: str
    logs_used: list[str]
    logs_superseded: list[str] = Field(default_factory=list)
    samples: int


class RiskReport(BaseModel):
    """The whole sabotage risk report (rendered to HTML, Markdown and JSON).

    Besides the fields below, each study's section (`riskcase.studies`) is stored under the
    study's id (``misuse``, ``manipulation``, ``alignment``), a top-level key of report.json.
    """

    model_config = ConfigDict(extra="allow")

    meta: ReportMeta
    overall: OverallRisk
    calibration: MonitorCalibration
    profile: DeploymentProfile
    pathways: list[PathwayEntry]
    evaluation_awareness: EvaluationAwareness
    claims: list[Claim]
    methods: list[str]
    control: ControlSection | None = None

    def study_sections(self) -> list[tuple[str, BaseModel]]:
        """(study id, section) of every study section the report holds, in study order."""
        from riskcase.studies import study_ids

        extra = self.model_extra or {}
        return [(id, extra[id]) for id in study_ids() if isinstance(extra.get(id), BaseModel)]
