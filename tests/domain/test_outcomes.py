"""Outcome questionnaires: totals the clinic can trust, and change judged against the MCID."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clinic_desktop.domain.errors import NotFound, ValidationError
from clinic_desktop.domain.outcomes import (
    ChangeVerdict,
    InstrumentFileError,
    available_instruments,
    change_vs_mcid,
    load_instrument,
    load_instruments,
    score,
    validate_answer,
)
from clinic_desktop.domain.resources import resource_path

LEFS = load_instrument("lefs")
RUNNING = load_instrument("running_function")


def lefs_answers(value: int | None = 4, **overrides: int | None) -> dict[int, int | None]:
    answers: dict[int, int | None] = {number: value for number in range(1, 21)}
    for key, answer in overrides.items():
        answers[int(key.removeprefix("item_"))] = answer
    return answers


# --- the shipped instruments ---------------------------------------------------------------


def test_lefs_has_twenty_items_scored_zero_to_four_totalling_zero_to_eighty() -> None:
    assert [item.number for item in LEFS.items] == list(range(1, 21))
    assert (LEFS.answer_min, LEFS.answer_max) == (0, 4)
    assert (LEFS.total_min, LEFS.total_max) == (0, 80)
    assert LEFS.higher_is_better
    assert LEFS.mcid is not None and LEFS.mcid.value == 9 and "Binkley 1999" in LEFS.mcid.source
    assert LEFS.mdc is not None and LEFS.mdc.value == 9


def test_lefs_wording_is_flagged_for_the_clinic_to_verify() -> None:
    assert LEFS.wording_to_verify
    assert "licensed" in LEFS.wording_note
    assert LEFS.missing_items.max_missing == 4
    assert not LEFS.missing_items.confirmed  # the proration rule is a convention


def test_every_item_labels_every_answer() -> None:
    for instrument in (LEFS, RUNNING):
        for item in instrument.items:
            assert sorted(item.anchors) == [0, 1, 2, 3, 4], (instrument.id, item.number)


def test_running_questionnaire_is_the_clinics_own_nine_items_with_an_unconfirmed_mcid() -> None:
    assert len(RUNNING.items) == 9
    assert (RUNNING.total_min, RUNNING.total_max) == (0, 36)
    assert RUNNING.editable
    assert RUNNING.mcid is not None and RUNNING.mcid.value == 8 and not RUNNING.mcid.confirmed
    assert RUNNING.items[4].anchors[4] == "None"  # pain item: 4 is the good end too


def test_the_shipped_instruments_are_listed_and_an_unknown_one_is_not_found() -> None:
    assert [i.id for i in available_instruments()] == ["lefs", "running_function"]
    with pytest.raises(NotFound, match="no questionnaire 'koos'"):
        load_instrument("koos")


# --- LEFS scoring --------------------------------------------------------------------------


def test_lefs_all_zero_scores_zero_and_all_four_scores_eighty() -> None:
    assert score(LEFS, lefs_answers(0)).total == 0
    top = score(LEFS, lefs_answers(4))
    assert top.total == 80
    assert (top.answered_count, top.missing_items, top.prorated) == (20, (), False)
    assert top.explanation == "LEFS 80 of 80, all 20 items answered."


def test_lefs_total_is_the_sum_of_the_answers() -> None:
    answers = {n: (n % 5) for n in range(1, 21)}  # 1,2,3,4,0 repeated: 4 x 10
    assert score(LEFS, answers).total == 40
    answers = lefs_answers(3, item_16=1, item_17=0, item_18=0, item_19=1)
    assert score(LEFS, answers).total == 16 * 3 + 2


def test_lefs_with_four_items_missing_is_prorated_from_the_answered_mean() -> None:
    answers = lefs_answers(3, item_16=None, item_17=None, item_18=None, item_19=2)
    del answers[20]  # an absent item counts as unanswered, like None
    result = score(LEFS, answers)
    # 15 answers of 3 and one of 2: mean 47/16 = 2.9375, x 20 = 58.75 -> 59
    assert result.total == 59
    assert result.prorated
    assert result.missing_items == (16, 17, 18, 20)
    assert result.answered_count == 16
    assert "prorated: 4 of 20 items unanswered (items 16, 17, 18, 20)" in result.explanation


def test_prorated_totals_round_half_up() -> None:
    # 17 answered: sixteen 2s and one 3 = 35; 35/17 x 20 = 41.18 -> 41.
    answers = lefs_answers(2, item_1=3, item_2=None, item_3=None, item_4=None)
    assert score(LEFS, answers).total == 41
    # 18 answered, nine 2s and nine 3s = 45: 45/18 x 20 = 50 exactly.
    answers = {n: 3 for n in range(3, 12)} | {n: 2 for n in range(12, 21)}
    assert score(LEFS, answers).total == 50
    # 16 answered summing 34: 34/16 x 20 = 42.5 -> 43 (not 42, as banker's rounding gives).
    answers = lefs_answers(2, item_1=None, item_2=None, item_3=None, item_4=None, item_5=4)
    assert score(LEFS, answers).total == 43


def test_lefs_with_five_items_missing_is_not_scored_and_says_why() -> None:
    answers = lefs_answers(4, item_1=None, item_2=None, item_3=None, item_4=None, item_5=None)
    result = score(LEFS, answers)
    assert result.total is None
    assert not result.prorated
    assert result.missing_items == (1, 2, 3, 4, 5)
    assert result.explanation == "Not scored: 5 of 20 items unanswered; at most 4 may be missing."


def test_an_empty_questionnaire_is_not_scored() -> None:
    result = score(LEFS, {})
    assert result.total is None
    assert result.explanation == "Not scored: 20 of 20 items unanswered; at most 4 may be missing."


@pytest.mark.parametrize("bad", [5, -1, 2.5, "3", True])
def test_an_answer_outside_the_scale_is_refused_naming_the_item(bad: object) -> None:
    with pytest.raises(ValidationError) as caught:
        score(LEFS, lefs_answers(2, item_6=bad))  # type: ignore[arg-type]
    assert caught.value.field == "lefs.item_6"
    assert caught.value.message == (
        f"LEFS item 6 (Squatting down) needs an answer from 0 to 4; {bad!r} is not one."
    )


def test_an_answer_to_an_item_the_questionnaire_lacks_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        score(LEFS, {**lefs_answers(2), 21: 3})
    assert caught.value.message == "LEFS has no item 21; its items are numbered 1 to 20."


def test_validate_answer_accepts_the_scale_and_blank() -> None:
    assert validate_answer(LEFS, 1, 0) == 0
    assert validate_answer(LEFS, 20, 4) == 4
    assert validate_answer(LEFS, 3, None) is None


# --- the running questionnaire -------------------------------------------------------------


def test_running_questionnaire_sums_nine_items_and_needs_every_answer() -> None:
    assert score(RUNNING, dict.fromkeys(range(1, 10), 4)).total == 36
    assert score(RUNNING, {n: n % 3 for n in range(1, 10)}).total == 9
    result = score(RUNNING, {**dict.fromkeys(range(1, 9), 4), 9: None})
    assert result.total is None
    assert result.explanation == "Not scored: 1 of 9 items unanswered; every item must be answered."


# --- change against the MCID ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "latest", "verdict"),
    [
        (40, 49, ChangeVerdict.IMPROVED),  # exactly the MCID counts
        (40, 72, ChangeVerdict.IMPROVED),
        (40, 48, ChangeVerdict.WITHIN_MCID),
        (40, 32, ChangeVerdict.WITHIN_MCID),
        (40, 40, ChangeVerdict.WITHIN_MCID),
        (40, 31, ChangeVerdict.WORSE),
    ],
)
def test_lefs_change_is_judged_against_nine_points(
    first: int, latest: int, verdict: ChangeVerdict
) -> None:
    assert change_vs_mcid(first, latest, LEFS).verdict is verdict


def test_change_sentences_give_the_size_and_the_threshold() -> None:
    better = change_vs_mcid(30, 45, LEFS)
    assert (better.change, better.improvement, better.beyond_mdc) == (15, 15, True)
    assert better.explanation == (
        "Improved by 15 points, at least the minimal clinically important difference of 9 points."
    )
    small = change_vs_mcid(30, 26, LEFS)
    assert small.explanation == (
        "Worse by 4 points, less than the minimal clinically important difference of 9 points."
    )
    assert small.beyond_mdc is False
    assert change_vs_mcid(30, 30, LEFS).explanation == "No change in the total."


def test_an_unconfirmed_mcid_is_said_so_and_a_missing_mdc_is_unknown() -> None:
    result = change_vs_mcid(10, 20, RUNNING)
    assert result.verdict is ChangeVerdict.IMPROVED
    assert result.beyond_mdc is None
    assert result.explanation.endswith("The MCID for this questionnaire is unconfirmed.")


def test_totals_outside_the_range_are_refused() -> None:
    with pytest.raises(ValueError, match="LEFS totals run from 0 to 80; 81 is outside"):
        change_vs_mcid(40, 81, LEFS)


# --- the clinic's own questionnaire files ---------------------------------------------------


def _shipped_lefs() -> dict:
    return json.loads(resource_path("instruments", "lefs.json").read_text(encoding="utf-8"))


def test_a_clinic_file_adds_a_questionnaire(tmp_path: Path) -> None:
    data = _shipped_lefs()
    data.update(id="short_form", name="Short form", short_name="SF", items=data["items"][:5])
    data["total_range"] = {"min": 0, "max": 20}
    data["missing_items"]["max_missing"] = 1
    (tmp_path / "short_form.json").write_text(json.dumps(data), encoding="utf-8")
    instruments = load_instruments(tmp_path)
    assert set(instruments) == {"lefs", "running_function", "short_form"}
    extra = load_instrument("short_form", tmp_path)
    assert extra.origin == "clinic" and extra.editable
    assert score(extra, {1: 4, 2: 4, 3: 4, 4: 4, 5: None}).total == 20
    assert [i.id for i in available_instruments(tmp_path)][-1] == "short_form"


def test_a_clinic_copy_with_checked_wording_replaces_the_shipped_one(tmp_path: Path) -> None:
    data = _shipped_lefs()
    data["items"][5]["text"] = "Squatting (checked wording)"
    data["wording_to_verify"] = False
    (tmp_path / "lefs.json").write_text(json.dumps(data), encoding="utf-8")
    corrected = load_instrument("lefs", tmp_path)
    assert corrected.origin == "clinic"
    assert corrected.item(6).text == "Squatting (checked wording)"
    assert not corrected.wording_to_verify
    assert load_instrument("lefs").item(6).text == "Squatting down"  # shipped copy untouched


def test_a_missing_clinic_folder_means_no_extra_questionnaires(tmp_path: Path) -> None:
    assert set(load_instruments(tmp_path / "absent")) == {"lefs", "running_function"}


def test_an_inconsistent_clinic_file_is_refused_naming_the_file(tmp_path: Path) -> None:
    data = _shipped_lefs()
    data["total_range"] = {"min": 0, "max": 100}
    (tmp_path / "broken.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InstrumentFileError) as caught:
        load_instruments(tmp_path)
    assert caught.value.message == (
        "The questionnaire file broken.json cannot be used: the total range does not match "
        "the items and the answer scale."
    )


def test_an_unreadable_clinic_file_is_refused_naming_the_file(tmp_path: Path) -> None:
    (tmp_path / "half.json").write_text('{"id": "half"', encoding="utf-8")
    with pytest.raises(InstrumentFileError, match="The questionnaire file half.json cannot"):
        load_instruments(tmp_path)
    (tmp_path / "half.json").write_text('{"id": "half"}', encoding="utf-8")
    with pytest.raises(InstrumentFileError, match="missing entry 'answer_scale'"):
        load_instruments(tmp_path)


@given(
    st.dictionaries(
        st.integers(min_value=1, max_value=20),
        st.one_of(st.none(), st.integers(min_value=0, max_value=4)),
    )
)
def test_any_lefs_answer_set_scores_in_range_or_is_refused_with_a_reason(
    answers: dict[int, int | None],
) -> None:
    result = score(LEFS, answers)
    answered = [v for v in answers.values() if v is not None]
    assert result.answered_count == len(answered)
    assert len(result.missing_items) == 20 - len(answered)
    if len(answered) == 20:
        assert result.total == sum(answered) and not result.prorated
    elif len(answered) >= 16:
        assert result.total is not None and 0 <= result.total <= 80 and result.prorated
        assert min(answered) * 20 <= result.total <= max(answered) * 20
    else:
        assert result.total is None and result.explanation.startswith("Not scored")
