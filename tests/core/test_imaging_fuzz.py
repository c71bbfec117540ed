"""Fuzz the image loader: whatever the bytes, it returns an RGB image or raises ImageLoadError."""

import io

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from tests.conftest import synthetic_smear
from xincept_desktop.core.imaging import load_image
from xincept_desktop.errors import ImageLoadError


def _encoded(fmt: str) -> bytes:
    buffer = io.BytesIO()
    Image.fromarray(synthetic_smear(48, 3)).save(buffer, format=fmt)
    return buffer.getvalue()


SEEDS = [_encoded(fmt) for fmt in ("PNG", "JPEG", "BMP", "GIF", "TIFF", "WEBP")]


def _check(tmp_path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    try:
        image = load_image(path)
    except ImageLoadError as exc:
        assert str(exc)
    else:
        assert image.dtype == np.uint8 and image.ndim == 3 and image.shape[2] == 3


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.sampled_from(SEEDS), flips=st.lists(st.tuples(st.integers(0, 10**6), st.integers(1, 255)),
                                                   max_size=12), cut=st.integers(0, 10**6))
def test_mutated_images(tmp_path, seed, flips, cut):
    data = bytearray(seed)
    for position, value in flips:
        data[position % len(data)] ^= value
    data = bytes(data[: max(1, len(data) - cut % len(data))])
    _check(tmp_path, data, ".png")


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(min_size=1, max_size=2048), suffix=st.sampled_from([".jpg", ".png", ".tif", ".gif"]))
def test_random_bytes(tmp_path, data, suffix):
    _check(tmp_path, data, suffix)
