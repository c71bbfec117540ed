#!/usr/bin/env bash
# GPU part of `make setup`: find the machine's GPU and install what can use it. Safe to repeat; does nothing on a
# machine without a GPU (CPU-only machines need no GPU packages).
#
#   bash packaging/gpu-setup.sh .venv/bin/python
#
# - Intel GPU: the app's runtime (OpenVINO) already carries its GPU plugin; it needs the system's OpenCL driver
#   (intel-opencl-icd), installed here when running as root. Preferences > Device: Auto picks it.
# - NVIDIA GPU (nvidia-smi answers): OpenVINO has no NVIDIA plugin, so the app's analyses stay on the CPU (they
#   run at the rates in benchmarks/RESULTS.md). What can use the GPU is TensorFlow, for `xincept train`,
#   `evaluate` and `agreement`: its CUDA libraries are installed into the venv (tensorflow[and-cuda], same
#   TensorFlow version). Set XINCEPT_NO_GPU_PACKAGES=1 to skip. Not measured on a GPU machine yet.
set -euo pipefail
PY="${1:-.venv/bin/python}"
say() { printf 'gpu-setup: %s\n' "$*" >&2; }

if [ -n "${XINCEPT_NO_GPU_PACKAGES:-}" ]; then
    exit 0
fi
if command -v nvidia-smi >/dev/null 2>&1 && nvidia-smi -L >/dev/null 2>&1; then
    say "NVIDIA GPU found: $(nvidia-smi -L | head -1)"
    say "the app's runtime (OpenVINO) cannot use NVIDIA GPUs: analyses in the app run on the CPU"
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
