"""Synthetic smears with red cells of a known size, for the scale ruler's tests."""

from __future__ import annotations

import numpy as np


def smear(diameter: float, size=(224, 224), seed: int = 0, cells: int | None = None) -> np.ndarray:
    """Pale pink discs of ``diameter`` px with a lighter centre on a near-white background."""
    import cv2

    rng = np.random.default_rng(seed)
    height, width = size
    image = np.full((height, width, 3), (236, 232, 240), np.uint8)
    radius = diameter / 2.0
    wanted = cells or int(0.35 * height * width / (np.pi * radius * radius))
    centres: list[tuple[float, float]] = []
    for _ in range(wanted * 40):
        if len(centres) >= wanted:
            break
        x, y = rng.uniform(radius, width - radius), rng.uniform(radius, height - radius)
        if all((x - cx) ** 2 + (y - cy) ** 2 > (2.1 * radius) ** 2 for cx, cy in centres):
            centres.append((x, y))
    for x, y in centres:
        cv2.circle(image, (round(x), round(y)), round(radius), (196, 150, 170), -1, cv2.LINE_AA)
        cv2.circle(image, (round(x), round(y)), max(1, round(radius * 0.4)), (214, 180, 196), -1, cv2.LINE_AA)
    noise = rng.normal(0, 2.0, image.shape)
    return np.clip(image + noise, 0, 255).astype(np.uint8)


def scaled_bundle(tiny_bundle, folder, diameter: float = 8.0):
    """A copy of the tiny bundle with a scale reference whose red cells are ``diameter`` px."""
    import shutil

    from xincept_desktop.core.model.bundle import read_manifest, write_manifest
    from xincept_desktop.core.scale import build_reference

    shutil.copytree(tiny_bundle, folder)
    reference, _ = build_reference([smear(diameter, (160, 160), seed=s) for s in range(6)])
    reference.save(folder)
    write_manifest(folder, read_manifest(folder))
    return folder
