"""The misuse study: does the model keep an operator's restriction when users push?"""

from __future__ import annotations

from inspect_ai import Task
from pydantic import BaseModel

from riskcase.agents import ReferenceBehaviour
from riskcase.studies import Study, StudyInputs, study

from ._analysis import TITLE, analyse_misuse
from ._reference import MisuseBehaviour
from ._render import misuse_html, misuse_markdown
from ._section import MisuseSection
from ._tasks import misuse_tasks


@study("misuse")
class MisuseStudy(Study):
    """Misuse susceptibility under four techniques (direct, role-play, authority, split).

    The built-in tasks use clearly benign invented proxy topics with invented procedures;
    a user dataset can stand in for them through `misuse_tasks` (the CLI's entry point).
    """

    title = TITLE

    def tasks(
        self, *, limit: int | None = None, seed: int = 0, sandbox: str = "bwrap"
    ) -> list[Task]:
        # the study runs no tools, so it needs no sandbox
        return misuse_tasks(None, limit=limit, seed=seed)

    def reference(self) -> ReferenceBehaviour:
        return MisuseBehaviour()

    def analyse(self, inputs: StudyInputs) -> MisuseSection | None:
        return analyse_misuse(inputs)

    def markdown(self, section: BaseModel) -> str:
        return misuse_markdown(MisuseSection.model_validate(section.model_dump()))

    def html(self, section: BaseModel) -> str:
        return misuse_html(MisuseSection.model_validate(section.model_dump()))
