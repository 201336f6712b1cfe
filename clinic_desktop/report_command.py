"""``clinic-desktop report progress|discharge --patient MRN --out FILE.pdf``.

Runs without a display and without signing in: it acts as the report command's system
identity (:func:`clinic_desktop.services.reports.report_command_identity`), which may read
clinical records and nothing else; every document it writes is recorded and audited.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

CLINICAL_REPORTS = {
    "progress": "a progress report (re-evaluation) of the patient's current episode",
    "discharge": "the discharge summary of the patient's current or latest episode",
}


def add_clinical_reports(kinds) -> None:
    """Add the progress and discharge commands to the ``report`` sub-command's parsers."""
    for kind, about in CLINICAL_REPORTS.items():
        parser = kinds.add_parser(kind, help=about)
        parser.add_argument("--patient", required=True, metavar="MRN", help="the record number")
        parser.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")


def write_clinical_report(args: argparse.Namespace, location) -> int:
    """Write the report named by ``args.report_kind``; 0 on success, 1 or 2 with a
    sentence on standard error otherwise (2: the database was refused)."""
    from clinic_desktop.domain.errors import ClinicError
    from clinic_desktop.services.clinic import DatabaseRefused, open_clinic
    from clinic_desktop.services.reports import report_command_identity

    try:
        clinic = open_clinic(location, demo=args.demo)
    except DatabaseRefused as error:
        print(f"clinic-desktop: {error.message}", file=sys.stderr)
        return 2
    try:
        clinic.access.user = report_command_identity()
        patient_id = clinic.reports.patient_id_for_mrn(args.patient)
        made = clinic.reports.generate(patient_id, args.report_kind)
        args.out.write_bytes(made.pdf)
    except ClinicError as error:
        print(f"clinic-desktop: {error.message}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"clinic-desktop: {args.out} could not be written: {error.strerror}", file=sys.stderr)
        return 1
    finally:
        clinic.close()
    print(f"Wrote {args.out}: {made.title}, SHA-256 {made.sha256}")
    return 0
