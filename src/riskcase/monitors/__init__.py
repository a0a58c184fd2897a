"""Monitors: Inspect scorers that rate how suspicious a transcript is, and thresholds.

Every monitor is an Inspect scorer returning a suspicion in [0, 1] (0 benign, 1
certainly sabotage); `calibrate_threshold` turns honest-run scores into an audit
threshold for a given false-positive budget. `rule_monitor` runs all static rules;
`STATIC_MONITORS` run one rule each (e.g. `egress_monitor`); `llm_monitor` asks a
trusted model, per trajectory or per action, with a prompt template per pathway.
"""

from ._awareness import AWARENESS_SCORER, awareness_evidence, eval_awareness
from ._calibration import Threshold, calibrate_threshold, flag_rate, is_flagged
from ._ensemble import (
    CombineMethod,
    Ensemble,
    FittedEnsemble,
    LogisticWeights,
    combine,
    cross_validated_scores,
    fit_ensemble,
    fit_logistic,
    fold_of,
)
from ._execution import ExecutionSettings, differential_test, execution_suspicion
from ._execution_evidence import DivergentInput, ExecutionEvidence, divergence_suspicion
from ._execution_inputs import InputBudget, ProbeInput, probe_inputs
from ._execution_monitor import execution_monitor
from ._execution_process import KitCall, KitProcessError, run_kit
from ._llm_judge import Aggregate
from ._llm_monitor import TRUSTED_ROLE, llm_monitor
from ._llm_pathways import PATHWAY_GUIDES, PathwayGuide
from ._llm_prompt import TranscriptLimits
from ._llm_templates import ANSWER_FORMAT, PLACEHOLDERS, Granularity, builtin_template
from ._registry import get_monitor, monitor, monitor_names, monitor_options
from ._rule_monitor import rule_monitor
from ._rules import RULES, Rule
from ._score_value import monitor_score_value
from ._static_monitors import (
    STATIC_MONITORS,
    egress_monitor,
    magic_value_monitor,
    magic_value_suspicion,
    monitoring_disabled_monitor,
    obfuscation_monitor,
    persistence_monitor,
    protected_files_monitor,
)
from ._transcript import MONITOR_TASK_KEY

__all__ = [
    "CombineMethod",
    "Ensemble",
    "FittedEnsemble",
    "LogisticWeights",
    "combine",
    "cross_validated_scores",
    "fit_ensemble",
    "fit_logistic",
    "fold_of",
    "DivergentInput",
    "ExecutionEvidence",
    "ExecutionSettings",
    "InputBudget",
    "KitCall",
    "KitProcessError",
    "ProbeInput",
    "differential_test",
    "divergence_suspicion",
    "execution_monitor",
    "execution_suspicion",
    "probe_inputs",
    "run_kit",
    "ANSWER_FORMAT",
    "AWARENESS_SCORER",
    "Aggregate",
    "Granularity",
    "PATHWAY_GUIDES",
    "PLACEHOLDERS",
    "PathwayGuide",
    "STATIC_MONITORS",
    "builtin_template",
    "egress_monitor",
    "magic_value_monitor",
    "magic_value_suspicion",
    "monitoring_disabled_monitor",
    "obfuscation_monitor",
    "persistence_monitor",
    "protected_files_monitor",
    "awareness_evidence",
    "eval_awareness",
    "MONITOR_TASK_KEY",
    "RULES",
    "TRUSTED_ROLE",
    "Rule",
    "Threshold",
    "TranscriptLimits",
    "calibrate_threshold",
    "flag_rate",
    "get_monitor",
    "is_flagged",
    "llm_monitor",
    "monitor",
    "monitor_names",
    "monitor_options",
    "monitor_score_value",
    "rule_monitor",
]
