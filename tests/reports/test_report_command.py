"""The report command writes a PDF as the system identity, recorded and audited."""

from __future__ import annotations

import argparse
import json
import shutil

from sqlalchemy import select

from clinic_desktop.report_command import add_clinical_reports, write_clinical_report
from clinic_desktop.services.clinic import open_clinic
from clinic_desktop.storage.location import DatabaseLocation
from clinic_desktop.storage.models import AuditEventRow, DocumentRow


def _parse(argv):
    parser = argparse.ArgumentParser()
    parser.add_argument("--demo", action="store_true")
    kinds = parser.add_subparsers(dest="report_kind", required=True)
    add_clinical_reports(kinds)
    return parser.parse_args(argv)


def test_the_command_writes_the_discharge_summary_and_records_it(tmp_path, demo_template, capsys):
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_template, path)
    out = tmp_path / "summary.pdf"
    location = DatabaseLocation.sqlite_file(path)
    code = write_clinical_report(
        _parse(["discharge", "--patient", "D0001", "--out", str(out)]), location
    )
    assert code == 0 and out.read_bytes().startswith(b"%PDF")
    assert "Discharge summary, Sofía Rivera" in capsys.readouterr().out
    clinic = open_clinic(location)
    try:
        with clinic.database.reading() as session:
            document = session.scalar(select(DocumentRow))
            audit = session.scalar(select(AuditEventRow).where(AuditEventRow.entity == "document"))
            assert document.created_by is None and document.kind == "discharge"
            assert json.loads(audit.detail)["by"] == "report-command"
    finally:
        clinic.close()


def test_an_unknown_record_number_is_a_sentence_and_no_file(tmp_path, demo_template, capsys):
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_template, path)
    out = tmp_path / "none.pdf"
    args = _parse(["progress", "--patient", "Z9999", "--out", str(out)])
    assert write_clinical_report(args, DatabaseLocation.sqlite_file(path)) == 1
    assert "No patient has the MRN Z9999." in capsys.readouterr().err and not out.exists()


def test_no_discharge_summary_for_a_runner_still_in_care(tmp_path, demo_template, capsys):
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_template, path)
    out = tmp_path / "summary.pdf"
    args = _parse(["discharge", "--patient", "D0030", "--out", str(out)])
    assert write_clinical_report(args, DatabaseLocation.sqlite_file(path)) == 1
    assert "still in care" in capsys.readouterr().err and not out.exists()
