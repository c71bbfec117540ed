"""``xincept adapt --data DATA --out BUNDLE_DIR [--name NAME]``: fit the model to a lab's own images.

Exit status: 0 the adapted bundle was written; 3 refused (the message says why) or could not run; nothing is
written then.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from .cli_common import EXIT_CANNOT_RUN, EXIT_OK, load_model_or_report


def add_parser(commands) -> None:
    adapt = commands.add_parser("adapt", help="adapt the model to your lab's labelled images (writes a new bundle)")
    adapt.add_argument("--data", type=Path, required=True,
                       help="folder with Benign/ Early/ Pre/ Pro/ sub-folders, or a CSV with columns path,label[,case]")
    adapt.add_argument("--out", type=Path, required=True, help="folder for the new bundle (must not exist)")
    adapt.add_argument("--name", default="", help="name of the adapted model and the site (default: the folder name)")
    adapt.add_argument("--model", type=Path, default=None, help="the parent bundle (default: the installed model)")
    adapt.add_argument("--seed", type=int, default=7)


def run(args) -> int:
    from .core.adaptation.adapt import AdaptRequest, adapt
    from .core.progress import StderrProgress
    from .errors import XinceptError

    if args.out.exists():
        print(f"xincept adapt: {args.out} already exists: give a new folder for the adapted model", file=sys.stderr)
        return EXIT_CANNOT_RUN
    model = load_model_or_report(args.model, command="xincept adapt")
    if model is None:
        return EXIT_CANNOT_RUN

    def log(message: str) -> None:
        print(time.strftime("%H:%M:%S"), message, file=sys.stderr, flush=True)

    request = AdaptRequest(data=args.data, out=args.out, name=args.name, seed=args.seed)
    try:
        outcome = adapt(model, request, log, progress=StderrProgress("embedded", 1))
    except XinceptError as exc:
        print(f"xincept adapt: {exc}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    except OSError as exc:
        print(f"xincept adapt: cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    before, after = outcome.provenance["held_out"]["before"], outcome.provenance["held_out"]["after"]
    print(f"adapted model written to {outcome.folder}; held-out lab images (n = {after['n']}): accuracy "
          f"{before['accuracy']:.1%} -> {after['accuracy']:.1%}, out of domain {before['ood_rate']:.1%} -> "
          f"{after['ood_rate']:.1%}")
    return EXIT_OK
