"""Start-up, search and memory on a 50,000-patient clinic, against the design budgets.

    python tests/benchmarks/bench_foundation.py [--db FILE] [--patients 50000]

Budgets (2-core machine): start to a populated list within 3x a bare PySide6 window
started in the same run (medians of >= 5 runs); search keystroke p95 under 20 ms over
>= 200 mixed queries and within 2x the same SQL run raw; peak memory under 300 MiB with
the list open. Prints the figures and exits non-zero if a budget is missed.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE_WINDOW = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QTableView())
window.show()
app.processEvents()
"""


def timed_run(command: list[str], env: dict) -> float:
    """Wall time of one run of ``command``, in seconds."""
    started = time.perf_counter()
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{command} failed:\n{result.stderr}")
    return elapsed


def child_peak_rss_kib(command: list[str], env: dict) -> int:
    """Peak resident memory of one child process, measured by the kernel (ru_maxrss)."""
    code = (
        "import resource, subprocess, sys\n"
        f"subprocess.run({command!r}, check=True, capture_output=True)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return int(out.stdout.strip())


def startup(db: Path, runs: int, env: dict) -> dict:
    bare, app = [], []
    app_command = [
        sys.executable,
        "-m",
        "clinic_desktop",
        "--smoke-test",
        "--database-url",
        f"sqlite:///{db}",
    ]
    for _ in range(runs):  # interleaved, so both see the same machine load
        bare.append(timed_run([sys.executable, "-c", BARE_WINDOW], env))
        app.append(timed_run(app_command, env))
    peak = child_peak_rss_kib(app_command, env)
    return {
        "bare_s": statistics.median(bare),
        "app_s": statistics.median(app),
        "peak_mib": peak / 1024,
    }


def queries(rng: random.Random, db: Path, count: int) -> list[str]:
    connection = sqlite3.connect(db)
    rows = connection.execute(
        "SELECT family_name, given_name, mrn, birth_date, phone_digits FROM patient "
        "ORDER BY random() LIMIT 400"
    ).fetchall()
    connection.close()
    mixed = []
    for index in range(count):
        family, given, mrn, born, digits = rows[index % len(rows)]
        kind = index % 7
        if kind == 0:
            mixed.append(family[: rng.randint(1, len(family))])  # a keystroke at a time
        elif kind == 1:
            mixed.append(f"{given} {family}")
        elif kind == 2:
            mixed.append(mrn)
        elif kind == 3:
            mixed.append(born)
        elif kind == 4:
            mixed.append(digits[-rng.randint(4, 7) :])
        elif kind == 5:
            mixed.append(family.lower()[1:4])  # part of a surname
        else:
            mixed.append(rng.choice("abcdefghijklmnoprstuvwyz"))
    return mixed


def search(db: Path, count: int) -> dict:
    from sqlalchemy.dialects import sqlite as sqlite_dialect

    from clinic_desktop.domain.search import parse_patient_query
    from clinic_desktop.services.clinic import open_clinic
    from clinic_desktop.services.users import smoke_test_identity
    from clinic_desktop.storage.location import DatabaseLocation
    from clinic_desktop.storage.patient_queries import patient_search_tiers

    rng = random.Random(11)
    texts = queries(rng, db, count)
    clinic = open_clinic(DatabaseLocation.sqlite_file(db))
    clinic.access.user = smoke_test_identity()  # the front desk's rights: find patients
    raw = sqlite3.connect(db)
    service_ms, raw_ms = [], []
    for text in texts:
        clinic.patients.search(text)  # warm the page cache for both paths alike
        started = time.perf_counter()
        found = clinic.patients.search(text)
        service_ms.append((time.perf_counter() - started) * 1000)

        # The same statements, straight through sqlite3: tiers, then the listed rows.
        statements = [
            str(
                tier.limit(200).compile(
                    dialect=sqlite_dialect.dialect(), compile_kwargs={"literal_binds": True}
                )
            )
            for tier in patient_search_tiers(parse_patient_query(text), "sqlite")
        ]
        started = time.perf_counter()
        ids: list[int] = []
        for statement in statements:
            if len(ids) >= 200:
                break
            ids.extend(i for (i,) in raw.execute(statement) if i not in ids)
        ids = ids[:200]
        if ids:
            marks = ",".join("?" * len(ids))
            raw.execute(
                f"SELECT id, mrn, family_name, given_name, preferred_name, birth_date,"
                f" last_visit_on FROM patient WHERE id IN ({marks})",
                ids,
            ).fetchall()
            raw.execute(
                f"SELECT patient_id, kind, diagnosis_label FROM episode WHERE "
                f"patient_id IN ({marks}) AND status = 'active'",
                ids,
            ).fetchall()
        raw_ms.append((time.perf_counter() - started) * 1000)
        assert len(found) == len(ids), text
    clinic.close()
    p95 = statistics.quantiles(service_ms, n=20)[18]
    raw_p95 = statistics.quantiles(raw_ms, n=20)[18]
    return {
        "queries": len(texts),
        "p95_ms": p95,
        "raw_p95_ms": raw_p95,
        "median_ms": statistics.median(service_ms),
        "raw_median_ms": statistics.median(raw_ms),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="a synthetic clinic (made if absent)")
    parser.add_argument("--patients", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--queries", type=int, default=280)
    args = parser.parse_args()
    db = args.db or Path(tempfile.gettempdir()) / f"clinic-bench-{args.patients}.sqlite3"
    if not db.exists():
        from clinic_desktop.tools.synthesize import synthesize

        print(f"synthesizing {args.patients:,} patients into {db} ...", flush=True)
        synthesize(db, args.patients)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with tempfile.TemporaryDirectory() as home:
        env["XDG_CONFIG_HOME"] = home  # no window state from earlier runs
        started = startup(db, args.runs, env)
    found = search(db, args.queries)
    ratio = started["app_s"] / started["bare_s"]
    search_ratio = found["p95_ms"] / found["raw_p95_ms"]
    checks = [
        (
            "start to populated list",
            f"{started['app_s'] * 1000:.0f} ms vs bare window "
            f"{started['bare_s'] * 1000:.0f} ms = {ratio:.2f}x",
            ratio <= 3.0,
            "<= 3x",
        ),
        (
            "search keystroke p95",
            f"{found['p95_ms']:.1f} ms over {found['queries']} queries "
            f"(median {found['median_ms']:.1f} ms)",
            found["p95_ms"] < 20,
            "< 20 ms",
        ),
        (
            "search vs raw SQL",
            f"p95 {found['p95_ms']:.1f} vs {found['raw_p95_ms']:.1f} ms = {search_ratio:.2f}x",
            search_ratio <= 2.0,
            "<= 2x",
        ),
        (
            "peak memory, list open",
            f"{started['peak_mib']:.0f} MiB",
            started["peak_mib"] < 300,
            "< 300 MiB",
        ),
    ]
    for name, figure, ok, budget in checks:
        print(f"{'PASS' if ok else 'MISS'}  {name:26} {figure}  (budget {budget})")
    return 0 if all(ok for *_, ok, _ in checks) else 1


if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    sys.exit(main())
