"""``analyse(paths, model)``: image files to per-image results, shared by the CLI and the GUI.

Files are decoded in a background thread while the previous batch runs through the compiled network; a file
that cannot be read becomes a result with ``error`` set and the batch goes on. ``should_stop`` is checked
between batches so a caller can cancel.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

import numpy as np

from ..errors import ImageLoadError
from .imaging import load_image, to_model_input

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
        if self.in_domain:
            return f"like the training images (distance {self.ood_score:.2f} <= {self.ood_threshold:.2f})"
        return f"unlike the training images (distance {self.ood_score:.2f} > {self.ood_threshold:.2f}): check stain, magnification and content"


@dataclass
class _Decoded:
    path: Path
    image: np.ndarray | None
    size: tuple[int, int] | None
    error: str | None


def _decode(path: Path, input_size: int) -> _Decoded:
    try:
        rgb = load_image(path)
    except ImageLoadError as exc:
        return _Decoded(path, None, None, str(exc))
    except MemoryError:
        return _Decoded(path, None, None, "not enough memory to decode this image")
    return _Decoded(path, to_model_input(rgb, input_size), rgb.shape[:2], None)


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
) -> Iterator[ImageResult]:
    """Yield one :class:`ImageResult` per path, in order. ``model`` is an ``XInceptModel`` (or alike)."""
    paths = [Path(p) for p in paths]
    done = 0
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="xincept-decode") as pool:
        batches = list(_batches(paths, batch_size))
        pending = pool.submit(lambda b: [_decode(p, model.input_size) for p in b], batches[0]) if batches else None
        for index in range(len(batches)):
            decoded = pending.result()
            if should_stop and should_stop():
                return
            if index + 1 < len(batches):
                pending = pool.submit(lambda b: [_decode(p, model.input_size) for p in b], batches[index + 1])
            yield from _predict_decoded(decoded, model, keep_cams)
            done += len(decoded)
            if progress:
                progress(done, len(paths))


def _predict_decoded(decoded: list[_Decoded], model, keep_cams: bool) -> list[ImageResult]:
    good = [d for d in decoded if d.error is None]
    results = {id(d): ImageResult(d.path, error=d.error) for d in decoded if d.error is not None}
    if good:
        try:
            batch = model.predict_batch(np.stack([d.image for d in good]))
        except Exception as exc:  # a fault in the batch fails that batch only
            for d in good:
                results[id(d)] = ImageResult(d.path, error=f"analysis failed: {type(exc).__name__}: {exc}")
        else:
            for row, d in enumerate(good):
                results[id(d)] = _result_from_batch(d, batch, row, model, keep_cams)
    return [results[id(d)] for d in decoded]


def _result_from_batch(decoded: _Decoded, batch, row: int, model, keep_cams: bool) -> ImageResult:
    probabilities = batch.probabilities[row]
    best = int(np.argmax(probabilities))
    return ImageResult(
        path=decoded.path,
        label=model.classes[best],
        confidence=float(probabilities[best]),
        probabilities={name: float(p) for name, p in zip(model.classes, probabilities)},
        in_domain=bool(batch.in_domain[row]),
        ood_score=float(batch.ood_scores[row]),
        ood_threshold=float(model.detector.threshold),
        cams={method: maps[row] for method, maps in batch.cams.items()} if keep_cams else {},
        image_size=decoded.size,
    )
