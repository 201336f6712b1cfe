"""Finding, reading and registering patients."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from clinic_desktop.domain.access import Permission
from clinic_desktop.domain.errors import NotFound, ValidationError, ValidationErrors
from clinic_desktop.domain.patient_rules import (
    age_on,
    check_birth_date,
    check_email,
    check_phone,
    fold_name,
    phone_digits,
    require_text,
)
from clinic_desktop.domain.patients import (
    EpisodeSummary,
    NewPatient,
    PatientDetails,
    PatientOverview,
    PatientSummary,
    VisitSummary,
    display_name,
)
from clinic_desktop.domain.search import parse_patient_query
from clinic_desktop.services.access import Access, Service, requires
from clinic_desktop.services.audit import record_event
from clinic_desktop.storage.database import Database
from clinic_desktop.storage.models import ClinicSettingsRow, PatientRow
from clinic_desktop.storage.patient_queries import (
    active_diagnoses_by_patient,
    overview_rows,
    search_patient_rows,
)

SEARCH_LIMIT = 200
SEXES = ("female", "male", "other", "unknown")


def search_key(family_name: str, given_name: str, preferred_name: str) -> str:
    """The folded text the search matches names against."""
    return fold_name(" ".join((family_name, given_name, preferred_name)))


class PatientService(Service):
    """Use cases around the patient record; each call is one transaction."""

    def __init__(
        self, database: Database, access: Access | None = None, today=dt.date.today
    ) -> None:
        super().__init__(database, access)
        self._today = today

    @requires(Permission.FIND_PATIENTS)
    def search(
        self, text: str, date_format: str = "yyyy-mm-dd", limit: int = SEARCH_LIMIT
    ) -> list[PatientSummary]:
        """Patients matching ``text`` (name part, MRN, birth date or phone digits).

        Best match first (exact MRN, birth date, start of the family name, start of any
        name, anywhere), then the most recently seen. An empty text lists the most
        recently seen patients. At most ``limit`` rows.
        """
        query = parse_patient_query(text, date_format)
        if query.matches_nothing:
            return []
        today = self._today()
        with self._db.reading() as session:
            rows = search_patient_rows(session, query, limit)
            active = active_diagnoses_by_patient(session, [row.id for row in rows])
        summaries = []
        for row in rows:
            kind, diagnosis = active.get(row.id, ("", ""))
            if kind == "performance" and not diagnosis:
                diagnosis = "Performance/prevention"
            summaries.append(
                PatientSummary(
                    id=row.id,
                    mrn=row.mrn,
                    name=display_name(row.family_name, row.given_name, row.preferred_name),
                    birth_date=row.birth_date,
                    age_years=age_on(row.birth_date, today),
                    active_diagnosis=diagnosis,
                    last_visit_on=row.last_visit_on,
                )
            )
        return summaries

    @requires(Permission.FIND_PATIENTS)
    def count(self) -> int:
        with self._db.reading() as session:
            return session.scalar(select(func.count()).select_from(PatientRow)) or 0

    @requires(Permission.FIND_PATIENTS)
    def overview(self, patient_id: int) -> PatientOverview:
        """The patient's details, episodes and visits. Raises NotFound."""
        with self._db.reading() as session:
            patient, episodes, visits = overview_rows(session, patient_id)
            if patient is None:
                raise NotFound("This patient is no longer on file.")
            details = _details(patient)
            episode_list = [_episode(e) for e in episodes]
            visit_list = [
                VisitSummary(
                    id=v.id,
                    episode_id=v.episode_id,
                    visit_date=v.visit_date,
                    kind=v.kind,
                    attendance=v.attendance,
                    therapist=f"{name}, {cred}" if name and cred else (name or ""),
                    pain_now=v.pain_now,
                    status=v.status,
                )
                for v, name, cred in visits
            ]
        return PatientOverview(
            patient=details,
            age_years=age_on(details.birth_date, self._today()),
            episodes=episode_list,
            visits=visit_list,
        )

    @requires(Permission.EDIT_DEMOGRAPHICS)
    def register(self, new: NewPatient) -> PatientDetails:
        """Register a patient with the basic demographics; the MRN comes from the clinic's
        prefix and sequence unless one is typed. Raises ValidationErrors naming each field.
        """
        errors: list[ValidationError] = []
        values: dict[str, object] = {}
        checks = [
            ("family_name", lambda: require_text(new.family_name, "family_name")),
            ("given_name", lambda: require_text(new.given_name, "given_name")),
            ("birth_date", lambda: _birth_date(new.birth_date, self._today())),
            ("sex", lambda: _sex(new.sex)),
            ("phone", lambda: check_phone(new.phone)),
            ("email", lambda: check_email(new.email)),
        ]
        for field, check in checks:
            try:
                values[field] = check()
            except ValidationError as error:
                errors.append(error)
        if errors:
            raise ValidationErrors(errors)

        with self._db.transaction() as session:
            mrn = new.mrn.strip().upper()
            if mrn:
                if session.scalar(select(PatientRow.id).where(PatientRow.mrn == mrn)):
                    raise ValidationErrors(
                        [ValidationError("mrn", f"The record number {mrn} is already in use.")]
                    )
            else:
                mrn = _next_mrn(session)
            row = PatientRow(
                mrn=mrn,
                family_name=values["family_name"],
                given_name=values["given_name"],
                preferred_name=new.preferred_name.strip(),
                birth_date=values["birth_date"],
                sex=values["sex"],
                phone=values["phone"],
                phone_digits=phone_digits(values["phone"]),
                email=values["email"],
                search_name=search_key(
                    values["family_name"], values["given_name"], new.preferred_name
                ),
            )
            session.add(row)
            session.flush()
            record_event(
                session,
                "patient.create",
                entity="patient",
                entity_id=row.id,
                patient_id=row.id,
                user_id=self.access.user_id,
                detail={"mrn": mrn},
            )
            return _details(row)


def _birth_date(value: dt.date | None, today: dt.date) -> dt.date:
    if value is None:
        raise ValidationError("birth_date", "Enter the patient's date of birth.")
    return check_birth_date(value, today)


def _sex(value: str) -> str:
    if value not in SEXES:
        raise ValidationError("sex", "Choose female, male, other or not recorded.")
    return value


def _next_mrn(session) -> str:
    settings = session.get(ClinicSettingsRow, 1)
    prefix = settings.mrn_prefix if settings else "P"
    number = settings.next_mrn_number if settings else 1
    while True:
        mrn = f"{prefix}{number:06d}"
        number += 1
        if not session.scalar(select(PatientRow.id).where(PatientRow.mrn == mrn)):
            break
    if settings is not None:
        settings.next_mrn_number = number
    return mrn


def _details(row: PatientRow) -> PatientDetails:
    return PatientDetails(
        id=row.id,
        mrn=row.mrn,
        family_name=row.family_name,
        given_name=row.given_name,
        preferred_name=row.preferred_name,
        birth_date=row.birth_date,
        sex=row.sex,
        phone=row.phone,
        email=row.email,
        address=row.address,
        emergency_contact=row.emergency_contact,
        referring_provider=row.referring_provider,
        weight_kg=row.weight_kg,
        height_cm=row.height_cm,
        notes=row.notes,
        version=row.version,
    )


def _episode(row) -> EpisodeSummary:
    return EpisodeSummary(
        id=row.id,
        kind=row.kind,
        diagnosis_code=row.diagnosis_code,
        diagnosis_label=row.diagnosis_label,
        side=row.side,
        status=row.status,
        started_on=row.started_on,
        ended_on=row.ended_on,
        discharge_reason=row.discharge_reason,
    )
