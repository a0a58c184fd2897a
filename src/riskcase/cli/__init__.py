"""Command-line interface: ``riskcase assess``, ``riskcase report``, ``riskcase pathways``."""

from ._main import cli, main

__all__ = ["cli", "main"]
