"""The trunk-ensemble lever over splits: mean and sd of each ensemble size, the decision, the model card section
(``xincept trunk-ensemble --summarise``). The per-split measurement is :mod:`.trunk_ensemble`."""

from __future__ import annotations

import numpy as np


def summarise_reports(reports: list[dict]) -> dict:
    """Mean and standard deviation over splits of each ensemble size, the paired gains over the single trunk and the
    decision by the lever table's rule (``levers.KEEP_GAIN``, negative on no split)."""
    from .levers import KEEP_GAIN, mean_sd

    sizes = sorted(set.intersection(*(set(r["members"]) for r in reports)), key=int)
    summary, decisions = {}, {}
    for size in sizes:
        rows = [r["members"][size] for r in reports]
        summary[size] = {
            "accuracy": mean_sd([row["accuracy"] for row in rows]),
            "macro_f1": mean_sd([row["macro_f1"] for row in rows]),
            "benign_recall": mean_sd([row["recall"]["Benign"] for row in rows]),
            "early_recall": mean_sd([row["recall"]["Early"] for row in rows]),
            "ece": mean_sd([row["ece"] for row in rows]),
            "worst_perturbation": mean_sd([min(p["accuracy"] for p in row["perturbations"].values()) for row in rows]),
            "per_split": [row["accuracy"] for row in rows],
        }
        if size == "1":
            continue
        gains = [r["members"][size]["accuracy"] - r["members"]["1"]["accuracy"] for r in reports]
        kept = float(np.mean(gains)) >= KEEP_GAIN and min(gains) >= 0.0
        decisions[size] = (f"{'kept' if kept else 'dropped'}: {np.mean(gains) * 100:+.2f} points on average "
                           f"({', '.join(f'{g * 100:+.2f}' for g in gains)} per split)")
    return {"folds": [r["fold"] for r in reports], "summary": summary, "decisions": decisions,
            "commands": [r.get("command", "") for r in reports],
            "member_minutes": [round(float(np.mean(r["member_seconds"][1:] or [0])) / 60, 1) for r in reports]}


def card_lines(figures: dict | None) -> list[str]:
    """The model card's section for the trunk-ensemble lever, when measured."""
    if not figures:
        return []
    from .levers import KEEP_GAIN, cell

    lines = ["## Trunk ensemble, measured over split offsets", "",
             "Training-side lever: on each split's cached backbone maps, trunks trained from other seeds (each with its "
             "own XGBoost fitted on training blocks only and its own temperature), their calibrated probabilities "
             "averaged (`xincept trunk-ensemble`, `core/training/trunk_ensemble.py`). Scored from the feature cache "
             "on the held-out blocks (one centred view per image, not the app's tiles), so only the paired "
             "difference to the single trunk counts. Split offsets "
             + ", ".join(str(f) for f in figures["folds"]) + "; the same rule as the lever table above (kept when "
             f"the gain averages at least {KEEP_GAIN * 100:.1f} points and is negative on no split).", "",
             "| trunks | accuracy % | macro-F1 % | Benign recall % | Early recall % | ECE | worst perturbation % "
             "| accuracy per split % |", "|---|---|---|---|---|---|---|---|"]
    for size, row in figures["summary"].items():
        lines.append(f"| {size} | {cell(row['accuracy'])} | {cell(row['macro_f1'])} | {cell(row['benign_recall'])} "
                     f"| {cell(row['early_recall'])} | {cell(row['ece'], 1.0, 4)} | {cell(row['worst_perturbation'])} "
                     f"| {' / '.join(f'{a * 100:.2f}' for a in row['per_split'])} |")
    lines += ["", "| trunks | decision |", "|---|---|"]
    lines += [f"| {size} | {verdict} |" for size, verdict in figures["decisions"].items()]
    minutes = ", ".join(f"{m:.1f}" for m in figures.get("member_minutes", []))
    lines += ["", "Cost: the backbones are shared, so each extra trunk adds one trunk, head and XGBoost pass at "
              f"inference; training an extra member took {minutes} min per split on this machine."]
    return lines + [""]


def write_to_card(bundle, figures: dict) -> None:
    from ..model.card_section import put_section

    put_section(bundle, "trunk_ensemble", figures, card_lines(figures))
