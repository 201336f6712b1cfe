"""Goals: what the therapist types is checked, and a measurable goal is judged on the figures."""

from __future__ import annotations

import datetime as dt

import pytest

from clinic_desktop.domain.battery import shipped_battery
from clinic_desktop.domain.episode_records import MeasuredValue, OutcomeTotal, VisitRecord
from clinic_desktop.domain.errors import ValidationErrors
from clinic_desktop.domain.goals import Goal, goal_standing, validate_goal
from clinic_desktop.domain.outcomes import load_instruments
from clinic_desktop.domain.progress import episode_progress

BATTERY = shipped_battery()
INSTRUMENTS = load_instruments()
DAY = dt.date(2026, 3, 2)


def test_a_goal_with_a_test_target_needs_a_side_and_a_value_in_range():
    with pytest.raises(ValidationErrors) as caught:
        validate_goal(BATTERY, INSTRUMENTS, text="Stronger hip",
                      target_test_code="hhd_hip_abductors", target_value="99999")  # fmt: skip
    fields = caught.value.by_field()
    assert set(fields) == {"target_side", "target_value"}
    checked = validate_goal(BATTERY, INSTRUMENTS, text="  Stronger   hip ",
                            target_test_code="hhd_hip_abductors", target_side="right",
                            target_value="180", target_date="2026-05-01")  # fmt: skip
    assert checked.text == "Stronger hip" and checked.target_value == 180.0
    assert checked.target_date == dt.date(2026, 5, 1)


def test_a_goal_needs_words_and_a_value_needs_something_to_measure():
    with pytest.raises(ValidationErrors) as caught:
        validate_goal(BATTERY, INSTRUMENTS, text=" ", target_value="12", target_date="31/02/2026")
    assert set(caught.value.by_field()) == {"text", "target_value", "target_date"}


def test_a_questionnaire_target_stays_within_its_total():
    with pytest.raises(ValidationErrors) as caught:
        validate_goal(BATTERY, INSTRUMENTS, text="LEFS", target_instrument="lefs",
                      target_value="81")  # fmt: skip
    assert "between 0 and 80" in caught.value.by_field()["target_value"]
    fields = validate_goal(BATTERY, INSTRUMENTS, text="LEFS", target_instrument="lefs",
                           target_value="72")  # fmt: skip
    assert fields.target_value == 72 and fields.target_side is None


def _progress(right_values, lefs=()):
    visits = [VisitRecord(i + 1, DAY + dt.timedelta(days=7 * i), "follow_up")
              for i in range(len(right_values))]  # fmt: skip
    measured = [MeasuredValue(i + 1, "hhd_hip_abductors", "right", v)
                for i, v in enumerate(right_values)]  # fmt: skip
    measured += [MeasuredValue(i + 1, "hhd_hip_abductors", "left", 200.0)
                 for i in range(len(right_values))]  # fmt: skip
    totals = [OutcomeTotal(i + 1, "lefs", t) for i, t in enumerate(lefs)]
    return episode_progress(visits, measured, BATTERY, "right", totals, INSTRUMENTS)


GOAL = Goal(1, 1, 0, "Right hip abductors 180 N", "hhd_hip_abductors", "right", 180.0,
            status="open")  # fmt: skip


@pytest.mark.parametrize(
    ("values", "status"),
    [((150.0, 185.0), "met"), ((150.0, 170.0), "partly_met"), ((150.0, 140.0), "not_met"),
     ((150.0, 180.0), "met")],
)  # fmt: skip
def test_a_measurable_goal_is_judged_from_the_first_and_latest_figures(values, status):
    standing = goal_standing(GOAL, _progress(values), BATTERY, INSTRUMENTS)
    assert standing.computed_status == status and standing.status == status
    assert standing.measured.startswith(f"Right {values[-1]:g} N on ")
    assert standing.target == "at least 180 N"


def test_a_goal_never_measured_keeps_the_therapists_status():
    goal = Goal(1, 1, 0, "Knee flexion 130", "knee_flexion", "right", 130.0, status="partly_met")
    standing = goal_standing(goal, _progress((150.0, 160.0)), BATTERY, INSTRUMENTS)
    assert standing.measured == "" and standing.status == "partly_met"
    plain = Goal(2, 1, 1, "Run 10 km", status="met")
    assert goal_standing(plain, _progress((150.0,)), BATTERY, INSTRUMENTS).status_words == "met"


def test_a_questionnaire_goal_reads_the_latest_total():
    goal = Goal(1, 1, 0, "LEFS 72", target_value=72.0, target_instrument="lefs")
    standing = goal_standing(goal, _progress((150.0, 160.0), lefs=(50, 68)), BATTERY, INSTRUMENTS)
    assert standing.computed_status == "partly_met" and "68 of 80" in standing.measured


def test_a_pass_fail_target_reads_as_a_pass_not_at_least_pass():
    squat = next(t for t in BATTERY.tests if t.unit == "pass_fail" and t.bilateral)
    goal = Goal(1, 1, 0, "Control the squat", squat.code, "right", 1.0)
    visits = [VisitRecord(1, DAY, "follow_up"), VisitRecord(2, DAY + dt.timedelta(7), "follow_up")]
    measured = [
        MeasuredValue(1, squat.code, "right", 0.0),
        MeasuredValue(2, squat.code, "right", 1.0),
    ]
    progress = episode_progress(visits, measured, BATTERY, "right", [], INSTRUMENTS)
    standing = goal_standing(goal, progress, BATTERY, INSTRUMENTS)
    assert standing.target == "passed" and standing.computed_status == "met"
