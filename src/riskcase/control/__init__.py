"""Control evaluation: how well monitors detect attacks and protocols contain them.

Detection metrics (ROC, AUROC, TPR at the audit budget) and control protocols in the sense of
Greenblatt et al. (2023), "AI Control" (upfront auditing, trusted monitoring, defer to
trusted, defer to resample), replayed offline from `SampleRecord`s with stratified bootstrap
intervals, and the report section that shows them (`control_section`, `control_markdown`,
`control_html`).
"""

from ._bootstrap import BootstrapPlan, Estimate
from ._charts import roc_chart, safety_budget_chart, safety_usefulness_chart
from ._data import ControlData, control_data, monitor_label
from ._detection import DetectionMetrics, Positives, detection_metrics
from ._evaluate import ProtocolResult, evaluate_protocols
from ._html import control_html
from ._markdown import control_markdown
from ._protocols import PROTOCOL_TITLES, PROTOCOLS, ProtocolName, ProtocolSettings
from ._roc import RocPoint, auroc, roc_points, tpr_at_fpr
from ._safety import Phase, deployment_safety, per_sample_safety
from ._section import ControlOptions, ControlSection, ProtocolCurve, control_section

__all__ = [
    "PROTOCOLS",
    "PROTOCOL_TITLES",
    "BootstrapPlan",
    "ControlData",
    "ControlOptions",
    "ControlSection",
    "DetectionMetrics",
    "Estimate",
    "Phase",
    "Positives",
    "ProtocolCurve",
    "ProtocolName",
    "ProtocolResult",
    "ProtocolSettings",
    "RocPoint",
    "auroc",
    "control_data",
    "control_html",
    "control_markdown",
    "control_section",
    "deployment_safety",
    "detection_metrics",
    "evaluate_protocols",
    "monitor_label",
    "per_sample_safety",
    "roc_chart",
    "roc_points",
    "safety_budget_chart",
    "safety_usefulness_chart",
    "tpr_at_fpr",
]
