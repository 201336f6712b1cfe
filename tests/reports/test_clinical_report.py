"""Progress reports and discharge summaries: every printed figure is the database's and the
domain's, read back from the PDF's text; sections with nothing to show say why."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections import defaultdict

import pypdf
import pytest
from sqlalchemy import select

from clinic_desktop.domain import measures, units
from clinic_desktop.domain.assessment import LSI_UNITS, NOT_LSI_TESTS, mdc_for, norm_for
from clinic_desktop.domain.battery import shipped_battery
from clinic_desktop.domain.errors import ValidationError
from clinic_desktop.domain.patient_rules import age_on
from clinic_desktop.domain.progress_measures import VERDICT_PHRASES
from clinic_desktop.storage.models import (
    DocumentRow,
    EpisodeRow,
    MeasurementRow,
    PatientRow,
    VisitRow,
)

BATTERY = shipped_battery()


def _text(pdf: bytes) -> tuple[list[str], dict]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return [page.extract_text() for page in reader.pages], dict(reader.metadata or {})


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def expected_rows(clinic, patient_id: int) -> dict[tuple[str, str], dict[str, str]]:
    """The measures table computed straight from the stored values with ``measures``."""
    with clinic.database.reading() as session:
        patient = session.get(PatientRow, patient_id)
        episode = session.scalar(select(EpisodeRow).where(EpisodeRow.patient_id == patient_id))
        visits = {
            v.id: v
            for v in session.scalars(
                select(VisitRow).where(
                    VisitRow.episode_id == episode.id, VisitRow.attendance == "attended"
                )
            )
        }
        values = session.scalars(
            select(MeasurementRow).where(MeasurementRow.visit_id.in_(visits))
        ).all()
        sex, birth, involved = patient.sex, patient.birth_date, episode.side
        by_key = defaultdict(list)
        for m in values:
            v = visits[m.visit_id]
            by_key[(m.test_code, m.mode, m.side)].append(
                (v.visit_date, v.id, m.value, v.therapist_id)
            )
    age = age_on(birth, max(v.visit_date for v in visits.values()))
    expected = {}
    for (code, mode, side), points in by_key.items():
        test = BATTERY.test(code)
        points.sort()
        first, latest = points[0], points[-1]
        row = {
            "first": units.format_measurement(first[2], test.unit),
            "latest": units.format_measurement(latest[2], test.unit),
        }
        if len(points) > 1 and test.unit != "pass_fail":
            same = first[3] == latest[3] if first[3] and latest[3] else None
            verdict = measures.change_verdict(
                first[2], latest[2], mdc_for(test, same), test.higher_is_better
            )
            row["verdict"] = VERDICT_PHRASES[verdict] if verdict else "no MDC on file"
        norm, _ = norm_for(test, sex, age)
        if norm is not None and test.higher_is_better:
            percent = measures.percent_of_norm(latest[2], norm)
            if percent is not None:
                row["percent"] = f"{units.format_number(percent, 0)}%"
        if (
            test.bilateral
            and test.unit in LSI_UNITS
            and code not in NOT_LSI_TESTS
            and side == involved
        ):
            other = by_key[(code, mode, "left" if side == "right" else "right")]
            both = sorted(set(d for d, *_ in points) & set(d for d, *_ in other))
            last = both[-1]
            inv = next(p[2] for p in points if p[0] == last)
            uninv = next(p[2] for p in other if p[0] == last)
            lsi = measures.limb_symmetry_index(inv, uninv, test.higher_is_better)
            row["lsi"] = f"{units.format_number(lsi, 0)}%"
        expected[(test.label if mode != "passive" else f"{test.label} (passive)", side)] = row
    return expected


def _discharged(clinic, patient_id: int) -> None:
    """End the patient's episode as the discharge does (a summary is made only then)."""
    with clinic.database.transaction() as session:
        episode = session.scalar(select(EpisodeRow).where(EpisodeRow.patient_id == patient_id))
        if episode.status != "discharged":
            last = session.scalar(
                select(VisitRow.visit_date)
                .where(VisitRow.episode_id == episode.id)
                .order_by(VisitRow.visit_date.desc())
                .limit(1)
            )
            episode.status, episode.ended_on = "discharged", last


def _check_table(clinic, patient_id: int, kind: str) -> tuple[list[str], object]:
    if kind == "discharge":
        _discharged(clinic, patient_id)
    data = clinic.reports.report_data(patient_id, kind)
    expected = expected_rows(clinic, patient_id)
    printed = {}
    label = ""
    for row in data.measures:
        label = row.test_label if row.first_of_test else label
        printed[(label, row.side.split(" ")[0].lower().replace("—", "none"))] = row
    assert set(printed) == set(expected), "every measured test and side has its row"
    for key, want in expected.items():
        row = printed[key]
        assert (row.first, row.latest) == (want["first"], want["latest"]), key
        assert row.verdict == want.get("verdict", row.verdict), key
        assert row.percent_of_norm == want.get("percent", ""), key
        if "lsi" in want:
            assert row.lsi == want["lsi"], key
    generated = clinic.reports.generate(patient_id, kind)
    pages, _ = _text(generated.pdf)
    flat = _flat(" ".join(pages))
    position = 0
    for row in data.measures:
        for value in (
            row.side,
            row.first,
            row.latest,
            row.change,
            row.verdict,
            row.norm,
            row.percent_of_norm,
            row.lsi,
        ):
            if value:
                found = flat.find(_flat(value), position)
                assert found >= 0, f"{row.test_label} {row.side}: {value!r} not printed in order"
                position = found
    return pages, generated


def _showcase(clinic) -> int:
    return clinic.reports.patient_id_for_mrn("D0001")


def test_the_showcase_discharge_prints_every_figure_as_the_domain_computes_it(demo_clinic):
    pages, generated = _check_table(demo_clinic, _showcase(demo_clinic), "discharge")
    text = _flat(" ".join(pages))
    assert "Sofía Rivera" in text and "Patellofemoral pain, right (M22.2X1)" in text
    assert "Goals met; back to pain-free running" in text
    assert "LEFS 72 of 80" in text and "improved by at least the MCID" in text
    assert "Your self-management program" in text
    program = demo_clinic.reports.report_data(_showcase(demo_clinic), "discharge").program
    if program:
        for line in program:
            assert _flat(f"{line.name}") in text and _flat(line.dosage) in text
    else:
        assert "No home program was given in this episode of care." in text
    total = len(pages)
    for number, page in enumerate(pages, start=1):
        assert "Sofía Rivera · D0001" in page and f"Page {number} of {total}" in page
    _, metadata = _text(generated.pdf)
    assert metadata["/Title"] == "Discharge summary: Sofía Rivera"
    assert metadata["/Author"] == "Stride Running Clinic (demo)"
    assert "D0001" in metadata["/Subject"]


def test_a_generated_report_is_recorded_with_its_hash_and_audited(demo_clinic):
    import hashlib

    from clinic_desktop.storage.models import AuditEventRow

    generated = demo_clinic.reports.generate(_showcase(demo_clinic), "progress")
    with demo_clinic.database.reading() as session:
        row = session.get(DocumentRow, generated.document_id)
        assert row.sha256 == hashlib.sha256(row.content).hexdigest() == generated.sha256
        assert row.kind == "progress" and row.created_by == demo_clinic.access.user_id
        audit = session.scalar(select(AuditEventRow).where(AuditEventRow.entity == "document"))
        assert audit.action == "document.progress" and audit.entity_id == row.id


# --- constructed edge cases ---------------------------------------------------------------


def _patient(clinic, family: str, given: str, side: str, visits: list[dict]) -> int:
    """A patient with one episode and ``visits`` ({code: {side: value}} each, a week apart)."""
    with clinic.database.transaction() as session:
        patient = PatientRow(
            mrn=f"T{len(family):03d}{len(visits)}{side[:1]}",
            family_name=family,
            given_name=given,
            birth_date=dt.date(1988, 4, 2),
            sex="female",
        )
        session.add(patient)
        session.flush()
        episode = EpisodeRow(
            patient_id=patient.id,
            diagnosis_label="Runner's knee",
            side=side,
            started_on=dt.date(2026, 1, 5),
        )
        session.add(episode)
        session.flush()
        for index, values in enumerate(visits):
            visit = VisitRow(
                episode_id=episode.id,
                visit_date=dt.date(2026, 1, 5 + 7 * index),
                kind="initial" if index == 0 else "follow_up",
                pain_now=5 - index,
            )
            session.add(visit)
            session.flush()
            for code, sides in values.items():
                test = BATTERY.test(code)
                for where, value in sides.items():
                    session.add(
                        MeasurementRow(
                            visit_id=visit.id,
                            test_code=code,
                            side=where,
                            mode=test.modes[0] if test.modes else "none",
                            value=value,
                            unit=test.unit,
                        )
                    )
        return patient.id


def test_one_visit_only_prints_the_baseline_and_says_no_change_yet(clinic):
    pid = _patient(
        clinic, "Baseline", "Ann", "right", [{"knee_flexion": {"left": 140.0, "right": 120.0}}]
    )
    pages, _ = _check_table(clinic, pid, "progress")
    text = _flat(" ".join(pages))
    assert "measured once" in text and "No goals were set for this episode of care." in text


def test_no_strength_tests_and_both_sides_involved(clinic):
    pid = _patient(
        clinic,
        "Twoside",
        "Bo",
        "both",
        [
            {"single_hop_cm": {"left": 120.0, "right": 100.0}},
            {"single_hop_cm": {"left": 130.0, "right": 125.0}},
        ],
    )
    pages, _ = _check_table(clinic, pid, "discharge")
    data = clinic.reports.report_data(pid, "discharge")
    (left, right) = data.measures
    # No single involved side: weaker over stronger, 125 / 130.
    assert left.lsi == "96%" and right.lsi == ""
    assert "Reason for discharge not recorded" in _flat(" ".join(pages))


def test_a_long_accented_name_is_printed_whole_on_every_page(clinic):
    family, given = "Ñúñez-Øster García de la Fuente", "María-Zoë Anaïs Çelik"
    pid = _patient(
        clinic,
        family,
        given,
        "left",
        [
            {"hhd_hip_abductors": {"left": 150.0, "right": 200.0}},
            {"hhd_hip_abductors": {"left": 190.0, "right": 205.0}},
        ],
    )
    pages, generated = _check_table(clinic, pid, "discharge")
    for page in pages:
        assert f"{given} {family}" in _flat(page)
    assert _text(generated.pdf)[1]["/Title"] == f"Discharge summary: {given} {family}"


def test_an_episode_with_nothing_measured_says_so_instead_of_an_empty_table(clinic):
    pid = _patient(clinic, "Empty", "Cy", "none", [{}])
    text = _flat(" ".join(_text(clinic.reports.generate(pid, "progress").pdf)[0]))
    assert "Measures: first and latest visit" in text
    assert "No test of the battery was measured" in text and "No goals were set" in text
    assert "Test Side First" not in text


def test_a_patient_without_an_episode_gets_a_sentence_not_a_report(clinic):
    from clinic_desktop.domain.errors import NotFound

    with clinic.database.transaction() as session:
        session.add(PatientRow(mrn="X1", family_name="None", birth_date=dt.date(1990, 1, 1)))
    with pytest.raises(NotFound, match="no episode of care"):
        clinic.reports.generate(clinic.reports.patient_id_for_mrn("X1"), "progress")


def test_the_discharge_prints_the_readiness_the_walk_run_plan_was_made_from(demo_clinic):
    patient_id = _showcase(demo_clinic)
    data = demo_clinic.reports.report_data(patient_id, "discharge")
    section = next(s for s in data.sections if s.title == "Return to running")
    assert section.lines[0].startswith("Walk/run plan: Standard walk/run progression")
    assert "criteria version 1): Ready to start walk/run." in section.lines[1]
    assert any(line.startswith("Quadriceps strength symmetry") for line in section.lines)
    text = _flat(" ".join(_text(demo_clinic.reports.generate(patient_id, "discharge").pdf)[0]))
    assert "Readiness when the plan was made" in text and "standard_walk_run" not in text


def test_a_discharge_summary_is_refused_for_a_runner_still_in_care(clinic):
    pid = _patient(clinic, "Still", "Ina", "left", [{"knee_flexion": {"left": 120.0}}])
    with pytest.raises(ValidationError, match="still in care"):
        clinic.reports.generate(pid, "discharge")
    with clinic.database.reading() as session:
        assert session.scalars(select(DocumentRow)).first() is None
    assert clinic.reports.generate(pid, "progress").kind == "progress"


def test_equipment_given_is_the_bands_handed_over_not_the_wall(demo_clinic):
    data = demo_clinic.reports.report_data(_showcase(demo_clinic), "discharge")
    lines = next(s for s in data.sections if s.title == "Equipment given").lines
    assert any(line.startswith("Resistance band, green: for monster walk") for line in lines)
    assert lines[-1].startswith("Also used at home: ") and "mat" in lines[-1]
    assert not any(line.startswith(("Wall", "Mat", "Cushion")) for line in lines)
