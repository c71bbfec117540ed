"""Bundles are hash-checked file by file and refuse with a message naming the file."""

import json
import shutil

import pytest

from xincept_desktop.core.model.bundle import MANIFEST, verify_bundle
from xincept_desktop.core.model.predictor import XInceptModel
from xincept_desktop.errors import ModelIntegrityError


@pytest.fixture
def bundle_copy(tiny_bundle, tmp_path):
    target = tmp_path / "bundle"
    shutil.copytree(tiny_bundle, target)
    return target


def test_intact_bundle_verifies(tiny_bundle):
    manifest = verify_bundle(tiny_bundle)
    assert manifest.classes == ["Benign", "Early", "Pre", "Pro"]
    assert set(manifest.files) >= {"fusion.weights.h5", "xgboost.ubj", "calibration.json", "ood.npz"}


@pytest.mark.parametrize("name", ["fusion.weights.h5", "xgboost.ubj", "calibration.json", "ood.npz"])
def test_flipped_byte_refused_naming_the_file(bundle_copy, name):
    path = bundle_copy / name
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(ModelIntegrityError, match=name):
        XInceptModel.load(bundle_copy)


def test_missing_file_refused(bundle_copy):
    (bundle_copy / "ood.npz").unlink()
    with pytest.raises(ModelIntegrityError, match="missing.*ood.npz"):
        verify_bundle(bundle_copy)


def test_damaged_manifest_refused(bundle_copy):
    (bundle_copy / MANIFEST).write_text("{not json")
    with pytest.raises(ModelIntegrityError, match="manifest is damaged"):
        verify_bundle(bundle_copy)


def test_manifest_cannot_point_outside_the_bundle(bundle_copy):
    manifest = json.loads((bundle_copy / MANIFEST).read_text())
    manifest["files"]["../escape"] = "0" * 64
    (bundle_copy / MANIFEST).write_text(json.dumps(manifest))
    with pytest.raises(ModelIntegrityError, match="outside the bundle"):
        verify_bundle(bundle_copy)


def test_missing_folder_refused(tmp_path):
    with pytest.raises(ModelIntegrityError, match="not found"):
        verify_bundle(tmp_path / "absent")
