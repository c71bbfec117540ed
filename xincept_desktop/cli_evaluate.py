"""``xincept evaluate``: run a bundle on labelled class folders, print what it measured, optionally save it."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .cli_common import EXIT_CANNOT_RUN, EXIT_OK, load_model_or_report


def run_evaluate(args) -> int:
    from .config import default_model_dir
    from .core.atomic import atomic_write_text
    from .core.progress import StderrProgress
    from .core.training.augment import PERTURBATIONS
    from .core.training.dataset import list_dataset
    from .core.training.evaluation import booster_for, evaluate_model, held_out_items
    from .errors import XinceptError

    try:
        items = list_dataset(args.data)
    except XinceptError as exc:
        print(f"xincept evaluate: {exc}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    if args.held_out_only:
        items = held_out_items(items, args.model or default_model_dir())
    booster_file = booster_for(args.model or default_model_dir(), args.held_out_only)
    model = load_model_or_report(args.model, booster_file, reference=True)  # the TensorFlow reference
    if model is None:
        return EXIT_CANNOT_RUN
    passes = 1 + (len(PERTURBATIONS) if args.perturbations else 0)
    report = evaluate_model(model, items, perturbations=args.perturbations,
                            progress=StderrProgress("evaluated", passes * len(items)))
    report["xgboost"] = booster_file
    if args.segmented:
        from .core.explain.localisation import evaluate_localisation

        report["localisation"] = evaluate_localisation(model, items, args.data, args.segmented)
    print(summary(report))
    if args.out:
        try:
            atomic_write_text(Path(args.out) / "evaluation.json", json.dumps(report, indent=2) + "\n")
            atomic_write_text(Path(args.out) / "evaluation.md", summary(report) + "\n")
        except OSError as exc:
            print(f"xincept evaluate: cannot write to {args.out}: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_CANNOT_RUN
    return EXIT_OK


def summary(report: dict) -> str:
    """The evaluation report as a few human-readable lines."""
    from .core.model.bundle import VALIDATION_XGBOOST

    clean = report["clean"]
    lines = [f"model {report['model']}: n = {clean['n']}, accuracy {clean['accuracy']:.4f}, "
             f"macro-F1 {clean['macro_f1']:.4f}, ECE {report['ece']:.4f}, "
             f"flagged out-of-domain {report['flagged_out_of_domain']:.1%}"]
    if report.get("xgboost") == VALIDATION_XGBOOST:
        lines.append(f"  scored with the validation fit's XGBoost ({report['xgboost']}): the shipped one was refit "
                     "on every image, these included")
    cases = report.get("cases")
    if cases:
        lines.append(f"  per case (one block of {cases['block_size']} consecutive images = one case, the app's "
                     f"suggestion rule): {cases['correct']} of {cases['n_cases']} right, {cases['wrong']} wrong, "
                     f"{cases['indeterminate']} indeterminate")
    for name, accuracy in report.get("perturbations", {}).items():
        lines.append(f"  under {name}: accuracy {accuracy:.4f}")
    for name, value in report.get("localisation", {}).items():
        lines.append(f"  {name}: {value}")
    return "\n".join(lines)
