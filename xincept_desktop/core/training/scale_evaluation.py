"""The model card's microscope-scale table: held-out images as another microscope would show them.

Conditions (each built from the block-validation images, which trained nothing):

- ``as trained``: the images as they are;
- ``1600x1200``: the same field from a larger 4:3 camera (resized to 1600x1200);
- ``1.5x`` / ``2x``: a higher magnification (the central 2/3 or 1/2 of the field, enlarged back to its size);
- ``0.75x`` / ``0.5x``: a wider camera (four fields of one class and block side by side, the top-left 3/4 or all
  of it shrunk to one image's size).

Each is scored ``before`` (the whole field squeezed into one input, as the app did before the ruler) and
``after`` (ruler, normalisation and tiling). Per cell: accuracy, coverage (shown as in domain) and silent
errors (wrong *and* shown as in domain), as fractions of the images; also the errors with no flag at all (in domain
and not marked low confidence, the app's "needs review" rule).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np

from ..imaging import resize
from ..pipeline import analyse_images
from ..scale.tiling import PAD_BACKGROUND, PAD_REFLECT

CONDITIONS = ("as trained", "1600x1200", "1.5x", "2x", "0.75x", "0.5x")


@dataclass(frozen=True)
class Condition:
    name: str
    images: list[np.ndarray]
    labels: list[str]


def build_conditions(images: Sequence[np.ndarray], labels: Sequence[str], groups: Sequence[object]) -> list[Condition]:
    """``groups`` (e.g. class and block) decide which four images may share a wide field."""
    images, labels = list(images), list(labels)
    mosaics, mosaic_labels = wide_fields(images, labels, groups)
    return [
        Condition("as trained", images, labels),
        Condition("1600x1200", [resize(i, 1600, 1200) for i in images], labels),
        Condition("1.5x", [magnify(i, 1.5) for i in images], labels),
        Condition("2x", [magnify(i, 2.0) for i in images], labels),
        Condition("0.75x", [_shrink_field(m, 0.75) for m in mosaics], mosaic_labels),
        Condition("0.5x", [_shrink_field(m, 0.5) for m in mosaics], mosaic_labels),
    ]


def magnify(rgb: np.ndarray, factor: float) -> np.ndarray:
    """The central 1/factor of the field enlarged back to the image's size."""
    height, width = rgb.shape[:2]
    crop_h, crop_w = round(height / factor), round(width / factor)
    top, left = (height - crop_h) // 2, (width - crop_w) // 2
    return resize(rgb[top:top + crop_h, left:left + crop_w], width, height)


def wide_fields(images: list[np.ndarray], labels: list[str], groups: Sequence[object]):
    """2x2 mosaics of consecutive images of one group (same size), and their labels."""
    mosaics, mosaic_labels, run = [], [], []
    for index, group in enumerate(groups):
        if run and (groups[run[0]] != group or images[run[0]].shape != images[index].shape):
            run = []
        run.append(index)
        if len(run) == 4:
            a, b, c, d = (images[i] for i in run)
            mosaics.append(np.vstack([np.hstack([a, b]), np.hstack([c, d])]))
            mosaic_labels.append(labels[run[0]])
            run = []
    return mosaics, mosaic_labels


def _shrink_field(mosaic: np.ndarray, factor: float) -> np.ndarray:
    """A camera seeing ``1 / factor`` of one field's width: the mosaic's top-left part shrunk to one field."""
    height, width = mosaic.shape[0] // 2, mosaic.shape[1] // 2
    part = mosaic[:round(height / factor), :round(width / factor)]
    return resize(part, width, height)


def score_condition(condition: Condition, model, normalise: bool, progress: Callable[[str], None] | None = None,
                    chunk: int = 32, pad: str = PAD_REFLECT) -> dict:
    """Accuracy, coverage and silent errors of one condition, with or without the scale normalisation."""
    reference = model.scale_reference
    if not normalise:
        model.scale_reference = None
    try:
        results = []
        for start in range(0, len(condition.images), chunk):
            results += analyse_images(condition.images[start:start + chunk], model, pad=pad)
            if progress:
                progress(f"{condition.name} ({'after' if normalise else 'before'}): "
                         f"{len(results)}/{len(condition.images)}")
    finally:
        model.scale_reference = reference
    correct = np.array([r.label == label for r, label in zip(results, condition.labels)])
    shown = np.array([bool(r.in_domain) for r in results])
    shown_without_floor = np.array([r.shown_but_for_small_field_floor for r in results])
    unflagged = np.array([not r.needs_review for r in results])  # in domain and not low confidence
    tiles = np.array([r.tiles for r in results])
    scales = np.array([r.scale_factor if r.scale_factor is not None else np.nan for r in results], float)
    per_class = {name: float(correct[[label == name for label in condition.labels]].mean())
                 for name in sorted(set(condition.labels))}
    return {"n": len(results), "accuracy": float(correct.mean()), "per_class_accuracy": per_class, "coverage": float(shown.mean()),
            "silent_errors": float((~correct & shown).mean()),
            "coverage_without_small_field_floor": float(shown_without_floor.mean()),
            "silent_errors_without_small_field_floor": float((~correct & shown_without_floor).mean()),
            "unflagged_errors": float((~correct & unflagged).mean()), "mean_tiles": float(tiles.mean()),
            "median_scale": float(np.nanmedian(scales)) if np.isfinite(scales).any() else None,
            "scale_unknown": float(np.mean([r.scale_unknown for r in results]))}


PADDING_CONDITIONS = ("1.5x", "2x")


def scale_table(model, images, labels, groups, progress=None) -> dict:
    """{condition: {"before": {...}, "after": {...}}} over every condition; the magnified ones also "after,
    background padding" (the rule reflection padding was chosen against)."""
    table = {}
    for condition in build_conditions(images, labels, groups):
        table[condition.name] = {"before": score_condition(condition, model, False, progress),
                                 "after": score_condition(condition, model, True, progress)}
        if condition.name in PADDING_CONDITIONS:
            table[condition.name]["after_background_padding"] = score_condition(
                condition, model, True, progress, pad=PAD_BACKGROUND)
    return table


def in_condition_order(table: dict) -> dict:
    """``table`` with its fields in ``CONDITIONS`` order (a card read back from JSON has its keys sorted)."""
    return {name: table[name] for name in sorted(table, key=lambda n: CONDITIONS.index(n) if n in CONDITIONS
                                                 else len(CONDITIONS))}


def table_markdown(table: dict) -> str:
    table = in_condition_order(table)
    lines = ["| field | n | accuracy before -> after | in domain before -> after | silent errors before -> after "
             "| wrong with no flag at all, after | tiles (mean) | median scale read |",
             "|---|---|---|---|---|---|---|---|"]
    for name, cell in table.items():
        before, after = cell["before"], cell["after"]
        scale = f"{after['median_scale']:.2f}x" if after["median_scale"] is not None else "unknown"
        lines.append(f"| {name} | {after['n']} | {before['accuracy']:.1%} -> {after['accuracy']:.1%} "
                     f"| {before['coverage']:.1%} -> {after['coverage']:.1%} "
                     f"| {before['silent_errors']:.1%} -> {after['silent_errors']:.1%} "
                     f"| {_optional_percent(after.get('unflagged_errors'))} "
                     f"| {after['mean_tiles']:.1f} | {scale} |")
    return "\n".join(lines)


def small_field_floor_markdown(table: dict) -> str:
    """Silent errors and coverage after normalisation, with and without the magnified-field confidence floor."""
    table = in_condition_order(table)
    lines = ["| field | silent errors without -> with the floor | in domain without -> with the floor |",
             "|---|---|---|"]
    for name, cell in table.items():
        after = cell["after"]
        if "silent_errors_without_small_field_floor" not in after:
            continue
        lines.append(f"| {name} | {after['silent_errors_without_small_field_floor']:.2%} -> {after['silent_errors']:.2%} "
                     f"| {after['coverage_without_small_field_floor']:.1%} -> {after['coverage']:.1%} |")
    return "\n".join(lines)


def _optional_percent(value) -> str:
    return "-" if value is None else f"{value:.1%}"
