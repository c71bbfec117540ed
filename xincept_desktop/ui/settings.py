"""User preferences and recent files, stored with QSettings."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from PySide6.QtCore import QSettings

from ..config import APP_NAME
from ..core.scale import MicroscopeProfile

ORGANIZATION = "XIncept"
MAX_RECENT = 10
LOCK_MINUTES_MAX = 240
CAM_METHODS = ("gradcam", "gradcam++")
CAM_METHOD_LABELS = {"gradcam": "Grad-CAM", "gradcam++": "Grad-CAM++"}
LANGUAGE_CODES = ("en", "fa")  # mirrors ui.i18n.LANGUAGES
COLORMAP_CHOICES = ("jet", "turbo", "inferno", "viridis", "cividis")  # mirrors core.explain.overlay.COLORMAPS
DEVICE_CHOICES = ("auto", "cpu", "gpu")  # mirrors core.model.runtime.DEVICE_CHOICES


@dataclass
class Preferences:
    """What the Preferences dialog edits."""

    opacity: float = 0.4
    colormap: str = "jet"
    cam_method: str = "gradcam"
    institution: str = ""
    reviewer: str = ""
    microscope_profiles: list[MicroscopeProfile] = field(default_factory=list)
    active_profile: str = ""  # name of the profile in use; "" = none (the red-cell ruler alone)
    lock_minutes: int = 10  # the window locks after this many minutes without input (``ui.lock_screen``)
    language: str = "en"  # interface and report language (ui.i18n.LANGUAGES); the window takes it at start
    device: str = "auto"  # where the model runs: auto (a GPU the runtime can use, else the CPU), cpu, gpu

    @property
    def profile(self) -> MicroscopeProfile | None:
        """The active microscope profile, or None."""
        return next((p for p in self.microscope_profiles if p.name == self.active_profile), None)


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
        microscope_profiles=_profiles(store.value("prefs/microscope_profiles", "[]")),
        active_profile=str(store.value("prefs/active_profile", "") or ""),
        lock_minutes=min(LOCK_MINUTES_MAX, max(1, int(_float(store.value("prefs/lock_minutes", defaults.lock_minutes),
                                                              defaults.lock_minutes)))),
        language=str(store.value("prefs/language", defaults.language) or defaults.language),
        device=str(store.value("prefs/device", defaults.device) or defaults.device),
    )
    if prefs.device not in DEVICE_CHOICES:
        prefs.device = defaults.device
    prefs.opacity = min(1.0, max(0.0, prefs.opacity))
    if prefs.colormap not in COLORMAP_CHOICES:
        prefs.colormap = defaults.colormap
    if prefs.cam_method not in CAM_METHODS:
        prefs.cam_method = defaults.cam_method
    if prefs.language not in LANGUAGE_CODES:
        prefs.language = defaults.language
    return prefs


def save_preferences(prefs: Preferences, store: QSettings | None = None) -> None:
    """Write every preference."""
    store = store or settings()
    for key, value in asdict(prefs).items():
        if key == "microscope_profiles":
            value = json.dumps(value)
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


def _profiles(value) -> list[MicroscopeProfile]:
    """Profiles stored as JSON; an entry that is damaged or impossible is dropped, not fatal."""
    try:
        entries = json.loads(str(value or "[]"))
    except ValueError:
        return []
    profiles = []
    for entry in entries if isinstance(entries, list) else []:
        try:
            profiles.append(MicroscopeProfile(str(entry["name"]), float(entry["um_per_pixel"]),
                                              str(entry.get("objective", "")), str(entry.get("camera", ""))))
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
    return profiles


def _float(value, default: float) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return default
