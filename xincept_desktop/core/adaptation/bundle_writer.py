"""Write the adapted bundle: the parent's files, the refit ones, provenance and a model-card section, atomically.

Everything is built in a hidden temporary folder beside the destination, checked like any bundle
(``verify_bundle``), and only then renamed into place; on any failure the temporary folder is removed, so a
refused or interrupted adaptation leaves nothing behind.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

from ..atomic import atomic_write_text, fsync_folder
from ..model.bundle import CALIBRATION, MANIFEST, OOD_STATS, XGBOOST_MODEL, Manifest, verify_bundle, write_manifest
from ..model.xgb_head import save_booster
from .fit import SiteFit

PROVENANCE = "adaptation.json"
CARD = "MODEL_CARD.md"
REFIT = {XGBOOST_MODEL, CALIBRATION, OOD_STATS, MANIFEST, CARD, PROVENANCE}


def write_adapted_bundle(parent_folder: Path, parent: Manifest, out: Path, fit: SiteFit, provenance: dict,
                         manifest: Manifest) -> Manifest:
    out = Path(out)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.adapting-", dir=out.parent))
    try:
        for path in sorted(Path(parent_folder).iterdir()):
            if path.is_file() and path.name not in REFIT and not path.name.startswith("."):
                shutil.copy2(path, staging / path.name)
        save_booster(fit.booster, staging / XGBOOST_MODEL)
        atomic_write_text(staging / CALIBRATION, json.dumps({"method": "temperature",
                                                              "temperature": fit.temperature}) + "\n")
        fit.detector.save(staging / OOD_STATS)
        atomic_write_text(staging / PROVENANCE, json.dumps(provenance, indent=2) + "\n")
        card = Path(parent_folder) / CARD
        base = card.read_text(encoding="utf-8") if card.is_file() else f"# {parent.name} {parent.version}\n"
        atomic_write_text(staging / CARD, base.rstrip() + "\n\n" + card_section(provenance) + "\n")
        written = write_manifest(staging, replace(manifest, files={}))
        verify_bundle(staging)
        if out.exists():
            raise FileExistsError(f"{out} appeared while adapting")
        staging.rename(out)
        fsync_folder(out.parent)
        return written
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def card_section(provenance: dict) -> str:
    before, after = provenance["held_out"]["before"], provenance["held_out"]["after"]
    lines = [
        f"## Site adaptation: {provenance['site']}",
        "",
        f"This bundle is **{provenance['name']}**, adapted on {provenance['created']} from "
        f"**{provenance['parent']['label']}** (parent hash `{provenance['parent']['hash']}`) to the images of "
        f"*{provenance['site']}*. The backbones and the fusion trunk are the parent's; the XGBoost head was refit "
        f"on {provenance['training_rows']} training-image embeddings plus {provenance['lab']['fit_images']} of the "
        f"lab's images (weighing {provenance['lab_share']:.0%} of the fit), the temperature "
        f"({provenance['temperature']:.3f}) on the lab's fitted images out of fold, and the out-of-domain "
        f"statistics gained the lab's images.",
        "",
        f"Lab data: `{provenance['lab']['data']}`, digest `{provenance['lab']['digest'][:16]}`, "
        f"{provenance['lab']['images']} images: {provenance['lab']['fit_images']} fitted, "
        f"{provenance['lab']['held_out_images']} held out ({provenance['lab']['split']}), "
        f"{provenance['lab']['left_out_images']} left out next to held-out ones.",
        "",
        "Held-out part of the lab's images (never fitted on):",
        "",
        "| | accuracy | flagged out of domain | ECE |",
        "|---|---|---|---|",
        f"| parent | {before['accuracy']:.4f} | {before['ood_rate']:.1%} | {before['ece']:.4f} |",
        f"| adapted | {after['accuracy']:.4f} | {after['ood_rate']:.1%} | {after['ece']:.4f} |",
        "",
        "The lab must still run its own verification study (`xincept verify`) on images not used here before use.",
    ]
    return "\n".join(lines)
