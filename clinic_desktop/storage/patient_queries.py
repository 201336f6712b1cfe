"""Patient queries: the search behind the patient list, and one patient's overview.

Search runs in two steps so that broad queries stay cheap: the first finds the ids of the
best matches (scanning only the narrow, covering search index), the second fetches the
display columns and the active diagnosis for those few ids.
"""

from __future__ import annotations

from sqlalchemy import Select, and_, case, literal, or_, select
from sqlalchemy.orm import Session

from clinic_desktop.domain.search import PatientQuery
from clinic_desktop.storage.models import EpisodeRow, PatientRow, UserRow, VisitRow

# Rank of each way to match; lower is better.
RANK_MRN = 0
RANK_BIRTH_DATE = 1
RANK_NAME_START = 2
RANK_WORD_START = 3
RANK_OTHER = 4


def _last_visit_order(dialect_name: str):
    column = PatientRow.last_visit_on.desc()
    # SQLite already sorts NULLs last in descending order, and can then use the index.
    return column if dialect_name == "sqlite" else column.nulls_last()


def patient_search_statement(query: PatientQuery, limit: int, dialect_name: str) -> Select:
    """The id-finding statement for ``query``: best match first, then most recent visit."""
    patient = PatientRow
    order = _last_visit_order(dialect_name)
    if query.is_empty:
        return select(patient.id).order_by(order, patient.id).limit(limit)

    matches = []
    ranks = []
    if query.mrn:
        matches.append(patient.mrn.startswith(query.mrn, autoescape=True))
        ranks.append((patient.mrn == query.mrn, RANK_MRN))
    if query.birth_date is not None:
        matches.append(patient.birth_date == query.birth_date)
        ranks.append((patient.birth_date == query.birth_date, RANK_BIRTH_DATE))
    if query.phone_digits:
        matches.append(patient.phone_digits.contains(query.phone_digits, autoescape=True))
    if query.name_terms:
        # Every word typed must appear somewhere in the folded names.
        matches.append(
            and_(*(patient.search_name.contains(t, autoescape=True) for t in query.name_terms))
        )
        first = query.name_terms[0]
        ranks.append((patient.search_name.startswith(first, autoescape=True), RANK_NAME_START))
        ranks.append(
            (patient.search_name.contains(" " + first, autoescape=True), RANK_WORD_START)
        )
    rank = case(*ranks, else_=literal(RANK_OTHER)) if ranks else literal(RANK_OTHER)
    return (
        select(patient.id)
        .where(or_(*matches))
        .order_by(rank, order, patient.id)
        .limit(limit)
    )


def search_patient_rows(session: Session, query: PatientQuery, limit: int) -> list:
    """Rows for the patient list, in rank order: at most ``limit`` of them."""
    dialect = session.get_bind().dialect.name
    ids = list(session.scalars(patient_search_statement(query, limit, dialect)))
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


def active_episodes_by_patient(session: Session, patient_ids: list[int]) -> dict[int, EpisodeRow]:
    """The most recently started active episode of each listed patient."""
    if not patient_ids:
        return {}
    episodes = session.scalars(
        select(EpisodeRow)
        .where(EpisodeRow.patient_id.in_(patient_ids), EpisodeRow.status == "active")
        .order_by(EpisodeRow.started_on, EpisodeRow.id)
    ).all()
    return {episode.patient_id: episode for episode in episodes}


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
