"""Site adaptation on the tiny test bundle: a complete adapted bundle with provenance, or a clear refusal and
nothing written (missing class, too few images, unreadable file, unknown label, existing destination)."""

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from tests.tiny_bundle import INPUT_SIZE
from tests.tiny_site import tiny_lab, tiny_parent
from xincept_desktop.core.adaptation.adapt import AdaptRequest, adapt
from xincept_desktop.core.model.bundle import read_manifest, verify_bundle
from xincept_desktop.core.model.predictor import XInceptModel
from xincept_desktop.core.verification.data import LabDataError


@pytest.fixture(scope="module")
def parent(tiny_bundle, tmp_path_factory):
    """The tiny bundle with training features, loaded."""
    return XInceptModel.load(tiny_parent(tiny_bundle, tmp_path_factory.mktemp("parent") / "tiny"))


def _nothing_written(out: Path) -> bool:
    return not out.exists() and not [p for p in out.parent.iterdir() if p.name.startswith(f".{out.name}")]


def test_adapted_bundle_has_provenance_and_loads(parent, tmp_path):
    out = tmp_path / "models" / "site"
    out.parent.mkdir()
    outcome = adapt(parent, AdaptRequest(tiny_lab(tmp_path / "lab"), out, name="Lab B"))
    manifest = verify_bundle(out)
    assert manifest.adapted and manifest.parent_hash == parent.manifest.short_hash
    assert manifest.site == "Lab B" and manifest.adapted_from == "tiny-test 0"
    assert set(read_manifest(parent.folder).files) <= set(manifest.files)  # every parent file is carried over
    assert "parent_hash" not in json.loads((parent.folder / "manifest.json").read_text()), \
        "a bundle that is not adapted keeps the manifest older versions read"
    assert (out / "fusion.weights.h5").read_bytes() == (parent.folder / "fusion.weights.h5").read_bytes()
    provenance = json.loads((out / "adaptation.json").read_text())
    assert provenance["parent"]["hash"] == parent.manifest.short_hash
    assert provenance["lab"]["images"] == 120 and provenance["lab"]["held_out_images"] == 40  # one block of 10 in 3
    assert set(provenance["held_out"]) == {"before", "after"} == set(outcome.provenance["held_out"])
    assert "## Site adaptation: Lab B" in (out / "MODEL_CARD.md").read_text()
    adapted = XInceptModel.load(out)
    assert adapted.detector.site_backbone is not None and len(adapted.detector.fused.class_means) == 8
    assert adapted.predict_batch(np.zeros((1, INPUT_SIZE, INPUT_SIZE, 3), np.uint8)).probabilities.shape == (1, 4)
    assert _nothing_written(tmp_path / "models" / "other")


@pytest.mark.parametrize("case,message", [
    ("missing_class", "class Pro has no images"),
    ("too_few", "too few images to adapt: Early has 19"),
    ("unreadable", "could not be read.*lab-Pre-005.png"),
    ("unknown_label", "unknown label folder.*Blasts"),
])
def test_bad_lab_data_is_refused_and_nothing_is_written(parent, tmp_path, case, message):
    lab = tiny_lab(tmp_path / "lab", skip=("Pro",) if case == "missing_class" else ())
    if case == "too_few":
        for path in sorted((lab / "Early").iterdir())[19:]:
            path.unlink()
    elif case == "unreadable":
        (lab / "Pre" / "lab-Pre-005.png").write_bytes(b"not an image at all")
    elif case == "unknown_label":
        shutil.copytree(lab / "Pre", lab / "Blasts")
    out = tmp_path / "site"
    with pytest.raises(LabDataError, match=message):
        adapt(parent, AdaptRequest(lab, out))
    assert _nothing_written(out)


def test_existing_destination_and_missing_training_features_are_refused(parent, tiny_bundle, tmp_path):
    lab = tiny_lab(tmp_path / "lab")
    (tmp_path / "taken").mkdir()
    with pytest.raises(LabDataError, match="already exists"):
        adapt(parent, AdaptRequest(lab, tmp_path / "taken"))
    with pytest.raises(LabDataError, match="training features.*xincept training-features"):
        adapt(XInceptModel.load(tiny_bundle), AdaptRequest(lab, tmp_path / "site"))
    assert _nothing_written(tmp_path / "site")


def test_a_class_in_one_block_only_is_refused(parent, tmp_path):
    lab = tiny_lab(tmp_path / "lab", per_class=30)
    for path in sorted((lab / "Pro").iterdir()):  # renumber Pro into one block of 10 consecutive numbers
        path.rename(path.with_name(path.stem.replace("lab-Pro-0", "lab-Pro-1") + "x.png"))
    for index, path in enumerate(sorted((lab / "Pro").iterdir())):
        path.rename(path.with_name(f"shot-{(index % 10):02d}{chr(97 + index // 10)}.png"))
    with pytest.raises(LabDataError, match="class Pro's images form a single block"):
        adapt(parent, AdaptRequest(lab, tmp_path / "site"))
