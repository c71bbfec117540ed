"""The softmax head, Grad-CAM and Grad-CAM++ of every class in closed form, in numpy (no autodiff needed).

The head is a gate-weighted mean of the gated map ``A`` (``fusion.gated_mean``: the sum over positions divided by
the gate's sum ``S`` plus ``GATE_FLOOR``, the gate held constant) followed by one dense layer (dropout is inactive
at inference)::

    logit_c = sum_k W[k, c] * sum_ij A[i, j, k] / (S + GATE_FLOOR) + b[c]

so the gradient of ``logit_c`` with respect to ``A[i, j, k]`` is ``g_k = W[k, c] / (S + GATE_FLOOR)`` at every
position. The formulas of ``predictor.cam_weights`` (pytorch-grad-cam's) then reduce to:

* Grad-CAM: ``w_k = mean_ij g_k = g_k``;
* Grad-CAM++: ``alpha_k = g_k^2 / (2 g_k^2 + sum_ij A[i, j, k] * g_k^3 + 1e-7)`` (0 where ``g_k = 0``) and
  ``w_k = sum_ij alpha_k * relu(g_k) = H * W * alpha_k * relu(g_k)``;

and each map is ``relu(sum_k A[i, j, k] w_k)`` divided by its peak (0 where the peak is 0), exactly what the
TensorFlow reference computes with a gradient tape (``tests/core/model/test_head_cams.py`` checks the two agree).
"""

from __future__ import annotations

import numpy as np

from .fusion import GATE_FLOOR
from .prediction import CAM_METHODS


def embedding(gated: np.ndarray, gate: np.ndarray) -> np.ndarray:
    """Gate-weighted mean of the gated map: (n, h, w, k), (n, h, w, 1) -> (n, k)."""
    gated = np.asarray(gated, dtype=np.float64)
    coverage = np.asarray(gate, dtype=np.float64).sum(axis=(1, 2))
    return gated.sum(axis=(1, 2)) / (coverage + GATE_FLOOR)


def logits(embeddings: np.ndarray, kernel: np.ndarray, bias: np.ndarray) -> np.ndarray:
    return np.asarray(embeddings, np.float64) @ np.asarray(kernel, np.float64) + np.asarray(bias, np.float64)


def head_gradients(gate: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    """d logit_c / d A[i, j, k], the same at every position: (n, classes, k)."""
    coverage = np.asarray(gate, dtype=np.float64).sum(axis=(1, 2, 3))
    return np.asarray(kernel, np.float64).T[None, :, :] / (coverage + GATE_FLOOR)[:, None, None]


def cam_weights(gated: np.ndarray, gradients: np.ndarray, method: str) -> np.ndarray:
    """Channel weights (n, classes, k) for position-constant gradients (n, classes, k)."""
    if method == "gradcam":
        return gradients
    if method != "gradcam++":
        raise ValueError(f"unknown CAM method {method!r} (choose from {', '.join(CAM_METHODS)})")
    gated = np.asarray(gated, dtype=np.float64)
    positions = gated.shape[1] * gated.shape[2]
    sum_activations = gated.sum(axis=(1, 2))[:, None, :]  # (n, 1, k)
    squared = gradients ** 2
    alpha = squared / (2.0 * squared + sum_activations * squared * gradients + 1e-7)
    alpha = np.where(gradients != 0.0, alpha, 0.0)
    return positions * alpha * np.maximum(gradients, 0.0)


def class_activation_maps(gated: np.ndarray, gate: np.ndarray, kernel: np.ndarray, method: str) -> np.ndarray:
    """Maps of every class, (n, classes, h, w) in [0, 1]: ReLU of the weighted channel sum over its peak."""
    weights = cam_weights(gated, head_gradients(gate, kernel), method)
    cams = np.maximum(np.einsum("nhwk,nck->nchw", np.asarray(gated, np.float64), weights), 0.0)
    peak = cams.max(axis=(2, 3), keepdims=True)
    return np.divide(cams, peak, out=np.zeros_like(cams), where=peak > 0).astype(np.float32)
