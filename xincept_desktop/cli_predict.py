"""``xincept predict``: one CSV row per image file found."""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

from .core.imaging import scan_paths

CSV_COLUMNS = ["path", "label", "confidence", "p_Benign", "p_Early", "p_Pre", "p_Pro", "in_domain", "ood_score",
               "scale_factor", "scale_source", "tiles", "explained_class", "notes", "error", "device"]
PROGRESS_THRESHOLD = 4


def result_row(result, device: str = "") -> dict[str, str]:
    """A CSV row for an ``ImageResult``; numbers with 6 decimals, booleans as true/false; ``device`` names what ran
    the model."""
    row = {column: "" for column in CSV_COLUMNS}
    row["path"] = str(result.path)
    row["device"] = device
    if result.error is not None:
        row["error"] = result.error
        return row
    row["label"] = result.label
    row["confidence"] = f"{result.confidence:.6f}"
    for name, value in result.probabilities.items():
        row[f"p_{name}"] = f"{value:.6f}"
    row["in_domain"] = "true" if result.in_domain else "false"
    row["ood_score"] = f"{result.ood_score:.6f}"
    row["scale_factor"] = f"{result.scale_factor:.4f}" if result.scale_factor is not None else ""
    row["scale_source"] = result.scale.source if result.scale is not None else ""
    row["tiles"] = str(result.tiles)
    row["explained_class"] = result.explained_class or ""
    notes = list(result.notes) + ([result.scale.note] if result.scale is not None else [])
    if not result.explanation_agrees:
        notes.append(f"heat maps explain {result.explained_class} (the network's head), not {result.label}")
    if not result.in_domain and result.ood_reason:
        notes.append(f"out of domain: {result.ood_reason}")
    row["notes"] = "; ".join(notes)
    return row


def profile_from_args(args):
    """The microscope profile given on the command line (``--um-per-pixel``), or None."""
    from .core.scale import MicroscopeProfile

    um_per_pixel = getattr(args, "um_per_pixel", None)
    return MicroscopeProfile("command line", um_per_pixel) if um_per_pixel else None


def error_row(path: Path, reason: str) -> dict[str, str]:
    row = {column: "" for column in CSV_COLUMNS}
    row.update(path=str(path), error=reason)
    return row


def run_predict(args) -> int:
    from .cli_common import EXIT_CANNOT_RUN, EXIT_OK, EXIT_SOME_FAILED, load_model_or_report
    from .core.atomic import atomic_write_text
    from .core.pipeline import analyse
    from .core.progress import StderrProgress

    scan = scan_paths(args.paths)
    rows = [error_row(path, reason) for path, reason in scan.problems]
    if not scan.files and not scan.problems:
        print("xincept predict: no image files found", file=sys.stderr)
    model = load_model_or_report(args.model) if scan.files else None
    if scan.files and model is None:
        return EXIT_CANNOT_RUN
    progress = StderrProgress("analysed", len(scan.files)) if len(scan.files) >= PROGRESS_THRESHOLD else None
    if model is not None:
        for result in analyse(scan.files, model, progress=progress, batch_size=max(1, args.batch_size),
                              keep_cams=False, profile=profile_from_args(args)):
            rows.append(result_row(result, getattr(model, "device_label", "")))
    failed = [row for row in rows if row["error"]]
    for row in failed:
        print(f"xincept predict: {row['path']}: {row['error']}", file=sys.stderr)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    if args.csv:
        try:
            atomic_write_text(args.csv, buffer.getvalue())
        except OSError as exc:
            print(f"xincept predict: cannot write {args.csv}: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_CANNOT_RUN
    else:
        sys.stdout.write(buffer.getvalue())
    if model is not None and scan.files:
        print(f"model: {model.version_label} on {getattr(model, 'device_label', 'CPU')}; "
              f"{len(rows) - len(failed)} analysed, {len(failed)} failed",
              file=sys.stderr)
    return EXIT_SOME_FAILED if failed or not rows else EXIT_OK
