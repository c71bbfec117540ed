"""A simulated other laboratory: the shared images with one fixed stain-protocol and camera change.

``lab_b`` is the laboratory that verifies and adapts: a stronger haematoxylin and weaker eosin, a camera whose
colour response turns hues by 20 degrees, slightly defocused, with 8 % more magnification, saving JPEG at quality
70 (the model before the training-scale retrain read about 91 % of such images right, the current one about 97 %). ``lab_c`` is
another laboratory again (a very different stain and camera), which an adaptation to lab B must not learn to
accept. Images are written under a temporary folder, never into the repository.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Sequence

import cv2
import numpy as np
from PIL import Image

from xincept_desktop.core.imaging import load_image
from xincept_desktop.core.training.augment import defocus, jpeg, lamp, stain_shift

CLASSES = ("Benign", "Early", "Pre", "Pro")


def zoom(rgb: np.ndarray, factor: float) -> np.ndarray:
    """Centre crop of 1/factor of the field, resized back: a camera with ``factor`` times the magnification."""
    height, width = rgb.shape[:2]
    crop_h, crop_w = round(height / factor), round(width / factor)
    top, left = (height - crop_h) // 2, (width - crop_w) // 2
    return cv2.resize(rgb[top:top + crop_h, left:left + crop_w], (width, height), interpolation=cv2.INTER_CUBIC)


def hue(rgb: np.ndarray, degrees: int) -> np.ndarray:
    """Every hue turned by ``degrees`` (OpenCV's 8-bit hue counts two degrees a step)."""
    hsv = cv2.cvtColor(rgb, cv2.COLOR_RGB2HSV).astype(np.int32)
    hsv[..., 0] = (hsv[..., 0] + degrees // 2) % 180
    return cv2.cvtColor(hsv.astype(np.uint8), cv2.COLOR_HSV2RGB)


def lab_b(rgb: np.ndarray) -> np.ndarray:
    out = hue(stain_shift(rgb, (1.4, 0.8, 1.0), (0.0, 0.0, 0.0)), -20)
    return jpeg(defocus(zoom(out, 1.08), 1.2), 70)


def lab_c(rgb: np.ndarray) -> np.ndarray:
    out = stain_shift(rgb, (0.35, 2.2, 1.0), (0.0, 0.05, 0.0))
    out = lamp(out, 0.6, 1.6, (0.75, 1.0, 1.3))
    return jpeg(defocus(out, 2.5), 40)


def numbered(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.jpg"), key=lambda p: int(p.stem.rsplit("-", 1)[-1]))


def make_lab(source: Path, dest: Path, transform: Callable[[np.ndarray], np.ndarray],
             pick: Callable[[list[Path]], Sequence[Path]]) -> Path:
    """``dest/<class>/<same name>`` for the images ``pick`` chooses from each class (in number order)."""
    for name in CLASSES:
        (dest / name).mkdir(parents=True, exist_ok=True)
        for path in pick(numbered(source / name)):
            Image.fromarray(transform(load_image(path))).save(dest / name / path.name, quality=95)
    return dest
