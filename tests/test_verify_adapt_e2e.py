"""End to end on a simulated other laboratory: verify the shipped model, adapt it on part of the lab's images,
verify again on the rest, and show the gain; another laboratory's images are still flagged afterwards.

Lab B and lab C are the shared images under fixed stain/camera changes (``tests/site_lab.py``), written under a
temporary folder. The sets are kept apart by acquisition number (near-duplicates sit 1-4 numbers apart): lab B
adapts on each class's first 40 images and is verified on images 300-314 of each class. The shipped model was
trained on every shared image, so this measures the change of stain and camera, not new patients.
"""

import json

import numpy as np
import pytest

from tests.site_lab import lab_b, lab_c, make_lab
from xincept_desktop.config import REPO_DIR

pytestmark = [pytest.mark.real_model, pytest.mark.slow]
BUNDLE = REPO_DIR / "models" / "xincept-all"


@pytest.fixture(scope="module")
def labs(shared_data, tmp_path_factory):
    root = tmp_path_factory.mktemp("labs")
    source = shared_data / "Original"
    return {"adapt": make_lab(source, root / "b-adapt", lab_b, lambda files: files[:40]),
            "verify": make_lab(source, root / "b-verify", lab_b, lambda files: files[300:315]),
            "other": make_lab(source, root / "c", lab_c, lambda files: files[400:405]),
            "root": root}


def _study(model, data, out):
    from xincept_desktop.core.verification.data import read_lab_data
    from xincept_desktop.core.verification.files import save_study
    from xincept_desktop.core.verification.study import StudySettings, run_study

    study = run_study(model, read_lab_data(data, model.classes), StudySettings(str(data), "e2e test", 0.95))
    save_study(study, out)
    return json.loads((out / "verification.json").read_text())


def test_verify_adapt_verify_shows_the_gain(labs):
    from xincept_desktop.core.adaptation.adapt import AdaptRequest, adapt
    from xincept_desktop.core.model.predictor import XInceptModel

    root = labs["root"]
    parent = XInceptModel.load(BUNDLE)
    before = _study(parent, labs["verify"], root / "before")
    other_before = _study(parent, labs["other"], root / "other-before")
    for key in ("n", "accuracy", "accuracy_ci", "kappa", "kappa_ci", "per_class", "confusion", "ece", "ood_rate",
                "model", "passed"):
        assert key in before
    assert before["n"] == 60 and sum(map(sum, before["confusion"])) == 60
    assert set(before["per_class"]["Pro"]) >= {"sensitivity", "sensitivity_ci", "specificity", "specificity_ci", "n"}
    assert (root / "before" / "verification.pdf").read_bytes()[:5] == b"%PDF-"

    outcome = adapt(parent, AdaptRequest(labs["adapt"], root / "adapted", "Lab B"))
    held_out = outcome.provenance["held_out"]
    assert held_out["after"]["accuracy"] >= held_out["before"]["accuracy"]
    adapted = XInceptModel.load(root / "adapted")
    assert adapted.manifest.parent_hash == parent.manifest.short_hash
    after = _study(adapted, labs["verify"], root / "after")
    other_after = _study(adapted, labs["other"], root / "other-after")
    assert after["model"]["adapted"] and after["model"]["parent_hash"] == parent.manifest.short_hash

    print(f"lab B, {after['n']} images never used in adapting: agreement {before['accuracy']:.3f} -> "
          f"{after['accuracy']:.3f}, flagged {before['ood_rate']:.3f} -> {after['ood_rate']:.3f}; lab C flagged "
          f"{other_before['ood_rate']:.3f} -> {other_after['ood_rate']:.3f}")
    assert after["accuracy"] >= before["accuracy"], "adapting to lab B must not cost agreement on its other images"
    assert after["accuracy"] > before["accuracy"] or after["ood_rate"] < before["ood_rate"], \
        "adapting to lab B must help on its other images: more agreement, or fewer of them flagged"
    assert after["passed"], "the adapted model meets the 95 % criterion on lab B's other images"
    assert after["ood_rate"] <= min(before["ood_rate"], 0.05), "lab B's own images are no longer flagged"
    assert other_after["ood_rate"] >= 0.5 and other_after["ood_rate"] >= other_before["ood_rate"] - 0.1, \
        "another laboratory's images are still flagged"
    assert np.isfinite(after["ece"])
