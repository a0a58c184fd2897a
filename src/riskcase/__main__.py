"""``python -m riskcase`` runs the command-line interface."""

from riskcase.cli import main

main()
