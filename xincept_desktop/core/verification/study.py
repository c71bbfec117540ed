"""Run a verification study: the model on the lab's labelled images, the figures, the gallery of its mistakes.

The images go through the app's own analysis (``core.pipeline.analyse``: scale ruler, tiling, calibrated
probabilities, out-of-domain flag), so the study measures what the lab's users will see. Out-of-domain images are
counted in every figure (the model's closest class is what a user would read); the share of them is reported.
Files that cannot be analysed are listed and left out of the figures.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from ..pipeline import analyse
from .data import LabImage, lab_data_digest
from .metrics import study_figures

GALLERY_PER_CLASS = 15  # misclassified images shown per reference class (all are listed in the JSON)


@dataclass(frozen=True)
class StudySettings:
    data: str  # where the images came from, as the user gave it
    operator: str = ""
    min_agreement: float = 0.95


@dataclass
class GalleryItem:
    path: str
    truth: str
    predicted: str
    confidence: float
    in_domain: bool
    thumbnail_png: bytes | None
    overlay_png: bytes | None


@dataclass
class Study:
    record: dict  # everything verification.json holds
    gallery: list[GalleryItem] = field(default_factory=list)
    reliability_png: bytes | None = None

    @property
    def passed(self) -> bool:
        return bool(self.record["passed"])


def model_identity(model) -> dict:
    """Name, version, hash and (for an adapted bundle) its parent, as every study and report names the model."""
    manifest = model.manifest
    identity = {"name": manifest.name, "version": manifest.version, "hash": manifest.short_hash,
                "label": model.version_label}
    parent = getattr(manifest, "parent_hash", "")
    if parent:
        identity.update({"adapted": True, "parent": getattr(manifest, "adapted_from", ""), "parent_hash": parent,
                         "site": getattr(manifest, "site", "")})
    return identity


def run_study(model, images: Sequence[LabImage], settings: StudySettings,
              progress: Callable[[int, int], None] | None = None, should_stop: Callable[[], bool] | None = None,
              profile=None) -> Study | None:
    """Analyse every image and assemble the study; None when ``should_stop`` ended it early."""
    from ..report.images import ThumbnailMaker

    classes = list(model.classes)
    truth_of = {Path(image.path): image.label for image in images}
    thumbnails = ThumbnailMaker(longest_px=200)
    rows, failed, gallery = [], [], []
    truth, probabilities, in_domain = [], [], []
    for result in analyse([image.path for image in images], model, progress=progress, should_stop=should_stop,
                          profile=profile):
        label = truth_of[Path(result.path)]
        if not result.ok:
            failed.append({"path": str(result.path), "truth": classes[label], "error": result.error})
            continue
        truth.append(label)
        probabilities.append([result.probabilities[name] for name in classes])
        in_domain.append(bool(result.in_domain))
        rows.append({"path": str(result.path), "truth": classes[label], "predicted": result.label,
                     "confidence": result.confidence, "in_domain": bool(result.in_domain),
                     "ood_score": result.ood_score})
        if result.label != classes[label] and sum(g.truth == classes[label] for g in gallery) < GALLERY_PER_CLASS:
            pictures = thumbnails.pictures(result, "gradcam", 0.4, "jet")
            gallery.append(GalleryItem(str(result.path), classes[label], result.label, float(result.confidence),
                                       bool(result.in_domain), pictures.thumbnail_png, pictures.overlay_png))
        result.cams = {}  # the maps of correctly read images are not needed: keep memory flat
    if should_stop and should_stop():
        return None
    figures = study_figures(truth, np.asarray(probabilities).reshape(-1, len(classes)), in_domain, classes)
    record = _record(model, settings, images, figures, rows, failed)
    return Study(record, gallery, reliability_png(figures["reliability_bins"]) if figures["n"] else None)


def _record(model, settings: StudySettings, images, figures: dict, rows: list, failed: list) -> dict:
    accuracy = figures["accuracy"]
    passed = accuracy is not None and accuracy >= settings.min_agreement
    return {
        "study": "verification of a qualitative examination (CLSI EP12 / ISO 15189): agreement with the lab's "
                 "reference classification",
        "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "operator": settings.operator,
        "data": settings.data,
        "data_digest": lab_data_digest(images),
        "acceptance": {"min_agreement": settings.min_agreement,
                       "rule": f"overall agreement (accuracy) of at least {settings.min_agreement:.1%}"},
        "passed": passed,
        "model": model_identity(model),
        "classes": list(model.classes),
        **figures,
        "not_analysed": failed,
        "images": rows,
    }


def reliability_png(bins: Sequence[Sequence[float]]) -> bytes:
    """Reliability diagram (accuracy against confidence per bin, bar width = bin, count in the bar) as PNG."""
    import io

    from matplotlib.figure import Figure

    figure = Figure(figsize=(3.6, 3.2), dpi=150)
    axes = figure.add_subplot(1, 1, 1)
    axes.plot([0, 1], [0, 1], color="#888888", linewidth=0.8, linestyle="--", label="perfect calibration")
    for lower, upper, count, confidence, accuracy in bins:
        axes.bar((lower + upper) / 2, accuracy, width=upper - lower, color="#1f4e79", alpha=0.75,
                 edgecolor="white")
        axes.plot((lower + upper) / 2, confidence, marker="o", color="#c0504d", markersize=3)
    axes.set_xlim(0, 1)
    axes.set_ylim(0, 1.02)
    axes.set_xlabel("confidence", fontsize=8)
    axes.set_ylabel("share correct", fontsize=8)
    axes.tick_params(labelsize=7)
    axes.legend(fontsize=6, loc="upper left")
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()
