"""Model bundles: a folder of non-ImageNet parts plus ``manifest.json`` with the sha256 of every file.

Loading checks every file against the manifest and refuses with a message naming the file; the manifest also
records the digests of the backbone weights the bundle was trained on. Nothing in a bundle is a pickle: Keras
``.weights.h5`` loaded into a freshly built architecture, XGBoost UBJSON, JSON and ``.npz`` read with
``allow_pickle=False``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ...errors import ModelIntegrityError
from ..atomic import atomic_write_text
from ..hashing import sha256_file

MANIFEST = "manifest.json"
#: 2: the cell-gated network (five backbone maps, 28x28 gate and heat maps); 1 was the ungated one
FORMAT_VERSION = 2
FUSION_WEIGHTS = "fusion.weights.h5"
XGBOOST_MODEL = "xgboost.ubj"
#: the XGBoost of the validation fit (training blocks only), kept so its held-out figures can be reproduced
VALIDATION_XGBOOST = "xgboost-validation.ubj"
CALIBRATION = "calibration.json"
OOD_STATS = "ood.npz"
REQUIRED_FILES = (FUSION_WEIGHTS, XGBOOST_MODEL, CALIBRATION, OOD_STATS)
ADAPTATION_FIELDS = ("adapted_from", "parent_hash", "site")


@dataclass
class Manifest:
    name: str
    version: str
    classes: list[str]
    input_size: int
    preprocessing: str
    fusion_channels: int
    backbone_weights: dict[str, str]  # backbone -> digest of its ImageNet weight arrays
    files: dict[str, str] = field(default_factory=dict)  # file name -> sha256
    format_version: int = FORMAT_VERSION
    created: str = ""
    git_commit: str = ""
    # site adaptation (core/adaptation): empty for a bundle trained from scratch
    adapted_from: str = ""  # the parent bundle's "name version"
    parent_hash: str = ""  # the parent bundle's short hash
    site: str = ""  # the laboratory it was adapted to

    @property
    def adapted(self) -> bool:
        return bool(self.parent_hash)

    @property
    def version_label(self) -> str:
        """Name, version and hash; a site-adapted bundle also names its site and parent, so every result, stored
        analysis and report that carries this label marks it as adapted."""
        return f"{self.name} {self.version} ({self.short_hash}){adaptation_mark(self)}"

    @property
    def short_hash(self) -> str:
        """First 12 hex digits of a hash over all file hashes: the model's fingerprint in reports."""
        joined = "".join(f"{k}:{v};" for k, v in sorted(self.files.items()))
        return hashlib.sha256(joined.encode()).hexdigest()[:12]


def adaptation_mark(manifest) -> str:
    """' [site-adapted: SITE; from PARENT (hash)]' for a site-adapted bundle's manifest, else ''."""
    if not getattr(manifest, "parent_hash", ""):
        return ""
    return f" [site-adapted: {manifest.site}; from {manifest.adapted_from} ({manifest.parent_hash})]"


def write_manifest(folder: Path, manifest: Manifest) -> Manifest:
    """Hash every file in ``folder`` (except the manifest) into ``manifest.files`` and write it atomically."""
    folder = Path(folder)
    manifest.files = {
        p.name: sha256_file(p) for p in sorted(folder.iterdir()) if p.is_file() and p.name != MANIFEST
        and not p.name.startswith(".")
    }
    data = asdict(manifest)
    for key in ADAPTATION_FIELDS:  # only an adapted bundle carries them: others stay readable by older versions
        if not data[key]:
            del data[key]
    atomic_write_text(folder / MANIFEST, json.dumps(data, indent=2, sort_keys=True) + "\n")
    return manifest


def read_manifest(folder: Path) -> Manifest:
    path = Path(folder) / MANIFEST
    if not Path(folder).is_dir():
        raise ModelIntegrityError(f"model folder not found: {folder}")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        manifest = Manifest(**data)
    except FileNotFoundError as exc:
        raise ModelIntegrityError(f"model manifest missing: {path}") from exc
    except (ValueError, TypeError) as exc:
        raise ModelIntegrityError(f"model manifest is damaged: {path} ({exc})") from exc
    if manifest.format_version != FORMAT_VERSION:
        raise ModelIntegrityError(f"model bundle format {manifest.format_version} is not supported (this version of "
                                  f"the app reads format {FORMAT_VERSION}; retrain or install a matching model): {path}")
    return manifest


def verify_bundle(folder: Path) -> Manifest:
    """Read the manifest and check every listed file's sha256; refuse naming the first file at fault."""
    folder = Path(folder)
    manifest = read_manifest(folder)
    for required in REQUIRED_FILES:
        if required not in manifest.files:
            raise ModelIntegrityError(f"model manifest does not list {required}: {folder / MANIFEST}")
    for name, expected in sorted(manifest.files.items()):
        path = folder / name
        if Path(name).name != name:
            raise ModelIntegrityError(f"model manifest names a file outside the bundle: {name}")
        if not path.is_file():
            raise ModelIntegrityError(f"model file missing: {path}")
        if sha256_file(path) != expected:
            raise ModelIntegrityError(f"model file is damaged or was changed (sha256 mismatch): {path}")
    return manifest
