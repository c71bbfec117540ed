"""What every ``xincept`` command shares: exit statuses and loading the model bundle with a readable refusal.

Exit status of every command:

* 0 (``EXIT_OK``): every file was analysed (or the command did all it was asked);
* 1 (``EXIT_SOME_FAILED``): the command ran, but some files could not be analysed (each is named on stderr);
* 2 (``EXIT_USAGE``): the command line is wrong (argparse's own convention), nothing was done;
* 3 (``EXIT_CANNOT_RUN``): the command could not run at all: the model, the backbone weights, the data folder
  or the output could not be loaded or written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .quiet import is_tensorflow_noise, quiet_tensorflow  # noqa: F401  (re-exported: the CLI's callers)

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_CANNOT_RUN = 0, 1, 2, 3

EXIT_STATUS_HELP = """exit status:
  0  every file was analysed
  1  some files could not be analysed (each is named on stderr)
  2  usage error: the command line is wrong, nothing was done
  3  could not run at all: the model, the weights, the data or the output could not be read or written"""


def load_model_or_report(model_dir: Path | None, booster_file: str | None = None, command: str = "xincept",
                         reference: bool = False):
    """Load the bundle (optionally with another of its XGBoost files); on failure print why and return None.

    The model is the exported runtime (no TensorFlow); ``reference=True`` loads the TensorFlow reference instead
    (``evaluate``, ``agreement``)."""
    from .config import default_model_dir
    from .core.model.bundle import XGBOOST_MODEL
    from .errors import XinceptError

    folder = model_dir or default_model_dir()
    try:
        if reference:
            quiet_tensorflow()
            from .core.model.predictor import XInceptModel

            return XInceptModel.load(folder, booster_file=booster_file or XGBOOST_MODEL)
        from .core.model.runtime import RuntimeModel

        return RuntimeModel.load(folder, booster_file=booster_file or XGBOOST_MODEL)
    except XinceptError as exc:
        print(f"{command}: cannot load the model: {exc}", file=sys.stderr)
        return None


def bundle_classes_or_report(model_dir: Path | None, command: str = "xincept") -> list[str] | None:
    """The class names a bundle's manifest declares, read without loading the model (for checking arguments
    before the slow load); on failure print why and return None."""
    from .config import default_model_dir
    from .core.model.bundle import read_manifest
    from .errors import XinceptError

    try:
        return list(read_manifest(model_dir or default_model_dir()).classes)
    except XinceptError as exc:
        print(f"{command}: cannot load the model: {exc}", file=sys.stderr)
        return None


def positive_int(text: str) -> int:
    """argparse type: a whole number of at least 1 (a batch size, a number of epochs)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1 (got {text})")
    return value


def write_card_section(command: str, bundle: Path, write, figures: dict, what: str) -> int:
    """``write(bundle, figures)`` (a ``write_to_card``); says what was written or why not; the exit status."""
    from .errors import XinceptError

    try:
        write(bundle, figures)
    except (XinceptError, OSError) as exc:
        print(f"{command}: could not update the model card of {bundle}: {exc}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    print(f"{what} written to {bundle}/MODEL_CARD.md")
    return EXIT_OK


def run_split_study(command: str, args, study) -> int:
    """A lever study on one split (``--data --out --fold --seed --report``): ``study(config, log)`` -> figures,
    written with the command line to ``args.report``; the exit status."""
    import json
    import shlex
    import time

    quiet_tensorflow()
    from .core.atomic import atomic_write_text
    from .core.training.trainer import TrainConfig
    from .errors import XinceptError

    config = TrainConfig(data=args.data, out=args.out, seed=args.seed, resume=True, fold=args.fold,
                         command="xincept " + shlex.join(args.argv))

    def log(message: str) -> None:
        print(time.strftime("%H:%M:%S"), message, file=sys.stderr, flush=True)

    try:
        figures = study(config, log)
    except XinceptError as exc:
        print(f"{command}: {exc}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    figures["command"] = config.command
    atomic_write_text(args.report, json.dumps(figures, indent=2) + "\n")
    print(f"figures written to {args.report}")
    return EXIT_OK


def read_reports(command: str, paths, key, duplicate: str) -> list[dict] | None:
    """The JSON reports at ``paths``, or None (said on stderr) when one cannot be read or two share ``key(report)``
    (they ``duplicate``, in words)."""
    import json

    try:
        reports = [json.loads(Path(path).read_text(encoding="utf-8")) for path in paths]
        keys = [key(report) for report in reports]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        print(f"{command}: cannot read the reports: {exc}", file=sys.stderr)
        return None
    if len(set(keys)) < len(keys):
        print(f"{command}: two reports {duplicate} ({keys})", file=sys.stderr)
        return None
    return reports
