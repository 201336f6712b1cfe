"""Progress reports and discharge summaries: assembled, generated, recorded and audited."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from clinic_desktop.domain.access import Permission, SignedInUser
from clinic_desktop.domain.battery import Battery, load_battery
from clinic_desktop.domain.discharge import DischargeDetails
from clinic_desktop.domain.errors import NotFound, ValidationError
from clinic_desktop.domain.exercises import Library, load_library
from clinic_desktop.domain.outcomes import Instrument, load_instruments
from clinic_desktop.domain.report_data import DISCHARGE, REPORT_KINDS, REPORT_TITLES, ReportData
from clinic_desktop.domain.self_management import ADVICE_FILE, load_advice
from clinic_desktop.reports.discharge import discharge_summary_pdf
from clinic_desktop.reports.progress_report import progress_report_pdf
from clinic_desktop.services.access import Access, Service, requires
from clinic_desktop.services.audit import record_event
from clinic_desktop.services.documents import note_printed
from clinic_desktop.services.report_assembly import Reference, assemble
from clinic_desktop.services.settings import settings_in
from clinic_desktop.storage.database import Database
from clinic_desktop.storage.models import DocumentRow, EpisodeRow, PatientRow, UserRow

Progress = Callable[[int, str], None]
STILL_IN_CARE = (
    "This runner is still in care, so there is no discharge summary to make yet. Discharge "
    "the episode on the Reports tab: the summary is made and recorded as care ends."
)


def _silent(_percent: int, _text: str) -> None:
    """Progress nobody listens to."""


@dataclass(frozen=True)
class ReportCommandIdentity(SignedInUser):
    """A system identity holding exactly the permissions it is given, not a role's."""

    granted: frozenset[Permission] = frozenset()

    @property
    def permissions(self) -> frozenset[Permission]:
        return self.granted


def report_command_identity() -> SignedInUser:
    """Who ``clinic-desktop report progress|discharge`` acts as: it may read clinical
    records (to print them) and nothing more. It has no user row: its documents carry no
    user, and the audit detail names it ("by": "report-command")."""
    return ReportCommandIdentity(
        id=0,
        username="report-command",
        display_name="Command line",
        credentials="",
        roles=frozenset(),
        granted=frozenset({Permission.CLINICAL_READ}),
    )


@dataclass(frozen=True)
class GeneratedReport:
    """A generated PDF as recorded in the clinic's documents."""

    document_id: int
    kind: str
    title: str
    pdf: bytes
    sha256: str
    patient_id: int
    episode_id: int


@dataclass(frozen=True)
class DocumentSummary:
    """A generated document as listed for the patient; times are local."""

    id: int
    kind: str  # "progress", "discharge", "handout"
    title: str
    created_at: dt.datetime
    created_by: str
    printed_at: dt.datetime | None
    episode_id: int | None


class ReportService(Service):
    """Builds the progress report and the discharge summary of a patient's episode.

    The clinic's own battery, questionnaires, exercise library and self-management
    advice (``self_management.json`` in ``data_dir``) are used when present.
    """

    def __init__(
        self,
        database: Database,
        battery_file: Path | None = None,
        instruments_dir: Path | None = None,
        data_dir: Path | None = None,
        access: Access | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(database, access)
        self._battery_file = battery_file
        self._instruments_dir = instruments_dir
        self._data_dir = data_dir
        self._today = today
        self._reference: Reference | None = None

    def _load_reference(self) -> Reference:
        if self._reference is None:
            battery: Battery = load_battery(self._battery_file)
            instruments: Mapping[str, Instrument] = load_instruments(self._instruments_dir)
            library: Library | None
            clinic_library = self._data_dir / "exercises.json" if self._data_dir else None
            try:
                library = load_library(
                    clinic_library if clinic_library and clinic_library.is_file() else None
                )
            except Exception:  # a broken clinic library leaves the pictures off, not the report
                library = load_library(None)
            advice_file = self._data_dir / ADVICE_FILE if self._data_dir else None
            self._reference = Reference(battery, instruments, library, load_advice(advice_file))
        return self._reference

    @requires(Permission.CLINICAL_READ)
    def report_data(self, patient_id: int, kind: str, episode_id: int | None = None) -> ReportData:
        """Everything the report prints, read in one transaction.

        Without ``episode_id`` the patient's active episode is used, else the latest.
        Raises :class:`NotFound` when the patient or an episode is not on file and
        ``ValueError`` for an unknown ``kind``.
        """
        with self._db.reading() as session:
            return self._assemble(session, patient_id, kind, episode_id)[0]

    @requires(Permission.CLINICAL_READ)
    def generate(
        self,
        patient_id: int,
        kind: str,
        episode_id: int | None = None,
        progress: Progress | None = None,
    ) -> GeneratedReport:
        """Build the PDF, record it in the documents (who, when, patient, SHA-256) and
        audit it, in one transaction. ``progress(percent, text)`` hears how far it got."""
        report = progress or _silent
        with self._db.transaction() as session:
            report(10, "reading the records")
            data, episode = self._assemble(session, patient_id, kind, episode_id)
            if kind == DISCHARGE and episode.status != "discharged":
                raise ValidationError("episode", STILL_IN_CARE)
            return self._record(session, data, episode.id, patient_id, report)

    def _build(self, session, data: ReportData, progress: Progress | None = None) -> bytes:
        (progress or _silent)(50, "laying out the pages and charts")
        paper = settings_in(session).paper_size
        build = discharge_summary_pdf if data.kind == DISCHARGE else progress_report_pdf
        return build(data, paper)

    def _record(
        self,
        session,
        data: ReportData,
        episode_id: int,
        patient_id: int,
        progress: Progress | None = None,
    ) -> GeneratedReport:
        """Build ``data``'s PDF, record it in the documents and audit it, in ``session``."""
        pdf = self._build(session, data, progress)
        (progress or _silent)(90, "recording it in the patient's documents")
        digest = hashlib.sha256(pdf).hexdigest()
        user_id = self.access.user_id
        # A system identity (the command line) has no user row: it is named in the audit.
        real_user = user_id if user_id and session.get(UserRow, user_id) else None
        title = f"{data.title}, {data.patient.name}, {data.date_text}"
        row = DocumentRow(
            patient_id=patient_id,
            episode_id=episode_id,
            kind=data.kind,
            title=title,
            created_by=real_user,
            sha256=digest,
            content=pdf,
        )
        session.add(row)
        session.flush()
        who = self.access.user.username if self.access.user else ""
        record_event(
            session,
            f"document.{data.kind}",
            entity="document",
            entity_id=row.id,
            patient_id=patient_id,
            user_id=real_user,
            detail={
                "sha256": digest,
                "episode_id": episode_id,
                "by": who,
                "pages_bytes": len(pdf),
            },
        )
        return GeneratedReport(row.id, data.kind, title, pdf, digest, patient_id, episode_id)

    @requires(Permission.CLINICAL_READ)
    def documents(self, patient_id: int) -> tuple[DocumentSummary, ...]:
        """The patient's generated documents (reports and handouts), newest first."""
        with self._db.reading() as session:
            rows = session.execute(
                select(DocumentRow, UserRow.display_name)
                .outerjoin(UserRow, UserRow.id == DocumentRow.created_by)
                .where(DocumentRow.patient_id == patient_id)
                .order_by(DocumentRow.created_at.desc(), DocumentRow.id.desc())
            ).all()
            return tuple(
                DocumentSummary(
                    id=row.id,
                    kind=row.kind,
                    title=row.title,
                    created_at=_local(row.created_at),
                    created_by=name or "",
                    printed_at=_local(row.printed_at) if row.printed_at else None,
                    episode_id=row.episode_id,
                )
                for row, name in rows
            )

    @requires(Permission.CLINICAL_READ)
    def document(self, document_id: int) -> GeneratedReport:
        """A recorded document as it was generated. Raises :class:`NotFound` when it is
        gone or its content no longer matches the SHA-256 recorded with it."""
        with self._db.reading() as session:
            row = session.get(DocumentRow, document_id)
            if row is None or row.content is None:
                raise NotFound("This document is no longer on file.")
            if hashlib.sha256(row.content).hexdigest() != row.sha256:
                raise NotFound(
                    f"The stored copy of '{row.title}' does not match the fingerprint recorded "
                    "when it was made, so it is not shown. Generate the document again."
                )
            return GeneratedReport(
                row.id, row.kind, row.title, row.content, row.sha256, row.patient_id,
                row.episode_id,
            )  # fmt: skip

    @requires(Permission.CLINICAL_READ)
    def mark_printed(self, document_id: int) -> None:
        """Note that a report went to the printer (audited)."""
        with self._db.transaction() as session:
            note_printed(session, document_id, self.access.user_id)

    @requires(Permission.CLINICAL_READ)
    def patient_id_for_mrn(self, mrn: str) -> int:
        """The id of the patient with this MRN; raises :class:`NotFound`."""
        with self._db.reading() as session:
            found = session.scalar(select(PatientRow.id).where(PatientRow.mrn == mrn.strip()))
        if found is None:
            raise NotFound(f"No patient has the MRN {mrn.strip()}.")
        return found

    def _assemble(
        self,
        session,
        patient_id: int,
        kind: str,
        episode_id: int | None,
        discharge: DischargeDetails | None = None,
    ):
        if kind not in REPORT_KINDS:
            raise ValueError(f"Unknown report {kind!r}; choose one of {', '.join(REPORT_KINDS)}.")
        patient = session.get(PatientRow, patient_id)
        if patient is None:
            raise NotFound("This patient is no longer on file.")
        episodes = session.scalars(
            select(EpisodeRow)
            .where(EpisodeRow.patient_id == patient_id)
            .order_by(EpisodeRow.started_on.desc(), EpisodeRow.id.desc())
        ).all()
        episode = next((e for e in episodes if e.id == episode_id), None)
        if episode is None:
            episode = next((e for e in episodes if e.status == "active"), None)
        if episode is None and episodes:
            episode = episodes[0]
        if episode is None:
            raise NotFound(
                f"{patient.given_name} {patient.family_name} has no episode of care, so there "
                f"is nothing for a {REPORT_TITLES[kind].lower()} to cover."
            )
        author = self.access.user
        data = assemble(
            session,
            kind,
            patient,
            episode,
            self._load_reference(),
            self._today(),
            author,
            discharge,
        )
        return data, episode


def _local(stored: dt.datetime) -> dt.datetime:
    """A stored UTC time as the workstation's local time, without a zone."""
    return stored.replace(tzinfo=dt.UTC).astimezone().replace(tzinfo=None)
