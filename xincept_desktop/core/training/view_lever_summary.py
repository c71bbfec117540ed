"""The view levers over splits: mean and sd of each lever and of the split's own run, the paired decision, the model
card section (``xincept view-lever --summarise``). The per-split measurement is :mod:`.view_levers`."""

from __future__ import annotations

import numpy as np


def _summary_row(entries: list[dict]) -> dict:
    from .levers import mean_sd

    return {
        "accuracy": mean_sd([e["accuracy"] for e in entries]),
        "macro_f1": mean_sd([e["macro_f1"] for e in entries]),
        "benign_recall": mean_sd([e["recall"]["Benign"] for e in entries]),
        "early_recall": mean_sd([e["recall"]["Early"] for e in entries]),
        "ece": mean_sd([e["ece"] for e in entries]),
        "stain_benign_recall": mean_sd([e["perturbations"]["stain"]["recall"]["Benign"] for e in entries]),
        "worst_perturbation": mean_sd([min(p["accuracy"] for p in e["perturbations"].values()) for e in entries]),
        "per_split": [e["accuracy"] for e in entries],
    }


def summarise_reports(reports: list[dict]) -> dict:
    """Per lever (in the order first reported): its splits, the split's own run and the lever summarised over them,
    the paired accuracy gains and the decision by the lever table's rule (``levers.KEEP_GAIN``, negative on no
    split)."""
    from .levers import KEEP_GAIN

    levers: dict[str, dict] = {}
    for name in dict.fromkeys(r["lever"] for r in reports):
        chosen = sorted((r for r in reports if r["lever"] == name), key=lambda r: r["fold"])
        gains = [r["figures"][name]["accuracy"] - r["figures"]["single"]["accuracy"] for r in chosen]
        kept = float(np.mean(gains)) >= KEEP_GAIN and min(gains) >= 0.0
        levers[name] = {
            "description": chosen[0]["description"], "folds": [r["fold"] for r in chosen],
            "single": _summary_row([r["figures"]["single"] for r in chosen]),
            "lever": _summary_row([r["figures"][name] for r in chosen]),
            "gains": gains, "kept": kept,
            "decision": (f"{'kept' if kept else 'dropped'}: {np.mean(gains) * 100:+.2f} points on average "
                         f"({', '.join(f'{g * 100:+.2f}' for g in gains)} per split)"),
            "extra_views": [r["extra_views"] for r in chosen],
            "minutes": [round(r["seconds"][name] / 60, 1) for r in chosen],
            "commands": [r.get("command", "") for r in chosen],
        }
    return {"levers": levers}


def card_lines(figures: dict | None) -> list[str]:
    """The model card's section for the view levers, when measured."""
    if not figures or not figures.get("levers"):
        return []
    from .levers import KEEP_GAIN, cell

    lines = ["## More and harder augmented views, measured over split offsets", "",
             "Training-side levers (`xincept view-lever`, `core/training/view_levers.py`): each split's training run "
             "repeated with extra augmented views of some training images, on top of the split's own cached views, "
             "from the split's own seed; its own XGBoost (training blocks only) and temperature. Scored from the "
             "feature cache on the held-out blocks (one centred view per image, not the app's tiles), so only the "
             "paired difference to the split's own run counts. Kept when the gain averages at least "
             f"{KEEP_GAIN * 100:.1f} points and is negative on no split. \"Benign under stain\": Benign recall under "
             "the robustness table's stain shift.", "",
             "| lever | splits | accuracy % | macro-F1 % | Benign recall % | Early recall % | ECE | Benign under "
             "stain % | worst perturbation % | accuracy per split % |", "|---|---|---|---|---|---|---|---|---|---|"]
    for name, lever in figures["levers"].items():
        folds = ", ".join(str(f) for f in lever["folds"])
        for label, row in ((f"split's own run (4 views)", lever["single"]), (name, lever["lever"])):
            lines.append(f"| {label} | {folds} | {cell(row['accuracy'])} | {cell(row['macro_f1'])} "
                         f"| {cell(row['benign_recall'])} | {cell(row['early_recall'])} | {cell(row['ece'], 1.0, 4)} "
                         f"| {cell(row['stain_benign_recall'])} | {cell(row['worst_perturbation'])} "
                         f"| {' / '.join(f'{a * 100:.2f}' for a in row['per_split'])} |")
    lines += ["", "| lever | what it adds | decision | training cost |", "|---|---|---|---|"]
    for name, lever in figures["levers"].items():
        views = "/".join(str(v) for v in lever["extra_views"])
        minutes = "/".join(f"{m:.1f}" for m in lever["minutes"])
        lines.append(f"| {name} | {lever['description']} | {lever['decision']} | {views} extra views per split; "
                     f"trunk, head and XGBoost {minutes} min per split; no inference cost |")
    return lines + [""]


def write_to_card(bundle, figures: dict) -> None:
    from ..model.card_section import put_section

    put_section(bundle, "view_levers", figures, card_lines(figures))
