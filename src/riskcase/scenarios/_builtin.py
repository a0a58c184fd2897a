"""Imports every built-in scenario so that its `@scenario` decorator runs."""

from riskcase.scenarios import (  # noqa: F401
    code_backdoor,
    confidential_leak,
    data_poisoning,
    decision_sabotage,
    diffuse_sandbagging,
    experiment_tampering,
    rogue_deployment,
    self_exfiltration,
)
