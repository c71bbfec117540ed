"""Training augmentation and fixed evaluation perturbations.

Training views combine Keras's RandAugment (the AutoAugment / RandAugment family) with what changes between
labs and microscopes: stain jitter in haematoxylin-eosin-DAB optical-density space (Ruifrok & Johnston), lamp
brightness, gamma and white balance, defocus blur, JPEG recompression, flips and 90-degree rotations. The same
operations at fixed strengths (``PERTURBATIONS``) measure robustness.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import cv2
import numpy as np

# Ruifrok & Johnston stain vectors (rows: haematoxylin, eosin, DAB), as in scikit-image's rgb2hed
_RGB_FROM_HED = np.array([[0.65, 0.70, 0.29], [0.07, 0.99, 0.11], [0.27, 0.57, 0.78]], dtype=np.float64)
_RGB_FROM_HED = _RGB_FROM_HED / np.linalg.norm(_RGB_FROM_HED, axis=1, keepdims=True)
_HED_FROM_RGB = np.linalg.inv(_RGB_FROM_HED)


def stain_shift(rgb: np.ndarray, scale: tuple[float, float, float], shift: tuple[float, float, float]) -> np.ndarray:
    """Scale and shift the haematoxylin, eosin and DAB concentrations of an RGB ``uint8`` image."""
    optical_density = -np.log(np.maximum(rgb.astype(np.float64), 1.0) / 255.0)
    hed = optical_density.reshape(-1, 3) @ _HED_FROM_RGB
    hed = hed * np.asarray(scale) + np.asarray(shift)
    rgb_out = 255.0 * np.exp(-(hed @ _RGB_FROM_HED))
    return np.clip(rgb_out.reshape(rgb.shape) + 0.5, 0, 255).astype(np.uint8)


def lamp(rgb: np.ndarray, gain: float, gamma: float, white_balance: tuple[float, float, float]) -> np.ndarray:
    """Brightness gain, gamma and per-channel white balance, as a different lamp or camera setting gives."""
    unit = rgb.astype(np.float32) / 255.0
    unit = np.clip(unit * gain * np.asarray(white_balance, dtype=np.float32), 0, 1) ** gamma
    return np.clip(unit * 255.0 + 0.5, 0, 255).astype(np.uint8)


def defocus(rgb: np.ndarray, sigma: float) -> np.ndarray:
    """Gaussian blur of standard deviation ``sigma`` pixels."""
    return rgb if sigma <= 0 else cv2.GaussianBlur(rgb, (0, 0), sigma)


def jpeg(rgb: np.ndarray, quality: int) -> np.ndarray:
    """Re-encode as JPEG at ``quality``."""
    ok, encoded = cv2.imencode(".jpg", cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR), [cv2.IMWRITE_JPEG_QUALITY, int(quality)])
    if not ok:
        return rgb
    return cv2.cvtColor(cv2.imdecode(encoded, cv2.IMREAD_COLOR), cv2.COLOR_BGR2RGB)


#: fixed-strength perturbations used in evaluation and the model card
PERTURBATIONS: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "stain": lambda im: stain_shift(im, (1.3, 0.7, 1.0), (0.0, 0.0, 0.0)),
    "lamp": lambda im: lamp(im, 0.85, 1.25, (1.08, 1.0, 0.88)),
    "blur": lambda im: defocus(im, 1.5),
    "jpeg": lambda im: jpeg(im, 25),
}
PERTURBATION_DOC = {
    "stain": "haematoxylin x1.3, eosin x0.7 in optical-density space",
    "lamp": "gain 0.85, gamma 1.25, white balance R x1.08 B x0.88",
    "blur": "Gaussian defocus, sigma 1.5 px",
    "jpeg": "JPEG recompression at quality 25",
}


@dataclass(frozen=True)
class PhotometricRanges:
    """How far :func:`random_photometric` moves each lab-to-lab setting (uniform ranges; probabilities of blur and
    JPEG). The defaults are the shipped training augmentation; ``HARDER_STAIN_LAMP`` widens stain and lamp."""
    stain_scale: tuple[float, float] = (0.6, 1.5)
    stain_shift: float = 0.05
    lamp_gain: tuple[float, float] = (0.7, 1.3)
    lamp_gamma: tuple[float, float] = (0.7, 1.4)
    white_balance: tuple[float, float] = (0.85, 1.15)
    blur_probability: float = 0.5
    blur_sigma: tuple[float, float] = (0.3, 2.0)
    jpeg_probability: float = 0.5
    jpeg_quality: tuple[int, int] = (20, 90)


#: the training augmentation's ranges (``AUGMENTATION_VERSION``)
SHIPPED_RANGES = PhotometricRanges()
#: the "harder stain/lamp" lever (issue 20): stain concentrations 0.4-1.8x, lamp gain 0.6-1.4, gamma 0.55-1.7,
#: white balance +-25 %
HARDER_STAIN_LAMP = PhotometricRanges(stain_scale=(0.4, 1.8), stain_shift=0.08, lamp_gain=(0.6, 1.4),
                                      lamp_gamma=(0.55, 1.7), white_balance=(0.75, 1.25))


def random_photometric(rgb: np.ndarray, rng: np.random.Generator,
                       ranges: PhotometricRanges = SHIPPED_RANGES) -> np.ndarray:
    """The lab-to-lab variation: stain, lamp, blur and JPEG, each at a random strength within ``ranges``."""
    out = stain_shift(
        rgb,
        tuple(rng.uniform(*ranges.stain_scale, 3)),
        tuple(rng.uniform(-ranges.stain_shift, ranges.stain_shift, 3)),
    )
    out = lamp(out, rng.uniform(*ranges.lamp_gain), rng.uniform(*ranges.lamp_gamma),
               tuple(rng.uniform(*ranges.white_balance, 3)))
    if rng.random() < ranges.blur_probability:
        out = defocus(out, rng.uniform(*ranges.blur_sigma))
    if rng.random() < ranges.jpeg_probability:
        out = jpeg(out, int(rng.integers(*ranges.jpeg_quality)))
    return out


def random_orientation(rng: np.random.Generator) -> tuple[bool, int]:
    """A horizontal flip (or not) and a number of quarter turns."""
    return bool(rng.random() < 0.5), int(rng.integers(0, 4))


def orient(array: np.ndarray, flip: bool, quarter_turns: int) -> np.ndarray:
    """Apply :func:`random_orientation`'s choice to an image or a mask (height and width first)."""
    out = array[:, ::-1] if flip else array
    return np.ascontiguousarray(np.rot90(out, quarter_turns))


class TrainingAugmenter:
    """RandAugment (Keras) on a batch, then stain/lamp/blur/JPEG and a flip and rotation per image.

    Cell masks, when given, go through the same geometric changes (RandAugment's shear, translation and
    rotation, then the flip and quarter turns), so they still cover the cells. Deterministic per ``seed``.
    """

    def __init__(self, num_ops: int = 2, factor: float = 0.5, ranges: PhotometricRanges = SHIPPED_RANGES):
        self.num_ops = num_ops
        self.factor = factor
        self.ranges = ranges

    def __call__(self, batch: np.ndarray, seed: int, masks: np.ndarray | None = None):
        """Augmented ``uint8`` images; with ``masks`` (n, h, w), also the masks moved with them."""
        import keras

        rand_augment = keras.layers.RandAugment(
            value_range=(0, 255), num_ops=self.num_ops, factor=self.factor, seed=seed
        )
        inputs = {"images": batch.astype(np.float32)}
        if masks is not None:
            inputs["segmentation_masks"] = masks[..., None].astype(np.float32)
        outputs = rand_augment(inputs, training=True)
        augmented = np.clip(np.asarray(outputs["images"]) + 0.5, 0, 255).astype(np.uint8)
        rng = np.random.default_rng(seed)
        images, moved = [], []
        for index, image in enumerate(augmented):
            image = random_photometric(image, rng, self.ranges)
            flip, turns = random_orientation(rng)
            images.append(orient(image, flip, turns))
            if masks is not None:
                moved.append(orient(np.asarray(outputs["segmentation_masks"][index])[..., 0], flip, turns))
        if masks is None:
            return np.stack(images)
        return np.stack(images), np.stack(moved)
