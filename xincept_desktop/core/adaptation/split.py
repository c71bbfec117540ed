"""Which of the lab's images adaptation fits on and which it keeps aside to measure the result.

Whole groups (blocks of consecutive file numbers, or the CSV's cases) go to one side: every third group of each
class, starting with the second, is held out. Fitted images within ``gap`` numbers of a held-out image of their
class are left out (near-duplicate photographs of one field sit 1-4 numbers apart).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from ..verification.data import LabDataError, LabImage

ADAPT_BLOCK_SIZE = 10
MIN_PER_CLASS = 20


@dataclass(frozen=True)
class LabSplit:
    fit: list[int]
    held_out: list[int]
    left_out: list[int]


def check_counts(images: Sequence[LabImage], classes: Sequence[str], minimum: int = MIN_PER_CLASS) -> None:
    """Refuse unless every class has at least ``minimum`` images."""
    short = []
    for index, name in enumerate(classes):
        count = sum(1 for image in images if image.label == index)
        if count < minimum:
            short.append(f"{name} has {count}")
    if short:
        raise LabDataError(f"too few images to adapt: {', '.join(short)}; every class needs at least {minimum} "
                           "labelled images")


def split_lab(images: Sequence[LabImage], classes: Sequence[str], every: int = 3, gap: int = 4) -> LabSplit:
    fit, held_out, left_out = [], [], []
    for label, name in enumerate(classes):
        members = [i for i, image in enumerate(images) if image.label == label]
        groups = list(dict.fromkeys(images[i].group for i in members))  # in acquisition order
        if len(groups) < 2:
            raise LabDataError(f"class {name}'s images form a single {'case' if images[members[0]].number < 0 else 'block of consecutive numbers'}: "
                               "adaptation keeps whole blocks (or cases) aside to measure itself, so each class "
                               "needs at least two")
        kept = {g for position, g in enumerate(groups) if position % every == 1}
        held_numbers = {images[i].number for i in members if images[i].group in kept and images[i].number >= 0}
        for i in members:
            if images[i].group in kept:
                held_out.append(i)
            elif images[i].number >= 0 and any(abs(images[i].number - n) <= gap for n in held_numbers):
                left_out.append(i)
            else:
                fit.append(i)
    return LabSplit(sorted(fit), sorted(held_out), sorted(left_out))
