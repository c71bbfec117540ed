"""The refit of the shipped XGBoost on every image, and the check of what neighbouring blocks buy."""

import numpy as np

from xincept_desktop.core.model.xgb_head import margins
from xincept_desktop.core.training.refit import all_view_rows, block_halves, neighbour_check, refit_booster


def test_block_halves_split_each_block_at_its_middle():
    assert block_halves(np.arange(40), 20).tolist() == ([0] * 10 + [1] * 10) * 2
    assert block_halves(np.array([4, 5, 9, 10]), 10).tolist() == [0, 1, 1, 0]


def test_all_view_rows_is_every_labelled_row_once():
    groups = {"train": [5, 1], "validation": [0, 2], "stain": [7, 2], "left_out": [3]}
    assert all_view_rows(groups) == [0, 1, 2, 3, 5, 7]


def _clusters(rng, centre, n):
    return centre + 0.3 * rng.standard_normal((n, 2))


def test_refit_booster_learns_from_the_rows_it_is_given():
    rng = np.random.default_rng(0)
    embeddings = np.concatenate([_clusters(rng, (0, 0), 30), _clusters(rng, (4, 4), 30)]).astype(np.float32)
    labels = np.array([0] * 30 + [1] * 30)
    booster = refit_booster(embeddings, labels, list(range(60)), 2, seed=1)
    assert (margins(booster, embeddings).argmax(1) == labels).mean() == 1.0


def test_neighbour_check_shows_the_gain_from_a_held_out_cluster_training_lacked():
    rng = np.random.default_rng(1)
    train = np.concatenate([_clusters(rng, (0, 0), 40), _clusters(rng, (4, 4), 40)])
    held_out = _clusters(rng, (8, 8), 40)  # class 0, in a place training saw only class 1 near
    embeddings = np.concatenate([train, held_out]).astype(np.float32)
    labels = np.array([0] * 40 + [1] * 40 + [0] * 40)
    numbers = np.concatenate([np.arange(80), 100 + np.arange(40)])  # held-out: two blocks of 20
    held_rows = np.arange(80, 120)
    validation_booster = refit_booster(embeddings, labels, list(range(80)), 2, seed=1)
    check = neighbour_check(embeddings, labels, list(range(80)), held_rows, held_rows, numbers, 20,
                            validation_booster, 2, seed=1, temperature=1.0)
    assert check["images"] == 40
    assert 0.0 <= check["ece_with_other_half"] <= 0.2
    assert check["accuracy_without"] < 0.2
    assert check["accuracy_with_other_half"] > 0.9
