"""The pipeline measures, rescales and tiles each image, and says what it did (tiny model, synthetic smears)."""

import numpy as np
import pytest
from PIL import Image

from tests.scale_images import scaled_bundle, smear
from xincept_desktop.core.pipeline import analyse, analyse_images
from xincept_desktop.core.scale import MicroscopeProfile
from xincept_desktop.core.scale.decision import PROFILE, RULER, UNKNOWN


@pytest.fixture(scope="module")
def scaled_model(tiny_bundle, tmp_path_factory):
    from xincept_desktop.core.model.predictor import XInceptModel

    return XInceptModel.load(scaled_bundle(tiny_bundle, tmp_path_factory.mktemp("scaled") / "tiny-scaled"))


def test_the_bundle_scale_reference_is_hash_checked(scaled_model):
    assert "scale.json" in scaled_model.manifest.files
    assert scaled_model.scale_reference.red_cell_px == pytest.approx(8, rel=0.3)


def result_input(model, seed):
    return smear(8, (75, 75), seed=seed)[None]


def test_an_image_at_the_training_scale_is_one_input(scaled_model):
    [result] = analyse_images([smear(8, (75, 75), seed=20)], scaled_model)
    assert result.scale.source == RULER and not result.scale.resized
    assert result.tiles == 1 and result.tile_boxes == [(0, 0, 75, 75)]
    single = scaled_model.predict_batch(result_input(scaled_model, 20))
    assert np.allclose(result.cams["gradcam"], single.cams["gradcam"][0])  # the map as the network gave it


def test_a_wide_field_at_twice_the_magnification_is_halved_and_tiled(scaled_model):
    image = smear(16, (300, 300), seed=21)  # red cells twice the training size, a field four inputs wide
    [result] = analyse_images([image], scaled_model)
    assert result.scale.source == RULER
    assert result.scale_factor == pytest.approx(2.0, rel=0.15)
    assert result.tiles == 9  # 150 px after halving: three overlapping 75-px tiles per side
    boxes = np.array(result.tile_boxes)
    assert boxes[:, 0].min() == 0 and boxes[:, 2].max() == 300 and boxes[:, 3].max() == 300
    cams = result.cams["gradcam"]
    assert cams.ndim == 3 and cams.shape[0] == 4 and cams.shape[1] > 9  # stitched over the whole field
    peaks = cams.reshape(4, -1).max(axis=1)
    assert all(np.isclose(peak, 1.0) or peak == 0.0 for peak in peaks) and peaks.max() == pytest.approx(1.0)
    assert abs(sum(result.probabilities.values()) - 1) < 1e-6


def test_a_training_sized_field_from_a_larger_camera_is_read_as_one_whole_input(scaled_model):
    from dataclasses import replace

    from xincept_desktop.core.imaging import resize

    field = smear(8, (75, 75), seed=20)
    larger = resize(field, 150, 150)  # the same field from a camera with twice the pixels
    reference = scaled_model.scale_reference
    # the synthetic discs' aspect band is far narrower than real smears' (the shipped one: 0.71-1.39)
    scaled_model.scale_reference = replace(reference, aspect_band=(0.71, 1.39))
    try:
        [result] = analyse_images([larger], scaled_model)
    finally:
        scaled_model.scale_reference = reference
    assert result.scale.resize_x == result.scale.resize_y == 0.5
    assert result.tiles == 1 and result.tile_boxes == [(0, 0, 150, 150)]
    assert "one input of the model" in result.scale.note


def test_a_blank_field_uses_the_profile_or_is_never_in_domain(scaled_model):
    blank = np.full((150, 150, 3), 235, np.uint8)
    [unknown] = analyse_images([blank], scaled_model)
    assert unknown.scale.source == UNKNOWN and unknown.scale_unknown
    assert unknown.in_domain is False
    assert "set the microscope profile" in unknown.ood_reason
    profile = MicroscopeProfile("Lab B", um_per_pixel=7.5 / 16)  # red cells 16 px: twice the training size
    [known] = analyse_images([blank], scaled_model, profile=profile)
    assert known.scale.source == PROFILE and known.scale_factor == pytest.approx(2.0, rel=0.2)
    assert "Lab B" in known.scale.note


def test_files_carry_the_reader_notes_and_the_scale(scaled_model, tmp_path):
    path = tmp_path / "stack.tif"
    frames = [Image.fromarray(smear(8, (75, 75), seed=s)) for s in (1, 2)]
    frames[0].save(path, save_all=True, append_images=frames[1:])
    [result] = list(analyse([path], scaled_model))
    assert result.ok and result.scale is not None
    assert any("page 1 of 2" in note for note in result.notes)


def test_each_result_says_which_class_its_heat_maps_explain(scaled_model):
    images = [smear(8, (75, 75), seed=s) for s in range(6)] + [smear(16, (300, 300), seed=7)]
    for result in analyse_images(images, scaled_model):
        assert result.explained_class in scaled_model.classes
        assert result.explanation_agrees == (result.explained_class == result.label)
    [single] = analyse_images([images[0]], scaled_model)
    head = scaled_model.predict_batch(images[0][None]).head_probabilities[0]
    assert single.explained_class == scaled_model.classes[int(head.argmax())]


def test_a_field_inside_the_training_spread_is_read_both_ways_and_averaged(scaled_model):
    from dataclasses import replace

    reference = scaled_model.scale_reference
    image = smear(11, (150, 150), seed=30)  # about 1.35x the training red cells
    try:
        scaled_model.scale_reference = replace(reference, training_spread=(0.6, 1.8))
        [result] = analyse_images([image], scaled_model)
        scaled_model.scale_reference = replace(reference, training_spread=(1.0, 1.0))
        [at_scale] = analyse_images([image], scaled_model)
        scaled_model.scale_reference = replace(reference, band=(0.1, 10.0))
        [as_photographed] = analyse_images([image], scaled_model)
    finally:
        scaled_model.scale_reference = reference
    assert result.scale.compare_as_photographed and not at_scale.scale.compare_as_photographed
    assert result.label_at_scale == at_scale.label and result.label_as_photographed == as_photographed.label
    for name in scaled_model.classes:  # the mean of the two readings
        expected = (at_scale.probabilities[name] + as_photographed.probabilities[name]) / 2
        assert result.probabilities[name] == pytest.approx(expected, abs=1e-6)
    assert result.tile_boxes == at_scale.tile_boxes  # the picture and heat map are the training-scale reading's
    if result.scale_sensitive:
        assert result.in_domain is False and "depends on the magnification" in result.ood_reason


def test_a_magnified_field_below_the_confidence_floor_is_not_shown_in_domain(scaled_model, monkeypatch):
    from xincept_desktop.core.scale import small_field

    magnified = smear(16, (75, 75), seed=22)  # red cells twice the training size: a quarter of the input after halving
    whole = smear(8, (75, 75), seed=22)
    monkeypatch.setattr(small_field, "SMALL_FIELD_MIN_CONFIDENCE", 1.01)  # no confidence is enough
    small, as_trained = analyse_images([magnified, whole], scaled_model)
    assert small.field_share == pytest.approx(0.25, abs=0.1) and as_trained.field_share == 1.0
    assert small.small_field_doubt and small.in_domain is False and small.needs_review
    assert "magnified field" in small.ood_reason and "wider field" in small.ood_reason
    assert not as_trained.small_field_doubt
    monkeypatch.setattr(small_field, "SMALL_FIELD_MIN_CONFIDENCE", 0.0)  # any confidence is enough
    [again] = analyse_images([magnified], scaled_model)
    assert not again.small_field_doubt and "magnified field" not in again.ood_reason
    assert again.in_domain == (again.ood_score <= again.ood_threshold)


def test_a_magnified_field_is_read_four_ways_and_judged_by_the_mean(scaled_model, monkeypatch):
    from xincept_desktop.core.orientations import ORIENTATIONS, UNDONE_ON_MAPS
    from xincept_desktop.core.scale import small_field

    monkeypatch.setattr(scaled_model.detector, "threshold", float("inf"))  # only the floor can flag it
    magnified = smear(16, (75, 75), seed=23)
    [first] = analyse_images([magnified], scaled_model, reread_magnified=False)
    [result] = analyse_images([magnified], scaled_model)
    views = [analyse_images([turn(magnified)], scaled_model, reread_magnified=False)[0] for turn in ORIENTATIONS.values()]
    expected = np.mean([[v.probabilities[c] for c in scaled_model.classes] for v in views], axis=0)
    expected /= expected.sum()
    assert np.allclose([result.probabilities[c] for c in scaled_model.classes], expected, atol=1e-6)
    assert result.confidence == pytest.approx(expected.max())
    assert "read four ways" in result.notes[-1] and f"as taken alone: {first.label}" in result.notes[-1]
    for method, maps in first.cams.items():  # the heat maps: the four readings' maps turned back and averaged
        undone = [UNDONE_ON_MAPS[name](view.cams[method]) for name, view in zip(ORIENTATIONS, views)]
        mean = np.mean(undone, axis=0)
        mean /= np.maximum(mean.reshape(len(mean), -1).max(axis=1), 1e-12)[:, None, None]
        assert result.cams[method].shape == maps.shape
        np.testing.assert_allclose(result.cams[method], mean, atol=1e-5)
    assert "heat map: the mean of the four" in result.notes[-1]
    monkeypatch.setattr(small_field, "SMALL_FIELD_MIN_CONFIDENCE", float(expected.max()) + 1e-3)
    [doubted] = analyse_images([magnified], scaled_model)
    assert doubted.in_domain is False and "magnified field" in doubted.ood_reason
    monkeypatch.setattr(small_field, "SMALL_FIELD_MIN_CONFIDENCE", float(expected.max()) - 1e-3)
    [shown] = analyse_images([magnified], scaled_model)
    assert shown.in_domain is True


def test_a_field_as_trained_is_read_once(scaled_model, monkeypatch):
    from xincept_desktop.core import pipeline

    calls = []
    original = pipeline._prepared
    monkeypatch.setattr(pipeline, "_prepared", lambda *a, **k: calls.append(1) or original(*a, **k))
    [result] = analyse_images([smear(8, (75, 75), seed=24)], scaled_model)
    assert len(calls) == 1 and not any("four ways" in note for note in result.notes)


def test_a_map_read_on_a_turned_image_is_turned_back_over_the_photograph():
    from xincept_desktop.core.orientations import ORIENTATIONS, UNDONE_ON_MAPS

    image = np.arange(3 * 4 * 5).reshape(3, 4, 5).transpose(1, 2, 0)  # rows, columns, channels
    maps = image.transpose(2, 0, 1)  # the same grid as maps: classes, rows, columns
    for name, turn in ORIENTATIONS.items():
        turned_maps = turn(image).transpose(2, 0, 1)  # what a network reading the turned image would map
        np.testing.assert_array_equal(UNDONE_ON_MAPS[name](turned_maps), maps, err_msg=name)
