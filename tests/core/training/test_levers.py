"""Inference-time levers: how per-orientation readings combine, what each costs, and the summary over splits."""

from pathlib import Path

import numpy as np
import pytest

from tests.tiny_bundle import class_images
from xincept_desktop.core.training.dataset import LabelledImage
from xincept_desktop.core.training.levers import (LEVERS, ORIENTATIONS, UNSURE_BELOW, combine, lever_figures,
                                                  lever_table, read_orientations, summarise)


def _one_hot(classes, n_classes=4, confidence=0.97):
    rest = (1.0 - confidence) / (n_classes - 1)
    out = np.full((len(classes), n_classes), rest)
    out[np.arange(len(classes)), classes] = confidence
    return out


def test_orientations_are_mirrors_and_a_turn_of_the_photograph():
    image = np.arange(2 * 3 * 3).reshape(2, 3, 3)
    shapes = [orient(image).shape for orient in ORIENTATIONS.values()]
    assert shapes == [(2, 3, 3), (2, 3, 3), (2, 3, 3), (3, 2, 3)]
    assert np.array_equal(ORIENTATIONS["mirrored left-right"](image)[:, 0], image[:, -1])


def test_the_mean_of_the_four_orientations_can_overturn_one_unsure_reading():
    single = np.array([[0.55, 0.45, 0.0, 0.0]])
    others = np.array([[0.1, 0.9, 0.0, 0.0]] * 3)
    readings = np.concatenate([single[None], others[:, None]], axis=0)  # (4 orientations, 1 image, 4 classes)
    assert combine("single pass", readings)[0].argmax() == 0
    probabilities, cost = combine("flips and turn x4", readings)
    assert probabilities.argmax() == 1 and cost == 4.0
    assert np.allclose(probabilities.sum(axis=1), 1.0)


def test_x4_when_unsure_rereads_only_images_below_the_bar_and_costs_accordingly():
    sure = np.array([UNSURE_BELOW + 0.05, 1.0 - UNSURE_BELOW - 0.05, 0.0, 0.0])
    unsure = np.array([0.6, 0.4, 0.0, 0.0])
    flipped = np.array([0.2, 0.8, 0.0, 0.0])
    readings = np.stack([np.stack([sure, unsure])] + [np.stack([flipped, flipped])] * 3)
    probabilities, cost = combine("x4 when unsure", readings)
    assert probabilities[0].argmax() == 0  # kept its single pass
    assert probabilities[1].argmax() == 1  # re-read, the mean decides
    assert cost == pytest.approx(1.0 + 3 * 0.5)
    kept, cost = combine("x4 when unsure", readings, in_domain=np.array([True, False]))
    assert kept[1].argmax() == 0 and cost == 1.0  # an out-of-domain image is flagged, not re-read


def test_an_unknown_lever_is_refused():
    with pytest.raises(ValueError, match="unknown lever"):
        combine("dropout x10", np.zeros((4, 1, 4)))


def _readings(labels, wrong_in_single=()):
    clean = _one_hot(labels)
    single = clean.copy()
    for index in wrong_in_single:  # the single pass is wrong but unsure; the other orientations are right
        single[index] = np.roll(_one_hot([labels[index]], confidence=0.6)[0], 1)
    per_orientation = np.stack([single, clean, clean, clean])
    conditions = np.array(["clean", "stain"])
    return {"conditions": conditions, "probabilities": np.stack([per_orientation, per_orientation]),
            "in_domain": np.ones((2, len(labels)), dtype=bool)}


def _items(labels):
    return [LabelledImage(Path(f"{i}.jpg"), int(label), 20 * int(label) + i % 3) for i, label in enumerate(labels)]


def test_lever_figures_count_errors_cases_perturbations_and_cost():
    labels = np.array([0, 0, 1, 1, 2, 2, 3, 3])
    figures = lever_figures(_readings(labels, wrong_in_single=[0]), labels, _items(labels))
    assert set(figures) == set(LEVERS)
    assert figures["single pass"]["errors"] == 1 and figures["single pass"]["benign_recall"] == 0.5
    assert figures["flips and turn x4"]["errors"] == 0 and figures["flips and turn x4"]["accuracy"] == 1.0
    assert figures["single pass"]["perturbations"]["stain"]["accuracy"] == pytest.approx(7 / 8)
    assert figures["single pass"]["worst_perturbation"] == pytest.approx(7 / 8)
    assert figures["x4 when unsure"]["cost"] == pytest.approx(1.0 + 3 / 8)
    assert figures["single pass"]["cases"] == 4


def test_the_summary_is_the_mean_and_sd_over_splits_and_the_table_names_them():
    labels = np.array([0, 1, 2, 3])
    splits = [lever_figures(_readings(labels, wrong), labels, _items(labels)) for wrong in ([0], [], [1])]
    summary = summarise(splits)
    assert summary["single pass"]["accuracy"]["mean"] == pytest.approx((0.75 + 1.0 + 0.75) / 3)
    assert summary["single pass"]["accuracy"]["sd"] == pytest.approx(np.std([0.75, 1.0, 0.75], ddof=1))
    assert summary["flips and turn x4"]["accuracy"]["sd"] == 0.0
    table = lever_table(summary, [0, 1, 2])
    assert "split offsets 0, 1, 2" in table and "over 3 splits" in table
    assert "| single pass | 83.33 +- 14.43 |" in table
    read_back = dict(sorted(summary.items()))  # a card's JSON keeps its keys sorted
    rows = [line.split(" | ")[0] for line in lever_table(read_back, [0, 1, 2]).splitlines() if line.startswith("| ")]
    assert rows[1:] == [f"| {lever}" for lever in LEVERS]  # the single pass first, as measured


def test_reading_orientations_runs_every_condition_and_orientation_through_the_pipeline(tiny_model):
    images, _ = class_images(1, seed=3)
    calls = []
    readings = read_orientations(tiny_model, [im.astype(np.uint8) for im in images],
                                 progress=lambda done, total: calls.append((done, total)))
    conditions, orientations, n, classes = readings["probabilities"].shape
    assert (orientations, n, classes) == (len(ORIENTATIONS), len(images), 4)
    assert list(readings["conditions"])[0] == "clean" and conditions == len(readings["conditions"])
    assert readings["in_domain"].shape == (conditions, n)
    assert calls[-1] == (conditions * orientations * n, conditions * orientations * n)
    assert np.allclose(readings["probabilities"].sum(axis=-1), 1.0, atol=1e-5)


def test_a_lever_is_kept_by_its_mean_gain_over_splits_and_never_when_it_loses_on_one():
    from xincept_desktop.core.training.levers import decide

    def split(single, x2, x4, unsure):
        return {name: {"accuracy": value} for name, value in
                zip(LEVERS, (single, x2, x4, unsure))}

    verdicts = decide([split(0.98, 0.98, 0.99, 0.985), split(0.97, 0.975, 0.98, 0.97),
                       split(0.99, 0.98, 0.995, 0.99)])
    assert verdicts["flips and turn x4"].startswith("kept")
    assert verdicts["mirror x2"].startswith("dropped")  # loses a point on the third split
    assert verdicts["x4 when unsure"].startswith("dropped")  # +0.17 points on average: below the bar


def test_the_lever_section_goes_on_the_card_and_replaces_an_earlier_one(tmp_path):
    import json

    from xincept_desktop.core.model.bundle import Manifest, write_manifest
    from xincept_desktop.core.training.levers import decide, write_to_card

    bundle = tmp_path / "bundle"
    bundle.mkdir()
    write_manifest(bundle, Manifest(name="t", version="0", classes=["a"], input_size=75, preprocessing="test",
                                    fusion_channels=8, backbone_weights={}))
    (bundle / "model_card.json").write_text(json.dumps({"metrics": {}}))
    (bundle / "MODEL_CARD.md").write_text("# Card\n\n## Scale\n\nx\n\n## Intended use\n\nsupport\n")
    labels = np.array([0, 1, 2, 3])
    per_bundle = [lever_figures(_readings(labels, wrong), labels, _items(labels)) for wrong in ([0], [], [1])]
    figures = {"offsets": [0, 1, 2], "summary": summarise(per_bundle), "decisions": decide(per_bundle),
               "per_bundle": {f"offset {k}": row for k, row in enumerate(per_bundle)}, "not_measured": "fine-tuning"}
    write_to_card(bundle, figures)
    write_to_card(bundle, figures)
    text = (bundle / "MODEL_CARD.md").read_text()
    assert text.count("## Levers, measured over split offsets") == 1
    assert text.index("## Scale") < text.index("## Levers") < text.index("## Intended use")
    assert "| flips and turn x4 | kept: +16.67 points" in text and "Not measured over splits: fine-tuning" in text
    assert json.loads((bundle / "model_card.json").read_text())["metrics"]["levers"]["offsets"] == [0, 1, 2]
