"""The Home program tab driven from the keyboard: add, reorder, dose, templates, versions."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, Qt

from clinic_desktop.domain.settings import ClinicSettings
from clinic_desktop.gui.program_editor import ROW_MIME
from clinic_desktop.gui.program_page import ProgramPage

ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def page(qtbot, demo_clinic):
    shown = ProgramPage(demo_clinic, ClinicSettings())
    qtbot.addWidget(shown)
    shown.resize(1200, 800)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def _open(page, mrn: str) -> None:
    page.show_patient(page.clinic.handouts.patient_for_mrn(mrn))


def _names(page) -> list[str]:
    return [page.model.name_of(item) for item in page.model.items]


def _stored(page) -> list[str]:
    program = page.clinic.programs.current(page.episode.id)
    return [item.exercise_id for item in program.items] if program else []


def test_the_tab_builds_its_widgets_only_when_first_shown(qtbot, demo_clinic):
    hidden = ProgramPage(demo_clinic, ClinicSettings())
    qtbot.addWidget(hidden)
    hidden.show_patient(demo_clinic.handouts.patient_for_mrn("D0002"))
    assert not hidden.built
    hidden.show()
    assert hidden.built and len(hidden.model.items) == 5


def test_typing_in_the_library_and_enter_adds_the_exercise(qtbot, page):
    _open(page, "D0037")  # an active episode without a program
    assert page.model.rowCount() == 0 and page.editable
    page.browser.search_box.setFocus()
    qtbot.keyClicks(page.browser.search_box, "dead bug")
    assert page.browser.current_exercise().id == "dead_bug"
    qtbot.keyClick(page.browser.search_box, Qt.Key.Key_Return)
    assert _names(page) == ["Dead bug"] and _stored(page) == ["dead_bug"]
    page.browser.search_box.clear()
    qtbot.keyClicks(page.browser.search_box, "clamshell")
    qtbot.keyClick(page.browser.search_box, Qt.Key.Key_Return)
    assert _stored(page) == ["dead_bug", "clamshell_band"]
    assert page.table.currentIndex().row() == 1  # the new exercise is selected


def test_the_filters_narrow_the_library_list(qtbot, page):
    _open(page, "D0037")
    page.browser.category_box.setCurrentIndex(page.browser.category_box.findData("plyometric"))
    categories = {e.category for e in page.browser.model.exercises}
    assert categories == {"plyometric"}
    page.browser.region_box.setCurrentIndex(page.browser.region_box.findData("calf"))
    assert {e.body_region for e in page.browser.model.exercises} == {"calf"}


def test_alt_up_and_alt_down_reorder_the_program(qtbot, page):
    _open(page, "D0002")
    before = _stored(page)
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(2, 1))
    qtbot.keyClick(page.table, Qt.Key.Key_Up, ALT)
    assert _stored(page) == [before[0], before[2], before[1], *before[3:]]
    assert page.table.currentIndex().row() == 1  # the moved exercise stays selected
    qtbot.keyClick(page.table, Qt.Key.Key_Down, ALT)
    qtbot.keyClick(page.table, Qt.Key.Key_Down, ALT)
    assert _stored(page) == [before[0], before[1], before[3], before[2], *before[4:]]


def test_a_dropped_row_moves_the_exercise(qtbot, page):
    _open(page, "D0002")
    before = _stored(page)
    data = QMimeData()
    data.setData(ROW_MIME, b"0")
    page.model.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    assert _stored(page) == [before[1], before[2], before[0], *before[3:]]


def test_a_bad_dosage_is_refused_with_its_sentence_and_a_good_one_is_saved(qtbot, page):
    _open(page, "D0002")
    page.table.setCurrentIndex(page.model.index(0, 1))
    before = page.clinic.programs.current(page.episode.id).items[0].dosage
    sets = page.editor.fields["sets"]
    sets.setFocus()
    sets.selectAll()
    qtbot.keyClicks(sets, "15")
    qtbot.keyClick(sets, Qt.Key.Key_Return)
    assert page.editor.errors.message("sets") == "Sets must be between 1 and 10."
    assert page.clinic.programs.current(page.episode.id).items[0].dosage == before
    sets.selectAll()
    qtbot.keyClicks(sets, "2")
    page.editor.band.setCurrentText("green")
    qtbot.keyClick(sets, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = page.clinic.programs.current(page.episode.id).items[0].dosage
    assert saved.sets == 2 and saved.band_level == "green"
    assert page.editor.errors.message("sets") == ""
    assert "Use the green band" in page.model.data(page.model.index(0, 2))


def test_delete_removes_the_selected_exercise(qtbot, page):
    _open(page, "D0002")
    before = _stored(page)
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(1, 1))
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert _stored(page) == [before[0], *before[2:]]


def test_a_template_saved_here_is_applied_to_another_patient(qtbot, page):
    _open(page, "D0002")
    copied = _stored(page)
    page.save_template("Plantar heel pain, phase 2")
    _open(page, "D0037")
    index = page.template_box.findData("Plantar heel pain, phase 2")
    assert index > 0
    page.template_box.setCurrentIndex(index)
    page.apply_template_button.click()
    assert _stored(page) == copied


def test_an_earlier_version_is_shown_as_given_and_cannot_be_changed(qtbot, page):
    _open(page, "D0001")
    assert page.version_box.count() == 3 and not page.editable  # discharged
    page.version_box.setCurrentIndex(2)
    page.version_box.activated.emit(2)
    assert len(page.model.items) == 6 and "earlier version" not in page.note.text().lower()
    assert not page.add_button.isEnabled() and not page.editor.isEnabled()


def test_typed_but_unapplied_dosage_is_kept_as_a_draft_and_offered_back(qtbot, page):
    _open(page, "D0002")
    page.table.setCurrentIndex(page.model.index(0, 1))
    reps = page.editor.fields["reps"]
    reps.setFocus()
    reps.selectAll()
    qtbot.keyClicks(reps, "7")
    page.keep_work()
    page.table.setCurrentIndex(page.model.index(1, 1))
    page.table.setCurrentIndex(page.model.index(0, 1))
    assert reps.text() == "7"
    assert page.clinic.programs.current(page.episode.id).items[0].dosage.reps == 3


def test_the_clinic_adds_its_own_exercise_and_a_bad_photo_gets_a_sentence(qtbot, page, tmp_path):
    from PIL import Image

    from clinic_desktop.gui.exercise_dialog import ExerciseDialog

    dialog = ExerciseDialog(page.clinic, page)
    qtbot.addWidget(dialog)
    dialog.name.setText("Towel scrunches")
    dialog.region.setText("foot")
    dialog.purpose.setText("Strengthens the small muscles of the foot.")
    dialog.start.setText("Sit with a towel under one foot.")
    dialog.steps.setPlainText("Pull the towel in with your toes.\nRelax.")
    fake = tmp_path / "photo.png"
    fake.write_bytes(b"not a picture at all")
    dialog.photo.setText(str(fake))
    dialog.save()
    assert "not a picture" in dialog.errors.message("photo") and dialog.added is None
    assert "towel" not in {e.name.lower() for e in page.clinic.exercises.library()}
    Image.new("RGB", (800, 600), "white").save(fake)
    dialog.save()
    assert dialog.added is not None and dialog.added.photo.is_file()
    assert page.clinic.exercises.library().search("towel")[0].id == dialog.added.id
