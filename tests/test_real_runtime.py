"""A sample of the runtime-versus-reference agreement on real images (the full 2,770 are on the model card,
``xincept agreement``): identical labels and out-of-domain decisions, |p difference| <= 0.005, heat maps >= 0.99."""

from __future__ import annotations

import pytest

from tests.conftest import REPO

BUNDLE = REPO / "models" / "xincept-all"
pytestmark = [pytest.mark.real_model, pytest.mark.slow]


def test_a_sample_of_real_images_agrees_with_the_tensorflow_reference(shared_data):
    from xincept_desktop.core.imaging import scan_paths
    from xincept_desktop.core.model.agreement import Agreement
    from xincept_desktop.core.model.predictor import XInceptModel
    from xincept_desktop.core.model.runtime import RuntimeModel
    from xincept_desktop.core.pipeline import analyse

    files = sorted(scan_paths([shared_data / "Original"]).files)
    sample = files[:: len(files) // 24][:24]
    runtime = RuntimeModel.load(BUNDLE)
    reference = XInceptModel.load(BUNDLE)
    agreement = Agreement()
    for ours, theirs in zip(analyse(sample, runtime), analyse(sample, reference)):
        agreement.add(theirs, ours)
    assert agreement.images == 24 and agreement.failed == 0
    assert agreement.passed, agreement.as_dict()
