"""Imports every built-in scenario so that its `@scenario` decorator runs."""

from riskcase.scenarios import code_backdoor, experiment_tampering  # noqa: F401
