"""The command line as a clinic runs it: real processes, real files."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_app(*args: str, cwd: Path | None = None, extra_env: dict | None = None):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(extra_env or {})}
    return subprocess.run(
        [sys.executable, "-m", "clinic_desktop", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
        env=env,
    )


def test_smoke_test_creates_the_database_and_reports_one_line(tmp_path):
    result = run_app("--smoke-test", "--data-dir", str(tmp_path))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("clinic-desktop smoke test ok: created")
    assert (tmp_path / "clinic.sqlite3").exists()
    again = run_app("--smoke-test", "--data-dir", str(tmp_path))
    assert "ok: opened" in again.stdout and "0 patients listed" in again.stdout


def test_demo_uses_its_own_database_never_the_clinics(tmp_path):
    result = run_app("--smoke-test", "--demo", "--data-dir", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "40 patients listed" in result.stdout
    assert (tmp_path / "demo-clinic.sqlite3").exists()
    assert not (tmp_path / "clinic.sqlite3").exists()


def test_a_newer_database_stops_the_app_with_a_clear_line_and_an_untouched_file(tmp_path):
    assert run_app("--smoke-test", "--data-dir", str(tmp_path)).returncode == 0
    path = tmp_path / "clinic.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    result = run_app("--smoke-test", "--data-dir", str(tmp_path))
    assert result.returncode == 2
    assert "newer version of clinic_desktop" in result.stderr
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_a_database_url_is_honoured(tmp_path):
    url = f"sqlite:///{tmp_path / 'elsewhere.sqlite3'}"
    result = run_app("--smoke-test", "--database-url", url)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "elsewhere.sqlite3").exists()


def test_an_unwritable_data_folder_gets_a_sentence(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run_app("--smoke-test", "--data-dir", str(blocker / "data"))
    assert result.returncode == 2
    assert "cannot be written to" in result.stderr


@pytest.mark.slow
def test_the_installed_wheel_runs_from_outside_the_checkout(tmp_path):
    """The wheel carries the resources and compiled forms: no checkout needed."""
    wheels = tmp_path / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(wheels),
            str(ROOT),
        ],
        check=True,
        timeout=300,
    )
    wheel = next(wheels.glob("clinic_desktop-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "clinic_desktop/resources/battery.json" in names
    assert "clinic_desktop/gui/forms/ui_settings_dialog.py" in names
    assert any(n.startswith("clinic_desktop/storage/migrations/versions/0001") for n in names)

    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        timeout=300,
    )
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    probe = run_app(
        "--smoke-test",
        "--demo",
        "--data-dir",
        str(tmp_path / "data"),
        cwd=outside,
        extra_env={"PYTHONPATH": str(target)},
    )
    assert probe.returncode == 0, probe.stderr
    assert "40 patients listed" in probe.stdout
    where = subprocess.run(
        [
            sys.executable,
            "-c",
            "import clinic_desktop.domain.resources as r; print(r.resources_dir())",
        ],
        capture_output=True,
        text=True,
        cwd=outside,
        env={**os.environ, "PYTHONPATH": str(target)},
    )
    assert where.stdout.strip() == str(target / "clinic_desktop" / "resources")
