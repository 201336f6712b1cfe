"""Printed home-exercise handouts: the current program of a patient, as a PDF.

The front desk prints the current handout (``PRINT_HANDOUT``); an earlier version needs
clinical rights. Every generated PDF is recorded in ``document`` (who, when, which
patient, its SHA-256 and bytes) and audited, so what was handed out can be shown again.
Generation may run on a worker thread: each call uses its own sessions.

The command line acts as ``command_line_identity()``, which may print handouts and
nothing else; its documents and audit rows carry no user (it is not a person) and say
``"by": "command line"`` in the audit detail.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from clinic_desktop.domain.access import Permission, Role, SignedInUser
from clinic_desktop.domain.errors import ClinicError, NotFound
from clinic_desktop.domain.exercises import Library
from clinic_desktop.domain.home_program import Handout, HandoutExercise, Letterhead
from clinic_desktop.reports.handout import render_handout
from clinic_desktop.services.access import Access, Service, requires
from clinic_desktop.services.audit import record_event
from clinic_desktop.services.documents import note_printed
from clinic_desktop.services.exercise_library import LibrarySource
from clinic_desktop.services.programs import item_dosage
from clinic_desktop.services.return_to_run import active_run_plan
from clinic_desktop.storage.models import (
    ClinicSettingsRow,
    DocumentRow,
    EpisodeRow,
    HomeProgramRow,
    PatientRow,
    ProgramItemRow,
    UserRow,
    VisitRow,
)

HANDOUT_KIND = "handout"
#: Called with (percent done, what is happening) while a handout is made.
Progress = Callable[[int, str], None]


@dataclass(frozen=True)
class CommandLineIdentity(SignedInUser):
    """A system identity holding exactly the permissions it is given, not a role's."""

    granted: frozenset[Permission] = frozenset()

    @property
    def permissions(self) -> frozenset[Permission]:
        return self.granted


def command_line_identity() -> SignedInUser:
    """Who ``clinic-desktop report handout`` acts as: it may print handouts, nothing more."""
    return CommandLineIdentity(
        id=0, username="command-line", display_name="Command line", credentials="",
        roles=frozenset({Role.FRONT_DESK}), granted=frozenset({Permission.PRINT_HANDOUT}),
    )  # fmt: skip


@dataclass(frozen=True)
class GeneratedHandout:
    """A handout made and recorded: its PDF, where it is filed, and its fingerprint."""

    document_id: int
    patient_id: int
    title: str
    pdf: bytes
    sha256: str
    page_count: int
    exercise_count: int


class HandoutService(Service):
    def __init__(
        self, database, source: LibrarySource, access: Access | None = None, today=dt.date.today
    ) -> None:
        super().__init__(database, access)
        self._source = source
        self._today = today

    @requires(Permission.PRINT_HANDOUT)
    def patient_for_mrn(self, mrn: str) -> int:
        """The id of the patient with this record number; raises ``NotFound``."""
        with self._db.reading() as session:
            patient_id = session.scalar(
                select(PatientRow.id).where(PatientRow.mrn == mrn.strip().upper())
            )
        if patient_id is None:
            raise NotFound(f"No patient has the record number {mrn.strip()}.")
        return patient_id

    @requires(Permission.PRINT_HANDOUT)
    def handout(self, patient_id: int, program_id: int | None = None) -> Handout:
        """What the handout shows: the patient's current program, or version ``program_id``
        (which needs clinical rights). Raises ``NotFound`` with a sentence if there is none."""
        if program_id is not None:
            self.access.require(Permission.CLINICAL_READ)
        library = self._source.library()
        with self._db.reading() as session:
            return _handout(session, patient_id, program_id, library, self._today())

    @requires(Permission.PRINT_HANDOUT)
    def generate(
        self, patient_id: int, program_id: int | None = None, progress: Progress | None = None
    ) -> GeneratedHandout:
        """Make the handout PDF and record it (one write transaction, audited)."""
        report = progress or (lambda _percent, _text: None)
        report(5, "Reading the home program")
        handout = self.handout(patient_id, program_id)
        total = len(handout.exercises)
        rendered = render_handout(
            handout,
            lambda done, of: report(10 + int(80 * done / max(1, of)), f"Exercise {done} of {of}"),
        )
        report(92, "Filing the handout")
        digest = hashlib.sha256(rendered.data).hexdigest()
        title = f"Home exercise program, {handout.patient_name}"
        user = self.access.user
        with self._db.transaction() as session:
            row = DocumentRow(
                patient_id=patient_id, episode_id=handout.episode_id, kind=HANDOUT_KIND,
                title=title[:200], created_by=self.access.user_id or None, sha256=digest,
                content=rendered.data,
            )  # fmt: skip
            session.add(row)
            session.flush()
            record_event(
                session, "document.generate", entity="document", entity_id=row.id,
                patient_id=patient_id, user_id=self.access.user_id or None,
                detail={"kind": HANDOUT_KIND, "sha256": digest, "pages": rendered.page_count,
                        "program_id": handout.program_id,
                        "by": user.display_name if user else ""},
            )  # fmt: skip
            document_id = row.id
        report(100, "Ready")
        return GeneratedHandout(
            document_id=document_id, patient_id=patient_id, title=title, pdf=rendered.data,
            sha256=digest, page_count=rendered.page_count, exercise_count=total,
        )  # fmt: skip

    @requires(Permission.PRINT_HANDOUT)
    def mark_printed(self, document_id: int) -> None:
        """Note that a generated handout went to the printer (audited)."""
        with self._db.transaction() as session:
            note_printed(session, document_id, self.access.user_id)


def _episode_for(session: Session, patient_id: int) -> EpisodeRow | None:
    episodes = session.scalars(
        select(EpisodeRow)
        .where(EpisodeRow.patient_id == patient_id)
        .order_by(EpisodeRow.started_on.desc(), EpisodeRow.id.desc())
    ).all()
    for status in ("active", "on_hold"):
        for episode in episodes:
            if episode.status == status:
                return episode
    return episodes[0] if episodes else None


def _person(user: UserRow | None) -> str:
    if user is None:
        return ""
    return f"{user.display_name}, {user.credentials}" if user.credentials else user.display_name


def _handout(
    session: Session, patient_id: int, program_id: int | None, library: Library, today: dt.date
) -> Handout:
    patient = session.get(PatientRow, patient_id)
    if patient is None:
        raise NotFound("This patient is no longer on file.")
    name = f"{patient.given_name} {patient.family_name}".strip()
    if program_id is None:
        episode = _episode_for(session, patient_id)
        program = None
        if episode is not None:
            program = session.scalar(
                select(HomeProgramRow)
                .where(HomeProgramRow.episode_id == episode.id)
                .order_by(HomeProgramRow.id.desc())
                .limit(1)
            )
    else:
        program = session.get(HomeProgramRow, program_id)
        episode = session.get(EpisodeRow, program.episode_id) if program else None
        if episode is not None and episode.patient_id != patient_id:
            program = None
    if program is None or episode is None:
        raise NotFound(
            f"{name} has no home program in the current episode of care yet; the therapist "
            "builds it in the Home program tab."
        )
    items = session.scalars(
        select(ProgramItemRow)
        .where(ProgramItemRow.program_id == program.id)
        .order_by(ProgramItemRow.position)
    ).all()
    if not items:
        raise NotFound(f"{name}'s home program has no exercises yet.")
    missing = [item.exercise_code for item in items if item.exercise_code not in library]
    if missing:
        raise ClinicError(
            f"The program lists an exercise that is no longer in the library ({missing[0]}); "
            "ask the therapist to replace it before printing."
        )
    visit = session.get(VisitRow, program.visit_id) if program.visit_id else None
    therapist_id = (visit.therapist_id if visit else None) or program.issued_by
    settings = session.get(ClinicSettingsRow, 1)
    letterhead = Letterhead(
        clinic_name=settings.clinic_name if settings else "My running clinic",
        address=settings.address if settings else "",
        phone=settings.phone if settings else "",
        logo=settings.logo if settings else None,
        paper_size=settings.paper_size if settings else "A4",
    )
    return Handout(
        letterhead=letterhead,
        patient_name=name,
        mrn=patient.mrn,
        therapist=_person(session.get(UserRow, therapist_id) if therapist_id else None),
        program_date=visit.visit_date if visit else program.issued_at.date(),
        printed_on=today,
        exercises=tuple(
            HandoutExercise(library.get(item.exercise_code), item_dosage(item, library))
            for item in items
        ),
        date_format=settings.date_format if settings else "yyyy-mm-dd",
        episode_id=episode.id,
        program_id=program.id,
        run_plan=active_run_plan(session, episode.id),
        distance_unit=settings.distance_unit if settings else "km",
    )
