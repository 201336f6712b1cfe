"""A discharged episode of care is read-only: every service refuses a change with one
sentence and stores nothing; only a signed value's amendment, with its reason, gets through.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import select

from clinic_desktop.domain.assessment_values import CellKey, entry_text
from clinic_desktop.domain.clinical_history import HistoryForm
from clinic_desktop.domain.dates import format_date
from clinic_desktop.domain.episodes import EpisodeForm
from clinic_desktop.domain.errors import EpisodeClosed
from clinic_desktop.domain.red_flags import RedFlagAnswer
from clinic_desktop.domain.run_log import RunInput
from clinic_desktop.domain.running_profile import RunningProfileForm
from clinic_desktop.storage.models import (
    AuditEventRow,
    Base,
    ClinicSettingsRow,
    EpisodeRow,
    RedFlagAnswerRow,
    VisitRow,
)


@dataclasses.dataclass
class Showcase:
    """D0001's discharged episode: its id, day of discharge and last (signed) visit."""

    patient_id: int
    episode_id: int
    ended_on: dt.date
    visit_id: int
    visit_version: int


@pytest.fixture
def showcase(demo_clinic) -> Showcase:
    patient = demo_clinic.patients.search("D0001")[0]
    episodes = [e for e in demo_clinic.intake.episodes(patient.id) if e.status == "discharged"]
    assert episodes, "the demo runner's episode is discharged"
    episode = episodes[0]
    visit = demo_clinic.assessments.visits(episode.id)[-1]
    assert visit.signed
    return Showcase(patient.id, episode.id, episode.ended_on, visit.id, visit.version)


def snapshot(clinic) -> dict[str, list[tuple]]:
    """Every row of every table, so a refusal can be shown to have changed nothing."""
    with clinic.database.engine.connect() as connection:
        return {
            table.name: sorted(map(tuple, connection.execute(table.select()).all()), key=repr)
            for table in Base.metadata.sorted_tables
        }


def reopen_as_draft(clinic, visit_id: int) -> int:
    """Leave one visit unsigned, as an older database might; returns its version."""
    with clinic.database.transaction() as session:
        row = session.get(VisitRow, visit_id)
        row.status, row.signed_at, row.signed_by = "draft", None, None
        session.flush()
        return row.version


def a_value(clinic, visit_id: int):
    """A recorded value of the visit and the text that would type it again."""
    record = clinic.assessments.record(visit_id)
    measurement = next(m for m in record.measurements if m.unit not in ("pass_fail",))
    test = clinic.assessments.battery.test(measurement.test_code)
    return measurement, entry_text(test, measurement.value + 1)


def refusals(clinic, case: Showcase):
    """Each write path with arguments it would accept on an open episode."""
    measurement, text = a_value(clinic, case.visit_id)
    record = clinic.assessments.record(case.visit_id)
    runs = clinic.return_to_run.runs(case.episode_id)
    assert runs, "the demo runner logged runs after discharge"
    run = runs[-1]
    run_input = RunInput(run.run_date, distance_km=3.0, duration_min=20.0)
    profile = clinic.intake.running_profile(case.episode_id)
    history = clinic.intake.history(case.episode_id)
    screen = clinic.red_flags.screen(case.episode_id)
    episode = next(e for e in clinic.intake.episodes(case.patient_id) if e.id == case.episode_id)
    corrected = EpisodeForm(
        kind=episode.kind,
        diagnosis_label=episode.diagnosis_label,
        diagnosis_code=episode.diagnosis_code,
        side=episode.side,
        onset_date="" if episode.onset_date is None else episode.onset_date.isoformat(),
        onset_type=episode.onset_type or "gradual",
        referral="Dr Changed",
        status=episode.status,
        started_on=episode.started_on.isoformat(),
    )
    lefs = {n: 2 for n in range(1, 21)}
    return {
        "start a visit": lambda: clinic.assessments.start_visit(case.episode_id, "follow_up"),
        "change the tests of a visit": lambda: clinic.assessments.set_plan(
            case.visit_id, record.visit.planned_tests, expected_version=case.visit_version
        ),
        "save a value": lambda: clinic.assessments.save_value(
            case.visit_id, measurement.key, text, expected_version=measurement.version
        ),
        "mark a value painful": lambda: clinic.assessments.set_painful(
            case.visit_id, measurement.key, True, expected_version=measurement.version
        ),
        "record squat compensations": lambda: clinic.assessments.set_compensations(
            case.visit_id, "left", ["knee_valgus"], expected_version=1
        ),
        "correct the episode": lambda: clinic.intake.update_episode(
            case.episode_id, corrected, episode.version
        ),
        "save the running profile": lambda: clinic.intake.save_running_profile(
            case.episode_id,
            RunningProfileForm(
                weekly_distance_before="30", runs_per_week="4", running_status="reduced"
            ),
            0 if profile is None else profile.version,
        ),
        "save the history": lambda: clinic.intake.save_history(
            case.episode_id,
            HistoryForm(
                **{
                    name: "" if value is None else str(value)
                    for name, value in dataclasses.asdict(history).items()
                    if name.startswith("pain_") and name != "pain_locations"
                },
                pain_locations=history.pain_locations,
                aggravating="Hills and stairs",
            ),
            0 if history is None else history.version,
            0 if history is None else history.visit_version,
        ),
        "answer a questionnaire": lambda: clinic.outcomes.save_response(
            case.visit_id, "lefs", lefs, current_version(clinic, case.visit_id)
        ),
        "answer the red-flag screen": lambda: clinic.red_flags.save_answers(
            case.episode_id,
            [RedFlagAnswer("fever_unwell", False)],
            {e.code: e.version for e in screen.entries},
        ),
        "answer a readiness item": lambda: clinic.return_to_run.answer(
            case.visit_id, "walk_30min_pain_free", "none", False, expected_version=None
        ),
        "generate a walk/run plan": lambda: clinic.return_to_run.generate_plan(
            case.episode_id,
            "standard_walk_run",
            start_phase=1,
            days_per_week=3,
            start_date=case.ended_on + dt.timedelta(days=3),
            accept_not_ready=True,
        ),
        "log a run": lambda: clinic.return_to_run.add_run(case.episode_id, run_input),
        "change a logged run": lambda: clinic.return_to_run.update_run(
            run.id, run_input, expected_version=run.version
        ),
        "remove a logged run": lambda: clinic.return_to_run.delete_run(
            run.id, expected_version=run.version
        ),
    }


def current_version(clinic, visit_id: int) -> int:
    response = clinic.outcomes.response(visit_id, "lefs")
    return 0 if response is None else response.version


WRITE_PATHS = [
    "start a visit",
    "change the tests of a visit",
    "save a value",
    "mark a value painful",
    "record squat compensations",
    "correct the episode",
    "save the running profile",
    "save the history",
    "answer a questionnaire",
    "answer the red-flag screen",
    "answer a readiness item",
    "generate a walk/run plan",
    "log a run",
    "change a logged run",
    "remove a logged run",
]


@pytest.mark.parametrize("path", WRITE_PATHS)
def test_a_discharged_episode_refuses_every_change_and_stores_nothing(demo_clinic, showcase, path):
    calls = refusals(demo_clinic, showcase)
    before = snapshot(demo_clinic)
    with pytest.raises(EpisodeClosed) as refused:
        calls[path]()
    day = format_date(showcase.ended_on)
    assert refused.value.message.startswith(f"This episode of care was discharged on {day}; ")
    assert "can no longer be changed" in refused.value.message
    assert snapshot(demo_clinic) == before


def test_an_unsigned_visit_left_in_a_discharged_episode_takes_no_values_either(
    demo_clinic, showcase
):
    version = reopen_as_draft(demo_clinic, showcase.visit_id)
    measurement, text = a_value(demo_clinic, showcase.visit_id)
    before = snapshot(demo_clinic)
    attempts = [
        lambda: demo_clinic.assessments.save_value(
            showcase.visit_id, measurement.key, text, expected_version=measurement.version
        ),
        lambda: demo_clinic.assessments.sign(showcase.visit_id, expected_version=version),
        lambda: demo_clinic.assessments.amend(
            showcase.visit_id, measurement.key, text, "Misread", expected_version=1
        ),
        lambda: demo_clinic.outcomes.save_response(
            showcase.visit_id,
            "lefs",
            {n: 3 for n in range(1, 21)},
            current_version(demo_clinic, showcase.visit_id),
        ),
        lambda: demo_clinic.return_to_run.answer(
            showcase.visit_id, "walk_30min_pain_free", "none", True, expected_version=None
        ),
    ]
    for attempt in attempts:
        with pytest.raises(EpisodeClosed, match="was discharged on"):
            attempt()
    assert snapshot(demo_clinic) == before


def test_a_signed_value_of_a_discharged_episode_is_still_amended_with_its_reason(
    demo_clinic, showcase
):
    measurement, text = a_value(demo_clinic, showcase.visit_id)
    amended = demo_clinic.assessments.amend(
        showcase.visit_id,
        measurement.key,
        text,
        "Transcription error: the sheet reads one more",
        expected_version=measurement.version,
    )
    assert amended.value == measurement.value + 1
    record = demo_clinic.assessments.record(showcase.visit_id)
    assert [(a.old_value, a.new_value) for a in record.amendments][-1] == (
        measurement.value,
        measurement.value + 1,
    )
    with demo_clinic.database.reading() as session:
        event = session.scalars(
            select(AuditEventRow)
            .where(AuditEventRow.action == "measurement.amend")
            .order_by(AuditEventRow.id.desc())
        ).first()
    assert event is not None and event.entity_id == measurement.id
    assert "Transcription error" in event.detail


def test_an_amendment_without_a_reason_is_still_refused_after_discharge(demo_clinic, showcase):
    measurement, text = a_value(demo_clinic, showcase.visit_id)
    before = snapshot(demo_clinic)
    with pytest.raises(Exception, match="Give the reason"):
        demo_clinic.assessments.amend(
            showcase.visit_id, measurement.key, text, " ", expected_version=measurement.version
        )
    assert snapshot(demo_clinic) == before


def test_the_sentence_gives_the_day_of_discharge_in_the_clinics_date_format(demo_clinic, showcase):
    with demo_clinic.database.transaction() as session:
        session.get(ClinicSettingsRow, 1).date_format = "dd/mm/yyyy"
    with pytest.raises(EpisodeClosed) as refused:
        demo_clinic.assessments.start_visit(showcase.episode_id, "follow_up")
    day = showcase.ended_on.strftime("%d/%m/%Y")
    assert refused.value.message == (
        f"This episode of care was discharged on {day}; its visits can no longer be changed. "
        "To see the runner again, start a new episode of care at intake."
    )
    assert refused.value.ended_on == showcase.ended_on


def test_goals_and_the_home_program_refuse_with_the_same_sentence(demo_clinic, showcase):
    from clinic_desktop.domain.goals import validate_goal

    goal = validate_goal(demo_clinic.goals.battery, demo_clinic.goals.instruments, text="Run 10 km")
    with pytest.raises(EpisodeClosed, match="discharged on .*; its goals can no longer"):
        demo_clinic.goals.add(showcase.episode_id, goal)
    program = demo_clinic.programs.current(showcase.episode_id)
    with pytest.raises(EpisodeClosed, match="its home program can no longer be changed"):
        demo_clinic.programs.add_exercise(
            showcase.episode_id, None if program is None else program.id, "bridge"
        )


def test_a_waiting_red_flag_can_still_be_acknowledged_after_discharge(demo_clinic, showcase):
    with demo_clinic.database.transaction() as session:  # a "yes" told at the last visit
        row = session.scalars(
            select(RedFlagAnswerRow).where(
                RedFlagAnswerRow.episode_id == showcase.episode_id,
                RedFlagAnswerRow.answer.is_not(True),
            )
        ).first()
        row.answer, row.note, code = True, "Told at the last visit", row.code
    screen = demo_clinic.red_flags.acknowledge(
        showcase.episode_id, "Letter to the GP; runner to call if it persists"
    )
    entry = next(e for e in screen.entries if e.code == code)
    assert entry.acknowledged_at is not None
    assert entry.acknowledgement_note == "Letter to the GP; runner to call if it persists"
    with demo_clinic.database.reading() as session:
        event = session.scalars(
            select(AuditEventRow).where(AuditEventRow.action == "red_flags.acknowledge")
        ).one()
    assert '"after_discharge": true' in event.detail


def test_an_open_episode_takes_every_change_as_before(demo_clinic, showcase):
    with demo_clinic.database.transaction() as session:
        row = session.get(EpisodeRow, showcase.episode_id)
        row.status, row.ended_on = "active", None
    calls = refusals(demo_clinic, showcase)
    visit = calls["start a visit"]()
    assert not visit.signed
    showcase.visit_id, showcase.visit_version = visit.id, visit.version
    key = CellKey("single_leg_squat", "left", "none")
    saved = demo_clinic.assessments.save_value(visit.id, key, "fail", expected_version=None)
    demo_clinic.assessments.set_compensations(
        visit.id, "left", ["knee_valgus"], expected_version=saved.version
    )
    for path in (
        "correct the episode",
        "save the running profile",
        "save the history",
        "answer the red-flag screen",
        "generate a walk/run plan",
        "log a run",
        "change a logged run",
    ):
        calls[path]()
    demo_clinic.return_to_run.answer(
        visit.id, "walk_30min_pain_free", "none", True, expected_version=None
    )
    demo_clinic.outcomes.save_response(visit.id, "lefs", {n: 3 for n in range(1, 21)}, 0)
    signed = demo_clinic.assessments.sign(
        visit.id, expected_version=demo_clinic.assessments.visit(visit.id).version
    )
    assert signed.signed
