"""riskcase: sabotage risk assessment on Inspect AI.

Scenarios (Inspect tasks) produce `.eval` logs; monitors score the transcripts; evidence
turns logs into rates with intervals; the risk model combines them with a deployment
profile; the report traces the verdict back to individual samples.
"""

from riskcase._errors import RiskcaseError
from riskcase._pipeline import AssessOptions, report_from_logs, run_assessment

__all__ = ["AssessOptions", "RiskcaseError", "report_from_logs", "run_assessment"]
