"""The error type for bad input that the CLI reports in one line (exit code 2)."""


class RiskcaseError(Exception):
    """A problem with the user's input (paths, logs, profile, model names).

    The CLI prints its message on one line and exits with code 2, without a traceback.
    """
