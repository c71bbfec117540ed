"""A laboratory's labelled images: class folders ``DATA/{Benign,Early,Pre,Pro}/`` or a CSV ``path,label[,case]``.

Each image also gets a *group*: the ``case`` column when the CSV has one, else a block of ``block_size``
consecutive acquisition numbers (the file name's last number) within its class, because neighbouring photographs
of one smear are near-copies and must stay on one side of any split.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from ...errors import XinceptError
from ..imaging import is_image_name

BLOCK_SIZE = 20
_NUMBER = re.compile(r"(\d+)(?!.*\d)")


class LabDataError(XinceptError):
    """The lab's data cannot be used as given; the message says what to fix."""


@dataclass(frozen=True)
class LabImage:
    path: Path
    label: int  # index into the model's classes
    group: str  # the case, or the class's block of consecutive numbers
    number: int = -1  # acquisition number (the file name's last number); -1 when groups are cases


def read_lab_data(source: Path, classes: Sequence[str], block_size: int = BLOCK_SIZE,
                  require_all_classes: bool = False) -> list[LabImage]:
    """The labelled images of ``source`` (a folder of class folders or a CSV file), in a stable order."""
    source = Path(source)
    if source.is_file():
        images = _from_csv(source, classes, block_size)
    elif source.is_dir():
        images = _from_folders(source, classes, block_size)
    else:
        raise LabDataError(f"data not found: {source} (give a folder with {', '.join(classes)} sub-folders or a CSV "
                           f"file with columns path,label)")
    if not images:
        raise LabDataError(f"no labelled images found in {source}")
    if require_all_classes:
        missing = [name for index, name in enumerate(classes) if not any(i.label == index for i in images)]
        if missing:
            raise LabDataError(f"class {', '.join(missing)} has no images in {source}: every class "
                               f"({', '.join(classes)}) needs images")
    return images


def lab_data_digest(images: Sequence[LabImage]) -> str:
    """sha256 over every image's bytes hash and label, in order: names the exact data a study or adaptation used."""
    import hashlib

    from ..hashing import sha256_file

    digest = hashlib.sha256()
    for image in images:
        digest.update(f"{image.label}:{image.group}:".encode())
        digest.update(bytes.fromhex(sha256_file(image.path)))
    return digest.hexdigest()


def _from_folders(root: Path, classes: Sequence[str], block_size: int) -> list[LabImage]:
    by_name = {name.lower(): index for index, name in enumerate(classes)}
    unknown = sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")
                     and p.name.lower() not in by_name)
    if unknown:
        raise LabDataError(f"unknown label folder(s) in {root}: {', '.join(unknown)} (the classes are "
                           f"{', '.join(classes)})")
    images = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and p.name.lower() in by_name):
        label = by_name[folder.name.lower()]
        files = sorted(p for p in folder.iterdir() if p.is_file() and is_image_name(p))
        for position, path in enumerate(sorted(files, key=lambda p: (_number(p, -1), p.name))):
            number = _number(path, position)
            images.append(LabImage(path, label, f"{classes[label]}-block{number // block_size}", number))
    return sorted(images, key=lambda i: (i.label, _number(i.path, 0), i.path.name))


def _number(path: Path, default: int) -> int:
    match = _NUMBER.search(path.stem)
    return int(match.group(1)) if match else default


def _from_csv(path: Path, classes: Sequence[str], block_size: int) -> list[LabImage]:
    by_name = {name.lower(): index for index, name in enumerate(classes)}
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise LabDataError(f"cannot read the CSV {path}: {exc}") from exc
    columns = {c.strip().lower() for c in (rows[0].keys() if rows else [])}
    if not {"path", "label"} <= columns:
        raise LabDataError(f"the CSV {path} needs the columns path,label (optionally case); it has "
                           f"{', '.join(sorted(columns)) or 'none'}")
    images, unknown, missing = [], [], []
    for line, row in enumerate(rows, start=2):
        row = {k.strip().lower(): (v or "").strip() for k, v in row.items() if k}
        file = Path(row["path"]).expanduser()
        file = file if file.is_absolute() else path.parent / file
        label = by_name.get(row["label"].lower())
        if label is None:
            unknown.append(f"line {line}: '{row['label']}'")
            continue
        if not file.is_file():
            missing.append(f"line {line}: {file}")
            continue
        number = -1 if row.get("case") else _number(file, line)
        group = f"case {row['case']}" if row.get("case") else f"{classes[label]}-block{number // block_size}"
        images.append(LabImage(file, label, group, number))
    if unknown:
        raise LabDataError(f"unknown label(s) in {path} (the classes are {', '.join(classes)}): "
                           + _listed(unknown))
    if missing:
        raise LabDataError(f"file(s) named in {path} not found: " + _listed(missing))
    return images


def _listed(items: list[str], shown: int = 5) -> str:
    more = f" and {len(items) - shown} more" if len(items) > shown else ""
    return "; ".join(items[:shown]) + more
