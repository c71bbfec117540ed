"""``xincept levers --data DIR --out DIR BUNDLE...``: inference-time levers on each bundle's held-out blocks
(``core.training.levers``), summarised over bundles trained at different split offsets."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import numpy as np

from .cli_common import EXIT_CANNOT_RUN, EXIT_OK, load_model_or_report, write_card_section


def add_parser(commands) -> None:
    command = commands.add_parser("levers", help="measure test-time levers (flips, turns) on the held-out blocks of "
                                  "bundles trained at different split offsets (model card's lever table)")
    command.add_argument("bundles", nargs="+", type=Path, metavar="BUNDLE",
                         help="model bundle folders, one per split offset (xincept train --fold)")
    command.add_argument("--data", type=Path, required=True, help="the training class folders")
    command.add_argument("--out", type=Path, required=True,
                         help="folder for each bundle's readings (.npz, reused when present) and levers.json / .md")
    command.add_argument("--card", type=Path, default=None, metavar="BUNDLE",
                         help="also put the lever table on this bundle's model card (the shipped one)")


def run(args) -> int:
    from .core.atomic import atomic_write_text
    from .core.hashing import sha256_file
    from .core.model.bundle import read_manifest
    from .core.training.dataset import list_dataset
    from .core.training.evaluation import held_out_items, split_offset
    from .core.training.levers import NOT_MEASURED, decide, lever_figures, lever_table, summarise
    from .errors import XinceptError

    try:
        items = list_dataset(args.data)
        manifests = [read_manifest(bundle) for bundle in args.bundles]
    except XinceptError as exc:
        print(f"xincept levers: {exc}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    offsets = [split_offset(bundle) for bundle in args.bundles]
    if len(set(offsets)) < len(offsets):
        print(f"xincept levers: two bundles hold out the same blocks (split offsets {offsets}); a lever is judged "
              "over different splits", file=sys.stderr)
        return EXIT_CANNOT_RUN
    args.out.mkdir(parents=True, exist_ok=True)
    hashes = [sha256_file(item.path) for item in items]  # once for every bundle's split
    per_bundle = {}
    for bundle, manifest, offset in zip(args.bundles, manifests, offsets):
        held_out = held_out_items(items, bundle, hashes)
        cache = args.out / f"offset{offset}-{manifest.short_hash}.npz"
        readings = _readings(bundle, manifest.short_hash, held_out, cache)
        if readings is None:
            return EXIT_CANNOT_RUN
        figures = lever_figures(readings, np.array([item.label for item in held_out]), held_out)
        per_bundle[f"offset {offset} ({manifest.short_hash})"] = figures
        print(f"offset {offset}: " + ", ".join(f"{lever} {row['accuracy']:.4f}" for lever, row in figures.items()),
              file=sys.stderr)
    summary = summarise(list(per_bundle.values()))
    figures = {"offsets": offsets, "bundles": [str(b) for b in args.bundles], "per_bundle": per_bundle,
               "summary": summary, "decisions": decide(list(per_bundle.values())), "not_measured": NOT_MEASURED}
    table = lever_table(summary, offsets)
    atomic_write_text(args.out / "levers.json", json.dumps(figures, indent=2) + "\n")
    atomic_write_text(args.out / "levers.md", table)
    print(table)
    for lever, verdict in figures["decisions"].items():
        print(f"{lever}: {verdict}")
    if args.card is not None:
        return write_card_section("xincept levers", args.card, _write_and_rerender, figures, "lever table")
    return EXIT_OK


def _write_and_rerender(bundle: Path, figures: dict) -> None:
    """The lever section onto the card, then the whole card rendered again: its targets read the single pass."""
    from .core.training.levers import write_to_card
    from .core.training.model_card import rerender_card

    write_to_card(bundle, figures)
    rerender_card(bundle)


def _readings(bundle: Path, short_hash: str, held_out: list, cache: Path):
    """The bundle's per-orientation readings, from ``cache`` when it was made by this bundle."""
    from .core.atomic import atomic_write_bytes
    from .core.imaging import load_image
    from .core.progress import StderrProgress
    from .core.training.evaluation import booster_for
    from .core.training.levers import read_orientations

    if cache.exists():
        with np.load(cache) as stored:
            return {key: stored[key] for key in stored.files}
    model = load_model_or_report(bundle, booster_for(bundle, held_out_only=True), command="xincept levers")
    if model is None:
        return None
    images = [load_image(item.path) for item in held_out]
    readings = read_orientations(model, images, StderrProgress(f"read ({short_hash})", 20 * len(images)))
    buffer = io.BytesIO()
    np.savez(buffer, **readings)
    atomic_write_bytes(cache, buffer.getvalue())
    return readings
