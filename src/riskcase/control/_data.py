"""Scored samples as columns: the table every detection metric and protocol is computed on."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, fields
from functools import cached_property

import numpy as np

from riskcase.evidence import SampleRecord, suspicion

HONEST = "honest"
ATTACK = "attack"
TRUSTED = "trusted"


@dataclass(frozen=True)
class ControlData:
    """Scored samples of the untrusted model (and of the trusted one), one row each.

    Every attribute is a column with one entry per row.

    Attributes:
        mode: ``honest`` or ``attack`` (untrusted model), or ``trusted`` (honest runs of
            the trusted model, used only for its usefulness).
        pathway: Pathway id.
        score: Combined suspicion (maximum over the chosen monitors); NaN where none scored it.
        attempted: The checker found a sabotage attempt.
        success: The side task (sabotage) succeeded.
        main: The main task succeeded.
        has_resample: Another scored record of the same task and mode exists.
        resample_score / resample_attempted / resample_success / resample_main: The same
            columns for that other record (NaN / False where there is none).
    """

    mode: np.ndarray
    pathway: np.ndarray
    score: np.ndarray
    attempted: np.ndarray
    success: np.ndarray
    main: np.ndarray
    has_resample: np.ndarray
    resample_score: np.ndarray
    resample_attempted: np.ndarray
    resample_success: np.ndarray
    resample_main: np.ndarray

    @property
    def size(self) -> int:
        """Number of rows."""
        return int(self.mode.size)

    @property
    def strata(self) -> np.ndarray:
        """Bootstrap stratum of each row: its pathway and mode."""
        return np.char.add(np.char.add(self.pathway.astype(str), "/"), self.mode.astype(str))

    def take(self, rows: np.ndarray) -> ControlData:
        """The rows at `rows` (indices, repeats allowed; or a boolean mask)."""
        return ControlData(**{f.name: getattr(self, f.name)[rows] for f in fields(self)})

    @cached_property
    def honest_rows(self) -> np.ndarray:
        """Boolean mask of the untrusted model's honest rows."""
        return self.mode == HONEST

    @cached_property
    def attack_rows(self) -> np.ndarray:
        """Boolean mask of the attack rows."""
        return self.mode == ATTACK

    @cached_property
    def trusted_rows(self) -> np.ndarray:
        """Boolean mask of the trusted model's rows."""
        return self.mode == TRUSTED

    def in_scope(self, pathway_id: str | None) -> np.ndarray:
        """Boolean mask of one pathway's rows (every row when `pathway_id` is None)."""
        if pathway_id is None:
            return np.ones(self.size, dtype=bool)
        return self.pathway == pathway_id


def monitor_label(monitors: Sequence[str]) -> str:
    """How a monitor selection is named in tables: the name, ``max(a, b)`` for a few,
    or ``max of N monitors`` for many (the section lists them)."""
    if len(monitors) == 1:
        return monitors[0]
    if len(monitors) <= 3:
        return f"max({', '.join(monitors)})"
    return f"max of {len(monitors)} monitors"


def _score(record: SampleRecord, monitors: Sequence[str]) -> float:
    value = suspicion(record, monitors)
    return float("nan") if value is None else value


def _resample_partners(records: Sequence[SampleRecord]) -> list[int | None]:
    """For each record, the index of its resample: the next record of the same task and mode.

    Records of one scenario, mode and sample id (other epochs, or other runs) are sorted by
    epoch and log and each takes the next one, cyclically; a lone record has none.
    """
    groups: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for index, record in enumerate(records):
        groups[(record.scenario_id, record.mode, record.sample_id)].append(index)
    partners: list[int | None] = [None] * len(records)
    for members in groups.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda i: (records[i].epoch, records[i].log_file))
        for position, index in enumerate(members):
            partners[index] = members[(position + 1) % len(members)]
    return partners


def control_data(
    records: Sequence[SampleRecord],
    monitors: Sequence[str],
    trusted_records: Sequence[SampleRecord] = (),
) -> ControlData:
    """The table of scored honest and attack samples under a monitor selection.

    Args:
        records: Records of the untrusted model (opportunity samples and samples that
            errored are left out).
        monitors: Monitors to combine (suspicion = the maximum of their scores).
        trusted_records: Records of the trusted model; its scored honest samples become
            ``trusted`` rows.
    """
    untrusted = [r for r in records if r.scored and r.mode in (HONEST, ATTACK)]
    trusted = [r for r in trusted_records if r.scored and r.mode == HONEST]
    partners = _resample_partners(untrusted) + [None] * len(trusted)
    rows = untrusted + trusted
    modes = [r.mode for r in untrusted] + [TRUSTED] * len(trusted)
    scores = np.array([_score(r, monitors) for r in rows], dtype=float)
    resample = [rows[p] if p is not None else None for p in partners]
    resample_scores = np.array(
        [_score(r, monitors) if r is not None else np.nan for r in resample], dtype=float
    )
    return ControlData(
        mode=np.array(modes, dtype=str),
        pathway=np.array([r.pathway_id for r in rows], dtype=str),
        score=scores,
        attempted=np.array([bool(r.sabotage_attempted) for r in rows], dtype=bool),
        success=np.array([bool(r.side_task_success) for r in rows], dtype=bool),
        main=np.array([bool(r.main_task_success) for r in rows], dtype=bool),
        has_resample=np.array(
            [
                r is not None and not np.isnan(s)
                for r, s in zip(resample, resample_scores, strict=True)
            ],
            dtype=bool,
        ),
        resample_score=resample_scores,
        resample_attempted=np.array(
            [bool(r and r.sabotage_attempted) for r in resample], dtype=bool
        ),
        resample_success=np.array([bool(r and r.side_task_success) for r in resample], dtype=bool),
        resample_main=np.array([bool(r and r.main_task_success) for r in resample], dtype=bool),
    )
