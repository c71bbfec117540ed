"""Turn a fused-grid class-activation map into a heat map at image resolution."""

from __future__ import annotations

import numpy as np


def upsample_cam(cam: np.ndarray, height: int, width: int) -> np.ndarray:
    """Bilinear (cell-centred) upsampling of a CAM grid to ``height`` x ``width``, float32 in [0, 1]."""
    import cv2

    cam = np.asarray(cam, dtype=np.float32)
    if cam.ndim != 2:
        raise ValueError(f"a CAM must be 2-D, got shape {cam.shape}")
    resized = cv2.resize(cam, (int(width), int(height)), interpolation=cv2.INTER_LINEAR)
    return normalise(resized)


def normalise(heat: np.ndarray) -> np.ndarray:
    """Scale to [0, 1] (min to 0, max to 1); an all-equal map becomes zeros."""
    heat = np.nan_to_num(np.asarray(heat, dtype=np.float32))
    if heat.size == 0:
        return heat
    low, high = float(heat.min()), float(heat.max())
    if high - low <= 1e-12:
        return np.zeros_like(heat, dtype=np.float32)
    return ((heat - low) / (high - low)).astype(np.float32)


def heat_map_for(result, class_name: str | None = None, method: str = "gradcam") -> np.ndarray:
    """Heat map at the original image size for ``class_name`` (default: the predicted class) of an ImageResult."""
    if not result.ok or method not in result.cams:
        raise ValueError("this result has no class-activation maps")
    classes = list(result.probabilities)
    index = classes.index(class_name or result.label)
    height, width = result.image_size
    return upsample_cam(result.cams[method][index], height, width)
