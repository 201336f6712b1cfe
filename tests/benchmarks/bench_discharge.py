"""A discharge summary with charts and 12 exercises, against 500 ms.

    python tests/benchmarks/bench_discharge.py [--runs 15]

Uses the demo clinic's showcase runner (D0001): nine visits, the full battery measured
three times, LEFS and pain at every visit. The report's data is assembled by the reports
service (one read transaction); the home program is made twelve exercises long and the
measures table cut to 24 rows; with the walk/run plan and the advice the summary runs to
about seven pages, more than the four the budget names. Two
figures are timed: the PDF build from the data, and the whole service call (assemble,
build, record the document, audit). Prints the medians, the page count, and exits
non-zero if the whole call misses the budget.
"""

from __future__ import annotations

import argparse
import dataclasses
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

BUDGET_MS = 500.0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    import pypdf

    from clinic_desktop.reports.discharge import discharge_summary_pdf
    from clinic_desktop.services.clinic import open_clinic
    from clinic_desktop.storage.location import DatabaseLocation
    from tests.conftest import sign_in_as

    with tempfile.TemporaryDirectory() as folder:
        location = DatabaseLocation.sqlite_file(Path(folder) / "demo.sqlite3")
        clinic = open_clinic(location, demo=True)
        sign_in_as(clinic)
        patient_id = clinic.reports.patient_id_for_mrn("D0001")
        data = clinic.reports.report_data(patient_id, "discharge")
        program = data.program * (12 // max(len(data.program), 1) + 1)
        data = dataclasses.replace(data, program=program[:12], measures=data.measures[:24])
        discharge_summary_pdf(data)  # fonts registered, modules imported
        build_ms, call_ms = [], []
        for _ in range(args.runs):
            started = time.perf_counter()
            pdf = discharge_summary_pdf(data)
            build_ms.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            clinic.reports.generate(patient_id, "discharge")
            call_ms.append((time.perf_counter() - started) * 1000)
        clinic.close()
    pages = len(pypdf.PdfReader(io.BytesIO(pdf)).pages)
    build, call = statistics.median(build_ms), statistics.median(call_ms)
    print(
        f"discharge summary: {pages} pages, {len(data.charts)} charts, "
        f"{len(data.program)} exercises"
    )
    print(f"  PDF build from data: median {build:.0f} ms")
    print(
        f"  whole service call (full D0001 summary): median {call:.0f} ms "
        f"(budget {BUDGET_MS:.0f} ms)"
    )
    return 0 if call <= BUDGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
