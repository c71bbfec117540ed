"""From a ruler reading to what is done with the image: how much to resize it, and whether its scale is known.

Rule (also in the README and the model card):

1. The ruler reads the image. The reading counts when at least ``min_cells`` cell-sized objects were seen and
   the three estimators agree within ``max_disagreement``; the scale is then the reading divided by the training
   images' median, per axis (``source = "ruler"``).
2. Otherwise the lab's active microscope profile gives it: red cells are ``RED_CELL_UM`` um wide, so at
   ``um_per_pixel`` they are ``RED_CELL_UM / um_per_pixel`` px, against the training images' median
   (``source = "profile"``).
3. With neither, the scale is unknown (``source = "unknown"``): the whole field is analysed as one input, as
   before, and the image is never shown as in domain. So is an image whose red cells would have to be enlarged
   more than ``MAX_ENLARGEMENT`` times: it cannot be brought to the training scale.

A known scale within ``TOLERANCE`` (10 %) of the training median, with an aspect inside the training images'
band, leaves the image as it is. Otherwise the image is resized so its red cells match the training median (per
axis when the aspect is outside its band, e.g. a 4:3 camera whose image was stretched). When the image's shape and
the model's input size are given, a field that can be brought inside the band at exactly one input's size is
resized to that size instead of to the median (``one_input_resize``): a training-sized field photographed by a larger
camera is then read as one whole input, as the same field is when photographed at the training size, and not cut
into overlapping tiles a few pixels apart. Measured on the held-out blocks stretched to 1600x1200 (validation-fit
XGBoost, TensorFlow reference), to the median -> one input: split offset 0 98.17 -> 98.37 % right (silent errors
1.83 -> 1.63 %), offset 1 98.48 -> 98.32 % (1.52 -> 1.68 %), offset 2 98.80 -> 99.14 % (0.86 -> 0.34 %); mean
+0.12 points, one image worse on offset 1; split 0's fields average 1.7 inputs instead of 2.2. Kept for the
consistency and the fewer inputs, not as an accuracy gain. (Also measured and dropped: correcting the aspect of every
resized field outside the training images' 5th-95th percentile, 0.88-1.14: offset 1 as trained lost two images,
1600x1200 unchanged.)

Inside the spread of the training images' own scales (0.74-1.51x) scale follows the class (Pro fields 0.87x,
Pre 1.09x), so the model has learned it: there a Pre field shrunk to the median can read as another class, and a
Pro field magnified 1.5x left as it is reads as Pre. Such an image is analysed both ways
(``compare_as_photographed``); the probabilities are averaged, and where the two readings give different classes
the image is flagged (never shown as in domain). Measured on the held-out blocks: see the model card. A network
trained on views brought to the training scale (``ScaleReference.trained_at_scale``, ``core/training/scale_views``)
has not learned the photographs' own scale, and nothing is compared.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

import numpy as np

from .profiles import MicroscopeProfile
from .reference import RED_CELL_UM, TOLERANCE, ScaleReference, disagreement, red_cell_diameter
from .ruler import ScaleReading

RULER, PROFILE, UNKNOWN, UNCHECKED = "ruler", "profile", "unknown", "unchecked"
#: red cells this many times smaller than in training (about 5 px) hold too little detail to enlarge back
MAX_ENLARGEMENT = 3.5


@dataclass(frozen=True)
class ScaleDecision:
    source: str  # ruler | profile | unknown | unchecked (a bundle without a scale reference)
    scale_x: float | None  # red cells relative to the training median (2.0: twice as large); None when unknown
    scale_y: float | None
    resize_x: float  # factor the image is resized by before tiling (1.0: left as it is)
    resize_y: float
    red_cell_px: float | None  # red-cell diameter in this image's pixels, when known
    note: str  # one line for people
    compare_as_photographed: bool = False  # also analyse it unresized: its scale lies within the training spread

    @property
    def known(self) -> bool:
        return self.source in (RULER, PROFILE)

    @property
    def scale(self) -> float | None:
        if self.scale_x is None or self.scale_y is None:
            return None
        return float(np.sqrt(self.scale_x * self.scale_y))

    @property
    def resized(self) -> bool:
        return (self.resize_x, self.resize_y) != (1.0, 1.0)

    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "ScaleDecision | None":
        """The decision stored by :meth:`as_dict`; None for an empty or unreadable record (an analysis made before
        the ruler existed)."""
        try:
            return cls(**{f.name: data[f.name] for f in fields(cls)})
        except (KeyError, TypeError):
            return None


def decide(reading: ScaleReading | None, reference: ScaleReference | None,
           profile: MicroscopeProfile | None = None, shape: tuple[int, int] | None = None,
           input_size: int | None = None) -> ScaleDecision:
    """``shape`` (height, width) and ``input_size``: let a field that fits one input inside the band be resized
    to exactly that input (:func:`one_input_resize`); without them the image goes to the training median."""
    if reference is None:
        return ScaleDecision(UNCHECKED, None, None, 1.0, 1.0, None,
                             "scale not checked: this model bundle has no scale reference")
    problem = ruler_problem(reading, reference)
    if problem is None:
        scale_x, scale_y = reference.scale_of(reading)
        decision = _known(RULER, scale_x, scale_y, red_cell_diameter(reading), reference, "measured", shape,
                          input_size)
    elif profile is not None:
        diameter = RED_CELL_UM / profile.um_per_pixel
        scale = diameter / reference.red_cell_px
        decision = _known(PROFILE, scale, scale, diameter, reference, f"from microscope profile '{profile.name}' "
                          f"({profile.um_per_pixel:g} um/px): {problem}", shape, input_size)
    else:
        return ScaleDecision(UNKNOWN, None, None, 1.0, 1.0, None,
                             f"scale unknown ({problem}): set the microscope profile")
    if max(decision.resize_x, decision.resize_y) > MAX_ENLARGEMENT:
        return ScaleDecision(UNKNOWN, decision.scale_x, decision.scale_y, 1.0, 1.0, decision.red_cell_px,
                             f"red cells {decision.red_cell_px:.0f} px, {decision.scale:.2f}x training: too small "
                             f"to bring to the training scale (use a higher magnification)")
    return decision


def ruler_problem(reading: ScaleReading | None, reference: ScaleReference) -> str | None:
    """Why the ruler's reading cannot be used, or ``None`` when it can."""
    if reading is None:
        return "the image could not be measured"
    if reading.cells < reference.min_cells:
        return f"too few red cells to measure ({reading.cells})"
    relative = reference.relative(reading)
    if not np.all(np.isfinite(relative)):
        return "red cells could not be measured"
    if disagreement(relative) > reference.max_disagreement:
        return "red-cell sizes are inconsistent"
    return None


def _known(source: str, scale_x: float, scale_y: float, diameter: float, reference: ScaleReference,
           how: str, shape: tuple[int, int] | None = None, input_size: int | None = None) -> ScaleDecision:
    scale = float(np.sqrt(scale_x * scale_y))
    aspect = scale_y / scale_x
    low, high = reference.band
    aspect_low, aspect_high = reference.aspect_band
    fitted = (one_input_resize(scale_x, scale_y, reference, shape, input_size)
              if shape is not None and input_size is not None else None)
    if low <= scale <= high and aspect_low <= aspect <= aspect_high:
        resize_x = resize_y = 1.0
        action = "as in training, analysed as it is"
    elif fitted is not None:
        resize_x, resize_y = fitted
        action = f"resized {_factors(resize_x, resize_y)} to one input of the model (inside the training band)"
    elif aspect_low <= aspect <= aspect_high:
        resize_x = resize_y = 1.0 / scale
        action = f"rescaled {_factors(resize_x, resize_y)} to the training scale"
    else:
        resize_x, resize_y = 1.0 / scale_x, 1.0 / scale_y
        action = f"rescaled {_factors(resize_x, resize_y)} to the training scale"
    spread_low, spread_high = reference.training_spread
    compare = ((resize_x, resize_y) != (1.0, 1.0) and spread_low <= scale <= spread_high
               and not reference.trained_at_scale)
    if compare:
        action += " and read as photographed; the two averaged"
    note = f"red cells {diameter:.0f} px, {scale:.2f}x training ({how}); {action}"
    return ScaleDecision(source, scale_x, scale_y, resize_x, resize_y, diameter, note, compare)


def _factors(resize_x: float, resize_y: float) -> str:
    return f"x{resize_x:.2f}" if resize_x == resize_y else f"x{resize_x:.2f} wide, x{resize_y:.2f} high"


def one_input_resize(scale_x: float, scale_y: float, reference: ScaleReference, shape: tuple[int, int],
                     input_size: int) -> tuple[float, float] | None:
    """The resize, inside the band, that makes the field exactly one input: the longer side to ``input_size`` at
    one factor when its red cells then lie in the band, else each side to ``input_size`` when that leaves them in
    the band with an aspect the training images had (a field stretched to another camera's shape); ``None`` when
    neither fits."""
    height, width = shape
    for resize_x, resize_y in ((input_size / max(height, width),) * 2, (input_size / width, input_size / height)):
        if _inside_band(scale_x * resize_x, scale_y * resize_y, reference):
            return float(resize_x), float(resize_y)
    return None


def _inside_band(after_x: float, after_y: float, reference: ScaleReference) -> bool:
    """True when red cells of these scales lie inside the band, with an aspect inside the training images' own
    range (their 1st-99th percentile, ``aspect_band`` before its widening by ``TOLERANCE``), so round cells are
    never squashed to fill the input."""
    low, high = reference.band
    aspect_low, aspect_high = reference.aspect_band
    return (low <= float(np.sqrt(after_x * after_y)) <= high
            and aspect_low * TOLERANCE <= after_y / after_x <= aspect_high / TOLERANCE)
