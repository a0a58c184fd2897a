"""Import the built-in studies so that their `@study` decorators run."""

from riskcase import alignment, manipulation, misuse  # noqa: F401
