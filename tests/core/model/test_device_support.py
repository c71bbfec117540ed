"""The standalone app's OpenVINO has no GPU plugin: the runtime finds that out from the files and says CPU only."""

from __future__ import annotations

import importlib.util
import sys
from types import SimpleNamespace

import pytest

from xincept_desktop.core.model import device_support
from xincept_desktop.core.model.device_support import gpu_plugin_installed


def _fake_openvino(monkeypatch, folder):
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name: SimpleNamespace(submodule_search_locations=[str(folder)]))
    monkeypatch.setattr(sys, "frozen", False, raising=False)


def test_the_gpu_plugin_is_found_by_its_library_file(tmp_path, monkeypatch):
    (tmp_path / "libs").mkdir()
    (tmp_path / "libs" / "libopenvino_intel_cpu_plugin.so").write_bytes(b"")
    _fake_openvino(monkeypatch, tmp_path)
    assert not gpu_plugin_installed()
    (tmp_path / "libs" / "libopenvino_intel_gpu_plugin.so").write_bytes(b"")
    assert gpu_plugin_installed()


def test_a_windows_plugin_name_counts_too(tmp_path, monkeypatch):
    (tmp_path / "libs").mkdir()
    (tmp_path / "libs" / "openvino_intel_gpu_plugin.dll").write_bytes(b"")
    _fake_openvino(monkeypatch, tmp_path)
    assert gpu_plugin_installed()


def test_no_openvino_means_no_gpu_plugin(monkeypatch):
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    monkeypatch.setattr(sys, "frozen", False, raising=False)
    assert not gpu_plugin_installed()


def test_frozen_app_looks_in_its_bundle(tmp_path, monkeypatch):
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert not gpu_plugin_installed()
    (tmp_path / "openvino" / "libs").mkdir(parents=True)
    (tmp_path / "openvino" / "libs" / "libopenvino_intel_gpu_plugin.so").write_bytes(b"")
    assert gpu_plugin_installed()


def test_choosing_gpu_without_the_plugin_says_cpu_only():
    from xincept_desktop.core.model.runtime import choose_device
    from xincept_desktop.errors import ModelIntegrityError

    with pytest.raises(ModelIntegrityError, match="CPU only") as raised:
        choose_device("gpu", ["CPU"], gpu_plugin=False)
    assert "Choose CPU or Auto" in str(raised.value) and device_support.CPU_ONLY_NOTE in str(raised.value)
    assert choose_device("auto", ["CPU"], gpu_plugin=False) == "CPU"
