"""Paths and constants shared by the core, the CLI and the GUI."""

from __future__ import annotations

import os
from pathlib import Path

CLASS_NAMES: tuple[str, ...] = ("Benign", "Early", "Pre", "Pro")
CLASS_DESCRIPTIONS: dict[str, str] = {
    "Benign": "Benign (hematogones)",
    "Early": "Early Pre-B ALL",
    "Pre": "Pre-B ALL",
    "Pro": "Pro-B ALL",
}
INPUT_SIZE = 224
APP_NAME = "XIncept"

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parent


def _xdg_dir(env_name: str, fallback: str) -> Path:
    value = os.environ.get(env_name)
    return Path(value) if value else Path.home() / fallback


def user_cache_dir() -> Path:
    """Per-user cache folder (converted backbone weights live here); ``XINCEPT_CACHE_DIR`` overrides it."""
    override = os.environ.get("XINCEPT_CACHE_DIR")
    if override:
        return Path(override)
    return _xdg_dir("XDG_CACHE_HOME", ".cache") / "xincept"


def user_data_dir() -> Path:
    """Per-user data folder (case database); ``XINCEPT_DATA_DIR`` overrides it."""
    override = os.environ.get("XINCEPT_DATA_DIR")
    if override:
        return Path(override)
    return _xdg_dir("XDG_DATA_HOME", ".local/share") / "xincept"


def machine_data_dir() -> Path:
    """The environment's own data folder, ``<sys.prefix>/share/xincept``: what set-up puts there (backbone weights,
    the exported inference runtime) serves every user account of the machine."""
    import sys

    return Path(sys.prefix) / "share" / "xincept"


def is_writable(folder: Path) -> bool:
    """True when ``folder`` can be created or written by this process (its nearest existing parent is writable)."""
    probe = Path(folder)
    while not probe.exists():
        if probe.parent == probe:
            return False
        probe = probe.parent
    return os.access(probe, os.W_OK | os.X_OK)


WEIGHT_FILES = ("inception_v3_imagenet_notop.h5", "xception_imagenet_notop.h5")


def weights_dir() -> Path:
    """Folder holding the converted ImageNet backbone weights.

    ``XINCEPT_WEIGHTS_DIR`` overrides it; a frozen app (PyInstaller) uses the ``weights`` folder bundled beside
    the model; otherwise the environment's folder (``machine_data_dir()/weights``, shared by every user account) or
    the per-user cache, whichever holds the files; with neither, the environment's folder when this process may
    write it (``xincept weights`` fills it), else the per-user cache.
    """
    override = os.environ.get("XINCEPT_WEIGHTS_DIR")
    if override:
        return Path(override)
    import sys

    if getattr(sys, "frozen", False) and hasattr(sys, "_MEIPASS"):
        return Path(sys._MEIPASS) / "weights"
    machine, user = machine_data_dir() / "weights", user_cache_dir() / "weights"
    for folder in (machine, user):
        if all((folder / name).is_file() for name in WEIGHT_FILES):
            return folder
    return machine if is_writable(machine) else user


def default_model_dir() -> Path:
    """The bundled model: ``XINCEPT_MODEL_DIR`` or ``models/xincept-all`` (frozen apps: beside the executable)."""
    override = os.environ.get("XINCEPT_MODEL_DIR")
    if override:
        return Path(override)
    import sys

    base = Path(getattr(sys, "_MEIPASS", REPO_DIR))
    return base / "models" / "xincept-all"
