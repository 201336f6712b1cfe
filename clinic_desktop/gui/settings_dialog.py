"""Clinic settings: letterhead, paper, units, date format and record numbers on one tab;
when a progress report falls due and the self-management advice reports print on another."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QWidget

from clinic_desktop.domain.errors import StaleRecord, ValidationErrors
from clinic_desktop.domain.self_management import load_advice
from clinic_desktop.domain.settings import (
    DATE_FORMATS,
    DISTANCE_UNITS,
    FORCE_UNITS,
    LOGO_MAX_BYTES,
    PAPER_SIZES,
    ClinicSettings,
)
from clinic_desktop.gui.field_errors import FieldErrors
from clinic_desktop.gui.forms.ui_settings_dialog import Ui_SettingsDialog
from clinic_desktop.services.settings import SettingsService

DISTANCE_LABELS = {"km": "Kilometres (km)", "mi": "Miles (mi)"}
FORCE_LABELS = {"N": "Newtons (N)", "kgf": "Kilogram-force (kgf)", "lbf": "Pound-force (lbf)"}


class SettingsDialog(QDialog):
    """Edits the shared clinic settings; nothing is saved until every field is valid."""

    def __init__(
        self,
        service: SettingsService,
        parent: QWidget | None = None,
        shipped_advice: tuple[str, ...] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_SettingsDialog()
        self.ui.setupUi(self)
        self._service = service
        self._settings = service.load()
        self._logo: bytes | None = self._settings.logo
        self.saved: ClinicSettings | None = None

        for combo, values, labels in (
            (self.ui.paperSizeCombo, PAPER_SIZES, {}),
            (self.ui.distanceUnitCombo, DISTANCE_UNITS, DISTANCE_LABELS),
            (self.ui.forceUnitCombo, FORCE_UNITS, FORCE_LABELS),
            (self.ui.dateFormatCombo, DATE_FORMATS, {}),
        ):
            for value in values:
                combo.addItem(labels.get(value, value), value)

        self.errors = FieldErrors(
            self.ui.formLayout,
            {
                "clinic_name": self.ui.clinicNameEdit,
                "phone": self.ui.phoneEdit,
                "logo": self.ui.chooseLogoButton,
                "mrn_prefix": self.ui.mrnPrefixEdit,
            },
        )
        self.report_errors = FieldErrors(
            self.ui.reportsFormLayout,
            {
                "progress_report_visits": self.ui.reportVisitsSpin,
                "progress_report_days": self.ui.reportDaysSpin,
                "self_management_advice": self.ui.adviceEdit,
            },
        )
        # What reports print while the box is empty, shown greyed in it; a blank line
        # between pieces of advice (reports leave blank lines out) keeps wrapped ones apart.
        self.shipped_advice = load_advice() if shipped_advice is None else shipped_advice
        self.ui.adviceEdit.setPlaceholderText("\n\n".join(self.shipped_advice))
        self.ui.adviceEdit.textChanged.connect(self._offer_shipped_advice)
        self.ui.shippedAdviceButton.clicked.connect(self.start_from_shipped_advice)
        self._load(self._settings)
        self.ui.chooseLogoButton.clicked.connect(self.choose_logo)
        self.ui.removeLogoButton.clicked.connect(lambda: self._set_logo(None))
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).clicked.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)

    def _load(self, s: ClinicSettings) -> None:
        self.ui.clinicNameEdit.setText(s.clinic_name)
        self.ui.addressEdit.setPlainText(s.address)
        self.ui.phoneEdit.setText(s.phone)
        self.ui.mrnPrefixEdit.setText(s.mrn_prefix)
        self.ui.lockAfterSpin.setValue(s.lock_after_minutes)
        self.ui.reportVisitsSpin.setValue(s.progress_report_visits)
        self.ui.reportDaysSpin.setValue(s.progress_report_days)
        self.ui.adviceEdit.setPlainText(s.self_management_advice or "")
        self._offer_shipped_advice()
        for combo, value in (
            (self.ui.paperSizeCombo, s.paper_size),
            (self.ui.distanceUnitCombo, s.distance_unit),
            (self.ui.forceUnitCombo, s.force_unit),
            (self.ui.dateFormatCombo, s.date_format),
        ):
            combo.setCurrentIndex(max(0, combo.findData(value)))
        self._set_logo(s.logo)

    def _offer_shipped_advice(self) -> None:
        # Filling the box from the shipped advice would replace typing; offer it when empty.
        self.ui.shippedAdviceButton.setEnabled(not self.ui.adviceEdit.toPlainText().strip())

    def start_from_shipped_advice(self) -> None:
        """Put the shipped advice in the empty box, to edit rather than retype it."""
        if self.ui.adviceEdit.toPlainText().strip():
            return
        self.ui.adviceEdit.setPlainText("\n\n".join(self.shipped_advice))
        self.ui.adviceEdit.setFocus()

    def _set_logo(self, data: bytes | None) -> None:
        self._logo = data
        preview = self.ui.logoPreview
        if data is None:
            preview.setPixmap(QPixmap())
            preview.setText("No logo")
            return
        image = QImage.fromData(data)
        if image.isNull():
            preview.setText("Not a picture")
        else:
            preview.setPixmap(QPixmap.fromImage(image).scaledToHeight(48))

    def choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Choose the letterhead logo", "", "Pictures (*.png *.jpg *.jpeg)"
        )
        if path:
            self.load_logo_file(Path(path))

    def load_logo_file(self, path: Path) -> bool:
        """Read a logo file; an unreadable, oversized or non-picture file gets a sentence."""
        try:
            size = path.stat().st_size
            if size > LOGO_MAX_BYTES:
                self.errors.show(
                    {
                        "logo": f"{path.name} is {size / 1048576:.1f} MB; the logo can be at "
                        "most 2 MB."
                    }
                )
                return False
            data = path.read_bytes()
        except OSError as error:
            self.errors.show({"logo": f"{path.name} could not be read ({error.strerror})."})
            return False
        if QImage.fromData(data).isNull():
            self.errors.show({"logo": f"{path.name} is not a picture Qt can open."})
            return False
        self.errors.clear()
        self._set_logo(data)
        return True

    def current_settings(self) -> ClinicSettings:
        return self._settings.with_changes(
            clinic_name=self.ui.clinicNameEdit.text(),
            address=self.ui.addressEdit.toPlainText(),
            phone=self.ui.phoneEdit.text(),
            logo=self._logo,
            paper_size=self.ui.paperSizeCombo.currentData(),
            distance_unit=self.ui.distanceUnitCombo.currentData(),
            force_unit=self.ui.forceUnitCombo.currentData(),
            date_format=self.ui.dateFormatCombo.currentData(),
            mrn_prefix=self.ui.mrnPrefixEdit.text(),
            lock_after_minutes=self.ui.lockAfterSpin.value(),
            progress_report_visits=self.ui.reportVisitsSpin.value(),
            progress_report_days=self.ui.reportDaysSpin.value(),
            self_management_advice=self.ui.adviceEdit.toPlainText(),
        )

    def save(self) -> None:
        self.errors.clear()
        self.report_errors.clear()
        self.ui.statusLabel.clear()
        try:
            self.saved = self._service.save(self.current_settings())
        except ValidationErrors as errors:
            self._show_errors(errors.by_field())
            return
        except StaleRecord as error:
            self.ui.statusLabel.setText(error.message)
            return
        self.accept()

    def _show_errors(self, by_field: dict[str, str]) -> None:
        """Each sentence under its field; the first tab in error comes to the front and the
        status line names the other tab if it needs correcting too."""
        in_error = [
            (tab, first)
            for tab, errors in (
                (self.ui.clinicTab, self.errors),
                (self.ui.reportsTab, self.report_errors),
            )
            if (first := errors.show(by_field)) is not None
        ]
        if not in_error:
            return
        tab, first = in_error[0]
        self.ui.tabs.setCurrentWidget(tab)
        first.setFocus()
        if len(in_error) > 1:
            other = self.ui.tabs.tabText(self.ui.tabs.indexOf(in_error[1][0])).replace("&", "")
            self.ui.statusLabel.setText(f"Check the {other} tab too: a setting there is refused.")
