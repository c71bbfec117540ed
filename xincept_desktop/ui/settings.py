"""User preferences and recent files, stored with QSettings."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

from PySide6.QtCore import QSettings

from ..config import APP_NAME

ORGANIZATION = "XIncept"
MAX_RECENT = 10
CAM_METHODS = ("gradcam", "gradcam++")
CAM_METHOD_LABELS = {"gradcam": "Grad-CAM", "gradcam++": "Grad-CAM++"}
COLORMAP_CHOICES = ("jet", "turbo", "inferno", "viridis", "cividis")  # mirrors core.explain.overlay.COLORMAPS


@dataclass
class Preferences:
    """What the Preferences dialog edits."""

    opacity: float = 0.4
    colormap: str = "jet"
    cam_method: str = "gradcam"
    institution: str = ""
    reviewer: str = ""


def settings() -> QSettings:
    """The application's QSettings (organisation and application names fixed here)."""
    return QSettings(ORGANIZATION, APP_NAME)


def load_preferences(store: QSettings | None = None) -> Preferences:
    """Read preferences, falling back to the defaults for missing or invalid values."""
    store = store or settings()
    defaults = Preferences()
    prefs = Preferences(
        opacity=_float(store.value("prefs/opacity", defaults.opacity), defaults.opacity),
        colormap=str(store.value("prefs/colormap", defaults.colormap)),
        cam_method=str(store.value("prefs/cam_method", defaults.cam_method)),
        institution=str(store.value("prefs/institution", defaults.institution) or ""),
        reviewer=str(store.value("prefs/reviewer", defaults.reviewer) or ""),
    )
    prefs.opacity = min(1.0, max(0.0, prefs.opacity))
    if prefs.colormap not in COLORMAP_CHOICES:
        prefs.colormap = defaults.colormap
    if prefs.cam_method not in CAM_METHODS:
        prefs.cam_method = defaults.cam_method
    return prefs


def save_preferences(prefs: Preferences, store: QSettings | None = None) -> None:
    """Write every preference."""
    store = store or settings()
    for key, value in asdict(prefs).items():
        store.setValue(f"prefs/{key}", value)
    store.sync()


def recent_paths(store: QSettings | None = None) -> list[Path]:
    """Recently opened files and folders, newest first."""
    value = (store or settings()).value("recent", [])
    if isinstance(value, str):
        value = [value]
    return [Path(v) for v in (value or [])]


def add_recent(paths: list[Path], store: QSettings | None = None) -> list[Path]:
    """Put ``paths`` at the front of the recent list (deduplicated, at most :data:`MAX_RECENT`)."""
    store = store or settings()
    merged: list[str] = []
    for path in [*map(str, paths), *map(str, recent_paths(store))]:
        if path not in merged:
            merged.append(path)
    store.setValue("recent", merged[:MAX_RECENT])
    return [Path(p) for p in merged[:MAX_RECENT]]


def _float(value, default: float) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return default
