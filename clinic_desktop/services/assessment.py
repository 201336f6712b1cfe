"""Recording an assessment: visits, one value at a time, signing and amendments.

Every call is one transaction and every change to clinical data is audited in it. Each
value is saved the moment a cell is committed, so a crash loses at most the cell being
typed. A save names the version of the value the screen showed; if another workstation
changed that value meanwhile the save is refused and nothing is overwritten. A signed
visit is locked: its values change only by an amendment that keeps both values and the
reason.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from pathlib import Path

from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session

from clinic_desktop.domain.access import Permission
from clinic_desktop.domain.assessment_values import (
    VISIT_KINDS,
    Amendment,
    CellKey,
    EarlierValue,
    Visit,
    VisitRecord,
    initial_plan,
    parse_planned_entry,
    planned_entry,
)
from clinic_desktop.domain.battery import Battery, load_battery
from clinic_desktop.domain.dates import format_date
from clinic_desktop.domain.errors import (
    ValidationError,
)
from clinic_desktop.domain.patient_rules import age_on
from clinic_desktop.services.access import Access, requires
from clinic_desktop.services.assessment_values import (
    ValueRecording,
    measurement_of,
    patient_id_of,
    refusing_stale,
    user_names,
    utc_now,
    visit_of,
    visit_row,
)
from clinic_desktop.services.audit import record_event
from clinic_desktop.services.episode_guard import ensure_episode_open
from clinic_desktop.storage.database import Database
from clinic_desktop.storage.models import (
    EpisodeRow,
    MeasurementAmendmentRow,
    MeasurementRow,
    PatientRow,
    VisitRow,
)

BATTERY_FILE = "battery.json"
STALE_VISIT = (
    "This visit was changed on another workstation while it was open here. Nothing was "
    "saved; it has been reloaded, check it and try again."
)
NEW_EPISODE_ADVICE = "To see the runner again, start a new episode of care at intake."


def clinic_battery_file(data_dir: Path | None) -> Path | None:
    """Where the clinic's own battery file lives: beside the database, in its data folder.

    ``None`` (no data folder, e.g. a database server) means the shipped battery only.
    """
    return None if data_dir is None else data_dir / BATTERY_FILE


class AssessmentService(ValueRecording):
    """Visits and their measurements; each call is one transaction.

    ``battery_file`` is the clinic's own battery (switched-off tests, own tests), read on
    first use; a missing file means the shipped battery. Reading needs the therapist's
    right to read clinical data, every change the right to write it; a new visit's
    therapist is whoever is signed in unless named.
    """

    def __init__(
        self,
        database: Database,
        battery_file: Path | None = None,
        today: Callable[[], dt.date] = dt.date.today,
        access: Access | None = None,
    ) -> None:
        super().__init__(database, access)
        self._battery_file = battery_file
        self._battery: Battery | None = None
        self._today = today

    @property
    def battery(self) -> Battery:
        """The clinic's battery. Raises :class:`BatteryFileError` if its file is unusable."""
        if self._battery is None:
            self._battery = load_battery(self._battery_file)
        return self._battery

    # --- reading ---------------------------------------------------------------------------

    @requires(Permission.CLINICAL_READ)
    def visits(self, episode_id: int) -> list[Visit]:
        """The episode's visits, oldest first."""
        with self._db.reading() as session:
            rows = session.scalars(
                select(VisitRow)
                .where(VisitRow.episode_id == episode_id)
                .order_by(VisitRow.visit_date, VisitRow.id)
            ).all()
            names = user_names(session)
            return [visit_of(row, names) for row in rows]

    @requires(Permission.CLINICAL_READ)
    def visit(self, visit_id: int) -> Visit:
        """One visit. Raises :class:`NotFound`."""
        with self._db.reading() as session:
            return visit_of(visit_row(session, visit_id), user_names(session))

    @requires(Permission.CLINICAL_READ)
    def record(self, visit_id: int) -> VisitRecord:
        """Everything the grid shows for a visit, with each cell's latest earlier value."""
        with self._db.reading() as session:
            row = visit_row(session, visit_id)
            episode = session.get(EpisodeRow, row.episode_id)
            patient = session.get(PatientRow, episode.patient_id)
            names = user_names(session)
            measurements = session.scalars(
                select(MeasurementRow).where(MeasurementRow.visit_id == visit_id)
            ).all()
            amendments = session.execute(
                select(MeasurementAmendmentRow, MeasurementRow)
                .join(MeasurementRow, MeasurementRow.id == MeasurementAmendmentRow.measurement_id)
                .where(MeasurementRow.visit_id == visit_id)
                .order_by(MeasurementAmendmentRow.id)
            ).all()
            earlier = session.execute(
                select(MeasurementRow, VisitRow.visit_date, VisitRow.therapist_id)
                .join(VisitRow, VisitRow.id == MeasurementRow.visit_id)
                .where(
                    VisitRow.episode_id == row.episode_id,
                    tuple_(VisitRow.visit_date, VisitRow.id) < tuple_(row.visit_date, row.id),
                )
                .order_by(VisitRow.visit_date, VisitRow.id)
            ).all()
            latest: dict[CellKey, EarlierValue] = {}
            for m, visit_date, therapist_id in earlier:
                same = (
                    None
                    if therapist_id is None or row.therapist_id is None
                    else therapist_id == row.therapist_id
                )
                latest[measurement_of(m).key] = EarlierValue(m.value, m.visit_id, visit_date, same)
            return VisitRecord(
                visit=visit_of(row, names),
                involved_side=episode.side,
                sex=patient.sex,
                age_years=age_on(patient.birth_date, row.visit_date)
                if row.visit_date >= patient.birth_date
                else None,
                weight_kg=patient.weight_kg,
                measurements=tuple(measurement_of(m) for m in measurements),
                earlier=latest,
                amendments=tuple(
                    Amendment(
                        a.measurement_id,
                        measurement_of(m).key,
                        a.old_value,
                        a.new_value,
                        a.reason,
                        a.amended_at,
                        names.get(a.amended_by, ""),
                    )
                    for a, m in amendments
                ),
            )

    # --- visits ----------------------------------------------------------------------------

    @requires(Permission.CLINICAL_WRITE)
    def start_visit(
        self,
        episode_id: int,
        kind: str,
        visit_date: dt.date | None = None,
        therapist_id: int | None = None,
    ) -> Visit:
        """Start a visit of ``kind`` (initial, follow_up, re_evaluation, discharge).

        A follow-up starts from the previous visit's list of tests (its plan, or the tests
        it measured if it had no plan), never its values; other kinds start from every test
        the clinic uses. Raises :class:`ValidationError` for an unknown kind or a date
        before the episode started, :class:`EpisodeClosed` for a discharged episode and
        :class:`NotFound` for an unknown episode.
        """
        if kind not in VISIT_KINDS:
            raise ValidationError(
                "kind", "Choose initial evaluation, follow-up, re-evaluation or discharge."
            )
        day = visit_date or self._today()
        with self._db.transaction() as session:
            episode = ensure_episode_open(session, episode_id, "its visits", NEW_EPISODE_ADVICE)
            if day < episode.started_on:
                raise ValidationError(
                    "visit_date",
                    f"The visit date is before the episode started "
                    f"({format_date(episode.started_on)}).",
                )
            plan = initial_plan(self.battery)
            if kind == "follow_up":
                plan = self._previous_plan(session, episode_id) or plan
            row = VisitRow(
                episode_id=episode_id,
                visit_date=day,
                kind=kind,
                attendance="attended",
                therapist_id=therapist_id if therapist_id is not None else self.access.user_id,
                status="draft",
                planned_tests=json.dumps(list(plan)),
            )
            session.add(row)
            session.flush()
            patient = session.get(PatientRow, episode.patient_id)
            if patient.last_visit_on is None or patient.last_visit_on < day:
                patient.last_visit_on = day
            record_event(
                session,
                "visit.create",
                entity="visit",
                entity_id=row.id,
                patient_id=episode.patient_id,
                user_id=self.access.user_id,
                detail={"kind": kind, "date": day.isoformat(), "tests": len(plan)},
            )
            return visit_of(row, user_names(session))

    def _previous_plan(self, session: Session, episode_id: int) -> tuple[str, ...]:
        previous = session.scalar(
            select(VisitRow)
            .where(VisitRow.episode_id == episode_id, VisitRow.attendance == "attended")
            .order_by(VisitRow.visit_date.desc(), VisitRow.id.desc())
            .limit(1)
        )
        if previous is None:
            return ()
        plan = tuple(json.loads(previous.planned_tests or "[]"))
        if plan:
            return plan
        measured = session.execute(
            select(MeasurementRow.test_code, MeasurementRow.mode)
            .where(MeasurementRow.visit_id == previous.id)
            .distinct()
        ).all()
        entries = []
        for code, mode in measured:
            parsed = parse_planned_entry(f"{code}:{mode}" if mode != "none" else code, self.battery)
            if parsed is not None:
                entries.append(planned_entry(*parsed))
        return tuple(sorted(set(entries), key=_battery_order(self.battery)))

    @requires(Permission.CLINICAL_WRITE)
    def set_plan(
        self,
        visit_id: int,
        entries: Sequence[str],
        *,
        expected_version: int,
    ) -> Visit:
        """Replace the visit's list of tests (rows). Entries the battery does not know are
        refused with a :class:`ValidationError`; a signed visit with :class:`VisitLocked`."""
        for entry in entries:
            if parse_planned_entry(entry, self.battery) is None:
                raise ValidationError("planned_tests", f"The battery has no test '{entry}'.")
        with refusing_stale(self._db) as session:
            row = self._open_draft_visit(session, visit_id, expected_version)
            row.planned_tests = json.dumps(list(dict.fromkeys(entries)))
            session.flush()
            record_event(
                session,
                "visit.plan",
                entity="visit",
                entity_id=row.id,
                user_id=self.access.user_id,
                patient_id=patient_id_of(session, row),
                detail={"tests": list(entries)},
            )
            return visit_of(row, user_names(session))

    @requires(Permission.CLINICAL_WRITE)
    def sign(self, visit_id: int, *, expected_version: int) -> Visit:
        """Sign the visit, which locks it. Raises :class:`VisitLocked` if already signed,
        :class:`StaleRecord` if it changed since ``expected_version``."""
        with refusing_stale(self._db) as session:
            row = self._open_draft_visit(session, visit_id, expected_version)
            row.status, row.signed_at, row.signed_by = "signed", utc_now(), self.access.user_id
            session.flush()
            count = len(
                session.scalars(
                    select(MeasurementRow.id).where(MeasurementRow.visit_id == visit_id)
                ).all()
            )
            record_event(
                session,
                "visit.sign",
                entity="visit",
                entity_id=row.id,
                user_id=self.access.user_id,
                patient_id=patient_id_of(session, row),
                detail={"measurements": count},
            )
            return visit_of(row, user_names(session))


def _battery_order(battery: Battery):
    order = {test.code: index for index, test in enumerate(battery.tests)}
    return lambda entry: (order.get(entry.partition(":")[0], len(order)), entry)
