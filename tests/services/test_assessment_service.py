"""Recording an assessment: what the clinic relies on when values are saved, signed, amended."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from clinic_desktop.domain.access import Role
from clinic_desktop.domain.assessment import grid_rows
from clinic_desktop.domain.assessment_values import CellKey, VisitLocked
from clinic_desktop.domain.errors import (
    PermissionDenied,
    StaleRecord,
    ValidationError,
    ValidationErrors,
)
from clinic_desktop.services.assessment import AssessmentService
from clinic_desktop.services.audit import first_broken_event
from clinic_desktop.services.clinic import open_clinic
from clinic_desktop.storage.location import DatabaseLocation
from clinic_desktop.storage.models import (
    AuditEventRow,
    EpisodeRow,
    MeasurementAmendmentRow,
    MeasurementRow,
    PatientRow,
    UserRow,
)
from tests.conftest import sign_in_as

KNEE_LEFT = CellKey("knee_flexion", "left", "active")
KNEE_RIGHT = CellKey("knee_flexion", "right", "active")


@pytest.fixture
def episode_id(clinic) -> int:
    with clinic.database.transaction() as session:
        patient = PatientRow(
            mrn="P000001", family_name="Okafor", given_name="Ada", sex="female",
            birth_date=dt.date(1990, 5, 1), weight_kg=60.0,
        )  # fmt: skip
        session.add(patient)
        session.flush()
        episode = EpisodeRow(
            patient_id=patient.id, kind="injury", side="right", started_on=dt.date(2026, 9, 1),
            diagnosis_label="Patellofemoral pain", diagnosis_code="M22.2X1",
        )  # fmt: skip
        session.add(episode)
        session.flush()
        return episode.id


def start(clinic, episode_id, kind="initial", day=dt.date(2026, 9, 2), **kwargs):
    return clinic.assessments.start_visit(episode_id, kind, day, **kwargs)


def audit_actions(clinic) -> list[str]:
    with clinic.database.reading() as session:
        return list(session.scalars(select(AuditEventRow.action).order_by(AuditEventRow.id)))


def stored(clinic, visit_id):
    with clinic.database.reading() as session:
        rows = session.scalars(select(MeasurementRow).where(MeasurementRow.visit_id == visit_id))
        return {(r.test_code, r.side, r.mode): r.value for r in rows}


def test_a_new_evaluation_lists_the_whole_battery_and_dates_the_patient(clinic, episode_id):
    visit = start(clinic, episode_id)
    assert visit.kind == "initial" and visit.status == "draft"
    assert visit.planned_tests == tuple(t.code for t in clinic.assessments.battery.enabled_tests())
    assert clinic.assessments.visits(episode_id) == [visit]
    with clinic.database.reading() as session:
        assert session.scalar(select(PatientRow.last_visit_on)) == dt.date(2026, 9, 2)
    assert audit_actions(clinic) == ["visit.create"]


def test_a_visit_before_the_episode_or_of_an_unknown_kind_is_refused(clinic, episode_id):
    with pytest.raises(ValidationError) as error:
        start(clinic, episode_id, day=dt.date(2026, 8, 1))
    assert error.value.field == "visit_date"
    with pytest.raises(ValidationError):
        start(clinic, episode_id, kind="checkup")
    assert clinic.assessments.visits(episode_id) == []


def test_each_cell_is_stored_in_canonical_units_and_audited(clinic, episode_id):
    visit = start(clinic, episode_id)
    service = clinic.assessments
    service.save_value(visit.id, KNEE_LEFT, "135", expected_version=None)
    service.save_value(
        visit.id, CellKey("mmt_hip_abductors", "right", "none"), "4+", expected_version=None
    )
    saved = service.save_value(
        visit.id, CellKey("hhd_quadriceps", "left", "none"), "25.5", expected_version=None,
        force_unit="kgf", painful=True,
    )  # fmt: skip
    assert saved.value == pytest.approx(250.0696) and saved.unit == "N" and saved.painful
    assert stored(clinic, visit.id) == {
        ("knee_flexion", "left", "active"): 135.0,
        ("mmt_hip_abductors", "right", "none"): 9.0,
        ("hhd_quadriceps", "left", "none"): pytest.approx(250.0696),
    }
    assert audit_actions(clinic).count("measurement.create") == 3
    with clinic.database.reading() as session:
        assert first_broken_event(session) is None


def test_bad_input_is_not_saved_and_the_rest_of_the_row_is(clinic, episode_id):
    visit = start(clinic, episode_id)
    service = clinic.assessments
    with pytest.raises(ValidationError) as error:
        service.save_value(visit.id, KNEE_LEFT, "200", expected_version=None)
    assert error.value.message == "Knee flexion must be between -20 and 170 degrees."
    assert error.value.field == "knee_flexion.left.active"
    service.save_value(visit.id, KNEE_RIGHT, "128", expected_version=None)
    for code, text in (("mmt_quadriceps", "6"), ("mmt_quadriceps", "4++"), ("single_hop_cm", "0")):
        with pytest.raises(ValidationError):
            service.save_value(visit.id, CellKey(code, "left", "none"), text, expected_version=None)
    assert stored(clinic, visit.id) == {("knee_flexion", "right", "active"): 128.0}


def test_changing_and_clearing_a_cell(clinic, episode_id):
    visit = start(clinic, episode_id)
    service = clinic.assessments
    first = service.save_value(visit.id, KNEE_LEFT, "120", expected_version=None)
    second = service.save_value(visit.id, KNEE_LEFT, "125", expected_version=first.version)
    assert second.version == first.version + 1 and second.value == 125
    assert service.save_value(visit.id, KNEE_LEFT, "", expected_version=second.version) is None
    assert stored(clinic, visit.id) == {}
    assert audit_actions(clinic)[-3:] == [
        "measurement.create", "measurement.update", "measurement.delete",
    ]  # fmt: skip


def test_a_stale_save_from_a_second_workstation_is_refused_and_nothing_is_overwritten(
    clinic, episode_id, tmp_path
):
    visit = start(clinic, episode_id)
    other = open_clinic(DatabaseLocation.sqlite_file(tmp_path / "clinic.sqlite3"))
    sign_in_as(other, username="second")
    try:
        mine = clinic.assessments.save_value(visit.id, KNEE_LEFT, "120", expected_version=None)
        # The other workstation still shows the cell empty.
        with pytest.raises(StaleRecord) as error:
            other.assessments.save_value(visit.id, KNEE_LEFT, "95", expected_version=None)
        assert "left knee flexion (AROM)" in error.value.message
        assert "now reads 120°" in error.value.message
        theirs = other.assessments.save_value(
            visit.id, KNEE_LEFT, "118", expected_version=mine.version
        )
        with pytest.raises(StaleRecord):
            clinic.assessments.save_value(visit.id, KNEE_LEFT, "121", expected_version=mine.version)
        assert theirs.value == 118
        assert stored(clinic, visit.id) == {("knee_flexion", "left", "active"): 118.0}
    finally:
        other.close()


def test_a_follow_up_starts_from_the_previous_list_of_tests_not_its_values(clinic, episode_id):
    service = clinic.assessments
    first = start(clinic, episode_id)
    plan = ("knee_flexion", "knee_flexion:passive", "hhd_quadriceps")
    first = service.set_plan(first.id, plan, expected_version=first.version)
    service.save_value(first.id, KNEE_LEFT, "120", expected_version=None)
    follow = start(clinic, episode_id, kind="follow_up", day=dt.date(2026, 9, 9))
    assert follow.planned_tests == plan
    record = service.record(follow.id)
    assert record.measurements == ()
    assert record.earlier[KNEE_LEFT].value == 120
    rows = grid_rows(service.battery, record)
    assert [(r.test.code, r.mode) for r in rows] == [
        ("knee_flexion", "active"), ("knee_flexion", "passive"), ("hhd_quadriceps", "none"),
    ]  # fmt: skip
    with pytest.raises(ValidationError):
        service.set_plan(follow.id, ("no_such_test",), expected_version=follow.version)


def test_a_follow_up_after_a_visit_without_a_list_starts_from_what_it_measured(
    clinic, episode_id
):
    service = clinic.assessments
    first = start(clinic, episode_id)
    service.set_plan(first.id, (), expected_version=first.version)
    service.save_value(first.id, KNEE_LEFT, "120", expected_version=None)
    service.save_value(
        first.id, CellKey("hip_flexion", "left", "passive"), "125", expected_version=None
    )
    service.save_value(first.id, CellKey("heel_raise_reps", "right", "none"), "20",
                       expected_version=None)  # fmt: skip
    follow = start(clinic, episode_id, kind="follow_up", day=dt.date(2026, 9, 9))
    assert follow.planned_tests == ("hip_flexion:passive", "knee_flexion", "heel_raise_reps")
    assert service.record(follow.id).measurements == ()


def test_a_signed_visit_is_locked(clinic, episode_id):
    service = clinic.assessments
    visit = start(clinic, episode_id)
    saved = service.save_value(visit.id, KNEE_LEFT, "120", expected_version=None)
    signed = service.sign(visit.id, expected_version=visit.version)
    assert signed.signed and signed.signed_at is not None
    with pytest.raises(VisitLocked):
        service.save_value(visit.id, KNEE_LEFT, "130", expected_version=saved.version)
    with pytest.raises(VisitLocked):
        service.set_painful(visit.id, KNEE_LEFT, True, expected_version=saved.version)
    with pytest.raises(VisitLocked):
        service.sign(visit.id, expected_version=signed.version)
    assert stored(clinic, visit.id) == {("knee_flexion", "left", "active"): 120.0}
    assert "visit.sign" in audit_actions(clinic)


def test_signing_a_visit_changed_elsewhere_is_refused(clinic, episode_id):
    service = clinic.assessments
    visit = start(clinic, episode_id)
    service.set_plan(visit.id, ("knee_flexion",), expected_version=visit.version)
    with pytest.raises(StaleRecord):
        service.sign(visit.id, expected_version=visit.version)
    assert not service.visit(visit.id).signed


def test_a_signed_value_changes_only_with_a_reason_and_both_values_are_kept(clinic, episode_id):
    service = clinic.assessments
    visit = start(clinic, episode_id)
    saved = service.save_value(visit.id, KNEE_LEFT, "120", expected_version=None)
    service.sign(visit.id, expected_version=visit.version)
    with pytest.raises(ValidationErrors) as error:
        service.amend(visit.id, KNEE_LEFT, "125", "  ", expected_version=saved.version)
    assert error.value.by_field() == {"reason": "Give the reason for changing a signed value."}
    with pytest.raises(ValidationErrors) as error:
        service.amend(visit.id, KNEE_LEFT, "250", "typo", expected_version=saved.version)
    assert "knee_flexion.left.active" in error.value.by_field()
    assert stored(clinic, visit.id) == {("knee_flexion", "left", "active"): 120.0}

    amended = service.amend(
        visit.id, KNEE_LEFT, "125", "Read the goniometer wrongly", expected_version=saved.version
    )
    assert amended.value == 125 and amended.version == saved.version + 1
    with clinic.database.reading() as session:
        row = session.scalar(select(MeasurementAmendmentRow))
        audit = session.scalar(
            select(AuditEventRow).where(AuditEventRow.action == "measurement.amend")
        )
        assert first_broken_event(session) is None
    assert (row.old_value, row.new_value, row.reason) == (120, 125, "Read the goniometer wrongly")
    detail = json.loads(audit.detail)
    assert (detail["old"], detail["new"], detail["reason"]) == (120, 125, row.reason)
    record = service.record(visit.id)
    assert [(a.old_value, a.new_value) for a in record.amendments_of(KNEE_LEFT)] == [(120, 125)]
    with pytest.raises(StaleRecord):
        service.amend(visit.id, KNEE_LEFT, "126", "again", expected_version=saved.version)


def test_an_amendment_needs_a_signed_visit_and_a_recorded_value(clinic, episode_id):
    service = clinic.assessments
    visit = start(clinic, episode_id)
    saved = service.save_value(visit.id, KNEE_LEFT, "120", expected_version=None)
    with pytest.raises(ValidationError, match="not signed"):
        service.amend(visit.id, KNEE_LEFT, "125", "typo", expected_version=saved.version)
    service.sign(visit.id, expected_version=visit.version)
    with pytest.raises(ValidationError, match="no right knee flexion"):
        service.amend(visit.id, KNEE_RIGHT, "125", "forgot", expected_version=None)


def test_painful_flags_and_squat_compensations_are_kept_with_the_value(clinic, episode_id):
    service = clinic.assessments
    visit = start(clinic, episode_id)
    squat = CellKey("single_leg_squat", "right", "none")
    with pytest.raises(ValidationError, match="first"):
        service.set_compensations(visit.id, "right", ["knee_valgus"], expected_version=None)
    saved = service.save_value(visit.id, squat, "fail", expected_version=None)
    with pytest.raises(ValidationError):
        service.set_compensations(visit.id, "right", ["wobble"], expected_version=saved.version)
    saved = service.set_compensations(
        visit.id, "right", ["pelvic_drop", "knee_valgus"], expected_version=saved.version
    )
    assert saved.compensations == ("knee_valgus", "pelvic_drop") and saved.value == 0
    knee = service.save_value(visit.id, KNEE_LEFT, "120", expected_version=None)
    assert service.set_painful(visit.id, KNEE_LEFT, True, expected_version=knee.version).painful
    record = service.record(visit.id)
    assert record.measurement(KNEE_LEFT).painful
    assert record.measurement(squat).compensations == ("knee_valgus", "pelvic_drop")
    actions = audit_actions(clinic)
    assert "measurement.compensations" in actions and "measurement.painful" in actions


def test_change_is_judged_between_testers_when_the_therapist_changed(clinic, episode_id):
    with clinic.database.transaction() as session:
        users = [UserRow(username=n, display_name=n.title()) for n in ("ana", "ben")]
        session.add_all(users)
        session.flush()
        ana, ben = (u.id for u in users)
    service = clinic.assessments
    first = start(clinic, episode_id, therapist_id=ana)
    service.save_value(first.id, KNEE_LEFT, "120", expected_version=None)
    same = start(clinic, episode_id, "follow_up", dt.date(2026, 9, 9), therapist_id=ana)
    other = start(clinic, episode_id, "follow_up", dt.date(2026, 9, 9), therapist_id=ben)
    assert service.record(same.id).earlier[KNEE_LEFT].same_tester is True
    assert service.record(other.id).earlier[KNEE_LEFT].same_tester is False
    assert service.visit(other.id).therapist == "Ben"


def test_the_clinic_battery_file_in_the_data_folder_switches_tests_off(tmp_path):
    (tmp_path / "battery.json").write_text(
        json.dumps({"tests": [{"code": "hip_adduction", "enabled": False}]}), encoding="utf-8"
    )
    opened = open_clinic(DatabaseLocation.sqlite_file(tmp_path / "clinic.sqlite3"))
    sign_in_as(opened)
    try:
        assert opened.data_dir == tmp_path
        assert "hip_adduction" not in {t.code for t in opened.assessments.battery.enabled_tests()}
        assert "hip_abduction" in {t.code for t in opened.assessments.battery.enabled_tests()}
    finally:
        opened.close()
    assert AssessmentService(opened.database).battery.test("hip_adduction").enabled


def test_the_demo_showcase_visit_has_every_figure_to_show(demo_clinic):
    service = demo_clinic.assessments
    patient = demo_clinic.patients.search("D0001")[0]
    episode = demo_clinic.patients.overview(patient.id).episodes[0]
    visits = service.visits(episode.id)
    record = service.record(visits[4].id)  # the re-evaluation
    rows = grid_rows(service.battery, record)
    assert record.involved_side == "right" and record.age_years == 34
    assert len(rows) >= 40
    assert any(r.lsi is not None for r in rows)
    assert any(s.verdict is not None for r in rows for s in r.sides)
    assert service.record(visits[0].id).earlier == {}


def test_only_a_therapist_records_or_reads_an_assessment(clinic, episode_id):
    visit = start(clinic, episode_id)
    sign_in_as(clinic, roles=frozenset({Role.FRONT_DESK}), username="desk")
    with pytest.raises(PermissionDenied):
        clinic.assessments.save_value(visit.id, KNEE_LEFT, "120", expected_version=None)
    with pytest.raises(PermissionDenied):
        clinic.assessments.record(visit.id)
    assert stored(clinic, visit.id) == {}


def test_the_signed_in_therapist_is_the_visits_therapist_and_signs_it(clinic, episode_id):
    user = sign_in_as(clinic, roles=frozenset({Role.THERAPIST}), username="dana")
    visit = start(clinic, episode_id)
    assert visit.therapist_id == user.id and visit.therapist == "Dana, PT"
    assert clinic.assessments.sign(visit.id, expected_version=visit.version).signed_by == "Dana, PT"
