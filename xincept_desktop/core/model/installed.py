"""The model bundles installed on this computer: the shipped one's folder and the user's adapted models."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from ...config import default_model_dir, user_data_dir
from ...errors import XinceptError
from .bundle import MANIFEST, read_manifest


@dataclass(frozen=True)
class InstalledBundle:
    folder: Path
    name: str
    version: str
    short_hash: str
    adapted_from: str = ""
    parent_hash: str = ""
    site: str = ""
    problem: str = ""  # why the manifest could not be read ("" when it could)

    @property
    def adapted(self) -> bool:
        return bool(self.parent_hash)

    def describe(self) -> str:
        if self.problem:
            return f"{self.folder.name}: cannot be used ({self.problem})"
        text = f"{self.name} {self.version} ({self.short_hash})"
        if self.adapted:
            text += f": site-adapted for {self.site}, from {self.adapted_from} ({self.parent_hash})"
        return text


def user_models_dir() -> Path:
    """Where the app writes adapted models by default."""
    return user_data_dir() / "models"


def bundle_roots() -> list[Path]:
    return [default_model_dir().parent, user_models_dir()]


def installed_bundles(roots: Iterable[Path] | None = None) -> list[InstalledBundle]:
    """Every sub-folder of ``roots`` holding a manifest, read but not hash-checked (loading checks every file)."""
    found, seen = [], set()
    for root in (bundle_roots() if roots is None else roots):
        if not Path(root).is_dir():
            continue
        for folder in sorted(p for p in Path(root).iterdir() if (p / MANIFEST).is_file()):
            if folder.resolve() in seen:
                continue
            seen.add(folder.resolve())
            try:
                manifest = read_manifest(folder)
            except XinceptError as exc:
                found.append(InstalledBundle(folder, folder.name, "", "", problem=str(exc)))
                continue
            found.append(InstalledBundle(folder, manifest.name, manifest.version, manifest.short_hash,
                                         manifest.adapted_from, manifest.parent_hash, manifest.site))
    return found
