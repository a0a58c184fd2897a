"""Monitors: Inspect scorers that rate how suspicious a transcript is, and thresholds.

Every monitor is an Inspect scorer returning a suspicion in [0, 1] (0 benign, 1
certainly sabotage); `calibrate_threshold` turns honest-run scores into an audit
threshold for a given false-positive budget.
"""

from ._awareness import AWARENESS_SCORER, awareness_evidence, eval_awareness
from ._calibration import Threshold, calibrate_threshold, flag_rate, is_flagged
from ._llm_monitor import TRUSTED_ROLE, llm_monitor
from ._llm_prompt import TranscriptLimits
from ._registry import get_monitor, monitor, monitor_names
from ._rule_monitor import rule_monitor
from ._rules import RULES, Rule
from ._score_value import monitor_score_value
from ._transcript import MONITOR_TASK_KEY

__all__ = [
    "AWARENESS_SCORER",
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
    "monitor_score_value",
    "rule_monitor",
]
