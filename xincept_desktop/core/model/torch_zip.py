"""Read tensors out of a TorchScript / ``torch.save`` zip without torch and without trusting the pickle.

The pickle inside such an archive names a few torch functions to rebuild tensors. A restricted
:class:`pickle.Unpickler` maps exactly those names to numpy-building functions, maps TorchScript module
classes (``__torch__.*``) to an inert record that only stores its attributes, and refuses every other
global, so a crafted file cannot make it call anything.
"""

from __future__ import annotations

import io
import pickle
import zipfile
from collections import OrderedDict
from typing import Any, Callable

import numpy as np

from ...errors import UnsafePickleError, WeightsError

_STORAGE_DTYPES: dict[str, np.dtype] = {
    "FloatStorage": np.dtype("<f4"),
    "DoubleStorage": np.dtype("<f8"),
    "HalfStorage": np.dtype("<f2"),
    "LongStorage": np.dtype("<i8"),
    "IntStorage": np.dtype("<i4"),
    "ShortStorage": np.dtype("<i2"),
    "CharStorage": np.dtype("i1"),
    "ByteStorage": np.dtype("u1"),
    "BoolStorage": np.dtype("?"),
}


class ModuleRecord:
    """Inert stand-in for a TorchScript module: remembers its class name and attributes, runs nothing."""

    def __init__(self, type_name: str):
        self.type_name = type_name
        self.state: dict[str, Any] = {}

    def __setstate__(self, state: Any) -> None:
        self.state = dict(state) if isinstance(state, dict) else {"_state": state}


class StorageType:
    """Marker for a ``torch.*Storage`` global; carries only the numpy dtype."""

    def __init__(self, name: str):
        self.name = name
        self.dtype = _STORAGE_DTYPES[name]


def _record_factory(type_name: str) -> Callable[[], ModuleRecord]:
    class _Record(ModuleRecord):
        def __init__(self) -> None:
            super().__init__(type_name)

    _Record.__name__ = "Record"
    return _Record


class RestrictedTorchUnpickler(pickle.Unpickler):
    """Unpickler for ``data.pkl`` of a torch zip that allows only tensor-rebuilding names.

    Parameters
    ----------
    file:
        The pickle stream.
    load_storage:
        ``load_storage(key, dtype, numel)`` returns the flat numpy array for storage ``key``.
    """

    def __init__(self, file: io.BufferedIOBase, load_storage: Callable[[str, np.dtype, int], np.ndarray]):
        super().__init__(file)
        self._load_storage = load_storage
        self._storages: dict[str, np.ndarray] = {}

    def find_class(self, module: str, name: str) -> Any:
        if module == "torch._utils" and name == "_rebuild_tensor_v2":
            return _rebuild_tensor_v2
        if module == "torch._utils" and name == "_rebuild_parameter":
            return _rebuild_parameter
        if module == "torch" and name in _STORAGE_DTYPES:
            return StorageType(name)
        if module == "collections" and name == "OrderedDict":
            return OrderedDict
        if module == "torch.jit._pickle" and name == "build_intlist":
            return list
        if module.startswith("__torch__.") or module == "__torch__":
            return _record_factory(f"{module}.{name}")
        raise UnsafePickleError(f"refused to load '{module}.{name}': not in the weight reader's allow-list")

    def persistent_load(self, pid: Any) -> np.ndarray:
        if not (isinstance(pid, tuple) and len(pid) >= 5 and pid[0] == "storage"):
            raise UnsafePickleError(f"unexpected persistent id in weight file: {pid!r:.80}")
        _, storage_type, key, _location, numel = pid[:5]
        if not isinstance(storage_type, StorageType):
            raise UnsafePickleError("persistent id does not name a torch storage type")
        key = str(key)
        if key not in self._storages:
            self._storages[key] = self._load_storage(key, storage_type.dtype, int(numel))
        return self._storages[key]


#: more dimensions than any weight has; numpy's own limit is 64
MAX_DIMENSIONS = 16
#: more elements than any weight tensor has (numpy refuses such shapes even when a zero side makes them empty)
MAX_ELEMENTS = 1 << 40


def _rebuild_tensor_v2(storage, storage_offset, size, stride, requires_grad=False, backward_hooks=None, metadata=None):
    """The tensor ``storage[offset + sum(index * stride)]`` as a fresh array, after checking that every element it
    names lies inside the storage: ``as_strided`` trusts its arguments, and a crafted file must not read memory
    outside the storage (negative or overflowing strides, an offset past the end)."""
    if not isinstance(storage, np.ndarray) or storage.ndim != 1:
        raise WeightsError("tensor in the weight file does not refer to a storage")
    offset = _whole_number(storage_offset, "storage offset")
    size = _whole_numbers(size, "size")
    stride = _whole_numbers(stride, "stride")
    if len(size) != len(stride):
        raise WeightsError(f"tensor in the weight file has {len(size)} sizes but {len(stride)} strides")
    if len(size) > MAX_DIMENSIONS:
        raise WeightsError(f"tensor in the weight file has {len(size)} dimensions (at most {MAX_DIMENSIONS})")
    if any(s < 0 for s in size) or any(st < 0 for st in stride) or offset < 0:
        raise WeightsError(f"tensor in the weight file has a negative size, stride or offset (size {size}, "
                           f"stride {stride}, offset {offset})")
    count = nonzero = 1
    for s in size:
        count *= s
        nonzero *= s or 1
    if nonzero > MAX_ELEMENTS:
        raise WeightsError(f"tensor in the weight file is implausibly large (size {size})")
    if count == 0:
        return np.zeros(size, dtype=storage.dtype)
    if count > len(storage):
        raise WeightsError(f"tensor in the weight file has {count} elements but its storage only {len(storage)}")
    last = offset + sum((s - 1) * st for s, st in zip(size, stride))  # Python integers: no overflow
    if last >= len(storage):
        raise WeightsError(f"tensor extends beyond its storage in the weight file (element {last} of a storage of "
                           f"{len(storage)})")
    itemsize = storage.dtype.itemsize
    byte_strides = tuple(st * itemsize if s > 1 else 0 for s, st in zip(size, stride))  # each <= last * itemsize
    view = np.lib.stride_tricks.as_strided(storage[offset:], shape=size, strides=byte_strides, writeable=False)
    return np.array(view, copy=True)


def _whole_number(value, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise WeightsError(f"tensor {what} in the weight file is not a whole number: {value!r:.40}")
    return int(value)


def _whole_numbers(values, what: str) -> tuple[int, ...]:
    if not isinstance(values, (tuple, list)):
        raise WeightsError(f"tensor {what} in the weight file is not a list of numbers: {values!r:.40}")
    return tuple(_whole_number(value, what) for value in values)


def _rebuild_parameter(data, requires_grad=False, backward_hooks=None):
    return data


def load_torch_zip(data: bytes) -> Any:
    """Unpickle the object tree of a torch zip archive given as bytes, with tensors as numpy arrays."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except Exception as exc:  # BadZipFile, or whatever a damaged central directory makes zipfile raise
        raise WeightsError(f"weight file is not a torch zip archive: {exc}") from exc
    pickles = [n for n in archive.namelist() if n.endswith("/data.pkl") or n == "data.pkl"]
    if len(pickles) != 1:
        raise WeightsError("weight archive must hold exactly one data.pkl")
    prefix = pickles[0][: -len("data.pkl")]

    def load_storage(key: str, dtype: np.dtype, numel: int) -> np.ndarray:
        try:
            raw = archive.read(f"{prefix}data/{key}")
        except KeyError as exc:
            raise WeightsError(f"storage {key} missing from weight archive") from exc
        if numel < 0 or len(raw) < numel * dtype.itemsize:
            raise WeightsError(f"storage {key} is shorter than declared")
        return np.frombuffer(raw, dtype=dtype, count=numel)

    try:
        with archive.open(pickles[0]) as stream:
            payload = stream.read()
        _refuse_buffer_opcodes(payload)
        return RestrictedTorchUnpickler(io.BytesIO(payload), load_storage).load()
    except WeightsError:
        raise
    except Exception as exc:  # decompressors, zipfile and the unpickler raise assorted types on a damaged file
        raise WeightsError(f"weight file is damaged: {type(exc).__name__}: {exc}"[:300]) from exc


#: protocol-5 out-of-band buffer opcodes: torch never writes them, and CPython's handling of a damaged one can
#: free a bytearray that a memoryview still exports
_BUFFER_OPCODES = frozenset({"BYTEARRAY8", "NEXT_BUFFER", "READONLY_BUFFER"})


def _refuse_buffer_opcodes(payload: bytes) -> None:
    """Walk the pickle's opcodes without running any (``pickletools.genops``); refuse the buffer opcodes."""
    import pickletools

    for opcode, _arg, _pos in pickletools.genops(payload):
        if opcode.name in _BUFFER_OPCODES:
            raise WeightsError(f"weight file's pickle uses {opcode.name}, which torch weight files never hold")


def iter_tensors(obj: Any, path: str = ""):
    """Yield ``(dotted_path, array)`` for every numpy array in a loaded tree, in pickle (module) order."""
    if isinstance(obj, np.ndarray):
        yield path, obj
    elif isinstance(obj, ModuleRecord):
        for key, value in obj.state.items():
            yield from iter_tensors(value, f"{path}.{key}" if path else key)
    elif isinstance(obj, dict):
        for key, value in obj.items():
            yield from iter_tensors(value, f"{path}.{key}" if path else str(key))
    elif isinstance(obj, (list, tuple)):
        for index, value in enumerate(obj):
            yield from iter_tensors(value, f"{path}.{index}" if path else str(index))
