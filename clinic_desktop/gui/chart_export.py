"""Saving and copying what a chart board shows: PNG, SVG, or a picture on the clipboard."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator

from clinic_desktop.gui.progress_charts import ChartBoard


def export_board(board: ChartBoard, path: Path) -> None:
    """Write what the board shows to ``path``: SVG for a ``.svg`` name, otherwise PNG at
    twice the screen's resolution (sharp enough to print). Raises ``OSError`` if it cannot
    write."""
    if path.suffix.lower() == ".svg":
        _export_svg(board, path)
    elif not board_picture(board).save(str(path), "PNG"):
        raise OSError(f"The picture could not be written to {path}.")


def board_picture(board: ChartBoard, scale: int = 2) -> QImage:
    """The whole board (also what is scrolled out of sight) as a picture, ``scale`` times
    the screen's resolution, drawn exactly as on screen."""
    area = board.scene().sceneRect()
    image = QImage((area.size() * scale).toSize(), QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(scale)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        board.scene().render(painter, QRectF(QPointF(0, 0), area.size()), area)
    finally:
        painter.end()
    return image


def _export_svg(board: ChartBoard, path: Path) -> None:
    # Qt's own SVG writer: pyqtgraph's exporter cannot read the paths this Qt writes.
    area = board.scene().sceneRect()
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(area.size().toSize())
    generator.setViewBox(area)
    # The axes replay pictures recorded at the screen's resolution: write at the same one.
    generator.setResolution(board.logicalDpiX())
    generator.setTitle("Progress chart")
    painter = QPainter()
    if not painter.begin(generator):
        raise OSError(f"The drawing could not be written to {path}.")
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        board.scene().render(painter, area, area)
    finally:
        painter.end()


def copy_board(board: ChartBoard) -> None:
    """Put what the board shows on the clipboard as a picture."""
    QGuiApplication.clipboard().setImage(board_picture(board))
