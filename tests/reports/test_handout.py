"""The printed handout: what a patient reads at home, checked by reading the PDF back."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4, LETTER
from sqlalchemy import select

from clinic_desktop.app import main
from clinic_desktop.domain.dosage import describe_dosage, validate_dosage
from clinic_desktop.domain.exercises import load_library
from clinic_desktop.domain.home_program import Handout, HandoutExercise, Letterhead
from clinic_desktop.reports.handout import render_handout
from clinic_desktop.services.clinic import open_clinic
from clinic_desktop.storage.location import DEMO_DATABASE_FILE, DatabaseLocation
from clinic_desktop.storage.models import AuditEventRow, DocumentRow
from tests.conftest import sign_in_as


def _text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def _handout(paper: str = "A4", count: int = 10, name: str = "Zoë Søndergaard-Łukasik"):
    library = load_library()
    exercises = [e for e in library][::6][:count]
    return Handout(
        letterhead=Letterhead("Stride Running Clinic", "12 Riverside Walk\nSpringfield",
                              "555 0100 200", paper_size=paper),  # fmt: skip
        patient_name=name, mrn="P0042", therapist="Dana Whitfield, PT, DPT",
        program_date=dt.date(2026, 10, 5), printed_on=dt.date(2026, 10, 6),
        exercises=tuple(HandoutExercise(e, e.dosage) for e in exercises),
    )  # fmt: skip


def test_the_patient_each_exercise_and_its_dosage_sentence_are_in_the_pdf() -> None:
    handout = _handout()
    text = _text(render_handout(handout).data)
    assert "Zoë Søndergaard-Łukasik" in text  # accented names render as letters, not boxes
    for item in handout.exercises:
        assert item.exercise.name in text, item.exercise.id
        assert describe_dosage(item.dosage) in text, item.exercise.id
    assert "Dana Whitfield, PT, DPT" in text
    assert "Call Stride Running Clinic on 555 0100 200" in text
    assert "Tick each day you did the exercise" in text


def test_every_page_says_page_x_of_y() -> None:
    rendered = render_handout(_handout())
    reader = PdfReader(io.BytesIO(rendered.data))
    assert len(reader.pages) == rendered.page_count >= 2
    for number, page in enumerate(reader.pages, start=1):
        assert f"Page {number} of {rendered.page_count}" in page.extract_text()


@pytest.mark.parametrize("paper, size", [("A4", A4), ("Letter", LETTER)])
def test_the_page_size_follows_the_clinic_settings(paper: str, size) -> None:
    reader = PdfReader(io.BytesIO(render_handout(_handout(paper, count=2)).data))
    for page in reader.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(size)


def test_body_text_is_large_enough_to_read_at_home() -> None:
    pdf = render_handout(_handout(count=3)).data
    sizes: list[float] = []
    PdfReader(io.BytesIO(pdf)).pages[0].extract_text(
        visitor_text=lambda text, cm, tm, font, size: sizes.append(size * tm[0])
        if text.strip() else None
    )  # fmt: skip
    steps_and_purpose = [s for s in sizes if s < 15]
    # Page furniture (header, footer) is smaller; the exercise text is 12 pt or more.
    assert sorted(steps_and_purpose)[len(steps_and_purpose) // 2] >= 12


def test_a_band_colour_and_a_note_are_printed_with_the_dosage() -> None:
    library = load_library()
    band = library.get("monster_walk_band")
    dosage = validate_dosage(sets=2, reps=12, days_per_week=3, band_level="green",
                             note="Band above the knees")  # fmt: skip
    handout = _handout(count=1)
    handout = Handout(**{**vars(handout), "exercises": (HandoutExercise(band, dosage),)})
    text = _text(render_handout(handout).data)
    assert "2 sets of 12, 3 days a week. Use the green band. Band above the knees." in text


def test_progress_is_reported_for_every_exercise() -> None:
    seen: list[tuple[int, int]] = []
    render_handout(_handout(count=4), lambda done, total: seen.append((done, total)))
    assert seen == [(1, 4), (2, 4), (3, 4), (4, 4)]


# --- through the service and the command line ----------------------------------------------


def test_a_generated_handout_is_recorded_with_who_when_and_its_sha256(demo_clinic) -> None:
    patient_id = demo_clinic.handouts.patient_for_mrn("D0001")
    made = demo_clinic.handouts.generate(patient_id)
    assert made.exercise_count == 12
    with demo_clinic.database.reading() as session:
        row = session.get(DocumentRow, made.document_id)
        audit = session.scalars(
            select(AuditEventRow).where(AuditEventRow.action == "document.generate")
        ).all()
    assert row.sha256 == hashlib.sha256(row.content).hexdigest() == made.sha256
    assert row.patient_id == patient_id and row.kind == "handout"
    assert row.created_by == demo_clinic.access.user_id and row.created_at is not None
    assert audit[-1].entity_id == row.id and audit[-1].patient_id == patient_id
    text = _text(made.pdf)
    assert "Sofía Rivera" in text and "Use the green band" in text


def test_an_older_version_needs_clinical_rights(demo_clinic) -> None:
    from clinic_desktop.domain.access import Role
    from clinic_desktop.domain.errors import PermissionDenied

    patient_id = demo_clinic.handouts.patient_for_mrn("D0001")
    episode = demo_clinic.intake.episodes(patient_id)[0]
    first = demo_clinic.programs.versions(episode.id)[-1]
    older = demo_clinic.handouts.handout(patient_id, first.id)
    assert len(older.exercises) == 6
    sign_in_as(demo_clinic, {Role.FRONT_DESK}, username="desk")
    assert len(demo_clinic.handouts.handout(patient_id).exercises) == 12
    with pytest.raises(PermissionDenied):
        demo_clinic.handouts.handout(patient_id, first.id)


@pytest.fixture
def demo_folder(tmp_path: Path, demo_template: Path) -> Path:
    """A data folder holding a copy of the demo clinic, as ``--demo`` expects it."""
    shutil.copyfile(demo_template, tmp_path / DEMO_DATABASE_FILE)
    return tmp_path


def test_the_command_line_writes_the_handout_without_a_window(demo_folder: Path, capsys) -> None:
    tmp_path = demo_folder
    out = tmp_path / "rivera.pdf"
    code = main(["--demo", "--data-dir", str(tmp_path), "report", "handout",
                 "--patient", "D0001", "--out", str(out)])  # fmt: skip
    printed = capsys.readouterr().out
    assert code == 0 and "12 exercises" in printed
    assert re.search(r"SHA-256 ([0-9a-f]{64})", printed).group(1) == hashlib.sha256(
        out.read_bytes()
    ).hexdigest()
    assert "Sofía Rivera" in _text(out.read_bytes())
    clinic = open_clinic(DatabaseLocation.sqlite_file(tmp_path / DEMO_DATABASE_FILE))
    try:
        with clinic.database.reading() as session:
            event = session.scalars(select(AuditEventRow).order_by(AuditEventRow.id.desc())).first()
    finally:
        clinic.close()
    # The generation is audited; the command line is no person, so no user is named.
    assert event.action == "document.generate" and event.user_id is None
    assert '"by": "Command line"' in event.detail


def test_the_command_line_says_when_a_patient_has_no_program(demo_folder: Path, capsys) -> None:
    tmp_path = demo_folder
    code = main(["--demo", "--data-dir", str(tmp_path), "report", "handout",
                 "--patient", "D0003", "--out", str(tmp_path / "x.pdf")])  # fmt: skip
    assert code == 1
    assert "has no home program" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()
