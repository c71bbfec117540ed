"""View levers: which extra views are added, how the two caches are read as one, the decision over splits."""

import json

import numpy as np
import pytest

from xincept_desktop.config import CLASS_NAMES
from xincept_desktop.core.training.augment import PERTURBATIONS
from xincept_desktop.core.training.dataset import LabelledImage
from xincept_desktop.core.training.cached_rows import RowsOf
from xincept_desktop.core.training.view_levers import VIEW_LEVERS, extra_rows


def _items(labels):
    return [LabelledImage(path=None, label=label, number=index) for index, label in enumerate(labels)]


def test_benign_hard_adds_four_views_of_benign_training_images_only():
    items = _items([0, 1, 0, 2, 3, 0])
    rows = extra_rows(items, [0, 1, 2, 3, 4], VIEW_LEVERS["benign-hard"], first_view=5)
    assert [(r.image, r.view) for r in rows[:3]] == [(0, "aug5"), (2, "aug5"), (0, "aug6")]
    assert len(rows) == 8 and {r.image for r in rows} == {0, 2}  # image 5 is not a training image
    assert [r.view for r in rows] == sorted(r.view for r in rows)  # grouped by view, as extraction batches them


def test_more_views_adds_two_views_of_every_training_image():
    rows = extra_rows(_items([0, 1, 2, 3]), [0, 1, 2, 3], VIEW_LEVERS["more-views"], first_view=5)
    assert len(rows) == 8 and {r.view for r in rows} == {"aug5", "aug6"}


def test_the_harder_lever_names_its_own_augmentation_so_its_views_never_mix_with_the_shipped_ones():
    assert VIEW_LEVERS["benign-hard"].augmentation != VIEW_LEVERS["more-views"].augmentation


@pytest.mark.parametrize("rows", [[1, 3, 10, 13], [12, 2, 2, 0], [11]])
def test_rows_of_two_caches_read_like_one_array(rows):
    first = np.arange(20, dtype=np.float16).reshape(10, 2)
    second = 100 + np.arange(8, dtype=np.float16).reshape(4, 2)
    both = RowsOf(first, second)
    assert both.shape == (14, 2) and len(both) == 14
    assert np.array_equal(both[np.array(rows)], np.concatenate([first, second])[rows])


def _entry(accuracy, stain_benign=0.9):
    perturbations = {name: {"accuracy": accuracy - 0.02, "recall": {c: accuracy for c in CLASS_NAMES}}
                     for name in PERTURBATIONS}
    perturbations["stain"]["recall"]["Benign"] = stain_benign
    return {"accuracy": accuracy, "macro_f1": accuracy, "recall": {c: accuracy for c in CLASS_NAMES}, "ece": 0.01,
            "errors": 3, "perturbations": perturbations}


def _report(lever, fold, single, with_lever, stain_benign=0.95):
    return {"lever": lever, "fold": fold, "description": f"{lever} views", "extra_views": 100,
            "figures": {"single": _entry(single, 0.9), lever: _entry(with_lever, stain_benign)},
            "seconds": {"single": 1.0, lever: 600.0}, "command": f"xincept view-lever --fold {fold}"}


def test_a_lever_is_kept_only_by_its_mean_gain_and_losing_on_no_split():
    from xincept_desktop.core.training.view_lever_summary import card_lines, summarise_reports

    figures = summarise_reports([_report("benign-hard", 0, 0.980, 0.985), _report("benign-hard", 2, 0.990, 0.993),
                                 _report("benign-hard", 1, 0.985, 0.986),
                                 _report("more-views", 0, 0.980, 0.990), _report("more-views", 1, 0.985, 0.983)])
    hard, more = figures["levers"]["benign-hard"], figures["levers"]["more-views"]
    assert hard["folds"] == [0, 1, 2] and hard["decision"].startswith("kept: +0.30 points")
    assert more["decision"].startswith("dropped")  # loses on split 1
    assert hard["lever"]["stain_benign_recall"]["mean"] == pytest.approx(0.95)
    text = "\n".join(card_lines(figures))
    assert "## Training-side levers: harder views, stain normalisation, fine-tuning, measured over split offsets" in text
    assert "| benign-hard | 0, 1, 2 | 98.80 +- 0.44 |" in text and "100/100/100 extra views per split; trunk, head and XGBoost 10.0/10.0/10.0 min per split" in text


def test_the_command_summarises_reports_and_refuses_two_of_one_lever_and_split(tmp_path, capsys):
    from xincept_desktop.cli import main

    paths = []
    for fold in (0, 1, 1):
        paths.append(tmp_path / f"r{len(paths)}.json")
        paths[-1].write_text(json.dumps(_report("benign-hard", fold, 0.98, 0.99)))
    assert main(["view-lever", "--summarise", *map(str, paths[:2])]) == 0
    assert "kept: +1.00 points" in capsys.readouterr().out
    assert main(["view-lever", "--summarise", *map(str, paths)]) == 3
    assert "same lever on the same split" in capsys.readouterr().err
    assert main(["view-lever", "--fold", "1", "--lever", "benign-hard"]) == 2


def test_the_parser_offers_every_lever_the_studies_know():
    from xincept_desktop.cli_view_lever import LEVER_NAMES
    from xincept_desktop.core.training.finetune_lever import SCHEDULES
    from xincept_desktop.core.training.stain_normalisation import METHODS

    assert set(LEVER_NAMES) == set(VIEW_LEVERS) | {f"stain-{method}" for method in METHODS} | set(SCHEDULES)


def test_a_stain_report_is_summarised_against_its_own_reference_arm():
    from xincept_desktop.core.training.view_lever_summary import card_lines, summarise_reports

    def report(fold, alone, normalised):
        return {"lever": "stain-reinhard", "fold": fold, "lever_arm": "normalised (reinhard)",
                "reference_arm": "augmentation alone", "reference_label": "stain augmentation alone (1 view)",
                "description": "Reinhard at input", "cost": "6819 views through the backbones again per split",
                "figures": {"augmentation alone": _entry(alone), "normalised (reinhard)": _entry(normalised)},
                "seconds": {"augmentation alone": 60.0, "normalised (reinhard)": 120.0}}

    figures = summarise_reports([report(0, 0.98, 0.97), report(1, 0.99, 0.985), report(2, 0.985, 0.99)])
    lever = figures["levers"]["stain-reinhard"]
    assert lever["decision"].startswith("dropped: -0.33 points")
    text = "\n".join(card_lines(figures))
    assert "| stain augmentation alone (1 view) | 0, 1, 2 | 98.50 +- 0.50 |" in text
    assert "6819 views through the backbones again per split; trunk, head and XGBoost 2.0/2.0/2.0 min" in text


def test_a_summary_read_back_from_sorted_json_keeps_the_levers_in_their_order():
    from xincept_desktop.core.training.view_lever_summary import card_lines, summarise_reports

    reports = [_report("stain-x", fold, 0.98, 0.99) for fold in range(3)]
    reports += [_report("benign-hard", fold, 0.98, 0.99) for fold in range(3)]
    figures = summarise_reports(reports)
    text = "\n".join(card_lines(json.loads(json.dumps(figures, sort_keys=True))))
    assert text.index("| stain-x | 0, 1, 2") < text.index("| benign-hard | 0, 1, 2")


def test_a_reference_arm_shared_by_two_levers_is_printed_once():
    from xincept_desktop.core.training.view_lever_summary import card_lines, summarise_reports

    reports = [_report(lever, fold, 0.98, 0.99) for lever in ("more-views", "benign-hard") for fold in range(3)]
    text = "\n".join(card_lines(summarise_reports(reports)))
    reference = [line for line in text.splitlines() if line.startswith("| ") and "0, 1, 2" in line
                 and "more-views" not in line and "benign-hard" not in line]
    assert len(reference) == 1, reference
    assert "| more-views | 0, 1, 2" in text and "| benign-hard | 0, 1, 2" in text
