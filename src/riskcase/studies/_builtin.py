"""Import the built-in studies so that their `@study` decorators run (one line each)."""
