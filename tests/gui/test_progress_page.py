"""The Progress tab draws exactly the domain's series, opens visits, and explains empty states."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication, QImage

from clinic_desktop.domain.patients import NewPatient
from clinic_desktop.domain.settings import ClinicSettings
from clinic_desktop.gui.progress_page import ProgressPage
from clinic_desktop.storage.models import EpisodeRow, MeasurementRow, VisitRow


@pytest.fixture
def page(qtbot, demo_clinic):
    shown = ProgressPage(demo_clinic, ClinicSettings())
    qtbot.addWidget(shown)
    shown.resize(1100, 800)
    shown.show()
    return shown


def _patient(clinic, mrn: str) -> int:
    return clinic.patients.search(mrn)[0].id


def _one_visit_patient(clinic) -> int:
    """A runner seen once: heel raises on the left only, a few other values."""
    patient = clinic.patients.register(NewPatient("Quinn", "Ada", dt.date(1991, 2, 3), "female"))
    with clinic.database.transaction() as session:
        episode = EpisodeRow(patient_id=patient.id, side="right", started_on=dt.date(2026, 5, 4),
                             diagnosis_label="Achilles tendinopathy")  # fmt: skip
        session.add(episode)
        session.flush()
        visit = VisitRow(episode_id=episode.id, visit_date=dt.date(2026, 5, 4), kind="initial",
                         pain_now=5)  # fmt: skip
        session.add(visit)
        session.flush()
        for code, side, value, unit, mode in (
            ("heel_raise_reps", "left", 24.0, "reps", "none"),
            ("knee_to_wall", "left", 11.0, "cm", "active"),
            ("knee_to_wall", "right", 8.5, "cm", "active"),
        ):
            session.add(MeasurementRow(visit_id=visit.id, test_code=code, side=side,
                                       value=value, unit=unit, mode=mode))  # fmt: skip
    return patient.id


def _view_pos(board, scene_point) -> QPoint:
    return board.mapFromScene(scene_point)


def test_the_tab_builds_its_charts_only_when_first_shown(qtbot, demo_clinic):
    hidden = ProgressPage(demo_clinic, ClinicSettings())
    qtbot.addWidget(hidden)
    assert not hidden.built and not hasattr(hidden, "tabs")
    code = "import sys, clinic_desktop.gui.progress_page; print('pyqtgraph' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_every_small_chart_carries_exactly_the_series_of_its_measure(page, demo_clinic):
    showcase = _patient(demo_clinic, "D0001")
    page.show_patient(showcase)
    expected = demo_clinic.progress.load(showcase).progress
    views = page.overview.board.shown_views
    assert [v.chart.key for v in views] == [m.chart.key for m in expected.measures]
    assert expected.measures[0].deficit.value == "now"  # deficits first
    from clinic_desktop.gui.progress_charts import day_to_x

    for view, measure in zip(views, expected.measures, strict=True):
        drawn = [c for c in view.curves if c.isVisible()]
        assert len(drawn) == len(measure.chart.series)
        for curve, series in zip(drawn, measure.chart.series, strict=True):
            x, y = curve.getData()
            assert list(x) == [day_to_x(day) for day in series.days]
            assert list(y) == list(series.values)


def test_the_detail_chart_draws_norm_goal_and_mdc_band_of_the_chosen_measure(page, demo_clinic):
    page.show_patient(_patient(demo_clinic, "D0001"))
    page.open_measure("hhd_hip_abductors/none")
    assert page.tabs.currentWidget() is page.detail
    measure_view, symmetry_view = page.detail.panel.board.shown_views
    chart = measure_view.chart
    assert chart.key == "measure:hhd_hip_abductors/none"
    drawn_lines = [line.value() for line in measure_view.lines if line.isVisible()]
    assert drawn_lines == [line.value for line in chart.lines] and 180.0 in drawn_lines
    assert symmetry_view.chart.series[0].key == "hhd_hip_abductors/none"
    assert sorted(line.value() for line in symmetry_view.lines if line.isVisible()) == [80, 90]
    pain = page.scores.panel.board.shown_views[0]
    bands = [band.getRegion() for band in pain.bands if band.isVisible()]
    assert bands == [(b.low, b.high) for b in pain.chart.bands] == [(4.0, 8.0)]


def test_clicking_a_point_asks_for_that_visit(page, demo_clinic, qtbot):
    page.show_patient(_patient(demo_clinic, "D0001"))
    page.open_measure("hhd_hip_abductors/none")
    board = page.detail.panel.board
    view = board.shown_views[0]
    point = view.chart.series_by_key("right").points[3]
    at = _view_pos(board, view.point_scene_pos("right", 3))
    with qtbot.waitSignal(page.visit_requested, timeout=2000) as clicked:
        qtbot.mouseClick(board.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert clicked.args == [point.visit_id]


def test_hovering_a_point_shows_its_value_date_and_visit(page, demo_clinic, qtbot):
    page.show_patient(_patient(demo_clinic, "D0001"))
    page.open_measure("hhd_hip_abductors/none")
    board = page.detail.panel.board
    view = board.shown_views[0]
    point = view.chart.series_by_key("left").points[0]
    board._moved(view.point_scene_pos("left", 0))
    hover = page.detail.panel.hover.text()
    assert hover == f"Left: {point.text} · 2026-07-05 · Initial evaluation"


def test_clicking_a_small_chart_opens_that_measure(page, demo_clinic, qtbot):
    page.show_patient(_patient(demo_clinic, "D0001"))
    board = page.overview.board
    view = board.shown_views[1]
    centre = view.plot.vb.sceneBoundingRect().center()
    qtbot.mouseClick(board.viewport(), Qt.MouseButton.LeftButton, pos=_view_pos(board, centre))
    assert page.tabs.currentWidget() is page.detail
    assert page.detail.chosen_keys() == [view.chart.key.removeprefix("measure:")]


def test_a_patient_without_an_episode_is_told_where_to_start(page, demo_clinic):
    patient = demo_clinic.patients.register(NewPatient("Hughes", "Bo", dt.date(1980, 1, 1)))
    page.show_patient(patient.id)
    assert page.body.currentWidget() is page.message
    assert "no episode of care yet" in page.message.text()
    assert "Assessment tab" in page.message.text()
    assert not page.export_button.isEnabled()


def test_one_visit_shows_the_baseline_and_says_what_to_do(page, demo_clinic):
    page.show_patient(_one_visit_patient(demo_clinic))
    assert page.body.currentWidget() is page.tabs and page.banner.isVisible()
    assert "Only one visit has values so far" in page.banner.text()
    assert "next visit" in page.banner.text()
    page.open_measure("heel_raise_reps/none")
    notes = page.detail.panel.notes.text()
    assert "Only the left side was measured" in notes and "right side" in notes
    assert "Symmetry as a ratio" not in notes  # missing because of one side, not the test
    (view,) = page.detail.panel.board.shown_views  # no symmetry without both sides
    assert [len(s.points) for s in view.chart.series] == [1]
    assert "one visit only" in page.detail.panel.notes.text()


def test_switching_patients_keeps_the_same_chart_items(page, demo_clinic):
    page.show_patient(_patient(demo_clinic, "D0001"))
    board = page.overview.board
    views = list(board.views)
    curves = [list(v.curves) for v in views]
    page.show_patient(_patient(demo_clinic, "D0002"))
    page.show_patient(_patient(demo_clinic, "D0001"))
    assert page.overview.board is board and board.views[: len(views)] == views
    # Items are only ever added (a chart with more series than before), never replaced.
    for view, before in zip(views, curves, strict=True):
        assert view.curves[: len(before)] == before


def test_the_current_chart_exports_as_png_and_svg_and_copies(page, demo_clinic, tmp_path):
    page.show_patient(_patient(demo_clinic, "D0001"))
    page.tabs.setCurrentWidget(page.scores)
    png = page.export_current(tmp_path / "pain.png")
    image = QImage(str(png))
    assert not image.isNull() and image.width() >= 800
    svg = page.export_current(tmp_path / "pain.svg")
    assert "<svg" in svg.read_text(encoding="utf-8")
    QGuiApplication.clipboard().clear()
    page.copy_current()
    assert not QGuiApplication.clipboard().image().isNull()
    exports = [e for e in demo_clinic.audit.events(action="export")]
    assert [e.detail.count("clipboard") for e in exports] == [1, 0, 0]  # newest first
    assert all(e.patient_mrn == "D0001" for e in exports)


def test_a_new_kind_of_chart_draws_through_the_same_views(qtbot):
    """Running load from a run log needs a builder, not new drawing code."""
    from clinic_desktop.domain.charts import (
        Chart,
        ChartKind,
        ChartPoint,
        LineRole,
        ReferenceLine,
        Series,
        SeriesRole,
    )
    from clinic_desktop.gui.progress_charts import ChartBoard, day_to_x, describe

    weeks = [dt.date(2026, 6, 1) + dt.timedelta(weeks=i) for i in range(4)]
    points = tuple(
        ChartPoint(day, km, f"{km:g} km") for day, km in zip(weeks, (8, 10, 11, 14), strict=True)
    )
    load = Chart(
        key="load:weekly_km",
        kind=ChartKind.LOAD,
        title="Running distance per week",
        unit="km",
        series=(Series("weekly_km", "Distance", SeriesRole.LOAD, points),),
        lines=(ReferenceLine(30, "Before the injury 30 km", LineRole.GOAL),),
    )
    board = ChartBoard()
    qtbot.addWidget(board)
    board.show_charts([load])
    (view,) = board.shown_views
    x, y = view.curves[0].getData()
    assert list(x) == [day_to_x(day) for day in weeks] and list(y) == [8, 10, 11, 14]
    assert describe(load.series[0], points[0], "yyyy-mm-dd") == "Distance: 8 km\n2026-06-01"
