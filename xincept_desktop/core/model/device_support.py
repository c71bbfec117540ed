"""Which OpenVINO device plugins this installation carries (no Qt, no OpenVINO import: a file look-up, cheap enough
for the GUI thread).

The standalone app leaves OpenVINO's Intel GPU plugin out (40 MB plus its 8.5 MB kernel cache; the GPU path was never
measured against the reference), so it runs on the CPU only, and says so: in Preferences > Device, in the error when
GPU is chosen, in the self-test. A development install (pip's OpenVINO wheel) keeps the plugin.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

CPU_ONLY_NOTE = ("This installation runs the model on the CPU only: its inference runtime carries no GPU plugin "
                 "(the standalone app leaves it out).")


def gpu_plugin_installed() -> bool:
    """True when OpenVINO's Intel GPU plugin library is beside OpenVINO (``openvino/libs``), on any platform."""
    try:
        spec = importlib.util.find_spec("openvino")
    except (ImportError, ValueError):
        return False
    folders = list(spec.submodule_search_locations or []) if spec is not None else []
    if getattr(sys, "frozen", False) and hasattr(sys, "_MEIPASS"):
        folders.append(str(Path(sys._MEIPASS) / "openvino"))
    return any(any(Path(folder, "libs").glob("*openvino_intel_gpu_plugin*")) for folder in folders)
