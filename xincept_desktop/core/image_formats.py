"""What cameras write: HEIC/HEIF, high-bit-depth and float TIFFs, multi-page TIFFs, file types we do not read.

Helpers for :mod:`xincept_desktop.core.imaging` (still the one place where files become arrays; this module only
knows formats). Nothing here imports Qt.

Scaling rule for samples wider than 8 bits (``to_unit``), the same for TIFF, PNG and any other source:

* integers: the real bit depth is taken from the TIFF tags when they say it (``BitsPerSample`` below the
  container width, e.g. a packed 12-bit file, or ``MaxSampleValue`` below the container's maximum); otherwise from
  the data: the smallest of 8, 10, 12, 14, 16 (then 24, 32) bits that holds the brightest sample. A 12-bit camera
  writing into a 16-bit container (brightest value <= 4095) is thus divided by 4095, 14-bit by 16383, 16-bit by
  65535. A bright-field smear's background sits near the camera's full scale, so the brightest sample finds the
  depth the camera really has.
* floats: values within [0, 1] are taken as they are (1.0 is white). A maximum between 1 and 2 (a processed
  image a little over white) is divided by that maximum. A larger non-negative maximum follows the integer rule
  (camera counts stored as float: 0..4095 is divided by 4095), above 2**32 it is divided by the maximum itself.
  Data with negative values is stretched from its minimum to its maximum. A note says so whenever the scale came
  from a float image's own range. NaN and infinities become 0.
* colour stays colour: all channels share one scale, so the white balance is kept.
"""

from __future__ import annotations

import importlib.util
import threading
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..errors import ImageLoadError

HEIF_EXTENSIONS = frozenset({".heic", ".heif", ".hif"})
#: ISO base media brands of HEIF still images (an MP4 video has other brands and is left to Pillow to refuse)
HEIF_BRANDS = frozenset({b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"hevm", b"hevs", b"mif1", b"msf1"})
TIFF_MAGIC = (b"II*\0", b"MM\0*", b"II+\0", b"MM\0+")

#: file types a microscope, slide scanner or camera may leave in a folder that XIncept cannot read
UNREADABLE_KINDS = {
    ".czi": "Zeiss ZEN", ".nd2": "Nikon NIS-Elements", ".lif": "Leica LAS X", ".lsm": "Zeiss LSM",
    ".vsi": "Olympus cellSens", ".oib": "Olympus FluoView", ".oif": "Olympus FluoView", ".ims": "Imaris",
    ".svs": "Aperio whole-slide", ".ndpi": "Hamamatsu whole-slide", ".mrxs": "3DHistech whole-slide",
    ".scn": "Leica whole-slide", ".dng": "camera raw", ".raw": "camera raw", ".cr2": "Canon raw",
    ".cr3": "Canon raw", ".nef": "Nikon raw", ".arw": "Sony raw", ".orf": "Olympus raw", ".rw2": "Panasonic raw",
    ".raf": "Fujifilm raw", ".jxl": "JPEG XL", ".psd": "Photoshop", ".zip": "archive",
    ".mp4": "video", ".mov": "video", ".avi": "video",
}
#: files that sit beside images and are skipped without a word (besides hidden files, whose names start with "."):
#: notes, tables, metadata sidecars (.xmp, iPhone .aae edits, camera .thm thumbnails), databases, and the CSVs and
#: PDF reports XIncept itself writes, which users often save into the case folder
SIDECAR_SUFFIXES = frozenset({".txt", ".csv", ".tsv", ".json", ".xml", ".md", ".db", ".ini", ".log", ".yaml",
                              ".yml", ".xmp", ".aae", ".thm", ".sqlite", ".sqlite3", ".pdf"})
SIDECAR_NAMES = frozenset({"thumbs.db", "desktop.ini"})

_heif_lock = threading.Lock()
_heif_registered = False


def heif_available() -> bool:
    """True when the HEIF decoder (pillow-heif) is installed (without importing it)."""
    return importlib.util.find_spec("pillow_heif") is not None


def avif_available() -> bool:
    """True when Pillow was built with AVIF support (Pillow >= 11.3 wheels are)."""
    try:
        return importlib.util.find_spec("PIL._avif") is not None
    except (ImportError, ValueError):
        return False


def ensure_heif_opener() -> None:
    """Register pillow-heif with Pillow, once, from any thread; ImageLoadError when it is not installed."""
    global _heif_registered
    if _heif_registered:
        return
    with _heif_lock:
        if _heif_registered:
            return
        try:
            import pillow_heif
        except ImportError as exc:
            raise ImageLoadError("HEIC/HEIF image, but the HEIF decoder (pillow-heif) is not installed") from exc
        pillow_heif.register_heif_opener()
        _heif_registered = True


def is_heif_header(head: bytes) -> bool:
    return len(head) >= 12 and head[4:8] == b"ftyp" and head[8:12] in HEIF_BRANDS


def is_tiff_header(head: bytes) -> bool:
    return head[:4] in TIFF_MAGIC


def skip_reason(path: Path) -> str | None:
    """Why a file found in a folder is not taken as an image, or None when it is skipped silently.

    Hidden files and sidecar files (notes, tables, metadata, thumbnail caches) are skipped silently; every other
    file that lacks an image extension gets a reason, so that nothing is passed over without a word.
    """
    name = path.name
    suffix = path.suffix.lower()
    if name.startswith(".") or name.lower() in SIDECAR_NAMES or suffix in SIDECAR_SUFFIXES:
        return None
    if suffix in HEIF_EXTENSIONS:
        return f"not an image file type XIncept reads ({suffix}): the HEIF decoder (pillow-heif) is not installed"
    kind = UNREADABLE_KINDS.get(suffix)
    shown = suffix or "no extension"
    if kind:
        return f"not an image file type XIncept reads ({shown}, {kind}); export it as TIFF, PNG or JPEG"
    return f"not an image file type XIncept reads ({shown})"


@dataclass
class TiffInfo:
    """What the first page's tags say, read by tifffile without decoding pixels."""

    pages: int
    width: int
    height: int
    bits: int
    samples: int
    sample_format: int  # 1 unsigned, 2 signed, 3 float
    photometric: int
    orientation: int
    max_sample_value: int | None
    alpha: bool
    notes: list[str] = field(default_factory=list)

    @property
    def needs_tifffile(self) -> bool:
        """Pillow reads 8-bit TIFFs of every kind; wider, float or many-sample pages go through tifffile."""
        return self.bits > 8 or self.sample_format != 1 or self.samples > 4


def tiff_info(path: Path) -> TiffInfo | None:
    """Tags of the first page and the number of pages; None when tifffile cannot parse the header."""
    import tifffile

    try:
        with tifffile.TiffFile(path) as tif:
            page = tif.pages.first
            pages = sum(1 for p in tif.pages if not getattr(p, "is_reduced", False))
            bits = page.bitspersample
            extras = tuple(int(e) for e in (page.extrasamples or ()))
            tag = page.tags.get(281)  # MaxSampleValue
            max_value = tag.value if tag is not None else None
            if isinstance(max_value, (tuple, list)):
                max_value = max(max_value)
            orientation = page.tags.get(274)
            info = TiffInfo(pages=max(pages, 1), width=int(page.imagewidth), height=int(page.imagelength),
                            bits=int(bits), samples=int(page.samplesperpixel), sample_format=int(page.sampleformat),
                            photometric=int(page.photometric), orientation=int(orientation.value) if orientation
                            else 1, max_sample_value=int(max_value) if max_value else None,
                            alpha=bool(extras) and extras[0] in (1, 2))
    except Exception:  # a damaged header: Pillow reports what is wrong
        return None
    if info.pages > 1:
        info.notes.append(f"multi-page TIFF: page 1 of {info.pages} analysed")
    return info


def read_tiff(path: Path, info: TiffInfo) -> tuple[np.ndarray, list[str]] | None:
    """The first page as RGB ``uint8`` (orientation applied) and notes; None when a codec is missing and Pillow
    can read the page instead (single-sample pages). Raises ImageLoadError for layouts we do not read."""
    import tifffile

    if info.photometric not in (0, 1, 2):
        raise ImageLoadError(f"{info.bits}-bit TIFF with photometric interpretation {info.photometric} "
                             "(not grey or RGB) is not supported; save it as RGB")
    try:
        with tifffile.TiffFile(path) as tif:
            page = tif.pages.first
            array, axes = page.asarray(), page.axes
    except ValueError as exc:
        if "imagecodecs" not in str(exc):
            raise
        if info.samples == 1:
            return None
        raise ImageLoadError(f"{info.bits}-bit colour TIFF with a compression that needs the 'imagecodecs' "
                             "package; save it uncompressed or with deflate") from exc
    array = _samples_last(np.asarray(array), axes)
    if array.ndim == 2:
        array = array[..., None]
    samples = array.shape[2]
    colour_samples = 1 if samples < 3 else 3
    # the scale comes from the colour samples only: a full-scale alpha must not darken a 12-bit image
    unit, note = to_unit(array[..., :colour_samples], bits=info.bits, max_sample_value=info.max_sample_value)
    notes = [note] if note else []
    if info.photometric == 0:
        unit = 1.0 - unit
    if info.alpha and samples > colour_samples:
        weight = to_unit(array[..., colour_samples:colour_samples + 1], bits=info.bits)[0]
        unit = unit * weight + (1.0 - weight)  # transparent areas become white, like slide background
    elif samples > colour_samples and samples > 2:
        notes.append(f"{samples} samples per pixel: the first three read as red, green, blue")
    return apply_orientation(unit_array_to_rgb(unit), info.orientation), notes


def _samples_last(array: np.ndarray, axes: str) -> np.ndarray:
    array = np.squeeze(array)
    axes = "".join(a for a in axes if a in "SYX")
    if array.ndim == 3 and axes.startswith("S"):
        array = np.moveaxis(array, 0, -1)
    if array.ndim not in (2, 3):
        raise ImageLoadError(f"unsupported TIFF page layout (axes {axes}, shape {array.shape})")
    return array


def depth_of(maximum: float, container_bits: int) -> int:
    """The smallest usual bit depth that holds ``maximum`` (see the module docstring)."""
    for bits in (8, 10, 12, 14, 16, 24, 32):
        if bits >= container_bits or maximum <= 2**bits - 1:
            return bits
    return container_bits


def to_unit(array: np.ndarray, *, bits: int | None = None,
            max_sample_value: int | None = None) -> tuple[np.ndarray, str | None]:
    """Samples of any depth as float32 in [0, 1] and a note when the scale came from the data; rule above."""
    if np.issubdtype(array.dtype, np.floating):
        return _float_to_unit(array)
    container = array.dtype.itemsize * 8
    maximum = int(array.max(initial=0))
    if bits and bits < container:
        top = 2**bits - 1
    elif max_sample_value and max_sample_value < 2**container - 1:
        top = max_sample_value
    else:
        top = 2 ** depth_of(maximum, container) - 1
    unit = np.clip(array.astype(np.float32) / np.float32(max(top, maximum, 1)), 0.0, 1.0)
    return unit, None


def _float_to_unit(array: np.ndarray) -> tuple[np.ndarray, str | None]:
    finite = np.nan_to_num(array.astype(np.float64), nan=0.0, posinf=0.0, neginf=0.0)
    low, high = float(finite.min(initial=0)), float(finite.max(initial=0))
    if low >= 0 and high <= 1:
        return finite.astype(np.float32), None
    if low >= 0 and high < 2:  # a little over white (1.0): a processed image, not counts of a camera
        return (finite / high).astype(np.float32), f"floating-point image with values up to {high:g}: divided by that"
    if low >= 0:
        top = 2 ** depth_of(high, 32) - 1 if high <= 2**32 - 1 else high
        return (finite / top).astype(np.float32), None
    scaled = (finite - low) / (high - low)
    note = f"floating-point image with values from {low:g} to {high:g}: stretched to that range"
    return scaled.astype(np.float32), note


def unit_array_to_rgb(unit: np.ndarray) -> np.ndarray:
    """Grey (H, W) or (H, W, 1), or RGB (H, W, 3) floats in [0, 1] as RGB ``uint8``."""
    if unit.ndim == 2:
        unit = unit[..., None]
    if unit.shape[2] == 1:
        unit = np.repeat(unit, 3, axis=2)
    return np.clip(unit * 255.0 + 0.5, 0, 255).astype(np.uint8)


def apply_orientation(rgb: np.ndarray, orientation: int) -> np.ndarray:
    """Apply a TIFF/EXIF orientation value (1-8) so that the image shows as the camera meant it."""
    operations = {
        2: lambda a: a[:, ::-1], 3: lambda a: a[::-1, ::-1], 4: lambda a: a[::-1],
        5: lambda a: np.swapaxes(a, 0, 1), 6: lambda a: np.rot90(a, -1), 7: lambda a: np.rot90(a, -1)[::-1],
        8: lambda a: np.rot90(a, 1),
    }
    operation = operations.get(orientation)
    return rgb if operation is None else np.ascontiguousarray(operation(rgb))
