"""Return to running: readiness, the clinic's criteria versions, walk/run plans, the log.

Each call is one transaction and every change is audited in it. The criteria are kept as
numbered versions that are only ever added; the first time they are needed the shipped
defaults become version 1, so every verdict names a version that is on file. A plan keeps
the verdict (and criteria version) it was generated from.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from clinic_desktop.domain.access import Permission
from clinic_desktop.domain.battery import Battery
from clinic_desktop.domain.charts import Chart
from clinic_desktop.domain.dates import format_date
from clinic_desktop.domain.errors import NotFound, ValidationError
from clinic_desktop.domain.readiness import Overall, ReadinessVerdict, verdict_from_document
from clinic_desktop.domain.return_to_run import (
    AnswerVisit,
    EpisodeOption,
    ReturnToRunState,
    StoredPlan,
)
from clinic_desktop.domain.run_load import weekly_load_charts
from clinic_desktop.domain.run_log import check_runs, week_loads
from clinic_desktop.domain.run_plan import (
    RunPlan,
    generate_plan,
    plan_document,
    plan_from_document,
)
from clinic_desktop.domain.run_programs import (
    AdviceBook,
    RunPrograms,
    load_advice,
    load_run_programs,
)
from clinic_desktop.services.access import Access, requires
from clinic_desktop.services.assessment_values import user_names
from clinic_desktop.services.audit import record_event
from clinic_desktop.services.episode_guard import ensure_episode_open
from clinic_desktop.services.readiness_recording import (
    ReadinessRecording,
    answers_at,
    latest_visit,
)
from clinic_desktop.services.run_log_recording import runs_of
from clinic_desktop.storage.database import Database
from clinic_desktop.storage.models import (
    EpisodeRow,
    PatientRow,
    RunningProfileRow,
    RunPlanRow,
)

NO_EPISODE = (
    "This patient has no episode of care yet. Start one at intake; readiness, the walk/run "
    "plan and the running log belong to an episode."
)


class ReturnToRunService(ReadinessRecording):
    """Readiness verdicts, the criteria they are judged by, plans and the running log.

    ``data_dir`` is the clinic's data folder, where its own programs
    (``run_programs.json``) and advice wording (``run_advice.json``) may live.
    """

    def __init__(
        self,
        database: Database,
        battery_file: Path | None = None,
        data_dir: Path | None = None,
        today: Callable[[], dt.date] = dt.date.today,
        access: Access | None = None,
    ) -> None:
        super().__init__(database, access)
        self._battery_file = battery_file
        self._data_dir = data_dir
        self._today = today
        self._battery: Battery | None = None
        self._programs: RunPrograms | None = None
        self._advice: AdviceBook | None = None

    def _clinic_file(self, name: str) -> Path | None:
        return None if self._data_dir is None else self._data_dir / name

    @property
    def advice(self) -> AdviceBook:
        if self._advice is None:
            self._advice = load_advice(self._clinic_file("run_advice.json"))
        return self._advice

    # --- reading -------------------------------------------------------------------------

    @requires(Permission.CLINICAL_READ)
    def programs(self) -> RunPrograms:
        """The walk/run programs (shipped, then the clinic's own) and the progression rules."""
        if self._programs is None:
            self._programs = load_run_programs(self._clinic_file("run_programs.json"))
        return self._programs

    @requires(Permission.CLINICAL_READ)
    def load(
        self,
        patient_id: int,
        episode_id: int | None = None,
        *,
        force_unit: str = "N",
        distance_unit: str = "km",
        date_format: str = "yyyy-mm-dd",
    ) -> ReturnToRunState:
        """Everything the tab shows for an episode of ``patient_id``: the readiness verdict
        on the latest data, the yes/no answers, the current plan, the log and its breaches.

        Without ``episode_id`` the most recently started active episode is shown, else the
        most recently started. Raises :class:`NotFound` for an unknown patient.
        """
        with self._db.transaction() as session:
            if session.get(PatientRow, patient_id) is None:
                raise NotFound("This patient is no longer on file.")
            episodes = session.scalars(
                select(EpisodeRow)
                .where(EpisodeRow.patient_id == patient_id)
                .order_by(EpisodeRow.started_on.desc(), EpisodeRow.id.desc())
            ).all()
            options = tuple(
                EpisodeOption(e.id, _title(e, date_format), e.status, e.side) for e in episodes
            )
            episode = next((e for e in episodes if e.id == episode_id), None)
            episode = episode or next((e for e in episodes if e.status == "active"), None)
            episode = episode or (episodes[0] if episodes else None)
            if episode is None:
                return ReturnToRunState(patient_id, message=NO_EPISODE)
            verdict = self._verdict(session, episode, force_unit, date_format)
            visit = latest_visit(session, episode.id)
            plan = _active_plan(session, episode.id)
            runs = runs_of(session, episode.id)
            breaches = ()
            if plan is not None:
                breaches = check_runs(
                    plan.plan,
                    runs,
                    self.advice,
                    distance_unit=distance_unit,
                    date_format=date_format,
                )
            start = plan.plan.start_date if plan else (runs[0].run_date if runs else None)
            return ReturnToRunState(
                patient_id,
                options,
                episode.id,
                episode.side,
                verdict,
                None
                if visit is None
                else AnswerVisit(visit.id, visit.visit_date, visit.kind, visit.status == "signed"),
                () if visit is None else answers_at(session, visit.id),
                plan,
                runs,
                breaches,
                week_loads(runs, start) if start else (),
                _target_km(session, episode.id),
            )

    @requires(Permission.CLINICAL_READ)
    def plans(self, episode_id: int) -> tuple[StoredPlan, ...]:
        """Every plan of the episode, newest first (the current one is active)."""
        with self._db.reading() as session:
            names = user_names(session)
            rows = session.scalars(
                select(RunPlanRow)
                .where(RunPlanRow.episode_id == episode_id)
                .order_by(RunPlanRow.id.desc())
            ).all()
            return tuple(_stored_plan(row, names) for row in rows)

    @requires(Permission.CLINICAL_READ)
    def current_plan(self, episode_id: int) -> StoredPlan | None:
        """The episode's active plan, or ``None``."""
        with self._db.reading() as session:
            return _active_plan(session, episode_id)

    @requires(Permission.CLINICAL_READ)
    def load_charts(
        self, patient_id: int, episode_id: int | None = None, *, distance_unit: str = "km"
    ) -> tuple[Chart, ...]:
        """Weekly distance, time and worst pain of the episode's running log, for the
        Progress tab; empty without runs. The episode is chosen as in :meth:`load`."""
        with self._db.reading() as session:
            episodes = session.scalars(
                select(EpisodeRow)
                .where(EpisodeRow.patient_id == patient_id)
                .order_by(EpisodeRow.started_on.desc(), EpisodeRow.id.desc())
            ).all()
            episode = next((e for e in episodes if e.id == episode_id), None)
            episode = episode or next((e for e in episodes if e.status == "active"), None)
            episode = episode or (episodes[0] if episodes else None)
            if episode is None:
                return ()
            runs = runs_of(session, episode.id)
            plan = _active_plan(session, episode.id)
            if not runs:
                return ()
            start = plan.plan.start_date if plan else runs[0].run_date
            rules = plan.plan.rules if plan else None
            return weekly_load_charts(
                week_loads(runs, start),
                distance_unit=distance_unit,
                pain_limit=None if rules is None else rules.pain_during_max,
                pain_limit_source="" if rules is None else rules.rules_source,
            )

    @requires(Permission.PRINT_HANDOUT)
    def plan_for_handout(self, patient_id: int) -> StoredPlan | None:
        """The active plan of the patient's current episode, for the printed handout."""
        with self._db.reading() as session:
            episode_ids = session.scalars(
                select(EpisodeRow.id)
                .where(EpisodeRow.patient_id == patient_id)
                .order_by(
                    (EpisodeRow.status == "active").desc(),
                    EpisodeRow.started_on.desc(),
                    EpisodeRow.id.desc(),
                )
            ).all()
            return _active_plan(session, episode_ids[0]) if episode_ids else None

    # --- changing ------------------------------------------------------------------------

    @requires(Permission.CLINICAL_WRITE)
    def generate_plan(
        self,
        episode_id: int,
        template_code: str,
        *,
        start_phase: int,
        days_per_week: int,
        start_date: dt.date,
        weekly_cap_percent: float | None = None,
        accept_not_ready: bool = False,
        force_unit: str = "N",
        date_format: str = "yyyy-mm-dd",
    ) -> StoredPlan:
        """Generate the episode's walk/run plan from a program; it replaces the current one.

        Readiness is judged in the same transaction and kept with the plan. Unless
        ``accept_not_ready``, a runner who is not ready is refused with a
        :class:`ValidationError` on ``readiness`` naming the verdict. The cap defaults to
        the clinic's. Raises :class:`ValidationErrors` for unusable choices (see
        :func:`generate_plan`), :class:`EpisodeClosed` for a discharged episode and
        :class:`NotFound` for an unknown program or episode.
        """
        template = self.programs().template(template_code)
        with self._db.transaction() as session:
            episode = ensure_episode_open(
                session, episode_id, "its walk/run plan", "A new plan belongs to a new episode."
            )
            settings = self._settings(session)
            verdict = self._verdict(session, episode, force_unit, date_format, settings)
            if verdict.overall is not Overall.READY and not accept_not_ready:
                raise ValidationError(
                    "readiness",
                    f"Readiness is '{verdict.headline}'. "
                    "Generate the plan only if you judge the runner ready.",
                )
            cap = settings.weekly_cap_percent if weekly_cap_percent is None else weekly_cap_percent
            plan = generate_plan(
                template,
                self.programs().progression,
                start_phase=start_phase,
                days_per_week=days_per_week,
                start_date=start_date,
                weekly_cap_percent=cap,
                baseline_pain=verdict.rest_pain or 0,
                target_weekly_km=_target_km(session, episode_id),
            )
            session.execute(
                update(RunPlanRow)
                .where(RunPlanRow.episode_id == episode_id)
                .values(is_active=False)
            )
            visit = latest_visit(session, episode_id)
            row = RunPlanRow(
                episode_id=episode_id,
                visit_id=None if visit is None else visit.id,
                template=template.code,
                start_phase=start_phase,
                days_per_week=days_per_week,
                weekly_cap_percent=plan.weekly_cap_percent,
                phases=json.dumps(plan_document(plan)),
                readiness=json.dumps(verdict.to_document()),
                criteria_version=verdict.criteria_version,
                is_active=True,
                created_by=self.access.user_id,
            )
            session.add(row)
            session.flush()
            record_event(
                session,
                "run_plan.create",
                entity="run_plan",
                entity_id=row.id,
                patient_id=episode.patient_id,
                user_id=self.access.user_id,
                detail={
                    "template": template.code,
                    "start_phase": start_phase,
                    "days_per_week": days_per_week,
                    "cap_percent": plan.weekly_cap_percent,
                    "readiness": verdict.overall.value,
                    "criteria_version": verdict.criteria_version,
                },
            )
            return _stored_plan(row, user_names(session))

    # --- helpers -------------------------------------------------------------------------


def _title(episode: EpisodeRow, date_format: str) -> str:
    what = episode.diagnosis_label or (
        "Performance" if episode.kind == "performance" else "Episode"
    )
    return f"{what}, from {format_date(episode.started_on, date_format)} ({episode.status})"


def _target_km(session: Session, episode_id: int) -> float | None:
    return session.scalar(
        select(RunningProfileRow.weekly_km_before).where(RunningProfileRow.episode_id == episode_id)
    )


def _active_plan(session: Session, episode_id: int) -> StoredPlan | None:
    row = session.scalar(
        select(RunPlanRow)
        .where(RunPlanRow.episode_id == episode_id, RunPlanRow.is_active.is_(True))
        .order_by(RunPlanRow.id.desc())
        .limit(1)
    )
    return None if row is None else _stored_plan(row, user_names(session))


def active_run_plan(session: Session, episode_id: int) -> RunPlan | None:
    """The episode's current walk/run plan, for documents built in another service's
    transaction (the handout, the discharge summary); ``None`` without one."""
    stored = _active_plan(session, episode_id)
    return None if stored is None else stored.plan


def _stored_plan(row: RunPlanRow, names: dict) -> StoredPlan:
    verdict: ReadinessVerdict | None = verdict_from_document(json.loads(row.readiness or "{}"))
    return StoredPlan(
        row.id,
        row.episode_id,
        plan_from_document(json.loads(row.phases)),
        verdict,
        row.criteria_version,
        row.is_active,
        row.created_at,
        names.get(row.created_by, ""),
        row.version,
    )
