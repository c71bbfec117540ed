"""Where a training run keeps its resumable state: feature cache and checkpoints, outside the bundle."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from ...config import user_cache_dir


def training_workspace(out: Path, fresh: bool) -> Path:
    """Per-output work folder in the user cache; ``fresh`` removes what an earlier run left there."""
    out = Path(out).resolve()
    tag = hashlib.sha256(str(out).encode()).hexdigest()[:12]
    folder = user_cache_dir() / "train" / f"{out.name}-{tag}"
    if fresh and folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True, exist_ok=True)
    return folder
