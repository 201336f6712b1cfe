"""Stick-figure illustrations of exercises, drawn from the pose in the library data.

Pose schema (the ``pose`` object of an entry in ``resources/exercises.json``). All
coordinates are in a 0-100 box, x to the right, y upwards; the floor line is at y = 6.

``view``    ``"side"`` (default) or ``"front"``.
``near``    ``"l"`` or ``"r"`` (default ``"r"``): in a side view the near side's limbs are
            drawn dark and the far side's light grey; ``"none"`` (and every front view)
            draws both dark.
``ground``  ``"floor"`` (default), ``"mat"`` (floor with a mat on it) or ``"none"``.
``joints``  ``{name: [x, y]}``. ``head`` (centre of the head), ``neck`` (top of the trunk)
            and ``hip`` (the pelvis) are required. Limbs: ``elbow_l, hand_l, elbow_r,
            hand_r, knee_l, ankle_l, toe_l, knee_r, ankle_r, toe_r``; a limb is drawn as far
            as its joints are given. Arms start at ``shoulder_l``/``shoulder_r`` (or
            ``shoulder``, or ``neck``), legs at ``hip_l``/``hip_r`` (or ``hip``). The foot is
            drawn from a short heel behind the ankle to the toe.
``ghost``   optional ``{name: [x, y]}``: where the moving joints start (or finish); bones
            touching them are drawn dashed and pale, so the motion reads in print.
``props``   list of objects by ``kind``; ``from``/``to`` are a joint name or ``[x, y]``:
            ``wall {x}``; ``step {x, width, height}`` and ``bench {x, width, height}``
            (standing on the floor); ``chair {x, width, height, back?: "left"|"right"}``
            (height is the seat's); ``block {x, y, width, height, shade?: "light"}`` (a
            cushion, a sofa edge, or with a light shade a mat seen from above);
            ``ball {x, y, r}``; ``band {from, to, level?}`` (the colour defaults to the
            dosage's band level); ``strap {from, to}``; ``post {x, y}`` (a rail or post
            to hold); ``cone {x}``; ``text {x, y, text, size?}``.
``arrows``  list of ``{from: [x, y], to: [x, y], bend?: units, both?: bool}``; ``bend``
            bows the arrow sideways (positive to the left of its direction).

An entry without a pose, or with a pose this module cannot read, gets a pictogram of its
category with the category's name in large type. Everything reads in black and white:
bands carry a dark edge, pale elements are dashed, colour is never the only cue.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.graphics.shapes import Circle, Drawing, Line, Path, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import stringWidth

from clinic_desktop.domain.exercises import Exercise

FLOOR_Y = 6.0
SIDE_OR_FRONT = ("side", "front")
NEAR = ("r", "l", "none")
GROUNDS = ("floor", "mat", "none")
JOINTS = (
    "head", "neck", "hip", "shoulder", "shoulder_l", "shoulder_r", "hip_l", "hip_r",
    "elbow_l", "hand_l", "elbow_r", "hand_r",
    "knee_l", "ankle_l", "toe_l", "knee_r", "ankle_r", "toe_r",
)  # fmt: skip
_BOX = ("x", "width", "height")
PROP_FIELDS: Mapping[str, tuple[str, ...]] = {
    "wall": ("x",), "step": _BOX, "bench": _BOX, "chair": _BOX, "block": (*_BOX, "y"),
    "ball": ("x", "y", "r"), "band": (), "strap": (), "post": ("x", "y"), "cone": ("x",),
    "text": ("x", "y"),
}  # fmt: skip
BAND_COLOURS = {
    "tan": (0.85, 0.75, 0.6), "yellow": (0.98, 0.85, 0.1), "red": (0.85, 0.12, 0.12),
    "green": (0.1, 0.6, 0.25), "blue": (0.12, 0.3, 0.8), "black": (0.12, 0.12, 0.12),
    "silver": (0.75, 0.75, 0.78), "gold": (0.85, 0.7, 0.2), "purple": (0.5, 0.2, 0.6),
    "orange": (0.95, 0.55, 0.1),
}  # fmt: skip
_NEUTRAL_BAND = (0.9, 0.45, 0.2)
DARK = colors.Color(0.1, 0.1, 0.1)
FAR = colors.Color(0.58, 0.58, 0.58)
PALE = colors.Color(0.72, 0.72, 0.72)
PROP_FILL = colors.Color(0.88, 0.88, 0.88)
LIGHT = colors.Color(0.96, 0.96, 0.96)
ARROW = colors.Color(0.25, 0.25, 0.25)
BONE_W, TRUNK_W, HEAD_R = 3.4, 4.2, 5.2
_LIMBS = ((("shoulder", "elbow", "hand"), BONE_W * 0.85), (("hip", "knee", "ankle"), BONE_W))


# --- checking a pose ------------------------------------------------------------------------


def _is_point(value: Any) -> bool:
    return (
        isinstance(value, Sequence)
        and not isinstance(value, str)
        and len(value) == 2
        and all(isinstance(v, int | float) and -20 <= v <= 120 for v in value)
    )


def _mappings(value: Any) -> list[Mapping[str, Any]] | None:
    """The items of a list of objects, or ``None`` if it is not one."""
    is_list = isinstance(value, Sequence) and not isinstance(value, str)
    return list(value) if is_list and all(isinstance(v, Mapping) for v in value) else None


def _prop_problems(prop: Mapping[str, Any], joints: Mapping[str, Any]) -> list[str]:
    kind = prop.get("kind")
    if kind not in PROP_FIELDS:
        return [f"prop kind {kind!r} is unknown"]
    problems = [
        f"{kind} needs a number '{key}'"
        for key in (*PROP_FIELDS[kind], *(("size",) if "size" in prop else ()))
        if not isinstance(prop.get(key), int | float)
    ]
    for key in ("from", "to") if kind in ("band", "strap") else ():
        end = prop.get(key)
        if not (_is_point(end) or (isinstance(end, str) and end in joints)):
            problems.append(f"{kind} '{key}' must be a joint of the pose or a point")
    if kind == "text" and not isinstance(prop.get("text"), str):
        problems.append("text needs its 'text'")
    return problems


def pose_problems(pose: Any) -> list[str]:
    """Return what is wrong with a pose description, or an empty list if it can be drawn."""
    if not isinstance(pose, Mapping):
        return ["a pose must be an object"]
    problems: list[str] = []
    for key, allowed in (("view", SIDE_OR_FRONT), ("near", NEAR), ("ground", GROUNDS)):
        if pose.get(key, allowed[0]) not in allowed:
            problems.append(f"{key} must be one of {', '.join(allowed)}")
    joints, ghost = pose.get("joints"), pose.get("ghost", {})
    if not isinstance(joints, Mapping) or not isinstance(ghost, Mapping):
        return [*problems, "joints (and ghost, if given) must be objects"]
    problems += [f"joint {n} is missing" for n in ("head", "neck", "hip") if n not in joints]
    for name, point in (*joints.items(), *ghost.items()):
        if name not in JOINTS or not _is_point(point):
            problems.append(f"joint {name} is unknown or not an [x, y] point")
    props, arrows = _mappings(pose.get("props", ())), _mappings(pose.get("arrows", ()))
    if props is None or arrows is None:
        return [*problems, "props and arrows must be lists of objects"]
    for prop in props:
        problems += _prop_problems(prop, joints)
    for arrow in arrows:
        if not (_is_point(arrow.get("from")) and _is_point(arrow.get("to"))):
            problems.append("an arrow needs 'from' and 'to' points")
        if not isinstance(arrow.get("bend", 0), int | float):
            problems.append("an arrow's bend must be a number")
    return problems


# --- drawing --------------------------------------------------------------------------------


Point = Sequence[float]


class _Canvas:
    """Maps the 0-100 pose box onto the drawing, centred, keeping proportions.

    Widths and sizes are in pose units too, so a figure looks the same at any size.
    """

    def __init__(self, width_pt: float, height_pt: float) -> None:
        self.drawing = Drawing(width_pt, height_pt)
        self.scale = min(width_pt, height_pt) / 100.0
        self.dx = (width_pt - 100 * self.scale) / 2
        self.dy = (height_pt - 100 * self.scale) / 2

    def xy(self, point: Point) -> tuple[float, float]:
        return self.dx + point[0] * self.scale, self.dy + point[1] * self.scale

    def line(
        self, a: Point, b: Point, width: float, colour: Color, dash: list[float] | None = None
    ) -> None:
        (x1, y1), (x2, y2) = self.xy(a), self.xy(b)
        self.drawing.add(
            Line(x1, y1, x2, y2, strokeColor=colour, strokeWidth=width * self.scale,
                 strokeLineCap=1, strokeDashArray=dash)
        )  # fmt: skip

    def rect(
        self, x: float, y: float, w: float, h: float, fill: Color = PROP_FILL,
        stroke: Color = DARK,
    ) -> None:  # fmt: skip
        px, py = self.xy((x, y))
        self.drawing.add(
            Rect(px, py, w * self.scale, h * self.scale, fillColor=fill, strokeColor=stroke,
                 strokeWidth=max(0.6, 0.7 * self.scale))
        )  # fmt: skip

    def polygon(self, points: Sequence[Point], fill: Color, stroke: Color | None = None) -> None:
        flat = [v for point in points for v in self.xy(point)]
        self.drawing.add(Polygon(flat, fillColor=fill, strokeColor=stroke, strokeWidth=0.6))

    def circle(
        self, centre: Point, r: float, fill: Color | None, stroke: Color | None = None,
        width: float = 0.0,
    ) -> None:  # fmt: skip
        x, y = self.xy(centre)
        self.drawing.add(Circle(x, y, r * self.scale, fillColor=fill, strokeColor=stroke,
                                strokeWidth=width * self.scale))  # fmt: skip

    def text(self, point: Point, text: str, size: float, bold: bool = False) -> None:
        x, y = self.xy(point)
        font = "Helvetica-Bold" if bold else "Helvetica"
        self.drawing.add(String(x, y, text, fontName=font, fontSize=size * self.scale,
                                fillColor=DARK, textAnchor="middle"))  # fmt: skip


def _bones(joints: Mapping[str, Any], side: str) -> list[tuple[str, str, float]]:
    """The limb bones of one side as (from joint, to joint, width)."""
    bones = []
    for (root, middle, end), width in _LIMBS:
        start = next(
            (j for j in (f"{root}_{side}", root) if j in joints),
            "neck" if root == "shoulder" else "hip",
        )
        chain = [start, f"{middle}_{side}", f"{end}_{side}"]
        if root == "hip":
            chain.append(f"toe_{side}")
        for a, b in zip(chain, chain[1:], strict=False):
            if a not in joints or b not in joints:
                break
            bones.append((a, b, width * (0.85 if b.startswith("toe") else 1.0)))
    return bones


def _draw_bone(
    canvas: _Canvas, joints: Mapping[str, Point], bone: tuple[str, str, float], colour: Color,
    thin: bool = False,
) -> None:  # fmt: skip
    a, b, width = bone
    start, end = joints[a], joints[b]
    if b.startswith("toe"):  # a short heel behind the ankle makes the foot read as a foot
        start = (start[0] - 0.28 * (end[0] - start[0]), start[1] - 0.28 * (end[1] - start[1]))
    if thin:
        canvas.line(start, end, width * 0.55, colour, dash=[3, 2])
    else:
        canvas.line(start, end, width, colour)


def _draw_figure(canvas: _Canvas, pose: Mapping[str, Any]) -> None:
    joints = pose["joints"]
    near = "none" if pose.get("view", "side") == "front" else pose.get("near", "r")
    far = {"l": "r", "r": "l"}.get(near)
    ghost = pose.get("ghost", {})
    if ghost:
        moved = {**joints, **ghost}
        bones = [("neck", "hip", TRUNK_W), ("head", "neck", BONE_W * 0.8)]
        bones += _bones(moved, "l") + _bones(moved, "r")
        for bone in bones:
            if bone[0] in ghost or bone[1] in ghost:
                _draw_bone(canvas, moved, bone, PALE, thin=True)
        if "head" in ghost:
            canvas.circle(ghost["head"], HEAD_R, None, PALE, 1.2)
    if far:
        for bone in _bones(joints, far):
            _draw_bone(canvas, joints, bone, FAR)
    canvas.line(joints["neck"], joints["hip"], TRUNK_W, DARK)
    canvas.line(joints["head"], joints["neck"], BONE_W * 0.8, DARK)
    canvas.circle(joints["head"], HEAD_R, DARK)
    for side in ("l", "r") if far is None else (near,):
        for bone in _bones(joints, side):
            _draw_bone(canvas, joints, bone, DARK)


def _end(joints: Mapping[str, Point], value: str | Point) -> Point:
    return joints[value] if isinstance(value, str) else value


def _draw_background(canvas: _Canvas, pose: Mapping[str, Any]) -> None:
    ground = pose.get("ground", "floor")
    for prop in pose.get("props", ()):
        kind = prop["kind"]
        if kind == "wall":
            x = prop["x"]
            canvas.rect(x, FLOOR_Y, 3, 92)
            for y in range(14, 98, 8):
                canvas.line((x, y - 3), (x + 3, y), 0.5, DARK)
        elif kind == "step":
            canvas.rect(prop["x"], FLOOR_Y, prop["width"], prop["height"])
        elif kind in ("bench", "chair"):  # a seat on two legs; a chair has a back too
            x, w, top = prop["x"], prop["width"], FLOOR_Y + prop["height"]
            canvas.rect(x, top - 2.5, w, 2.5)
            for leg_x in (x + 1.2, x + w - 1.2):
                canvas.line((leg_x, FLOOR_Y), (leg_x, top - 2.5), 1.3, DARK)
            if kind == "chair":
                back_x = x + 0.6 if prop.get("back", "left") == "left" else x + w - 0.6
                canvas.line((back_x, top), (back_x, top + 22), 1.2, DARK)
        elif kind == "block":
            fill, stroke = (LIGHT, FAR) if prop.get("shade") == "light" else (PROP_FILL, DARK)
            canvas.rect(prop["x"], prop["y"], prop["width"], prop["height"], fill, stroke)
        elif kind == "post":
            canvas.line((prop["x"], FLOOR_Y), (prop["x"], prop["y"] + 3), 2.0, DARK)
            canvas.circle((prop["x"], prop["y"]), 1.6, colors.white, DARK, 0.8)
        elif kind == "cone":
            x = prop["x"]
            canvas.polygon([(x - 3, FLOOR_Y), (x + 3, FLOOR_Y), (x, FLOOR_Y + 7)], PROP_FILL, DARK)
    if ground == "mat":
        canvas.rect(2, FLOOR_Y, 96, 2.2, fill=PROP_FILL)
    if ground != "none":
        canvas.line((0, FLOOR_Y), (100, FLOOR_Y), 1.2, DARK)


def _draw_foreground(canvas: _Canvas, pose: Mapping[str, Any], band_level: str | None) -> None:
    joints = pose["joints"]
    for prop in pose.get("props", ()):
        kind = prop["kind"]
        if kind == "band":
            a, b = _end(joints, prop["from"]), _end(joints, prop["to"])
            level = (prop.get("level") or band_level or "").lower()
            colour = colors.Color(*BAND_COLOURS.get(level, _NEUTRAL_BAND))
            canvas.line(a, b, 2.6, DARK)
            canvas.line(a, b, 1.6, colour)
            canvas.line(a, b, 0.4, colors.white, dash=[2, 2])
        elif kind == "strap":
            a, b = _end(joints, prop["from"]), _end(joints, prop["to"])
            canvas.line(a, b, 1.4, FAR)
        elif kind == "ball":
            canvas.circle((prop["x"], prop["y"]), prop["r"], PROP_FILL, DARK, 0.8)
        elif kind == "text":
            canvas.text((prop["x"], prop["y"]), str(prop.get("text", "")), prop.get("size", 6))


def _draw_arrow(canvas: _Canvas, arrow: Mapping[str, Any]) -> None:
    (x0, y0), (x1, y1) = arrow["from"], arrow["to"]
    length = math.hypot(x1 - x0, y1 - y0) or 1.0
    bend = float(arrow.get("bend", 0))
    # Quadratic control point, pushed sideways from the midpoint by ``bend``.
    qx = (x0 + x1) / 2 - bend * (y1 - y0) / length
    qy = (y0 + y1) / 2 + bend * (x1 - x0) / length
    path = Path(strokeColor=ARROW, strokeWidth=1.1 * canvas.scale, fillColor=None,
                strokeLineCap=1)  # fmt: skip
    path.moveTo(*canvas.xy((x0, y0)))
    c1 = (x0 + 2 / 3 * (qx - x0), y0 + 2 / 3 * (qy - y0))
    c2 = (x1 + 2 / 3 * (qx - x1), y1 + 2 / 3 * (qy - y1))
    path.curveTo(*canvas.xy(c1), *canvas.xy(c2), *canvas.xy((x1, y1)))
    canvas.drawing.add(path)
    for tip in [(x1, y1), (x0, y0)][: 2 if arrow.get("both") else 1]:
        ux, uy = tip[0] - qx, tip[1] - qy
        norm = math.hypot(ux, uy) or 1.0
        ux, uy = ux / norm, uy / norm
        base = (tip[0] - 3.6 * ux, tip[1] - 3.6 * uy)
        left = (base[0] - 1.8 * uy, base[1] + 1.8 * ux)
        right = (base[0] + 1.8 * uy, base[1] - 1.8 * ux)
        canvas.polygon([tip, left, right], ARROW)


# --- the pictogram for entries without a pose -----------------------------------------------


def _symbol(canvas: _Canvas, category: str) -> None:
    if category == "strength":  # a dumbbell
        canvas.line((30, 62), (70, 62), 2.5, DARK)
        for x in (26, 66):
            canvas.rect(x, 50, 8, 24, fill=DARK)
    elif category == "balance":  # a level beam on a point
        canvas.polygon([(42, 42), (58, 42), (50, 56)], PROP_FILL, DARK)
        canvas.line((22, 58), (78, 58), 3, DARK)
        canvas.circle((50, 66), 5, DARK)
    elif category == "plyometric":  # hops along the floor
        for x in (20, 42, 64):
            _draw_arrow(canvas, {"from": [x, 46], "to": [x + 18, 46], "bend": 16})
        canvas.line((15, 45), (85, 45), 1, DARK)
    elif category == "running_drill":  # a path to a flag
        canvas.line((18, 50), (68, 50), 2, DARK, dash=[4, 3])
        _draw_arrow(canvas, {"from": [60, 50], "to": [72, 50]})
        canvas.line((78, 46), (78, 76), 1.5, DARK)
        canvas.polygon([(78, 76), (90, 71), (78, 66)], DARK)
    else:  # stretching and mobility: a spring pulled longer at both ends
        zigzag = [(30 + 5 * i, 60 + (4 if i % 2 else -4)) for i in range(1, 8)]
        for a, b in zip([(30, 60), *zigzag], [*zigzag, (70, 60)], strict=True):
            canvas.line(a, b, 1.6, DARK)
        _draw_arrow(canvas, {"from": [30, 60], "to": [14, 60]})
        _draw_arrow(canvas, {"from": [70, 60], "to": [86, 60]})


def _label_lines(label: str, size_pt: float, width_pt: float) -> list[str]:
    lines: list[str] = []
    for word in label.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and stringWidth(candidate, "Helvetica-Bold", size_pt) <= width_pt:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


def category_pictogram(category: str, label: str, width_pt: float, height_pt: float) -> Drawing:
    """Return a pictogram for a category: a simple symbol over its name in large type."""
    canvas = _Canvas(width_pt, height_pt)
    canvas.rect(2, 2, 96, 96, fill=colors.white, stroke=FAR)
    _symbol(canvas, category)
    size = 12.0  # pose units; shrink until the name fits on two lines
    while True:
        lines = _label_lines(label, size * canvas.scale, 90 * canvas.scale)
        widest = max(stringWidth(line, "Helvetica-Bold", size * canvas.scale) for line in lines)
        if size <= 5 or (len(lines) <= 2 and widest <= 90 * canvas.scale):
            break
        size -= 0.5
    for row, line in enumerate(lines):
        canvas.text((50, 24 - row * size * 1.15), line, size, bold=True)
    return canvas.drawing


def exercise_drawing(exercise: Exercise, width_pt: float, height_pt: float) -> Drawing:
    """Return the exercise's stick figure as a ReportLab ``Drawing`` of the given size.

    Falls back to ``category_pictogram`` when the entry has no pose or its pose cannot be
    read (see ``pose_problems``). Never raises for bad pose data.
    """
    pose = exercise.pose
    if pose is None or pose_problems(pose):
        return category_pictogram(exercise.category, exercise.category_label, width_pt, height_pt)
    canvas = _Canvas(width_pt, height_pt)
    _draw_background(canvas, pose)
    _draw_figure(canvas, pose)
    _draw_foreground(canvas, pose, exercise.dosage.band_level)
    for arrow in pose.get("arrows", ()):
        _draw_arrow(canvas, arrow)
    return canvas.drawing
