"""Sentences next to the fields they concern, for every form in the application."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

ERROR_STYLE = "color: #b00020;"
INVALID_STYLE = "border: 2px solid #b00020; border-radius: 3px;"


class FieldErrors:
    """Puts an (initially hidden) error label under each field of a QFormLayout."""

    def __init__(self, form: QFormLayout, fields: dict[str, QWidget]) -> None:
        self._fields = fields
        self._labels: dict[str, QLabel] = {}
        for name, widget in fields.items():
            row, _role = form.getWidgetPosition(widget)
            if row < 0:  # the widget sits inside a nested layout of the row
                row = _row_of_nested(form, widget)
            label = QLabel(widget.parentWidget())
            label.setObjectName(f"{name}Error")
            label.setStyleSheet(ERROR_STYLE)
            label.setWordWrap(True)
            label.hide()
            form.insertRow(row + 1, "", label)
            self._labels[name] = label

    def show(self, errors: dict[str, str]) -> QWidget | None:
        """Show each message under its field; return the first field in error for focus."""
        self.clear()
        first = None
        for name, widget in self._fields.items():
            message = errors.get(name)
            if not message:
                continue
            label = self._labels[name]
            label.setText(message)
            label.show()
            widget.setStyleSheet(INVALID_STYLE)
            widget.setToolTip(message)
            first = first or widget
        return first

    def clear(self) -> None:
        for name, widget in self._fields.items():
            self._labels[name].hide()
            self._labels[name].clear()
            widget.setStyleSheet("")
            widget.setToolTip("")

    def message(self, name: str) -> str:
        label = self._labels[name]
        return label.text() if not label.isHidden() else ""


def _row_of_nested(form: QFormLayout, widget: QWidget) -> int:
    for row in range(form.rowCount()):
        item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        layout = item.layout() if item is not None else None
        if layout is not None and layout.indexOf(widget) >= 0:
            return row
    raise ValueError(f"{widget.objectName()} is not in the form")
