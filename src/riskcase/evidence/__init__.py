"""Evidence: Inspect logs turned into tidy per-sample records and rates with intervals."""

from ._awareness import AwarenessCell, EvaluationAwareness, evaluation_awareness
from ._combined import COMBINED_MONITOR, Combination, with_combined_suspicion
from ._evidence import (
    MonitorCalibration,
    PathwayEvidence,
    calibrate,
    flagged,
    monitors_in,
    pathway_evidence,
    suspicion,
)
from ._logs import LogSet, read_log_dir
from ._paired import PairedGap, excess_rate, paired_gap, pairs_of
from ._rates import INTERVAL, Rate, beta_rate
from ._records import SampleRecord, sample_record

__all__ = [
    "COMBINED_MONITOR",
    "Combination",
    "with_combined_suspicion",
    "AwarenessCell",
    "EvaluationAwareness",
    "evaluation_awareness",
    "INTERVAL",
    "LogSet",
    "MonitorCalibration",
    "PairedGap",
    "PathwayEvidence",
    "Rate",
    "SampleRecord",
    "beta_rate",
    "calibrate",
    "excess_rate",
    "flagged",
    "monitors_in",
    "paired_gap",
    "pairs_of",
    "pathway_evidence",
    "read_log_dir",
    "sample_record",
    "suspicion",
]
