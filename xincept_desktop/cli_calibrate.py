"""``xincept calibrate-scale --data DIR [--model DIR]``: the command line of ``core.training.scale_calibration``."""

from __future__ import annotations

import sys
from pathlib import Path

from .cli_common import EXIT_CANNOT_RUN, EXIT_OK, quiet_tensorflow


def run_calibrate_scale(args) -> int:
    from .config import default_model_dir
    from .core.model.bundle import read_manifest
    from .core.hashing import sha256_file
    from .core.training.dataset import list_dataset
    from .core.training.scale_calibration import calibrate_scale
    from .core.training.evaluation import split_offset
    from .core.training.split import block_split
    from .errors import XinceptError

    folder = Path(args.model or default_model_dir())
    try:
        read_manifest(folder)
        items = list_dataset(args.data)
    except XinceptError as exc:
        print(f"xincept calibrate-scale: {exc}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    quiet_tensorflow()
    split = block_split(items, fold=split_offset(folder), hashes=[sha256_file(item.path) for item in items])
    command = f"xincept calibrate-scale --data {args.data} --model {folder}"
    try:
        calibrate_scale(folder, items, split, lambda m: print(m, file=sys.stderr, flush=True), command=command)
    except (XinceptError, OSError) as exc:
        print(f"xincept calibrate-scale: {exc}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    print(f"{folder}: scale reference and model card updated; model hash now {read_manifest(folder).short_hash}")
    return EXIT_OK
