"""TensorFlow's start-up notices kept off stderr: shared by the command line and the GUI's worker thread.

A neutral top-level module: the CLI and ``ui`` both import it; it imports neither (nor the core).
"""

from __future__ import annotations

import os
import re
import sys
import tempfile

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
    3 to see everything. Called once, by the command line and by the GUI's worker before it loads the model (the core
    never touches process-wide state).
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
