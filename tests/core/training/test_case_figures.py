"""Per-case figures: each block of consecutive images scored as one case with the app's suggestion rule."""

from pathlib import Path

import numpy as np

from xincept_desktop.core.case_summary import INDETERMINATE
from xincept_desktop.core.training.case_figures import case_figures
from xincept_desktop.core.training.dataset import LabelledImage

CLASSES = ("Benign", "Early", "Pre", "Pro")


def _items(label, numbers):
    return [LabelledImage(Path(f"{CLASSES[label]}/{n}.jpg"), label, n) for n in numbers]


def _probabilities(predicted, confidence=0.95):
    p = np.full((len(predicted), 4), (1 - confidence) / 3)
    p[np.arange(len(predicted)), predicted] = confidence
    return p


def test_a_block_is_right_when_most_confident_in_domain_images_name_its_class():
    items = _items(0, range(0, 5))  # one Benign block
    predicted = [0, 0, 0, 1, 1]
    report = case_figures(items, _probabilities(predicted), np.ones(5, bool), CLASSES)
    assert (report["n_cases"], report["correct"], report["wrong"], report["indeterminate"]) == (1, 1, 0, 0)
    assert report["cases"][0]["suggestion"] == "Benign"


def test_blocks_split_by_block_size_and_class_and_out_of_domain_images_do_not_vote():
    items = _items(1, range(0, 3)) + _items(1, range(20, 23)) + _items(3, range(0, 2))
    predicted = [1, 1, 1, 2, 2, 1, 3, 2]
    in_domain = np.array([1, 1, 1, 1, 1, 0, 1, 1], bool)
    report = case_figures(items, _probabilities(predicted), in_domain, CLASSES)
    suggestions = [(c["class"], c["block"], c["suggestion"]) for c in report["cases"]]
    assert suggestions == [("Early", 0, "Early"), ("Early", 1, "Pre"), ("Pro", 0, INDETERMINATE)]
    assert (report["correct"], report["wrong"], report["indeterminate"]) == (1, 1, 1)
    assert report["accuracy"] == 1 / 3 and report["accuracy_decided"] == 1 / 2


def test_low_confidence_images_do_not_vote():
    items = _items(2, range(0, 3))
    probabilities = np.vstack([_probabilities([2], 0.5), _probabilities([3, 3], 0.9)])
    report = case_figures(items, probabilities, np.ones(3, bool), CLASSES)
    assert report["cases"][0]["suggestion"] == "Pro" and report["wrong"] == 1


def test_the_model_card_lists_the_case_figures_and_the_wrong_cases():
    from xincept_desktop.core.training.model_card import _case_lines

    items = _items(0, range(0, 3)) + _items(2, range(0, 3))
    report = case_figures(items, _probabilities([0, 0, 0, 3, 3, 3]), np.ones(6, bool), CLASSES)
    text = "\n".join(_case_lines(report))
    assert "1 of 2 cases suggested correctly (50.00 %)" in text
    assert "| Pre | 1 | 0 | 1 | 0 |" in text and "Pre block 0 (3 images) -> Pro" in text
