"""``xincept training-features``: put the training images' embeddings into a bundle (for ``xincept adapt``).

Bundles trained before site adaptation existed lack ``training_features.npz``; this computes it through the loaded
model from the training class folders and rewrites the manifest (the model's hash changes: a file was added, no
existing file changed). ``xincept train`` writes the file itself.
"""

from __future__ import annotations

import sys
import time

from .cli_common import EXIT_CANNOT_RUN, EXIT_OK, load_model_or_report


def add_parser(commands) -> None:
    command = commands.add_parser("training-features", help="store the training images' embeddings in a bundle "
                                  "(needed by 'xincept adapt')")
    command.add_argument("--data", required=True, help="the training class folders (Benign/ Early/ Pre/ Pro/)")
    command.add_argument("--model", default=None, help="model bundle folder to update")
    command.add_argument("--views", type=int, default=1, help="augmented views per image besides the clean one")
    command.add_argument("--seed", type=int, default=7)


def run(args) -> int:
    from pathlib import Path

    from .config import default_model_dir
    from .core.model.bundle import read_manifest, write_manifest
    from .core.model.training_features import TRAINING_FEATURES
    from .core.training.dataset import list_dataset
    from .core.training.training_features import compute_training_features
    from .errors import XinceptError

    folder = Path(args.model or default_model_dir())
    try:
        items = list_dataset(Path(args.data))
    except XinceptError as exc:
        print(f"xincept training-features: {exc}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    model = load_model_or_report(folder, command="xincept training-features")
    if model is None:
        return EXIT_CANNOT_RUN

    def log(message: str) -> None:
        print(time.strftime("%H:%M:%S"), message, file=sys.stderr, flush=True)

    features = compute_training_features(model, items, max(args.views, 0), args.seed, log)
    try:
        features.save(folder / TRAINING_FEATURES)
        manifest = write_manifest(folder, read_manifest(folder))
    except (OSError, XinceptError) as exc:
        print(f"xincept training-features: cannot write to {folder}: {exc}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    print(f"{folder / TRAINING_FEATURES}: {len(features.labels)} rows; model hash now {manifest.short_hash}")
    return EXIT_OK
