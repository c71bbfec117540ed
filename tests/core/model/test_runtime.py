"""The exported runtime: same results as the TensorFlow reference, closed-form CAMs, hash checks, no TensorFlow."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import numpy as np
import pytest

from tests.conftest import REPO
from tests.tiny_bundle import class_images
from xincept_desktop.errors import ModelIntegrityError


def test_runtime_matches_the_tensorflow_reference(tiny_model, tiny_reference):
    images = np.concatenate([class_images(2, seed=5)[0], np.zeros((1, 75, 75, 3))]).astype(np.uint8)
    ours, reference = tiny_model.predict_batch(images), tiny_reference.predict_batch(images)
    np.testing.assert_allclose(ours.embeddings, reference.embeddings, rtol=1e-3, atol=1e-4)
    np.testing.assert_allclose(ours.probabilities, reference.probabilities, atol=1e-4)
    np.testing.assert_allclose(ours.head_probabilities, reference.head_probabilities, atol=1e-4)
    np.testing.assert_allclose(ours.gate_coverage, reference.gate_coverage, atol=1e-5)
    np.testing.assert_allclose(ours.pooled, reference.pooled, rtol=1e-3, atol=1e-5)
    np.testing.assert_allclose(ours.ood_scores, reference.ood_scores, rtol=1e-3)
    np.testing.assert_array_equal(ours.in_domain, reference.in_domain)
    for method in ("gradcam", "gradcam++"):
        assert ours.cams[method].shape == reference.cams[method].shape
        np.testing.assert_allclose(ours.cams[method], reference.cams[method], atol=2e-3)


@pytest.mark.parametrize("method", ["gradcam", "gradcam++"])
def test_closed_form_cams_equal_the_gradient_tape(method):
    """The numpy formulas against the reference's tape over the real head (gate-weighted mean + dense)."""
    import tensorflow as tf

    from xincept_desktop.core.model import head_cams
    from xincept_desktop.core.model.fusion import build_classifier_head
    from xincept_desktop.core.model.predictor import class_activation_maps

    rng = np.random.default_rng(3)
    gated = rng.uniform(0, 2, (3, 6, 6, 5)).astype(np.float32) * (rng.uniform(size=(3, 6, 6, 1)) > 0.3)
    gate = rng.uniform(0, 1, (3, 6, 6, 1)).astype(np.float32)
    head = build_classifier_head(5, 4, 6)
    kernel = rng.normal(size=(5, 4)).astype(np.float32)
    head.get_layer("logits").set_weights([kernel, np.zeros(4, np.float32)])
    inputs = tf.constant(gated)
    with tf.GradientTape(persistent=True) as tape:
        tape.watch(inputs)
        embedding, logits = head([inputs, tf.constant(gate)], training=False)
        scores = [logits[:, c] for c in range(4)]
    expected = np.stack([np.asarray(class_activation_maps(inputs, tape.gradient(s, inputs), method))
                         for s in scores], axis=1)
    np.testing.assert_allclose(head_cams.embedding(gated, gate), np.asarray(embedding), rtol=1e-5)
    np.testing.assert_allclose(head_cams.class_activation_maps(gated, gate, kernel, method), expected, atol=1e-5)


def test_a_site_adapted_bundle_uses_the_same_runtime(tiny_bundle, tiny_model, tmp_path):
    """New XGBoost / temperature / out-of-domain files, same fusion weights: the same export serves it."""
    from xincept_desktop.core.model.bundle import read_manifest, write_manifest
    from xincept_desktop.core.model.runtime import RuntimeModel

    adapted = tmp_path / "adapted"
    shutil.copytree(tiny_bundle, adapted)
    (adapted / "calibration.json").write_text(json.dumps({"method": "temperature", "temperature": 4.0}))
    write_manifest(adapted, read_manifest(adapted))
    model = RuntimeModel.load(adapted)
    assert model.runtime_folder == tiny_model.runtime_folder
    images = class_images(1, seed=2)[0].astype(np.uint8)
    assert model.predict_batch(images).probabilities.max() < tiny_model.predict_batch(images).probabilities.max()


def test_new_fusion_weights_need_a_new_export_and_the_message_says_what_to_run(tiny_bundle, tmp_path):
    from xincept_desktop.core.model.bundle import read_manifest, write_manifest
    from xincept_desktop.core.model.runtime import RuntimeModel

    retrained = tmp_path / "retrained"
    shutil.copytree(tiny_bundle, retrained)
    with open(retrained / "fusion.weights.h5", "ab") as handle:
        handle.write(b"\0")
    write_manifest(retrained, read_manifest(retrained))
    with pytest.raises(ModelIntegrityError, match="xincept export-runtime"):
        RuntimeModel.load(retrained)


def test_a_damaged_runtime_file_is_refused_naming_it(tiny_bundle, tiny_model, tmp_path):
    from xincept_desktop.core.model.runtime import RuntimeModel

    root = tmp_path / "runtime"
    copy = root / tiny_model.runtime_folder.name
    shutil.copytree(tiny_model.runtime_folder, copy)
    with open(copy / "head.npz", "r+b") as handle:
        handle.seek(40)
        handle.write(b"\xff\xff")
    with pytest.raises(ModelIntegrityError, match="head.npz"):
        RuntimeModel.load(tiny_bundle, runtime_roots=[root])


def test_export_keeps_an_intact_export(tiny_bundle, runtime_root, capsys):
    from xincept_desktop.cli import main

    assert main(["export-runtime", "--model", str(tiny_bundle), "--out", str(runtime_root)]) == 0
    out, err = capsys.readouterr()
    assert "already exported and intact" in err and out.strip().startswith(str(runtime_root))


def test_device_choice():
    from xincept_desktop.core.model.runtime import choose_device

    assert choose_device("auto", ["CPU"]) == "CPU"
    assert choose_device("auto", ["CPU", "GPU.0"]) == "GPU.0"
    assert choose_device("cpu", ["CPU", "GPU"]) == "CPU"
    assert choose_device("gpu", ["CPU", "GPU"]) == "GPU"
    with pytest.raises(ModelIntegrityError, match="NVIDIA"):
        choose_device("gpu", ["CPU"])
    with pytest.raises(ValueError):
        choose_device("tpu", ["CPU"])


NO_TENSORFLOW_PROBE = """
import sys
from pathlib import Path
from xincept_desktop.cli import main
from xincept_desktop.ui.worker import AnalysisWorker

ready = []
worker = AnalysisWorker()
worker.model_ready.connect(ready.append)
worker.model_failed.connect(lambda message: print("FAILED", message))
worker.load_model(sys.argv[1])  # what the app does with its model path
code = main(["predict", sys.argv[2], "--model", sys.argv[1]])
print("RESULT", bool(ready), code, "tensorflow" in sys.modules, "keras" in sys.modules, flush=True)
"""


def test_the_app_and_predict_never_import_tensorflow(tiny_bundle, smear_like, tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XINCEPT_DATA_DIR": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-c", NO_TENSORFLOW_PROBE, str(tiny_bundle), str(smear_like())],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    line = next((l for l in proc.stdout.splitlines() if l.startswith(("RESULT", "FAILED"))), proc.stderr[-2000:])
    assert line == "RESULT True 0 False False", line
