"""When a field taken at a higher magnification may be shown as in domain.

Brought to the training scale, a field photographed at a higher magnification fills only part of the model's input
(a 1.5x field about 44 % of it, a 2x field a quarter; the rest is reflection padding): it shows fewer cells than any
training image, and the model reads it less well. Measured on the held-out blocks of three split offsets (model
card, "Microscope scale"): 2x fields 95.1 / 94.6 / 95.5 % right against 98.8-99.1 % as trained (split offsets 0 /
1 / 2), and the model's confidence on the wrong ones was often as high as on the right ones (several Benign fields
read as Early at 0.99).

Rule: an image whose best tile is less than ``SMALL_FIELD_SHARE`` image is read four ways (as taken, mirrored
left-right and top-bottom, turned 90 degrees; ``core.pipeline``), its class is the mean of the four readings, and
it is shown as in domain only when that mean's confidence reaches ``SMALL_FIELD_MIN_CONFIDENCE``. The share is fixed
at the smallest magnification training simulates (1.3x fills 59 % of the input). The floor was chosen on the
held-out blocks of split offsets 1 and 2 (bundles outside the repository), never on the shipped split whose figures
the card reports: the highest floor, in steps of 0.01, that still left at least 92 % of their 2x fields shown as in
domain (the issue's bar is 90 %; 2 points kept for the split it was not chosen on): 0.65.

Measured (OpenVINO runtime, validation-fit XGBoost; before: one reading, no floor; silent errors = wrong and shown
as in domain):

| split offset | 2x accuracy | 2x silent errors | 2x in domain | 1.5x accuracy | 1.5x silent errors | 1.5x in domain |
|---|---|---|---|---|---|---|
| 1 (chosen on) | 94.61 -> 95.79 % | 4.71 -> 2.02 % | 96.1 -> 93.3 % | 97.47 -> 98.32 % | 2.53 -> 1.18 % | 97.5 -> 96.1 % |
| 2 (chosen on) | 95.52 -> 97.25 % | 3.61 -> 1.55 % | 93.1 -> 90.9 % | 97.25 -> 98.11 % | 2.24 -> 0.86 % | 96.2 -> 95.0 % |
| 0 (shipped, not chosen on) | 95.11 -> 96.74 % | 4.07 -> 1.63 % | 95.3 -> 92.3 % | 96.95 -> 97.15 % | 2.24 -> 1.43 % | 98.4 -> 96.7 % |

(With one reading and a floor chosen the same way, 0.79, the shipped split's 2x silent errors were 2.85 %.) The
rest of the errors are read wrong with high confidence in every orientation: that takes a model that reads a
quarter field as well as a whole one.
"""

from __future__ import annotations

from ..assessability import MAGNIFIED_FIELD_MARK

#: below this share of the model's input showing the image, a field counts as magnified (a 1.3x field: 0.59)
SMALL_FIELD_SHARE = 0.6
#: a magnified field is shown as in domain only from this confidence on (the mean of its four readings)
SMALL_FIELD_MIN_CONFIDENCE = 0.65


def is_small_field(field_share: float | None) -> bool:
    """True when the image fills less than ``SMALL_FIELD_SHARE`` of the model's input after normalisation."""
    return field_share is not None and field_share < SMALL_FIELD_SHARE


def small_field_doubt(field_share: float | None, confidence: float | None) -> bool:
    """True when a magnified field's confidence is below the floor measured for magnified fields."""
    return is_small_field(field_share) and (confidence or 0.0) < SMALL_FIELD_MIN_CONFIDENCE


def small_field_reason(field_share: float, confidence: float) -> str:
    """One line for people: why a magnified field is not shown as in domain."""
    return (f"{MAGNIFIED_FIELD_MARK} ({field_share:.0%} of the model's input at the training scale) read with "
            f"{confidence:.0%} confidence; magnified fields need {SMALL_FIELD_MIN_CONFIDENCE:.0%}: photograph a wider "
            f"field or use a lower objective")
