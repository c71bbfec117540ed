"""Training-side levers that add augmented views (``xincept view-lever``).

One split's training run (``xincept train --fold K``) is repeated with extra augmented views of some training
images, on top of the split's own feature cache: only the extra views go through the backbones (their own cache
beside the split's), then a trunk and head are trained from the split's own seed on the split's training rows plus
the extra ones, with their own validation-fit XGBoost and temperature. Everything else (split, seed, epochs, the
held-out rows and their perturbations) is the split's, so the paired difference to the split's own run is the
lever's effect.

- ``more-views``: two more views of every training image (six instead of four), the shipped augmentation;
- ``benign-hard``: four more views of every Benign training image with harder stain and lamp changes
  (``augment.HARDER_STAIN_LAMP``): the issue's "harder stain/lamp augmentation for Benign".

Scored like :mod:`.trunk_ensemble` (held-out blocks from the cache, clean and under each perturbation).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from ...config import CLASS_NAMES
from ..model.calibration import fit_temperature, softmax
from ..model.xgb_head import fit_xgboost, margins
from ..progress import format_duration
from .augment import HARDER_STAIN_LAMP, PERTURBATIONS, SHIPPED_RANGES, PhotometricRanges, TrainingAugmenter
from .cached_rows import RowsOf, SplitRun, embed_rows, row_groups, split_run
from .extraction import AUGMENTATION_VERSION, extract_features
from .feature_cache import ViewRow
from .head_training import train_fusion_head
from .trunk_ensemble import score_members


@dataclass(frozen=True)
class ViewLever:
    description: str
    views: int  # extra augmented views per chosen training image
    classes: tuple[str, ...]  # whose training images get them
    ranges: PhotometricRanges
    augmentation: str  # names the extra views' augmentation in their cache key


VIEW_LEVERS = {
    "more-views": ViewLever("6 augmented views per training image instead of 4 (shipped augmentation)", 2,
                            tuple(CLASS_NAMES), SHIPPED_RANGES, AUGMENTATION_VERSION),
    "benign-hard": ViewLever("4 extra views of each Benign training image, harder stain and lamp (stain 0.4-1.8x, "
                             "lamp gain 0.6-1.4, gamma 0.55-1.7, white balance +-25 %)", 4, ("Benign",),
                             HARDER_STAIN_LAMP, AUGMENTATION_VERSION + "+harder-stain-lamp/v1"),
}


def extra_rows(items, train_images: Sequence[int], lever: ViewLever, first_view: int) -> list[ViewRow]:
    """The lever's extra rows: views ``first_view`` .. of the chosen classes' training images, grouped by view."""
    chosen = [i for i in sorted(train_images) if CLASS_NAMES[items[i].label] in lever.classes]
    return [ViewRow(i, f"aug{view}") for view in range(first_view, first_view + lever.views) for i in chosen]


@dataclass(frozen=True)
class Member:
    """What one trained member sees: its maps and masks (row-indexed), its row groups (``train``, ``validation``, one
    per perturbation), where it keeps its checkpoint and the key of its features, and the arrays embedded for
    XGBoost, in row order (each part embedded on its own)."""
    maps: Sequence
    masks: object
    groups: dict[str, list[int]]
    folder: Path
    features_key: str
    embedded_parts: list


def fit_member(config, member: Member, row_labels: np.ndarray, log: Callable[[str], None]) -> dict:
    """Train a trunk and head from ``config.seed`` on the member's training rows (resuming its checkpoint), fit
    XGBoost on their embeddings and a temperature on the held-out rows: held-out logits (``validation``) and
    calibrated probabilities under each perturbation."""
    groups, train_rows = member.groups, member.groups["train"]
    member.folder.mkdir(parents=True, exist_ok=True)
    _, trunk, head = train_fusion_head(member.maps, member.masks, train_rows, row_labels[train_rows], member.folder,
                                       config.seed, log, channels=config.channels, epochs=config.epochs,
                                       features_key=member.features_key)
    embedded = np.concatenate([embed_rows(trunk, head, part)[0] for part in member.embedded_parts])
    return score_embeddings(config, embedded, groups, row_labels)


def score_embeddings(config, embedded: np.ndarray, groups: dict[str, list[int]], row_labels: np.ndarray) -> dict:
    """XGBoost fitted on the training rows' embeddings, a temperature on the held-out rows: held-out logits
    (``validation``) and calibrated probabilities under each perturbation."""
    train_rows = groups["train"]
    booster = fit_xgboost(embedded[train_rows], row_labels[train_rows], len(CLASS_NAMES), config.seed)
    validation_logits = margins(booster, embedded[groups["validation"]])
    temperature = fit_temperature(validation_logits, row_labels[groups["validation"]])
    scored = {"validation": validation_logits}
    scored.update({p: softmax(margins(booster, embedded[groups[p]]), temperature) for p in PERTURBATIONS})
    return scored


def held_out_halves(items, rows, groups, config) -> np.ndarray:
    """Which half of the held-out blocks each validation row is in (the trainer's cross-fitted calibration)."""
    block_of = np.array([items[rows[r].image].number // config.block_size for r in groups["validation"]])
    return (block_of // config.n_folds) % 2


def fit_arms(config, arms: dict[str, Member], row_labels: np.ndarray, log: Callable[[str], None]):
    """:func:`fit_member` for each arm in turn: the arms' held-out outputs and the seconds each took."""
    members, seconds = {}, {}
    for name, member in arms.items():
        began = time.monotonic()
        members[name] = fit_member(config, member, row_labels, log)
        seconds[name] = time.monotonic() - began
        log(f"{name}: trained and scored in {format_duration(seconds[name])}")
    return members, seconds


def score_arms(config, items, rows, groups: dict[str, list[int]], row_labels: np.ndarray, members: dict[str, dict],
               log: Callable[[str], None]) -> dict[str, dict]:
    """Each arm's figures on the held-out rows (temperatures cross-fitted on halves of the held-out blocks), logged."""
    labels = {name: row_labels[groups[name]] for name in ["validation", *PERTURBATIONS]}
    halves = held_out_halves(items, rows, groups, config)
    scored = {name: score_members([member], labels, halves)["1"] for name, member in members.items()}
    for name, entry in scored.items():
        log(f"{name}: accuracy {entry['accuracy']:.4f}, macro-F1 {entry['macro_f1']:.4f}, Benign recall "
            f"{entry['recall']['Benign']:.4f}, ECE {entry['ece']:.4f}; " +
            ", ".join(f"{p} {v['accuracy']:.4f}" for p, v in entry["perturbations"].items()))
    return scored


@dataclass(frozen=True)
class AddedViews:
    """A lever's extra views beside a split's cache: their rows (after the split's), their own cache, and the two
    read as one (``maps``, ``masks``) with the key and checkpoint folder of a trunk trained on both."""
    rows: list[ViewRow]
    cache: object
    maps: list
    masks: object
    folder: Path
    features_key: str


def added_views(config, lever_name: str, run: SplitRun, log: Callable[[str], None]) -> AddedViews:
    """Extract (or reuse) the extra views of ``lever_name`` for ``run``'s training images."""
    lever = VIEW_LEVERS[lever_name]
    folder = run.workspace / f"lever-{lever_name}"
    added = extra_rows(run.items, run.split.train, lever, config.n_augmented + 1)
    log(f"lever {lever_name}: {len(added)} extra views ({lever.description})")
    extra, _ = extract_features(run.items, added, folder / "features", config.weights_folder, run.digest,
                                config.seed * 7919 + 1, log, input_size=config.input_size,
                                masked_images=set(run.split.train), reference=run.reference,
                                augmenter=TrainingAugmenter(ranges=lever.ranges), augmentation=lever.augmentation)
    return AddedViews(added, extra, [RowsOf(a, b) for a, b in zip(run.cache.arrays, extra.arrays)],
                      RowsOf(run.cache.masks, extra.masks), folder, run.cache.key + extra.key)


def view_lever_study(config, lever_name: str, log: Callable[[str], None]) -> dict:
    """Measure one lever on ``config``'s split against the split's own run; figures for both."""
    lever = VIEW_LEVERS[lever_name]
    run = split_run(config, log)
    items, split, rows, workspace, cache = run.items, run.split, run.rows, run.workspace, run.cache
    views = added_views(config, lever_name, run, log)
    added = views.rows
    groups = row_groups(rows, split)
    labels_of = np.array([items[row.image].label for row in rows + added])
    lever_groups = dict(groups, train=groups["train"] + list(range(len(rows), len(rows) + len(added))))
    members, seconds = fit_arms(config, {
        "single": Member(cache.arrays, cache.masks, groups, workspace, cache.key, [cache.arrays]),
        lever_name: Member(views.maps, views.masks, lever_groups, views.folder, views.features_key,
                           [cache.arrays, views.cache.arrays]),
    }, labels_of, log)
    scored = score_arms(config, items, rows, groups, labels_of, members, log)
    return {"fold": config.fold, "lever": lever_name, "description": lever.description, "extra_views": len(added),
            "held_out_images": len(split.validation), "figures": scored, "seconds": seconds,
            "out": str(Path(config.out))}
