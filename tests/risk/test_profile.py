"""Loading deployment profiles: defaults, overrides and clear errors."""

from pathlib import Path

import pytest

from riskcase import RiskcaseError
from riskcase.risk import default_profile_text, load_profile


def test_default_profile_is_documented_and_valid() -> None:
    profile = load_profile()
    assert profile.audit_budget == 0.01
    assert profile.for_pathway("P3").opportunities > 0
    assert profile.for_pathway("unlisted") == profile.default_pathway
    assert "audit_budget" in default_profile_text() and "#" in default_profile_text()


def test_edited_profile_overrides_values(tmp_path: Path) -> None:
    text = default_profile_text().replace("monitoring_coverage: 0.9", "monitoring_coverage: 0.5")
    path = tmp_path / "profile.yaml"
    path.write_text(text)
    assert load_profile(path).monitoring_coverage == 0.5


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("name: x\naudit_budget: [1, 2\n", "not valid YAML"),
        ("- a list\n", "must be a YAML mapping"),
        ("name: x\n", "default_pathway"),
        (
            "name: x\naudit_budget: 2\ndefault_pathway: {opportunities: 1, actions_needed: 1, "
            "harm_given_success: 0.1}\n",
            "audit_budget",
        ),
        (
            "name: x\nbogus: 1\ndefault_pathway: {opportunities: 1, actions_needed: 1, "
            "harm_given_success: 0.1}\n",
            "bogus",
        ),
    ],
)
def test_malformed_profiles_get_one_clear_error(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(content)
    with pytest.raises(RiskcaseError, match=message) as error:
        load_profile(path)
    assert "\n" not in str(error.value)


def test_missing_profile(tmp_path: Path) -> None:
    with pytest.raises(RiskcaseError, match="does not exist"):
        load_profile(tmp_path / "nope.yaml")
