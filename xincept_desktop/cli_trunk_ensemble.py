"""``xincept trunk-ensemble``: the trunk-ensemble lever (``core.training.trunk_ensemble``).

- ``--data DIR --out BUNDLE --fold K --members N --report FILE``: measure it on one split, from the feature cache
  ``xincept train --out BUNDLE --fold K`` left;
- ``--summarise FILE... [--card BUNDLE]``: mean and sd over the splits' reports, the decision, and the model card
  section."""

from __future__ import annotations

import sys
from pathlib import Path

from .cli_common import (EXIT_CANNOT_RUN, EXIT_OK, EXIT_USAGE, positive_int, read_reports, run_split_study,
                         write_card_section)


def add_parser(commands) -> None:
    command = commands.add_parser("trunk-ensemble", help="measure an ensemble of fusion trunks on one split's "
                                  "held-out blocks, from the feature cache of `xincept train --out BUNDLE --fold K`; "
                                  "or summarise such reports over splits")
    command.add_argument("--data", type=Path, help="the training class folders")
    command.add_argument("--out", type=Path, help="the bundle folder that split's training wrote")
    command.add_argument("--fold", type=int, default=0, choices=range(5), metavar="{0..4}")
    command.add_argument("--seed", type=int, default=7, help="the split's own seed (member 0)")
    command.add_argument("--members", type=positive_int, default=3)
    command.add_argument("--report", type=Path, help="JSON file for one split's figures")
    command.add_argument("--summarise", type=Path, nargs="+", metavar="REPORT",
                         help="summarise these reports (one per split offset) instead of measuring")
    command.add_argument("--card", type=Path, metavar="BUNDLE", help="with --summarise: put the section on this "
                         "bundle's model card")


def run(args) -> int:
    if args.summarise:
        return _summarise(args)
    if not (args.data and args.out and args.report):
        print("xincept trunk-ensemble: give --data, --out and --report (or --summarise REPORT...)", file=sys.stderr)
        return EXIT_USAGE
    return _measure(args)


def _measure(args) -> int:
    from .core.training.trunk_ensemble import trunk_ensemble_study

    return run_split_study("xincept trunk-ensemble", args,
                           lambda config, log: trunk_ensemble_study(config, args.members, log))


def _summarise(args) -> int:
    from .core.training.trunk_ensemble_summary import card_lines, summarise_reports, write_to_card

    reports = read_reports("xincept trunk-ensemble", args.summarise, lambda report: report["fold"],
                           "come from the same split offset")
    if reports is None:
        return EXIT_CANNOT_RUN
    figures = summarise_reports(reports)
    print("\n".join(card_lines(figures)))
    if args.card is not None:
        return write_card_section("xincept trunk-ensemble", args.card, write_to_card, figures, "section")
    return EXIT_OK
