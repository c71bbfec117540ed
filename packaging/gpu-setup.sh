#!/usr/bin/env bash
# GPU part of `make setup`: find the machine's GPU and install what can use it. Safe to repeat; does nothing on a
# machine without a GPU (CPU-only machines need no GPU packages).
#
#   bash packaging/gpu-setup.sh .venv/bin/python
#
# - Intel GPU: the app's runtime (OpenVINO) already carries its GPU plugin; it needs the system's OpenCL driver
#   (intel-opencl-icd), installed here when running as root. Preferences > Device: Auto picks it.
# - NVIDIA GPU (nvidia-smi answers): OpenVINO has no NVIDIA plugin, so the app runs the same network exported as
#   ONNX in ONNX Runtime's CUDA provider: onnxruntime-gpu with its CUDA and cuDNN wheels replaces the CPU
#   onnxruntime (the two cannot be installed together), and `make runtime` then writes network.onnx
#   (`xincept export-runtime --onnx`). The app uses the GPU only when it agrees with the CPU on a probe batch
#   (core/model/onnx_network.py). TensorFlow's CUDA libraries are installed too, for `xincept train`, `evaluate`
#   and `agreement` (tensorflow[and-cuda], same TensorFlow version). Set XINCEPT_NO_GPU_PACKAGES=1 to skip. Not
#   measured on a GPU machine yet.
set -euo pipefail
PY="${1:-.venv/bin/python}"
say() { printf 'gpu-setup: %s\n' "$*" >&2; }

if [ -n "${XINCEPT_NO_GPU_PACKAGES:-}" ]; then
    exit 0
fi
if command -v nvidia-smi >/dev/null 2>&1 && nvidia-smi -L >/dev/null 2>&1; then
    say "NVIDIA GPU found: $(nvidia-smi -L | head -1)"
    if "$PY" -c 'import onnxruntime as o, sys; sys.exit("CUDAExecutionProvider" not in o.get_available_providers())' \
        >/dev/null 2>&1; then
        say "ONNX Runtime's CUDA provider is already installed (the app analyses on the GPU)"
    else
        say "installing ONNX Runtime for NVIDIA GPUs (onnxruntime-gpu with its CUDA and cuDNN libraries)"
        "$PY" -m pip uninstall -q -y onnxruntime onnxruntime-gpu >/dev/null 2>&1 || true
        "$PY" -m pip install -q --disable-pip-version-check "onnxruntime-gpu[cuda,cudnn]" \
            || say "could not install onnxruntime-gpu: the app will analyse on the CPU"
    fi
    tf_version=$("$PY" -c 'import importlib.metadata as m; print(m.version("tensorflow"))')
    if "$PY" -c 'import importlib.metadata as m; m.version("nvidia-cudnn-cu12")' >/dev/null 2>&1; then
        say "TensorFlow's CUDA libraries are already installed (training and evaluate use the GPU)"
    else
        say "installing TensorFlow's CUDA libraries for training and evaluate (tensorflow[and-cuda]==$tf_version)"
        "$PY" -m pip install -q --disable-pip-version-check "tensorflow[and-cuda]==$tf_version"
    fi
fi
if command -v lspci >/dev/null 2>&1 && lspci 2>/dev/null | grep -Eiq '(VGA|Display|3D).*Intel'; then
    say "Intel GPU found: the app's runtime can use it (Preferences > Device: Auto or GPU)"
    if ! dpkg-query -W -f='${Status}' intel-opencl-icd 2>/dev/null | grep -q "install ok installed"; then
        if [ "$(id -u)" -eq 0 ]; then
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends intel-opencl-icd >/dev/null \
                || say "could not install intel-opencl-icd: the app will use the CPU"
        else
            say "install intel-opencl-icd as root so OpenVINO can use it"
        fi
    fi
fi
exit 0
