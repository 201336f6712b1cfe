"""Patient queries: the search behind the patient list, and one patient's overview.

Search runs in two steps so that broad queries stay cheap: the first finds the ids of the
best matches, tier by tier, on narrow covering indexes; the second fetches the display
columns and the active diagnosis for those few ids.
"""

from __future__ import annotations

from sqlalchemy import Select, and_, select
from sqlalchemy.orm import Session

from clinic_desktop.domain.search import PatientQuery
from clinic_desktop.storage.models import EpisodeRow, PatientRow, UserRow, VisitRow


def _recent_first(dialect_name: str) -> tuple:
    """Most recent visit first, never-seen patients last; ties to the newest registration."""
    last_visit = PatientRow.last_visit_on.desc()
    # SQLite already puts NULLs last when descending, and only then can walk the index.
    if dialect_name != "sqlite":
        last_visit = last_visit.nulls_last()
    return (last_visit, PatientRow.id.desc())


def _starts_with(column, prefix: str, dialect_name: str):
    """``column`` starts with ``prefix``, written so that an index on it can be used."""
    if dialect_name == "sqlite" and prefix:
        # SQLite's LIKE ignores case and so cannot use a plain index; a range can.
        successor = prefix[:-1] + chr(ord(prefix[-1]) + 1)
        return and_(column >= prefix, column < successor)
    return column.startswith(prefix, autoescape=True)


def patient_search_tiers(query: PatientQuery, dialect_name: str) -> list[Select]:
    """The statements that find matching patient ids, best kind of match first.

    Each tier is ordered by the most recent visit, so the database can walk an index in
    that order and stop as soon as enough patients are found; the caller runs the tiers in
    turn until the list is full. Tiers, in rank order: the exact MRN; MRNs starting with
    the text; the birth date; a family name starting with the first word; any name starting
    with it; the words anywhere in the names; phone digits anywhere in the number.
    """
    patient = PatientRow
    order = _recent_first(dialect_name)
    if query.is_empty:
        return [select(patient.id).order_by(*order)]

    tiers: list[Select] = []
    if query.mrn:
        tiers.append(select(patient.id).where(patient.mrn == query.mrn))
        tiers.append(
            select(patient.id)
            .where(_starts_with(patient.mrn, query.mrn, dialect_name))
            .order_by(*order)
        )
    if query.birth_date is not None:
        tiers.append(
            select(patient.id).where(patient.birth_date == query.birth_date).order_by(*order)
        )
    if query.name_terms:
        first = query.name_terms[0]
        every_word = and_(
            *(patient.search_name.contains(t, autoescape=True) for t in query.name_terms)
        )
        tiers.append(
            select(patient.id)
            .where(_starts_with(patient.search_name, first, dialect_name), every_word)
            .order_by(*order)
        )
        tiers.append(
            select(patient.id)
            .where(patient.search_name.contains(" " + first, autoescape=True), every_word)
            .order_by(*order)
        )
        tiers.append(select(patient.id).where(every_word).order_by(*order))
    if query.phone_digits:
        tiers.append(
            select(patient.id)
            .where(patient.phone_digits.contains(query.phone_digits, autoescape=True))
            .order_by(*order)
        )
    return tiers


def find_patient_ids(session: Session, query: PatientQuery, limit: int) -> list[int]:
    """Ids of the best ``limit`` matches for ``query``, best first, each patient once."""
    dialect = session.get_bind().dialect.name
    found: list[int] = []
    seen: set[int] = set()
    for tier in patient_search_tiers(query, dialect):
        # A patient already found in a better tier may match again here; ask for enough
        # extra rows to make up for them.
        wanted = limit - len(found)
        if wanted <= 0:
            break
        for patient_id in session.scalars(tier.limit(wanted + len(seen))):
            if patient_id not in seen:
                seen.add(patient_id)
                found.append(patient_id)
                if len(found) == limit:
                    break
    return found


def search_patient_rows(session: Session, query: PatientQuery, limit: int) -> list:
    """Rows for the patient list, in rank order: at most ``limit`` of them."""
    ids = find_patient_ids(session, query, limit)
    if not ids:
        return []
    rows = session.execute(
        select(
            PatientRow.id,
            PatientRow.mrn,
            PatientRow.family_name,
            PatientRow.given_name,
            PatientRow.preferred_name,
            PatientRow.birth_date,
            PatientRow.last_visit_on,
        ).where(PatientRow.id.in_(ids))
    ).all()
    position = {patient_id: index for index, patient_id in enumerate(ids)}
    return sorted(rows, key=lambda row: position[row.id])


def current_diagnoses_by_patient(session: Session, patient_ids: list[int]) -> dict[int, tuple]:
    """(kind, diagnosis label, status) of each listed patient's current episode: the most
    recently started active one, else the most recently started of any status."""
    if not patient_ids:
        return {}
    rows = session.execute(
        select(
            EpisodeRow.patient_id, EpisodeRow.kind, EpisodeRow.diagnosis_label, EpisodeRow.status
        )
        .where(EpisodeRow.patient_id.in_(patient_ids))
        .order_by(EpisodeRow.status == "active", EpisodeRow.started_on, EpisodeRow.id)
    ).all()
    return {patient_id: (kind, label, status) for patient_id, kind, label, status in rows}


def overview_rows(session: Session, patient_id: int):
    """The patient row, their episodes (newest first) and visits (in date order)."""
    patient = session.get(PatientRow, patient_id)
    if patient is None:
        return None, [], []
    episodes = session.scalars(
        select(EpisodeRow)
        .where(EpisodeRow.patient_id == patient_id)
        .order_by(EpisodeRow.started_on.desc(), EpisodeRow.id.desc())
    ).all()
    visits = session.execute(
        select(VisitRow, UserRow.display_name, UserRow.credentials)
        .join(EpisodeRow, EpisodeRow.id == VisitRow.episode_id)
        .outerjoin(UserRow, UserRow.id == VisitRow.therapist_id)
        .where(EpisodeRow.patient_id == patient_id)
        .order_by(VisitRow.visit_date, VisitRow.id)
    ).all()
    return patient, episodes, visits
