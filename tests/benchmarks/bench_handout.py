"""A 10-exercise home-exercise handout, laid out to PDF bytes, against 300 ms.

    python tests/benchmarks/bench_handout.py [--exercises 10] [--runs 20]

Ten exercises from across the library (stick figures, a band exercise, the tick table),
a letterhead and an accented name. The first rendering registers the fonts and loads the
library (reported apart); later renderings are timed from the plain ``Handout`` to the
finished PDF bytes, as the worker thread does it. Prints the figures and exits non-zero
if the median misses the budget.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

BUDGET_MS = 300.0


def make_handout(count: int):
    from clinic_desktop.domain.exercises import load_library
    from clinic_desktop.domain.home_program import Handout, HandoutExercise, Letterhead

    library = list(load_library())
    chosen = library[:: max(1, len(library) // count)][:count]
    return Handout(
        letterhead=Letterhead("Stride Running Clinic", "12 Riverside Walk\nSpringfield",
                              "555 0100 200"),  # fmt: skip
        patient_name="Sofía Rivera", mrn="D0001", therapist="Dana Whitfield, PT, DPT",
        program_date=dt.date(2026, 10, 5), printed_on=dt.date(2026, 10, 6),
        exercises=tuple(HandoutExercise(e, e.dosage) for e in chosen),
    )  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--exercises", type=int, default=10)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()

    started = time.perf_counter()
    from clinic_desktop.reports.handout import render_handout

    handout = make_handout(args.exercises)
    first = render_handout(handout)
    first_ms = (time.perf_counter() - started) * 1000
    times = []
    for _ in range(args.runs):
        began = time.perf_counter()
        rendered = render_handout(handout)
        times.append((time.perf_counter() - began) * 1000)
    median = statistics.median(times)
    print(
        f"handout with {len(handout.exercises)} exercises, {first.page_count} pages, "
        f"{len(rendered.data) / 1024:.0f} KiB: first {first_ms:.0f} ms (imports, fonts, "
        f"library), then median {median:.0f} ms, max {max(times):.0f} ms over {args.runs} "
        f"runs (budget {BUDGET_MS:.0f} ms)"
    )
    return 0 if median <= BUDGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
