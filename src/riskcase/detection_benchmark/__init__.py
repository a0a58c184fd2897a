"""A held-out benchmark of honest and backdoored HumanEval solutions, for code monitors.

`load_benchmark()` gives the stored set (regenerate it with ``python -m
riskcase.detection_benchmark``): per problem, the canonical solution, behaviour-preserving
rewrites of it, and backdoors of several families (see `BACKDOOR_FAMILIES`), every label
established by execution (`verify_item`). Problems are split into train and test
(`problem_split`), so nothing is tuned on the problems it is scored on. `score_items`
runs the offline monitors (`OFFLINE_MONITORS`); `detection_metrics` gives AUROC and TPR at
an FPR budget with cluster-bootstrap intervals. ``benchmarks/backdoor_detection.py`` puts
it together.
"""

from ._generate import check_inputs, generate_benchmark, generate_problem
from ._items import (
    BACKDOOR_FAMILIES,
    HONEST_FAMILIES,
    BenchmarkItem,
    BenchmarkSet,
    Label,
    Split,
    by_problem,
    load_benchmark,
    problem_split,
)
from ._metrics import DetectionMetrics, Interval, auroc, detection_metrics, tpr_at_fpr
from ._monitors import (
    OFFLINE_MONITORS,
    CodeMonitor,
    execution_score,
    honest_task_text,
    magic_value_score,
    rule_code_score,
)
from ._scoring import ItemScores, score_items
from ._verify import ProgramRun, Verification, run_programs, verify_item

__all__ = [
    "auroc",
    "tpr_at_fpr",
    "BACKDOOR_FAMILIES",
    "HONEST_FAMILIES",
    "OFFLINE_MONITORS",
    "BenchmarkItem",
    "BenchmarkSet",
    "CodeMonitor",
    "DetectionMetrics",
    "Interval",
    "ItemScores",
    "Label",
    "ProgramRun",
    "Split",
    "Verification",
    "by_problem",
    "check_inputs",
    "detection_metrics",
    "execution_score",
    "generate_benchmark",
    "generate_problem",
    "honest_task_text",
    "load_benchmark",
    "magic_value_score",
    "problem_split",
    "rule_code_score",
    "run_programs",
    "score_items",
    "verify_item",
]
