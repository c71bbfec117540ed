"""Labelled image folders: ``DIR/{Benign,Early,Pre,Pro}/*.jpg`` with acquisition numbers in the file names."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from ...config import CLASS_NAMES
from ...errors import XinceptError
from ..hashing import sha256_file
from ..imaging import is_image_name

_NUMBER = re.compile(r"(\d+)(?!.*\d)")


@dataclass(frozen=True)
class LabelledImage:
    path: Path
    label: int
    number: int  # acquisition order within its class (the trailing number of the file name)


def list_dataset(root: Path, classes: tuple[str, ...] = CLASS_NAMES) -> list[LabelledImage]:
    """All images under ``root/<class>/``, sorted by class then acquisition number."""
    root = Path(root)
    if not root.is_dir():
        raise XinceptError(f"data folder not found: {root}")
    items: list[LabelledImage] = []
    for label, name in enumerate(classes):
        folder = root / name
        if not folder.is_dir():
            raise XinceptError(f"data folder {root} has no class folder '{name}' (expected {', '.join(classes)})")
        for path in sorted(p for p in folder.iterdir() if p.is_file() and is_image_name(p)):
            match = _NUMBER.search(path.stem)
            items.append(LabelledImage(path, label, int(match.group(1)) if match else -1))
    if not items:
        raise XinceptError(f"no images found under {root}")
    return sorted(items, key=lambda item: (item.label, item.number, item.path.name))


def data_hash(root: Path) -> str:
    """sha256 of the folder's SHA256SUMS (the dataset's own manifest), or of the image bytes' hashes when absent."""
    root = Path(root)
    for candidate in (root / "SHA256SUMS", root.parent / "SHA256SUMS"):
        if candidate.is_file():
            return sha256_file(candidate)
    digest = hashlib.sha256()
    for item in list_dataset(root):
        digest.update(item.path.relative_to(root).as_posix().encode())
        digest.update(bytes.fromhex(sha256_file(item.path)))
    return digest.hexdigest()

