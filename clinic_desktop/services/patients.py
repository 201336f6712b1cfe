"""Finding, reading and registering patients."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, or_, select
from sqlalchemy.orm.exc import StaleDataError

from clinic_desktop.domain.access import Permission
from clinic_desktop.domain.errors import NotFound, StaleRecord, ValidationError, ValidationErrors
from clinic_desktop.domain.patient_rules import age_on, fold_name, phone_digits
from clinic_desktop.domain.patients import (
    EPISODE_STATUS_LABELS,
    EpisodeSummary,
    NewPatient,
    PatientDetails,
    PatientOverview,
    PatientSummary,
    VisitSummary,
    display_name,
)
from clinic_desktop.domain.registration import (
    CheckedPatient,
    DuplicateMatch,
    PossibleDuplicate,
    check_patient,
    duplicate_reasons,
)
from clinic_desktop.domain.search import parse_patient_query
from clinic_desktop.services.access import Access, Service, requires
from clinic_desktop.services.audit import record_event
from clinic_desktop.storage.database import Database
from clinic_desktop.storage.models import ClinicSettingsRow, PatientRow
from clinic_desktop.storage.patient_queries import (
    current_diagnoses_by_patient,
    overview_rows,
    search_patient_rows,
)

SEARCH_LIMIT = 200


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
            current = current_diagnoses_by_patient(session, [row.id for row in rows])
        summaries = []
        for row in rows:
            kind, diagnosis, status = current.get(row.id, ("", "", ""))
            if kind == "performance" and not diagnosis:
                diagnosis = "Performance/prevention"
            if diagnosis and status != "active":
                diagnosis += f" ({EPISODE_STATUS_LABELS.get(status, status).lower()})"
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

    @requires(Permission.FIND_PATIENTS)
    def details(self, patient_id: int) -> PatientDetails:
        """The patient's demographics with the version a later update must quote."""
        with self._db.reading() as session:
            row = session.get(PatientRow, patient_id)
            if row is None:
                raise NotFound("This patient is no longer on file.")
            return _details(row)

    @requires(Permission.EDIT_DEMOGRAPHICS)
    def register(
        self,
        new: NewPatient,
        *,
        date_format: str = "yyyy-mm-dd",
        allow_duplicate: bool = False,
    ) -> PatientDetails:
        """Register a patient; the MRN comes from the clinic's prefix and sequence unless one
        is typed.

        Raises ValidationErrors naming each field (see ``registration.check_patient``), and
        PossibleDuplicate listing the patients on file with the same name and birth date or
        the same phone, unless ``allow_duplicate`` says the desk has checked. Nothing is
        saved when either is raised.
        """
        checked = check_patient(new, self._today(), date_format)
        with self._db.transaction() as session:
            if not allow_duplicate:
                _refuse_duplicates(session, checked, exclude_id=None)
            mrn = checked.mrn or _next_mrn(session)
            _refuse_used_mrn(session, mrn, exclude_id=None)
            row = PatientRow(mrn=mrn)
            _copy_demographics(checked, row)
            session.add(row)
            session.flush()
            record_event(
                session,
                "patient.create",
                entity="patient",
                entity_id=row.id,
                patient_id=row.id,
                user_id=self.access.user_id,
                detail={"mrn": mrn, "duplicate_confirmed": allow_duplicate},
            )
            return _details(row)

    @requires(Permission.EDIT_DEMOGRAPHICS)
    def update(
        self,
        patient_id: int,
        new: NewPatient,
        version: int,
        *,
        date_format: str = "yyyy-mm-dd",
        allow_duplicate: bool = False,
    ) -> PatientDetails:
        """Correct a patient's demographics, including the MRN (kept if left blank).

        ``version`` is the one the form was loaded with: if the record was saved elsewhere
        since, StaleRecord is raised and nothing is overwritten. Raises ValidationErrors and
        PossibleDuplicate as ``register`` does.
        """
        checked = check_patient(new, self._today(), date_format)
        try:
            with self._db.transaction() as session:
                row = session.get(PatientRow, patient_id)
                if row is None:
                    raise NotFound("This patient is no longer on file.")
                if row.version != version:
                    raise StaleRecord(_STALE_PATIENT)
                if not allow_duplicate:
                    _refuse_duplicates(session, checked, exclude_id=patient_id)
                mrn = checked.mrn or row.mrn
                _refuse_used_mrn(session, mrn, exclude_id=patient_id)
                before = _details(row)
                row.mrn = mrn
                _copy_demographics(checked, row)
                changed = [
                    name
                    for name in _DEMOGRAPHIC_FIELDS + ("mrn",)
                    if getattr(before, name) != getattr(row, name)
                ]
                session.flush()
                record_event(
                    session,
                    "patient.update",
                    entity="patient",
                    entity_id=row.id,
                    patient_id=row.id,
                    user_id=self.access.user_id,
                    detail={"fields": changed, "duplicate_confirmed": allow_duplicate},
                )
                return _details(row)
        except StaleDataError as error:
            raise StaleRecord(_STALE_PATIENT) from error


_STALE_PATIENT = (
    "This patient's details were changed at another workstation after you opened them. "
    "Nothing was saved; reopen the patient to see the current details."
)
_DEMOGRAPHIC_FIELDS = (
    "family_name",
    "given_name",
    "preferred_name",
    "birth_date",
    "sex",
    "phone",
    "email",
    "address",
    "emergency_contact",
    "referring_provider",
    "weight_kg",
    "height_cm",
    "notes",
)


def _copy_demographics(checked: CheckedPatient, row: PatientRow) -> None:
    for name in _DEMOGRAPHIC_FIELDS:
        setattr(row, name, getattr(checked, name))
    row.phone_digits = phone_digits(checked.phone)
    row.search_name = search_key(checked.family_name, checked.given_name, checked.preferred_name)


def _refuse_used_mrn(session, mrn: str, exclude_id: int | None) -> None:
    owner = session.scalar(select(PatientRow.id).where(PatientRow.mrn == mrn))
    if owner is not None and owner != exclude_id:
        raise ValidationErrors(
            [ValidationError("mrn", f"The record number {mrn} is already in use.")]
        )


def _refuse_duplicates(session, checked: CheckedPatient, exclude_id: int | None) -> None:
    matches = []
    digits = phone_digits(checked.phone)
    same_birth_or_phone = PatientRow.birth_date == checked.birth_date
    if digits:
        same_birth_or_phone = or_(same_birth_or_phone, PatientRow.phone_digits == digits)
    for row in session.scalars(select(PatientRow).where(same_birth_or_phone).limit(50)):
        if row.id == exclude_id:
            continue
        reasons = duplicate_reasons(
            checked, row.family_name, row.given_name, row.birth_date, row.phone
        )
        if reasons:
            matches.append(DuplicateMatch(_summary(row), row.phone, reasons))
    if matches:
        raise PossibleDuplicate(matches)


def _summary(row: PatientRow) -> PatientSummary:
    return PatientSummary(
        id=row.id,
        mrn=row.mrn,
        name=display_name(row.family_name, row.given_name, row.preferred_name),
        birth_date=row.birth_date,
        age_years=age_on(row.birth_date, dt.date.today()),
        active_diagnosis="",
        last_visit_on=row.last_visit_on,
    )


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
