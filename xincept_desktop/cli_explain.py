"""``xincept explain``: heat map arrays and overlay PNGs for each image, plus the prediction."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from .core.imaging import scan_paths


def unique_stems(paths: list[Path]) -> dict[Path, str]:
    """Output stem per input path; a repeated stem gets ``-2``, ``-3``... so no output overwrites another."""
    used: dict[str, int] = {}
    stems = {}
    for path in paths:
        count = used.get(path.stem, 0) + 1
        used[path.stem] = count
        stems[path] = path.stem if count == 1 else f"{path.stem}-{count}"
    return stems


def write_explanation(result, out: Path, stem: str, method: str, class_name: str | None, opacity: float,
                      colormap: str) -> None:
    """Write ``<stem>.cam.npy`` (float32 at image size, [0, 1]) and ``<stem>.overlay.png`` atomically."""
    import io

    from PIL import Image

    from .core.atomic import atomic_write_bytes
    from .core.explain.heatmap import heat_map_for
    from .core.explain.overlay import overlay
    from .core.imaging import load_image

    heat = heat_map_for(result, class_name, method).astype(np.float32)
    buffer = io.BytesIO()
    np.save(buffer, heat, allow_pickle=False)
    atomic_write_bytes(out / f"{stem}.cam.npy", buffer.getvalue())
    png = io.BytesIO()
    # PNG level 1: a fifth of level 6's encoding time for a few percent more bytes
    Image.fromarray(overlay(load_image(result.path), heat, opacity, colormap)).save(png, format="PNG",
                                                                                    compress_level=1)
    atomic_write_bytes(out / f"{stem}.overlay.png", png.getvalue())


def run_explain(args) -> int:
    from .cli_common import (EXIT_CANNOT_RUN, EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, bundle_classes_or_report,
                             load_model_or_report)
    from .cli_predict import profile_from_args
    from .core.pipeline import analyse
    from .core.progress import StderrProgress

    if args.class_name:  # checked against the bundle's manifest before the slow model load
        classes = bundle_classes_or_report(args.model)
        if classes is None:
            return EXIT_CANNOT_RUN
        if args.class_name not in classes:
            print(f"xincept explain: unknown class '{args.class_name}' (choose from {', '.join(classes)})",
                  file=sys.stderr)
            return EXIT_USAGE
    scan = scan_paths(args.paths)
    failures = [(path, reason) for path, reason in scan.problems]
    try:
        args.out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        print(f"xincept explain: cannot create {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    model = load_model_or_report(args.model) if scan.files else None
    if scan.files and model is None:
        return EXIT_CANNOT_RUN
    stems = unique_stems(scan.files)
    progress = StderrProgress("explained", len(scan.files)) if len(scan.files) >= 4 else None
    print("path\tlabel\tconfidence\tin_domain\texplained_class\toverlay")
    profile = profile_from_args(args)
    for result in analyse(scan.files, model, progress=progress, profile=profile) if model else []:
        if not result.ok:
            failures.append((result.path, result.error))
            continue
        shown = args.class_name or result.label
        try:
            write_explanation(result, args.out, stems[result.path], args.method, shown, args.opacity, args.colormap)
        except OSError as exc:
            failures.append((result.path, f"cannot write output: {exc.strerror or exc}"))
            continue
        print(f"{result.path}\t{result.label}\t{result.confidence:.4f}\t{str(result.in_domain).lower()}\t{shown}\t"
              f"{args.out / (stems[result.path] + '.overlay.png')}")
    for path, reason in failures:
        print(f"xincept explain: {path}: {reason}", file=sys.stderr)
    return EXIT_SOME_FAILED if failures or not (scan.files or scan.problems) else EXIT_OK
