"""The exercise library: shipped data the handouts rely on, search, and the clinic's own file."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from clinic_desktop.domain.dosage import SIDES, validate_dosage
from clinic_desktop.domain.errors import ClinicError, NotFound
from clinic_desktop.domain.exercises import CATEGORIES, Exercise, Library, load_library


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


def ids(exercises) -> list[str]:  # type: ignore[no-untyped-def]
    return [e.id for e in exercises]


# --- the shipped data -----------------------------------------------------------------------


def test_the_shipped_library_loads_with_at_least_forty_exercises(library: Library) -> None:
    assert len(library) >= 40
    assert all(isinstance(exercise, Exercise) and exercise.built_in for exercise in library)


def test_every_category_has_exercises(library: Library) -> None:
    assert library.categories == tuple(CATEGORIES)
    for category in CATEGORIES:
        assert library.search("", category=category), category


def test_ids_are_unique_stable_snake_case(library: Library) -> None:
    all_ids = ids(library)
    assert len(set(all_ids)) == len(all_ids)
    assert all(re.fullmatch(r"[a-z][a-z0-9_]+", exercise_id) for exercise_id in all_ids)


def test_every_easier_and_harder_link_points_to_another_entry(library: Library) -> None:
    for exercise in library:
        for link in (*exercise.easier, *exercise.harder):
            assert link in library and link != exercise.id, (exercise.id, link)


def test_every_shipped_dosage_passes_the_clinic_limits(library: Library) -> None:
    for exercise in library:
        dosage = exercise.dosage
        assert validate_dosage(**vars(dosage)) == dosage, exercise.id
        assert dosage.side in SIDES
        assert exercise.dosage_source.strip(), exercise.id


def test_every_entry_is_complete_for_a_home_handout(library: Library) -> None:
    for exercise in library:
        assert 3 <= len(exercise.steps) <= 6, exercise.id
        assert 2 <= len(exercise.cues) <= 4, exercise.id
        assert 2 <= len(exercise.common_mistakes) <= 3, exercise.id
        assert exercise.purpose.endswith("."), exercise.id
        assert exercise.starting_position and exercise.body_region, exercise.id
        assert exercise.pose is not None, exercise.id
        # Large print: short sentences a patient can follow at home.
        for sentence in (*exercise.steps, *exercise.cues, *exercise.common_mistakes):
            assert len(sentence) <= 110, (exercise.id, sentence)


def test_band_exercises_name_a_band_colour_from_the_levels(library: Library) -> None:
    banded = [e for e in library if "resistance band" in e.equipment]
    assert len(banded) >= 4
    for exercise in banded:
        assert exercise.dosage.band_level in library.band_levels, exercise.id
    assert library.band_levels == ("yellow", "red", "green", "blue", "black")
    assert "differ by maker" in library.band_note


def test_the_next_band_up_is_offered_for_progression(library: Library) -> None:
    assert library.next_band_level("red") == "green"
    assert library.next_band_level(" Yellow ") == "red"
    assert library.next_band_level("black") is None
    assert library.next_band_level("tan") is None


@pytest.mark.parametrize(
    "exercise_id",
    [
        "calf_stretch_straight_knee",
        "calf_stretch_bent_knee",
        "eccentric_heel_drop_straight_knee",
        "eccentric_heel_drop_bent_knee",
        "high_load_heel_raise_rathleff",
        "nordic_hamstring_curl",
        "copenhagen_adductor",
        "side_plank",
        "clamshell_band",
        "side_lying_hip_abduction",
        "single_leg_bridge",
        "step_down_forward",
        "split_squat",
        "single_leg_romanian_deadlift",
        "monster_walk_band",
        "calf_raise_single_leg",
        "calf_raise_bent_knee",
        "single_leg_balance",
        "a_skip",
        "cadence_drill",
        "walk_run_intervals",
    ],
)
def test_the_evidence_based_classics_are_in_the_library(library: Library, exercise_id: str) -> None:
    assert exercise_id in library


def test_the_reference_dosages_are_kept(library: Library) -> None:
    alfredson = library.get("eccentric_heel_drop_straight_knee").dosage
    assert (alfredson.sets, alfredson.reps, alfredson.times_per_day) == (3, 15, 2)
    rathleff = library.get("high_load_heel_raise_rathleff").dosage
    assert rathleff.tempo == "3 s up, 2 s hold, 3 s down"
    assert "every other day" in rathleff.note.lower()
    nordic = library.get("nordic_hamstring_curl").dosage
    assert (nordic.sets, nordic.reps) == (2, 5)
    side_plank = library.get("side_plank").dosage
    assert side_plank.reps == 3 and 20 <= side_plank.hold_s <= 30
    for exercise in library.search("", category="stretching_mobility"):
        if exercise.dosage.hold_s:
            assert exercise.dosage.hold_s >= 30 and 2 <= exercise.dosage.reps <= 4
    for exercise in library.search("", category="balance"):
        assert exercise.dosage.hold_s in range(30, 46) or exercise.dosage.hold_s == 0


def test_both_calf_stretches_are_there_for_gastrocnemius_and_soleus(library: Library) -> None:
    calf_stretches = library.search("calf stretch", category="stretching_mobility")
    names = " ".join(e.name.lower() for e in calf_stretches)
    assert "straight knee" in names and "bent knee" in names


# --- lookup and search ----------------------------------------------------------------------


def test_lookup_by_id_and_a_clear_error_for_an_unknown_id(library: Library) -> None:
    assert library.get("side_plank").name == "Side plank"
    with pytest.raises(NotFound, match="no exercise 'moon_walk'"):
        library.get("moon_walk")


def test_search_finds_by_name_ignoring_case_and_accents(library: Library) -> None:
    assert "nordic_hamstring_curl" in ids(library.search("NÖRDIC"))
    assert "clamshell_band" in ids(library.search("clam"))
    assert ids(library.search("side plank"))[:2] == ["side_plank_knees", "side_plank"]


def test_search_finds_by_region_and_category(library: Library) -> None:
    by_region = library.search("hamstrings")
    assert "nordic_hamstring_curl" in ids(by_region)
    assert all(e.category in CATEGORIES for e in by_region)
    plyometric = library.search("hops and")
    assert plyometric and all(e.category == "plyometric" for e in plyometric)
    assert set(ids(library.search("plyometric"))) == set(
        ids(library.search("", category="plyometric"))
    )


def test_name_matches_come_before_region_matches(library: Library) -> None:
    found = library.search("calf")
    names_first = [("calf" in e.name.lower()) for e in found]
    assert names_first == sorted(names_first, reverse=True)
    assert any(not hit for hit in names_first)  # a calf-region entry without "calf" in its name


def test_filters_narrow_the_search(library: Library) -> None:
    hip_strength = library.search("", category="strength", region="hip")
    assert hip_strength and all(
        e.category == "strength" and e.body_region == "hip" for e in hip_strength
    )
    assert library.search("band", region="HIP") == [
        e for e in library.search("band") if e.body_region == "hip"
    ]
    assert library.search("zzzz") == []


def test_blank_search_lists_everything_in_library_order(library: Library) -> None:
    assert library.search("   ") == list(library)


def test_search_is_fast_enough_for_every_keystroke(library: Library) -> None:
    start = time.perf_counter()
    for text in ("s", "si", "sid", "side", "side ", "side p", "side pl", "side plank"):
        library.search(text)
    assert (time.perf_counter() - start) / 8 < 0.005


def test_regions_and_categories_lists_for_the_filter_boxes(library: Library) -> None:
    assert {"calf", "hamstrings", "hip flexors", "quadriceps", "glutes", "hip"} <= set(
        library.regions
    )
    assert {"low back", "ankle", "upper back", "core"} <= set(library.regions)
    assert list(library.regions) == sorted(library.regions)


# --- the clinic's own exercises -------------------------------------------------------------


def clinic_entry(**changes) -> dict:  # type: ignore[no-untyped-def]
    entry = {
        "id": "towel_scrunch",
        "name": "Towel scrunch",
        "category": "strength",
        "body_region": "foot",
        "purpose": "Works the small muscles of the foot.",
        "starting_position": "Sit with one foot on a towel.",
        "steps": ["Scrunch the towel toward you with your toes.", "Let go and repeat."],
        "dosage": {"sets": 2, "reps": 15, "days_per_week": 5, "side": "each side"},
        "dosage_source": "Clinic practice",
        "easier": [],
        "harder": ["short_foot"],
        "photo": "towel_scrunch.jpg",
    }
    entry.update(changes)
    return entry


def write_clinic_file(folder: Path, *entries: dict) -> Path:
    path = folder / "clinic_exercises.json"
    path.write_text(json.dumps({"exercises": list(entries)}), encoding="utf-8")
    return path


def test_the_clinics_own_exercises_are_merged_after_the_shipped_ones(tmp_path: Path) -> None:
    path = write_clinic_file(tmp_path, clinic_entry())
    library = load_library(path)
    own = library.get("towel_scrunch")
    assert not own.built_in
    assert own.photo == tmp_path / "towel_scrunch.jpg"
    assert own.dosage.days_per_week == 5 and own.dosage.hold_s == 0
    assert list(library)[-1] is own
    assert library.harder(own)[0].id == "short_foot"
    assert "towel_scrunch" in ids(library.search("towel"))
    assert len(library) == len(load_library()) + 1


def test_no_clinic_file_yet_means_only_the_shipped_library(tmp_path: Path) -> None:
    assert len(load_library(tmp_path / "missing.json")) == len(load_library())


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        (clinic_entry(id="side_plank"), "'side_plank' is used twice"),
        (clinic_entry(harder=["moon_walk"]), "links to 'moon_walk'"),
        (clinic_entry(name="  "), "'name' is missing or empty"),
        (clinic_entry(category="yoga"), "category 'yoga' is not one of"),
        (clinic_entry(dosage={"sets": 12, "reps": 10}), "Sets must be between 1 and 10."),
        (clinic_entry(dosage={"sets": 2}), "The dosage needs 'reps'."),
        (clinic_entry(id="Towel Scrunch"), "the id must be"),
        (clinic_entry(photo="../secret.png"), "'photo' must be the name of"),
        (clinic_entry(colour="red"), "unknown field 'colour'"),
        (clinic_entry(steps=[]), "'steps' must hold"),
    ],
)
def test_a_bad_clinic_file_names_the_file_and_the_problem(
    tmp_path: Path, entry: dict, problem: str
) -> None:
    path = write_clinic_file(tmp_path, entry)
    with pytest.raises(ClinicError) as caught:
        load_library(path)
    assert str(path) in caught.value.message
    assert problem in caught.value.message


def test_a_clinic_file_that_is_not_json_says_where(tmp_path: Path) -> None:
    path = tmp_path / "clinic_exercises.json"
    path.write_text('{"exercises": [\n  {"id": "x",}\n]}', encoding="utf-8")
    with pytest.raises(ClinicError, match=r"not valid JSON \(line 2"):
        load_library(path)


def test_a_clinic_file_of_the_wrong_shape_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "clinic_exercises.json"
    path.write_text("[]", encoding="utf-8")
    with pytest.raises(ClinicError, match="must hold"):
        load_library(path)


def test_a_bad_entry_is_named_by_position_and_id(tmp_path: Path) -> None:
    good = clinic_entry()
    bad = clinic_entry(id="wobble_board", body_region="")
    path = write_clinic_file(tmp_path, good, bad)
    with pytest.raises(ClinicError, match=r"exercise 2 \('wobble_board'\): 'body_region'"):
        load_library(path)


def test_the_shipped_library_is_not_changed_by_a_clinic_file(tmp_path: Path) -> None:
    load_library(write_clinic_file(tmp_path, clinic_entry()))
    assert "towel_scrunch" not in load_library()


def test_exercises_are_frozen_and_their_pose_read_only(library: Library) -> None:
    exercise = library.get("clamshell_band")
    with pytest.raises(AttributeError):
        exercise.name = "Changed"  # type: ignore[misc]
    assert exercise.pose is not None
    with pytest.raises(TypeError):
        exercise.pose["view"] = "front"  # type: ignore[index]
    assert hash(exercise) == hash(library.get("clamshell_band"))
