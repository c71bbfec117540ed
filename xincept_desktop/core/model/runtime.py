"""The model as the app runs it: the exported OpenVINO network plus numpy, no TensorFlow.

``RuntimeModel.load(folder)`` verifies the bundle (every file's sha256), finds this bundle's exported runtime
(``runtime_files``: keyed by the fusion weights and the backbone digests, checked against ``runtime.json``),
and compiles the network for the chosen device. One call of the network gives, for a batch of images, the cell-gated
fused map, the cell gate and the pooled backbone features; the embedding, the softmax head, and Grad-CAM and
Grad-CAM++ of every class follow in closed form (``head_cams``), XGBoost, temperature scaling and the out-of-domain
score as in the TensorFlow reference (``predictor.XInceptModel``, which stays the training framework's model and the
reference that ``xincept agreement`` measures this one against). Inference runs in float32: bfloat16, OpenVINO's
default on CPUs that have it, moved probabilities by up to 0.0045 on 40 real images.

Devices: ``auto`` takes an NVIDIA GPU when ONNX Runtime's CUDA provider and the network's ONNX export are installed
(``onnx_network``: OpenVINO has no NVIDIA plugin; set-up installs both on a machine with ``nvidia-smi``) and the GPU
agrees with the CPU on a probe batch, else an OpenVINO GPU (Intel graphics) when one is present, else the CPU; ``cpu``
and ``gpu`` force one (README, "GPU").
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

from ...errors import ModelIntegrityError
from ..scale.reference import ScaleReference
from . import head_cams
from .bundle import XGBOOST_MODEL, Manifest
from .calibration import softmax
from .device_support import CPU_ONLY_NOTE, gpu_plugin_installed
from .ood import DomainDetector
from .prediction import CAM_METHODS, BatchPrediction, BundleModel, read_head_files, verify_with_booster
from .onnx_network import (PROBE_TOLERANCE, OnnxNetwork, gpu_provider, largest_relative_difference, nvidia_gpu_name,
                           probe_images)
from .runtime_files import (HEAD_WEIGHTS, NETWORK_XML, ONNX_NETWORK, RuntimeRecord, find_runtime, verify_optional,
                            verify_runtime)

DEVICE_CHOICES = ("auto", "cpu", "gpu")
#: images per infer request: the CPU plugin's working memory grows with it (batch 16 in one request: 1.06 GB RSS)
MAX_CHUNK = 4
OUTPUTS = ("gated", "gate", "pooled")


def choose_device(preference: str, available: list[str], gpu_plugin: bool = True) -> str:
    """The OpenVINO device for a preference: 'auto' prefers a GPU, 'gpu' needs one, 'cpu' is the CPU.
    ``gpu_plugin`` False (the standalone app has no GPU plugin) makes the 'gpu' refusal say so."""
    preference = (preference or "auto").lower()
    if preference not in DEVICE_CHOICES:
        raise ValueError(f"unknown device {preference!r} (choose from {', '.join(DEVICE_CHOICES)})")
    gpus = [d for d in available if d.startswith("GPU")]
    if preference == "gpu":
        if not gpus and not gpu_plugin:
            raise ModelIntegrityError(f"{CPU_ONLY_NOTE} Choose CPU or Auto in Preferences")
        if not gpus:
            raise ModelIntegrityError("no GPU the app can use was found (Intel GPUs run through OpenVINO; NVIDIA GPUs "
                                      "through ONNX Runtime with CUDA, which `make setup` installs on a machine where "
                                      "nvidia-smi works); choose CPU or Auto in Preferences")
        return gpus[0]
    if preference == "auto" and gpus:
        return gpus[0]
    return "CPU"


def device_preference() -> str:
    """``XINCEPT_DEVICE`` (auto, cpu, gpu), else auto."""
    return os.environ.get("XINCEPT_DEVICE", "auto").strip().lower() or "auto"


class RuntimeModel(BundleModel):
    """A verified bundle and its compiled runtime network. Not thread-safe: one worker thread owns it."""

    def __init__(self, manifest: Manifest, compiled, kernel: np.ndarray, bias: np.ndarray, booster,
                 temperature: float, detector: DomainDetector, folder: Path | None, record: RuntimeRecord,
                 runtime_folder: Path, device: str, device_name: str,
                 scale_reference: ScaleReference | None = None):
        self.manifest = manifest
        self._compiled = compiled
        self._outputs = {name: compiled.output(name) for name in OUTPUTS}
        self._queue = _request_queue(compiled)
        self.kernel = kernel
        self.bias = bias
        self._booster = booster
        self.temperature = temperature
        self.detector = detector
        self.folder = folder
        self.record = record
        self.runtime_folder = runtime_folder
        self.device = device  # the OpenVINO device: CPU, GPU, GPU.0...
        self.device_name = device_name  # what the device says it is
        self.scale_reference = scale_reference
        self.parts = ()
        self._gpu_network = None  # an onnx_network.OnnxNetwork on an NVIDIA GPU, when one is used
        self.device_note = ""  # why a GPU that is present is not used, when it is not

    @property
    def device_label(self) -> str:
        """Short, for the status bar, the self-test and report metadata: 'CPU (openvino 2026.4.1)',
        'GPU (onnxruntime 1.32.0, CUDA)'."""
        if self._gpu_network is not None:
            return f"GPU (onnxruntime {self._gpu_network.version}, CUDA)"
        kind = "GPU" if self.device.startswith("GPU") else "CPU"
        return f"{kind} ({self.record.runtime} {self.record.runtime_version or _openvino_version()})"

    @property
    def device_description(self) -> str:
        return f"{self.device_label}: {self.device_name}" + (f" ({self.device_note})" if self.device_note else "")

    @classmethod
    def load(cls, folder: Path, booster_file: str = XGBOOST_MODEL, device: str | None = None,
             runtime_roots: list[Path] | None = None) -> "RuntimeModel":
        """Verify the bundle and its runtime, then compile the network on ``device`` (default: ``XINCEPT_DEVICE``
        or auto)."""
        folder = Path(folder)
        manifest = verify_with_booster(folder, booster_file)
        runtime_folder = find_runtime(manifest, runtime_roots)
        record = verify_runtime(runtime_folder, manifest)
        kernel, bias = _read_head(runtime_folder / HEAD_WEIGHTS, len(manifest.classes), manifest.fusion_channels)
        booster, temperature, detector = read_head_files(folder, booster_file)
        preference = device or device_preference()
        provider = gpu_provider() if preference in ("auto", "gpu") else None
        compiled, chosen, name = _compile(runtime_folder / NETWORK_XML, "cpu" if provider else preference)
        model = cls(manifest, compiled, kernel, bias, booster, temperature, detector, folder, record,
                    runtime_folder, chosen, name, ScaleReference.load(folder))
        if provider:
            model._use_gpu_network(provider, preference)
        return model

    def _use_gpu_network(self, provider: str, preference: str) -> None:
        """Run the network on the NVIDIA GPU when its ONNX export is intact and it agrees with the CPU on the probe
        batch; otherwise stay on the CPU with a note (``gpu`` preference: refuse)."""
        try:
            path = verify_optional(self.runtime_folder, self.record, ONNX_NETWORK)
            network = OnnxNetwork(path, provider)
            probe = probe_images(self.input_size)
            difference = largest_relative_difference(network.outputs(probe), self.network_outputs(probe))
            if difference > PROBE_TOLERANCE:
                raise RuntimeError(f"its results differed from the CPU's by {difference:.1e} (relative) on the "
                                   f"probe images, more than {PROBE_TOLERANCE:g}")
        except Exception as exc:  # noqa: BLE001  (ONNX Runtime's own errors included: any GPU failure leaves the CPU)
            if preference == "gpu":
                raise ModelIntegrityError(f"the NVIDIA GPU cannot be used: {exc}") from exc
            self.device_note = f"NVIDIA GPU not used: {exc}"
            return
        self._gpu_network = network
        self.device_name = nvidia_gpu_name()

    def network_outputs(self, images: np.ndarray) -> dict[str, np.ndarray]:
        """The exported network alone: gated map, gate, pooled backbone features.

        The batch is split over the compiled model's parallel infer requests (one per stream: on a 2-core CPU, two
        single-thread streams ran 20-35 % more images per second than one two-thread request), at most
        ``MAX_CHUNK`` images per request, so memory stays bounded whatever batch size the caller uses. On an NVIDIA
        GPU (``onnx_network``) the batch goes through ONNX Runtime in one call."""
        images = np.ascontiguousarray(images, dtype=np.float32)
        if self._gpu_network is not None:
            return self._gpu_network.outputs(images)
        count = max(len(self._queue), -(-len(images) // MAX_CHUNK))  # at most MAX_CHUNK images per request
        chunks = np.array_split(images, min(count, len(images))) if len(images) else [images]
        parts: list[dict | None] = [None] * len(chunks)

        def collect(request, index: int) -> None:
            parts[index] = {name: request.get_tensor(port).data.copy() for name, port in self._outputs.items()}

        self._queue.set_callback(collect)
        for index, chunk in enumerate(chunks):
            self._queue.start_async(chunk, userdata=index)
        self._queue.wait_all()
        if any(part is None for part in parts):
            raise RuntimeError("the runtime network returned no result for part of the batch")
        return {name: np.concatenate([part[name] for part in parts]) for name in OUTPUTS}

    def predict_batch(self, images: np.ndarray) -> BatchPrediction:
        """Analyse a batch of ``input_size`` x ``input_size`` RGB ``uint8`` images."""
        images = np.asarray(images)
        out = self.network_outputs(images)
        embedding = head_cams.embedding(out["gated"], out["gate"]).astype(np.float32)
        head_logits = head_cams.logits(embedding, self.kernel, self.bias)
        cams = {method: head_cams.class_activation_maps(out["gated"], out["gate"], self.kernel, method)
                for method in CAM_METHODS}
        return self._prediction(images, embedding, out["pooled"], softmax(head_logits), cams,
                                out["gate"].mean(axis=(1, 2, 3)))


def _openvino_version() -> str:
    import openvino

    return openvino.get_version().split("-")[0]


def _compile(xml: Path, preference: str):
    """Read and compile the IR in float32 on the preferred device; returns (compiled, device, device name)."""
    try:
        import openvino as ov
    except ImportError as exc:
        raise ModelIntegrityError("the OpenVINO runtime is not installed in this environment "
                                  "(run `make setup`)") from exc
    core = ov.Core()
    device = choose_device(preference, list(core.available_devices), gpu_plugin_installed())
    config = {"INFERENCE_PRECISION_HINT": "f32", "PERFORMANCE_HINT": "THROUGHPUT"}
    if device == "CPU":
        # unpinned threads move off cores other programs are using: 10-20 % more images/s on a busy 2-core machine
        config["ENABLE_CPU_PINNING"] = False
    try:
        # from the path: OpenVINO maps the weights file instead of copying it (0.18 s against 0.7 s read + compile)
        compiled = core.compile_model(str(xml), device, config)
    except RuntimeError as exc:
        raise ModelIntegrityError(f"the runtime network could not be compiled for {device}: {xml} ({exc})") from exc
    try:
        name = str(core.get_property(device, "FULL_DEVICE_NAME"))
    except RuntimeError:
        name = device
    return compiled, device, name


def _request_queue(compiled):
    import openvino as ov

    try:
        count = int(compiled.get_property("OPTIMAL_NUMBER_OF_INFER_REQUESTS"))
    except RuntimeError:
        count = 1
    return ov.AsyncInferQueue(compiled, max(1, min(count, 4)))


def _read_head(path: Path, n_classes: int, channels: int) -> tuple[np.ndarray, np.ndarray]:
    try:
        with np.load(path, allow_pickle=False) as data:
            kernel, bias = np.asarray(data["kernel"], np.float32), np.asarray(data["bias"], np.float32)
    except (OSError, KeyError, ValueError) as exc:
        raise ModelIntegrityError(f"runtime head weights are damaged: {path} ({exc})") from exc
    if kernel.shape != (channels, n_classes) or bias.shape != (n_classes,):
        raise ModelIntegrityError(f"runtime head weights do not fit the model: {path}")
    return kernel, bias
