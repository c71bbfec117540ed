"""The loaded XIncept-ALL model: one compiled pass from image batch to calibrated probabilities and CAMs.

``XInceptModel.load(folder)`` verifies the bundle, rebuilds the network (backbones with the ImageNet weights
the bundle expects, fusion trunk and head), and compiles one ``tf.function`` that returns for a batch the fused
embedding, the softmax head's probabilities and the class-activation maps of every class by Grad-CAM and
Grad-CAM++ on the cell-gated fused map (the gradients come from a tape over the small head only). XGBoost on the
embedding, temperature scaling and the Mahalanobis out-of-domain score run after it in numpy.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ...config import weights_dir
from ...errors import ModelIntegrityError
from .bundle import FUSION_WEIGHTS, XGBOOST_MODEL, Manifest
from ..scale.reference import ScaleReference
from .fusion import build_training_model
from .network import build_backbones
from .backbones import build_feature_extractor
from .ood import DomainDetector
from .prediction import (CAM_METHODS, BatchPrediction, BundleModel, read_head_files,  # noqa: F401  (re-exported)
                         verify_with_booster)


def cam_weights(fused, gradients, method: str):
    """Channel weights from the gradient of one class score w.r.t. the fused map (pytorch-grad-cam formulas)."""
    import tensorflow as tf

    if method == "gradcam":
        return tf.reduce_mean(gradients, axis=(1, 2))
    squared = tf.square(gradients)
    cubed = squared * gradients
    sum_activations = tf.reduce_sum(fused, axis=(1, 2), keepdims=True)
    alpha = squared / (2.0 * squared + sum_activations * cubed + 1e-7)
    alpha = tf.where(tf.not_equal(gradients, 0.0), alpha, tf.zeros_like(alpha))
    return tf.reduce_sum(alpha * tf.nn.relu(gradients), axis=(1, 2))


def class_activation_maps(fused, gradients, method: str):
    """ReLU of the weighted channel sum, scaled to [0, 1] per map."""
    import tensorflow as tf

    weights = cam_weights(fused, gradients, method)
    cam = tf.nn.relu(tf.einsum("bhwc,bc->bhw", fused, weights))
    peak = tf.reduce_max(cam, axis=(1, 2), keepdims=True)
    return tf.math.divide_no_nan(cam, peak)


def make_inference_function(extractor, trunk, head, n_classes: int, input_size: int):
    """Compiled pass: images -> (embedding, pooled backbone features, head probabilities, {method: cams},
    cell-gate coverage).

    The signature leaves the batch size open, so the graph is traced once and never again: retracing when a
    shorter last batch arrives is slow, and retracing from a worker thread crashed TensorFlow in the GUI.
    """
    import tensorflow as tf

    signature = [tf.TensorSpec([None, input_size, input_size, 3], tf.float32, name="images")]

    @tf.function(input_signature=signature)
    def infer(images):
        maps = extractor(images, training=False)
        pooled = pooled_backbone_features(maps)
        gated, gate = trunk(maps, training=False)
        with tf.GradientTape(persistent=True) as tape:
            tape.watch(gated)
            embedding, logits = head([gated, gate], training=False)
            per_class = [logits[:, c] for c in range(n_classes)]
        gradients = [tape.gradient(score, gated) for score in per_class]
        del tape
        cams = {
            method: tf.stack([class_activation_maps(gated, g, method) for g in gradients], axis=1)
            for method in CAM_METHODS
        }
        coverage = tf.reduce_mean(tf.cast(gate, tf.float32), axis=[1, 2, 3])
        return embedding, pooled, tf.nn.softmax(logits), cams, coverage

    return infer


def pooled_backbone_features(maps):
    """Spatial means of the four backbone maps, concatenated (works on tensors and numpy arrays)."""
    import tensorflow as tf

    return tf.concat([tf.reduce_mean(tf.cast(m, tf.float32), axis=(1, 2)) for m in maps], axis=1)


class XInceptModel(BundleModel):
    """A verified, loaded model bundle. Not thread-safe: one worker thread owns it."""

    def __init__(self, manifest: Manifest, infer, booster, temperature: float, detector: DomainDetector,
                 folder: Path | None = None, parts: tuple = (), scale_reference: ScaleReference | None = None):
        self.manifest = manifest
        self.parts = parts  # (extractor, trunk, head) Keras models, for benchmarks and diagnostics
        self._infer = infer
        self._booster = booster
        self.temperature = temperature
        self.detector = detector
        self.folder = folder
        self.scale_reference = scale_reference  # None: a bundle made before the ruler; scale is not checked

    @classmethod
    def load(cls, folder: Path, weights_folder: Path | None = None,
             booster_file: str = XGBOOST_MODEL) -> "XInceptModel":
        """Verify every file of the bundle, then build and compile the network. ``booster_file`` picks another
        XGBoost of the bundle (``VALIDATION_XGBOOST`` reproduces the held-out figures)."""
        folder = Path(folder)
        manifest = verify_with_booster(folder, booster_file)
        if manifest.backbone_weights.get("inception_v3") == "random":
            backbone_folder = None  # test bundles built on random, tiny backbones
        else:
            backbone_folder = Path(weights_folder or weights_dir())
        inception, xception, _ = build_backbones(manifest.input_size, backbone_folder, manifest.backbone_weights)
        extractor = build_feature_extractor(manifest.input_size, inception, xception)
        shapes = tuple(tuple(int(d) for d in o.shape[1:]) for o in extractor.outputs)
        training_model, trunk, head = build_training_model(manifest.fusion_channels, len(manifest.classes), shapes)
        try:
            training_model.load_weights(folder / FUSION_WEIGHTS)
        except Exception as exc:  # keras raises assorted types for a file that does not fit
            raise ModelIntegrityError(f"fusion weights do not fit the network: {folder / FUSION_WEIGHTS} ({exc})") from exc
        booster, temperature, detector = read_head_files(folder, booster_file)
        infer = make_inference_function(extractor, trunk, head, len(manifest.classes), manifest.input_size)
        scale_reference = ScaleReference.load(folder)
        return cls(manifest, infer, booster, temperature, detector, folder, (extractor, trunk, head), scale_reference)

    def predict_batch(self, images: np.ndarray) -> BatchPrediction:
        """Analyse a batch of ``input_size`` x ``input_size`` RGB ``uint8`` images."""
        embedding, pooled, head_probabilities, cams, coverage = self._infer(np.asarray(images, dtype=np.float32))
        return self._prediction(images, np.asarray(embedding), np.asarray(pooled), np.asarray(head_probabilities),
                                {method: np.asarray(maps) for method, maps in cams.items()}, np.asarray(coverage))
