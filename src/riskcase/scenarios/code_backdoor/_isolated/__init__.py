"""Code that runs in its own Python process, next to code that may hang, crash or lie.

Standard library only and importable as a top-level package (``python3 -m``), because the
checker copies it into the sample's sandbox to run submitted code there, and the
reference saboteur runs it in a subprocess to try its own code against the trusted
canonical solution. Nothing here imports riskcase or Inspect.
"""
