"""Backbone weight files: the wrong weights, a truncated file or garbage are refused with the file's name."""

import numpy as np
import pytest

from xincept_desktop.core.model.weight_files import load_weight_arrays, save_weight_arrays, weights_digest
from xincept_desktop.errors import ModelIntegrityError, XinceptError


def _arrays(seed):
    rng = np.random.default_rng(seed)
    return [rng.standard_normal((3, 3, 3, 8)).astype(np.float32), rng.standard_normal(8).astype(np.float32),
            rng.standard_normal((64, 4)).astype(np.float32)]


@pytest.fixture
def weights(tmp_path):
    path = tmp_path / "backbone.weights.h5"
    digest = save_weight_arrays(path, _arrays(0), source="test")
    return path, digest


def test_matching_file_loads(weights):
    path, digest = weights
    loaded = load_weight_arrays(path, digest)
    assert weights_digest(loaded) == digest
    assert all(np.array_equal(a, b) for a, b in zip(loaded, _arrays(0)))


def test_wrong_weights_refused_naming_the_file(tmp_path, weights):
    _, expected = weights
    wrong = tmp_path / "other-backbone.weights.h5"
    save_weight_arrays(wrong, _arrays(1))  # same shapes, other values: a different backbone's file
    with pytest.raises(ModelIntegrityError, match=r"does not match.*other-backbone\.weights\.h5"):
        load_weight_arrays(wrong, expected)


def test_one_changed_value_is_refused(tmp_path, weights):
    _, expected = weights
    arrays = _arrays(0)
    arrays[1][3] += 1e-3
    nudged = tmp_path / "nudged.weights.h5"
    save_weight_arrays(nudged, arrays)
    with pytest.raises(ModelIntegrityError, match="nudged.weights.h5"):
        load_weight_arrays(nudged, expected)


@pytest.mark.parametrize("damage", ["truncated", "garbage", "empty", "text"])
def test_damaged_file_refused_naming_the_file(weights, damage):
    path, digest = weights
    data = path.read_bytes()
    path.write_bytes({"truncated": data[: len(data) // 2], "garbage": np.random.default_rng(1).bytes(len(data)),
                      "empty": b"", "text": b"<html>404 Not Found</html>"}[damage])
    with pytest.raises(ModelIntegrityError, match=r"damaged: .*backbone\.weights\.h5") as caught:
        load_weight_arrays(path, digest)
    assert isinstance(caught.value, XinceptError)


def test_h5_without_the_expected_layout_refused(tmp_path):
    import h5py

    path = tmp_path / "keras-format.h5"
    with h5py.File(path, "w") as handle:
        handle.create_dataset("layer/kernel", data=np.zeros(3))
    with pytest.raises(ModelIntegrityError, match="damaged: .*keras-format.h5"):
        load_weight_arrays(path)
    with h5py.File(path, "a") as handle:
        handle.attrs["count"] = 2  # claims arrays it does not hold
    with pytest.raises(ModelIntegrityError, match="damaged: .*keras-format.h5"):
        load_weight_arrays(path)


def test_missing_file_refused_naming_it(tmp_path):
    with pytest.raises(ModelIntegrityError, match="missing: .*absent.h5"):
        load_weight_arrays(tmp_path / "absent.h5", "0" * 64)
