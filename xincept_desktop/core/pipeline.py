"""``analyse(paths, model)``: image files to per-image results, shared by the CLI and the GUI.

Files are decoded in a background thread while the previous batch runs through the compiled network; a file
that cannot be read becomes a result with ``error`` set and the batch goes on. ``should_stop`` is checked
between batches so a caller can cancel.

Each decoded image is measured by the scale ruler, brought to the training scale and cut into model inputs
(``core/scale``); the tiles of a batch of files run through the network together and each file's result is
their weighted aggregate, with the heat maps stitched over the whole field. An image whose scale is unknown is
never shown as in domain.

A magnified field (``core.scale.small_field``: the image fills less than 60 % of the model's input after
normalisation) is read again mirrored left-right, mirrored top-bottom and turned 90 degrees (``core.orientations``),
and its class is the mean of the four readings: measured on three split offsets' held-out blocks, 2x fields gained
1.2-1.7 points of accuracy (model card, "Microscope scale"). Its heat maps are the mean of the four readings' maps,
each turned back over the photograph; its scale and out-of-domain distance stay those of the photograph as taken,
and a note says it was read four ways.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

import numpy as np

from ..errors import ImageLoadError
from .imaging import load_image_with_notes
from .assessability import MAGNIFICATION_MARK, SCALE_MARK
from .orientations import ORIENTATIONS, UNDONE_ON_MAPS
from .scale import ScaleDecision, decide, plan_tiles, read_scale
from .scale.decision import UNKNOWN
from .scale.profiles import MicroscopeProfile
from .scale.small_field import is_small_field, small_field_doubt, small_field_reason
from .scale.tiling import PAD_REFLECT, TilePlan, aggregate, peak_normalised, stitch, tile_weights

LOW_CONFIDENCE = 0.70


@dataclass
class ImageResult:
    """What the model said about one file, or why it could not say anything."""

    path: Path
    label: str | None = None
    confidence: float | None = None
    probabilities: dict[str, float] = field(default_factory=dict)
    in_domain: bool | None = None
    ood_score: float | None = None
    ood_threshold: float | None = None
    error: str | None = None
    cams: dict[str, np.ndarray] = field(default_factory=dict)  # method -> (classes, grid, grid) in [0, 1]
    image_size: tuple[int, int] | None = None  # (height, width) of the original image
    scale: ScaleDecision | None = None  # what the ruler (or the profile) said and what was done with it
    tile_boxes: list[tuple[int, int, int, int]] = field(default_factory=list)  # (x0, y0, x1, y1) per tile
    notes: list[str] = field(default_factory=list)  # what the reader said about the file (e.g. page 1 of 3)
    explained_class: str | None = None  # the class the network's softmax head (the heat maps' target) gives
    label_as_photographed: str | None = None  # the class read at the photograph's own scale, when compared
    label_at_scale: str | None = None  # the class read at the training scale, when compared
    field_share: float | None = None  # share of the model's input the image fills at the training scale (best tile)

    @property
    def scale_sensitive(self) -> bool:
        """True when the class read at the training scale and at the photograph's own scale differ."""
        return self.ok and self.label_as_photographed is not None and self.label_as_photographed != self.label_at_scale

    @property
    def small_field_doubt(self) -> bool:
        """True when a magnified field was read with less confidence than magnified fields need (``core.scale.
        small_field``): it is then not shown as in domain."""
        return self.ok and small_field_doubt(self.field_share, self.confidence)

    @property
    def shown_but_for_small_field_floor(self) -> bool:
        """True when the image is in domain or only the magnified-field floor keeps it from being."""
        return bool(self.in_domain) or (self.small_field_doubt and self.ood_score is not None
                                        and self.ood_score <= self.ood_threshold and not self.scale_unknown
                                        and not self.scale_sensitive)

    @property
    def explanation_agrees(self) -> bool:
        """True when the heat map's class (the head's) is the class the app gives (XGBoost's)."""
        return self.explained_class is None or self.explained_class == self.label

    @property
    def scale_factor(self) -> float | None:
        """Red cells relative to the training images (2.0: twice as large); None when unknown."""
        return self.scale.scale if self.scale is not None else None

    @property
    def tiles(self) -> int:
        return len(self.tile_boxes)

    @property
    def scale_unknown(self) -> bool:
        return self.scale is not None and self.scale.source == UNKNOWN

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def low_confidence(self) -> bool:
        return self.ok and (self.confidence or 0.0) < LOW_CONFIDENCE

    @property
    def needs_review(self) -> bool:
        return self.ok and (self.low_confidence or not self.in_domain)

    @property
    def ood_reason(self) -> str:
        if not self.ok or self.ood_score is None:
            return ""
        if self.scale_unknown:
            return f"{self.scale.note}: the magnification {SCALE_MARK}"
        if self.scale_sensitive:
            return (f"{MAGNIFICATION_MARK} ({self.label_at_scale} at the training scale, "
                    f"{self.label_as_photographed} as photographed): check the microscope and its profile")
        if self.small_field_doubt:
            reason = small_field_reason(self.field_share, self.confidence)
            if self.ood_score > self.ood_threshold:
                reason += f"; also unlike the training images (distance {self.ood_score:.2f} > {self.ood_threshold:.2f})"
            return reason
        if self.in_domain:
            return f"like the training images (distance {self.ood_score:.2f} <= {self.ood_threshold:.2f})"
        return f"unlike the training images (distance {self.ood_score:.2f} > {self.ood_threshold:.2f}): check stain, magnification and content"


@dataclass
class _Decoded:
    path: Path
    plan: TilePlan | None
    scale: ScaleDecision | None
    size: tuple[int, int] | None
    error: str | None
    notes: list[str] = field(default_factory=list)
    as_photographed: TilePlan | None = None  # the unresized tiles, when the decision asks to compare
    reload: Callable[[], np.ndarray] | None = None  # the RGB image again, to read it in other orientations
    profile: MicroscopeProfile | None = None
    pad: str = PAD_REFLECT

    @property
    def tiles(self) -> list:
        return self.plan.tiles + (self.as_photographed.tiles if self.as_photographed is not None else [])


def _decode(path: Path, model, profile: MicroscopeProfile | None) -> _Decoded:
    try:
        rgb, notes = load_image_with_notes(path)
    except ImageLoadError as exc:
        return _Decoded(path, None, None, None, str(exc))
    except MemoryError:
        return _Decoded(path, None, None, None, "not enough memory to decode this image")
    decoded = _prepared(path, rgb, model, profile, notes=notes)
    decoded.reload = lambda: load_image_with_notes(path)[0]  # not kept: a folder of 12-megapixel photographs
    return decoded


def _prepared(path: Path, rgb: np.ndarray, model, profile: MicroscopeProfile | None, pad: str = PAD_REFLECT,
              notes: list[str] | None = None) -> _Decoded:
    """A decoded image measured and cut into tiles (also unresized, when the decision asks to compare)."""
    plan, decision = prepare(rgb, model, profile, pad)
    photographed = (plan_tiles(rgb, replace(decision, resize_x=1.0, resize_y=1.0), model.input_size, pad)
                    if decision.compare_as_photographed else None)
    return _Decoded(path, plan, decision, rgb.shape[:2], None, list(notes or []), photographed, profile=profile,
                    pad=pad)


def prepare(rgb: np.ndarray, model, profile: MicroscopeProfile | None = None,
            pad: str = PAD_REFLECT) -> tuple[TilePlan, ScaleDecision]:
    """Measure the scale of an RGB image and cut it into model inputs at the training scale."""
    reference = getattr(model, "scale_reference", None)
    reading = read_scale(rgb) if reference is not None else None
    decision = decide(reading, reference, profile, rgb.shape[:2], model.input_size)
    return plan_tiles(rgb, decision, model.input_size, pad), decision


def analyse_images(images: Sequence[np.ndarray], model, names: Sequence[str] | None = None,
                   profile: MicroscopeProfile | None = None, batch_size: int = 8,
                   pad: str = PAD_REFLECT, reread_magnified: bool = True) -> list[ImageResult]:
    """Like :func:`analyse` for RGB arrays already in memory (evaluation, tests); ``names`` label the results;
    ``pad`` lets the evaluation compare padding rules; ``reread_magnified=False`` gives every image's first reading
    only (the levers study combines orientations itself)."""
    names = names or [f"image-{i}" for i in range(len(images))]
    decoded = []
    for name, rgb in zip(names, images):
        decoded.append(_prepared(Path(name), rgb, model, profile, pad))
        decoded[-1].reload = lambda rgb=rgb: rgb
    return _predict_decoded(decoded, model, keep_cams=True, batch_size=batch_size, reread_magnified=reread_magnified)


def _batches(items: Sequence[Path], size: int) -> Iterator[Sequence[Path]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def analyse(
    paths: Iterable[Path],
    model,
    progress: Callable[[int, int], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    batch_size: int = 8,
    keep_cams: bool = True,
    profile: MicroscopeProfile | None = None,
) -> Iterator[ImageResult]:
    """Yield one :class:`ImageResult` per path, in order. ``model`` is an ``XInceptModel`` (or alike);
    ``profile`` is the lab's microscope, used where the ruler cannot read an image's scale."""
    paths = [Path(p) for p in paths]
    done = 0

    def decode_batch(batch):
        return [_decode(p, model, profile) for p in batch]

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="xincept-decode") as pool:
        batches = list(_batches(paths, batch_size))
        pending = pool.submit(decode_batch, batches[0]) if batches else None
        for index in range(len(batches)):
            decoded = pending.result()
            if should_stop and should_stop():
                return
            if index + 1 < len(batches):
                pending = pool.submit(decode_batch, batches[index + 1])
            yield from _predict_decoded(decoded, model, keep_cams, batch_size)
            done += len(decoded)
            if progress:
                progress(done, len(paths))


def _predict_decoded(decoded: list[_Decoded], model, keep_cams: bool, batch_size: int = 8,
                     reread_magnified: bool = True) -> list[ImageResult]:
    good = [d for d in decoded if d.error is None]
    results = {id(d): ImageResult(d.path, error=d.error) for d in decoded if d.error is not None}
    if good:
        try:
            batches = _predict_tiles([t.image for d in good for t in d.tiles], model, batch_size)
        except Exception as exc:  # a fault in the batch fails that batch only
            for d in good:
                results[id(d)] = ImageResult(d.path, error=f"analysis failed: {type(exc).__name__}: {exc}")
        else:
            start = 0
            for d in good:
                count = len(d.tiles)
                results[id(d)] = _result_from_tiles(d, _rows(batches, start, count), model, keep_cams)
                start += count
    if reread_magnified:
        magnified = [d for d in good if results[id(d)].ok and is_small_field(results[id(d)].field_share)]
        if magnified:
            _read_four_ways(magnified, results, model, batch_size)
    return [results[id(d)] for d in decoded]


def _read_four_ways(magnified: list[_Decoded], results: dict, model, batch_size: int) -> None:
    """Read each magnified field in the other three orientations; its class becomes the mean of the four readings,
    and the magnified-field floor is applied to that mean. Its heat maps become the mean of the four readings' maps,
    each turned back over the photograph as taken, and the heat map's class the head's on the mean (scale and
    out-of-domain distance stay the first reading's). A failure leaves the first reading, already judged by the
    floor."""
    try:
        views = []
        for d in magnified:
            rgb = d.reload()
            views += [(d, name, _prepared(d.path, orient(rgb), model, d.profile, d.pad))
                      for name, orient in ORIENTATIONS.items() if name != "as taken"]
        batches = _predict_tiles([t.image for _, _, view in views for t in view.tiles], model, batch_size)
    except Exception:  # noqa: BLE001  (the first reading stands)
        return
    readings: dict[int, list[_Reading]] = {id(d): [] for d in magnified}
    start = 0
    for d, name, view in views:
        count = len(view.tiles)
        keep_cams = bool(results[id(d)].cams)
        other = _result_from_tiles(view, _rows(batches, start, count), model, keep_cams)
        undo = UNDONE_ON_MAPS[name]
        readings[id(d)].append(_Reading(np.array([other.probabilities[c] for c in model.classes]),
                                        {method: undo(maps) for method, maps in other.cams.items()},
                                        other.explained_class))
        start += count
    for d in magnified:
        results[id(d)] = _four_way_result(results[id(d)], readings[id(d)], model.classes)


@dataclass
class _Reading:
    """One orientation's reading of a magnified field: probabilities, heat maps turned back, the head's class."""
    probabilities: np.ndarray
    cams: dict
    explained_class: str | None


def _four_way_result(first: ImageResult, others: list[_Reading], classes) -> ImageResult:
    mean = _normalised(np.mean([np.array([first.probabilities[n] for n in classes])]
                               + [o.probabilities for o in others], axis=0))
    best = int(np.argmax(mean))
    note = (f"magnified field read four ways (as taken, mirrored twice, turned): {classes[best]} {mean[best]:.2f} "
            f"from the mean (as taken alone: {first.label} {first.confidence:.2f}); heat map: the mean of the four")
    return replace(first, label=classes[best], confidence=float(mean[best]),
                   probabilities={n: float(p) for n, p in zip(classes, mean)},
                   in_domain=first.shown_but_for_small_field_floor and not small_field_doubt(first.field_share, float(mean[best])),
                   cams=_mean_maps(first.cams, [o.cams for o in others]),
                   explained_class=_most_read([first.explained_class] + [o.explained_class for o in others]),
                   notes=list(first.notes) + [note])


def _mean_maps(first: dict, others: list[dict]) -> dict:
    """Per method, the mean of the orientations' maps (each class's peak brought back to 1); a reading whose maps
    do not line up with the first's (a rounding of the grid) is left out of the mean."""
    merged = {}
    for method, maps in first.items():
        stack = [maps] + [o[method] for o in others if method in o and o[method].shape == maps.shape]
        merged[method] = peak_normalised(np.mean(stack, axis=0))
    return merged


def _most_read(classes: list[str | None]) -> str | None:
    """The class the head gave most often over the orientations (the first reading's on a tie)."""
    known = [c for c in classes if c is not None]
    if not known:
        return None
    return max(dict.fromkeys(known), key=known.count)


def _predict_tiles(tiles: list[np.ndarray], model, batch_size: int) -> dict:
    """Every tile through the network, in chunks; the batch outputs concatenated."""
    parts = [model.predict_batch(np.stack(tiles[i:i + batch_size])) for i in range(0, len(tiles), batch_size)]
    coverage = [p.gate_coverage if getattr(p, "gate_coverage", None) is not None else np.ones(len(p.probabilities))
                for p in parts]
    return {
        "probabilities": np.concatenate([p.probabilities for p in parts]),
        "ood_scores": np.concatenate([p.ood_scores for p in parts]),
        "head_probabilities": np.concatenate([p.head_probabilities for p in parts]),
        "gate_coverage": np.concatenate(coverage),
        "cams": {m: np.concatenate([p.cams[m] for p in parts]) for m in parts[0].cams},
    }


def _rows(batches: dict, start: int, count: int) -> dict:
    rows = slice(start, start + count)
    return {key: ({m: v[rows] for m, v in value.items()} if isinstance(value, dict) else value[rows])
            for key, value in batches.items()}


def _result_from_tiles(decoded: _Decoded, rows: dict, model, keep_cams: bool) -> ImageResult:
    count = len(decoded.plan.tiles)
    at_scale = _rows(rows, 0, count)
    weights = tile_weights(decoded.plan, at_scale["gate_coverage"])
    probabilities = _normalised(aggregate(at_scale["probabilities"], weights))
    compared, scale_sensitive = {}, False
    if decoded.as_photographed is not None:
        photographed = _rows(rows, count, len(decoded.as_photographed.tiles))
        other = _normalised(aggregate(photographed["probabilities"],
                                      tile_weights(decoded.as_photographed, photographed["gate_coverage"])))
        compared = {"label_at_scale": model.classes[int(np.argmax(probabilities))],
                    "label_as_photographed": model.classes[int(np.argmax(other))]}
        scale_sensitive = compared["label_at_scale"] != compared["label_as_photographed"]
        probabilities = (probabilities + other) / 2.0
    ood_score = float(aggregate(at_scale["ood_scores"], weights))
    threshold = float(model.detector.threshold)
    best = int(np.argmax(probabilities))
    field_share = max(tile.image_share for tile in decoded.plan.tiles)
    doubt = small_field_doubt(field_share, float(probabilities[best]))
    head = int(np.argmax(aggregate(at_scale["head_probabilities"], weights)))
    cams = ({method: stitch(decoded.plan, maps, weights) for method, maps in at_scale["cams"].items()}
            if keep_cams else {})
    return ImageResult(
        path=decoded.path,
        label=model.classes[best],
        confidence=float(probabilities[best]),
        probabilities={name: float(p) for name, p in zip(model.classes, probabilities)},
        in_domain=(bool(ood_score <= threshold) and decoded.scale.source != UNKNOWN and not scale_sensitive
                   and not doubt),
        ood_score=ood_score,
        ood_threshold=threshold,
        cams=cams,
        image_size=decoded.size,
        scale=decoded.scale,
        tile_boxes=decoded.plan.boxes_on_original(),
        notes=list(decoded.notes),
        explained_class=model.classes[head],
        field_share=float(field_share),
        **compared,
    )


def _normalised(probabilities: np.ndarray) -> np.ndarray:
    return probabilities / probabilities.sum()
