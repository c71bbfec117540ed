"""The restricted reader of torch zip archives: reads tensors, refuses everything else."""

import io
import os
import pickle
import sys
import types
import zipfile

import numpy as np
import pytest

from xincept_desktop.core.model.torch_zip import ModuleRecord, iter_tensors, load_torch_zip
from xincept_desktop.errors import UnsafePickleError, WeightsError


class _FakeTorch:
    """Registers stand-in torch modules so the test can write torch-layout pickles without torch."""

    def __enter__(self):
        self.saved = {name: sys.modules.get(name) for name in ("torch", "torch._utils", "__torch__",
                                                               "__torch__.inceptionv3")}
        torch = types.ModuleType("torch")
        utils = types.ModuleType("torch._utils")
        scripted = types.ModuleType("__torch__")
        inception = types.ModuleType("__torch__.inceptionv3")

        def _rebuild_tensor_v2(*args):
            raise AssertionError("never called while writing")

        _rebuild_tensor_v2.__module__, _rebuild_tensor_v2.__qualname__ = "torch._utils", "_rebuild_tensor_v2"
        utils._rebuild_tensor_v2 = _rebuild_tensor_v2

        class FloatStorage:
            pass

        FloatStorage.__module__, FloatStorage.__qualname__ = "torch", "FloatStorage"
        torch.FloatStorage = FloatStorage

        class Conv2dLayer:
            pass

        Conv2dLayer.__module__, Conv2dLayer.__qualname__ = "__torch__.inceptionv3", "Conv2dLayer"
        inception.Conv2dLayer = Conv2dLayer
        sys.modules.update({"torch": torch, "torch._utils": utils, "__torch__": scripted,
                            "__torch__.inceptionv3": inception})
        self.rebuild, self.storage, self.layer = _rebuild_tensor_v2, FloatStorage, Conv2dLayer
        return self

    def __exit__(self, *exc):
        for name, module in self.saved.items():
            if module is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = module


class _Tensor:
    def __init__(self, fake, key, array):
        self.fake, self.key, self.array = fake, key, array

    def __reduce__(self):
        stride = tuple(int(s // self.array.itemsize) for s in self.array.strides)
        return self.fake.rebuild, (_StorageRef(self.fake, self.key, self.array.size), 0, self.array.shape, stride,
                                   False, {})


class _StorageRef:
    def __init__(self, fake, key, numel):
        self.fake, self.key, self.numel = fake, key, numel


class _Layer:
    def __init__(self, fake, state):
        self.fake, self.state = fake, state

    def __reduce__(self):
        return self.fake.layer, (), self.state


def write_torch_zip(layers: list[dict[str, np.ndarray]]) -> bytes:
    """A torch-layout zip: ``archive/data.pkl`` + ``archive/data/<key>`` storages."""
    storages: dict[str, np.ndarray] = {}
    with _FakeTorch() as fake:
        tree = {}
        for index, fields in enumerate(layers):
            state = {}
            for name, array in fields.items():
                key = str(len(storages))
                storages[key] = np.ascontiguousarray(array, dtype=np.float32)
                state[name] = _Tensor(fake, key, storages[key])
            tree[f"conv_{index}"] = _Layer(fake, state)

        class Pickler(pickle.Pickler):
            def persistent_id(self, obj):
                if isinstance(obj, _StorageRef):
                    return ("storage", fake.storage, obj.key, "cpu", obj.numel)
                return None

        stream = io.BytesIO()
        Pickler(stream, protocol=2).dump(_Layer(fake, {"layers": tree}))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("archive/data.pkl", stream.getvalue())
        for key, array in storages.items():
            archive.writestr(f"archive/data/{key}", array.tobytes())
    return buffer.getvalue()


def test_reads_tensors_in_module_order():
    weight = np.arange(2 * 3 * 3 * 3, dtype=np.float32).reshape(2, 3, 3, 3)
    data = write_torch_zip([{"weight": weight, "beta": np.ones(2)}, {"weight": -weight}])
    tree = load_torch_zip(data)
    assert isinstance(tree, ModuleRecord)
    tensors = list(iter_tensors(tree))
    assert [path for path, _ in tensors] == ["layers.conv_0.weight", "layers.conv_0.beta", "layers.conv_1.weight"]
    np.testing.assert_array_equal(tensors[0][1], weight)
    np.testing.assert_array_equal(tensors[2][1], -weight)


class _Evil:
    def __reduce__(self):
        return os.system, ("echo pwned > /tmp/xincept-pwned",)


def test_refuses_a_pickle_that_calls_a_function_outside_the_allow_list(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("archive/data.pkl", pickle.dumps(_Evil(), protocol=2))
    with pytest.raises(UnsafePickleError, match="posix.system|os.system"):
        load_torch_zip(buffer.getvalue())
    assert not os.path.exists("/tmp/xincept-pwned")


def test_refuses_builtins_even_when_harmless_looking():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("archive/data.pkl", pickle.dumps(print, protocol=2))
    with pytest.raises(UnsafePickleError, match="print"):
        load_torch_zip(buffer.getvalue())


def test_not_a_zip_is_refused():
    with pytest.raises(WeightsError, match="not a torch zip"):
        load_torch_zip(b"definitely not a zip")
