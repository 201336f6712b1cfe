"""The test battery: shipped data, typed-value checks, and the clinic's own changes."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from clinic_desktop.domain import battery as battery_module
from clinic_desktop.domain.battery import (
    CLINIC_SETTING_SOURCE,
    Battery,
    BatteryFileError,
    Region,
    TestDefinition,
    load_battery,
    shipped_battery,
)
from clinic_desktop.domain.errors import ClinicError, NotFound, ValidationError
from clinic_desktop.domain.resources import resource_path

ROM_DEGREE_CODES = [
    "hip_flexion", "hip_extension", "hip_abduction", "hip_adduction",
    "hip_internal_rotation", "hip_external_rotation", "knee_flexion", "knee_extension",
    "ankle_dorsiflexion_knee_flexed", "ankle_dorsiflexion_knee_extended",
    "ankle_plantarflexion", "ankle_inversion", "ankle_eversion", "mtp1_extension",
    "lumbar_flexion", "lumbar_extension",
]  # fmt: skip
MMT_CODES = [
    "mmt_hip_abductors", "mmt_hip_extensors", "mmt_hip_external_rotators",
    "mmt_quadriceps", "mmt_hamstrings", "mmt_calf", "mmt_trunk",
]  # fmt: skip
HHD_CODES = [
    "hhd_hip_abductors", "hhd_hip_extensors", "hhd_hip_external_rotators",
    "hhd_quadriceps", "hhd_hamstrings", "hhd_calf",
]  # fmt: skip
FUNCTIONAL_UNITS = {
    "heel_raise_reps": "reps", "single_leg_squat": "pass_fail", "single_hop_cm": "cm",
    "triple_hop_cm": "cm", "crossover_hop_cm": "cm", "timed_hop_6m_s": "s",
    "y_balance_anterior_cm": "cm", "y_balance_posteromedial_cm": "cm",
    "y_balance_posterolateral_cm": "cm", "limb_length_cm": "cm",
    "front_plank_s": "s", "side_plank_s": "s",
    "walk_30min_pain_free": "pass_fail", "hops_pain_free_10": "pass_fail",
}  # fmt: skip
SINGLE_SIDED = {
    "lumbar_flexion", "lumbar_extension", "mmt_trunk", "front_plank_s", "walk_30min_pain_free",
}  # fmt: skip
CLINIC_OWN_TEST = {
    "code": "star_excursion_anterior_cm", "region": "lower_limb",
    "label": "Star excursion anterior reach", "kind": "functional", "unit": "cm",
    "valid_min": 1, "valid_max": 200, "norm": None, "mdc": None,
    "higher_is_better": True, "bilateral": True, "modes": [], "enabled": True, "order": 955,
}  # fmt: skip


@pytest.fixture(scope="module")
def battery() -> Battery:
    return load_battery()


def shipped_document() -> dict:
    return json.loads(resource_path("battery.json").read_text(encoding="utf-8"))


def write_json(path: Path, document: object) -> Path:
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


# --- the shipped data --------------------------------------------------------------------


def test_every_code_other_screens_rely_on_is_shipped_with_its_kind_and_unit(battery):
    expected = {code: ("rom", "deg") for code in ROM_DEGREE_CODES}
    expected["knee_to_wall"] = ("rom", "cm")
    expected |= {code: ("strength", "grade") for code in MMT_CODES}
    expected |= {code: ("strength", "N") for code in HHD_CODES}
    expected |= {code: ("functional", unit) for code, unit in FUNCTIONAL_UNITS.items()}
    shipped = {test.code: (test.kind, test.unit) for test in battery.tests}
    assert shipped == expected


def test_only_the_spine_trunk_test_front_plank_and_walk_test_are_single_sided(battery):
    assert {test.code for test in battery.tests if not test.bilateral} == SINGLE_SIDED


def test_range_of_motion_is_recorded_active_and_passive_other_tests_without_mode(battery):
    assert battery.test("knee_flexion").modes == ("active", "passive")
    assert battery.test("knee_to_wall").modes == ("active",)
    assert all(test.modes == () for test in battery.tests if test.kind != "rom")


def test_every_shipped_test_starts_enabled(battery):
    assert battery.enabled_tests() == battery.tests


def test_goniometry_uses_boone_same_tester_and_between_tester_change(battery):
    for code in ROM_DEGREE_CODES:
        test = battery.test(code)
        assert (test.mdc, test.mdc_between_testers) == (4, 6), code
        assert "Boone 1978" in test.mdc_source


def test_knee_to_wall_has_powden_change_and_bennell_conversion(battery):
    test = battery.test("knee_to_wall")
    assert (test.mdc, test.mdc_between_testers) == (1.9, 1.6)
    assert test.mdc_source == "Powden 2015"
    assert "3.6 degrees" in test.norm_note and "Bennell 1998" in test.norm_note
    assert test.side_difference_flag == 2


def test_second_hand_norms_are_marked_unconfirmed(battery):
    hip_flexion = battery.test("hip_flexion")
    assert (hip_flexion.norm, hip_flexion.norm_unconfirmed) == (120, True)
    assert battery.test("knee_flexion").norm_unconfirmed
    knee_extension = battery.test("knee_extension")
    assert (knee_extension.norm, knee_extension.norm_unconfirmed) == (0, False)
    assert "20 degrees" in battery.test("hip_extension").norm_note


def test_every_norm_and_mdc_carries_its_source(battery):
    for test in battery.tests:
        assert test.norm is None or test.norm_source, test.code
        assert test.mdc is None or test.mdc_source, test.code


def test_tests_without_a_norm_say_so_with_none(battery):
    assert battery.test("ankle_dorsiflexion_knee_extended").norm is None
    assert battery.test("single_hop_cm").norm is None


def test_knee_extension_documents_its_sign_convention(battery):
    test = battery.test("knee_extension")
    assert test.valid_min < 0 < test.valid_max
    assert "hyperextension" in test.sign_convention
    assert "negative" in battery.sign_convention.casefold()


def test_heel_raise_table_is_shipped_by_decade_and_sex(battery):
    test = battery.test("heel_raise_reps")
    rows = [(r.age_from_years, r.male, r.female) for r in test.age_sex_norms]
    assert rows == [(20, 37, 30), (30, 32, 27), (40, 28, 24), (50, 23, 21), (60, 19, 19),
                    (70, 14, 16)]  # fmt: skip
    assert test.age_sex_norms_source == "Hebert-Losier 2017"


def test_single_leg_squat_checklist_is_data(battery):
    codes = [item.code for item in battery.test("single_leg_squat").checklist]
    assert codes == ["knee_valgus", "pelvic_drop", "trunk_lean", "loss_of_balance"]


def test_timed_hop_is_the_one_test_where_lower_is_better(battery):
    assert [t.code for t in battery.tests if not t.higher_is_better] == ["timed_hop_6m_s"]


def test_symmetry_thresholds_default_to_running_80_and_sport_90(battery):
    assert battery.threshold("symmetry_running_pct") == 80
    assert battery.threshold("symmetry_sport_pct") == 90
    assert "Gokeler 2017" in battery.thresholds["symmetry_sport_pct"].source
    with pytest.raises(NotFound):
        battery.threshold("symmetry_pct")


def test_regions_and_their_tests_come_in_display_order(battery):
    assert [region.code for region in battery.regions] == [
        "hip", "knee", "ankle_foot", "trunk", "lower_limb"
    ]  # fmt: skip
    knee = [test.code for test in battery.tests_in_region("knee")]
    assert knee == ["knee_flexion", "knee_extension", "mmt_quadriceps", "mmt_hamstrings",
                    "hhd_quadriceps", "hhd_hamstrings"]  # fmt: skip


def test_every_shipped_example_or_norm_is_itself_a_valid_entry(battery):
    for test in battery.tests:
        assert test.validate(test.example_value) == test.example_value, test.code


def test_battery_sorts_tests_given_out_of_order():
    regions = (Region("b", "B", 2), Region("a", "A", 1))
    late = TestDefinition(code="x", region="b", label="X", kind="functional", unit="s",
                          valid_min=0, valid_max=10, order=1)  # fmt: skip
    early = TestDefinition(code="y", region="a", label="Y", kind="functional", unit="s",
                           valid_min=0, valid_max=10, order=9)  # fmt: skip
    built = Battery(regions, (late, early))
    assert [t.code for t in built.tests] == ["y", "x"]
    assert [r.code for r in built.regions] == ["a", "b"]


def test_unknown_test_code_is_not_found(battery):
    assert "knee_flexion" in battery and "knee_bend" not in battery
    with pytest.raises(NotFound, match="knee_bend"):
        battery.test("knee_bend")


def test_shipped_battery_is_read_once(battery):
    assert shipped_battery() is shipped_battery()
    assert shipped_battery() == battery


# --- what the therapist types ------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "raw", "expected"),
    [
        ("knee_flexion", "135", 135.0),
        ("knee_flexion", " 12.5 ", 12.5),
        ("knee_flexion", -20, -20.0),
        ("knee_flexion", "170", 170.0),
        ("knee_extension", "\u22125", -5.0),
        ("knee_extension", "+5", 5.0),
        ("heel_raise_reps", "25", 25.0),
        ("single_hop_cm", "1", 1.0),
        ("timed_hop_6m_s", "2.35", 2.35),
    ],
)
def test_plain_numbers_inside_the_range_are_kept(battery, code, raw, expected):
    assert battery.validate(code, raw) == expected


@pytest.mark.parametrize(
    ("code", "raw", "sentence"),
    [
        ("knee_flexion", "171", "Knee flexion must be between -20 and 170 degrees."),
        ("knee_flexion", -20.5, "Knee flexion must be between -20 and 170 degrees."),
        ("knee_flexion", "", "Knee flexion needs a number, such as 135."),
        ("knee_flexion", "abc", "Knee flexion needs a number, such as 135."),
        ("knee_flexion", "12,5", "Knee flexion needs a number, such as 135."),
        ("knee_flexion", "nan", "Knee flexion needs a number, such as 135."),
        ("knee_flexion", "1e2", "Knee flexion needs a number, such as 135."),
        ("knee_flexion", None, "Knee flexion needs a number, such as 135."),
        ("knee_flexion", True, "Knee flexion needs a number, such as 135."),
        ("single_hop_cm", "0", "Single hop for distance must be between 1 and 400 cm."),
        ("hhd_calf", 1500.5, "Calf force (dynamometer) must be between 0 and 1500 N."),
        ("timed_hop_6m_s", "0.4", "Timed hop over 6 m must be between 0.5 and 20 seconds."),
        ("heel_raise_reps", "151", "Heel-raise endurance must be between 0 and 150 repetitions."),
        (
            "heel_raise_reps",
            "20.5",
            "Heel-raise endurance needs a whole number of repetitions, such as 25.",
        ),
        ("single_leg_squat", "maybe", "Single-leg squat needs pass or fail."),
        ("single_leg_squat", 2, "Single-leg squat needs pass or fail."),
    ],
)
def test_unusable_entries_are_refused_with_a_sentence(battery, code, raw, sentence):
    with pytest.raises(ValidationError) as caught:
        battery.validate(code, raw)
    assert caught.value.message == sentence
    assert caught.value.field == code


def test_the_refusal_names_the_field_the_form_asked_about(battery):
    with pytest.raises(ValidationError) as caught:
        battery.validate("hip_flexion", "400", field="hip_flexion.left")
    assert caught.value.field == "hip_flexion.left"


@pytest.mark.parametrize(("raw", "stored"), [("4+", 9.0), ("t", 1.0), ("2-", 1.0), ("5", 10.0),
                                             ("0", 0.0), (9, 9.0), (0.0, 0.0)])  # fmt: skip
def test_manual_muscle_grades_are_stored_as_kendall_equivalents(battery, raw, stored):
    assert battery.validate("mmt_quadriceps", raw) == stored


@pytest.mark.parametrize("raw", ["6", "4++", "5+", "", "strong", 11, 8.5, -1, True])
def test_impossible_grades_are_refused_with_the_list_of_grades(battery, raw):
    with pytest.raises(ValidationError) as caught:
        battery.validate("mmt_quadriceps", raw, field="mmt_quadriceps.right")
    assert caught.value.message == (
        "Use a grade such as 4+ (0, T, 2-, 2, 2+, 3-, 3, 3+, 4-, 4, 4+, 5)."
    )
    assert caught.value.field == "mmt_quadriceps.right"


@pytest.mark.parametrize(
    ("raw", "stored"),
    [("pass", 1.0), (" Pass ", 1.0), ("yes", 1.0), (True, 1.0), (1, 1.0),
     ("fail", 0.0), ("F", 0.0), ("no", 0.0), (False, 0.0), (0, 0.0)],
)  # fmt: skip
def test_single_leg_squat_is_stored_as_pass_one_fail_zero(battery, raw, stored):
    assert battery.validate("single_leg_squat", raw) == stored


def test_validating_an_unknown_code_is_not_found(battery):
    with pytest.raises(NotFound):
        battery.validate("knee_bend", "10")


# --- the clinic's own file ---------------------------------------------------------------


def test_no_clinic_file_means_the_shipped_battery(tmp_path, battery):
    assert load_battery(tmp_path / "battery.json") == battery


def test_clinic_can_switch_a_test_off(tmp_path):
    path = write_json(tmp_path / "battery.json",
                      {"tests": [{"code": "hip_adduction", "enabled": False}]})  # fmt: skip
    clinic = load_battery(path)
    assert not clinic.test("hip_adduction").enabled
    assert "hip_adduction" not in [t.code for t in clinic.enabled_tests()]
    assert "hip_adduction" not in [t.code for t in clinic.tests_in_region("hip")]
    assert "hip_adduction" in [t.code for t in clinic.tests_in_region("hip",
                                                                      include_disabled=True)]
    assert clinic.test("hip_adduction").norm == 30  # everything else is kept


def test_clinic_can_add_its_own_test_in_the_shipped_format(tmp_path):
    document = {"tests": [CLINIC_OWN_TEST]}
    clinic = load_battery(write_json(tmp_path / "battery.json", document))
    test = clinic.test("star_excursion_anterior_cm")
    assert test.label == "Star excursion anterior reach"
    codes = [t.code for t in clinic.tests_in_region("lower_limb")]
    assert codes.index("y_balance_anterior_cm") + 1 == codes.index("star_excursion_anterior_cm")
    with pytest.raises(ValidationError, match="between 1 and 200 cm"):
        clinic.validate("star_excursion_anterior_cm", "250")


def test_clinic_can_add_a_region(tmp_path):
    document = {"regions": [{"code": "foot", "label": "Foot", "order": 35}]}
    clinic = load_battery(write_json(tmp_path / "battery.json", document))
    assert [r.code for r in clinic.regions][2:4] == ["ankle_foot", "foot"]


def test_a_clinic_norm_replaces_the_shipped_source_and_unconfirmed_flag(tmp_path):
    document = {"tests": [{"code": "hip_flexion", "norm": 125}]}
    test = load_battery(write_json(tmp_path / "battery.json", document)).test("hip_flexion")
    assert (test.norm, test.norm_source, test.norm_unconfirmed) == (
        125, CLINIC_SETTING_SOURCE, False
    )


def test_a_clinic_mdc_drops_the_shipped_between_tester_figure(tmp_path):
    document = {"tests": [{"code": "knee_flexion", "mdc": 5, "mdc_source": "Our audit 2024"}]}
    test = load_battery(write_json(tmp_path / "battery.json", document)).test("knee_flexion")
    assert (test.mdc, test.mdc_source, test.mdc_between_testers) == (5, "Our audit 2024", None)


def test_clinic_can_restate_the_sign_convention(tmp_path):
    document = {"sign_convention": "Flexion contractures are recorded as positive lag."}
    clinic = load_battery(write_json(tmp_path / "battery.json", document))
    assert clinic.sign_convention == document["sign_convention"]


def test_clinic_can_change_a_symmetry_threshold(tmp_path):
    document = {"thresholds": {"symmetry_running_pct": {"value": 85}}}
    clinic = load_battery(write_json(tmp_path / "battery.json", document))
    assert clinic.threshold("symmetry_running_pct") == 85
    assert clinic.thresholds["symmetry_running_pct"].source == CLINIC_SETTING_SOURCE
    assert clinic.threshold("symmetry_sport_pct") == 90


@pytest.mark.parametrize(
    ("document", "problem"),
    [
        ({"tests": [{"code": "knee_flexion", "unit": "cm"}]}, "unit of the shipped test"),
        ({"tests": [{"code": "knee_flexion", "norm": 200}]}, "norm is outside the valid range"),
        ({"tests": [{"code": "knee_flexion", "enabeld": False}]}, "unknown field(s): enabeld"),
        ({"tests": [{"code": "knee_flexion", "enabled": "no"}]}, "must be true or false"),
        ({"tests": [{"code": "my_test", "label": "Mine"}]}, "is missing"),
        ({"tests": [{"code": "hip_flexion"}, {"code": "hip_flexion"}]}, "appears twice"),
        ({"tests": [{"label": "No code"}]}, "needs a 'code'"),
        ({"tests": {"code": "hip_flexion"}}, "'tests' must be a list"),
        ({"tests": [CLINIC_OWN_TEST | {"region": "neck"}]}, "region 'neck' is not in 'regions'"),
        ({"tests": [CLINIC_OWN_TEST | {"norm": 50}]}, "a norm needs its norm_source"),
        ({"tests": [CLINIC_OWN_TEST | {"valid_min": 0, "valid_max": 0}]}, "valid_min must be"),
        ({"thresholds": {"symmetry_running_pct": 85}}, "must be an object"),
        ({"thresholds": {"symmetry_running_pct": {"value": "high"}}}, "must be a number"),
        ({"exercises": []}, "unknown field(s): exercises"),
        ({"format_version": 2}, "only format_version 1"),
        ({"sign_convention": 0}, "'sign_convention' must be text"),
        ([], "one JSON object"),
    ],
)  # fmt: skip
def test_a_bad_clinic_file_is_refused_naming_the_file_and_the_problem(tmp_path, document,
                                                                       problem):  # fmt: skip
    path = write_json(tmp_path / "battery.json", document)
    with pytest.raises(BatteryFileError) as caught:
        load_battery(path)
    assert isinstance(caught.value, ClinicError)
    assert caught.value.path == path
    assert problem in caught.value.problem
    assert str(path) in caught.value.message and "clinic" in caught.value.message


def test_a_clinic_file_that_is_not_json_is_refused_with_the_line(tmp_path):
    path = tmp_path / "battery.json"
    path.write_text('{"tests": [\n  {"code": "hip_flexion",, }\n]}', encoding="utf-8")
    with pytest.raises(BatteryFileError) as caught:
        load_battery(path)
    assert "not valid JSON (line 2" in caught.value.message
    assert str(path) in caught.value.message


def test_a_clinic_file_that_cannot_be_read_is_refused(tmp_path):
    folder = tmp_path / "battery.json"
    folder.mkdir()
    with pytest.raises(BatteryFileError, match="could not be read"):
        load_battery(folder)


def test_a_clinic_file_that_is_not_utf8_is_refused(tmp_path):
    path = tmp_path / "battery.json"
    path.write_bytes(b'{"about": "\xe9"}')
    with pytest.raises(BatteryFileError, match="not UTF-8"):
        load_battery(path)


# --- a typo in the shipped data fails loudly ---------------------------------------------


def break_shipped(monkeypatch, tmp_path, change) -> None:
    document = copy.deepcopy(shipped_document())
    change(document)
    path = write_json(tmp_path / "shipped.json", document)
    monkeypatch.setattr(battery_module, "resource_path", lambda *_: path)


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda d: d["tests"].append(dict(d["tests"][0])), "test code 'hip_flexion' is used twice"),
        (lambda d: d["tests"][0].update(valid_min=200), "valid_min must be below valid_max"),
        (lambda d: d["tests"][0].update(norm=-5), "norm is outside the valid range"),
        (lambda d: d["tests"][0].update(unit="degrees"), "'unit' must be one of"),
        (lambda d: d["tests"][0].update(kind="balance"), "'kind' must be one of"),
        (lambda d: d["tests"][0].update(nrom=120), "unknown field(s): nrom"),
        (lambda d: d["tests"][0].pop("norm_source"), "a norm needs its norm_source"),
        (lambda d: d["tests"][0].update(mdc=0), "mdc must be above zero"),
        (lambda d: d["tests"][0].update(modes=[]), "need modes"),
        (lambda d: d["tests"][0].update(code="Hip Flexion"), "lowercase letters"),
        (lambda d: d["tests"][0].update(unit="reps"), "a rom test cannot use reps"),
        (lambda d: d["regions"].append(dict(d["regions"][0])), "region code 'hip' is used twice"),
        (lambda d: d.update(format_version=2), "format_version"),
    ],
)  # fmt: skip
def test_a_typo_in_the_shipped_battery_fails_at_load(monkeypatch, tmp_path, change, problem):
    break_shipped(monkeypatch, tmp_path, change)
    with pytest.raises(BatteryFileError) as caught:
        load_battery()
    assert problem in caught.value.problem
    assert "shipped with the application" in caught.value.message


def test_overlapping_heel_raise_age_bands_fail_at_load(monkeypatch, tmp_path):
    def overlap(document):
        rows = next(t for t in document["tests"] if t["code"] == "heel_raise_reps")
        rows["age_sex_norms"][1]["age_from_years"] = 25

    break_shipped(monkeypatch, tmp_path, overlap)
    with pytest.raises(BatteryFileError, match="without overlapping"):
        load_battery()


def test_a_grade_test_with_a_range_other_than_zero_to_ten_fails_at_load(monkeypatch, tmp_path):
    def widen(document):
        next(t for t in document["tests"] if t["code"] == "mmt_calf")["valid_max"] = 12

    break_shipped(monkeypatch, tmp_path, widen)
    with pytest.raises(BatteryFileError, match="grade tests must range"):
        load_battery()
