"""``xincept export-runtime`` and ``xincept agreement``: make the app's inference runtime and measure it against the
TensorFlow reference."""

from __future__ import annotations

import sys
import time
from pathlib import Path


def add_runtime_parsers(commands) -> None:
    export = commands.add_parser("export-runtime", help="export the model's inference runtime (OpenVINO) for this "
                                 "machine, once (part of `make setup` and of `xincept train`)")
    export.add_argument("--model", type=Path, default=None, help="model bundle folder")
    export.add_argument("--weights", type=Path, default=None, help="backbone weights folder")
    export.add_argument("--out", type=Path, default=None, help="runtime folder (default: the environment's, "
                        "else the user's cache; XINCEPT_RUNTIME_DIR overrides)")
    export.add_argument("--force", action="store_true", help="export again even if an intact export exists")
    export.add_argument("--onnx", action="store_true", help="also write the network as ONNX, for ONNX Runtime on "
                        "NVIDIA GPUs (needs tf2onnx and onnx; `make setup` does it on a machine with nvidia-smi)")

    agreement = commands.add_parser("agreement", help="compare the runtime with the TensorFlow reference on "
                                    "image files and folders")
    agreement.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    agreement.add_argument("--model", type=Path, default=None, help="model bundle folder")
    agreement.add_argument("--every", type=int, default=1, help="take every N-th image only (a quick sample)")
    agreement.add_argument("--out", type=Path, default=None, help="write the figures to this JSON file")
    agreement.add_argument("--card", action="store_true", help="put the table on the bundle's model card "
                           "(rewrites the manifest: the bundle's short hash changes)")


def run_export_runtime(args) -> int:
    from .cli_common import EXIT_CANNOT_RUN, EXIT_OK, quiet_tensorflow
    from .config import default_model_dir
    from .errors import XinceptError

    quiet_tensorflow()
    from .core.model.runtime_export import export_runtime

    try:
        log = lambda m: print(m, file=sys.stderr)  # noqa: E731
        folder = export_runtime(args.model or default_model_dir(), args.weights, args.out, args.force, log=log)
        if args.onnx:
            _export_onnx(args, folder, log)
    except XinceptError as exc:
        print(f"xincept export-runtime: {exc}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    print(folder)
    return EXIT_OK


def _export_onnx(args, folder: Path, log) -> None:
    """``network.onnx`` beside the OpenVINO export in ``folder`` (kept when it is already there and intact)."""
    from .config import default_model_dir
    from .core.model.onnx_export import export_onnx

    export_onnx(args.model or default_model_dir(), args.weights, [folder.parent], log=log)


def run_agreement(args) -> int:
    import json
    import shlex

    from .cli_common import EXIT_CANNOT_RUN, EXIT_OK, EXIT_SOME_FAILED, load_model_or_report
    from .core.atomic import atomic_write_text
    from .core.imaging import scan_paths
    from .core.model.agreement import Agreement, agreement_lines, write_to_card
    from .core.pipeline import analyse
    from .core.progress import StderrProgress

    files = sorted(scan_paths(args.paths).files)[::max(1, args.every)]
    if not files:
        print("xincept agreement: no image files found", file=sys.stderr)
        return EXIT_CANNOT_RUN
    runtime = load_model_or_report(args.model, command="xincept agreement")
    reference = load_model_or_report(args.model, command="xincept agreement", reference=True)
    if runtime is None or reference is None:
        return EXIT_CANNOT_RUN
    agreement = Agreement()
    timings = {}
    results = {}
    for name, model in (("reference", reference), ("runtime", runtime)):
        started = time.perf_counter()
        results[name] = list(analyse(files, model, progress=StderrProgress(f"{name}: analysed", len(files)),
                                     batch_size=8))
        timings[name] = time.perf_counter() - started
    for ref, run in zip(results["reference"], results["runtime"]):
        agreement.add(ref, run)
    figures = agreement.as_dict()
    figures["run"] = {
        "runtime": runtime.device_label.split("(", 1)[1].rstrip(")"), "device": runtime.device_description,
        "data": " ".join(str(p) for p in args.paths) + (f" (every {args.every}th image)" if args.every > 1 else ""),
        "command": "xincept " + shlex.join(args.argv),
        "created": time.strftime("%Y-%m-%d", time.gmtime()), "seconds": {k: round(v, 1) for k, v in timings.items()},
        "model": runtime.version_label,
    }
    print("\n".join(agreement_lines(figures)))
    for kind in ("label_mismatches", "domain_mismatches", "error_mismatches"):
        for path in figures[kind]:
            print(f"xincept agreement: {kind.replace('_', ' ')[:-2]}: {path}", file=sys.stderr)
    if args.out:
        atomic_write_text(args.out, json.dumps(figures, indent=2) + "\n")
    if args.card:
        write_to_card(args.model or _default_model(), figures)
        print("model card updated; the bundle's manifest was rewritten", file=sys.stderr)
    return EXIT_OK if agreement.passed else EXIT_SOME_FAILED


def _default_model():
    from .config import default_model_dir

    return default_model_dir()
