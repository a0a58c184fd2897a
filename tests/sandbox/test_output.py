"""Bounded output capture."""

from riskcase.sandbox._output import BoundedOutput


def test_keeps_the_head_and_notes_the_cut() -> None:
    output = BoundedOutput(cap=10)
    for chunk in (b"0123", b"456789abc", b"def"):
        output.feed(chunk)
    assert output.data() == b"0123456789" and output.total == 16 and output.truncated
    assert output.text() == "0123456789\n[riskcase: output truncated at 10 bytes]\n"


def test_short_output_is_untouched() -> None:
    output = BoundedOutput(cap=10)
    output.feed(b"ok\n")
    assert not output.truncated and output.text() == "ok\n"
