"""The one place where files become arrays.

``load_image`` turns any supported file into an RGB ``uint8`` array (EXIF orientation applied, 16-bit scaled,
grayscale / RGBA / CMYK / palette converted) or raises :class:`ImageLoadError` with a message that says what
is wrong with the file. ``scan_paths`` expands files and folders into image files without following symlink
loops. ``to_model_input`` resizes to the network's input size.
"""

from __future__ import annotations

import os
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from ..errors import ImageLoadError

IMAGE_EXTENSIONS = frozenset(
    {".jpg", ".jpeg", ".jpe", ".png", ".tif", ".tiff", ".bmp", ".dib", ".webp", ".gif"}
)
MIN_SIDE = 32
MAX_PIXELS = 60_000_000  # a 12000x5000 scan is fine; a 40000x40000 bomb is not
MAX_FILE_BYTES = 512 * 1024 * 1024


def is_image_name(path: Path) -> bool:
    """True when ``path`` has an image extension (any case)."""
    return path.suffix.lower() in IMAGE_EXTENSIONS


@dataclass(frozen=True)
class ScanResult:
    """Image files found under the given paths, and paths that could not be used (with the reason)."""

    files: list[Path]
    problems: list[tuple[Path, str]]


def scan_paths(paths: Iterable[os.PathLike | str]) -> ScanResult:
    """Expand files and folders (recursively) into image files, in a stable order.

    A file given explicitly is kept whatever its extension, so that the caller reports why it cannot be read.
    Inside folders only names with an image extension are taken. Symlinked folders are followed once:
    a loop or a dangling link never hangs or crashes the scan.
    """
    files: list[Path] = []
    problems: list[tuple[Path, str]] = []
    seen_files: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            _scan_folder(path, files, seen_files, problems)
        elif path.is_file() or path.is_symlink() or not path.exists():
            if not path.exists():
                problems.append((path, _missing_reason(path)))
            elif path not in seen_files:
                seen_files.add(path)
                files.append(path)
        else:
            problems.append((path, "not a regular file or folder"))
    return ScanResult(files, problems)


def _missing_reason(path: Path) -> str:
    return "dangling symbolic link" if path.is_symlink() else "no such file or folder"


def _scan_folder(root: Path, files: list[Path], seen_files: set[Path], problems: list[tuple[Path, str]]) -> None:
    visited_dirs: set[tuple[int, int]] = set()
    for folder, entries in _walk(root, visited_dirs):
        for entry in entries:
            candidate = folder / entry
            if not is_image_name(candidate):
                continue
            if candidate.is_symlink() and not candidate.exists():
                problems.append((candidate, "dangling symbolic link"))
                continue
            if candidate.is_file() and candidate not in seen_files:
                seen_files.add(candidate)
                files.append(candidate)


def _walk(root: Path, visited_dirs: set[tuple[int, int]]) -> Iterator[tuple[Path, list[str]]]:
    try:
        stat = root.stat()
    except OSError:
        return
    key = (stat.st_dev, stat.st_ino)
    if key in visited_dirs:
        return
    visited_dirs.add(key)
    try:
        names = sorted(os.listdir(root))
    except OSError:
        return
    yield root, [n for n in names if not (root / n).is_dir()]
    for name in names:
        child = root / name
        if child.is_dir():
            yield from _walk(child, visited_dirs)


def load_image(path: os.PathLike | str) -> np.ndarray:
    """Read an image file into an RGB ``uint8`` array of shape (height, width, 3).

    Raises
    ------
    ImageLoadError
        With a specific reason: missing, folder, empty, too large, not an image, truncated, too small.
    """
    path = Path(path)
    size = _checked_file_size(path)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                _check_dimensions(image.size)
                image.seek(0)
                image = ImageOps.exif_transpose(image) or image
                rgb = _to_rgb(image)
    except ImageLoadError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ImageLoadError(f"image is too large to be safe to decode (decompression bomb): {exc}") from exc
    except UnidentifiedImageError as exc:
        raise ImageLoadError(f"not an image file of a known format ({size} bytes)") from exc
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise ImageLoadError(f"image data is truncated or corrupt: {exc}") from exc
    except MemoryError as exc:
        raise ImageLoadError("not enough memory to decode this image") from exc
    except Exception as exc:  # pillow plugins raise assorted types on hostile input
        raise ImageLoadError(f"image could not be decoded: {type(exc).__name__}: {exc}") from exc
    _check_dimensions((rgb.shape[1], rgb.shape[0]))
    return rgb


def _checked_file_size(path: Path) -> int:
    if path.is_symlink() and not path.exists():
        raise ImageLoadError("dangling symbolic link")
    if not path.exists():
        raise ImageLoadError("file not found")
    if path.is_dir():
        raise ImageLoadError("is a folder, not an image file")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ImageLoadError(f"cannot read file: {exc.strerror or exc}") from exc
    if size == 0:
        raise ImageLoadError("file is empty (0 bytes)")
    if size > MAX_FILE_BYTES:
        raise ImageLoadError(f"file is too large ({size / 2**20:.0f} MiB)")
    if not os.access(path, os.R_OK):
        raise ImageLoadError("permission denied: the file is not readable")
    return size


def _check_dimensions(size: tuple[int, int]) -> None:
    width, height = size
    if width * height > MAX_PIXELS:
        raise ImageLoadError(
            f"image is too large to be safe to decode ({width}x{height} pixels; limit {MAX_PIXELS:,} pixels)"
        )
    if min(width, height) < MIN_SIDE:
        raise ImageLoadError(f"image is too small ({width}x{height} pixels; at least {MIN_SIDE} px per side)")


def _to_rgb(image: Image.Image) -> np.ndarray:
    mode = image.mode
    if mode in ("I;16", "I;16B", "I;16L", "I;16N", "I"):
        return _sixteen_bit_to_rgb(np.asarray(image))
    if mode in ("RGBA", "LA", "PA") or (mode == "P" and "transparency" in image.info):
        return _flatten_alpha(image.convert("RGBA"))
    if mode == "F":
        return _float_to_rgb(np.asarray(image, dtype=np.float32))
    converted = image.convert("RGB")
    converted.load()
    array = np.asarray(converted, dtype=np.uint8)
    if array.ndim != 3 or array.shape[2] != 3:
        raise ImageLoadError(f"unsupported pixel layout ({mode})")
    return np.ascontiguousarray(array)


def _sixteen_bit_to_rgb(array: np.ndarray) -> np.ndarray:
    array = array.astype(np.float64)
    top = 65535.0 if array.max(initial=0) > 255 else 255.0
    gray = np.clip(array / top * 255.0 + 0.5, 0, 255).astype(np.uint8)
    return np.repeat(gray[..., None], 3, axis=2)


def _float_to_rgb(array: np.ndarray) -> np.ndarray:
    finite = np.nan_to_num(array, nan=0.0, posinf=0.0, neginf=0.0)
    low, high = float(finite.min(initial=0)), float(finite.max(initial=0))
    scaled = (finite - low) / (high - low) if high > low else np.zeros_like(finite)
    gray = (scaled * 255 + 0.5).astype(np.uint8)
    return np.repeat(gray[..., None], 3, axis=2)


def _flatten_alpha(rgba: Image.Image) -> np.ndarray:
    array = np.asarray(rgba, dtype=np.float32)
    alpha = array[..., 3:4] / 255.0
    rgb = array[..., :3] * alpha + 255.0 * (1.0 - alpha)  # transparent areas become white, like slide background
    return np.clip(rgb + 0.5, 0, 255).astype(np.uint8)


def to_model_input(rgb: np.ndarray, size: int) -> np.ndarray:
    """Resize an RGB ``uint8`` image to ``size`` x ``size`` (area interpolation when shrinking)."""
    import cv2

    height, width = rgb.shape[:2]
    if (height, width) == (size, size):
        return rgb
    interpolation = cv2.INTER_AREA if min(height, width) > size else cv2.INTER_LINEAR
    return cv2.resize(rgb, (size, size), interpolation=interpolation)


def load_model_input(path: os.PathLike | str, size: int) -> np.ndarray:
    """``load_image`` then ``to_model_input``."""
    return to_model_input(load_image(path), size)
