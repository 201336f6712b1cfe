"""A form's fields read and written as text, their changes noticed, their errors shown.

Screens that collect many fields (the intake steps, the patient form) bind each field name
to its widget once; then ``values()`` gives what was typed, ``set_values`` fills the form
without counting as a change, and ``show_errors`` puts each sentence under its field.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from clinic_desktop.gui.field_errors import ERROR_STYLE, FieldErrors

CHOOSE = "Choose…"


def fill_combo(combo: QComboBox, choices: dict[str, str], blank: str | None = CHOOSE) -> None:
    """Offer ``choices`` (code -> label), after a blank entry unless ``blank`` is None."""
    combo.clear()
    if blank is not None:
        combo.addItem(blank, "")
    for code, label in choices.items():
        combo.addItem(label, code)


def widget_text(widget: QWidget) -> str:
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        data = widget.currentData()
        return "" if data is None else str(data)
    raise TypeError(f"{type(widget).__name__} is not a text field")


def set_widget_text(widget: QWidget, text: str) -> None:
    if isinstance(widget, QLineEdit):
        widget.setText(text)
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(text)
    elif isinstance(widget, QComboBox):
        index = widget.findData(text)
        widget.setCurrentIndex(index if index >= 0 else 0)
    else:
        raise TypeError(f"{type(widget).__name__} is not a text field")


class FormBinding(QObject):
    """Field name -> widget, for values, change tracking and error sentences.

    ``changed`` is emitted when the person edits any bound field (not when the screen fills
    the form with ``set_values``). Errors whose field has no widget appear in
    ``general_label`` if one is given, so no sentence is ever dropped.
    """

    changed = Signal()

    def __init__(self, parent: QObject | None = None, general_label: QLabel | None = None):
        super().__init__(parent)
        self.fields: dict[str, QWidget] = {}
        self._error_widgets: dict[str, QWidget] = {}
        self._errors: list[FieldErrors] = []
        self._filling = False
        self._general = general_label
        if general_label is not None:
            general_label.setStyleSheet(ERROR_STYLE)
            general_label.setWordWrap(True)
            general_label.hide()

    def add_form(
        self,
        form: QFormLayout,
        fields: dict[str, QWidget],
        errors_only: dict[str, QWidget] | None = None,
    ) -> None:
        """Bind ``fields`` (values and errors) and ``errors_only`` (errors under a widget
        whose value the screen reads itself), all rows of ``form``."""
        for name, widget in fields.items():
            self.fields[name] = widget
            self._watch(widget)
        error_fields = {**fields, **(errors_only or {})}
        self._error_widgets.update(error_fields)
        self._errors.append(FieldErrors(form, error_fields))

    def _watch(self, widget: QWidget) -> None:
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(self._edited)
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(self._edited)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(self._edited)

    def _edited(self, *_args) -> None:
        if not self._filling:
            self.changed.emit()

    def notify_changed(self) -> None:
        """For fields the screen manages itself (lists, tables)."""
        if not self._filling:
            self.changed.emit()

    @property
    def filling(self) -> bool:
        return self._filling

    def values(self) -> dict[str, str]:
        return {name: widget_text(widget) for name, widget in self.fields.items()}

    def set_values(self, values: dict[str, str]) -> None:
        """Fill the bound fields (missing names are emptied) without signalling a change."""
        self._filling = True
        try:
            for name, widget in self.fields.items():
                set_widget_text(widget, str(values.get(name, "") or ""))
        finally:
            self._filling = False

    def filling_block(self):
        """Context manager: changes made inside are the screen's, not the person's."""
        binding = self

        class _Block:
            def __enter__(self):
                binding._filling = True

            def __exit__(self, *exc):
                binding._filling = False

        return _Block()

    def show_errors(self, errors: dict[str, str]) -> QWidget | None:
        """Show each sentence under its field, highlight the field, and return the first
        field in error (in form order) for the focus."""
        first = None
        for field_errors in self._errors:
            found = field_errors.show(errors)
            first = first or found
        unplaced = [text for name, text in errors.items() if name not in self._error_widgets]
        if self._general is not None:
            self._general.setText(" ".join(unplaced))
            self._general.setVisible(bool(unplaced))
        return first

    def clear_errors(self) -> None:
        for field_errors in self._errors:
            field_errors.clear()
        if self._general is not None:
            self._general.hide()

    def message(self, name: str) -> str:
        for field_errors in self._errors:
            try:
                return field_errors.message(name)
            except KeyError:
                continue
        return ""

    def widget(self, name: str) -> QWidget:
        return self._error_widgets[name]
