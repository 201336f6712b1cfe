"""How each kind of series and reference looks on screen.

Colours come from the Okabe-Ito palette, which stays distinct for the common kinds of
colour blindness. Colour is never the only cue: every series also has its own line style
and marker, so a chart printed in grey still tells left from right.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt

from clinic_desktop.domain.charts import BandRole, LineRole, SeriesRole

# Okabe & Ito (2008), "Color Universal Design".
BLUE = "#0072B2"
ORANGE = "#E69F00"
SKY_BLUE = "#56B4E9"
GREEN = "#009E73"
VERMILLION = "#D55E00"
PURPLE = "#CC79A7"
BLACK = "#000000"
INK = "#222222"  # axes and labels
GRID_GREY = "#BBBBBB"

_SOLID, _DASH, _DOT = Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine
_DASH_DOT = Qt.PenStyle.DashDotLine


@dataclass(frozen=True)
class SeriesStyle:
    """A series' colour, line style, marker symbol (pyqtgraph name) and marker fill."""

    colour: str
    line: Qt.PenStyle
    symbol: str
    filled: bool = True
    words: str = ""  # the cue in words, for the key: "blue, solid line, circles"


SERIES_STYLES = {
    SeriesRole.LEFT: SeriesStyle(BLUE, _SOLID, "o", True, "blue, solid line, dots"),
    SeriesRole.RIGHT: SeriesStyle(ORANGE, _DASH, "s", False, "orange, dashed line, squares"),
    SeriesRole.SINGLE: SeriesStyle(BLACK, _SOLID, "o", True, "black, solid line, dots"),
    SeriesRole.PAIN_NOW: SeriesStyle(VERMILLION, _SOLID, "o", True, "solid line, dots"),
    SeriesRole.PAIN_WORST: SeriesStyle(BLACK, _DASH, "t", False, "dashed line, triangles"),
    SeriesRole.PAIN_BEST: SeriesStyle(SKY_BLUE, _DOT, "d", True, "dotted line, diamonds"),
    SeriesRole.OUTCOME: SeriesStyle(GREEN, _SOLID, "o", True, "solid line, dots"),
    SeriesRole.LOAD: SeriesStyle(PURPLE, _SOLID, "s", True, "solid line, squares"),
}
# Several symmetry series share a chart: each takes the next colour, dash and marker.
SYMMETRY_STYLES = (
    SeriesStyle(BLUE, _SOLID, "o", True),
    SeriesStyle(ORANGE, _DASH, "s", False),
    SeriesStyle(GREEN, _DASH_DOT, "t", True),
    SeriesStyle(PURPLE, _DOT, "d", False),
    SeriesStyle(VERMILLION, _SOLID, "star", True),
    SeriesStyle(SKY_BLUE, _DASH, "h", True),
    SeriesStyle(BLACK, _DOT, "x", True),
)


@dataclass(frozen=True)
class LineStyle:
    colour: str
    line: Qt.PenStyle
    width: float


LINE_STYLES = {
    LineRole.NORM: LineStyle("#555555", _DOT, 2.0),
    LineRole.GOAL: LineStyle(BLACK, _DASH_DOT, 1.6),
    LineRole.THRESHOLD: LineStyle("#444444", _DASH, 1.4),
}
# Band fills: (colour, alpha 0-255). MDC bands take the colour of their series.
BAND_FILLS = {
    BandRole.NORM: ("#888888", 45),
    BandRole.MDC: (None, 40),
    BandRole.MCID: (GREEN, 40),
}


def series_style(role: SeriesRole, index: int = 0) -> SeriesStyle:
    """The style of a series; symmetry series are told apart by their place in the chart."""
    if role is SeriesRole.SYMMETRY:
        return SYMMETRY_STYLES[index % len(SYMMETRY_STYLES)]
    return SERIES_STYLES[role]
