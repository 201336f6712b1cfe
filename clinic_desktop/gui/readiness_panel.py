"""The readiness panel: the overall verdict, each criterion with its figure, and the two
yes/no items (30-minute walk, hops without pain) answered for the latest visit."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from clinic_desktop.domain.dates import format_date
from clinic_desktop.domain.readiness import KIND_WORDS, CriterionStatus, Overall
from clinic_desktop.domain.return_to_run import HOP_TEST, WALK_TEST, ReturnToRunState
from clinic_desktop.gui.text_table import TextRow, TextTableModel, text_table

STATUS_MARKS = {
    CriterionStatus.MET: ("\u2713 Met", "#1b5e20"),
    CriterionStatus.NOT_MET: ("\u2717 Not met", "#b00020"),
    CriterionStatus.NOT_TESTED: ("\u2013 Not tested", "#555555"),
}
VERDICT_STYLE = {
    Overall.READY: "background: #e3f1e4; border: 1px solid #2e7d32;",
    Overall.NOT_YET: "background: #fff4d6; border: 1px solid #c9a227;",
    Overall.INCOMPLETE: "background: #eceff1; border: 1px solid #90a4ae;",
}
ANSWER_CHOICES = ("Not asked", "Yes", "No")


class ReadinessPanel(QGroupBox):
    """Shows a :class:`ReturnToRunState`'s verdict; emits the yes/no answers typed."""

    #: test code, side, passed (None to clear), pain with a "no" (None if not given)
    answered = Signal(str, str, object, object)
    #: the clinic's criteria were asked for (admins may change them)
    criteria_requested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__("Readiness to start walk/run", parent)
        self._loading = False
        self.verdict_label = QLabel(self)
        self.verdict_label.setObjectName("readinessVerdict")
        self.verdict_label.setWordWrap(True)
        self.basis_label = QLabel(self)
        self.basis_label.setObjectName("readinessBasis")
        self.basis_label.setWordWrap(True)
        self.basis_label.setStyleSheet("color: #444;")
        self.criteria_button = QPushButton("&Criteria…", self)
        self.criteria_button.setToolTip("The clinic's criteria, their sources and versions")
        self.criteria_button.clicked.connect(self.criteria_requested)
        self.model = TextTableModel(("Result", "Criterion", "Figure", "Measured at"), self)
        self.table = text_table(self.model, self, "Readiness criteria")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self.table.setColumnWidth(1, 200)
        self.table.setColumnWidth(3, 120)

        self.answers_title = QLabel(self)
        self.answers_title.setWordWrap(True)
        self.walk = self._choice("Walk 30 minutes")
        self.hop_left, self.hop_right = self._choice("Hops left"), self._choice("Hops right")
        self.pain_left, self.pain_right = self._pain("left"), self._pain("right")
        walk_label = QLabel("&30-minute brisk walk without pain or limp:", self)
        walk_label.setBuddy(self.walk)
        hops_label = QLabel("10 single-&leg hops without pain:", self)
        hops_label.setBuddy(self.hop_left)
        self.answer_note = QLabel(self)
        self.answer_note.setWordWrap(True)
        self.answer_note.setStyleSheet("color: #8a5a00;")

        grid = QGridLayout()
        grid.addWidget(walk_label, 0, 0)
        grid.addWidget(self.walk, 0, 1)
        grid.addWidget(hops_label, 1, 0)
        for row, (side, combo, pain) in enumerate(
            (("Left", self.hop_left, self.pain_left), ("Right", self.hop_right, self.pain_right)),
            start=1,
        ):
            line = QHBoxLayout()
            line.addWidget(QLabel(side, self))
            line.addWidget(combo)
            line.addWidget(QLabel("pain felt", self))
            line.addWidget(pain)
            line.addStretch(1)
            grid.addLayout(line, row, 1)
        grid.setColumnStretch(1, 1)

        top = QHBoxLayout()
        top.addWidget(self.verdict_label, 1)
        top.addWidget(self.criteria_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.basis_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.answers_title)
        layout.addLayout(grid)
        layout.addWidget(self.answer_note)
        self.setTabOrder(self.walk, self.hop_left)
        self.setTabOrder(self.hop_left, self.pain_left)
        self.setTabOrder(self.pain_left, self.hop_right)
        self.setTabOrder(self.hop_right, self.pain_right)

    def _choice(self, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setAccessibleName(name)
        combo.addItems(ANSWER_CHOICES)
        combo.currentIndexChanged.connect(self._answer_changed)
        return combo

    def _pain(self, side: str) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setAccessibleName(f"Pain with hopping, {side}")
        spin.setRange(-1, 10)
        spin.setSpecialValueText("–")
        spin.setSuffix("/10")
        spin.setToolTip("The pain felt while hopping, 0-10, when the answer is No")
        spin.editingFinished.connect(self._answer_changed)
        return spin

    # --- showing ---------------------------------------------------------------------

    def show_state(self, state: ReturnToRunState, date_format: str) -> None:
        verdict = state.verdict
        self._loading = True
        try:
            if verdict is None:
                self.verdict_label.setText("")
                self.model.set_rows([])
            else:
                self.verdict_label.setText(
                    f"<b style='font-size:15pt'>{escape(verdict.headline)}</b>"
                )
                self.verdict_label.setStyleSheet(
                    f"QLabel#readinessVerdict {{ {VERDICT_STYLE[verdict.overall]} padding: 6px; }}"
                )
                self.basis_label.setText(
                    f"Judged on the latest data, {format_date(verdict.evaluated_on, date_format)},"
                    f" by the clinic's criteria version {verdict.criteria_version}."
                )
                rows = []
                for result in verdict.results:
                    mark, colour = STATUS_MARKS[result.status]
                    source = ("Clinic default: " if result.clinic_default else "Source: ") + (
                        result.source
                    )
                    rows.append(
                        TextRow(
                            (mark, result.title, result.figure, result.where),
                            tooltip=source,
                            key=result.code,
                            colours=((0, colour),),
                        )
                    )
                self.model.set_rows(rows)
                self.table.resizeRowsToContents()
            self._show_answers(state, date_format)
        finally:
            self._loading = False

    def _show_answers(self, state: ReturnToRunState, date_format: str) -> None:
        visit = state.answer_visit
        editable = visit is not None and not visit.signed
        if visit is None:
            self.answers_title.setText("<b>Yes/no items</b>: record a visit first.")
        else:
            kind = KIND_WORDS.get(visit.kind, visit.kind)
            self.answers_title.setText(
                f"<b>Yes/no items</b> for the {kind} of {format_date(visit.day, date_format)}"
            )
        self.answer_note.setText(
            "This visit is signed, so its answers are locked. Start a follow-up visit in the "
            "Assessment tab to record new answers."
            if visit is not None and visit.signed
            else ""
        )
        self.answer_note.setVisible(bool(self.answer_note.text()))
        for combo, pain, test, side in (
            (self.walk, None, WALK_TEST, "none"),
            (self.hop_left, self.pain_left, HOP_TEST, "left"),
            (self.hop_right, self.pain_right, HOP_TEST, "right"),
        ):
            answer = state.answer(test, side)
            passed = None if answer is None else answer.passed
            combo.setCurrentIndex({None: 0, True: 1, False: 2}[passed])
            combo.setEnabled(editable)
            if pain is not None:
                pain.setValue(-1 if answer is None or answer.pain is None else answer.pain)
                pain.setEnabled(editable and passed is False)

    # --- answering -------------------------------------------------------------------

    def _answer_changed(self, *_args) -> None:
        if self._loading:
            return
        sender = self.sender()
        for combo, pain, test, side in (
            (self.walk, None, WALK_TEST, "none"),
            (self.hop_left, self.pain_left, HOP_TEST, "left"),
            (self.hop_right, self.pain_right, HOP_TEST, "right"),
        ):
            if sender in (combo, pain):
                passed = {0: None, 1: True, 2: False}[combo.currentIndex()]
                felt = None if pain is None or pain.value() < 0 else pain.value()
                if pain is not None:
                    pain.setEnabled(passed is False)
                self.answered.emit(test, side, passed, felt if passed is False else None)
                return
