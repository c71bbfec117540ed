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


def weights_dir() -> Path:
    """Folder holding the converted ImageNet backbone weights.

    ``XINCEPT_WEIGHTS_DIR`` overrides it; a frozen app (PyInstaller) uses the ``weights`` folder bundled beside
    the model; otherwise the per-user cache that ``xincept weights`` fills.
    """
    override = os.environ.get("XINCEPT_WEIGHTS_DIR")
    if override:
        return Path(override)
    import sys

    if getattr(sys, "frozen", False) and hasattr(sys, "_MEIPASS"):
        return Path(sys._MEIPASS) / "weights"
    return user_cache_dir() / "weights"


def default_model_dir() -> Path:
    """The bundled model: ``XINCEPT_MODEL_DIR`` or ``models/xincept-all`` (frozen apps: beside the executable)."""
    override = os.environ.get("XINCEPT_MODEL_DIR")
    if override:
        return Path(override)
    import sys

    base = Path(getattr(sys, "_MEIPASS", REPO_DIR))
    return base / "models" / "xincept-all"
