"""Opening a patient with 60 visits in the Progress tab, every chart drawn, against 250 ms.

    python tests/benchmarks/bench_progress.py [--visits 60] [--runs 15]

A runner with 60 attended visits, every battery test measured on both sides at every
visit (about 4,700 values), pain and a LEFS at each. The tab is shown once first (that
builds its widgets and imports pyqtgraph, reported apart as the first opening); then the
patient is opened again and again, alternating with a small patient so that each opening
really redraws. An opening is timed from ``show_patient`` until the visible view has
been laid out and painted. Prints the figures and exits non-zero if the median misses the
budget.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

BUDGET_MS = 250.0


def make_clinic(folder: Path, visit_count: int):
    from clinic_desktop.domain.access import Role
    from clinic_desktop.domain.battery import load_battery
    from clinic_desktop.services.clinic import open_clinic
    from clinic_desktop.storage.location import DatabaseLocation
    from clinic_desktop.storage.models import (
        EpisodeRow,
        MeasurementRow,
        OutcomeResponseRow,
        PatientRow,
        VisitRow,
    )
    from tests.conftest import sign_in_as

    clinic = open_clinic(DatabaseLocation.sqlite_file(folder / "bench.sqlite3"))
    sign_in_as(clinic, frozenset({Role.THERAPIST}))
    battery = load_battery()
    rng = random.Random(60)
    ids = []
    with clinic.database.transaction() as session:
        for mrn, visits in (("B0060", visit_count), ("B0003", 3)):
            patient = PatientRow(
                mrn=mrn,
                family_name="Bench",
                given_name=mrn,
                birth_date=dt.date(1990, 4, 1),
                sex="female",
            )
            session.add(patient)
            session.flush()
            start = dt.date(2025, 1, 6)
            episode = EpisodeRow(
                patient_id=patient.id,
                kind="injury",
                side="right",
                diagnosis_label="Patellofemoral pain",
                started_on=start,
            )
            session.add(episode)
            session.flush()
            for index in range(visits):
                progress = index / max(1, visits - 1)
                visit = VisitRow(
                    episode_id=episode.id,
                    visit_date=start + dt.timedelta(weeks=index),
                    kind="initial" if index == 0 else "follow_up",
                    pain_now=round(6 - 5 * progress),
                    pain_worst=round(8 - 6 * progress),
                    pain_best=round(3 - 3 * progress),
                )
                session.add(visit)
                session.flush()
                for test in battery.enabled_tests():
                    mode = test.modes[0] if test.modes else "none"
                    sides = ("left", "right") if test.bilateral else ("none",)
                    for side in sides:
                        value = (
                            test.example_value
                            if test.unit not in ("grade", "pass_fail")
                            else test.valid_max
                        )
                        if side == "right" and test.unit not in ("grade", "pass_fail"):
                            value = value * (0.7 + 0.3 * progress) + rng.uniform(-1, 1)
                        value = min(max(value, test.valid_min), test.valid_max)
                        if test.unit == "reps":
                            value = round(value)
                        session.add(
                            MeasurementRow(
                                visit_id=visit.id,
                                test_code=test.code,
                                side=side,
                                mode=mode,
                                value=float(value),
                                unit=test.unit,
                            )
                        )
                answers = {str(i): min(4, 1 + round(3 * progress)) for i in range(1, 21)}
                session.add(
                    OutcomeResponseRow(
                        visit_id=visit.id, instrument="lefs", answers=json.dumps(answers)
                    )
                )
            ids.append(patient.id)
    return clinic, ids


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=60)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from clinic_desktop.domain.settings import ClinicSettings

    with tempfile.TemporaryDirectory() as folder:
        clinic, (big, small) = make_clinic(Path(folder), args.visits)
        from clinic_desktop.gui.progress_page import ProgressPage

        page = ProgressPage(clinic, ClinicSettings())
        page.resize(1100, 800)

        def open_patient(patient_id: int) -> float:
            started = time.perf_counter()
            page.show_patient(patient_id)
            app.processEvents()
            page.repaint()
            return (time.perf_counter() - started) * 1000

        started = time.perf_counter()
        page.show()  # the first showing builds the widgets and imports pyqtgraph
        open_patient(big)
        first_total = (time.perf_counter() - started) * 1000
        charts = len(page.overview.board.shown_views)
        points = sum(len(s.points) for v in page.overview.board.shown_views for s in v.chart.series)
        timings = []
        for _ in range(args.runs):
            open_patient(small)
            timings.append(open_patient(big))
        load = []
        for _ in range(args.runs):
            t = time.perf_counter()
            clinic.progress.load(big)
            load.append((time.perf_counter() - t) * 1000)
        clinic.close()

    median = statistics.median(timings)
    print(f"patient: {args.visits} visits, {charts} small charts, {points} points drawn")
    print(f"first opening (builds the tab, imports pyqtgraph): {first_total:.0f} ms")
    print(
        f"opening again: median {median:.0f} ms, min {min(timings):.0f} ms, "
        f"max {max(timings):.0f} ms over {args.runs} runs (budget {BUDGET_MS:.0f} ms)"
    )
    print(f"  of which reading and computing the series: median {statistics.median(load):.0f} ms")
    ok = median <= BUDGET_MS
    print("PASS" if ok else "FAIL: over budget")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
