"""``xincept report PATH... --out FILE.pdf``: analyse a case's images and write its PDF report."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

#: option name -> snapshot field name (see ``core.report.fields_from_mapping``)
TEXT_OPTIONS = {
    "--patient-name": "patient_name", "--patient-id": "patient_id", "--dob": "dob", "--sex": "sex",
    "--specimen-id": "specimen_id", "--specimen-type": "specimen_type", "--collection-date": "collection_date",
    "--physician": "physician", "--reviewer": "reviewer", "--conclusion": "conclusion", "--comments": "comments",
}
PROGRESS_THRESHOLD = 4


def add_report_parser(commands, unit_interval) -> argparse.ArgumentParser:
    """The ``report`` subcommand and its options."""
    from .cli_common import positive_int

    report = commands.add_parser("report", help="analyse a case's images and write a PDF report")
    report.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    report.add_argument("--out", type=Path, required=True, help="PDF file to write")
    for option, dest in TEXT_OPTIONS.items():
        report.add_argument(option, dest=dest, default="", metavar="TEXT")
    report.add_argument("--institution", default="", help="institution named in the header")
    report.add_argument("--model", type=Path, default=None, help="model bundle folder")
    report.add_argument("--method", choices=("gradcam", "gradcam++"), default="gradcam")
    report.add_argument("--opacity", type=unit_interval, default=0.4)
    report.add_argument("--colormap", default="jet", choices=("jet", "turbo", "inferno", "viridis", "cividis"))
    report.add_argument("--batch-size", type=positive_int, default=8)
    return report


def _error_results(problems):
    from .core.pipeline import ImageResult

    return [ImageResult(path=Path(path), error=reason) for path, reason in problems]


def _analyse(files, model, args) -> list:
    from .core.pipeline import analyse
    from .core.progress import StderrProgress

    progress = StderrProgress("analysed", len(files)) if len(files) >= PROGRESS_THRESHOLD else None
    return list(analyse(files, model, progress=progress, batch_size=max(1, args.batch_size)))


def run_report(args) -> int:
    """Analyse ``args.paths`` and write the report to ``args.out``; exit statuses as in ``cli_common``."""
    from .cli_common import EXIT_CANNOT_RUN, EXIT_OK, EXIT_SOME_FAILED, load_model_or_report
    from .core.imaging import scan_paths
    from .core.report import build_report_data, fields_from_mapping, model_info_from, write_report
    from .errors import XinceptError

    scan = scan_paths(args.paths)
    if not scan.files:
        print("xincept report: no image files found", file=sys.stderr)
        return EXIT_SOME_FAILED
    model = load_model_or_report(args.model)
    if model is None:
        return EXIT_CANNOT_RUN
    results = _error_results(scan.problems) + _analyse(scan.files, model, args)
    patient, specimen, review = fields_from_mapping({dest: getattr(args, dest) for dest in TEXT_OPTIONS.values()})
    data = build_report_data(results, model_info_from(model, args.method, args.colormap, args.opacity),
                             patient, specimen, review, institution=args.institution)
    try:
        write_report(data, args.out)
    except XinceptError as exc:
        print(f"xincept report: {exc}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    failed = [r for r in results if not r.ok]
    for result in failed:
        print(f"xincept report: {result.path}: {result.error}", file=sys.stderr)
    print(f"report {data.report_id} written to {args.out}; model: {model.version_label}; "
          f"{len(results) - len(failed)} analysed, {len(failed)} failed", file=sys.stderr)
    return EXIT_SOME_FAILED if failed else EXIT_OK
