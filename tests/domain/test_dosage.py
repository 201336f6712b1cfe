"""Home-program dosage: the limits a form enforces and the line a handout prints."""

from __future__ import annotations

import pytest

from clinic_desktop.domain.dosage import (
    Dosage,
    describe_dosage,
    dosage_from_mapping,
    validate_dosage,
)
from clinic_desktop.domain.errors import ValidationErrors


def problems(**values) -> dict[str, str]:  # type: ignore[no-untyped-def]
    base = {"sets": 3, "reps": 10}
    base.update(values)
    with pytest.raises(ValidationErrors) as caught:
        validate_dosage(**base)
    return caught.value.by_field()


# --- limits ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "bad", "sentence"),
    [
        ("sets", 0, "Sets must be between 1 and 10."),
        ("sets", 11, "Sets must be between 1 and 10."),
        ("reps", 0, "Repetitions must be between 1 and 100."),
        ("reps", 101, "Repetitions must be between 1 and 100."),
        ("hold_s", -1, "Hold time must be between 0 and 300 seconds."),
        ("hold_s", 301, "Hold time must be between 0 and 300 seconds."),
        ("times_per_day", 0, "Times per day must be between 1 and 6."),
        ("times_per_day", 7, "Times per day must be between 1 and 6."),
        ("days_per_week", 0, "Days per week must be between 1 and 7."),
        ("days_per_week", 8, "Days per week must be between 1 and 7."),
    ],
)
def test_a_number_outside_the_clinic_limits_is_refused_with_its_sentence(
    field: str, bad: int, sentence: str
) -> None:
    assert problems(**{field: bad}) == {field: sentence}


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("sets", 1),
        ("sets", 10),
        ("reps", 1),
        ("reps", 100),
        ("hold_s", 0),
        ("hold_s", 300),
        ("times_per_day", 1),
        ("times_per_day", 6),
        ("days_per_week", 1),
        ("days_per_week", 7),
    ],
)
def test_the_limits_themselves_are_allowed(field: str, value: int) -> None:
    values = {"sets": 3, "reps": 10, field: value}
    assert getattr(validate_dosage(**values), field) == value


def test_text_typed_in_a_form_is_read_as_a_whole_number() -> None:
    dosage = validate_dosage(sets=" 3 ", reps="12", hold_s="0", days_per_week="3")
    assert (dosage.sets, dosage.reps, dosage.days_per_week) == (3, 12, 3)


@pytest.mark.parametrize("bad", ["three", "2.5", "", None, True, 2.5])
def test_anything_but_a_whole_number_gets_the_same_sentence(bad: object) -> None:
    assert problems(sets=bad) == {"sets": "Sets must be between 1 and 10."}


def test_every_bad_field_is_reported_at_once_in_form_order() -> None:
    with pytest.raises(ValidationErrors) as caught:
        validate_dosage(sets=0, reps=500, days_per_week=9, side="middle")
    assert [e.field for e in caught.value.errors] == ["sets", "reps", "days_per_week", "side"]


def test_side_must_be_one_the_handout_can_say() -> None:
    assert problems(side="up") == {"side": "Side must be each side, both, left or right."}
    assert validate_dosage(sets=1, reps=1, side=" Each Side ").side == "each side"


def test_band_level_is_optional_but_never_blank() -> None:
    assert validate_dosage(sets=2, reps=10).band_level is None
    assert validate_dosage(sets=2, reps=10, band_level=" Red ").band_level == "red"
    assert "band_level" in problems(band_level="  ")


def test_a_data_file_dosage_with_a_misspelt_field_is_refused() -> None:
    with pytest.raises(ValidationErrors) as caught:
        dosage_from_mapping({"sets": 3, "reps": 10, "hold": 30})
    assert caught.value.by_field() == {"hold": "The dosage has an unknown field 'hold'."}
    with pytest.raises(ValidationErrors) as caught:
        dosage_from_mapping({"sets": 3})
    assert caught.value.by_field() == {"reps": "The dosage needs 'reps'."}


# --- the handout line -----------------------------------------------------------------------


def test_strength_dosage_reads_as_sets_of_reps() -> None:
    dosage = Dosage(sets=3, reps=12, days_per_week=3, side="each side")
    assert describe_dosage(dosage) == "3 sets of 12, each side, 3 days a week"


def test_a_stretch_reads_as_a_hold() -> None:
    dosage = Dosage(sets=1, reps=3, hold_s=30, days_per_week=7)
    assert describe_dosage(dosage) == "Hold 30 s, 3 times, daily"


def test_twice_a_day_every_day_for_heel_drops() -> None:
    dosage = Dosage(sets=3, reps=15, times_per_day=2, days_per_week=7, side="each side")
    assert describe_dosage(dosage) == "3 sets of 15, each side, twice a day, every day"


def test_one_side_only_and_a_single_hold() -> None:
    dosage = Dosage(sets=1, reps=1, hold_s=45, side="left", days_per_week=5)
    assert describe_dosage(dosage) == "Hold 45 s, once, left side only, 5 days a week"


def test_several_sets_of_holds() -> None:
    dosage = Dosage(sets=2, reps=5, hold_s=10, days_per_week=1)
    assert describe_dosage(dosage) == "2 sets of 5, hold 10 s each time, once a week"


def test_band_tempo_and_note_follow_as_sentences() -> None:
    dosage = Dosage(
        sets=3,
        reps=12,
        days_per_week=3,
        band_level="green",
        tempo="3 s up, 2 s hold, 3 s down.",
        note="Rest a day between sessions.",
    )
    assert describe_dosage(dosage) == (
        "3 sets of 12, 3 days a week. Use the green band. 3 s up, 2 s hold, 3 s down. "
        "Rest a day between sessions"
    )


def test_a_single_set_reads_as_a_count() -> None:
    assert describe_dosage(Dosage(sets=1, reps=8, days_per_week=3)) == "8 times, 3 days a week"
