"""A training-side lever: an ensemble of fusion trunks (``xincept trunk-ensemble``).

One split's training run is repeated with other seeds on the same cached backbone maps (the feature cache of
``xincept train --fold K``, so no image goes through the backbones again). Each member is a trunk and head trained
from its own seed, its own validation-fit XGBoost on its embedding, and its own temperature. The ensemble's
probabilities are the mean of its members' calibrated probabilities. Member 0 is the split's own run (its seed and
checkpoint), so "single" below is exactly what that run shipped.

Trunks trained on *other* splits are not used: each would have trained on some of this split's held-out blocks.

Scored on the split's held-out blocks from the cache (clean and under each perturbation of the robustness table):
accuracy, macro-F1, per-class recall, ECE (temperatures cross-fitted on halves of the held-out blocks, as the
trainer does), for the single run and the ensemble of 2 ... ``members``. Inference cost: the backbones are shared,
so each extra member adds one trunk, head and XGBoost pass (measured and reported by the command).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Callable

import numpy as np

from ...config import CLASS_NAMES
from ..model.calibration import expected_calibration_error, fit_temperature, softmax
from ..model.xgb_head import fit_xgboost, margins
from ..progress import format_duration
from .augment import PERTURBATIONS
from .dataset import data_hash, list_dataset
from .extraction import extract_features, plan_rows
from .head_training import train_fusion_head
from .metrics import classification_report
from .cached_rows import embed_rows, row_groups, training_scale_reference
from .split import block_split
from .workspace import training_workspace


def member_seeds(seed: int, members: int) -> list[int]:
    """Member 0 keeps the run's own seed; the others follow it."""
    return [seed + index for index in range(members)]


def ensemble_probabilities(member_probabilities: list[np.ndarray]) -> np.ndarray:
    """Mean of the members' probabilities (rows x classes)."""
    return np.mean(np.stack(member_probabilities), axis=0)


def cross_fitted(member_logits: list[np.ndarray], labels: np.ndarray, halves: np.ndarray) -> np.ndarray:
    """Ensemble probabilities on held-out rows with each member's temperature fitted on the other half."""
    out = np.zeros(member_logits[0].shape, np.float64)
    for half in np.unique(halves):
        fit_mask, eval_mask = halves != half, halves == half
        if not fit_mask.any():
            fit_mask = eval_mask
        out[eval_mask] = ensemble_probabilities([
            softmax(logits[eval_mask], fit_temperature(logits[fit_mask], labels[fit_mask])) for logits in member_logits])
    return out


def figures(probabilities: np.ndarray, labels: np.ndarray) -> dict:
    report = classification_report(labels, probabilities.argmax(1), CLASS_NAMES)
    return {"accuracy": report["accuracy"], "macro_f1": report["macro_f1"],
            "recall": {name: report["per_class"][name]["recall"] for name in CLASS_NAMES},
            "errors": int(np.sum(probabilities.argmax(1) != labels))}


def score_members(members: list[dict], labels: dict[str, np.ndarray], halves: np.ndarray) -> dict:
    """Figures of the first k members' ensemble for k = 1 .. len(members).

    ``members``: per member, ``{"validation": logits, perturbation: calibrated probabilities, ...}``."""
    scored = {}
    for k in range(1, len(members) + 1):
        chosen = members[:k]
        clean = cross_fitted([m["validation"] for m in chosen], labels["validation"], halves)
        entry = figures(clean, labels["validation"])
        entry["ece"] = expected_calibration_error(clean, labels["validation"])
        entry["perturbations"] = {name: figures(ensemble_probabilities([m[name] for m in chosen]), labels[name])
                                  for name in PERTURBATIONS}
        scored[str(k)] = entry
    return scored


def trunk_ensemble_study(config, members: int, log: Callable[[str], None]) -> dict:
    """Train ``members - 1`` extra trunks on the cached maps of ``config``'s split and score 1..members of them."""
    items = list_dataset(config.data)
    split = block_split(items, config.block_size, config.n_folds, config.fold)
    rows = plan_rows(split, config.n_augmented)
    workspace = training_workspace(config.out, fresh=False)
    reference = training_scale_reference(items, split, log)
    cache, _ = extract_features(items, rows, workspace / "features", config.weights_folder, data_hash(config.data),
                                config.seed, log, input_size=config.input_size, masked_images=set(split.train),
                                reference=reference)
    groups = row_groups(rows, split)
    row_labels = np.array([items[row.image].label for row in rows])
    labels = {name: row_labels[groups[name]] for name in ["validation", *PERTURBATIONS]}
    block_of = np.array([items[rows[r].image].number // config.block_size for r in groups["validation"]])
    halves = (block_of // config.n_folds) % 2
    scored_members, timings = [], []
    for index, seed in enumerate(member_seeds(config.seed, members)):
        member_workspace = workspace if index == 0 else workspace / f"ensemble-seed{seed}"
        member_workspace.mkdir(parents=True, exist_ok=True)
        began = time.monotonic()
        _, trunk, head = train_fusion_head(cache.arrays, cache.masks, groups["train"], row_labels[groups["train"]],
                                           member_workspace, seed, log, channels=config.channels,
                                           epochs=config.epochs, features_key=cache.key)
        embeddings, _ = embed_rows(trunk, head, cache.arrays)
        booster = fit_xgboost(embeddings[groups["train"]], row_labels[groups["train"]], len(CLASS_NAMES), seed)
        validation_logits = margins(booster, embeddings[groups["validation"]])
        temperature = fit_temperature(validation_logits, labels["validation"])
        member = {"validation": validation_logits}
        member.update({name: softmax(margins(booster, embeddings[groups[name]]), temperature)
                       for name in PERTURBATIONS})
        scored_members.append(member)
        timings.append(time.monotonic() - began)
        single = figures(softmax(validation_logits, temperature), labels["validation"])
        log(f"member {index} (seed {seed}): held-out accuracy {single['accuracy']:.4f} "
            f"({format_duration(timings[-1])})")
    scored = score_members(scored_members, labels, halves)
    for k, entry in scored.items():
        log(f"ensemble of {k}: accuracy {entry['accuracy']:.4f}, macro-F1 {entry['macro_f1']:.4f}, ECE "
            f"{entry['ece']:.4f}; " + ", ".join(f"{name} {value['accuracy']:.4f}"
                                                for name, value in entry["perturbations"].items()))
    return {"fold": config.fold, "seeds": member_seeds(config.seed, members), "held_out_images": len(split.validation),
            "members": scored, "member_seconds": timings, "out": str(Path(config.out))}
