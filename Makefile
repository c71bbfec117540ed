# XIncept Desktop. `make run` and `make test` set everything up from nothing (venv, packages, system libraries
# Qt needs, GPU packages where a GPU is found, ImageNet backbone weights, the exported inference runtime) and are
# safe to repeat. Weights and runtime go into the environment (.venv/share/xincept), shared by every user account.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | sha256sum | cut -c1-12)

.PHONY: setup venv system-deps gpu weights runtime resources translations run test test-fast bench package train clean-venv

setup: venv system-deps gpu weights runtime resources

# Icons, the user guide and the compiled translations (.qm) into the package, from resources/ and docs/.
resources: venv
	$(BIN)/python resources/build.py

# Refresh resources/translations/*.ts from the interface's strings (then translate, then make resources).
translations: venv
	$(BIN)/python resources/build.py --update-ts

venv: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check --upgrade pip setuptools wheel
	$(BIN)/python -m pip install -q --disable-pip-version-check -e '.[dev]'
	@rm -f $(VENV)/.installed-*
	@touch $@

system-deps:
	@bash packaging/system-deps.sh

gpu: venv
	@bash packaging/gpu-setup.sh $(BIN)/python

weights: venv
	$(BIN)/xincept weights

# With an NVIDIA GPU (nvidia-smi answers) the network is also written as ONNX, for ONNX Runtime's CUDA provider.
runtime: weights
	$(BIN)/xincept export-runtime $(if $(shell nvidia-smi -L 2>/dev/null),--onnx,)

run: setup
	$(BIN)/xincept-desktop

test: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

test-fast: venv
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -m "not real_model and not slow"

# Reproduce the shipped bundle from ../shared (resumable: an interrupted run carries on from its feature cache and
# checkpoints). Ends with the scale calibration and the runtime export; then `xincept agreement --card`.
DATA ?= ../shared/data/taleqani-all/Original
train: setup
	$(BIN)/xincept train --data $(DATA) --out models/xincept-all --seed 7 --resume

bench: setup
	$(BIN)/python benchmarks/run.py

package: setup
	bash packaging/build.sh

clean-venv:
	rm -rf $(VENV)
