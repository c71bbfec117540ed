"""Issue 20's targets read from a card's figures: this split, the mean over split offsets, and the verdicts."""

import json
from pathlib import Path

import pytest

from xincept_desktop.core.training.model_targets import Target, target_lines, target_rows


def _report(accuracy, benign, early=0.99):
    return {"accuracy": accuracy, "macro_f1": accuracy, "n": 100,
            "per_class": {name: {"recall": value} for name, value in
                          (("Benign", benign), ("Early", early), ("Pre", 1.0), ("Pro", 1.0))}}


def _split(accuracy, blur_accuracy, blur_benign):
    return {"single pass": {"accuracy": accuracy, "perturbations": {
        "blur": {"accuracy": blur_accuracy, "benign_recall": blur_benign}}}}


def _metrics(with_levers=True):
    metrics = {"validation": _report(0.992, 1.0), "calibration": {"ece": 0.03},
               "perturbations": {"blur": {"accuracy": 0.99, "macro_f1": 0.99, "recall": {"Benign": 0.96}}}}
    if with_levers:
        metrics["levers"] = {
            "offsets": [0, 1, 2],
            "summary": {"single pass": {"accuracy": {"mean": 0.985, "sd": 0.005, "n": 3}}},
            "per_bundle": {"offset 0": _split(0.99, 0.99, 1.0), "offset 1": _split(0.98, 0.98, 0.95),
                           "offset 2": _split(0.985, 0.97, 0.96)}}
    return metrics


def test_a_target_is_met_at_its_bound_from_the_right_side():
    at_least, at_most = Target("x >= 0.99", 0.99), Target("ECE <= 0.02", 0.02, at_least=False)
    assert at_least.met(0.99) and not at_least.met(0.9899) and at_least.met(None) is None
    assert at_most.met(0.02) and not at_most.met(0.021)


def test_each_target_is_read_from_this_split_and_averaged_over_the_splits():
    rows = {row.target.words: row for row in target_rows(_metrics())}
    assert rows["accuracy >= 99.0 %"].here == 0.992
    assert rows["accuracy >= 99.0 %"].over_splits == (0.985, 0.005, 3)
    blur = rows["under blur: accuracy >= 98.5 %"]
    assert blur.here == 0.99 and blur.over_splits[0] == pytest.approx(0.98) and blur.over_splits[2] == 3
    assert rows["under blur: Benign recall >= 97 %"].here == 0.96
    assert rows["ECE <= 0.02"].over_splits is None, "the summary has no ECE here: not measured, not invented"


def test_the_table_says_met_and_not_met_per_column_and_counts_what_is_missing():
    text = "\n".join(target_lines(_metrics()))
    assert "| accuracy >= 99.0 % | 99.20 % | met | 98.50 +- 0.50 % | **not met** |" in text
    assert "| under blur: Benign recall >= 97 % | 96.00 % | **not met** | 97.00 +- 2.65 % | met |" in text
    assert "| ECE <= 0.02 | 0.0300 | **not met** | - | not measured |" in text
    assert "targets not met on this split" in text


def test_without_the_lever_study_only_this_split_is_judged():
    text = "\n".join(target_lines(_metrics(with_levers=False)))
    assert "| accuracy >= 99.0 % | 99.20 % | met | - | not measured |" in text


def test_training_time_is_judged_against_two_hours():
    metrics = _metrics()
    metrics["cold_training"] = {"machine": "2 cores", "runs": [{"command": "xincept train --fold 1", "seconds": 3000,
                                                                 "views": 13000}]}
    assert "Target <= 2 h: met" in "\n".join(target_lines(metrics))
    metrics["cold_training"]["runs"].append({"command": "xincept train --fold 2", "seconds": 7300, "views": 13000})
    assert "Target <= 2 h: **not met**" in "\n".join(target_lines(metrics))


def test_the_shipped_card_has_its_targets_section():
    card = json.loads((Path(__file__).parents[3] / "models" / "xincept-all" / "model_card.json").read_text())
    text = "\n".join(target_lines(card["metrics"]))
    assert "## Targets (issue 20)" in text and "| ECE <= 0.02 |" in text
