"""Stage 1 of training: backbone feature maps for every planned (image, view), cached and resumable."""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from ..imaging import load_image, resize, to_model_input
from ..model.network import compiled_forward, make_extractor
from ..scale.reference import ScaleReference
from ..progress import EtaTracker
from .augment import PERTURBATIONS, TrainingAugmenter
from .cell_masks import load_cell_mask, to_grid
from .dataset import LabelledImage
from .feature_cache import FeatureCache, ViewRow
from .scale_views import normalised_view, simulate_field
from .split import Split

AUGMENTATION_VERSION = "randaugment2x0.5+hed-lamp-blur-jpeg-flip-rot90/v2+cell-masks+training-scale/v2"


def plan_rows(split: Split, n_augmented: int) -> list[ViewRow]:
    """Clean view of every image; fixed perturbations of validation images; augmented views of training images."""
    rows = [ViewRow(i, "clean") for i in sorted(split.train + split.validation + split.purged)]
    for name in PERTURBATIONS:
        rows += [ViewRow(i, name) for i in split.validation]
    for view in range(1, n_augmented + 1):
        rows += [ViewRow(i, f"aug{view}") for i in split.train]
    return rows


def cache_key(data_digest: str, seed: int, rows: Sequence[ViewRow], weight_digests: dict[str, str],
              reference: ScaleReference | None = None, augmentation: str = AUGMENTATION_VERSION) -> str:
    digest = hashlib.sha256()
    payload = [data_digest, seed, augmentation, sorted(weight_digests.items()),
               [(r.image, r.view) for r in rows], None if reference is None else reference.reference_px]
    digest.update(json.dumps(payload).encode())
    return digest.hexdigest()


def _view_groups(rows: Sequence[ViewRow], chunk: int):
    """(start, end) ranges of consecutive rows with the same view, at most ``chunk`` long."""
    start = 0
    while start < len(rows):
        end = start + 1
        while end < len(rows) and end - start < chunk and rows[end].view == rows[start].view:
            end += 1
        yield start, end
        start = end


def render_views(items: Sequence[LabelledImage], rows: Sequence[ViewRow], seed: int, augmenter,
                 input_size: int = 224, masked_images: set[int] = frozenset(),
                 mask_grid: int = 28, reference: ScaleReference | None = None,
                 companions: dict[int, list[int]] | None = None,
                 input_transform: Callable[[np.ndarray], np.ndarray] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Images for one chunk of rows sharing a view, and their cell masks on ``mask_grid`` (``NO_MASK`` where the
    image is not in ``masked_images``, has no usable mask, or its field was changed).

    With a scale ``reference`` every view is brought to the training scale as the app brings images
    (:mod:`.scale_views`), and augmented views may first show the field as another microscope would, using
    ``companions`` (same-class training images, by image index) for wider fields. Without one, the image is
    squeezed into one input (tests with random backbones). ``input_transform`` (a stain normaliser, say) changes
    each input as the app would change a photograph: after a perturbation, before training augmentation."""
    view = rows[0].view
    augmented = view != "clean" and view not in PERTURBATIONS
    images, full_masks = [], []
    for position, row in enumerate(rows):
        rgb = load_image(items[row.image].path)
        mask = load_cell_mask(items[row.image].path, input_size) if row.image in masked_images else None
        if mask is not None and mask.shape != rgb.shape[:2]:
            mask = resize(mask, rgb.shape[1], rgb.shape[0])
        rng = np.random.default_rng([seed, position]) if augmented else None
        if reference is None:
            image, mask = to_model_input(rgb, input_size), (None if mask is None else to_model_input(mask, input_size))
        else:
            if augmented:
                rgb, changed = simulate_field(rgb, _companion_loader(items, (companions or {}).get(row.image, []),
                                                                     rgb.shape), rng)
                mask = None if changed else mask
            image, mask = normalised_view(rgb, reference, input_size, rng, mask)
        images.append(image)
        full_masks.append(mask)
    images = np.stack(images)
    if view in PERTURBATIONS:
        images = np.stack([PERTURBATIONS[view](image) for image in images])
    if input_transform is not None:
        images = np.stack([input_transform(image) for image in images])
    if augmented:
        stacked = np.stack([m if m is not None else np.zeros(images.shape[1:3], np.float32) for m in full_masks])
        images, moved = augmenter(images, seed, stacked)
        full_masks = [moved[i] if m is not None else None for i, m in enumerate(full_masks)]
    return images, np.stack([to_grid(m, mask_grid) for m in full_masks])


def _companion_loader(items: Sequence[LabelledImage], indices: Sequence[int], shape: tuple):
    """Reads the companions of one view (those of ``shape``) when a wider field needs them."""
    def load() -> list[np.ndarray]:
        return [image for image in (load_image(items[i].path) for i in indices) if image.shape == shape]
    return load


def same_class_companions(items: Sequence[LabelledImage], images: Sequence[int], count: int = 6) -> dict[int, list[int]]:
    """For each of ``images``, the ``count`` others of its class among ``images`` nearest in acquisition number
    (likely the same patient and slide): the neighbours a wider camera would have shown."""
    by_class: dict[int, list[int]] = {}
    for index in images:
        by_class.setdefault(items[index].label, []).append(index)
    companions = {}
    for members in by_class.values():
        numbers = np.array([items[i].number for i in members])
        for position, index in enumerate(members):
            order = np.argsort(np.abs(numbers - numbers[position]), kind="stable")
            companions[index] = [members[j] for j in order if j != position][:count]
    return companions


def extract_features(
    items: Sequence[LabelledImage],
    rows: Sequence[ViewRow],
    cache_folder: Path,
    weights_folder: Path | None,
    data_digest: str,
    seed: int,
    log: Callable[[str], None],
    chunk: int = 16,
    input_size: int = 224,
    masked_images: set[int] = frozenset(),
    reference: ScaleReference | None = None,
    augmenter: TrainingAugmenter | None = None,
    augmentation: str = AUGMENTATION_VERSION,
    input_transform: Callable[[np.ndarray], np.ndarray] | None = None,
) -> tuple[FeatureCache, dict[str, str]]:
    """Fill the feature cache (resuming from what is already done); return it and the backbone digests.

    Cell masks are stored for the rows of ``masked_images`` (the training images). With a scale ``reference``
    every view is rendered at the training scale (see :func:`render_views`). ``weights_folder=None`` uses random
    backbones (tests only). ``augmenter`` renders the augmented rows (the shipped :class:`TrainingAugmenter` unless
    a lever gives another, named by ``augmentation`` in the cache key, which also names an ``input_transform``).
    """
    extractor, digests = make_extractor(input_size, weights_folder)
    key = cache_key(data_digest, seed, rows, digests, reference, augmentation)
    shapes = [tuple(int(d) for d in output.shape[1:]) for output in extractor.outputs]
    cache = FeatureCache(cache_folder, rows, shapes, key)
    done = cache.done
    if done >= len(rows):
        log(f"feature cache complete ({len(rows)} views)")
        return cache, digests
    forward = compiled_forward(extractor)
    augmenter = augmenter or TrainingAugmenter()
    companions = same_class_companions(items, sorted({row.image for row in rows if row.view.startswith("aug")}))
    tracker = EtaTracker(len(rows), done)
    last_log = 0.0
    log(f"extracting backbone features: {len(rows)} views, {done} already cached")
    for start, end in _view_groups(rows, chunk):
        if end <= done:
            continue
        chunk_seed = seed * 1_000_003 + start
        images, masks = render_views(items, rows[start:end], chunk_seed, augmenter, input_size, masked_images,
                                     cache.mask_shape[0], reference, companions, input_transform)
        maps = [np.asarray(m) for m in forward(images.astype(np.float32))]
        cache.write(start, maps, masks)
        tracker.update(end)
        if time.monotonic() - last_log > 30 or end == len(rows):
            last_log = time.monotonic()
            log(tracker.describe("features"))
    return cache, digests
