"""What every ``xincept`` command shares: exit statuses and loading the model bundle with a readable refusal.

Kept apart from ``cli`` so the subcommand modules import it without importing the parser (no import cycle).
"""

from __future__ import annotations

import sys
from pathlib import Path

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


def load_model_or_report(model_dir: Path | None, booster_file: str | None = None, command: str = "xincept"):
    """Load the bundle (optionally with another of its XGBoost files); on failure print why and return None."""
    from .config import default_model_dir
    from .core.model.bundle import XGBOOST_MODEL
    from .core.model.predictor import XInceptModel
    from .errors import XinceptError

    folder = model_dir or default_model_dir()
    try:
        return XInceptModel.load(folder, booster_file=booster_file or XGBOOST_MODEL)
    except XinceptError as exc:
        print(f"{command}: cannot load the model: {exc}", file=sys.stderr)
        return None
