"""Images that are not blood smears, generated on the fly, to measure the out-of-domain warning.

No images are downloaded or shipped: uniform fields, noise, gradients, stripes and checkerboards, blank slides,
text-like marks, and the sample photographs matplotlib installs with itself (a portrait, a product photo).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ..imaging import load_image, to_model_input


def synthetic_non_smears(count: int, size: int, seed: int) -> list[tuple[str, np.ndarray]]:
    """``count`` generated images (name, RGB uint8) cycling through several kinds."""
    rng = np.random.default_rng(seed)
    makers = [_uniform, _noise, _gradient, _stripes, _checkerboard, _blank_slide, _text_marks]
    return [(f"{maker.__name__.strip('_')}-{i}", maker(rng, size)) for i, maker in
            ((i, makers[i % len(makers)]) for i in range(count))]


def matplotlib_samples(size: int) -> list[tuple[str, np.ndarray]]:
    """Photographs from matplotlib's own sample data, when present."""
    try:
        import matplotlib

        folder = Path(matplotlib.get_data_path()) / "sample_data"
    except Exception:
        return []
    found = []
    for path in sorted(folder.glob("*")):
        if path.suffix.lower() in (".jpg", ".png"):
            try:
                found.append((path.name, to_model_input(load_image(path), size)))
            except Exception:
                continue
    return found


def _uniform(rng, size):
    return np.broadcast_to(rng.integers(0, 256, 3, dtype=np.uint8), (size, size, 3)).copy()


def _noise(rng, size):
    return rng.integers(0, 256, (size, size, 3), dtype=np.uint8)


def _gradient(rng, size):
    ramp = np.linspace(0, 1, size)[None, :, None]
    low, high = rng.integers(0, 256, 3), rng.integers(0, 256, 3)
    return np.broadcast_to(low + (high - low) * ramp, (size, size, 3)).astype(np.uint8)


def _stripes(rng, size):
    period = int(rng.integers(4, 32))
    mask = (np.arange(size) // period) % 2
    image = np.where(mask[None, :, None], rng.integers(0, 256, 3), rng.integers(0, 256, 3))
    return np.broadcast_to(image, (size, size, 3)).astype(np.uint8)


def _checkerboard(rng, size):
    period = int(rng.integers(8, 48))
    grid = ((np.arange(size)[:, None] // period) + (np.arange(size)[None, :] // period)) % 2
    return np.where(grid[..., None], rng.integers(0, 256, 3), rng.integers(0, 256, 3)).astype(np.uint8)


def _blank_slide(rng, size):
    base = np.array([235, 225, 230]) + rng.normal(0, 3, (size, size, 3))
    return np.clip(base, 0, 255).astype(np.uint8)


def _text_marks(rng, size):
    import cv2

    image = np.full((size, size, 3), 255, np.uint8)
    for _ in range(6):
        origin = (int(rng.integers(0, size - 40)), int(rng.integers(20, size)))
        cv2.putText(image, str(int(rng.integers(0, 999))), origin, cv2.FONT_HERSHEY_SIMPLEX, 1.0,
                    tuple(int(v) for v in rng.integers(0, 200, 3)), 2)
    return image
