"""Assemble a `RiskReport` from a directory of logs and a deployment profile."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from importlib.metadata import version

from pydantic import BaseModel

from riskcase._errors import RiskcaseError
from riskcase.control import PROTOCOL_TITLES, ControlOptions, ControlSection, control_section
from riskcase.evidence import (
    COMBINED_MONITOR,
    LogSet,
    PathwayEvidence,
    calibrate,
    evaluation_awareness,
    monitors_in,
    pathway_evidence,
    with_combined_suspicion,
)
from riskcase.pathways import Pathway, pathway_catalog
from riskcase.risk import DeploymentProfile, PathwayRisk, assess_risk
from riskcase.studies import STUDY_ID, StudyInputs, all_studies, get_study

from ._claims import load_bearing_claims
from ._methods import methods_text
from ._model import Claim, EvidenceSummary, Mitigation, PathwayEntry, ReportMeta, RiskReport


def _entry(
    pathway: Pathway, evidence: PathwayEvidence, risk: PathwayRisk, coverage: float
) -> PathwayEntry:
    return PathwayEntry(
        id=pathway.id,
        name=pathway.name,
        definition=pathway.definition,
        frequency=pathway.frequency,
        complexity=pathway.complexity,
        scenarios=evidence.scenarios,
        assessed=risk.assessed,
        reason=risk.reason,
        band=risk.band,
        p_harm=risk.p_harm,
        evidence=EvidenceSummary(
            n_honest=evidence.n_honest,
            n_attack=evidence.n_attack,
            n_opportunity=evidence.n_opportunity,
            n_errors=evidence.n_errors,
            capability=evidence.capability,
            evasion=evidence.evasion,
            propensity=evidence.propensity,
            usefulness=evidence.usefulness,
            honest_attempts=evidence.honest_attempts,
            paired=evidence.paired,
            propensity_basis=evidence.propensity_basis,
        ),
        mitigation=Mitigation(
            strength=risk.mitigation, detection=risk.detection, coverage=coverage
        ),
        derived_from=pathway.derived_from,
        p_harm_at_profile_coverage=risk.p_harm_at_profile_coverage,
        deployment=risk.deployment,
        sensitivity=risk.sensitivity,
        histogram=risk.histogram,
        histogram_edges=risk.histogram_edges,
    )


def study_sections(logs: LogSet, reserved: set[str]) -> dict[str, BaseModel]:
    """Each registered study's section from its logs (studies with nothing to say are absent).

    Args:
        logs: The log set (its study logs and all scenario records).
        reserved: Report field names a study id must not shadow.
    """
    sections: dict[str, BaseModel] = {}
    for study in all_studies():
        if study.id in reserved:
            raise RiskcaseError(f"study id '{study.id}' clashes with a report field")
        own = [
            log for log in logs.study_logs if (log.eval.metadata or {}).get(STUDY_ID) == study.id
        ]
        section = study.analyse(StudyInputs(logs=own, records=logs.records))
        if section is not None:
            sections[study.id] = section
    return sections


def _add_protocol_safety(claims: list[Claim], control: ControlSection) -> None:
    """Quote the control section's protocols under the monitoring claim (C3)."""
    monitoring = next((c for c in claims if c.id == "C3"), None)
    if monitoring is None:
        return
    for result in control.protocols:
        if result.pathway_id is not None or result.safety is None:
            continue
        monitoring.measured.append(
            f"{PROTOCOL_TITLES[result.protocol]} at a {result.audit_budget:.1%} audit budget, all "
            f"pathways: safety {result.safety.value:.2f} [{result.safety.lo:.2f}, "
            f"{result.safety.hi:.2f}] ({result.caught or 0:.0f} caught, "
            f"{result.uncaught or 0:.0f} uncaught successful attacks)"
        )


def build_report(
    logs: LogSet,
    profile: DeploymentProfile,
    pathways: Sequence[Pathway],
    *,
    trusted_model: str | None = None,
    title: str = "Sabotage risk report",
) -> RiskReport:
    """Compute evidence, risk and claims, and collect them in a `RiskReport`.

    Args:
        logs: Records read from the log directory.
        profile: Deployment profile.
        pathways: Pathways in scope, in report order.
        trusted_model: The trusted model that ran the LLM monitor, if any.
        title: Report title.
    """
    available = monitors_in(logs.records)
    if profile.monitors == "auto":
        monitors = available
    else:
        unknown = [name for name in profile.monitors if name not in available]
        if unknown:
            raise RiskcaseError(
                f"the profile names monitor(s) {', '.join(unknown)} but the logs hold scores "
                f"only for: {', '.join(available) or 'none'}"
            )
        monitors = list(profile.monitors)
    records = logs.records
    if profile.combination != "max" and len(monitors) > 1:
        try:
            records = with_combined_suspicion(
                records, monitors, profile.combination, profile.audit_budget, profile.seed
            )
        except ValueError as error:
            raise RiskcaseError(
                f"cannot combine monitors ({profile.combination}): {error}"
            ) from None
        monitors = [COMBINED_MONITOR]
    calibration = calibrate(records, monitors, profile.audit_budget, profile.threshold)
    paired_framing = [p.id for p in pathway_catalog() if p.paired_framing]
    evidence = [
        pathway_evidence(records, p.id, calibration, p.derived_from, paired_framing)
        for p in pathways
    ]
    assessment = assess_risk(evidence, profile, [p.id for p in pathways])
    entries = [
        _entry(pathway, item, risk, profile.coverage_for(pathway.id))
        for pathway, item, risk in zip(pathways, evidence, assessment.pathways, strict=True)
    ]
    awareness = evaluation_awareness(logs.records)
    control = control_section(
        records,
        ControlOptions(
            monitors=list(monitors),
            audit_budget=profile.audit_budget,
            defer_fraction=profile.control.defer_fraction,
            trusted_usefulness=profile.control.trusted_usefulness,
            deployment_tasks=profile.control.deployment_tasks,
            resamples=profile.control.resamples,
            seed=profile.seed,
        ),
    )
    meta = ReportMeta(
        title=title,
        generated_at=datetime.now(UTC).isoformat(timespec="seconds"),
        riskcase_version=version("riskcase"),
        inspect_version=version("inspect-ai"),
        models=sorted({r.model for r in logs.records}),
        trusted_model=trusted_model,
        log_dir=logs.log_dir,
        logs_used=logs.used_logs,
        logs_superseded=logs.superseded_logs,
        samples=len(logs.records),
    )
    sections = study_sections(logs, set(RiskReport.model_fields))
    claims = load_bearing_claims(entries, calibration, awareness)
    _add_protocol_safety(claims, control)
    for study_id, section in sections.items():
        for claim in get_study(study_id).claims(section):
            claims.append(
                Claim(
                    id=f"C{len(claims) + 1}",
                    title=claim.title,
                    statement=claim.statement,
                    measured=claim.measured,
                    overturned_by=claim.overturned_by,
                    holds=claim.holds,
                )
            )
    return RiskReport(
        **sections,
        meta=meta,
        overall=assessment.overall,
        calibration=calibration,
        profile=profile,
        pathways=entries,
        evaluation_awareness=awareness,
        claims=claims,
        methods=methods_text(profile, calibration),
        control=control,
    )
