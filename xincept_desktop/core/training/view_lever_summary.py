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


def _cost(reports: list[dict], arm: str) -> str:
    """What the lever cost, per split: the report's own words, else its extra views; the training time."""
    minutes = "/".join(f"{r['seconds'][arm] / 60:.1f}" for r in reports)
    if "cost" in reports[0]:
        return f"{reports[0]['cost']}; trunk, head and XGBoost {minutes} min per split"
    views = "/".join(str(r["extra_views"]) for r in reports)
    return f"{views} extra views per split; trunk, head and XGBoost {minutes} min per split; no inference cost"


def summarise_reports(reports: list[dict]) -> dict:
    """Per lever (in the order first reported): its splits, the split's own run and the lever summarised over them,
    the paired accuracy gains and the decision by the lever table's rule (``levers.KEEP_GAIN``, negative on no
    split)."""
    from .levers import KEEP_GAIN

    levers: dict[str, dict] = {}
    for name in dict.fromkeys(r["lever"] for r in reports):
        chosen = sorted((r for r in reports if r["lever"] == name), key=lambda r: r["fold"])
        reference, arm = chosen[0].get("reference_arm", "single"), chosen[0].get("lever_arm", name)
        gains = [r["figures"][arm]["accuracy"] - r["figures"][reference]["accuracy"] for r in chosen]
        kept = float(np.mean(gains)) >= KEEP_GAIN and min(gains) >= 0.0
        levers[name] = {
            "description": chosen[0]["description"], "folds": [r["fold"] for r in chosen],
            "reference_label": chosen[0].get("reference_label", "split's own run (4 views)"),
            "single": _summary_row([r["figures"][reference] for r in chosen]),
            "lever": _summary_row([r["figures"][arm] for r in chosen]),
            "gains": gains, "kept": kept,
            "decision": (f"{'kept' if kept else 'dropped'}: {np.mean(gains) * 100:+.2f} points on average "
                         f"({', '.join(f'{g * 100:+.2f}' for g in gains)} per split)"),
            "cost": _cost(chosen, arm),
            "commands": [r.get("command", "") for r in chosen],
        }
    return {"levers": levers, "order": list(levers)}  # model_card.json sorts keys: the card keeps this order


def card_lines(figures: dict | None) -> list[str]:
    """The model card's section for the view levers, when measured."""
    if not figures or not figures.get("levers"):
        return []
    from .levers import KEEP_GAIN, cell

    lines = ["## Training-side levers: harder views, stain normalisation, fine-tuning, measured over split offsets", "",
             "Training-side levers (`xincept view-lever`; `core/training/view_levers.py`, `stain_lever.py`, "
             "`finetune_lever.py`): each split's training run repeated with one thing changed, from the split's own "
             "seed, with its own XGBoost (training blocks only) and temperature. Extra (harder) views are added to "
             "the split's own cached views and compared with the split's own run. Stain normalisation needs every "
             "view through the backbones again, so it is compared with stain augmentation alone, both arms with one "
             "augmented view per training image. Fine-tuning starts from the split's own run and is compared with "
             "the same extra epochs with the backbones frozen (two schedules). Scored from the feature cache on the held-out blocks (one centred view per image, "
             "not the app's tiles), so only the paired difference within a lever counts. Kept when the gain "
             "averages at least "
             f"{KEEP_GAIN * 100:.1f} points and is negative on no split. \"Benign under stain\": Benign recall under "
             "the robustness table's stain shift.", "",
             "| lever | splits | accuracy % | macro-F1 % | Benign recall % | Early recall % | ECE | Benign under "
             "stain % | worst perturbation % | accuracy per split % |", "|---|---|---|---|---|---|---|---|---|---|"]
    printed = []  # a reference arm shared by several levers (same label, same figures) is printed once
    for name, lever in _in_order(figures):
        folds = ", ".join(str(f) for f in lever["folds"])
        for label, row in ((lever["reference_label"], lever["single"]), (name, lever["lever"])):
            if (label, row) in printed:
                continue
            printed.append((label, row))
            lines.append(f"| {label} | {folds} | {cell(row['accuracy'])} | {cell(row['macro_f1'])} "
                         f"| {cell(row['benign_recall'])} | {cell(row['early_recall'])} | {cell(row['ece'], 1.0, 4)} "
                         f"| {cell(row['stain_benign_recall'])} | {cell(row['worst_perturbation'])} "
                         f"| {' / '.join(f'{a * 100:.2f}' for a in row['per_split'])} |")
    lines += ["", "| lever | what it changes | decision | cost |", "|---|---|---|---|"]
    for name, lever in _in_order(figures):
        lines.append(f"| {name} | {lever['description']} | {lever['decision']} | {lever['cost']} |")
    return lines + [""]


def _in_order(figures: dict) -> list[tuple[str, dict]]:
    """The levers in the order they were summarised (a card read back from JSON has its keys sorted)."""
    order = figures.get("order") or list(figures["levers"])
    return [(name, figures["levers"][name]) for name in order]


def write_to_card(bundle, figures: dict) -> None:
    from ..model.card_section import put_section

    put_section(bundle, "view_levers", figures, card_lines(figures))
