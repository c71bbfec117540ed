"""The stain-normalisation lever: normalisation at input against stain augmentation alone (``xincept stain-lever``).

Every view (clean, perturbed, augmented) is normalised to a target made of training images before the backbones,
as the app would normalise a photograph: after a perturbation (a stain shift is what normalisation should undo),
before training augmentation (which still jitters stain, lamp, blur and JPEG). Both arms keep the split's
augmentation; the lever adds only the normalisation.

Cost on 2 cores decides the protocol: every view must go through the backbones again, so both arms are trained on
one augmented view per training image (the split's own first view for augmentation alone, from its cache, so only
the normalised arm is extracted), from the split's seed, each with its own XGBoost and temperature. The split's
shipped run (four views) is not the reference here; the paired difference of the two one-view arms is the lever's
effect.
"""

from __future__ import annotations

import time
from typing import Callable

import numpy as np

from .extraction import AUGMENTATION_VERSION, extract_features, plan_rows
from .stain_normalisation import METHODS, StainNormaliser, target_mosaic
from .cached_rows import row_groups
from .view_levers import Member, fit_arms, score_arms, split_run

VIEWS = 1  # augmented views per training image in both arms
TARGET_PER_CLASS = 4


def stain_target(items, train_images, input_size: int, per_class: int = TARGET_PER_CLASS) -> np.ndarray:
    """A mosaic of ``per_class`` training images of each class, spread over its acquisition numbers."""
    from ..imaging import load_model_input

    by_class: dict[int, list[int]] = {}
    for index in sorted(train_images):
        by_class.setdefault(items[index].label, []).append(index)
    chosen = []
    for members in by_class.values():
        chosen += [members[int(k)] for k in np.linspace(0, len(members) - 1, per_class)]
    return target_mosaic([load_model_input(items[i].path, input_size) for i in chosen], columns=per_class)


def stain_lever_study(config, method: str, log: Callable[[str], None]) -> dict:
    """Measure normalisation by ``method`` (a ``stain_normalisation.METHODS`` key) on ``config``'s split."""
    run = split_run(config, log)
    items, split = run.items, run.split
    rows = plan_rows(split, VIEWS)  # a prefix of the split's own rows: clean, perturbations, aug1
    assert run.rows[:len(rows)] == rows
    target = stain_target(items, split.train, config.input_size)
    normaliser = StainNormaliser(target, method)
    began = time.monotonic()
    for _ in range(20):
        normaliser(target[:config.input_size, :config.input_size])
    milliseconds = (time.monotonic() - began) / 20 * 1000
    folder = run.workspace / f"lever-stain-{method}"
    log(f"stain normalisation ({METHODS[method]}): {len(rows)} views, one augmented view per training image")
    normalised, _ = extract_features(items, rows, folder / "features", config.weights_folder, run.digest, config.seed,
                                     log, input_size=config.input_size, masked_images=set(split.train),
                                     reference=run.reference, input_transform=normaliser,
                                     augmentation=f"{AUGMENTATION_VERSION}+stain-{method}/v1")
    groups = row_groups(rows, split)
    labels_of = np.array([items[row.image].label for row in rows])
    own = [array[:len(rows)] for array in run.cache.arrays]
    arms = {
        "augmentation alone": Member(own, run.cache.masks[:len(rows)], groups, run.workspace / "lever-stain-own-1view",
                                     f"{run.cache.key}:first {len(rows)} rows", [own]),
        f"normalised ({method})": Member(normalised.arrays, normalised.masks, groups, folder, normalised.key,
                                         [normalised.arrays]),
    }
    members, seconds = fit_arms(config, arms, labels_of, log)
    scored = score_arms(config, items, rows, groups, labels_of, members, log)
    return {"fold": config.fold, "lever": f"stain-{method}", "lever_arm": f"normalised ({method})",
            "reference_arm": "augmentation alone", "reference_label": "stain augmentation alone (1 view)",
            "description": f"{METHODS[method]} at input, target: {TARGET_PER_CLASS} training images per class; "
                           f"against augmentation alone, both arms 1 augmented view per training image",
            "cost": f"{len(rows)} views through the backbones again per split; {milliseconds:.1f} ms per 224 px "
                    f"input at inference",
            "passed_through_unnormalised": normaliser.unchanged, "held_out_images": len(split.validation),
            "figures": scored, "seconds": seconds, "out": str(config.out)}
