import pytest

from xincept_desktop.core.scale import MicroscopeProfile, build_reference, decide, read_scale
from xincept_desktop.core.scale.decision import PROFILE, RULER, UNCHECKED, UNKNOWN


@pytest.fixture(scope="module")
def reference():
    from tests.scale_images import smear

    ref, _ = build_reference([smear(d, (448, 448), seed=d) for d in (14, 15, 16, 17, 18)])
    return ref


def test_an_image_at_the_training_scale_is_left_as_it_is(make_smear, reference):
    decision = decide(read_scale(make_smear(16, (448, 448), seed=11)), reference)
    assert decision.source == RULER and decision.known
    assert (decision.resize_x, decision.resize_y) == (1.0, 1.0)
    assert "as in training" in decision.note


def test_twice_the_magnification_is_halved(make_smear, reference):
    decision = decide(read_scale(make_smear(32, (448, 448), seed=12)), reference)
    assert decision.scale == pytest.approx(2.0, rel=0.12)
    assert decision.resize_x == decision.resize_y == pytest.approx(0.5, rel=0.12)
    assert decision.red_cell_px == pytest.approx(32, rel=0.15)


def test_a_blank_field_falls_back_to_the_microscope_profile(reference):
    import numpy as np

    blank = np.full((300, 400, 3), 235, np.uint8)
    profile = MicroscopeProfile("Lab B 100x", um_per_pixel=7.5 / (2 * reference.red_cell_px))
    decision = decide(read_scale(blank), reference, profile)
    assert decision.source == PROFILE
    assert decision.scale == pytest.approx(2.0)
    assert "too few red cells" in decision.note and "Lab B 100x" in decision.note


def test_without_a_profile_the_scale_is_unknown_and_the_image_untouched(reference):
    import numpy as np

    decision = decide(read_scale(np.full((300, 400, 3), 235, np.uint8)), reference)
    assert decision.source == UNKNOWN and not decision.known
    assert decision.scale is None
    assert "set the microscope profile" in decision.note


def test_a_bundle_without_a_reference_is_unchecked(make_smear):
    decision = decide(read_scale(make_smear(16)), None)
    assert decision.source == UNCHECKED and not decision.resized


@pytest.mark.parametrize("value", [0.0, -1.0, 100.0])
def test_profile_refuses_impossible_pixel_sizes(value):
    with pytest.raises(ValueError, match="micrometres per pixel"):
        MicroscopeProfile("x", value)


def test_reference_survives_a_round_trip(tmp_path, reference):
    from xincept_desktop.core.scale import ScaleReference

    reference.save(tmp_path)
    assert ScaleReference.load(tmp_path) == reference
    assert ScaleReference.load(tmp_path / "missing") is None


def test_a_damaged_reference_is_refused(tmp_path):
    from xincept_desktop.core.scale import SCALE_FILE, ScaleReference
    from xincept_desktop.errors import ModelIntegrityError

    (tmp_path / SCALE_FILE).write_text("{not json")
    with pytest.raises(ModelIntegrityError, match="scale reference is damaged"):
        ScaleReference.load(tmp_path)


def test_red_cells_too_small_to_enlarge_cannot_reach_the_training_scale(make_smear, reference):
    decision = decide(read_scale(make_smear(4.5, (448, 448), seed=13)), reference)
    assert decision.source == UNKNOWN and not decision.known
    assert "too small to bring to the training scale" in decision.note


def test_a_decision_survives_storage_and_old_records_read_as_none(make_smear, reference):
    from xincept_desktop.core.scale import ScaleDecision

    decision = decide(read_scale(make_smear(32, (448, 448), seed=12)), reference)
    assert ScaleDecision.from_dict(decision.as_dict()) == decision
    assert ScaleDecision.from_dict({}) is None


def test_inside_the_training_spread_the_image_is_also_read_as_photographed(make_smear, reference):
    from dataclasses import replace

    wide = replace(reference, training_spread=(0.7, 1.6))
    inside = decide(read_scale(make_smear(21, (448, 448), seed=14)), wide)  # about 1.3x
    assert inside.resized and inside.compare_as_photographed
    assert "as photographed" in inside.note
    outside = decide(read_scale(make_smear(32, (448, 448), seed=12)), wide)  # about 2x
    assert outside.resized and not outside.compare_as_photographed
    as_trained = decide(read_scale(make_smear(16, (448, 448), seed=11)), wide)
    assert not as_trained.resized and not as_trained.compare_as_photographed


def test_a_network_trained_at_the_training_scale_is_never_read_as_photographed(make_smear, reference):
    from dataclasses import replace

    trained_at_scale = replace(reference, training_spread=(0.7, 1.6), trained_at_scale=True)
    inside = decide(read_scale(make_smear(21, (448, 448), seed=14)), trained_at_scale)  # about 1.3x
    assert inside.resized and not inside.compare_as_photographed
    assert "as photographed" not in inside.note


def test_the_reference_keeps_whether_the_network_was_trained_at_its_scale(make_smear, reference, tmp_path):
    import json
    from dataclasses import replace

    from xincept_desktop.core.scale import ScaleReference

    replace(reference, trained_at_scale=True).save(tmp_path)
    assert ScaleReference.load(tmp_path).trained_at_scale
    older = json.loads((tmp_path / "scale.json").read_text())
    del older["trained_at_scale"]  # a bundle made before the flag: trained on the photographs as they are
    (tmp_path / "scale.json").write_text(json.dumps(older))
    assert not ScaleReference.load(tmp_path).trained_at_scale


def test_a_field_that_fits_one_input_inside_the_band_is_resized_to_exactly_one_input(make_smear, reference):
    image = make_smear(32, (448, 448), seed=12)  # about 2x the training scale
    to_median = decide(read_scale(image), reference)
    fitted = decide(read_scale(image), reference, shape=image.shape[:2], input_size=224)
    assert to_median.resize_x != 0.5  # the median rule lands a few pixels off one input
    assert fitted.resize_x == fitted.resize_y == 0.5
    assert "one input of the model" in fitted.note
    assert fitted.scale == to_median.scale  # what was measured does not change, only what is done with it


def _decision(scale_x, scale_y, reference, shape=None):
    """What the rule decides for a reading of these scales, fitted to one 224 px input of a field of ``shape``."""
    from xincept_desktop.core.scale.decision import _known

    return _known("ruler", scale_x, scale_y, 17.0, reference, "measured", shape, 224 if shape else None)


def test_a_field_stretched_to_another_cameras_shape_is_fitted_axis_by_axis(reference):
    from dataclasses import replace

    wide_aspects = replace(reference, aspect_band=(0.71, 1.39))  # the shipped reference's
    # a 224 px field stretched to 1600x1200: its red cells 3:4
    fitted = _decision(7.2, 5.4, wide_aspects, (1200, 1600))
    assert (round(1600 * fitted.resize_x), round(1200 * fitted.resize_y)) == (224, 224)
    assert "wide" in fitted.note and "high" in fitted.note


def test_round_red_cells_are_never_squashed_to_fill_one_input(reference):
    from dataclasses import replace

    wide_aspects = replace(reference, aspect_band=(0.71, 1.39))  # the shipped reference's
    # a real 4:3 camera: one input at 224x224 would make the cells 4:3
    assert _decision(6.2, 6.2, wide_aspects, (1200, 1600)) == _decision(6.2, 6.2, wide_aspects)
    # 1600 px wide at 7.1x: the longer side to 224 lands inside the band
    fitted = _decision(7.1, 7.1, wide_aspects, (1200, 1600))
    assert fitted.resize_x == fitted.resize_y == 224 / 1600


def test_an_image_left_as_it_is_is_not_fitted(make_smear, reference):
    image = make_smear(16, (300, 300), seed=11)
    decision = decide(read_scale(image), reference, shape=image.shape[:2], input_size=224)
    assert not decision.resized



def test_the_small_cell_correction_survives_a_round_trip_and_reaches_the_decision(make_smear, reference, tmp_path):
    from dataclasses import replace

    from xincept_desktop.core.scale import ScaleReference

    image = make_smear(8, (448, 448), seed=15)  # about half the training scale
    plain = decide(read_scale(image), reference)
    halved = replace(reference, small_cell_knots=((0.3, 0.15), (0.69, 0.345), (0.7, 0.7)))
    halved.save(tmp_path)
    assert ScaleReference.load(tmp_path) == halved
    corrected = decide(read_scale(image), ScaleReference.load(tmp_path))
    assert corrected.scale == pytest.approx(plain.scale / 2, rel=0.01)
