"""Walk/run plans: the published program reproduced, run days with rest days, the cap."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from clinic_desktop.domain import units
from clinic_desktop.domain.errors import ValidationErrors
from clinic_desktop.domain.run_plan import (
    generate_plan,
    plan_document,
    plan_from_document,
    run_days,
    weekly_cap,
)
from clinic_desktop.domain.run_programs import RunProgramFileError, load_run_programs

START = dt.date(2026, 3, 2)  # a Monday
# Trials 2023 (doi 10.1186/s13063-023-07502-x): walk min, run min, miles, RPE.
PUBLISHED = [
    (1, 2, 3, 1.0, 3),
    (2, 2, 3, 1.5, 3),
    (3, 2, 4, 1.5, 4),
    (4, 2, 4, 2.0, 4),
    (5, 1, 4, 2.0, 5),
    (6, None, None, 2.0, None),
]


@pytest.fixture(scope="module")
def programs():
    return load_run_programs()


def plan_of(programs, **choices):
    options = {
        "start_phase": 1,
        "days_per_week": 3,
        "start_date": START,
        "weekly_cap_percent": 10.0,
    } | choices
    return generate_plan(programs.template("standard_walk_run"), programs.progression, **options)


def test_the_default_program_is_the_published_one_with_km_beside_miles(programs):
    template = programs.templates[0]
    assert template.code == "standard_walk_run"
    assert template.source == "Trials 2023, doi 10.1186/s13063-023-07502-x"
    shown = [
        (p.number, p.walk_min, p.run_min, p.distance_mi, p.effort_rpe) for p in template.phases
    ]
    assert shown == PUBLISHED
    assert [p.distance_km for p in template.phases] == pytest.approx(
        [miles * 1.609344 for *_, miles, _ in PUBLISHED]
    )
    assert template.phases[-1].continuous
    rules = template.rules
    assert (rules.rest_days_between_runs, rules.repeats_per_phase, rules.pain_during_max) == (
        1,
        2,
        3,
    )


def test_a_plan_from_phase_one_repeats_every_phase_twice_in_order(programs):
    plan = plan_of(programs)
    assert [p.phase.number for p in plan.phases] == [1, 2, 3, 4, 5, 6]
    assert [p.phase for p in plan.phases] == list(programs.templates[0].phases)
    assert [r.phase_number for r in plan.runs] == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6]
    assert [(p.first_week, p.last_week) for p in plan.phases] == [
        (1, 1),
        (1, 2),
        (2, 2),
        (3, 3),
        (3, 4),
        (4, 4),
    ]


@pytest.mark.parametrize("days", [1, 2, 3])
def test_there_is_always_a_rest_day_between_runs(programs, days):
    runs = plan_of(programs, days_per_week=days).runs
    gaps = [(b.day - a.day).days for a, b in zip(runs, runs[1:], strict=False)]
    assert min(gaps) >= 2
    assert len({r.week for r in runs}) == -(-12 // days)


def test_three_run_days_fall_on_days_one_three_and_five(programs):
    assert run_days(3) == (1, 3, 5) and run_days(2) == (1, 4)
    assert [r.day.isoformat() for r in plan_of(programs).runs[:3]] == [
        "2026-03-02",
        "2026-03-04",
        "2026-03-06",
    ]


def test_a_later_starting_phase_leaves_the_earlier_ones_out(programs):
    plan = plan_of(programs, start_phase=4, days_per_week=2)
    assert [p.phase.number for p in plan.phases] == [4, 5, 6]
    assert plan.runs[0].phase_number == 4 and len(plan.runs) == 6


def test_choices_that_break_the_rules_are_refused_with_sentences(programs):
    with pytest.raises(ValidationErrors) as refused:
        plan_of(programs, start_phase=7, days_per_week=4, weekly_cap_percent=0)
    assert refused.value.by_field() == {
        "start_phase": "Choose a starting phase from 1 to 6.",
        "days_per_week": "Plan 1 to 3 run days a week to keep 1 rest day between runs.",
        "weekly_cap_percent": "The weekly distance cap must be from 1 to 100 %.",
    }


def test_the_weekly_cap_is_the_same_ratio_in_km_and_miles():
    assert weekly_cap(20, 10) == pytest.approx(22)
    ten_km_in_miles = units.convert_distance(10, "km", "mi")
    capped_miles = weekly_cap(ten_km_in_miles, 10)
    assert capped_miles == pytest.approx(6.835083, rel=1e-6)
    assert units.convert_distance(capped_miles, "mi", "km") == pytest.approx(weekly_cap(10, 10))
    assert weekly_cap(6.0, 30) == pytest.approx(7.8)
    with pytest.raises(ValueError):
        weekly_cap(-1, 10)


def test_after_the_last_phase_each_week_may_grow_by_the_cap_until_the_target(programs):
    plan = plan_of(programs, target_weekly_km=13)
    # Phase 6 on three days: 6.0 mi (9.66 km) a week.
    assert plan.final_weekly_km == pytest.approx(6 * 1.609344)
    weeks = plan.progression_weeks
    assert [w.week for w in weeks] == [5, 6, 7, 8]
    assert [round(w.max_mi, 2) for w in weeks[:3]] == [6.6, 7.26, 7.99]
    assert weeks[0].max_km == pytest.approx(9.656064 * 1.1)
    assert weeks[-1].max_km == 13  # the last step stops at the target
    assert plan_of(programs, target_weekly_km=9).progression_weeks == ()
    assert len(plan_of(programs).progression_weeks) == 6  # no target known


def test_a_larger_clinic_cap_compounds_from_the_last_phase(programs):
    weeks = plan_of(programs, weekly_cap_percent=30).progression_weeks
    assert weeks[1].max_mi == pytest.approx(6 * 1.3 * 1.3)


def test_a_stored_plan_reads_back_unchanged(programs):
    plan = plan_of(programs, start_phase=2, days_per_week=2, baseline_pain=1, target_weekly_km=25.0)
    assert plan_from_document(json.loads(json.dumps(plan_document(plan)))) == plan


def test_the_clinic_adds_its_own_program_in_km(tmp_path):
    own = {
        "templates": [
            {
                "code": "gentle_km",
                "label": "Gentle start (km)",
                "source": "Clinic default",
                "phases": [
                    {"phase": 1, "walk_min": 4, "run_min": 1, "distance_km": 2, "effort_rpe": 2},
                    {"phase": 2, "continuous": True, "distance_km": 3},
                ],
                "rules": {"repeats_per_phase": 3},
            }
        ]
    }
    path = tmp_path / "run_programs.json"
    path.write_text(json.dumps(own), encoding="utf-8")
    programs = load_run_programs(path)
    assert [t.code for t in programs.templates] == ["standard_walk_run", "gentle_km"]
    gentle = programs.template("gentle_km")
    assert gentle.clinic_own and gentle.phases[0].distance_mi == pytest.approx(1.242742, 1e-6)
    plan = generate_plan(
        gentle,
        programs.progression,
        start_phase=1,
        days_per_week=2,
        start_date=START,
        weekly_cap_percent=10,
    )
    assert len(plan.runs) == 6


def test_a_damaged_clinic_program_file_is_reported_with_its_name(tmp_path):
    path = tmp_path / "run_programs.json"
    path.write_text(
        '{"templates": [{"code": "x", "label": "X", "source": "s", "phases": '
        '[{"phase": 1, "walk_min": 1, "run_min": 0, "distance_km": 1}]}]}'
    )
    with pytest.raises(RunProgramFileError, match="run_programs.json"):
        load_run_programs(path)
