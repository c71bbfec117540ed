"""The exported network in ONNX Runtime, for NVIDIA GPUs (CUDA execution provider); OpenVINO runs everything else.

Used only when ONNX Runtime's CUDA provider is installed (``packaging/gpu-setup.sh`` installs ``onnxruntime-gpu`` on
a machine where ``nvidia-smi`` answers), the ONNX export is there (``onnx_export``) and the device preference is Auto
or GPU. CUDA runs in float32 (TF32 matrix units off), like the reference. Before the GPU is used, a fixed probe batch
goes through both it and the OpenVINO network on the CPU; the GPU is used only when they agree
(:data:`PROBE_TOLERANCE`, relative to each output's largest value), otherwise the app runs on the CPU and says why.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import subprocess

import numpy as np

CUDA = "CUDAExecutionProvider"
#: largest |difference| between the GPU's and the CPU's outputs on the probe batch, relative to the largest |value|
PROBE_TOLERANCE = 1e-3
OUTPUTS = ("gated", "gate", "pooled")


def gpu_provider() -> str | None:
    """ONNX Runtime's CUDA provider when this environment has it (``onnxruntime-gpu`` and its CUDA libraries), else
    None. ONNX Runtime is imported (about 0.15 s) only where its GPU build is installed: the CPU build of a
    development install, and every CPU-only machine, cost a metadata look-up."""
    try:
        importlib.metadata.distribution("onnxruntime-gpu")
    except importlib.metadata.PackageNotFoundError:
        return None
    if importlib.util.find_spec("onnxruntime") is None:
        return None
    import onnxruntime

    return CUDA if CUDA in onnxruntime.get_available_providers() else None


class OnnxNetwork:
    """One ONNX Runtime session of ``network.onnx`` on ``provider``: images -> gated map, gate, pooled features."""

    def __init__(self, path, provider: str):
        import onnxruntime

        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3  # errors only: ONNX Runtime's warnings would reach the user's terminal
        provider_options = {"use_tf32": "0"} if provider == CUDA else {}
        self.session = onnxruntime.InferenceSession(str(path), options, providers=[(provider, provider_options)])
        if self.session.get_providers()[0] != provider:
            raise RuntimeError(f"ONNX Runtime could not start {provider}")
        self.provider = provider
        self.version = onnxruntime.__version__

    def outputs(self, images: np.ndarray) -> dict[str, np.ndarray]:
        values = self.session.run(list(OUTPUTS), {"images": np.ascontiguousarray(images, dtype=np.float32)})
        return dict(zip(OUTPUTS, values))


def probe_images(size: int, count: int = 2) -> np.ndarray:
    """A fixed, smear-coloured batch (seeded): the same on every machine, so the probe compares like with like."""
    rng = np.random.default_rng(20261201)
    base = np.array([226.0, 196.0, 214.0], np.float32)  # pink background
    images = base + rng.normal(0.0, 25.0, (count, size, size, 3)).astype(np.float32)
    yy, xx = np.mgrid[:size, :size]
    for index in range(count):
        centre = rng.uniform(0.3 * size, 0.7 * size, 2)
        disc = (yy - centre[0]) ** 2 + (xx - centre[1]) ** 2 < (0.15 * size) ** 2
        images[index][disc] = [120.0, 70.0, 150.0]  # one purple cell
    return np.clip(images, 0, 255).astype(np.uint8).astype(np.float32)


def largest_relative_difference(ours: dict[str, np.ndarray], reference: dict[str, np.ndarray]) -> float:
    """max over outputs of max |ours - reference| / max |reference|."""
    worst = 0.0
    for name in OUTPUTS:
        scale = max(float(np.abs(reference[name]).max()), 1e-12)
        worst = max(worst, float(np.abs(ours[name] - reference[name]).max()) / scale)
    return worst


def nvidia_gpu_name() -> str:
    """The first NVIDIA GPU's name as ``nvidia-smi`` gives it, else a plain description."""
    try:
        out = subprocess.run(["nvidia-smi", "--query-gpu=name", "--format=csv,noheader"], capture_output=True,
                             text=True, timeout=5, check=True).stdout.strip().splitlines()
    except (OSError, subprocess.SubprocessError):
        return "NVIDIA GPU"
    return out[0].strip() if out else "NVIDIA GPU"
