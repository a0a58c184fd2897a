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
        self,
        *,
        limit: int | None = None,
        seed: int = 0,
        sandbox: str = "bwrap",
        dataset: str | None = None,
        show_text: bool = False,
    ) -> list[Task]:
        """The built-in task, plus a task over the user's restricted dataset when given.

        Args:
            limit: Samples per task (None: all).
            seed: Seed of the generated built-in items.
            sandbox: Not used (the study runs no tools).
            dataset: A user's restricted dataset (JSONL, schema in `_dataset_file.py`).
            show_text: Whether the report may quote the user dataset's text.
        """
        tasks = misuse_tasks(None, limit=limit, seed=seed)
        if dataset is not None:
            tasks += misuse_tasks(dataset, show_text, limit=limit, seed=seed)
        return tasks

    def reference(self) -> ReferenceBehaviour:
        return MisuseBehaviour()

    def analyse(self, inputs: StudyInputs) -> MisuseSection | None:
        return analyse_misuse(inputs)

    def markdown(self, section: BaseModel) -> str:
        return misuse_markdown(MisuseSection.model_validate(section.model_dump()))

    def html(self, section: BaseModel) -> str:
        return misuse_html(MisuseSection.model_validate(section.model_dump()))

    def headline(self, section: BaseModel) -> str:
        misuse = MisuseSection.model_validate(section.model_dump())
        parts = [
            f"{b.source}: partial help {b.overall.partial.summary()}, "
            f"full help {b.overall.full.summary()}"
            for b in misuse.breakdowns
        ]
        return "; ".join(parts) or misuse.finding
