"""``xincept view-lever``: training-side levers that add augmented views (``core.training.view_levers``).

- ``--data DIR --out BUNDLE --fold K --lever NAME --report FILE``: measure one lever on one split, on top of the
  feature cache ``xincept train --out BUNDLE --fold K`` left;
- ``--summarise FILE... [--card BUNDLE]``: mean and sd over the splits' reports, the decision, and the model card
  section."""

from __future__ import annotations

import sys
from pathlib import Path

from .cli_common import EXIT_CANNOT_RUN, EXIT_OK, EXIT_USAGE, read_reports, run_split_study, write_card_section

# core.training.view_levers.VIEW_LEVERS, "stain-" + core.training.stain_normalisation.METHODS and the fine-tuning
# lever (core.training.finetune_lever), named here so that the parser does not import them
LEVER_NAMES = ("more-views", "benign-hard", "stain-reinhard", "stain-macenko", "fine-tune", "fine-tune-long")


def add_parser(commands) -> None:
    command = commands.add_parser("view-lever", help="measure a training-side lever (more views, "
                                  "harder views for Benign, stain normalisation at input, fine-tuning the backbones' "
                                  "last blocks) on one split's held-out "
                                  "blocks, with the feature cache of `xincept train --out BUNDLE --fold K`; or "
                                  "summarise such reports over splits")
    command.add_argument("--data", type=Path, help="the training class folders")
    command.add_argument("--out", type=Path, help="the bundle folder that split's training wrote")
    command.add_argument("--fold", type=int, default=0, choices=range(5), metavar="{0..4}")
    command.add_argument("--seed", type=int, default=7, help="the split's own seed")
    command.add_argument("--lever", choices=LEVER_NAMES, help="which change to measure")
    command.add_argument("--report", type=Path, help="JSON file for one split's figures")
    command.add_argument("--summarise", type=Path, nargs="+", metavar="REPORT",
                         help="summarise these reports (one per lever and split offset) instead of measuring")
    command.add_argument("--card", type=Path, metavar="BUNDLE", help="with --summarise: put the section on this "
                         "bundle's model card")


def run(args) -> int:
    if args.summarise:
        return _summarise(args)
    if not (args.data and args.out and args.report and args.lever):
        print("xincept view-lever: give --data, --out, --lever and --report (or --summarise REPORT...)",
              file=sys.stderr)
        return EXIT_USAGE
    return _measure(args)


def _measure(args) -> int:
    def study(config, log):
        if args.lever.startswith("fine-tune"):
            from .core.training.finetune_lever import finetune_lever_study

            return finetune_lever_study(config, log, args.lever)
        if args.lever.startswith("stain-"):
            from .core.training.stain_lever import stain_lever_study

            return stain_lever_study(config, args.lever.removeprefix("stain-"), log)
        from .core.training.view_levers import view_lever_study

        return view_lever_study(config, args.lever, log)

    return run_split_study("xincept view-lever", args, study)


def _summarise(args) -> int:
    from .core.training.view_lever_summary import card_lines, summarise_reports, write_to_card

    reports = read_reports("xincept view-lever", args.summarise, lambda report: (report["lever"], report["fold"]),
                           "measure the same lever on the same split")
    if reports is None:
        return EXIT_CANNOT_RUN
    figures = summarise_reports(reports)
    print("\n".join(card_lines(figures)))
    if args.card is not None:
        return write_card_section("xincept view-lever", args.card, write_to_card, figures, "section")
    return EXIT_OK
