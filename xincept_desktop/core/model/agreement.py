"""How closely the runtime model reproduces the TensorFlow reference, image by image (``xincept agreement``).

Both models analyse the same files through ``core.pipeline.analyse`` (scale ruler, tiles, aggregation included),
and the results are compared on what a reader sees: the label, every class probability, the out-of-domain decision,
and the heat maps of every class by both methods (Pearson correlation over the stitched map).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

import numpy as np

#: what issue 18 asks of the runtime
TARGETS = {"max_probability_difference": 0.005, "min_heat_map_correlation": 0.99}


def correlation(a: np.ndarray, b: np.ndarray) -> float:
    """Pearson correlation of two maps; two identical flat maps agree (1.0), a flat and a varying one do not (0.0)."""
    a = np.asarray(a, np.float64).ravel()
    b = np.asarray(b, np.float64).ravel()
    sa, sb = a.std(), b.std()
    if sa < 1e-12 or sb < 1e-12:
        return 1.0 if np.allclose(a, b, atol=1e-6) else 0.0
    return float(np.mean((a - a.mean()) * (b - b.mean())) / (sa * sb))


@dataclass
class Agreement:
    images: int = 0
    failed: int = 0  # files either model could not analyse (both must fail alike)
    label_mismatches: list[str] = field(default_factory=list)
    domain_mismatches: list[str] = field(default_factory=list)
    error_mismatches: list[str] = field(default_factory=list)
    max_probability_difference: float = 0.0
    max_ood_score_difference: float = 0.0
    min_heat_map_correlation: float = 1.0
    min_explained_class_correlation: float = 1.0  # the maps of the class each image is explained as
    worst_heat_map: str = ""

    def add(self, reference, runtime) -> None:
        """Compare the two models' ``ImageResult`` for one file."""
        name = str(reference.path)
        self.images += 1
        if reference.ok != runtime.ok:
            self.error_mismatches.append(name)
            return
        if not reference.ok:
            self.failed += 1
            return
        if reference.label != runtime.label:
            self.label_mismatches.append(name)
        if reference.in_domain != runtime.in_domain:
            self.domain_mismatches.append(name)
        difference = max(abs(reference.probabilities[c] - runtime.probabilities[c]) for c in reference.probabilities)
        self.max_probability_difference = max(self.max_probability_difference, difference)
        self.max_ood_score_difference = max(self.max_ood_score_difference,
                                            abs(reference.ood_score - runtime.ood_score))
        classes = list(reference.probabilities)
        for method, maps in reference.cams.items():
            for index, (ref_map, run_map) in enumerate(zip(maps, runtime.cams[method])):
                value = correlation(ref_map, run_map)
                if value < self.min_heat_map_correlation:
                    self.min_heat_map_correlation, self.worst_heat_map = value, f"{name} {method} {classes[index]}"
                if classes[index] == reference.explained_class:
                    self.min_explained_class_correlation = min(self.min_explained_class_correlation, value)

    @property
    def passed(self) -> bool:
        return (not self.label_mismatches and not self.domain_mismatches and not self.error_mismatches
                and self.max_probability_difference <= TARGETS["max_probability_difference"]
                and self.min_heat_map_correlation >= TARGETS["min_heat_map_correlation"])

    def as_dict(self) -> dict:
        return {**asdict(self), "passed": self.passed, "targets": TARGETS}


def agreement_lines(figures: dict | None) -> list[str]:
    """The model card's section from ``Agreement.as_dict()`` plus ``run`` (what was compared, how, when)."""
    if not figures:
        return []

    def verdict(ok: bool) -> str:
        return "met" if ok else "**NOT met**"

    compared = figures["images"] - figures["failed"]
    labels_ok, domain_ok = not figures["label_mismatches"], not figures["domain_mismatches"]
    p_ok = figures["max_probability_difference"] <= TARGETS["max_probability_difference"]
    cam_ok = figures["min_heat_map_correlation"] >= TARGETS["min_heat_map_correlation"]
    run = figures.get("run", {})
    lines = ["## Inference runtime agreement", "",
             f"The app runs the network exported to {run.get('runtime', 'the runtime')} in float32 (here on "
             f"{run.get('device', 'the CPU')}) with the head, Grad-CAM and Grad-CAM++ in closed form; TensorFlow is "
             f"the reference. Both analysed every image of `{run.get('data', '')}` through the same pipeline (scale "
             f"ruler, tiles, aggregation): `{run.get('command', '')}`, {run.get('created', '')}. The maps compared "
             "are every class's Grad-CAM and Grad-CAM++ over the whole image (Pearson correlation).", "",
             "| measure | runtime vs TensorFlow reference | target | |", "|---|---|---|---|",
             f"| images compared | {compared} ({figures['failed']} unreadable by both) | | |",
             f"| identical labels | {compared - len(figures['label_mismatches'])} of {compared} | all | "
             f"{verdict(labels_ok)} |",
             f"| identical out-of-domain decisions | {compared - len(figures['domain_mismatches'])} of {compared} | all "
             f"| {verdict(domain_ok)} |",
             f"| max \\|p difference\\| (any class) | {figures['max_probability_difference']:.2e} | <= 0.005 | "
             f"{verdict(p_ok)} |",
             f"| max out-of-domain score difference | {figures['max_ood_score_difference']:.2e} | | |",
             f"| min heat-map correlation (every class, both methods) | {figures['min_heat_map_correlation']:.6f} | "
             f">= 0.99 | {verdict(cam_ok)} |",
             f"| min heat-map correlation (explained class) | {figures['min_explained_class_correlation']:.6f} | | |",
             ""]
    return lines


def write_to_card(bundle, figures: dict) -> None:
    """Put the figures into the bundle's model card (``metrics.runtime_agreement`` and its section, before
    "Intended use", replacing an earlier one), then rewrite the manifest (``card_section.put_section``)."""
    from .card_section import put_section

    put_section(bundle, "runtime_agreement", figures, agreement_lines(figures))
