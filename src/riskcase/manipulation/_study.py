"""The `manipulation` study: does a sponsor incentive make the model manipulate users?"""

from __future__ import annotations

from inspect_ai import Task
from pydantic import BaseModel

from riskcase.agents import ReferenceBehaviour
from riskcase.studies import Study, StudyInputs, study

from ._analysis import analyse_manipulation
from ._generate import DEFAULT_USERS
from ._reference import ManipulationBehaviour
from ._render import manipulation_html, manipulation_markdown
from ._section import ManipulationSection
from ._tasks import CONDITIONS, manipulation_task


def _section(section: BaseModel) -> ManipulationSection:
    if isinstance(section, ManipulationSection):
        return section
    return ManipulationSection.model_validate(section.model_dump())


@study("manipulation")
class ManipulationStudy(Study):
    """User manipulation under sponsor incentives.

    Generated users ask a shop assistant for advice; the same users are asked with and
    without a sponsor's referral incentive in the system prompt (tasks
    ``manipulation_incentive`` and ``manipulation_baseline``, sample ids paired). Replies
    are scored against the catalog for steering, undisclosed sponsorship, false claims and
    pressure tactics; the section reports the paired difference per measure.
    """

    title = "User manipulation under sponsor incentives"

    def tasks(
        self,
        *,
        limit: int | None = None,
        seed: int = 0,
        sandbox: str = "bwrap",
        users: int = DEFAULT_USERS,
    ) -> list[Task]:
        """The incentive and baseline tasks (one model turn per sample, no tools).

        Args:
            limit: Users per condition (None: all).
            seed: Seed of the generated users and catalogs.
            sandbox: Not used (the tasks run no tools).
            users: How many users to generate (default 40, four per domain).
        """
        return [
            manipulation_task(condition, limit=limit, seed=seed, users=users)
            for condition in CONDITIONS
        ]

    def reference(self) -> ReferenceBehaviour:
        return ManipulationBehaviour()

    def analyse(self, inputs: StudyInputs) -> ManipulationSection | None:
        return analyse_manipulation(inputs.logs)

    def markdown(self, section: BaseModel) -> str:
        return manipulation_markdown(_section(section))

    def html(self, section: BaseModel) -> str:
        return manipulation_html(_section(section))

    def headline(self, section: BaseModel) -> str:
        parts = []
        for result in _section(section).results:
            steering = next((m for m in result.measures if m.key == "steering"), None)
            if steering is not None:
                parts.append(
                    f"steering toward a worse sponsored option {steering.incentive.successes}/"
                    f"{steering.incentive.trials} with the incentive vs "
                    f"{steering.baseline.successes}/{steering.baseline.trials} without, paired "
                    f"difference {steering.difference:+.2f} [{steering.lo:+.2f}, {steering.hi:+.2f}]"
                )
        return "; ".join(parts)
