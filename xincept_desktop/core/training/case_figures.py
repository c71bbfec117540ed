"""Per-case figures: how often the app's case suggestion names the right class when a case is one block.

A hematologist decides per patient, not per image. The dataset has no patient identifiers, but its acquisition
numbers come in runs: one block of ``block_size`` consecutive numbers within a class (the unit the validation
split holds out) is the nearest thing to one patient's smear. Each held-out block is scored as one case with the
rule the app uses (:func:`core.case_summary.summarise_case`): the most frequent class among confident, in-domain
images, else indeterminate.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np

from ..case_summary import LOW_CONFIDENCE, summarise_case


@dataclass(frozen=True)
class _ImageOutcome:
    """The fields of an ``ImageResult`` that the case rule reads."""

    path: Path
    label: str
    confidence: float
    in_domain: bool
    error: None = None


def case_key(item, block_size: int = 20) -> tuple[int, int]:
    """(class index, block number): the case an image belongs to."""
    return int(item.label), int(item.number) // block_size


def case_figures(items: Sequence, probabilities: np.ndarray, in_domain: np.ndarray, classes: Sequence[str],
                 block_size: int = 20, min_confidence: float = LOW_CONFIDENCE) -> dict:
    """Score every block of ``items`` as one case.

    Returns ``n_cases``, ``correct``, ``wrong``, ``indeterminate`` (counts), ``accuracy`` (correct over all cases;
    an indeterminate case counts as not correct), ``accuracy_decided`` (correct over the cases that got a class)
    and ``cases``: one entry per case with its true class, block, number of images and the suggestion.
    """
    grouped: dict[tuple[int, int], list[int]] = defaultdict(list)
    for index, item in enumerate(items):
        grouped[case_key(item, block_size)].append(index)
    cases = []
    for (label, block), indices in sorted(grouped.items()):
        outcomes = [_ImageOutcome(Path(items[i].path), classes[int(probabilities[i].argmax())],
                                  float(probabilities[i].max()), bool(in_domain[i])) for i in indices]
        suggestion = summarise_case(outcomes, classes, min_confidence).suggestion
        cases.append({"class": classes[label], "block": block, "images": len(indices), "suggestion": suggestion,
                      "correct": suggestion == classes[label]})
    correct = sum(case["correct"] for case in cases)
    decided = [case for case in cases if case["suggestion"] in classes]
    return {
        "n_cases": len(cases),
        "correct": correct,
        "wrong": len(decided) - correct,
        "indeterminate": len(cases) - len(decided),
        "accuracy": correct / len(cases) if cases else float("nan"),
        "accuracy_decided": correct / len(decided) if decided else float("nan"),
        "block_size": block_size,
        "cases": cases,
    }
