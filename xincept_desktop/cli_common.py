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
import os
import re
import sys
import tempfile
from pathlib import Path

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_CANNOT_RUN = 0, 1, 2, 3

EXIT_STATUS_HELP = """exit status:
  0  every file was analysed
  1  some files could not be analysed (each is named on stderr)
  2  usage error: the command line is wrong, nothing was done
  3  could not run at all: the model, the weights, the data or the output could not be read or written"""


def load_model_or_report(model_dir: Path | None, booster_file: str | None = None, command: str = "xincept"):
    """Load the bundle (optionally with another of its XGBoost files); on failure print why and return None."""
    from .config import default_model_dir
    from .core.model.bundle import XGBOOST_MODEL
    from .core.model.predictor import XInceptModel
    from .errors import XinceptError

    folder = model_dir or default_model_dir()
    quiet_tensorflow()
    try:
        return XInceptModel.load(folder, booster_file=booster_file or XGBOOST_MODEL)
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


#: what TensorFlow and absl print on stderr while TensorFlow loads, whatever TF_CPP_MIN_LOG_LEVEL says (TF 2.21
#: logs through absl before absl is initialised): notices, not problems with the user's command
_TF_NOISE = re.compile(
    r"WARNING: All log messages before absl::InitializeLog\(\) is called are written to STDERR"
    r"|[IW]\d{4} [\d:.]+\s+\d+ \S+\.(cc|h):\d+\] "
    r"|E\d{4} [\d:.]+\s+\d+ \S+\.(cc|h):\d+\] .*(cuInit|CUDA|cuda|cuDNN|cuFFT|cuBLAS|TensorRT)"
    r"|To enable the following instructions: .* rebuild TensorFlow"
)
_quieted = False


def is_tensorflow_noise(line: str) -> bool:
    """True for a stderr line that TensorFlow or absl print on their own while loading."""
    return _TF_NOISE.match(line.strip()) is not None


def quiet_tensorflow() -> None:
    """Import TensorFlow and Keras with their start-up notices kept off stderr, and turn their Python loggers and
    warnings down, so a command's stderr holds only what the command says.

    Lines on stderr during the import that are not such notices are passed on. Set ``TF_CPP_MIN_LOG_LEVEL`` below
    3 to see everything. Called once, from the command line only (the core never touches process-wide state).
    """
    global _quieted
    if _quieted:
        return
    _quieted = True
    os.environ.setdefault("KERAS_BACKEND", "tensorflow")
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    verbose = os.environ["TF_CPP_MIN_LOG_LEVEL"] not in ("2", "3")
    if "tensorflow" in sys.modules or verbose or sys.stderr is None:  # None: a windowed build without a console
        _import_tensorflow()
        return
    sys.stderr.flush()
    try:
        saved = os.dup(2)
    except OSError:  # no file descriptor 2 to quiet
        _import_tensorflow()
        return
    try:
        with tempfile.TemporaryFile() as captured:
            os.dup2(captured.fileno(), 2)
            try:
                _import_tensorflow()
            finally:
                os.dup2(saved, 2)
            captured.seek(0)
            text = captured.read().decode("utf-8", "replace")
    finally:
        os.close(saved)
    kept = [line for line in text.splitlines() if line.strip() and not is_tensorflow_noise(line)]
    if kept:
        print("\n".join(kept), file=sys.stderr)


def _import_tensorflow() -> None:
    import logging
    import warnings

    for module in ("tensorflow", "keras", "absl", "tf_keras"):
        warnings.filterwarnings("ignore", module=module)  # deprecation and usage notices meant for developers
    import tensorflow as tf

    tf.get_logger().setLevel(logging.ERROR)
    try:
        from absl import logging as absl_logging

        absl_logging.set_verbosity(absl_logging.ERROR)
    except ImportError:  # pragma: no cover - absl comes with TensorFlow
        pass
    import keras  # noqa: F401  (the backend's own notices belong to the quiet import too)

    tf.config.list_physical_devices()  # the accelerator probe logs (cuInit) happen here, not mid-command


def positive_int(text: str) -> int:
    """argparse type: a whole number of at least 1 (a batch size, a number of epochs)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1 (got {text})")
    return value
