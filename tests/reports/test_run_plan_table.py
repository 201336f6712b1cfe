"""The printed walk/run plan: every phase, the rules, and the weeks after, in the clinic's unit."""

from __future__ import annotations

import datetime as dt
import io

import pypdf
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate

from clinic_desktop.domain.run_plan import generate_plan
from clinic_desktop.domain.run_programs import load_run_programs
from clinic_desktop.reports.run_plan_table import distance_text, run_plan_flowables


def printed(distance_unit: str, **choices) -> str:
    programs = load_run_programs()
    options = {
        "start_phase": 1,
        "days_per_week": 3,
        "start_date": dt.date(2026, 9, 21),
        "weekly_cap_percent": 10.0,
        "baseline_pain": 1,
        "target_weekly_km": 20.0,
    }
    plan = generate_plan(programs.templates[0], programs.progression, **(options | choices))
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=A4)
    document.build(run_plan_flowables(plan, width=A4[0] - 40 * mm, distance_unit=distance_unit))
    reader = pypdf.PdfReader(io.BytesIO(buffer.getvalue()))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_the_printed_plan_lists_each_phase_with_its_days_distance_and_effort():
    text = printed("km")
    assert "Start on Mon 2026-09-21. Run 3 days a week, with 1 rest day between runs" in text
    assert "Walk 2 min, run 3 min, repeated 1.6 km (1 mi) 3 2 Mon 2026-09-21 Wed 2026-09-23" in text
    assert "Walk 1 min, run 4 min, repeated 3.2 km (2 mi) 5 2" in text
    assert "Run without walking breaks 3.2 km (2 mi) - 2 Wed 2026-10-14 Fri 2026-10-16" in text
    assert "keep it at 3/10 or below" in text and "back to your usual level (1/10)" in text
    assert "Trials 2023, doi 10.1186/s13063-023-07502-x" in text


def test_the_weeks_after_the_last_phase_show_the_cap_in_both_units_and_its_evidence():
    text = printed("mi")
    assert "Add at most 10% to your weekly distance" in text
    assert "5 Mon 2026-10-19 6.6 mi (10.6 km)" in text
    assert "Aim: 12.4 mi (20 km) a week" in text
    assert "Buist 2008" in text and "Nielsen 2014" in text


def test_a_later_start_prints_only_the_phases_given():
    text = printed("km", start_phase=5, days_per_week=2)
    assert "Walk 2 min, run 4 min" not in text
    assert "Run 2 days a week" in text and "for example Mon, Thu" in text


def test_distances_read_in_the_clinics_unit_first():
    assert distance_text(1.609344, "km") == "1.6 km (1 mi)"
    assert distance_text(1.609344, "mi") == "1 mi (1.6 km)"
