"""``xincept agreement``'s comparison: what counts as agreeing, and the model card section it writes."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np

from xincept_desktop.core.model.agreement import Agreement, agreement_lines, correlation, write_to_card
from xincept_desktop.core.pipeline import ImageResult

CLASSES = ("Benign", "Early", "Pre", "Pro")


def result(name: str, probabilities, in_domain=True, cam_noise=0.0, seed=0) -> ImageResult:
    rng = np.random.default_rng(seed)
    base = np.random.default_rng(1).uniform(size=(4, 28, 28))
    cams = {m: np.clip(base + cam_noise * rng.normal(size=base.shape), 0, None) for m in ("gradcam", "gradcam++")}
    probabilities = dict(zip(CLASSES, probabilities))
    label = max(probabilities, key=probabilities.get)
    return ImageResult(Path(name), label=label, confidence=probabilities[label], probabilities=probabilities,
                       in_domain=in_domain, ood_score=0.5, ood_threshold=1.0, cams=cams, explained_class=label)


def test_correlation_of_flat_and_varying_maps():
    ramp = np.arange(16.0).reshape(4, 4)
    assert correlation(ramp, 2 * ramp + 1) == 1.0
    assert correlation(np.zeros((4, 4)), np.zeros((4, 4))) == 1.0
    assert correlation(np.zeros((4, 4)), ramp) == 0.0


def test_identical_results_pass_and_each_kind_of_difference_fails():
    same = Agreement()
    same.add(result("a", [0.1, 0.2, 0.3, 0.4]), result("a", [0.1, 0.2, 0.3, 0.4]))
    assert same.passed and same.max_probability_difference == 0.0 and same.min_heat_map_correlation > 1 - 1e-12

    label = Agreement()
    label.add(result("b", [0.1, 0.2, 0.36, 0.34]), result("b", [0.1, 0.2, 0.34, 0.36]))
    assert label.label_mismatches == ["b"] and not label.passed

    domain = Agreement()
    domain.add(result("c", [0.1, 0.2, 0.3, 0.4]), result("c", [0.1, 0.2, 0.3, 0.4], in_domain=False))
    assert domain.domain_mismatches == ["c"] and not domain.passed

    probability = Agreement()
    probability.add(result("d", [0.1, 0.2, 0.3, 0.4]), result("d", [0.1, 0.2, 0.294, 0.406]))
    assert not probability.passed and abs(probability.max_probability_difference - 0.006) < 1e-9

    maps = Agreement()
    maps.add(result("e", [0.1, 0.2, 0.3, 0.4]), result("e", [0.1, 0.2, 0.3, 0.4], cam_noise=0.5, seed=3))
    assert maps.min_heat_map_correlation < 0.99 and not maps.passed and maps.worst_heat_map.startswith("e ")

    failed = Agreement()
    failed.add(ImageResult(Path("f"), error="unreadable"), result("f", [0.1, 0.2, 0.3, 0.4]))
    assert failed.error_mismatches == ["f"] and not failed.passed


def test_the_card_section_is_written_once_and_the_manifest_rewritten(tiny_bundle, tmp_path):
    from xincept_desktop.core.model.bundle import verify_bundle

    bundle = tmp_path / "bundle"
    shutil.copytree(tiny_bundle, bundle)
    (bundle / "MODEL_CARD.md").write_text("# Card\n\n## Intended use\n\nDecision support.\n")
    from xincept_desktop.core.model.bundle import read_manifest, write_manifest

    write_manifest(bundle, read_manifest(bundle))
    before = verify_bundle(bundle).short_hash
    agreement = Agreement()
    agreement.add(result("a", [0.1, 0.2, 0.3, 0.4]), result("a", [0.1, 0.2, 0.3, 0.4]))
    figures = {**agreement.as_dict(), "run": {"runtime": "OpenVINO", "data": "data", "command": "xincept agreement"}}
    write_to_card(bundle, figures)
    write_to_card(bundle, figures)  # a second run replaces the section
    text = (bundle / "MODEL_CARD.md").read_text()
    assert text.count("## Inference runtime agreement") == 1
    assert text.index("## Inference runtime agreement") < text.index("## Intended use")
    assert "| identical labels | 1 of 1 | all | met |" in text
    assert verify_bundle(bundle).short_hash != before  # every file still matches its (rewritten) manifest hash
    assert agreement_lines(None) == []
