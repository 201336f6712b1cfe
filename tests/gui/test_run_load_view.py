"""The Progress tab shows the running log as weekly load against pain."""

from __future__ import annotations

from clinic_desktop.gui.progress_page import ProgressPage


def test_the_progress_tab_has_a_running_load_view_for_the_showcase_runner(qtbot, demo_clinic):
    page = ProgressPage(demo_clinic, demo_clinic.settings.load())
    qtbot.addWidget(page)
    page.resize(1000, 800)
    page.show()
    page.show_patient(demo_clinic.patients.search("D0001")[0].id)
    page.tabs.setCurrentWidget(page.running_load)
    assert page.tabs.tabText(page.tabs.currentIndex()) == "Running load"
    titles = [chart.title for chart in page.running_load.charts]
    assert titles == [
        "Running distance per week (km)",
        "Running time per week (minutes)",
        "Worst pain during a run, per week (0-10)",
    ]
    assert page.running_load.panel.stack.currentIndex() == 0  # charts, not the empty sentence
    assert len(page.boards) == 5


def test_a_runner_without_a_log_reads_a_sentence_instead(qtbot, demo_clinic):
    page = ProgressPage(demo_clinic, demo_clinic.settings.load())
    qtbot.addWidget(page)
    page.show()
    page.show_patient(demo_clinic.patients.search("D0002")[0].id)
    assert page.running_load.charts == ()
    assert "Return to run tab" in page.running_load.panel.message.text()
