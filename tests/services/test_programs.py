"""Home programs: built item by item, versioned per visit, templates copied, audited."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import func, select

from clinic_desktop.domain.access import Role
from clinic_desktop.domain.clinic_exercises import ExerciseForm
from clinic_desktop.domain.errors import (
    ClinicError,
    PermissionDenied,
    StaleRecord,
    ValidationErrors,
)
from clinic_desktop.domain.patients import NewPatient
from clinic_desktop.storage.models import AuditEventRow, ExerciseRow, ProgramItemRow, VisitRow
from tests.conftest import sign_in_as


@pytest.fixture
def episode(clinic):
    """A registered runner with an active episode (and its initial visit)."""
    from clinic_desktop.domain.episodes import EpisodeForm

    patient = clinic.patients.register(
        NewPatient(family_name="Núñez", given_name="Inês", birth_date=dt.date(1990, 4, 2))
    )
    return clinic.intake.start_episode(
        patient.id, EpisodeForm(kind="performance", side="none", started_on="2026-10-01")
    )


def _audit_actions(clinic) -> list[str]:
    with clinic.database.reading() as session:
        return list(session.scalars(select(AuditEventRow.action).order_by(AuditEventRow.id)))


def _add_visit(clinic, episode_id: int, day: dt.date) -> int:
    with clinic.database.transaction() as session:
        visit = VisitRow(episode_id=episode_id, visit_date=day, kind="follow_up")
        session.add(visit)
        session.flush()
        return visit.id


def test_exercises_added_from_the_library_keep_their_default_dosage_and_order(clinic, episode):
    program = clinic.programs.add_exercise(episode.id, None, "clamshell_band")
    program = clinic.programs.add_exercise(episode.id, program.id, "calf_stretch_bent_knee")
    assert [i.exercise_id for i in program.items] == ["clamshell_band", "calf_stretch_bent_knee"]
    library = clinic.exercises.library()
    assert program.items[0].dosage == library.get("clamshell_band").dosage
    assert program.is_current and program.version.visit_id is not None
    assert _audit_actions(clinic)[-2:] == ["home_program.add", "home_program.add"]


def test_reordering_and_removing_keep_the_positions_whole(clinic, episode):
    program = None
    for code in ("bridge", "dead_bug", "side_plank", "strides"):
        program = clinic.programs.add_exercise(episode.id, program and program.id, code)
    program = clinic.programs.move_item(episode.id, program.id, program.items[3].id, 0)
    assert [i.exercise_id for i in program.items] == ["strides", "bridge", "dead_bug", "side_plank"]
    program = clinic.programs.remove_item(episode.id, program.id, program.items[1].id)
    assert [i.exercise_id for i in program.items] == ["strides", "dead_bug", "side_plank"]
    with clinic.database.reading() as session:
        positions = sorted(session.scalars(select(ProgramItemRow.position)))
    assert positions == [0, 1, 2]


def test_a_dosage_out_of_range_is_refused_with_its_sentence_and_nothing_changes(clinic, episode):
    program = clinic.programs.add_exercise(episode.id, None, "bridge")
    item = program.items[0]
    with pytest.raises(ValidationErrors) as refused:
        clinic.programs.set_dosage(
            episode.id, program.id, item.id, sets="12", reps="10", hold_s=0,
            times_per_day=1, days_per_week=3, side="both",
        )  # fmt: skip
    assert refused.value.by_field() == {"sets": "Sets must be between 1 and 10."}
    assert clinic.programs.current(episode.id).items[0].dosage == item.dosage


def test_a_good_dosage_with_a_band_colour_is_saved_and_audited(clinic, episode):
    program = clinic.programs.add_exercise(episode.id, None, "monster_walk_band")
    program = clinic.programs.set_dosage(
        episode.id, program.id, program.items[0].id, sets="2", reps="15", hold_s="0",
        times_per_day="1", days_per_week="4", side="both", band_level="Green",
        note="Band above the knees",
    )  # fmt: skip
    dosage = program.items[0].dosage
    assert (dosage.sets, dosage.reps, dosage.days_per_week) == (2, 15, 4)
    assert dosage.band_level == "green" and dosage.note == "Band above the knees"
    assert _audit_actions(clinic)[-1] == "home_program.dosage"


def test_a_new_visit_starts_a_new_version_and_the_old_one_stays_as_given(clinic, episode):
    first = clinic.programs.add_exercise(episode.id, None, "bridge")
    first = clinic.programs.add_exercise(episode.id, first.id, "dead_bug")
    _add_visit(clinic, episode.id, dt.date(2026, 10, 8))
    second = clinic.programs.set_dosage(
        episode.id, first.id, first.items[0].id, sets=2, reps=15, hold_s=0,
        times_per_day=1, days_per_week=3, side="both",
    )  # fmt: skip
    assert second.id != first.id and second.version.number == 2
    assert second.version.visit_date == dt.date(2026, 10, 8)
    assert [i.exercise_id for i in second.items] == ["bridge", "dead_bug"]
    assert second.items[0].dosage.reps == 15
    again = clinic.programs.program(first.id)
    assert again.items == first.items and not again.is_current
    versions = clinic.programs.versions(episode.id)
    assert [v.number for v in versions] == [2, 1]
    assert [v.item_count for v in versions] == [2, 2]


def test_a_change_from_a_screen_showing_an_old_version_is_refused(clinic, episode):
    first = clinic.programs.add_exercise(episode.id, None, "bridge")
    clinic.programs.add_exercise(episode.id, first.id, "dead_bug")  # same version
    _add_visit(clinic, episode.id, dt.date(2026, 10, 9))
    newer = clinic.programs.add_exercise(episode.id, first.id, "strides")
    with pytest.raises(StaleRecord):
        clinic.programs.add_exercise(episode.id, first.id, "side_plank")
    assert [i.exercise_id for i in clinic.programs.current(episode.id).items] == [
        i.exercise_id for i in newer.items
    ]


def test_a_discharged_episode_keeps_its_program_unchanged(demo_clinic):
    patient_id = demo_clinic.handouts.patient_for_mrn("D0001")
    episode = demo_clinic.intake.episodes(patient_id)[0]
    program = demo_clinic.programs.current(episode.id)
    with pytest.raises(ClinicError, match="discharged"):
        demo_clinic.programs.add_exercise(episode.id, program.id, "strides")


def test_a_template_is_a_copy_later_edits_do_not_change_it(clinic, episode, tmp_path):
    program = clinic.programs.add_exercise(episode.id, None, "clamshell_band")
    program = clinic.programs.add_exercise(episode.id, program.id, "bridge")
    saved = clinic.programs.save_template("Patellofemoral pain, phase 1", program.id)
    clinic.programs.set_dosage(
        episode.id, program.id, program.items[0].id, sets=1, reps=5, hold_s=0,
        times_per_day=1, days_per_week=2, side="each side",
    )  # fmt: skip
    (template,) = clinic.programs.templates()
    assert template.name == "Patellofemoral pain, phase 1" and template.items == saved.items
    assert template.items[0].dosage.sets == 3
    assert (tmp_path / "clinic-program-templates.json").exists()
    assert "program_template.save" in _audit_actions(clinic)


def test_applying_a_template_copies_its_exercises_into_another_program(clinic, episode):
    program = clinic.programs.add_exercise(episode.id, None, "bridge")
    program = clinic.programs.add_exercise(episode.id, program.id, "dead_bug")
    clinic.programs.save_template("Core start", program.id)
    other = clinic.patients.register(
        NewPatient(family_name="Okafor", given_name="Chidi", birth_date=dt.date(1985, 1, 5))
    )
    from clinic_desktop.domain.episodes import EpisodeForm

    episode2 = clinic.intake.start_episode(
        other.id, EpisodeForm(kind="performance", side="none", started_on="2026-10-02")
    )
    mine = clinic.programs.add_exercise(episode2.id, None, "bridge")
    mine = clinic.programs.apply_template(episode2.id, mine.id, "Core start")
    assert [i.exercise_id for i in mine.items] == ["bridge", "dead_bug"]  # no second bridge


def test_a_blank_template_name_gets_a_sentence(clinic, episode):
    program = clinic.programs.add_exercise(episode.id, None, "bridge")
    with pytest.raises(ValidationErrors) as refused:
        clinic.programs.save_template("   ", program.id)
    assert "name" in refused.value.by_field()
    assert clinic.programs.templates() == ()


def test_the_front_desk_may_print_but_not_build_programs(clinic, episode):
    sign_in_as(clinic, {Role.FRONT_DESK}, username="desk")
    with pytest.raises(PermissionDenied):
        clinic.programs.add_exercise(episode.id, None, "bridge")
    with pytest.raises(PermissionDenied):
        clinic.programs.current(episode.id)


# --- the clinic's own exercises ---------------------------------------------------------------


def _form(**changes) -> ExerciseForm:
    fields = dict(
        name="Towel scrunches", category="strength", body_region="foot",
        purpose="Strengthens the small muscles of the foot.",
        starting_position="Sit with a towel flat under one foot.",
        steps="Pull the towel toward you with your toes.\nRelax and repeat.",
        cues="Heel stays down.", sets="2", reps="15", days_per_week="5",
    )  # fmt: skip
    fields.update(changes)
    return ExerciseForm(**fields)


def _picture(path, kind: str = "PNG", size=(1600, 900)):
    from PIL import Image

    Image.new("RGB", size, (200, 120, 40)).save(path, format=kind)
    return path


def _bytes(path, data: bytes):
    path.write_bytes(data)
    return path


def test_the_clinics_own_exercise_joins_the_library_with_a_scaled_photo(clinic, tmp_path):
    photo = _picture(tmp_path / "towel.jpg", "JPEG")
    added = clinic.exercises.add_exercise(_form(), photo)
    assert added.id == "clinic_towel_scrunches" and not added.built_in
    assert added.photo is not None and added.photo.parent == tmp_path / "exercise-photos"
    from PIL import Image

    with Image.open(added.photo) as stored:
        assert max(stored.size) == 1200 and stored.format == "JPEG"
    found = clinic.exercises.library().search("towel")
    assert found[0].id == "clinic_towel_scrunches"  # the name match comes first
    with clinic.database.reading() as session:
        row = session.scalar(select(ExerciseRow))
        assert json.loads(row.content)["steps"][0].startswith("Pull the towel")
    assert "exercise.create" in _audit_actions(clinic)


@pytest.mark.parametrize(
    "make, sentence",
    [
        (lambda p: _bytes(p, b"%PDF-1.4 not a picture"), "not a picture"),
        (lambda p: _picture(p, "GIF"), "PNG or JPEG"),
        (lambda p: _bytes(p, b"\x89PNG\r\n\x1a\n" + b"\0" * 40), "damaged"),
        (lambda p: _bytes(p, b"\0" * (5 * 1024 * 1024 + 1)), "at most 5 MB"),
    ],
    ids=["not an image", "gif", "truncated png", "too big"],
)
def test_a_bad_photo_gets_a_sentence_and_nothing_is_saved(clinic, tmp_path, make, sentence):
    photo = make(tmp_path / "upload.bin")
    with pytest.raises(ValidationErrors) as refused:
        clinic.exercises.add_exercise(_form(), photo)
    assert sentence in refused.value.by_field()["photo"]
    with clinic.database.reading() as session:
        assert session.scalar(select(func.count()).select_from(ExerciseRow)) == 0
    assert not (tmp_path / "exercise-photos").exists() or not any(
        (tmp_path / "exercise-photos").iterdir()
    )


def test_a_form_with_bad_fields_names_each_of_them(clinic):
    with pytest.raises(ValidationErrors) as refused:
        clinic.exercises.add_exercise(_form(name="", steps="", reps="500", category="yoga"))
    assert set(refused.value.by_field()) >= {"name", "steps", "reps", "category"}


def test_a_second_exercise_with_a_shipped_name_is_refused(clinic):
    with pytest.raises(ValidationErrors) as refused:
        clinic.exercises.add_exercise(_form(name="Dead bug"))
    assert "already has" in refused.value.by_field()["name"]
