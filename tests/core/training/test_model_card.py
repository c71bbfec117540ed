"""The model card's microscope-scale section: which rule the network was trained under, and issue 15's targets."""

from xincept_desktop.core.training.model_card import _scale_lines, scale_targets


def _cell(accuracy, coverage, silent):
    figures = {"n": 100, "accuracy": accuracy, "coverage": coverage, "silent_errors": silent, "mean_tiles": 1.0,
               "median_scale": 1.0, "per_class_accuracy": {}}
    return {"before": figures, "after": figures}


def _scale(trained_at_scale):
    return {"reference": {"images": 10, "red_cell_px": 17.0, "training_spread": [0.7, 1.5], "band": [0.91, 1.1],
                          "trained_at_scale": trained_at_scale},
            "spread_by_class": {}, "tracking": {},
            "table": {"as trained": _cell(0.98, 0.97, 0.008), "2x": _cell(0.97, 0.92, 0.009),
                      "0.5x": _cell(0.95, 0.85, 0.02)}}


def test_each_field_is_held_to_the_targets_against_the_images_as_trained():
    verdicts = scale_targets(_scale(True)["table"])
    assert verdicts["2x"]["gap_met"] and verdicts["2x"]["silent_met"] and verdicts["2x"]["coverage_met"]
    assert not verdicts["0.5x"]["gap_met"]  # 3 points below
    assert not verdicts["0.5x"]["silent_met"] and not verdicts["0.5x"]["coverage_met"]


def test_the_card_says_how_the_network_met_the_training_scale():
    at_scale = "\n".join(_scale_lines(_scale(True)))
    as_photographed = "\n".join(_scale_lines(_scale(False)))
    assert "trained on views brought to this scale" in at_scale and "read as photographed" not in at_scale
    assert "read as photographed" in as_photographed
    assert "| 0.5x | 3.0 points below (**not met**) | 2.00 % (**not met**) | 85.00 % (**not met**) |" in at_scale
    assert "| 2x | 1.0 points below (met) | 0.90 % (met) | 92.00 % (met) |" in at_scale


def test_the_headline_is_what_the_app_reads_and_the_cached_figure_is_named_beside_it():
    import json
    from pathlib import Path

    from xincept_desktop.core.training.model_card import render_markdown

    card = json.loads((Path(__file__).parents[3] / "models" / "xincept-all" / "model_card.json").read_text())
    metrics = card["metrics"]
    metrics["validation"] = {**metrics["validation"], "accuracy": 0.5, "macro_f1": 0.5}
    metrics["bundle_validation"] = {**metrics["validation"], "accuracy": 0.75, "macro_f1": 0.7}
    text = render_markdown(card)
    assert "Accuracy 75.00 %, macro-F1 0.7000, n = " in text and "read as the app reads them" in text
    assert "cached centre input, which the robustness table below uses: accuracy 50.00 %" in text
    assert "| none | - | 50.00 % | 0.5000 |" in text
    del metrics["bundle_validation"]  # a card from before the pipeline check: the cached figures are the headline
    assert "Accuracy 50.00 %, macro-F1 0.5000, n = " in render_markdown(card)


def test_a_card_read_back_from_json_lists_the_fields_as_measured():
    import json

    scale = json.loads(json.dumps(_scale(True), sort_keys=True))  # model_card.json keeps its keys sorted
    text = "\n".join(_scale_lines(scale))
    first = [line.split(" | ")[0] for line in text.splitlines() if line.startswith("| ") and " | 100 | " in line]
    assert first == ["| as trained", "| 2x", "| 0.5x"]


def test_the_magnified_field_floor_table_shows_silent_errors_with_and_without_it():
    scale = _scale(True)
    for cell in scale["table"].values():
        cell["after"] = {**cell["after"], "silent_errors_without_small_field_floor": 0.04,
                         "coverage_without_small_field_floor": 0.95}
    text = "\n".join(_scale_lines(scale))
    from xincept_desktop.core.scale.small_field import SMALL_FIELD_MIN_CONFIDENCE

    assert f"only from {SMALL_FIELD_MIN_CONFIDENCE:.0%} confidence on" in text and "read four ways" in text
    assert "| 2x | 4.00% -> 0.90% | 95.0% -> 92.0% |" in text
    assert "without it" not in "\n".join(_scale_lines(_scale(True)))  # a table measured before the floor


def test_the_shipped_card_is_what_its_json_renders():
    """Sections added after training (levers, ensembles, agreement) are rendered from ``model_card.json`` in the place
    ``put_section`` gave them, so the Markdown and the JSON never disagree."""
    import json
    from pathlib import Path

    from xincept_desktop.core.training.model_card import render_markdown

    bundle = Path(__file__).parents[3] / "models" / "xincept-all"
    card = json.loads((bundle / "model_card.json").read_text())
    assert render_markdown(card) == (bundle / "MODEL_CARD.md").read_text()


def test_a_section_added_after_training_re_renders_the_whole_card_and_its_manifest(tmp_path):
    """The targets read the lever study's figures: a lever section written later must not leave them stale."""
    import json
    from pathlib import Path

    from xincept_desktop.core.hashing import sha256_file
    from xincept_desktop.core.model.bundle import Manifest, write_manifest
    from xincept_desktop.core.training.model_card import render_markdown, rerender_card

    shipped = Path(__file__).parents[3] / "models" / "xincept-all" / "model_card.json"
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    card = json.loads(shipped.read_text())
    card["metrics"]["levers"]["summary"]["single pass"]["accuracy"]["mean"] = 0.995
    (bundle / "model_card.json").write_text(json.dumps(card))
    (bundle / "MODEL_CARD.md").write_text("stale\n")
    write_manifest(bundle, Manifest(name="t", version="0", classes=["a"], input_size=75, preprocessing="test",
                                    fusion_channels=8, backbone_weights={}))
    rerender_card(bundle)
    text = (bundle / "MODEL_CARD.md").read_text()
    assert text == render_markdown(card) and "| accuracy >= 99.0 % | 98.98 % | **not met** | 99.50 +- 0.16 % | met |" in text
    assert json.loads((bundle / "manifest.json").read_text())["files"]["MODEL_CARD.md"] == sha256_file(
        bundle / "MODEL_CARD.md"), "the manifest hashes the re-rendered card"
