"""The running log: runs read from the keyboard and every breach of the plan found."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from clinic_desktop.domain.errors import ValidationErrors
from clinic_desktop.domain.run_log import (
    LoggedRun,
    check_runs,
    parse_duration,
    parse_intervals,
    read_run,
    week_loads,
)
from clinic_desktop.domain.run_plan import generate_plan
from clinic_desktop.domain.run_programs import (
    RunProgramFileError,
    load_advice,
    load_run_programs,
)

START = dt.date(2026, 3, 2)
ADVICE = load_advice()


@pytest.fixture(scope="module")
def plan():
    programs = load_run_programs()
    return generate_plan(
        programs.template("standard_walk_run"),
        programs.progression,
        start_phase=1,
        days_per_week=3,
        start_date=START,
        weekly_cap_percent=10,
        baseline_pain=1,
        target_weekly_km=30,
    )


def compliant_log(plan, unit_decimals_km: bool = True) -> list[LoggedRun]:
    """Every run of the plan as prescribed, distances typed to 0.1 as a runner would."""
    runs = []
    for planned in plan.runs:
        phase = plan.phase(planned.phase_number)
        distance = round(phase.distance_km, 1) if unit_decimals_km else phase.distance_km
        runs.append(
            LoggedRun(
                planned.day,
                distance,
                9 * distance,
                phase.intervals_code,
                effort=3,
                pain_during=2,
                pain_after=2,
                pain_next_morning=1,
                id=planned.number,
            )
        )
    return runs


def test_a_log_that_follows_the_plan_raises_nothing(plan):
    assert check_runs(plan, compliant_log(plan), ADVICE) == ()
    assert check_runs(plan, compliant_log(plan, unit_decimals_km=False), ADVICE) == ()


def test_pain_during_above_three_says_stop_and_repeat_the_previous_phase(plan):
    runs = compliant_log(plan)
    runs[4] = dataclasses.replace(runs[4], pain_during=4)
    (breach,) = check_runs(plan, runs, ADVICE)
    assert (breach.code, breach.run_id, breach.day) == ("pain_during", 5, runs[4].run_date)
    assert breach.finding == "Pain during the run 4/10, above 3/10."
    assert breach.advice == (
        "Stop the run when pain goes above 3/10, and repeat the previous phase before moving on."
    )


def test_next_morning_pain_above_the_usual_level_says_rest_a_day_and_repeat(plan):
    runs = compliant_log(plan)
    runs[2] = dataclasses.replace(runs[2], pain_next_morning=2)
    (breach,) = check_runs(plan, runs, ADVICE)
    assert breach.code == "pain_next_morning"
    assert breach.finding == "Pain the next morning 2/10, above the usual 1/10."
    assert "Rest one more day, then repeat the same phase" in breach.advice


def test_a_week_over_the_cap_after_the_last_phase_is_found_in_km_and_miles(plan):
    runs = compliant_log(plan)
    # Week 5 follows a week of 3 x 3.2 km = 9.6 km: at most 10.56 km; 3 x 4 km is over.
    for number, day in enumerate((30, 31 + 1, 31 + 3), start=13):
        when = dt.date(2026, 3, 1) + dt.timedelta(days=day - 1)
        runs.append(
            LoggedRun(
                when,
                4.0,
                36,
                "continuous",
                pain_during=1,
                pain_after=1,
                pain_next_morning=1,
                id=number,
            )
        )
    (breach,) = check_runs(plan, runs, ADVICE)
    assert (breach.code, breach.week, breach.run_id) == ("weekly_distance", 5, 15)
    assert breach.finding == "Week 5: 12 km, over the limit of 10.6 km for that week."
    assert breach.advice.startswith("Keep next week at or below 10.6 km (no more than 10%")
    (in_miles,) = check_runs(plan, runs, ADVICE, distance_unit="mi")
    assert in_miles.finding == "Week 5: 7.5 mi, over the limit of 6.6 mi for that week."


def test_a_week_within_the_cap_after_the_last_phase_is_fine(plan):
    runs = compliant_log(plan)
    for number, offset in enumerate((28, 30, 32), start=13):
        runs.append(
            LoggedRun(
                START + dt.timedelta(days=offset),
                3.5,
                31.5,
                "continuous",
                pain_during=1,
                pain_next_morning=1,
                id=number,
            )
        )
    assert check_runs(plan, runs, ADVICE) == ()


def test_longer_running_intervals_before_the_distance_are_found(plan):
    runs = compliant_log(plan)
    runs[1] = dataclasses.replace(runs[1], intervals="2/4")  # phase 3 intervals over 1 mi
    (breach,) = check_runs(plan, runs, ADVICE)
    assert breach.code == "intervals_before_distance"
    assert breach.finding == (
        "Ran walk/run 2/4 min over 1.6 km; the plan runs that much only from 2.4 km."
    )
    runs[1] = dataclasses.replace(runs[1], intervals="continuous")
    (continuous,) = check_runs(plan, runs, ADVICE, distance_unit="mi")
    assert continuous.finding.startswith("Ran no walking breaks over 1 mi")


def test_a_faster_pace_before_the_weekly_target_is_found(plan):
    runs = compliant_log(plan)
    # Phase 6 was run at 9:00 /km; the next run, at 8:00 /km, is 11% faster.
    runs.append(
        LoggedRun(
            START + dt.timedelta(days=28),
            3.2,
            8 * 3.2,
            "continuous",
            pain_during=1,
            pain_next_morning=1,
            id=13,
        )
    )
    (breach,) = check_runs(plan, runs, ADVICE)
    assert breach.code == "pace_before_distance"
    assert breach.finding.startswith("Pace 8:00 /km, 11% faster than on 2026-03-27 (9:00 /km)")
    assert "below the 30 km aimed for" in breach.finding
    assert breach.advice.startswith("Keep an easy pace")


def test_each_breach_in_one_run_is_reported(plan):
    runs = compliant_log(plan)
    runs[0] = dataclasses.replace(runs[0], pain_during=6, pain_next_morning=4, intervals="1/4")
    codes = [b.code for b in check_runs(plan, runs, ADVICE)]
    assert codes == ["pain_during", "pain_next_morning", "intervals_before_distance"]


def test_weekly_load_sums_distance_time_and_worst_pain(plan):
    loads = week_loads(compliant_log(plan), START)
    assert [w.week for w in loads] == [1, 2, 3, 4]
    assert loads[0].distance_km == pytest.approx(1.6 + 1.6 + 2.4)
    assert loads[0].runs == 3 and loads[0].worst_pain_during == 2
    assert loads[1].first_day == dt.date(2026, 3, 9)


def test_a_run_is_read_from_what_was_typed_in_the_clinics_unit():
    run = read_run(
        {
            "run_date": "14/03/2026",
            "distance": "1.5",
            "duration": "24:30",
            "intervals": "2 / 3",
            "effort": "3",
            "pain_during": "2",
            "pain_after": "1",
            "pain_next_morning": "0",
            "notes": " felt good ",
        },
        distance_unit="mi",
        date_format="dd/mm/yyyy",
    )
    assert run.run_date == dt.date(2026, 3, 14)
    assert run.distance_km == pytest.approx(2.414016)
    assert run.duration_min == pytest.approx(24.5)
    assert (run.intervals, run.effort, run.pain_during, run.notes) == ("2/3", 3, 2, "felt good")


def test_what_cannot_be_read_is_refused_with_a_sentence_per_field():
    with pytest.raises(ValidationErrors) as refused:
        read_run({"run_date": "yesterday", "intervals": "fast", "pain_during": "11"})
    assert refused.value.by_field() == {
        "run_date": "Enter the date of the run.",
        "distance": "Enter the distance or the time of the run.",
        "intervals": "Write walk/run minutes such as 2/3, or c for running without walking breaks.",
        "pain_during": "Pain during the run is a whole number from 0 to 10.",
    }


@pytest.mark.parametrize(
    ("typed", "minutes"), [("45", 45), ("32.5", 32.5), ("32:30", 32.5), ("1:05:00", 65)]
)
def test_time_is_typed_in_minutes_or_on_a_clock(typed, minutes):
    assert parse_duration(typed) == pytest.approx(minutes)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("c", "continuous"),
        ("Run", "continuous"),
        ("1.5/4", "1.5/4"),
        ("0/30", "continuous"),
        ("", ""),
    ],
)
def test_intervals_are_stored_in_one_form(typed, stored):
    assert parse_intervals(typed) == stored


def test_the_clinic_rewords_the_advice_in_its_own_file(tmp_path, plan):
    path = tmp_path / "run_advice.json"
    path.write_text(json.dumps({"advice": {"pain_during": "Over {limit}/10? Call us."}}))
    runs = compliant_log(plan)
    runs[0] = dataclasses.replace(runs[0], pain_during=5)
    (breach,) = check_runs(plan, runs, load_advice(path))
    assert breach.advice == "Over 3/10? Call us."
    path.write_text(json.dumps({"advice": {"pain_during": "Over {speed}."}}))
    with pytest.raises(RunProgramFileError, match="speed"):
        load_advice(path)
