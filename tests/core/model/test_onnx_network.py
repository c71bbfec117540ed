"""The NVIDIA GPU path: the network exported as ONNX, run by ONNX Runtime (its CPU provider stands in for CUDA here),
chosen only when it agrees with the OpenVINO network on the probe batch."""

from __future__ import annotations

import shutil

import numpy as np
import pytest

from tests.tiny_bundle import class_images
from xincept_desktop.core.model import runtime as runtime_module
from xincept_desktop.core.model.onnx_network import OnnxNetwork, largest_relative_difference, probe_images
from xincept_desktop.core.model.runtime import RuntimeModel
from xincept_desktop.core.model.runtime_files import ONNX_NETWORK, find_runtime
from xincept_desktop.errors import ModelIntegrityError

CPU = "CPUExecutionProvider"
pytestmark = pytest.mark.slow


def _resize_then_concat(scale: float, size: int, target: int):
    """images (1, 2, size, size) -> Resize by ``scale`` -> Concat with a constant (1, 2, target, target)."""
    from onnx import TensorProto, helper, numpy_helper

    initializers = [numpy_helper.from_array(np.array([], np.float32), "roi"),
                    numpy_helper.from_array(np.array([1, 1, scale, scale], np.float32), "scales"),
                    numpy_helper.from_array(np.ones((1, 2, target, target), np.float32), "other")]
    nodes = [helper.make_node("Resize", ["x", "roi", "scales"], ["resized"], name="fusion_resize", mode="linear",
                              coordinate_transformation_mode="half_pixel"),
             helper.make_node("Concat", ["resized", "other"], ["y"], axis=1)]
    graph = helper.make_graph(nodes, "g", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 2, size, size])],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 4, target, target])], initializers)
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])


def test_a_resize_by_a_float_scale_is_given_its_exact_size_so_onnx_runtime_loads_it():
    import onnxruntime
    import tensorflow as tf

    from xincept_desktop.core.model.onnx_export import resizes_to_sizes

    model = _resize_then_concat(np.float32(14 / 12), 12, 14)  # what tf2onnx writes for the fusion block's 12 -> 14
    with pytest.raises(Exception, match="Inferred=14 Declared=13|13"):
        onnxruntime.InferenceSession(model.SerializeToString(), providers=[CPU])
    fixed = resizes_to_sizes(model)
    session = onnxruntime.InferenceSession(fixed.SerializeToString(), providers=[CPU])
    x = np.random.default_rng(0).random((1, 2, 12, 12), np.float32)
    [y] = session.run(None, {"x": x})
    assert y.shape == (1, 4, 14, 14)
    expected = tf.image.resize(x.transpose(0, 2, 3, 1), (14, 14), method="bilinear").numpy().transpose(0, 3, 1, 2)
    np.testing.assert_allclose(y[:, :2], expected, atol=1e-5)  # the arithmetic is TensorFlow's half-pixel bilinear


def test_an_integer_scale_is_left_as_it_is():
    from xincept_desktop.core.model.onnx_export import resizes_to_sizes

    fixed = resizes_to_sizes(_resize_then_concat(2.0, 7, 14))
    assert [node.op_type for node in fixed.graph.node] == ["Resize", "Concat"]


@pytest.fixture(scope="module")
def onnx_root(tiny_bundle, tiny_model, tmp_path_factory):
    """A copy of the tiny bundle's runtime export with ``network.onnx`` written into it by the export command."""
    from xincept_desktop.cli import main

    root = tmp_path_factory.mktemp("onnx-runtime")
    shutil.copytree(tiny_model.runtime_folder, root / tiny_model.runtime_folder.name)
    assert main(["export-runtime", "--model", str(tiny_bundle), "--out", str(root), "--onnx"]) == 0
    return root


def test_the_onnx_export_is_recorded_and_runs_like_the_openvino_network(tiny_model, onnx_root, capsys):
    folder = onnx_root / tiny_model.runtime_folder.name
    record = (folder / "runtime.json").read_text()
    assert ONNX_NETWORK in record
    images = np.concatenate([class_images(2, seed=7)[0], np.zeros((1, 75, 75, 3))]).astype(np.float32)
    ours = OnnxNetwork(folder / ONNX_NETWORK, CPU).outputs(images)
    reference = tiny_model.network_outputs(images)
    for name in ("gated", "gate", "pooled"):
        np.testing.assert_allclose(ours[name], reference[name], rtol=1e-4, atol=1e-5)
    assert largest_relative_difference(ours, reference) < 1e-4


def test_export_keeps_an_intact_onnx_file(tiny_bundle, onnx_root, capsys):
    from xincept_desktop.cli import main

    capsys.readouterr()
    assert main(["export-runtime", "--model", str(tiny_bundle), "--out", str(onnx_root), "--onnx"]) == 0
    assert f"{ONNX_NETWORK} already exported and intact" in capsys.readouterr().err


def test_the_gpu_network_is_used_when_it_agrees_with_the_cpu(tiny_bundle, tiny_model, onnx_root, monkeypatch):
    monkeypatch.setattr(runtime_module, "gpu_provider", lambda: CPU)  # ONNX Runtime's CPU provider stands in for CUDA
    monkeypatch.setattr(runtime_module, "nvidia_gpu_name", lambda: "Test GPU")
    model = RuntimeModel.load(tiny_bundle, runtime_roots=[onnx_root])
    assert model.device_label.startswith("GPU (onnxruntime ") and model.device_label.endswith(", CUDA)")
    assert model.device_description.endswith(": Test GPU")
    images = class_images(2, seed=9)[0].astype(np.uint8)
    ours, reference = model.predict_batch(images), tiny_model.predict_batch(images)
    np.testing.assert_allclose(ours.probabilities, reference.probabilities, atol=1e-5)
    for method in ("gradcam", "gradcam++"):
        np.testing.assert_allclose(ours.cams[method], reference.cams[method], atol=1e-3)


def test_a_gpu_that_disagrees_is_not_used_and_the_app_says_why(tiny_bundle, onnx_root, monkeypatch):
    monkeypatch.setattr(runtime_module, "gpu_provider", lambda: CPU)
    monkeypatch.setattr(runtime_module, "PROBE_TOLERANCE", -1.0)  # no agreement is close enough
    model = RuntimeModel.load(tiny_bundle, runtime_roots=[onnx_root])
    assert model.device_label.startswith("CPU (openvino")
    assert "NVIDIA GPU not used" in model.device_description and "probe images" in model.device_description
    with pytest.raises(ModelIntegrityError, match="NVIDIA GPU cannot be used"):
        RuntimeModel.load(tiny_bundle, device="gpu", runtime_roots=[onnx_root])


def test_without_the_onnx_export_the_note_says_what_to_run(tiny_bundle, tiny_model, monkeypatch):
    monkeypatch.setattr(runtime_module, "gpu_provider", lambda: CPU)
    model = RuntimeModel.load(tiny_bundle, runtime_roots=[tiny_model.runtime_folder.parent])
    assert model.device_label.startswith("CPU") and "export-runtime --onnx" in model.device_description
    monkeypatch.setattr(runtime_module, "gpu_provider", lambda: None)  # a CPU-only machine: nothing to say
    assert RuntimeModel.load(tiny_bundle).device_note == ""


def test_the_probe_batch_is_the_same_everywhere():
    first, again = probe_images(75), probe_images(75)
    np.testing.assert_array_equal(first, again)
    assert first.shape == (2, 75, 75, 3) and first.min() >= 0 and first.max() <= 255


def test_only_the_gpu_build_of_onnx_runtime_offers_the_gpu(monkeypatch):
    import importlib.metadata

    from xincept_desktop.core.model import onnx_network

    real = importlib.metadata.distribution

    def without_gpu_build(name):
        if name == "onnxruntime-gpu":
            raise importlib.metadata.PackageNotFoundError(name)
        return real(name)

    monkeypatch.setattr(importlib.metadata, "distribution", without_gpu_build)
    assert onnx_network.gpu_provider() is None  # the CPU build (this development install): no GPU, no import


def test_a_gpu_provider_that_cannot_start_leaves_the_cpu_with_a_note(tiny_bundle, onnx_root, monkeypatch):
    monkeypatch.setattr(runtime_module, "gpu_provider", lambda: "CUDAExecutionProvider")  # this ONNX Runtime has none
    model = RuntimeModel.load(tiny_bundle, runtime_roots=[onnx_root])
    assert model.device_label.startswith("CPU (openvino") and "NVIDIA GPU not used" in model.device_description
    assert model.predict_batch(class_images(1, seed=3)[0].astype(np.uint8)).probabilities.shape == (4, 4)
