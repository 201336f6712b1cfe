"""Red-flag screening: every "yes" is reported, most urgent first."""

from __future__ import annotations

import pytest

from clinic_desktop.domain.errors import NotFound, ValidationError
from clinic_desktop.domain.red_flags import (
    RedFlagAnswer,
    evaluate_screen,
    load_red_flags,
    red_flag_by_code,
    urgency_levels,
)

REQUIRED_TOPICS = {
    "night_pain",
    "unexplained_weight_loss",
    "fever_unwell",
    "leg_numbness_weakness",
    "cauda_equina",
    "recent_trauma",
    "history_of_cancer",
    "calf_dvt_signs",
    "chest_symptoms_running",
    "focal_bone_tenderness",
    "pain_builds_during_run",
    "missed_periods",
}


def all_no() -> list[RedFlagAnswer]:
    return [RedFlagAnswer(flag.code, False) for flag in load_red_flags()]


def with_answer(code: str, answer: bool | None, note: str = "") -> list[RedFlagAnswer]:
    return [a for a in all_no() if a.code != code] + [RedFlagAnswer(code, answer, note)]


def test_the_screen_covers_the_serious_conditions_the_clinic_must_not_miss() -> None:
    codes = {flag.code for flag in load_red_flags()}
    assert codes >= REQUIRED_TOPICS


def test_every_flag_is_a_question_with_a_reason_an_action_and_a_source() -> None:
    flags = load_red_flags()
    assert len({flag.code for flag in flags}) == len(flags)
    for flag in flags:
        assert flag.question.endswith("?"), flag.code
        assert flag.why_it_matters and flag.suggested_action and flag.source, flag.code


def test_urgency_levels_run_from_emergency_to_monitor() -> None:
    assert [level.id for level in urgency_levels()] == ["emergency", "urgent", "refer", "monitor"]
    assert red_flag_by_code("cauda_equina").urgency.id == "emergency"


def test_an_unknown_flag_code_is_not_found() -> None:
    with pytest.raises(NotFound, match="no red-flag question 'headache'"):
        red_flag_by_code("headache")


def test_a_screen_answered_no_throughout_is_clear_and_complete() -> None:
    screen = evaluate_screen(all_no())
    assert not screen.any_positive
    assert screen.complete
    assert screen.most_urgent is None
    assert screen.summary() == "No red flags: every screening question was answered no."


def test_a_single_yes_is_a_positive_screen_naming_the_flag() -> None:
    screen = evaluate_screen(with_answer("night_pain", True, "wakes 3 nights a week"))
    assert screen.any_positive
    assert [flag.code for flag in screen.positives] == ["night_pain"]
    assert screen.most_urgent is not None and screen.most_urgent.id == "refer"
    assert screen.notes == {"night_pain": "wakes 3 nights a week"}
    assert screen.summary().startswith("1 red flag positive (night pain).")


def test_positives_are_listed_most_urgent_first() -> None:
    answers = [
        RedFlagAnswer("history_of_cancer", True),
        RedFlagAnswer("focal_bone_tenderness", True),
        RedFlagAnswer("cauda_equina", True),
        RedFlagAnswer("calf_dvt_signs", True),
    ]
    screen = evaluate_screen(answers)
    assert [flag.code for flag in screen.positives] == [
        "cauda_equina",
        "calf_dvt_signs",
        "focal_bone_tenderness",
        "history_of_cancer",
    ]
    assert screen.summary().endswith("Stop the session and send the patient to emergency care now.")


def test_unanswered_and_unsure_questions_are_listed_not_counted_as_clear() -> None:
    answers = with_answer("fever_unwell", None)
    answers = [a for a in answers if a.code != "missed_periods"]
    screen = evaluate_screen(answers)
    assert not screen.any_positive
    assert not screen.complete
    assert {flag.code for flag in screen.unanswered} == {"fever_unwell", "missed_periods"}
    assert screen.summary() == "No red flags so far; 2 questions not yet answered."


def test_an_empty_screen_has_every_question_open() -> None:
    screen = evaluate_screen([])
    assert len(screen.unanswered) == len(load_red_flags())
    assert not screen.any_positive


def test_a_yes_to_a_question_this_version_does_not_know_is_refused_not_dropped() -> None:
    with pytest.raises(ValidationError) as caught:
        evaluate_screen([*all_no(), RedFlagAnswer("old_question", True)])
    assert caught.value.field == "red_flags"
    assert "'old_question', which is not a red-flag question" in caught.value.message


def test_two_different_answers_to_one_question_are_refused() -> None:
    with pytest.raises(ValidationError, match="has two different answers"):
        evaluate_screen([RedFlagAnswer("night_pain", True), RedFlagAnswer("night_pain", False)])


def test_the_same_answer_given_twice_is_accepted() -> None:
    screen = evaluate_screen([RedFlagAnswer("night_pain", True), RedFlagAnswer("night_pain", True)])
    assert [flag.code for flag in screen.positives] == ["night_pain"]
