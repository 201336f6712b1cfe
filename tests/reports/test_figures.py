"""Exercise illustrations: every library entry draws, and entries without a pose still print."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

import pytest
from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing, Group, Line, String
from reportlab.lib import colors

from clinic_desktop.domain.exercises import CATEGORIES, Exercise, Library, load_library
from clinic_desktop.reports.figures import (
    BAND_COLOURS,
    FAR,
    category_pictogram,
    exercise_drawing,
    pose_problems,
)


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


def shapes(drawing: Drawing | Group) -> Iterator[Any]:
    """Every shape in drawing order, looking inside groups."""
    for shape in drawing.contents:
        if isinstance(shape, Group):
            yield from shapes(shape)
        else:
            yield shape


def texts(drawing: Drawing) -> list[str]:
    return [shape.text for shape in shapes(drawing) if isinstance(shape, String)]


def line_colours(drawing: Drawing) -> list[Any]:
    return [shape.strokeColor for shape in shapes(drawing) if isinstance(shape, Line)]


def without_pose(exercise: Exercise) -> Exercise:
    return dataclasses.replace(exercise, pose=None)


def test_every_shipped_pose_follows_the_schema(library: Library) -> None:
    for exercise in library:
        assert exercise.pose is not None, exercise.id
        assert pose_problems(exercise.pose) == [], exercise.id


def test_every_exercise_draws_a_figure_that_renders_to_pdf(library: Library) -> None:
    for exercise in library:
        drawing = exercise_drawing(exercise, 160, 140)
        assert (drawing.width, drawing.height) == (160, 140)
        assert len(list(shapes(drawing))) >= 10, exercise.id  # bones, head, props, ground
        assert texts(drawing) == [] or exercise.category == "running_drill", exercise.id
        pdf = renderPDF.drawToString(drawing)
        assert pdf.startswith(b"%PDF"), exercise.id


def test_a_side_view_draws_far_limbs_lighter_than_near_ones(library: Library) -> None:
    drawing = exercise_drawing(library.get("split_squat"), 150, 150)
    found = line_colours(drawing)
    assert FAR in found
    assert min(c.red for c in found) < FAR.red  # near limbs and trunk are darker


def test_a_band_is_drawn_in_the_prescribed_colour(library: Library) -> None:
    clamshell = library.get("clamshell_band")
    assert colors.Color(*BAND_COLOURS["yellow"]) in line_colours(
        exercise_drawing(clamshell, 150, 150)
    )
    heavier = dataclasses.replace(
        clamshell, dosage=dataclasses.replace(clamshell.dosage, band_level="blue")
    )
    assert colors.Color(*BAND_COLOURS["blue"]) in line_colours(exercise_drawing(heavier, 150, 150))


def test_an_entry_without_a_pose_gets_its_labelled_category_pictogram(library: Library) -> None:
    drawing = exercise_drawing(without_pose(library.get("side_plank")), 150, 150)
    assert " ".join(texts(drawing)) == "Strength"
    assert renderPDF.drawToString(drawing).startswith(b"%PDF")


@pytest.mark.parametrize("category", list(CATEGORIES))
def test_every_category_has_a_pictogram_with_its_name(category: str) -> None:
    label = CATEGORIES[category]
    drawing = category_pictogram(category, label, 120, 120)
    assert " ".join(texts(drawing)) == label
    assert len(list(shapes(drawing))) >= 3  # frame, symbol, name
    assert renderPDF.drawToString(drawing).startswith(b"%PDF")


@pytest.mark.parametrize(
    ("pose", "problem"),
    [
        ({"joints": {"head": [50, 90], "neck": [50, 80]}}, "joint hip is missing"),
        ({"view": "top", "joints": {}}, "view must be one of"),
        ({"joints": {"head": [50, 90], "neck": [50, 80], "hip": "middle"}}, "joint hip"),
        ({"joints": {"head": [1, 1], "neck": [1, 1], "hip": [1, 1], "tail": [1, 1]}}, "tail"),
        (
            {"joints": {"head": [1, 1], "neck": [1, 1], "hip": [1, 1]}, "props": [{"kind": "car"}]},
            "prop kind 'car' is unknown",
        ),
        (
            {
                "joints": {"head": [1, 1], "neck": [1, 1], "hip": [1, 1]},
                "props": [{"kind": "band", "from": "knee_l", "to": [3, 3]}],
            },
            "band 'from' must be a joint",
        ),
        ({"joints": {"head": [1, 1], "neck": [1, 1], "hip": [1, 1]}, "props": "wall"}, "lists"),
        (["not", "a", "pose"], "a pose must be an object"),
    ],
)
def test_a_pose_that_cannot_be_drawn_is_reported_and_falls_back_to_the_pictogram(
    library: Library, pose: Any, problem: str
) -> None:
    assert any(problem in found for found in pose_problems(pose))
    broken = dataclasses.replace(library.get("bridge"), pose=pose)
    drawing = exercise_drawing(broken, 100, 100)
    assert texts(drawing) == ["Strength"]


def test_figures_keep_their_proportions_in_a_wide_box(library: Library) -> None:
    drawing = exercise_drawing(library.get("front_plank"), 300, 100)
    xs = [x for shape in shapes(drawing) if isinstance(shape, Line) for x in (shape.x1, shape.x2)]
    assert min(xs) >= 100 - 1 and max(xs) <= 200 + 1  # centred square of 100 x 100 pt
