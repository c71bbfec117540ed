"""The torch zip reader on hostile input: strides, sizes and offsets are checked before ``as_strided`` (which trusts
them and would read memory outside the storage), and any damaged archive or pickle is a WeightsError, never a crash
or another exception."""

from __future__ import annotations

import io
import itertools
import zipfile

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.core.model.test_torch_zip import write_torch_zip
from xincept_desktop.core.model.torch_zip import _rebuild_tensor_v2, iter_tensors, load_torch_zip
from xincept_desktop.errors import WeightsError

STORAGE = np.arange(24, dtype=np.float32)


def _expected(storage, offset, size, stride):
    """The tensor by its definition, element by element (no strides trusted)."""
    out = np.empty(size, dtype=storage.dtype)
    for index in itertools.product(*(range(s) for s in size)):
        out[index] = storage[offset + sum(i * s for i, s in zip(index, stride))]
    return out


def test_an_ordinary_and_a_transposed_view_are_read():
    np.testing.assert_array_equal(_rebuild_tensor_v2(STORAGE, 0, (2, 3, 4), (12, 4, 1)), STORAGE.reshape(2, 3, 4))
    np.testing.assert_array_equal(_rebuild_tensor_v2(STORAGE, 2, (4, 3), (1, 4)),
                                  _expected(STORAGE, 2, (4, 3), (1, 4)))
    assert _rebuild_tensor_v2(STORAGE, 5, (), ()) == STORAGE[5]
    assert _rebuild_tensor_v2(STORAGE, 0, (0, 7), (7, 1)).shape == (0, 7)


@pytest.mark.parametrize(("offset", "size", "stride", "message"), [
    (0, (4, 3), (-1, 1), "negative"),
    (10, (3,), (-5,), "negative"),
    (-4, (2,), (1,), "negative"),
    (0, (2, 2), (2**62, 1), "beyond its storage"),
    (0, (2, 2), (2**63 + 1, 1), "beyond its storage"),
    (0, (2,), (2**64 - 1,), "beyond its storage"),
    (20, (2, 3), (3, 1), "beyond its storage"),
    (24, (1,), (1,), "beyond its storage"),
    (0, (5, 5), (1, 1), "25 elements but its storage only 24"),
    (0, (1 << 20, 1 << 10), (0, 0), "elements but its storage only"),
    (0, (1 << 62, 1 << 62), (0, 0), "implausibly large"),
    (0, (0, 1 << 62, 1 << 62), (0, 0, 0), "implausibly large"),
    (0, (2, 3), (3,), "2 sizes but 1 strides"),
    (0, (2.5,), (1,), "not a whole number"),
    (0, (True,), (1,), "not a whole number"),
    (0, "ab", (1,), "not a list"),
    (0, (1,) * 40, (1,) * 40, "dimensions"),
])
def test_bad_strides_sizes_and_offsets_are_refused_with_a_clear_error(offset, size, stride, message):
    with pytest.raises(WeightsError, match=message):
        _rebuild_tensor_v2(STORAGE, offset, size, stride)


def test_a_tensor_that_is_not_backed_by_a_storage_is_refused():
    with pytest.raises(WeightsError, match="storage"):
        _rebuild_tensor_v2([1.0, 2.0], 0, (2,), (1,))


whole = st.one_of(st.integers(-3, 30), st.integers(-(2**70), 2**70))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(length=st.integers(0, 24), offset=whole,
       shape=st.lists(st.tuples(st.one_of(st.integers(0, 5), whole), whole), max_size=5))
def test_any_offset_size_and_stride_is_read_right_or_refused(length, offset, shape):
    storage = STORAGE[:length]
    size, stride = tuple(s for s, _ in shape), tuple(t for _, t in shape)
    try:
        tensor = _rebuild_tensor_v2(storage, offset, size, stride)
    except WeightsError:
        return
    assert tensor.shape == size
    if tensor.size:
        np.testing.assert_array_equal(tensor, _expected(storage, offset, size, stride))


ARCHIVE = write_torch_zip([{"weight": np.arange(12, dtype=np.float32).reshape(3, 4)}, {"bias": np.ones(3)}])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(flips=st.lists(st.tuples(st.integers(0, len(ARCHIVE) - 1), st.integers(1, 255)), min_size=1, max_size=8))
def test_a_damaged_archive_is_read_or_refused_never_anything_else(flips):
    data = bytearray(ARCHIVE)
    for position, mask in flips:
        data[position] ^= mask
    try:
        tree = load_torch_zip(bytes(data))
    except WeightsError:
        return
    list(iter_tensors(tree))


def _with_pickle(payload: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("archive/data.pkl", payload)
        archive.writestr("archive/data/0", np.arange(12, dtype=np.float32).tobytes())
    return buffer.getvalue()


PICKLE = zipfile.ZipFile(io.BytesIO(ARCHIVE)).read("archive/data.pkl")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(flips=st.lists(st.tuples(st.integers(0, len(PICKLE) - 1), st.integers(0, 255)), min_size=1, max_size=6))
def test_a_damaged_pickle_inside_a_sound_archive_is_read_or_refused(flips):
    data = bytearray(PICKLE)
    for position, value in flips:
        data[position] = value
    try:
        tree = load_torch_zip(_with_pickle(bytes(data)))
    except WeightsError:
        return
    list(iter_tensors(tree))
