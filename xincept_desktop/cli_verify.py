"""``xincept verify DATA --out DIR``: a verification study on the lab's labelled images (PDF + JSON).

Exit status: 0 the study was written (PASS or FAIL is in the files and on stdout: a FAIL is a result, not an
error), 1 written but some images could not be analysed, 3 the data, model or output could not be used.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .cli_common import EXIT_CANNOT_RUN, EXIT_OK, EXIT_SOME_FAILED, load_model_or_report


def _fraction(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0.0 < value <= 1.0:
        raise argparse.ArgumentTypeError(f"must lie in (0, 1], e.g. 0.95 (got {text})")
    return value


def add_parser(commands) -> None:
    verify = commands.add_parser("verify", help="verification study on your lab's labelled images "
                                 "(verification.pdf + verification.json)")
    verify.add_argument("data", type=Path, metavar="DATA",
                        help="folder with Benign/ Early/ Pre/ Pro/ sub-folders, or a CSV with columns path,label")
    verify.add_argument("--out", type=Path, required=True, help="folder for verification.pdf and verification.json")
    verify.add_argument("--operator", default="", help="who ran the study (printed on it)")
    verify.add_argument("--min-agreement", type=_fraction, default=0.95,
                        help="acceptance criterion: the lowest overall agreement that passes (default 0.95)")
    verify.add_argument("--model", type=Path, default=None, help="model bundle folder")


def run(args) -> int:
    from .core.model.bundle import read_manifest
    from .config import default_model_dir
    from .core.progress import StderrProgress
    from .core.verification.data import read_lab_data
    from .core.verification.files import save_study, summary_line
    from .core.verification.study import StudySettings, run_study
    from .errors import XinceptError

    try:
        classes = read_manifest(args.model or default_model_dir()).classes
        images = read_lab_data(args.data, classes)
    except XinceptError as exc:
        print(f"xincept verify: {exc}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    model = load_model_or_report(args.model, command="xincept verify")
    if model is None:
        return EXIT_CANNOT_RUN
    settings = StudySettings(data=str(args.data), operator=args.operator, min_agreement=args.min_agreement)
    study = run_study(model, images, settings, progress=StderrProgress("analysed", len(images)))
    try:
        json_path, pdf_path = save_study(study, args.out)
    except OSError as exc:
        print(f"xincept verify: cannot write to {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    for row in study.record["not_analysed"]:
        print(f"xincept verify: not analysed: {row['path']}: {row['error']}", file=sys.stderr)
    print(summary_line(study.record))
    print(f"written: {pdf_path}, {json_path}")
    return EXIT_SOME_FAILED if study.record["not_analysed"] else EXIT_OK
