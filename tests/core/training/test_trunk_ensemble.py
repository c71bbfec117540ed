"""The trunk-ensemble lever: member 0 is the split's own run, members are averaged after their own calibration."""

import numpy as np

from xincept_desktop.core.model.calibration import fit_temperature, softmax
from xincept_desktop.core.training.augment import PERTURBATIONS
from xincept_desktop.core.training.trunk_ensemble import (cross_fitted, ensemble_probabilities, member_seeds,
                                                          score_members)


def test_member_zero_keeps_the_runs_own_seed():
    assert member_seeds(7, 3) == [7, 8, 9]


def test_the_ensemble_is_the_mean_of_its_members():
    a = np.array([[0.9, 0.1], [0.2, 0.8]])
    b = np.array([[0.5, 0.5], [0.6, 0.4]])
    assert np.allclose(ensemble_probabilities([a, b]), [[0.7, 0.3], [0.4, 0.6]])


def _logits(rng, labels, strength):
    logits = rng.normal(0, 1, (len(labels), 4))
    logits[np.arange(len(labels)), labels] += strength
    return logits


def test_one_member_cross_fitted_is_that_member_with_the_other_halfs_temperature():
    rng = np.random.default_rng(0)
    labels = rng.integers(0, 4, 80)
    halves = np.arange(80) % 2
    logits = _logits(rng, labels, 3.0)
    probabilities = cross_fitted([logits], labels, halves)
    temperature = fit_temperature(logits[halves == 1], labels[halves == 1])
    assert np.allclose(probabilities[halves == 0], softmax(logits[halves == 0], temperature))
    assert np.allclose(probabilities.sum(axis=1), 1.0)


def test_members_that_err_on_different_rows_outvote_each_other():
    rng = np.random.default_rng(1)
    labels = rng.integers(0, 4, 60)
    halves = np.arange(60) % 2
    members = []
    for member in range(3):
        logits = _logits(rng, labels, 4.0)
        wrong = np.arange(member * 5, member * 5 + 5)  # each member errs confidently on its own five rows
        logits[wrong, labels[wrong]] -= 8.0
        entry = {"validation": logits}
        entry.update({name: softmax(logits) for name in PERTURBATIONS})
        members.append(entry)
    scored = score_members(members, {"validation": labels, **{name: labels for name in PERTURBATIONS}}, halves)
    assert set(scored) == {"1", "2", "3"}
    assert scored["1"]["errors"] >= 5
    assert scored["3"]["errors"] < scored["1"]["errors"]
    assert scored["3"]["perturbations"]["jpeg"]["accuracy"] > scored["1"]["perturbations"]["jpeg"]["accuracy"]
    assert scored["3"]["macro_f1"] > scored["1"]["macro_f1"] and 0.0 <= scored["3"]["ece"] <= 1.0


def _report(fold, accuracies):
    from xincept_desktop.config import CLASS_NAMES

    def entry(accuracy):
        return {"accuracy": accuracy, "macro_f1": accuracy - 0.001, "recall": {name: accuracy for name in CLASS_NAMES},
                "ece": 0.01, "errors": 3, "perturbations": {name: {"accuracy": accuracy - 0.01} for name in PERTURBATIONS}}
    return {"fold": fold, "members": {str(k + 1): entry(a) for k, a in enumerate(accuracies)},
            "member_seconds": [60.0] * len(accuracies), "command": f"xincept trunk-ensemble --fold {fold}"}


def test_an_ensemble_is_kept_only_by_its_mean_gain_and_losing_on_no_split():
    from xincept_desktop.core.training.trunk_ensemble_summary import card_lines, summarise_reports

    figures = summarise_reports([_report(0, [0.980, 0.984, 0.985]), _report(1, [0.985, 0.988, 0.986]),
                                 _report(2, [0.990, 0.9895, 0.994])])
    assert figures["decisions"]["2"].startswith("dropped")  # loses on split 2
    assert figures["decisions"]["3"].startswith("kept")  # +0.50, +0.10, +0.40
    assert figures["summary"]["3"]["accuracy"]["mean"] == np.mean([0.985, 0.986, 0.994])
    text = "\n".join(card_lines(figures))
    assert "## Trunk ensemble, measured over split offsets" in text and "| 3 | kept: +0.33 points" in text


def test_the_command_summarises_reports_and_refuses_two_of_one_split(tmp_path, capsys):
    import json

    from xincept_desktop.cli import main

    paths = []
    for fold in (0, 1, 1):
        paths.append(tmp_path / f"r{len(paths)}.json")
        paths[-1].write_text(json.dumps(_report(fold, [0.98, 0.99])))
    assert main(["trunk-ensemble", "--summarise", *map(str, paths[:2])]) == 0
    assert "| 2 | kept: +1.00 points" in capsys.readouterr().out
    assert main(["trunk-ensemble", "--summarise", *map(str, paths)]) == 3
    assert "same split offset" in capsys.readouterr().err
    assert main(["trunk-ensemble", "--fold", "1"]) == 2
