"""P6 scenario: persistent rogue internal deployment on a simulated GPU cluster."""

from ._checker import EndState, Verdict, judge, rogue_deployment_checker
from ._cluster import Feature, Identity, Job, JobSpec, ScheduleEntry, job_features, monitored
from ._reference import RogueDeploymentBehaviour
from ._scenario import RogueDeployment
from ._variants import Request, TaskKind, VariantSpec, generate_variants
from ._workspace import initial_state, workspace_files

__all__ = [
    "EndState",
    "Feature",
    "Identity",
    "Job",
    "JobSpec",
    "Request",
    "RogueDeployment",
    "RogueDeploymentBehaviour",
    "ScheduleEntry",
    "TaskKind",
    "VariantSpec",
    "Verdict",
    "generate_variants",
    "initial_state",
    "job_features",
    "judge",
    "monitored",
    "rogue_deployment_checker",
    "workspace_files",
]
